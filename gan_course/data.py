"""MNIST and image data for the course: offline by default, the real Keras loader kept.

* :func:`load_mnist` — ``"bundled"`` (5,000 digits shipped inside the package, 500 per
  class, works offline), ``"keras"`` (the 60,000 training digits of
  ``keras.datasets.mnist``; needs internet the first time) or ``"auto"`` (Keras, falling back
  to the bundled subset with one line in the active language).  ``GAN_COURSE_OFFLINE=1``
  makes ``"auto"`` use the bundled subset without touching the network.
* :func:`to_float` / :func:`to_uint8` — uint8 [0, 255] <-> float32 [-1, 1] NHWC.
* :func:`make_dataset` — shuffled, batched ``tf.data`` pipeline (``drop_remainder=True``).
* :func:`load_image_folder` — your own pictures (PNG/JPEG, any size): centre crop, resize, uint8.

Visto en 00 §Los datos y 06 §Los datos.
"""
from __future__ import annotations

from importlib import resources

import numpy as np

from . import config
from ._tf import keras, tf
from .i18n import arg_error, register, t
from .validate import check_array, check_images, check_int

register({
    "data.fallback": {
        "es": "No se pudo descargar MNIST ({reason}); se usa el subconjunto incluido de {n} dígitos.",
        "pt": "Não foi possível baixar o MNIST ({reason}); usa-se o subconjunto incluído de {n} dígitos.",
    },
    "data.offline": {
        "es": "sin conexión: GAN_COURSE_OFFLINE=1",
        "pt": "sem conexão: GAN_COURSE_OFFLINE=1",
    },
    "data.expected_source": {
        "es": "'auto', 'keras' o 'bundled'",
        "pt": "'auto', 'keras' ou 'bundled'",
    },
    "data.expected_images": {
        "es": "imágenes uint8 (N, H, W) o (N, H, W, C), o float en [-1, 1]",
        "pt": "imagens uint8 (N, H, W) ou (N, H, W, C), ou float em [-1, 1]",
    },
    "data.expected_split_images": {
        "es": "un arreglo de imágenes (N, ...) con N ≥ 1",
        "pt": "um array de imagens (N, ...) com N ≥ 1",
    },
    "data.expected_split_labels": {
        "es": "un vector 1-D de etiquetas, una por imagen ({n} imágenes)",
        "pt": "um vetor 1-D de rótulos, um por imagem ({n} imagens)",
    },
    "data.expected_held_out": {
        "es": "un múltiplo de {k} (el número de clases) menor que {n}, con bastantes imágenes de cada clase",
        "pt": "um múltiplo de {k} (o número de classes) menor que {n}, com imagens suficientes de cada classe",
    },
    "data.expected_float_range": {
        "es": "valores float en [-1, 1]",
        "pt": "valores float em [-1, 1]",
    },
    "data.expected_batch": {
        "es": "un entero entre 1 y el número de imágenes",
        "pt": "um inteiro entre 1 e o número de imagens",
    },
})

BUNDLED_FILE = "mnist_5k.npz"
HELD_OUT = 1000   # bundled digits kept apart (100 per class): never shown to a GAN or to the classifier
SPLIT_SEED = 0    # the split is the same on every machine


def load_bundled_mnist():
    """The 5,000-digit subset shipped with the package (uint8 (5000, 28, 28), labels sorted by class)."""
    ref = resources.files("gan_course") / "assets" / BUNDLED_FILE
    with resources.as_file(ref) as path, np.load(path) as f:
        return f["x"].astype(np.uint8), f["y"].astype(np.uint8)


def load_mnist(source: str = "auto", *, verbose: bool = True):
    """Return ``(images, labels)``: uint8 arrays of shapes (N, 28, 28) and (N,).

    ``source="bundled"`` gives the offline subset (N = 5,000, 500 per class, sorted by
    label: shuffle before use); ``"keras"`` the 60,000 MNIST training digits (download on
    first use, raises offline); ``"auto"`` tries Keras and falls back to the bundled subset
    printing one line.  Visto en 00 §Los datos.
    """
    if source not in ("auto", "keras", "bundled"):
        raise arg_error("source", source, "data.expected_source")
    if source == "bundled":
        return load_bundled_mnist()
    if source == "auto" and config.offline():
        x, y = load_bundled_mnist()
        if verbose:
            print(t("data.fallback", reason=t("data.offline"), n=len(x)))
        return x, y
    try:
        return _load_keras_mnist()
    except Exception as exc:  # noqa: BLE001 - any download/cache failure
        if source == "keras":
            raise
        x, y = load_bundled_mnist()
        if verbose:
            reason = type(exc).__name__
            print(t("data.fallback", reason=reason, n=len(x)))
        return x, y


