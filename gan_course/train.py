"""Training a GAN: the epoch loop :func:`fit` around the trainer :class:`GAN`.

* :class:`GAN` — *the trainer* (:mod:`gan_course.step`): a generator, a discriminator, their two
  Adam optimizers and the training step :meth:`GAN.train_step` (a ``tf.function``, the maths only).
  The ``keras.Model`` that holds one and trains with Keras' ``fit`` is :class:`gan_course.keras_gan.GANModel`.
* :func:`fit` — the epoch loop: progress bar on stdout, a fixed latent grid rendered every epoch,
  loss history (:math:`J^{(G)}`, :math:`J^{(D)}`, :math:`J^{(G)}+J^{(D)}`), optional time budget,
  TensorBoard, a scorer called every *k* epochs, checkpoints of both networks, both optimizers,
  the noise generator and the epoch counter.  With ``out=`` it writes a run folder (``samples/``,
  ``training.gif``, ``losses.png``, ``history.json``, ``generator.keras``, ``checkpoints/``, ``logs/``:
  :mod:`gan_course.runfolder`, the same files ``GANModel.fit``'s callbacks write).
  ``resume=True`` restores the latest checkpoint and continues at the *next* epoch; ``epochs``
  is the total, as in Keras (2 epochs done, ``epochs=4`` trains epochs 3 and 4).
* :func:`plot_history` — the loss curves, labelled in the active language.

The run folder's names and helpers (``GIF_FILE``, ``sample_path``, ``latest_checkpoint`` …) and the
trainer's (``GAN``, ``grid_labels``) are also reachable from here, as the lessons use them.
Visto en 06 §El paso de entrenamiento, §El bucle, §Puntos de control y §El GIF.
"""
from __future__ import annotations

import math
import pathlib
import sys
import time

import numpy as np

from . import clusters, distribute, runfolder
from . import data as data_mod
from ._tf import tf
from .i18n import arg_error, register, t
from .runfolder import (  # noqa: F401
    CHECKPOINT_FOLDER,
    GENERATOR_FILE,
    GIF_FILE,
    HISTORY_FILE,
    LOSSES_FILE,
    SAMPLES_FOLDER,
    CheckpointFolder,
    latest_checkpoint,
    model_dir,
    new_run_folder,
    plot_history,
    read_history,
    sample_path,
    write_training_gif,
)
from .step import AUGMENT_SPEED_IMAGES, GAN, LOSS_KEYS, grid_labels  # noqa: F401
from .validate import check_float, check_int

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
    "train.expected_epochs": {"es": "un entero ≥ 1 (el total de épocas), o None con un límite de minutos",
                              "pt": "um inteiro ≥ 1 (o total de épocas), ou None com um limite de minutos"},
    "train.expected_minutes": {"es": "minutos > 0, o None (sin límite)", "pt": "minutos > 0, ou None (sem limite)"},
    "train.expected_images": {
        "es": "imágenes de forma {shape} (la entrada del discriminador)",
        "pt": "imagens de formato {shape} (a entrada do discriminador)",
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
    "train.expected_replica_batch": {
        "es": "un lote global de al menos una imagen por réplica ({replicas} réplicas)",
        "pt": "um lote global de pelo menos uma imagem por réplica ({replicas} réplicas)",
    },
})

STEPS_PER_EXECUTION = 16


