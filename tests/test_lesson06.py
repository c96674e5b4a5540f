"""Lesson 06 (DCGAN on MNIST): its exercises, checked against numbers worked out by hand."""
import math

import numpy as np
import pytest

from gan_course import exercises


def _ambiguity_by_hand():
    """E[H(p(y|x))] − H(E[p(y|x)]) of the question's logits, with NumPy only."""
    logits = 3 * np.random.default_rng(6).standard_normal((8, 10))
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    p = e / e.sum(axis=1, keepdims=True)
    each = -np.mean(np.sum(p * np.log(p), axis=1))
    m = p.mean(axis=0)
    return float(each + np.sum(m * np.log(m)))


BY_HAND = {
    # 3×3 conv 1→64 + 3×3 conv 64→128 + BN(128) γ, β + on φ (7·7·128): real/fake Dense → 1 and class head → 10
    # (with biases) + the projection's embedding, one row of 7·7·128 per digit
    "06.1": 3 * 3 * 1 * 64 + 3 * 3 * 64 * 128 + 2 * 128 + (7 * 7 * 128 + 1) * 11 + 10 * 7 * 7 * 128,   # 206 283
    "06.2": (14, 14, 64),
    "06.3": math.log(2.0),
    "06.4": -math.log(1.0 / (1.0 + math.exp(-1.0))),                        # -log σ(1) ≈ 0.3133
    "06.5": 4000 // 64,                                                     # the training split
    "06.6": [8, 9, 10],
    "06.7": "celebA_128_64_64",
    "06.8": 0.5 ** (64 / min(10_000, 0.05 * 40_000)),                       # half-life 2,000 images
    "06.11": _ambiguity_by_hand(),
}


def _slerp(z_a, z_b, t):
    """Great-circle interpolation written from the formula with the angle from arctan2 (not arccos)."""
    a, b = np.asarray(z_a, float), np.asarray(z_b, float)
    omega = np.arctan2(np.sqrt(max(np.dot(a, a) * np.dot(b, b) - np.dot(a, b) ** 2, 0.0)), np.dot(a, b))
    if omega < 1e-9:
        return (1 - t) * a + t * b
    return (np.sin((1 - t) * omega) * a + np.sin(t * omega) * b) / np.sin(omega)


def _memorised_share(images):
    """Nearest training digit by a plain loop over the training set (no library distance function)."""
    from gan_course import data, metrics

    train = data.mnist_split("train")[0].reshape(4000, -1).astype(np.float64) / 127.5 - 1.0
    x = np.asarray(images, np.float64).reshape(len(images), -1)
    nearest = np.array([np.sqrt(((train - row) ** 2).sum(axis=1)).min() for row in x])
    return float(np.mean(nearest < metrics.memorisation_threshold()))


#: coding exercises: (an independent implementation, a typical wrong one)
FUNCTIONS = {
    "06.9": (_slerp, lambda z_a, z_b, t: (1 - t) * np.asarray(z_a) + t * np.asarray(z_b)),   # lerp is not slerp
    "06.10": (_memorised_share, lambda images: float(np.mean(
        np.abs(np.asarray(images)).reshape(len(images), -1).mean(axis=1) < 0.5))),          # not a distance
}


def test_every_exercise_is_registered():
    assert exercises.keys("06") == sorted([*BY_HAND, *FUNCTIONS])


@pytest.mark.parametrize("key", sorted(FUNCTIONS))
def test_coding_exercises_accept_an_independent_implementation_and_reject_a_wrong_one(key):
    right, wrong = FUNCTIONS[key]
    assert exercises.is_correct(key, right)
    assert not exercises.is_correct(key, wrong)
    assert not exercises.is_correct(key, None)


@pytest.mark.parametrize("key", sorted(BY_HAND))
def test_solution_matches_the_hand_computation_and_passes_its_check(key):
    solution = exercises.solution(key)
    if isinstance(BY_HAND[key], str):
        assert solution == BY_HAND[key]
    else:
        np.testing.assert_allclose(np.asarray(solution, float), np.asarray(BY_HAND[key], float), atol=1e-6)
    assert exercises.is_correct(key, solution)
    assert exercises.is_correct(key, BY_HAND[key])


@pytest.mark.parametrize("key", sorted(BY_HAND))
def test_wrong_answers_are_rejected(key):
    right = BY_HAND[key]
    wrong = "mnist_64_28_28" if isinstance(right, str) else np.asarray(right, float) + 1
    assert not exercises.is_correct(key, wrong)
    assert not exercises.is_correct(key, None)


def test_check_prints_the_question_for_an_empty_answer(capsys):
    from gan_course import get_language, set_language

    before = get_language()
    set_language("pt")
    try:
        exercises.check("06.6", None)
    finally:
        set_language(before)
    assert "resume=True" in capsys.readouterr().out
