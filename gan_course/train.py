"""Training a GAN: the explicit ``tf.GradientTape`` step, the epoch loop, checkpoints and the run folder.

* :class:`GAN` — a generator, a discriminator, their two Adam optimizers and the training step
  :meth:`GAN.train_step` (a ``tf.function`` with one input signature: the noise is sized from the
  real batch, so it never retraces).  The loss form (logits or probabilities) follows the
  discriminator's last layer; a mismatch is refused.
* :func:`fit` — the epoch loop: progress bar on stdout, a fixed latent grid rendered every epoch,
  loss history (:math:`J^{(G)}`, :math:`J^{(D)}`, :math:`J^{(G)}+J^{(D)}`), optional time budget,
  TensorBoard, a scorer called every *k* epochs, checkpoints of both networks, both optimizers,
  the noise generator and the epoch counter (``tf.train.CheckpointManager``).  With ``out=`` it
  writes a run folder::

      out/
        samples/epoch_001.png …   the fixed latent grid after each epoch
        training.gif              one frame per epoch (milliseconds per frame, loops forever)
        losses.png                the loss curves
        history.json              losses, times, scores and the run's settings
        generator.keras           the trained generator (plain Keras: keras.models.load_model)
        checkpoints/mnist_64_28_28/   (dataset_batch_height_width, as carpedm20's model_dir)
        logs/                     TensorBoard (only with tensorboard=True)

  ``resume=True`` restores the latest checkpoint and continues at the *next* epoch; ``epochs``
  is the total, as in Keras (2 epochs done, ``epochs=4`` trains epochs 3 and 4).
* :func:`plot_history` — the loss curves, labelled in the active language.

Visto en 06 §El paso de entrenamiento, §El bucle, §Puntos de control y §El GIF.
"""
from __future__ import annotations

import datetime
import json
import math
import os
import pathlib
import sys
import time
import warnings

import numpy as np

from . import data as data_mod
from . import losses, models
from ._tf import keras, tf
from .gif import image_grid, write_gif
from .i18n import arg_error, messages, register, t

register({
    "train.epoch": {"es": "Época {epoch}/{epochs}", "pt": "Época {epoch}/{epochs}"},
    "train.steps": {"es": "pasos", "pt": "passos"},
    "train.epoch_done": {
        "es": "época {epoch}/{epochs}: J(D) = {d:.3f}, J(G) = {g:.3f}, D(x) = {dr:.2f}, D(G(z)) = {df:.2f} "
              "({s:.1f} s, {ips:.0f} imágenes/s)",
        "pt": "época {epoch}/{epochs}: J(D) = {d:.3f}, J(G) = {g:.3f}, D(x) = {dr:.2f}, D(G(z)) = {df:.2f} "
              "({s:.1f} s, {ips:.0f} imagens/s)",
    },
    "train.scores": {"es": "época {epoch}: puntuaciones {scores}", "pt": "época {epoch}: pontuações {scores}"},
    "train.time_up": {
        "es": "Tiempo agotado ({minutes:g} min) tras la época {epoch}: se detiene (--resume continúa en la {next}).",
        "pt": "Tempo esgotado ({minutes:g} min) após a época {epoch}: para aqui (--resume continua na {next}).",
    },
    "train.resumed": {
        "es": "Se reanuda desde el punto de control de la época {epoch}: se entrena de la época {start} a la {epochs}.",
        "pt": "Retoma-se do ponto de verificação da época {epoch}: treina-se da época {start} à {epochs}.",
    },
    "train.nothing_to_do": {
        "es": "Ya hay {epoch} épocas entrenadas (epochs={epochs} es el total): no se entrena nada más.",
        "pt": "Já há {epoch} épocas treinadas (epochs={epochs} é o total): nada mais é treinado.",
    },
    "train.interrupted": {
        "es": "Interrumpido en la época {epoch}; quedan guardadas {done} épocas (--resume continúa).",
        "pt": "Interrompido na época {epoch}; ficam salvas {done} épocas (--resume continua).",
    },
    "train.expected_epochs": {"es": "un entero ≥ 1 (el total de épocas)", "pt": "um inteiro ≥ 1 (o total de épocas)"},
    "train.expected_minutes": {"es": "minutos > 0, o None (sin límite)", "pt": "minutos > 0, ou None (sem limite)"},
    "train.expected_positive": {"es": "un entero ≥ 1", "pt": "um inteiro ≥ 1"},
    "train.expected_lr": {"es": "un número > 0", "pt": "um número > 0"},
    "train.expected_beta": {"es": "un número en [0, 1)", "pt": "um número em [0, 1)"},
    "train.expected_form": {
        "es": "'auto' o la forma de salida del discriminador ('{actual}')",
        "pt": "'auto' ou o formato de saída do discriminador ('{actual}')",
    },
    "train.expected_images": {
        "es": "imágenes de forma {shape} (la entrada del discriminador)",
        "pt": "imagens de formato {shape} (a entrada do discriminador)",
    },
    "train.expected_checkpoint": {
        "es": "una carpeta de ejecución con un punto de control (checkpoints/…); no hay ninguno",
        "pt": "uma pasta de execução com um ponto de verificação (checkpoints/…); não há nenhum",
    },
    "train.expected_out": {
        "es": "una carpeta de ejecución nueva (esta ya tiene un entrenamiento: use resume=True u otra carpeta)",
        "pt": "uma pasta de execução nova (esta já tem um treinamento: use resume=True ou outra pasta)",
    },
    "train.expected_scorer": {
        "es": "una función scorer(generador) -> dict de números, o None",
        "pt": "uma função scorer(gerador) -> dict de números, ou None",
    },
    "train.expected_callback": {
        "es": "una función on_epoch(época, gan, historial), o None",
        "pt": "uma função on_epoch(época, gan, histórico), ou None",
    },
    "train.expected_batch": {
        "es": "un entero entre 1 y el número de imágenes ({n})",
        "pt": "um inteiro entre 1 e o número de imagens ({n})",
    },
    "train.plot_title": {"es": "Pérdidas durante el entrenamiento", "pt": "Perdas durante o treinamento"},
    "train.plot_epoch": {"es": "época", "pt": "época"},
    "train.plot_loss": {"es": "pérdida", "pt": "perda"},
})

