"""Transposed convolution as upsampling, and where checkerboard artifacts come from.

* :func:`insert_zeros` / :func:`transposed_as_conv` — a transposed convolution is an ordinary
  stride-1 convolution over the input with ``s-1`` zeros between pixels and ``k-p-1`` zeros
  around them, with the kernel rotated by 180° (the picture of ``transposed_*.gif``).
* :func:`overlap` — how many kernel copies land on each output pixel (all-ones input, all-ones
  kernel): uneven when ``k`` is not divisible by ``s`` — the checkerboard of Odena, Dumoulin &
  Olah, "Deconvolution and Checkerboard Artifacts" (Distill, 2016).
* :func:`upsample_nearest` / :func:`resize_conv` — the alternative: enlarge, then convolve.
* :func:`phase_means` / :func:`unevenness` — measure a periodic pattern in an image.
* :func:`upsampling_stack` — three Keras upsampling layers (transposed 3×3/s2, transposed
  4×4/s2, or resize + 3×3 convolution) with random weights, like an untrained generator.
* :func:`upsampling_overlaps` / :func:`plot_maps` — the three ways to double an image of ones,
  side by side (``figures/checkerboard.png``, see :data:`FIGURES`).

Visto en 03 §Artefactos de tablero de ajedrez.
"""
from __future__ import annotations

import numpy as np

from . import conv
from .i18n import arg_error, register

register({
    "transposed.expected_padding": {
        "es": "un entero 0 ≤ p ≤ k - 1 (el relleno de la convolución transpuesta)",
        "pt": "um inteiro 0 ≤ p ≤ k - 1 (o preenchimento da convolução transposta)",
    },
    "transposed.expected_kind": {
        "es": "'transposed3', 'transposed4' o 'resize'",
        "pt": "'transposed3', 'transposed4' ou 'resize'",
    },
    "transposed.expected_image": {
        "es": "una imagen 2-D (H, W) de al menos {n}×{n} píxeles",
        "pt": "uma imagem 2-D (H, W) de pelo menos {n}×{n} pixels",
    },
    "transposed.expected_positive": {
        "es": "un entero ≥ 1",
        "pt": "um inteiro ≥ 1",
    },
})

STACK_KINDS = ("transposed3", "transposed4", "resize")


def _positive(value, name):
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)) or value < 1:
        raise arg_error(name, value, "transposed.expected_positive")
    return int(value)


def _image(x, name="x", n=1):
    arr = np.asarray(x, dtype=np.float64)
    if arr.ndim != 2 or min(arr.shape) < n:
        raise arg_error(name, x, {lang: _msg("transposed.expected_image", lang, n=n) for lang in ("es", "pt")})
    return arr


def _msg(key, lang, **fields):
    from .i18n import messages

    return messages()[key][lang].format(**fields)


def insert_zeros(x, stride: int) -> np.ndarray:
    """Put ``stride - 1`` zeros between neighbouring pixels of a 2-D image: (h, w) -> (s(h-1)+1, s(w-1)+1).

    Visto en 03 §La transpuesta como convolución.
    """
    x = _image(x)
    s = _positive(stride, "stride")
    h, w = x.shape
    out = np.zeros((s * (h - 1) + 1, s * (w - 1) + 1))
    out[::s, ::s] = x
    return out


def transposed_as_conv(x, kernel, stride: int = 1, padding: int = 0, output_padding: int = 0,
                       details: bool = False):
    """The transposed convolution computed as an ordinary convolution (2-D, one channel).

    1. insert ``s - 1`` zeros between the input pixels (:func:`insert_zeros`);
    2. surround them with ``k - p - 1`` zeros (plus ``output_padding`` more at the bottom/right);
    3. convolve with stride 1 and the kernel rotated by 180°.

    Gives the same numbers as ``conv.conv_transpose2d(x, kernel, stride, padding, output_padding)``
    and ``tf.nn.conv2d_transpose``.  With ``details=True`` returns ``(canvas, rotated_kernel,
    result)``.  Visto en 03 §La transpuesta como convolución.
    """
    x = _image(x)
    k = _image(kernel, "kernel")
    if k.shape[0] != k.shape[1]:
        raise arg_error("kernel", kernel, {"es": "un kernel cuadrado (k, k)", "pt": "um kernel quadrado (k, k)"})
    s = _positive(stride, "stride")
    size = k.shape[0]
    if isinstance(padding, (bool, np.bool_)) or not isinstance(padding, (int, np.integer)) \
            or not 0 <= padding <= size - 1:
        raise arg_error("padding", padding, "transposed.expected_padding")
    if isinstance(output_padding, (bool, np.bool_)) or not isinstance(output_padding, (int, np.integer)) \
            or not 0 <= output_padding < s:
        raise arg_error("output_padding", output_padding, "conv.expected_output_padding")
    q = size - int(padding) - 1
    a = int(output_padding)
    canvas = conv.pad2d(insert_zeros(x, s), (q, q + a, q, q + a))
    rotated = k[::-1, ::-1]
    result = conv.conv2d(canvas, rotated, stride=1, padding=0)
    return (canvas, rotated, result) if details else result


