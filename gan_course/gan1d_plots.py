"""What a 1-D GAN's training records (:class:`History1D`) and the pictures drawn from that record.

:meth:`gan_course.gan1d.GAN1D.train` fills a :class:`History1D`; :func:`plot_gan1d` shows one record (``p_data``,
``p_g`` and ``D(x)``), :func:`plot_gan1d_losses` the losses and D's mean outputs, :func:`gan1d_frames` and
:func:`write_gan1d_gif` the whole training as a GIF, :func:`plot_mode_collapse` which peaks of a mixture
several trainings cover.  All of them are also reachable as ``gan_course.gan1d.<name>``.

Visto en 04 §Una GAN en 1-D y §Colapso de modos.
"""
from __future__ import annotations

import math
import pathlib
from dataclasses import dataclass, field

import numpy as np

from .densities import Mixture1D, mode_coverage
from .i18n import arg_error, register, t
from .plots import agg_figure, pyplot_figure
from .validate import check_array, check_float, check_int

LOG2 = math.log(2.0)

register({
    "gan1d_plots.expected_index": {
        "es": "un índice de registro entre {first} y {last}",
        "pt": "um índice de registro entre {first} e {last}",
    },
    "gan1d_plots.expected_history": {
        "es": "el History1D que devuelve GAN1D.train o train_gan1d, con al menos un paso",
        "pt": "o History1D que GAN1D.train ou train_gan1d devolve, com pelo menos um passo",
    },
    "gan1d_plots.expected_histories": {
        "es": "una lista no vacía de History1D del mismo conjunto de datos",
        "pt": "uma lista não vazia de History1D do mesmo conjunto de dados",
    },
    "gan1d_plots.expected_labels": {
        "es": "una etiqueta por entrenamiento ({n})",
        "pt": "um rótulo por treinamento ({n})",
    },
    "gan1d_plots.expected_values": {
        "es": "una lista 1-D de números finitos",
        "pt": "uma lista 1-D de números finitos",
    },
    # plot labels
    "gan1d_plots.pdata": {"es": "p_data (real)", "pt": "p_data (real)"},
    "gan1d_plots.pg": {"es": "p_g (generador)", "pt": "p_g (gerador)"},
    "gan1d_plots.step_axis": {"es": "paso de entrenamiento", "pt": "passo de treinamento"},
    "gan1d_plots.d_loss": {"es": "pérdida de D: −V", "pt": "perda de D: −V"},
    "gan1d_plots.g_loss": {"es": "pérdida de G", "pt": "perda de G"},
    "gan1d_plots.d_loss_eq": {"es": "equilibrio de D: 2·log 2", "pt": "equilíbrio de D: 2·log 2"},
    "gan1d_plots.g_loss_eq": {"es": "equilibrio de G: {value}", "pt": "equilíbrio de G: {value}"},
    "gan1d_plots.d_real": {"es": "D(x), x real", "pt": "D(x), x real"},
    "gan1d_plots.d_fake": {"es": "D(G(z)), falsa", "pt": "D(G(z)), falsa"},
    "gan1d_plots.half": {"es": "1/2: D ya no distingue", "pt": "1/2: D já não distingue"},
    "gan1d_plots.losses_panel": {"es": "Pérdidas (media móvil)", "pt": "Perdas (média móvel)"},
    "gan1d_plots.outputs_panel": {"es": "Salidas medias de D", "pt": "Saídas médias de D"},
    "gan1d_plots.snapshot_title": {"es": "paso {step} de {steps}", "pt": "passo {step} de {steps}"},
    "gan1d_plots.fraction_axis": {
        "es": "fracción de G a ≤ {radius:g}σ del pico",
        "pt": "fração de G a ≤ {radius:g}σ do pico",
    },
    "gan1d_plots.seed": {"es": "semilla {seed}", "pt": "semente {seed}"},
    "gan1d_plots.collapse_title": {
        "es": "Mezcla de dos picos: final de cada entrenamiento",
        "pt": "Mistura de dois picos: final de cada treinamento",
    },
    "gan1d_plots.fraction_title": {
        "es": "¿Qué pico cubre G? (— izquierdo, - - derecho)",
        "pt": "Qual pico G cobre? (— esquerdo, - - direito)",
    },
})


