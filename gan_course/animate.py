"""Convolution-arithmetic animations: one row of :data:`TABLE` per GIF in ``figures/``.

Modelled on Dumoulin & Visin's *conv_arithmetic* figures ("A guide to convolution arithmetic
for deep learning", arXiv:1603.07285): the input is blue, the output cyan, the kernel a dark
shadow on the input; padding and inserted zeros are white cells with dashed borders.  Every
animation is a single declarative row ``(file, kind, i, k, s, p, d, numbers, ms)``:

* ``kind`` — ``"conv"`` (a convolution), ``"max"`` / ``"avg"`` (pooling), ``"transposed"``
  (a transposed convolution drawn as the equivalent stride-1 convolution over the input with
  ``s-1`` zeros between pixels and ``k-p-1`` around them, as in the guide), ``"scatter"`` (a
  transposed convolution by its definition: each input pixel adds a weighted copy of the
  kernel to the output) or ``"digit"`` (a kernel sliding over a real bundled MNIST digit);
* ``i, k, s, p, d`` — input size, kernel size, stride, padding, dilation (for the transposed
  kinds ``i`` is the transposed convolution's input ``i'`` and ``p`` its padding);
* ``numbers`` — write the values in the cells (otherwise the plain blue/cyan style);
* ``ms`` — milliseconds per frame (the last frame, the finished output, stays 4× longer).

Every number drawn comes from :mod:`gan_course.conv` (``conv2d``, ``max_pool2d``,
``avg_pool2d``, ``conv_transpose2d``); :func:`plan` returns them frame by frame, so the tests
check the pictures' numbers without looking at pixels.  Figures carry symbols and numbers, no
words: the same files serve both languages.  Frames are drawn on a fixed-size matplotlib Agg
canvas (no pyplot, no timestamps; :mod:`gan_course.animate_draw` draws them) and written with
:func:`gan_course.gif.write_gif`, so re-running writes the same bytes.

``python -m gan_course figures`` writes them all (see :data:`FIGURES`).
Visto en 02 §La convolución a mano, 02 §Stride y relleno (padding), 02 §Agrupamiento (pooling) y
03 §La transpuesta como una convolución.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import conv
from .animate_draw import digit_frames, grid_frames, scatter_frames, shared_palette  # noqa: F401
from .i18n import arg_error, register
from .validate import check_choice, check_int

register({
    "animate.expected_kind": {
        "es": "uno de 'conv', 'max', 'avg', 'transposed', 'scatter', 'digit'",
        "pt": "um de 'conv', 'max', 'avg', 'transposed', 'scatter', 'digit'",
    },
    "animate.expected_anim": {
        "es": "un animate.Anim o el nombre de una animación de animate.TABLE",
        "pt": "um animate.Anim ou o nome de uma animação de animate.TABLE",
    },
    "animate.expected_name": {
        "es": "el nombre de una animación de animate.TABLE",
        "pt": "o nome de uma animação de animate.TABLE",
    },
})

KINDS = ("conv", "max", "avg", "transposed", "scatter", "digit")


@dataclass(frozen=True)
class Anim:
    """One animation: what is computed (``kind``, sizes) and how it is shown (``numbers``, ``ms``)."""
    kind: str
    i: int
    k: int
    s: int = 1
    p: int = 0
    d: int = 1
    numbers: bool = False
    ms: int = 400


# file name                        kind          i   k  s  p  d  numbers  ms
TABLE = [
    ("conv_no_padding.gif",          "conv",       4,  3, 1, 0, 1, False, 500),
    ("conv_same_padding.gif",        "conv",       5,  3, 1, 1, 1, False, 300),
    ("conv_full_padding.gif",        "conv",       5,  3, 1, 2, 1, False, 250),
    ("conv_stride2.gif",             "conv",       5,  3, 2, 0, 1, False, 500),
    ("conv_stride2_padding.gif",     "conv",       5,  3, 2, 1, 1, False, 450),
    ("dilation.gif",                 "conv",       7,  3, 1, 0, 2, False, 400),
    ("conv_numbers.gif",             "conv",       5,  3, 1, 0, 1, True,  700),
    ("max_pool.gif",                 "max",        6,  2, 2, 0, 1, True,  700),
    ("avg_pool.gif",                 "avg",        6,  2, 2, 0, 1, True,  700),
    ("transposed_stride1.gif",       "transposed", 2,  3, 1, 0, 1, False, 400),
    ("transposed_stride2.gif",       "transposed", 2,  3, 2, 0, 1, False, 300),
    ("transposed_k4_stride2.gif",    "transposed", 3,  4, 2, 1, 1, False, 300),
    ("transposed_numbers.gif",       "scatter",    2,  3, 2, 0, 1, True,  900),
    ("transposed_k4_numbers.gif",    "scatter",    2,  4, 2, 1, 1, True,  900),
    ("conv_digit.gif",               "digit",     28,  3, 2, 1, 1, False,  70),
]

ANIMATIONS = {row[0]: Anim(*row[1:]) for row in TABLE}

# The values shown in the numeric animations.  The 5×5 input and the 3×3 kernel are the guide's
# own numerical example (its output is [[12, 12, 17], [10, 17, 19], [9, 6, 14]]).
GUIDE_INPUT = np.array([[3, 3, 2, 1, 0],
                        [0, 0, 1, 3, 1],
                        [3, 1, 2, 2, 3],
                        [2, 0, 0, 2, 2],
                        [2, 0, 0, 0, 1]], dtype=float)
GUIDE_KERNEL = np.array([[0, 1, 2],
                         [2, 2, 0],
                         [0, 1, 2]], dtype=float)
POOL_INPUT = np.array([[1, 1, 2, 4, 0, 3],
                       [5, 6, 7, 8, 1, 2],
                       [3, 2, 1, 0, 9, 4],
                       [1, 2, 3, 4, 6, 5],
                       [0, 7, 2, 2, 1, 3],
                       [4, 1, 5, 0, 8, 2]], dtype=float)
# A vertical-edge (Sobel) kernel for the digit: positive where the digit gets brighter to the right.
EDGE_KERNEL = np.array([[-1, 0, 1],
                        [-2, 0, 2],
                        [-1, 0, 1]], dtype=float)
DIGIT_LABEL = 3   # the first bundled "3"


def _anim(anim) -> Anim:
    """An :class:`Anim`, or the file name of a row of :data:`TABLE`, checked."""
    if isinstance(anim, str):
        if anim not in ANIMATIONS:
            raise arg_error("anim", anim, "animate.expected_name")
        return ANIMATIONS[anim]
    if not isinstance(anim, Anim):
        raise arg_error("anim", anim, "animate.expected_anim")
    check_choice("kind", anim.kind, KINDS, expected="animate.expected_kind")
    for name, minimum in (("i", 1), ("k", 1), ("s", 1), ("p", 0), ("d", 1), ("ms", 10)):
        check_int(name, getattr(anim, name), minimum)
    if anim.kind == "digit":
        check_int("i", anim.i, 1, 28)   # a crop of one 28×28 digit
    return anim


def _values(anim: Anim):
    """(input, kernel) whose numbers an animation shows."""
    if anim.kind == "conv":
        if anim.i == 5 and anim.k == 3:
            return GUIDE_INPUT, GUIDE_KERNEL
        return np.ones((anim.i, anim.i)), np.ones((anim.k, anim.k))
    if anim.kind in ("max", "avg"):
        if anim.i == 6:
            return POOL_INPUT, np.ones((anim.k, anim.k))
        return np.arange(anim.i * anim.i, dtype=float).reshape(anim.i, anim.i) % 10, np.ones((anim.k, anim.k))
    if anim.kind == "digit":
        from .data import load_bundled_mnist

        images, labels = load_bundled_mnist()
        digit = images[int(np.flatnonzero(labels == DIGIT_LABEL)[0])]
        # scaled to [0, 1] as in lesson 02 §Filtros sobre un dígito: the zero padding matches the black background
        return digit[: anim.i, : anim.i] / 255.0, EDGE_KERNEL
    # transposed kinds: pixels 1, 2, 3, … and an all-ones kernel, so each output cell shows
    # the sum of the input pixels whose kernel copies overlap there
    x = np.arange(1, anim.i * anim.i + 1, dtype=float).reshape(anim.i, anim.i)
    return x, np.ones((anim.k, anim.k))


def plan(anim: Anim) -> dict:
    """Everything an animation shows, frame by frame, computed with :mod:`gan_course.conv`.

    Returns a dict with ``x`` (the input), ``kernel``, ``canvas`` (the grid the kernel moves
    on: the padded input, or for ``"transposed"`` the input with zeros inserted and around),
    ``real`` (a boolean mask of the canvas cells that hold input pixels), ``result`` (the
    finished output) and ``steps``: one dict per frame with ``taps`` (the canvas cells the
    kernel covers; for ``"scatter"`` the output cells it writes to) and ``shown`` (the output so
    far, NaN where not yet computed).  Visto en 02 §La convolución a mano y
    03 §La transpuesta como una convolución.
    """
    anim = _anim(anim)
    x, kernel = _values(anim)
    if anim.kind in ("conv", "max", "avg", "digit"):
        return _window_plan(anim, x, kernel)
    o = conv.transposed_output_size(anim.i, anim.k, anim.s, anim.p)
    if anim.kind == "transposed":
        return _transposed_plan(anim, x, kernel, o)
    return _scatter_plan(anim, x, kernel)


def _window_plan(anim: Anim, x, kernel) -> dict:
    """:func:`plan` of a convolution or a pooling: the kernel's window slides over the padded input."""
    i, k, s, p, d = anim.i, anim.k, anim.s, anim.p, anim.d
    canvas = conv.pad2d(x, p)
    real = conv.pad2d(np.ones_like(x), p) > 0
    if anim.kind == "max":
        result = conv.max_pool2d(x, k, s)
    elif anim.kind == "avg":
        result = conv.avg_pool2d(x, k, s)
    else:
        result = conv.conv2d(x, kernel, stride=s, padding=p, dilation=d)
    o = (conv.pool_output_size(i, k, s) if anim.kind in ("max", "avg")
         else conv.conv_output_size(i, k, s, p, d))
    assert result.shape == (o, o)
    steps = _window_steps(result, lambda r, c: [(r * s + a * d, c * s + b * d) for a in range(k) for b in range(k)])
    return {"anim": anim, "x": x, "kernel": kernel, "canvas": canvas, "real": real,
            "result": result, "steps": steps}


