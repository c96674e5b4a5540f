"""The 1-D GAN (lesson 04): it learns the data, it is reproducible, it trains with gan_course.losses,
its pictures, and the errors a student can cause."""
import math

import numpy as np
import pytest
from student_errors import assert_names

from gan_course import gan1d as g1
from gan_course import i18n, losses
from gan_course import objective as ob


def test_toy_gan_moves_the_generator_mean_toward_the_data():
    gan, h = g1.train_gan1d("gaussian", 300, seed=0)
    target = gan.data.mean
    start, end = h.g_mean[0], h.g_mean[-1]
    assert abs(start - target) > 3
    assert abs(end - target) < 0.6, (start, end)
    assert len(h.d_loss) == len(h.g_loss) == len(h.d_real) == len(h.d_fake) == h.steps == 300
    assert h.record_steps[0] == 0 and h.record_steps[-1] == 300
    assert len(h.p_g) == len(h.d) == len(h.samples) == len(h.record_steps)
    assert all(np.all((d > 0) & (d < 1)) for d in h.d)
    assert ob.integrate(h.p_data, h.x) == pytest.approx(1, abs=1e-3)
    assert ob.integrate(h.p_g[-1], h.x) == pytest.approx(1, abs=0.02)


def test_same_seed_same_run_and_k_discriminator_steps_per_generator_step():
    a = g1.GAN1D("two_peaks", k=3, seed=4)
    b = g1.GAN1D("two_peaks", k=3, seed=4)
    for _ in range(10):
        la, lb = a.train_step(), b.train_step()
    np.testing.assert_array_equal(la[0].numpy(), lb[0].numpy())
    for wa, wb in zip(a.generator.get_weights() + a.discriminator.get_weights(),
                      b.generator.get_weights() + b.discriminator.get_weights()):
        np.testing.assert_array_equal(wa, wb)
    assert int(a.d_optimizer.iterations) == 30 and int(a.g_optimizer.iterations) == 10
    c = g1.GAN1D("two_peaks", k=3, seed=5)
    assert not np.array_equal(c.generator.get_weights()[0], a.generator.get_weights()[0])


def test_data_sampler_follows_the_mixture():
    gan = g1.GAN1D(ob.Mixture1D((-1.0, 5.0), (0.2, 0.2), (1, 3)), seed=0)
    s = gan.sample_data(20000).numpy()[:, 0]
    assert ob.mode_fractions(s, (-1, 5)) == pytest.approx([0.25, 0.75], abs=0.015)
    assert gan.sample_noise(7).shape == (7, gan.noise_dim)


def test_pretrained_discriminator_rejects_fakes_and_the_minimax_gradient_is_smaller():
    from gan_course import tf

    gan = g1.GAN1D("gaussian", seed=0)
    gan.train_discriminator(300)
    z = gan.sample_noise(256)
    norms = {}
    for kind in losses.KINDS:
        with tf.GradientTape() as tape:
            logits = gan.discriminator(gan.generator(z, training=True), training=True)
            loss = losses.generator_loss(logits, kind=kind)
        norms[kind] = float(tf.linalg.global_norm(tape.gradient(loss, gan.generator.trainable_variables)))
        d_fake = float(tf.reduce_mean(tf.sigmoid(logits)))
    assert d_fake < 0.2
    assert norms["non_saturating"] > 3 * norms["minimax"]
    assert gan.discriminate([4.0])[0] > 0.5 > gan.discriminate([0.2])[0]


def test_gan1d_gif_and_plots(tmp_path):
    import matplotlib.pyplot as plt

    from gan_course import gif

    gan, h = g1.train_gan1d("two_peaks", 40, seed=1, record_every=10)
    path = g1.write_gan1d_gif(h, tmp_path / "g.gif", duration_ms=100, last_ms=800)
    frames, durations = gif.read_gif(path)
    assert len(frames) == len(h.record_steps) == 5
    assert durations == [100] * 4 + [800]
    again = g1.write_gan1d_gif(g1.train_gan1d("two_peaks", 40, seed=1, record_every=10)[1], tmp_path / "h.gif",
                               duration_ms=100, last_ms=800)
    assert path.read_bytes() == again.read_bytes()  # same seed, same bytes
    for lang, panel in (("es", "Pérdidas (media móvil)"), ("pt", "Perdas (média móvel)")):
        with i18n.language(lang):
            figs = [g1.plot_gan1d(h, 0), g1.plot_gan1d(h, -1), g1.plot_gan1d_losses(h), g1.plot_mode_collapse([h, h])]
        titles = [ax.get_title() for f in figs for ax in f.axes]
        assert panel in titles
    assert figs[1].axes[0].get_title().endswith("40")
    plt.close("all")


