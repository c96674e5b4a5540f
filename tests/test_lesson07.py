"""Lesson 07 (why the digits get better): its exercises against answers worked out here, and the helpers it
teaches (the linear probe on D's features, arithmetic in z)."""
import numpy as np
import pytest

from gan_course import exercises, latent, probe

_SEEN = 60 * 62 * 64                                                # 238,080 images: past the ramp, the cap


def _log_softmax(logits):
    shifted = logits - logits.max(axis=1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))


def _class_term(pick_requested=True):
    logits = 3.0 * np.random.default_rng(6).standard_normal((8, 10))
    codes = np.array([3, 1, 4, 1, 5, 9, 2, 6])
    chosen = codes if pick_requested else logits.argmax(axis=1)     # wrong: the most likely class
    return float(-np.mean(_log_softmax(logits)[np.arange(8), chosen]))


BY_HAND = {
    "07.1": (2.0 ** (-64 / 10_000), 2.0 ** (-64 / (0.05 * _SEEN))),   # wrong: the ramp instead of the cap
    "07.4": (_class_term(), _class_term(pick_requested=False)),
}


def _purity_from_a_table(groups, labels):
    """Purity from a group × label count table (a different route from the checker's bincount per group)."""
    g = np.unique(np.asarray(groups), return_inverse=True)[1]
    table = np.zeros((g.max() + 1, int(np.max(labels)) + 1))
    np.add.at(table, (g, np.asarray(labels)), 1)
    return table.max(axis=1).sum() / len(g)


def _inverse_purity(groups, labels):
    """Wrong: per label, the commonest group (how spread each digit is, not how mixed each group is)."""
    return _purity_from_a_table(labels, groups)


def _slerp_by_rotation(z_a, z_b, t):
    """The same weights, computed in an orthonormal basis (u, w) of the plane of z_a and z_b (Gram–Schmidt), with Ω
    from arctan2 instead of arccos."""
    z_a, z_b = np.asarray(z_a, float), np.asarray(z_b, float)
    na, nb = np.linalg.norm(z_a), np.linalg.norm(z_b)
    u = z_a / na
    w = z_b / nb - np.dot(z_b / nb, u) * u
    omega = np.arctan2(np.linalg.norm(w), np.dot(z_b / nb, u))
    w = w / np.linalg.norm(w)
    # z_a = na·u and z_b = nb·(cos Ω·u + sin Ω·w)
    a, b = np.sin((1 - t) * omega) / np.sin(omega), np.sin(t * omega) / np.sin(omega)
    return (a * na + b * nb * np.cos(omega)) * u + b * nb * np.sin(omega) * w


FUNCTIONS = {
    "07.2": (_purity_from_a_table, _inverse_purity),
    "07.3": (_slerp_by_rotation, lambda z_a, z_b, t: (1 - t) * np.asarray(z_a) + t * np.asarray(z_b)),
}


def test_every_exercise_is_registered():
    assert exercises.keys("07") == sorted([*BY_HAND, *FUNCTIONS])


@pytest.mark.parametrize("key", sorted(BY_HAND))
def test_the_checker_accepts_the_hand_answer_and_rejects_a_wrong_one(key):
    right, wrong = BY_HAND[key]
    assert abs(exercises.solution(key) - right) < 1e-6
    assert exercises.is_correct(key, right)
    assert not exercises.is_correct(key, wrong)
    assert not exercises.is_correct(key, None)


@pytest.mark.parametrize("key", sorted(FUNCTIONS))
def test_the_code_exercises_accept_an_independent_function_and_reject_a_wrong_one(key):
    right, wrong = FUNCTIONS[key]
    assert exercises.is_correct(key, right)
    assert exercises.is_correct(key, exercises.solution(key))
    assert not exercises.is_correct(key, wrong)
    assert not exercises.is_correct(key, lambda *args: 1 / 0)
    assert not exercises.is_correct(key, "a formula")


def test_the_probe_separates_classes_a_linear_map_can_separate_and_picks_lambda_by_leave_one_out():
    rng = np.random.default_rng(0)
    centres = rng.normal(0, 3, (4, 20))
    y = np.repeat(np.arange(4), 60)
    x = centres[y] + rng.normal(0, 1, (240, 20))
    few = probe.few_labels(y, 10, seed=1)                           # 40 labelled points in 20 dimensions
    assert len(few) == 40 and np.all(np.bincount(y[few]) == 10)
    out = probe.ridge_probe(x[few], y[few], x, pool=x)
    assert np.mean(out["predicted"] == y) > 0.95
    assert out["lambda"] in probe.LAMBDAS and 0.0 <= out["loo_accuracy"] <= 1.0
    noise = probe.ridge_probe(rng.normal(size=(40, 20)), y[few], rng.normal(size=(240, 20)))
    assert np.mean(noise["predicted"] == y) < 0.5                    # nothing to learn: about chance


def test_the_probe_matches_ridge_regression_solved_in_the_primal():
    rng = np.random.default_rng(3)
    a, y, b = rng.normal(size=(12, 5)), np.arange(12) % 3, rng.normal(size=(7, 5))
    out = probe.ridge_probe(a, y, b, lambdas=(0.5,))
    mean, spread = a.mean(0), a.std(0) + 1e-6
    a_s, b_s = (a - mean) / spread, (b - mean) / spread
    a_c, b_c = a_s - a_s.mean(0), b_s - a_s.mean(0)
    t = np.eye(3)[y] - np.eye(3)[y].mean(0)
    lam = 0.5 * np.trace(a_c @ a_c.T) / len(a_c)
    w = np.linalg.solve(a_c.T @ a_c + lam * np.eye(5), a_c.T @ t)      # the primal normal equations
    np.testing.assert_array_equal(out["predicted"], (b_c @ w).argmax(1))


def test_probe_refuses_bad_labels_and_features_naming_the_argument():
    with pytest.raises(ValueError, match="labels"):
        probe.ridge_probe(np.zeros((3, 2)), np.array([0.5, 1, 0]), np.zeros((1, 2)))
    with pytest.raises(ValueError, match="test_features"):
        probe.ridge_probe(np.ones((3, 2)), np.array([0, 1, 0]), np.zeros((1, 3)))


def test_probe_features_read_the_image_input_of_a_two_input_discriminator():
    from gan_course import models
    d = models.build_pair("course")[1]                     # half width: D 32 → 64 filters
    f = probe.features(d, np.zeros((3, 28, 28), np.uint8), batch_size=2)
    assert f.shape == (3, 7 * 7 * 64) and f.dtype == np.float32


def test_direction_is_the_difference_of_the_extreme_means_and_keeps_the_code():
    z = np.arange(40, dtype=float).reshape(10, 4)
    scores = np.arange(10.0)[::-1]                                   # the first rows score highest
    d = latent.direction(z, scores, share=0.2, keep=1)
    np.testing.assert_allclose(d, [0.0, *(z[:2].mean(0) - z[-2:].mean(0))[1:]])
    np.testing.assert_allclose(latent.ink(np.full((2, 3, 3), 255, np.uint8)), [1.0, 1.0])
    np.testing.assert_allclose(latent.ink(-np.ones((1, 2, 2, 1), np.float32)), [0.0])
    with pytest.raises(ValueError, match="scores"):
        latent.direction(z, scores[:3])
