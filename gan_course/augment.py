"""What D is shown: augmentations of real *and* generated images before the discriminator.

* :func:`translate` — ADA's translation (Karras et al. 2020): each image moved by a few pixels, the uncovered strip
  filled with the colour of the image's border; :func:`next_p` — ADA's rule for the probability of augmenting.
* :func:`diffaugment` — DiffAugment (Zhao et al. 2020), policy "color,translation,cutout", on every image.

Every function is differentiable in the images (G learns through them) and draws its randomness through a
``uniform(*shape, **kw)`` callable that returns one row per image, so :class:`gan_course.step.GAN` keeps a single
seeded noise generator (and one draw for the whole batch under ``tf.distribute``).  Float32 in [-1, 1], NHWC.
Visto en 09 §Aumentar los datos.
"""
from __future__ import annotations

from ._tf import tf

SPEED_IMAGES = 100_000.0  # ADA: p can move by 1 every this many images
MAX_P = 0.8


def border_colour(images):
    """The mean colour of each image's outermost ring of pixels, shaped ``(n, 1, 1, c)``: what a shifted image is
    padded with (the background: -1 for the digits, white for the emoji).  Visto en 09 §Aumentar los datos."""
    ring = tf.concat([images[:, 0], images[:, -1], images[:, :, 0], images[:, :, -1]], axis=1)   # (n, 2h + 2w, c)
    return tf.reduce_mean(ring, axis=1)[:, None, None, :]


def translate(images, shift, max_shift: int):
    """Each image moved by its ``shift`` (int32 ``(n, 2)``: rows, columns; each in ``[-max_shift, max_shift]``),
    the uncovered strip filled with :func:`border_colour`.  Visto en 09 §Aumentar los datos."""
    s = int(max_shift)
    h, w = images.shape[1], images.shape[2]
    border = border_colour(images)
    padded = tf.pad(images - border, [[0, 0], [s, s], [s, s], [0, 0]]) + border
    rows = tf.range(h)[None, :] + s - shift[:, :1]             # (n, h)
    cols = tf.range(w)[None, :] + s - shift[:, 1:]             # (n, w)
    out = tf.gather(padded, rows, axis=1, batch_dims=1)         # (n, h, w + 2s, c)
    return tf.gather(out, cols, axis=2, batch_dims=1)           # (n, h, w, c)


def next_p(p, real_logits, n, target: float, overfit=None):
    """ADA's rule: ``p ± n / SPEED_IMAGES`` — up while ``E[sign D(x)] > target`` (D too sure of the real images),
    down otherwise — clipped to ``[0, MAX_P]``.  ``overfit`` replaces ``E[sign D(x)]`` when it was already
    averaged over the replicas.  Visto en 09 §Aumentar los datos."""
    if overfit is None:
        overfit = tf.reduce_mean(tf.sign(real_logits))
    step = tf.cast(n, tf.float32) / SPEED_IMAGES
    return tf.clip_by_value(p + tf.where(overfit > target, step, -step), 0.0, MAX_P)


def diffaugment(x, uniform):
    """DiffAugment (Zhao et al. 2020), policy colour + translation + cutout, on every image.

    Colour: brightness ``+ U(-0.5, 0.5)``, saturation ``× U(0, 2)`` around each pixel's grey (colour images only),
    contrast ``× U(0.5, 1.5)`` around the image's mean.  Translation: up to 1/8 of the side, filled with the
    border's colour.  Cutout: a square of half the side set to 0, its centre anywhere in the image (near an edge,
    part of it sticks out).  ``uniform(*shape, **kw)``: one draw of ``shape`` per image.
    """
    h, w, c = x.shape[1], x.shape[2], x.shape[3]
    x = x + (uniform(1, 1, 1) - 0.5)
    if c > 1:
        grey = tf.reduce_mean(x, axis=3, keepdims=True)
        x = (x - grey) * (uniform(1, 1, 1) * 2.0) + grey
    mean = tf.reduce_mean(x, axis=[1, 2, 3], keepdims=True)
    x = (x - mean) * (uniform(1, 1, 1) + 0.5) + mean
    s = max(1, h // 8)
    x = translate(x, uniform(2, minval=-s, maxval=s + 1, dtype=tf.int32), s)
    size = (h // 2, w // 2)
    centre = tf.cast(tf.floor(uniform(2) * tf.constant([h + 1, w + 1], tf.float32)), tf.int32)
    corner = centre - tf.constant([size[0] // 2, size[1] // 2])
    r = tf.range(h)[None, :] - corner[:, :1]
    q = tf.range(w)[None, :] - corner[:, 1:]
    in_r = tf.cast((r >= 0) & (r < size[0]), tf.float32)                               # (n, h)
    in_q = tf.cast((q >= 0) & (q < size[1]), tf.float32)                               # (n, w)
    hole = in_r[:, :, None] * in_q[:, None, :]
    return x * (1.0 - hole)[..., None]
