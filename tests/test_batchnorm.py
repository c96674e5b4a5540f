"""gan_course.batchnorm against keras.layers.BatchNormalization and finite differences.

Forward (training mode), moving statistics after k steps, inference, gradients from
tf.GradientTape, a float64 finite-difference check, the training= pitfall, bad inputs.
"""
import numpy as np
import pytest
from student_errors import assert_names

from gan_course import batchnorm as bn
from gan_course import i18n
from gan_course._tf import keras, tf

ATOL = 1e-5   # float32 Keras vs float64 NumPy, relative to max(1, max |value|)

# (shape, channel axis): dense, NHWC convolutional, a batch of two, channels-first
CASES = [((8, 5), -1), ((4, 6, 6, 3), -1), ((2, 3), -1), ((16, 4, 4, 7), -1), ((5, 3, 4, 4), 1)]


def _close(mine, theirs):
    theirs = np.asarray(theirs)
    assert mine.shape == theirs.shape, (mine.shape, theirs.shape)
    err = float(np.max(np.abs(mine - theirs))) / max(1.0, float(np.max(np.abs(theirs))))
    assert err <= ATOL, err
    return err


def _layer(shape, axis, gamma, beta, **kwargs):
    layer = keras.layers.BatchNormalization(axis=axis, **kwargs)
    layer.build(shape)
    layer.gamma.assign(gamma.astype(np.float32))
    layer.beta.assign(beta.astype(np.float32))
    return layer


def _case(rng, shape, axis):
    """A batch far from mean 0 / variance 1, and random γ, β."""
    c = shape[axis]
    x = (rng.normal(size=shape) * rng.uniform(0.5, 3) + rng.normal(scale=2)).astype(np.float32)
    gamma = rng.normal(1.0, 0.5, size=c).astype(np.float32)
    beta = rng.normal(size=c).astype(np.float32)
    return x, gamma, beta


@pytest.mark.parametrize("shape,axis", CASES)
def test_forward_matches_keras_in_training_mode(shape, axis):
    rng = np.random.default_rng(0)
    for _ in range(3):
        x, gamma, beta = _case(rng, shape, axis)
        layer = _layer(shape, axis, gamma, beta)
        y, cache = bn.batchnorm_forward(x, gamma, beta, axis=axis)
        _close(y, layer(x, training=True))
        # the normalised x̂ has mean 0 and variance σ²/(σ² + ε) per channel
        red = tuple(a for a in range(x.ndim) if a != axis % x.ndim)
        np.testing.assert_allclose(cache["x_hat"].mean(axis=red), 0, atol=1e-9)
        np.testing.assert_allclose(cache["x_hat"].var(axis=red), cache["var"] / (cache["var"] + 1e-3), rtol=1e-9)


def test_forward_with_another_epsilon():
    rng = np.random.default_rng(1)
    x, gamma, beta = _case(rng, (6, 4), -1)
    x[:, 0] = 0.01 * x[:, 0]          # a tiny variance, where ε matters
    layer = _layer(x.shape, -1, gamma, beta, epsilon=1e-5)
    y, _ = bn.batchnorm_forward(x, gamma, beta, eps=1e-5)
    _close(y, layer(x, training=True))
    y_default, _ = bn.batchnorm_forward(x, gamma, beta)
    assert np.max(np.abs(y_default - y)) > 1e-2      # so the comparison above really tests ε


@pytest.mark.parametrize("momentum", [0.99, 0.9])
@pytest.mark.parametrize("shape,axis", [((8, 5), -1), ((4, 6, 6, 3), -1), ((5, 3, 4, 4), 1)])
def test_moving_statistics_after_k_steps(shape, axis, momentum):
    rng = np.random.default_rng(2)
    _, gamma, beta = _case(rng, shape, axis)
    layer = _layer(shape, axis, gamma, beta, momentum=momentum)
    c = shape[axis]
    moving_mean, moving_var = np.zeros(c), np.ones(c)           # Keras's initial values
    for _ in range(7):
        x = (rng.normal(size=shape) * 2 + 3).astype(np.float32)
        layer(x, training=True)
        _, cache = bn.batchnorm_forward(x, gamma, beta, axis=axis)
        moving_mean, moving_var = bn.update_moving(moving_mean, moving_var, cache["mean"], cache["var"],
                                                   momentum=momentum)
        _close(moving_mean, layer.moving_mean)
        _close(moving_var, layer.moving_variance)
    # Keras uses the biased variance (÷ m): the unbiased one (÷ m − 1, PyTorch's rule) would differ
    m = x.size // c
    unbiased = bn.update_moving(moving_mean, moving_var, cache["mean"], cache["var"] * m / (m - 1),
                                momentum=momentum)[1]
    layer(x, training=True)
    biased = bn.update_moving(moving_mean, moving_var, cache["mean"], cache["var"], momentum=momentum)[1]
    _close(biased, layer.moving_variance)
    assert np.max(np.abs(unbiased - layer.moving_variance.numpy())) > 1e-4


