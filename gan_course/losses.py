"""GAN losses in the two forms of the Spanish notebook, minimax vs non-saturating, label smoothing.

With :math:`D` the discriminator's probability that an image is real:

* discriminator: :math:`J^{(D)} = -\\tfrac1m\\sum \\log D(x) - \\tfrac1m\\sum \\log(1 - D(G(z)))`
  (binary cross-entropy with label 1 for real images and 0 for generated ones);
* generator, **minimax** (saturating): :math:`J^{(G)} = \\tfrac1m\\sum \\log(1 - D(G(z)))`, the
  game's own objective — its gradient vanishes when D rejects the fakes confidently;
* generator, **non-saturating**: :math:`J^{(G)} = -\\tfrac1m\\sum \\log D(G(z))` (label 1 for
  the fakes) — the same fixed point, strong gradients early on.  The course default.

Each loss takes the discriminator's raw outputs in one of two forms:

* ``form="logits"`` — outputs are logits :math:`\\ell` (no sigmoid; the course's discriminators):
  computed with ``tf.nn.sigmoid_cross_entropy_with_logits`` (``log σ(ℓ) = -softplus(-ℓ)``), exact
  for any :math:`\\ell`;
* ``form="probability"`` — outputs are probabilities in [0, 1] (a sigmoid output, like the
  Spanish notebook's discriminator): the explicit logarithms, with probabilities clipped to
  [1e-7, 1 - 1e-7] (the same guard as Keras' ``BinaryCrossentropy``) so that ``log 0`` never
  appears.  Outputs outside [0, 1] are refused: they are logits, and mixing the forms — the
  Spanish notebook's ``from_logits=True`` on a sigmoid output — gives wrong losses silently.

Both forms agree on the same inputs (``loss(ℓ, "logits") == loss(σ(ℓ), "probability")``, tested).
``label_smoothing`` is **one-sided**: real images get the label ``1 - label_smoothing``, generated
ones keep 0 (Salimans et al., 2016; Keras' own ``label_smoothing`` smooths both sides).

Visto en 04 §La pérdida del discriminador es entropía cruzada binaria, 04 §Minimax contra no saturante y
06 §Logits o probabilidades.
"""
from __future__ import annotations

from . import recipes
from ._tf import tf
from .i18n import arg_error, register
from .validate import check_choice, check_float

register({
    "losses.expected_form": {"es": "'logits' o 'probability'", "pt": "'logits' ou 'probability'"},
    "losses.expected_kind": {
        "es": "'non_saturating' (−log D(G(z))) o 'minimax' (log(1 − D(G(z))), la que se satura)",
        "pt": "'non_saturating' (−log D(G(z))) ou 'minimax' (log(1 − D(G(z))), a que satura)",
    },
    "losses.expected_smoothing": {"es": "un número en [0, 0.5)", "pt": "um número em [0, 0.5)"},
    "losses.expected_probabilities": {
        "es": "probabilidades en [0, 1] (form='probability'); ¿son logits? use form='logits'",
        "pt": "probabilidades em [0, 1] (form='probability'); são logits? use form='logits'",
    },
    "losses.expected_outputs": {
        "es": "salidas del discriminador: un tensor no vacío de números finitos",
        "pt": "saídas do discriminador: um tensor não vazio de números finitos",
    },
    "losses.expected_same_shape": {
        "es": "probabilidades con la misma forma que real_prob, {shape}",
        "pt": "probabilidades com o mesmo formato de real_prob, {shape}",
    },
    "losses.expected_labels": {
        "es": "etiquetas en [0, 1], un número o un tensor que se extienda (broadcast) a la forma {shape} "
              "de las salidas",
        "pt": "rótulos em [0, 1], um número ou um tensor que se estenda (broadcast) ao formato {shape} "
              "das saídas",
    },
})

FORMS = ("logits", "probability")
KINDS = ("non_saturating", "minimax")
EPSILON = 1e-7


def _check_form(form):
    return check_choice("form", form, FORMS, expected="losses.expected_form")


def check_kind(kind, name: str = "kind") -> str:
    """``kind`` if it is one of :data:`KINDS` (``"non_saturating"`` or ``"minimax"``); ``name`` is the
    caller's argument, for the error message.  Visto en 04 §Minimax contra no saturante."""
    return check_choice(name, kind, KINDS, expected="losses.expected_kind")


def _tensor(name, value, expected="losses.expected_outputs", **fields):
    """``value`` as a floating tensor (float32 unless it already is float); in eager mode also
    non-empty and finite — a NaN would silently make the loss NaN."""
    try:
        x = tf.convert_to_tensor(value)
    except (TypeError, ValueError):
        raise arg_error(name, value, expected, **fields) from None
    if not x.dtype.is_floating:
        if not x.dtype.is_integer:
            raise arg_error(name, value, expected, **fields)
        x = tf.cast(x, tf.float32)
    if tf.executing_eagerly() and (int(tf.size(x)) == 0 or not bool(tf.reduce_all(tf.math.is_finite(x)))):
        raise arg_error(name, value, expected, **fields)
    return x


