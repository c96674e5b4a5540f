"""Sphinx settings of the course website, one language per build.

``python -m gan_course site`` copies this file, ``_templates/`` and ``_static/`` into a staged project for each
language, next to ``_site.json`` (the language, the twin page of each page in the other language) and the
lesson notebooks; see ``gan_course/site.py``. Nothing is fetched from the network, at build time or when reading.
"""
import json
import pathlib

SITE = json.loads((pathlib.Path(__file__).resolve().parent / "_site.json").read_text(encoding="utf-8"))

project = SITE["title"]
author = "gan_course"
language = SITE["sphinx_language"]          # es or pt_BR: interface strings, search stemmer
extensions = ["myst_nb", "sphinx_copybutton", "sphinx-mathjax-offline"]   # hyphens: the package's folder name

# The committed notebooks are shown as they are, with the outputs the tests compared: no cell runs again.
nb_execution_mode = "off"
nb_merge_streams = True
myst_enable_extensions = ["dollarmath", "amsmath"]   # $…$ and $$…$$ in markdown cells, typeset by MathJax
myst_heading_anchors = 3
suppress_warnings = ["myst.header"]        # lessons may go from # to ### on a slide

exclude_patterns = ["_extra", "_locale", "_doctrees", "_templates", "_static"]
templates_path = ["_templates"]
html_static_path = ["_static"]
html_extra_path = ["_extra"]               # downloads/: the committed notebooks and the exercises' self-checks
html_css_files = ["gan_course.css"]
locale_dirs = ["_locale"]                  # Portuguese for the theme's strings that have no translation of their own
html_theme = "sphinx_book_theme"
html_title = SITE["title"]
html_copy_source = False                   # the notebook to download is the committed one (downloads/)
html_show_sourcelink = False
html_context = {"gc": SITE}
html_theme_options = {
    "home_page_in_toc": True,
    "show_toc_level": 2,
    "use_download_button": False,
    "use_fullscreen_button": False,
    "article_header_start": ["toggle-primary-sidebar.html", "lang-switch.html"],
    "footer_content_items": ["lang-switch-footer.html"],
}
copybutton_exclude = ".linenos, .gp, .go"  # copy the code, not the prompts or the outputs
