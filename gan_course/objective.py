"""The GAN objective, written out and checked: value function, generator losses and their gradients,
the optimal discriminator, the Jensen–Shannon divergence, and a 1-D GAN you can watch train.

Goodfellow et al. (2014) define the two-player game

    min_G max_D V(D, G) = E_{x~p_data}[log D(x)] + E_{z~p_z}[log(1 - D(G(z)))]

where ``D(x)`` is the probability that ``x`` is **real**.  This module gives every piece of it as a
small function that a lesson cell can call and check:

* the value function on samples (:func:`value_function`) or on densities (:func:`value_integral`);
* the generator's two losses as functions of ``t = D(G(z))`` — the *saturating* ``log(1 - t)``
  of the minimax game and the *non-saturating* ``-log t`` used in practice — and their
  derivatives with respect to the discriminator's output ``t`` and to its logit ``a``
  (``t = sigmoid(a)``), analytic (:func:`generator_loss_grad`) and with ``tf.GradientTape``
  (:func:`generator_loss_grad_tape`);
* the optimal discriminator ``D*(x) = p_data(x) / (p_data(x) + p_g(x))`` and the identity
  ``V(D*, G) = -log 4 + 2·JSD(p_data ‖ p_g)`` on numeric integrals (:func:`optimal_discriminator`,
  :func:`js_divergence`, :func:`value_at_optimum`);
* a 1-D GAN (:class:`GAN1D`) — data from a Gaussian or a mixture, two small MLPs, trained in
  seconds on a CPU — that records per step the data density, the generator's density (a KDE of its
  samples) and ``D(x)``; :func:`write_gan1d_gif` renders the record as a GIF.

Visto en 04 (El objetivo de la GAN).
"""
from __future__ import annotations

import math
import pathlib
from dataclasses import dataclass, field

import numpy as np

from . import config
from .i18n import arg_error, language, register, t

LOSS_KINDS = ("saturating", "non_saturating")
WRT = ("output", "logit")
LOG4 = math.log(4.0)
LOG2 = math.log(2.0)

