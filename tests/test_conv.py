"""gan_course.conv against TensorFlow/Keras: values, shapes, the guide's 15 relationships, bad inputs."""
import numpy as np
import pytest

from gan_course import conv, i18n
from gan_course._tf import keras, tf

ATOL = 1e-5          # float32 TensorFlow vs float64 NumPy, values of order 1
N_RANDOM = 40        # seeded random cases per comparison


def _close(mine, theirs):
    theirs = np.asarray(theirs)
    assert mine.shape == theirs.shape, (mine.shape, theirs.shape)
    err = float(np.max(np.abs(mine - theirs))) if mine.size else 0.0
    assert err <= ATOL, err
    return err


def _tf_pad(top, bottom, left, right):
    return [[0, 0], [top, bottom], [left, right], [0, 0]]


def _random_conv_case(rng, dilated=False):
    """Random shapes/hyper-parameters for which the (dilated) kernel fits the padded input."""
    while True:
        n, c_in, c_out = rng.integers(1, 3), rng.integers(1, 4), rng.integers(1, 4)
        kh, kw = rng.integers(1, 5, size=2)
        h, w = rng.integers(1, 10, size=2)
        pads = tuple(int(p) for p in rng.integers(0, 3, size=4))
        if dilated:
            stride, dil = (1, 1), tuple(int(d) for d in rng.integers(1, 4, size=2))
        else:
            stride, dil = tuple(int(s) for s in rng.integers(1, 4, size=2)), (1, 1)
        eff = (kh + (kh - 1) * (dil[0] - 1), kw + (kw - 1) * (dil[1] - 1))
        if eff[0] <= h + pads[0] + pads[1] and eff[1] <= w + pads[2] + pads[3]:
            x = rng.normal(size=(n, h, w, c_in)).astype(np.float32)
            k = rng.normal(size=(kh, kw, c_in, c_out)).astype(np.float32)
            return x, k, stride, pads, dil


# --- conv2d ---------------------------------------------------------------------------------

def test_conv2d_matches_tf_nn_conv2d_with_explicit_padding():
    rng = np.random.default_rng(0)
    for _ in range(N_RANDOM):
        x, k, stride, pads, dil = _random_conv_case(rng)
        mine = conv.conv2d(x, k, stride=stride, padding=pads)
        theirs = tf.nn.conv2d(x, k, strides=[1, *stride, 1], padding=_tf_pad(*pads))
        _close(mine, theirs)


