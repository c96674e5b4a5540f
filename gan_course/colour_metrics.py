"""Three numbers that say what a colour GAN's samples look like, next to the real pictures.

* :func:`checkerboard_ratio` — power at the Nyquist frequencies (the finest pattern a grid of pixels can
  hold: one pixel on, one off), generated ÷ real.  1.0 means "as textured as the data"; the checkerboard
  of a transposed convolution pushes it far above 1.
* :func:`background_share` — the share of border pixels that have the background colour (emoji and
  icons sit on white: their border is ≈ 100 % white; garbage backgrounds or a brown square are not).
* :func:`colourfulness` — Hasler and Süsstrunk's colourfulness (2003): 0 for grey pictures, ≈ 15
  "slightly", ≈ 33 "moderately", ≈ 59 "quite", ≥ 82 "highly" colourful.

All take images as the course stores them: uint8 in [0, 255] or float in [-1, 1], ``(N, H, W)`` or
``(N, H, W, C)`` with ``C`` 1 or 3.  Visto en 09 §Una medida del color, §Limpiar los datos y §Medir lo que se ve.
"""
from __future__ import annotations

import numbers

import numpy as np

from .i18n import arg_error, register, t
from .images import parse_colour

__all__ = ["checkerboard_ratio", "background_share", "colourfulness"]

register({
    "colour_metrics.expected_images": {
        "es": "imágenes uint8 [0, 255] o float en [-1, 1] (sin NaN), (N, H, W) o (N, H, W, C) con C = 1 o 3, "
              "N ≥ 1 y lados ≥ 2",
        "pt": "imagens uint8 [0, 255] ou float em [-1, 1] (sem NaN), (N, H, W) ou (N, H, W, C) com C = 1 ou 3, "
              "N ≥ 1 e lados ≥ 2",
    },
    "colour_metrics.expected_same_size": {
        "es": "imágenes del mismo alto y ancho que `real` ({h}×{w})",
        "pt": "imagens da mesma altura e largura que `real` ({h}×{w})",
    },
    "colour_metrics.expected_tol": {"es": "un número entre 0 y 255", "pt": "um número entre 0 e 255"},
    "colour_metrics.expected_border": {
        "es": "un entero entre 1 y la mitad del lado menor ({most})",
        "pt": "um inteiro entre 1 e a metade do lado menor ({most})",
    },
})


def _pixels(name: str, images) -> np.ndarray:
    """``images`` as float64 ``(N, H, W, C)`` on the [0, 255] scale, or a ``ValueError`` naming ``name``."""
    if isinstance(images, (str, bytes)) or images is None:
        raise arg_error(name, images, "colour_metrics.expected_images")
    try:
        x = np.asarray(images)
    except ValueError:  # ragged lists
        raise arg_error(name, images, "colour_metrics.expected_images") from None
    if x.ndim == 3:
        x = x[..., None]
    ok = x.ndim == 4 and x.shape[0] >= 1 and min(x.shape[1:3]) >= 2 and x.shape[3] in (1, 3)
    if ok and x.dtype == np.uint8:
        return x.astype(np.float64)
    ok = ok and np.issubdtype(x.dtype, np.floating) and bool(np.all(np.isfinite(x))) \
        and x.min() >= -1.0 - 1e-3 and x.max() <= 1.0 + 1e-3
    if not ok:
        raise arg_error(name, images, "colour_metrics.expected_images")
    return (np.clip(x.astype(np.float64), -1.0, 1.0) + 1.0) * 127.5