def check_label_smoothing(label_smoothing) -> float:
    """``label_smoothing`` as a float in [0, 0.5) (one-sided: the real label becomes ``1 - label_smoothing``).

    Visto en 06 §Trucos: ganhacks.
    """
    return check_float("label_smoothing", label_smoothing, 0, 0.5, high_open=True,
                       expected="losses.expected_smoothing")


_check_smoothing = check_label_smoothing  # the name gan_course.train still uses; prefer the public one


def _check_probabilities(name, p):
    """Refuse values outside [0, 1] in eager mode; inside a ``tf.function`` an assertion op does it."""
    if tf.executing_eagerly():
        if float(tf.reduce_min(p)) < 0.0 or float(tf.reduce_max(p)) > 1.0:
            raise arg_error(name, p, "losses.expected_probabilities")
        return p
    with tf.control_dependencies([
        tf.debugging.assert_greater_equal(p, tf.zeros_like(p), message="form='probability' needs values in [0, 1]"),
        tf.debugging.assert_less_equal(p, tf.ones_like(p), message="form='probability' needs values in [0, 1]"),
    ]):
        return tf.identity(p)


def _bce(labels, outputs, form, name):
    """Mean binary cross-entropy; ``name`` is the caller's argument holding ``outputs`` (for errors)."""
    _check_form(form)
    outputs = _tensor(name, outputs)
    shape = tuple(outputs.shape)
    labels = _tensor("labels", labels, "losses.expected_labels", shape=shape)
    if tf.executing_eagerly():
        if float(tf.reduce_min(labels)) < 0.0 or float(tf.reduce_max(labels)) > 1.0:
            raise arg_error("labels", labels, "losses.expected_labels", shape=shape)
        try:
            labels = tf.broadcast_to(tf.cast(labels, outputs.dtype), tf.shape(outputs))
        except (tf.errors.InvalidArgumentError, ValueError):
            raise arg_error("labels", labels, "losses.expected_labels", shape=shape) from None
    else:
        labels = tf.broadcast_to(tf.cast(labels, outputs.dtype), tf.shape(outputs))
    if form == "logits":
        return tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(labels=labels, logits=outputs))
    p = tf.clip_by_value(_check_probabilities(name, outputs), EPSILON, 1.0 - EPSILON)
    return -tf.reduce_mean(labels * tf.math.log(p) + (1.0 - labels) * tf.math.log(1.0 - p))


def binary_cross_entropy(labels, outputs, form: str = "logits"):
    """Mean binary cross-entropy :math:`-\\overline{y\\log D + (1-y)\\log(1-D)}` in either form.

    ``labels`` (a number or a tensor broadcastable to ``outputs``) are the targets in [0, 1];
    ``outputs`` are logits or probabilities according to ``form``.  The result keeps the outputs'
    float type (float32 for Python numbers).  Visto en 04 §La pérdida del discriminador es entropía cruzada binaria.
    """
    return _bce(labels, outputs, form, "outputs")


def discriminator_loss(real_output, fake_output, form: str = "logits", label_smoothing: float = 0.0):
    """:math:`J^{(D)}`: cross-entropy of D on real images (label 1) plus on generated ones (label 0).

    ``real_output`` = D(x), ``fake_output`` = D(G(z)), logits or probabilities per ``form``.
    ``label_smoothing`` (one-sided) lowers only the real label, to ``1 - label_smoothing``.
    Equals :math:`-\\overline{\\log D(x)} - \\overline{\\log(1 - D(G(z)))}`.
    Visto en 04 §La pérdida del discriminador es entropía cruzada binaria y 06 §El paso de entrenamiento.
    """
    smoothing = check_label_smoothing(label_smoothing)
    return _bce(1.0 - smoothing, real_output, form, "real_output") + _bce(0.0, fake_output, form, "fake_output")


def generator_loss(fake_output, form: str = "logits", kind: str = "non_saturating"):
    """:math:`J^{(G)}` from D(G(z)): ``"non_saturating"`` :math:`-\\overline{\\log D(G(z))}` or
    ``"minimax"`` :math:`\\overline{\\log(1 - D(G(z)))}` (the saturating original).

    Visto en 04 §Minimax contra no saturante.
    """
    if check_kind(kind) == "non_saturating":
        return _bce(1.0, fake_output, form, "fake_output")
    return -_bce(0.0, fake_output, form, "fake_output")


