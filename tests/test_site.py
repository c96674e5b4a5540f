"""The course website (``python -m gan_course site``), built once per session into a temporary folder.

* static: no page, style sheet or script of the site loads anything from the network (every ``src``/``href`` of
  the tags that load, every CSS ``url()``/``@import``, the loading calls of every script);
* links: every internal link, image, script and anchor of every page (lessons, landing pages, decks) resolves;
* pages: one page per lesson notebook in each language, whatever notebooks exist; the language switch of each
  page names its twin (same lesson number); the lesson box shows the measured time and its downloads exist;
* browser: with ``chromium`` on PATH, pages are opened headless with the network cut and every request recorded
  (DevTools protocol over a pipe): a lesson's maths typesets, its images load, the language switch lands on the
  twin, the search finds "proyección"/"projeção" when served by ``python -m http.server``, and no request leaves
  the machine. Skipped, with the reason, without chromium or without ``requirements-docs.txt``.
* command line: a missing package of requirements-docs.txt or a wrong ``--out`` is one translated line.
"""
import html
import importlib.util
import json
import os
import pathlib
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse

import pytest

from gan_course import site
from gan_course.__main__ import main

ROOT = pathlib.Path(__file__).resolve().parents[1]
MISSING = [package for module, package in site.REQUIRED.items() if importlib.util.find_spec(module) is None]
needs_docs = pytest.mark.skipif(bool(MISSING), reason=f"the website needs {', '.join(MISSING)}: "
                                                      "pip install -r requirements-docs.txt")
WORD = {"es": "proyección", "pt": "projeção"}
STEM = {"es": "proyecci", "pt": "projeç"}   # what every form of the word shares (the search stems it)
MATHS_LESSON = "04"                     # a lesson full of formulas and figures


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """The site of a snapshot of the notebooks and lesson times (lessons are re-executed while the tests run)."""
    if MISSING:
        pytest.skip(f"the website needs {', '.join(MISSING)}: pip install -r requirements-docs.txt")
    tmp = tmp_path_factory.mktemp("site")
    for lang in ("es", "pt"):
        (tmp / "repo" / "notebooks" / lang).mkdir(parents=True)
        for notebook in site.lessons(lang):
            shutil.copyfile(notebook.path, tmp / "repo" / "notebooks" / lang / notebook.path.name)
    shutil.copytree(ROOT / "figures", tmp / "repo" / "figures")      # the notebooks' ../../figures/…
    (tmp / "repo" / "lesson_times.json").write_text(json.dumps(site.load_times()), encoding="utf-8")
    start = time.time()
    site.build_site(tmp / "site", notebooks=tmp / "repo" / "notebooks", times=tmp / "repo" / "lesson_times.json",
                    verbose=False)
    print(f"site built in {time.time() - start:.0f} s")
    return tmp / "site"


def _lessons(built, lang):
    """The lessons the site was built from (the snapshot's notebooks)."""
    return site.lessons(lang, built.parent / "repo" / "notebooks")


def _times(built):
    return site.load_times(built.parent / "repo" / "lesson_times.json")


def _pages(folder: pathlib.Path):
    return sorted(p for p in folder.rglob("*.html") if "_static" not in p.parts)


# ---------------------------------------------------------------------------------------------- static checks
LOADING_TAG = re.compile(r"<(script|link|img|source|iframe|video|audio|embed|object|input|track|image)\b[^>]*>",
                         re.IGNORECASE)
LOADING_ATTR = re.compile(r"""\b(src|href|srcset|data|poster|xlink:href)\s*=\s*(["'])(.*?)\2""", re.IGNORECASE)
REMOTE = re.compile(r"^\s*(?:https?:)?//", re.IGNORECASE)
CSS_URL = re.compile(r"""(?:url\(\s*["']?|@import\s+["'])\s*((?:https?:)?//[^"')\s]+)""", re.IGNORECASE)
# a script string that starts with an address (JS_REMOTE), handed to something that loads it (JS_LOADER)
JS_REMOTE = re.compile(r"""["'`](?:https?:)?//""", re.IGNORECASE)
JS_LOADER = re.compile(r"""(?:\.src\s*=|\.href\s*=|\bimport\(|importScripts\(|fetch\(|\.open\([^,()]*,)\s*$""")
STYLE = re.compile(r"<style\b[^>]*>(.*?)</style>|style=\"([^\"]*)\"", re.IGNORECASE | re.DOTALL)
CLICKED = {"alternate", "canonical", "author", "license", "help"}   # <link rel=…> a browser does not fetch


