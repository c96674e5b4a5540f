"""Build the es/pt notebooks from one source per lesson, and execute them for committing.

Each lesson lives in ``notebooks/src/NN_slug.py``:

    NAMES = {"es": "02_convolucion_stride_padding_pooling", "pt": "02_convolucao_stride_padding_pooling"}
    CELLS = [
        md(es="# Convolución ...", pt="# Convolução ..."),
        code('import gan_course as gc\\ngc.setup("@LANG@")'),        # one code for both languages
        code(es="x = 1  # comentario", pt="x = 1  # comentário"),    # only comments/strings differ
        code("train(...)", tags=["nbval-ignore-output"]),             # output depends on randomness/time
    ]

One source for both languages keeps the twins' code identical by construction; the test suite
still checks the committed notebooks (same code cells once comments and strings are ignored).

Commands (run from the repository root):

    python tools/nbbuild.py build   [NN ...]   # write notebooks/es|pt/*.ipynb without outputs
    python tools/nbbuild.py execute [NN ...]   # build, then run each in a fresh kernel (full mode) and store outputs
    python tools/nbbuild.py check              # exit 1 if a committed notebook differs from its source

``execute`` runs in full mode (GAN_COURSE_QUICK removed) unless ``--quick`` is given, with
``GAN_COURSE_OFFLINE=1`` so stored outputs never depend on the network.
"""
from __future__ import annotations

import argparse
import json
import os
import pathlib
import re
import runpy
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
SRC = ROOT / "notebooks" / "src"
LANGS = ("es", "pt")

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
LANGUAGE_INFO = {"name": "python", "file_extension": ".py", "mimetype": "text/x-python"}


class Cell:
    def __init__(self, kind, texts, tags=(), slide=None):
        self.kind, self.texts, self.tags, self.slide = kind, texts, list(tags), slide

    def text(self, lang):
        return self.texts[lang].replace("@LANG@", lang).strip("\n")


def md(text=None, *, es=None, pt=None, slide=None):
    """A markdown cell; prose differs by language (``es=``, ``pt=``)."""
    if text is not None:
        es = pt = text
    if es is None or pt is None:
        raise ValueError("md() needs es= and pt= (or one text for both)")
    return Cell("markdown", {"es": es, "pt": pt}, slide=slide)


def code(text=None, *, es=None, pt=None, tags=(), slide=None):
    """A code cell; ``@LANG@`` becomes ``es``/``pt``; give ``es=``/``pt=`` only when comments/strings differ."""
    if text is not None:
        es = pt = text
    if es is None or pt is None:
        raise ValueError("code() needs one text, or es= and pt=")
    return Cell("code", {"es": es, "pt": pt}, tags=tags, slide=slide)


def _default_slide(cell, text):
    if cell.slide:
        return cell.slide
    if cell.kind == "markdown":
        first = text.lstrip().split("\n", 1)[0]
        if first.startswith("# ") or first.startswith("## "):
            return "slide"
        if first.startswith("### "):
            return "subslide"
    return "-"


def load_source(path):
    ns = runpy.run_path(str(path), init_globals={"md": md, "code": code})
    names, cells = ns["NAMES"], ns["CELLS"]
    for lang in LANGS:
        if not re.match(r"^\d\d_[a-z0-9_]+$", names[lang]):
            raise ValueError(f"{path.name}: bad notebook name {names[lang]!r}")
    return names, cells


