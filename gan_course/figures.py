"""``python -m gan_course figures`` — regenerate every figure in ``figures/``.

The lessons show these files; no lesson calls the code that draws them, so it lives here, apart from
the modules the lessons import.  Each writer is a function ``writer(path)`` that writes one file
deterministically (same bytes on every run, whatever the language or quick mode):

* the convolution-arithmetic GIFs of lessons 02–03, one per row of :data:`gan_course.animate.TABLE`;
* ``checkerboard.png`` (lesson 03): the three ways to double an image of ones (:func:`checkerboard_maps`);
* ``generator_losses_es.png`` / ``_pt.png`` (lesson 04): :func:`gan_course.objective.plot_generator_losses`;
* ``gan1d.gif`` (lesson 04): the 1-D GAN of :mod:`gan_course.gan1d` learning N(4, 0.5²).

:func:`all_figures` lists them and :func:`make_figures` writes them into a folder (default: ``figures/``
of the repository checkout).
"""
from __future__ import annotations

import os
import pathlib
import time

import numpy as np

from .i18n import arg_error, language, register, t

register({
    "figures.out": {"es": "carpeta de destino (por defecto: figures/ del repositorio)",
                    "pt": "pasta de destino (padrão: figures/ do repositório)"},
    "figures.only": {"es": "generar solo las figuras cuyo nombre contiene este texto",
                     "pt": "gerar só as figuras cujo nome contém este texto"},
    "figures.wrote": {"es": "escrito {path} ({kb:.0f} kB, {s:.1f} s)",
                      "pt": "escrito {path} ({kb:.0f} kB, {s:.1f} s)"},
    "figures.expected_only": {"es": "parte del nombre de una figura: {names}",
                              "pt": "parte do nome de uma figura: {names}"},
    "figures.expected_out": {"es": "una carpeta (se crea si no existe)",
                             "pt": "uma pasta (é criada se não existir)"},
})


def checkerboard_maps(n: int = 4) -> dict:
    """Double an ``n``×``n`` image of ones three ways, with kernels of ones (Keras ``'same'`` sizes).

    Returns ``{title: 2n×2n map}`` for a transposed convolution 3×3/stride 2 (uneven: 1, 2, 4),
    a transposed convolution 4×4/stride 2 (even inside: 4 everywhere) and nearest-neighbour
    resize + 3×3 convolution (even inside: 9).  Titles are formulas (no words), shared by es/pt.
    The picture of lesson 03 §Artefactos de tablero de ajedrez.
    """
    from . import conv, transposed
    from .validate import check_int

    ones = np.ones((check_int("n", n, 1),) * 2)
    return {
        "$k=3,\\ s=2$": conv.conv_transpose2d(ones, np.ones((3, 3)), stride=2, padding="same"),
        "$k=4,\\ s=2$": conv.conv_transpose2d(ones, np.ones((4, 4)), stride=2, padding="same"),
        "$\\times 2 \\;+\\; k=3$": transposed.resize_conv(ones, np.ones((3, 3)), 2),
    }


def write_checkerboard(path):
    """``checkerboard.png``: :func:`checkerboard_maps` drawn by :func:`gan_course.transposed.plot_maps`."""
    from .plots import agg_figure, save_png
    from .transposed import plot_maps

    maps = checkerboard_maps(4)
    fig = agg_figure((3.0 * len(maps), 3.3))
    plot_maps(maps, axes=fig.subplots(1, len(maps)))
    fig.tight_layout()
    return save_png(fig, path)


def generator_losses_writer(lang: str):
    """A writer of ``generator_losses_<lang>.png``: the two generator losses and their gradients."""
    def write(path):
        from .objective import plot_generator_losses
        from .plots import agg_figure, save_png

        with language(lang):
            return save_png(plot_generator_losses(agg_figure((12.0, 3.8))), path)

    return write


def write_gan1d(path):
    """``gan1d.gif``: the 1-D GAN on N(4, 0.5²), seed 0, 1200 steps (fixed sizes: the same in quick mode)."""
    from .gan1d import train_gan1d, write_gan1d_gif

    _, history = train_gan1d("gaussian", 1200, seed=0, record_every=40)
    return write_gan1d_gif(history, path)


def all_figures() -> dict:
    """``{file name: writer}`` of every committed figure, sorted by name."""
    from . import animate

    figs = dict(animate.FIGURES)
    figs["checkerboard.png"] = write_checkerboard
    figs["gan1d.gif"] = write_gan1d
    for lang in ("es", "pt"):
        figs[f"generator_losses_{lang}.png"] = generator_losses_writer(lang)
    return dict(sorted(figs.items()))


def default_folder() -> pathlib.Path:
    return pathlib.Path(__file__).resolve().parents[1] / "figures"


def make_figures(out=None, only: str | None = None, verbose: bool = True) -> list[pathlib.Path]:
    """Write the figures (all, or those whose name contains ``only``) into ``out``."""
    if out is not None and not isinstance(out, (str, os.PathLike)):
        raise arg_error("out", out, "figures.expected_out")
    out = pathlib.Path(out) if out else default_folder()
    if out.exists() and not out.is_dir():
        raise arg_error("out", str(out), "figures.expected_out")
    figs = all_figures()
    if only is not None:
        chosen = {k: v for k, v in figs.items() if isinstance(only, str) and only in k}
        if not chosen:
            raise arg_error("only", only, "figures.expected_only", names=", ".join(figs))
        figs = chosen
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, writer in figs.items():
        start = time.time()
        path = out / name
        writer(path)
        written.append(path)
        if verbose:
            shown = path.resolve()
            try:
                shown = shown.relative_to(pathlib.Path.cwd())
            except ValueError:
                pass
            print(t("figures.wrote", path=shown.as_posix(), kb=path.stat().st_size / 1e3, s=time.time() - start))
    return written


def add_arguments(parser):
    parser.add_argument("--out", help=t("figures.out"))
    parser.add_argument("--only", help=t("figures.only"))


def run(args) -> int:
    make_figures(args.out, args.only)
    return 0
