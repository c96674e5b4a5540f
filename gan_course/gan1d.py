"""A GAN on real numbers that trains in seconds on a CPU, and the pictures of its training.

:class:`GAN1D` is Goodfellow et al.'s (2014) Algorithm 1 on 1-D data (a Gaussian or a mixture of
Gaussians from :mod:`gan_course.objective`): a generator and a discriminator that are two small MLPs,
trained with the losses of :mod:`gan_course.losses` (``"non_saturating"`` by default, or ``"minimax"``,
the game's own loss, which saturates).  :meth:`GAN1D.train` records per step the losses and D's mean
outputs, and per record the generator's samples, their density (a KDE) and ``D(x)``
(:class:`History1D`); :func:`plot_gan1d`, :func:`plot_gan1d_losses`, :func:`write_gan1d_gif` and
:func:`plot_mode_collapse` draw that record (all in :mod:`gan_course.gan1d_plots`, also reachable here).

Visto en 04 §Una GAN en 1-D.
"""
from __future__ import annotations

import numpy as np

from . import config, losses
from ._tf import keras, tf
from .densities import DATASETS, Mixture1D, kde
from .gan1d_plots import (  # noqa: F401
    LOG2,
    History1D,
    gan1d_frames,
    plot_gan1d,
    plot_gan1d_losses,
    plot_mode_collapse,
    smooth,
    write_gan1d_gif,
)
from .i18n import arg_error, register
from .validate import check_array, check_float, check_int

register({
    "gan1d.expected_data": {
        "es": "un objective.Mixture1D o uno de los nombres {names}",
        "pt": "um objective.Mixture1D ou um dos nomes {names}",
    },
    "gan1d.expected_x": {
        "es": "valores x de números finitos",
        "pt": "valores x de números finitos",
    },
})


def _data(data):
    if isinstance(data, Mixture1D):
        return data
    if isinstance(data, str) and data in DATASETS:
        return DATASETS[data]
    raise arg_error("data", data, "gan1d.expected_data", names=", ".join(map(repr, DATASETS)))

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
            raise arg_error("history", history, "gan1d_plots.expected_history")
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