def overlap(k: int, s: int, n: int = 6, padding: int = 0) -> np.ndarray:
    """How many kernel copies overlap on each output pixel of a transposed convolution.

    It is the transposed convolution (stride ``s``, padding ``p``) of an ``n``×``n`` image of
    ones with a ``k``×``k`` kernel of ones.  Away from the border every pixel gets the same count
    only when ``k`` is divisible by ``s``; otherwise counts alternate (e.g. 1, 2, 4 for 3×3/s2):
    the checkerboard.  Visto en 03 §Artefactos de tablero de ajedrez.
    """
    k, s, n = _positive(k, "k"), _positive(s, "s"), _positive(n, "n")
    return conv.conv_transpose2d(np.ones((n, n)), np.ones((k, k)), stride=s, padding=padding)


def upsample_nearest(x, factor: int = 2) -> np.ndarray:
    """Enlarge a 2-D image by repeating each pixel ``factor``×``factor`` times (``UpSampling2D``).

    Visto en 03 §Artefactos de tablero de ajedrez.
    """
    x = _image(x)
    f = _positive(factor, "factor")
    return np.repeat(np.repeat(x, f, axis=0), f, axis=1)


def resize_conv(x, kernel, factor: int = 2) -> np.ndarray:
    """Resize-convolution: nearest-neighbour upsampling, then a stride-1 ``'same'`` convolution.

    Every output pixel sees the same number of kernel taps, so a constant input stays constant
    away from the border (no checkerboard by construction).  Visto en 03 §Artefactos de tablero de ajedrez.
    """
    return conv.conv2d(upsample_nearest(x, factor), _image(kernel, "kernel"), stride=1, padding="same")


