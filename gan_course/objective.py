"""The GAN objective, written out and checked: value function, generator losses and their gradients,
the optimal discriminator and the Jensen–Shannon divergence.

Goodfellow et al. (2014) define the two-player game

    min_G max_D V(D, G) = E_{x~p_data}[log D(x)] + E_{z~p_z}[log(1 - D(G(z)))]

where ``D(x)`` is the probability that ``x`` is **real**.  This module gives every piece of it as a
small NumPy function that a lesson cell can call and check:

* 1-D data (:mod:`gan_course.densities`, also reachable here): Gaussians and their mixtures
  (:func:`gaussian_pdf`, :class:`Mixture1D`, :data:`DATASETS`), maximum likelihood, a kernel density
  estimate (:func:`kde`);
* the value function on samples (:func:`value_function`) or on densities (:func:`value_integral`);
* the generator's two losses (:data:`gan_course.losses.KINDS`) as functions of ``t = D(G(z))`` —
  ``"minimax"``, the game's own ``log(1 - t)``, which *saturates*, and ``"non_saturating"``,
  ``-log t``, used in practice — and their derivatives with respect to the discriminator's output ``t``
  and to its logit ``a`` (``t = sigmoid(a)``), analytic (:func:`generator_loss_grad`) and with
  ``tf.GradientTape`` through :mod:`gan_course.losses` (:func:`generator_loss_grad_tape`);
* the optimal discriminator ``D*(x) = p_data(x) / (p_data(x) + p_g(x))`` and the identity
  ``V(D*, G) = -log 4 + 2·JSD(p_data ‖ p_g)`` on numeric integrals (:func:`optimal_discriminator`,
  :func:`js_divergence`, :func:`value_at_optimum`).

A GAN trained on this 1-D data lives in :mod:`gan_course.gan1d`.

Visto en 04 §La función objetivo.
"""
from __future__ import annotations

import math

import numpy as np

from ._tf import tf
from .densities import (  # noqa: F401
    DATASETS,
    Mixture1D,
    gaussian_log_likelihood,
    gaussian_mle,
    gaussian_pdf,
    kde,
    mode_coverage,
    mode_fractions,
)
from .i18n import arg_error, register, t
from .losses import KINDS, check_kind
from .plots import pyplot_figure
from .validate import check_array, check_choice, check_float, check_int

WRT = ("output", "logit")
LOG4 = math.log(4.0)
LOG2 = math.log(2.0)