CHECKPOINT_FOLDER = "checkpoints"
SAMPLES_FOLDER = "samples"
HISTORY_FILE = "history.json"
GIF_FILE = "training.gif"
LOSSES_FILE = "losses.png"
GENERATOR_FILE = "generator.keras"


def _positive_int(name, value):
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
        raise arg_error(name, value, "train.expected_positive")
    return int(value)


def _positive_float(name, value, key="train.expected_lr"):
    try:
        ok = float(value) > 0 and math.isfinite(float(value))
    except (TypeError, ValueError):
        ok = False
    if not ok or isinstance(value, bool):
        raise arg_error(name, value, key)
    return float(value)


class GAN:
    """A generator and a discriminator with their optimizers and the explicit training step.

    ``g_lr``, ``d_lr``, ``beta_1`` — Adam settings of each network (the course recipe by
    default: G 5e-4, D 2e-4, β1 0.5; see :data:`gan_course.models.RECIPES`).
    ``g_steps`` — generator updates per discriminator update (carpedm20's DCGAN trains G twice:
    ``g_steps=2``; each extra update draws new noise).
    ``g_loss`` — ``"non_saturating"`` (default) or ``"minimax"`` (:mod:`gan_course.losses`).
    ``label_smoothing`` — one-sided: real images get the label ``1 - label_smoothing``.
    ``form`` — ``"auto"`` reads the discriminator's output (logits or a sigmoid's probabilities,
    :func:`gan_course.models.discriminator_output`); naming the other form raises, so the loss can
    never be computed on the wrong kind of output.
    ``seed`` — seeds the noise generator (its state is saved in checkpoints) and the fixed
    latent grid ``fixed_z`` (``n_samples`` vectors, the same after a resume).

    Visto en 06 §El paso de entrenamiento.
    """

    def __init__(self, generator, discriminator, *, g_lr: float = 5e-4, d_lr: float = 2e-4,
                 beta_1: float = 0.5, g_steps: int = 1, g_loss: str = "non_saturating",
                 label_smoothing: float = 0.0, form: str = "auto", seed: int = 0, n_samples: int = 100):
        models.check_pair(generator, discriminator)
        actual = models.discriminator_output(discriminator)
        if form not in ("auto", actual):
            raise arg_error("form", form, _fmt("train.expected_form", actual=actual))
        if g_loss not in losses.KINDS:
            raise arg_error("g_loss", g_loss, "losses.expected_kind")
        beta_1 = float(beta_1)
        if not 0.0 <= beta_1 < 1.0:
            raise arg_error("beta_1", beta_1, "train.expected_beta")
        self.generator, self.discriminator = generator, discriminator
        self.form = actual
        self.g_loss_kind = g_loss
        self.label_smoothing = losses._check_smoothing(label_smoothing)
        self.g_steps = _positive_int("g_steps", g_steps)
        self.z_dim = models.latent_dim(generator)
        self.image_shape = models.image_shape(discriminator)
        self.settings = {"g_lr": _positive_float("g_lr", g_lr), "d_lr": _positive_float("d_lr", d_lr),
                         "beta_1": beta_1, "g_steps": self.g_steps, "g_loss": g_loss,
                         "label_smoothing": self.label_smoothing, "form": self.form, "seed": int(seed)}
        self.g_optimizer = keras.optimizers.Adam(self.settings["g_lr"], beta_1=beta_1)
        self.d_optimizer = keras.optimizers.Adam(self.settings["d_lr"], beta_1=beta_1)
        self.g_optimizer.build(generator.trainable_variables)  # built now, so a restore fills every slot
        self.d_optimizer.build(discriminator.trainable_variables)
        self.noise = tf.random.Generator.from_seed(int(seed))
        self.epoch = tf.Variable(0, dtype=tf.int64, trainable=False, name="epoch")
        n_samples = _positive_int("n_samples", n_samples)
        grid_noise = tf.random.Generator.from_seed(int(seed) + 1_000_003)
        self.fixed_z = tf.Variable(grid_noise.normal([n_samples, self.z_dim]), trainable=False, name="fixed_z")
        spec = tf.TensorSpec([None, *self.image_shape], tf.float32)
        self.train_step = tf.function(self._train_step, input_signature=[spec])

    # -- the step ------------------------------------------------------------------------
    def _train_step(self, real):
        """One simultaneous update of D and G on a real batch; returns the batch's losses.

        The same generated batch feeds both tapes (as in the TensorFlow tutorial): D learns to
        tell ``real`` (label 1) from ``G(z)`` (label 0), G learns to make D say 1.  With
        ``g_steps > 1`` the generator then takes extra steps on fresh noise.
        """
        G, D = self.generator, self.discriminator
        n = tf.shape(real)[0]
        z = self.noise.normal([n, self.z_dim])
        with tf.GradientTape() as g_tape, tf.GradientTape() as d_tape:
            fake = G(z, training=True)
            real_out = D(real, training=True)
            fake_out = D(fake, training=True)
            d_loss = losses.discriminator_loss(real_out, fake_out, self.form, self.label_smoothing)
            g_loss = losses.generator_loss(fake_out, self.form, self.g_loss_kind)
        d_grads = d_tape.gradient(d_loss, D.trainable_variables)
        g_grads = g_tape.gradient(g_loss, G.trainable_variables)
        self.d_optimizer.apply_gradients(zip(d_grads, D.trainable_variables))
        self.g_optimizer.apply_gradients(zip(g_grads, G.trainable_variables))
        for _ in range(self.g_steps - 1):
            z = self.noise.normal([n, self.z_dim])
            with tf.GradientTape() as tape:
                g_loss = losses.generator_loss(D(G(z, training=True), training=True), self.form, self.g_loss_kind)
            grads = tape.gradient(g_loss, G.trainable_variables)
            self.g_optimizer.apply_gradients(zip(grads, G.trainable_variables))
        to_prob = tf.sigmoid if self.form == "logits" else tf.identity
        return {"d_loss": d_loss, "g_loss": g_loss,
                "d_real": tf.reduce_mean(to_prob(real_out)), "d_fake": tf.reduce_mean(to_prob(fake_out))}

    # -- helpers -------------------------------------------------------------------------
    def sample(self, z=None, n: int = 16):
        """Generated images (float32 [-1, 1], numpy) for ``z``, or for ``n`` fresh latent vectors."""
        if z is None:
            z = self.noise.normal([_positive_int("n", n), self.z_dim])
        return self.generator(tf.convert_to_tensor(z, tf.float32), training=False).numpy()

    def grid(self) -> np.ndarray:
        """The fixed latent grid (``fixed_z``) rendered as one uint8 image."""
        images = self.sample(self.fixed_z)
        return image_grid(images, ncols=int(math.ceil(math.sqrt(len(images)))))

    def checkpoint(self) -> tf.train.Checkpoint:
        """Both networks, both optimizers, the noise generator, ``fixed_z`` and the epoch counter."""
        return tf.train.Checkpoint(generator=self.generator, discriminator=self.discriminator,
                                   g_optimizer=self.g_optimizer, d_optimizer=self.d_optimizer,
                                   noise=self.noise, fixed_z=self.fixed_z, epoch=self.epoch)