register({
    "objective.expected_kind": {
        "es": "'saturating' (log(1 − D(G(z)))) o 'non_saturating' (−log D(G(z)))",
        "pt": "'saturating' (log(1 − D(G(z)))) ou 'non_saturating' (−log D(G(z)))",
    },
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
    "objective.expected_grid": {
        "es": "una malla 1-D creciente de al menos 3 puntos",
        "pt": "uma malha 1-D crescente de pelo menos 3 pontos",
    },
    "objective.expected_positive": {
        "es": "un número > 0",
        "pt": "um número > 0",
    },
    "objective.expected_positive_int": {
        "es": "un entero ≥ 1",
        "pt": "um inteiro ≥ 1",
    },
    "objective.expected_samples": {
        "es": "al menos 2 muestras 1-D finitas",
        "pt": "pelo menos 2 amostras 1-D finitas",
    },
    "objective.expected_mixture": {
        "es": "listas de medias, desviaciones (> 0) y pesos (> 0) del mismo largo",
        "pt": "listas de médias, desvios (> 0) e pesos (> 0) do mesmo tamanho",
    },
    "objective.expected_data": {
        "es": "un Mixture1D o uno de los nombres {names}",
        "pt": "um Mixture1D ou um dos nomes {names}",
    },
    "objective.expected_index": {
        "es": "un índice de registro entre 0 y {last}",
        "pt": "um índice de registro entre 0 e {last}",
    },
    # plot labels
    "objective.t_axis": {"es": "D(·) = probabilidad de «real»", "pt": "D(·) = probabilidade de «real»"},
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
    "objective.saturating": {
        "es": "saturante: log(1 − D(G(z)))",
        "pt": "saturante: log(1 − D(G(z)))",
    },
    "objective.non_saturating": {
        "es": "no saturante: −log D(G(z))",
        "pt": "não saturante: −log D(G(z))",
    },
    "objective.fake_axis": {
        "es": "D(G(z)): probabilidad de «real» que D da a una falsa",
        "pt": "D(G(z)): probabilidade de «real» que D dá a uma falsa",
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
    "objective.density": {"es": "densidad", "pt": "densidade"},
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
    "objective.step_axis": {"es": "paso de entrenamiento", "pt": "passo de treinamento"},
    "objective.d_loss": {"es": "pérdida de D: −V", "pt": "perda de D: −V"},
    "objective.g_loss": {"es": "pérdida de G", "pt": "perda de G"},
    "objective.d_loss_eq": {"es": "equilibrio de D: 2·log 2", "pt": "equilíbrio de D: 2·log 2"},
    "objective.g_loss_eq": {"es": "equilibrio de G: {value}", "pt": "equilíbrio de G: {value}"},
    "objective.d_real": {"es": "D(x), x real", "pt": "D(x), x real"},
    "objective.d_fake": {"es": "D(G(z)), falsa", "pt": "D(G(z)), falsa"},
    "objective.half": {"es": "1/2: D ya no distingue", "pt": "1/2: D já não distingue"},
    "objective.losses_panel": {"es": "Pérdidas (media móvil)", "pt": "Perdas (média móvel)"},
    "objective.outputs_panel": {"es": "Salidas medias de D", "pt": "Saídas médias de D"},
    "objective.snapshot_title": {"es": "paso {step} de {steps}", "pt": "passo {step} de {steps}"},
    "objective.fraction_axis": {
        "es": "fracción de muestras de G en el pico izquierdo",
        "pt": "fração de amostras de G no pico esquerdo",
    },
    "objective.seed": {"es": "semilla {seed}", "pt": "semente {seed}"},
    "objective.collapse_title": {
        "es": "Mezcla de dos picos: final de cada entrenamiento",
        "pt": "Mistura de dois picos: final de cada treinamento",
    },
    "objective.fraction_title": {
        "es": "¿Qué pico cubre G a lo largo del entrenamiento?",
        "pt": "Qual pico G cobre ao longo do treinamento?",
    },
})


# ---------------------------------------------------------------------------------------------
# checks

def _positive_int(name, value):
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
        raise arg_error(name, value, "objective.expected_positive_int")
    return int(value)


def _positive(name, value):
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise arg_error(name, value, "objective.expected_positive") from None
    if not math.isfinite(v) or v <= 0:
        raise arg_error(name, value, "objective.expected_positive")
    return v


def _kind(kind):
    if kind == "minimax":  # the name gan_course.losses uses for the same loss
        return "saturating"
    if kind not in LOSS_KINDS:
        raise arg_error("kind", kind, "objective.expected_kind")
    return kind


def _wrt(wrt):
    if wrt not in WRT:
        raise arg_error("wrt", wrt, "objective.expected_wrt")
    return wrt


def _probabilities(name, values, open_interval=False):
    try:
        p = np.asarray(values, dtype=np.float64)
    except (TypeError, ValueError):
        raise arg_error(name, values, "objective.expected_probability") from None
    if open_interval:
        if p.size == 0 or not np.all((p > 0) & (p < 1)):
            raise arg_error(name, values, "objective.expected_open_probability")
    elif p.size == 0 or not np.all((p >= 0) & (p <= 1)):
        raise arg_error(name, values, "objective.expected_probability")
    return p


def _grid(x):
    x = np.asarray(x, dtype=np.float64)
    if x.ndim != 1 or len(x) < 3 or not np.all(np.diff(x) > 0):
        raise arg_error("x", x, "objective.expected_grid")
    return x


def _density(name, p, x):
    p = np.asarray(p, dtype=np.float64)
    if p.shape != x.shape or not np.all(np.isfinite(p)) or np.any(p < 0):
        raise arg_error(name, p, "objective.expected_density")
    return p


def _xlogy(a, b):
    """``a · log(b)`` with ``0 · log(0) = 0`` (a term with zero weight contributes nothing)."""
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = a * np.log(b)
    return np.where(a == 0, 0.0, out)


# ---------------------------------------------------------------------------------------------
# densities and maximum likelihood

def gaussian_pdf(x, mean=0.0, std=1.0):
    """Normal density ``exp(−(x − μ)² / (2σ²)) / (σ·√(2π))`` evaluated at ``x``.

    Both the ``2σ²`` in the exponent and the ``σ·√(2π)`` in front matter: the density must
    integrate to 1 and have variance σ².  Visto en 04 §El discriminador óptimo.
    """
    std = _positive("std", std)
    x = np.asarray(x, dtype=np.float64)
    return np.exp(-0.5 * ((x - float(mean)) / std) ** 2) / (std * math.sqrt(2.0 * math.pi))


@dataclass(frozen=True)
class Mixture1D:
    """A mixture of 1-D Gaussians (one component = one Gaussian): the toy GAN's real data.

    ``Mixture1D((4.0,), (0.5,))`` is a single Gaussian N(4, 0.5²); ``Mixture1D((0, 6), (0.4, 0.4))``
    has two peaks.  (Equal weights unless ``weights`` is given.)  Visto en 04 §Una GAN en 1-D.
    """

    means: tuple
    stds: tuple
    weights: tuple | None = None

    def __post_init__(self):
        means = tuple(float(m) for m in np.atleast_1d(self.means))
        stds = tuple(float(s) for s in np.atleast_1d(self.stds))
        weights = (1.0,) * len(means) if self.weights is None else \
            tuple(float(w) for w in np.atleast_1d(self.weights))
        if not means or len(stds) != len(means) or len(weights) != len(means) \
                or min(stds) <= 0 or min(weights) <= 0 \
                or not all(math.isfinite(v) for v in means + stds + weights):
            raise arg_error("Mixture1D", (self.means, self.stds, self.weights), "objective.expected_mixture")
        total = sum(weights)
        object.__setattr__(self, "means", means)
        object.__setattr__(self, "stds", stds)
        object.__setattr__(self, "weights", tuple(w / total for w in weights))

    def pdf(self, x):
        """The mixture's density at ``x``: ``Σ_k w_k · N(x; μ_k, σ_k²)``."""
        return sum(w * gaussian_pdf(x, m, s) for m, s, w in zip(self.means, self.stds, self.weights))

    @property
    def mean(self) -> float:
        return float(sum(w * m for m, w in zip(self.means, self.weights)))

    @property
    def std(self) -> float:
        second = sum(w * (s ** 2 + m ** 2) for m, s, w in zip(self.means, self.stds, self.weights))
        return float(math.sqrt(max(second - self.mean ** 2, 0.0)))

    def sample(self, n: int, seed: int = 0) -> np.ndarray:
        """``n`` samples (float64, NumPy's seeded generator)."""
        n = _positive_int("n", n)
        rng = np.random.default_rng(seed)
        comp = rng.choice(len(self.means), size=n, p=self.weights)
        return np.asarray(self.means)[comp] + np.asarray(self.stds)[comp] * rng.standard_normal(n)

    def window(self, margin: float = 4.0) -> tuple:
        """The x range shown in plots: every component ± ``margin`` standard deviations, and at
        least [−3, 3] (where an untrained generator puts its samples)."""
        lo = min(m - margin * s for m, s in zip(self.means, self.stds))
        hi = max(m + margin * s for m, s in zip(self.means, self.stds))
        return float(min(lo, -3.0)), float(max(hi, 3.0))

    def grid(self, n: int = 241) -> np.ndarray:
        """``n`` points evenly spread over :meth:`window`."""
        return np.linspace(*self.window(), _positive_int("n", n))


DATASETS = {
    "gaussian": Mixture1D((4.0,), (0.5,)),
    "two_peaks": Mixture1D((0.0, 6.0), (0.25, 0.25)),
}


def _data(data):
    if isinstance(data, Mixture1D):
        return data
    if isinstance(data, str) and data in DATASETS:
        return DATASETS[data]
    from .i18n import messages

    names = ", ".join(map(repr, DATASETS))
    texts = messages()["objective.expected_data"]
    raise arg_error("data", data, {lang: texts[lang].format(names=names) for lang in texts})


def gaussian_log_likelihood(samples, mean, std) -> float:
    """Average log-likelihood ``(1/n)·Σ_i log N(x_i; μ, σ²)`` of the samples under a Gaussian.

    Visto en 04 §Modelos generativos y máxima verosimilitud.
    """
    x = _samples(samples)
    std = _positive("std", std)
    return float(np.mean(-0.5 * ((x - float(mean)) / std) ** 2 - math.log(std * math.sqrt(2 * math.pi))))


def gaussian_mle(samples):
    """Maximum-likelihood Gaussian ``(μ̂, σ̂)``: the sample mean and the (biased, 1/n) standard deviation.

    Visto en 04 §Modelos generativos y máxima verosimilitud.
    """
    x = _samples(samples)
    return float(x.mean()), float(x.std())


def _samples(samples):
    try:
        x = np.asarray(samples, dtype=np.float64).reshape(-1)
    except (TypeError, ValueError):
        raise arg_error("samples", samples, "objective.expected_samples") from None
    if x.size < 2 or not np.all(np.isfinite(x)):
        raise arg_error("samples", samples, "objective.expected_samples")
    return x


def kde(samples, x, bandwidth=None):
    """Gaussian kernel density estimate of ``samples`` evaluated on ``x``.

    ``bandwidth`` defaults to Silverman's rule ``1.06·σ̂·n^(−1/5)`` (at least 0.02, so a
    collapsed generator still draws a finite spike).  Visto en 04 §Una GAN en 1-D.
    """
    s = _samples(samples)
    x = np.asarray(x, dtype=np.float64)
    if bandwidth is None:
        bandwidth = max(1.06 * float(s.std()) * len(s) ** (-0.2), 0.02)
    h = _positive("bandwidth", bandwidth)
    u = (x.reshape(-1, 1) - s.reshape(1, -1)) / h
    return (np.exp(-0.5 * u * u).sum(axis=1) / (len(s) * h * math.sqrt(2 * math.pi))).reshape(x.shape)


def mode_fractions(samples, means) -> np.ndarray:
    """Share of ``samples`` closest to each of ``means`` (which peak of a mixture the generator covers).

    Visto en 04 §Colapso de modos.
    """
    s = _samples(samples)
    m = np.asarray(means, dtype=np.float64).reshape(1, -1)
    nearest = np.argmin(np.abs(s.reshape(-1, 1) - m), axis=1)
    return np.bincount(nearest, minlength=m.shape[1]) / len(s)


# ---------------------------------------------------------------------------------------------
# the value function, the optimal discriminator, KL and JSD (numeric integrals on a grid)

def integrate(y, x) -> float:
    """Trapezoidal rule ``∫ y dx`` on the grid ``x``."""
    x = _grid(x)
    y = np.asarray(y, dtype=np.float64)
    return float(np.trapezoid(y, x))


def integration_grid(means, stds, n: int = 20001, margin: float = 12.0) -> np.ndarray:
    """A fine grid covering every Gaussian ``mean ± margin·std`` (for numeric integrals)."""
    means = np.atleast_1d(np.asarray(means, dtype=np.float64))
    stds = np.atleast_1d(np.asarray(stds, dtype=np.float64))
    return np.linspace(float(np.min(means - margin * stds)), float(np.max(means + margin * stds)),
                       _positive_int("n", n))


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
    p = _density("p_data", p_data, x)
    q = _density("p_g", p_g, x)
    d = _probabilities("d", d)
    if d.shape != x.shape:
        raise arg_error("d", d, "objective.expected_density")
    return integrate(_xlogy(p, d) + _xlogy(q, 1.0 - d), x)


def optimal_discriminator(p_data, p_g):
    """``D*(x) = p_data(x) / (p_data(x) + p_g(x))`` — the D that maximises V for a fixed G.

    Where both densities are 0 any value is optimal; 1/2 is returned there.
    Visto en 04 §El discriminador óptimo.
    """
    p = np.asarray(p_data, dtype=np.float64)
    q = np.asarray(p_g, dtype=np.float64)
    if p.shape != q.shape or np.any(p < 0) or np.any(q < 0) or not np.all(np.isfinite(p + q)):
        raise arg_error("p_g", q, "objective.expected_density")
    total = p + q
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(total > 0, p / np.where(total > 0, total, 1.0), 0.5)


def kl_divergence(p, q, x) -> float:
    """``KL(p ‖ q) = ∫ p·log(p / q) dx`` on the grid ``x`` (nats)."""
    x = _grid(x)
    p = _density("p", p, x)
    q = _density("q", q, x)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(p > 0, p / np.where(q > 0, q, np.nan), 1.0)
    return integrate(_xlogy(p, ratio), x)


def js_divergence(p, q, x) -> float:
    """``JSD(p ‖ q) = ½·KL(p ‖ m) + ½·KL(q ‖ m)`` with ``m = (p + q)/2`` (nats, between 0 and log 2).

    Visto en 04 §Jensen-Shannon.
    """
    x = _grid(x)
    m = 0.5 * (_density("p", p, x) + _density("q", q, x))
    return 0.5 * kl_divergence(p, m, x) + 0.5 * kl_divergence(q, m, x)


def value_at_optimum(x, p_data, p_g) -> float:
    """``V(D*, G)`` integrated numerically; equals ``−log 4 + 2·JSD(p_data ‖ p_g)``.

    Visto en 04 §Jensen-Shannon.
    """
    x = _grid(x)
    p = _density("p_data", p_data, x)
    q = _density("p_g", p_g, x)
    total = np.where(p + q > 0, p + q, 1.0)
    # log D* = log p − log(p + q) and log(1 − D*) = log q − log(p + q): computing 1 − D* from D* would
    # round to 0 wherever q ≪ p and turn a tiny q·log(0) into −inf.
    return integrate(_xlogy(p, p / total) + _xlogy(q, q / total), x)


def gaussian_pair(mu_data=0.0, mu_g=0.0, std_data=1.0, std_g=1.0, n: int = 20001):
    """``(x, p_data, p_g)``: two Gaussian densities on a common fine grid, ready to integrate."""
    x = integration_grid([mu_data, mu_g], [std_data, std_g], n=n)
    return x, gaussian_pdf(x, mu_data, std_data), gaussian_pdf(x, mu_g, std_g)


# ---------------------------------------------------------------------------------------------
# generator losses and their gradients

def generator_loss(d_fake, kind: str = "non_saturating"):
    """The generator's loss per sample, as a function of ``t = D(G(z))``.

    * ``"saturating"``: ``log(1 − t)`` — the minimax game's term; G *minimises* it (``"minimax"`` is
      accepted too: it is that loss's name in :mod:`gan_course.losses`).
    * ``"non_saturating"``: ``−log t`` — what everyone trains with (Goodfellow et al., §3).

    Both are minimised by making D call the fakes real (``t → 1``).  Visto en 04 §Minimax contra no saturante.
    """
    tt = _probabilities("d_fake", d_fake)
    with np.errstate(divide="ignore"):
        return np.log1p(-tt) if _kind(kind) == "saturating" else -np.log(tt)


def generator_loss_grad(d_fake, kind: str = "non_saturating", wrt: str = "logit"):
    """Analytic derivative of :func:`generator_loss` per sample.

    With ``t = D(G(z)) = σ(a)`` and ``dt/da = t·(1 − t)``:

    ====================  =====================  ===========================
    loss                  ∂L/∂t (``"output"``)   ∂L/∂a (``"logit"``)
    ====================  =====================  ===========================
    ``log(1 − t)``        ``−1 / (1 − t)``       ``−t``      → 0 when t → 0
    ``−log t``            ``−1 / t``             ``t − 1``   → −1 when t → 0
    ====================  =====================  ===========================

    Early in training D rejects the fakes (``t ≈ 0``): the saturating loss then sends back a gradient
    ``≈ −t ≈ 0`` through the logit — the generator learns nothing — while the non-saturating one
    sends ``≈ −1``.  Visto en 04 §Minimax contra no saturante.
    """
    tt = _probabilities("d_fake", d_fake)
    kind, wrt = _kind(kind), _wrt(wrt)
    with np.errstate(divide="ignore"):
        if wrt == "logit":
            return -tt if kind == "saturating" else tt - 1.0
        return -1.0 / (1.0 - tt) if kind == "saturating" else -1.0 / tt


def generator_loss_tf(logits, kind: str = "non_saturating"):
    """The generator's loss per sample in TensorFlow, from D's **logits** ``a`` (numerically stable).

    ``log(1 − σ(a)) = log σ(−a)`` and ``−log σ(a)``, both through ``tf.math.log_sigmoid``.
    Visto en 04 §Minimax contra no saturante.
    """
    from ._tf import tf

    a = tf.convert_to_tensor(logits)
    return tf.math.log_sigmoid(-a) if _kind(kind) == "saturating" else -tf.math.log_sigmoid(a)


def generator_loss_grad_tape(d_fake, kind: str = "non_saturating", wrt: str = "logit"):
    """The same derivatives as :func:`generator_loss_grad`, computed by ``tf.GradientTape`` (float64).

    ``wrt="logit"`` differentiates :func:`generator_loss_tf` at ``a = log(t / (1 − t))``;
    ``wrt="output"`` differentiates ``log(1 − t)`` / ``−log t`` at ``t``.  Visto en 04 §Minimax contra
    no saturante.
    """
    from ._tf import tf

    tt = _probabilities("d_fake", d_fake, open_interval=True)
    kind, wrt = _kind(kind), _wrt(wrt)
    if wrt == "logit":
        v = tf.constant(np.log(tt) - np.log1p(-tt), dtype=tf.float64)
        with tf.GradientTape() as tape:
            tape.watch(v)
            loss = tf.reduce_sum(generator_loss_tf(v, kind))
    else:
        v = tf.constant(tt, dtype=tf.float64)
        with tf.GradientTape() as tape:
            tape.watch(v)
            loss = tf.reduce_sum(tf.math.log1p(-v) if kind == "saturating" else -tf.math.log(v))
    return tape.gradient(loss, v).numpy()


# ---------------------------------------------------------------------------------------------
# plots (labels in the active language)

def _agg_figure(figsize):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=figsize, dpi=80)
    FigureCanvasAgg(fig)
    return fig


