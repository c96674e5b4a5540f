"""Build the es/pt notebooks from one source per lesson, and execute them for committing.

Each lesson lives in ``notebooks/src/NN_slug.py``, a Python file in Jupytext's percent format (it opens in
Jupyter as a notebook and ``ruff`` lints it). Code is written once; only prose, comments and strings carry
both languages::

    from _lang import T                       # preamble (before the first cell): not part of the notebooks
    NAMES = {"es": "02_convolucion_stride_padding_pooling", "pt": "02_convolucao_stride_padding_pooling"}

    # %% [markdown] lang="es"                 <- a cell only in the Spanish notebook
    # ## Relleno
    # %% [markdown] lang="pt"                 <- ... and its Portuguese twin
    # ## Preenchimento
    # %% tags=["nbval-ignore-output"]        <- a code cell for both notebooks, with cell metadata
    x = conv(image, padding=1)  # es: comentario | pt: comentário
    print(T("forma:", "formato:"), x.shape)
    # es: un comentario largo en su propia línea
    # pt: um comentário longo na sua própria linha

Rules for code cells (the notebooks get plain code, character for character):

- ``T("texto", "texto")`` (Spanish first) becomes the chosen string literal; f-strings and implicit
  concatenations are allowed as arguments. When an argument spans several lines, write its continuation lines
  aligned under the argument: they come out dedented by the width of ``T(``.
- ``# es: A | pt: B`` becomes ``# A`` or ``# B``. A comment ``# es: A`` followed by a comment-only line
  ``# pt: B`` does the same over two lines (for a trailing comment, the ``# pt:`` line only replaces it).
- ``@LANG@`` anywhere becomes ``es``/``pt``.

Cell headers take Jupytext-style ``key=JSON`` options: ``lang`` (a cell for one language only), ``id``
(an explicit cell id), ``tags`` and any other metadata (``slideshow={"slide_type": "fragment"}`` overrides the
default: ``#``/``##`` headings start a slide, ``###`` a sub-slide). Cell ids are stable: the explicit ``id``,
else the slug of a markdown heading, else a hash of the cell's source, so editing or inserting one cell changes
only that cell's id.

Commands (run from the repository root):

    python tools/nbbuild.py build   [NN ...]   # write notebooks/es|pt/*.ipynb without outputs
    python tools/nbbuild.py execute [NN ...]   # build, then run each in a fresh kernel (full mode) and store outputs
    python tools/nbbuild.py prose   [NN ...]   # take new markdown from the source, keep the executed code cells
    python tools/nbbuild.py check              # exit 1 if a committed notebook differs from its source
    python tools/nbbuild.py stats              # share of notebook code lines written once per language

``execute`` runs in full mode (GAN_COURSE_QUICK removed) unless ``--quick`` is given, with
``GAN_COURSE_OFFLINE=1`` so stored outputs never depend on the network. Each run's wall time, the 1-minute load
average before and after it and the CPU count go into ``benchmarks/results/lesson_times.json`` (merged, keyed by
notebook, then by mode): the times the course website shows (``benchmarks/lesson_times.py`` re-measures them).
"""
from __future__ import annotations

import argparse
import ast
import bisect
import hashlib
import io
import json
import os
import pathlib
import re
import sys
import time
import tokenize
import unicodedata

ROOT = pathlib.Path(__file__).resolve().parents[1]
SRC = ROOT / "notebooks" / "src"
LANGS = ("es", "pt")

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
LANGUAGE_INFO = {"name": "python", "file_extension": ".py", "mimetype": "text/x-python"}

MARKER = re.compile(r"^# %%(?: \[(?P<kind>markdown)\])?(?P<options>(?: .*)?)$")
CELL_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
INLINE_COMMENT = re.compile(r"^#(?P<ws> *)es: (?P<es>.*?) \| pt: (?P<pt>.*)$")
LANG_COMMENT = re.compile(r"^#(?P<ws> *)(?P<lang>es|pt): (?P<text>.*)$")


class SourceError(ValueError):
    """A mistake in a lesson source; ``line`` (1-based, within a code cell) when known."""

    def __init__(self, message, line=None):
        super().__init__(message)
        self.line = line


