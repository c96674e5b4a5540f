"""The GAN objective (lesson 04): losses and gradients against GradientTape and finite differences,
the optimal discriminator and V(D*, G) = −log 4 + 2·JSD on numeric integrals, the 1-D GAN, figures."""
import math

import numpy as np
import pytest

from gan_course import exercises, i18n, objective as ob

T_GRID = np.concatenate([[1e-4, 1e-3], np.linspace(0.01, 0.99, 99), [0.999, 1 - 1e-4]])

# (mu_data, mu_g, std_data, std_g)
GAUSSIAN_PAIRS = [(0, 0, 1, 1), (0, 0.5, 1, 1), (0, 2, 1, 1), (0, 4, 1, 1), (0, 10, 1, 1),
                  (-1, 2, 0.5, 2), (0, 0, 1, 3), (3, -2, 0.3, 0.7)]


# --- densities --------------------------------------------------------------------------

@pytest.mark.parametrize("mean,std", [(0, 1), (4, 0.5), (-2, 3)])
def test_gaussian_pdf_is_a_density_with_the_right_mean_and_variance(mean, std):
    x = ob.integration_grid([mean], [std])
    p = ob.gaussian_pdf(x, mean, std)
    assert ob.integrate(p, x) == pytest.approx(1, abs=1e-9)
    assert ob.integrate(x * p, x) == pytest.approx(mean, abs=1e-8)
    assert ob.integrate((x - mean) ** 2 * p, x) == pytest.approx(std ** 2, rel=1e-8)
    assert ob.gaussian_pdf(mean, mean, std) == pytest.approx(1 / (std * math.sqrt(2 * math.pi)))


def test_mixture_density_moments_and_samples():
    mix = ob.Mixture1D((0.0, 6.0), (0.25, 0.5), (1, 3))
    assert mix.weights == (0.25, 0.75)
    x = ob.integration_grid(mix.means, mix.stds)
    p = mix.pdf(x)
    assert ob.integrate(p, x) == pytest.approx(1, abs=1e-9)
    assert ob.integrate(x * p, x) == pytest.approx(mix.mean, abs=1e-8)
    assert math.sqrt(ob.integrate((x - mix.mean) ** 2 * p, x)) == pytest.approx(mix.std, rel=1e-7)
    s = mix.sample(40000, seed=3)
    np.testing.assert_array_equal(s, mix.sample(40000, seed=3))
    assert ob.mode_fractions(s, mix.means) == pytest.approx([0.25, 0.75], abs=0.01)
    assert s.mean() == pytest.approx(mix.mean, abs=0.05)


def test_maximum_likelihood_gaussian_is_the_sample_mean_and_std():
    s = ob.Mixture1D((2.0,), (0.5,)).sample(500, seed=0)
    mu, sigma = ob.gaussian_mle(s)
    assert mu == pytest.approx(s.mean()) and sigma == pytest.approx(s.std())
    mus = np.linspace(0, 4, 4001)
    best_mu = mus[np.argmax([ob.gaussian_log_likelihood(s, m, sigma) for m in mus])]
    assert best_mu == pytest.approx(mu, abs=1e-3)
    sigmas = np.linspace(0.3, 0.8, 5001)
    best_sigma = sigmas[np.argmax([ob.gaussian_log_likelihood(s, mu, v) for v in sigmas])]
    assert best_sigma == pytest.approx(sigma, abs=1e-4)


def test_kde_integrates_to_one_and_follows_the_samples():
    s = ob.Mixture1D((4.0,), (0.5,)).sample(3000, seed=1)
    x = np.linspace(0, 8, 801)
    k = ob.kde(s, x)
    assert ob.integrate(k, x) == pytest.approx(1, abs=1e-3)
    assert x[np.argmax(k)] == pytest.approx(4, abs=0.15)
    assert np.max(np.abs(k - ob.gaussian_pdf(x, 4, 0.5))) < 0.08


# --- value function, D*, KL, JSD --------------------------------------------------------

def test_kl_matches_the_closed_form_for_gaussians():
    for m1, m2, s1, s2 in GAUSSIAN_PAIRS:
        x, p, q = ob.gaussian_pair(m1, m2, s1, s2)
        closed = math.log(s2 / s1) + (s1 ** 2 + (m1 - m2) ** 2) / (2 * s2 ** 2) - 0.5
        assert ob.kl_divergence(p, q, x) == pytest.approx(closed, abs=1e-6)