def _fmt(key, **fields) -> dict:
    """``{"es": ..., "pt": ...}`` of a registered message with its fields filled (for ``arg_error``)."""
    return {lang: text.format(**fields) for lang, text in messages()[key].items()}


# ------------------------------------------------------------------------------ run folder
def model_dir(dataset: str, batch_size: int, image_shape) -> str:
    """Checkpoint folder name ``{dataset}_{batch}_{height}_{width}`` (carpedm20's ``model_dir``)."""
    return f"{dataset}_{int(batch_size)}_{int(image_shape[0])}_{int(image_shape[1])}"


def new_run_folder(root="runs", name: str = "run") -> pathlib.Path:
    """A fresh path ``root/name-YYYYmmdd-HHMMSS`` (suffixed if taken); not created yet."""
    root = pathlib.Path(root)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    path = root / f"{name}-{stamp}"
    k = 2
    while path.exists():
        path = root / f"{name}-{stamp}-{k}"
        k += 1
    return path


def latest_checkpoint(out) -> str | None:
    """Path prefix of the newest checkpoint under ``out/checkpoints/*/``, or None."""
    folder = pathlib.Path(out) / CHECKPOINT_FOLDER
    if not folder.is_dir():
        return None
    found = [tf.train.latest_checkpoint(str(d)) for d in sorted(folder.iterdir()) if d.is_dir()]
    found = [f for f in found if f]
    return max(found, key=lambda p: os.path.getmtime(p + ".index")) if found else None


