"""Convolution arithmetic in plain NumPy: conv2d, padding, pooling, transposed convolution, sizes.

Everything here is written to be *read*: each function is the lesson's formula (computed in
float64, whatever the input's dtype), and the tests
check it against TensorFlow/Keras (``tf.nn.conv2d``, ``tf.nn.max_pool2d``,
``tf.nn.conv2d_transpose``, ``keras.layers.Conv2D`` …) on many random cases.

Shapes follow TensorFlow:

* a single-channel image is a 2-D array ``(H, W)`` and its kernel ``(kh, kw)``;
* a batch is NHWC ``(N, H, W, C)`` (or one image ``(H, W, C)``) and its kernel is HWIO
  ``(kh, kw, C_in, C_out)`` for :func:`conv2d` and ``(kh, kw, C_out, C_in)`` for
  :func:`conv_transpose2d` — exactly what ``tf.nn.conv2d`` / ``tf.nn.conv2d_transpose`` expect.

Like every deep-learning framework, "convolution" here is the *cross-correlation*
``y[i, j] = Σ_a Σ_b x[i·s + a·d, j·s + b·d] · k[a, b]`` (the kernel is not flipped).

``padding`` may be an int ``p`` (p on every side), a pair ``(ph, pw)``, four ints
``(top, bottom, left, right)``, Keras' ``((top, bottom), (left, right))``, or the strings
``'valid'`` (no padding) and ``'same'`` (what Keras adds so that the output has ``ceil(n/s)``
pixels; when the total is odd the extra pixel goes to the bottom/right, as in TensorFlow).

The size rules :func:`conv_output_size`, :func:`pool_output_size`, :func:`transposed_output_size`,
:func:`same_padding` and :func:`keras_output_size` cover the relationships of Dumoulin & Visin,
"A guide to convolution arithmetic for deep learning" (arXiv:1603.07285): see
:data:`GUIDE_RELATIONSHIPS`.  They live in :mod:`gan_course.conv_sizes` and are also reachable here.

Visto en 02 §La convolución a mano, 02 §Stride y relleno (padding), 02 §Agrupamiento (pooling) y
03 §Tamaños de salida.
"""
from __future__ import annotations

import numpy as np

from .conv_sizes import (  # noqa: F401
    GUIDE_RELATIONSHIPS,
    conv_output_size,
    effective_kernel_size,
    guide_relationship,
    keras_output_size,
    keras_padding,
    keras_transposed_output_size,
    padding_mode,
    pool_output_size,
    same_padding,
    transposed_output_size,
)
from .i18n import arg_error, register
from .validate import check_array, check_float, is_int

register({
    "conv.expected_positive_int": {
        "es": "un entero ≥ 1 (o un par de enteros ≥ 1)",
        "pt": "um inteiro ≥ 1 (ou um par de inteiros ≥ 1)",
    },
    "conv.expected_nonneg_int": {
        "es": "un entero ≥ 0",
        "pt": "um inteiro ≥ 0",
    },
    "conv.expected_padding": {
        "es": "un entero ≥ 0, un par (ph, pw), cuatro enteros ≥ 0 (arriba, abajo, izquierda, derecha) "
              "o 'valid' / 'same'",
        "pt": "um inteiro ≥ 0, um par (ph, pw), quatro inteiros ≥ 0 (cima, baixo, esquerda, direita) "
              "ou 'valid' / 'same'",
    },
    "conv.expected_input": {
        "es": "una imagen 2-D (H, W), una imagen (H, W, C) o un lote NHWC (N, H, W, C) de números",
        "pt": "uma imagem 2-D (H, W), uma imagem (H, W, C) ou um lote NHWC (N, H, W, C) de números",
    },
    "conv.expected_input_2d": {
        "es": "una imagen 2-D (H, W) de un solo canal",
        "pt": "uma imagem 2-D (H, W) de um só canal",
    },
    "conv.expected_kernel_2d": {
        "es": "un kernel 2-D (kh, kw), como la imagen 2-D",
        "pt": "um kernel 2-D (kh, kw), como a imagem 2-D",
    },
    "conv.expected_kernel_4d": {
        "es": "un kernel 4-D {layout} para una entrada con canales",
        "pt": "um kernel 4-D {layout} para uma entrada com canais",
    },
    "conv.expected_channels": {
        "es": "un kernel con {c} canales de entrada (los de la imagen)",
        "pt": "um kernel com {c} canais de entrada (os da imagem)",
    },
    "conv.expected_input_shape": {
        "es": "un par (H, W) de enteros ≥ 1",
        "pt": "um par (H, W) de inteiros ≥ 1",
    },
    "conv.expected_same_output": {
        "es": "una salida de tamaño {n} (la entrada de la convolución transpuesta)",
        "pt": "uma saída de tamanho {n} (a entrada da convolução transposta)",
    },
})