def _transposed_plan(anim: Anim, x, kernel, o: int) -> dict:
    """:func:`plan` of ``"transposed"``: the equivalent convolution, zeros between pixels (s - 1) and around
    them (k - p - 1), then a stride-1 convolution with the kernel rotated by 180°."""
    from .transposed import transposed_as_conv

    i, k, s, p = anim.i, anim.k, anim.s, anim.p
    canvas, flipped, result = transposed_as_conv(x, kernel, s, p, details=True)
    real = np.zeros(canvas.shape, bool)
    q = k - p - 1
    real[q: q + s * (i - 1) + 1: s, q: q + s * (i - 1) + 1: s] = True
    assert np.allclose(result, conv.conv_transpose2d(x, kernel, stride=s, padding=p)) and result.shape == (o, o)
    steps = _window_steps(result, lambda r, c: [(r + a, c + b) for a in range(k) for b in range(k)])
    return {"anim": anim, "x": x, "kernel": flipped, "canvas": canvas, "real": real,
            "result": result, "steps": steps}


def _scatter_plan(anim: Anim, x, kernel) -> dict:
    """:func:`plan` of ``"scatter"``: the full canvas s(i-1)+k before the padding p is cropped from each side."""
    i, k, s, p = anim.i, anim.k, anim.s, anim.p
    full = conv.conv_transpose2d(x, kernel, stride=s, padding=0)
    result = conv.conv_transpose2d(x, kernel, stride=s, padding=p)
    assert np.allclose(full[p: full.shape[0] - p, p: full.shape[1] - p], result)
    steps = []
    mask = np.zeros_like(x)
    for r in range(i):
        for c in range(i):
            mask = mask.copy()
            mask[r, c] = 1
            shown = conv.conv_transpose2d(x * mask, kernel, stride=s, padding=0)
            shown = np.where(_covered(mask, k, s), shown, np.nan)
            taps = [(r * s + a, c * s + b) for a in range(k) for b in range(k)]
            steps.append({"out": (r, c), "taps": taps, "shown": shown})
    return {"anim": anim, "x": x, "kernel": kernel, "canvas": full, "real": None,
            "result": result, "steps": steps}