def read_history(out) -> dict | None:
    """The ``history.json`` of a run folder, or None."""
    path = pathlib.Path(out) / HISTORY_FILE
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def _atomic_write(path: pathlib.Path, write) -> None:
    tmp = path.with_name(f".tmp-{path.stem}{''.join(path.suffixes)}")
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def _write_json(path, obj):
    _atomic_write(pathlib.Path(path), lambda p: p.write_text(json.dumps(obj, indent=1), encoding="utf-8"))


def _write_png(path, image):
    import imageio.v3 as iio

    _atomic_write(pathlib.Path(path), lambda p: iio.imwrite(p, image, extension=".png"))


def sample_path(out, epoch: int) -> pathlib.Path:
    return pathlib.Path(out) / SAMPLES_FOLDER / f"epoch_{int(epoch):03d}.png"


def write_training_gif(out, epochs: int, duration_ms: int = 400) -> pathlib.Path:
    """``out/training.gif`` from ``out/samples/epoch_001.png`` … ``epoch_{epochs}.png`` (this run only).

    One frame per epoch, ``duration_ms`` each, the last one held 4× longer, looping forever.
    Visto en 06 §El GIF del entrenamiento.
    """
    import imageio.v3 as iio

    frames = [iio.imread(sample_path(out, e)) for e in range(1, int(epochs) + 1)]
    durations = [duration_ms] * (len(frames) - 1) + [4 * duration_ms]
    return write_gif(pathlib.Path(out) / GIF_FILE, frames, duration_ms=durations)


# ------------------------------------------------------------------------------ history
def _empty_history():
    return {"epoch": [], "g_loss": [], "d_loss": [], "total": [], "d_real": [], "d_fake": [],
            "seconds": [], "images_per_second": [], "steps": {"g_loss": [], "d_loss": []},
            "steps_per_epoch": None, "scores": [], "stopped": None, "settings": {}}


def _truncate_history(h, epochs_done):
    """The saved history cut back to the epochs a restored checkpoint has done."""
    out = _empty_history()
    out["settings"] = h.get("settings", {})
    out["steps_per_epoch"] = h.get("steps_per_epoch")
    keep = [i for i, e in enumerate(h.get("epoch", [])) if e <= epochs_done]
    for key in ("epoch", "g_loss", "d_loss", "total", "d_real", "d_fake", "seconds", "images_per_second"):
        out[key] = [h[key][i] for i in keep]
    n_steps = (h.get("steps_per_epoch") or 0) * len(keep)
    for key in ("g_loss", "d_loss"):
        out["steps"][key] = h.get("steps", {}).get(key, [])[:n_steps]
    out["scores"] = [s for s in h.get("scores", []) if s.get("epoch", 0) <= epochs_done]
    return out


