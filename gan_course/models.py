"""Generators and discriminators of the course, all built with ``keras.Input`` and plain Keras layers.

Three families of networks, one builder pair each (``*_generator(...)`` / ``*_discriminator(...)``):

* ``dcgan``    — the DCGAN paper's rules (Radford et al., 2016): strided convolutions instead of
  pooling, transposed convolutions (or resize + convolution) in G, batch normalization everywhere
  except G's output and D's input, ReLU in G, LeakyReLU 0.2 in D, weights drawn from N(0, 0.02).
  Parameterised by the image shape (28×28×1, 32×32×3, 64×64×3, …), the kernel sizes, the widths
  and the class signals (latent code, class head, projection, concatenation).  Visto en 05 y 06.
* ``rivera``   — the MNIST pair of the Spanish notebook (Mariano Rivera): latent size 20,
  Dense → 7×7×256, 3×3 transposed convolutions, LeakyReLU 0.01, ``tanh`` output; a
  discriminator 32 → 64 → 128 with batch normalization and a **sigmoid** output (probabilities).
  Visto en 06 §Logits o probabilidades.
* ``tutorial`` — the TensorFlow DCGAN tutorial's pair (5×5 kernels, G 256 → 128 → 64, D with
  dropout), kept for comparisons (benchmarks, lesson 06).

Which family, with which settings, is a *recipe* (:mod:`gan_course.recipes`: ``course``, ``selfcond``,
``plain``, ``colour`` …); :func:`build_pair` builds the networks of a recipe.

Discriminators return **logits** (no sigmoid) unless built with ``output="probability"``;
:func:`discriminator_output` tells which, by looking at the last layer, so the trainer picks the
matching loss form by itself (:mod:`gan_course.losses`).  Generators end in ``tanh``: images in
[-1, 1], NHWC.  Every layer is a stock Keras layer, so a saved generator loads with plain
``keras.models.load_model`` (no ``gan_course`` import needed).

:func:`reset_weights` re-draws a model's weights
in place (re-run an experiment cell without rebuilding anything).
"""
from __future__ import annotations

import functools
import inspect

from . import netinfo
from . import recipes as _recipes
from ._tf import keras
from .i18n import arg_error, register
from .validate import check_choice, check_int

register({
    "models.expected_family": {
        "es": "uno de {names}",
        "pt": "um de {names}",
    },
    "models.expected_shape": {
        "es": "una forma (alto, ancho, canales) cuadrada, con canales 1 o 3 y un lado n·2^k (k ≥ 1, 3 ≤ n ≤ 7), "
              "p. ej. (28, 28, 1), (32, 32, 3), (64, 64, 3)",
        "pt": "um formato (altura, largura, canais) quadrado, com canais 1 ou 3 e lado n·2^k (k ≥ 1, 3 ≤ n ≤ 7), "
              "p. ex. (28, 28, 1), (32, 32, 3), (64, 64, 3)",
    },
    "models.expected_mnist_shape": {
        "es": "(28, 28, 1): este par solo existe para MNIST",
        "pt": "(28, 28, 1): este par só existe para o MNIST",
    },
    "models.expected_code": {"es": "un entero entre 2 y z_dim ({z_dim}): el código se lee de los primeros "
                                   "números de z",
                             "pt": "um inteiro entre 2 e z_dim ({z_dim}): o código é lido dos primeiros "
                                   "números de z"},
    "models.expected_output": {"es": "'logits' o 'probability'", "pt": "'logits' ou 'probability'"},
    "models.expected_name": {"es": "un nombre (texto no vacío)", "pt": "um nome (texto não vazio)"},
    "models.expected_bool": {"es": "True o False", "pt": "True ou False"},
    "models.expected_class_logits": {"es": "'logits' (un discriminador con clases devuelve logits)",
                                     "pt": "'logits' (um discriminador com classes devolve logits)"},
    "models.expected_one_condition": {"es": "0 cuando projection ya le dice el dígito a D (una sola forma de "
                                            "condicionar)",
                                      "pt": "0 quando projection já diz o dígito a D (uma só forma de "
                                            "condicionar)"},
})

MNIST_SHAPE = (28, 28, 1)

#: ``softmax(CODE_SHARPNESS · z[:k])``: the one-hot code of the largest of the first k numbers of z
#: (k Gaussians: each is the largest with probability 1/k).  Visto en 07 §El código latente.
CODE_SHARPNESS = 1000.0