def test_conv2d_with_dilation_matches_tf():
    rng = np.random.default_rng(1)
    for _ in range(N_RANDOM // 2):
        x, k, _, pads, dil = _random_conv_case(rng, dilated=True)
        mine = conv.conv2d(x, k, padding=pads, dilation=dil)
        theirs = tf.nn.conv2d(x, k, strides=1, padding=_tf_pad(*pads), dilations=[1, *dil, 1])
        _close(mine, theirs)


@pytest.mark.parametrize("padding", ["valid", "same"])
def test_conv2d_same_and_valid_match_tf_strings(padding):
    rng = np.random.default_rng(2 if padding == "same" else 3)
    for _ in range(N_RANDOM // 2):
        h, w = rng.integers(4, 12, size=2)
        kh, kw = rng.integers(1, 5, size=2)
        s = tuple(int(v) for v in rng.integers(1, 4, size=2))
        x = rng.normal(size=(2, h, w, 2)).astype(np.float32)
        k = rng.normal(size=(kh, kw, 2, 3)).astype(np.float32)
        _close(conv.conv2d(x, k, stride=s, padding=padding),
               tf.nn.conv2d(x, k, strides=[1, *s, 1], padding=padding.upper()))


def test_conv2d_single_channel_2d_and_hwc_forms():
    rng = np.random.default_rng(4)
    x = rng.normal(size=(9, 7)).astype(np.float32)
    k = rng.normal(size=(3, 2)).astype(np.float32)
    y = conv.conv2d(x, k, stride=2, padding=1)
    assert y.ndim == 2
    _close(y, tf.nn.conv2d(x[None, :, :, None], k[:, :, None, None], 2, _tf_pad(1, 1, 1, 1))[0, :, :, 0])
    xc = rng.normal(size=(6, 6, 3)).astype(np.float32)
    kc = rng.normal(size=(3, 3, 3, 4)).astype(np.float32)
    _close(conv.conv2d(xc, kc, padding="same"), tf.nn.conv2d(xc[None], kc, 1, "SAME")[0])


def test_conv2d_padding_forms_agree():
    rng = np.random.default_rng(5)
    x = rng.normal(size=(1, 6, 7, 1))
    k = rng.normal(size=(3, 3, 1, 1))
    a = conv.conv2d(x, k, padding=(1, 2))
    np.testing.assert_allclose(a, conv.conv2d(x, k, padding=(1, 1, 2, 2)))
    np.testing.assert_allclose(a, conv.conv2d(x, k, padding=((1, 1), (2, 2))))
    np.testing.assert_allclose(conv.conv2d(x, k, padding=1), conv.conv2d(x, k, padding="same"))
    np.testing.assert_allclose(conv.conv2d(x, k, padding=0), conv.conv2d(x, k, padding="valid"))


def test_conv2d_equals_keras_conv2d_layer_values_and_shapes():
    rng = np.random.default_rng(6)
    for padding, s, k in [("same", 1, 3), ("same", 2, 3), ("same", 2, 4), ("valid", 2, 5), ("valid", 3, 2)]:
        layer = keras.layers.Conv2D(3, k, strides=s, padding=padding, use_bias=False)
        x = rng.normal(size=(2, 11, 10, 2)).astype(np.float32)
        layer.build(x.shape)
        w = rng.normal(size=(k, k, 2, 3)).astype(np.float32)
        layer.set_weights([w])
        _close(conv.conv2d(x, w, stride=s, padding=padding), layer(x, training=False))


# --- padding and pooling --------------------------------------------------------------------

def test_pad2d_matches_keras_zero_padding():
    rng = np.random.default_rng(7)
    x = rng.normal(size=(2, 4, 5, 3)).astype(np.float32)
    ours = conv.pad2d(x, (1, 2, 0, 3))
    theirs = keras.layers.ZeroPadding2D(((1, 2), (0, 3)))(x)
    _close(ours, theirs)
    two_d = conv.pad2d(np.ones((2, 2)), 1, value=-1)
    assert two_d.shape == (4, 4) and two_d[0, 0] == -1 and two_d[1, 1] == 1


@pytest.mark.parametrize("padding", ["valid", "same"])
def test_pooling_matches_tf(padding):
    rng = np.random.default_rng(8 if padding == "valid" else 9)
    for _ in range(N_RANDOM):
        h, w = rng.integers(3, 12, size=2)
        size = tuple(int(v) for v in rng.integers(1, 4, size=2))
        stride = tuple(int(v) for v in rng.integers(1, 4, size=2))
        x = rng.normal(size=(2, h, w, 3)).astype(np.float32)
        _close(conv.max_pool2d(x, size, stride, padding),
               tf.nn.max_pool2d(x, size, stride, padding.upper()))
        _close(conv.avg_pool2d(x, size, stride, padding),
               tf.nn.avg_pool2d(x, size, stride, padding.upper()))


def test_pool_stride_defaults_to_size_like_keras():
    rng = np.random.default_rng(10)
    x = rng.normal(size=(1, 9, 8, 2)).astype(np.float32)
    _close(conv.max_pool2d(x, 2), keras.layers.MaxPooling2D(2)(x))
    _close(conv.avg_pool2d(x, 3), keras.layers.AveragePooling2D(3)(x))
    _close(conv.avg_pool2d(x, 3, padding="same"), keras.layers.AveragePooling2D(3, padding="same")(x))
    assert conv.max_pool2d(np.arange(16.0).reshape(4, 4), 2).tolist() == [[5.0, 7.0], [13.0, 15.0]]


# --- transposed convolution -----------------------------------------------------------------

def _output_padding(x, k, stride, pads, dil=(1, 1)):
    """The a = (i + 2p - k) mod s that takes the transpose back to x's exact size (relationship 14)."""
    return tuple((x.shape[1 + ax] + pads[2 * ax] + pads[2 * ax + 1]
                  - conv.effective_kernel_size(k.shape[ax], dil[ax])) % stride[ax] for ax in range(2))


def test_conv_transpose2d_matches_tf_nn_conv2d_transpose():
    rng = np.random.default_rng(11)
    for _ in range(N_RANDOM):
        x, k, stride, pads, _ = _random_conv_case(rng)
        # tf.nn.conv2d_transpose takes the forward kernel (kh, kw, C_in, C_out) as it is:
        # for the transpose that is (kh, kw, its C_out, its C_in)
        y = rng.normal(size=conv.conv2d(x, k, stride, pads).shape).astype(np.float32)
        mine = conv.conv_transpose2d(y, k, stride=stride, padding=pads,
                                     output_padding=_output_padding(x, k, stride, pads))
        assert mine.shape == x.shape
        theirs = tf.nn.conv2d_transpose(y, k, output_shape=mine.shape, strides=[1, *stride, 1],
                                        padding=_tf_pad(*pads))
        _close(mine, theirs)


def test_conv_transpose2d_is_the_gradient_of_conv2d():
    """The transpose of a convolution is its gradient with respect to the input."""
    rng = np.random.default_rng(12)
    for _ in range(N_RANDOM // 4):
        x, k, stride, pads, dil = _random_conv_case(rng)
        xv = tf.Variable(x)
        g = rng.normal(size=conv.conv2d(x, k, stride, pads).shape).astype(np.float32)
        with tf.GradientTape() as tape:
            loss = tf.reduce_sum(tf.nn.conv2d(xv, k, strides=[1, *stride, 1], padding=_tf_pad(*pads)) * g)
        grad = tape.gradient(loss, xv).numpy()
        _close(conv.conv_transpose2d(g, k, stride, pads, _output_padding(x, k, stride, pads)), grad)


def test_dilated_conv_transpose2d():
    """TF on CPU has no dilated conv2d_transpose: compare with the zero-inserted kernel it stands for,
    and check <conv2d(x), g> == <x, conv_transpose2d(g)> with TF's dilated conv2d."""
    rng = np.random.default_rng(18)
    for _ in range(N_RANDOM // 4):
        x, k, stride, pads, dil = _random_conv_case(rng, dilated=True)
        g = rng.normal(size=conv.conv2d(x, k, stride, pads, dil).shape).astype(np.float32)
        mine = conv.conv_transpose2d(g, k, stride, pads, _output_padding(x, k, stride, pads, dil), dil)
        holes = np.zeros(((k.shape[0] - 1) * dil[0] + 1, (k.shape[1] - 1) * dil[1] + 1) + k.shape[2:], np.float32)
        holes[::dil[0], ::dil[1]] = k
        _close(mine, tf.nn.conv2d_transpose(g, holes, mine.shape, 1, _tf_pad(*pads)))
        forward = tf.nn.conv2d(x, k, 1, _tf_pad(*pads), dilations=[1, *dil, 1]).numpy()
        assert abs(np.sum(forward * g) - np.sum(x * mine)) <= 1e-4 * (1 + abs(np.sum(x * mine)))


@pytest.mark.parametrize("padding", ["valid", "same"])
def test_conv_transpose2d_matches_keras_conv2d_transpose(padding):
    rng = np.random.default_rng(13 if padding == "valid" else 14)
    for k, s, a in [(3, 2, None), (4, 2, None), (5, 2, None), (3, 1, None), (2, 3, None), (3, 2, 1),
                    (4, 2, 0), (3, 3, 2)]:
        if padding == "same" and a is not None and -(-(((6 - 1) * s) + k % 2 + a) // s) != 6:
            continue   # Keras itself cannot build this one
        x = rng.normal(size=(2, 6, 5, 3)).astype(np.float32)
        layer = keras.layers.Conv2DTranspose(4, k, strides=s, padding=padding, output_padding=a, use_bias=False)
        layer.build(x.shape)
        w = rng.normal(size=(k, k, 4, 3)).astype(np.float32)
        layer.set_weights([w])
        theirs = layer(x, training=False)
        _close(conv.conv_transpose2d(x, w, stride=s, padding=padding, output_padding=a), theirs)
        assert theirs.shape[1] == conv.keras_transposed_output_size(6, k, s, padding, a)


# --- the convolution as a matrix ------------------------------------------------------------

def test_conv_matrix_guide_example_4x16():
    w = np.arange(1.0, 10.0).reshape(3, 3)
    C = conv.conv_matrix(w, (4, 4))
    assert C.shape == (4, 16)
    first_row = [w[0, 0], w[0, 1], w[0, 2], 0, w[1, 0], w[1, 1], w[1, 2], 0, w[2, 0], w[2, 1], w[2, 2], 0, 0, 0, 0, 0]
    assert C[0].tolist() == first_row
    assert C[3].tolist() == [0] * 5 + first_row[:11]
    x = np.random.default_rng(15).normal(size=(4, 4))
    np.testing.assert_allclose(C @ x.ravel(), conv.conv2d(x, w).ravel())


def test_conv_matrix_and_its_transpose_on_random_cases():
    rng = np.random.default_rng(16)
    for _ in range(N_RANDOM):
        x4, k4, stride, pads, dil = _random_conv_case(rng)
        x, k = x4[0, :, :, 0].astype(np.float64), k4[:, :, 0, 0].astype(np.float64)
        C = conv.conv_matrix(k, x.shape, stride, pads)
        y = conv.conv2d(x, k, stride, pads)
        np.testing.assert_allclose(C @ x.ravel(), y.ravel(), atol=1e-12)
        g = rng.normal(size=y.shape)
        back = conv.conv_transpose2d(g, k, stride, pads, _output_padding(x4, k4, stride, pads))
        assert back.shape == x.shape
        np.testing.assert_allclose(C.T @ g.ravel(), back.ravel(), atol=1e-12)


# --- size rules -----------------------------------------------------------------------------

def test_keras_output_size_matches_keras_layers():
    for i in range(1, 13):
        for k in range(1, 6):
            for s in range(1, 4):
                for d in (1, 2):
                    for padding in ("valid", "same"):
                        if padding == "valid" and k + (k - 1) * (d - 1) > i:
                            continue
                        layer = keras.layers.Conv2D(1, k, strides=s, padding=padding, dilation_rate=d) \
                            if s == 1 or d == 1 else None
                        if layer is not None:
                            assert layer.compute_output_shape((None, i, i, 1))[1] == \
                                conv.keras_output_size(i, k, s, padding, d), (i, k, s, d, padding)
                        if d == 1 and k <= i:
                            pool = keras.layers.MaxPooling2D(k, strides=s, padding=padding)
                            assert pool.compute_output_shape((None, i, i, 1))[1] == \
                                conv.keras_output_size(i, k, s, padding), (i, k, s, padding)
                    if d == 1 and k <= i:
                        assert conv.keras_output_size(i, k, s, "same") == -(-i // s)
                        assert conv.pool_output_size(i, k, s) == \
                            keras.layers.MaxPooling2D(k, strides=s).compute_output_shape((None, i, i, 1))[1]


def test_same_padding_is_what_tf_adds():
    rng = np.random.default_rng(17)
    for i in range(1, 10):
        for k in range(1, 6):
            for s in range(1, 4):
                total, (before, after) = conv.same_padding(i, k, s)
                assert before + after == total and after - before in (0, 1)
                x = rng.normal(size=(1, i, 1, 1)).astype(np.float32)
                w = rng.normal(size=(k, 1, 1, 1)).astype(np.float32)
                explicit = conv.conv2d(x, w, (s, 1), (before, after, 0, 0))
                _close(explicit, tf.nn.conv2d(x, w, [1, s, 1, 1], "SAME"))
    assert conv.same_padding(5, 3, 1) == (2, (1, 1))        # half padding: floor(k/2) each side
    assert conv.same_padding(6, 3, 2) == (1, (0, 1))        # odd total: the extra zero at the end


def test_transposed_output_size_matches_keras_conv2d_transpose():
    for i in range(1, 8):
        for k in range(1, 6):
            for s in range(1, 4):
                for padding in ("valid", "same"):
                    for a in [None] + list(range(s)):
                        n = conv.keras_transposed_output_size(i, k, s, padding, a)
                        layer = keras.layers.Conv2DTranspose(1, k, strides=s, padding=padding, output_padding=a)
                        assert layer.compute_output_shape((None, i, i, 1))[1] == n
                        if padding == "valid":
                            assert n == conv.transposed_output_size(i, k, s, 0, a if a is not None else max(s - k, 0))
                for p in range(0, k):
                    for a in range(s):
                        if 2 * p >= s * (i - 1) + k + a:
                            with pytest.raises(ValueError):      # nothing left after cropping
                                conv.transposed_output_size(i, k, s, p, a)
                            continue
                        o = conv.transposed_output_size(i, k, s, p, a)
                        # the convolution (k, s, p) of an o-pixel input gives back i pixels
                        assert conv.conv_output_size(o, k, s, p) == i
                        assert (o + 2 * p - k) % s == a


# --- the guide's relationships, one named case each -----------------------------------------

GUIDE_IDS = [f"rel{r[0]:02d}_" + "_".join(f"{k}{v}" for k, v in r[3].items()) for r in conv.GUIDE_RELATIONSHIPS]


def test_the_guide_has_fifteen_relationships():
    assert sorted({r[0] for r in conv.GUIDE_RELATIONSHIPS}) == list(range(1, 16))


@pytest.mark.parametrize("row", conv.GUIDE_RELATIONSHIPS, ids=GUIDE_IDS)
def test_guide_relationship(row):
    number, _, kind, args, expected = row
    assert conv.guide_relationship(row) == expected
    rng = np.random.default_rng(100 + number)
    k, s, d = args["k"], args.get("s", 1), args.get("d", 1)
    p = args.get("p", 0)
    if kind == "conv":
        x = rng.normal(size=(1, args["i"], args["i"], 1)).astype(np.float32)
        w = rng.normal(size=(k, k, 1, 1)).astype(np.float32)
        y = conv.conv2d(x, w, s, p, d)
        assert y.shape[1:3] == (expected, expected)
        _close(y, tf.nn.conv2d(x, w, s, _tf_pad(p, p, p, p), dilations=d))
    elif kind == "pool":
        x = rng.normal(size=(1, args["i"], args["i"], 1)).astype(np.float32)
        y = conv.max_pool2d(x, k, s)
        assert y.shape[1:3] == (expected, expected)
        _close(y, keras.layers.MaxPooling2D(k, strides=s)(x))
    else:
        a = args.get("output_padding", 0)
        y = rng.normal(size=(1, args["i"], args["i"], 1)).astype(np.float32)
        w = rng.normal(size=(k, k, 1, 1)).astype(np.float32)
        out = conv.conv_transpose2d(y, w, s, p, a)
        assert out.shape[1:3] == (expected, expected)
        _close(out, tf.nn.conv2d_transpose(y, w, out.shape, s, _tf_pad(p, p, p, p)))
        # the forward convolution (k, s, p) maps the o'-pixel output back to i' pixels ...
        assert conv.conv_output_size(expected, k, s, p) == args["i"]
        # ... and the guide's "equivalent direct convolution": s-1 zeros between the inputs,
        # padding p' = k - p - 1 (plus a at the bottom/right), unit stride, the kernel rotated 180°
        stretched = np.zeros((1, s * (args["i"] - 1) + 1, s * (args["i"] - 1) + 1, 1), np.float32)
        stretched[:, ::s, ::s, :] = y
        q = k - p - 1
        direct = conv.conv2d(stretched, w[::-1, ::-1], 1, (q, q + a, q, q + a))
        _close(out, direct)


def test_guide_numerical_figures():
    """The guide's numerical figures: one 5×5 input and one 3×3 kernel in all four."""
    x = np.array([[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]], float)
    w = np.array([[0, 1, 2], [2, 2, 0], [0, 1, 2]], float)
    assert conv.conv2d(x, w).tolist() == [[12, 12, 17], [10, 17, 19], [9, 6, 14]]
    assert conv.conv2d(x, w, stride=2, padding=1).tolist() == [[6, 17, 3], [8, 17, 13], [6, 4, 4]]
    assert conv.max_pool2d(x, 3, 1).tolist() == [[3, 3, 3], [3, 3, 3], [3, 2, 3]]
    assert np.round(conv.avg_pool2d(x, 3, 1), 1).tolist() == [[1.7, 1.7, 1.7], [1.0, 1.2, 1.8], [1.1, 0.8, 1.3]]


# --- bad inputs -----------------------------------------------------------------------------

X2 = np.zeros((5, 5))
K2 = np.ones((3, 3))
X4 = np.zeros((1, 5, 5, 2))
K4 = np.ones((3, 3, 2, 4))

BAD = [
    ("stride", "0", lambda: conv.conv2d(X2, K2, stride=0)),
    ("stride", "-1", lambda: conv.conv2d(X2, K2, stride=(1, -1))),
    ("stride", "1.5", lambda: conv.conv2d(X2, K2, stride=1.5)),
    ("padding", "-1", lambda: conv.conv2d(X2, K2, padding=-1)),
    ("padding", "(1, 2, 3)", lambda: conv.conv2d(X2, K2, padding=(1, 2, 3))),
    ("padding", "'full'", lambda: conv.conv2d(X2, K2, padding="full")),
    ("padding", "'SAMEE'", lambda: conv.max_pool2d(X2, 2, padding="SAMEE")),
    ("kernel", "(7, 7)", lambda: conv.conv2d(X2, np.ones((7, 7)))),
    ("kernel", "(3, 3)", lambda: conv.conv2d(X2, K2, dilation=3)),
    ("kernel", "(3, 3, 3, 4)", lambda: conv.conv2d(X4, np.ones((3, 3, 3, 4)))),
    ("kernel", "(3, 3, 2, 4)", lambda: conv.conv2d(X2, K4)),
    ("kernel", "(3, 3)", lambda: conv.conv2d(X4, K2)),
    ("kernel", "(3, 3, 2)", lambda: conv.conv_matrix(np.ones((3, 3, 2)), (4, 4))),
    ("kernel", "(3, 3, 3, 3)", lambda: conv.conv_transpose2d(X4, np.ones((3, 3, 3, 3)))),
    ("x", "(5,)", lambda: conv.conv2d(np.zeros(5), K2)),
    ("dilation", "0", lambda: conv.conv2d(X2, K2, dilation=0)),
    ("size", "0", lambda: conv.max_pool2d(X2, 0)),
    ("size", "6", lambda: conv.avg_pool2d(X2, 6)),
    ("stride", "0", lambda: conv.avg_pool2d(X2, 2, stride=0)),
    ("output_padding", "2", lambda: conv.conv_transpose2d(X2, K2, stride=2, output_padding=2)),
    ("output_padding", "-1", lambda: conv.conv_transpose2d(X2, K2, stride=2, output_padding=-1)),
    ("padding", "9", lambda: conv.conv_transpose2d(X2, K2, padding=9)),
    ("input_shape", "(4,)", lambda: conv.conv_matrix(K2, (4,))),
    ("s", "0", lambda: conv.conv_output_size(5, 3, 0)),
    ("k", "6", lambda: conv.conv_output_size(5, 6)),
    ("p", "-1", lambda: conv.conv_output_size(5, 3, 1, -1)),
    ("d", "0", lambda: conv.conv_output_size(5, 3, 1, 0, 0)),
    ("k", "0", lambda: conv.pool_output_size(5, 0)),
    ("output_padding", "2", lambda: conv.transposed_output_size(3, 3, 2, 1, 2)),
    ("padding", "'full'", lambda: conv.keras_output_size(5, 3, 1, "full")),
    ("s", "0", lambda: conv.same_padding(5, 3, 0)),
    # found by the bad-input sweep
    ("x", "(0, 0)", lambda: conv.conv2d(np.zeros((0, 0)), K2)),           # the image is empty, not the kernel
    ("x", "'abc'", lambda: conv.conv2d("abc", K2)),
    ("x", "float64", lambda: conv.conv2d(np.full((5, 5), np.nan), K2)),
    ("kernel", "(0, 3)", lambda: conv.conv2d(X2, np.zeros((0, 3)))),
    ("stride", "1.5", lambda: conv.conv2d(X2, K2, stride=1.5)),
    ("stride", "True", lambda: conv.conv2d(X2, K2, stride=True)),
    ("value", "'a'", lambda: conv.pad2d(X2, 1, value="a")),
    ("padding", "1", lambda: conv.max_pool2d(X2, 2, padding=1)),
    ("padding", "1", lambda: conv.keras_output_size(5, 3, 1, 1)),
    ("i", "'5'", lambda: conv.same_padding("5", 3)),
    ("number_or_row", "16", lambda: conv.guide_relationship(16)),
    ("number_or_row", "0", lambda: conv.guide_relationship(0)),
    ("number_or_row", "'3'", lambda: conv.guide_relationship("3")),
]


@pytest.mark.parametrize("lang", ["es", "pt"])
@pytest.mark.parametrize("name,value,call", BAD, ids=[f"{b[0]}={b[1]}" for b in BAD])
def test_bad_inputs_name_the_argument(lang, name, value, call):
    with i18n.language(lang):
        with pytest.raises(ValueError) as info:
            call()
    msg = str(info.value)
    assert f"`{name}`" in msg, msg
    assert value in msg, msg
    assert ("se esperaba" if lang == "es" else "esperava-se") in msg, msg
