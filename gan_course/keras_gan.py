"""The GAN as a ``keras.Model``: its own ``train_step``, trained with ``compile()``/``fit()`` and callbacks.

The idiom keras-io teaches: :class:`GANModel` subclasses ``keras.Model`` and overrides
``train_step``, so ``fit`` runs the loop (epochs, progress bar, callbacks, ``tf.distribute``).
The step is not written again: it *is* the step of :class:`gan_course.train.GAN` (same losses,
same options, same noise generator), so from the same weights, seed and batch ``GANModel.fit``
and the hand-written loop take the same step: the same losses and weights up to float32 rounding
(traced in another ``tf.function``, sums may come in another order); over many Adam steps that
rounding grows, by an amount that depends on the CPU.

The course's callbacks write the same run folder as :func:`gan_course.train.fit`
(``samples/epoch_001.png`` …, ``training.gif``, ``losses.png``, ``history.json``,
``generator.keras``, ``checkpoints/…``)::

    model = GANModel(G, D, recipe="plain", seed=0)
    model.compile()                                        # or g_optimizer=…, d_optimizer=…
    callbacks, start = run_callbacks(model, "runs/keras", resume=True)
    model.fit(dataset, epochs=10, initial_epoch=start, callbacks=callbacks)

* :class:`LossHistory` — each step's losses and each epoch's means, ``history.json``; at the end
  ``losses.png``, ``training.gif`` and ``generator.keras``.
* :class:`SampleGrid` — the fixed latent grid after each epoch (``samples/epoch_NNN.png``).
* :class:`Checkpoints` — ``tf.train.CheckpointManager`` of both networks, both optimizers and the
  noise generator; :meth:`Checkpoints.restore` gives the ``initial_epoch`` to resume at.
* TensorBoard: ``keras.callbacks.TensorBoard`` needs the ``tensorboard`` package
  (``TBNotInstalledError`` without it); :func:`run_callbacks` uses it when it is installed and
  otherwise :class:`TensorBoardLog`, which writes the same events with core TensorFlow only.

Under a ``tf.distribute`` strategy (build the networks, the model and its optimizers inside
``strategy.scope()``), ``fit`` runs ``train_step`` on every replica; only the chief writes the
run folder.  Visto en 08 §A la manera de Keras y §Las callbacks del curso.
"""
from __future__ import annotations

import importlib.util
import pathlib
import time

from . import distribute, runfolder
from ._tf import keras, tf
from .i18n import arg_error
from .step import GAN, LOSS_KEYS

__all__ = ["GANModel", "LossHistory", "SampleGrid", "Checkpoints", "TensorBoardLog", "run_callbacks"]


