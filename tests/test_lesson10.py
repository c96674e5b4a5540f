"""Lesson 10 (conditioning, Wasserstein, hinge, Pix2Pix): every exercise against an answer worked out here — by hand,
or with plain NumPy written differently from the checker — and a wrong answer a student could plausibly give."""
import numpy as np
import pytest

from gan_course import exercises


def _receptive_field(layers):
    """Walked back from one output pixel: r ← r·s + (k − s) per layer, starting at r = 1."""
    r = 1
    for k, s in reversed(layers):
        r = r * s + (k - s)
    return r


def _w1_as_area_between_cdfs(a, b):
    """W₁ = ∫ |F_a − F_b| dx, with both empirical step CDFs evaluated on the merged, sorted values."""
    points = np.sort(np.concatenate([a, b]))
    fa = np.searchsorted(np.sort(a), points[:-1], side="right") / len(a)
    fb = np.searchsorted(np.sort(b), points[:-1], side="right") / len(b)
    return float(np.sum(np.abs(fa - fb) * np.diff(points)))


def _w1_without_sorting(a, b):
    return float(np.mean(np.abs(np.asarray(a) - np.asarray(b))))


def _label_maps_by_loops(x, y):
    out = np.zeros((*x.shape[:3], 1 + 10), np.float32)
    out[..., :1] = x
    for i, digit in enumerate(y):
        out[i, :, :, 1 + int(digit)] = 1.0
    return out


def _label_value_as_channels(x, y):
    """The digit itself, repeated in 10 channels: not a one-hot."""
    maps = np.broadcast_to(np.asarray(y, np.float32)[:, None, None, None], (*x.shape[:3], 10))
    return np.concatenate([x, maps], axis=-1)


# key: (an answer worked out independently, a wrong answer).  A function answer is given as ``lambda: fn``.
BY_HAND = {
    "10.1": (4.0 - 1.0, (4.0 - 1.0) ** 2),                     # same σ: the pile moves by the distance of the means
    "10.2": (2.0 * (1 + 2.0 / (2 * 10.0)), 2.0),               # slope s = 1 + W/(2λ), estimate s·W
    "10.3": (5 * 5 * (1 + 10) * 64, 5 * 5 * 1 * 64),           # the image's channel and 10 label channels
    "10.4": (max(0.0, 1 - 0.5) + max(0.0, 1 + -2.0), (1 - 0.5) + (1 + -2.0)),   # the wrong one drops the max
    "10.5": (_receptive_field([(4, 2)] * 3), 4 + 3 + 3),       # 1 → 4 → 10 → 22; not one step per extra layer
}
FUNCTIONS = {
    "10.6": (_w1_as_area_between_cdfs, _w1_without_sorting),
    "10.7": (_label_maps_by_loops, _label_value_as_channels),
}


def test_every_exercise_is_registered_and_two_ask_for_code():
    assert exercises.keys("10") == sorted([*BY_HAND, *FUNCTIONS])
    assert len(FUNCTIONS) >= 2


@pytest.mark.parametrize("key", sorted(BY_HAND))
def test_the_checker_accepts_the_answer_worked_out_here_and_rejects_a_wrong_one(key):
    right, wrong = BY_HAND[key]
    assert exercises.is_correct(key, right), (key, right, exercises.solution(key))
    assert not exercises.is_correct(key, wrong), key
    assert not exercises.is_correct(key, None), key


@pytest.mark.parametrize("key", sorted(FUNCTIONS))
def test_the_coding_exercises_accept_an_independent_function_and_reject_a_plausible_mistake(key):
    right, wrong = FUNCTIONS[key]
    assert exercises.is_correct(key, right), key
    assert not exercises.is_correct(key, wrong), key
    assert not exercises.is_correct(key, lambda *args: 1 / 0), key
    assert not exercises.is_correct(key, "np.sort"), key


def test_the_independent_w1_agrees_with_the_closed_form_for_shifted_samples():
    a = np.random.default_rng(0).normal(size=300)
    assert _w1_as_area_between_cdfs(a, a + 2.5) == pytest.approx(2.5)