def _pyplot_figure(figsize):
    import matplotlib.pyplot as plt

    return plt.figure(figsize=figsize)


def _draw_log_terms(fig):
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


def plot_log_terms():
    """``−log t`` and ``−log(1 − t)``: the discriminator's loss on one real / one fake sample.

    Returns the figure.  Visto en 04 §La función objetivo.
    """
    return _draw_log_terms(_pyplot_figure((6.4, 3.6)))


def _draw_generator_losses(fig):
    tt = np.linspace(0.0005, 0.9995, 2000)
    colours = {"saturating": "#d62728", "non_saturating": "#2ca02c"}
    axes = fig.subplots(1, 3)
    for kind in LOSS_KINDS:
        label = t(f"objective.{kind}")
        axes[0].plot(tt, generator_loss(tt, kind), color=colours[kind], lw=2, label=label)
        axes[1].semilogy(tt, np.abs(generator_loss_grad(tt, kind, "output")), color=colours[kind], lw=2)
        axes[2].plot(tt, generator_loss_grad(tt, kind, "logit"), color=colours[kind], lw=2, label=label)
    axes[0].set_ylim(-5, 5)
    axes[0].set_title(t("objective.losses_title"), fontsize=11)
    axes[0].legend(loc="lower left", fontsize=8)
    axes[1].set_title(t("objective.grad_output_title"), fontsize=11)
    axes[2].set_title(t("objective.grad_logit_title"), fontsize=11)
    axes[2].set_ylim(-1.65, 0.08)
    axes[2].axvspan(0, 0.1, color="#d62728", alpha=0.12)
    # the lines fill −1 ≤ y ≤ 0; the notes go underneath, with arrows up to where each gradient → 0
    axes[2].annotate(t("objective.vanishes"), xy=(0.01, -0.01), xytext=(0.03, -1.58), fontsize=8,
                     color="#8b1a1a", arrowprops={"arrowstyle": "->", "color": "#8b1a1a"})
    axes[2].annotate(t("objective.vanishes_ok"), xy=(0.99, -0.01), xytext=(0.56, -1.45), fontsize=8,
                     color="#1b6b1b", arrowprops={"arrowstyle": "->", "color": "#1b6b1b"})
    for ax in axes:
        ax.set_xlim(0, 1)
        ax.grid(alpha=0.3)
        ax.set_xlabel("D(G(z))")
    axes[0].set_xlabel(t("objective.fake_axis"), fontsize=8)
    fig.tight_layout()
    return fig


