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
import shutil
import sys
import tempfile
import time
import warnings

import numpy as np

from . import clusters, distribute, losses, models, recipes
from . import data as data_mod
from ._tf import keras, tf
from .gif import image_grid, write_gif
from .i18n import arg_error, register, t
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
    "train.expected_labels": {"es": "las etiquetas (0 … {k}-1) de las imágenes reales: este discriminador "
                                    "también aprende las clases",
                              "pt": "os rótulos (0 … {k}-1) das imagens reais: este discriminador também "
                                    "aprende as classes"},
    "train.expected_scores": {"es": "'bce' con un discriminador que termina en sigmoide (hinge y wgan-gp usan "
                                    "puntuaciones sin acotar)",
                              "pt": "'bce' com um discriminador que termina em sigmoide (hinge e wgan-gp usam "
                                    "pontuações sem limites)"},
    "train.expected_code": {"es": "un generador que elige entre las mismas {k} clases (build_pair(..., g_classes={k}) "
                                  "o conditional={k}): el discriminador recibe la clase de cada imagen",
                            "pt": "um gerador que escolhe entre as mesmas {k} classes (build_pair(..., g_classes={k}) "
                                  "ou conditional={k}): o discriminador recebe a classe de cada imagem"},
    "train.expected_critic": {"es": "un crítico sin normalización por lotes para wgan-gp (build_pair(..., "
                                    "d_batch_norm=False))",
                              "pt": "um crítico sem normalização em lote para wgan-gp (build_pair(..., "
                                    "d_batch_norm=False))"},
    "train.expected_option": {"es": "una de las opciones {names}", "pt": "uma das opções {names}"},
    "train.expected_minutes": {"es": "minutos > 0, o None (sin límite)", "pt": "minutos > 0, ou None (sem limite)"},
    "train.expected_lr": {"es": "un número > 0", "pt": "um número > 0"},
    "train.expected_form": {
        "es": "'auto' o la forma de salida del discriminador ('{actual}')",
        "pt": "'auto' ou o formato de saída do discriminador ('{actual}')",
    },
    "train.expected_images": {
        "es": "imágenes de forma {shape} (la entrada del discriminador)",
        "pt": "imagens de formato {shape} (a entrada do discriminador)",
    },
    "train.expected_run_folder": {"es": "una carpeta de ejecución existente", "pt": "uma pasta de execução existente"},
    "train.expected_samples": {
        "es": "una carpeta de ejecución con una muestra por época ({path} no existe)",
        "pt": "uma pasta de execução com uma amostra por época ({path} não existe)",
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
    "train.expected_replica_batch": {
        "es": "un lote global de al menos una imagen por réplica ({replicas} réplicas)",
        "pt": "um lote global de pelo menos uma imagem por réplica ({replicas} réplicas)",
    },
    "train.expected_scope": {
        "es": "una red creada dentro de strategy.scope(), como el GAN (sus variables deben copiarse en cada réplica)",
        "pt": "uma rede criada dentro de strategy.scope(), como o GAN (as suas variáveis devem ser copiadas em cada "
              "réplica)",
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



AUGMENTS = recipes.AUGMENTS
AUGMENT_SPEED_IMAGES = 100_000.0  # ADA: p can move by 1 every this many images
AUGMENT_MAX_P = 0.8
LOSS_KEYS = ("d_loss", "g_loss", "d_real", "d_fake")
STEPS_PER_EXECUTION = 16


def _positive_int(name, value, key=None):
    return check_int(name, value, 1, expected=key)


def _positive_float(name, value, key="train.expected_lr"):
    return check_float(name, value, 0, low_open=True, expected=key)


class GAN:
    """A generator and a discriminator with their optimizers and the explicit training step.

    The recipe (:data:`gan_course.models.RECIPES`: ``plain`` by default, the DCGAN step of
    lesson 06; ``course`` adds the EMA) gives every setting that is not passed:

    ``g_lr``, ``d_lr``, ``beta_1``, ``beta_2`` — Adam settings of each network.
    ``g_steps`` — generator updates per discriminator update (carpedm20's DCGAN: ``g_steps=2``).
    ``g_loss`` — ``"non_saturating"`` or ``"minimax"`` (:mod:`gan_course.losses`).
    ``label_smoothing`` — one-sided: real images get the label ``1 - label_smoothing``.
    ``r1_gamma``, ``r1_every`` — R1 gradient penalty :math:`\\tfrac{\\gamma}{2}\\,E\\|\\nabla_x D(x)\\|^2`
    on real images, computed every ``r1_every`` discriminator steps and scaled by ``r1_every``
    ("lazy" regularisation, as in StyleGAN2); ``r1_gamma=0`` switches it off.
    ``ema_half_life``, ``ema_rampup`` — an exponential moving average of the generator's weights
    (:attr:`ema_generator`), whose half-life is ``min(ema_half_life, ema_rampup · images seen)``
    images: short at first, so the early, bad weights fade quickly; ``0`` switches it off.
    With it, samples, the GIF and the saved generator use the averaged copy.
    ``augment`` — ``translate`` shifts real *and* generated images by up to
    ``augment_shift`` pixels before D (padding with the background, -1) with probability
    :attr:`augment_p`, raised while D is too sure of the real images (the sign of its logits
    above ``augment_target`` on average) and lowered otherwise; ``none`` switches it off.
    ``form`` — ``"auto"`` reads the discriminator's output (logits or a sigmoid's probabilities);
    naming the other form raises, so the loss can never be computed on the wrong kind of output.
    ``seed`` — seeds the noise generator (its state is saved in checkpoints) and the fixed
    latent grid ``fixed_z`` (``n_samples`` vectors, the same after a resume).

    :meth:`train_step` runs one step on one batch; :meth:`train_steps` runs several steps in one
    ``tf.function`` call and returns their losses as arrays (one read per chunk, no host round
    trip per step: what :func:`fit` uses).  Visto en 06 §El paso de entrenamiento.

    Built inside ``strategy.scope()`` (:mod:`gan_course.distribute`, the networks too), every step
    runs on each replica with its slice of the global batch: the losses are weighted by the
    replica's share, the noise is drawn once for the whole batch, so the result is one device's
    (with synchronised batch norm).  One exception: the class head's ambiguity term measures the
    class balance within each replica's slice.
    """

    def __init__(self, generator, discriminator, *, recipe="plain", form: str = "auto", seed: int = 0,
                 n_samples: int = 100, **options):
        models.check_pair(generator, discriminator)
        unknown = sorted(set(options) - set(recipes.STEP_FIELDS))
        if unknown:
            raise arg_error(unknown[0], options[unknown[0]], "train.expected_option",
                            names=", ".join(recipes.STEP_FIELDS), exc=TypeError)
        #: the recipe with this trainer's options applied (:mod:`gan_course.recipes`)
        self.recipe = recipes.get(recipe, **options)
        o = self.recipe.step()
        actual = models.discriminator_output(discriminator)
        if form not in ("auto", actual):
            raise arg_error("form", form, "train.expected_form", actual=actual)
        self.generator, self.discriminator = generator, discriminator
        self.form = actual
        self.options = o
        self.classes = models.discriminator_classes(discriminator)
        self.g_classes = models.generator_classes(generator)
        self.g_conditional = models.generator_conditional(generator)
        self.conditional = models.discriminator_conditional(discriminator)
        for k in (self.conditional, self.classes if self.g_classes else 0):
            if k and k != self.g_classes:  # D is told (or learns) the digit G was asked for
                raise arg_error("generator", generator.name, "train.expected_code", k=k)
        #: labels of the real images are needed (0 … label_classes-1) when D learns or is told them
        self.label_classes = max(self.classes, self.conditional)
        has_bn = any(isinstance(layer, keras.layers.BatchNormalization) for layer in discriminator.layers)
        if o["loss"] != "bce" and actual != "logits":
            raise arg_error("loss", o["loss"], "train.expected_scores")
        if o["loss"] == "wgan-gp" and has_bn:  # the penalty is per image: BN mixes the images of a batch
            raise arg_error("discriminator", discriminator.name, "train.expected_critic")
        self.z_dim = models.latent_dim(generator)
        self.image_shape = models.image_shape(discriminator)
        # built inside strategy.scope(): every step runs on each replica (strategy.run); else one device
        self.strategy = tf.distribute.get_strategy() if tf.distribute.has_strategy() else None
        self.replicas = distribute.replicas(self.strategy)
        if self.strategy is not None:
            for name, net in (("generator", generator), ("discriminator", discriminator)):
                if not all(self.strategy.extended.variable_created_in_scope(getattr(v, "value", v))
                           for v in net.weights):
                    raise arg_error(name, net.name, "train.expected_scope")
        classes = max(self.classes, self.g_classes, self.conditional, self.g_conditional)
        self.settings = {"recipe": self.recipe.name, **o, "class_count": classes,
                         "conditions": self.recipe.conditions if classes else "none", "form": self.form,
                         "seed": int(seed),
                         "strategy": distribute.name_of(self.strategy), "replicas": self.replicas}
        self.g_optimizer = keras.optimizers.Adam(o["g_lr"], beta_1=o["beta_1"], beta_2=o["beta_2"])
        self.d_optimizer = keras.optimizers.Adam(o["d_lr"], beta_1=o["beta_1"], beta_2=o["beta_2"])
        self.g_optimizer.build(generator.trainable_variables)  # built now, so a restore fills every slot
        self.d_optimizer.build(discriminator.trainable_variables)
        self.noise = tf.random.Generator.from_seed(int(seed))
        self.epoch = tf.Variable(0, dtype=tf.int64, trainable=False, name="epoch")
        # each replica adds/assigns the same global value: keep the first replica's
        first = tf.VariableAggregation.ONLY_FIRST_REPLICA
        self.images_seen = tf.Variable(0.0, dtype=tf.float64, trainable=False, name="images_seen", aggregation=first)
        self.augment_p = tf.Variable(0.0, dtype=tf.float32, trainable=False, name="augment_p", aggregation=first)
        self.ema_generator = None
        if o["ema_half_life"] > 0:
            self.ema_generator = keras.models.clone_model(generator)
            self.ema_generator.set_weights(generator.get_weights())
        n_samples = _positive_int("n_samples", n_samples)
        grid_noise = tf.random.Generator.from_seed(int(seed) + 1_000_003)
        fixed = grid_noise.normal([n_samples, self.z_dim])
        self.fixed_labels = None
        if self.g_classes:  # the grid shows one digit per row
            self.fixed_labels = tf.constant(grid_labels(n_samples, self.g_classes))
            if not self.g_conditional:
                fixed = _choose(fixed, self.fixed_labels, self.g_classes)
        self.fixed_z = tf.Variable(fixed, trainable=False, name="fixed_z")
        spec = tf.TensorSpec([None, *self.image_shape], tf.float32)
        self.step_function = tf.function(self._global_step, input_signature=[spec, tf.TensorSpec([None], tf.int32)])
        self.steps_function = tf.function(self._many_steps, input_signature=[
            tf.TensorSpec([None, None, *self.image_shape], tf.float32), tf.TensorSpec([None, None], tf.int32)])

    def train_step(self, real, labels=None):
        """One training step on the batch ``real`` (and its ``labels`` when D has a class head)."""
        real = tf.convert_to_tensor(real, tf.float32)
        return self.step_function(real, self._labels(labels, tf.shape(real)[:1]))

    def train_steps(self, batches, labels=None):
        """``len(batches)`` steps in one ``tf.function`` call; returns each step's losses as arrays."""
        batches = tf.convert_to_tensor(batches, tf.float32)
        return self.steps_function(batches, self._labels(labels, tf.shape(batches)[:2]))

    def _labels(self, labels, shape):
        if labels is None:
            if self.label_classes:
                raise arg_error("labels", labels, "train.expected_labels", k=self.label_classes)
            return tf.zeros(shape, tf.int32)
        return tf.cast(labels, tf.int32)

    @property
    def sampler(self):
        """The network that draws the samples: the EMA copy when there is one, else the generator."""
        return self.ema_generator if self.ema_generator is not None else self.generator

    # -- the step ------------------------------------------------------------------------
    def _augment(self, images):
        """Random translation by up to ``augment_shift`` pixels with probability ``augment_p`` (differentiable)."""
        s = self.options["augment_shift"]
        n, h, w = tf.shape(images)[0], self.image_shape[0], self.image_shape[1]
        on = tf.cast(self._draw(lambda m: self.noise.uniform([m, 1]), n) < self.augment_p, tf.int32)
        shift = self._draw(lambda m: self.noise.uniform([m, 2], minval=-s, maxval=s + 1, dtype=tf.int32), n)
        shift = shift * on  # images that are not augmented stay where they are
        padded = tf.pad(images, [[0, 0], [s, s], [s, s], [0, 0]], constant_values=-1.0)
        rows = tf.range(h)[None, :] + s - shift[:, :1]             # (n, h)
        cols = tf.range(w)[None, :] + s - shift[:, 1:]             # (n, w)
        out = tf.gather(padded, rows, axis=1, batch_dims=1)         # (n, h, W+2s, c)
        return tf.gather(out, cols, axis=2, batch_dims=1)           # (n, h, w, c)

    def _d(self, images, labels=None):
        if self.options["augment"] != "none":
            images = self._augment(images)
        if self.conditional:
            return self.discriminator([images, labels], training=True)
        return self.discriminator(images, training=True)

    def _one_step(self, real, labels=None):
        """One simultaneous update of D and G on a real batch; returns the batch's losses.

        The same generated batch feeds both tapes (as in the TensorFlow tutorial): D learns to
        tell ``real`` (label 1) from ``G(z)`` (label 0), G learns to make D say 1.  Every
        ``r1_every`` steps D's loss also gets the R1 penalty; with ``g_steps > 1`` the generator
        then takes extra steps on fresh noise.  ``labels`` (int, one per real image) are used by a
        discriminator with a class head (:func:`gan_course.models.discriminator_classes`: D also
        learns the digit of each real image) or a projection
        (:func:`gan_course.models.discriminator_conditional`: D is told the digit).  Each fake's digit
        is the one its latent code chose (:func:`gan_course.models.generator_classes`), or a uniformly
        drawn label for a conditional generator; the class head then pushes G towards that digit
        (AC-GAN).  A generator without a code gets the ambiguity loss instead: digits D can name
        without doubt, all classes equally often (``class_weight``).  Visto en 06 §La receta del curso.
        """
        G, D, o = self.generator, self.discriminator, self.options
        n = tf.shape(real)[0]
        n_all, share = self._share(n)
        z = self._draw(lambda m: self.noise.normal([m, self.z_dim]), n)
        target = self._code(z)
        with tf.GradientTape() as g_tape, tf.GradientTape() as d_tape:
            fake = self._g(G, z, target, training=True)
            real_out, fake_out = self._d(real, labels), self._d(fake, target)
            penalty = tf.constant(0.0)
            if o["r1_gamma"] > 0:
                due = tf.equal(self.d_optimizer.iterations % o["r1_every"], 0)
                penalty = tf.cond(due, lambda: self._r1(real, labels), lambda: tf.constant(0.0))
            d_loss, g_loss = self._losses(real_out[:, :1], fake_out[:, :1])
            if o["loss"] == "wgan-gp":
                epsilon = self._draw(lambda m: self.noise.uniform([m, 1, 1, 1]), n)
                penalty += o["gp_weight"] * losses.gradient_penalty(lambda x: self._d(x, labels), real, fake,
                                                                    epsilon)
            d_total = d_loss + penalty
            g_total = g_loss
            if self.classes:
                d_total += o["class_weight"] * _class_loss(real_out[:, 1:], labels)
                if self.g_classes:  # G is told which digit its code chose (AC-GAN)
                    g_total += o["class_weight"] * _class_loss(fake_out[:, 1:], target)
                else:
                    g_total += o["class_weight"] * _ambiguity(fake_out[:, 1:])
            d_total, g_total = self._part(d_total, share), self._part(g_total, share)
        d_grads = d_tape.gradient(d_total, D.trainable_variables)
        g_grads = g_tape.gradient(g_total, G.trainable_variables)
        g_due = tf.equal(self.d_optimizer.iterations % o["n_critic"], o["n_critic"] - 1)  # before D's update
        self.d_optimizer.apply_gradients(zip(d_grads, D.trainable_variables))
        if o["n_critic"] == 1:
            self.g_optimizer.apply_gradients(zip(g_grads, G.trainable_variables))
        else:  # WGAN: n_critic critic updates for each generator update
            tf.cond(g_due, lambda: self._apply_g(g_grads), lambda: tf.constant(False))
        for _ in range(o["g_steps"] - 1):
            z = self._draw(lambda m: self.noise.normal([m, self.z_dim]), n)
            with tf.GradientTape() as tape:
                target = self._code(z)
                fake = self._g(G, z, target, training=True)
                g_loss = self._part(self._losses(None, self._d(fake, target)[:, :1])[1], share)
            grads = tape.gradient(g_loss, G.trainable_variables)
            self.g_optimizer.apply_gradients(zip(grads, G.trainable_variables))
        self.images_seen.assign_add(tf.cast(n_all, tf.float64))
        if self.ema_generator is not None:
            self._update_ema(n_all)
        if o["augment"] != "none":
            self._adapt_augment(real_out[:, :1], n_all, share)
        to_prob = tf.sigmoid if self.form == "logits" and o["loss"] != "wgan-gp" else tf.identity
        res = {"d_loss": d_loss, "g_loss": g_loss,
               "d_real": tf.reduce_mean(to_prob(real_out[:, :1])), "d_fake": tf.reduce_mean(to_prob(fake_out[:, :1]))}
        return {k: self._part(v, share) for k, v in res.items()}

    # -- replicas (tf.distribute) ---------------------------------------------------------
    def _share(self, n):
        """``(images in the global batch, this replica's share of them)``; one device: ``(n, None)``.

        Keras 3's optimizer adds the replicas' gradients (an all-reduce SUM), so each replica's mean
        loss is weighted by its share ``n / n_all`` (``tf.nn.compute_average_loss``): the sum is the
        mean over the global batch, the gradient the one a single device computes.
        """
        if self.replicas == 1:
            return n, None
        n_all = tf.distribute.get_replica_context().all_reduce(tf.distribute.ReduceOp.SUM, n)
        return n_all, tf.cast(n, tf.float32) / tf.cast(n_all, tf.float32)

    @staticmethod
    def _part(value, share):
        """``value`` weighted by the replica's ``share`` of the batch (one device: unchanged)."""
        return value if share is None else value * share

    def _draw(self, draw, n):
        """``draw(m)`` gives m random rows; this replica's ``n`` of the rows one device draws for the whole batch.

        The rows are drawn once, in cross-replica context (``merge_call``), from the one noise
        generator, in replica order; each replica keeps its slice.  So N replicas use exactly the
        noise one device would, and the noise generator stays the same on every replica.
        """
        if self.replicas == 1:
            return draw(n)
        ctx = tf.distribute.get_replica_context()
        sizes = ctx.all_gather(tf.reshape(n, [1]), axis=0)  # every replica's rows, in replica order
        start = tf.reduce_sum(sizes[:ctx.replica_id_in_sync_group])
        rows = ctx.merge_call(lambda strategy, total: draw(strategy.experimental_local_results(total)[0]),
                              args=(tf.reduce_sum(sizes),))
        return rows[start:start + n]

    def _global_step(self, real, labels):
        """One step on a global batch: on one device as it is, else each replica on its slice."""
        if self.strategy is None:
            return self._one_step(real, labels)
        parts = self.strategy.run(self._replica_step, args=(real, labels))
        return {k: self.strategy.reduce(tf.distribute.ReduceOp.SUM, v, axis=None) for k, v in parts.items()}

    def _replica_step(self, real, labels):
        """This replica's rows of the global batch (replica i of R: rows n·i/R … n·(i+1)/R), then the step."""
        ctx = tf.distribute.get_replica_context()
        n, i = tf.shape(real)[0], ctx.replica_id_in_sync_group
        lo, hi = n * i // self.replicas, n * (i + 1) // self.replicas
        return self._one_step(real[lo:hi], labels[lo:hi])

    def _losses(self, real_out, fake_out):
        """``(J(D), J(G))`` of the loss family (``real_out`` may be None when only J(G) is needed)."""
        o = self.options
        if o["loss"] == "hinge":
            d = losses.hinge_discriminator_loss(real_out, fake_out) if real_out is not None else None
            return d, losses.hinge_generator_loss(fake_out)
        if o["loss"] == "wgan-gp":
            d = losses.wasserstein_critic_loss(real_out, fake_out) if real_out is not None else None
            return d, losses.wasserstein_generator_loss(fake_out)
        d = (losses.discriminator_loss(real_out, fake_out, self.form, o["label_smoothing"])
             if real_out is not None else None)
        return d, losses.generator_loss(fake_out, self.form, o["g_loss"])

    def _apply_g(self, grads):
        self.g_optimizer.apply_gradients(zip(grads, self.generator.trainable_variables))
        return tf.constant(True)

    def _code(self, z):
        """The digit each fake should be: drawn uniformly for a conditional G, else the argmax of z's first
        ``g_classes`` numbers (zeros without a code)."""
        if self.g_conditional:
            return self._draw(lambda m: self.noise.uniform([m], 0, self.g_classes, dtype=tf.int32), tf.shape(z)[0])
        if not self.g_classes:
            return tf.zeros(tf.shape(z)[:1], tf.int32)
        return tf.argmax(z[:, :self.g_classes], axis=1, output_type=tf.int32)

    def _g(self, net, z, labels, training):
        """``net(z)``, or ``net([z, labels])`` for a conditional generator."""
        if self.g_conditional:
            return net([z, labels], training=training)
        return net(z, training=training)

    def _r1(self, real, labels=None):
        """The lazy R1 penalty ``r1_every · γ/2 · mean ‖∇x D(x)‖²`` on the real batch."""
        with tf.GradientTape() as tape:
            tape.watch(real)
            out = self._d(real, labels)
            first = out[:, :1]
            score = tf.reduce_sum(first if self.form == "logits" else tf.math.log(first / (1 - first)))
        grad = tape.gradient(score, real)
        norm2 = tf.reduce_mean(tf.reduce_sum(tf.square(grad), axis=[1, 2, 3]))
        return 0.5 * self.options["r1_gamma"] * self.options["r1_every"] * norm2

    def _update_ema(self, n):
        """Move the EMA copy towards the generator; half-life ``min(ema_half_life, ema_rampup · images seen)``."""
        o = self.options
        half_life = tf.maximum(tf.minimum(tf.constant(o["ema_half_life"], tf.float64),
                                           o["ema_rampup"] * self.images_seen), 1e-8)
        beta = tf.cast(tf.pow(tf.constant(0.5, tf.float64), tf.cast(n, tf.float64) / half_life), tf.float32)
        for avg, w in zip(self.ema_generator.trainable_variables, self.generator.trainable_variables):
            avg.assign(w + beta * (avg - w))
        for avg, w in zip(self.ema_generator.non_trainable_variables, self.generator.non_trainable_variables):
            avg.assign(w)  # batch-norm statistics: copied (see ``recalibrate``)

    def _adapt_augment(self, real_out, n, share=None):
        """ADA's rule: raise p while E[sign D(x)] > target (D too sure of the real images), else lower it."""
        logits = real_out if self.form == "logits" else tf.math.log(real_out / (1 - real_out))
        overfit = tf.reduce_mean(tf.sign(logits))
        if share is not None:  # the mean over the whole batch, the same on every replica
            overfit = tf.distribute.get_replica_context().all_reduce(tf.distribute.ReduceOp.SUM, overfit * share)
        step = tf.cast(n, tf.float32) / AUGMENT_SPEED_IMAGES
        delta = tf.where(overfit > self.options["augment_target"], step, -step)
        self.augment_p.assign(tf.clip_by_value(self.augment_p + delta, 0.0, AUGMENT_MAX_P))

    def _many_steps(self, batches, labels):
        """``len(batches)`` training steps in one call; the losses come back as arrays (read once)."""
        k = tf.shape(batches)[0]
        arrays = [tf.TensorArray(tf.float32, size=k) for _ in LOSS_KEYS]
        for i in tf.range(k):
            res = self._global_step(batches[i], labels[i])
            arrays = [a.write(i, res[key]) for a, key in zip(arrays, LOSS_KEYS)]
        return {key: a.stack() for a, key in zip(arrays, LOSS_KEYS)}

    # -- helpers -------------------------------------------------------------------------
    def recalibrate(self, batches: int = 8, batch_size: int = 256):
        """Batch-norm statistics of :attr:`sampler` measured on its own samples (moving averages lag).

        Runs the sampler in training mode on ``batches`` batches of fresh noise with momentum 0 in
        every BN layer's running average… in effect: the exact mean and variance of the averaged
        weights' activations.  No effect on a generator without batch normalization.
        """
        net = self.sampler
        bns = [layer for layer in net.layers if isinstance(layer, keras.layers.BatchNormalization)]
        if not bns:
            return
        old = [layer.momentum for layer in bns]
        try:
            for i in range(batches):
                for layer in bns:  # cumulative average: momentum i/(i+1)
                    layer.momentum = i / (i + 1)
                z = self.noise.normal([batch_size, self.z_dim])
                digits = (self.noise.uniform([batch_size], 0, self.g_classes, dtype=tf.int32) if self.g_conditional
                          else None)  # drawn here: outside a step there is no replica to share the draw with
                self._g(net, z, digits, training=True)
        finally:
            for layer, m in zip(bns, old):
                layer.momentum = m

    def sample(self, z=None, n: int = 16, labels=None):
        """Generated images (float32 [-1, 1], numpy) for ``z``, or for ``n`` fresh latent vectors.

        A conditional generator draws the digits ``labels`` (one per latent vector; by default
        0, 1, …, 9 in turn).
        """
        if z is None:
            z = self.noise.normal([_positive_int("n", n), self.z_dim])
        z = tf.convert_to_tensor(z, tf.float32)
        if self.g_conditional:
            if labels is None:
                labels = np.arange(int(z.shape[0])) % self.g_classes
            labels = tf.convert_to_tensor(labels, tf.int32)
        return self._g(self.sampler, z, labels, training=False).numpy()

    def grid(self) -> np.ndarray:
        """The fixed latent grid (``fixed_z``) rendered as one uint8 image (one digit per row with a code)."""
        images = self.sample(self.fixed_z, labels=self.fixed_labels)
        return image_grid(images, ncols=int(math.ceil(math.sqrt(len(images)))))

    def checkpoint(self) -> tf.train.Checkpoint:
        """Both networks, both optimizers, the noise generator, ``fixed_z``, counters and the EMA copy."""
        extra = {"ema_generator": self.ema_generator} if self.ema_generator is not None else {}
        return tf.train.Checkpoint(generator=self.generator, discriminator=self.discriminator,
                                   g_optimizer=self.g_optimizer, d_optimizer=self.d_optimizer,
                                   noise=self.noise, fixed_z=self.fixed_z, epoch=self.epoch,
                                   images_seen=self.images_seen, augment_p=self.augment_p, **extra)


def grid_labels(n: int, classes: int) -> np.ndarray:
    """The class of each cell of an n-image square grid, one class per row: row r shows class r mod ``classes``
    when there are at least as many rows as classes, else classes spread evenly (30 groups on 10 rows: 0, 3, 6 …)."""
    cols = int(math.ceil(math.sqrt(n)))
    rows = np.arange(n) // cols
    n_rows = int(math.ceil(n / cols))
    if classes > n_rows:
        rows = rows * classes // n_rows
    return (rows % classes).astype(np.int32)


def _choose(z, labels, classes):
    """``z`` with its first ``classes`` numbers permuted so that the largest sits at ``labels`` (still N(0, I))."""
    head = z[:, :classes]
    top = tf.argmax(head, axis=1, output_type=tf.int32)
    rows = tf.range(tf.shape(z)[0])
    at_top = tf.stack([rows, top], 1)
    at_label = tf.stack([rows, labels], 1)
    swapped = tf.tensor_scatter_nd_update(head, at_top, tf.gather_nd(head, at_label))
    swapped = tf.tensor_scatter_nd_update(swapped, at_label, tf.gather_nd(head, at_top))
    return tf.concat([swapped, z[:, classes:]], axis=1)


def _class_loss(logits, labels):
    """Cross-entropy of D's class head on the real images' digits."""
    return tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=logits))