@pytest.mark.parametrize("pair", GAUSSIAN_PAIRS)
def test_value_at_the_optimal_discriminator_is_minus_log4_plus_twice_jsd(pair):
    x, p, q = ob.gaussian_pair(*pair)
    v = ob.value_at_optimum(x, p, q)
    jsd = ob.js_divergence(p, q, x)
    assert abs(v - (-math.log(4) + 2 * jsd)) <= 1e-4
    assert -1e-9 <= jsd <= math.log(2) + 1e-9
    # D* is the best discriminator: any other D gives a smaller V
    dstar = ob.optimal_discriminator(p, q)
    for other in (0.5 * np.ones_like(x), 0.9 * dstar + 0.05, dstar ** 2, np.sqrt(dstar)):
        assert ob.value_integral(x, p, q, other) <= v + 1e-12
    # and V(D*, G) computed with the generic V(D, G) agrees where 1 − D* does not round to 0
    if np.all((q == 0) | (dstar < 1)) and np.all((p == 0) | (dstar > 0)):
        assert ob.value_integral(x, p, q, dstar) == pytest.approx(v, abs=1e-9)


def test_jsd_limits_and_a_monte_carlo_estimate():
    x, p, q = ob.gaussian_pair(0, 0)
    assert ob.js_divergence(p, q, x) == pytest.approx(0, abs=1e-12)
    assert ob.value_at_optimum(x, p, q) == pytest.approx(-math.log(4), abs=1e-9)
    x, p, q = ob.gaussian_pair(0, 40)
    assert ob.js_divergence(p, q, x) == pytest.approx(math.log(2), abs=1e-9)
    assert ob.value_at_optimum(x, p, q) == pytest.approx(0, abs=1e-9)
    # independent estimate: JSD = ½ E_p[log p/m] + ½ E_q[log q/m] with samples
    rng = np.random.default_rng(0)
    xp, xq = rng.normal(0, 1, 200_000), rng.normal(1.5, 1, 200_000)
    def log_ratio(v, mu):
        a, b = ob.gaussian_pdf(v, mu, 1), 0.5 * (ob.gaussian_pdf(v, 0, 1) + ob.gaussian_pdf(v, 1.5, 1))
        return np.log(a / b)
    mc = 0.5 * log_ratio(xp, 0).mean() + 0.5 * log_ratio(xq, 1.5).mean()
    x, p, q = ob.gaussian_pair(0, 1.5)
    assert ob.js_divergence(p, q, x) == pytest.approx(mc, abs=3e-3)
    jsd, val = ob.jsd_curve([0, 1.5, 40])
    np.testing.assert_allclose(val, -math.log(4) + 2 * jsd, atol=1e-9)
    assert np.all(np.diff(jsd) > 0)


def test_optimal_discriminator_values():
    np.testing.assert_allclose(ob.optimal_discriminator([1, 0, 3, 0], [1, 2, 1, 0]), [0.5, 0, 0.75, 0.5])
    # equal densities: D* = 1/2 everywhere
    x, p, q = ob.gaussian_pair(1, 1, 2, 2)
    np.testing.assert_allclose(ob.optimal_discriminator(p, q), 0.5)
    # N(0,1) vs N(2,1) at x = 0: 1 / (1 + e^{-2})
    assert ob.optimal_discriminator(ob.gaussian_pdf(0, 0, 1), ob.gaussian_pdf(0, 2, 1)) == \
        pytest.approx(1 / (1 + math.exp(-2)))


def test_value_function_is_minus_binary_cross_entropy_and_matches_the_integral():
    from gan_course import keras

    d_real, d_fake = np.array([0.9, 0.8, 0.6]), np.array([0.3, 0.1, 0.2])
    bce = keras.losses.BinaryCrossentropy()
    v_keras = -(float(bce(np.ones(3), d_real)) + float(bce(np.zeros(3), d_fake)))
    assert ob.value_function(d_real, d_fake) == pytest.approx(v_keras, abs=1e-6)
    # sample estimate → integral (p_data = N(0,1), p_g = N(1,1), D = D*)
    rng = np.random.default_rng(1)
    xr, xf = rng.normal(0, 1, 400_000), rng.normal(1, 1, 400_000)
    def dstar(v):
        return ob.optimal_discriminator(ob.gaussian_pdf(v, 0, 1), ob.gaussian_pdf(v, 1, 1))
    x, p, q = ob.gaussian_pair(0, 1)
    assert ob.value_function(dstar(xr), dstar(xf)) == pytest.approx(ob.value_at_optimum(x, p, q), abs=5e-3)


# --- generator losses and gradients ---------------------------------------------------

