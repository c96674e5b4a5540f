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

Visto en 04 §Funciones de pérdida y 06 §El paso de entrenamiento.
"""
from __future__ import annotations

from ._tf import tf
from .i18n import arg_error, register

register({
    "losses.expected_form": {"es": "'logits' o 'probability'", "pt": "'logits' ou 'probability'"},
    "losses.expected_kind": {"es": "'non_saturating' o 'minimax'", "pt": "'non_saturating' ou 'minimax'"},
    "losses.expected_smoothing": {"es": "un número en [0, 0.5)", "pt": "um número em [0, 0.5)"},
    "losses.expected_probabilities": {
        "es": "probabilidades en [0, 1] (form='probability'); ¿son logits? use form='logits'",
        "pt": "probabilidades em [0, 1] (form='probability'); são logits? use form='logits'",
    },
})

FORMS = ("logits", "probability")
KINDS = ("non_saturating", "minimax")
EPSILON = 1e-7


def _check_form(form):
    if form not in FORMS:
        raise arg_error("form", form, "losses.expected_form")


def _check_smoothing(label_smoothing):
    try:
        ok = 0.0 <= float(label_smoothing) < 0.5
    except (TypeError, ValueError):
        ok = False
    if not ok:
        raise arg_error("label_smoothing", label_smoothing, "losses.expected_smoothing")
    return float(label_smoothing)


def _check_probabilities(name, p):
    """Refuse values outside [0, 1] in eager mode; inside a ``tf.function`` an assertion op does it."""
    if tf.executing_eagerly():
        if tf.size(p) > 0 and (float(tf.reduce_min(p)) < 0.0 or float(tf.reduce_max(p)) > 1.0):
            raise arg_error(name, p, "losses.expected_probabilities")
        return p
    with tf.control_dependencies([
        tf.debugging.assert_greater_equal(p, tf.zeros_like(p), message="form='probability' needs values in [0, 1]"),
        tf.debugging.assert_less_equal(p, tf.ones_like(p), message="form='probability' needs values in [0, 1]"),
    ]):
        return tf.identity(p)


def binary_cross_entropy(labels, outputs, form: str = "logits"):
    """Mean binary cross-entropy :math:`-\\overline{y\\log D + (1-y)\\log(1-D)}` in either form.

    ``labels`` (a number or a tensor broadcastable to ``outputs``) are the targets in [0, 1];
    ``outputs`` are logits or probabilities according to ``form``.  Visto en 04 §Entropía cruzada binaria.
    """
    _check_form(form)
    outputs = tf.convert_to_tensor(outputs, dtype=tf.float32)
    labels = tf.broadcast_to(tf.cast(labels, tf.float32), tf.shape(outputs))
    if form == "logits":
        return tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(labels=labels, logits=outputs))
    p = tf.clip_by_value(_check_probabilities("outputs", outputs), EPSILON, 1.0 - EPSILON)
    return -tf.reduce_mean(labels * tf.math.log(p) + (1.0 - labels) * tf.math.log(1.0 - p))


def discriminator_loss(real_output, fake_output, form: str = "logits", label_smoothing: float = 0.0):
    """:math:`J^{(D)}`: cross-entropy of D on real images (label 1) plus on generated ones (label 0).

    ``real_output`` = D(x), ``fake_output`` = D(G(z)), logits or probabilities per ``form``.
    ``label_smoothing`` (one-sided) lowers only the real label, to ``1 - label_smoothing``.
    Equals :math:`-\\overline{\\log D(x)} - \\overline{\\log(1 - D(G(z)))}`.  Visto en 04 §J(D).
    """
    smoothing = _check_smoothing(label_smoothing)
    return (binary_cross_entropy(1.0 - smoothing, real_output, form)
            + binary_cross_entropy(0.0, fake_output, form))


def generator_loss(fake_output, form: str = "logits", kind: str = "non_saturating"):
    """:math:`J^{(G)}` from D(G(z)): ``"non_saturating"`` :math:`-\\overline{\\log D(G(z))}` or
    ``"minimax"`` :math:`\\overline{\\log(1 - D(G(z)))}` (the saturating original).

    Visto en 04 §Minimax contra no saturante.
    """
    if kind not in KINDS:
        raise arg_error("kind", kind, "losses.expected_kind")
    if kind == "non_saturating":
        return binary_cross_entropy(1.0, fake_output, form)
    return -binary_cross_entropy(0.0, fake_output, form)


def explicit_discriminator_loss(real_prob, fake_prob):
    """The Spanish notebook's explicit formula :math:`-\\overline{\\log D(x) + \\log(1 - D(G(z)))}`.

    Probabilities in, written with plain logarithms (clipped as in :func:`binary_cross_entropy`);
    for equal batch sizes it is :func:`discriminator_loss` with ``form="probability"``.
    Visto en 04 §J(D).
    """
    real_prob = tf.clip_by_value(_check_probabilities("real_prob", tf.convert_to_tensor(real_prob, tf.float32)),
                                 EPSILON, 1.0 - EPSILON)
    fake_prob = tf.clip_by_value(_check_probabilities("fake_prob", tf.convert_to_tensor(fake_prob, tf.float32)),
                                 EPSILON, 1.0 - EPSILON)
    return -tf.reduce_mean(tf.math.log(real_prob) + tf.math.log(1.0 - fake_prob))