def plot_generator_losses():
    """Both generator losses and their derivatives (w.r.t. ``D(G(z))`` and w.r.t. D's logit) against
    ``D(G(z))``, marking where the gradient vanishes.  Returns the figure.

    Visto en 04 §Minimax contra no saturante.
    """
    return _draw_generator_losses(_pyplot_figure((12.0, 3.8)))


def _draw_optimal_discriminator(fig, shifts):
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
    axes[0].legend(loc="center left", fontsize=8)
    fig.tight_layout()
    return fig


def plot_optimal_discriminator(shifts=(4.0, 2.0, 1.0, 0.0)):
    """``D*(x)`` for ``p_data = N(0, 1)`` and ``p_g = N(μ_g, 1)`` as the two Gaussians move together.

    At ``μ_g = 0`` the densities coincide and ``D* = 1/2`` everywhere.  Returns the figure.
    Visto en 04 §El discriminador óptimo.
    """
    shifts = list(np.atleast_1d(shifts))
    return _draw_optimal_discriminator(_pyplot_figure((3.2 * len(shifts), 3.2)), shifts)


def jsd_curve(distances, std: float = 1.0):
    """``(JSD, V(D*, G))`` for ``N(0, σ²)`` against ``N(d, σ²)`` at each distance ``d`` (numeric).

    Visto en 04 §Jensen-Shannon.
    """
    jsd, val = [], []
    for d in np.atleast_1d(np.asarray(distances, dtype=np.float64)):
        x, p, q = gaussian_pair(0.0, float(d), std, std)
        jsd.append(js_divergence(p, q, x))
        val.append(value_at_optimum(x, p, q))
    return np.asarray(jsd), np.asarray(val)