class GANModel(keras.Model):
    """The ``keras.Model``: a generator and a discriminator trained by Keras' ``fit``.

    Its step is the trainer's (:class:`gan_course.train.GAN`, a plain object this model holds in
    :attr:`gan`): ``recipe``, ``seed``, ``n_samples`` and the options (``g_lr``, ``g_steps``, ``loss`` …)
    are the trainer's, and so are its noise generator, fixed grid, EMA copy and checkpoint.
    ``compile(g_optimizer=…, d_optimizer=…)`` replaces the recipe's two Adam optimizers.  ``fit`` takes
    batches of real images, or ``(images, labels)`` when the discriminator has a class head.  Each
    batch's logs are that step's losses (``d_loss``, ``g_loss``, ``d_real``, ``d_fake``); each epoch's
    logs are the epoch's means.
    Visto en 08 §A la manera de Keras.
    """

    def __init__(self, generator, discriminator, *, recipe: str = "plain", seed: int = 0, n_samples: int = 100,
                 name: str = "gan", **options):
        super().__init__(name=name)
        self.gan = GAN(generator, discriminator, recipe=recipe, seed=seed, n_samples=n_samples, **options)
        self.generator, self.discriminator = generator, discriminator
        self.trackers = [keras.metrics.Mean(name=key) for key in LOSS_KEYS]
        self.built = True  # both networks are built: nothing for fit to infer from the data

    def compile(self, g_optimizer=None, d_optimizer=None, **kwargs):
        """Keras' ``compile`` with the two optimizers (each left out keeps the recipe's Adam).

        ``jit_compile`` defaults to False: the step uses a stateful noise generator, as the
        hand-written loop does.
        """
        gan = self.gan
        for key, opt, net in (("g_optimizer", g_optimizer, gan.generator), ("d_optimizer", d_optimizer,
                                                                               gan.discriminator)):
            if opt is None:
                continue
            if not isinstance(opt, keras.optimizers.Optimizer):
                raise arg_error(key, opt, {"es": "un optimizador de Keras", "pt": "um otimizador do Keras"})
            opt.build(net.trainable_variables)  # built now, so a restore fills every slot
            setattr(gan, key, opt)
            gan.settings[key] = type(opt).__name__
        kwargs.setdefault("jit_compile", False)
        super().compile(optimizer=gan.d_optimizer, **kwargs)  # model.optimizer.iterations = D's steps

    @property
    def metrics(self):
        return self.trackers

    def call(self, z, training=False):
        """The images the sampler (the EMA copy when there is one) draws for the latent vectors ``z``.

        A conditional generator takes ``[z, digits]``.
        """
        return self.gan.sampler(z, training=training)

    def train_step(self, data):
        """One step of the trainer (:meth:`gan_course.train.GAN.step`) on this replica's batch.

        Under a strategy each replica returns its share of the batch's mean losses; Keras averages
        what the replicas return, so the shares are multiplied by the number of replicas.
        """
        real, labels = data if isinstance(data, (tuple, list)) else (data, None)
        real = tf.cast(real, tf.float32)
        res = self.gan.step(real, self.gan.check_labels(labels, tf.shape(real)[:1]))
        logs = {}
        for tracker in self.trackers:
            value = res[tracker.name] * self.gan.replicas if self.gan.replicas > 1 else res[tracker.name]
            tracker.update_state(value)
            logs[tracker.name] = value
        return logs


# ------------------------------------------------------------------------------ callbacks
class _RunCallback(keras.callbacks.Callback):
    """A callback that writes into the run folder ``out`` (only the chief writes)."""

    def __init__(self, out):
        super().__init__()
        self.out = pathlib.Path(out)

    @property
    def gan(self) -> GAN:
        return self.model.gan

    @property
    def chief(self) -> bool:
        return distribute.is_chief(self.model.gan.strategy)


class SampleGrid(_RunCallback):
    """After each epoch: the fixed latent grid as ``samples/epoch_NNN.png`` (EMA: statistics re-measured first).

    Visto en 08 §Las callbacks del curso.
    """

    def on_epoch_end(self, epoch, logs=None):
        if self.gan.ema_generator is not None:
            self.gan.recalibrate()  # on every worker: it draws from the shared noise generator
        if self.chief:
            runfolder.write_sample(self.out, epoch + 1, self.gan.grid())


class Checkpoints(_RunCallback):
    """The run folder's checkpoints (:class:`gan_course.runfolder.CheckpointFolder`), saved after each epoch.

    :meth:`restore` loads the latest checkpoint of ``out`` and returns the number of epochs done:
    pass it to ``fit(initial_epoch=…)`` and training continues at the next epoch.  A non-chief
    worker saves into a temporary folder, removed when training ends.
    Visto en 08 §Reanudar con initial_epoch.
    """

    def __init__(self, out, gan: GAN, *, dataset_name: str = "mnist", batch_size: int = 64,
                 max_to_keep: int = 3):
        super().__init__(out)
        self.ckpt = gan.checkpoint()
        self.folder = runfolder.CheckpointFolder(self.ckpt, self.out, dataset_name=dataset_name,
                                                 batch_size=batch_size, image_shape=gan.image_shape,
                                                 chief=distribute.is_chief(gan.strategy), max_to_keep=max_to_keep)

    def restore(self) -> int:
        """Restore the latest checkpoint of the run folder (the chief's); returns the epochs done."""
        return self.folder.restore()

    def on_epoch_end(self, epoch, logs=None):
        self.ckpt.epoch.assign(epoch + 1)
        self.folder.save(epoch + 1)  # every worker takes part

    def on_train_end(self, logs=None):
        self.folder.close()