def phase_means(y, period: int, border: int = 0) -> np.ndarray:
    """Mean of the pixels of each phase ``(row mod period, col mod period)`` of a 2-D image.

    ``border`` pixels are dropped on each side first (kept a multiple of the period, so phases
    keep their meaning).  A flat image has equal means; a checkerboard has unequal ones.
    Visto en 03 §Artefactos de tablero de ajedrez.
    """
    per = _positive(period, "period")
    b = int(np.ceil(border / per)) * per
    y = _image(y, "y", n=2 * b + per)
    inner = y[b: y.shape[0] - b, b: y.shape[1] - b]
    h, w = (inner.shape[0] // per) * per, (inner.shape[1] // per) * per
    blocks = inner[:h, :w].reshape(h // per, per, w // per, per)
    return blocks.mean(axis=(0, 2))


def unevenness(y, period: int, border: int = 0) -> float:
    """``(max - min) / max`` of :func:`phase_means` of ``|y|``: 0 for no periodic pattern, up to 1.

    Visto en 03 §Artefactos de tablero de ajedrez.
    """
    m = phase_means(np.abs(np.asarray(y, dtype=np.float64)), period, border)
    top = float(m.max())
    return 0.0 if top == 0 else float((top - m.min()) / top)


def upsampling_stack(kind: str, layers: int = 3, channels: int = 16, seed: int = 0):
    """An untrained upsampling network like a generator's: each layer doubles the size.

    * ``'transposed3'``: ``Conv2DTranspose(3×3, strides=2, 'same')`` (k not divisible by s);
    * ``'transposed4'``: ``Conv2DTranspose(4×4, strides=2, 'same')`` (the course default);
    * ``'resize'``: ``UpSampling2D(2)`` + ``Conv2D(3×3, 'same')``.

    ReLU between layers, one output channel, no bias, weights drawn with ``seed`` (He normal).
    Visto en 03 §Artefactos de tablero de ajedrez.
    """
    from ._tf import keras

    if kind not in STACK_KINDS:
        raise arg_error("kind", kind, "transposed.expected_kind")
    layers, channels = _positive(layers, "layers"), _positive(channels, "channels")
    out = []
    for j in range(layers):
        width = 1 if j == layers - 1 else channels
        init = keras.initializers.HeNormal(seed=seed + j)
        act = None if j == layers - 1 else "relu"
        if kind == "resize":
            out.append(keras.layers.UpSampling2D(2, interpolation="nearest"))
            out.append(keras.layers.Conv2D(width, 3, padding="same", use_bias=False,
                                           kernel_initializer=init, activation=act))
        else:
            k = 3 if kind == "transposed3" else 4
            out.append(keras.layers.Conv2DTranspose(width, k, strides=2, padding="same", use_bias=False,
                                                    kernel_initializer=init, activation=act))
    return keras.Sequential(out, name=f"stack_{kind}")


def upsampling_overlaps(n: int = 4) -> dict:
    """Double an ``n``×``n`` image of ones three ways, with kernels of ones (Keras ``'same'`` sizes).

    Returns ``{title: 2n×2n map}`` for a transposed convolution 3×3/stride 2 (uneven: 1, 2, 4),
    a transposed convolution 4×4/stride 2 (even inside: 4 everywhere) and nearest-neighbour
    resize + 3×3 convolution (even inside: 9).  Titles are formulas (no words), shared by es/pt.
    Visto en 03 §Artefactos de tablero de ajedrez.
    """
    n = _positive(n, "n")
    ones = np.ones((n, n))
    return {
        "$k=3,\\ s=2$": conv.conv_transpose2d(ones, np.ones((3, 3)), stride=2, padding="same"),
        "$k=4,\\ s=2$": conv.conv_transpose2d(ones, np.ones((4, 4)), stride=2, padding="same"),
        "$\\times 2 \\;+\\; k=3$": resize_conv(ones, np.ones((3, 3)), 2),
    }


def plot_maps(maps: dict, numbers: bool = True, size: float = 3.0, axes=None):
    """Show 2-D maps side by side (``{title: array}``), each with its own colour scale.

    With ``numbers=True`` each cell shows its value (small maps only).  Returns the axes.
    Visto en 03 §Artefactos de tablero de ajedrez.
    """
    if axes is None:
        import matplotlib.pyplot as plt

        _, axes = plt.subplots(1, len(maps), figsize=(size * len(maps), size))
    axes = np.atleast_1d(axes)
    for ax, (title, m) in zip(axes, maps.items()):
        m = np.asarray(m, dtype=float)
        ax.imshow(m, cmap="Blues", vmin=0, vmax=max(float(m.max()), 1e-12), interpolation="nearest")
        if numbers:
            for (r, c), v in np.ndenumerate(m):
                ax.text(c, r, f"{v:g}", ha="center", va="center", fontsize=8,
                        color="white" if v > 0.6 * m.max() else "black")
        ax.set_title(title)
        ax.set_xticks([])
        ax.set_yticks([])
    return axes


def write_checkerboard_figure(path):
    """``figures/checkerboard.png``: :func:`upsampling_overlaps` drawn by :func:`plot_maps` (same bytes each run)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    maps = upsampling_overlaps(4)
    fig = Figure(figsize=(3.0 * len(maps), 3.3), dpi=80)
    FigureCanvasAgg(fig)
    axes = fig.subplots(1, len(maps))
    plot_maps(maps, axes=axes)
    fig.tight_layout()
    fig.savefig(path, format="png", dpi=80, metadata={"Software": None})
    return path


FIGURES = {"checkerboard.png": write_checkerboard_figure}

__all__ = ["insert_zeros", "transposed_as_conv", "overlap", "upsample_nearest", "resize_conv",
           "phase_means", "unevenness", "upsampling_stack", "STACK_KINDS", "upsampling_overlaps",
           "plot_maps", "write_checkerboard_figure", "FIGURES"]