@dataclass
class History1D:
    """What :meth:`GAN1D.train` records.

    Per training step: ``d_loss`` (``−V`` on the batch), ``g_loss``, and the mean ``D(x)`` on real
    (``d_real``) and generated (``d_fake``) samples.  Per record (before the first step, every
    ``record_every`` steps and after the last): the step number, the generator's samples from a
    fixed noise batch, their KDE ``p_g`` on the grid ``x`` and ``D(x)`` on the same grid.  ``p_data``
    is the true data density.  Visto en 04 §Una GAN en 1-D.
    """

    data: Mixture1D
    x: np.ndarray
    p_data: np.ndarray
    loss: str = "non_saturating"
    steps: int = 0
    d_loss: list = field(default_factory=list)
    g_loss: list = field(default_factory=list)
    d_real: list = field(default_factory=list)
    d_fake: list = field(default_factory=list)
    record_steps: list = field(default_factory=list)
    samples: list = field(default_factory=list)
    p_g: list = field(default_factory=list)
    d: list = field(default_factory=list)

    @property
    def g_mean(self) -> np.ndarray:
        """Mean of the generator's samples at each record."""
        return np.asarray([s.mean() for s in self.samples])

    @property
    def g_std(self) -> np.ndarray:
        return np.asarray([s.std() for s in self.samples])


def smooth(values, window: int = 25) -> np.ndarray:
    """Moving average (``window`` steps; shorter at the start) for noisy per-step curves.

    Visto en 04 §Una GAN en 1-D.
    """
    v = check_array("values", values, "gan1d_plots.expected_values", ndim=1, min_size=0)
    window = check_int("window", window, 1)
    c = np.cumsum(np.insert(v, 0, 0.0))
    idx = np.arange(1, len(v) + 1)
    lo = np.maximum(idx - window, 0)
    return (c[idx] - c[lo]) / (idx - lo)


def _history(history) -> History1D:
    if not isinstance(history, History1D) or not history.record_steps or history.steps < 1:
        raise arg_error("history", history, "gan1d_plots.expected_history")
    return history


def _draw_densities(ax, history, index, math_labels=False):
    """``p_data``, ``p_g`` and ``D(x)`` of record ``index`` on ``ax``; returns the ``p_g`` and ``D`` lines."""
    x = history.x
    ax.fill_between(x, history.p_data, color="#1f77b4", alpha=0.25,
                    label="$p_{data}$" if math_labels else t("gan1d_plots.pdata"))
    (pg_line,) = ax.plot(x, history.p_g[index], color="#ff7f0e", lw=2,
                         label="$p_g$" if math_labels else t("gan1d_plots.pg"))
    (d_line,) = ax.plot(x, history.d[index], color="#2ca02c", lw=2, label="$D(x)$")
    ax.axhline(0.5, color="k", ls=":", lw=1)
    ax.set_xlim(x[0], x[-1])
    ax.set_ylim(0, 1.05)
    ax.grid(alpha=0.3)
    ax.legend(loc="upper left", fontsize=8)
    return pg_line, d_line


def _g_loss_at_equilibrium(loss):
    """``J(G)`` when ``D = 1/2`` everywhere: ``log(1/2)`` for minimax, ``−log(1/2)`` for non-saturating."""
    return (-LOG2, "−log 2") if loss == "minimax" else (LOG2, "log 2")


def plot_gan1d(history: History1D, index: int = -1):
    """One record of the 1-D GAN: ``p_data``, the generator's density ``p_g`` and ``D(x)``.

    ``index`` counts records (negative from the end).  Returns the figure.  Visto en 04 §Una GAN en 1-D.
    """
    history = _history(history)
    n = len(history.record_steps)
    i = check_int("index", index, -n, n - 1, expected="gan1d_plots.expected_index", first=-n, last=n - 1) % n
    fig = pyplot_figure((6.4, 3.2))
    ax = fig.add_subplot(1, 1, 1)
    _draw_densities(ax, history, i)
    ax.set_title(t("gan1d_plots.snapshot_title", step=history.record_steps[i], steps=history.steps), fontsize=11)
    ax.set_xlabel("x")
    fig.tight_layout()
    return fig