class LossHistory(_RunCallback):
    """The history of :func:`gan_course.train.fit` (same keys), ``history.json`` after each epoch.

    Each batch's logs are that step's losses; each epoch's logs the epoch's means.  When training
    ends: ``losses.png``, ``training.gif`` (from the sample grids) and ``generator.keras``.
    ``settings`` — extra entries for ``history["settings"]``.  Visto en 08 §Las callbacks del curso.
    """

    def __init__(self, out, *, settings: dict | None = None, gif_ms: int = 400):
        super().__init__(out)
        self.settings, self.gif_ms = dict(settings or {}), gif_ms
        self.history = runfolder.empty_history()

    def on_train_begin(self, logs=None):
        self.history = runfolder.resumed_history(self.out, int(self.gan.epoch.numpy()))
        self.history["steps_per_epoch"] = self.params.get("steps")
        self.history["settings"] = {**self.history["settings"], **self.gan.settings, "trainer": "keras",
                                    "image_shape": list(self.gan.image_shape), "generator": self.gan.generator.name,
                                    "epochs": self.params.get("epochs"), **self.settings}

    def on_epoch_begin(self, epoch, logs=None):
        self.t0, self.seen0 = time.perf_counter(), float(self.gan.images_seen.numpy())

    def on_train_batch_end(self, batch, logs=None):
        for key in ("d_loss", "g_loss"):
            self.history["steps"][key].append(float(logs[key]))

    def on_epoch_end(self, epoch, logs=None):
        gan = self.gan
        images = float(gan.images_seen.numpy()) - self.seen0
        runfolder.add_epoch(self.history, epoch + 1, logs, time.perf_counter() - self.t0, images,
                            gan.augment_p.numpy())
        gan.epoch.assign(epoch + 1)
        if self.chief:
            runfolder.write_json(self.out / runfolder.HISTORY_FILE, self.history)

    def on_train_end(self, logs=None):
        self.history["stopped"] = "callback" if self.model.stop_training else "epochs"
        if self.chief:
            runfolder.finish(self.out, self.gan, self.history, self.gif_ms)


class TensorBoardLog(_RunCallback):
    """TensorBoard events in ``out/logs`` (losses and sample grid per epoch) without the ``tensorboard`` package.

    ``keras.callbacks.TensorBoard`` does the same when ``tensorboard`` is installed.
    Visto en 08 §Las callbacks del curso.
    """

    def on_train_begin(self, logs=None):
        self.writer = runfolder.events_writer(self.out) if self.chief else None

    def on_epoch_end(self, epoch, logs=None):
        if self.writer is not None:
            runfolder.write_events(self.writer, epoch + 1, float(logs["d_loss"]), float(logs["g_loss"]),
                                   self.gan.grid(), None)


def run_callbacks(model: GANModel, out, *, resume: bool = False, tensorboard: bool = False,
                  dataset_name: str = "mnist", batch_size: int = 64, settings: dict | None = None,
                  max_to_keep: int = 3, gif_ms: int = 400):
    """``(callbacks, initial_epoch)`` for ``model.fit``: the run folder ``out``, as :func:`gan_course.train.fit` has it.

    ``resume`` restores the latest checkpoint of ``out`` (``initial_epoch`` = the epochs done);
    without it a folder that already holds a run is refused.  ``tensorboard`` adds
    ``keras.callbacks.TensorBoard`` (with the ``tensorboard`` package) or :class:`TensorBoardLog`.
    ``batch_size`` and ``dataset_name`` name the checkpoint folder (``mnist_64_28_28``).
    Visto en 08 §Las callbacks del curso y §Reanudar con initial_epoch.
    """
    if not isinstance(model, GANModel):
        raise arg_error("model", model, {"es": "un gan_course.keras_gan.GANModel",
                                         "pt": "um gan_course.keras_gan.GANModel"})
    out = pathlib.Path(out)
    found = runfolder.check_out(out, resume)
    checkpoints = Checkpoints(out, model.gan, dataset_name=dataset_name, batch_size=batch_size,
                              max_to_keep=max_to_keep)
    start = checkpoints.folder.restore(found) if resume else 0
    callbacks = [SampleGrid(out), LossHistory(out, settings={"batch_size": batch_size, "dataset": dataset_name,
                                                             **(settings or {})}, gif_ms=gif_ms), checkpoints]
    if tensorboard and distribute.is_chief(model.gan.strategy):
        callbacks.append(keras.callbacks.TensorBoard(str(out / runfolder.LOGS_FOLDER))
                         if importlib.util.find_spec("tensorboard") else TensorBoardLog(out))
    return callbacks, start
