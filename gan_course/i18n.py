"""Spanish / Portuguese strings for plot labels, progress bars and error messages.

Every module registers its own messages with :func:`register` (keys are namespaced,
e.g. ``"conv.stride"``) and looks them up with :func:`t`.  The active language is set
once per notebook with :func:`gan_course.setup` or :func:`set_language`.
Visto en 00 §Cómo usar el curso.
"""
from __future__ import annotations

import contextlib
import os
import string

LANGUAGES = ("es", "pt")
_state = {"lang": os.environ.get("GAN_COURSE_LANG", "es")}
if _state["lang"] not in LANGUAGES:
    _state["lang"] = "es"
_MESSAGES: dict[str, dict[str, str]] = {}


def register(messages: dict[str, dict[str, str]]) -> None:
    """Add ``{key: {"es": ..., "pt": ...}}`` messages; both languages and the same fields are required."""
    for key, texts in messages.items():
        missing = [lang for lang in LANGUAGES if lang not in texts]
        if missing:
            raise KeyError(f"message {key!r} lacks {missing}")
        fields = {lang: _fields(texts[lang]) for lang in LANGUAGES}
        if fields["es"] != fields["pt"]:
            raise KeyError(f"message {key!r}: es fields {fields['es']} != pt fields {fields['pt']}")
        _MESSAGES[key] = dict(texts)


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def messages() -> dict[str, dict[str, str]]:
    """All registered messages (a copy), for tests and translators."""
    return {k: dict(v) for k, v in _MESSAGES.items()}


def get_language() -> str:
    return _state["lang"]


def set_language(lang: str) -> None:
    """Choose ``"es"`` or ``"pt"`` for every label, progress bar and error message."""
    if lang not in LANGUAGES:
        raise ValueError(t("i18n.bad_language", value=lang))
    _state["lang"] = lang


@contextlib.contextmanager
def language(lang: str):
    """Temporarily switch language (``with language("pt"): ...``)."""
    old = get_language()
    set_language(lang)
    try:
        yield
    finally:
        _state["lang"] = old


def t(key: str, /, **fields) -> str:
    """The message ``key`` in the active language, formatted with ``fields``."""
    texts = _MESSAGES[key]
    return texts[get_language()].format(**fields)


def number(value, digits: int = 2, lang: str | None = None) -> str:
    """``value`` with ``digits`` decimals as the language writes it: ``9.56`` in Spanish, ``9,56`` in (Brazilian)
    Portuguese; thousands are not grouped.  For prose and figure labels (printed Python values keep the point).
    Visto en 00 §Cómo usar el curso."""
    text = f"{float(value):.{int(digits)}f}"
    return text.replace(".", ",") if (lang or get_language()) == "pt" else text


def _expected_text(expected, **fields) -> str:
    """``expected`` (a registered key, a ``{"es": ..., "pt": ...}`` dict or plain text) in the active
    language, with ``fields`` filled in."""
    if isinstance(expected, dict):
        text = expected[get_language()]
        return text.format(**fields) if fields else text
    if isinstance(expected, str) and expected in _MESSAGES:
        return t(expected, **fields)
    return str(expected)


def arg_error(name: str, value, expected, /, exc: type[Exception] = ValueError, **fields) -> Exception:
    """An exception naming the argument, the value received and what was expected.

    ``expected`` is a registered key, a ``{"es": ..., "pt": ...}`` dict, or plain text
    (a formula such as ``"stride >= 1"`` that reads the same in both languages); ``fields`` fill
    the key's (or the dict's) placeholders in the active language, so no module formats
    bilingual messages by hand::

        raise arg_error("stride", 0, "conv.expected_positive_int")
        raise arg_error("batch_size", 500, "train.expected_batch", n=len(images))
        raise arg_error("path", path, "data.expected_folder", exc=FileNotFoundError)

    :mod:`gan_course.validate` wraps the usual checks (integers, numbers, choices, arrays).
    """
    shown = _short(value)
    return exc(t("i18n.arg_error", name=name, value=shown, expected=_expected_text(expected, **fields)))


def _short(value) -> str:
    shape = getattr(value, "shape", None)
    if shape is not None:
        return t("i18n.array_of_shape", shape=tuple(shape), dtype=getattr(value, "dtype", "?"))
    text = repr(value)
    return text if len(text) < 200 else text[:197] + "..."


register({
    "i18n.bad_language": {
        "es": "Idioma {value!r} no disponible: se esperaba 'es' o 'pt'.",
        "pt": "Idioma {value!r} não disponível: esperava-se 'es' ou 'pt'.",
    },
    "i18n.arg_error": {
        "es": "Argumento `{name}` = {value} no válido: se esperaba {expected}.",
        "pt": "Argumento `{name}` = {value} inválido: esperava-se {expected}.",
    },
    "i18n.array_of_shape": {
        "es": "arreglo de forma {shape} y tipo {dtype}",
        "pt": "array de formato {shape} e tipo {dtype}",
    },
})
