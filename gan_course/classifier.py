"""``python -m gan_course classifier`` — the course's MNIST classifier, later the judge of the GAN.

A small convolutional network (*convolutional neural network*, CNN) in two parts:

* **feature extraction** — ``conv1 → relu1 → conv2 → relu2 → pool1 → conv3 → relu3 → conv4 → relu4
  → pool2``: 3×3 convolutions ('valid'), ReLU activations and 2×2 max pooling take a 28×28 digit to
  4×4×64 feature maps;
* **classification** — ``flatten`` (1024 numbers) → ``features`` (a fully connected layer of
  :data:`FEATURE_DIM` = 64 units with ReLU) → ``dropout`` → ``logits`` (10 scores, one per digit).

It is trained on a fixed split of the bundled 5,000 digits (:func:`held_out_split`: 4,000 to train,
1,000 held out, 100 per class) with small random shifts of the training digits, and its weights ship
inside the package (``assets/classifier.weights.h5``).  :func:`load_classifier` loads them;
``python -m gan_course classifier`` retrains them (same seed → same weights on one machine).
:mod:`gan_course.metrics` uses the ``features`` layer and the class probabilities of this network to
score the digits a GAN draws.  The network, the digits it reads and its predictions are in
:mod:`gan_course.classifier_net` (also reachable here); this module trains it, ships its weights and draws it.

Visto en 01 §El clasificador del curso; la lección 06 lo usa para puntuar la DCGAN (06 §Las puntuaciones por época).
"""
from __future__ import annotations

import os
import pathlib
import time
import warnings
from importlib import resources

import numpy as np

from . import config
from ._tf import keras
from .classifier_net import (  # noqa: F401
    FEATURE_DIM,
    FEATURE_LAYERS,
    HELD_OUT,
    MAX_SHIFT,
    accuracy,
    as_digits,
    build_classifier,
    check_labels,
    check_model,
    check_predicted,
    confusion_matrix,
    held_out_split,
    predict,
    predict_logits,
    shift_images,
)
from .data import to_float
from .i18n import arg_error, register, t
from .validate import check_array, check_float, check_int

WEIGHTS_FILE = "classifier.weights.h5"
EPOCHS = 25               # the recipe of the shipped weights (python -m gan_course classifier)

