"""GAN losses: logits and probability forms agree, match Keras, minimax vs non-saturating, smoothing."""
import numpy as np
import pytest
from student_errors import assert_names

from gan_course import i18n, keras, losses, models, tf, train

RNG = np.random.default_rng(0)
REAL_LOGITS = RNG.normal(1.0, 3.0, size=(64, 1)).astype("float32")
FAKE_LOGITS = RNG.normal(-1.0, 3.0, size=(64, 1)).astype("float32")
REAL_PROB = tf.sigmoid(REAL_LOGITS).numpy()
FAKE_PROB = tf.sigmoid(FAKE_LOGITS).numpy()


def _close(a, b, tol=2e-6):
    return abs(float(a) - float(b)) <= tol * max(1.0, abs(float(b)))


@pytest.mark.parametrize("smoothing", [0.0, 0.1])
def test_both_forms_of_the_discriminator_loss_agree(smoothing):
    from_logits = losses.discriminator_loss(REAL_LOGITS, FAKE_LOGITS, "logits", smoothing)
    from_probs = losses.discriminator_loss(REAL_PROB, FAKE_PROB, "probability", smoothing)
    assert _close(from_logits, from_probs)


@pytest.mark.parametrize("kind", losses.KINDS)
def test_both_forms_of_the_generator_loss_agree(kind):
    assert _close(losses.generator_loss(FAKE_LOGITS, "logits", kind),
                  losses.generator_loss(FAKE_PROB, "probability", kind))


def test_explicit_formula_equals_the_probability_form():
    explicit = losses.explicit_discriminator_loss(REAL_PROB, FAKE_PROB)
    manual = -np.mean(np.log(REAL_PROB.astype(np.float64)) + np.log(1 - FAKE_PROB.astype(np.float64)))
    assert _close(explicit, losses.discriminator_loss(REAL_PROB, FAKE_PROB, "probability"))
    assert _close(explicit, manual, 1e-5)


def test_matches_keras_binary_cross_entropy():
    bce_logits = keras.losses.BinaryCrossentropy(from_logits=True)
    bce_probs = keras.losses.BinaryCrossentropy(from_logits=False)
    ones, zeros = np.ones_like(REAL_LOGITS), np.zeros_like(FAKE_LOGITS)
    tutorial_d = bce_logits(ones, REAL_LOGITS) + bce_logits(zeros, FAKE_LOGITS)  # the TF tutorial's J(D)
    assert _close(losses.discriminator_loss(REAL_LOGITS, FAKE_LOGITS), tutorial_d)
    assert _close(losses.generator_loss(FAKE_LOGITS), bce_logits(ones, FAKE_LOGITS))
    assert _close(losses.discriminator_loss(REAL_PROB, FAKE_PROB, "probability"),
                  bce_probs(ones, REAL_PROB) + bce_probs(zeros, FAKE_PROB))


def test_minimax_and_non_saturating_closed_forms_and_gradients():
    logits = tf.constant([[-6.0], [0.0], [2.0]])
    p = tf.sigmoid(logits).numpy()[:, 0]
    assert _close(losses.generator_loss(logits, kind="non_saturating"), -np.mean(np.log(p)))
    assert _close(losses.generator_loss(logits, kind="minimax"), np.mean(np.log(1 - p)))
    # Early in training D rejects fakes (D(G(z)) ≈ 0): minimax saturates, non-saturating does not.
    rejected = tf.Variable([[-6.0]])
    grads = {}
    for kind in losses.KINDS:
        with tf.GradientTape() as tape:
            loss = losses.generator_loss(rejected, kind=kind)
        grads[kind] = abs(float(tape.gradient(loss, rejected)[0, 0]))
    assert grads["minimax"] < 0.01 < 0.9 < grads["non_saturating"]


def test_logits_form_is_exact_for_extreme_logits():
    big = tf.constant([[60.0], [-60.0]])
    value = float(losses.binary_cross_entropy(tf.constant([[0.0], [1.0]]), big))
    assert np.isfinite(value) and _close(value, 60.0, 1e-6)
    # the probability form is clipped: finite, never log(0)
    assert np.isfinite(float(losses.discriminator_loss([[0.0]], [[1.0]], "probability")))