def _nyquist_power(x: np.ndarray) -> float:
    """Mean (over images and channels) share of the mean square pixel value carried by the Nyquist row
    ``H/2`` and column ``W/2`` of the 2-D discrete Fourier transform (for an odd side: the highest
    frequency, ``H//2``)."""
    h, w = x.shape[1:3]
    power = np.abs(np.fft.fft2(x / 127.5 - 1.0, axes=(1, 2))) ** 2 / float(h * w) ** 2  # Parseval: sums to mean(x²)
    lines = power[:, h // 2, :, :].sum(axis=1) + power[:, :, w // 2, :].sum(axis=1) - power[:, h // 2, w // 2, :]
    return float(lines.mean())


def checkerboard_ratio(generated, real) -> float:
    """Spectral power at the Nyquist frequencies, averaged over images, of ``generated`` divided by that of
    ``real`` (same height and width; pixels on the [-1, 1] scale).

    The Nyquist row and column of the 2-D Fourier transform hold the patterns that flip sign from one
    pixel to the next — the checkerboard a stride-2 transposed convolution paints.  1.0: as much of it as
    in the data; ≫ 1: a checkerboard texture; < 1: smoother than the data.  Two identical sets give
    exactly 1.0 (and so do two sets with no power there at all); a set with power there against real
    images with none gives ``inf``.  Visto en 03 §Artefactos de tablero de ajedrez (medido en 09).
    """
    fake, true = _pixels("generated", generated), _pixels("real", real)
    if fake.shape[1:3] != true.shape[1:3]:
        raise arg_error("generated", generated, t("colour_metrics.expected_same_size",
                                                  h=true.shape[1], w=true.shape[2]))
    p_fake, p_real = _nyquist_power(fake), _nyquist_power(true)
    if p_real == 0.0:
        return 1.0 if p_fake == 0.0 else float("inf")
    return p_fake / p_real


def background_share(images, colour=(255, 255, 255), tol: float = 16, *, border: int = 1) -> float:
    """The share of border pixels (the outer ``border`` rows and columns of every image) whose colour is
    within ``tol`` (on the 0–255 scale, every channel) of ``colour`` — a name, ``"#rrggbb"`` or an
    ``(r, g, b)`` tuple; grey images compare with the colour's grey (ITU-R 601 luma).

    Real emoji on white give ≈ 1; pictures loaded without compositing their transparency, or a generator
    that paints a coloured square, give much less.  Visto en 09 §La trampa de la transparencia.
    """
    x = _pixels("images", images)
    rgb = np.array(parse_colour("colour", colour), np.float64)
    if not isinstance(tol, numbers.Real) or isinstance(tol, bool) or not 0 <= tol <= 255:
        raise arg_error("tol", tol, "colour_metrics.expected_tol")
    h, w = x.shape[1:3]
    most = min(h, w) // 2
    if not isinstance(border, (int, np.integer)) or isinstance(border, bool) or not 1 <= border <= most:
        raise arg_error("border", border, t("colour_metrics.expected_border", most=most))
    target = rgb if x.shape[3] == 3 else np.array([rgb @ [0.299, 0.587, 0.114]])
    close = np.all(np.abs(x - target) <= tol + 1e-9, axis=-1)          # (N, H, W)
    ring = np.ones((h, w), bool)
    ring[border:h - border, border:w - border] = False
    return float(close[:, ring].mean())


def colourfulness(images) -> float:
    """Hasler and Süsstrunk's colourfulness, averaged over images (pixels on the 0–255 scale).

    With ``rg = R − G`` and ``yb = (R + G) / 2 − B`` over each image's pixels,
    ``M = √(σ_rg² + σ_yb²) + 0.3 √(μ_rg² + μ_yb²)``.  Grey images (``R = G = B``, or one channel) give 0;
    a plain red image ≈ 85.5.  Their scale: ≈ 15 slightly, 33 moderately, 45 averagely, 59 quite,
    82 highly, 109 extremely colourful.  A GAN whose samples score far below the data has lost colour.
    Visto en 09 §Una medida del color.
    """
    x = _pixels("images", images)
    if x.shape[3] == 1:
        return 0.0
    r, g, b = x[..., 0], x[..., 1], x[..., 2]
    rg, yb = r - g, 0.5 * (r + g) - b
    axes = (1, 2)
    spread = np.sqrt(rg.std(axis=axes) ** 2 + yb.std(axis=axes) ** 2)
    mean = np.sqrt(rg.mean(axis=axes) ** 2 + yb.mean(axis=axes) ** 2)
    return float(np.mean(spread + 0.3 * mean))
