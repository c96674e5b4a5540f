"""The GAN objective (lesson 04): losses and gradients against GradientTape and finite differences,
the optimal discriminator and V(D*, G) = −log 4 + 2·JSD on numeric integrals, the plots, bad inputs."""
import math

import numpy as np
import pytest
from student_errors import assert_names

from gan_course import i18n, losses
from gan_course import objective as ob

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

def test_generator_losses_values_and_the_same_losses_in_tensorflow():
    assert ob.generator_loss(0.5, "minimax") == pytest.approx(-math.log(2))
    assert ob.generator_loss(0.5, "non_saturating") == pytest.approx(math.log(2))
    # gan_course.losses (what the GANs train with) is the batch mean of the same per-sample losses
    logits = np.log(T_GRID) - np.log1p(-T_GRID)
    for kind in losses.KINDS:
        per_sample = ob.generator_loss(T_GRID, kind)
        for a, expected in zip(logits, per_sample):
            got = float(losses.generator_loss(np.array([[a]]), form="logits", kind=kind))
            assert got == pytest.approx(expected, rel=1e-9, abs=1e-12)
        mean = float(losses.generator_loss(T_GRID[:, None], form="probability", kind=kind))
        assert mean == pytest.approx(per_sample.mean(), rel=1e-9)
    # from logits stays finite where the probability would round to 0 or 1 in float32
    far = np.array([[-200.0], [200.0]], np.float32)
    for kind in losses.KINDS:
        assert np.isfinite(float(losses.generator_loss(far, kind=kind)))