class Cell:
    """One cell of a lesson source: ``body`` is the text as written (markdown still commented out)."""

    def __init__(self, kind, body, options, path="<source>", line=0, body_line=None):
        self.kind, self.body, self.path, self.line = kind, body, path, line
        self.body_line = body_line or line + 1
        self.options = dict(options)
        self.lang = self.options.pop("lang", None)
        self.explicit_id = self.options.pop("id", None)
        if self.lang not in (None, *LANGS):
            raise self.error(f"lang must be one of {LANGS}, not {self.lang!r}")
        if self.explicit_id is not None and not (isinstance(self.explicit_id, str) and CELL_ID.match(self.explicit_id)):
            raise self.error(f"id must match {CELL_ID.pattern}, not {self.explicit_id!r}")
        if self.kind == "markdown":
            bad = [ln for ln in body.split("\n") if ln != "#" and not ln.startswith("# ")]
            if bad:
                raise self.error(f"markdown lines must start with '# ' (got {bad[0]!r})")

    def error(self, message, line=None):
        where = self.line if line is None else self.body_line + line - 1
        return SourceError(f"{self.path}:{where}: {message}")

    def in_lang(self, lang):
        return self.lang in (None, lang)

    def text(self, lang):
        """The notebook cell's source in ``lang``."""
        if self.kind == "markdown":
            text = "\n".join(ln[2:] for ln in self.body.split("\n"))
        else:
            try:
                text = render_code(self.body, lang)
            except SourceError as exc:
                raise self.error(str(exc), exc.line) from None
        return text.replace("@LANG@", lang).strip("\n")

    def auto_id(self):
        if self.explicit_id:
            return self.explicit_id
        if self.kind == "markdown":
            first = self.text(self.lang or LANGS[0]).split("\n", 1)[0]
            heading = re.match(r"#{1,6}\s+(.+)", first)
            if heading and slugify(heading.group(1)):
                return slugify(heading.group(1))
        return hashlib.sha1(f"{self.kind}\n{self.body}".encode()).hexdigest()[:8]

    def metadata(self, lang):
        meta = {"slideshow": {"slide_type": _default_slide(self.kind, self.text(lang))}}
        for key, value in self.options.items():
            meta[key] = value
        return meta


def slugify(text, width=48):
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    words = re.findall(r"[a-z0-9]+", text)
    slug = ""
    for word in words:
        if len(slug) + len(word) + 1 > width:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug or "-".join(words)[:width]


def _default_slide(kind, text):
    if kind == "markdown":
        first = text.lstrip().split("\n", 1)[0]
        if first.startswith("# ") or first.startswith("## "):
            return "slide"
        if first.startswith("### "):
            return "subslide"
    return "-"


# --- code cells: T("es", "pt") and "# es: ... | pt: ..." ---------------------------------------------

def _offsets(src):
    lines = src.split("\n")
    starts, pos = [], 0
    for ln in lines:
        starts.append(pos)
        pos += len(ln) + 1
    return lines, starts


