"""The size rules of convolution arithmetic: how many pixels come out of a convolution, a pooling and a
transposed convolution, and the zeros Keras' ``padding='same'`` adds.

:func:`conv_output_size`, :func:`pool_output_size`, :func:`transposed_output_size`, :func:`same_padding`,
:func:`keras_output_size` and :func:`keras_transposed_output_size` cover the relationships of Dumoulin & Visin,
"A guide to convolution arithmetic for deep learning" (arXiv:1603.07285), listed with the guide's own examples
in :data:`GUIDE_RELATIONSHIPS`.  The convolutions themselves are in :mod:`gan_course.conv`, which also exposes
every name of this module.

Visto en 02 §La fórmula del tamaño frente a Keras, 02 §El relleno «same» y 03 §Tamaños de salida.
"""
from __future__ import annotations

from .i18n import arg_error, register
from .validate import check_int, is_int

register({
    "conv_sizes.expected_padding_1d": {
        "es": "un entero ≥ 0 o un par (antes, después) de enteros ≥ 0",
        "pt": "um inteiro ≥ 0 ou um par (antes, depois) de inteiros ≥ 0",
    },
    "conv_sizes.expected_padding_string": {
        "es": "'valid' o 'same'",
        "pt": "'valid' ou 'same'",
    },
    "conv_sizes.expected_fits": {
        "es": "un kernel (dilatado) de tamaño ≤ {n}, el tamaño de la entrada con relleno",
        "pt": "um kernel (dilatado) de tamanho ≤ {n}, o tamanho da entrada com preenchimento",
    },
    "conv_sizes.expected_output_padding": {
        "es": "un entero con 0 ≤ output_padding < stride",
        "pt": "um inteiro com 0 ≤ output_padding < stride",
    },
    "conv_sizes.expected_positive_output": {
        "es": "un relleno menor que la salida completa ({n} píxeles)",
        "pt": "um preenchimento menor que a saída completa ({n} pixels)",
    },
    "conv_sizes.expected_relationship": {
        "es": "un número de relación entre 1 y {last}, o una fila de conv.GUIDE_RELATIONSHIPS",
        "pt": "um número de relação entre 1 e {last}, ou uma linha de conv.GUIDE_RELATIONSHIPS",
    },
})


# --------------------------------------------------------------------------------------------
# padding arguments
# --------------------------------------------------------------------------------------------

def _pad_1d(p, name="p"):
    """Padding of one dimension: an int p (p before and after) or a pair (before, after)."""
    if is_int(p) and p >= 0:
        return int(p), int(p)
    if isinstance(p, (tuple, list)) and len(p) == 2 and all(is_int(v) and v >= 0 for v in p):
        return int(p[0]), int(p[1])
    raise arg_error(name, p, "conv_sizes.expected_padding_1d")


def padding_mode(padding):
    """'valid' / 'same' (any case) -> lower case; anything that is not a string -> None.

    Visto en 02 §El relleno «same».
    """
    if isinstance(padding, str):
        if padding.lower() not in ("valid", "same"):
            raise arg_error("padding", padding, "conv_sizes.expected_padding_string")
        return padding.lower()
    return None


def keras_padding(padding):
    """Keras' ``padding`` argument: only 'valid' or 'same' (any case), in lower case.

    Visto en 02 §El relleno «same».
    """
    name = padding_mode(padding)
    if name is None:
        raise arg_error("padding", padding, "conv_sizes.expected_padding_string")
    return name


# --------------------------------------------------------------------------------------------
# size rules (Dumoulin & Visin)
# --------------------------------------------------------------------------------------------

def effective_kernel_size(k: int, d: int = 1) -> int:
    """Size covered by a kernel of size ``k`` with dilation ``d``: ``k + (k-1)(d-1)``.

    Visto en 02 §Dilatación.
    """
    k, d = check_int("k", k, 1), check_int("d", d, 1)
    return k + (k - 1) * (d - 1)