@pytest.mark.parametrize("kind", losses.KINDS)
@pytest.mark.parametrize("wrt", ob.WRT)
def test_analytic_gradients_equal_gradient_tape(kind, wrt):
    analytic = ob.generator_loss_grad(T_GRID, kind, wrt)
    tape = ob.generator_loss_grad_tape(T_GRID, kind, wrt)
    np.testing.assert_allclose(tape, analytic, rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("kind", losses.KINDS)
def test_analytic_gradients_equal_finite_differences(kind):
    t_mid = np.linspace(0.02, 0.98, 49)
    h = 1e-6
    fd_t = (ob.generator_loss(t_mid + h, kind) - ob.generator_loss(t_mid - h, kind)) / (2 * h)
    np.testing.assert_allclose(ob.generator_loss_grad(t_mid, kind, "output"), fd_t, rtol=1e-6)
    a = np.log(t_mid) - np.log1p(-t_mid)
    sig = lambda v: 1 / (1 + np.exp(-v))  # noqa: E731
    fd_a = (ob.generator_loss(sig(a + h), kind) - ob.generator_loss(sig(a - h), kind)) / (2 * h)
    np.testing.assert_allclose(ob.generator_loss_grad(t_mid, kind, "logit"), fd_a, rtol=1e-6, atol=1e-9)


def test_the_minimax_gradient_vanishes_where_the_non_saturating_one_does_not():
    t_small = np.array([1e-3, 1e-2])
    np.testing.assert_allclose(ob.generator_loss_grad(t_small, "minimax", "logit"), -t_small)
    np.testing.assert_allclose(ob.generator_loss_grad(t_small, "non_saturating", "logit"), t_small - 1)
    ratio = ob.generator_loss_grad(0.01, "non_saturating") / ob.generator_loss_grad(0.01, "minimax")
    assert ratio == pytest.approx(99)


# --- plots ----------------------------------------------------------------------------------

def test_plots_follow_the_language_and_name_the_losses_as_losses_does():
    import matplotlib.pyplot as plt

    for lang, title, minimax in (("es", "Pérdidas del generador", "minimax (se satura)"),
                                 ("pt", "Perdas do gerador", "minimax (satura)")):
        with i18n.language(lang):
            figs = [ob.plot_log_terms(), ob.plot_generator_losses(), ob.plot_optimal_discriminator([2.0, 0.0]),
                    ob.plot_jsd_vs_distance(n=9)]
        titles = [ax.get_title() for f in figs for ax in f.axes]
        assert title in titles and len(figs[2].axes) == 2
        legend = [x.get_text() for x in figs[1].axes[0].get_legend().get_texts()]
        assert len(legend) == len(losses.KINDS) and any(x.startswith(minimax) for x in legend)
    plt.close("all")


# --- errors a student can cause ------------------------------------------------------------

@pytest.mark.parametrize("call,name", [
    (lambda: ob.generator_loss(0.5, "wasserstein"), "kind"),
    (lambda: ob.generator_loss(0.5, "saturating"), "kind"),          # the name is "minimax"
    (lambda: ob.generator_loss_grad(0.5, "minimax", "weights"), "wrt"),
    (lambda: ob.generator_loss([0.2, 1.5]), "d_fake"),
    (lambda: ob.generator_loss([float("nan")]), "d_fake"),
    (lambda: ob.generator_loss_grad([]), "d_fake"),
    (lambda: ob.generator_loss_grad_tape([0.0, 0.5]), "d_fake"),
    (lambda: ob.value_function([0.5, -0.1], [0.5]), "d_real"),
    (lambda: ob.value_function([0.5], []), "d_fake"),
    (lambda: ob.value_integral([0, 1, 2], [1, 1, 1], [1, 1, 1], [0.5, 0.5]), "d"),
    (lambda: ob.gaussian_pdf(0.0, 0.0, 0.0), "std"),
    (lambda: ob.gaussian_pdf(0.0, "a"), "mean"),
    (lambda: ob.gaussian_pdf(0.0, float("nan")), "mean"),
    (lambda: ob.gaussian_pdf(["a"]), "x"),
    (lambda: ob.Mixture1D((0.0, 1.0), (1.0,)), "Mixture1D"),
    (lambda: ob.Mixture1D(("a",), (1.0,)), "Mixture1D"),
    (lambda: ob.Mixture1D((0.0,), (float("nan"),)), "Mixture1D"),
    (lambda: ob.DATASETS["gaussian"].sample(0), "n"),
    (lambda: ob.DATASETS["gaussian"].sample(5, seed=-1), "seed"),
    (lambda: ob.DATASETS["gaussian"].window(-1), "margin"),
    (lambda: ob.gaussian_log_likelihood([1.0], 0, 1), "samples"),
    (lambda: ob.gaussian_mle([1.0, float("nan")]), "samples"),
    (lambda: ob.kde([1.0, 2.0], [0.0], bandwidth=0), "bandwidth"),
    (lambda: ob.kde([1.0, 2.0], "abc"), "x"),
    (lambda: ob.mode_fractions([1.0, 2.0], ["a"]), "means"),
    (lambda: ob.integrate([1, 2], [0, 1, 2]), "y"),
    (lambda: ob.integration_grid([0.0], [-1.0]), "stds"),
    (lambda: ob.integration_grid([0.0, 1.0], [1.0, 1.0, 1.0]), "stds"),
    (lambda: ob.optimal_discriminator([-1, 1], [1, 1]), "p_data"),
    (lambda: ob.optimal_discriminator([1, 1], [1, 1, 1]), "p_g"),
    (lambda: ob.js_divergence([0.1, 0.2], [0.1, 0.2, 0.3], [0, 1, 2]), "p"),
    (lambda: ob.kl_divergence([1, 1, 1], [1, float("nan"), 1], [0, 1, 2]), "q"),
    (lambda: ob.kl_divergence([1, 1, 1], [1, 1, 1], [0, 2, 1]), "x"),
    (lambda: ob.gaussian_pair(0, 0, 1, 0), "std_g"),
    (lambda: ob.jsd_curve(["a"]), "distances"),
    (lambda: ob.jsd_curve([1.0], std=0), "std"),
    (lambda: ob.plot_optimal_discriminator([]), "shifts"),
    (lambda: ob.plot_jsd_vs_distance(n=0), "n"),
])
def test_bad_arguments_name_the_argument_in_both_languages(call, name):
    assert_names(call, name)
