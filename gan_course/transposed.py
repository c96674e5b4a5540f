"""Transposed convolution as upsampling, and where checkerboard artifacts come from.

* :func:`insert_zeros` / :func:`transposed_as_conv` — a transposed convolution is an ordinary
  stride-1 convolution over the input with ``s-1`` zeros between pixels and ``k-p-1`` zeros
  around them, with the kernel rotated by 180° (the picture of ``transposed_*.gif``).
* :func:`overlap` — how many kernel copies land on each output pixel (all-ones input, all-ones
  kernel): uneven when ``k`` is not divisible by ``s`` — the checkerboard of Odena, Dumoulin &
  Olah, "Deconvolution and Checkerboard Artifacts" (Distill, 2016).
* :func:`upsample_nearest` / :func:`resize_conv` — the alternative: enlarge, then convolve.
* :func:`phase_taps` — what each output phase of a resize-convolution applies to the input: after a
  nearest ×2 resize a 3-tap kernel ``(w0, w1, w2)`` gives the phases ``(w0, w1+w2)`` and ``(w0+w1, w2)``;
  only their sums agree, so a constant input is safe and edges are not.
* :func:`upsample_bilinear` — bilinear enlargement (Keras ``UpSampling2D(interpolation="bilinear")``).
* :func:`phase_means` / :func:`unevenness` — measure a periodic pattern in an image.
* :func:`upsampling_stack` — three Keras upsampling layers (transposed 3×3/s2, transposed
  4×4/s2, or resize + 3×3 convolution) with random weights, like an untrained generator.
* :func:`plot_maps` — 2-D maps side by side, with their numbers (``figures/checkerboard.png`` uses it:
  see :mod:`gan_course.figures`).

Visto en 03 §Artefactos de tablero de ajedrez.
"""
from __future__ import annotations

import numpy as np

from . import conv
from ._tf import keras
from .i18n import arg_error, register, t
from .validate import check_array, check_choice, check_float, check_int

register({
    "transposed.expected_padding": {
        "es": "un entero 0 ≤ p ≤ k - 1 (el relleno de la convolución transpuesta)",
        "pt": "um inteiro 0 ≤ p ≤ k - 1 (o preenchimento da convolução transposta)",
    },
    "transposed.expected_output_padding": {
        "es": "un entero con 0 ≤ output_padding < stride",
        "pt": "um inteiro com 0 ≤ output_padding < stride",
    },
    "transposed.expected_kind": {
        "es": "'transposed3', 'transposed4' o 'resize'",
        "pt": "'transposed3', 'transposed4' ou 'resize'",
    },
    "transposed.expected_image": {
        "es": "una imagen 2-D (H, W) de números finitos, de al menos {n}×{n} píxeles",
        "pt": "uma imagem 2-D (H, W) de números finitos, de pelo menos {n}×{n} pixels",
    },
    "transposed.expected_square": {
        "es": "un kernel cuadrado (k, k)",
        "pt": "um kernel quadrado (k, k)",
    },
    "transposed.expected_taps": {
        "es": "un kernel 1-D de longitud impar, de números finitos",
        "pt": "um kernel 1-D de comprimento ímpar, de números finitos",
    },
    "transposed.label_transposed3": {"es": "transpuesta 3×3, stride 2", "pt": "transposta 3×3, stride 2"},
    "transposed.label_transposed4": {"es": "transpuesta 4×4, stride 2", "pt": "transposta 4×4, stride 2"},
    "transposed.label_resize": {"es": "×2 vecino más cercano + conv. 3×3", "pt": "×2 vizinho mais próximo + conv. 3×3"},
    "transposed.expected_maps": {
        "es": "un dict no vacío {{título: mapa 2-D}}",
        "pt": "um dict não vazio {{título: mapa 2-D}}",
    },
})

STACK_KINDS = ("transposed3", "transposed4", "resize")


def _image(x, name="x", n=1):
    arr = check_array(name, x, "transposed.expected_image", ndim=2, n=n)
    if min(arr.shape) < n:
        raise arg_error(name, x, "transposed.expected_image", n=n)
    return arr