@pytest.mark.parametrize("shape,axis", CASES)
def test_inference_matches_keras(shape, axis):
    rng = np.random.default_rng(3)
    x, gamma, beta = _case(rng, shape, axis)
    layer = _layer(shape, axis, gamma, beta)
    c = shape[axis]
    moving_mean = rng.normal(size=c).astype(np.float32)
    moving_var = rng.uniform(0.1, 4, size=c).astype(np.float32)
    layer.moving_mean.assign(moving_mean)
    layer.moving_variance.assign(moving_var)
    y = bn.batchnorm_inference(x, moving_mean, moving_var, gamma, beta, axis=axis)
    _close(y, layer(x, training=False))
    # inference does not look at the rest of the batch: one example alone gives the same output
    one = bn.batchnorm_inference(x[:1], moving_mean, moving_var, gamma, beta, axis=axis)
    np.testing.assert_allclose(one, y[:1], atol=1e-12)
    # and leaves the moving statistics alone
    np.testing.assert_array_equal(layer.moving_mean.numpy(), moving_mean)


@pytest.mark.parametrize("shape,axis", CASES)
def test_backward_matches_gradient_tape(shape, axis):
    rng = np.random.default_rng(4)
    for _ in range(3):
        x, gamma, beta = _case(rng, shape, axis)
        layer = _layer(shape, axis, gamma, beta)
        dy = rng.normal(size=shape).astype(np.float32)       # L = Σ dy · y, so ∂L/∂y = dy
        x_tf = tf.constant(x)
        with tf.GradientTape() as tape:
            tape.watch(x_tf)
            loss = tf.reduce_sum(dy * layer(x_tf, training=True))
        dx_tf, dgamma_tf, dbeta_tf = tape.gradient(loss, [x_tf, layer.gamma, layer.beta])
        _, cache = bn.batchnorm_forward(x, gamma, beta, axis=axis)
        dx, dgamma, dbeta = bn.batchnorm_backward(dy, cache)
        _close(dx, dx_tf)
        _close(dgamma, dgamma_tf)
        _close(dbeta, dbeta_tf)


@pytest.mark.parametrize("shape,axis", [((5, 3), -1), ((3, 2, 2, 2), -1), ((3, 2, 3, 2), 1)])
def test_backward_matches_finite_differences(shape, axis):
    rng = np.random.default_rng(5)
    x, gamma, beta = (v.astype(np.float64) for v in _case(rng, shape, axis))
    dy = rng.normal(size=shape)

    def loss(x_, gamma_, beta_):
        return float(np.sum(dy * bn.batchnorm_forward(x_, gamma_, beta_, axis=axis)[0]))

    def numeric(f, v, h=1e-6):
        grad = np.zeros_like(v)
        for i in np.ndindex(v.shape):
            e = np.zeros_like(v)
            e[i] = h
            grad[i] = (f(v + e) - f(v - e)) / (2 * h)
        return grad

    _, cache = bn.batchnorm_forward(x, gamma, beta, axis=axis)
    dx, dgamma, dbeta = bn.batchnorm_backward(dy, cache)
    np.testing.assert_allclose(dx, numeric(lambda v: loss(v, gamma, beta), x), atol=1e-7, rtol=1e-5)
    np.testing.assert_allclose(dgamma, numeric(lambda v: loss(x, v, beta), gamma), atol=1e-7, rtol=1e-5)
    np.testing.assert_allclose(dbeta, numeric(lambda v: loss(x, gamma, v), beta), atol=1e-7, rtol=1e-5)
    # the gradient with respect to x sums to 0 in each channel: shifting a channel changes nothing
    red = tuple(a for a in range(x.ndim) if a != axis % x.ndim)
    np.testing.assert_allclose(dx.sum(axis=red), 0, atol=1e-10)


def test_forgetting_training_freezes_the_moving_statistics():
    """The pitfall the lesson shows: a GradientTape step without training=True runs BN in inference mode."""
    def model():
        keras.utils.set_random_seed(0)
        return keras.Sequential([keras.Input((4,)), keras.layers.Dense(3), keras.layers.BatchNormalization()])

    x = np.random.default_rng(6).normal(loc=5, size=(16, 4)).astype(np.float32)
    for training, should_move in ((None, False), (True, True)):
        net = model()
        opt = keras.optimizers.SGD(0.01)
        bn_layer = net.layers[-1]
        for _ in range(3):
            with tf.GradientTape() as tape:
                out = net(x) if training is None else net(x, training=True)
                loss = tf.reduce_mean(out ** 2)
            opt.apply_gradients(zip(tape.gradient(loss, net.trainable_variables), net.trainable_variables))
        moved = not np.array_equal(bn_layer.moving_mean.numpy(), np.zeros(3))
        assert moved == should_move, training
        if training is None:      # the output uses the initial moving statistics (0, 1), not the batch's
            dense_out = net.layers[0](x, training=False).numpy()
            _close(net(x).numpy(), bn.batchnorm_inference(dense_out, np.zeros(3), np.ones(3),
                                                          bn_layer.gamma.numpy(), bn_layer.beta.numpy()))