register({
    "objective.expected_wrt": {
        "es": "'output' (respecto a D(G(z))) o 'logit' (respecto al logit de D)",
        "pt": "'output' (em relação a D(G(z))) ou 'logit' (em relação ao logit de D)",
    },
    "objective.expected_probability": {
        "es": "probabilidades en [0, 1] (salidas de D, no logits)",
        "pt": "probabilidades em [0, 1] (saídas de D, não logits)",
    },
    "objective.expected_open_probability": {
        "es": "probabilidades estrictamente entre 0 y 1 (el logaritmo o el logit no existen en 0 y 1)",
        "pt": "probabilidades estritamente entre 0 e 1 (o logaritmo ou o logit não existem em 0 e 1)",
    },
    "objective.expected_density": {
        "es": "una densidad ≥ 0 con la misma forma que la malla x",
        "pt": "uma densidade ≥ 0 com o mesmo formato da malha x",
    },
    "objective.expected_same_shape": {
        "es": "una densidad ≥ 0 con la misma forma que {other}",
        "pt": "uma densidade ≥ 0 com o mesmo formato de {other}",
    },
    "objective.expected_integrand": {
        "es": "valores numéricos con la misma forma que la malla x",
        "pt": "valores numéricos com o mesmo formato da malha x",
    },
    "objective.expected_grid": {
        "es": "una malla 1-D creciente de al menos 3 puntos",
        "pt": "uma malha 1-D crescente de pelo menos 3 pontos",
    },
    "objective.expected_shifts": {
        "es": "una lista no vacía de desplazamientos μ_g finitos",
        "pt": "uma lista não vazia de deslocamentos μ_g finitos",
    },
    # plot labels
    "objective.t_axis": {"es": "D(·) = probabilidad de «real»", "pt": "D(·) = probabilidade de “real”"},
    "objective.real_term": {
        "es": "−log D(x): pérdida de D con una muestra real",
        "pt": "−log D(x): perda de D com uma amostra real",
    },
    "objective.fake_term": {
        "es": "−log(1 − D(G(z))): pérdida de D con una muestra falsa",
        "pt": "−log(1 − D(G(z))): perda de D com uma amostra falsa",
    },
    "objective.log_terms_title": {
        "es": "Los dos términos de la entropía cruzada binaria del discriminador",
        "pt": "Os dois termos da entropia cruzada binária do discriminador",
    },
    "objective.loss_axis": {"es": "pérdida", "pt": "perda"},
    "objective.minimax": {
        "es": "minimax (se satura): log(1 − D(G(z)))",
        "pt": "minimax (satura): log(1 − D(G(z)))",
    },
    "objective.non_saturating": {
        "es": "no saturante: −log D(G(z))",
        "pt": "não saturante: −log D(G(z))",
    },
    "objective.fake_axis": {
        "es": "D(G(z)): probabilidad de «real» que D da a una falsa",
        "pt": "D(G(z)): probabilidade de “real” que D dá a uma falsa",
    },
    "objective.losses_title": {"es": "Pérdidas del generador", "pt": "Perdas do gerador"},
    "objective.grad_output_title": {
        "es": "|∂L/∂D(G(z))| (escala log.)",
        "pt": "|∂L/∂D(G(z))| (escala log.)",
    },
    "objective.grad_logit_title": {
        "es": "∂L/∂a, con D(G(z)) = σ(a)",
        "pt": "∂L/∂a, com D(G(z)) = σ(a)",
    },
    "objective.vanishes": {
        "es": "el gradiente se anula:\nD rechaza las falsas\n(inicio del entrenamiento)",
        "pt": "o gradiente se anula:\nD rejeita as falsas\n(início do treinamento)",
    },
    "objective.vanishes_ok": {
        "es": "se anula cuando\nD ya acepta las falsas",
        "pt": "se anula quando\nD já aceita as falsas",
    },
    "objective.pdata": {"es": "p_data (real)", "pt": "p_data (real)"},
    "objective.pg": {"es": "p_g (generador)", "pt": "p_g (gerador)"},
    "objective.dstar": {"es": "D*(x) óptimo", "pt": "D*(x) ótimo"},
    "objective.dstar_title": {
        "es": "μ_g = {mu:g}: JSD = {jsd:.3f}, V(D*, G) = {v:.3f}",
        "pt": "μ_g = {mu:g}: JSD = {jsd:.3f}, V(D*, G) = {v:.3f}",
    },
    "objective.distance_axis": {
        "es": "distancia entre las medias |μ_g − μ_data| (σ = 1)",
        "pt": "distância entre as médias |μ_g − μ_data| (σ = 1)",
    },
    "objective.jsd_title": {
        "es": "JSD(p_data ‖ p_g) y V(D*, G) = −log 4 + 2·JSD",
        "pt": "JSD(p_data ‖ p_g) e V(D*, G) = −log 4 + 2·JSD",
    },
})


# ---------------------------------------------------------------------------------------------- checks
def _wrt(wrt):
    return check_choice("wrt", wrt, WRT, expected="objective.expected_wrt")


def _probabilities(name, values, open_interval=False):
    key = "objective.expected_open_probability" if open_interval else "objective.expected_probability"
    p = check_array(name, values, key)
    inside = (p > 0) & (p < 1) if open_interval else (p >= 0) & (p <= 1)
    if not np.all(inside):
        raise arg_error(name, values, key)
    return p


def _grid(x):
    x = check_array("x", x, "objective.expected_grid", ndim=1, min_size=3)
    if not np.all(np.diff(x) > 0):
        raise arg_error("x", x, "objective.expected_grid")
    return x


def check_density(name, p, x):
    """``p`` as an array if it is a density ≥ 0 on the grid ``x``.  Visto en 04 §El discriminador óptimo."""
    p = check_array(name, p, "objective.expected_density", min_size=0)
    if p.shape != x.shape or np.any(p < 0):
        raise arg_error(name, p, "objective.expected_density")
    return p


def _xlogy(a, b):
    """``a · log(b)`` with ``0 · log(0) = 0`` (a term with zero weight contributes nothing)."""
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = a * np.log(b)
    return np.where(a == 0, 0.0, out)


