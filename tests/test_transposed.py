"""gan_course.transposed: the transposed convolution as a convolution, overlaps, checkerboards, the stacks."""
import numpy as np
import pytest
from student_errors import assert_names

from gan_course import conv, i18n, transposed
from gan_course._tf import keras, tf

ATOL = 1e-5


def test_insert_zeros():
    x = np.arange(1, 5, dtype=float).reshape(2, 2)
    assert transposed.insert_zeros(x, 1).tolist() == x.tolist()
    assert transposed.insert_zeros(x, 3).tolist() == [[1, 0, 0, 2], [0, 0, 0, 0], [0, 0, 0, 0], [3, 0, 0, 4]]
    assert transposed.insert_zeros(np.ones((3, 2)), 2).shape == (5, 3)


def test_transposed_as_conv_equals_conv_transpose2d():
    rng = np.random.default_rng(0)
    for _ in range(40):
        k = int(rng.integers(1, 6))
        s = int(rng.integers(1, 4))
        p = int(rng.integers(0, k))
        a = int(rng.integers(0, s))
        h = int(rng.integers(1, 6))
        if s * (h - 1) + k + a - 2 * p < 1:
            continue
        x = rng.normal(size=(h, h))
        w = rng.normal(size=(k, k))
        canvas, rotated, mine = transposed.transposed_as_conv(x, w, s, p, a, details=True)
        np.testing.assert_allclose(mine, conv.conv_transpose2d(x, w, stride=s, padding=p, output_padding=a),
                                   atol=1e-12)
        np.testing.assert_array_equal(rotated, w[::-1, ::-1])
        assert canvas.shape[0] == s * (h - 1) + 1 + 2 * (k - p - 1) + a
        assert mine.shape == (conv.transposed_output_size(h, k, s, p, a),) * 2


@pytest.mark.parametrize("k,s,p", [(3, 1, 0), (3, 2, 1), (4, 2, 1), (5, 2, 2), (3, 3, 0)])
def test_transposed_as_conv_equals_tensorflow(k, s, p):
    rng = np.random.default_rng(k * 10 + s)
    x = rng.normal(size=(4, 4)).astype(np.float32)
    w = rng.normal(size=(k, k)).astype(np.float32)
    o = conv.transposed_output_size(4, k, s, p)
    theirs = tf.nn.conv2d_transpose(x[None, :, :, None], w[:, :, None, None], output_shape=[1, o, o, 1],
                                    strides=s, padding=[[0, 0], [p, p], [p, p], [0, 0]])
    np.testing.assert_allclose(transposed.transposed_as_conv(x, w, s, p), theirs[0, :, :, 0], atol=ATOL)


@pytest.mark.parametrize("k", range(1, 7))
@pytest.mark.parametrize("s", [1, 2, 3])
def test_overlap_is_even_inside_exactly_when_k_is_divisible_by_s(k, s):
    counts = transposed.overlap(k, s, n=8)
    assert counts.shape == ((8 - 1) * s + k,) * 2
    inner = counts[k: -k, k: -k]                  # away from the border
    assert inner.size
    assert (inner.min() == inner.max()) == (k % s == 0)
    assert inner.max() == np.ceil(k / s) ** 2 and inner.min() == np.floor(k / s) ** 2
    assert counts.sum() == 64 * k * k             # every input pixel scatters k·k ones


def test_three_by_three_stride_two_gives_one_two_four():
    counts = transposed.overlap(3, 2, n=4)
    assert counts[1:-1, 1:-1][:3, :3].tolist() == [[1, 2, 1], [2, 4, 2], [1, 2, 1]]


def test_upsample_nearest_and_resize_conv():
    x = np.arange(6.0).reshape(2, 3)
    up = transposed.upsample_nearest(x, 2)
    theirs = keras.layers.UpSampling2D(2)(x[None, :, :, None].astype(np.float32))[0, :, :, 0]
    np.testing.assert_array_equal(up, theirs)
    y = transposed.resize_conv(np.ones((5, 5)), np.ones((3, 3)), 3)
    assert y.shape == (15, 15) and np.all(y[1:-1, 1:-1] == 9)