#: What a built network is (:mod:`gan_course.netinfo`), also reachable here as the lessons use it.
check_pair, reset_weights, latent_dim, image_shape = (netinfo.check_pair, netinfo.reset_weights, netinfo.latent_dim,
                                                      netinfo.image_shape)
discriminator_output, discriminator_classes, discriminator_conditional = (
    netinfo.discriminator_output, netinfo.discriminator_classes, netinfo.discriminator_conditional)
generator_classes, generator_conditional = netinfo.generator_classes, netinfo.generator_conditional

#: The recipes live in :mod:`gan_course.recipes` (one frozen record each); this is the same table.
RECIPES = _recipes.RECIPES


def _init():
    """N(0, 0.02), the DCGAN paper's initialisation (fresh seed from Keras' global seed)."""
    return keras.initializers.RandomNormal(mean=0.0, stddev=0.02)


def _gamma_init():
    return keras.initializers.RandomNormal(mean=1.0, stddev=0.02)


def _bn(name):
    return keras.layers.BatchNormalization(gamma_initializer=_gamma_init(), name=name)


def _checked_builder(builder):
    """A network builder whose ``name`` must be a non-empty string and ``batch_norm`` a bool (checked before Keras
    sees them, so the message names the argument in the active language)."""
    signature = inspect.signature(builder)

    @functools.wraps(builder)
    def build(*args, **kwargs):
        for key, value in signature.bind_partial(*args, **kwargs).arguments.items():
            if key == "name" and not (isinstance(value, str) and value):
                raise arg_error("name", value, "models.expected_name")
            if key == "batch_norm" and not isinstance(value, bool):
                raise arg_error("batch_norm", value, "models.expected_bool")
        return builder(*args, **kwargs)

    return build


def _check_output(output):
    if output not in ("logits", "probability"):
        raise arg_error("output", output, "models.expected_output")


def _check_mnist(image_shape):
    if tuple(image_shape) != MNIST_SHAPE:
        raise arg_error("image_shape", image_shape, "models.expected_mnist_shape")


#: How the DCGAN generator doubles its picture: a stride-2 transposed convolution (the paper) or
#: nearest-neighbour resize + convolution (no uneven overlap; learned weights can still paint a checkerboard).
UPSAMPLES = ("transpose", "resize")


def upsampling_plan(image_shape) -> tuple[int, int]:
    """``(start, steps)``: the generator starts at ``start×start`` and doubles ``steps`` times.

    28 → (7, 2), 32 → (4, 3), 64 → (4, 4), 48 → (6, 3).  The discriminator mirrors it (``steps``
    stride-2 convolutions down to ``start×start``).  Visto en 05 §Arquitectura DCGAN.
    """
    try:
        h, w, c = (int(v) for v in image_shape)
    except (TypeError, ValueError):
        raise arg_error("image_shape", image_shape, "models.expected_shape") from None
    if h != w or c not in (1, 3) or h < 6:
        raise arg_error("image_shape", image_shape, "models.expected_shape")
    start, steps = h, 0
    while start % 2 == 0 and start > 7:
        start //= 2
        steps += 1
    if steps < 1 or not 3 <= start <= 7:
        raise arg_error("image_shape", image_shape, "models.expected_shape")
    return start, steps


