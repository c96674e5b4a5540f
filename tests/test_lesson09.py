"""Lesson 09 (a colour DCGAN): its exercises against answers worked out here, the cleaned emoji subset and the
resize-convolution generator."""
import numpy as np
import pytest

from gan_course import exercises, images, models

BY_HAND = {
    "09.1": [round(200 * 64 / 255), round(100 * 64 / 255), 0],      # a·c on black: [50, 25, 0]
    "09.2": 5 * 5 * 1024 * 512,                                      # 13 107 200, no bias
    "09.3": 2.0 ** 2,                                                # twice the amplitude, four times the power
}


def _composite_with_pillow(rgba, background):
    """Pillow's own compositing (a different implementation from the checker's float formula)."""
    from PIL import Image

    base = Image.new("RGBA", rgba.shape[1::-1], (*background, 255))
    base.alpha_composite(Image.fromarray(np.asarray(rgba, np.uint8), "RGBA"))
    return np.asarray(base.convert("RGB"))


def _nyquist_by_alternating_sums(batch):
    """The Nyquist row's power without an FFT: along y, the DFT at H/2 is the alternating sum Σ (−1)^y x; Parseval
    along x turns that row's |F|² sum into W·Σ_x (alternating sum)²; the column likewise, minus the shared corner."""
    x = np.asarray(batch, np.float64)
    h, w = x.shape[1:3]
    sy, sx = (-1.0) ** np.arange(h), (-1.0) ** np.arange(w)
    row = w * np.sum(np.einsum("nhwc,h->nwc", x, sy) ** 2, axis=1)
    col = h * np.sum(np.einsum("nhwc,w->nhc", x, sx) ** 2, axis=1)
    corner = np.einsum("nhwc,h,w->nc", x, sy, sx) ** 2
    return float(np.mean((row + col - corner) / float(h * w) ** 2))


def _nyquist_counting_the_corner_twice(batch):
    x = np.asarray(batch, np.float64)
    h, w = x.shape[1:3]
    power = np.abs(np.fft.fft2(x, axes=(1, 2))) ** 2 / float(h * w) ** 2
    return float((power[:, h // 2].sum(axis=1) + power[:, :, w // 2].sum(axis=1)).mean())


FUNCTIONS = {
    "09.4": (_composite_with_pillow, lambda rgba, background: np.asarray(rgba)[..., :3]),   # alpha dropped
    "09.5": (_nyquist_by_alternating_sums, _nyquist_counting_the_corner_twice),
}


def test_every_exercise_is_registered():
    assert exercises.keys("09") == sorted([*BY_HAND, *FUNCTIONS])


@pytest.mark.parametrize("key", sorted(BY_HAND))
def test_solution_matches_the_hand_computation_and_wrong_answers_fail(key):
    np.testing.assert_allclose(np.asarray(exercises.solution(key), float), np.asarray(BY_HAND[key], float))
    assert exercises.is_correct(key, BY_HAND[key])
    assert not exercises.is_correct(key, np.asarray(BY_HAND[key], float) + 1)
    assert not exercises.is_correct(key, None)


def test_the_compositing_exercise_accepts_pillow_and_rejects_dropping_alpha():
    right, wrong = FUNCTIONS["09.4"]
    assert exercises.is_correct("09.4", right)
    assert not exercises.is_correct("09.4", wrong)
    assert not exercises.is_correct("09.4", lambda rgba, background: 1 / 0)
    assert not exercises.is_correct("09.4", "a·c + (1 − a)·b")


def test_the_nyquist_exercise_accepts_an_fft_free_answer_and_rejects_the_double_corner():
    right, wrong = FUNCTIONS["09.5"]
    assert exercises.is_correct("09.5", right)
    assert not exercises.is_correct("09.5", wrong)
    assert not exercises.is_correct("09.5", lambda batch: float(np.mean(np.asarray(batch) ** 2)))   # all power
    assert not exercises.is_correct("09.5", 1.0)


def test_without_skin_tones_each_figure_stays_once_in_its_default_colour():
    names = images.emoji_names()
    x_all, y_all = images.load_emoji(32, with_labels=True)
    x, y = images.load_emoji(32, skin_tones=False, with_labels=True)
    variants = [n for n in names if ":" in n]
    assert len(names) == len(x_all) == 3786 and len(variants) == 1875
    assert len(x) == len(x_all) - len(variants)
    keep = np.array([":" not in n for n in names])
    np.testing.assert_array_equal(x, x_all[keep])
    np.testing.assert_array_equal(y, y_all[keep])
    assert "santa" in names and "santa:1F3FB" in names                 # the figure and one of its variants
    people = images.load_emoji(32, ["People & Body"], skin_tones=False)
    assert len(people) == int(np.sum(keep & (y_all == list(images.emoji_categories()).index("People & Body"))))
    with pytest.raises(ValueError, match="skin_tones"):
        images.load_emoji(32, skin_tones="no")


def _constant_response(upsample, kernel_size):
    """G's last upsampling layer alone, all-ones kernel, on a constant input: how uneven is the output?"""
    from gan_course import keras

    g = models.dcgan_generator((32, 32, 3), width=8, kernel_size=kernel_size, upsample=upsample, batch_norm=False)
    layer = g.get_layer("image")
    layer.kernel.assign(np.ones(layer.kernel.shape, np.float32))
    x = np.ones((1, 16, 16, 8), np.float32)
    if upsample == "resize":
        x = keras.layers.UpSampling2D(2)(x)
    if upsample == "resize":  # the layer's own convolution, without its bias and tanh
        y = layer.convolution_op(x, layer.kernel)
    else:
        y = keras.ops.conv_transpose(x, layer.kernel, strides=2, padding="same")
    y = np.asarray(y)[0, 6:-6, 6:-6, 0]
    return y.max() / y.min()


def test_resize_convolution_has_no_uneven_overlap_and_transposed_5x5_does():
    assert _constant_response("resize", 3) == pytest.approx(1.0)
    assert _constant_response("transpose", 5) > 1.4            # 9 vs 6 vs 4 contributions (lesson 03)
    g = models.build_pair("colour", (32, 32, 3))[0]
    kinds = {type(layer).__name__ for layer in g.layers}
    assert "Conv2DTranspose" not in kinds and "UpSampling2D" in kinds
    assert g.output.shape[1:] == (32, 32, 3)
    with pytest.raises(ValueError, match="upsample"):
        models.dcgan_generator((32, 32, 3), upsample="bilinear")
