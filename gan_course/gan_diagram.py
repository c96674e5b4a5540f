"""The block diagram of a GAN: z → G → G(z) → D ← x.

:func:`plot_gan` draws the two players and what flows between them: noise ``z`` goes into the generator,
the generator's picture ``G(z)`` and a real picture ``x`` from the data go into the discriminator, and the
discriminator answers with ``D(·) ∈ (0, 1)``, the probability that its input is real.  A dashed arrow marks
the only way the generator learns: the gradient of its loss, which flows back *through* D.  Lesson 10's
conditioning diagrams (:func:`gan_course.conditioning.plot_conditioning`) are this one with a class added.

Visto en 04 §Los dos jugadores.
"""
from __future__ import annotations

from .i18n import register, t
from .plots import pyplot_figure

register({
    "gan_diagram.noise": {"es": "z ~ N(0, I)\nruido", "pt": "z ~ N(0, I)\nruído"},
    "gan_diagram.generator": {"es": "G\ngenerador", "pt": "G\ngerador"},
    "gan_diagram.fake": {"es": "G(z)\nfalsa", "pt": "G(z)\nfalsa"},
    "gan_diagram.real": {"es": "x ~ p_data\nreal (datos)", "pt": "x ~ p_data\nreal (dados)"},
    "gan_diagram.discriminator": {"es": "D\ndiscriminador", "pt": "D\ndiscriminador"},
    "gan_diagram.answer": {"es": "D(·) ∈ (0, 1)\n¿es real?", "pt": "D(·) ∈ (0, 1)\né real?"},
    "gan_diagram.gradient": {"es": "gradiente de la pérdida de G, a través de D",
                             "pt": "gradiente da perda de G, através de D"},
})

_COLOURS = {"in": "#dbe9f6", "net": "#fde0c5", "out": "#e2f0d9", "data": "#fff2b3"}
#: (x, y, message key, colour, width) of each box, on a 10 × 4 canvas
BOXES = (
    (0.9, 2.7, "gan_diagram.noise", "in", 1.5),
    (3.0, 2.7, "gan_diagram.generator", "net", 1.4),
    (5.1, 2.7, "gan_diagram.fake", "out", 1.2),
    (5.1, 0.9, "gan_diagram.real", "data", 1.6),
    (7.1, 1.8, "gan_diagram.discriminator", "net", 1.6),
    (9.1, 1.8, "gan_diagram.answer", "out", 1.6),
)
#: arrows between box edges: z → G → G(z) → D ← x, D → answer
ARROWS = (((1.65, 2.7), (2.3, 2.7)), ((3.7, 2.7), (4.5, 2.7)), ((5.7, 2.6), (6.3, 2.0)),
          ((5.9, 1.0), (6.3, 1.6)), ((7.9, 1.8), (8.3, 1.8)))


def plot_gan(ax=None):
    """Draw the GAN's block diagram (z → G → G(z) → D ← x, D → D(·)) with labels in the active language.

    Draws on ``ax`` when given, else on a new 8 × 2.7 inch figure; returns the axes.
    Visto en 04 §Los dos jugadores.
    """
    from matplotlib.patches import FancyBboxPatch

    if ax is None:
        ax = pyplot_figure((8, 2.7)).add_subplot(1, 1, 1)
    for x, y, key, kind, width in BOXES:
        ax.add_patch(FancyBboxPatch((x - width / 2, y - 0.45), width, 0.9, boxstyle="round,pad=0.05",
                                    fc=_COLOURS[kind], ec="#444444", lw=1))
        ax.text(x, y, t(key), ha="center", va="center", fontsize=10)
    for start, end in ARROWS:
        ax.annotate("", xy=end, xytext=start, arrowprops={"arrowstyle": "->", "color": "#444444", "lw": 1.4})
    ax.annotate("", xy=(3.0, 3.25), xytext=(7.1, 2.35),
                arrowprops={"arrowstyle": "->", "color": "#b04020", "lw": 1.2, "ls": "--",
                            "connectionstyle": "arc3,rad=0.35"})
    ax.text(5.0, 3.85, t("gan_diagram.gradient"), ha="center", va="center", fontsize=9, color="#b04020")
    ax.set_xlim(0, 10)
    ax.set_ylim(0.3, 4.1)
    ax.set_axis_off()
    return ax


__all__ = ["plot_gan", "BOXES", "ARROWS"]
