"""The pages of the course website that ``gan_course.site`` writes before Sphinx runs: one staged Sphinx project
per language (settings and templates from ``docs/``, the landing page with the course map, each lesson notebook
with a box of its CPU time and downloads) and the root ``index.html`` that chooses a language.

Nothing here changes a committed notebook: the staged copies live in a temporary folder, and the notebook a reader
downloads is the committed file. Visto en 00 §Cómo usar el curso.
"""
from __future__ import annotations

import html
import json
import pathlib
import shutil
import urllib.parse

from .i18n import LANGUAGES, language, register, t
from .site import DOCS, LANGUAGE_NAME, ROOT, SPHINX_LANGUAGE, Lesson, time_record, time_text

FIGURES = ROOT / "figures"
EXERCISES = ROOT / "gan_course" / "exercise_sets"
COPIED = ("conf.py", "_templates", "_static")     # from docs/ into each language's staged project

register({
    "site.title": {"es": "Redes convolucionales y GAN con Keras", "pt": "Redes convolucionais e GAN com Keras"},
    "site.col_lesson": {"es": "Lección", "pt": "Lição"},
    "site.col_time": {"es": "Tiempo del cuaderno (CPU)", "pt": "Tempo do notebook (CPU)"},
    "site.col_slides": {"es": "Diapositivas", "pt": "Slides"},
    "site.run_time": {"es": "Ejecutar este cuaderno completo: {time}", "pt": "Executar este notebook completo: {time}"},
    "site.downloads": {"es": "Descargas", "pt": "Downloads"},
    "site.notebook": {"es": "cuaderno (.ipynb)", "pt": "notebook (.ipynb)"},
    "site.slides": {"es": "diapositivas", "pt": "slides"},
    "site.self_check": {"es": "autocomprobación de los ejercicios ({file})",
                        "pt": "autoverificação dos exercícios ({file})"},
    "site.notes": {"es": "Notas para quien presenta", "pt": "Notas para quem apresenta"},
    "site.choose": {"es": "Elige el idioma", "pt": "Escolha o idioma"},
    "site.search_note": {
        "es": "Abierto desde el disco, el navegador no deja que la búsqueda lea las páginas: verás solo sus títulos. "
              "Para ver los fragmentos, ejecuta <code>python -m http.server -d site</code> en la carpeta del curso "
              "y abre <code>http://localhost:8000</code>.",
        "pt": "Aberto a partir do disco, o navegador não deixa a busca ler as páginas: você verá só os títulos. "
              "Para ver os trechos, execute <code>python -m http.server -d site</code> na pasta do curso e abra "
              "<code>http://localhost:8000</code>.",
    },
})


def stage(lang: str, found: dict[str, list[Lesson]], times: dict, tmp: pathlib.Path) -> pathlib.Path:
    """Write the Sphinx project of ``lang`` under ``tmp/notebooks/<lang>`` and return that folder.

    ``tmp/figures`` holds the committed figures, so the notebooks' ``../../figures/…`` paths still resolve."""
    src = tmp / "notebooks" / lang
    src.mkdir(parents=True)
    if not (tmp / "figures").exists():
        shutil.copytree(FIGURES, tmp / "figures")
    for name in COPIED:
        (shutil.copytree if (DOCS / name).is_dir() else shutil.copyfile)(DOCS / name, src / name)
    _compile_messages(lang, src / "_locale")
    other = next(x for x in LANGUAGES if x != lang)
    with language(lang):
        (src / "_site.json").write_text(json.dumps(_context(lang, other, found)), encoding="utf-8")
        (src / "index.md").write_text(landing(lang, found[lang], times), encoding="utf-8")
        downloads = src / "_extra" / "downloads"
        downloads.mkdir(parents=True)
        for lesson in found[lang]:
            shutil.copyfile(lesson.path, downloads / lesson.path.name)
            exercises = EXERCISES / f"e{lesson.number}.py"
            if exercises.is_file():
                shutil.copyfile(exercises, downloads / exercises.name)
            nb = staged_notebook(lesson, times, exercises.name if exercises.is_file() else None)
            (src / lesson.path.name).write_text(json.dumps(nb, ensure_ascii=False), encoding="utf-8")
    return src


def _context(lang: str, other: str, found: dict[str, list[Lesson]]) -> dict:
    """What ``docs/conf.py`` and the templates read from ``_site.json``."""
    by_number = {lesson.number: lesson.name for lesson in reversed(found[other])}   # the first of a number
    twins = {lesson.name: by_number[lesson.number] for lesson in found[lang] if lesson.number in by_number}
    twins.update({page: page for page in ("index", "search", "genindex")})
    return {"lang": lang, "sphinx_language": SPHINX_LANGUAGE[lang], "title": t("site.title"), "other": other,
            "other_name": LANGUAGE_NAME[other], "other_hreflang": SPHINX_LANGUAGE[other].replace("_", "-"),
            "twins": twins, "search_note": t("site.search_note")}


