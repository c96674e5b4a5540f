"""The end-of-lesson exercises (lessons 00–05; lesson 06 in test_lesson06.py) against answers worked
out here by hand or with plain NumPy/Keras — never against the checker's own stored solution, so a
wrong checker fails."""
import math
import pathlib

import numpy as np
import pytest

from gan_course import exercises

ASSETS = pathlib.Path(__file__).resolve().parents[1] / "gan_course" / "assets"


def _sevens_in_the_bundled_subset():
    with np.load(ASSETS / "mnist_5k.npz") as f:
        return int(np.sum(f["y"] == 7))


def _errors_of_the_shipped_classifier():
    """Counted with the Keras model itself on the 1,000 held-out digits, scaled by hand."""
    from gan_course import classifier, data

    (_, _), (x, y) = data.shuffle_split(*data.load_mnist("bundled"), held_out=1000, seed=0)
    logits = classifier.load_classifier()(x[..., None].astype(np.float32) / 127.5 - 1.0, training=False)
    return int(np.sum(np.argmax(np.asarray(logits), axis=1) != y))


def _jsd_of_two_unit_gaussians(distance):
    """½·KL(p‖m) + ½·KL(q‖m) with Simpson's rule on a grid of its own."""
    x = np.linspace(-20.0, 20.0 + distance, 400_001)
    p = np.exp(-0.5 * x ** 2) / math.sqrt(2 * math.pi)
    q = np.exp(-0.5 * (x - distance) ** 2) / math.sqrt(2 * math.pi)
    m = (p + q) / 2
    with np.errstate(divide="ignore", invalid="ignore"):
        f = 0.5 * np.where(p > 0, p * np.log(p / m), 0) + 0.5 * np.where(q > 0, q * np.log(q / m), 0)
    h = x[1] - x[0]
    return float(h / 3 * (f[0] + f[-1] + 4 * f[1:-1:2].sum() + 2 * f[2:-1:2].sum()))


BATCH = np.array([2.0, 4.0, 6.0, 8.0])

# key: (an answer worked out independently, a wrong answer)
BY_HAND = {
    "00.1": (_sevens_in_the_bundled_subset, 499),
    "00.2": (64 / 127.5 - 1, 64 / 255),
    "00.3": (78, 79),                                          # 5000 // 64, the last 8 dropped
    "01.1": (5 * 5 * 1 * 16 + 16, 5 * 5 * 16),                 # weights + one bias per filter
    "01.2": (5 * 5 * 64, 4 * 4 * 64),                          # 32 → 30 → 28 → 14 → 12 → 10 → 5
    "01.3": (_errors_of_the_shipped_classifier, 1000),
    "01.4": (1.0, 10.0),                                       # p(y|x) = p(y): KL = 0, exp(0)
    "01.5": (5.0, 10.0),                                       # exp(log 5)
    "02.1": (12, 13),                                          # floor((28 - 5) / 2) + 1
    "02.2": (4, 3),                                            # ceil(7 / 2)
    "02.3": ((1, 2), (2, 1)),                                  # total 3 = (4 - 1)·2 + 4 - 7, odd one after
    "02.4": ((3 * 3 * 16 + 1) * 32, 3 * 3 * 16 * 32),
    "02.5": ([[6, 5], [3, 9]], [[6, 5], [3, 8]]),
    "02.6": ([[1 - 1, 2 - 3], [0 - 1, 1 - 0]], [[1, 2], [0, 1]]),   # x[i, j] − x[i+1, j+1]
    "03.1": ((9, 25), (9, 16)),                                # o = floor((5 + 2 − 3) / 2) + 1 = 3
    "03.2": ((7 - 1) * 2 + 4, 14),
    "03.3": ([[1, 3, 2], [4, 10, 6], [3, 7, 4]], np.ones((3, 3))),
    "03.4": (9 / 4, 2.0),                                      # 3×3 copies against 2×2
    "03.5": (4, 3),
    "04.1": (0.99 / 0.01, 1.0),                                # |t − 1| / |−t| at t = 0.01
    "04.2": (1 / (1 + math.exp(-2)), 0.5),                     # N(0;0,1) / (N(0;0,1) + N(0;2,1))
    "04.3": (-math.log(4), 0.0),
    "04.4": (lambda: _jsd_of_two_unit_gaussians(2.0), math.log(2)),
    "04.5": (5 * 200, 200),
    "05.1": ((5.0, 5.0), (5.0, 20 / 3)),                       # biased variance: 20 / 4
    "05.2": (list(2 * (BATCH - 5) / math.sqrt(5 + 1e-3) + 1), list(2 * (BATCH - 5) / math.sqrt(5) + 2)),
    "05.3": (math.ceil(math.log(0.1) / math.log(0.99)), 100),  # 5·(1 − 0.99^k) ≥ 4.5
    "05.4": ([0.0, 0.0, 0.0, 0.0], [1.0, 1.0, 1.0, 1.0]),
    "05.5": (2 * 64, 4 * 64),                                  # γ and β per channel
    "05.6": (False, True),
}


def test_every_exercise_of_lessons_00_to_05_has_an_independent_answer_here():
    registered = [key for lesson in ("00", "01", "02", "03", "04", "05") for key in exercises.keys(lesson)]
    assert registered == sorted(BY_HAND)


@pytest.mark.parametrize("key", sorted(BY_HAND))
def test_the_checker_accepts_the_answer_worked_out_here_and_rejects_a_wrong_one(key):
    right, wrong = BY_HAND[key]
    right = right() if callable(right) else right
    assert exercises.is_correct(key, right), (key, right, exercises.solution(key))
    assert not exercises.is_correct(key, wrong), key
    assert not exercises.is_correct(key, None), key