def remote_loads_in_html(text: str) -> list[str]:
    """Every ``http(s)://``/``//`` address a page would load by itself (links to click are fine)."""
    found = []
    for tag in LOADING_TAG.finditer(text):
        attrs = {m.group(1).lower(): html.unescape(m.group(3)) for m in LOADING_ATTR.finditer(tag.group(0))}
        rel = re.search(r"""\brel\s*=\s*["']([^"']*)""", tag.group(0), re.IGNORECASE)
        if tag.group(1).lower() == "link" and rel and set(rel.group(1).lower().split()) <= CLICKED:
            continue
        for name, value in attrs.items():
            urls = [part.strip().split(" ")[0] for part in value.split(",")] if name == "srcset" else [value]
            found += [f"<{tag.group(1)} {name}={u}>" for u in urls if REMOTE.match(u)]
    for m in STYLE.finditer(text):
        found += CSS_URL.findall(m.group(1) or m.group(2) or "")
    return found


def remote_loads_in_css(text: str) -> list[str]:
    return CSS_URL.findall(re.sub(r"/\*.*?\*/", "", text, flags=re.DOTALL))


def remote_loads_in_js(text: str) -> list[str]:
    """Each address string a script hands to a loader (``x.src =``, ``fetch(``, ``import(``…)."""
    found = []
    for m in JS_REMOTE.finditer(text):
        loader = JS_LOADER.search(text[max(0, m.start() - 60):m.start()])
        if loader:
            found.append(loader.group(0) + m.group(0))
    return found


def test_static_check_sees_remote_loads():
    page = ('<script src="https://cdn.example.org/x.js"></script><link rel="stylesheet" href="//fonts.example/f.css">'
            '<img srcset="a.png 1x, https://x.example/b.png 2x"><a href="https://example.org">a link</a>'
            '<link rel="alternate" href="https://example.org/pt/"><div style="background: url(http://x/y.png)">')
    assert len(remote_loads_in_html(page)) == 4
    assert remote_loads_in_css("/* https://x.org */ a { background: url('https://x.org/a.png') }") == \
        ["https://x.org/a.png"]
    assert remote_loads_in_js('s.src = "https://cdn.example.org/mathjax.js"; fetch(`//x.org/a`)') == \
        ['.src = "https://', 'fetch(`//']
    assert not remote_loads_in_js('const home = "https://www.mathjax.org"; a.href = "#top"')
    assert not remote_loads_in_html('<script src="_static/x.js"></script><a href="https://example.org">x</a>')


@needs_docs
def test_no_page_loads_anything_from_the_network(built):
    problems = []
    for path in sorted(p for p in built.rglob("*") if p.suffix in (".html", ".css", ".js") and p.is_file()):
        text = path.read_text(encoding="utf-8", errors="replace")
        where = path.relative_to(built).as_posix()
        if path.suffix == ".html":
            problems += [f"{where}: {u}" for u in remote_loads_in_html(text)]
        elif path.suffix == ".css":
            problems += [f"{where}: {u}" for u in remote_loads_in_css(text)]
        else:
            problems += [f"{where}: {u}" for u in remote_loads_in_js(text)]
    assert not problems, "\n".join(problems[:20])


# ------------------------------------------------------------------------------------------------- link check
REF = re.compile(r"""\b(href|src)\s*=\s*(["'])(.*?)\2""", re.IGNORECASE)
ANCHOR = re.compile(r"""\s(?:id|name)\s*=\s*(["'])(.*?)\1""", re.IGNORECASE)


def _target(page: pathlib.Path, ref: str):
    """``(file, fragment)`` a relative reference points to, or ``None`` for an address elsewhere."""
    ref = html.unescape(ref).strip()
    if not ref or re.match(r"^[a-z][a-z0-9+.-]*:", ref, re.IGNORECASE) or ref.startswith("//"):
        return None
    parts = urllib.parse.urlsplit(ref)
    path = page if not parts.path else (page.parent / urllib.parse.unquote(parts.path))
    if parts.path.endswith("/") or path.is_dir():
        path = path / "index.html"
    return path.resolve(), parts.fragment


