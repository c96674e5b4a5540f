"""Lesson 08 (the Keras way, more than one machine): its exercises, checked against answers worked out here."""
import numpy as np
import pytest

from gan_course import exercises


def _replica_losses(per_example, sizes):
    """Each replica's slice summed and divided by the GLOBAL batch (NumPy only): the shares add up to the mean."""
    x = np.asarray(per_example, np.float64)
    total, start, out = len(x), 0, []
    for n in sizes:
        out.append(float(x[start:start + n].sum() / total))
        start += n
    return out


def _replica_means(per_example, sizes):
    """The usual slip: each replica takes its own mean (summed by the optimizer: R times too large)."""
    x = np.asarray(per_example, np.float64)
    bounds = np.cumsum([0, *sizes])
    return [float(x[a:b].mean()) for a, b in zip(bounds[:-1], bounds[1:])]


def _make_double():
    from gan_course import tf

    @tf.function(input_signature=(tf.TensorSpec(shape=(None, 28, 28, 1), dtype=tf.float32),))
    def double(images):
        return images + images

    return double


def _make_double_retracing():
    """reduce_retracing traces twice (the first shape, then a relaxed one): not once."""
    from gan_course import tf

    return tf.function(lambda images: images * 2.0, reduce_retracing=True)


BY_HAND = {
    "08.3": [256 // 4, 60_000 // 256],      # 64 images per replica, 234 steps (the last 96 images dropped)
    "08.4": [4, 5],                         # Keras counts epochs from 0: the 5th and 6th epochs are 4 and 5
}
WRONG = {"08.3": [256, 234], "08.4": [5, 6]}

#: coding exercises: (an independent implementation, a typical wrong one)
FUNCTIONS = {
    "08.1": (_replica_losses, _replica_means),
    "08.2": (_make_double, _make_double_retracing),
}


def test_every_exercise_is_registered():
    assert exercises.keys("08") == sorted([*BY_HAND, *FUNCTIONS])


@pytest.mark.parametrize("key", sorted(FUNCTIONS))
def test_coding_exercises_accept_an_independent_implementation_and_reject_a_wrong_one(key):
    right, wrong = FUNCTIONS[key]
    assert exercises.is_correct(key, right)
    assert not exercises.is_correct(key, wrong)
    assert not exercises.is_correct(key, None)
    assert exercises.is_correct(key, exercises.solution(key))


def test_a_plain_tf_function_is_traced_once_per_batch_size_and_rejected():
    from gan_course import tf

    assert not exercises.is_correct("08.2", lambda: tf.function(lambda images: 2.0 * images))
    assert not exercises.is_correct("08.2", lambda: (lambda images: 2.0 * images))   # no tracing count at all


@pytest.mark.parametrize("key", sorted(BY_HAND))
def test_solution_matches_the_hand_answer_and_wrong_answers_are_rejected(key):
    np.testing.assert_array_equal(np.asarray(exercises.solution(key)), np.asarray(BY_HAND[key]))
    assert exercises.is_correct(key, BY_HAND[key])
    assert not exercises.is_correct(key, WRONG[key])
    assert not exercises.is_correct(key, None)
