"""The trainer: a generator, a discriminator, their optimizers and the training step (the maths only).

:class:`GAN` is *the trainer*, a plain Python object (not a ``keras.Model``): its step is a
``tf.function`` written with two ``tf.GradientTape`` — the losses, the critic loop, the R1 and
gradient penalties, the EMA of G, ADA's augmentation and the replicas of ``tf.distribute``.  Nothing
here writes a file or prints: the loop (:func:`gan_course.train.fit`) and the ``keras.Model``
(:class:`gan_course.keras_gan.GANModel`, whose ``train_step`` calls :meth:`GAN.step`) drive it, and
both write the run folder through :mod:`gan_course.runfolder`.  ``gan_course.train.GAN`` is this class.

Visto en 06 §El paso de entrenamiento.
"""
from __future__ import annotations

import math

import numpy as np

from . import augment, distribute, losses, models, recipes
from ._tf import keras, tf
from .gif import image_grid
from .i18n import arg_error, register
from .validate import check_int

register({
    "step.expected_labels": {"es": "las etiquetas (0 … {k}-1) de las imágenes reales: este discriminador "
                                   "también aprende las clases",
                             "pt": "os rótulos (0 … {k}-1) das imagens reais: este discriminador também "
                                   "aprende as classes"},
    "step.expected_scores": {"es": "'bce' con un discriminador que termina en sigmoide (hinge y wgan-gp usan "
                                   "puntuaciones sin acotar)",
                             "pt": "'bce' com um discriminador que termina em sigmoide (hinge e wgan-gp usam "
                                   "pontuações sem limites)"},
    "step.expected_code": {"es": "un generador que elige entre las mismas {k} clases (build_pair(..., g_classes={k}) "
                                 "o conditional={k}): el discriminador recibe la clase de cada imagen",
                           "pt": "um gerador que escolhe entre as mesmas {k} classes (build_pair(..., g_classes={k}) "
                                 "ou conditional={k}): o discriminador recebe a classe de cada imagem"},
    "step.expected_critic": {"es": "un crítico sin normalización por lotes para wgan-gp (build_pair(..., "
                                   "d_batch_norm=False))",
                             "pt": "um crítico sem normalização em lote para wgan-gp (build_pair(..., "
                                   "d_batch_norm=False))"},
    "step.expected_option": {"es": "una de las opciones {names}", "pt": "uma das opções {names}"},
    "step.expected_form": {
        "es": "'auto' o la forma de salida del discriminador ('{actual}')",
        "pt": "'auto' ou o formato de saída do discriminador ('{actual}')",
    },
    "step.expected_scope": {
        "es": "una red creada dentro de strategy.scope(), como el GAN (sus variables deben copiarse en cada réplica)",
        "pt": "uma rede criada dentro de strategy.scope(), como o GAN (as suas variáveis devem ser copiadas em cada "
              "réplica)",
    },
})

AUGMENT_SPEED_IMAGES, AUGMENT_MAX_P = augment.SPEED_IMAGES, augment.MAX_P  # ADA's rule (gan_course.augment)
LOSS_KEYS = ("d_loss", "g_loss", "d_real", "d_fake")