def _compile_messages(lang: str, folder: pathlib.Path) -> None:
    """``docs/locale/<lang>/LC_MESSAGES/*.po`` → ``.mo`` in ``folder`` (the theme's strings Sphinx lacks)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    for po in (DOCS / "locale" / SPHINX_LANGUAGE[lang] / "LC_MESSAGES").glob("*.po"):
        target = folder / SPHINX_LANGUAGE[lang] / "LC_MESSAGES" / po.with_suffix(".mo").name
        target.parent.mkdir(parents=True, exist_ok=True)
        with po.open("rb") as f:
            catalog = read_po(f)
        with target.open("wb") as f:
            write_mo(f, catalog)


def landing(lang: str, found: list[Lesson], times: dict) -> str:
    """``docs/landing.<lang>.md`` with the course map and the hidden table of contents filled in."""
    text = (DOCS / f"landing.{lang}.md").read_text(encoding="utf-8")
    head = f"| # | {t('site.col_lesson')} | {t('site.col_time')} | {t('site.col_slides')} |\n|---|---|---|---|\n"
    rows = []
    for lesson in found:
        short, conditions = time_text(time_record(lesson, times), lang)
        title = lesson.title.replace("|", "\\|")
        rows.append(f"| {lesson.number} | [{title}]({lesson.path.name}) "
                    f"| <span title=\"{html.escape(conditions)}\">{html.escape(short)}</span> "
                    f"| <a href=\"{_slides_href(lesson)}\">▶</a> |")
    toctree = "```{toctree}\n:hidden:\n:maxdepth: 1\n\n" + "\n".join(lesson.name for lesson in found) + "\n```\n"
    return text.replace("@LESSONS@", head + "\n".join(rows)).replace("@TOCTREE@", toctree).replace("@LANG@", lang)


def _slides_href(lesson: Lesson) -> str:
    return urllib.parse.quote(f"../slides/{lesson.lang}/{lesson.name}.html")


def info_html(lesson: Lesson, times: dict, exercises: str | None) -> str:
    """The box under a lesson's title: how long its notebook takes on a CPU, and its downloads."""
    short, conditions = time_text(time_record(lesson, times), lesson.lang)
    when = f"{short} ({conditions})" if conditions else short
    links = [f'<a href="downloads/{urllib.parse.quote(lesson.path.name)}" download>{t("site.notebook")}</a>',
             f'<a href="{_slides_href(lesson)}">{t("site.slides")}</a>']
    if exercises:
        links.append(f'<a href="downloads/{exercises}" download>{t("site.self_check", file=exercises)}</a>')
    return (f'<div class="gc-lesson-info">\n<p><span class="fa-regular fa-clock"></span> '
            f'{html.escape(t("site.run_time", time=when))}</p>\n'
            f'<p><span class="fa-solid fa-download"></span> {t("site.downloads")}: {" · ".join(links)}</p>\n</div>')


def staged_notebook(lesson: Lesson, times: dict, exercises: str | None) -> dict:
    """The notebook as the website shows it: the info box under the title, speaker notes folded away."""
    nb = json.loads(lesson.path.read_text(encoding="utf-8"))
    cells = nb["cells"]
    for cell in cells:
        if cell.get("metadata", {}).get("slideshow", {}).get("slide_type") == "notes":
            body = "".join(cell.get("source", ""))
            cell["source"] = (f'<details class="gc-notes">\n<summary>{t("site.notes")}</summary>\n\n{body}\n\n'
                              "</details>")
    for cell in cells:          # the box goes right under the first heading, inside its cell
        lines = "".join(cell.get("source", "")).split("\n") if cell.get("cell_type") == "markdown" else []
        title = next((i for i, line in enumerate(lines) if line.startswith("# ")), None)
        if title is not None:
            box = ["", info_html(lesson, times, exercises), ""]
            cell["source"] = "\n".join(lines[:title + 1] + box + lines[title + 1:])
            break
    return nb


def write_root(out: pathlib.Path, found: dict[str, list[Lesson]]) -> pathlib.Path:
    """``out/index.html`` (a plain page, no script, that links both languages) and ``out/.nojekyll``."""
    items, choose = [], []
    for lang in LANGUAGES:
        with language(lang):
            hreflang = SPHINX_LANGUAGE[lang].replace("_", "-")
            items.append(f'<li><a href="{lang}/index.html" hreflang="{hreflang}" lang="{hreflang}">'
                         f'{LANGUAGE_NAME[lang]}: {html.escape(t("site.title"))}</a></li>')
            choose.append(t("site.choose"))
    page = ('<!DOCTYPE html>\n<html lang="es">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>gan_course</title>\n'
            '<link rel="stylesheet" href="es/_static/gan_course.css">\n</head>\n<body class="gc-root">\n<main>\n'
            f'<h1>gan_course</h1>\n<p>{" · ".join(choose)}</p>\n<ul>\n' + "\n".join(items) + "\n</ul>\n"
            '<img src="es/_images/dcgan_mnist.gif" alt="DCGAN, MNIST">\n</main>\n</body>\n</html>\n')
    (out / "index.html").write_text(page, encoding="utf-8")
    (out / ".nojekyll").write_text("", encoding="utf-8")
    return out / "index.html"
