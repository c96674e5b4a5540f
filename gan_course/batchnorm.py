"""Batch normalization in plain NumPy: forward pass, backward pass, moving statistics, inference.

Each function is one step of lesson 05, written to be *read*, computed in float64 whatever the
input's dtype, and checked by the tests against ``keras.layers.BatchNormalization`` (values,
moving averages, gradients from ``tf.GradientTape``) and against finite differences.

Keras conventions, which differ from PyTorch's:

* ``epsilon = 1e-3`` (PyTorch: 1e-5);
* ``momentum = 0.99`` is the weight of the *old* moving value:
  ``moving = momentum · moving + (1 − momentum) · batch`` (PyTorch's ``momentum=0.1`` is the weight
  of the *new* value);
* the moving variance is updated with the **biased** batch variance (divided by ``m``, the same one
  used to normalise), while PyTorch uses the unbiased one (divided by ``m − 1``).

``axis`` is the channel (feature) axis, as in Keras (``-1`` for dense ``(N, C)`` and NHWC
``(N, H, W, C)`` inputs): there is one ``γ``, one ``β`` and one mean/variance per channel, and the
statistics of a channel are taken over every other axis — the ``m = N`` examples of a dense layer,
or the ``m = N·H·W`` pixels of a convolutional one.

Visto en 05 §Las ecuaciones (4)–(7), 05 §Hacia atrás: las derivadas paso a paso y 05 §Medias móviles.
"""
from __future__ import annotations

import numpy as np

from .i18n import arg_error, register
from .validate import check_array, check_float, is_int

__all__ = ["batchnorm_forward", "batchnorm_backward", "update_moving", "batchnorm_inference",
           "EPSILON", "MOMENTUM"]

EPSILON = 1e-3   # keras.layers.BatchNormalization's default
MOMENTUM = 0.99  # idem

register({
    "bn.expected_input": {
        "es": "un arreglo de números con al menos 2 ejes: (N, C) o (N, H, W, C)",
        "pt": "um array de números com pelo menos 2 eixos: (N, C) ou (N, H, W, C)",
    },
    "bn.expected_axis": {
        "es": "el eje de los canales: un entero entre 1 y {last} (o entre -{ndim} y -1, sin el eje 0 del lote)",
        "pt": "o eixo dos canais: um inteiro entre 1 e {last} (ou entre -{ndim} e -1, sem o eixo 0 do lote)",
    },
    "bn.expected_params": {
        "es": "un vector de {c} números, uno por canal (la entrada tiene {c} canales en el eje {axis})",
        "pt": "um vetor de {c} números, um por canal (a entrada tem {c} canais no eixo {axis})",
    },
    "bn.expected_vector": {
        "es": "un vector 1-D de números, uno por canal",
        "pt": "um vetor 1-D de números, um por canal",
    },
    "bn.expected_same_length": {
        "es": "un vector de {c} números, uno por canal, como moving_mean",
        "pt": "um vetor de {c} números, um por canal, como moving_mean",
    },
    "bn.expected_batch": {
        "es": "un lote de al menos 2 ejemplos: en modo entrenamiento un solo ejemplo es su propia media "
              "(x̂ = 0); para una sola imagen usa batchnorm_inference con las medias móviles",
        "pt": "um lote de pelo menos 2 exemplos: no modo de treinamento um só exemplo é a sua própria média "
              "(x̂ = 0); para uma só imagem use batchnorm_inference com as médias móveis",
    },
    "bn.expected_eps": {
        "es": "un número ε > 0 (Keras usa 1e-3): evita dividir por cero cuando la varianza es 0",
        "pt": "um número ε > 0 (o Keras usa 1e-3): evita dividir por zero quando a variância é 0",
    },
    "bn.expected_momentum": {
        "es": "un número entre 0 y 1 (Keras usa 0.99, el peso del valor móvil anterior)",
        "pt": "um número entre 0 e 1 (o Keras usa 0,99, o peso do valor móvel anterior)",
    },
    "bn.expected_variance": {
        "es": "varianzas ≥ 0, un valor por canal",
        "pt": "variâncias ≥ 0, um valor por canal",
    },
    "bn.expected_dy": {
        "es": "un gradiente con la forma de la salida y, {shape}",
        "pt": "um gradiente com o formato da saída y, {shape}",
    },
    "bn.expected_cache": {
        "es": "el cache que devuelve batchnorm_forward",
        "pt": "o cache que batchnorm_forward devolve",
    },
})