# ------------- the value function, the optimal discriminator, KL and JSD (numeric integrals on a grid)
def integrate(y, x) -> float:
    """Trapezoidal rule ``∫ y dx`` on the grid ``x``.  Visto en 04 §El discriminador óptimo."""
    x = _grid(x)
    y = check_array("y", y, "objective.expected_integrand", finite=False)
    if y.shape != x.shape:
        raise arg_error("y", y, "objective.expected_integrand")
    return float(np.trapezoid(y, x))


def integration_grid(means, stds, n: int = 20001, margin: float = 12.0) -> np.ndarray:
    """A fine grid covering every Gaussian ``mean ± margin·std`` (for numeric integrals).

    Visto en 04 §Colapso de modos.
    """
    means = np.atleast_1d(check_array("means", means, "densities.expected_mixture", ndim=(0, 1)))
    stds = np.atleast_1d(check_array("stds", stds, "densities.expected_mixture", ndim=(0, 1)))
    if stds.shape != means.shape or np.any(stds <= 0):
        raise arg_error("stds", stds, "densities.expected_mixture")
    margin = check_float("margin", margin, 0, low_open=True)
    return np.linspace(float(np.min(means - margin * stds)), float(np.max(means + margin * stds)),
                       check_int("n", n, 3))


def value_function(d_real, d_fake) -> float:
    """Sample estimate of ``V(D, G) = E[log D(x)] + E[log(1 − D(G(z)))]``.

    ``d_real`` are the discriminator's outputs (probabilities of «real») on real samples, ``d_fake``
    on generated ones.  D maximises V; the discriminator's loss (binary cross-entropy) is ``−V``.
    Visto en 04 §La función objetivo.
    """
    dr = _probabilities("d_real", d_real)
    df = _probabilities("d_fake", d_fake)
    with np.errstate(divide="ignore"):
        return float(np.mean(np.log(dr)) + np.mean(np.log1p(-df)))


def value_integral(x, p_data, p_g, d) -> float:
    """``V(D, G) = ∫ p_data(x)·log D(x) + p_g(x)·log(1 − D(x)) dx`` on the grid ``x``.

    Visto en 04 §El discriminador óptimo.
    """
    x = _grid(x)
    p = check_density("p_data", p_data, x)
    q = check_density("p_g", p_g, x)
    d = _probabilities("d", d)
    if d.shape != x.shape:
        raise arg_error("d", d, "objective.expected_density")
    return integrate(_xlogy(p, d) + _xlogy(q, 1.0 - d), x)


def optimal_discriminator(p_data, p_g):
    """``D*(x) = p_data(x) / (p_data(x) + p_g(x))`` — the D that maximises V for a fixed G.

    Where both densities are 0 any value is optimal; 1/2 is returned there.
    Visto en 04 §El discriminador óptimo.
    """
    p = check_array("p_data", p_data, "densities.expected_numbers", min_size=0)
    q = check_array("p_g", p_g, "objective.expected_same_shape", min_size=0, other="p_data")
    if np.any(p < 0):
        raise arg_error("p_data", p_data, "objective.expected_same_shape", other="p_g")
    if q.shape != p.shape or np.any(q < 0):
        raise arg_error("p_g", p_g, "objective.expected_same_shape", other="p_data")
    total = p + q
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(total > 0, p / np.where(total > 0, total, 1.0), 0.5)


def kl_divergence(p, q, x) -> float:
    """``KL(p ‖ q) = ∫ p·log(p / q) dx`` on the grid ``x`` (nats).  Visto en 04 §Jensen-Shannon."""
    x = _grid(x)
    p = check_density("p", p, x)
    q = check_density("q", q, x)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(p > 0, p / np.where(q > 0, q, np.nan), 1.0)
    return integrate(_xlogy(p, ratio), x)


def js_divergence(p, q, x) -> float:
    """``JSD(p ‖ q) = ½·KL(p ‖ m) + ½·KL(q ‖ m)`` with ``m = (p + q)/2`` (nats, between 0 and log 2).

    Visto en 04 §Jensen-Shannon.
    """
    x = _grid(x)
    m = 0.5 * (check_density("p", p, x) + check_density("q", q, x))
    return 0.5 * kl_divergence(p, m, x) + 0.5 * kl_divergence(q, m, x)