def test_generator_losses_values_and_tensorflow_from_logits():
    assert ob.generator_loss(0.5, "saturating") == pytest.approx(-math.log(2))
    assert ob.generator_loss(0.5, "non_saturating") == pytest.approx(math.log(2))
    # "minimax" (gan_course.losses' name) is the saturating loss, and both modules agree on it
    from gan_course import losses

    np.testing.assert_array_equal(ob.generator_loss(T_GRID, "minimax"), ob.generator_loss(T_GRID, "saturating"))
    logits = np.linspace(-6, 6, 25).astype(np.float32)
    for kind, name in (("saturating", "minimax"), ("non_saturating", "non_saturating")):
        mean_loss = float(np.mean(ob.generator_loss_tf(logits, kind).numpy()))
        assert float(losses.generator_loss(logits, form="logits", kind=name)) == pytest.approx(mean_loss, abs=1e-5)
    logits = np.log(T_GRID) - np.log1p(-T_GRID)
    for kind in ob.LOSS_KINDS:
        np.testing.assert_allclose(ob.generator_loss_tf(logits, kind).numpy(), ob.generator_loss(T_GRID, kind),
                                   rtol=1e-9, atol=1e-12)
    # from logits stays finite where the probability would round to 0 or 1 in float32
    from gan_course import tf

    far = tf.constant([-200.0, 200.0])
    assert np.all(np.isfinite(ob.generator_loss_tf(far, "saturating").numpy()))
    assert np.all(np.isfinite(ob.generator_loss_tf(far, "non_saturating").numpy()))


