"""Small matplotlib helpers shared by the notebooks: image grids, digits per class, class histograms.

All labels come from :mod:`gan_course.i18n`, so plots follow the notebook's language.
Visto en 00 §Los datos (and reused in 01 and 06).
"""
from __future__ import annotations

import numpy as np

from .gif import image_grid
from .i18n import arg_error, register, t
from .validate import check_array, check_float, check_images, check_int

register({
    "plots.class": {"es": "clase (dígito)", "pt": "classe (dígito)"},
    "plots.count": {"es": "número de imágenes", "pt": "número de imagens"},
    "plots.share": {"es": "proporción de muestras", "pt": "proporção de amostras"},
    "plots.uniform": {"es": "uniforme (1/10)", "pt": "uniforme (1/10)"},
    "plots.class_histogram": {"es": "Histograma de clases", "pt": "Histograma de classes"},
    "plots.per_class": {"es": "{n} dígitos de cada clase (una fila por clase)",
                        "pt": "{n} dígitos de cada classe (uma linha por classe)"},
    "plots.expected_labels": {"es": "etiquetas enteras 0–9 del mismo largo que las imágenes",
                              "pt": "rótulos inteiros 0–9 do mesmo tamanho que as imagens"},
    "plots.expected_class_labels": {
        "es": "un vector 1-D no vacío de etiquetas enteras 0–9 (con probabilidades (N, 10), pasa probs.argmax(axis=1))",
        "pt": "um vetor 1-D não vazio de rótulos inteiros 0–9 (com probabilidades (N, 10), passe probs.argmax(axis=1))",
    },
    "plots.expected_per_class": {
        "es": "un entero entre 1 y {n}, las imágenes de la clase menos frecuente",
        "pt": "um inteiro entre 1 e {n}, as imagens da classe menos frequente",
    },
    "plots.expected_reference": {
        "es": "una proporción o 10 proporciones (una por clase), números finitos",
        "pt": "uma proporção ou 10 proporções (uma por classe), números finitos",
    },
})


def _class_labels(labels, name="labels", n=None, expected="plots.expected_class_labels") -> np.ndarray:
    """Integer class labels 0–9 as a 1-D int64 array (``n`` of them, when given)."""
    y = check_array(name, labels, expected, ndim=1, dtype=None)
    if not (np.issubdtype(y.dtype, np.integer) or (np.issubdtype(y.dtype, np.floating)
                                                    and np.all(y == np.round(y)))) \
            or y.dtype == np.bool_ or y.min() < 0 or y.max() > 9 or (n is not None and len(y) != n):
        raise arg_error(name, labels, expected)
    return y.astype(np.int64)


def pyplot_figure(figsize):
    """A new pyplot figure (shown by the notebook) of ``figsize`` inches."""
    import matplotlib.pyplot as plt

    return plt.figure(figsize=figsize)


def agg_figure(figsize, dpi: int = 80):
    """A figure drawn off screen (matplotlib's Agg canvas, no pyplot): for GIF frames and committed figures."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=figsize, dpi=dpi)
    FigureCanvasAgg(fig)
    return fig


def save_png(fig, path, dpi: int = 80):
    """Write ``fig`` as a PNG without the "Software" metadata, so the same figure gives the same bytes."""
    import pathlib

    path = pathlib.Path(path)
    fig.savefig(path, format="png", dpi=dpi, metadata={"Software": None})
    return path


def show_images(images, title: str | None = None, ncols: int | None = None, size: float = 4.0, ax=None):
    """Show a batch (uint8 or float [-1, 1]) as one grid; returns the matplotlib Axes.

    Visto en 07 §Interpolación en el espacio latente.
    """
    import matplotlib.pyplot as plt

    grid = image_grid(images, ncols=ncols)
    size = check_float("size", size, 0, low_open=True)
    if ax is None:
        _, ax = plt.subplots(figsize=(size, size * grid.shape[0] / grid.shape[1]))
    ax.imshow(grid, cmap="gray", vmin=0, vmax=255, interpolation="nearest")
    ax.set_axis_off()
    if title:
        ax.set_title(title)
    return ax


def digits_per_class(images, labels, per_class: int = 10, seed: int = 0) -> np.ndarray:
    """``per_class`` examples of each digit 0–9, ordered class by class (for a 10-row grid).

    Visto en 00 §Los datos.
    """
    images = check_images("images", images)
    labels = _class_labels(labels, n=len(images), expected="plots.expected_labels")
    fewest = int(np.bincount(labels, minlength=10).min())
    per_class = check_int("per_class", per_class, 1, fewest, expected="plots.expected_per_class", n=fewest)
    rng = np.random.default_rng(check_int("seed", seed, 0))
    picks = [rng.choice(np.flatnonzero(labels == c), per_class, replace=False) for c in range(10)]
    return images[np.concatenate(picks)]


def show_digits_per_class(images, labels, per_class: int = 10, seed: int = 0, size: float = 4.5,
                          title: str | None = None):
    """A 10×``per_class`` grid: one row per class (digits by default; ``title`` names other classes).

    Visto en 00 §Los datos y 09 §Limpiar los datos.
    """
    chosen = digits_per_class(images, labels, per_class, seed)
    return show_images(chosen, title=t("plots.per_class", n=per_class) if title is None else title,
                       ncols=per_class, size=size)


def class_histogram(labels, *, title: str | None = None, share: bool = False, reference=None, ax=None):
    """Bar chart of how many images (or which share, ``share=True``) fall in each class 0–9.

    ``reference`` (shares) draws a dashed line, e.g. the real data's or the uniform 1/10.
    Returns the counts (or shares) as a numpy array.  Visto en 00 §Histograma de clases y 06 §¿Dibuja los diez dígitos?
    """
    import matplotlib.pyplot as plt

    counts = np.bincount(_class_labels(labels), minlength=10)
    values = counts / counts.sum() if share else counts
    ref = None
    if reference is not None:
        ref = check_array("reference", reference, "plots.expected_reference", ndim=(0, 1))
        if ref.size not in (1, 10):
            raise arg_error("reference", reference, "plots.expected_reference")
        ref = np.broadcast_to(ref, (10,))
    if ax is None:
        _, ax = plt.subplots(figsize=(5, 2.6))
    ax.bar(range(10), values, color="#4878cf")
    ax.set_xticks(range(10))
    ax.set_xlabel(t("plots.class"))
    ax.set_ylabel(t("plots.share") if share else t("plots.count"))
    if ref is not None:
        ax.step(np.arange(11) - 0.5, np.append(ref, ref[-1]), where="post", color="k", ls="--", lw=1,
                label=t("plots.uniform") if np.allclose(ref, 0.1) else None)
        if np.allclose(ref, 0.1):
            ax.legend(loc="lower right", fontsize=10)
    ax.set_title(title or t("plots.class_histogram"))
    return values