_LAYOUT = {"conv": "(kh, kw, C_in, C_out)", "transpose": "(kh, kw, C_out, C_in)"}


# --------------------------------------------------------------------------------------------
# argument checking
# --------------------------------------------------------------------------------------------

def _pair(value, name, minimum=1):
    """``value`` (int or pair of ints ≥ minimum) -> (vertical, horizontal)."""
    expected = "conv.expected_positive_int" if minimum >= 1 else "conv.expected_nonneg_int"
    if is_int(value):
        pair = (int(value), int(value))
    elif isinstance(value, (tuple, list)) and len(value) == 2 and all(is_int(v) for v in value):
        pair = (int(value[0]), int(value[1]))
    else:
        raise arg_error(name, value, expected)
    if min(pair) < minimum:
        raise arg_error(name, value, expected)
    return pair


def _explicit_padding(padding):
    """int / (ph, pw) / (top, bottom, left, right) / ((top, bottom), (left, right)) -> 4 ints."""
    p = padding
    if is_int(p):
        out = (p, p, p, p)
    elif isinstance(p, (tuple, list)) and len(p) == 2 and all(is_int(v) for v in p):
        out = (p[0], p[0], p[1], p[1])
    elif isinstance(p, (tuple, list)) and len(p) == 4 and all(is_int(v) for v in p):
        out = tuple(p)
    elif (isinstance(p, (tuple, list)) and len(p) == 2
          and all(isinstance(v, (tuple, list)) and len(v) == 2 and all(is_int(u) for u in v) for v in p)):
        out = (p[0][0], p[0][1], p[1][0], p[1][1])
    else:
        raise arg_error("padding", padding, "conv.expected_padding")
    if min(out) < 0:
        raise arg_error("padding", padding, "conv.expected_padding")
    return tuple(int(v) for v in out)


def _as_batch(x, name="x"):
    """(H, W) -> (1, H, W, 1); (H, W, C) -> (1, H, W, C); NHWC stays. Returns the batch and a function undoing it."""
    arr = check_array(name, x, "conv.expected_input", ndim=(2, 3, 4))
    if arr.ndim == 2:
        return arr[None, :, :, None], lambda y: y[0, :, :, 0]
    if arr.ndim == 3:
        return arr[None], lambda y: y[0]
    return arr, lambda y: y


def _kernel_for(ndim, kernel, layout, channels):
    """Check the kernel against an input of ``ndim`` axes and ``channels`` channels; return it 4-D float64."""
    if ndim == 2:
        return check_array("kernel", kernel, "conv.expected_kernel_2d", ndim=2)[:, :, None, None]
    k = check_array("kernel", kernel, "conv.expected_kernel_4d", ndim=4, layout=_LAYOUT[layout])
    c_in = k.shape[2] if layout == "conv" else k.shape[3]
    if c_in != channels:
        raise arg_error("kernel", kernel, "conv.expected_channels", c=channels)
    return k


# --------------------------------------------------------------------------------------------
# padding, convolution, pooling
# --------------------------------------------------------------------------------------------

def pad2d(x, padding, value=0.0):
    """Surround the image(s) with ``value`` (zeros by default): the *padding* of a convolution.

    ``x`` is (H, W), (H, W, C) or NHWC; ``padding`` an int, (ph, pw) or (top, bottom, left,
    right).  Only the two spatial axes grow.  Visto en 02 §Stride y relleno (padding).
    """
    xb, undo = _as_batch(x)
    top, bottom, left, right = _explicit_padding(padding)
    value = check_float("value", value)
    out = np.pad(xb, ((0, 0), (top, bottom), (left, right), (0, 0)), constant_values=value)
    return undo(out)