def _analyse(src):
    """Edits that turn a source code cell into each language, plus the lines written for one language only.

    Returns ``(edits, single)``: ``edits[lang]`` is a list of ``(start, end, replacement)`` character spans;
    ``single[lang]`` the 0-based source lines that produce a notebook line in that language only.
    """
    lines, starts = _offsets(src)

    def offset(lineno, byte_col):  # ast positions: 1-based line, UTF-8 byte column
        line = lines[lineno - 1]
        return starts[lineno - 1] + len(line.encode("utf-8")[:byte_col].decode("utf-8"))

    try:
        tree = ast.parse(src)
    except SyntaxError as exc:
        raise SourceError(f"code cell is not valid Python: {exc.msg}", exc.lineno) from None
    edits = {lang: [] for lang in LANGS}
    labels = [{} for _ in lines]  # per line: {character offset: what it belongs to}

    def label(start, end, name):
        for pos in range(start, end):
            if not src[pos].isspace():
                labels[bisect.bisect_right(starts, pos) - 1][pos] = name

    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "T"]
    for call in sorted(calls, key=lambda n: (n.lineno, n.col_offset)):
        if len(call.args) != len(LANGS) or call.keywords:
            raise SourceError(f"T() takes the {len(LANGS)} variants {LANGS} as positional arguments", call.lineno)
        if not all(isinstance(a, ast.JoinedStr) or (isinstance(a, ast.Constant) and isinstance(a.value, str))
                   for a in call.args):
            raise SourceError("T() arguments must be string literals (f-strings allowed)", call.lineno)
        c_start = offset(call.lineno, call.col_offset)
        c_end = offset(call.end_lineno, call.end_col_offset)
        call_col = c_start - starts[call.lineno - 1]
        label(c_start, c_end, "syntax")
        for lang, arg in zip(LANGS, call.args):
            a_start = offset(arg.lineno, arg.col_offset)
            a_end = offset(arg.end_lineno, arg.end_col_offset)
            shift = a_start - starts[arg.lineno - 1] - call_col
            text_lines = src[a_start:a_end].split("\n")
            for i, ln in enumerate(text_lines[1:], start=arg.lineno + 1):
                if ln[:shift].strip():
                    raise SourceError(f"continuation of a T() argument must be indented {shift} columns more "
                                      "than the notebook line", i)
            text = "\n".join(text_lines[:1] + [ln[shift:] for ln in text_lines[1:]])
            edits[lang].append((c_start, c_end, text))
            label(a_start, a_end, lang)

    # Comments.
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(src).readline))
    except (tokenize.TokenError, SyntaxError) as exc:
        raise SourceError(f"cannot tokenize code cell: {exc}") from None  # pragma: no cover (ast failed first)
    comments = {tok.start[0] - 1: tok for tok in tokens if tok.type == tokenize.COMMENT}
    pending_pt = set()
    for ln in sorted(comments):
        if ln in pending_pt:  # already handled with the '# es:' line above it
            continue
        tok = comments[ln]
        c_start = starts[ln] + tok.start[1]
        c_end = starts[ln] + tok.end[1]
        full_line = not lines[ln][:tok.start[1]].strip()
        inline = INLINE_COMMENT.match(tok.string)
        tagged = LANG_COMMENT.match(tok.string)
        if inline:
            for lang in LANGS:
                edits[lang].append((c_start, c_end, f"#{inline['ws']}{inline[lang]}"))
            label(c_start, c_end, "comment" if not full_line else "both")
        elif tagged and tagged["lang"] == "es":
            nxt = comments.get(ln + 1)
            pt = LANG_COMMENT.match(nxt.string) if nxt else None
            if not (pt and pt["lang"] == "pt" and not lines[ln + 1][:nxt.start[1]].strip()):
                raise SourceError("'# es: ...' needs '| pt: ...' or a '# pt: ...' line below it", ln + 1)
            pending_pt.add(ln + 1)
            pt_start, pt_end = starts[ln + 1], starts[ln + 1] + len(lines[ln + 1])
            drop_pt = (pt_start - 1, pt_end, "")  # the line and the newline before it
            edits["es"] += [(c_start, c_end, f"#{tagged['ws']}{tagged['text']}"), drop_pt]
            if full_line:
                drop_es = (starts[ln], pt_start, "")
                edits["pt"] += [drop_es, (pt_start + nxt.start[1], pt_end, f"#{pt['ws']}{pt['text']}")]
                label(starts[ln], starts[ln] + len(lines[ln]), "es")
                label(pt_start, pt_end, "pt")
            else:
                edits["pt"] += [(c_start, c_end, f"#{pt['ws']}{pt['text']}"), drop_pt]
                label(c_start, c_end, "comment")
                label(pt_start, pt_end, "comment")
        elif tagged:
            raise SourceError("'# pt: ...' must follow a '# es: ...' comment", ln + 1)
        else:
            label(c_start, c_end, "comment" if not full_line else "both")

    single = {lang: set() for lang in LANGS}
    for ln, marks in enumerate(labels):
        kinds = {name for name in marks.values() if name not in ("syntax", "comment")}
        for pos in range(starts[ln], starts[ln] + len(lines[ln])):
            if not src[pos].isspace() and pos not in marks and src[pos] not in ")]},":
                kinds.add("both")
        if kinds in ({"es"}, {"pt"}):
            single[kinds.pop()].add(ln)
    return edits, single


def render_code(src, lang):
    """The code cell ``src`` as it appears in the ``lang`` notebook."""
    edits, _ = _analyse(src)
    out, end = [], len(src)
    for start, stop, text in sorted(edits[lang], key=lambda e: e[0], reverse=True):
        if stop > end:
            raise SourceError("overlapping T() calls / language comments")
        out.append(text + src[stop:end])
        end = start
    return src[:end] + "".join(reversed(out))


# --- lesson sources ------------------------------------------------------------------------------