def build_notebook(cells, lang):
    nb_cells = []
    for i, cell in enumerate(cells):
        text = cell.text(lang)
        meta = {"slideshow": {"slide_type": _default_slide(cell, text)}}
        if cell.tags:
            meta["tags"] = list(cell.tags)
        c = {"cell_type": cell.kind, "id": f"c{i:03d}", "metadata": meta, "source": _lines(text)}
        if cell.kind == "code":
            c["execution_count"] = None
            c["outputs"] = []
        nb_cells.append(c)
    return {
        "cells": nb_cells,
        "metadata": {"kernelspec": KERNELSPEC, "language_info": LANGUAGE_INFO,
                     "celltoolbar": "Slideshow"},
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def _lines(text):
    parts = text.split("\n")
    return [p + "\n" for p in parts[:-1]] + [parts[-1]] if parts else []


def sources(selection=()):
    paths = sorted(SRC.glob("[0-9][0-9]_*.py"))
    if selection:
        paths = [p for p in paths if any(p.name.startswith(s) for s in selection)]
    return paths


def write(nb, path):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def notebook_path(lang, name):
    return ROOT / "notebooks" / lang / f"{name}.ipynb"


def cmd_build(selection):
    for src in sources(selection):
        names, cells = load_source(src)
        for lang in LANGS:
            path = notebook_path(lang, names[lang])
            write(build_notebook(cells, lang), path)
            print("built", path.relative_to(ROOT))


ABSOLUTE = re.compile(r"(/work/|/home/|/root/|/tmp/|/Users/|[A-Z]:\\\\)")


def cmd_execute(selection, quick=False, timeout=3600):
    import nbformat
    from nbclient import NotebookClient

    env_backup = dict(os.environ)
    os.environ.pop("GAN_COURSE_QUICK", None)
    if quick:
        os.environ["GAN_COURSE_QUICK"] = "1"
    os.environ["GAN_COURSE_OFFLINE"] = "1"
    try:
        for src in sources(selection):
            names, cells = load_source(src)
            for lang in LANGS:
                path = notebook_path(lang, names[lang])
                write(build_notebook(cells, lang), path)
                nb = nbformat.read(str(path), as_version=4)
                start = time.time()
                client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                                        resources={"metadata": {"path": str(path.parent)}},
                                        record_timing=False)
                client.execute()
                nb.metadata.pop("widgets", None)
                nbformat.write(nb, str(path))
                _normalise(path)
                print(f"executed {path.relative_to(ROOT)} in {time.time() - start:.0f} s")
                _report(path)
    finally:
        os.environ.clear()
        os.environ.update(env_backup)


def _normalise(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    nb["metadata"]["language_info"] = LANGUAGE_INFO
    write(nb, path)


def _report(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    for i, c in enumerate(nb["cells"]):
        for o in c.get("outputs", []):
            if o.get("output_type") == "error":
                print(f"  !! cell {i}: error {o.get('ename')}: {o.get('evalue')}")
            if o.get("name") == "stderr":
                print(f"  !! cell {i}: stderr output: {''.join(o.get('text', ''))[:200]!r}")
            blob = json.dumps(o.get("text", "")) + json.dumps(o.get("data", {}).get("text/plain", ""))
            if ABSOLUTE.search(blob):
                print(f"  !! cell {i}: absolute path in output")
    print(f"  size {path.stat().st_size / 1e6:.2f} MB")


def cmd_check():
    bad = 0
    for src in sources():
        names, cells = load_source(src)
        for lang in LANGS:
            path = notebook_path(lang, names[lang])
            if not path.exists():
                print(f"missing {path.relative_to(ROOT)}")
                bad += 1
                continue
            stored = json.loads(path.read_text(encoding="utf-8"))
            fresh = build_notebook(cells, lang)
            if [("".join(c["source"]), c["cell_type"], c["metadata"]) for c in stored["cells"]] != \
               [("".join(c["source"]), c["cell_type"], c["metadata"]) for c in fresh["cells"]]:
                print(f"out of date: {path.relative_to(ROOT)} (rebuild and re-execute it)")
                bad += 1
    return bad


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=["build", "execute", "check"])
    ap.add_argument("lessons", nargs="*", help="lesson numbers (e.g. 02 06); default: all")
    ap.add_argument("--quick", action="store_true", help="execute in quick mode (for trying, not for committing)")
    args = ap.parse_args(argv)
    if args.command == "build":
        cmd_build(args.lessons)
    elif args.command == "execute":
        cmd_execute(args.lessons, quick=args.quick)
    else:
        sys.exit(1 if cmd_check() else 0)


if __name__ == "__main__":
    main()
