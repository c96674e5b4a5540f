"""Check the lessons' Spanish and Portuguese for the slips the glossary forbids and for decimal points in pt.

    python tools/langcheck.py            # every lesson source and the package's i18n messages
    python tools/langcheck.py 07 08      # lessons 07 and 08 only
    python tools/langcheck.py --messages # the i18n messages only

What is read, per language (``notebooks/src/NN_*.py``, see ``tools/nbbuild.py``):

* markdown cells for that language (``lang="es"``/``lang="pt"``, or cells without ``lang``), minus fenced code
  blocks, inline code, URLs, link targets and HTML tags;
* in code cells, comments (``# es: … | pt: …``, ``# es:``/``# pt:`` lines, untagged comments count for both
  languages) and string literals (the ``T("es", "pt")`` argument of that language; other strings count for both);
* the messages registered with ``gan_course.i18n`` (every ``gan_course`` module imported).

**Forbidden words** (both languages): the table under "Palabras que no se usan" in ``notebooks/GLOSARIO.md``.
Each row gives a language, a Python regular expression (case-insensitive unless it says otherwise with
``(?-i:…)``), where it applies (``todo``: prose, comments, strings and messages; ``prosa``: markdown only) and
what to write instead.  Lines are joined within a cell (or a run of comment lines), so a phrase broken over two
lines is still found.

**Decimal commas** (Portuguese markdown, maths included): a number written ``9.56`` is reported; Brazilian
Portuguese writes ``9,56`` (in LaTeX ``9{,}56``).  Not reported:

* inline code, code blocks, URLs, link and image targets, HTML tags (file names, printed values quoted as code);
* chains of three or more numbers (``1.2.3``: versions, addresses) and a version after a software name or
  "versão"/"v" (``TensorFlow 2.21``, ``Python 3.11``, ``v1.5``, ``2.x``);
* thousands groups (``60.000``, ``1.281.167``: digits then groups of exactly three, the first not ``0``);
* exercise and section keys: ``NN.k`` with a two-digit lesson number starting with ``0`` (``06.1``), any
  ``NN.k`` right after ``§``, "exercício(s)", "seção", "lição", "figura", "tabela", "equação", "capítulo",
  "apêndice", "section", "eq." (``§06.2``, ``seção 3.2``, ``exercícios 10.1 e 10.2``);
* a number glued to letters or underscores (``model.h5``, ``conv2.weight``, ``x1.5``).

Output: one line per hit, ``path:line: lang: what → instead: «snippet»``; exit status 1 when there are hits.
"""
from __future__ import annotations

import argparse
import ast
import dataclasses
import importlib
import io
import pathlib
import pkgutil
import re
import sys
import tokenize

ROOT = pathlib.Path(__file__).resolve().parents[1]
SRC = ROOT / "notebooks" / "src"
GLOSSARY = ROOT / "notebooks" / "GLOSARIO.md"
PACKAGE = ROOT / "gan_course"
LANGS = ("es", "pt")
SECTION = "Palabras que no se usan"          # the heading (## …) of the forbidden-words table in GLOSARIO.md

if str(ROOT / "tools") not in sys.path:
    sys.path.insert(0, str(ROOT / "tools"))


# --- the glossary's table ----------------------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class Rule:
    lang: str
    pattern: re.Pattern
    scope: str            # "todo" or "prosa"
    instead: str

    @property
    def source(self) -> str:
        return self.pattern.pattern


def _cells(row: str) -> list[str]:
    """The cells of a markdown table row; ``\\|`` inside a cell is a literal bar."""
    parts = re.split(r"(?<!\\)\|", row.strip().strip("|"))
    return [p.strip().replace("\\|", "|") for p in parts]