def plot_history(history, ax=None, title: str | None = None):
    """Loss curves: J(D), J(G) and J(G)+J(D) per step (thin) and per epoch (dots); returns the Axes.

    Visto en 06 §Las curvas de pérdida.
    """
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(6, 3.2))
    steps, spe = history.get("steps", {}), history.get("steps_per_epoch") or 0
    colours = {"d_loss": "#c44e52", "g_loss": "#4c72b0", "total": "#555555"}
    labels = {"d_loss": r"$J^{(D)}$", "g_loss": r"$J^{(G)}$", "total": r"$J^{(G)} + J^{(D)}$"}
    if spe and steps.get("g_loss"):
        x = (np.arange(len(steps["g_loss"])) + 1) / spe
        total = np.asarray(steps["g_loss"]) + np.asarray(steps["d_loss"])
        for key, y in (("d_loss", steps["d_loss"]), ("g_loss", steps["g_loss"]), ("total", total)):
            ax.plot(x, y, color=colours[key], lw=0.6, alpha=0.35)
    for key in ("d_loss", "g_loss", "total"):
        ax.plot(history["epoch"], history[key], "o-", color=colours[key], ms=3, lw=1.2, label=labels[key])
    ax.set_xlabel(t("train.plot_epoch"))
    ax.set_ylabel(t("train.plot_loss"))
    ax.set_title(title or t("train.plot_title"))
    ax.legend(loc="upper right", fontsize=8)
    ax.grid(alpha=0.3)
    return ax


def _save_loss_plot(path, history):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(6, 3.2), dpi=100)
    FigureCanvasAgg(fig)
    plot_history(history, ax=fig.add_subplot(1, 1, 1))
    fig.tight_layout()
    _atomic_write(pathlib.Path(path), lambda p: fig.savefig(p, format="png"))