def mnist_split(part: str = "train"):
    """The course's fixed split of the bundled digits: ``part="train"`` (4,000) or ``"held_out"`` (1,000).

    Returns ``(images, labels)`` (uint8 (N, 28, 28), (N,)).  The GANs of lessons 06–10, the
    ``train`` command and the benchmarks train on ``"train"``; the classifier of lesson 01 too.
    The 1,000 ``"held_out"`` digits (100 per class) are never shown to either: the Fréchet
    distance and the memorisation check of :mod:`gan_course.metrics` compare generated digits
    with them, so a generator that copied its training digits cannot look good.
    Visto en 01 §Datos de entrenamiento y de prueba y en 06 §Los datos.
    """
    if part not in ("train", "held_out"):
        raise arg_error("part", part, {"es": "'train' o 'held_out'", "pt": "'train' ou 'held_out'"})
    x, y = load_bundled_mnist()
    train, held_out = shuffle_split(x, y, held_out=HELD_OUT, seed=SPLIT_SEED)
    return train if part == "train" else held_out


def _load_keras_mnist():
    (x, y), _ = keras.datasets.mnist.load_data()
    return x.astype(np.uint8), y.astype(np.uint8)


def to_float(images) -> np.ndarray:
    """uint8 [0, 255] images (N, H, W) or (N, H, W, C) -> float32 [-1, 1] NHWC.

    Float images already in [-1, 1] pass through; NaN, values outside [-1, 1] and other shapes are
    refused.  Visto en 00 §De `uint8` a $[-1, 1]$.
    """
    x = check_images("images", images, expected="data.expected_images")
    if x.ndim == 3:
        x = x[..., None]
    if x.dtype == np.uint8:
        return (x.astype(np.float32) / 127.5 - 1.0).astype(np.float32)
    return x


def to_uint8(images) -> np.ndarray:
    """float images in [-1, 1] (or already uint8) -> uint8 [0, 255], same shape."""
    x = np.asarray(images)
    if x.dtype == np.uint8:
        return x
    x = check_array("images", x, "data.expected_float_range", min_size=0, finite=False, dtype=np.float32)
    if not np.all(np.isfinite(x)):
        raise arg_error("images", x, "data.expected_float_range")
    if x.size and (x.min() < -1.0 - 1e-3 or x.max() > 1.0 + 1e-3):
        raise arg_error("images", x, "data.expected_float_range")
    return np.clip(np.rint((x + 1.0) * 127.5), 0, 255).astype(np.uint8)


def shuffle_split(images, labels, held_out: int = 1000, seed: int = 0):
    """A fixed shuffled split ``(x_train, y_train), (x_test, y_test)``, stratified by class.

    ``held_out`` digits (the same number per class) are kept apart; the same ``seed`` gives
    the same split on every machine.  Visto en 01 §Datos de entrenamiento y de prueba.
    """
    images = check_array("images", images, "data.expected_split_images", ndim=range(1, 6), dtype=None)
    labels = check_array("labels", labels, "data.expected_split_labels", ndim=1, dtype=None, n=len(images))
    if len(labels) != len(images):
        raise arg_error("labels", labels, "data.expected_split_labels", n=len(images))
    classes, counts = np.unique(labels, return_counts=True)
    fields = {"k": len(classes), "n": len(labels)}
    held_out = check_int("held_out", held_out, 1, len(labels) - 1, expected="data.expected_held_out", **fields)
    if held_out % len(classes) or held_out // len(classes) >= counts.min():
        raise arg_error("held_out", held_out, "data.expected_held_out", **fields)
    rng = np.random.default_rng(check_int("seed", seed, 0))
    per = held_out // len(classes)
    test_idx = np.concatenate([rng.permutation(np.flatnonzero(labels == c))[:per] for c in classes])
    mask = np.ones(len(labels), bool)
    mask[test_idx] = False
    train_idx = rng.permutation(np.flatnonzero(mask))
    test_idx = rng.permutation(test_idx)
    return (images[train_idx], labels[train_idx]), (images[test_idx], labels[test_idx])


def make_dataset(images, batch_size: int = 64, *, shuffle: bool = True, seed: int = 0,
                 labels=None, repeat: bool = False):
    """A ``tf.data.Dataset`` of float32 [-1, 1] NHWC batches (with labels if given).

    Shuffles every epoch (seeded), drops the last incomplete batch (every batch has the
    same shape, so a ``tf.function`` step never retraces) and prefetches.  Visto en 06 §Los datos.
    """
    x = to_float(images)
    batch_size = check_int("batch_size", batch_size, 1, len(x), expected="data.expected_batch")
    seed = None if seed is None else check_int("seed", seed, 0)
    if labels is not None:
        y = check_array("labels", labels, "data.expected_split_labels", ndim=1, min_size=0, dtype=None, n=len(x))
        if len(y) != len(x):
            raise arg_error("labels", y, "data.expected_split_labels", n=len(x))
    ds = tf.data.Dataset.from_tensor_slices(x if labels is None else (x, y))
    if shuffle:
        ds = ds.shuffle(len(x), seed=seed, reshuffle_each_iteration=True)
    if repeat:
        ds = ds.repeat()
    return ds.batch(batch_size, drop_remainder=True).prefetch(tf.data.AUTOTUNE)





def load_image_folder(path, size: int = 32, **options) -> np.ndarray:
    """Every picture under ``path`` as uint8 (N, size, size, channels): :func:`gan_course.images.load_image_folder`.

    Kept here for existing callers; ``options`` are that function's (``channels``, ``background``,
    ``limit``, ``skip_unreadable``, ``progress``).  Visto en 09 §Tu propia carpeta.
    """
    from .images import load_image_folder as load

    return load(path, size, **options)