def value_at_optimum(x, p_data, p_g) -> float:
    """``V(D*, G)`` integrated numerically; equals ``−log 4 + 2·JSD(p_data ‖ p_g)``.

    Visto en 04 §Jensen-Shannon.
    """
    x = _grid(x)
    p = check_density("p_data", p_data, x)
    q = check_density("p_g", p_g, x)
    total = np.where(p + q > 0, p + q, 1.0)
    # log D* = log p − log(p + q) and log(1 − D*) = log q − log(p + q): computing 1 − D* from D* would
    # round to 0 wherever q ≪ p and turn a tiny q·log(0) into −inf.
    return integrate(_xlogy(p, p / total) + _xlogy(q, q / total), x)


def gaussian_pair(mu_data=0.0, mu_g=0.0, std_data=1.0, std_g=1.0, n: int = 20001):
    """``(x, p_data, p_g)``: two Gaussian densities on a common fine grid, ready to integrate.

    Visto en 04 §Jensen-Shannon.
    """
    for name, value in (("mu_data", mu_data), ("mu_g", mu_g)):
        check_float(name, value)
    for name, value in (("std_data", std_data), ("std_g", std_g)):
        check_float(name, value, 0, low_open=True)
    x = integration_grid([mu_data, mu_g], [std_data, std_g], n=n)
    return x, gaussian_pdf(x, mu_data, std_data), gaussian_pdf(x, mu_g, std_g)


# ---------------------------------------------------------------- generator losses and their gradients
def generator_loss(d_fake, kind: str = "non_saturating"):
    """The generator's loss per sample, as a function of ``t = D(G(z))`` (the kinds of :data:`gan_course.losses.KINDS`).

    * ``"minimax"``: ``log(1 − t)`` — the minimax game's own term; G *minimises* it.  It *saturates*:
      flat where D confidently rejects the fakes (``t ≈ 0``).
    * ``"non_saturating"``: ``−log t`` — what everyone trains with (Goodfellow et al., §3).

    Both are minimised by making D call the fakes real (``t → 1``).  :func:`gan_course.losses.generator_loss`
    is the batch mean of the same losses, in TensorFlow.  Visto en 04 §Minimax contra no saturante.
    """
    tt = _probabilities("d_fake", d_fake)
    with np.errstate(divide="ignore"):
        return np.log1p(-tt) if check_kind(kind) == "minimax" else -np.log(tt)


def generator_loss_grad(d_fake, kind: str = "non_saturating", wrt: str = "logit"):
    """Analytic derivative of :func:`generator_loss` per sample.

    With ``t = D(G(z)) = σ(a)`` and ``dt/da = t·(1 − t)``:

    ====================================  =====================  ===========================
    loss                                  ∂L/∂t (``"output"``)   ∂L/∂a (``"logit"``)
    ====================================  =====================  ===========================
    ``"minimax"``: ``log(1 − t)``         ``−1 / (1 − t)``       ``−t``      → 0 when t → 0
    ``"non_saturating"``: ``−log t``      ``−1 / t``             ``t − 1``   → −1 when t → 0
    ====================================  =====================  ===========================

    Early in training D rejects the fakes (``t ≈ 0``): the minimax loss then saturates and sends back a
    gradient ``≈ −t ≈ 0`` through the logit — the generator learns nothing — while the non-saturating
    one sends ``≈ −1``.  Visto en 04 §Minimax contra no saturante.
    """
    tt = _probabilities("d_fake", d_fake)
    kind, wrt = check_kind(kind), _wrt(wrt)
    with np.errstate(divide="ignore"):
        if wrt == "logit":
            return -tt if kind == "minimax" else tt - 1.0
        return -1.0 / (1.0 - tt) if kind == "minimax" else -1.0 / tt


