"""``python -m gan_course slides``: offline decks of the lessons.

* static: lesson 00's decks (both languages) load no script, style sheet or font over http(s), every local
  path they use exists, and the formulas are there as TeX for MathJax;
* a notebook made here: markdown figures are copied next to the deck, GIF outputs are embedded, links to
  other lessons go to their decks;
* errors a user can cause: one translated line, exit code 2;
* browser: with ``chromium`` on PATH, lesson 04's decks are opened headless with the network cut, and
  reveal.js must start and MathJax typeset (skipped, with the reason, without chromium).
"""
import base64
import re
import shutil
import subprocess
import sys
import urllib.parse
from html.parser import HTMLParser

import nbformat
import pytest

from gan_course import i18n, slides
from gan_course.__main__ import main

DECKS_00 = {"es": "00_bienvenida.html", "pt": "00_boas_vindas.html"}
REMOTE = re.compile(r"^\s*(?:https?:)?//", re.IGNORECASE)
CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)""")
CSS_IMPORT = re.compile(r"""@import\s+(['"])(.*?)\1""")
REQUIRED_JS = re.compile(r"""["']([^"']+\.js)["']""")
# the smallest GIF: one transparent pixel
TINY_GIF = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")


@pytest.fixture(autouse=True)
def _keep_language():
    """``main()`` sets the language for the whole process; put it back after each test."""
    old = i18n.get_language()
    yield
    i18n.set_language(old)


class _Refs(HTMLParser):
    """Script, style-sheet and image references of a page, and the text of its inline scripts."""

    def __init__(self):
        super().__init__()
        self.scripts, self.styles, self.images, self.inline, self._in_script = [], [], [], [], False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script":
            self._in_script = True
            if a.get("src"):
                self.scripts.append(a["src"])
        elif tag == "link" and "stylesheet" in (a.get("rel") or "") and a.get("href"):
            self.styles.append(a["href"])
        elif tag == "img" and a.get("src"):
            self.images.append(a["src"])

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.inline.append(data)


def _refs(page):
    parser = _Refs()
    parser.feed(page)
    return parser


def _local(base, ref):
    """The file a relative URL names (query and fragment dropped)."""
    path = urllib.parse.unquote(urllib.parse.urlsplit(ref).path)
    return (base / path).resolve()


def _check_css(css_file, seen):
    """Every url()/@import of a local style sheet is local and exists (recursively through @import)."""
    if css_file in seen:
        return
    seen.add(css_file)
    text = css_file.read_text(encoding="utf-8")
    for ref in [m.group(2) for m in CSS_URL.finditer(text)] + [m.group(2) for m in CSS_IMPORT.finditer(text)]:
        assert not REMOTE.match(ref), f"{css_file} loads {ref}"
        if ref.startswith("data:"):
            continue
        target = _local(css_file.parent, ref)
        assert target.is_file(), f"{css_file}: {ref} does not exist"
        if target.suffix == ".css":
            _check_css(target, seen)


def _check_deck(deck):
    """No remote script/style/font; every local script, style sheet and image exists."""
    page = deck.read_text(encoding="utf-8")
    refs = _refs(page)
    assert refs.scripts and refs.styles
    for ref in refs.scripts + refs.styles + refs.images:
        assert not REMOTE.match(ref), f"{deck.name} loads {ref}"
    for match in CSS_URL.finditer(page):
        assert not REMOTE.match(match.group(2)), f"{deck.name}: url({match.group(2)})"
    assert not re.search(r"""\bimport\b[^;'"]*['"]https?:""", page), "an ES module import over the network"
    required = [m for script in refs.inline if "require(" in script for m in REQUIRED_JS.findall(script)]
    assert any("reveal.js" in r for r in required)
    for ref in refs.scripts + refs.styles + required + [r for r in refs.images if not r.startswith("data:")]:
        assert not REMOTE.match(ref), f"{deck.name} requires {ref}"
        assert _local(deck.parent, ref).is_file(), f"{deck.name}: {ref} does not exist"
    seen = set()
    for ref in refs.styles:
        _check_css(_local(deck.parent, ref), seen)
    return page, refs


def test_lesson_00_decks_are_self_contained(tmp_path):
    written = slides.build_slides(["00"], out=tmp_path, verbose=False)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in written) == sorted(
        f"{lang}/{name}" for lang, name in DECKS_00.items())
    for lang, name in DECKS_00.items():
        folder = tmp_path / lang
        for asset in ("reveal.js/dist/reveal.js", "reveal.js/dist/theme/white.css", "reveal.js/LICENSE",
                      "requirejs/require.js", "jquery/jquery.min.js", "mathjax/MathJax.js"):
            assert (folder / "assets" / asset).is_file(), asset
        assert (folder / "index.html").is_file() and name in (folder / "index.html").read_text(encoding="utf-8")
        page, refs = _check_deck(folder / name)
        assert f'<html lang="{lang}">' in page
        # formulas stay TeX in the page, for the local MathJax configured to read $…$
        assert "$[-1, 1]$" in page and r"$\tanh$" in page
        mathjax = [s for s in refs.scripts if "MathJax.js" in s]
        assert mathjax == [f"assets/mathjax/MathJax.js?config={slides.MATHJAX_CONFIG}"]
        assert "text/x-mathjax-config" in page and "inlineMath" in page and 'webFont: "STIX-Web"' in page
        assert (folder / "assets" / "mathjax" / "config" / "TeX-AMS-MML_HTMLorMML-full.js").is_file()


def test_figures_gif_outputs_and_lesson_links(tmp_path):
    """A notebook made here: its ../figures GIF is copied next to the deck, its GIF output embedded."""
    (tmp_path / "figures").mkdir()
    (tmp_path / "figures" / "anim.gif").write_bytes(TINY_GIF)
    nb_dir = tmp_path / "notebooks" / "es"
    nb_dir.mkdir(parents=True)
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Prueba\n\n![animación](../../figures/anim.gif) y la lección "
                                      "[04](04_objetivo_gan.ipynb); fórmula $x^2$.",
                                      metadata={"slideshow": {"slide_type": "slide"}}),
        nbformat.v4.new_code_cell("gif.show_gif(path)", metadata={"slideshow": {"slide_type": "-"}}),
    ]
    nb.cells[1].outputs = [nbformat.v4.new_output(
        "display_data", data={"image/gif": base64.b64encode(TINY_GIF).decode(), "text/plain": "<Image>"})]
    nbformat.write(nb, nb_dir / "99_prueba.ipynb")
    out = tmp_path / "decks"
    [deck] = slides.build_slides(["99"], langs=("es",), out=out, notebooks=tmp_path / "notebooks", verbose=False)
    assert deck == out / "es" / "99_prueba.html"
    page, refs = _check_deck(deck)
    assert "figures/anim.gif" in refs.images
    assert (out / "es" / "figures" / "anim.gif").read_bytes() == TINY_GIF
    assert any(r.startswith("data:image/gif;base64,") for r in refs.images), "the GIF output is not shown"
    assert "&lt;Image&gt;" not in page
    assert 'href="04_objetivo_gan.html"' in page
    # building again into the same folder works (assets already there)
    assert slides.build_slides(["99_prueba"], langs=("es",), out=out, notebooks=tmp_path / "notebooks",
                               verbose=False) == [deck]


