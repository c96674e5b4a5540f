"""``python -m gan_course slides`` — reveal.js decks of the lessons that work with no network.

``jupyter nbconvert --to slides`` writes a deck that loads reveal.js, require.js, jQuery and MathJax from
CDNs: in a classroom without internet it shows one long page of raw ``$$…$$``.  This command converts the
committed, executed notebooks of ``notebooks/es`` and ``notebooks/pt`` with the same slide metadata, but
every script, style sheet and font comes from a local copy::

    slides/es/                      one self-contained folder per language (copy it to a USB stick)
        index.html                  links to every deck in the folder
        06_dcgan_mnist.html         one deck per lesson
        figures/dcgan_mnist.gif     the figures the lessons' markdown shows (``../../figures/…``)
        assets/reveal.js/           reveal.js 4.6.1 (dist/ + the notes plugin), shipped in gan_course/assets/slides
        assets/requirejs/           require.js 2.3.8, idem
        assets/jquery/              jQuery 2.2.4, idem
        assets/mathjax/             MathJax 2, copied from the installed ``jupyter-server-mathjax`` package

Open a deck by double-clicking it (``file://`` works) or serve the folder with ``python -m http.server``.
Images produced by the cells are already embedded in the notebooks, so they travel inside the deck.
Visto en 00 §Cómo usar el curso.
"""
from __future__ import annotations

import html
import importlib.util
import os
import pathlib
import re
import shutil
import time
import urllib.parse

from .i18n import LANGUAGES, arg_error, register, t

ASSETS = pathlib.Path(__file__).resolve().parent / "assets" / "slides"
VENDORED = ("reveal.js", "requirejs", "jquery")     # folders of ASSETS copied into every deck folder
TEMPLATE = "gan_course_reveal.html.j2"               # in ASSETS / "templates"
ASSET_DIR = "assets"                                 # inside each deck folder
FIGURE_DIR = "figures"                               # idem: the files the markdown's <img> point to
MATHJAX_CONFIG = "TeX-AMS-MML_HTMLorMML-full,Safe"   # the configs jupyter-server-mathjax ships
DEFAULT_OUT = "slides"
LESSON_NAME = re.compile(r"^\d\d_\w+$")

register({
    "slides.lessons": {"es": "lecciones: número (06) o nombre (06_dcgan_mnist); por defecto, todas",
                       "pt": "lições: número (06) ou nome (06_dcgan_mnist); padrão: todas"},
    "slides.out": {"es": "carpeta de destino (por defecto: slides/ en la carpeta actual); "
                         "dentro, una carpeta por idioma",
                   "pt": "pasta de destino (padrão: slides/ na pasta atual); dentro, uma pasta por idioma"},
    "slides.lang": {"es": "idioma de las diapositivas y de los mensajes (es o pt; por defecto, los dos)",
                    "pt": "idioma dos slides e das mensagens (es ou pt; padrão: os dois)"},
    "slides.expected_lesson": {"es": "una lección existente: {names}",
                               "pt": "uma lição existente: {names}"},
    "slides.expected_lang": {"es": "'es' o 'pt'", "pt": "'es' ou 'pt'"},
    "slides.expected_out": {"es": "una carpeta en la que se pueda escribir",
                            "pt": "uma pasta em que se possa escrever"},
    "slides.expected_notebooks": {
        "es": "la carpeta notebooks/ del repositorio del curso, con los cuadernos ejecutados en es/ y pt/",
        "pt": "a pasta notebooks/ do repositório do curso, com os notebooks executados em es/ e pt/",
    },
    "slides.no_mathjax": {
        "es": "falta el paquete jupyter-server-mathjax (MathJax sin conexión): pip install -r requirements.txt",
        "pt": "falta o pacote jupyter-server-mathjax (MathJax sem internet): pip install -r requirements.txt",
    },
    "slides.missing_image": {"es": "aviso: {deck}: no existe la imagen {src}; se deja tal cual",
                             "pt": "aviso: {deck}: a imagem {src} não existe; fica como está"},
    "slides.wrote": {"es": "escrito {path} ({mb:.1f} MB, {s:.1f} s)",
                     "pt": "escrito {path} ({mb:.1f} MB, {s:.1f} s)"},
    "slides.open": {"es": "abre {path} en un navegador (funciona sin conexión)",
                    "pt": "abra {path} num navegador (funciona sem internet)"},
    "slides.index_title": {"es": "Diapositivas del curso", "pt": "Slides do curso"},
})


def notebooks_folder() -> pathlib.Path:
    """``notebooks/`` of the repository checkout the package runs from."""
    return pathlib.Path(__file__).resolve().parents[1] / "notebooks"


def lesson_notebooks(lang: str, notebooks=None) -> list[pathlib.Path]:
    """The lesson notebooks (``NN_slug.ipynb``) of one language, sorted by lesson."""
    folder = pathlib.Path(notebooks or notebooks_folder()) / lang
    return sorted(p for p in folder.glob("*.ipynb") if LESSON_NAME.match(p.stem))