def test_phase_taps_are_the_two_sums_of_a_three_tap_kernel():
    w0, w1, w2 = 0.3, -1.7, 2.9
    np.testing.assert_allclose(transposed.phase_taps([w0, w1, w2]), [[w0, w1 + w2, 0], [0, w0 + w1, w2]])
    np.testing.assert_array_equal(transposed.phase_taps([0, 1, -1]), [[0, 0, 0], [0, 1, -1]])
    # a 5-tap kernel after a ×2 resize: written out from u[2j + p + d] = x[(2j + p + d) // 2]
    w = np.array([1.0, 2.0, 3.0, 4.0, 5.0])
    np.testing.assert_allclose(transposed.phase_taps(w), [[w[0] + w[1], w[2] + w[3], w[4]],
                                                          [w[0], w[1] + w[2], w[3] + w[4]]])
    # ×3, 3 taps: the middle phase sees only x[j] (all three taps), the outer ones a neighbour
    np.testing.assert_allclose(transposed.phase_taps([1.0, 2.0, 4.0], 3), [[1, 6, 0], [0, 7, 0], [0, 3, 4]])


def test_phase_taps_predict_a_resize_convolution_of_a_random_signal():
    rng = np.random.default_rng(3)
    x, w = rng.normal(size=9), rng.normal(size=3)
    y = np.correlate(np.repeat(x, 2), w, mode="same")
    taps = transposed.phase_taps(w)
    for j in range(1, 8):
        for p in (0, 1):
            assert np.isclose(y[2 * j + p], taps[p] @ x[j - 1: j + 2])


def test_the_counter_example_draws_a_nyquist_pattern_only_where_the_input_changes():
    w = np.outer([0, 1, 0], [0.0, 0.5, -0.5])
    flat = transposed.resize_conv(np.full((6, 6), 0.4), w)
    assert np.all(flat[1:-1, 1:-1] == 0)                              # a constant input is safe
    ramp = transposed.resize_conv(np.tile(np.linspace(0, 1, 6), (6, 1)), w)
    inner = ramp[2:-2, 2:-2]
    assert np.all(inner[:, 0::2] == 0) and np.allclose(inner[:, 1::2], -0.1)   # a gradient is not
    assert transposed.unevenness(ramp, 2, border=2) == 1.0


@pytest.mark.parametrize("factor,shape", [(2, (5, 7)), (3, (4, 4)), (1, (3, 2))])
def test_upsample_bilinear_equals_keras(factor, shape):
    x = np.random.default_rng(factor).normal(size=shape)
    theirs = keras.layers.UpSampling2D(factor, interpolation="bilinear")(x[None, :, :, None].astype(np.float32))
    np.testing.assert_allclose(transposed.upsample_bilinear(x, factor), np.asarray(theirs)[0, :, :, 0], atol=1e-5)


def test_bilinear_times_two_is_nearest_then_a_fixed_one_two_one_kernel():
    x = np.random.default_rng(0).normal(size=(6, 6))
    smooth = np.outer([1, 2, 1], [1, 2, 1]) / 16
    padded = np.pad(transposed.upsample_nearest(x, 2), 1, mode="edge")
    np.testing.assert_allclose(transposed.upsample_bilinear(x, 2), conv.conv2d(padded, smooth), atol=1e-12)


def test_phase_means_and_unevenness():
    flat = np.full((8, 8), 3.0)
    assert transposed.unevenness(flat, 2) == 0.0
    board = np.indices((8, 8)).sum(axis=0) % 2 + 1.0          # 1, 2, 1, 2 …
    np.testing.assert_array_equal(transposed.phase_means(board, 2), [[1, 2], [2, 1]])
    assert transposed.unevenness(board, 2) == 0.5
    counts = transposed.overlap(3, 2, n=8)
    np.testing.assert_array_equal(transposed.phase_means(counts, 2, border=2), [[4, 2], [2, 1]])
    assert transposed.unevenness(transposed.overlap(4, 2, n=8), 2, border=4) == 0.0
    assert transposed.unevenness(np.zeros((4, 4)), 2) == 0.0