def _resolve_padding(padding, shape_hw, k_hw, s_hw, d_hw):
    """Any accepted ``padding`` -> (top, bottom, left, right) for a convolution/pooling."""
    name = padding_mode(padding)
    if name == "valid":
        return (0, 0, 0, 0)
    if name == "same":
        (_, (top, bottom)) = same_padding(shape_hw[0], k_hw[0], s_hw[0], d_hw[0])
        (_, (left, right)) = same_padding(shape_hw[1], k_hw[1], s_hw[1], d_hw[1])
        return (top, bottom, left, right)
    return _explicit_padding(padding)


def _check_fits(x_padded_hw, k_hw, d_hw, kernel):
    for n, k, d in zip(x_padded_hw, k_hw, d_hw):
        if k + (k - 1) * (d - 1) > n:
            raise arg_error("kernel", kernel, "conv_sizes.expected_fits", n=n)


def conv2d(x, kernel, stride=1, padding=0, dilation=1):
    """2-D convolution (cross-correlation, as TensorFlow computes it), written out.

    ``y[n, i, j, o] = Σ_a Σ_b Σ_c  x_pad[n, i·s + a·d, j·s + b·d, c] · K[a, b, c, o]``

    * ``x``: an image (H, W) with a kernel (kh, kw) → a 2-D feature map; or NHWC / (H, W, C)
      with an HWIO kernel (kh, kw, C_in, C_out) → NHWC / (H', W', C_out), like ``tf.nn.conv2d``.
    * ``stride`` (s), ``dilation`` (d): an int or a pair (vertical, horizontal).
    * ``padding``: int, pair, (top, bottom, left, right), ``'valid'`` or ``'same'``.

    The loop runs over the kernel's taps: tap (a, b) multiplies the padded image, read every
    s pixels starting at (a·d, b·d), by the weight K[a, b] and adds it to the output — the
    same sum as sliding the kernel window by window.  Visto en 02 §La convolución a mano.
    """
    xb, undo = _as_batch(x)
    k = _kernel_for(np.ndim(x), kernel, "conv", xb.shape[-1])
    s_h, s_w = _pair(stride, "stride")
    d_h, d_w = _pair(dilation, "dilation")
    kh, kw = k.shape[:2]
    top, bottom, left, right = _resolve_padding(padding, xb.shape[1:3], (kh, kw), (s_h, s_w), (d_h, d_w))
    xp = np.pad(xb, ((0, 0), (top, bottom), (left, right), (0, 0)))
    _check_fits(xp.shape[1:3], (kh, kw), (d_h, d_w), kernel)
    oh = (xp.shape[1] - (kh - 1) * d_h - 1) // s_h + 1
    ow = (xp.shape[2] - (kw - 1) * d_w - 1) // s_w + 1
    y = np.zeros((xb.shape[0], oh, ow, k.shape[3]))
    for a in range(kh):
        for b in range(kw):
            window = xp[:, a * d_h: a * d_h + s_h * (oh - 1) + 1: s_h,
                        b * d_w: b * d_w + s_w * (ow - 1) + 1: s_w, :]   # (N, oh, ow, C_in)
            y += window @ k[a, b]                                         # (C_in, C_out)
    return undo(y)


def _pool(x, size, stride, padding, reduce):
    xb, undo = _as_batch(x)
    k_h, k_w = _pair(size, "size")
    s_h, s_w = (k_h, k_w) if stride is None else _pair(stride, "stride")
    name = keras_padding(padding)
    top, bottom, left, right = _resolve_padding(name, xb.shape[1:3], (k_h, k_w), (s_h, s_w), (1, 1))
    # padded cells are NaN and the nan-aware max/mean skip them: only real pixels count
    xp = np.pad(xb, ((0, 0), (top, bottom), (left, right), (0, 0)), constant_values=np.nan)
    if k_h > xp.shape[1] or k_w > xp.shape[2]:
        raise arg_error("size", size, "conv_sizes.expected_fits", n=min(xp.shape[1:3]))
    oh = (xp.shape[1] - k_h) // s_h + 1
    ow = (xp.shape[2] - k_w) // s_w + 1
    windows = np.stack([xp[:, a: a + s_h * (oh - 1) + 1: s_h, b: b + s_w * (ow - 1) + 1: s_w, :]
                        for a in range(k_h) for b in range(k_w)])   # (k_h·k_w, N, oh, ow, C)
    return undo(reduce(windows, axis=0))


