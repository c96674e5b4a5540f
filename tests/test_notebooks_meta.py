"""Notebook hygiene, es/pt parity, sources up to date, slides conversion."""
import copy
import pathlib
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
    import re

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