def test_shift_of_the_whole_batch_is_invisible_after_bn():
    """Why DCGAN keeps BN off the discriminator's input: a brighter batch normalises to the same numbers."""
    rng = np.random.default_rng(7)
    x = rng.uniform(-1, 1, size=(8, 6, 6, 1))
    g, b = np.ones(1), np.zeros(1)
    np.testing.assert_allclose(bn.batchnorm_forward(x + 0.5, g, b)[0], bn.batchnorm_forward(x, g, b)[0],
                               atol=1e-12)


# --- bad inputs ----------------------------------------------------------------------------

def _raises(match, f, *args, **kwargs):
    with pytest.raises(ValueError, match=match):
        f(*args, **kwargs)


def test_bad_inputs_raise_clear_errors():
    x = np.zeros((4, 3)) + np.arange(4)[:, None]
    g, b = np.ones(3), np.zeros(3)
    with i18n.language("es"):
        _raises(r"`gamma`.*3 números", bn.batchnorm_forward, x, np.ones(2), b)
        _raises(r"`beta`.*3 números", bn.batchnorm_forward, x, g, np.zeros((3, 1)))
        _raises(r"`x`.*al menos 2 ejemplos", bn.batchnorm_forward, x[:1], g, b)
        _raises(r"`x`.*al menos 2 ejemplos", bn.batchnorm_forward, np.zeros((1, 4, 4, 3)), g, b)
        _raises(r"`eps` = 0 .*ε > 0", bn.batchnorm_forward, x, g, b, eps=0)
        _raises(r"`eps` = -0.001", bn.batchnorm_forward, x, g, b, eps=-1e-3)
        _raises(r"`eps`", bn.batchnorm_forward, x, g, b, eps="1e-3")
        _raises(r"`axis` = 0 ", bn.batchnorm_forward, x, g, b, axis=0)
        _raises(r"`axis` = 2 ", bn.batchnorm_forward, x, g, b, axis=2)
        _raises(r"`x`.*al menos 2 ejes", bn.batchnorm_forward, np.arange(4.0), np.ones(1), np.zeros(1))
        _, cache = bn.batchnorm_forward(x, g, b)
        _raises(r"`dy`.*\(4, 3\)", bn.batchnorm_backward, np.ones((3, 4)), cache)
        _raises(r"`cache`", bn.batchnorm_backward, np.ones((4, 3)), (x, g))
        _raises(r"`momentum` = 1.5", bn.update_moving, np.zeros(3), np.ones(3), g, g, momentum=1.5)
        _raises(r"`batch_var`.*3 números", bn.update_moving, np.zeros(3), np.ones(3), g, np.ones(2))
        _raises(r"`batch_var`.*≥ 0", bn.update_moving, np.zeros(3), np.ones(3), g, -g)
        _raises(r"`moving_mean`", bn.update_moving, np.zeros((3, 1)), np.ones(3), g, g)
        _raises(r"`moving_var`.*≥ 0", bn.batchnorm_inference, x, np.zeros(3), -np.ones(3), g, b)
        _raises(r"`gamma`", bn.batchnorm_inference, x, np.zeros(3), np.ones(3), np.ones(4), b)
    with i18n.language("pt"):
        _raises(r"`gamma`.*inválido.*3 números, um por canal", bn.batchnorm_forward, x, np.ones(2), b)
        _raises(r"pelo menos 2 exemplos", bn.batchnorm_forward, x[:1], g, b)


def test_a_batch_of_one_works_in_inference_mode():
    y = bn.batchnorm_inference(np.ones((1, 3)), np.zeros(3), np.ones(3), np.ones(3), np.zeros(3))
    np.testing.assert_allclose(y, 1 / np.sqrt(1 + 1e-3))


X, G3, B3 = np.random.default_rng(0).normal(size=(4, 3)), np.ones(3), np.zeros(3)
CACHE = bn.batchnorm_forward(X, G3, B3)[1]


@pytest.mark.parametrize("call,name", [
    (lambda: bn.batchnorm_forward(np.full((4, 3), np.nan), G3, B3), "x"),        # NaN would spread silently
    (lambda: bn.batchnorm_forward(X, G3, B3, eps=float("nan")), "eps"),
    (lambda: bn.batchnorm_forward(X, G3, B3, eps=True), "eps"),
    (lambda: bn.batchnorm_forward(X, G3, B3, axis=1.0), "axis"),
    (lambda: bn.batchnorm_backward("a", CACHE), "dy"),
    (lambda: bn.update_moving(G3, G3, G3, G3, momentum=float("nan")), "momentum"),
    (lambda: bn.update_moving(G3, G3, G3, G3, momentum="0.9"), "momentum"),
    (lambda: bn.update_moving([], [], [], []), "moving_mean"),
    (lambda: bn.batchnorm_inference(X, B3, G3, G3, np.full(3, np.nan)), "beta"),
])
def test_more_bad_inputs_name_the_argument(call, name):
    assert_names(call, name)