def conv_output_size(i: int, k: int, s: int = 1, p=0, d: int = 1) -> int:
    """Output size of a convolution: ``o = floor((i + 2p - k - (k-1)(d-1)) / s) + 1``.

    ``p`` is the padding on each side, or a pair ``(before, after)`` (then ``2p`` becomes
    ``before + after``).  This one formula contains relationships 1–6 and 15 of the guide
    (no padding, padding, half, full, strides, dilation).  Visto en 02 §La fórmula del tamaño frente a Keras.
    """
    i, s = check_int("i", i, 1), check_int("s", s, 1)
    k_eff = effective_kernel_size(k, d)
    before, after = _pad_1d(p)
    padded = i + before + after
    if k_eff > padded:
        raise arg_error("k", k, "conv_sizes.expected_fits", n=padded)
    return (padded - k_eff) // s + 1


def pool_output_size(i: int, k: int, s: int | None = None) -> int:
    """Output size of pooling (no padding): ``o = floor((i - k) / s) + 1``; ``s`` defaults to ``k``.

    Relationship 7 of the guide; Keras' ``MaxPooling2D(pool_size=k)`` uses ``strides=k``
    unless told otherwise.  Visto en 02 §Agrupamiento (pooling).
    """
    k = check_int("k", k, 1)
    s = k if s is None else check_int("s", s, 1)
    return conv_output_size(i, k, s, 0)


def transposed_output_size(i: int, k: int, s: int = 1, p=0, output_padding: int = 0, d: int = 1) -> int:
    """Output size of a transposed convolution: ``o' = s(i' - 1) + a + (k-1)d + 1 - 2p``.

    It undoes :func:`conv_output_size`: a convolution (k, s, p, d) that maps ``o'`` pixels to
    ``i'`` pixels has this transposed convolution mapping ``i'`` back to ``o'``.  When
    ``(o' + 2p - k) mod s = a ≠ 0`` several sizes map to the same ``i'``; ``output_padding = a``
    picks one (relationships 8–14 of the guide).  Visto en 03 §Tamaños de salida.
    """
    i, s = check_int("i", i, 1), check_int("s", s, 1)
    k_eff = effective_kernel_size(k, d)
    a = check_int("output_padding", output_padding, 0)
    if a >= s:
        raise arg_error("output_padding", output_padding, "conv_sizes.expected_output_padding")
    before, after = _pad_1d(p)
    full = s * (i - 1) + k_eff + a
    if before + after >= full:
        raise arg_error("p", p, "conv_sizes.expected_positive_output", n=full)
    return full - before - after


