"""gan_course.augment: ADA's translation and rule, DiffAugment — against NumPy and hand-computed values."""
import numpy as np
import pytest

import gan_course as gc
from gan_course import augment, data, images, models, tf, train

DIGITS = data.to_float(data.mnist_split("train")[0][:32])


def _uniform(seed=0, n=32):
    """``uniform(*shape, **kw)`` as the trainer passes it: one draw of ``shape`` per image."""
    g = tf.random.Generator.from_seed(seed)
    return lambda *shape, **kw: g.uniform([n, *shape], **kw)


def _shift_numpy(image, dy, dx, s):
    border = np.concatenate([image[0], image[-1], image[:, 0], image[:, -1]]).mean(axis=0)
    padded = np.pad(image - border, ((s, s), (s, s), (0, 0))) + border
    h, w = image.shape[:2]
    return padded[s - dy:s - dy + h, s - dx:s - dx + w]


@pytest.mark.parametrize("picture", ["digits", "emoji"])
def test_translate_is_numpys_shift_filled_with_the_border_colour(picture):
    x = DIGITS[:6] if picture == "digits" else data.to_float(images.load_emoji(32)[::500][:6])
    shifts = np.array([[0, 0], [2, -1], [-2, 2], [1, 1], [-1, 0], [0, -2]], np.int32)
    out = augment.translate(tf.constant(x), tf.constant(shifts), 2).numpy()
    for a, b, (dy, dx) in zip(x, out, shifts):
        np.testing.assert_allclose(b, _shift_numpy(a, dy, dx, 2), atol=1e-6)
    np.testing.assert_array_equal(out[0], x[0])  # (0, 0) leaves the image as it is
    if picture == "emoji":  # the strip a shift uncovers is (near) white, as the emoji's background
        assert out[1, :2].min() > 0.9


def test_border_colour_is_the_mean_of_the_outer_ring():
    x = np.zeros((1, 4, 4, 3), np.float32)
    x[0, 0, :] = 1.0            # top row: 4 of the 16 ring entries (corners counted in a row and a column)
    got = augment.border_colour(tf.constant(x)).numpy()
    assert got.shape == (1, 1, 1, 3)
    np.testing.assert_allclose(got[0, 0, 0], [(4 + 2) / 16] * 3)  # the top row, plus its two corners again


def test_ada_rule_moves_p_by_the_images_seen_and_stays_in_its_range():
    sure, unsure = tf.fill([64, 1], 3.0), tf.fill([64, 1], -3.0)
    p = tf.constant(0.0)
    for _ in range(10):
        p = augment.next_p(p, sure, 64, 0.6)
    np.testing.assert_allclose(float(p), 640 / augment.SPEED_IMAGES, rtol=1e-5)
    assert float(augment.next_p(tf.constant(0.0), unsure, 64, 0.6)) == 0.0
    assert float(augment.next_p(tf.constant(augment.MAX_P), sure, 64, 0.6)) == pytest.approx(augment.MAX_P)
    half = tf.constant([[1.0], [1.0], [1.0], [-1.0]])  # E[sign] = 0.5: under a target of 0.6, p goes down
    assert float(augment.next_p(tf.constant(0.5), half, 4, 0.6)) < 0.5


def test_diffaugment_transforms_every_image_and_passes_gradients():
    """Zhao et al.'s policy on every image: colour, a shift filled with the border colour, a blank square."""
    x = tf.constant(DIGITS)
    out = augment.diffaugment(x, _uniform()).numpy()
    assert out.shape == x.shape and np.isfinite(out).all()
    assert all(not np.allclose(a, b) for a, b in zip(out, DIGITS))  # every image is changed
    zeros = (out == 0.0).reshape(32, -1).sum(axis=1)  # a 14×14 square, clipped at the edges: at least 7×7
    assert zeros.min() >= 7 * 7 and zeros.max() <= 14 * 14 + 28
    flat = augment.diffaugment(tf.fill([8, 28, 28, 1], 0.25), _uniform(1, n=8)).numpy()
    for a in flat:  # brightness, saturation and contrast keep a flat picture flat outside the hole
        outside = a[a != 0.0]
        assert outside.size and np.ptp(outside) < 1e-5
    with tf.GradientTape() as tape:
        tape.watch(x)
        total = tf.reduce_sum(augment.diffaugment(x, _uniform()) ** 2)
    assert np.abs(tape.gradient(total, x).numpy()).sum() > 0  # differentiable: G learns through it


def test_the_trainer_augments_what_d_sees():
    gc.seed_everything(0)
    gan = train.GAN(*models.build_pair("plain"), augment="diffaugment")
    assert float(gan.augment_p.numpy()) == 1.0  # always on: nothing adapts it
    assert not np.allclose(gan.augment(tf.constant(DIGITS[:4])).numpy(), DIGITS[:4])
    gan.train_step(tf.constant(DIGITS))
    off = train.GAN(*models.build_pair("plain"))
    np.testing.assert_array_equal(off.augment(tf.constant(DIGITS[:4])).numpy(), DIGITS[:4])
