"""Arithmetic in the latent space: a direction that changes one property of the drawings.

Radford et al. (2016, §6.3) averaged the z of a few "smiling woman" faces, subtracted the average z of
"neutral woman" faces, added that of "neutral man" faces and got a smiling man.  The same on digits, with a
property the course can measure without labels — how much ink a drawing has (:func:`ink`):

* :func:`direction` — mean z of the samples that score highest minus mean z of those that score lowest;
  the first ``keep`` numbers (a latent code that chooses the digit) are left at zero, so moving along the
  direction changes the drawing, not the digit;
* ``z + α · direction`` then draws the same digits with more (α > 0) or less (α < 0) of that property.

Visto en 07 §Aritmética.
"""
from __future__ import annotations

import numpy as np

from .i18n import arg_error, register
from .validate import check_float, check_int

register({
    "latent.expected_scores": {"es": "un número por vector latente ({n}), sin NaN",
                               "pt": "um número por vetor latente ({n}), sem NaN"},
})


def ink(images) -> np.ndarray:
    """Share of each image's pixels that is ink: the mean brightness in [0, 1] (float [-1, 1] or uint8)."""
    x = np.asarray(images)
    x = x.astype(np.float64) / 255.0 if x.dtype == np.uint8 else (x.astype(np.float64) + 1.0) / 2.0
    return x.reshape(len(x), -1).mean(axis=1)


def direction(z, scores, share: float = 0.1, keep: int = 0) -> np.ndarray:
    """Mean of the ``z`` rows whose ``scores`` are in the top ``share`` minus the mean of the bottom ``share``.

    ``keep`` — the first ``keep`` numbers of the result are set to 0 (a latent code: the digit stays).
    Returns a float32 vector of z's length.
    """
    z = np.asarray(z, np.float64)
    scores = np.asarray(scores, np.float64)
    if z.ndim != 2 or scores.shape != (len(z),) or not np.all(np.isfinite(scores)):
        raise arg_error("scores", scores.shape, "latent.expected_scores", n=len(z))
    share = check_float("share", share, minimum=0, maximum=0.5, low_open=True)
    keep = check_int("keep", keep, 0, z.shape[1] - 1)
    m = max(1, int(round(share * len(z))))
    order = np.argsort(scores, kind="stable")
    out = z[order[-m:]].mean(axis=0) - z[order[:m]].mean(axis=0)
    out[:keep] = 0.0
    return out.astype(np.float32)