# --------------------------------------------------------------------------- DCGAN family
@_checked_builder
def dcgan_generator(image_shape=MNIST_SHAPE, z_dim: int = 100, *, width: int = 64, kernel_size: int = 5,
                    batch_norm: bool = True, upsample: str = "transpose", classes: int = 0,
                    conditional: int = 0, name: str = "generator"):
    """DCGAN generator: Dense → start×start×(width·2^(steps-1)), then stride-2 transposed convolutions.

    Each upsampling halves the number of filters (… → 2·width → width) and the last one produces
    the image's channels with ``tanh``.  ReLU and batch normalization between layers
    (``batch_norm=False`` drops every BN layer, for lesson 05's comparison); no BN on the output.
    28×28×1 with ``width=64``: 7×7×128 → 14×14×64 → 28×28×1.
    ``upsample="resize"`` doubles each side by repeating pixels (nearest neighbour) and then applies a
    stride-1 convolution of ``kernel_size`` (Odena et al., 2016): every output pixel sees the same
    number of input pixels, so no uneven overlap — but not no checkerboard: the two output phases get the
    taps (w0, w1 + w2) and (w0 + w1, w2), equal only in their sums (lesson 03).  It costs more: per output pixel and
    pair of channels, a k×k convolution after the resize does k² multiply-adds, a stride-2 transposed
    convolution with a k×k kernel only k²/4 (3×3 after resizing: 9; 4×4 transposed: 4, so 2.25×).
    ``classes=k``: the first k numbers of z choose a digit, a one-hot code
    ``softmax(CODE_SHARPNESS · z[:k])`` (a fixed ``Dense`` + ``Softmax``) concatenated with z; the
    generator still takes noise only.  ``conditional=k``: a second input, the digit (int), one-hot
    encoded (``CategoryEncoding``) and concatenated with z: ``G([z, label])``.  Plain Keras layers
    either way: ``keras.models.load_model`` loads the saved generator alone.
    Visto en 05 §Reglas DCGAN, 03 §Artefactos de tablero de ajedrez, 07 §Entran las etiquetas y 09 §El
    generador de las diapositivas.
    """
    start, steps = upsampling_plan(image_shape)
    check_choice("upsample", upsample, UPSAMPLES)
    z_dim = check_int("z_dim", z_dim, 1)
    width = check_int("width", width, 1)
    kernel_size = check_int("kernel_size", kernel_size, 2)
    channels = int(image_shape[-1])
    filters = width * 2 ** (steps - 1)

    inputs, x = _generator_input(z_dim, classes, conditional)
    x = keras.layers.Dense(start * start * filters, use_bias=not batch_norm, kernel_initializer=_init(),
                           name="project")(x)
    x = keras.layers.Reshape((start, start, filters), name="reshape")(x)
    if batch_norm:
        x = _bn("bn_0")(x)
    x = keras.layers.ReLU(name="relu_0")(x)
    for i in range(1, steps):
        filters //= 2
        x = _upsample(x, filters, f"up_{i}", upsample, kernel_size, use_bias=not batch_norm)
        if batch_norm:
            x = _bn(f"bn_{i}")(x)
        x = keras.layers.ReLU(name=f"relu_{i}")(x)
    image = _upsample(x, channels, "image", upsample, kernel_size, activation="tanh")
    return keras.Model(inputs, image, name=name)


def _generator_input(z_dim, classes, conditional):
    """``(inputs, x)``: z alone, z with the one-hot of a second input (``conditional``), or z with its code."""
    z = keras.Input((z_dim,), name="z")
    inputs, x = z, z
    if conditional:  # a second input, the digit to draw (an integer), as a one-hot code
        conditional = check_int("conditional", conditional, 2)
        label = keras.Input((), dtype="int32", name="label")
        code = keras.layers.CategoryEncoding(conditional, output_mode="one_hot", name="code")(label)
        inputs, x = [z, label], keras.layers.Concatenate(name="z_code")([z, code])
    elif classes:  # the first `classes` numbers of z choose a digit: the largest wins (a one-hot code)
        classes = check_int("classes", classes, 2, z_dim, expected="models.expected_code", z_dim=z_dim)
        pick = keras.layers.Dense(classes, use_bias=False, trainable=False, name="code_pick",
                                  kernel_initializer=keras.initializers.Identity(gain=CODE_SHARPNESS))(z)
        code = keras.layers.Softmax(name="code")(pick)
        x = keras.layers.Concatenate(name="z_code")([z, code])
    return inputs, x


def _upsample(x, filters, name, upsample, kernel_size, **kw):
    """Double each side: a stride-2 transposed convolution, or a nearest-neighbour resize and a convolution."""
    if upsample == "transpose":
        return keras.layers.Conv2DTranspose(filters, kernel_size, strides=2, padding="same",
                                            kernel_initializer=_init(), name=name, **kw)(x)
    x = keras.layers.UpSampling2D(2, interpolation="nearest", name=f"{name}_resize")(x)
    return keras.layers.Conv2D(filters, kernel_size, padding="same", kernel_initializer=_init(), name=name,
                               **kw)(x)


