"""Hinge and Wasserstein-GP losses: formulas, the gradient penalty by hand, a critic step, the trainer."""
import numpy as np
import pytest

import gan_course as gc
from gan_course import data, keras, losses, models, tf, train


def test_hinge_and_wasserstein_formulas():
    real = tf.constant([[2.0], [0.5], [-1.0]])
    fake = tf.constant([[-2.0], [0.0], [1.5]])
    # hinge: mean(max(0, 1 - real)) + mean(max(0, 1 + fake)) = (0 + 0.5 + 2)/3 + (0 + 1 + 2.5)/3
    assert float(losses.hinge_discriminator_loss(real, fake)) == pytest.approx((2.5 + 3.5) / 3)
    assert float(losses.hinge_generator_loss(fake)) == pytest.approx(-(-2.0 + 0.0 + 1.5) / 3)
    # Wasserstein: mean(fake) - mean(real), the critic's estimate with a minus sign
    assert float(losses.wasserstein_critic_loss(real, fake)) == pytest.approx(-0.5 / 3 - 1.5 / 3)
    assert float(losses.wasserstein_generator_loss(fake)) == pytest.approx(0.5 / 3)


def _linear_critic(w):
    x = keras.Input((2, 2, 1))
    out = keras.layers.Dense(1, use_bias=True)(keras.layers.Flatten()(x))
    model = keras.Model(x, out)
    model.layers[-1].kernel.assign(np.asarray(w, np.float32).reshape(4, 1))
    return model


def test_gradient_penalty_equals_the_hand_computed_value():
    """For D(x) = w·x + b the gradient is w at every point: the penalty is (‖w‖ − 1)²."""
    w = [0.5, -1.0, 2.0, 0.25]
    critic = _linear_critic(w)
    rng = np.random.default_rng(0)
    real = tf.constant(rng.normal(size=(6, 2, 2, 1)), tf.float32)
    fake = tf.constant(rng.normal(size=(6, 2, 2, 1)), tf.float32)
    eps = tf.constant(rng.uniform(size=(6, 1, 1, 1)), tf.float32)
    expected = (np.linalg.norm(w) - 1.0) ** 2
    assert float(losses.gradient_penalty(critic, real, fake, eps)) == pytest.approx(expected, rel=1e-5)
    unit = _linear_critic(np.array(w) / np.linalg.norm(w))     # a 1-Lipschitz critic pays nothing
    assert float(losses.gradient_penalty(unit, real, fake, eps)) == pytest.approx(0.0, abs=1e-6)


def _wgan(n_critic=5):
    gc.seed_everything(0)
    g, d = models.build_pair("plain", d_batch_norm=False)
    return train.GAN(g, d, loss="wgan-gp", n_critic=n_critic, seed=0)


def test_a_critic_step_raises_the_wasserstein_estimate_and_g_waits_for_n_critic():
    gan = _wgan(n_critic=3)
    x = data.to_float(data.mnist_split("train")[0][:64])
    fixed_fake = gan.generator(gan.noise.normal([64, 100]), training=False)

    def estimate():
        return float(tf.reduce_mean(gan.discriminator(x, training=True)) -
                     tf.reduce_mean(gan.discriminator(fixed_fake, training=True)))

    before = estimate()
    g0 = [w.numpy().copy() for w in gan.generator.trainable_variables]
    gan.train_step(x)
    assert estimate() > before                         # the critic moved its estimate up
    assert all(np.array_equal(a, b.numpy()) for a, b in zip(g0, gan.generator.trainable_variables))  # G waited
    gan.train_step(x)
    gan.train_step(x)                                   # the third critic step also moves G
    assert int(gan.d_optimizer.iterations) == 3 and int(gan.g_optimizer.iterations) == 1


def test_hinge_trains_and_bad_loss_settings_are_refused():
    gc.seed_everything(0)
    g, d = models.build_pair("plain")
    gan = train.GAN(g, d, loss="hinge", seed=0)
    h = train.fit(gan, data.mnist_split("train")[0][:256], 1, verbose=False)
    assert np.isfinite(h["d_loss"][0]) and np.isfinite(h["g_loss"][0])
    with pytest.raises(ValueError, match="loss"):
        train.GAN(g, d, loss="lsgan")
    with pytest.raises(ValueError, match="discriminator"):
        train.GAN(g, d, loss="wgan-gp")                 # a critic with batch norm
    rg, rd = models.build_pair("rivera")
    with pytest.raises(ValueError, match="loss"):
        train.GAN(rg, rd, loss="hinge")                 # a sigmoid output is not a score


def test_spectral_normalisation_holds_each_layer_of_d_near_one():
    """``hinge-sn`` (Miyato et al. 2018): every layer of D divided by its largest singular value."""
    from gan_course import recipes

    assert recipes.LOSS_VARIANTS["hinge-sn"] == {
        "loss": "hinge", "d_batch_norm": False, "d_spectral_norm": True, "n_critic": 5, "g_lr": 2e-4,
        "d_lr": 2e-4, "beta_1": 0.0, "beta_2": 0.9}
    gc.seed_everything(0)
    gan = recipes.build("course", seed=0, **recipes.LOSS_VARIANTS["hinge-sn"])
    wrapped = [layer for layer in gan.discriminator.layers if isinstance(layer, keras.layers.SpectralNormalization)]
    names = {layer.layer.name for layer in wrapped}
    assert {"down_0", "down_1", "unconditional", "class_logits"} <= names
    assert not any(isinstance(layer, keras.layers.BatchNormalization) for layer in gan.discriminator.layers)
    x, y = data.mnist_split("train")
    train.fit(gan, x[:320], 1, labels=y[:320], verbose=False)
    for layer in wrapped:  # the kernel D uses: power iteration converged after 5 steps × 5 critic updates
        w = np.asarray(layer.layer.kernel).reshape(-1, np.asarray(layer.layer.kernel).shape[-1])
        assert np.linalg.svd(w, compute_uv=False)[0] == pytest.approx(1.0, abs=0.15), layer.name
    plain = recipes.build("course", seed=0)
    assert not any(isinstance(layer, keras.layers.SpectralNormalization) for layer in plain.discriminator.layers)