# ------------------------------------------------------------------------------ the loop
def fit(gan: GAN, images, epochs: int, *, batch_size: int = 64, out=None, minutes: float | None = None,
        resume: bool = False, dataset_name: str = "mnist", scorer=None, score_every: int = 1,
        on_epoch=None,
        tensorboard: bool = False, verbose: bool = True, max_to_keep: int = 3, gif_ms: int = 400,
        settings: dict | None = None) -> dict:
    """Train ``gan`` on ``images`` until ``epochs`` epochs are done (in total) or time runs out.

    ``images`` — uint8 (N, H, W[, C]) or float [-1, 1] NHWC of the discriminator's shape; shuffled
    each epoch with a seed derived from the GAN's seed and the epoch (a resumed run sees the same
    order as an uninterrupted one); the last incomplete batch is dropped.
    ``out`` — the run folder (created if needed; see the module docstring).  Without ``out``
    nothing is written.  ``resume`` — continue the run in ``out`` from its latest checkpoint.
    ``minutes`` — time budget: training stops after the epoch during which it runs out.
    ``scorer`` — ``scorer(generator) -> dict`` called every ``score_every`` epochs and after
    the last one; its numbers go into ``history["scores"]`` (and history.json).
    ``on_epoch`` — ``on_epoch(epoch, gan, history)`` called after each epoch (e.g. to show
    ``gan.grid()`` in a notebook).
    ``tensorboard`` — also write scalars and the sample grid to ``out/logs``.
    ``dataset_name`` — names the checkpoint folder ``{dataset_name}_{batch}_{H}_{W}``.
    ``settings`` — extra JSON-able entries for ``history["settings"]`` (the CLI stores its run there).

    Returns the history dict: per-epoch means ``g_loss``, ``d_loss``, ``total`` (= J(G)+J(D)),
    ``d_real``/``d_fake`` (mean D(x), D(G(z)) as probabilities), ``seconds``,
    ``images_per_second``, per-step ``steps``, ``scores``, ``stopped`` (``"epochs"``,
    ``"minutes"`` or ``"interrupted"``) and ``settings``; also ``out`` when a folder was written.
    Visto en 06 §El bucle de entrenamiento.
    """
    if not isinstance(gan, GAN):
        raise arg_error("gan", gan, {"es": "un gan_course.train.GAN", "pt": "um gan_course.train.GAN"})
    if isinstance(epochs, bool) or not isinstance(epochs, (int, np.integer)) or epochs < 1:
        raise arg_error("epochs", epochs, "train.expected_epochs")
    epochs = int(epochs)
    if minutes is not None:
        minutes = _positive_float("minutes", minutes, "train.expected_minutes")
    score_every = _positive_int("score_every", score_every)
    if scorer is not None and not callable(scorer):
        raise arg_error("scorer", scorer, "train.expected_scorer")
    if on_epoch is not None and not callable(on_epoch):
        raise arg_error("on_epoch", on_epoch, "train.expected_callback")
    x = data_mod.to_float(images)
    if tuple(x.shape[1:]) != gan.image_shape:
        raise arg_error("images", x, _fmt("train.expected_images", shape=gan.image_shape))
    if isinstance(batch_size, bool) or not isinstance(batch_size, (int, np.integer)) \
            or not 1 <= batch_size <= len(x):
        raise arg_error("batch_size", batch_size, _fmt("train.expected_batch", n=len(x)))
    batch_size = int(batch_size)

    out = pathlib.Path(out) if out is not None else None
    ckpt = gan.checkpoint()
    history = _empty_history()
    if resume:
        found = latest_checkpoint(out) if out is not None else None
        if found is None:
            raise arg_error("out" if out is not None else "resume", str(out), "train.expected_checkpoint",
                            exc=FileNotFoundError)
        ckpt.restore(found).assert_existing_objects_matched()
        done = int(gan.epoch.numpy())
        history = _truncate_history(read_history(out) or {}, done)
    elif out is not None and latest_checkpoint(out) is not None:
        raise arg_error("out", str(out), "train.expected_out", exc=FileExistsError)
    done = int(gan.epoch.numpy())
    history["settings"] = {**history.get("settings", {}), **gan.settings, "batch_size": batch_size,
                           "dataset": dataset_name, "image_shape": list(gan.image_shape), "images": len(x),
                           "generator": gan.generator.name, "epochs": epochs, **(settings or {})}
    steps_per_epoch = len(x) // batch_size
    history["steps_per_epoch"] = steps_per_epoch

    manager = writer = None
    if out is not None:
        (out / SAMPLES_FOLDER).mkdir(parents=True, exist_ok=True)
        manager = tf.train.CheckpointManager(
            ckpt, str(out / CHECKPOINT_FOLDER / model_dir(dataset_name, batch_size, gan.image_shape)),
            max_to_keep=max_to_keep)
        if tensorboard:
            writer = tf.summary.create_file_writer(str(out / "logs"))
    if verbose and resume:
        if done >= epochs:
            print(t("train.nothing_to_do", epoch=done, epochs=epochs))
        else:
            print(t("train.resumed", epoch=done, start=done + 1, epochs=epochs))

    from tqdm import tqdm

    images_ds = tf.data.Dataset.from_tensor_slices(x)  # copied into TensorFlow once, not every epoch
    start_time = time.perf_counter()
    stopped = "epochs"
    epoch = saved = done
    try:
        for epoch in range(done + 1, epochs + 1):
            # the same pipeline as data.make_dataset, with a seed per epoch: a resumed run sees the same order
            ds = (images_ds.shuffle(len(x), seed=gan.settings["seed"] * 100_003 + epoch)
                  .batch(batch_size, drop_remainder=True).prefetch(tf.data.AUTOTUNE))
            t0 = time.perf_counter()
            sums = np.zeros(4)
            bar = tqdm(ds, total=steps_per_epoch, desc=t("train.epoch", epoch=epoch, epochs=epochs),
                       unit=t("train.steps"), file=sys.stdout, disable=not verbose, leave=False,
                       dynamic_ncols=True, mininterval=0.5)
            for batch in bar:
                res = gan.train_step(batch)
                vals = (float(res["d_loss"]), float(res["g_loss"]), float(res["d_real"]), float(res["d_fake"]))
                sums += vals
                history["steps"]["d_loss"].append(vals[0])
                history["steps"]["g_loss"].append(vals[1])
                bar.set_postfix_str(f"J(D)={vals[0]:.3f} J(G)={vals[1]:.3f}", refresh=False)
            bar.close()
            seconds = time.perf_counter() - t0
            d, g, dr, df = (sums / steps_per_epoch).tolist()
            gan.epoch.assign(epoch)
            for key, val in (("epoch", epoch), ("d_loss", d), ("g_loss", g), ("total", d + g),
                             ("d_real", dr), ("d_fake", df), ("seconds", round(seconds, 3)),
                             ("images_per_second", round(steps_per_epoch * batch_size / seconds, 1))):
                history[key].append(val)
            if verbose:
                print(t("train.epoch_done", epoch=epoch, epochs=epochs, d=d, g=g, dr=dr, df=df, s=seconds,
                        ips=steps_per_epoch * batch_size / seconds))
            scores = None
            if scorer is not None and (epoch % score_every == 0 or epoch == epochs):
                scores = {k: float(v) for k, v in dict(scorer(gan.generator)).items()}
                history["scores"].append({"epoch": epoch, **scores})
                if verbose:
                    print(t("train.scores", epoch=epoch,
                            scores=", ".join(f"{k} = {v:.3g}" for k, v in scores.items())))
            if out is not None:
                grid = gan.grid()
                _write_png(sample_path(out, epoch), grid)
                manager.save(checkpoint_number=epoch)
                _write_json(out / HISTORY_FILE, history)
                if writer is not None:
                    _tensorboard(writer, epoch, d, g, grid, scores)
            saved = epoch
            if on_epoch is not None:
                on_epoch(epoch, gan, history)
            if minutes is not None and time.perf_counter() - start_time > 60 * minutes and epoch < epochs:
                stopped = "minutes"
                if verbose:
                    print(t("train.time_up", minutes=minutes, epoch=epoch, next=epoch + 1))
                break
    except KeyboardInterrupt:  # keep what the last finished epoch saved, then stop as asked
        history = _truncate_history(history, saved)
        history["stopped"] = "interrupted"
        if out is not None and manager.latest_checkpoint:
            ckpt.restore(manager.latest_checkpoint)  # the networks as the last saved epoch left them
            _finish(out, gan, history, gif_ms)
        if verbose:
            print(t("train.interrupted", epoch=epoch, done=saved))
        raise
    history["stopped"] = stopped
    if out is not None:
        _finish(out, gan, history, gif_ms)
        history["out"] = str(out)
    return history