register({
    "classifier.epoch": {
        "es": "época {epoch}/{epochs}: pérdida {loss:.4f}, exactitud de prueba {acc:.1f} % ({s:.0f} s)",
        "pt": "época {epoch}/{epochs}: perda {loss:.4f}, acurácia de teste {acc:.1f} % ({s:.0f} s)",
    },
    "classifier.wrote": {
        "es": "pesos escritos en {path}: exactitud en los {n} dígitos de prueba {acc:.1f} %",
        "pt": "pesos escritos em {path}: acurácia nos {n} dígitos de teste {acc:.1f} %",
    },
    "classifier.missing_weights": {
        "es": "un archivo de pesos existente (*.weights.h5); se crea con `python -m gan_course classifier`",
        "pt": "um arquivo de pesos existente (*.weights.h5); é criado com `python -m gan_course classifier`",
    },
    "classifier.expected_weights_name": {
        "es": "una ruta que termine en .weights.h5",
        "pt": "um caminho que termine em .weights.h5",
    },
    "classifier.expected_classifier": {
        "es": "el clasificador del curso (build_classifier, load_classifier o train_classifier)",
        "pt": "o classificador do curso (build_classifier, load_classifier ou train_classifier)",
    },
    "classifier.expected_history": {
        "es": "el historial de un entrenamiento: un History de Keras o un dict con 'loss' por época",
        "pt": "o histórico de um treinamento: um History do Keras ou um dict com 'loss' por época",
    },
    "classifier.expected_one_digit": {
        "es": "un solo dígito (28, 28) o (28, 28, 1)",
        "pt": "um único dígito (28, 28) ou (28, 28, 1)",
    },
    "classifier.expected_folder": {
        "es": "una ruta dentro de una carpeta existente",
        "pt": "um caminho dentro de uma pasta existente",
    },
    "classifier.expected_confusion": {
        "es": "una matriz de confusión (10, 10) de conteos",
        "pt": "uma matriz de confusão (10, 10) de contagens",
    },
    "classifier.expected_layer": {
        "es": "el nombre de una capa del modelo: {names}",
        "pt": "o nome de uma camada do modelo: {names}",
    },
    "classifier.expected_conv_layer": {
        "es": "una capa Conv2D cuya entrada tenga 1 canal (conv1)",
        "pt": "uma camada Conv2D cuja entrada tenha 1 canal (conv1)",
    },
    "classifier.filters_title": {
        "es": "Los {n} filtros 3×3 de {layer} (claro = peso positivo)",
        "pt": "Os {n} filtros 3×3 de {layer} (claro = peso positivo)",
    },
    "classifier.maps_input": {"es": "entrada", "pt": "entrada"},
    "classifier.confusion_title": {"es": "Matriz de confusión", "pt": "Matriz de confusão"},
    "classifier.true": {"es": "clase real", "pt": "classe real"},
    "classifier.predicted": {"es": "clase predicha", "pt": "classe prevista"},
    "classifier.misclassified": {
        "es": "real → predicha", "pt": "real → prevista",
    },
    "classifier.curves_loss": {"es": "pérdida de entrenamiento", "pt": "perda de treinamento"},
    "classifier.curves_acc": {"es": "exactitud", "pt": "acurácia"},
    "classifier.curves_train": {"es": "entrenamiento", "pt": "treinamento"},
    "classifier.curves_test": {"es": "prueba", "pt": "teste"},
    "classifier.epoch_axis": {"es": "época", "pt": "época"},
    "classifier.cli_epochs": {"es": "épocas de entrenamiento", "pt": "épocas de treinamento"},
    "classifier.cli_seed": {"es": "semilla del entrenamiento", "pt": "semente do treinamento"},
    "classifier.cli_out": {
        "es": "archivo de pesos a escribir (por defecto: el del paquete)",
        "pt": "arquivo de pesos a escrever (padrão: o do pacote)",
    },
})


# --- training and the shipped weights -------------------------------------------------------