def load_rules(path=GLOSSARY) -> list[Rule]:
    """The forbidden-words rules of the glossary's section ``SECTION``."""
    text = pathlib.Path(path).read_text(encoding="utf-8")
    start = re.search(rf"^##\s+{re.escape(SECTION)}.*$", text, re.MULTILINE)
    if not start:
        raise ValueError(f"{path}: no section '## {SECTION}'")
    body = text[start.end():]
    end = re.search(r"^##\s", body, re.MULTILINE)
    body = body[:end.start()] if end else body
    rules = []
    for line in body.splitlines():
        if not line.lstrip().startswith("|") or re.match(r"^\s*\|[\s|:-]+\|?\s*$", line):
            continue
        cells = _cells(line)
        if len(cells) < 4 or cells[0] not in LANGS:
            continue                                   # the header row
        lang, pattern, scope, instead = cells[:4]
        m = re.fullmatch(r"`(.+)`", pattern)
        if not m or scope not in ("todo", "prosa"):
            raise ValueError(f"{path}: bad row (pattern between backticks, scope todo|prosa): {line}")
        rules.append(Rule(lang, re.compile(m.group(1), re.IGNORECASE), scope, instead))
    if not rules:
        raise ValueError(f"{path}: the section '{SECTION}' has no rules")
    return rules


# --- text pieces, each with its lines ------------------------------------------------------------------

@dataclasses.dataclass
class Piece:
    """Text of one language from one place: ``lines`` are ``(line number, text)``; ``kind`` is "prosa"
    (markdown), "code" (comments and strings) or "message"."""
    path: str
    lang: str
    kind: str
    lines: list
    raw: list | None = None           # the lines before blanking (same lengths), for the snippets

    def joined(self, raw=False) -> tuple[str, list[int]]:
        """The lines joined with spaces, and the offset where each starts."""
        lines = self.raw if raw and self.raw is not None else self.lines
        starts, pos = [], 0
        for _, text in lines:
            starts.append(pos)
            pos += len(text) + 1
        return " ".join(text for _, text in lines), starts

    def where(self, starts, offset) -> int:
        i = max(k for k, s in enumerate(starts) if s <= offset)
        return self.lines[i][0]


def _blank(text: str, pattern: re.Pattern) -> str:
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")
URL = re.compile(r"\b(?:https?|ftp|file)://[^\s)>\]]+|\bwww\.[^\s)>\]]+")
LINK_TARGET = re.compile(r"\]\([^)]*\)")
HTML_TAG = re.compile(r"<[^>\n]+>")


def prose_lines(body_lines):
    """Markdown lines with fenced code blocks dropped and inline code, URLs, link targets and HTML tags
    blanked (same length, so columns stay); and the same lines unblanked."""
    out, raw, fenced = [], [], False
    for number, text in body_lines:
        if text.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        if fenced:
            continue
        raw.append((number, text))
        for pattern in (INLINE_CODE, URL, LINK_TARGET, HTML_TAG):
            text = _blank(text, pattern)
        out.append((number, text))
    return out, raw


def _runs(lines):
    """Split ``[(line, text)]`` into runs of consecutive line numbers."""
    runs = []
    for item in sorted(lines):
        if runs and item[0] == runs[-1][-1][0] + 1:
            runs[-1].append(item)
        else:
            runs.append([item])
    return runs


def code_pieces(body: str, first_line: int, path: str) -> list[Piece]:
    """Comments and string literals of a source code cell, per language."""
    from nbbuild import INLINE_COMMENT, LANG_COMMENT

    comments = {lang: [] for lang in LANGS}
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(body).readline))
        tree = ast.parse(body)
    except (SyntaxError, tokenize.TokenError):
        return []
    for tok in tokens:
        if tok.type != tokenize.COMMENT:
            continue
        number = first_line + tok.start[0] - 1
        inline, tagged = INLINE_COMMENT.match(tok.string), LANG_COMMENT.match(tok.string)
        if inline:
            for lang in LANGS:
                comments[lang].append((number, inline[lang]))
        elif tagged:
            comments[tagged["lang"]].append((number, tagged["text"]))
        else:
            for lang in LANGS:
                comments[lang].append((number, tok.string.lstrip("#").strip()))
    pieces = [Piece(path, lang, "code", run) for lang in LANGS for run in _runs(comments[lang])]

    def segment(node):
        text = ast.get_source_segment(body, node) or ""
        return [(first_line + node.lineno - 1 + i, t) for i, t in enumerate(text.split("\n"))]

    def visit(node, langs):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "T" \
                and len(node.args) == len(LANGS):
            for lang, arg in zip(LANGS, node.args):
                visit(arg, (lang,))
            return
        if isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            for lang in langs:
                pieces.append(Piece(path, lang, "code", segment(node)))
            return
        for child in ast.iter_child_nodes(node):
            visit(child, langs)

    visit(tree, LANGS)
    return pieces


