"""Checking a student's arguments, one way for the whole package.

Each helper returns the clean value (a Python ``int``/``float``, the chosen option, a NumPy array)
or raises :func:`gan_course.i18n.arg_error`: a ``ValueError`` that names the argument, shows the
value received and says what was expected, in the active language.  Use them at the top of every
public function, before any NumPy/TensorFlow/Pillow call can fail with a message a student cannot
read::

    from .validate import check_array, check_choice, check_float, check_int

    steps = check_int("steps", steps, minimum=1)                       # 1, 2, 3, ... (no bools, no 2.0)
    epochs = int_from_text("--epochs", text, minimum=1)                 # "12" from a command line or a variable
    rate = check_float("learning_rate", rate, minimum=0, low_open=True)  # finite and > 0
    form = check_choice("form", form, ("logits", "probability"))
    x = check_array("x", x, "conv.expected_input", ndim=(2, 3, 4))     # float64, finite, not empty
    images = check_images("images", images)                            # uint8, or float in [-1, 1]

The generic descriptions ("un entero ≥ 1", "um número em [0, 1]") are built from the bounds.
Every helper also takes ``expected=`` — a message key registered with
:func:`gan_course.i18n.register`, a ``{"es": ..., "pt": ...}`` dict or a formula — and keyword
``fields`` for that message, when the argument deserves a more specific explanation::

    check_int("batch_size", batch_size, 1, len(x), expected="train.expected_batch", n=len(x))

For an error the helpers do not cover, raise ``arg_error(name, value, key, **fields)`` directly.
Visto en 00 §Cómo usar el curso.
"""
from __future__ import annotations

import math
import numbers

import numpy as np

from .i18n import arg_error, register

__all__ = ["is_int", "check_int", "int_from_text", "check_float", "check_choice", "check_array", "check_images"]

register({
    "validate.int": {"es": "un entero", "pt": "um inteiro"},
    "validate.int_min": {"es": "un entero ≥ {minimum}", "pt": "um inteiro ≥ {minimum}"},
    "validate.int_max": {"es": "un entero ≤ {maximum}", "pt": "um inteiro ≤ {maximum}"},
    "validate.int_range": {"es": "un entero entre {minimum} y {maximum}",
                           "pt": "um inteiro entre {minimum} e {maximum}"},
    "validate.number": {"es": "un número finito", "pt": "um número finito"},
    "validate.number_cmp": {"es": "un número {op} {bound}", "pt": "um número {op} {bound}"},
    "validate.number_range": {"es": "un número en {interval}", "pt": "um número em {interval}"},
    "validate.choice": {"es": "uno de {choices}", "pt": "um de {choices}"},
    "validate.array": {"es": "un arreglo de números finitos", "pt": "um array de números finitos"},
    "validate.images": {
        "es": "imágenes uint8 [0, 255], o float en [-1, 1] (sin NaN), con {ndim} ejes",
        "pt": "imagens uint8 [0, 255], ou float em [-1, 1] (sem NaN), com {ndim} eixos",
    },
})


def is_int(value) -> bool:
    """True for Python and NumPy integers; ``True``/``False`` and ``2.0`` are not integers here."""
    return isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_))


def _is_number(value) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, (bool, np.bool_))


def _int_expected(minimum, maximum, expected, fields):
    """The message key (and its fields) for an integer within ``[minimum, maximum]``."""
    if expected is not None:
        return expected, fields
    if minimum is not None and maximum is not None:
        expected = "validate.int_range"
    elif minimum is not None:
        expected = "validate.int_min"
    elif maximum is not None:
        expected = "validate.int_max"
    else:
        expected = "validate.int"
    return expected, {"minimum": minimum, "maximum": maximum}


def check_int(name: str, value, /, minimum: int | None = None, maximum: int | None = None, *,
              expected=None, **fields) -> int:
    """``value`` as an ``int`` if it is an integer in ``[minimum, maximum]`` (either bound optional)."""
    return _bounded_int(name, value, value, minimum, maximum, expected, fields)


def _bounded_int(name, value, shown, minimum, maximum, expected, fields) -> int:
    if not is_int(value) or (minimum is not None and value < minimum) \
            or (maximum is not None and value > maximum):
        expected, fields = _int_expected(minimum, maximum, expected, fields)
        raise arg_error(name, shown, expected, **fields)
    return int(value)


