"""The Wasserstein distance on the 1-D problem of lesson 04, and a critic that estimates it.

In one dimension the earth mover's (Wasserstein-1) distance has a closed form: the area between the two
cumulative distribution functions, ``W₁(p, q) = ∫ |F_p(x) − F_q(x)| dx`` (:func:`w1_from_densities`), or,
on two samples of the same size, the mean distance between their sorted values (:func:`w1_from_samples`).
For two Gaussians with the same σ it is the distance between their means.  Unlike the Jensen–Shannon
divergence (:func:`gan_course.objective.js_divergence`), it keeps growing when the two stop overlapping, so
its slope does not vanish (:func:`distance_curves`, :func:`plot_jsd_vs_wasserstein`).

WGAN-GP estimates it with a **critic** ``f`` (Kantorovich–Rubinstein: ``W₁ = sup_{‖f‖_L ≤ 1} E_p f − E_q f``),
trained with the gradient penalty of :func:`gan_course.losses.gradient_penalty`.  :func:`train_critic_1d`
trains such a critic — or a discriminator with the cross-entropy of lesson 04, for comparison — on real
numbers from ``N(4, 0.5²)`` against fixed fakes that do not overlap them, and reports what the
generator would feel: the critic's estimate of W₁ and the slope of each loss at the fakes
(:class:`Critic1D`, :func:`plot_critics_1d`).

Visto en 10 §La distancia de Wasserstein.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import config
from ._tf import keras, tf
from .gan1d import mlp_1d
from .i18n import arg_error, register, t
from .objective import DATASETS, check_density, integrate, js_divergence, over_distances
from .plots import pyplot_figure
from .validate import check_array, check_choice, check_float, check_int

CRITIC_LOSSES = ("wgan-gp", "bce")

register({
    "wasserstein.expected_same_size": {
        "es": "dos muestras 1-D del mismo tamaño (la fórmula ordenada empareja valor con valor)",
        "pt": "duas amostras 1-D do mesmo tamanho (a fórmula ordenada emparelha valor com valor)",
    },
    "wasserstein.expected_critics": {
        "es": "los Critic1D que devuelve train_critic_1d",
        "pt": "os Critic1D que train_critic_1d devolve",
    },
    "wasserstein.distance_axis": {"es": "distancia entre las medias de p_data y p_g",
                                  "pt": "distância entre as médias de p_data e p_g"},
    "wasserstein.values_title": {"es": "JSD y W₁ entre dos gaussianas de σ = 1",
                                 "pt": "JSD e W₁ entre duas gaussianas de σ = 1"},
    "wasserstein.slopes_title": {"es": "su pendiente: lo que empuja al generador",
                                 "pt": "sua inclinação: o que empurra o gerador"},
    "wasserstein.data": {"es": "datos reales", "pt": "dados reais"},
    "wasserstein.fakes": {"es": "falsas (fijas)", "pt": "falsas (fixas)"},
    "wasserstein.critic": {"es": "crítico f(x) (WGAN-GP)", "pt": "crítico f(x) (WGAN-GP)"},
    "wasserstein.discriminator": {"es": "D(x) (entropía cruzada)", "pt": "D(x) (entropia cruzada)"},
    "wasserstein.critic_title": {"es": "crítico: estima W₁ = {estimate:.2f} (exacta: {exact:.2f})",
                                 "pt": "crítico: estima W₁ = {estimate:.2f} (exata: {exact:.2f})"},
    "wasserstein.bce_title": {"es": "discriminador: D(falsas) = {d_fake:.3f}",
                              "pt": "discriminador: D(falsas) = {d_fake:.3f}"},
})


# --------------------------------------------------------------------------- the distance itself
def cdf(x, density) -> np.ndarray:
    """``F(x) = ∫_{−∞}^x p`` on the grid ``x`` (cumulative trapezoids).  Visto en 10 §La distancia de Wasserstein."""
    x = check_array("x", x, ndim=1, min_size=2)
    p = check_density("density", density, x)
    steps = 0.5 * (p[1:] + p[:-1]) * np.diff(x)
    return np.concatenate([[0.0], np.cumsum(steps)])


def w1_from_densities(x, p, q) -> float:
    """``W₁(p, q) = ∫ |F_p − F_q| dx``: the area between the two CDFs on the grid ``x``.

    Visto en 10 §La distancia de Wasserstein.
    """
    x = check_array("x", x, ndim=1, min_size=2)
    return integrate(np.abs(cdf(x, p) - cdf(x, q)), x)


def w1_from_samples(a, b) -> float:
    """W₁ between two samples of the same size: the mean of ``|a_(i) − b_(i)|`` over their sorted values
    (in 1-D the best way to move one pile of sand onto the other keeps the order).

    Visto en 10 §La distancia de Wasserstein.
    """
    a = check_array("a", a, "wasserstein.expected_same_size", ndim=(1, 2)).reshape(-1)
    b = check_array("b", b, "wasserstein.expected_same_size", ndim=(1, 2)).reshape(-1)
    if a.shape != b.shape:
        raise arg_error("b", b, "wasserstein.expected_same_size")
    return float(np.mean(np.abs(np.sort(a) - np.sort(b))))


def distance_curves(distances, std: float = 1.0):
    """``(JSD, W₁)`` of ``N(0, σ²)`` against ``N(d, σ²)`` for each distance ``d``, both from numeric integrals.

    Visto en 10 §La distancia de Wasserstein.
    """
    return over_distances(distances, (lambda x, p, q: js_divergence(p, q, x), w1_from_densities), std)


def plot_jsd_vs_wasserstein(max_distance: float = 8.0, n: int = 81):
    """Left: JSD and W₁ against the distance between two unit Gaussians; right: their slopes (numeric
    derivatives).  The JSD's slope goes to 0 once the Gaussians stop overlapping; W₁'s stays 1.

    Visto en 10 §La distancia de Wasserstein.
    """
    d = np.linspace(0.0, check_float("max_distance", max_distance, 0, low_open=True), check_int("n", n, 3))
    jsd, w1 = distance_curves(d)
    fig = pyplot_figure((10.5, 3.4))
    for i, (values, title) in enumerate([((jsd, w1), "wasserstein.values_title"),
                                         ((np.gradient(jsd, d), np.gradient(w1, d)), "wasserstein.slopes_title")]):
        ax = fig.add_subplot(1, 2, i + 1)
        ax.plot(d, values[0], color="#9467bd", lw=2, label="JSD(p_data ‖ p_g)")
        ax.plot(d, values[1], color="#d62728", lw=2, label="W₁(p_data, p_g)")
        ax.axhline(0.0, color="k", lw=0.8)
        ax.set_xlabel(t("wasserstein.distance_axis"))
        ax.set_title(t(title), fontsize=11)
        ax.grid(alpha=0.3)
        ax.legend(fontsize=9, loc="upper left" if i == 0 else "center right")
    fig.tight_layout()
    return fig


# --------------------------------------------------------------------------- a critic on real numbers
@dataclass
class Critic1D:
    """What :func:`train_critic_1d` learnt.

    ``loss`` — ``"wgan-gp"`` or ``"bce"``; ``x`` — the plotted grid and ``values`` the critic's score
    ``f(x)`` (``"wgan-gp"``) or the probability ``D(x)`` (``"bce"``) on it; ``estimate`` —
    ``E f(real) − E f(fake)`` on fresh samples (for ``"bce"``: the same difference of logits);
    ``exact`` — W₁ between the real and the fake distributions (the distance of their means: same σ);
    ``slope`` — ``|∂ loss_G / ∂x|`` averaged over the fakes, i.e. how hard the generator is pushed, for
    each generator loss (``{"wgan": …}`` or ``{"minimax": …, "non_saturating": …}``); ``d_fake`` —
    mean ``D(fake)`` (``"bce"`` only, else ``None``); ``real``/``fake`` — the two distributions
    ``(mean, std)``.
    """

    loss: str
    x: np.ndarray
    values: np.ndarray
    estimate: float
    exact: float
    slope: dict
    d_fake: float | None
    real: tuple
    fake: tuple


def train_critic_1d(loss: str = "wgan-gp", *, fake_mean: float = 0.0, steps: int | None = None, seed: int = 0,
                    gp_weight: float = 10.0, batch_size: int = 256, width: int = 64,
                    learning_rate: float = 1e-3) -> Critic1D:
    """Train a critic (``loss="wgan-gp"``: ``E f(fake) − E f(real) + λ·penalty``) or a discriminator
    (``"bce"``: the cross-entropy of lesson 04 on logits) to tell real numbers from lesson 04's
    ``N(4, 0.5²)`` from fakes ``N(fake_mean, 0.5²)``; the generator does not move.

    Both are lesson 04's small MLP (:func:`gan_course.gan1d.mlp_1d`: two hidden layers of ``width`` leaky-ReLU
    units, the plotted window rescaled to [−1, 1]; Adam with β = (0.5, 0.9)),
    trained for ``steps`` steps (default 800, 200 in quick mode) on fresh batches, all seeded by ``seed``.
    Returns a :class:`Critic1D`.  Visto en 10 §La distancia de Wasserstein.
    """
    loss = check_choice("loss", loss, CRITIC_LOSSES)
    fake_mean = check_float("fake_mean", fake_mean)
    steps = check_int("steps", config.pick(800, 200) if steps is None else steps, 1)
    seed = check_int("seed", seed, 0)
    gp_weight = check_float("gp_weight", gp_weight, 0)
    batch_size = check_int("batch_size", batch_size, 2)
    width = check_int("width", width, 1)
    learning_rate = check_float("learning_rate", learning_rate, 0, low_open=True)
    data = DATASETS["gaussian"]
    real, fake = (data.means[0], data.stds[0]), (fake_mean, data.stds[0])
    lo, hi = min(real[0], fake_mean) - 2.0, max(real[0], fake_mean) + 2.0
    critic = mlp_1d(1, width, seed * 10, "critic", window=(lo, hi))
    _fit_critic(critic, loss, real, fake, steps=steps, seed=seed, gp_weight=gp_weight, batch_size=batch_size,
                learning_rate=learning_rate)
    return _measure_critic(critic, loss, real, fake, (lo, hi), seed)


def _fit_critic(critic, loss, real, fake, *, steps, seed, gp_weight, batch_size, learning_rate):
    """``steps`` Adam steps of ``critic`` on fresh batches of ``real`` and ``fake`` (each ``(mean, std)``)."""
    from . import losses

    optimizer = keras.optimizers.Adam(learning_rate, beta_1=0.5, beta_2=0.9)
    optimizer.build(critic.trainable_variables)
    rng = tf.random.Generator.from_seed(seed)

    def batch(mean_std):
        return mean_std[0] + mean_std[1] * rng.normal([batch_size, 1])

    def score(v):
        return critic(v, training=True)

    @tf.function
    def step():
        real_batch, fake_batch = batch(real), batch(fake)
        with tf.GradientTape() as tape:
            real_out, fake_out = score(real_batch), score(fake_batch)
            if loss == "wgan-gp":
                epsilon = rng.uniform([batch_size, 1])
                value = (losses.wasserstein_critic_loss(real_out, fake_out)
                         + gp_weight * losses.gradient_penalty(score, real_batch, fake_batch, epsilon))
            else:
                value = losses.discriminator_loss(real_out, fake_out)
        grads = tape.gradient(value, critic.trainable_variables)
        optimizer.apply_gradients(zip(grads, critic.trainable_variables))

    for _ in range(steps):
        step()


def _measure_critic(critic, loss, real, fake, window, seed) -> Critic1D:
    """The :class:`Critic1D` of a trained ``critic``: its curve on ``window``, W₁ estimate and slopes at fresh fakes."""
    (real_mean, std), fake_mean = real, fake[0]
    x = np.linspace(*window, 241)
    out = critic(x[:, None].astype(np.float32), training=False).numpy()[:, 0]
    check = np.random.default_rng(seed + 1)
    real_x = (real_mean + std * check.standard_normal(4000))[:, None].astype(np.float32)
    fake_x = tf.constant((fake_mean + std * check.standard_normal(4000))[:, None].astype(np.float32))
    with tf.GradientTape(persistent=True) as tape:
        tape.watch(fake_x)
        logits = critic(fake_x, training=False)
        per_loss = ({"wgan": -logits} if loss == "wgan-gp" else
                    {"minimax": -tf.nn.softplus(logits),  # log(1 − σ(a)) = −softplus(a)
                     "non_saturating": tf.nn.softplus(-logits)})  # −log σ(a) = softplus(−a)
    slope = {k: float(tf.reduce_mean(tf.abs(tape.gradient(v, fake_x)))) for k, v in per_loss.items()}
    del tape
    estimate = float(np.mean(critic(real_x, training=False).numpy()) - np.mean(logits.numpy()))
    return Critic1D(loss=loss, x=x, values=out if loss == "wgan-gp" else 1.0 / (1.0 + np.exp(-out)),
                    estimate=estimate, exact=abs(real_mean - fake_mean), slope=slope,
                    d_fake=None if loss == "wgan-gp" else float(np.mean(tf.sigmoid(logits).numpy())),
                    real=(real_mean, std), fake=(fake_mean, std))


def plot_critics_1d(critic: Critic1D, discriminator: Critic1D):
    """Two panels over the real and fake densities: the WGAN-GP critic ``f(x)`` (a ramp with slope ≈ 1 that
    keeps pointing the fakes to the data) and the cross-entropy discriminator ``D(x)`` (flat at 0 on the
    fakes).  Visto en 10 §La distancia de Wasserstein.
    """
    if not (isinstance(critic, Critic1D) and isinstance(discriminator, Critic1D)):
        raise arg_error("critic", critic, "wasserstein.expected_critics")
    fig = pyplot_figure((10.5, 3.4))
    for i, (c, colour, label) in enumerate([(critic, "#d62728", "wasserstein.critic"),
                                            (discriminator, "#2ca02c", "wasserstein.discriminator")]):
        ax = fig.add_subplot(1, 2, i + 1)
        for (mean, std), fill, name in [(c.real, "#1f77b4", "wasserstein.data"),
                                        (c.fake, "#ff7f0e", "wasserstein.fakes")]:
            density = np.exp(-0.5 * ((c.x - mean) / std) ** 2) / (std * np.sqrt(2 * np.pi))
            ax.fill_between(c.x, density, color=fill, alpha=0.3, label=t(name))
        ax.set_ylim(0, 1.05)
        other = ax.twinx() if c.loss == "wgan-gp" else ax
        other.plot(c.x, c.values, color=colour, lw=2, label=t(label))
        if c.loss == "wgan-gp":
            other.set_ylabel("f(x)")
            ax.set_title(t("wasserstein.critic_title", estimate=c.estimate, exact=c.exact), fontsize=10)
        else:
            ax.set_title(t("wasserstein.bce_title", d_fake=c.d_fake), fontsize=10)
        handles = [h for a in {ax, other} for h in a.get_legend_handles_labels()[0]]
        ax.legend(handles=handles, fontsize=8, loc="upper left")
        ax.set_xlabel("x")
        ax.grid(alpha=0.3)
    fig.tight_layout()
    return fig