def _parse_options(text, where):
    options, rest = {}, text.strip()
    decoder = json.JSONDecoder()
    while rest:
        m = re.match(r"(\w+)=", rest)
        if not m:
            raise SourceError(f"{where}: cell options are key=JSON pairs, got {rest!r}")
        try:
            value, used = decoder.raw_decode(rest, m.end())
        except json.JSONDecodeError:
            raise SourceError(f"{where}: the value of {m.group(1)} is not JSON (quote strings: "
                              f'{m.group(1)}="...")') from None
        options[m.group(1)] = value
        rest = rest[used:].strip()
    return options


def parse_source(text, path="<source>"):
    """``(names, cells)`` from the text of a lesson source."""
    lines = text.split("\n")
    heads = [i for i, ln in enumerate(lines) if ln.startswith("# %%")]
    preamble = "\n".join(lines[:heads[0]] if heads else lines)
    names = None
    for node in ast.parse(preamble).body:
        if isinstance(node, ast.Assign) and [getattr(t, "id", None) for t in node.targets] == ["NAMES"]:
            names = ast.literal_eval(node.value)
    if not isinstance(names, dict) or set(names) != set(LANGS):
        raise SourceError(f"{path}: the preamble must set NAMES = {{'es': ..., 'pt': ...}}")
    for lang in LANGS:
        if not re.match(r"^\d\d_[a-z0-9_]+$", names[lang]):
            raise SourceError(f"{path}: bad notebook name {names[lang]!r}")
    cells = []
    for k, head in enumerate(heads):
        m = MARKER.match(lines[head])
        where = f"{path}:{head + 1}"
        if not m:
            raise SourceError(f"{where}: cell markers are '# %%' or '# %% [markdown]', then key=JSON options")
        body = lines[head + 1:heads[k + 1] if k + 1 < len(heads) else len(lines)]
        while body and not body[-1].strip():
            body.pop()
        body_line = head + 2
        while body and not body[0].strip():
            body.pop(0)
            body_line += 1
        kind = "markdown" if m["kind"] else "code"
        options = _parse_options(m["options"], where)
        cells.append(Cell(kind, "\n".join(body), options, path, head + 1, body_line))
    return names, cells


def load_source(path):
    path = pathlib.Path(path)
    try:
        shown = path.relative_to(ROOT)
    except ValueError:
        shown = path
    return parse_source(path.read_text(encoding="utf-8"), shown)


def build_notebook(cells, lang):
    nb_cells, seen = [], {}
    for cell in cells:
        if not cell.in_lang(lang):
            continue
        cell_id = cell.auto_id()
        if cell_id in seen:
            raise cell.error(f"cell id {cell_id!r} already used by the cell at line {seen[cell_id]}; "
                             f"give one of them an explicit id=\"...\"")
        seen[cell_id] = cell.line
        text = cell.text(lang)
        c = {"cell_type": cell.kind, "id": cell_id, "metadata": cell.metadata(lang), "source": _lines(text)}
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


def run_notebook(nb, path, quick=False, timeout=3600):
    """Execute ``nb`` (read from ``path``) in a fresh kernel in its folder, full mode unless ``quick``, offline; returns
    ``(seconds, load average before)``.  Used by ``execute`` and ``benchmarks/lesson_times.py``."""
    from nbclient import NotebookClient

    env_backup = dict(os.environ)
    os.environ.pop("GAN_COURSE_QUICK", None)
    if quick:
        os.environ["GAN_COURSE_QUICK"] = "1"
    os.environ["GAN_COURSE_OFFLINE"] = "1"
    try:
        load_before, start = os.getloadavg()[0], time.time()
        NotebookClient(nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}},
                       record_timing=False).execute()
        return time.time() - start, load_before
    finally:
        os.environ.clear()
        os.environ.update(env_backup)


def cmd_execute(selection, quick=False, timeout=3600):
    import nbformat

    # a busy machine delivers one print in several stream messages: store each as one output
    from nbconvert.preprocessors import CoalesceStreamsPreprocessor

    for src in sources(selection):
        names, cells = load_source(src)
        for lang in LANGS:
            path = notebook_path(lang, names[lang])
            write(build_notebook(cells, lang), path)
            nb = nbformat.read(str(path), as_version=4)
            seconds, load_before = run_notebook(nb, path, quick=quick, timeout=timeout)
            nb, _ = CoalesceStreamsPreprocessor().preprocess(nb, {})
            record_time(path, seconds, load_before, quick=quick)
            nb.metadata.pop("widgets", None)
            nbformat.write(nb, str(path))
            _normalise(path)
            print(f"executed {path.relative_to(ROOT)} in {seconds:.0f} s")
            _report(path)