@_checked_builder
def dcgan_discriminator(image_shape=MNIST_SHAPE, *, width: int = 64, kernel_size: int = 5,
                        output: str = "logits", batch_norm: bool = True, classes: int = 0,
                        projection: int = 0, concat: int = 0, spectral_norm: bool = False,
                        name: str = "discriminator"):
    """DCGAN discriminator: stride-2 convolutions width → 2·width → …, LeakyReLU 0.2, one output.

    No pooling (the strides downsample), no BN on the input layer, BN after every other
    convolution.  No convolution has a bias: BN cancels it, and on the first layer TensorFlow
    2.21's graph optimizer fails on Conv2D + bias + LeakyReLU when gradients flow back through
    D (it prints ``remapper failed`` on stderr and skips its layer fusions).  Returns logits by
    default; ``output="probability"`` ends in a sigmoid (then
    train with the probability form of the losses).  ``classes=k`` adds k class logits after the
    real/fake logit.  ``projection=k`` adds a second input, the digit ``y`` (int), and the
    real/fake logit becomes ``w·φ(x) + b + e_y·φ(x)`` with ``e_y`` a learned row per digit
    (an ``Embedding``; Miyato & Koyama 2018): D judges "a real y?".  ``concat=k`` is the other way
    to tell D the digit (Mirza & Osindero 2014; carpedm20's ``conv_cond_concat``): the one-hot of
    ``y`` as k constant image channels, concatenated with the image before the first convolution.
    ``spectral_norm=True`` wraps every convolution and dense layer in ``keras.layers.SpectralNormalization``
    (Miyato et al. 2018: each weight matrix divided by its largest singular value, estimated by one power
    iteration per training step), the hinge recipe of its paper.
    Visto en 05 §Reglas DCGAN, 07 §Entran las etiquetas y 10 §Tres maneras de condicionar.
    """
    start, steps = upsampling_plan(image_shape)
    width = check_int("width", width, 1)
    kernel_size = check_int("kernel_size", kernel_size, 2)
    _check_output(output)
    image = keras.Input(tuple(int(v) for v in image_shape), name="image")
    x = image
    filters = width
    if projection:
        projection = check_int("projection", projection, 2)
        if output != "logits":
            raise arg_error("output", output, "models.expected_class_logits")
    label = None
    if concat:  # CGAN: "this is meant to be a 7" as 10 constant channels, one of them all ones
        concat = check_int("concat", concat, 2)
        if projection:
            raise arg_error("concat", concat, "models.expected_one_condition")
        label, x = _label_channels(x, concat, image_shape)
    sn = _spectral if spectral_norm else (lambda layer: layer)
    for i in range(steps):
        x = sn(keras.layers.Conv2D(filters, kernel_size, strides=2, padding="same", use_bias=False,
                                   kernel_initializer=_init(), name=f"down_{i}"))(x)
        if i > 0 and batch_norm:
            x = _bn(f"bn_{i}")(x)
        x = keras.layers.LeakyReLU(negative_slope=0.2, name=f"lrelu_{i}")(x)
        filters *= 2
    x = keras.layers.Flatten(name="flatten")(x)
    if classes:  # one real/fake logit, then one logit per class (a "semi-supervised" discriminator)
        classes = check_int("classes", classes, 2)
        if output != "logits":
            raise arg_error("output", output, "models.expected_class_logits")
    if projection:
        label, score = _projection_head(x, projection, classes, sn)
        return keras.Model([image, label], score, name=name)
    out = sn(keras.layers.Dense(1 + classes, activation="sigmoid" if output == "probability" else None,
                                kernel_initializer=_init(), name=output))(x)
    return keras.Model(image if label is None else [image, label], out, name=name)


def _spectral(layer):
    """``layer`` wrapped in ``keras.layers.SpectralNormalization`` (named after it, so summaries stay readable)."""
    return keras.layers.SpectralNormalization(layer, name=f"sn_{layer.name}")


def _label_channels(x, concat, image_shape):
    """``(label input, x with the label's one-hot as ``concat`` constant channels)`` (Mirza & Osindero)."""
    label = keras.layers.Input((), dtype="int32", name="label")
    maps = keras.layers.CategoryEncoding(concat, output_mode="one_hot", name="label_onehot")(label)
    maps = keras.layers.Reshape((1, 1, concat), name="label_pixel")(maps)
    maps = keras.layers.UpSampling2D(tuple(int(v) for v in image_shape[:2]), name="label_maps")(maps)
    return label, keras.layers.Concatenate(name="image_label")([x, maps])