@needs_docs
def test_no_broken_internal_link_or_anchor(built):
    anchors, broken, checked = {}, [], 0
    for page in _pages(built):
        text = page.read_text(encoding="utf-8", errors="replace")
        for m in REF.finditer(text):
            target = _target(page, m.group(3))
            if target is None:
                continue
            path, fragment = target
            checked += 1
            where = f"{page.relative_to(built).as_posix()} -> {m.group(3)}"
            if not path.is_file() or built.resolve() not in path.parents:
                broken.append(f"{where} (no such file)")
            elif fragment and path.suffix == ".html" and not fragment.startswith("/"):   # "#/3": reveal.js
                if path not in anchors:
                    text = path.read_text(encoding="utf-8", errors="replace")
                    anchors[path] = {html.unescape(m.group(2)) for m in ANCHOR.finditer(text)}
                if not {fragment, urllib.parse.unquote(fragment)} & anchors[path]:   # browsers try both
                    broken.append(f"{where} (no anchor)")
    assert checked > 1000
    assert not broken, "\n".join(broken[:30])


# ------------------------------------------------------------------------------------------------------ pages
@needs_docs
@pytest.mark.parametrize("lang", ["es", "pt"])
def test_a_page_per_lesson_with_its_twin_and_its_box(built, lang):
    other = "pt" if lang == "es" else "es"
    lessons = _lessons(built, lang)
    twins = {lesson.number: lesson.name for lesson in reversed(_lessons(built, other))}
    assert len(lessons) >= 9
    for lesson in lessons:
        page = (built / lang / f"{lesson.name}.html").read_text(encoding="utf-8")
        switch = re.search(r'class="btn btn-sm gc-lang-switch" href="([^"]+)"', page)
        assert switch and switch.group(1) == f"../{other}/{twins.get(lesson.number, 'index')}.html", lesson.name
        for feature in ("copybutton.js", "theme-switch-button", "bd-sidebar-primary", "searchbox"):   # reader's tools
            assert feature in page, f"{lesson.name}: no {feature}"
        box = re.search(r'<div class="gc-lesson-info">(.*?)</div>', page, re.DOTALL)
        assert box, f"{lesson.name}: no time and downloads box"
        short, conditions = site.time_text(site.time_record(lesson, _times(built)), lang)
        assert html.escape(short) in box.group(1) and html.escape(conditions) in box.group(1)
        assert (built / lang / "downloads" / lesson.path.name).read_bytes() == lesson.path.read_bytes()
        assert f'href="../slides/{lang}/{lesson.name}.html"' in box.group(1)
        index = (built / lang / "index.html").read_text(encoding="utf-8")
        assert f'href="{lesson.name}.html"' in index, f"{lesson.name} is missing from the course map"