def _ambiguity(logits):
    """E[H(p(y|G(z)))] − H(E[p(y|G(z))]): low when each fake is one clear digit and the batch covers all digits.

    The inside of the Inception Score's logarithm with the sign flipped, measured by D's own class
    head (never by the course's evaluator).  Visto en 06 §La receta del curso.
    """
    p = tf.nn.softmax(logits)
    each = -tf.reduce_mean(tf.reduce_sum(p * tf.math.log(p + 1e-8), axis=1))
    marginal = tf.reduce_mean(p, axis=0)
    return each + tf.reduce_sum(marginal * tf.math.log(marginal + 1e-8))


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

    epochs = check_int("epochs", epochs, 1)
    duration_ms = check_int("duration_ms", duration_ms, 1)
    if not isinstance(out, (str, os.PathLike)) or not pathlib.Path(out).is_dir():
        raise arg_error("out", out, "train.expected_run_folder", exc=FileNotFoundError)
    missing = [e for e in range(1, epochs + 1) if not sample_path(out, e).is_file()]
    if missing:
        raise arg_error("out", str(out), "train.expected_samples", exc=FileNotFoundError,
                        path=sample_path(out, missing[0]).relative_to(out).as_posix())
    frames = [iio.imread(sample_path(out, e)) for e in range(1, epochs + 1)]
    durations = [duration_ms] * (len(frames) - 1) + [4 * duration_ms]
    return write_gif(pathlib.Path(out) / GIF_FILE, frames, duration_ms=durations)


