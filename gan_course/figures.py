"""``python -m gan_course figures`` — regenerate every figure in ``figures/``.

Each module that draws course figures exposes ``FIGURES``: a dict ``{file name: function(path)}``
that writes one file deterministically (same bytes on every run).  This module collects them
from ``FIGURE_MODULES`` and writes them into the chosen folder (default ``figures/`` of the
repository checkout).
"""
from __future__ import annotations

import importlib
import pathlib
import time

from .i18n import register, t

FIGURE_MODULES = ["gan_course.animate", "gan_course.objective", "gan_course.transposed"]

register({
    "figures.out": {"es": "carpeta de destino (por defecto: figures/ del repositorio)",
                    "pt": "pasta de destino (padrão: figures/ do repositório)"},
    "figures.only": {"es": "generar solo las figuras cuyo nombre contiene este texto",
                     "pt": "gerar só as figuras cujo nome contém este texto"},
    "figures.wrote": {"es": "escrito {path} ({kb:.0f} kB, {s:.1f} s)",
                      "pt": "escrito {path} ({kb:.0f} kB, {s:.1f} s)"},
    "figures.none": {"es": "ninguna figura coincide con {only!r}",
                     "pt": "nenhuma figura corresponde a {only!r}"},
})


def all_figures() -> dict:
    """``{file name: writer}`` gathered from every figure module that exists."""
    figs = {}
    for modname in FIGURE_MODULES:
        try:
            mod = importlib.import_module(modname)
        except ModuleNotFoundError as exc:
            if exc.name == modname:
                continue
            raise
        figs.update(getattr(mod, "FIGURES", {}))
    return dict(sorted(figs.items()))


def default_folder() -> pathlib.Path:
    return pathlib.Path(__file__).resolve().parents[1] / "figures"


def make_figures(out=None, only: str | None = None, verbose: bool = True) -> list[pathlib.Path]:
    """Write the figures (all, or those whose name contains ``only``) into ``out``."""
    out = pathlib.Path(out) if out else default_folder()
    out.mkdir(parents=True, exist_ok=True)
    figs = {k: v for k, v in all_figures().items() if not only or only in k}
    if only and not figs:
        raise ValueError(t("figures.none", only=only))
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