def generator_loss_grad_tape(d_fake, kind: str = "non_saturating", wrt: str = "logit"):
    """The same derivatives as :func:`generator_loss_grad`, computed by ``tf.GradientTape`` (float64)
    through :func:`gan_course.losses.generator_loss` — the loss the GANs of the course train with.

    ``wrt="logit"`` differentiates the loss at the logits ``a = log(t / (1 − t))`` (``form="logits"``);
    ``wrt="output"`` differentiates it at ``t`` itself (``form="probability"``).  The loss is a batch
    mean, so its gradient is multiplied by the batch size to give the per-sample derivative.
    Visto en 04 §Minimax contra no saturante.
    """
    from .losses import generator_loss as batch_loss

    tt = _probabilities("d_fake", d_fake, open_interval=True)
    kind, wrt = check_kind(kind), _wrt(wrt)
    at = np.log(tt) - np.log1p(-tt) if wrt == "logit" else tt
    v = tf.constant(at, dtype=tf.float64)
    with tf.GradientTape() as tape:
        tape.watch(v)
        loss = batch_loss(v, "logits" if wrt == "logit" else "probability", kind) * tt.size
    return tape.gradient(loss, v).numpy()


# --------------------------------------------------------------- plots (labels in the active language)
def plot_log_terms():
    """``−log t`` and ``−log(1 − t)``: the discriminator's loss on one real / one fake sample.

    Returns the figure.  Visto en 04 §La función objetivo.
    """
    fig = pyplot_figure((6.4, 3.6))
    tt = np.linspace(0.001, 0.999, 999)
    ax = fig.add_subplot(1, 1, 1)
    ax.plot(tt, -np.log(tt), color="#1f77b4", lw=2, label=t("objective.real_term"))
    ax.plot(tt, -np.log1p(-tt), color="#d62728", lw=2, label=t("objective.fake_term"))
    ax.set_xlabel(t("objective.t_axis"))
    ax.set_ylabel(t("objective.loss_axis"))
    ax.set_ylim(0, 5)
    ax.set_xlim(0, 1)
    ax.grid(alpha=0.3)
    ax.legend(loc="upper center", fontsize=9)
    ax.set_title(t("objective.log_terms_title"), fontsize=11)
    fig.tight_layout()
    return fig


def plot_generator_losses(fig=None):
    """Both generator losses and their derivatives (w.r.t. ``D(G(z))`` and w.r.t. D's logit) against
    ``D(G(z))``, marking where the gradient vanishes.  Draws on ``fig`` (a new 12×3.8 in. figure by
    default) and returns it.

    Visto en 04 §Minimax contra no saturante.
    """
    fig = pyplot_figure((12.0, 3.8)) if fig is None else fig
    tt = np.linspace(0.0005, 0.9995, 2000)
    colours = {"minimax": "#d62728", "non_saturating": "#2ca02c"}
    axes = fig.subplots(1, 3)
    for kind in KINDS:
        label = t(f"objective.{kind}")
        axes[0].plot(tt, generator_loss(tt, kind), color=colours[kind], lw=2, label=label)
        axes[1].semilogy(tt, np.abs(generator_loss_grad(tt, kind, "output")), color=colours[kind], lw=2)
        axes[2].plot(tt, generator_loss_grad(tt, kind, "logit"), color=colours[kind], lw=2, label=label)
    axes[0].set_ylim(-5, 5)
    axes[0].set_title(t("objective.losses_title"), fontsize=11)
    axes[0].legend(loc="lower left", fontsize=10)
    axes[1].set_title(t("objective.grad_output_title"), fontsize=11)
    axes[2].set_title(t("objective.grad_logit_title"), fontsize=11)
    axes[2].set_ylim(-1.65, 0.08)
    axes[2].axvspan(0, 0.1, color="#d62728", alpha=0.12)
    # the lines fill −1 ≤ y ≤ 0; the notes go underneath, with arrows up to where each gradient → 0
    axes[2].annotate(t("objective.vanishes"), xy=(0.01, -0.01), xytext=(0.03, -1.58), fontsize=9,
                     color="#8b1a1a", arrowprops={"arrowstyle": "->", "color": "#8b1a1a"})
    axes[2].annotate(t("objective.vanishes_ok"), xy=(0.99, -0.01), xytext=(0.56, -1.45), fontsize=9,
                     color="#1b6b1b", arrowprops={"arrowstyle": "->", "color": "#1b6b1b"})
    for ax in axes:
        ax.set_xlim(0, 1)
        ax.grid(alpha=0.3)
        ax.set_xlabel("D(G(z))")
    axes[0].set_xlabel(t("objective.fake_axis"), fontsize=9)
    fig.tight_layout()
    return fig