def source_pieces(path) -> list[Piece]:
    """Every piece of text of a lesson source, per language."""
    from nbbuild import load_source

    _, cells = load_source(path)
    try:
        shown = pathlib.Path(path).resolve().relative_to(ROOT).as_posix()
    except ValueError:
        shown = str(path)
    pieces = []
    for cell in cells:
        body = cell.body.split("\n")
        langs = [cell.lang] if cell.lang else list(LANGS)
        if cell.kind == "markdown":
            lines, raw = prose_lines([(cell.body_line + i, ln[2:]) for i, ln in enumerate(body)])
            pieces += [Piece(shown, lang, "prosa", lines, raw) for lang in langs]
        else:
            pieces += [p for p in code_pieces(cell.body, cell.body_line, shown) if p.lang in langs]
    return pieces


def import_package():
    """Import every ``gan_course`` module, so that all i18n messages are registered."""
    import gan_course

    for info in pkgutil.walk_packages(gan_course.__path__, "gan_course."):
        if info.name.endswith("__main__"):
            continue
        importlib.import_module(info.name)


def message_pieces() -> list[Piece]:
    """The registered i18n messages, each located at the line of its key in the package."""
    import_package()
    from gan_course.i18n import messages

    files = sorted(PACKAGE.rglob("*.py"))
    texts = {f: f.read_text(encoding="utf-8").split("\n") for f in files}

    def locate(key):
        for f, lines in texts.items():
            for i, line in enumerate(lines):
                if f'"{key}"' in line or f"'{key}'" in line:
                    return f"{f.relative_to(ROOT).as_posix()}", i + 1
        return "gan_course (i18n)", 0

    pieces = []
    for key, variants in sorted(messages().items()):
        path, line = locate(key)
        for lang in LANGS:
            if lang in variants:
                pieces.append(Piece(f"{path} [{key}]", lang, "message", [(line, variants[lang].replace("\n", " "))]))
    return pieces


# --- the checks ------------------------------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class Hit:
    path: str
    line: int
    lang: str
    what: str
    instead: str
    snippet: str

    def __str__(self):
        return f"{self.path}:{self.line}: {self.lang}: {self.what} → {self.instead}: «{self.snippet}»"


def _snippet(text, start, end, width=40):
    left = max(0, start - width)
    right = min(len(text), end + width)
    return ("…" if left else "") + re.sub(r"\s+", " ", text[left:right].strip()) + ("…" if right < len(text) else "")


def _ordered(hits):
    """``hits`` without repeats, by file and line (the order found within a line)."""
    return sorted(dict.fromkeys(hits), key=lambda h: (h.path, h.line))


def forbidden_hits(pieces, rules) -> list[Hit]:
    hits = []
    for piece in pieces:
        text, starts = piece.joined()
        raw, _ = piece.joined(raw=True)
        taken = []                                   # spans already reported (one hit per slip)
        for rule in rules:
            if rule.lang != piece.lang or (rule.scope == "prosa" and piece.kind != "prosa"):
                continue
            for m in rule.pattern.finditer(text):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                taken.append(m.span())
                hits.append(Hit(piece.path, piece.where(starts, m.start()), piece.lang,
                                f"«{m.group(0).strip()}»", rule.instead, _snippet(raw, m.start(), m.end())))
    return hits


DECIMAL = re.compile(r"(?<![\w.,])\d+(?:\.\d+)+(?![\w.]*\w)")
THOUSANDS = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")
SOFTWARE = re.compile(r"(?:python|tensorflow|tf|keras|numpy|matplotlib|imageio|nbval|nbconvert|jupyter(?:lab)?|"
                      r"reveal(?:\.js)?|mathjax|jquery|require(?:\.js)?|chromium|chrome|cuda|cudnn|pillow|scipy|"
                      r"ubuntu|debian|apache|gpl|cc[ -]by(?:-sa)?|vers(?:ão|ões|ion)|v)\s*$", re.IGNORECASE)