class GAN:
    """The trainer: a generator and a discriminator with their optimizers and the explicit training step.

    A plain object, not a ``keras.Model`` (that is :class:`gan_course.keras_gan.GANModel`, which holds
    one of these).  The recipe (:data:`gan_course.recipes.RECIPES`: ``plain`` by default, the DCGAN
    step of lesson 06; ``course`` adds the EMA) gives every setting that is not passed:

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
    ``augment_shift`` pixels before D (filling with the colour of each image's border) with probability
    :attr:`augment_p`, raised while D is too sure of the real images (the sign of its logits
    above ``augment_target`` on average) and lowered otherwise; ``diffaugment`` transforms every
    real and generated image before D, differentiably, as Zhao et al. (2020) do for small data sets
    (their policy "color,translation,cutout": brightness, saturation and contrast, a shift of up to
    1/8 of the side filled with the image's border colour, a blank square of half the side);
    ``none`` switches it off.
    ``loss`` — ``"bce"``, ``"hinge"`` or ``"wgan-gp"`` (with ``gp_weight``); ``n_critic`` — D updates
    per G update (the critic loop of WGAN); ``class_weight`` — the weight of the class head's terms.
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
            raise arg_error(unknown[0], options[unknown[0]], "step.expected_option",
                            names=", ".join(recipes.STEP_FIELDS), exc=TypeError)
        #: the recipe with this trainer's options applied (:mod:`gan_course.recipes`)
        self.recipe = recipes.get(recipe, **options)
        self.options = o = self.recipe.step()
        self.generator, self.discriminator = generator, discriminator
        self._read_networks(form)
        # built inside strategy.scope(): every step runs on each replica (strategy.run); else one device
        self.strategy = tf.distribute.get_strategy() if tf.distribute.has_strategy() else None
        self.replicas = distribute.replicas(self.strategy)
        self._check_scope()
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
        self.augment_p = tf.Variable(1.0 if o["augment"] == "diffaugment" else 0.0, dtype=tf.float32,
                                     trainable=False, name="augment_p", aggregation=first)
        self.ema_generator = None
        if o["ema_half_life"] > 0:
            self.ema_generator = keras.models.clone_model(generator)
            self.ema_generator.set_weights(generator.get_weights())
        self._fixed_grid(int(seed), check_int("n_samples", n_samples, 1))
        spec = tf.TensorSpec([None, *self.image_shape], tf.float32)
        self.step_function = tf.function(self._global_step, input_signature=[spec, tf.TensorSpec([None], tf.int32)])
        self.steps_function = tf.function(self._many_steps, input_signature=[
            tf.TensorSpec([None, None, *self.image_shape], tf.float32), tf.TensorSpec([None, None], tf.int32)])

    def _read_networks(self, form):
        """What the networks are (output form, classes, conditions, shapes); refuses a pair the step cannot train."""
        generator, discriminator, o = self.generator, self.discriminator, self.options
        actual = models.discriminator_output(discriminator)
        if form not in ("auto", actual):
            raise arg_error("form", form, "step.expected_form", actual=actual)
        self.form = actual
        self.classes = models.discriminator_classes(discriminator)
        self.g_classes = models.generator_classes(generator)
        self.g_conditional = models.generator_conditional(generator)
        self.conditional = models.discriminator_conditional(discriminator)
        for k in (self.conditional, self.classes if self.g_classes else 0):
            if k and k != self.g_classes:  # D is told (or learns) the digit G was asked for
                raise arg_error("generator", generator.name, "step.expected_code", k=k)
        #: labels of the real images are needed (0 … label_classes-1) when D learns or is told them
        self.label_classes = max(self.classes, self.conditional)
        has_bn = any(isinstance(layer, keras.layers.BatchNormalization) for layer in discriminator.layers)
        if o["loss"] != "bce" and actual != "logits":
            raise arg_error("loss", o["loss"], "step.expected_scores")
        if o["loss"] == "wgan-gp" and has_bn:  # the penalty is per image: BN mixes the images of a batch
            raise arg_error("discriminator", discriminator.name, "step.expected_critic")
        self.z_dim = models.latent_dim(generator)
        self.image_shape = models.image_shape(discriminator)

    def _check_scope(self):
        """Under a strategy, both networks must have been built inside its scope."""
        if self.strategy is None:
            return
        for name, net in (("generator", self.generator), ("discriminator", self.discriminator)):
            if not all(self.strategy.extended.variable_created_in_scope(getattr(v, "value", v)) for v in net.weights):
                raise arg_error(name, net.name, "step.expected_scope")

    def _fixed_grid(self, seed, n_samples):
        """``fixed_z`` (and ``fixed_labels``): the latent vectors of the sample grid, one digit per row with a code."""
        grid_noise = tf.random.Generator.from_seed(seed + 1_000_003)
        fixed = grid_noise.normal([n_samples, self.z_dim])
        self.fixed_labels = None
        if self.g_classes:  # the grid shows one digit per row
            self.fixed_labels = tf.constant(grid_labels(n_samples, self.g_classes))
            if not self.g_conditional:
                fixed = _choose(fixed, self.fixed_labels, self.g_classes)
        self.fixed_z = tf.Variable(fixed, trainable=False, name="fixed_z")

    def train_step(self, real, labels=None):
        """One training step on the batch ``real`` (and its ``labels`` when D has a class head)."""
        real = tf.convert_to_tensor(real, tf.float32)
        return self.step_function(real, self.check_labels(labels, tf.shape(real)[:1]))

    def train_steps(self, batches, labels=None):
        """``len(batches)`` steps in one ``tf.function`` call; returns each step's losses as arrays."""
        batches = tf.convert_to_tensor(batches, tf.float32)
        return self.steps_function(batches, self.check_labels(labels, tf.shape(batches)[:2]))

    def check_labels(self, labels, shape):
        """``labels`` as int32, or zeros of ``shape`` when D needs none (refused when it needs them)."""
        if labels is None:
            if self.label_classes:
                raise arg_error("labels", labels, "step.expected_labels", k=self.label_classes)
            return tf.zeros(shape, tf.int32)
        return tf.cast(labels, tf.int32)

    @property
    def sampler(self):
        """The network that draws the samples: the EMA copy when there is one, else the generator."""
        return self.ema_generator if self.ema_generator is not None else self.generator

    # -- the step ------------------------------------------------------------------------
    def _draw_uniform(self, n):
        """``uniform(*shape, **kw)``: one draw of ``shape`` per image of an ``n``-image batch (seeded noise)."""
        return lambda *shape, **kw: self._draw(lambda m: self.noise.uniform([m, *shape], **kw), n)

    def augment(self, images):
        """What D is shown of a batch (float32 in [-1, 1], NHWC): the recipe's ``augment`` applied to it — ADA's
        translation (:func:`gan_course.augment.translate`, up to ``augment_shift`` pixels, each image with
        probability :attr:`augment_p`), DiffAugment, or the images as they are.  Real and generated images go
        through it alike, and it is differentiable, so G never learns the shifts.  Visto en 09 §Aumentar los datos."""
        kind, s = self.options["augment"], self.options["augment_shift"]
        uniform = self._draw_uniform(tf.shape(images)[0])
        if kind == "diffaugment":
            return augment.diffaugment(images, uniform)
        if kind != "translate":
            return images
        on = tf.cast(uniform(1) < self.augment_p, tf.int32)
        shift = uniform(2, minval=-s, maxval=s + 1, dtype=tf.int32) * on  # images not augmented stay where they are
        return augment.translate(images, shift, s)

    def _d(self, images, labels=None):
        images = self.augment(images)
        if self.conditional:
            return self.discriminator([images, labels], training=True)
        return self.discriminator(images, training=True)

    def step(self, real, labels):
        """One update of D (and of G when it is due) on this replica's batch; returns the batch's losses.

        Call it inside a ``tf.function`` (:meth:`train_step` does; so does ``GANModel.train_step``).
        The same generated batch feeds both tapes (as in the TensorFlow tutorial): D learns to
        tell ``real`` (label 1) from ``G(z)`` (label 0), G learns to make D say 1.  Every
        ``r1_every`` steps D's loss also gets the R1 penalty.  The critic loop: with ``n_critic > 1``
        G is updated on one step in ``n_critic`` (its gradients are computed on that step only); with
        ``g_steps > 1`` the generator then takes extra steps on fresh noise.  ``labels`` (int, one per
        real image) are used by a discriminator with a class head
        (:func:`gan_course.models.discriminator_classes`: D also learns the digit of each real image) or a
        projection (:func:`gan_course.models.discriminator_conditional`: D is told the digit).  Each fake's
        digit is the one its latent code chose (:func:`gan_course.models.generator_classes`), or a
        uniformly drawn label for a conditional generator; the class head then pushes G towards that
        digit (AC-GAN).  A generator without a code gets the ambiguity loss instead: digits D can name
        without doubt, all classes equally often (``class_weight``).  Visto en 07 §La cabeza de clases.
        """
        n = tf.shape(real)[0]
        n_all, share = self._share(n)
        z = self._latent(n)
        target = self._code(z)
        with tf.GradientTape() as g_tape, tf.GradientTape() as d_tape:
            fake = self._g(self.generator, z, target, training=True)
            real_out, fake_out = self._d(real, labels), self._d(fake, target)
            d_loss, g_loss, d_total, g_total = self._objectives(real, labels, fake, target, real_out, fake_out)
            d_total, g_total = self._part(d_total, share), self._part(g_total, share)
        self._update(d_tape.gradient(d_total, self.discriminator.trainable_variables), g_tape, g_total)
        for _ in range(self.options["g_steps"] - 1):  # J(G) reported: the last update's
            g_loss = self._generator_step(n, share)
        self.images_seen.assign_add(tf.cast(n_all, tf.float64))
        if self.ema_generator is not None:
            self._update_ema(n_all)
        if self.options["augment"] == "translate":
            self._adapt_augment(real_out[:, :1], n_all, share)
        to_prob = tf.sigmoid if self.form == "logits" and self.options["loss"] != "wgan-gp" else tf.identity
        res = {"d_loss": d_loss, "g_loss": g_loss,
               "d_real": tf.reduce_mean(to_prob(real_out[:, :1])), "d_fake": tf.reduce_mean(to_prob(fake_out[:, :1]))}
        return {k: self._part(v, share) for k, v in res.items()}

    def _objectives(self, real, labels, fake, target, real_out, fake_out):
        """``(J(D), J(G), D's total, G's total)``: the loss family plus penalties and class terms."""
        o = self.options
        penalty = tf.constant(0.0)
        if o["r1_gamma"] > 0:
            due = tf.equal(self.d_optimizer.iterations % o["r1_every"], 0)
            penalty = tf.cond(due, lambda: self._r1(real, labels), lambda: tf.constant(0.0))
        d_loss, g_loss = self._losses(real_out[:, :1], fake_out[:, :1])
        if o["loss"] == "wgan-gp":
            epsilon = self._draw(lambda m: self.noise.uniform([m, 1, 1, 1]), tf.shape(real)[0])
            penalty += o["gp_weight"] * losses.gradient_penalty(lambda x: self._d(x, labels), real, fake, epsilon)
        d_total = d_loss + penalty
        g_total = g_loss
        if self.classes:
            d_total += o["class_weight"] * losses.class_loss(real_out[:, 1:], labels)
            if self.g_classes:  # G is told which digit its code chose (AC-GAN)
                g_total += o["class_weight"] * losses.class_loss(fake_out[:, 1:], target)
            else:
                g_total += o["class_weight"] * losses.ambiguity(fake_out[:, 1:])
        return d_loss, g_loss, d_total, g_total

    def _update(self, d_grads, g_tape, g_total):
        """Apply D's gradients; G's too, computed from ``g_tape`` only on the steps G is updated."""
        G, D, n_critic = self.generator, self.discriminator, self.options["n_critic"]
        if n_critic == 1:
            g_grads = g_tape.gradient(g_total, G.trainable_variables)
            self.d_optimizer.apply_gradients(zip(d_grads, D.trainable_variables))
            self.g_optimizer.apply_gradients(zip(g_grads, G.trainable_variables))
            return
        # WGAN: n_critic critic updates for each generator update
        g_due = tf.equal(self.d_optimizer.iterations % n_critic, n_critic - 1)  # before D's update
        self.d_optimizer.apply_gradients(zip(d_grads, D.trainable_variables))
        tf.cond(g_due, lambda: self._apply_g(g_tape.gradient(g_total, G.trainable_variables)),
                lambda: tf.constant(False))

    def _generator_step(self, n, share):
        """One more update of G alone, on fresh noise (``g_steps > 1``); returns its J(G)."""
        G = self.generator
        z = self._latent(n)
        with tf.GradientTape() as tape:
            target = self._code(z)
            fake = self._g(G, z, target, training=True)
            g_loss = self._losses(None, self._d(fake, target)[:, :1])[1]
            g_part = self._part(g_loss, share)
        grads = tape.gradient(g_part, G.trainable_variables)
        self.g_optimizer.apply_gradients(zip(grads, G.trainable_variables))
        return g_loss

    def _latent(self, n):
        """This replica's ``n`` latent vectors, drawn for the whole batch (:func:`distribute.draw_for_batch`)."""
        return self._draw(lambda m: self.noise.normal([m, self.z_dim]), n)

    # -- replicas (tf.distribute) ---------------------------------------------------------
    def _share(self, n):
        return distribute.batch_share(n, self.replicas)

    @staticmethod
    def _part(value, share):
        return distribute.weighted(value, share)

    def _draw(self, draw, n):
        return distribute.draw_for_batch(draw, n, self.replicas)

    def _global_step(self, real, labels):
        """One step on a global batch: on one device as it is, else each replica on its slice."""
        if self.strategy is None:
            return self.step(real, labels)
        parts = self.strategy.run(self._replica_step, args=(real, labels))
        return {k: self.strategy.reduce(tf.distribute.ReduceOp.SUM, v, axis=None) for k, v in parts.items()}

    def _replica_step(self, real, labels):
        """This replica's rows of the global batch (replica i of R: rows n·i/R … n·(i+1)/R), then the step."""
        ctx = tf.distribute.get_replica_context()
        n, i = tf.shape(real)[0], ctx.replica_id_in_sync_group
        lo, hi = n * i // self.replicas, n * (i + 1) // self.replicas
        return self.step(real[lo:hi], labels[lo:hi])

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
        """ADA's rule (:func:`gan_course.augment.next_p`) on this batch's verdicts on the real images."""
        logits = real_out if self.form == "logits" else tf.math.log(real_out / (1 - real_out))
        overfit = tf.reduce_mean(tf.sign(logits))
        if share is not None:  # the mean over the whole batch, the same on every replica
            overfit = tf.distribute.get_replica_context().all_reduce(tf.distribute.ReduceOp.SUM, overfit * share)
        self.augment_p.assign(augment.next_p(self.augment_p, logits, n, self.options["augment_target"], overfit))

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
            z = self.noise.normal([check_int("n", n, 1), self.z_dim])
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