def plot_optimal_discriminator(shifts=(4.0, 2.0, 1.0, 0.0)):
    """``D*(x)`` for ``p_data = N(0, 1)`` and ``p_g = N(μ_g, 1)`` as the two Gaussians move together.

    At ``μ_g = 0`` the densities coincide and ``D* = 1/2`` everywhere.  Returns the figure.
    Visto en 04 §El discriminador óptimo.
    """
    shifts = np.atleast_1d(check_array("shifts", shifts, "objective.expected_shifts", ndim=(0, 1))).tolist()
    fig = pyplot_figure((3.2 * len(shifts), 3.2))
    axes = np.atleast_1d(fig.subplots(1, len(shifts), sharey=True))
    for ax, mu in zip(axes, shifts):
        x, p, q = gaussian_pair(0.0, float(mu))
        dstar = optimal_discriminator(p, q)
        jsd = js_divergence(p, q, x)
        v = value_at_optimum(x, p, q)
        keep = (x >= -4) & (x <= 8)
        ax.fill_between(x[keep], p[keep], color="#1f77b4", alpha=0.25, label=t("objective.pdata"))
        ax.plot(x[keep], q[keep], color="#ff7f0e", lw=2, label=t("objective.pg"))
        ax.plot(x[keep], dstar[keep], color="#2ca02c", lw=2, label=t("objective.dstar"))
        ax.axhline(0.5, color="k", ls=":", lw=1)
        ax.set_xlim(-4, 8)
        ax.set_ylim(0, 1.05)
        ax.set_title(t("objective.dstar_title", mu=float(mu), jsd=jsd, v=v), fontsize=9)
        ax.grid(alpha=0.3)
        ax.set_xlabel("x")
    axes[0].legend(loc="center left", fontsize=10)
    fig.tight_layout()
    return fig


def over_distances(distances, measures, std: float = 1.0) -> tuple:
    """Each of ``measures`` (functions of ``(x, p, q)``) between ``N(0, σ²)`` and ``N(d, σ²)``, on the fine
    grid of :func:`gaussian_pair`, for each distance ``d``: one array per measure.

    :func:`jsd_curve` (JSD and ``V(D*, G)``) and :func:`gan_course.wasserstein.distance_curves` (JSD and
    W₁) are two choices of ``measures``.  Visto en 04 §Jensen-Shannon.
    """
    distances = check_array("distances", distances, "densities.expected_numbers", ndim=(0, 1))
    std = check_float("std", std, 0, low_open=True)
    values = [[] for _ in measures]
    for d in np.atleast_1d(distances):
        x, p, q = gaussian_pair(0.0, float(d), std, std)
        for column, measure in zip(values, measures):
            column.append(measure(x, p, q))
    return tuple(np.asarray(column) for column in values)


def jsd_curve(distances, std: float = 1.0):
    """``(JSD, V(D*, G))`` for ``N(0, σ²)`` against ``N(d, σ²)`` at each distance ``d`` (numeric).

    Visto en 04 §Jensen-Shannon.
    """
    return over_distances(distances, (lambda x, p, q: js_divergence(p, q, x), value_at_optimum), std)


def plot_jsd_vs_distance(max_distance: float = 8.0, n: int = 81):
    """JSD and ``V(D*, G)`` against the distance between two unit Gaussians; both flatten out
    (JSD → log 2, V → 0) once the Gaussians stop overlapping.  Returns the figure.

    Visto en 04 §Jensen-Shannon.
    """
    d = np.linspace(0.0, check_float("max_distance", max_distance, 0, low_open=True), check_int("n", n, 2))
    jsd, val = jsd_curve(d)
    fig = pyplot_figure((6.0, 3.2))
    ax = fig.add_subplot(1, 1, 1)
    ax.plot(d, jsd, color="#9467bd", lw=2, label="JSD(p_data ‖ p_g)")
    ax.plot(d, val, color="#2ca02c", lw=2, label="V(D*, G)")
    ax.axhline(LOG2, color="#9467bd", ls="--", lw=1, label="log 2")
    ax.axhline(-LOG4, color="#2ca02c", ls="--", lw=1, label="−log 4")
    ax.axhline(0.0, color="k", lw=0.8)
    ax.set_xlabel(t("objective.distance_axis"))
    ax.set_title(t("objective.jsd_title"), fontsize=11)
    ax.grid(alpha=0.3)
    ax.legend(loc="center right", fontsize=10)
    fig.tight_layout()
    return fig


