"""Notebook hygiene, es/pt parity, sources up to date (format, stable ids, code written once), slides conversion."""
import copy
import pathlib
import re
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import nbbuild  # noqa: E402
import nbcheck  # noqa: E402

NOTEBOOKS = nbcheck.notebooks()
PAIRS = nbcheck.pairs()


def test_there_are_notebooks():
    assert NOTEBOOKS, "no notebooks under notebooks/es and notebooks/pt"


def test_every_lesson_has_both_languages():
    es = {p.name[:2] for p in NOTEBOOKS if p.parent.name == "es"}
    pt = {p.name[:2] for p in NOTEBOOKS if p.parent.name == "pt"}
    assert es == pt, f"es has {sorted(es)}, pt has {sorted(pt)}"
    assert all(len(v) == 2 for v in PAIRS.values())


@pytest.mark.parametrize("lesson", sorted(PAIRS))
def test_twins_have_the_same_code(lesson):
    pair = PAIRS[lesson]
    problems = nbcheck.twin_differences(nbcheck.load(pair["es"]), nbcheck.load(pair["pt"]))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_notebook_hygiene(path):
    problems = nbcheck.hygiene_problems(nbcheck.load(path))
    assert not problems, "\n".join(problems)
    assert path.stat().st_size < 4e6, f"{path.name} is {path.stat().st_size / 1e6:.1f} MB"


def test_notebooks_are_built_from_their_sources(capsys):
    assert nbbuild.cmd_check() == 0, capsys.readouterr().out


def test_every_source_has_its_notebooks():
    for src in nbbuild.sources():
        names, _ = nbbuild.load_source(src)
        for lang in nbbuild.LANGS:
            assert nbbuild.notebook_path(lang, names[lang]).exists(), (src.name, lang)


def test_code_is_written_once():
    """At most 10 % of the notebooks' code lines are written separately for each language in the sources."""
    total = single = 0
    for src in nbbuild.sources():
        t, s = nbbuild.line_stats(nbbuild.load_source(src)[1])
        total, single = total + t, single + s
    assert total > 1000
    assert single / total <= 0.10, f"{single} of {total} code lines are written once per language"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_cell_ids_are_unique(path):
    ids = [c["id"] for c in nbcheck.load(path)["cells"]]
    assert len(set(ids)) == len(ids)
    assert all(nbbuild.CELL_ID.match(i) for i in ids)


def test_sources_open_in_jupytext():
    import jupytext  # installed by requirements.txt: this test must run, not skip

    for src in nbbuild.sources():
        nb = jupytext.read(src)
        assert len(nb.cells) == len(nbbuild.load_source(src)[1]) + 1, src.name  # + the preamble
        assert not [c for c in nb.cells if "incorrectly_encoded_metadata" in c.metadata], src.name


# --- the source format ------------------------------------------------------------------

SAMPLE = """from _lang import T

NAMES = {"es": "99_prueba", "pt": "99_teste"}

# %% [markdown] lang="es"
# ## Hola
#
# Texto.

# %% [markdown] lang="pt"
# ## Olá

# %%
import numpy as np

# %% tags=["nbval-ignore-output"]
x = np.ones(3)  # es: unos | pt: uns
print(T("suma:", "soma:"), x.sum(), T(f"de {len(x)} valores", f"de {len(x)} valores @LANG@"))
# es: un comentario
# pt: um comentário
y = x * 2  # es: el doble
           # pt: o dobro
print(T(f"a {1} "
        f"b",
        f"c {2} "
        f"d"))
"""


def test_source_format_renders_plain_code():
    names, cells = nbbuild.parse_source(SAMPLE)
    assert names == {"es": "99_prueba", "pt": "99_teste"}
    es, pt = nbbuild.build_notebook(cells, "es"), nbbuild.build_notebook(cells, "pt")
    assert ["".join(c["source"]) for c in es["cells"]][0] == "## Hola\n\nTexto."
    assert ["".join(c["source"]) for c in pt["cells"]][0] == "## Olá"
    assert "".join(es["cells"][-1]["source"]) == (
        'x = np.ones(3)  # unos\n'
        'print("suma:", x.sum(), f"de {len(x)} valores")\n'
        '# un comentario\n'
        'y = x * 2  # el doble\n'
        'print(f"a {1} "\n'
        '      f"b")')
    assert "".join(pt["cells"][-1]["source"]) == (
        'x = np.ones(3)  # uns\n'
        'print("soma:", x.sum(), f"de {len(x)} valores pt")\n'
        '# um comentário\n'
        'y = x * 2  # o dobro\n'
        'print(f"c {2} "\n'
        '      f"d")')
    assert es["cells"][-1]["metadata"] == {"slideshow": {"slide_type": "-"}, "tags": ["nbval-ignore-output"]}
    assert es["cells"][0]["metadata"] == {"slideshow": {"slide_type": "slide"}}
    assert [c["id"] for c in es["cells"]][:1] == ["hola"] and pt["cells"][0]["id"] == "ola"
    assert es["cells"][1]["id"] == pt["cells"][1]["id"]  # shared cells: the same id in both notebooks
    _, single = nbbuild.line_stats(cells)
    assert single == 2 + 3  # the two stacked full-line comments and the T() continuation lines (f"b", 2 × pt)