def test_new_notebooks_are_picked_up_with_their_first_heading(tmp_path):
    nb = {"cells": [{"cell_type": "markdown", "metadata": {}, "source": ["Intro\n", "\n", "# Título: la lección\n"]}],
          "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    for name in ("11_nueva.ipynb", "notes.ipynb", "07_otra.ipynb"):
        (tmp_path / "es").mkdir(exist_ok=True)
        (tmp_path / "es" / name).write_text(json.dumps(nb), encoding="utf-8")
    found = site.lessons("es", tmp_path)
    assert [(x.number, x.name, x.title) for x in found] == [("07", "07_otra", "Título: la lección"),
                                                             ("11", "11_nueva", "Título: la lección")]


def test_times_come_from_the_file_with_their_conditions():
    lesson = site.Lesson("pt", ROOT / "notebooks" / "pt" / "06_dcgan_mnist.ipynb", "DCGAN")
    entry = {"seconds": 412.0, "load_before": 2.25, "load_after": 3.5, "cpus": 2, "date": "2026-12-06T14:00:00Z"}
    times = {"notebooks/es/06_dcgan_mnist.ipynb": {"full": entry, "quick": dict(entry, seconds=20.0)}}
    assert site.time_record(lesson, times) == entry            # the twin's, when the notebook has none
    short, conditions = site.time_text(entry, "pt")
    assert short == "≈ 7 min *"                                 # a load above the CPU count is flagged
    assert conditions == ("CPU de 2 núcleos, carga média 2,2 antes e 3,5 depois, 2026-12-06; "
                          "* máquina ocupada (mais processos que núcleos): numa livre demora menos")
    quiet = dict(entry, load_before=0.4, load_after=1.1)
    assert site.time_text(quiet, "es") == ("≈ 7 min",
                                           "CPU de 2 núcleos, carga media 0.4 antes y 1.1 después, 2026-12-06")
    assert site.time_text(dict(quiet, seconds=20), "es")[0] == "< 1 min"
    assert site.time_text(None, "es") == ("sin medir", "")
    assert site.time_record(lesson, {}) is None


# ---------------------------------------------------------------------------------------------- command line
def test_missing_docs_package_is_one_translated_line(tmp_path, capsys, monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(site.importlib.util, "find_spec", lambda name, *a: None if name == "myst_nb" else real(name))
    for lang, words in (("es", "falta el paquete myst-nb"), ("pt", "falta o pacote myst-nb")):
        assert main(["--lang", lang, "site", "--out", str(tmp_path / "out")]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and words in err and "pip install -r requirements-docs.txt" in err, err
    assert not (tmp_path / "out").exists()


def test_out_must_be_empty_or_a_site(tmp_path, capsys):
    if MISSING:
        pytest.skip(f"the website needs {', '.join(MISSING)}")
    (tmp_path / "notes.txt").write_text("mine")
    assert main(["site", "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(tmp_path) in err and "una carpeta vacía" in err, err
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


# ---------------------------------------------------------------------------------------------------- browser
def _chromium():
    return shutil.which("chromium") or shutil.which("chromium-browser")


class Browser:
    """Headless Chromium driven over ``--remote-debugging-pipe`` (no extra package), with the network cut; every
    request the pages make is kept in ``requests``."""

    def __init__(self, binary, profile):
        to_chrome, self._write = os.pipe()
        self._read, from_chrome = os.pipe()

        def fds():                       # Chromium reads commands on fd 3 and writes answers on fd 4
            commands, answers = os.dup(to_chrome), os.dup(from_chrome)
            os.dup2(commands, 3)
            os.dup2(answers, 4)

        self.proc = subprocess.Popen(
            [binary, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", "--window-size=1280,900",
             # no network: every host name fails to resolve, every proxied request goes to a closed port
             "--proxy-server=127.0.0.1:9",     # (loopback, the test's own server, bypasses the proxy)
             "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "about:blank"],
            preexec_fn=fds, close_fds=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_chrome)
        os.close(from_chrome)
        self._id, self._buffer, self.requests, self.events = 0, b"", [], []
        target = self.send("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page", "Network", "Runtime"):
            self.send(f"{domain}.enable", session=True)

    def send(self, method, session=False, **params):
        self._id += 1
        message = {"id": self._id, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        os.write(self._write, json.dumps(message).encode() + b"\0")
        while True:
            answer = self._next(60)
            if answer.get("id") == self._id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer.get("result", {})

    def _next(self, timeout):
        deadline = time.time() + timeout
        while b"\0" not in self._buffer:
            if time.time() > deadline:
                raise TimeoutError("no answer from Chromium")
            chunk = os.read(self._read, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed its pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        message = json.loads(raw)
        if message.get("method") == "Network.requestWillBeSent":
            self.requests.append(message["params"]["request"]["url"])
        elif "method" in message:
            self.events.append(message["method"])
        return message

    def open(self, url):
        """Go to ``url`` and wait until that document has loaded (not an earlier page's late load event)."""
        loader = self.send("Page.navigate", session=True, url=url).get("loaderId")
        self.wait_for(f"document.readyState === 'complete' && location.href === {json.dumps(url)}", timeout=90)
        return loader

    def wait_for(self, expression, timeout=60):
        """Evaluate ``expression`` (JavaScript) until it is truthy; returns its value."""
        deadline = time.time() + timeout
        while True:
            value = self.send("Runtime.evaluate", session=True, expression=expression, returnByValue=True,
                              awaitPromise=True)["result"].get("value")
            if value or time.time() > deadline:
                return value
            time.sleep(0.25)

    def close(self):
        try:
            self.send("Browser.close")
        except (RuntimeError, TimeoutError, OSError):
            pass
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        os.close(self._write)
        os.close(self._read)


@pytest.fixture(scope="module")
def browser(built, tmp_path_factory):
    binary = _chromium()
    if binary is None:
        pytest.skip("chromium is not installed (apt-get install chromium): the site was checked statically only")
    b = Browser(binary, tmp_path_factory.mktemp("profile"))
    yield b
    b.close()


@pytest.fixture(scope="module")
def served(built):
    """``python -m http.server`` on the site (port chosen by the system), as the landing page tells readers."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "-d", str(built)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.2)
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    proc.wait(timeout=10)


def _text(notebook):
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(c["source"]) for c in cells).casefold()


def _lesson(built, lang, number):
    return next(lesson for lesson in _lessons(built, lang) if lesson.number == number)


def _showcase(built, lang):
    """A lesson page with formulas and figures: lesson 04's, or the one with most figures."""
    def rank(lesson):
        page = (built / lang / f"{lesson.name}.html").read_text(encoding="utf-8")
        figures = page.count('<img alt="_images/')            # the cells' outputs
        return figures > 0 and 'class="math' in page, lesson.number == MATHS_LESSON, figures

    best = max(_lessons(built, lang), key=rank)
    if not rank(best)[0]:
        pytest.skip(f"no {lang} lesson page with formulas and figures (are the notebooks executed?)")
    return best


IMAGES = "[...document.images].map(i => [i.getAttribute('src').slice(0, 60), i.complete && i.naturalWidth > 0])"
MATHS = "document.querySelectorAll('mjx-container').length"


@needs_docs
@pytest.mark.parametrize("lang", ["es", "pt"])
def test_a_lesson_from_disk_typesets_its_maths_and_shows_its_images(built, browser, lang):
    start = len(browser.requests)
    browser.open((built / lang / f"{_showcase(built, lang).name}.html").as_uri())
    assert browser.wait_for(f"{MATHS} > 10 && !document.querySelector('mjx-merror')"), "MathJax did not typeset"
    images = browser.wait_for(f"(() => {{ const s = {IMAGES}; return s.length && s.every(x => x[1]) && s; }})()")
    assert images, browser.wait_for(IMAGES, timeout=0)
    browser.open((built / lang / "index.html").as_uri())
    assert browser.wait_for(f"(() => {{ const s = {IMAGES}; return s.length >= 3 && s.every(x => x[1]); }})()"), \
        "the landing page's GIFs did not load"
    remote = [u for u in browser.requests[start:] if not u.startswith(("file:", "data:", "blob:", "about:"))]
    assert not remote, remote


@needs_docs
def test_the_language_switch_lands_on_the_twin_page(built, browser):
    start = len(browser.requests)
    for lang, other in (("es", "pt"), ("pt", "es")):
        browser.open((built / lang / f"{_lesson(built, lang, '06').name}.html").as_uri())
        browser.send("Runtime.evaluate", session=True, expression="document.querySelector('.gc-lang-switch').click()")
        landed = browser.wait_for(f"location.pathname.endsWith('/{other}/{_lesson(built, other, '06').name}.html') && "
                                  "document.readyState === 'complete' && document.documentElement.lang")
        assert landed == {"es": "es", "pt": "pt-BR"}[other], landed
    remote = [u for u in browser.requests[start:] if not u.startswith(("file:", "data:", "blob:", "about:"))]
    assert not remote, remote


@needs_docs
@pytest.mark.parametrize("lang", ["es", "pt"])
def test_the_served_search_finds_a_lesson_word(built, browser, served, lang):
    start = len(browser.requests)
    browser.open(f"{served}/{lang}/search.html?q={urllib.parse.quote(WORD[lang])}")
    found = browser.wait_for(
        "(() => { const r = [...document.querySelectorAll('#search-results li')];"
        " const c = r.map(li => (li.querySelector('p.context') || {}).textContent || '');"
        " return r.length && c.some(t => t.trim()) && [r.map(li => li.querySelector('a').getAttribute('href')), c];"
        " })()", timeout=60)
    assert found, "the search found nothing, or showed no text from the pages"
    hrefs, contexts = found
    assert any(STEM[lang] in c.casefold() for c in contexts), contexts[:3]
    lessons = {lesson.name for lesson in _lessons(built, lang) if STEM[lang] in _text(lesson.path)}
    assert {h.split(".html")[0] for h in hrefs} & lessons, (hrefs, lessons)
    remote = [u for u in browser.requests[start:] if not u.startswith((served, "data:", "blob:", "about:"))]
    assert not remote, remote


@needs_docs
def test_the_search_from_disk_lists_pages_and_says_how_to_serve_them(built, browser):
    browser.open((built / "es" / "search.html").as_uri() + f"?q={urllib.parse.quote(WORD['es'])}")
    found = browser.wait_for("document.querySelectorAll('#search-results li a').length && "
                             "!document.querySelector('.gc-search-note').hidden && "
                             "document.querySelector('.gc-search-note').textContent")
    assert found and "python -m http.server" in found, found


def test_command_loads_neither_tensorflow_nor_sphinx():
    code = ("import sys; from gan_course.__main__ import build_parser; build_parser('site');"
            "print(sorted(m for m in ('tensorflow', 'sphinx', 'myst_nb') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
