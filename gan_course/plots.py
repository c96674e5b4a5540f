"""Small matplotlib helpers shared by the notebooks: image grids, digits per class, class histograms.

All labels come from :mod:`gan_course.i18n`, so plots follow the notebook's language.
Visto en 00 §Los datos (and reused in 01 and 06).
"""
from __future__ import annotations

import numpy as np

from .gif import image_grid
from .i18n import arg_error, register, t

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
})


def show_images(images, title: str | None = None, ncols: int | None = None, size: float = 4.0, ax=None):
    """Show a batch (uint8 or float [-1, 1]) as one grid; returns the matplotlib Axes."""
    import matplotlib.pyplot as plt

    grid = image_grid(images, ncols=ncols)
    if ax is None:
        _, ax = plt.subplots(figsize=(size, size * grid.shape[0] / grid.shape[1]))
    ax.imshow(grid, cmap="gray", vmin=0, vmax=255, interpolation="nearest")
    ax.set_axis_off()
    if title:
        ax.set_title(title)
    return ax


def digits_per_class(images, labels, per_class: int = 10, seed: int = 0) -> np.ndarray:
    """``per_class`` examples of each digit 0–9, ordered class by class (for a 10-row grid)."""
    labels = np.asarray(labels)
    if labels.shape != (len(images),) or not np.all((labels >= 0) & (labels <= 9)):
        raise arg_error("labels", labels, "plots.expected_labels")
    rng = np.random.default_rng(seed)
    picks = [rng.choice(np.flatnonzero(labels == c), per_class, replace=False) for c in range(10)]
    return np.asarray(images)[np.concatenate(picks)]


def show_digits_per_class(images, labels, per_class: int = 10, seed: int = 0, size: float = 4.5):
    """A 10×``per_class`` grid: one row per digit class."""
    chosen = digits_per_class(images, labels, per_class, seed)
    return show_images(chosen, title=t("plots.per_class", n=per_class), ncols=per_class, size=size)


def class_histogram(labels, *, title: str | None = None, share: bool = False, reference=None, ax=None):
    """Bar chart of how many images (or which share, ``share=True``) fall in each class 0–9.

    ``reference`` (shares) draws a dashed line, e.g. the real data's or the uniform 1/10.
    Returns the counts (or shares) as a numpy array.  Visto en 00 §Los datos y 06 §Puntuaciones.
    """
    import matplotlib.pyplot as plt

    labels = np.asarray(labels).astype(int)
    counts = np.bincount(labels, minlength=10)[:10]
    values = counts / max(counts.sum(), 1) if share else counts
    if ax is None:
        _, ax = plt.subplots(figsize=(5, 2.6))
    ax.bar(range(10), values, color="#4878cf")
    ax.set_xticks(range(10))
    ax.set_xlabel(t("plots.class"))
    ax.set_ylabel(t("plots.share") if share else t("plots.count"))
    if reference is not None:
        ref = np.broadcast_to(np.asarray(reference, dtype=float), (10,))
        ax.step(np.arange(11) - 0.5, np.append(ref, ref[-1]), where="post", color="k", ls="--", lw=1,
                label=t("plots.uniform") if np.allclose(ref, 0.1) else None)
        if np.allclose(ref, 0.1):
            ax.legend(loc="lower right", fontsize=8)
    ax.set_title(title or t("plots.class_histogram"))
    return values