def _finish(out, gan, history, gif_ms):
    """history.json, losses.png, training.gif and generator.keras for the epochs done so far."""
    done = int(gan.epoch.numpy())
    _write_json(out / HISTORY_FILE, history)
    if done < 1:
        return
    _save_loss_plot(out / LOSSES_FILE, history)
    write_training_gif(out, done, gif_ms)
    with warnings.catch_warnings():  # Keras 3.15's saver trips a NumPy 2 DeprecationWarning
        warnings.simplefilter("ignore", DeprecationWarning)
        _atomic_write(out / GENERATOR_FILE, lambda p: gan.generator.save(p))


def _tensorboard(writer, epoch, d, g, grid, scores):
    """Scalars and the sample grid as TensorBoard events, with core TensorFlow only.

    ``tf.summary.scalar``/``image`` need the ``tensorboard`` package; ``tf.summary.write`` with
    the plugins' metadata writes the same events without it (TensorBoard reads them alike).
    """
    from tensorflow.core.framework import summary_pb2

    def meta(plugin, data_class):
        m = summary_pb2.SummaryMetadata()
        m.plugin_data.plugin_name = plugin
        m.data_class = data_class
        return m

    scalar = meta("scalars", summary_pb2.DATA_CLASS_SCALAR)
    image = meta("images", summary_pb2.DATA_CLASS_BLOB_SEQUENCE)
    png = tf.io.encode_png(grid if grid.ndim == 3 else grid[..., None])
    with writer.as_default():
        for tag, value in [("J_D", d), ("J_G", g), ("J_G_plus_J_D", d + g),
                           *((f"score/{k}", v) for k, v in (scores or {}).items())]:
            tf.summary.write(tag, tf.constant(float(value), tf.float32), step=epoch, metadata=scalar)
        tf.summary.write("samples", tf.stack([tf.as_string(grid.shape[1]), tf.as_string(grid.shape[0]), png]),
                         step=epoch, metadata=image)
    writer.flush()