def plot_jsd_vs_distance(max_distance: float = 8.0, n: int = 81):
    """JSD and ``V(D*, G)`` against the distance between two unit Gaussians; both flatten out
    (JSD → log 2, V → 0) once the Gaussians stop overlapping.  Returns the figure.

    Visto en 04 §Jensen-Shannon.
    """
    d = np.linspace(0.0, _positive("max_distance", max_distance), _positive_int("n", n))
    jsd, val = jsd_curve(d)
    fig = _pyplot_figure((6.4, 3.6))
    ax = fig.add_subplot(1, 1, 1)
    ax.plot(d, jsd, color="#9467bd", lw=2, label="JSD(p_data ‖ p_g)")
    ax.plot(d, val, color="#2ca02c", lw=2, label="V(D*, G)")
    ax.axhline(LOG2, color="#9467bd", ls="--", lw=1, label="log 2")
    ax.axhline(-LOG4, color="#2ca02c", ls="--", lw=1, label="−log 4")
    ax.axhline(0.0, color="k", lw=0.8)
    ax.set_xlabel(t("objective.distance_axis"))
    ax.set_title(t("objective.jsd_title"), fontsize=11)
    ax.grid(alpha=0.3)
    ax.legend(loc="center right", fontsize=8)
    fig.tight_layout()
    return fig


# ---------------------------------------------------------------------------------------------
# a 1-D GAN

@dataclass
class History1D:
    """What :meth:`GAN1D.train` records.

    Per training step: ``d_loss`` (``−V`` on the batch), ``g_loss``, and the mean ``D(x)`` on real
    (``d_real``) and generated (``d_fake``) samples.  Per record (before the first step, every
    ``record_every`` steps and after the last): the step number, the generator's samples from a fixed noise batch, their KDE
    ``p_g`` on the grid ``x`` and ``D(x)`` on the same grid.  ``p_data`` is the true data density.
    """

    data: Mixture1D
    x: np.ndarray
    p_data: np.ndarray
    loss: str = "non_saturating"
    steps: int = 0
    d_loss: list = field(default_factory=list)
    g_loss: list = field(default_factory=list)
    d_real: list = field(default_factory=list)
    d_fake: list = field(default_factory=list)
    record_steps: list = field(default_factory=list)
    samples: list = field(default_factory=list)
    p_g: list = field(default_factory=list)
    d: list = field(default_factory=list)

    @property
    def g_mean(self) -> np.ndarray:
        """Mean of the generator's samples at each record."""
        return np.asarray([s.mean() for s in self.samples])

    @property
    def g_std(self) -> np.ndarray:
        return np.asarray([s.std() for s in self.samples])