# ------------------------------------------------------------------------------ history
def _empty_history():
    return {"epoch": [], "g_loss": [], "d_loss": [], "total": [], "d_real": [], "d_fake": [],
            "seconds": [], "images_per_second": [], "augment_p": [], "steps": {"g_loss": [], "d_loss": []},
            "steps_per_epoch": None, "scores": [], "stopped": None, "settings": {}}


def _truncate_history(h, epochs_done):
    """The saved history cut back to the epochs a restored checkpoint has done."""
    out = _empty_history()
    out["settings"] = h.get("settings", {})
    out["steps_per_epoch"] = h.get("steps_per_epoch")
    keep = [i for i, e in enumerate(h.get("epoch", [])) if e <= epochs_done]
    for key in ("epoch", "g_loss", "d_loss", "total", "d_real", "d_fake", "seconds", "images_per_second",
                "augment_p"):
        out[key] = [h[key][i] for i in keep if i < len(h.get(key, []))]
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
        minutes = _positive_float("minutes", minutes, "train.expected_minutes")
    if epochs is None and minutes is None:
        raise arg_error("epochs", epochs, "train.expected_epochs")
    epochs = _positive_int("epochs", epochs, "train.expected_epochs") if epochs is not None else None
    score_every = _positive_int("score_every", score_every)
    steps_per_execution = _positive_int("steps_per_execution", steps_per_execution)
    if scorer is not None and not callable(scorer):
        raise arg_error("scorer", scorer, "train.expected_scorer")
    if on_epoch is not None and not callable(on_epoch):
        raise arg_error("on_epoch", on_epoch, "train.expected_callback")
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
            raise arg_error("labels", labels, "train.expected_labels", k=max(gan.label_classes, 1))
    elif gan.label_classes and gan.recipe.conditions == "clusters":  # no labels: groups of similar images
        labels = clusters.find(x, gan.label_classes, seed=gan.settings["seed"], dims=gan.recipe.pca_dims,
                               method=gan.recipe.cluster_method)
    elif gan.label_classes:
        raise arg_error("labels", labels, "train.expected_labels", k=gan.label_classes)
    y = labels.astype(np.int32) if labels is not None else np.zeros(len(x), np.int32)
    run = _Run(gan, x, y, int(batch_size), epochs, out, dataset_name, max_to_keep, tensorboard, verbose)
    run.restore(resume)
    run.history["settings"] = {**run.history.get("settings", {}), **gan.settings, "batch_size": run.batch_size,
                               "dataset": dataset_name, "image_shape": list(gan.image_shape), "images": len(x),
                               "generator": gan.generator.name, "epochs": epochs,
                               "steps_per_execution": steps_per_execution, **(settings or {})}
    start = time.perf_counter()
    stopped = "epochs"
    epoch = done = run.done
    last = epochs if epochs is not None else math.inf
    try:
        while epoch < last:
            epoch += 1
            stats = run.train_epoch(epoch, steps_per_execution)
            time_up = minutes is not None and time.perf_counter() - start > 60 * minutes and epoch < last
            time_up = distribute.agree(gan.strategy, time_up)  # every worker stops after the same epoch
            final = time_up or epoch == last
            run.end_epoch(epoch, stats, scorer if scorer is not None and (epoch % score_every == 0 or final)
                          else None)
            done = epoch
            if on_epoch is not None:
                on_epoch(epoch, gan, run.history)
            if time_up:
                stopped = "minutes"
                if run.verbose:
                    print(t("train.time_up", minutes=minutes, epoch=epoch, next=epoch + 1))
                break
    except KeyboardInterrupt:  # keep what the last finished epoch saved, then stop as asked
        run.interrupted(done, gif_ms)
        if run.verbose:
            print(t("train.interrupted", epoch=epoch, done=done))
        raise
    finally:
        run.close()
    run.history["stopped"] = stopped
    if out is not None:
        if run.chief:
            _finish(run.out, gan, run.history, gif_ms)
        run.history["out"] = str(run.out)
    return run.history


