"""Checks shared by the test suite: es/pt twins, code signatures, notebook hygiene."""
from __future__ import annotations

import io
import json
import pathlib
import re
import tokenize

ROOT = pathlib.Path(__file__).resolve().parents[1]
BANNERS = ("oneDNN custom operations", "cpu_feature_guard", "absl::InitializeLog",
           "This TensorFlow binary is optimized")
ABSOLUTE_PATH = re.compile(r"(?<![\w.])(/work/|/home/|/root/|/tmp/|/Users/|/private/var/|[A-Za-z]:\\\\)")
_STRING_TYPES = {tokenize.STRING} | {getattr(tokenize, n) for n in ("FSTRING_START", "FSTRING_MIDDLE",
                                                                      "FSTRING_END") if hasattr(tokenize, n)}
_SKIP = {tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT,
         tokenize.ENDMARKER, tokenize.ENCODING}


def notebooks(root=ROOT):
    nbs = sorted((root / "notebooks").glob("*/*.ipynb"))
    return [p for p in nbs if p.parent.name in ("es", "pt") and ".ipynb_checkpoints" not in p.parts]


def load(path):
    return json.loads(pathlib.Path(path).read_text(encoding="utf-8"))


def code_signature(source: str) -> list[str]:
    """Tokens of a code cell with comments dropped and every string literal replaced by ``STR``.

    Lines starting with ``%``/``!`` (IPython magics) are kept verbatim.
    """
    lines = source.splitlines()
    magics = [ln.strip() for ln in lines if ln.lstrip().startswith(("%", "!"))]
    body = "\n".join("" if ln.lstrip().startswith(("%", "!")) else ln for ln in lines) + "\n"
    out, in_fstring = [], 0
    for tok in tokenize.generate_tokens(io.StringIO(body).readline):
        if tok.type in _SKIP:
            continue
        name = tokenize.tok_name[tok.type]
        if name == "FSTRING_START":
            in_fstring += 1
            continue
        if name == "FSTRING_END":
            in_fstring -= 1
            if in_fstring == 0:
                out.append("STR")
            continue
        if in_fstring:
            continue
        out.append("STR" if tok.type in _STRING_TYPES else tok.string)
    return magics + out


def code_cells(nb) -> list[str]:
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]


def twin_differences(nb_es, nb_pt) -> list[str]:
    """Human-readable differences between two twins' code (empty list: same code)."""
    a, b = code_cells(nb_es), code_cells(nb_pt)
    problems = []
    if len(a) != len(b):
        problems.append(f"{len(a)} code cells in es, {len(b)} in pt")
    for i, (x, y) in enumerate(zip(a, b)):
        if code_signature(x) != code_signature(y):
            problems.append(f"code cell {i} differs:\n--- es\n{x}\n--- pt\n{y}")
    tags_a = [c["metadata"].get("tags", []) for c in nb_es["cells"] if c["cell_type"] == "code"]
    tags_b = [c["metadata"].get("tags", []) for c in nb_pt["cells"] if c["cell_type"] == "code"]
    if tags_a != tags_b:
        problems.append("cell tags differ between the twins")
    return problems


def pairs(root=ROOT):
    """``{lesson number: {"es": path, "pt": path}}`` for every notebook found."""
    out: dict[str, dict[str, pathlib.Path]] = {}
    for p in notebooks(root):
        out.setdefault(p.name[:2], {})[p.parent.name] = p
    return out


def hygiene_problems(nb) -> list[str]:
    """Stored errors, TF banners, absolute paths, stderr, unexecuted cells, missing slide metadata."""
    problems = []
    for i, c in enumerate(nb["cells"]):
        if "slide_type" not in c.get("metadata", {}).get("slideshow", {}):
            problems.append(f"cell {i}: no slideshow metadata")
        if c["cell_type"] != "code":
            continue
        if c.get("execution_count") is None and "".join(c["source"]).strip():
            problems.append(f"cell {i}: not executed")
        for o in c.get("outputs", []):
            if o.get("output_type") == "error":
                problems.append(f"cell {i}: stored error {o.get('ename')}")
            text = o.get("text", "")
            text = "".join(text) if isinstance(text, list) else str(text)
            plain = o.get("data", {}).get("text/plain", "")
            plain = "".join(plain) if isinstance(plain, list) else str(plain)
            html = o.get("data", {}).get("text/html", "")
            html = "".join(html) if isinstance(html, list) else str(html)
            blob = text + plain + html
            if any(b in blob for b in BANNERS):
                problems.append(f"cell {i}: TensorFlow start-up banner stored")
            if o.get("name") == "stderr":
                problems.append(f"cell {i}: stderr output stored: {text[:120]!r}")
            m = ABSOLUTE_PATH.search(blob)
            if m:
                problems.append(f"cell {i}: absolute path stored: …{blob[max(0, m.start() - 30):m.end() + 30]!r}")
    return problems
