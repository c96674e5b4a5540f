"""Every "Visto en NN §Sección" pointer (docstrings, lesson sources) names a heading of that lesson.

A pointer is the sentence after ``Visto en`` (Spanish prose, checked against the Spanish headings) or
``Visto em`` (Portuguese): two-digit lesson numbers, each optionally followed by sections ``§X``, joined with
``,``/``y``/``e``; text in parentheses is a comment. ``§X`` is fine when a markdown heading (``#``..``####``)
of that lesson starts with X, so ``§Hacia atrás`` names ``## Hacia atrás: las derivadas paso a paso``.
"""
import difflib
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import nbbuild  # noqa: E402

POINTER = re.compile(r"\bVist[oa] e(?P<lang>[nm]) (?=\d\d\b)")
LANG_OF = {"n": "es", "m": "pt"}
HEADING = re.compile(r"^#{1,4}\s+(.+?)\s*#*\s*$")
STOPWORDS = {"del", "las", "los", "una", "con", "por", "para", "das", "dos", "uma", "com", "pelo", "sobre"}
FILES = sorted((ROOT / "gan_course").glob("*.py")) + nbbuild.sources()


def _norm(text):
    text = re.sub(r"[*`_]", "", text)
    return re.sub(r"\s+", " ", text).strip().rstrip(".").casefold()


def lesson_headings():
    """``{(lesson, lang): [heading text, ...]}`` from the lesson sources' markdown."""
    out = {}
    for src in nbbuild.sources():
        _, cells = nbbuild.load_source(src)
        for lang in nbbuild.LANGS:
            found = out.setdefault((src.name[:2], lang), [])
            for cell in cells:
                if cell.kind == "markdown" and cell.in_lang(lang):
                    found += [m.group(1) for ln in cell.text(lang).split("\n") if (m := HEADING.match(ln))]
    return out


def _sentence(text, start):
    """The pointer text from ``start`` to the end of its sentence, on one line."""
    end = len(text)
    for m in re.finditer(r'\.(?=\s|$|")|;|"""', text[start:]):
        end = start + m.start()
        break
    return re.sub(r"\s+", " ", re.sub(r"\n\s*#?:?\s*", " ", text[start:end])).strip()


def parse_pointer(sentence):
    """``[(lesson, section or None), ...]`` named by a pointer sentence (text after "Visto en ")."""
    refs, depth, lesson, i = [], 0, None, 0
    while i < len(sentence):
        ch = sentence[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(depth - 1, 0)
        elif depth == 0 and ch == "§":
            m = re.match(r"§(.+?)(?=, | y | e | \(|;|$)", sentence[i:])
            refs.append((lesson, m.group(1).strip()))
            i += m.end()
            continue
        elif depth == 0 and (m := re.match(r"(?<![\w.–-])(\d\d)\b", sentence[i:])) and \
                (i == 0 or not (sentence[i - 1].isalnum() or sentence[i - 1] in ".–-")):
            lesson = m.group(1)
            if not sentence[i + 2:].lstrip().startswith("§"):
                refs.append((lesson, None))
            i += 2
            continue
        i += 1
    return refs


def pointers():
    """``[(file, line, lang, pointer sentence), ...]`` for every pointer in the package and the lesson sources."""
    out = []
    for path in FILES:
        text = path.read_text(encoding="utf-8")
        for m in POINTER.finditer(text):
            line = text.count("\n", 0, m.start()) + 1
            out.append((path.relative_to(ROOT).as_posix(), line, LANG_OF[m["lang"]], _sentence(text, m.end())))
    return out


def closest(section, headings):
    """The heading sharing most words with ``section`` (ties: the most similar spelling)."""
    def words(text):
        return set(re.findall(r"\w{3,}", _norm(text))) - STOPWORDS

    return max(headings, key=lambda h: (len(words(section) & words(h)),
                                        difflib.SequenceMatcher(None, _norm(section), _norm(h)).ratio()))


def broken_pointers():
    headings = lesson_headings()
    problems = []
    for where, line, lang, sentence in pointers():
        refs = parse_pointer(sentence)
        if not refs:
            problems.append(f"{where}:{line}: 'Visto e{'n' if lang == 'es' else 'm'} {sentence}' names no lesson")
        for lesson, section in refs:
            names = headings.get((lesson, lang))
            if names is None:
                problems.append(f"{where}:{line}: lesson {lesson} does not exist ({sentence!r})")
            elif section is not None and not any(_norm(h).startswith(_norm(section)) for h in names):
                problems.append(f"{where}:{line}: {lesson} §{section} is not a heading of lesson {lesson} "
                                f"(closest: {closest(section, names)!r})")
    return problems


def test_pointers_are_found():
    found = pointers()
    assert len(found) > 50, "the pointer pattern no longer matches the docstrings"
    assert all(parse_pointer(s) for *_, s in found)


def test_pointer_parser():
    assert parse_pointer("06 §El paso de entrenamiento, §El bucle, §Puntos de control y §El GIF") == [
        ("06", "El paso de entrenamiento"), ("06", "El bucle"), ("06", "Puntos de control"), ("06", "El GIF")]
    assert parse_pointer("05 y 06") == [("05", None), ("06", None)]
    assert parse_pointer("00 §Los datos y 06 §Datos") == [("00", "Los datos"), ("06", "Datos")]
    assert parse_pointer("02 §La fórmula del tamaño frente a Keras (relaciones 1–7 y 15) y 03 (8–14)") == [
        ("02", "La fórmula del tamaño frente a Keras"), ("03", None)]
    assert parse_pointer("06 §¿Copia o crea?") == [("06", "¿Copia o crea?")]


# Pointers in gan_course/ are fixed there (by whoever edits the package), not by renaming lesson headings.
def test_every_pointer_names_a_lesson_heading():
    problems = broken_pointers()
    assert not problems, f"{len(problems)} broken pointers:\n" + "\n".join(problems)