@pytest.mark.parametrize("kind", ob.LOSS_KINDS)
@pytest.mark.parametrize("wrt", ob.WRT)
def test_analytic_gradients_equal_gradient_tape(kind, wrt):
    analytic = ob.generator_loss_grad(T_GRID, kind, wrt)
    tape = ob.generator_loss_grad_tape(T_GRID, kind, wrt)
    np.testing.assert_allclose(tape, analytic, rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("kind", ob.LOSS_KINDS)
def test_analytic_gradients_equal_finite_differences(kind):
    t_mid = np.linspace(0.02, 0.98, 49)
    h = 1e-6
    fd_t = (ob.generator_loss(t_mid + h, kind) - ob.generator_loss(t_mid - h, kind)) / (2 * h)
    np.testing.assert_allclose(ob.generator_loss_grad(t_mid, kind, "output"), fd_t, rtol=1e-6)
    a = np.log(t_mid) - np.log1p(-t_mid)
    sig = lambda v: 1 / (1 + np.exp(-v))  # noqa: E731
    fd_a = (ob.generator_loss(sig(a + h), kind) - ob.generator_loss(sig(a - h), kind)) / (2 * h)
    np.testing.assert_allclose(ob.generator_loss_grad(t_mid, kind, "logit"), fd_a, rtol=1e-6, atol=1e-9)


def test_the_saturating_gradient_vanishes_where_the_non_saturating_one_does_not():
    t_small = np.array([1e-3, 1e-2])
    np.testing.assert_allclose(ob.generator_loss_grad(t_small, "saturating", "logit"), -t_small)
    np.testing.assert_allclose(ob.generator_loss_grad(t_small, "non_saturating", "logit"), t_small - 1)
    ratio = ob.generator_loss_grad(0.01, "non_saturating") / ob.generator_loss_grad(0.01, "saturating")
    assert ratio == pytest.approx(99)


# --- the 1-D GAN ------------------------------------------------------------------------

def test_toy_gan_moves_the_generator_mean_toward_the_data():
    gan, h = ob.train_gan1d("gaussian", 300, seed=0)
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
    a = ob.GAN1D("two_peaks", k=3, seed=4)
    b = ob.GAN1D("two_peaks", k=3, seed=4)
    for _ in range(10):
        la, lb = a.train_step(), b.train_step()
    np.testing.assert_array_equal(la[0].numpy(), lb[0].numpy())
    for wa, wb in zip(a.generator.get_weights() + a.discriminator.get_weights(),
                      b.generator.get_weights() + b.discriminator.get_weights()):
        np.testing.assert_array_equal(wa, wb)
    assert int(a.d_optimizer.iterations) == 30 and int(a.g_optimizer.iterations) == 10
    c = ob.GAN1D("two_peaks", k=3, seed=5)
    assert not np.array_equal(c.generator.get_weights()[0], a.generator.get_weights()[0])


def test_data_sampler_follows_the_mixture():
    gan = ob.GAN1D(ob.Mixture1D((-1.0, 5.0), (0.2, 0.2), (1, 3)), seed=0)
    s = gan.sample_data(20000).numpy()[:, 0]
    assert ob.mode_fractions(s, (-1, 5)) == pytest.approx([0.25, 0.75], abs=0.015)
    assert gan.sample_noise(7).shape == (7, gan.noise_dim)


def test_pretrained_discriminator_rejects_fakes_and_the_saturating_gradient_is_smaller():
    from gan_course import tf

    gan = ob.GAN1D("gaussian", seed=0)
    gan.train_discriminator(300)
    z = gan.sample_noise(256)
    norms = {}
    for kind in ob.LOSS_KINDS:
        with tf.GradientTape() as tape:
            logits = gan.discriminator(gan.generator(z, training=True), training=True)
            loss = tf.reduce_mean(ob.generator_loss_tf(logits, kind))
        norms[kind] = float(tf.linalg.global_norm(tape.gradient(loss, gan.generator.trainable_variables)))
        d_fake = float(tf.reduce_mean(tf.sigmoid(logits)))
    assert d_fake < 0.2
    assert norms["non_saturating"] > 3 * norms["saturating"]
    assert gan.discriminate([4.0])[0] > 0.5 > gan.discriminate([0.2])[0]


def test_gan1d_gif_and_plots(tmp_path):
    import matplotlib.pyplot as plt

    from gan_course import gif

    gan, h = ob.train_gan1d("two_peaks", 40, seed=1, record_every=10)
    path = ob.write_gan1d_gif(h, tmp_path / "g.gif", duration_ms=100, last_ms=800)
    frames, durations = gif.read_gif(path)
    assert len(frames) == len(h.record_steps) == 5
    assert durations == [100] * 4 + [800]
    again = ob.write_gan1d_gif(ob.train_gan1d("two_peaks", 40, seed=1, record_every=10)[1], tmp_path / "h.gif",
                               duration_ms=100, last_ms=800)
    assert path.read_bytes() == again.read_bytes()  # same seed, same bytes
    for lang in ("es", "pt"):
        with i18n.language(lang):
            figs = [ob.plot_log_terms(), ob.plot_generator_losses(), ob.plot_optimal_discriminator(),
                    ob.plot_jsd_vs_distance(n=9), ob.plot_gan1d(h, 0), ob.plot_gan1d_losses(h),
                    ob.plot_mode_collapse([h, h])]
            titles = " ".join(ax.get_title() for f in figs for ax in f.axes)
            assert ("Pérdidas del generador" in titles) == (lang == "es")
            assert ("Perdas do gerador" in titles) == (lang == "pt")
    plt.close("all")


def test_committed_figures_are_listed_and_deterministic(tmp_path):
    from gan_course import figures

    assert {"gan1d.gif", "generator_losses_es.png", "generator_losses_pt.png"} <= set(figures.all_figures())
    for name in ("generator_losses_es.png", "generator_losses_pt.png"):
        a = ob.FIGURES[name](tmp_path / ("a_" + name)).read_bytes()
        b = ob.FIGURES[name](tmp_path / ("b_" + name)).read_bytes()
        assert a == b and a[:8] == b"\x89PNG\r\n\x1a\n"
        assert b"Software" not in a and b"matplotlib" not in a.lower()


# --- errors a student can cause ------------------------------------------------------------

@pytest.mark.parametrize("call,name", [
    (lambda: ob.generator_loss(0.5, "wasserstein"), "kind"),
    (lambda: ob.generator_loss_grad(0.5, "saturating", "weights"), "wrt"),
    (lambda: ob.generator_loss([0.2, 1.5]), "d_fake"),
    (lambda: ob.generator_loss_grad_tape([0.0, 0.5]), "d_fake"),
    (lambda: ob.value_function([0.5, -0.1], [0.5]), "d_real"),
    (lambda: ob.gaussian_pdf(0.0, 0.0, 0.0), "std"),
    (lambda: ob.Mixture1D((0.0, 1.0), (1.0,)), "Mixture1D"),
    (lambda: ob.GAN1D("three_peaks"), "data"),
    (lambda: ob.GAN1D(k=0), "k"),
    (lambda: ob.js_divergence([0.1, 0.2], [0.1, 0.2, 0.3], [0, 1, 2]), "p"),
    (lambda: ob.kl_divergence([1, 1, 1], [1, 1, 1], [0, 2, 1]), "x"),
])
def test_bad_arguments_name_the_argument_in_both_languages(call, name):
    for lang in ("es", "pt"):
        with i18n.language(lang):
            with pytest.raises(ValueError, match=f"`{name}`") as info:
                call()
            assert ("esperaba" in str(info.value)) == (lang == "es")


def test_plot_index_out_of_range():
    gan, h = ob.train_gan1d("gaussian", 4, seed=0, record_every=2)
    with pytest.raises(ValueError, match="index"):
        ob.plot_gan1d(h, 7)


# --- exercises ---------------------------------------------------------------------------

def test_every_lesson_04_exercise_accepts_its_own_solution():
    keys = exercises.keys("04")
    assert len(keys) >= 4
    for key in keys:
        assert exercises.is_correct(key, exercises.solution(key)), key
        assert not exercises.is_correct(key, None)