def test_the_equilibrium_line_follows_the_loss():
    import matplotlib.pyplot as plt

    for kind, level in (("minimax", -math.log(2)), ("non_saturating", math.log(2))):
        _, h = g1.train_gan1d("gaussian", 2, seed=0, record_every=1, loss=kind)
        assert h.loss == kind
        lines = g1.plot_gan1d_losses(h).axes[0].get_lines()
        assert any(np.allclose(line.get_ydata(), level) for line in lines)
    plt.close("all")


def test_the_1d_gan_trains_with_the_losses_of_gan_course_losses():
    from gan_course import tf

    gan = g1.GAN1D("gaussian", seed=2, loss="minimax")
    real, fake = tf.constant([[0.3], [-2.0]]), tf.constant([[1.5], [-0.5]])
    assert float(gan.d_loss_fn(real, fake)) == pytest.approx(float(losses.discriminator_loss(real, fake)))
    assert float(gan.g_loss_fn(fake)) == pytest.approx(float(losses.generator_loss(fake, kind="minimax")))
    p_real, p_fake = tf.sigmoid(real).numpy(), tf.sigmoid(fake).numpy()
    assert float(gan.d_loss_fn(real, fake)) == pytest.approx(-ob.value_function(p_real, p_fake), rel=1e-5)


# --- errors a student can cause ------------------------------------------------------------

@pytest.fixture(scope="module")
def trained():
    return g1.train_gan1d("gaussian", 4, seed=0, record_every=2)


@pytest.mark.parametrize("call,name", [
    (lambda gan, h: g1.GAN1D("three_peaks"), "data"),
    (lambda gan, h: g1.GAN1D(loss="wgan"), "loss"),
    (lambda gan, h: g1.GAN1D(loss="saturating"), "loss"),          # the name is "minimax"
    (lambda gan, h: g1.GAN1D(k=0), "k"),
    (lambda gan, h: g1.GAN1D(batch_size=2.0), "batch_size"),
    (lambda gan, h: g1.GAN1D(learning_rate=float("nan")), "learning_rate"),
    (lambda gan, h: g1.GAN1D(g_learning_rate=0), "g_learning_rate"),
    (lambda gan, h: g1.GAN1D(seed=-1), "seed"),
    (lambda gan, h: gan.train(0), "steps"),
    (lambda gan, h: gan.train(2, record_every=0), "record_every"),
    (lambda gan, h: gan.train(1, history=g1.GAN1D("two_peaks").new_history()), "history"),
    (lambda gan, h: gan.train_discriminator(-1), "steps"),
    (lambda gan, h: gan.generate(0), "n"),
    (lambda gan, h: gan.sample_noise(-1), "n"),
    (lambda gan, h: gan.discriminate(["a"]), "x"),
    (lambda gan, h: gan.new_history(1), "grid_points"),
    (lambda gan, h: g1.train_gan1d("gaussian", 0), "steps"),     # not "the default number of steps"
    (lambda gan, h: g1.train_gan1d("gaussian", -5), "steps"),
    (lambda gan, h: g1.smooth([1.0, 2.0], 0), "window"),
    (lambda gan, h: g1.smooth("abc"), "values"),
    (lambda gan, h: g1.plot_gan1d(h, 7), "index"),
    (lambda gan, h: g1.plot_gan1d(h, 1.0), "index"),
    (lambda gan, h: g1.plot_gan1d("history"), "history"),
    (lambda gan, h: g1.plot_gan1d_losses(h, 0), "window"),
    (lambda gan, h: g1.write_gan1d_gif(h, "g.gif", last_ms=0), "last_ms"),
    (lambda gan, h: g1.plot_mode_collapse([]), "histories"),
    (lambda gan, h: g1.plot_mode_collapse([h, h], labels=["a"]), "labels"),
])
def test_bad_arguments_name_the_argument_in_both_languages(trained, call, name):
    gan, history = trained
    assert_names(lambda: call(gan, history), name)
