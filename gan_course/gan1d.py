"""A GAN on real numbers that trains in seconds on a CPU, and the pictures of its training.

:class:`GAN1D` is Goodfellow et al.'s (2014) Algorithm 1 on 1-D data (a Gaussian or a mixture of
Gaussians from :mod:`gan_course.objective`): a generator and a discriminator that are two small MLPs,
trained with the losses of :mod:`gan_course.losses` (``"non_saturating"`` by default, or ``"minimax"``,
the game's own loss, which saturates).  :meth:`GAN1D.train` records per step the losses and D's mean
outputs, and per record the generator's samples, their density (a KDE) and ``D(x)``
(:class:`History1D`); :func:`plot_gan1d`, :func:`plot_gan1d_losses`, :func:`write_gan1d_gif` and
:func:`plot_mode_collapse` draw that record.

Visto en 04 §Una GAN en 1-D.
"""
from __future__ import annotations

import math
import pathlib
from dataclasses import dataclass, field

import numpy as np

from . import config, losses
from ._tf import keras, tf
from .densities import DATASETS, Mixture1D, kde, mode_coverage
from .i18n import arg_error, register, t
from .plots import agg_figure, pyplot_figure
from .validate import check_array, check_float, check_int

LOG2 = math.log(2.0)

register({
    "gan1d.expected_data": {
        "es": "un objective.Mixture1D o uno de los nombres {names}",
        "pt": "um objective.Mixture1D ou um dos nomes {names}",
    },
    "gan1d.expected_index": {
        "es": "un índice de registro entre {first} y {last}",
        "pt": "um índice de registro entre {first} e {last}",
    },
    "gan1d.expected_history": {
        "es": "el History1D que devuelve GAN1D.train o train_gan1d, con al menos un paso",
        "pt": "o History1D que GAN1D.train ou train_gan1d devolve, com pelo menos um passo",
    },
    "gan1d.expected_histories": {
        "es": "una lista no vacía de History1D del mismo conjunto de datos",
        "pt": "uma lista não vazia de History1D do mesmo conjunto de dados",
    },
    "gan1d.expected_labels": {
        "es": "una etiqueta por entrenamiento ({n})",
        "pt": "um rótulo por treinamento ({n})",
    },
    "gan1d.expected_values": {
        "es": "una lista 1-D de números finitos",
        "pt": "uma lista 1-D de números finitos",
    },
    "gan1d.expected_x": {
        "es": "valores x de números finitos",
        "pt": "valores x de números finitos",
    },
    # plot labels
    "gan1d.pdata": {"es": "p_data (real)", "pt": "p_data (real)"},
    "gan1d.pg": {"es": "p_g (generador)", "pt": "p_g (gerador)"},
    "gan1d.step_axis": {"es": "paso de entrenamiento", "pt": "passo de treinamento"},
    "gan1d.d_loss": {"es": "pérdida de D: −V", "pt": "perda de D: −V"},
    "gan1d.g_loss": {"es": "pérdida de G", "pt": "perda de G"},
    "gan1d.d_loss_eq": {"es": "equilibrio de D: 2·log 2", "pt": "equilíbrio de D: 2·log 2"},
    "gan1d.g_loss_eq": {"es": "equilibrio de G: {value}", "pt": "equilíbrio de G: {value}"},
    "gan1d.d_real": {"es": "D(x), x real", "pt": "D(x), x real"},
    "gan1d.d_fake": {"es": "D(G(z)), falsa", "pt": "D(G(z)), falsa"},
    "gan1d.half": {"es": "1/2: D ya no distingue", "pt": "1/2: D já não distingue"},
    "gan1d.losses_panel": {"es": "Pérdidas (media móvil)", "pt": "Perdas (média móvel)"},
    "gan1d.outputs_panel": {"es": "Salidas medias de D", "pt": "Saídas médias de D"},
    "gan1d.snapshot_title": {"es": "paso {step} de {steps}", "pt": "passo {step} de {steps}"},
    "gan1d.fraction_axis": {
        "es": "fracción de G a ≤ {radius:g}σ del pico",
        "pt": "fração de G a ≤ {radius:g}σ do pico",
    },
    "gan1d.seed": {"es": "semilla {seed}", "pt": "semente {seed}"},
    "gan1d.collapse_title": {
        "es": "Mezcla de dos picos: final de cada entrenamiento",
        "pt": "Mistura de dois picos: final de cada treinamento",
    },
    "gan1d.fraction_title": {
        "es": "¿Qué pico cubre G? (— izquierdo, - - derecho)",
        "pt": "Qual pico G cobre? (— esquerdo, - - direito)",
    },
})