def plot_gan1d_losses(history: History1D, window: int = 25):
    """Loss curves (moving average) with their equilibrium values, and the mean outputs of D.

    At the equilibrium ``p_g = p_data`` and ``D = 1/2``: ``−V = 2·log 2`` and ``−log D(G(z)) = log 2``.
    Returns the figure.  Visto en 04 §Una GAN en 1-D.
    """
    history = _history(history)
    steps = np.arange(1, history.steps + 1)
    fig = pyplot_figure((11.0, 3.2))
    a0, a1 = fig.subplots(1, 2)
    a0.plot(steps, smooth(history.d_loss, window), color="#1f77b4", label=t("gan1d_plots.d_loss"))
    a0.plot(steps, smooth(history.g_loss, window), color="#ff7f0e", label=t("gan1d_plots.g_loss"))
    a0.axhline(2 * LOG2, color="#1f77b4", ls="--", lw=1, label=t("gan1d_plots.d_loss_eq"))
    g_eq, g_eq_text = _g_loss_at_equilibrium(history.loss)
    a0.axhline(g_eq, color="#ff7f0e", ls="--", lw=1, label=t("gan1d_plots.g_loss_eq", value=g_eq_text))
    a0.set_title(t("gan1d_plots.losses_panel"), fontsize=11)
    a1.plot(steps, smooth(history.d_real, window), color="#1f77b4", label=t("gan1d_plots.d_real"))
    a1.plot(steps, smooth(history.d_fake, window), color="#ff7f0e", label=t("gan1d_plots.d_fake"))
    a1.axhline(0.5, color="k", ls=":", lw=1, label=t("gan1d_plots.half"))
    a1.set_ylim(0, 1)
    a1.set_title(t("gan1d_plots.outputs_panel"), fontsize=11)
    for ax in (a0, a1):
        ax.set_xlabel(t("gan1d_plots.step_axis"))
        ax.grid(alpha=0.3)
        ax.legend(fontsize=10, loc="upper right")
    fig.tight_layout()
    return fig


def gan1d_frames(history: History1D, size=(5.6, 3.6)) -> list:
    """One uint8 RGB frame per record: densities and D(x) on top, the losses so far below.

    Labels are mathematical symbols only (``p_data``, ``p_g``, ``D(x)``, ``L_D``, ``L_G``) so the
    same GIF serves both languages.  The figure is laid out once and only the curves change from
    frame to frame.  Visto en 04 §Una GAN en 1-D.
    """
    history = _history(history)
    size = tuple(check_float("size", v, 0, low_open=True) for v in size)
    d_loss, g_loss = smooth(history.d_loss), smooth(history.g_loss)
    both = np.concatenate([d_loss, g_loss, [0.0, 2 * LOG2]])
    lo, hi = float(both.min()), float(both.max())
    pad = 0.1 * (hi - lo)
    fig = agg_figure(size)
    top, bottom = fig.subplots(2, 1, gridspec_kw={"height_ratios": [2.2, 1]})
    pg_line, d_line = _draw_densities(top, history, 0, math_labels=True)
    title = top.set_title(f"{history.steps} / {history.steps}", fontsize=10)
    (dl_line,) = bottom.plot([], [], color="#1f77b4", lw=1.5, label="$L_D$")
    (gl_line,) = bottom.plot([], [], color="#ff7f0e", lw=1.5, label="$L_G$")
    bottom.axhline(2 * LOG2, color="#1f77b4", ls="--", lw=0.8)
    bottom.axhline(_g_loss_at_equilibrium(history.loss)[0], color="#ff7f0e", ls="--", lw=0.8)
    bottom.set_xlim(0, max(history.steps, 1))
    bottom.set_ylim(lo - pad, hi + pad)
    bottom.grid(alpha=0.3)
    bottom.legend(loc="upper right", fontsize=8, ncol=2)
    fig.tight_layout()
    frames = []
    for i, step in enumerate(history.record_steps):
        pg_line.set_ydata(history.p_g[i])
        d_line.set_ydata(history.d[i])
        steps = np.arange(1, step + 1)
        dl_line.set_data(steps, d_loss[:step])
        gl_line.set_data(steps, g_loss[:step])
        title.set_text(f"{step} / {history.steps}")
        fig.canvas.draw()
        frames.append(np.asarray(fig.canvas.buffer_rgba())[..., :3].copy())
    return frames