def fit(gan: GAN, images, epochs: int | None = None, *, labels=None, batch_size: int | None = None, out=None,
        minutes: float | None = None, resume: bool = False, dataset_name: str = "mnist", scorer=None,
        score_every: int = 1, on_epoch=None, tensorboard: bool = False, verbose: bool = True,
        max_to_keep: int = 3, gif_ms: int = 400, steps_per_execution: int = STEPS_PER_EXECUTION,
        settings: dict | None = None) -> dict:
    """Train ``gan`` on ``images`` until ``epochs`` epochs are done (in total) or time runs out.

    ``images`` — uint8 (N, H, W[, C]) or float [-1, 1] NHWC of the discriminator's shape; shuffled
    each epoch with a seed derived from the GAN's seed and the epoch (a resumed run sees the same
    order as an uninterrupted one); the last incomplete batch is dropped.
    ``epochs`` — the total, as in Keras; ``None`` (only with ``minutes``) trains until time is up.
    ``labels`` — the digit of each image, needed only when the discriminator has a class head; a recipe
    whose ``conditions`` are ``"clusters"`` finds groups itself when none are given (:mod:`gan_course.clusters`).
    ``batch_size`` — ``None``: the recipe's.
    ``out`` — the run folder (created if needed; see the module docstring).  Without ``out``
    nothing is written.  ``resume`` — continue the run in ``out`` from its latest checkpoint.
    ``minutes`` — time budget: training stops after the epoch during which it runs out.
    ``steps_per_execution`` — training steps per ``tf.function`` call (Keras' name for it): the
    losses are read back once per call, and the progress bar moves once per call.
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
    if minutes is not None:
        minutes = check_float("minutes", minutes, 0, low_open=True, expected="train.expected_minutes")
    if epochs is None and minutes is None:
        raise arg_error("epochs", epochs, "train.expected_epochs")
    epochs = check_int("epochs", epochs, 1, expected="train.expected_epochs") if epochs is not None else None
    score_every = check_int("score_every", score_every, 1)
    steps_per_execution = check_int("steps_per_execution", steps_per_execution, 1)
    for name, value in (("scorer", scorer), ("on_epoch", on_epoch)):
        if value is not None and not callable(value):
            raise arg_error(name, value, "train.expected_scorer" if name == "scorer" else "train.expected_callback")
    x, y, batch_size = _training_data(gan, images, labels, batch_size)
    run = _Run(gan, x, y, batch_size, epochs, out, dataset_name, max_to_keep, tensorboard, verbose)
    run.restore(resume)
    run.history["settings"] = {**run.history.get("settings", {}), **gan.settings, "batch_size": run.batch_size,
                               "dataset": dataset_name, "image_shape": list(gan.image_shape), "images": len(x),
                               "generator": gan.generator.name, "epochs": epochs,
                               "steps_per_execution": steps_per_execution, **(settings or {})}
    run.history["stopped"] = _epochs(run, epochs, minutes, steps_per_execution, scorer, score_every, on_epoch,
                                     gif_ms)
    if out is not None:
        if run.chief:
            runfolder.finish(run.out, gan, run.history, gif_ms)
        run.history["out"] = str(run.out)
    return run.history


def _training_data(gan, images, labels, batch_size):
    """``(images as float, labels as int32, batch size)`` checked against the trainer (clusters found if due)."""
    x = data_mod.to_float(images)
    if tuple(x.shape[1:]) != gan.image_shape:
        raise arg_error("images", x, "train.expected_images", shape=gan.image_shape)
    batch_size = gan.recipe.batch_size if batch_size is None else batch_size
    if isinstance(batch_size, bool) or not isinstance(batch_size, (int, np.integer)) \
            or not 1 <= batch_size <= len(x):
        raise arg_error("batch_size", batch_size, "train.expected_batch", n=len(x))
    if batch_size < gan.replicas:
        raise arg_error("batch_size", batch_size, "train.expected_replica_batch", replicas=gan.replicas)
    if labels is not None:
        labels = np.asarray(labels)
        if labels.shape != (len(x),) or not np.issubdtype(labels.dtype, np.integer) or labels.min() < 0 \
                or labels.max() >= max(gan.label_classes, 1):
            raise arg_error("labels", labels, "step.expected_labels", k=max(gan.label_classes, 1))
    elif gan.label_classes and gan.recipe.conditions == "clusters":  # no labels: groups of similar images
        labels = clusters.find(x, gan.label_classes, seed=gan.settings["seed"], dims=gan.recipe.pca_dims,
                               method=gan.recipe.cluster_method, neighbours=gan.recipe.cluster_neighbours)
    elif gan.label_classes:
        raise arg_error("labels", labels, "step.expected_labels", k=gan.label_classes)
    y = labels.astype(np.int32) if labels is not None else np.zeros(len(x), np.int32)
    return x, y, int(batch_size)


def _epochs(run, epochs, minutes, steps_per_execution, scorer, score_every, on_epoch, gif_ms) -> str:
    """Train epoch after epoch until ``epochs`` are done or ``minutes`` run out; returns why it stopped."""
    start = time.perf_counter()
    epoch = done = run.done
    last = epochs if epochs is not None else math.inf
    try:
        while epoch < last:
            epoch += 1
            stats = run.train_epoch(epoch, steps_per_execution)
            time_up = minutes is not None and time.perf_counter() - start > 60 * minutes and epoch < last
            time_up = distribute.agree(run.gan.strategy, time_up)  # every worker stops after the same epoch
            final = time_up or epoch == last
            run.end_epoch(epoch, stats, scorer if scorer is not None and (epoch % score_every == 0 or final)
                          else None)
            done = epoch
            if on_epoch is not None:
                on_epoch(epoch, run.gan, run.history)
            if time_up:
                if run.verbose:
                    print(t("train.time_up", minutes=minutes, epoch=epoch, next=epoch + 1))
                return "minutes"
    except KeyboardInterrupt:  # keep what the last finished epoch saved, then stop as asked
        run.interrupted(done, gif_ms)
        if run.verbose:
            print(t("train.interrupted", epoch=epoch, done=done))
        raise
    finally:
        run.close()
    return "epochs"


class _Run:
    """The state of one call to :func:`fit`: data, history, run folder, checkpoints.

    Under a multi-worker strategy only the chief writes the run folder (:class:`gan_course.runfolder.CheckpointFolder`
    keeps another worker's checkpoints apart).
    """

    def __init__(self, gan, x, y, batch_size, epochs, out, dataset_name, max_to_keep, tensorboard, verbose):
        self.chief = distribute.is_chief(gan.strategy)
        self.gan, self.batch_size, self.epochs, self.verbose = gan, batch_size, epochs, verbose and self.chief
        self.n = len(x)
        self.steps_per_epoch = len(x) // batch_size
        self.out = pathlib.Path(out) if out is not None else None
        self.history = runfolder.empty_history()
        self.history["steps_per_epoch"] = self.steps_per_epoch
        self.images = tf.data.Dataset.from_tensor_slices((x, y))  # copied into TensorFlow once, not every epoch
        self.dataset_name, self.max_to_keep, self.tensorboard = dataset_name, max_to_keep, tensorboard
        self.checkpoints = self.writer = None
        self.done = int(gan.epoch.numpy())

    def restore(self, resume):
        """Restore the latest checkpoint of ``out`` (``resume``), or refuse to overwrite a run."""
        gan, out = self.gan, self.out
        found = runfolder.check_out(out, resume)
        if out is not None:
            if self.chief:
                (out / SAMPLES_FOLDER).mkdir(parents=True, exist_ok=True)
            self.checkpoints = CheckpointFolder(gan.checkpoint(), out, dataset_name=self.dataset_name,
                                                batch_size=self.batch_size, image_shape=gan.image_shape,
                                                chief=self.chief, max_to_keep=self.max_to_keep)
            if self.tensorboard and self.chief:
                self.writer = runfolder.events_writer(out)
        if resume:
            self.done = self.checkpoints.restore(found)
            self.history = runfolder.truncate_history(read_history(out) or {}, self.done)
            self.history["steps_per_epoch"] = self.steps_per_epoch
            if self.verbose and self.epochs is not None and self.done >= self.epochs:
                print(t("train.nothing_to_do", epoch=self.done, epochs=self.epochs))
            elif self.verbose:
                print(t("train.resumed", epoch=self.done, start=self.done + 1,
                        epochs=self.epochs if self.epochs is not None else "…"))

    def batches(self, epoch, steps_per_execution):
        """Chunks of ``steps_per_execution`` batches; the shuffle seed depends on the run's seed and the epoch."""
        seed = self.gan.settings["seed"] * 100_003 + epoch
        return (self.images.shuffle(self.n, seed=seed).batch(self.batch_size, drop_remainder=True)
                .batch(steps_per_execution).prefetch(2))

    def train_epoch(self, epoch, steps_per_execution):
        """One pass over the data, chunk by chunk; returns the epoch's mean losses and its duration."""
        from tqdm import tqdm

        t0 = time.perf_counter()
        sums = np.zeros(len(LOSS_KEYS))
        total = "?" if self.epochs is None else self.epochs
        bar = tqdm(total=self.steps_per_epoch, desc=t("train.epoch", epoch=epoch, epochs=total),
                   unit=t("train.steps"), file=sys.stdout, disable=not self.verbose, leave=False,
                   dynamic_ncols=True, mininterval=0.5)
        for chunk, labels in self.batches(epoch, steps_per_execution):
            res = {k: v.numpy() for k, v in self.gan.steps_function(chunk, labels).items()}  # one read per chunk
            sums += [res[k].sum() for k in LOSS_KEYS]
            self.history["steps"]["d_loss"].extend(res["d_loss"].tolist())
            self.history["steps"]["g_loss"].extend(res["g_loss"].tolist())
            bar.set_postfix_str(f"J(D)={res['d_loss'][-1]:.3f} J(G)={res['g_loss'][-1]:.3f}", refresh=False)
            bar.update(len(res["d_loss"]))
        bar.close()
        seconds = time.perf_counter() - t0
        return dict(zip(LOSS_KEYS, (sums / self.steps_per_epoch).tolist()), seconds=seconds)

    def end_epoch(self, epoch, stats, scorer):
        """History, printed line, scores, sample grid, checkpoint and history.json of one epoch."""
        gan, h = self.gan, self.history
        gan.epoch.assign(epoch)
        images = self.steps_per_epoch * self.batch_size
        runfolder.add_epoch(h, epoch, stats, stats["seconds"], images, gan.augment_p.numpy())
        if self.verbose:
            print(t("train.epoch_done", epoch=epoch, epochs=self.epochs if self.epochs is not None else "…",
                    d=stats["d_loss"], g=stats["g_loss"], dr=stats["d_real"], df=stats["d_fake"],
                    s=stats["seconds"], ips=images / stats["seconds"]))
        if gan.ema_generator is not None:
            gan.recalibrate()
        scores = None
        if scorer is not None:
            scores = {k: float(v) for k, v in dict(scorer(gan.sampler)).items()}
            h["scores"].append({"epoch": epoch, **scores})
            if self.verbose:
                print(t("train.scores", epoch=epoch, scores=", ".join(f"{k} = {v:.3g}" for k, v in scores.items())))
        if self.out is not None:
            self.checkpoints.save(epoch)  # every worker (the chief's copy is the one kept)
            if self.chief:
                runfolder.write_epoch(self.out, epoch, gan, h, self.writer, scores)

    def interrupted(self, done, gif_ms):
        """After Ctrl+C: the history and the networks as the last saved epoch left them."""
        self.history = runfolder.truncate_history(self.history, done)
        self.history["stopped"] = "interrupted"
        if self.out is not None and self.checkpoints.restore_last_saved() and self.chief:
            runfolder.finish(self.out, self.gan, self.history, gif_ms)

    def close(self):
        """Remove a non-chief worker's temporary checkpoints."""
        if self.checkpoints is not None:
            self.checkpoints.close()