def test_one_sided_label_smoothing():
    plain = losses.discriminator_loss(REAL_LOGITS, FAKE_LOGITS)
    smooth = losses.discriminator_loss(REAL_LOGITS, FAKE_LOGITS, label_smoothing=0.1)
    p = REAL_PROB.astype(np.float64)
    real_part = -np.mean(0.9 * np.log(p) + 0.1 * np.log(1 - p))
    fake_part = -np.mean(np.log(1 - FAKE_PROB.astype(np.float64)))  # the fake label stays 0
    assert _close(smooth, real_part + fake_part, 1e-5)
    assert not _close(plain, smooth)
    for bad in (-0.1, 0.5, "a"):
        with pytest.raises(ValueError, match="label_smoothing"):
            losses.discriminator_loss(REAL_LOGITS, FAKE_LOGITS, label_smoothing=bad)


def test_probability_form_refuses_logits_eager_and_in_a_tf_function():
    with pytest.raises(ValueError, match="form='logits'"):
        losses.discriminator_loss(REAL_LOGITS, FAKE_LOGITS, "probability")
    with i18n.language("pt"):
        with pytest.raises(ValueError, match="são logits"):
            losses.generator_loss(FAKE_LOGITS, "probability")

    @tf.function
    def wrong(x):
        return losses.generator_loss(x, "probability")

    with pytest.raises(tf.errors.InvalidArgumentError):
        wrong(tf.constant(FAKE_LOGITS))
    assert np.isfinite(float(wrong(tf.constant(FAKE_PROB))))


def test_bad_form_and_kind():
    with pytest.raises(ValueError, match="`form`"):
        losses.discriminator_loss(REAL_LOGITS, FAKE_LOGITS, "sigmoid")
    with pytest.raises(ValueError, match="`kind`"):
        losses.generator_loss(FAKE_LOGITS, kind="wasserstein")


def test_trainer_pairs_the_sigmoid_discriminator_with_the_probability_form():
    G, D = models.build_pair("rivera")
    assert train.GAN(G, D).form == "probability"
    with pytest.raises(ValueError, match="`form`"):
        train.GAN(G, D, form="logits")  # the Spanish notebook's mismatch, refused
    G2, D2 = models.build_pair("course")
    assert train.GAN(G2, D2).form == "logits"
    with pytest.raises(ValueError, match="`form`"):
        train.GAN(G2, D2, form="probability")


NAN = float("nan")


@pytest.mark.parametrize("call,name", [
    (lambda: losses.binary_cross_entropy(np.ones((3, 1)), np.zeros((4, 1))), "labels"),  # was InvalidArgumentError
    (lambda: losses.binary_cross_entropy(2.0, np.zeros((4, 1))), "labels"),
    (lambda: losses.binary_cross_entropy(1.0, "abc"), "outputs"),
    (lambda: losses.binary_cross_entropy(1.0, np.zeros((0, 1))), "outputs"),
    (lambda: losses.binary_cross_entropy(1.0, [[NAN]]), "outputs"),
    (lambda: losses.generator_loss([[NAN]], "probability"), "fake_output"),        # was a silent nan
    (lambda: losses.generator_loss([[0.0]], kind="saturating"), "kind"),           # the name is "minimax"
    (lambda: losses.generator_loss([[3.0]], "probability"), "fake_output"),
    (lambda: losses.discriminator_loss([[3.0]], [[0.5]], "probability"), "real_output"),  # not an inner name
    (lambda: losses.discriminator_loss([[0.5]], [[-3.0]], "probability"), "fake_output"),
    (lambda: losses.discriminator_loss([[0.0]], [[0.0]], label_smoothing=NAN), "label_smoothing"),
    (lambda: losses.discriminator_loss([[0.0]], [[0.0]], label_smoothing=True), "label_smoothing"),
    (lambda: losses.explicit_discriminator_loss(np.full((3, 1), 0.5), np.full((2, 1), 0.5)), "fake_prob"),
    (lambda: losses.explicit_discriminator_loss([[True]], [[0.5]]), "real_prob"),
])
def test_bad_inputs_name_the_argument(call, name):
    assert_names(call, name)


def test_float64_outputs_keep_their_precision():
    logits = np.array([[-3.0], [0.25], [4.0]])
    loss = losses.generator_loss(logits)
    assert loss.dtype == tf.float64
    assert float(loss) == pytest.approx(np.mean(np.log1p(np.exp(-logits))), rel=1e-12)