def write_gan1d_gif(history: History1D, path, duration_ms=120, last_ms=1500) -> pathlib.Path:
    """Render :func:`gan1d_frames` to a looping GIF with :func:`gan_course.gif.write_gif`.

    The last frame stays ``last_ms`` milliseconds.  Returns the path.  Visto en 04 §Una GAN en 1-D.
    """
    from .gif import write_gif

    duration_ms = check_float("duration_ms", duration_ms, 10)
    last_ms = check_float("last_ms", last_ms, 10)
    frames = gan1d_frames(history)
    durations = [duration_ms] * (len(frames) - 1) + [last_ms]
    return write_gif(path, frames, duration_ms=durations)


def plot_mode_collapse(histories, labels=None, title: str | None = None, radius: float = 2.0):
    """Several trainings on a two-peak mixture: each run's final ``p_g`` against ``p_data`` (left)
    and, along training, the share of its samples within ``radius``·σ of the left peak (solid) and of
    the right peak (dashed), measured with :func:`gan_course.objective.mode_coverage` (right panel: 1/2
    and 1/2 means both peaks are covered; 1 and 0, one peak only — mode collapse; both low, samples
    between or beside the peaks).  ``title`` names the recipe on the left panel.  Returns the figure.

    Visto en 04 §Colapso de modos.
    """
    histories = list(histories) if isinstance(histories, (list, tuple)) else [histories]
    if not histories or not all(isinstance(h, History1D) and h.record_steps for h in histories) \
            or any(h.data != histories[0].data for h in histories):
        raise arg_error("histories", histories, "gan1d_plots.expected_histories")
    labels = [t("gan1d_plots.seed", seed=i) for i in range(len(histories))] if labels is None else list(labels)
    if len(labels) != len(histories):
        raise arg_error("labels", labels, "gan1d_plots.expected_labels", n=len(histories))
    radius = check_float("radius", radius, 0, low_open=True)
    fig = pyplot_figure((11.0, 3.6))
    a0, a1 = fig.subplots(1, 2)
    h0 = histories[0]
    a0.fill_between(h0.x, h0.p_data, color="#1f77b4", alpha=0.25, label=t("gan1d_plots.pdata"))
    for h, label in zip(histories, labels):
        (line,) = a0.plot(h.x, h.p_g[-1], lw=1.5, label=label)
        shares = np.asarray([mode_coverage(s, h.data, radius) for s in h.samples])
        a1.plot(h.record_steps, shares[:, 0], lw=1.5, marker=".", color=line.get_color(), label=label)
        a1.plot(h.record_steps, shares[:, -2], lw=1.2, ls="--", color=line.get_color())
    a0.set_ylim(0, 1.05)
    a0.set_xlim(h0.x[0], h0.x[-1])
    a0.set_title(title or t("gan1d_plots.collapse_title"), fontsize=11)
    a0.set_xlabel("x")
    a1.axhline(0.5, color="k", ls=":", lw=1)
    a1.set_ylim(-0.03, 1.03)
    a1.set_xlabel(t("gan1d_plots.step_axis"))
    a1.set_ylabel(t("gan1d_plots.fraction_axis", radius=radius), fontsize=10)
    a1.set_title(t("gan1d_plots.fraction_title"), fontsize=11)
    for ax in (a0, a1):
        ax.grid(alpha=0.3)
        ax.legend(fontsize=10, loc="upper right")
    fig.tight_layout()
    return fig