class _Run:
    """The state of one call to :func:`fit`: data, history, run folder, checkpoint manager.

    Under a multi-worker strategy only the chief writes the run folder; another worker saves its
    checkpoints (every worker must take part in saving) to a temporary folder removed at the end,
    and reads the chief's checkpoints to resume.
    """

    def __init__(self, gan, x, y, batch_size, epochs, out, dataset_name, max_to_keep, tensorboard, verbose):
        self.chief = distribute.is_chief(gan.strategy)
        self.scratch = None
        self.gan, self.batch_size, self.epochs, self.verbose = gan, batch_size, epochs, verbose and self.chief
        self.n = len(x)
        self.steps_per_epoch = len(x) // batch_size
        self.out = pathlib.Path(out) if out is not None else None
        self.ckpt = gan.checkpoint()
        self.history = _empty_history()
        self.history["steps_per_epoch"] = self.steps_per_epoch
        self.images = tf.data.Dataset.from_tensor_slices((x, y))  # copied into TensorFlow once, not every epoch
        self.dataset_name, self.max_to_keep, self.tensorboard = dataset_name, max_to_keep, tensorboard
        self.manager = self.writer = None
        self.done = int(gan.epoch.numpy())

    def restore(self, resume):
        """Restore the latest checkpoint of ``out`` (``resume``), or refuse to overwrite a run."""
        gan, out = self.gan, self.out
        if resume:
            found = latest_checkpoint(out) if out is not None else None
            if found is None:
                raise arg_error("out" if out is not None else "resume", str(out), "train.expected_checkpoint",
                                exc=FileNotFoundError)
            self.ckpt.restore(found).assert_existing_objects_matched()
            self.done = int(gan.epoch.numpy())
            saved = read_history(out) or {}
            self.history = _truncate_history(saved, self.done)
            self.history["steps_per_epoch"] = self.steps_per_epoch
        elif out is not None and latest_checkpoint(out) is not None:
            raise arg_error("out", str(out), "train.expected_out", exc=FileExistsError)
        if out is not None:
            folder = out / CHECKPOINT_FOLDER / model_dir(self.dataset_name, self.batch_size, gan.image_shape)
            if self.chief:
                (out / SAMPLES_FOLDER).mkdir(parents=True, exist_ok=True)
            else:
                self.scratch = pathlib.Path(tempfile.mkdtemp(prefix="gan_course-worker-"))
                folder = self.scratch
            self.manager = tf.train.CheckpointManager(self.ckpt, str(folder), max_to_keep=self.max_to_keep)
            if self.tensorboard and self.chief:
                self.writer = tf.summary.create_file_writer(str(out / "logs"))
        if self.verbose and resume:
            if self.epochs is not None and self.done >= self.epochs:
                print(t("train.nothing_to_do", epoch=self.done, epochs=self.epochs))
            else:
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
        ips = self.steps_per_epoch * self.batch_size / stats["seconds"]
        d, g = stats["d_loss"], stats["g_loss"]
        for key, val in (("epoch", epoch), ("d_loss", d), ("g_loss", g), ("total", d + g),
                         ("d_real", stats["d_real"]), ("d_fake", stats["d_fake"]),
                         ("seconds", round(stats["seconds"], 3)), ("images_per_second", round(ips, 1)),
                         ("augment_p", round(float(gan.augment_p.numpy()), 4))):
            h[key].append(val)
        if self.verbose:
            print(t("train.epoch_done", epoch=epoch, epochs=self.epochs if self.epochs is not None else "…",
                    d=d, g=g, dr=stats["d_real"], df=stats["d_fake"], s=stats["seconds"], ips=ips))
        if gan.ema_generator is not None:
            gan.recalibrate()
        scores = None
        if scorer is not None:
            scores = {k: float(v) for k, v in dict(scorer(gan.sampler)).items()}
            h["scores"].append({"epoch": epoch, **scores})
            if self.verbose:
                print(t("train.scores", epoch=epoch, scores=", ".join(f"{k} = {v:.3g}" for k, v in scores.items())))
        if self.out is not None:
            self.manager.save(checkpoint_number=epoch)  # every worker (the chief's copy is the one kept)
        if self.out is not None and self.chief:
            grid = gan.grid()
            _write_png(sample_path(self.out, epoch), grid)
            _write_json(self.out / HISTORY_FILE, h)
            if self.writer is not None:
                _tensorboard(self.writer, epoch, d, g, grid, scores)

    def interrupted(self, done, gif_ms):
        """After Ctrl+C: the history and the networks as the last saved epoch left them."""
        self.history = _truncate_history(self.history, done)
        self.history["stopped"] = "interrupted"
        if self.out is not None and self.manager.latest_checkpoint:
            self.ckpt.restore(self.manager.latest_checkpoint)
            if self.chief:
                _finish(self.out, self.gan, self.history, gif_ms)

    def close(self):
        """Remove a non-chief worker's temporary checkpoints."""
        if self.scratch is not None:
            shutil.rmtree(self.scratch, ignore_errors=True)
            self.scratch = None


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
        _atomic_write(out / GENERATOR_FILE, lambda p: gan.sampler.save(p))


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