def choose(lessons=(), langs=LANGUAGES, notebooks=None) -> list[tuple[str, pathlib.Path]]:
    """``[(lang, notebook), ...]`` for ``lessons`` (numbers like ``"06"`` or names like ``"06_dcgan_mnist"``,
    in either language; empty: all) in the languages ``langs``."""
    found = {lang: lesson_notebooks(lang, notebooks) for lang in LANGUAGES}
    if not any(found.values()):
        folder = pathlib.Path(notebooks or notebooks_folder())
        raise arg_error("notebooks", str(folder), "slides.expected_notebooks", exc=FileNotFoundError)
    numbers = []
    for lesson in lessons:
        text = str(lesson).strip().removesuffix(".ipynb")
        number = next((p.stem[:2] for ps in found.values() for p in ps if text in (p.stem, p.stem[:2])), None)
        if number is None:
            names = ", ".join(sorted({p.stem for ps in found.values() for p in ps}))
            raise arg_error("LESSON", lesson, "slides.expected_lesson", names=names)
        if number not in numbers:
            numbers.append(number)
    return [(lang, p) for lang in langs for p in found[lang] if not numbers or p.stem[:2] in numbers]


def mathjax_folder() -> pathlib.Path:
    """MathJax 2's ``static/`` folder inside the installed ``jupyter-server-mathjax`` (not imported:
    importing it starts loading Jupyter Server)."""
    spec = importlib.util.find_spec("jupyter_server_mathjax")
    for location in (spec.submodule_search_locations or []) if spec else []:
        folder = pathlib.Path(location) / "static"
        if (folder / "MathJax.js").is_file():
            return folder
    raise FileNotFoundError(t("slides.no_mathjax"))


def copy_assets(folder) -> pathlib.Path:
    """Copy reveal.js, require.js, jQuery and MathJax into ``folder/assets`` (MathJax only when its
    version changed: it is 600 files)."""
    dest = pathlib.Path(folder) / ASSET_DIR
    for name in VENDORED:
        shutil.copytree(ASSETS / name, dest / name, dirs_exist_ok=True)
    source = mathjax_folder()
    stamp = dest / "mathjax" / ".source"
    if not stamp.is_file() or stamp.read_text(encoding="utf-8") != _mathjax_version(source):
        shutil.rmtree(dest / "mathjax", ignore_errors=True)
        shutil.copytree(source, dest / "mathjax")
        stamp.write_text(_mathjax_version(source), encoding="utf-8")
    return dest


def _mathjax_version(source: pathlib.Path) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"jupyter-server-mathjax {version('jupyter-server-mathjax')}\n"
    except PackageNotFoundError:
        return f"{source}\n"


def _exporter(lang: str):
    from nbconvert import SlidesExporter
    from traitlets.config import Config

    c = Config()
    c.SlidesExporter.reveal_url_prefix = f"{ASSET_DIR}/reveal.js"
    c.SlidesExporter.reveal_theme = "white"      # simple (nbconvert's default) imports Google Fonts
    c.SlidesExporter.reveal_scroll = True         # a slide taller than the screen scrolls instead of being cut
    c.HTMLExporter.require_js_url = f"{ASSET_DIR}/requirejs/require.js"
    c.HTMLExporter.jquery_url = f"{ASSET_DIR}/jquery/jquery.min.js"
    c.HTMLExporter.mathjax_url = f"{ASSET_DIR}/mathjax/MathJax.js?config={MATHJAX_CONFIG}"
    c.HTMLExporter.language_code = lang
    # nbconvert drops image/gif outputs (the lessons' animations); the template has a block for them
    priority = list(SlidesExporter().default_config.NbConvertBase.display_data_priority)
    priority.insert(priority.index("image/png"), "image/gif")
    c.NbConvertBase.display_data_priority = priority
    c.TemplateExporter.exclude_input_prompt = True
    c.TemplateExporter.exclude_output_prompt = True
    return SlidesExporter(config=c, extra_template_paths=[str(ASSETS / "templates")], template_file=TEMPLATE)


_IMG_SRC = re.compile(r"""(<img\b[^>]*?\bsrc=)(["'])(.*?)\2""", re.IGNORECASE | re.DOTALL)
_NB_LINK = re.compile(r"""(<a\b[^>]*?\bhref=)(["'])(\d\d_\w+)\.ipynb(#[^"']*)?\2""", re.IGNORECASE)


def _is_local(src: str) -> bool:
    return not (re.match(r"^[a-z][a-z0-9+.-]*:", src, re.IGNORECASE) or src.startswith(("/", "#")))