def max_pool2d(x, size, stride=None, padding="valid"):
    """Max pooling: the largest value of each ``size`` window, windows ``stride`` apart.

    ``stride`` defaults to ``size`` (non-overlapping windows), like ``keras.layers.MaxPooling2D``.
    ``x``: (H, W), (H, W, C) or NHWC; each channel is pooled on its own.  ``padding='same'``
    pads like Keras (padded cells never win).  Visto en 02 §Agrupamiento (pooling).
    """
    return _pool(x, size, stride, padding, np.nanmax)


def avg_pool2d(x, size, stride=None, padding="valid"):
    """Average pooling: the mean of each ``size`` window (stride defaults to ``size``).

    With ``padding='same'`` the mean is taken over the real pixels of each window only,
    as Keras' ``AveragePooling2D`` does.  Visto en 02 §Agrupamiento (pooling).
    """
    return _pool(x, size, stride, padding, np.nanmean)


# --------------------------------------------------------------------------------------------
# transposed convolution and the convolution matrix
# --------------------------------------------------------------------------------------------

def _transposed_padding(padding, in_hw, k_hw, s_hw, d_hw, output_padding):
    """(top, bottom, left, right) and (a_h, a_w) for conv_transpose2d."""
    name = padding_mode(padding)
    if output_padding is None:
        a_given = None
    else:
        a_given = _pair(output_padding, "output_padding", minimum=0)
        for a, s in zip(a_given, s_hw):
            if a >= s:
                raise arg_error("output_padding", output_padding, "conv_sizes.expected_output_padding")
    if name is None:
        pads = _explicit_padding(padding)
        return pads, (a_given or (0, 0))
    pads, extra = [], []
    for axis in range(2):
        i, k, s, d = in_hw[axis], k_hw[axis], s_hw[axis], d_hw[axis]
        a = None if a_given is None else a_given[axis]
        n_out = keras_transposed_output_size(i, k, s, name, a, d)
        if name == "valid":
            before = after = 0
        else:
            # TensorFlow pads the (forward) convolution of the n_out-pixel output with 'same'
            if -(-n_out // s) != i:
                raise arg_error("output_padding", output_padding, "conv.expected_same_output", n=i)
            before, after = same_padding(n_out, k, s, d)[1]
        pads += [before, after]
        extra.append(n_out - (s * (i - 1) + effective_kernel_size(k, d) - before - after))
    return tuple(pads), tuple(extra)


def conv_transpose2d(x, kernel, stride=1, padding=0, output_padding=None, dilation=1):
    """Transposed convolution by its definition: every input pixel *scatters* a copy of the kernel.

    Input pixel (i, j) adds ``x[i, j] · K`` to the output window that starts at
    ``(i·s, j·s)`` (taps ``d`` apart); the full canvas has ``s(i'-1) + (k-1)d + 1`` pixels per
    side, ``output_padding`` adds that many zeros at the bottom/right and then ``padding`` is
    *cropped* from each side.  The result is the transpose (and the gradient) of
    :func:`conv2d` with the same (k, s, padding, d): ``conv_matrix(k).T @ y``.

    * ``x``: (H, W) with a kernel (kh, kw); or NHWC / (H, W, C_in) with a kernel
      ``(kh, kw, C_out, C_in)`` — the layout ``tf.nn.conv2d_transpose`` uses.
    * ``padding``: int, pair, (top, bottom, left, right), or Keras' ``'valid'``/``'same'``
      (then ``output_padding=None`` means Keras' default; with explicit padding it means 0).

    Visto en 03 §La transpuesta: de 4 píxeles a 16.
    """
    xb, undo = _as_batch(x)
    k = _kernel_for(np.ndim(x), kernel, "transpose", xb.shape[-1])
    s_h, s_w = _pair(stride, "stride")
    d_h, d_w = _pair(dilation, "dilation")
    kh, kw = k.shape[:2]
    ih, iw = xb.shape[1:3]
    if output_padding is None and padding_mode(padding) is None:
        output_padding = 0
    (top, bottom, left, right), (a_h, a_w) = _transposed_padding(
        padding, (ih, iw), (kh, kw), (s_h, s_w), (d_h, d_w), output_padding)
    full_h = s_h * (ih - 1) + (kh - 1) * d_h + 1
    full_w = s_w * (iw - 1) + (kw - 1) * d_w + 1
    canvas = np.zeros((xb.shape[0], full_h + max(a_h, 0), full_w + max(a_w, 0), k.shape[2]))
    for a in range(kh):
        for b in range(kw):
            canvas[:, a * d_h: a * d_h + s_h * (ih - 1) + 1: s_h,
                   b * d_w: b * d_w + s_w * (iw - 1) + 1: s_w, :] += xb @ k[a, b].T  # (C_in, C_out)
    for n_full, before, after in ((canvas.shape[1], top, bottom), (canvas.shape[2], left, right)):
        if before + after >= n_full:
            raise arg_error("padding", padding, "conv_sizes.expected_positive_output", n=n_full)
    y = canvas[:, top: canvas.shape[1] - bottom, left: canvas.shape[2] - right, :]
    return undo(y)


def conv_matrix(kernel, input_shape, stride=1, padding=0, dilation=1):
    """The convolution as a matrix C: ``conv2d(x, kernel, ...).ravel() == C @ x.ravel()``.

    Row r of C is output pixel r (row-major); its non-zero entries are the kernel's weights,
    placed on the input pixels that window reads (weights that fall on padding are dropped).
    For a 3×3 kernel on a 4×4 input, C is 4×16.  ``C.T`` maps the output back to the input
    shape: it is the transposed convolution, ``C.T @ y.ravel() == conv_transpose2d(y, kernel,
    ...).ravel()`` with the same stride/padding.  2-D single-channel only.
    Visto en 03 §La convolución como matriz.
    """
    k = check_array("kernel", kernel, "conv.expected_kernel_2d", ndim=2)
    if not (isinstance(input_shape, (tuple, list)) and len(input_shape) == 2
            and all(is_int(v) and v >= 1 for v in input_shape)):
        raise arg_error("input_shape", input_shape, "conv.expected_input_shape")
    h, w = int(input_shape[0]), int(input_shape[1])
    s_h, s_w = _pair(stride, "stride")
    d_h, d_w = _pair(dilation, "dilation")
    kh, kw = k.shape
    top, bottom, left, right = _resolve_padding(padding, (h, w), (kh, kw), (s_h, s_w), (d_h, d_w))
    _check_fits((h + top + bottom, w + left + right), (kh, kw), (d_h, d_w), kernel)
    oh = (h + top + bottom - (kh - 1) * d_h - 1) // s_h + 1
    ow = (w + left + right - (kw - 1) * d_w - 1) // s_w + 1
    C = np.zeros((oh * ow, h * w))
    for i in range(oh):
        for j in range(ow):
            for a in range(kh):
                for b in range(kw):
                    r = i * s_h + a * d_h - top      # input row read by tap (a, b)
                    c = j * s_w + b * d_w - left     # input column
                    if 0 <= r < h and 0 <= c < w:    # outside: a padded zero
                        C[i * ow + j, r * w + c] += k[a, b]
    return C


__all__ = [
    "conv2d", "pad2d", "max_pool2d", "avg_pool2d", "conv_transpose2d", "conv_matrix",
    "conv_output_size", "pool_output_size", "transposed_output_size", "same_padding",
    "keras_output_size", "keras_transposed_output_size", "effective_kernel_size",
    "GUIDE_RELATIONSHIPS", "guide_relationship",
]