TIMES = ROOT / "benchmarks" / "results" / "lesson_times.json"


def record_time(path, seconds, load_before, quick=False, times=TIMES):
    """Merge one execution's wall time and its conditions into ``times`` (keyed by notebook, then mode)."""
    import datetime
    import platform

    key = pathlib.Path(path).resolve().relative_to(ROOT).as_posix()
    entry = {
        "seconds": round(seconds, 1),
        "load_before": round(load_before, 2),
        "load_after": round(os.getloadavg()[0], 2),
        "cpus": os.cpu_count(),
        "machine": platform.machine(),
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
    times.parent.mkdir(parents=True, exist_ok=True)
    try:  # two lessons executed at once must not lose each other's entry (POSIX: lock the folder)
        import fcntl
        lock = os.open(times.parent, os.O_RDONLY)
        fcntl.flock(lock, fcntl.LOCK_EX)
    except (ImportError, OSError):
        lock = None
    try:
        data = json.loads(times.read_text(encoding="utf-8")) if times.is_file() else {}
        data.setdefault(key, {})["quick" if quick else "full"] = entry
        tmp = times.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(dict(sorted(data.items())), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        tmp.replace(times)
    finally:
        if lock is not None:
            os.close(lock)


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


def cmd_prose(selection):
    """Markdown edits without re-running: markdown cells may change, come or go; refuse if any code cell (source,
    id, metadata) or the order of the code cells changed."""
    bad = 0
    for src in sources(selection):
        names, cells = load_source(src)
        for lang in LANGS:
            path = notebook_path(lang, names[lang])
            stored = json.loads(path.read_text(encoding="utf-8"))
            fresh = build_notebook(cells, lang)
            old = [c for c in stored["cells"] if c["cell_type"] == "code"]
            new = [c for c in fresh["cells"] if c["cell_type"] == "code"]
            if len(old) != len(new) or any(_cell_key(a) != _cell_key(b) for a, b in zip(old, new)):
                print(f"code changed: {path.relative_to(ROOT)} (execute it instead)")
                bad += 1
                continue
            executed = iter(old)
            stored["cells"] = [next(executed) if c["cell_type"] == "code" else c for c in fresh["cells"]]
            write(stored, path)
            print("prose updated", path.relative_to(ROOT))
    return bad


def _cell_key(c):
    return c["id"], c["cell_type"], "".join(c["source"]), c["metadata"]


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
            if [_cell_key(c) for c in stored["cells"]] != [_cell_key(c) for c in fresh["cells"]]:
                print(f"out of date: {path.relative_to(ROOT)} (rebuild and re-execute it)")
                bad += 1
    return bad


def line_stats(cells):
    """``(notebook code lines in es + pt, those written for one language only in the source)``."""
    total = single = 0
    for cell in cells:
        if cell.kind != "code":
            continue
        for lang in LANGS:
            if not cell.in_lang(lang):
                continue
            n = len(cell.text(lang).split("\n"))
            total += n
            single += n if cell.lang else len(_analyse(cell.body)[1][lang])
    return total, single


def cmd_stats(selection=()):
    """Print, per lesson, the share of notebook code lines written once per language; return the overall share."""
    grand_total = grand_single = 0
    for src in sources(selection):
        _, cells = load_source(src)
        total, single = line_stats(cells)
        grand_total, grand_single = grand_total + total, grand_single + single
        print(f"{src.name:45s} {single:4d} of {total:5d} code lines written per language ({single / total:.1%})")
    share = grand_single / grand_total if grand_total else 0.0
    print(f"{'all lessons':45s} {grand_single:4d} of {grand_total:5d} code lines written per language ({share:.1%})")
    return share


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=["build", "execute", "prose", "check", "stats"])
    ap.add_argument("lessons", nargs="*", help="lesson numbers (e.g. 02 06); default: all")
    ap.add_argument("--quick", action="store_true", help="execute in quick mode (for trying, not for committing)")
    args = ap.parse_args(argv)
    try:
        if args.command == "build":
            cmd_build(args.lessons)
        elif args.command == "execute":
            cmd_execute(args.lessons, quick=args.quick)
        elif args.command == "stats":
            cmd_stats(args.lessons)
        elif args.command == "prose":
            sys.exit(1 if cmd_prose(args.lessons) else 0)
        else:
            sys.exit(1 if cmd_check() else 0)
    except SourceError as exc:
        sys.exit(f"error: {exc}")


if __name__ == "__main__":
    main()