@pytest.mark.parametrize("argv, lang, expected", [
    (["99"], "es", "error: Argumento `LESSON` = '99' no válido: se esperaba una lección existente: 00_bienvenida"),
    (["--lang", "pt", "09_nada"], "pt", "erro: Argumento `LESSON` = '09_nada' inválido: esperava-se uma lição"),
    (["--lang", "fr", "00"], "es", "error: Argumento `--lang` = 'fr' no válido: se esperaba 'es' o 'pt'."),
    (["--out", "{file}", "00"], "es", "error: Argumento `out` = '{file}' no válido: se esperaba una carpeta en"),
    (["--lang", "pt", "--out", "{file}/sub", "00"], "pt", "erro: Argumento `out` = '{file}/sub' inválido"),
])
def test_user_errors_are_one_translated_line(tmp_path, capsys, monkeypatch, argv, lang, expected):
    monkeypatch.delenv("GAN_COURSE_LANG", raising=False)
    monkeypatch.chdir(tmp_path)           # the default --out, slides/, would land here
    i18n.set_language("es")
    blocker = tmp_path / "a_file.txt"
    blocker.write_text("not a folder")
    argv = [a.replace("{file}", str(blocker)) for a in argv]
    assert main(["slides", *argv]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert err.startswith(expected.replace("{file}", str(blocker))), err
    assert not (tmp_path / "slides").exists() and blocker.read_text() == "not a folder"


def test_no_tensorflow():
    code = "import sys, gan_course.slides; print('tensorflow' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def _chromium():
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def decks_04(tmp_path_factory):
    out = tmp_path_factory.mktemp("slides")
    return {deck.parent.name: deck for deck in slides.build_slides(["04"], out=out, verbose=False)}


@pytest.mark.parametrize("lang", ["es", "pt"])
def test_deck_runs_in_a_browser_without_network(decks_04, tmp_path, lang):
    browser = _chromium()
    if browser is None:
        pytest.skip("chromium is not installed (apt-get install chromium): the offline deck was not opened "
                    "in a browser")
    deck = decks_04[lang]
    command = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
               # no network: every http(s) request goes to a closed port, every host name fails to resolve
               "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
               "--host-resolver-rules=MAP * ~NOTFOUND",
               "--virtual-time-budget=15000", "--dump-dom", deck.as_uri()]
    done = subprocess.run(command, capture_output=True, text=True, timeout=180)
    dom = done.stdout
    assert done.returncode == 0 and "<html" in dom, done.stderr[-2000:]
    reveal = re.search(r'<div class="(reveal\b[^"]*)"', dom)
    assert reveal and "ready" in reveal.group(1).split(), "reveal.js did not start"
    assert len(re.findall(r'class="MathJax(?:_Display)?"', dom)) > 50, "MathJax did not typeset the formulas"
    assert not re.search(r'class="[^"]*\b(MathJax_Error|merror)\b', dom), "MathJax could not read a formula"