def localize(body: str, notebook, folder) -> tuple[str, list[str]]:
    """Copy the local files the deck's ``<img>`` point to into ``folder/figures`` and point there instead;
    links to other lessons' notebooks go to their decks.  Returns the new HTML and the missing images."""
    notebook, folder = pathlib.Path(notebook), pathlib.Path(folder)
    missing = []

    def image(m):
        src = html.unescape(m.group(3))
        if not _is_local(src) or src.startswith(f"{FIGURE_DIR}/"):
            return m.group(0)
        path = (notebook.parent / urllib.parse.unquote(src.split("#")[0].split("?")[0])).resolve()
        if not path.is_file():
            missing.append(src)
            return m.group(0)
        target = folder / FIGURE_DIR / path.name
        if target.is_file() and target.read_bytes() != path.read_bytes():
            target = target.with_name(f"{path.parent.name}_{path.name}")
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.is_file() or target.read_bytes() != path.read_bytes():
            shutil.copyfile(path, target)
        new = urllib.parse.quote(f"{FIGURE_DIR}/{target.name}")
        return f"{m.group(1)}{m.group(2)}{new}{m.group(2)}"

    body = _IMG_SRC.sub(image, body)
    body = _NB_LINK.sub(lambda m: f"{m.group(1)}{m.group(2)}{m.group(3)}.html{m.group(4) or ''}{m.group(2)}", body)
    return body, missing


def export_deck(notebook, folder, lang: str) -> pathlib.Path:
    """Write ``folder/NN_slug.html``, the deck of ``notebook``, with its figures in ``folder/figures``
    (the assets are copied by :func:`copy_assets`)."""
    notebook, folder = pathlib.Path(notebook), pathlib.Path(folder)
    body, _ = _exporter(lang).from_filename(str(notebook))
    body, missing = localize(body, notebook, folder)
    for src in missing:
        print(t("slides.missing_image", deck=notebook.name, src=src))
    deck = folder / f"{notebook.stem}.html"
    deck.write_text(body, encoding="utf-8")
    return deck


def write_index(folder, lang: str) -> pathlib.Path:
    """``folder/index.html``: a plain page (no scripts) linking every deck in ``folder``."""
    folder = pathlib.Path(folder)
    title = html.escape(t("slides.index_title"))
    items = "\n".join(f'<li><a href="{urllib.parse.quote(p.name)}">{html.escape(p.stem)}</a></li>'
                      for p in sorted(folder.glob("*.html")) if LESSON_NAME.match(p.stem))
    page = (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head><meta charset="utf-8"><title>{title}</title></head>\n'
            f'<body style="font-family: sans-serif; font-size: 1.3em; margin: 2em">\n<h1>{title}</h1>\n'
            f'<ul>\n{items}\n</ul>\n</body>\n</html>\n')
    index = folder / "index.html"
    index.write_text(page, encoding="utf-8")
    return index


def build_slides(lessons=(), langs=LANGUAGES, out=DEFAULT_OUT, notebooks=None,
                 verbose: bool = True) -> list[pathlib.Path]:
    """Write the offline decks of ``lessons`` (all when empty) in ``langs`` into ``out/<lang>/``.

    Each ``out/<lang>`` folder is self-contained: decks, ``index.html``, ``figures/`` and ``assets/``.
    Returns the decks written.
    """
    for lang in langs:
        if lang not in LANGUAGES:
            raise arg_error("lang", lang, "slides.expected_lang")
    if not isinstance(out, (str, os.PathLike)) or not str(out):
        raise arg_error("out", out, "slides.expected_out")
    chosen = choose(lessons, langs, notebooks)
    mathjax_folder()                      # fail before writing anything
    out = pathlib.Path(out)
    written = []
    try:
        for lang in dict.fromkeys(lang for lang, _ in chosen):
            folder = out / lang
            folder.mkdir(parents=True, exist_ok=True)
            copy_assets(folder)
            for _, notebook in (item for item in chosen if item[0] == lang):
                start = time.time()
                deck = export_deck(notebook, folder, lang)
                written.append(deck)
                if verbose:
                    print(t("slides.wrote", path=_shown(deck), mb=deck.stat().st_size / 1e6, s=time.time() - start))
            index = write_index(folder, lang)
            if verbose:
                print(t("slides.open", path=_shown(index)))
    except OSError as exc:
        raise arg_error("out", str(out), "slides.expected_out") from exc
    return written


def _shown(path: pathlib.Path) -> str:
    path = path.resolve()
    try:
        return path.relative_to(pathlib.Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


def add_arguments(parser):
    parser.add_argument("lessons", nargs="*", metavar="LESSON", help=t("slides.lessons"))
    parser.add_argument("--out", metavar="DIR", default=DEFAULT_OUT, help=t("slides.out"))
    # ``python -m gan_course`` gives every command ``--lang es|pt`` (the messages' language); here it also
    # picks the decks.  A wrong value must reach run() to be reported in one translated line, not by argparse.
    lang = parser._option_string_actions.get("--lang")
    if lang is None:
        parser.add_argument("--lang", metavar="{es,pt}", default=None, help=t("slides.lang"))
    else:
        lang.choices, lang.metavar, lang.help = None, "{es,pt}", t("slides.lang")


def run(args) -> int:
    lang = getattr(args, "lang", None)
    if lang is not None and lang not in LANGUAGES:
        raise arg_error("--lang", lang, "slides.expected_lang")
    build_slides(args.lessons, LANGUAGES if lang is None else (lang,), args.out)
    return 0