def _input(x, name="x"):
    arr = check_array(name, x, "bn.expected_input")
    if arr.ndim < 2:
        raise arg_error(name, x, "bn.expected_input")
    return arr


def _axis(axis, ndim):
    """The channel axis as a non-negative int; the batch axis 0 is not allowed."""
    if is_int(axis) and -ndim <= axis < ndim and axis % ndim != 0:
        return int(axis) % ndim
    raise arg_error("axis", axis, "bn.expected_axis", last=ndim - 1, ndim=ndim - 1)


def _per_channel(value, name, c, axis):
    """A vector of ``c`` numbers (one per channel); ``axis=None``: compared with ``moving_mean``."""
    key, fields = ("bn.expected_same_length", {"c": c}) if axis is None else \
        ("bn.expected_params", {"c": c, "axis": axis})
    arr = check_array(name, value, key, ndim=1, **fields)
    if arr.shape != (c,):
        raise arg_error(name, value, key, **fields)
    return arr


def _eps(eps):
    return check_float("eps", eps, 0, low_open=True, expected="bn.expected_eps")


def _broadcast(v, ndim, axis):
    """A per-channel vector shaped to broadcast against the input (C at ``axis``, 1 elsewhere)."""
    shape = [1] * ndim
    shape[axis] = v.shape[0]
    return v.reshape(shape)


def _reduce_axes(ndim, axis):
    return tuple(a for a in range(ndim) if a != axis)


def batchnorm_forward(x, gamma, beta, eps=EPSILON, axis=-1):
    """Batch normalization in training mode: equations (4)–(7) of lesson 05.

    For each channel, over the ``m`` values of the batch (examples, and pixels for NHWC input):

    (4) ``μ = (1/m) Σ x``                    batch mean
    (5) ``σ = sqrt((1/m) Σ (x − μ)²)``        batch standard deviation (biased: divided by m)
    (6) ``x̂ = (x − μ) / sqrt(σ² + ε)``        normalised input
    (7) ``y = γ · x̂ + β``                     learned scale and shift

    Returns ``(y, cache)``; ``cache`` is a dict with ``x_hat``, ``mean``, ``var`` (= σ², the batch
    statistics for :func:`update_moving`), ``inv_std`` = 1/sqrt(σ² + ε), ``gamma``, ``axis``, ``eps``
    and ``m`` — what :func:`batchnorm_backward` needs.
    Same numbers as ``keras.layers.BatchNormalization(epsilon=eps)(x, training=True)``.
    Visto en 05 §Las ecuaciones (4)–(7).
    """
    x = _input(x)
    ax = _axis(axis, x.ndim)
    c = x.shape[ax]
    gamma = _per_channel(gamma, "gamma", c, axis)
    beta = _per_channel(beta, "beta", c, axis)
    eps = _eps(eps)
    if x.shape[0] < 2:
        raise arg_error("x", x, "bn.expected_batch")
    red = _reduce_axes(x.ndim, ax)
    m = x.size // c

    mean = x.mean(axis=red)                                          # (4)
    var = ((x - _broadcast(mean, x.ndim, ax)) ** 2).mean(axis=red)   # (5)
    inv_std = 1.0 / np.sqrt(var + eps)
    x_hat = (x - _broadcast(mean, x.ndim, ax)) * _broadcast(inv_std, x.ndim, ax)   # (6)
    y = _broadcast(gamma, x.ndim, ax) * x_hat + _broadcast(beta, x.ndim, ax)        # (7)
    cache = {"x_hat": x_hat, "mean": mean, "var": var, "inv_std": inv_std, "gamma": gamma,
             "axis": ax, "eps": eps, "m": m}
    return y, cache