def explicit_discriminator_loss(real_prob, fake_prob):
    """The Spanish notebook's explicit formula :math:`-\\overline{\\log D(x) + \\log(1 - D(G(z)))}`.

    Probabilities in, written with plain logarithms (clipped as in :func:`binary_cross_entropy`);
    for equal batch sizes it is :func:`discriminator_loss` with ``form="probability"``.
    Visto en 06 §Logits o probabilidades.
    """
    real_prob = tf.clip_by_value(_check_probabilities("real_prob", _tensor("real_prob", real_prob)),
                                 EPSILON, 1.0 - EPSILON)
    fake_prob = tf.clip_by_value(_check_probabilities("fake_prob", _tensor("fake_prob", fake_prob)),
                                 EPSILON, 1.0 - EPSILON)
    if tf.executing_eagerly() and real_prob.shape != fake_prob.shape:
        raise arg_error("fake_prob", fake_prob, "losses.expected_same_shape", shape=tuple(real_prob.shape))
    return -tf.reduce_mean(tf.math.log(real_prob) + tf.math.log(1.0 - fake_prob))


# --- other loss families (lesson 08: beyond the cross-entropy) ----------------------------------

#: Loss families the trainer knows: the cross-entropy of lessons 04–06, the hinge loss (SAGAN,
#: BigGAN) and the Wasserstein loss with gradient penalty (Gulrajani et al., 2017).
FAMILIES = recipes.LOSS_FAMILIES  # ``--loss`` adds ``hinge-sn``, the hinge family trained as its paper does


def hinge_discriminator_loss(real_logits, fake_logits):
    """:math:`\\overline{\\max(0, 1 - D(x))} + \\overline{\\max(0, 1 + D(G(z)))}` on raw scores (logits).

    D stops pushing an image once its score is beyond the margin (≥ 1 for real, ≤ −1 for fake).
    Visto en 04 §Otras funciones de pérdida.
    """
    real = _tensor("real_logits", real_logits)
    fake = _tensor("fake_logits", fake_logits)
    return tf.reduce_mean(tf.nn.relu(1.0 - real)) + tf.reduce_mean(tf.nn.relu(1.0 + fake))


def hinge_generator_loss(fake_logits):
    """:math:`-\\overline{D(G(z))}`: G raises D's score of its images (no margin on G's side)."""
    return -tf.reduce_mean(_tensor("fake_logits", fake_logits))


def wasserstein_critic_loss(real_scores, fake_scores):
    """:math:`\\overline{D(G(z))} - \\overline{D(x)}`: minus the critic's estimate of the Wasserstein distance.

    The scores are not probabilities: any real number; only their difference means something.
    """
    return tf.reduce_mean(_tensor("fake_scores", fake_scores)) - tf.reduce_mean(_tensor("real_scores", real_scores))


def wasserstein_generator_loss(fake_scores):
    """:math:`-\\overline{D(G(z))}`."""
    return -tf.reduce_mean(_tensor("fake_scores", fake_scores))


def gradient_penalty(critic, real, fake, epsilon):
    """:math:`\\overline{(\\|\\nabla_{\\hat x} D(\\hat x)\\|_2 - 1)^2}`, the WGAN-GP penalty.

    :math:`\\hat x = \\epsilon x + (1-\\epsilon) G(z)` are points between real and generated images.

    ``critic`` maps images to scores (its first output column is used), ``epsilon`` has one value in
    [0, 1] per image (shape (N, 1, 1, 1)).  Multiply by λ (10 in Gulrajani et al.) in the loss.
    """
    mixed = epsilon * real + (1.0 - epsilon) * fake
    with tf.GradientTape() as tape:
        tape.watch(mixed)
        total = tf.reduce_sum(critic(mixed)[:, :1])
    grad = tape.gradient(total, mixed)
    norm = tf.sqrt(tf.reduce_sum(tf.square(grad), axis=list(range(1, len(grad.shape)))) + 1e-12)
    return tf.reduce_mean(tf.square(norm - 1.0))


def class_loss(logits, labels):
    """Cross-entropy of D's class head on the digits ``labels`` (AC-GAN)."""
    return tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=logits))


def ambiguity(logits):
    """E[H(p(y|G(z)))] − H(E[p(y|G(z))]): low when each fake is one clear digit and the batch covers all digits.

    The inside of the Inception Score's logarithm with the sign flipped, measured by D's own class
    head (never by the course's evaluator).  Visto en 07 §La cabeza de clases.
    """
    p = tf.nn.softmax(logits)
    each = -tf.reduce_mean(tf.reduce_sum(p * tf.math.log(p + 1e-8), axis=1))
    marginal = tf.reduce_mean(p, axis=0)
    return each + tf.reduce_sum(marginal * tf.math.log(marginal + 1e-8))
