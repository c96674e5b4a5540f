"""What a built network is, read from its layers (so it also holds for a model loaded from disk).

The trainer (:class:`gan_course.train.GAN`) reads a pair of networks with these: the output form of D
(logits or probabilities), the classes G's code chooses from and D learns or is told, the latent size,
the image shape.  :func:`reset_weights` re-draws a model's weights in place.  All of them are also
reachable as ``gan_course.models.<name>``.
"""
from __future__ import annotations

import numpy as np

from ._tf import keras
from .i18n import arg_error, register
from .validate import check_int

register({
    "netinfo.expected_model": {"es": "un modelo de Keras", "pt": "um modelo do Keras"},
    "netinfo.expected_pair": {
        "es": "un generador cuya salida tenga la forma de entrada del discriminador {shape}",
        "pt": "um gerador cuja saída tenha o formato de entrada do discriminador {shape}",
    },
})


def discriminator_conditional(discriminator) -> int:
    """Number of classes a conditional discriminator is told (its second input: projection or concatenation);
    0 for one input."""
    check_model("discriminator", discriminator)
    if len(discriminator.inputs) < 2:
        return 0
    for layer in discriminator.layers:
        if layer.name == "label_embedding":
            return int(layer.input_dim)
        if layer.name == "label_onehot":
            return int(layer.num_tokens)
    return 0


def generator_conditional(generator) -> int:
    """Number of classes a conditional generator takes as its second input (0 for one input)."""
    check_model("generator", generator)
    return generator_classes(generator) if len(generator.inputs) > 1 else 0


def generator_classes(generator) -> int:
    """Number of classes the generator's one-hot code chooses from (0 for a plain generator).

    The code comes from the largest of the first k numbers of z (one input) or from the label
    input of a conditional generator (:func:`generator_conditional`).
    """
    check_model("generator", generator)
    for layer in generator.layers:
        if layer.name == "code":
            return int(layer.output.shape[-1])
    return 0


def discriminator_classes(discriminator) -> int:
    """Number of class logits after D's real/fake logit (0 for a plain discriminator).

    Visto en 07 §La cabeza de clases.
    """
    check_model("discriminator", discriminator)
    return int(discriminator.outputs[0].shape[-1]) - 1


def check_model(name, model):
    if not isinstance(model, keras.Model):
        raise arg_error(name, model, "netinfo.expected_model")


def discriminator_output(discriminator) -> str:
    """``"probability"`` if the discriminator's last layer ends in a sigmoid, else ``"logits"``.

    Read from the layers themselves, so it also holds for a model loaded from disk.  The
    trainer uses it to pick the matching loss form.  Visto en 06 §Logits o probabilidades.
    """
    check_model("discriminator", discriminator)
    last = discriminator.layers[-1]
    act = getattr(last, "activation", None)
    if act is not None and getattr(act, "__name__", "") == "sigmoid":
        return "probability"
    return "logits"


def latent_dim(generator) -> int:
    """Size of the generator's latent vector z (its input)."""
    check_model("generator", generator)
    return int(generator.inputs[0].shape[-1])


def image_shape(model) -> tuple:
    """(H, W, C) a generator produces or a discriminator reads."""
    check_model("model", model)
    shape = model.outputs[0].shape if len(model.outputs[0].shape) == 4 else model.inputs[0].shape
    return tuple(int(v) for v in shape[1:])


def check_pair(generator, discriminator) -> None:
    """Raise if ``generator``'s images do not fit ``discriminator``'s input (shape check)."""
    check_model("generator", generator)
    check_model("discriminator", discriminator)
    d_in = tuple(int(v) for v in discriminator.inputs[0].shape[1:])
    g_out = tuple(int(v) for v in generator.outputs[0].shape[1:])
    if g_out != d_in:
        raise arg_error("generator", f"{generator.name} → {g_out}", "netinfo.expected_pair", shape=d_in)


def reset_weights(model, seed: int | None = None):
    """Re-draw every weight of ``model`` in place from its layers' own initializers; returns the model.

    Kernels and biases get fresh values, batch-normalization statistics go back to mean 0 /
    variance 1, so an experiment cell can be re-run without rebuilding the networks.  With
    ``seed`` the new weights are reproducible; without it they come from Keras' global seed
    (``gan_course.seed_everything``).  Optimizers keep their own state: make new ones (or a new
    :class:`gan_course.train.GAN`) after a reset.  Visto en 05 §Experimento.
    """
    check_model("model", model)
    if seed is not None:
        seed = check_int("seed", seed, 0)
    rng = np.random.default_rng(seed) if seed is not None else None
    for layer in _all_layers(model):
        for attr in ("kernel", "bias", "gamma", "beta", "moving_mean", "moving_variance"):
            var = getattr(layer, attr, None)
            init = getattr(layer, f"{attr}_initializer", None)
            if var is None or init is None:
                continue
            init = keras.initializers.get(init)
            config = init.get_config()
            if "seed" in config:
                new_seed = int(rng.integers(2**31)) if rng is not None else int(np.random.randint(2**31))
                init = init.__class__.from_config({**config, "seed": new_seed})
            var.assign(init(tuple(var.shape), dtype=var.dtype))
    return model


def _all_layers(model):
    for layer in model.layers:
        if isinstance(layer, keras.Model):
            yield from _all_layers(layer)
        else:
            yield layer