def test_cell_ids_are_stable():
    _, cells = nbbuild.parse_source(SAMPLE)
    before = [c["id"] for c in nbbuild.build_notebook(cells, "es")["cells"]]
    inserted = SAMPLE.replace("# %%\nimport numpy", "# %%\nz = 0\n\n# %%\nimport numpy")
    _, cells = nbbuild.parse_source(inserted)
    after = [c["id"] for c in nbbuild.build_notebook(cells, "es")["cells"]]
    assert len(after) == len(before) + 1
    assert [i for i in after if i not in before] == [after[1]]
    assert [i for i in after if i in before] == before
    named = SAMPLE.replace('# %% tags=["nbval-ignore-output"]', '# %% id="doble" tags=["nbval-ignore-output"]')
    _, cells = nbbuild.parse_source(named)
    assert nbbuild.build_notebook(cells, "pt")["cells"][-1]["id"] == "doble"


@pytest.mark.parametrize("bad, message", [
    ("# %%\nx = 1  # es: uno\n", "pt:"),
    ("# %%\n# pt: um\nx = 1\n", "must follow"),
    ('# %%\nprint(T("a"))\n', "positional"),
    ('# %%\nprint(T("a", x))\n', "string literals"),
    ('# %%\nx = (\n', "not valid Python"),
    ('# %% lang=es\nx = 1\n', "JSON"),
    ('# %% [markdown]\nno comment\n', "markdown lines"),
    ('# %%\nx = 1\n\n# %%\nx = 1\n', "already used"),
])
def test_source_errors_are_explained(bad, message):
    with pytest.raises(nbbuild.SourceError, match=re.escape(message)):
        names, cells = nbbuild.parse_source('NAMES = {"es": "99_a", "pt": "99_b"}\n\n' + bad)
        for lang in nbbuild.LANGS:
            nbbuild.build_notebook(cells, lang)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_converts_to_slides(path):
    import nbformat
    from nbconvert import SlidesExporter

    body, _ = SlidesExporter().from_notebook_node(nbformat.read(str(path), as_version=4))
    assert "reveal" in body.lower()
    n_slides = sum(1 for c in nbcheck.load(path)["cells"]
                   if c["metadata"]["slideshow"]["slide_type"] == "slide")
    assert n_slides >= 2, "a usable deck needs more than one slide"
    assert body.count("<section") >= n_slides


# --- the checkers themselves ------------------------------------------------------------

def test_code_signature_ignores_comments_and_strings():
    es = 'x = f("hola", n=3)  # comentario\nprint(f"valor {x}")'
    pt = 'x = f("olá", n=3)  # comentário\nprint(f"valor {x} aqui")'
    assert nbcheck.code_signature(es) == nbcheck.code_signature(pt)
    assert nbcheck.code_signature("x = f(1)") != nbcheck.code_signature("x = f(2)")


def test_parity_checker_catches_a_different_twin():
    pair = PAIRS[sorted(PAIRS)[0]]
    nb_es = nbcheck.load(pair["es"])
    nb_pt = copy.deepcopy(nbcheck.load(pair["pt"]))
    assert nbcheck.twin_differences(nb_es, nb_pt) == []
    idx = next(i for i, c in enumerate(nb_pt["cells"]) if c["cell_type"] == "code")
    nb_pt["cells"][idx]["source"] = ["".join(nb_pt["cells"][idx]["source"]) + "\nextra = 1"]
    assert nbcheck.twin_differences(nb_es, nb_pt)
    nb_pt2 = copy.deepcopy(nbcheck.load(pair["pt"]))
    nb_pt2["cells"] = [c for c in nb_pt2["cells"] if c["cell_type"] != "code"][:1] + nb_pt2["cells"]
    nb_pt2["cells"].append({"cell_type": "code", "source": ["1"], "metadata": {}, "outputs": []})
    assert nbcheck.twin_differences(nb_es, nb_pt2)


def test_hygiene_checker_catches_problems():
    nb = {"cells": [{"cell_type": "code", "source": ["import x"], "execution_count": 1,
                     "metadata": {"slideshow": {"slide_type": "-"}},
                     "outputs": [{"output_type": "stream", "name": "stderr",
                                  "text": ["I0000 oneDNN custom operations are on\n"]},
                                 {"output_type": "error", "ename": "ValueError", "evalue": "", "traceback": []},
                                 {"output_type": "stream", "name": "stdout", "text": ["/home/ana/run\n"]}]},
                    {"cell_type": "markdown", "source": ["# t"], "metadata": {}}]}
    text = "\n".join(nbcheck.hygiene_problems(nb))
    for needle in ("banner", "stored error", "stderr", "absolute path", "slideshow"):
        assert needle in text


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_linked_figures_exist(path):
    missing = []
    for c in nbcheck.load(path)["cells"]:
        if c["cell_type"] != "markdown":
            continue
        text = "".join(c["source"])
        for target in re.findall(r"!\[[^\]]*\]\(([^)\s]+)", text) + re.findall(r'<img[^>]+src="([^"]+)"', text):
            if "://" in target:
                missing.append(f"{target} (remote: figures must be the course's own)")
            elif not (path.parent / target).resolve().exists():
                missing.append(target)
    assert not missing, missing