def int_from_text(name: str, text, /, minimum: int | None = None, maximum: int | None = None, *,
                  expected=None, **fields) -> int:
    """:func:`check_int` for text (a command-line option, an environment variable): ``"12"`` → ``12``.

    An integer is accepted as it is; text that is not a whole number (``"2.5"``, ``"two"``, ``""``)
    is refused with the same message as an integer out of bounds, showing the text received.
    """
    value = text
    if isinstance(text, str):
        try:
            value = int(text.strip())
        except ValueError:
            value = None
    return _bounded_int(name, value, text, minimum, maximum, expected, fields)


def _bound_text(minimum, maximum, low_open, high_open):
    if minimum is not None and maximum is not None:
        interval = f"{'(' if low_open else '['}{minimum:g}, {maximum:g}{')' if high_open else ']'}"
        return "validate.number_range", {"interval": interval}
    if minimum is not None:
        return "validate.number_cmp", {"op": ">" if low_open else "≥", "bound": f"{minimum:g}"}
    if maximum is not None:
        return "validate.number_cmp", {"op": "<" if high_open else "≤", "bound": f"{maximum:g}"}
    return "validate.number", {}


def check_float(name: str, value, /, minimum: float | None = None, maximum: float | None = None, *,
                low_open: bool = False, high_open: bool = False, expected=None, **fields) -> float:
    """``value`` as a ``float`` if it is a finite real number within the bounds.

    ``low_open``/``high_open`` exclude the bound itself (``minimum=0, low_open=True`` means ``> 0``).
    Strings, ``None``, booleans, NaN and infinities are refused.
    """
    if expected is None:
        expected, fields = _bound_text(minimum, maximum, low_open, high_open)
    ok = _is_number(value) and math.isfinite(float(value))
    if ok and minimum is not None:
        ok = value > minimum if low_open else value >= minimum
    if ok and maximum is not None:
        ok = value < maximum if high_open else value <= maximum
    if not ok:
        raise arg_error(name, value, expected, **fields)
    return float(value)


def check_choice(name: str, value, /, choices, *, expected=None, **fields):
    """``value`` if it is one of ``choices`` (compared by type and value: ``1`` is not ``True``)."""
    choices = tuple(choices)
    if not any(type(value) is type(c) and value == c for c in choices):
        if expected is None:
            expected, fields = "validate.choice", {"choices": ", ".join(map(repr, choices))}
        raise arg_error(name, value, expected, **fields)
    return value


def check_array(name: str, value, /, expected="validate.array", *, ndim=None, min_size: int = 1,
                finite: bool = True, dtype=np.float64, **fields) -> np.ndarray:
    """``value`` as a NumPy array of ``dtype`` (float64 by default).

    Refused (with ``expected``): what NumPy cannot turn into numbers (strings, ragged lists, None),
    a number of axes not in ``ndim`` (an int or a tuple of allowed ones), fewer than ``min_size``
    elements and, with ``finite=True``, NaN or infinite values.
    """
    if isinstance(value, str) or value is None:
        raise arg_error(name, value, expected, **fields)
    try:
        arr = np.asarray(value, dtype=dtype)
    except (TypeError, ValueError, OverflowError):
        raise arg_error(name, value, expected, **fields) from None
    allowed = (ndim,) if isinstance(ndim, int) else ndim
    if (allowed is not None and arr.ndim not in allowed) or arr.size < min_size \
            or (finite and np.issubdtype(arr.dtype, np.floating) and not np.all(np.isfinite(arr))):
        raise arg_error(name, value, expected, **fields)
    return arr


def check_images(name: str, images, /, *, ndim=(3, 4), expected="validate.images", **fields) -> np.ndarray:
    """Images as the course stores them: uint8 [0, 255], or float in [-1, 1] (a hair of rounding
    above 1 is clipped), never empty, never NaN.  Returns a uint8 or float32 array with ``ndim`` axes
    (an int or a tuple of allowed ones); shapes and channels are the caller's to check.
    """
    allowed = (ndim,) if isinstance(ndim, int) else tuple(ndim)
    if not fields and expected == "validate.images":
        fields = {"ndim": " / ".join(map(str, allowed))}
    try:
        x = np.asarray(images)
    except (TypeError, ValueError):
        raise arg_error(name, images, expected, **fields) from None
    if x.ndim not in allowed or x.size == 0:
        raise arg_error(name, x, expected, **fields)
    if x.dtype == np.uint8:
        return x
    if not (np.issubdtype(x.dtype, np.floating) or np.issubdtype(x.dtype, np.integer)) \
            or x.dtype == np.bool_:
        raise arg_error(name, x, expected, **fields)
    x = x.astype(np.float32)
    if not np.all(np.isfinite(x)) or x.min() < -1.0 - 1e-3 or x.max() > 1.0 + 1e-3:
        raise arg_error(name, x, expected, **fields)
    return np.clip(x, -1.0, 1.0)
