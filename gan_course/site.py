"""``python -m gan_course site`` — the course as a website, in both languages, readable offline.

The committed, executed notebooks are rendered as they are (no cell runs again: the outputs shown are the ones the
tests compared) with Sphinx, MyST-NB and the Sphinx Book Theme (``pip install -r requirements-docs.txt``)::

    site/index.html            choose a language
    site/es/index.html         landing page: course map, training GIFs, install and run, measured CPU times
    site/es/06_dcgan_mnist.html  one page per lesson; site/pt/… the same in Portuguese
    site/es/downloads/         the notebooks and the exercises' self-checks (gan_course/exercise_sets/eNN.py)
    site/slides/es/            the offline slide decks (``python -m gan_course slides``)

Each language is its own Sphinx project (its own search index and interface language), staged in a temporary
folder from ``docs/`` (settings, templates, style, landing pages) and whatever ``notebooks/es|pt/NN_*.ipynb``
exist: a lesson's title is its notebook's first heading, its twin in the other language shares the number NN,
its CPU time comes from ``benchmarks/results/lesson_times.json`` (written by ``tools/nbbuild.py execute`` and
``benchmarks/lesson_times.py``). MathJax is copied into the site (``sphinx-mathjax-offline``): no page loads
anything from the network, and ``index.html`` opens from a disk or a USB stick (the search lists pages there;
served by ``python -m http.server`` it also shows the matching text). Visto en 00 §Cómo usar el curso.
"""
from __future__ import annotations

import concurrent.futures
import importlib.util
import json
import os
import pathlib
import re
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass

from .i18n import LANGUAGES, arg_error, language, number, register, t

ROOT = pathlib.Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
TIMES = ROOT / "benchmarks" / "results" / "lesson_times.json"
DEFAULT_OUT = "site"
MARKER = ".gan_course_site"          # in the output folder: a site this command built (safe to rebuild)
SPHINX_LANGUAGE = {"es": "es", "pt": "pt_BR"}
LANGUAGE_NAME = {"es": "Español", "pt": "Português"}
REQUIRED = {"sphinx": "sphinx", "myst_nb": "myst-nb", "sphinx_book_theme": "sphinx-book-theme",
            "sphinx_copybutton": "sphinx-copybutton", "sphinx-mathjax-offline": "sphinx-mathjax-offline"}
LESSON = re.compile(r"^(?P<number>\d\d)_\w+$")
HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$")

register({
    "site.out": {"es": "carpeta de destino (por defecto: site/); dentro, es/, pt/ y slides/",
                 "pt": "pasta de destino (padrão: site/); dentro, es/, pt/ e slides/"},
    "site.missing": {"es": "falta el paquete {package} para construir el sitio web: "
                           "pip install -r requirements-docs.txt",
                     "pt": "falta o pacote {package} para construir o site: pip install -r requirements-docs.txt"},
    "site.expected_out": {"es": "una carpeta vacía o un sitio construido antes por este comando",
                          "pt": "uma pasta vazia ou um site construído antes por este comando"},
    "site.expected_repo": {"es": "la carpeta docs/ y los cuadernos ejecutados de notebooks/es y notebooks/pt del "
                                 "repositorio del curso",
                           "pt": "a pasta docs/ e os notebooks executados de notebooks/es e notebooks/pt do "
                                 "repositório do curso"},
    "site.failed": {"es": "Sphinx no pudo construir el sitio ({lang}): {message}",
                    "pt": "o Sphinx não conseguiu construir o site ({lang}): {message}"},
    "site.warnings": {"es": "avisos de Sphinx ({lang}): {count}", "pt": "avisos do Sphinx ({lang}): {count}"},
    "site.wrote": {"es": "sitio escrito en {path} ({mb:.0f} MB, {s:.0f} s)",
                   "pt": "site escrito em {path} ({mb:.0f} MB, {s:.0f} s)"},
    "site.open": {"es": "ábrelo con doble clic en {path}; para buscar con fragmentos: "
                        "python -m http.server -d {folder}",
                  "pt": "abra-o com um clique duplo em {path}; para buscar com trechos: "
                        "python -m http.server -d {folder}"},
    "site.time": {"es": "≈ {minutes} min", "pt": "≈ {minutes} min"},
    "site.time_short": {"es": "< 1 min", "pt": "< 1 min"},
    "site.time_conditions": {
        "es": "CPU de {cpus} núcleos, carga media {before} antes y {after} después, {date}",
        "pt": "CPU de {cpus} núcleos, carga média {before} antes e {after} depois, {date}",
    },
    "site.not_measured": {"es": "sin medir", "pt": "não medido"},
    "site.loaded": {"es": "* máquina ocupada (más procesos que núcleos): en una libre tarda menos",
                    "pt": "* máquina ocupada (mais processos que núcleos): numa livre demora menos"},
})