def train_classifier(epochs: int = EPOCHS, seed: int = 0, *, augment: bool = True, batch_size: int = 64,
                     learning_rate: float = 1e-3, verbose: bool = True):
    """Train :func:`build_classifier` on the training split; returns ``(model, history)``.

    The recipe of the shipped weights: Adam with a cosine-decaying learning rate, batches of 64,
    every epoch a fresh random shift (±2 px) of the 4,000 training digits.  ``history`` holds the
    per-epoch training ``loss`` and held-out ``test_accuracy``.  The same ``seed`` gives the same
    weights on one machine.  Visto en 01 §El clasificador del curso.
    """
    epochs = check_int("epochs", epochs, 1)
    batch_size = check_int("batch_size", batch_size, 1, 4000)
    learning_rate = check_float("learning_rate", learning_rate, 0, low_open=True)
    config.seed_everything(seed)
    (x_train, y_train), (x_test, y_test) = held_out_split()
    x_train, x_test = to_float(x_train), to_float(x_test)
    model = build_classifier()
    schedule = keras.optimizers.schedules.CosineDecay(learning_rate, epochs * (len(x_train) // batch_size))
    model.compile(optimizer=keras.optimizers.Adam(schedule),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"])
    rng = np.random.default_rng(seed)
    history = {"loss": [], "test_accuracy": []}
    start = time.time()
    for epoch in range(epochs):
        x_epoch = shift_images(x_train, rng) if augment else x_train
        fit = model.fit(x_epoch, y_train, batch_size=batch_size, epochs=1, shuffle=True, verbose=0)
        history["loss"].append(float(fit.history["loss"][-1]))
        history["test_accuracy"].append(accuracy(model, x_test, y_test))
        if verbose:
            print(t("classifier.epoch", epoch=epoch + 1, epochs=epochs, loss=history["loss"][-1],
                    acc=100 * history["test_accuracy"][-1], s=time.time() - start), flush=True)
    return model, history


def weights_path() -> pathlib.Path:
    """Where the shipped weights live inside the installed package."""
    return pathlib.Path(str(resources.files("gan_course") / "assets" / WEIGHTS_FILE))


def _weights_file(path, name="path") -> pathlib.Path:
    if not isinstance(path, (str, os.PathLike)) or not str(path).endswith(".weights.h5"):
        raise arg_error(name, str(path), "classifier.expected_weights_name")
    return pathlib.Path(path)


def save_weights(model, path) -> pathlib.Path:
    """Write only the network's weights (no optimizer state) to ``path`` (``*.weights.h5``)."""
    path = _weights_file(path)
    if not path.parent.is_dir():
        raise arg_error("path", str(path), "classifier.expected_folder", exc=FileNotFoundError)
    names = {layer.name for layer in check_model(model).layers}
    if "features" not in names or "logits" not in names:
        raise arg_error("model", model.name, "classifier.expected_classifier")
    clean = build_classifier(model.get_layer("features").units)
    clean.set_weights(model.get_weights())
    with warnings.catch_warnings():  # Keras' HDF5 writer trips a NumPy 2 DeprecationWarning of its own
        warnings.simplefilter("ignore", DeprecationWarning)
        clean.save_weights(str(path))
    return path


_CACHE: dict = {}


def load_classifier(path=None):
    """The trained course classifier (shipped weights, or a ``*.weights.h5`` file of the same network).

    The default model is loaded once per process and shared; do not train it further (build a new
    one with :func:`build_classifier`).  Visto en 01 §El clasificador del curso.
    """
    default = path is None
    if default and "model" in _CACHE:
        return _CACHE["model"]
    path = weights_path() if default else _weights_file(path)
    if not path.is_file():
        raise arg_error("path", str(path), "classifier.missing_weights", exc=FileNotFoundError)
    model = build_classifier()
    model.load_weights(str(path))
    model.trainable = False
    if default:
        _CACHE["model"] = model
    return model


def feature_model(model=None):
    """A model returning ``(features, logits)``: the penultimate layer and the class scores.

    ``features`` are the :data:`FEATURE_DIM` outputs of the fully connected ``features`` layer
    (after ReLU): the Fréchet distance of :mod:`gan_course.metrics` compares their statistics.
    """
    model = load_classifier() if model is None else check_model(model)
    key = ("features", id(model))
    if _CACHE.get(key, (None,))[0] is not model:
        _CACHE[key] = (model, keras.Model(model.input, [model.get_layer("features").output, model.output]))
    return _CACHE[key][1]


def layer_outputs(model, images, layers=FEATURE_LAYERS) -> dict:
    """``{layer name: output}`` of the named layers for a batch of digits (inference mode).

    ``layers`` is a layer name or a list of them.  Visto en 01 §Convolución: una capa a mano.
    """
    layers = _layer_names(layers)
    names = [layer.name for layer in check_model(model).layers]
    for name in layers:
        if name not in names:
            raise arg_error("layers", name, "classifier.expected_layer", names=", ".join(names))
    probe = keras.Model(model.input, [model.get_layer(name).output for name in layers])
    outs = probe(as_digits(images), training=False)
    outs = outs if isinstance(outs, (list, tuple)) else [outs]
    return {name: np.asarray(o) for name, o in zip(layers, outs)}


# --- pictures for lesson 01 ----------------------------------------------------------------

def show_filters(model, layer: str = "conv1", size: float = 5.0):
    """The 3×3 kernels of a first convolution, as small grey images (one per filter).

    Visto en 01 §Lo que aprendió la red.
    """
    import matplotlib.pyplot as plt

    kernel = _conv_kernel(model, layer)
    size = check_float("size", size, 0, low_open=True)
    n = kernel.shape[-1]
    ncols = min(n, 8)
    nrows = int(np.ceil(n / ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(size, size * nrows / ncols + 0.4))
    fig.subplots_adjust(left=0.02, right=0.98, bottom=0.02, top=1 - 0.4 / (size * nrows / ncols + 0.4),
                        wspace=0.1, hspace=0.1)
    lim = float(np.abs(kernel).max()) or 1.0
    for i, ax in enumerate(np.atleast_1d(axes).ravel()):
        ax.set_axis_off()
        if i < n:
            ax.imshow(kernel[:, :, 0, i], cmap="gray", vmin=-lim, vmax=lim, interpolation="nearest")
    fig.suptitle(t("classifier.filters_title", n=n, layer=layer), fontsize=10)
    return fig


def _layer_names(layers) -> tuple:
    """A layer name or a list of them, as a tuple of names (anything else: a clear error)."""
    names = (layers,) if isinstance(layers, str) else layers
    if not isinstance(names, (list, tuple)) or not names or not all(isinstance(n, str) for n in names):
        raise arg_error("layers", layers, "classifier.expected_layer", names=", ".join(FEATURE_LAYERS))
    return tuple(names)


def _conv_kernel(model, layer):
    names = [lay.name for lay in check_model(model).layers]
    if not isinstance(layer, str) or layer not in names:
        raise arg_error("layer", layer, "classifier.expected_layer", names=", ".join(names))
    lay = model.get_layer(layer)
    kernel = getattr(lay, "kernel", None)
    if kernel is None or len(kernel.shape) != 4 or kernel.shape[2] != 1:
        raise arg_error("layer", layer, "classifier.expected_conv_layer")
    return np.asarray(kernel)


def show_feature_maps(model, image, layers=("conv1", "relu1", "pool1", "conv3", "relu3", "pool2"),
                      channels: int = 8, size: float = 8.0):
    """One digit through the feature extractor: a row per layer, its first ``channels`` maps.

    Each map is scaled on its own (black = lowest, white = highest value of that map), so the
    pattern each filter responds to is visible at every depth.  Visto en 01 §Lo que aprendió la red.
    """
    import matplotlib.pyplot as plt

    x = np.asarray(image)
    if x.shape not in ((28, 28), (28, 28, 1)):
        raise arg_error("image", x, "classifier.expected_one_digit")
    x = as_digits(x[None], "image")
    layers = _layer_names(layers)
    outs = layer_outputs(model, x, layers)
    channels = check_int("channels", channels, 1)
    size = check_float("size", size, 0, low_open=True)
    fig, axes = plt.subplots(len(layers), channels + 1,
                             figsize=(size, size * len(layers) / (channels + 1) * 1.05), squeeze=False)
    for r, name in enumerate(layers):
        maps = outs[name][0]
        axes[r, 0].imshow(x[0, :, :, 0], cmap="gray", vmin=-1, vmax=1)
        axes[r, 0].set_title(t("classifier.maps_input") if r == 0 else "", fontsize=8)
        for c in range(channels):
            ax = axes[r, c + 1]
            if c < maps.shape[-1]:
                ax.imshow(maps[:, :, c], cmap="gray", interpolation="nearest")
        axes[r, 1].set_title(f"{name} {maps.shape[0]}×{maps.shape[1]}×{maps.shape[2]}", fontsize=8, loc="left")
        for ax in axes[r]:
            ax.set_xticks([])
            ax.set_yticks([])
    fig.tight_layout()
    return fig


def show_confusion(matrix, ax=None):
    """The confusion matrix as a heat map with the counts written in each cell.  Visto en 01 §Matriz de confusión."""
    import matplotlib.pyplot as plt

    m = check_array("matrix", matrix, "classifier.expected_confusion", ndim=2, dtype=None)
    if m.shape != (10, 10):
        raise arg_error("matrix", matrix, "classifier.expected_confusion")
    if ax is None:
        _, ax = plt.subplots(figsize=(4.6, 4.2))
    ax.imshow(np.log1p(m), cmap="Blues")
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            if m[i, j]:
                ax.text(j, i, str(m[i, j]), ha="center", va="center", fontsize=7,
                        color="white" if i == j else "black")
    ax.set_xticks(range(10))
    ax.set_yticks(range(10))
    ax.set_xlabel(t("classifier.predicted"))
    ax.set_ylabel(t("classifier.true"))
    ax.set_title(t("classifier.confusion_title"))
    return ax


def show_misclassified(images, labels, predicted, max_images: int = 16, ncols: int = 8):
    """The digits whose prediction differs from the label, titled ``real → predicted``.

    Visto en 01 §Ejemplos mal clasificados.
    """
    import matplotlib.pyplot as plt

    x = as_digits(images)
    y = check_labels(labels, len(x))
    p = check_predicted(predicted, len(x))
    wrong = np.flatnonzero(y != p)[:check_int("max_images", max_images, 1)]
    ncols = max(1, min(check_int("ncols", ncols, 1), len(wrong)))
    nrows = max(1, int(np.ceil(len(wrong) / ncols)))
    fig, axes = plt.subplots(nrows, ncols, figsize=(1.0 * ncols, 1.2 * nrows + 0.3), squeeze=False)
    for ax in axes.ravel():
        ax.set_axis_off()
    for ax, i in zip(axes.ravel(), wrong):
        ax.imshow(x[i, :, :, 0], cmap="gray", vmin=-1, vmax=1)
        ax.set_title(f"{y[i]} → {p[i]}", fontsize=9)
    fig.suptitle(t("classifier.misclassified"), fontsize=10)
    fig.tight_layout()
    return fig


def show_history(history, ax=None):
    """Training loss and accuracy per epoch (a Keras ``History`` or its ``.history`` dict).  Visto en 01 §Entrenar."""
    import matplotlib.pyplot as plt

    h = getattr(history, "history", history)
    if not isinstance(h, dict) or "loss" not in h:
        raise arg_error("history", history, "classifier.expected_history")
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(8, 2.8))
    epochs = np.arange(1, len(h["loss"]) + 1)
    ax1.plot(epochs, h["loss"], "o-")
    ax1.set_title(t("classifier.curves_loss"))
    ax1.set_xlabel(t("classifier.epoch_axis"))
    for key, label in (("accuracy", "classifier.curves_train"), ("val_accuracy", "classifier.curves_test"),
                       ("test_accuracy", "classifier.curves_test")):
        if key in h:
            ax2.plot(epochs, h[key], "o-", label=t(label))
    ax2.set_title(t("classifier.curves_acc"))
    ax2.set_xlabel(t("classifier.epoch_axis"))
    ax2.legend()
    fig.tight_layout()
    return fig


# --- command line --------------------------------------------------------------------------

def add_arguments(parser):
    parser.add_argument("--epochs", type=int, default=EPOCHS, help=t("classifier.cli_epochs"))
    parser.add_argument("--seed", type=int, default=0, help=t("classifier.cli_seed"))
    parser.add_argument("--out", default=None, help=t("classifier.cli_out"))


def run(args) -> int:
    check_int("--epochs", args.epochs, 1)
    out = _weights_file(args.out, "--out") if args.out else weights_path()
    if not out.parent.is_dir():
        raise arg_error("--out", str(out), "classifier.expected_folder", exc=FileNotFoundError)
    model, history = train_classifier(args.epochs, args.seed)
    save_weights(model, out)
    _CACHE.clear()
    print(t("classifier.wrote", path=out, n=HELD_OUT, acc=100 * history["test_accuracy"][-1]))
    return 0