def same_padding(i: int, k: int, s: int = 1, d: int = 1):
    """The zeros Keras/TensorFlow ``padding='same'`` adds: ``(total, (before, after))``.

    ``total = max((ceil(i/s) - 1)·s + k - i, 0)`` (with the dilated ``k``); ``before = total // 2``
    and the odd pixel, if any, goes *after* (bottom/right).  With ``s = 1`` and odd ``k`` this is
    the guide's half padding ``p = floor(k/2)`` on both sides (relationship 3).
    Visto en 02 §El relleno «same».
    """
    i, s = check_int("i", i, 1), check_int("s", s, 1)
    k_eff = effective_kernel_size(k, d)
    o = -(-i // s)  # ceil(i / s)
    total = max((o - 1) * s + k_eff - i, 0)
    return total, (total // 2, total - total // 2)


def keras_output_size(i: int, k: int, s: int = 1, padding: str = "valid", d: int = 1) -> int:
    """Output size of Keras ``Conv2D``/``MaxPooling2D`` with ``padding='valid'`` or ``'same'``.

    ``'valid'``: ``floor((i - k)/s) + 1`` (no zeros); ``'same'``: ``ceil(i / s)`` — with
    ``s = 1`` the size is kept, with ``s = 2`` it is halved (rounding up).  Visto en 02 §El relleno «same».
    """
    name = keras_padding(padding)
    if name == "same":
        return conv_output_size(i, k, s, same_padding(i, k, s, d)[1], d)
    return conv_output_size(i, k, s, 0, d)


def keras_transposed_output_size(i: int, k: int, s: int = 1, padding: str = "valid",
                                 output_padding: int | None = None, d: int = 1) -> int:
    """Output size of Keras ``Conv2DTranspose`` (Keras 3 rule).

    ``'valid'``: ``(i-1)s + k + a`` with ``a = max(k, s) - k`` unless given;
    ``'same'``: ``i·s`` (or ``(i-1)s + k mod 2 + a`` when ``output_padding=a`` is given).
    Visto en 03 §Tamaños de salida.
    """
    name = keras_padding(padding)
    i, s = check_int("i", i, 1), check_int("s", s, 1)
    k_eff = effective_kernel_size(k, d)
    if output_padding is not None:
        a = check_int("output_padding", output_padding, 0)
        if a >= s:
            raise arg_error("output_padding", output_padding, "conv_sizes.expected_output_padding")
    if name == "valid":
        a = max(k_eff, s) - k_eff if output_padding is None else output_padding
        return (i - 1) * s + k_eff + a
    if output_padding is None:
        return i * s
    return (i - 1) * s + k_eff % 2 + output_padding


# The guide's 15 relationships, each with the guide's own example (the sizes of its figures):
# (number, formula, size rule, arguments, size the guide gives).  Relationship 6 appears twice:
# i = 5 and i = 6 give the same output (the "odd" case that makes relationship 14 necessary).
# The tests check every row against Keras/TensorFlow; lesson 02 prints the table.
GUIDE_RELATIONSHIPS = [
    (1, "o = (i - k) + 1", "conv", dict(i=4, k=3), 2),
    (2, "o = (i - k) + 2p + 1", "conv", dict(i=5, k=4, p=2), 6),
    (3, "k = 2n+1, p = n:  o = i", "conv", dict(i=5, k=3, p=1), 5),
    (4, "p = k - 1:  o = i + (k - 1)", "conv", dict(i=5, k=3, p=2), 7),
    (5, "o = floor((i - k)/s) + 1", "conv", dict(i=5, k=3, s=2), 2),
    (6, "o = floor((i + 2p - k)/s) + 1", "conv", dict(i=5, k=3, s=2, p=1), 3),
    (6, "o = floor((i + 2p - k)/s) + 1", "conv", dict(i=6, k=3, s=2, p=1), 3),
    (7, "o = floor((i - k)/s) + 1  (pooling)", "pool", dict(i=5, k=3, s=1), 3),
    (8, "o' = i' + (k - 1)", "transposed", dict(i=2, k=3), 4),
    (9, "o' = i' + (k - 1) - 2p", "transposed", dict(i=6, k=4, p=2), 5),
    (10, "k = 2n+1, p = n:  o' = i'", "transposed", dict(i=5, k=3, p=1), 5),
    (11, "p = k - 1:  o' = i' - (k - 1)", "transposed", dict(i=7, k=3, p=2), 5),
    (12, "o' = s(i' - 1) + k", "transposed", dict(i=2, k=3, s=2), 5),
    (13, "o' = s(i' - 1) + k - 2p", "transposed", dict(i=3, k=3, s=2, p=1), 5),
    (14, "a = (i + 2p - k) mod s:  o' = s(i' - 1) + a + k - 2p", "transposed",
     dict(i=3, k=3, s=2, p=1, output_padding=1), 6),
    (15, "o = floor((i + 2p - k - (k - 1)(d - 1))/s) + 1", "conv", dict(i=7, k=3, d=2), 3),
]


def guide_relationship(number_or_row):
    """Evaluate one row of :data:`GUIDE_RELATIONSHIPS` (or the first row with that number).

    Visto en 02 §La fórmula del tamaño frente a Keras (relaciones 1–7 y 15) y 03 §Tamaños de salida (8–14).
    """
    if is_int(number_or_row):
        rows = [r for r in GUIDE_RELATIONSHIPS if r[0] == number_or_row]
    else:
        rows = [r for r in GUIDE_RELATIONSHIPS if r == number_or_row] if isinstance(number_or_row, tuple) else []
    if not rows:
        raise arg_error("number_or_row", number_or_row, "conv_sizes.expected_relationship",
                        last=GUIDE_RELATIONSHIPS[-1][0])
    row = rows[0]
    fn = {"conv": conv_output_size, "pool": pool_output_size, "transposed": transposed_output_size}[row[2]]
    return fn(**row[3])
