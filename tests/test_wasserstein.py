"""The Wasserstein distance of lesson 08: closed forms, the sample formula, the slope that does not vanish,
and a 1-D critic whose estimate follows W + W²/(2λ)."""
import math

import numpy as np
import pytest

import gan_course as gc
from gan_course import objective, wasserstein


@pytest.mark.parametrize("d", [0.0, 0.5, 2.0, 7.0])
def test_w1_of_two_gaussians_with_the_same_std_is_the_distance_of_their_means(d):
    x, p, q = objective.gaussian_pair(0.0, d, 1.0, 1.0)
    assert wasserstein.w1_from_densities(x, p, q) == pytest.approx(d, abs=1e-4)


def test_w1_of_different_stds_follows_the_gaussian_closed_form():
    # W1 between N(0, 1) and N(0, 3²): E|X − Y| under the monotone coupling Y = 3X → E|2X| = 2·sqrt(2/π)
    x, p, q = objective.gaussian_pair(0.0, 0.0, 1.0, 3.0)
    assert wasserstein.w1_from_densities(x, p, q) == pytest.approx(2 * math.sqrt(2 / math.pi), abs=1e-4)


def test_the_sample_formula_matches_the_densities_and_refuses_unequal_sizes():
    rng = np.random.default_rng(0)
    assert wasserstein.w1_from_samples(rng.normal(0, 1, 50_000), rng.normal(3, 1, 50_000)) == pytest.approx(3, abs=0.03)
    assert wasserstein.w1_from_samples([0.0, 1.0], [1.0, 0.0]) == 0.0   # the order of the samples does not matter
    with pytest.raises(ValueError, match="`b`"):
        wasserstein.w1_from_samples([0.0, 1.0], [0.0])


def test_the_cdf_ends_at_one():
    x, p, _ = objective.gaussian_pair(1.0, 0.0)
    f = wasserstein.cdf(x, p)
    assert f[0] == 0.0 and f[-1] == pytest.approx(1.0, abs=1e-6) and np.all(np.diff(f) >= 0)
    with pytest.raises(ValueError, match="density"):
        wasserstein.cdf(x, -p)


def test_jsd_flattens_while_w1_keeps_its_slope():
    d = np.array([6.0, 7.0, 8.0])
    jsd, w1 = wasserstein.distance_curves(d)
    assert np.all(np.abs(np.diff(jsd)) < 0.01) and jsd[-1] == pytest.approx(math.log(2), abs=1e-3)
    np.testing.assert_allclose(np.diff(w1), 1.0, atol=1e-3)


def test_the_gradient_penalty_critic_estimates_w_plus_w_squared_over_2_lambda():
    gc.setup("es", 0)
    critic = wasserstein.train_critic_1d("wgan-gp", fake_mean=2.0, steps=600)
    assert critic.exact == 2.0
    assert critic.estimate == pytest.approx(2.0 + 4.0 / 20, rel=0.05)    # 2.2: the penalty is soft
    assert critic.slope["wgan"] == pytest.approx(1.1, abs=0.1)             # s = 1 + W/(2λ)
    assert critic.values[-1] > critic.values[0]                          # higher on the real side


def test_the_cross_entropy_discriminator_saturates_on_far_fakes():
    gc.setup("es", 0)
    far = wasserstein.train_critic_1d("bce", fake_mean=0.0, steps=600)
    near = wasserstein.train_critic_1d("bce", fake_mean=3.5, steps=600)
    assert far.d_fake < 0.01 < near.d_fake
    assert far.slope["minimax"] < 0.05 < near.slope["minimax"]               # the game's own loss goes flat
    assert far.slope["non_saturating"] > near.slope["non_saturating"]     # the fix grows with D's confidence


def test_critic_arguments_are_checked():
    with pytest.raises(ValueError, match="loss"):
        wasserstein.train_critic_1d("mse")
    with pytest.raises(ValueError, match="steps"):
        wasserstein.train_critic_1d(steps=0)
    with pytest.raises(ValueError, match="critic"):
        wasserstein.plot_critics_1d("no", "no")