def _projection_head(x, projection, classes, sn=lambda layer: layer):
    """``(label input, logits)``: Miyato & Koyama 2018, logit = ψ(φ(x)) + ⟨embed(y), φ(x)⟩ — "is this a real 7?";
    then the class logits when ``classes``."""
    label = keras.layers.Input((), dtype="int32", name="label")
    embed = keras.layers.Embedding(projection, int(x.shape[-1]), embeddings_initializer=_init(),
                                   name="label_embedding")(label)
    score = keras.layers.Add(name="real_logit")([
        sn(keras.layers.Dense(1, kernel_initializer=_init(), name="unconditional"))(x),
        keras.layers.Dot(axes=1, name="projection")([embed, x])])
    if classes:
        head = sn(keras.layers.Dense(classes, kernel_initializer=_init(), name="class_logits"))(x)
        score = keras.layers.Concatenate(name="logits")([score, head])
    return label, score


@_checked_builder
def course_generator(z_dim: int = 100, *, batch_norm: bool = True, name: str = "generator"):
    """The MNIST generator of lessons 05–06 (the ``plain`` recipe): DCGAN, 4×4 kernels, 7×7×128 → 14×14×64 → 28×28×1.

    The ``course`` recipe uses the same layers with half the filters and adds the latent code
    (``build_pair("course")``: the first 10 numbers of z choose the digit).  Visto en 06 §Las dos redes.
    """
    r = RECIPES["course"]
    return dcgan_generator(MNIST_SHAPE, z_dim, width=64, kernel_size=r["kernel_size"], batch_norm=batch_norm,
                           name=name)


@_checked_builder
def course_discriminator(*, classes: int = 0, output: str = "logits", name: str = "discriminator"):
    """The discriminator of lessons 05–06: 3×3 stride-2 convolutions 64 → 128, then one logit.

    ``classes=10`` adds the class head of the ``course`` recipe (10 more logits); the default is
    the ``plain`` recipe's single logit.  Visto en 06 §Las dos redes y 07 §La cabeza de clases.
    """
    return dcgan_discriminator(MNIST_SHAPE, width=64, kernel_size=RECIPES["course"]["d_kernel_size"],
                               classes=classes, output=output, name=name)


# --------------------------------------------------------------------------- Spanish notebook
@_checked_builder
def rivera_generator(z_dim: int = 20, *, batch_norm: bool = True, name: str = "generator"):
    """The Spanish notebook's generator: z (20) → Dense 7×7×256 → 3×3 transposed convs 128, 64 → 1.

    LeakyReLU with slope 0.01 and batch normalization between layers, ``tanh`` output
    (28×28×1).  Visto en 06 §Logits o probabilidades.
    """
    z_dim = check_int("z_dim", z_dim, 1)
    z = keras.Input((z_dim,), name="z")
    x = keras.layers.Dense(7 * 7 * 256, use_bias=not batch_norm, name="project")(z)
    x = keras.layers.Reshape((7, 7, 256), name="reshape")(x)
    for i, (filters, stride) in enumerate([(None, None), (128, 1), (64, 2)]):
        if filters is not None:
            x = keras.layers.Conv2DTranspose(filters, 3, strides=stride, padding="same", use_bias=not batch_norm,
                                             name=f"up_{i}")(x)
        if batch_norm:
            x = keras.layers.BatchNormalization(name=f"bn_{i}")(x)
        x = keras.layers.LeakyReLU(negative_slope=0.01, name=f"lrelu_{i}")(x)
    image = keras.layers.Conv2DTranspose(1, 3, strides=2, padding="same", activation="tanh", name="image")(x)
    return keras.Model(z, image, name=name)


@_checked_builder
def rivera_discriminator(*, output: str = "probability", name: str = "discriminator"):
    """The Spanish notebook's discriminator: 3×3 stride-2 convolutions 32 → 64 → 128 with BN.

    As in the notebook it ends in a **sigmoid** (``output="probability"``): pair it with the
    probability form of the losses — the trainer does so by itself; applying
    ``BinaryCrossentropy(from_logits=True)`` to it, the notebook's slip, is refused.
    ``output="logits"`` drops the sigmoid.  The convolutions have no bias (see
    :func:`dcgan_discriminator`).  Visto en 06 §Logits o probabilidades.
    """
    _check_output(output)
    image = keras.Input(MNIST_SHAPE, name="image")
    x = image
    for i, filters in enumerate((32, 64, 128)):
        x = keras.layers.Conv2D(filters, 3, strides=2, padding="same", use_bias=False, name=f"down_{i}")(x)
        if i > 0:
            x = keras.layers.BatchNormalization(name=f"bn_{i}")(x)
        x = keras.layers.LeakyReLU(negative_slope=0.01, name=f"lrelu_{i}")(x)
    x = keras.layers.Flatten(name="flatten")(x)
    out = keras.layers.Dense(1, activation="sigmoid" if output == "probability" else None, name=output)(x)
    return keras.Model(image, out, name=name)