@dataclass
class Lesson:
    """One lesson notebook of one language."""

    lang: str
    path: pathlib.Path
    title: str

    @property
    def number(self) -> str:
        return self.path.stem[:2]

    @property
    def name(self) -> str:
        return self.path.stem


def notebook_title(path) -> str:
    """The first ``# heading`` of the notebook's markdown cells (the file name when it has none)."""
    nb = json.loads(pathlib.Path(path).read_text(encoding="utf-8"))
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "markdown":
            for line in "".join(cell.get("source", "")).splitlines():
                if m := HEADING.match(line):
                    return m.group(1)
    return pathlib.Path(path).stem


def lessons(lang: str, notebooks=None) -> list[Lesson]:
    """The lessons of ``lang`` found now in ``notebooks/<lang>/NN_*.ipynb``, sorted by number."""
    folder = pathlib.Path(notebooks or ROOT / "notebooks") / lang
    paths = sorted(p for p in folder.glob("*.ipynb") if LESSON.match(p.stem))
    return [Lesson(lang, p, notebook_title(p)) for p in paths]


def load_times(path=TIMES) -> dict:
    """``benchmarks/results/lesson_times.json`` (``{}`` when there is none yet)."""
    path = pathlib.Path(path)
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def time_record(lesson: Lesson, times: dict) -> dict | None:
    """The full-mode measurement of ``lesson``'s notebook (or, when it has none, of its twin's)."""
    key = f"notebooks/{lesson.lang}/{lesson.path.name}"
    if "full" in times.get(key, {}):
        return times[key]["full"]
    twins = [v["full"] for k, v in sorted(times.items())
             if k.startswith("notebooks/") and pathlib.PurePosixPath(k).name[:2] == lesson.number and "full" in v]
    return twins[0] if twins else None


def time_text(record: dict | None, lang: str) -> tuple[str, str]:
    """``("≈ 4 min", "CPU de 2 núcleos, carga media …")`` for a measurement, ``("sin medir", "")`` without one."""
    with language(lang):
        if not record:
            return t("site.not_measured"), ""
        seconds = float(record["seconds"])
        short = t("site.time_short") if seconds < 30 else t("site.time", minutes=max(1, round(seconds / 60)))
        conditions = t("site.time_conditions", cpus=record.get("cpus", "?"),
                       before=number(record.get("load_before", 0), 1), after=number(record.get("load_after", 0), 1),
                       date=str(record.get("date", ""))[:10])
        if max(record.get("load_before", 0), record.get("load_after", 0)) > (record.get("cpus") or 1):
            short, conditions = f"{short} *", f"{conditions}; {t('site.loaded')}"
    return short, conditions


def check_requirements() -> None:
    """Fail in one translated line, before writing anything, when a package of requirements-docs.txt is missing."""
    for module, package in REQUIRED.items():
        if importlib.util.find_spec(module) is None:
            raise FileNotFoundError(t("site.missing", package=package))
    if not (DOCS / "conf.py").is_file():
        raise arg_error("docs", str(DOCS), "site.expected_repo", exc=FileNotFoundError)


def prepare_out(out) -> pathlib.Path:
    """The output folder, emptied of a previous build (never of anything else)."""
    if not isinstance(out, (str, os.PathLike)) or not str(out):
        raise arg_error("out", out, "site.expected_out")
    out = pathlib.Path(out)
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / MARKER).is_file())):
        raise arg_error("out", str(out), "site.expected_out", exc=FileExistsError)
    try:
        for child in out.iterdir() if out.is_dir() else ():
            shutil.rmtree(child) if child.is_dir() else child.unlink()
        out.mkdir(parents=True, exist_ok=True)
        (out / MARKER).write_text("python -m gan_course site\n", encoding="utf-8")
    except OSError as exc:
        raise arg_error("out", str(out), "site.expected_out") from exc
    return out


