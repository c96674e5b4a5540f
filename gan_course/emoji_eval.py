"""Does it read as an emoji?  A classifier of the bundled emoji and a Fréchet distance in its features.

The digits have the course's classifier (lesson 01) and its Fréchet distance; the colour path needs its
own: a small CNN trained to tell the 99 Unicode sub-categories of the bundled Noto Emoji apart ("face-smiling",
"person-activity", "animal-mammal" …) at 32×32, whose 128 features before the last layer are the space in
which generated and real emoji are compared — a picture that lands where real emoji of some sub-category
land reads as one; a colour blob does not.

* :func:`train_classifier` — the CNN, trained on every bundled emoji with random shifts of up to 2 px
  (about a minute on a 2-core CPU); :func:`load_classifier` trains it once and keeps the weights under
  ``runs/`` (``GAN_COURSE_EMOJI_WEIGHTS`` names another file).
* :func:`frechet_distance` — the distance between ``n`` generated pictures and all 3,786 real ones in those
  features; :func:`reference_distance` is the same for ``n`` real emoji drawn at random: the floor.

Every GAN of the course is scored against the same classifier (seed 0).  Visto en 09 §Medir lo que se ve.
"""
from __future__ import annotations

import os
import pathlib

import numpy as np

from . import config, metrics
from .data import to_float
from .validate import check_images, check_int

EPOCHS = 12
FEATURE_DIM = 128
SIZE = 32
BATCH = 64
DEFAULT_WEIGHTS = pathlib.Path("runs") / "emoji_classifier" / "emoji_classifier.weights.h5"
#: the weights ``train_classifier()`` (seed 0) wrote, shipped so that no run or test has to train it (≈ 4 CPU-minutes)
SHIPPED_WEIGHTS = pathlib.Path(__file__).resolve().parent / "assets" / "emoji_classifier.weights.h5"


def _data():
    from .images import emoji_subcategories, load_emoji

    x = load_emoji(SIZE)
    _, y = np.unique(emoji_subcategories(), return_inverse=True)
    return x, y.astype(np.int32)


def build_classifier(classes: int):
    """Three 3×3 convolution blocks (32, 64, 128 filters, batch norm, max-pooling), 128 features, logits."""
    from ._tf import keras

    layers = keras.layers
    inputs = keras.Input((SIZE, SIZE, 3), name="emoji")
    h = inputs
    for i, filters in enumerate((32, 64, 128), start=1):
        h = layers.Conv2D(filters, 3, padding="same", use_bias=False, name=f"conv{i}")(h)
        h = layers.BatchNormalization(name=f"bn{i}")(h)
        h = layers.ReLU(name=f"relu{i}")(h)
        h = layers.MaxPooling2D(2, name=f"pool{i}")(h)
    h = layers.GlobalAveragePooling2D(name="average")(h)
    h = layers.Dense(FEATURE_DIM, activation="relu", name="features")(h)
    outputs = layers.Dense(classes, name="logits")(layers.Dropout(0.2, name="dropout")(h))
    return keras.Model(inputs, outputs, name="emoji_classifier")


def train_classifier(epochs: int = EPOCHS, seed: int = 0):
    """The classifier trained on every bundled emoji (99 sub-categories, shifts of ±2 px); returns it."""
    from ._tf import keras

    epochs = check_int("epochs", epochs, 1)
    config.seed_everything(seed)
    x, y = _data()
    model = build_classifier(int(y.max()) + 1)
    model.compile(optimizer=keras.optimizers.Adam(1e-3),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"])
    rng = np.random.default_rng(seed)
    for _ in range(epochs):
        model.fit(to_float(_shift(x, rng)), y, batch_size=BATCH, epochs=1, shuffle=True, verbose=0)
    return model


def _shift(x, rng, m: int = 2):
    """Every picture moved by up to ``m`` pixels, the border filled with white (the emoji background)."""
    padded = np.pad(x, ((0, 0), (m, m), (m, m), (0, 0)), constant_values=255)
    dy, dx = rng.integers(-m, m + 1, size=(2, len(x)))
    return np.stack([padded[i, m + dy[i]:m + dy[i] + SIZE, m + dx[i]:m + dx[i] + SIZE] for i in range(len(x))])


def load_classifier(path=None):
    """The trained classifier: read from ``path`` (default ``runs/emoji_classifier/…``); without that file, the weights
    shipped in the package (``SHIPPED_WEIGHTS``, the same training with seed 0); trained once only if neither exists."""
    path = pathlib.Path(path or os.environ.get("GAN_COURSE_EMOJI_WEIGHTS") or DEFAULT_WEIGHTS)
    _, y = _data()
    model = build_classifier(int(y.max()) + 1)
    for weights in (path, SHIPPED_WEIGHTS):
        if weights.is_file():
            model.load_weights(str(weights))
            return model
    model = train_classifier()
    path.parent.mkdir(parents=True, exist_ok=True)
    model.save_weights(str(path))
    return model


def features(images, model=None) -> np.ndarray:
    """The 128 features of each picture (uint8 or float in [-1, 1], (N, 32, 32, 3))."""
    from ._tf import keras

    x = to_float(check_images("images", images, ndim=(4,)))
    model = model or load_classifier()
    head = keras.Model(model.input, model.get_layer("features").output)
    return np.concatenate([head(x[i:i + 500], training=False).numpy() for i in range(0, len(x), 500)])


def frechet_distance(images, model=None) -> float:
    """Fréchet distance between ``images`` and all bundled emoji, in the classifier's features."""
    model = model or load_classifier()
    real, _ = _data()
    return metrics.frechet_distance(features(images, model), features(real, model))


def reference_distance(n: int = 1000, seed: int = 0, model=None) -> float:
    """The floor: the same distance for ``n`` real emoji drawn at random."""
    real, _ = _data()
    n = check_int("n", n, 2, len(real))
    pick = np.random.default_rng(seed).choice(len(real), n, replace=False)
    return frechet_distance(real[pick], model)