def insert_zeros(x, stride: int) -> np.ndarray:
    """Put ``stride - 1`` zeros between neighbouring pixels of a 2-D image: (h, w) -> (s(h-1)+1, s(w-1)+1).

    Visto en 03 §La transpuesta como una convolución.
    """
    x = _image(x)
    s = check_int("stride", stride, 1)
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
    result)``.  Visto en 03 §La transpuesta como una convolución.
    """
    x = _image(x)
    k = _image(kernel, "kernel")
    if k.shape[0] != k.shape[1]:
        raise arg_error("kernel", kernel, "transposed.expected_square")
    s = check_int("stride", stride, 1)
    size = k.shape[0]
    p = check_int("padding", padding, 0, size - 1, expected="transposed.expected_padding")
    a = check_int("output_padding", output_padding, 0, s - 1, expected="transposed.expected_output_padding")
    q = size - p - 1
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
    k, s, n = check_int("k", k, 1), check_int("s", s, 1), check_int("n", n, 1)
    return conv.conv_transpose2d(np.ones((n, n)), np.ones((k, k)), stride=s, padding=padding)


def upsample_nearest(x, factor: int = 2) -> np.ndarray:
    """Enlarge a 2-D image by repeating each pixel ``factor``×``factor`` times (``UpSampling2D``).

    Visto en 03 §Artefactos de tablero de ajedrez.
    """
    x = _image(x)
    f = check_int("factor", factor, 1)
    return np.repeat(np.repeat(x, f, axis=0), f, axis=1)


def resize_conv(x, kernel, factor: int = 2) -> np.ndarray:
    """Resize-convolution: nearest-neighbour upsampling, then a stride-1 ``'same'`` convolution.

    Every output pixel sees the same number of kernel taps, so a constant input stays constant away
    from the border: no *uneven overlap*.  It is not free of checkerboards by construction: each
    output phase applies its own sums of the kernel's taps to the input (:func:`phase_taps`).
    Visto en 03 §Redimensionar y convolucionar.
    """
    return conv.conv2d(upsample_nearest(x, factor), _image(kernel, "kernel"), stride=1, padding="same")


def phase_taps(kernel, factor: int = 2) -> np.ndarray:
    """The taps that each output phase of a 1-D resize-convolution applies to the input.

    ``kernel`` (length ``k``, odd) is applied as a ``'same'`` cross-correlation after repeating every
    input sample ``factor`` times.  Row ``p`` of the result holds the weights that output ``factor·j + p``
    gives to the inputs ``j + d`` for ``d = -r … r`` (``r = ceil((k // 2) / factor)``), found by
    feeding unit impulses through the two steps.  For ``factor = 2`` and ``k = 3``: the rows are
    ``(w0, w1 + w2, 0)`` and ``(0, w0 + w1, w2)``.  Visto en 03 §Redimensionar y convolucionar.
    """
    w = check_array("kernel", kernel, "transposed.expected_taps", ndim=1)
    if w.size % 2 == 0:
        raise arg_error("kernel", kernel, "transposed.expected_taps")
    f = check_int("factor", factor, 1)
    r = -(-(w.size // 2) // f)
    n = 2 * r + 3                                        # room on both sides: no border in sight
    taps = np.zeros((f, 2 * r + 1))
    for col, d in enumerate(range(-r, r + 1)):
        impulse = np.zeros(n)
        impulse[n // 2 + d] = 1.0
        out = np.correlate(np.repeat(impulse, f), w, mode="same")
        taps[:, col] = out[f * (n // 2): f * (n // 2) + f]
    return taps


def upsample_bilinear(x, factor: int = 2) -> np.ndarray:
    """Enlarge a 2-D image by bilinear interpolation, as Keras ``UpSampling2D(interpolation="bilinear")``
    and ``tf.image.resize`` do: output pixel ``i`` samples the input at ``(i + 0.5) / factor - 0.5``
    (pixel centres), clamped at the border.

    For ``factor = 2`` it equals :func:`upsample_nearest` followed by the fixed kernel
    ``(1, 2, 1) / 4`` on each axis (edges replicated): a resize-convolution whose phases get
    ``(1/4, 3/4)`` and ``(3/4, 1/4)``.  Visto en 03 §Redimensionar y convolucionar.
    """
    x = _image(x)
    f = check_int("factor", factor, 1)

    def along(n):
        pos = np.clip((np.arange(n * f) + 0.5) / f - 0.5, 0, n - 1)
        low = np.floor(pos).astype(int)
        high = np.minimum(low + 1, n - 1)
        m = np.zeros((n * f, n))
        np.add.at(m, (np.arange(n * f), low), 1 - (pos - low))
        np.add.at(m, (np.arange(n * f), high), pos - low)
        return m

    return along(x.shape[0]) @ x @ along(x.shape[1]).T


def phase_means(y, period: int, border: int = 0) -> np.ndarray:
    """Mean of the pixels of each phase ``(row mod period, col mod period)`` of a 2-D image.

    ``border`` pixels are dropped on each side first (kept a multiple of the period, so phases
    keep their meaning).  A flat image has equal means; a checkerboard has unequal ones.
    Visto en 03 §Artefactos de tablero de ajedrez.
    """
    per = check_int("period", period, 1)
    b = -(-check_int("border", border, 0) // per) * per
    y = _image(y, "y", n=2 * b + per)
    inner = y[b: y.shape[0] - b, b: y.shape[1] - b]
    h, w = (inner.shape[0] // per) * per, (inner.shape[1] // per) * per
    blocks = inner[:h, :w].reshape(h // per, per, w // per, per)
    return blocks.mean(axis=(0, 2))


def unevenness(y, period: int, border: int = 0) -> float:
    """``(max - min) / max`` of :func:`phase_means` of ``|y|``: 0 for no periodic pattern, up to 1.

    Visto en 03 §Artefactos de tablero de ajedrez.
    """
    m = phase_means(np.abs(_image(y, "y")), period, border)
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
    check_choice("kind", kind, STACK_KINDS, expected="transposed.expected_kind")
    layers, channels = check_int("layers", layers, 1), check_int("channels", channels, 1)
    seed = check_int("seed", seed, 0)
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


def stack_label(kind: str) -> str:
    """The name of an :func:`upsampling_stack` kind (``'transposed3'``…) to show people, in the active language.

    Visto en 03 §Artefactos de tablero de ajedrez.
    """
    return t("transposed.label_" + check_choice("kind", kind, STACK_KINDS, expected="transposed.expected_kind"))


def plot_maps(maps: dict, numbers: bool = True, size: float = 3.0, axes=None):
    """Show 2-D maps side by side (``{title: array}``), each with its own colour scale.

    With ``numbers=True`` each cell shows its value (small maps only).  Returns the axes.
    Visto en 03 §Artefactos de tablero de ajedrez.
    """
    if not isinstance(maps, dict) or not maps:
        raise arg_error("maps", maps, "transposed.expected_maps")
    maps = {title: _image(m, f"maps[{title!r}]") for title, m in maps.items()}
    size = check_float("size", size, 0, low_open=True)
    if axes is None:
        import matplotlib.pyplot as plt

        _, axes = plt.subplots(1, len(maps), figsize=(size * len(maps), size))
    axes = np.atleast_1d(axes)
    for ax, (title, m) in zip(axes, maps.items()):
        ax.imshow(m, cmap="Blues", vmin=0, vmax=max(float(m.max()), 1e-12), interpolation="nearest")
        if numbers:
            for (r, c), v in np.ndenumerate(m):
                ax.text(c, r, f"{v:g}", ha="center", va="center", fontsize=8,
                        color="white" if v > 0.6 * m.max() else "black")
        ax.set_title(title)
        ax.set_xticks([])
        ax.set_yticks([])
    return axes


__all__ = ["insert_zeros", "transposed_as_conv", "overlap", "upsample_nearest", "resize_conv", "phase_taps",
           "upsample_bilinear",
           "phase_means", "unevenness", "upsampling_stack", "stack_label", "STACK_KINDS", "plot_maps"]
