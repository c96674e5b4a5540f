"""What a discriminator learned: a linear classifier on its features, trained with a few labels (NumPy only).

Radford et al. (2016, §5.1) measured how good a DCGAN's discriminator is as a feature extractor: freeze it,
read its last convolutional features and train only a linear classifier on a few labelled images.  Here:

1. :func:`features` — a Keras model's activations at one layer (D's ``flatten`` layer: 7·7·128 numbers per
   digit), in inference mode.
2. :func:`few_labels` — the indices of ``per_class`` images of each class (the only labels used).
3. :func:`ridge_probe` — a linear classifier fitted to one-hot targets by ridge regression (least squares with
   an L2 penalty λ, the closed form in the dual, ``n × n``); λ is chosen among a few values by leave-one-out
   accuracy on the labelled images themselves (closed form too), so nothing else is looked at.

The same probe on the raw pixels is the line to beat.  Visto en 07 §Lo que aprendió.
"""
from __future__ import annotations

import numpy as np

from .i18n import arg_error, register
from .validate import check_int

register({
    "probe.expected_labels": {"es": "un arreglo de enteros 0 … k-1, uno por fila de features ({n})",
                              "pt": "um array de inteiros 0 … k-1, um por linha de features ({n})"},
    "probe.expected_features": {"es": "un arreglo 2-D (imágenes, números) con {n} filas",
                                "pt": "um array 2-D (imagens, números) com {n} linhas"},
})

LAMBDAS = (1e-4, 1e-3, 1e-2, 1e-1, 1.0, 10.0)   # λ tried, relative to the mean squared norm of a feature row


def features(model, images, layer: str = "flatten", batch_size: int = 500) -> np.ndarray:
    """The activations of ``model`` at ``layer`` for ``images`` (float [-1, 1] NHWC or uint8), flattened to
    (N, numbers), float32, inference mode.  A model with two inputs (image and class) is read through its
    image input only: the layers before the class enters."""
    from . import keras
    from .data import to_float

    x = np.asarray(images)
    x = to_float(x) if x.dtype == np.uint8 else x.astype(np.float32)
    if x.ndim == 3:
        x = x[..., None]
    image_input = model.inputs[0]
    reader = keras.Model(image_input, model.get_layer(layer).output)
    batch_size = check_int("batch_size", batch_size, 1)
    out = [np.asarray(reader(x[i:i + batch_size], training=False)) for i in range(0, len(x), batch_size)]
    return np.concatenate(out).reshape(len(x), -1).astype(np.float32)


def few_labels(labels, per_class: int, seed: int = 0) -> np.ndarray:
    """Indices of ``per_class`` images of every class in ``labels`` (seeded, sorted): the labelled few."""
    y = _labels(labels, len(np.asarray(labels)))
    per_class = check_int("per_class", per_class, 1, int(np.bincount(y).min()))
    rng = np.random.default_rng(check_int("seed", seed, 0))
    picks = [rng.choice(np.flatnonzero(y == c), per_class, replace=False) for c in np.unique(y)]
    return np.sort(np.concatenate(picks))


def _labels(labels, n):
    y = np.asarray(labels)
    if y.shape != (n,) or not np.issubdtype(y.dtype, np.integer) or y.min() < 0:
        raise arg_error("labels", y.tolist() if y.size < 20 else y.shape, "probe.expected_labels", n=n)
    return y.astype(np.int64)


def _features(name, f, n=None):
    f = np.asarray(f, np.float64)
    if f.ndim != 2 or (n is not None and len(f) != n):
        raise arg_error(name, f.shape, "probe.expected_features", n=n if n is not None else "N")
    return f


def ridge_probe(train_features, train_labels, test_features, *, pool=None, lambdas=LAMBDAS) -> dict:
    """Fit a linear classifier on (``train_features``, ``train_labels``) and predict ``test_features``.

    Features are standardised with the mean and spread of ``pool`` (unlabelled rows of the same kind, e.g. the
    features of every training image; default: the labelled rows).  Returns ``{"predicted": test classes,
    "lambda": the λ kept, "loo_accuracy": its leave-one-out accuracy on the labelled rows}``.
    """
    a = _features("train_features", train_features)
    y = _labels(train_labels, len(a))
    b = _features("test_features", test_features)
    if b.shape[1] != a.shape[1]:
        raise arg_error("test_features", b.shape, "probe.expected_features", n=f"{len(b)} × {a.shape[1]}")
    ref = a if pool is None else _features("pool", pool)
    mean, spread = ref.mean(0), ref.std(0) + 1e-6
    a, b = (a - mean) / spread, (b - mean) / spread
    targets = np.eye(int(y.max()) + 1)[y]
    targets -= targets.mean(0)                                   # the intercept: centred targets
    a_mean = a.mean(0)
    a, b = a - a_mean, b - a_mean
    gram = a @ a.T
    scale = np.trace(gram) / len(a)
    best = None
    for lam in lambdas:
        inverse = np.linalg.inv(gram + lam * scale * np.eye(len(a)))
        hat = gram @ inverse                                     # fitted = hat @ targets
        fitted = hat @ targets
        loo = (fitted - np.diag(hat)[:, None] * targets) / (1.0 - np.diag(hat))[:, None]
        accuracy = float(np.mean(loo.argmax(1) == y))
        if best is None or accuracy > best[0]:
            best = (accuracy, lam, inverse)
    accuracy, lam, inverse = best
    predicted = (b @ a.T @ inverse @ targets).argmax(1)
    return {"predicted": predicted.astype(np.int64), "lambda": lam, "loo_accuracy": accuracy}
