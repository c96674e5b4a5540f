"""Lesson 06 (DCGAN on MNIST): its exercises, checked against numbers worked out by hand."""
import math

import numpy as np
import pytest

from gan_course import exercises

BY_HAND = {
    "06.1": 4 * 4 * 1 * 64 + 4 * 4 * 64 * 128 + 2 * 128 + 7 * 7 * 128 + 1,   # 138 625
    "06.2": (14, 14, 64),
    "06.3": math.log(2.0),
    "06.4": -math.log(1.0 / (1.0 + math.exp(-1.0))),                        # -log σ(1) ≈ 0.3133
    "06.5": 5000 // 64,
    "06.6": [8, 9, 10],
    "06.7": "celebA_128_64_64",
}


def test_every_exercise_is_registered():
    assert exercises.keys("06") == sorted(BY_HAND)


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