# --------------------------------------------------------------------------- TensorFlow tutorial
@_checked_builder
def tutorial_generator(z_dim: int = 100, *, name: str = "generator"):
    """The TensorFlow DCGAN tutorial's generator (5×5 kernels, 7×7×256 → 128 → 64 → 28×28×1).

    Kept as published (LeakyReLU with Keras' default slope 0.3, Glorot initialisation) to
    compare recipes.  Visto en 06 §De la presentación al paquete.
    """
    z_dim = check_int("z_dim", z_dim, 1)
    z = keras.Input((z_dim,), name="z")
    x = keras.layers.Dense(7 * 7 * 256, use_bias=False, name="project")(z)
    x = keras.layers.BatchNormalization(name="bn_0")(x)
    x = keras.layers.LeakyReLU(negative_slope=0.3, name="lrelu_0")(x)
    x = keras.layers.Reshape((7, 7, 256), name="reshape")(x)
    for i, (filters, stride) in enumerate([(128, 1), (64, 2)], start=1):
        x = keras.layers.Conv2DTranspose(filters, 5, strides=stride, padding="same", use_bias=False,
                                         name=f"up_{i}")(x)
        x = keras.layers.BatchNormalization(name=f"bn_{i}")(x)
        x = keras.layers.LeakyReLU(negative_slope=0.3, name=f"lrelu_{i}")(x)
    image = keras.layers.Conv2DTranspose(1, 5, strides=2, padding="same", use_bias=False, activation="tanh",
                                         name="image")(x)
    return keras.Model(z, image, name=name)


@_checked_builder
def tutorial_discriminator(*, output: str = "logits", name: str = "discriminator"):
    """The TensorFlow DCGAN tutorial's discriminator: 5×5 convs 64 → 128, LeakyReLU, dropout 0.3, a logit.

    Visto en 06 §De la presentación al paquete.
    """
    _check_output(output)
    image = keras.Input(MNIST_SHAPE, name="image")
    x = image
    for i, filters in enumerate((64, 128)):
        x = keras.layers.Conv2D(filters, 5, strides=2, padding="same", name=f"down_{i}")(x)
        x = keras.layers.LeakyReLU(negative_slope=0.3, name=f"lrelu_{i}")(x)
        x = keras.layers.Dropout(0.3, name=f"dropout_{i}")(x)
    x = keras.layers.Flatten(name="flatten")(x)
    out = keras.layers.Dense(1, activation="sigmoid" if output == "probability" else None, name=output)(x)
    return keras.Model(image, out, name=name)


# --------------------------------------------------------------------------- by recipe
def build_pair(recipe="course", image_shape=MNIST_SHAPE, **overrides):
    """``(generator, discriminator)`` of ``recipe`` (a name of :data:`gan_course.recipes.RECIPES` or a
    :class:`gan_course.recipes.Recipe`) for images of ``image_shape``.

    ``overrides`` are fields of the recipe's networks (``kernel_size=5``, ``d_batch_norm=False``,
    ``projection=0, concat=10`` …); every value not given comes from the recipe.  The ``dcgan`` family
    takes any shape that :func:`upsampling_plan` accepts; ``rivera`` and ``tutorial`` exist for 28×28×1
    only.  :func:`gan_course.recipes.build` also makes the trainer.  Visto en 06 §Las dos redes.
    """
    r = _recipes.get(recipe, **overrides)
    if r.family == "dcgan":
        return (dcgan_generator(image_shape, r.z_dim, width=r.width, kernel_size=r.kernel_size,
                                batch_norm=r.batch_norm, upsample=r.upsample, classes=r.g_classes,
                                conditional=r.conditional),
                dcgan_discriminator(image_shape, width=r.d_width or r.width,
                                    kernel_size=r.d_kernel_size or r.kernel_size, output=r.output,
                                    batch_norm=r.d_batch_norm, classes=r.classes, projection=r.projection,
                                    concat=r.concat, spectral_norm=r.d_spectral_norm))
    _check_mnist(image_shape)
    if r.family == "rivera":
        return rivera_generator(r.z_dim, batch_norm=r.batch_norm), rivera_discriminator(output=r.output)
    return tutorial_generator(r.z_dim), tutorial_discriminator(output=r.output)