def batchnorm_backward(dy, cache):
    """Gradients of the loss with respect to ``x``, ``γ`` and ``β`` from ``dy = ∂L/∂y``.

    The compact formula derived step by step in the lesson (sums over the ``m`` values of each
    channel, ``x̂`` and ``1/sqrt(σ² + ε)`` from the forward pass's ``cache``)::

        ∂L/∂β = Σ dy
        ∂L/∂γ = Σ dy · x̂
        ∂L/∂x = γ / (m · sqrt(σ² + ε)) · (m · dy − Σ dy − x̂ · Σ dy · x̂)

    Returns ``(dx, dgamma, dbeta)``, the same numbers ``tf.GradientTape`` gives for
    ``keras.layers.BatchNormalization(...)(x, training=True)``.  Visto en 05 §Hacia atrás: las derivadas paso a paso.
    """
    if not isinstance(cache, dict) or not {"x_hat", "inv_std", "gamma", "axis", "m"} <= set(cache):
        raise arg_error("cache", cache, "bn.expected_cache")
    x_hat, ax, m = cache["x_hat"], cache["axis"], cache["m"]
    dy_arr = check_array("dy", dy, "bn.expected_dy", shape=x_hat.shape)
    if dy_arr.shape != x_hat.shape:
        raise arg_error("dy", dy, "bn.expected_dy", shape=x_hat.shape)
    dy = dy_arr
    red = _reduce_axes(dy.ndim, ax)

    dbeta = dy.sum(axis=red)
    dgamma = (dy * x_hat).sum(axis=red)
    scale = cache["gamma"] * cache["inv_std"] / m
    dx = _broadcast(scale, dy.ndim, ax) * (
        m * dy - _broadcast(dbeta, dy.ndim, ax) - x_hat * _broadcast(dgamma, dy.ndim, ax))
    return dx, dgamma, dbeta


def update_moving(moving_mean, moving_var, batch_mean, batch_var, momentum=MOMENTUM):
    """One update of the moving averages that inference uses (Keras's rule).

    ``moving = momentum · moving + (1 − momentum) · batch`` for the mean and for the variance,
    with the **biased** batch variance of :func:`batchnorm_forward` (``cache["var"]``).
    Keras starts from ``moving_mean = 0`` and ``moving_var = 1``.
    Returns ``(new_moving_mean, new_moving_var)``.  Visto en 05 §Medias móviles.
    """
    mom = check_float("momentum", momentum, 0, 1, expected="bn.expected_momentum")
    mm = check_array("moving_mean", moving_mean, "bn.expected_vector", ndim=1)
    c = mm.shape[0]
    mv, bm, bv = (_per_channel(v, name, c, None) for v, name in (
        (moving_var, "moving_var"), (batch_mean, "batch_mean"), (batch_var, "batch_var")))
    for name, v, raw in (("moving_var", mv, moving_var), ("batch_var", bv, batch_var)):
        if np.any(v < 0):
            raise arg_error(name, raw, "bn.expected_variance")
    return mom * mm + (1.0 - mom) * bm, mom * mv + (1.0 - mom) * bv


def batchnorm_inference(x, moving_mean, moving_var, gamma, beta, eps=EPSILON, axis=-1):
    """Batch normalization in inference mode: equations (6)–(7) with the moving statistics.

    ``y = γ · (x − moving_mean) / sqrt(moving_var + ε) + β`` — nothing depends on the rest of
    the batch, so one example alone gives the same output as inside any batch.
    Same numbers as ``keras.layers.BatchNormalization(...)(x, training=False)``.
    Visto en 05 §Entrenamiento e inferencia.
    """
    x = _input(x)
    ax = _axis(axis, x.ndim)
    c = x.shape[ax]
    mean = _per_channel(moving_mean, "moving_mean", c, axis)
    var = _per_channel(moving_var, "moving_var", c, axis)
    if np.any(var < 0):
        raise arg_error("moving_var", moving_var, "bn.expected_variance")
    gamma = _per_channel(gamma, "gamma", c, axis)
    beta = _per_channel(beta, "beta", c, axis)
    eps = _eps(eps)
    x_hat = (x - _broadcast(mean, x.ndim, ax)) / np.sqrt(_broadcast(var, x.ndim, ax) + eps)
    return _broadcast(gamma, x.ndim, ax) * x_hat + _broadcast(beta, x.ndim, ax)