def _data(data):
    if isinstance(data, Mixture1D):
        return data
    if isinstance(data, str) and data in DATASETS:
        return DATASETS[data]
    raise arg_error("data", data, "gan1d.expected_data", names=", ".join(map(repr, DATASETS)))


@dataclass
class History1D:
    """What :meth:`GAN1D.train` records.

    Per training step: ``d_loss`` (``−V`` on the batch), ``g_loss``, and the mean ``D(x)`` on real
    (``d_real``) and generated (``d_fake``) samples.  Per record (before the first step, every
    ``record_every`` steps and after the last): the step number, the generator's samples from a
    fixed noise batch, their KDE ``p_g`` on the grid ``x`` and ``D(x)`` on the same grid.  ``p_data``
    is the true data density.  Visto en 04 §Una GAN en 1-D.
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


def mlp_1d(n_in: int, width: int, seed: int, name: str, *, window=None):
    """The small MLP of the 1-D lessons: ``n_in`` inputs → two hidden layers of ``width`` leaky-ReLU units → one
    number, Glorot-uniform weights seeded ``seed``, ``seed + 1``, ``seed + 2``.  With ``window=(lo, hi)`` the
    input is first rescaled so that the window becomes [−1, 1].  :class:`GAN1D`'s generator and discriminator
    and :func:`gan_course.wasserstein.train_critic_1d`'s critic.  Visto en 04 §Una GAN en 1-D.
    """
    init = [keras.initializers.GlorotUniform(seed=seed + i) for i in range(3)]
    first = []
    if window is not None:
        lo, hi = window
        centre, half = (lo + hi) / 2, (hi - lo) / 2
        first = [keras.layers.Rescaling(1.0 / half, offset=-centre / half)]
    return keras.Sequential([
        keras.Input((n_in,)),
        *first,
        keras.layers.Dense(width, activation="leaky_relu", kernel_initializer=init[0]),
        keras.layers.Dense(width, activation="leaky_relu", kernel_initializer=init[1]),
        keras.layers.Dense(1, kernel_initializer=init[2]),
    ], name=name)


class GAN1D:
    """A GAN on real numbers: G maps noise ``z ~ N(0, 1)`` to ``x``; D outputs the **logit** of the
    probability that ``x`` is real (``D(x) = σ(logit)``).

    Both are small MLPs (two hidden layers of ``width`` leaky-ReLU units), trained with Adam
    (β₁ = 0.5; ``g_learning_rate`` defaults to ``learning_rate``).  D first rescales ``x`` so that the
    plotted window (:meth:`Mixture1D.window`) becomes [−1, 1] — the same reason images enter D in
    [−1, 1]: with raw inputs around 4 every ReLU kink of D starts at 0, far from the data, and D
    learns the shape of the densities slowly.  Each :meth:`train_step` follows Algorithm 1 of
    Goodfellow et al. (2014): ``k`` discriminator updates (each on a fresh batch of real data and
    noise) that *ascend* V — i.e. descend ``d_loss = −V`` — then one generator update on ``loss``
    (:data:`gan_course.losses.KINDS`: ``"non_saturating"`` by default, or ``"minimax"``).  All
    randomness comes from ``seed``: two GAN1D with the same seed start with the same weights and draw
    the same batches.  Visto en 04 §El algoritmo de entrenamiento y 04 §Una GAN en 1-D.
    """

    def __init__(self, data="gaussian", *, loss: str = "non_saturating", k: int = 1, batch_size: int = 128,
                 noise_dim: int = 4, width: int = 32, learning_rate: float = 5e-4,
                 g_learning_rate: float | None = None, seed: int = 0):
        self.data = _data(data)
        self.loss = losses.check_kind(loss, "loss")
        self.k = check_int("k", k, 1)
        self.batch_size = check_int("batch_size", batch_size, 1)
        self.noise_dim = check_int("noise_dim", noise_dim, 1)
        width = check_int("width", width, 1)
        learning_rate = check_float("learning_rate", learning_rate, 0, low_open=True)
        g_learning_rate = learning_rate if g_learning_rate is None else \
            check_float("g_learning_rate", g_learning_rate, 0, low_open=True)
        self.seed = check_int("seed", seed, 0)

        self.generator = mlp_1d(self.noise_dim, width, self.seed * 10, "generator")
        self.discriminator = mlp_1d(1, width, self.seed * 10 + 5, "discriminator", window=self.data.window())
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
        n = check_int("n", n, 1)
        u = self.rng.uniform([n])
        comp = tf.reduce_sum(tf.cast(u[:, None] > self._cum[None, :], tf.int32), axis=1)
        eps = self.rng.normal([n])
        return (tf.gather(self._means, comp) + tf.gather(self._stds, comp) * eps)[:, None]

    def sample_noise(self, n):
        """``n`` noise vectors ``z ~ N(0, I)``, shape (n, noise_dim)."""
        return self.rng.normal([check_int("n", n, 1), self.noise_dim])

    def d_loss_fn(self, real_logits, fake_logits):
        """``−V`` on a batch, ``−mean(log D(x)) − mean(log(1 − D(G(z))))``:
        :func:`gan_course.losses.discriminator_loss` on D's logits."""
        return losses.discriminator_loss(real_logits, fake_logits, "logits")

    def g_loss_fn(self, fake_logits):
        """The generator's loss ``self.loss`` on a batch: :func:`gan_course.losses.generator_loss` on D's logits."""
        return losses.generator_loss(fake_logits, "logits", self.loss)

    def _train_step(self):
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
        return (self.generator(z, training=False)[:, 0],
                tf.sigmoid(self.discriminator(x, training=False))[:, 0])

    def train_discriminator(self, steps: int):
        """Update only D for ``steps`` batches (G frozen): D learns to reject the current fakes."""
        steps = check_int("steps", steps, 1)
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
        z = self.sample_noise(check_int("n", n, 1))
        return self.generator(z, training=False).numpy()[:, 0]

    def discriminate(self, x):
        """``D(x)``: probability of «real» for each value of ``x`` (NumPy in, NumPy out)."""
        x = tf.constant(check_array("x", x, "gan1d.expected_x").astype(np.float32).reshape(-1, 1))
        return tf.sigmoid(self.discriminator(x, training=False)).numpy()[:, 0]

    def snapshot(self, history: History1D):
        """Append the current generator samples, their KDE and D(x) on ``history.x`` to the record."""
        samples, d = self._predict(self.fixed_noise, tf.constant(history.x.reshape(-1, 1), tf.float32))
        samples = samples.numpy().astype(np.float64)
        history.record_steps.append(history.steps)
        history.samples.append(samples)
        history.p_g.append(kde(samples, history.x, bandwidth=(history.x[-1] - history.x[0]) / 100))
        history.d.append(d.numpy().astype(np.float64))

    def new_history(self, grid_points: int = 241) -> History1D:
        """An empty record on ``grid_points`` points of the data's window."""
        x = self.data.grid(check_int("grid_points", grid_points, 3))
        return History1D(self.data, x, self.data.pdf(x), self.loss)

    def train(self, steps: int, record_every: int | None = None, history: History1D | None = None) -> History1D:
        """Run ``steps`` training steps and return (or extend) their :class:`History1D`.

        A snapshot is taken before the first step (if the history is new), every ``record_every``
        steps (default: about 30 records over the run) and after the last step.  Visto en 04 §Una GAN en 1-D.
        """
        steps = check_int("steps", steps, 1)
        record_every = check_int("record_every", max(steps // 30, 1) if record_every is None else record_every, 1)
        if history is None:
            history = self.new_history()
        elif not isinstance(history, History1D) or history.data != self.data or history.loss != self.loss:
            raise arg_error("history", history, "gan1d.expected_history")
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
    steps = config.pick(1500, 300) if steps is None else check_int("steps", steps, 1)
    gan = GAN1D(data, seed=seed, **kwargs)
    history = gan.train(steps, record_every=record_every)
    return gan, history


def smooth(values, window: int = 25) -> np.ndarray:
    """Moving average (``window`` steps; shorter at the start) for noisy per-step curves.

    Visto en 04 §Una GAN en 1-D.
    """
    v = check_array("values", values, "gan1d.expected_values", ndim=1, min_size=0)
    window = check_int("window", window, 1)
    c = np.cumsum(np.insert(v, 0, 0.0))
    idx = np.arange(1, len(v) + 1)
    lo = np.maximum(idx - window, 0)
    return (c[idx] - c[lo]) / (idx - lo)


def _history(history) -> History1D:
    if not isinstance(history, History1D) or not history.record_steps or history.steps < 1:
        raise arg_error("history", history, "gan1d.expected_history")
    return history


def _draw_densities(ax, history, index, math_labels=False):
    """``p_data``, ``p_g`` and ``D(x)`` of record ``index`` on ``ax``; returns the ``p_g`` and ``D`` lines."""
    x = history.x
    ax.fill_between(x, history.p_data, color="#1f77b4", alpha=0.25,
                    label="$p_{data}$" if math_labels else t("gan1d.pdata"))
    (pg_line,) = ax.plot(x, history.p_g[index], color="#ff7f0e", lw=2,
                         label="$p_g$" if math_labels else t("gan1d.pg"))
    (d_line,) = ax.plot(x, history.d[index], color="#2ca02c", lw=2, label="$D(x)$")
    ax.axhline(0.5, color="k", ls=":", lw=1)
    ax.set_xlim(x[0], x[-1])
    ax.set_ylim(0, 1.05)
    ax.grid(alpha=0.3)
    ax.legend(loc="upper left", fontsize=8)
    return pg_line, d_line


def _g_loss_at_equilibrium(loss):
    """``J(G)`` when ``D = 1/2`` everywhere: ``log(1/2)`` for minimax, ``−log(1/2)`` for non-saturating."""
    return (-LOG2, "−log 2") if loss == "minimax" else (LOG2, "log 2")


def plot_gan1d(history: History1D, index: int = -1):
    """One record of the 1-D GAN: ``p_data``, the generator's density ``p_g`` and ``D(x)``.

    ``index`` counts records (negative from the end).  Returns the figure.  Visto en 04 §Una GAN en 1-D.
    """
    history = _history(history)
    n = len(history.record_steps)
    i = check_int("index", index, -n, n - 1, expected="gan1d.expected_index", first=-n, last=n - 1) % n
    fig = pyplot_figure((6.4, 3.2))
    ax = fig.add_subplot(1, 1, 1)
    _draw_densities(ax, history, i)
    ax.set_title(t("gan1d.snapshot_title", step=history.record_steps[i], steps=history.steps), fontsize=11)
    ax.set_xlabel("x")
    fig.tight_layout()
    return fig


def plot_gan1d_losses(history: History1D, window: int = 25):
    """Loss curves (moving average) with their equilibrium values, and the mean outputs of D.

    At the equilibrium ``p_g = p_data`` and ``D = 1/2``: ``−V = 2·log 2`` and ``−log D(G(z)) = log 2``.
    Returns the figure.  Visto en 04 §Una GAN en 1-D.
    """
    history = _history(history)
    steps = np.arange(1, history.steps + 1)
    fig = pyplot_figure((11.0, 3.2))
    a0, a1 = fig.subplots(1, 2)
    a0.plot(steps, smooth(history.d_loss, window), color="#1f77b4", label=t("gan1d.d_loss"))
    a0.plot(steps, smooth(history.g_loss, window), color="#ff7f0e", label=t("gan1d.g_loss"))
    a0.axhline(2 * LOG2, color="#1f77b4", ls="--", lw=1, label=t("gan1d.d_loss_eq"))
    g_eq, g_eq_text = _g_loss_at_equilibrium(history.loss)
    a0.axhline(g_eq, color="#ff7f0e", ls="--", lw=1, label=t("gan1d.g_loss_eq", value=g_eq_text))
    a0.set_title(t("gan1d.losses_panel"), fontsize=11)
    a1.plot(steps, smooth(history.d_real, window), color="#1f77b4", label=t("gan1d.d_real"))
    a1.plot(steps, smooth(history.d_fake, window), color="#ff7f0e", label=t("gan1d.d_fake"))
    a1.axhline(0.5, color="k", ls=":", lw=1, label=t("gan1d.half"))
    a1.set_ylim(0, 1)
    a1.set_title(t("gan1d.outputs_panel"), fontsize=11)
    for ax in (a0, a1):
        ax.set_xlabel(t("gan1d.step_axis"))
        ax.grid(alpha=0.3)
        ax.legend(fontsize=10, loc="upper right")
    fig.tight_layout()
    return fig


def gan1d_frames(history: History1D, size=(5.6, 3.6)) -> list:
    """One uint8 RGB frame per record: densities and D(x) on top, the losses so far below.

    Labels are mathematical symbols only (``p_data``, ``p_g``, ``D(x)``, ``L_D``, ``L_G``) so the
    same GIF serves both languages.  The figure is laid out once and only the curves change from
    frame to frame.  Visto en 04 §Una GAN en 1-D.
    """
    history = _history(history)
    size = tuple(check_float("size", v, 0, low_open=True) for v in size)
    d_loss, g_loss = smooth(history.d_loss), smooth(history.g_loss)
    both = np.concatenate([d_loss, g_loss, [0.0, 2 * LOG2]])
    lo, hi = float(both.min()), float(both.max())
    pad = 0.1 * (hi - lo)
    fig = agg_figure(size)
    top, bottom = fig.subplots(2, 1, gridspec_kw={"height_ratios": [2.2, 1]})
    pg_line, d_line = _draw_densities(top, history, 0, math_labels=True)
    title = top.set_title(f"{history.steps} / {history.steps}", fontsize=10)
    (dl_line,) = bottom.plot([], [], color="#1f77b4", lw=1.5, label="$L_D$")
    (gl_line,) = bottom.plot([], [], color="#ff7f0e", lw=1.5, label="$L_G$")
    bottom.axhline(2 * LOG2, color="#1f77b4", ls="--", lw=0.8)
    bottom.axhline(_g_loss_at_equilibrium(history.loss)[0], color="#ff7f0e", ls="--", lw=0.8)
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

    duration_ms = check_float("duration_ms", duration_ms, 10)
    last_ms = check_float("last_ms", last_ms, 10)
    frames = gan1d_frames(history)
    durations = [duration_ms] * (len(frames) - 1) + [last_ms]
    return write_gif(path, frames, duration_ms=durations)


def plot_mode_collapse(histories, labels=None, title: str | None = None, radius: float = 2.0):
    """Several trainings on a two-peak mixture: each run's final ``p_g`` against ``p_data`` (left)
    and, along training, the share of its samples within ``radius``·σ of the left peak (solid) and of
    the right peak (dashed), measured with :func:`gan_course.objective.mode_coverage` (right panel: 1/2
    and 1/2 means both peaks are covered; 1 and 0, one peak only — mode collapse; both low, samples
    between or beside the peaks).  ``title`` names the recipe on the left panel.  Returns the figure.

    Visto en 04 §Colapso de modos.
    """
    histories = list(histories) if isinstance(histories, (list, tuple)) else [histories]
    if not histories or not all(isinstance(h, History1D) and h.record_steps for h in histories) \
            or any(h.data != histories[0].data for h in histories):
        raise arg_error("histories", histories, "gan1d.expected_histories")
    labels = [t("gan1d.seed", seed=i) for i in range(len(histories))] if labels is None else list(labels)
    if len(labels) != len(histories):
        raise arg_error("labels", labels, "gan1d.expected_labels", n=len(histories))
    radius = check_float("radius", radius, 0, low_open=True)
    fig = pyplot_figure((11.0, 3.6))
    a0, a1 = fig.subplots(1, 2)
    h0 = histories[0]
    a0.fill_between(h0.x, h0.p_data, color="#1f77b4", alpha=0.25, label=t("gan1d.pdata"))
    for h, label in zip(histories, labels):
        (line,) = a0.plot(h.x, h.p_g[-1], lw=1.5, label=label)
        shares = np.asarray([mode_coverage(s, h.data, radius) for s in h.samples])
        a1.plot(h.record_steps, shares[:, 0], lw=1.5, marker=".", color=line.get_color(), label=label)
        a1.plot(h.record_steps, shares[:, -2], lw=1.2, ls="--", color=line.get_color())
    a0.set_ylim(0, 1.05)
    a0.set_xlim(h0.x[0], h0.x[-1])
    a0.set_title(title or t("gan1d.collapse_title"), fontsize=11)
    a0.set_xlabel("x")
    a1.axhline(0.5, color="k", ls=":", lw=1)
    a1.set_ylim(-0.03, 1.03)
    a1.set_xlabel(t("gan1d.step_axis"))
    a1.set_ylabel(t("gan1d.fraction_axis", radius=radius), fontsize=10)
    a1.set_title(t("gan1d.fraction_title"), fontsize=11)
    for ax in (a0, a1):
        ax.grid(alpha=0.3)
        ax.legend(fontsize=10, loc="upper right")
    fig.tight_layout()
    return fig