def build_site(out=DEFAULT_OUT, notebooks=None, slides: bool = True, times=TIMES,
               verbose: bool = True) -> pathlib.Path:
    """Build the website of both languages into ``out`` and return ``out/index.html``."""
    from . import site_pages

    check_requirements()
    found = {lang: lessons(lang, notebooks) for lang in LANGUAGES}
    if not all(found.values()):
        raise arg_error("notebooks", str(notebooks or ROOT / "notebooks"), "site.expected_repo",
                        exc=FileNotFoundError)
    if slides:
        from .slides import mathjax_folder
        mathjax_folder()                       # fails, translated, before anything is written
    out, start = prepare_out(out), time.time()
    measured = load_times(times)
    with tempfile.TemporaryDirectory(prefix="gan_course_site_") as tmp:
        stages = {lang: site_pages.stage(lang, found, measured, pathlib.Path(tmp)) for lang in LANGUAGES}
        jobs = [(_sphinx, (str(stages[lang]), str(out / lang))) for lang in LANGUAGES]
        if slides:
            jobs += [(_slides, (lang, str(out / "slides"), str(notebooks or ROOT / "notebooks"))) for lang in LANGUAGES]
        results = _run_all(jobs)
    shutil.rmtree(out / "jupyter_execute", ignore_errors=True)   # MyST-NB's copies of the outputs, next to es/ pt/
    for lang, (code, warnings) in zip(LANGUAGES, results):
        if code:
            raise RuntimeError(t("site.failed", lang=lang, message=warnings.strip().splitlines()[-1:]))
        if verbose and warnings.strip():
            print(warnings.rstrip(), file=sys.stderr)
            print(t("site.warnings", lang=lang, count=warnings.count("WARNING")), file=sys.stderr)
    index = site_pages.write_root(out, found)
    if verbose:
        mb = sum(f.stat().st_size for f in out.rglob("*") if f.is_file()) / 1e6
        print(t("site.wrote", path=_shown(out), mb=mb, s=time.time() - start))
        print(t("site.open", path=_shown(index), folder=_shown(out)))
    return index


def _run_all(jobs):
    """Run ``[(function, args), ...]`` on up to two processes (one per core of a small machine)."""
    workers = max(1, min(len(jobs), os.cpu_count() or 1, 4))
    if workers == 1:
        return [fn(*args) for fn, args in jobs]
    with concurrent.futures.ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(fn, *args) for fn, args in jobs]
        return [f.result() for f in futures]


def _sphinx(srcdir: str, outdir: str) -> tuple[int, str]:
    """Build one language with Sphinx (in a worker process); returns the exit code and the warnings."""
    import io

    from sphinx.application import Sphinx
    from sphinx.util.docutils import docutils_namespace, patch_docutils

    warnings = io.StringIO()
    src = pathlib.Path(srcdir)
    try:
        with patch_docutils(src), docutils_namespace():
            app = Sphinx(src, src, outdir, src / "_doctrees", "html", status=None, warning=warnings,
                         freshenv=True, verbosity=0)
            app.build(force_all=True)
        return app.statuscode, warnings.getvalue()
    except Exception as exc:  # reported in the parent process, in one line
        return 1, warnings.getvalue() + f"\n{type(exc).__name__}: {exc}"


def _slides(lang: str, out: str, notebooks: str):
    """Build one language's decks (in a worker process), without nbconvert's notes on missing alt texts."""
    import logging

    from .slides import build_slides

    logging.getLogger("traitlets").setLevel(logging.ERROR)
    build_slides(langs=(lang,), out=out, notebooks=notebooks, verbose=False)
    return 0, ""


def _shown(path: pathlib.Path) -> str:
    path = pathlib.Path(path).resolve()
    try:
        return path.relative_to(pathlib.Path.cwd()).as_posix() or "."
    except ValueError:
        return path.as_posix()


def add_arguments(parser):
    parser.add_argument("--out", metavar="DIR", default=DEFAULT_OUT, help=t("site.out"))


def run(args) -> int:
    try:
        build_site(args.out)
    except RuntimeError as exc:   # Sphinx failed: its last line, not a traceback
        print(t("cli.error", message=exc), file=sys.stderr)
        return 1
    return 0