def _window_steps(result, taps_of) -> list:
    """One step per output cell in reading order: the canvas cells ``taps_of(r, c)`` the kernel covers
    and the output computed so far (NaN where not yet)."""
    steps, shown = [], np.full(result.shape, np.nan)
    for r in range(result.shape[0]):
        for c in range(result.shape[1]):
            shown = shown.copy()
            shown[r, c] = result[r, c]
            steps.append({"out": (r, c), "taps": taps_of(r, c), "shown": shown})
    return steps


def _covered(mask, k, s):
    """Output cells of the full transposed canvas reached by the pixels in ``mask``."""
    return conv.conv_transpose2d(mask, np.ones((k, k)), stride=s, padding=0) > 0


def frames(anim: Anim | str) -> tuple[list, list]:
    """``(frames, durations_ms)`` of an animation (an :class:`Anim` or a file name of :data:`TABLE`).

    Frames are uint8 RGB arrays of one fixed shape.
    Visto en 02 §La convolución a mano y 03 §La transpuesta como una convolución.
    """
    anim = _anim(anim)
    pl = plan(anim)
    if anim.kind == "scatter":
        return scatter_frames(pl)
    if anim.kind == "digit":
        return digit_frames(pl)
    return grid_frames(pl)


def write(anim: Anim | str, path):
    """Write one animation as a GIF at ``path`` (same bytes on every run); returns the path."""
    from .gif import write_gif

    images, durations = frames(anim)
    return write_gif(path, shared_palette(images), duration_ms=durations)


def _writer(name):
    def writer(path):
        return write(name, path)

    writer.__name__ = f"write_{name.replace('.', '_')}"
    return writer


FIGURES = {name: _writer(name) for name in ANIMATIONS}

__all__ = ["Anim", "TABLE", "ANIMATIONS", "FIGURES", "plan", "frames", "write"]