class GAN1D:
    """A GAN on real numbers: G maps noise ``z ~ N(0, 1)`` to ``x``; D outputs the **logit** of the
    probability that ``x`` is real (``D(x) = σ(logit)``).

    Both are small MLPs (two hidden layers of ``width`` leaky-ReLU units), trained with Adam
    (β₁ = 0.5; ``g_learning_rate`` defaults to ``learning_rate``).  D first rescales ``x`` so that the
    plotted window (:meth:`Mixture1D.window`) becomes [−1, 1] — the same reason images enter D in
    [−1, 1]: with raw inputs around 4 every ReLU kink of D starts at 0, far from the data, and D
    learns the shape of the densities slowly.  Each :meth:`train_step` follows Algorithm 1 of Goodfellow et al. (2014): ``k``
    discriminator updates (each on a fresh batch of real data and noise) that *ascend* V — i.e.
    descend ``d_loss = −V`` — then one generator update on ``kind`` (``"non_saturating"`` by
    default).  All randomness comes from ``seed``: two GAN1D with the same seed start with the same
    weights and draw the same batches.  Visto en 04 §El algoritmo de entrenamiento y §Una GAN en 1-D.
    """

    def __init__(self, data="gaussian", *, loss: str = "non_saturating", k: int = 1, batch_size: int = 128,
                 noise_dim: int = 4, width: int = 32, learning_rate: float = 5e-4,
                 g_learning_rate: float | None = None, seed: int = 0):
        from ._tf import keras, tf

        self.data = _data(data)
        self.loss = _kind(loss)
        self.k = _positive_int("k", k)
        self.batch_size = _positive_int("batch_size", batch_size)
        self.noise_dim = _positive_int("noise_dim", noise_dim)
        width = _positive_int("width", width)
        learning_rate = _positive("learning_rate", learning_rate)
        g_learning_rate = learning_rate if g_learning_rate is None else \
            _positive("g_learning_rate", g_learning_rate)
        if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
            raise arg_error("seed", seed, {"es": "un entero ≥ 0", "pt": "um inteiro ≥ 0"})
        self.seed = int(seed)

        def mlp(n_in, name, offset, first=()):
            init = [keras.initializers.GlorotUniform(seed=self.seed * 10 + offset + i) for i in range(3)]
            return keras.Sequential([
                keras.Input((n_in,)),
                *first,
                keras.layers.Dense(width, activation="leaky_relu", kernel_initializer=init[0]),
                keras.layers.Dense(width, activation="leaky_relu", kernel_initializer=init[1]),
                keras.layers.Dense(1, kernel_initializer=init[2]),
            ], name=name)

        lo, hi = self.data.window()
        centre, half = (lo + hi) / 2, (hi - lo) / 2
        self.generator = mlp(self.noise_dim, "generator", 0)
        self.discriminator = mlp(1, "discriminator", 5,
                                 [keras.layers.Rescaling(1.0 / half, offset=-centre / half)])
        self.g_optimizer = keras.optimizers.Adam(g_learning_rate, beta_1=0.5)
        self.d_optimizer = keras.optimizers.Adam(learning_rate, beta_1=0.5)
        self.g_optimizer.build(self.generator.trainable_variables)
        self.d_optimizer.build(self.discriminator.trainable_variables)
        self.rng = tf.random.Generator.from_seed(self.seed)
        self._means = tf.constant(self.data.means, tf.float32)
        self._stds = tf.constant(self.data.stds, tf.float32)
        self._cum = tf.constant(np.cumsum(self.data.weights)[:-1], tf.float32)
        self.fixed_noise = tf.constant(np.random.default_rng(self.seed + 1).standard_normal(
            (2000, self.noise_dim)), tf.float32)
        self.train_step = tf.function(self._train_step)
        self._predict = tf.function(self._predict_impl)

    # -- pieces a lesson cell can reuse ------------------------------------------------------
    def sample_data(self, n):
        """``n`` real samples, shape (n, 1), from the data mixture (TensorFlow, seeded)."""
        from ._tf import tf

        u = self.rng.uniform([n])
        comp = tf.reduce_sum(tf.cast(u[:, None] > self._cum[None, :], tf.int32), axis=1)
        eps = self.rng.normal([n])
        return (tf.gather(self._means, comp) + tf.gather(self._stds, comp) * eps)[:, None]

    def sample_noise(self, n):
        """``n`` noise vectors ``z ~ N(0, I)``, shape (n, noise_dim)."""
        return self.rng.normal([n, self.noise_dim])

    def d_loss_fn(self, real_logits, fake_logits):
        """``−V`` on a batch: ``−mean(log D(x)) − mean(log(1 − D(G(z))))`` (binary cross-entropy)."""
        from ._tf import tf

        return -(tf.reduce_mean(tf.math.log_sigmoid(real_logits))
                 + tf.reduce_mean(tf.math.log_sigmoid(-fake_logits)))

    def g_loss_fn(self, fake_logits):
        """Mean of :func:`generator_loss_tf` (``self.loss``) over the batch."""
        from ._tf import tf

        return tf.reduce_mean(generator_loss_tf(fake_logits, self.loss))

    def _train_step(self):
        from ._tf import tf

        G, D = self.generator, self.discriminator
        for _ in range(self.k):
            x_real = self.sample_data(self.batch_size)
            z = self.sample_noise(self.batch_size)
            with tf.GradientTape() as tape:
                real_logits = D(x_real, training=True)
                fake_logits = D(G(z, training=True), training=True)
                d_loss = self.d_loss_fn(real_logits, fake_logits)
            grads = tape.gradient(d_loss, D.trainable_variables)
            self.d_optimizer.apply_gradients(zip(grads, D.trainable_variables))
        z = self.sample_noise(self.batch_size)
        with tf.GradientTape() as tape:
            fake_logits = D(G(z, training=True), training=True)
            g_loss = self.g_loss_fn(fake_logits)
        grads = tape.gradient(g_loss, G.trainable_variables)
        self.g_optimizer.apply_gradients(zip(grads, G.trainable_variables))
        return (d_loss, g_loss, tf.reduce_mean(tf.sigmoid(real_logits)),
                tf.reduce_mean(tf.sigmoid(fake_logits)))

    def _predict_impl(self, z, x):
        from ._tf import tf

        return (self.generator(z, training=False)[:, 0],
                tf.sigmoid(self.discriminator(x, training=False))[:, 0])

    def train_discriminator(self, steps: int):
        """Update only D for ``steps`` batches (G frozen): D learns to reject the current fakes."""
        from ._tf import tf

        steps = _positive_int("steps", steps)
        G, D = self.generator, self.discriminator

        @tf.function
        def d_only():
            x_real = self.sample_data(self.batch_size)
            z = self.sample_noise(self.batch_size)
            with tf.GradientTape() as tape:
                d_loss = self.d_loss_fn(D(x_real, training=True), D(G(z, training=False), training=True))
            self.d_optimizer.apply_gradients(zip(tape.gradient(d_loss, D.trainable_variables),
                                                 D.trainable_variables))
            return d_loss

        loss = None
        for _ in range(steps):
            loss = d_only()
        return float(loss)

    def generate(self, n: int = 1000):
        """``n`` generator samples as a NumPy array (inference mode)."""
        z = self.sample_noise(_positive_int("n", n))
        return self.generator(z, training=False).numpy()[:, 0]

    def discriminate(self, x):
        """``D(x)``: probability of «real» for each value of ``x`` (NumPy in, NumPy out)."""
        from ._tf import tf

        x = tf.constant(np.asarray(x, dtype=np.float32).reshape(-1, 1))
        return tf.sigmoid(self.discriminator(x, training=False)).numpy()[:, 0]

    def snapshot(self, history: History1D):
        """Append the current generator samples, their KDE and D(x) on ``history.x`` to the record."""
        from ._tf import tf

        samples, d = self._predict(self.fixed_noise, tf.constant(history.x.reshape(-1, 1), tf.float32))
        samples = samples.numpy().astype(np.float64)
        history.record_steps.append(history.steps)
        history.samples.append(samples)
        history.p_g.append(kde(samples, history.x, bandwidth=(history.x[-1] - history.x[0]) / 100))
        history.d.append(d.numpy().astype(np.float64))

    def new_history(self, grid_points: int = 241) -> History1D:
        """An empty record on ``grid_points`` points of the data's window."""
        x = self.data.grid(grid_points)
        return History1D(self.data, x, self.data.pdf(x), self.loss)

    def train(self, steps: int, record_every: int | None = None, history: History1D | None = None) -> History1D:
        """Run ``steps`` training steps and return (or extend) their :class:`History1D`.

        A snapshot is taken before the first step (if the history is new), every ``record_every``
        steps (default: about 30 records over the run) and after the last step.  Visto en 04 §Una GAN en 1-D.
        """
        steps = _positive_int("steps", steps)
        record_every = _positive_int("record_every", record_every or max(steps // 30, 1))
        if history is None:
            history = self.new_history()
        if not history.record_steps:
            self.snapshot(history)
        pending = []
        for i in range(steps):
            pending.append(self.train_step())
            history.steps += 1
            if history.steps % record_every == 0 or i == steps - 1:
                values = np.asarray(pending, dtype=np.float64).reshape(-1, 4)
                for column, name in enumerate(("d_loss", "g_loss", "d_real", "d_fake")):
                    getattr(history, name).extend(values[:, column].tolist())
                pending = []
                self.snapshot(history)
        return history


def train_gan1d(data="gaussian", steps: int | None = None, *, seed: int = 0, record_every=None, **kwargs):
    """Build a :class:`GAN1D` and train it; ``steps`` defaults to ``config.pick(1500, 300)``.

    Returns ``(gan, history)``.  Visto en 04 §Una GAN en 1-D.
    """
    gan = GAN1D(data, seed=seed, **kwargs)
    history = gan.train(steps or config.pick(1500, 300), record_every=record_every)
    return gan, history


def smooth(values, window: int = 25) -> np.ndarray:
    """Moving average (``window`` steps; shorter at the start) for noisy per-step curves."""
    v = np.asarray(values, dtype=np.float64)
    window = _positive_int("window", window)
    c = np.cumsum(np.insert(v, 0, 0.0))
    idx = np.arange(1, len(v) + 1)
    lo = np.maximum(idx - window, 0)
    return (c[idx] - c[lo]) / (idx - lo)


def _draw_densities(ax, history, index, math_labels=False):
    x = history.x
    ax.fill_between(x, history.p_data, color="#1f77b4", alpha=0.25,
                    label="$p_{data}$" if math_labels else t("objective.pdata"))
    ax.plot(x, history.p_g[index], color="#ff7f0e", lw=2, label="$p_g$" if math_labels else t("objective.pg"))
    ax.plot(x, history.d[index], color="#2ca02c", lw=2, label="$D(x)$")
    ax.axhline(0.5, color="k", ls=":", lw=1)
    ax.set_xlim(x[0], x[-1])
    ax.set_ylim(0, 1.05)
    ax.grid(alpha=0.3)
    ax.legend(loc="upper left", fontsize=8)


def _index(history, index):
    last = len(history.record_steps) - 1
    if isinstance(index, bool) or not isinstance(index, (int, np.integer)) or not -last - 1 <= index <= last:
        raise arg_error("index", index, t("objective.expected_index", last=last))
    return int(index) % (last + 1)


def plot_gan1d(history: History1D, index: int = -1):
    """One record of the 1-D GAN: ``p_data``, the generator's density ``p_g`` and ``D(x)``.

    Returns the figure.  Visto en 04 §Una GAN en 1-D.
    """
    i = _index(history, index)
    fig = _pyplot_figure((6.4, 3.2))
    ax = fig.add_subplot(1, 1, 1)
    _draw_densities(ax, history, i)
    ax.set_title(t("objective.snapshot_title", step=history.record_steps[i], steps=history.steps), fontsize=11)
    ax.set_xlabel("x")
    fig.tight_layout()
    return fig


def plot_gan1d_losses(history: History1D, window: int = 25):
    """Loss curves (moving average) with their equilibrium values, and the mean outputs of D.

    At the equilibrium ``p_g = p_data`` and ``D = 1/2``: ``−V = 2·log 2`` and ``−log D(G(z)) = log 2``.
    Returns the figure.  Visto en 04 §Una GAN en 1-D.
    """
    steps = np.arange(1, history.steps + 1)
    fig = _pyplot_figure((11.0, 3.2))
    a0, a1 = fig.subplots(1, 2)
    a0.plot(steps, smooth(history.d_loss, window), color="#1f77b4", label=t("objective.d_loss"))
    a0.plot(steps, smooth(history.g_loss, window), color="#ff7f0e", label=t("objective.g_loss"))
    a0.axhline(2 * LOG2, color="#1f77b4", ls="--", lw=1, label=t("objective.d_loss_eq"))
    saturating = history.loss == "saturating"
    a0.axhline(-LOG2 if saturating else LOG2, color="#ff7f0e", ls="--", lw=1,
               label=t("objective.g_loss_eq", value="−log 2" if saturating else "log 2"))
    a0.set_title(t("objective.losses_panel"), fontsize=11)
    a1.plot(steps, smooth(history.d_real, window), color="#1f77b4", label=t("objective.d_real"))
    a1.plot(steps, smooth(history.d_fake, window), color="#ff7f0e", label=t("objective.d_fake"))
    a1.axhline(0.5, color="k", ls=":", lw=1, label=t("objective.half"))
    a1.set_ylim(0, 1)
    a1.set_title(t("objective.outputs_panel"), fontsize=11)
    for ax in (a0, a1):
        ax.set_xlabel(t("objective.step_axis"))
        ax.grid(alpha=0.3)
        ax.legend(fontsize=8, loc="upper right")
    fig.tight_layout()
    return fig


def gan1d_frames(history: History1D, size=(5.6, 3.6)) -> list:
    """One uint8 RGB frame per record: densities and D(x) on top, the losses so far below.

    Labels are mathematical symbols only (``p_data``, ``p_g``, ``D(x)``, ``L_D``, ``L_G``) so the
    same GIF serves both languages.  The figure is laid out once and only the curves change from
    frame to frame.  Visto en 04 §Una GAN en 1-D.
    """
    d_loss, g_loss = smooth(history.d_loss), smooth(history.g_loss)
    both = np.concatenate([d_loss, g_loss, [0.0, 2 * LOG2]])
    lo, hi = float(both.min()), float(both.max())
    pad = 0.1 * (hi - lo)
    fig = _agg_figure(size)
    top, bottom = fig.subplots(2, 1, gridspec_kw={"height_ratios": [2.2, 1]})
    x = history.x
    top.fill_between(x, history.p_data, color="#1f77b4", alpha=0.25, label="$p_{data}$")
    (pg_line,) = top.plot(x, history.p_g[0], color="#ff7f0e", lw=2, label="$p_g$")
    (d_line,) = top.plot(x, history.d[0], color="#2ca02c", lw=2, label="$D(x)$")
    top.axhline(0.5, color="k", ls=":", lw=1)
    top.set_xlim(x[0], x[-1])
    top.set_ylim(0, 1.05)
    top.grid(alpha=0.3)
    top.legend(loc="upper left", fontsize=8)
    title = top.set_title(f"{history.steps} / {history.steps}", fontsize=10)
    (dl_line,) = bottom.plot([], [], color="#1f77b4", lw=1.5, label="$L_D$")
    (gl_line,) = bottom.plot([], [], color="#ff7f0e", lw=1.5, label="$L_G$")
    bottom.axhline(2 * LOG2, color="#1f77b4", ls="--", lw=0.8)
    bottom.axhline(-LOG2 if history.loss == "saturating" else LOG2, color="#ff7f0e", ls="--", lw=0.8)
    bottom.set_xlim(0, max(history.steps, 1))
    bottom.set_ylim(lo - pad, hi + pad)
    bottom.grid(alpha=0.3)
    bottom.legend(loc="upper right", fontsize=8, ncol=2)
    fig.tight_layout()
    frames = []
    for i, step in enumerate(history.record_steps):
        pg_line.set_ydata(history.p_g[i])
        d_line.set_ydata(history.d[i])
        steps = np.arange(1, step + 1)
        dl_line.set_data(steps, d_loss[:step])
        gl_line.set_data(steps, g_loss[:step])
        title.set_text(f"{step} / {history.steps}")
        fig.canvas.draw()
        frames.append(np.asarray(fig.canvas.buffer_rgba())[..., :3].copy())
    return frames


def write_gan1d_gif(history: History1D, path, duration_ms=120, last_ms=1500) -> pathlib.Path:
    """Render :func:`gan1d_frames` to a looping GIF with :func:`gan_course.gif.write_gif`.

    The last frame stays ``last_ms`` milliseconds.  Returns the path.  Visto en 04 §Una GAN en 1-D.
    """
    from .gif import write_gif

    frames = gan1d_frames(history)
    durations = [duration_ms] * (len(frames) - 1) + [last_ms]
    return write_gif(path, frames, duration_ms=durations)


def plot_mode_collapse(histories, labels=None, title: str | None = None):
    """Several trainings on a two-peak mixture: each run's final ``p_g`` against ``p_data`` (left)
    and the share of its samples near the left peak along training (right: 1/2 means both peaks
    are covered; 0 or 1, one peak only — mode collapse).  ``title`` names the recipe on the left
    panel.  Returns the figure.

    Visto en 04 §Colapso de modos.
    """
    histories = list(histories)
    labels = labels or [t("objective.seed", seed=i) for i in range(len(histories))]
    fig = _pyplot_figure((11.0, 3.4))
    a0, a1 = fig.subplots(1, 2)
    h0 = histories[0]
    a0.fill_between(h0.x, h0.p_data, color="#1f77b4", alpha=0.25, label=t("objective.pdata"))
    for h, label in zip(histories, labels):
        a0.plot(h.x, h.p_g[-1], lw=1.5, label=label)
        left = [mode_fractions(s, h.data.means)[0] for s in h.samples]
        a1.plot(h.record_steps, left, lw=1.5, marker=".", label=label)
    a0.set_ylim(0, 1.05)
    a0.set_xlim(h0.x[0], h0.x[-1])
    a0.set_title(title or t("objective.collapse_title"), fontsize=11)
    a0.set_xlabel("x")
    a1.axhline(0.5, color="k", ls=":", lw=1)
    a1.set_ylim(-0.03, 1.03)
    a1.set_xlabel(t("objective.step_axis"))
    a1.set_ylabel(t("objective.fraction_axis"), fontsize=9)
    a1.set_title(t("objective.fraction_title"), fontsize=11)
    for ax in (a0, a1):
        ax.grid(alpha=0.3)
        ax.legend(fontsize=7, loc="upper right")
    fig.tight_layout()
    return fig


# ---------------------------------------------------------------------------------------------
# committed figures (python -m gan_course figures)

def _save_png(fig, path):
    path = pathlib.Path(path)
    fig.savefig(path, format="png", dpi=80, metadata={"Software": None})
    return path


def _generator_losses_writer(lang):
    def write(path):
        with language(lang):
            fig = _draw_generator_losses(_agg_figure((12.0, 3.8)))
            return _save_png(fig, path)
    return write


def _gan1d_writer(path):
    """The toy GAN on N(4, 0.5²), seed 0, 1200 steps (fixed sizes: the figure is the same in quick mode)."""
    _, history = train_gan1d("gaussian", 1200, seed=0, record_every=40)
    return write_gan1d_gif(history, path)


FIGURES = {
    "gan1d.gif": _gan1d_writer,
    "generator_losses_es.png": _generator_losses_writer("es"),
    "generator_losses_pt.png": _generator_losses_writer("pt"),
}
