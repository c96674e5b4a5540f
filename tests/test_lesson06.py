"""Lesson 06 (the plain DCGAN on MNIST): its exercises, checked against numbers worked out by hand."""
import math

import numpy as np
import pytest

from gan_course import exercises

BY_HAND = {
    # 3×3 conv 1→64 (no bias) + 3×3 conv 64→128 (no bias) + BN(128) γ, β + Dense 7·7·128 → 1 with its bias
    "06.1": 3 * 3 * 1 * 64 + 3 * 3 * 64 * 128 + 2 * 128 + 7 * 7 * 128 + 1,   # 80 833
    "06.2": (14, 14, 64),
    "06.3": math.log(2.0),
    "06.4": -math.log(1.0 / (1.0 + math.exp(-1.0))),                        # -log σ(1) ≈ 0.3133
    "06.5": 4000 // 64,                                                     # the training split
    "06.6": [8, 9, 10],
    "06.7": "celebA_128_64_64",
    "06.8": len({64, 32, 16}),                                              # one graph per new batch shape
}


def _d_loss(real_logits, fake_logits):
    """J(D) on logits through np.logaddexp: -log σ(ℓ) = log(1 + e^-ℓ), -log(1 - σ(ℓ)) = log(1 + e^ℓ)."""
    real, fake = np.asarray(real_logits, float), np.asarray(fake_logits, float)
    return float(np.mean(np.logaddexp(0.0, -real)) + np.mean(np.logaddexp(0.0, fake)))


def _d_loss_naive(real_logits, fake_logits):
    """The explicit formula on probabilities: right for moderate logits, inf/nan once the sigmoid rounds to 0 or 1."""
    with np.errstate(divide="ignore", over="ignore", invalid="ignore"):
        d_real = 1.0 / (1.0 + np.exp(-np.asarray(real_logits, float)))
        d_fake = 1.0 / (1.0 + np.exp(-np.asarray(fake_logits, float)))
        return float(-np.mean(np.log(d_real)) - np.mean(np.log(1.0 - d_fake)))


def _memorised_share(images):
    """Nearest training digit by a plain loop over the training set (no library distance function)."""
    from gan_course import data, metrics

    train = data.mnist_split("train")[0].reshape(4000, -1).astype(np.float64) / 127.5 - 1.0
    x = np.asarray(images, np.float64).reshape(len(images), -1)
    nearest = np.array([np.sqrt(((train - row) ** 2).sum(axis=1)).min() for row in x])
    return float(np.mean(nearest < metrics.memorisation_threshold()))


#: coding exercises: (an independent implementation, typical wrong ones)
FUNCTIONS = {
    "06.9": (_d_loss, [_d_loss_naive,                                                        # overflows at ±100
                       lambda r, f: _d_loss(r, f) / 2,                                       # mean of the two terms
                       lambda r, f: _d_loss(f, r)]),                                         # labels swapped
    "06.10": (_memorised_share, [lambda images: float(np.mean(
        np.abs(np.asarray(images)).reshape(len(images), -1).mean(axis=1) < 0.5))]),          # not a distance
}


def test_every_exercise_is_registered():
    assert exercises.keys("06") == sorted([*BY_HAND, *FUNCTIONS])


def test_the_naive_loss_is_right_where_the_sigmoid_does_not_round():
    """The wrong answer of 06.9 fails only on the extreme logits: the checker must test those."""
    real, fake = np.array([0.3, -1.2, 2.0]), np.array([-0.5, 1.5, 0.1])
    assert abs(_d_loss_naive(real, fake) - _d_loss(real, fake)) < 1e-9
    assert not math.isfinite(_d_loss_naive(np.array([-100.0]), np.array([100.0])))


@pytest.mark.parametrize("key", sorted(FUNCTIONS))
def test_coding_exercises_accept_an_independent_implementation_and_reject_wrong_ones(key):
    right, wrongs = FUNCTIONS[key]
    assert exercises.is_correct(key, right)
    for wrong in wrongs:
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


def test_the_old_course_discriminator_count_is_rejected():
    """06.1 asks for the plain discriminator: the labelled recipe's count (class head, projection) is wrong here."""
    course = 3 * 3 * 64 + 3 * 3 * 64 * 128 + 2 * 128 + (7 * 7 * 128 + 1) * 11 + 10 * 7 * 7 * 128
    assert not exercises.is_correct("06.1", course)


def test_check_prints_the_question_for_an_empty_answer(capsys):
    from gan_course import get_language, set_language

    before = get_language()
    set_language("pt")
    try:
        exercises.check("06.6", None)
    finally:
        set_language(before)
    assert "resume=True" in capsys.readouterr().out