@pytest.mark.parametrize("kind", transposed.STACK_KINDS)
def test_upsampling_stacks_double_three_times(kind):
    model = transposed.upsampling_stack(kind, layers=3, channels=4, seed=1)
    y = model(np.ones((2, 4, 4, 4), np.float32), training=False).numpy()
    assert y.shape == (2, 32, 32, 1)
    again = transposed.upsampling_stack(kind, layers=3, channels=4, seed=1)(np.ones((1, 4, 4, 4), np.float32),
                                                                        training=False).numpy()
    np.testing.assert_allclose(again[0], y[0], atol=1e-6)          # the seed fixes the weights
    strength = transposed.unevenness(y[0, :, :, 0], 8, border=8)
    if kind == "resize":
        assert strength < 1e-5          # a constant input stays constant inside: no pattern at all
    else:
        assert strength > 0.3           # random transposed-convolution weights draw a periodic pattern


def test_bad_arguments_name_themselves():
    with pytest.raises(ValueError, match="padding"):
        transposed.transposed_as_conv(np.ones((2, 2)), np.ones((3, 3)), 2, padding=3)
    with pytest.raises(ValueError, match="output_padding"):
        transposed.transposed_as_conv(np.ones((2, 2)), np.ones((3, 3)), 2, output_padding=2)
    with pytest.raises(ValueError, match="stride"):
        transposed.insert_zeros(np.ones((2, 2)), 0)
    with pytest.raises(ValueError, match="kernel"):
        transposed.transposed_as_conv(np.ones((2, 2)), np.ones((3, 2)))
    with pytest.raises(ValueError, match="x"):
        transposed.upsample_nearest(np.ones(4))
    with pytest.raises(ValueError, match="kind"):
        transposed.upsampling_stack("deconv")
    with i18n.language("pt"):
        with pytest.raises(ValueError, match="'transposed3', 'transposed4' ou 'resize'"):
            transposed.upsampling_stack("deconv")


@pytest.mark.parametrize("call,name", [
    (lambda: transposed.insert_zeros(np.ones((2, 2, 2)), 2), "x"),
    (lambda: transposed.overlap(0, 2), "k"),
    (lambda: transposed.overlap(3, 2, padding=-1), "padding"),
    (lambda: transposed.upsample_nearest(np.ones((2, 2)), 1.5), "factor"),
    (lambda: transposed.resize_conv(np.ones((4, 4)), np.ones(3)), "kernel"),
    (lambda: transposed.phase_taps(np.ones(4)), "kernel"),
    (lambda: transposed.phase_taps(np.ones((3, 3))), "kernel"),
    (lambda: transposed.phase_taps(np.ones(3), 0), "factor"),
    (lambda: transposed.upsample_bilinear(np.ones(4)), "x"),
    (lambda: transposed.upsample_bilinear(np.ones((2, 2)), 0), "factor"),
    (lambda: transposed.phase_means(np.ones((4, 4)), 0), "period"),
    (lambda: transposed.phase_means(np.ones((4, 4)), 2, border=-1), "border"),
    (lambda: transposed.phase_means(np.ones((2, 2)), 2, border=2), "y"),
    (lambda: transposed.unevenness([["a"]], 2), "y"),
    (lambda: transposed.upsampling_stack("resize", layers=0), "layers"),
    (lambda: transposed.upsampling_stack("resize", seed=-1), "seed"),
    (lambda: transposed.plot_maps([np.ones((2, 2))]), "maps"),
    (lambda: transposed.plot_maps({"a": np.ones(3)}), "maps['a']"),
    (lambda: transposed.plot_maps({"a": np.ones((2, 2))}, size=0), "size"),
])
def test_more_bad_inputs_name_the_argument(call, name):
    assert_names(call, name)