KEY_CONTEXT = re.compile(r"(?:§|\bexerc[ií]cios?|\bse[cç][aã]o|\bse[cç][õo]es|\bli[cç][aã]o|\bli[cç][õo]es|"
                         r"\bfiguras?|\btabelas?|\bequa[cç][aã]o|\bcap[ií]tulo|\bap[eê]ndice|\bsection|\beq\.)"
                         r"[\s*_]*(?:(?:\d+(?:\.\d+)*)\s*(?:,|e|a|–|-)\s*)*$", re.IGNORECASE)
MATH = re.compile(r"\$\$.+?\$\$|\$[^$]+\$")


def decimal_hits(pieces) -> list[Hit]:
    """Numbers written with a decimal point in Portuguese markdown (rule in the module docstring)."""
    hits = []
    for piece in pieces:
        if piece.lang != "pt" or piece.kind != "prosa":
            continue
        text, starts = piece.joined()
        raw, _ = piece.joined(raw=True)
        maths = [m.span() for m in MATH.finditer(text)]
        for m in DECIMAL.finditer(text):
            number, before = m.group(0), text[:m.start()]
            if number.count(".") >= 2 and not THOUSANDS.fullmatch(number):
                continue                                            # 1.2.3: a version or an address
            if THOUSANDS.fullmatch(number):
                continue                                            # 60.000: thousands
            if SOFTWARE.search(before[-20:]) or text[m.end():m.end() + 2] == ".x":
                continue                                            # TensorFlow 2.21, v1.5
            if re.fullmatch(r"0\d\.\d{1,2}", number) or KEY_CONTEXT.search(before[-40:]):
                continue                                            # 06.1, §06.2, seção 3.2
            in_maths = any(a <= m.start() < b for a, b in maths)
            fixed = number.replace(".", "{,}" if in_maths else ",")
            what = f"decimal com ponto «{number}»" + (" (fórmula)" if in_maths else "")
            hits.append(Hit(piece.path, piece.where(starts, m.start()), "pt", what, f"«{fixed}»",
                            _snippet(raw, m.start(), m.end())))
    return hits


def lesson_sources(lessons=()) -> list[pathlib.Path]:
    paths = sorted(SRC.glob("[0-9][0-9]_*.py"))
    if lessons:
        wanted = {str(n).zfill(2)[:2] for n in lessons}
        paths = [p for p in paths if p.name[:2] in wanted]
    return paths


def check_source(path, rules=None) -> list[Hit]:
    """Every hit in one lesson source (forbidden words in both languages, decimal points in pt)."""
    rules = load_rules() if rules is None else rules
    pieces = source_pieces(path)
    return _ordered(forbidden_hits(pieces, rules) + decimal_hits(pieces))


def check_messages(rules=None) -> list[Hit]:
    """Forbidden words in the registered i18n messages."""
    rules = load_rules() if rules is None else rules
    return _ordered(forbidden_hits(message_pieces(), rules))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("lessons", nargs="*", metavar="NN", help="lesson numbers (default: all, and the messages)")
    parser.add_argument("--messages", action="store_true", help="check the i18n messages (alone when no NN)")
    parser.add_argument("--lang", choices=LANGS, help="report one language only")
    parser.add_argument("--count", action="store_true", help="print only the number of hits per lesson")
    args = parser.parse_args(argv)
    rules = load_rules()
    groups = []
    if args.lessons or not args.messages:
        for path in lesson_sources(args.lessons):
            groups.append((path.name[:2], check_source(path, rules)))
    if args.messages or not args.lessons:
        groups.append(("i18n", check_messages(rules)))
    total = 0
    for name, hits in groups:
        hits = [h for h in hits if args.lang in (None, h.lang)]
        total += len(hits)
        if args.count:
            per = {lang: sum(h.lang == lang for h in hits) for lang in LANGS}
            print(f"{name}: {len(hits)} (es {per['es']}, pt {per['pt']})")
        else:
            for hit in hits:
                print(hit)
    print(f"# {total} hits", file=sys.stderr)
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
