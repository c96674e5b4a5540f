"""Asking a GAN for a given digit: the ways of telling the networks the class, and drawing with it.

* :func:`plot_conditioning` draws the four ways lesson 10 compares, as block diagrams (each one lesson 04's
  z → G → G(z) → D ← x, with the real picture x and its class y going into D): the conditional GAN
  by concatenation (Mirza & Osindero 2014; the one-hot goes into G next to z and into D as extra image
  channels, ``models.dcgan_discriminator(concat=k)``), AC-GAN (Odena, Olah & Shlens 2017; D also names the class,
  ``classes=k``), the projection discriminator (Miyato & Koyama 2018; ``projection=k``) and CC-GAN (Denton
  et al. 2016; the condition is the rest of the image, the road to Pix2Pix).
* :func:`digit_latents` gives latent vectors (and labels) that ask a generator for given digits: a
  conditional generator (``--model cdcgan``: a second input) gets the labels; a generator with a latent code
  (``--model course``) gets its first ten numbers permuted so that the largest sits at the digit (the same
  N(0, I) noise, as the training grid does).
* :func:`draw_number` writes a number with a generator, one generated digit per figure; :func:`style_grid`
  keeps z fixed along a row and changes only the digit.

Visto en 10 §Tres maneras de condicionar y 10 §Dibuja este número.
"""
from __future__ import annotations

import numpy as np

from .i18n import arg_error, register, t
from .plots import pyplot_figure
from .validate import check_int

register({
    "conditioning.expected_number": {
        "es": "un texto de cifras 0–9 (p. ej. \"2026\"), de 1 a 40 cifras",
        "pt": "um texto de algarismos 0–9 (p. ex. \"2026\"), de 1 a 40 algarismos",
    },
    "conditioning.expected_digits": {
        "es": "dígitos enteros de 0 a {last}",
        "pt": "dígitos inteiros de 0 a {last}",
    },
    "conditioning.expected_generator": {
        "es": "un generador que sepa qué dígito dibujar: condicional (--model cdcgan) o con código latente "
              "(--model course)",
        "pt": "um gerador que saiba que dígito desenhar: condicional (--model cdcgan) ou com código latente "
              "(--model course)",
    },
    # diagram
    "conditioning.cgan": {"es": "cGAN: concatenar", "pt": "cGAN: concatenar"},
    "conditioning.acgan": {"es": "AC-GAN: D nombra la clase", "pt": "AC-GAN: D nomeia a classe"},
    "conditioning.projection": {"es": "proyección: D pregunta «¿un y real?»",
                                "pt": "projeção: D pergunta “um y real?”"},
    "conditioning.ccgan": {"es": "CC-GAN: la condición es una imagen",
                           "pt": "CC-GAN: a condição é uma imagem"},
    "conditioning.maps": {"es": "y como 10\ncanales", "pt": "y como 10\ncanais"},
    "conditioning.real_fake": {"es": "¿real?", "pt": "real?"},
    "conditioning.real_x": {"es": "x real, y", "pt": "x real, y"},
    "conditioning.real_whole": {"es": "x real", "pt": "x real"},
    "conditioning.class": {"es": "¿qué clase?\n(entropía cruzada)", "pt": "que classe?\n(entropia cruzada)"},
    "conditioning.hole": {"es": "imagen con\nun hueco", "pt": "imagem com\num buraco"},
    "conditioning.filled": {"es": "hueco\nrellenado", "pt": "buraco\npreenchido"},
    "conditioning.whole": {"es": "¿imagen\nreal?", "pt": "imagem\nreal?"},
})


# --------------------------------------------------------------------------- the diagram
_COLOURS = {"in": "#dbe9f6", "net": "#fde0c5", "out": "#e2f0d9", "label": "#f3d9f7", "data": "#fff2b3"}


def _box(ax, x, y, text, kind, w=1.5, h=0.8):
    from matplotlib.patches import FancyBboxPatch

    ax.add_patch(FancyBboxPatch((x - w / 2, y - h / 2), w, h, boxstyle="round,pad=0.05", fc=_COLOURS[kind],
                                ec="#444444", lw=1))
    ax.text(x, y, text, ha="center", va="center", fontsize=9)


def _arrow(ax, a, b):
    ax.annotate("", xy=b, xytext=a, arrowprops={"arrowstyle": "->", "color": "#444444", "lw": 1.2})


def _panel(ax, title, boxes, arrows):
    for x, y, text, kind, *size in boxes:
        _box(ax, x, y, text, kind, *size)
    for a, b in arrows:
        _arrow(ax, a, b)
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 4)
    ax.set_title(title, fontsize=11)
    ax.set_axis_off()


def plot_conditioning():
    """Block diagrams of the four ways of conditioning (cGAN, AC-GAN, projection, CC-GAN); returns the figure.

    Every panel is the GAN diagram of lesson 04 (z → G → G(z) → D ← x) with the condition added: D judges a real
    picture x (with its own class y) or a generated one.  Visto en 10 §Tres maneras de condicionar.
    """
    fig = pyplot_figure((11, 6.4))
    axes = [fig.add_subplot(2, 2, i + 1) for i in range(4)]
    real = t("conditioning.real_x")
    g_row = [(0.9, 3.2, "z", "in", 1.0), (0.9, 2.2, "y", "label", 1.0), (2.6, 2.7, "G", "net", 1.0),
             (4.3, 2.7, "G(z, y)", "out", 1.4)]
    g_arrows = [((1.4, 3.1), (2.1, 2.8)), ((1.4, 2.3), (2.1, 2.6)), ((3.1, 2.7), (3.6, 2.7))]
    _panel(axes[0], t("conditioning.cgan"),
           g_row + [(6.6, 3.5, real, "data", 1.2, 0.7), (4.3, 1.0, t("conditioning.maps"), "label", 1.5, 1.0),
                    (6.6, 1.9, "D", "net", 1.0), (8.7, 1.9, t("conditioning.real_fake"), "out", 1.4)],
           g_arrows + [((0.9, 1.8), (3.55, 1.0)), ((5.0, 2.5), (6.1, 2.0)), ((5.05, 1.1), (6.1, 1.8)),
                       ((6.6, 3.15), (6.6, 2.3)), ((7.1, 1.9), (8.0, 1.9))])
    _panel(axes[1], t("conditioning.acgan"),
           g_row + [(6.2, 3.5, real, "data", 1.2, 0.7), (6.2, 2.2, "D", "net", 1.0),
                    (8.6, 3.1, t("conditioning.real_fake"), "out", 1.5),
                    (8.6, 1.2, t("conditioning.class"), "out", 2.5, 1.0)],
           g_arrows + [((5.0, 2.6), (5.7, 2.3)), ((6.2, 3.15), (6.2, 2.6)), ((6.7, 2.3), (7.85, 3.0)),
                       ((6.7, 2.1), (7.35, 1.4)), ((0.9, 1.8), (7.35, 1.0))])
    _panel(axes[2], t("conditioning.projection"),
           g_row + [(6.0, 3.5, real, "data", 1.2, 0.7), (6.0, 2.2, "D: φ(x)", "net", 1.4),
                    (6.0, 0.8, "e_y", "label", 1.0), (8.6, 1.6, "w·φ + b\n+ e_y·φ", "out", 1.8, 1.0)],
           g_arrows + [((5.0, 2.6), (5.3, 2.3)), ((6.0, 3.15), (6.0, 2.6)), ((0.9, 1.8), (5.5, 0.8)),
                       ((6.7, 2.1), (7.7, 1.8)), ((6.5, 0.8), (7.7, 1.4))])
    _panel(axes[3], t("conditioning.ccgan"),
           [(1.2, 2.7, t("conditioning.hole"), "label", 1.8, 1.0), (1.2, 1.2, "z", "in", 1.0),
            (3.4, 2.2, "G", "net", 1.0), (5.5, 2.2, t("conditioning.filled"), "out", 1.7, 1.0),
            (7.4, 3.5, t("conditioning.real_whole"), "data", 1.2, 0.7), (7.4, 2.2, "D", "net", 1.0),
            (9.1, 2.2, t("conditioning.whole"), "out", 1.4, 1.0)],
           [((2.1, 2.6), (2.9, 2.3)), ((1.7, 1.3), (2.9, 2.1)), ((3.9, 2.2), (4.65, 2.2)),
            ((6.35, 2.2), (6.9, 2.2)), ((7.4, 3.15), (7.4, 2.6)), ((7.9, 2.2), (8.4, 2.2))])
    fig.tight_layout()
    return fig


# --------------------------------------------------------------------------- asking for digits
def _classes(generator):
    from .netinfo import check_model, generator_classes, generator_conditional

    check_model("generator", generator)
    classes = generator_classes(generator)
    if not classes:
        raise arg_error("generator", generator.name, "conditioning.expected_generator")
    return classes, bool(generator_conditional(generator))


def digit_latents(generator, digits, seed: int = 0, z=None):
    """``(z, labels)`` that ask ``generator`` for ``digits`` (labels is ``None`` for a generator with a
    latent code: its z already carries the digit).  ``z`` — latent vectors to use (one per digit), or
    fresh seeded N(0, I) ones.  Visto en 10 §Dibuja este número.
    """
    classes, conditional = _classes(generator)
    digits = np.asarray(digits)
    if digits.ndim != 1 or digits.size == 0 or not np.issubdtype(digits.dtype, np.integer) \
            or digits.min() < 0 or digits.max() >= classes:
        raise arg_error("digits", digits.tolist() if digits.ndim else digits, "conditioning.expected_digits",
                        last=classes - 1)
    digits = digits.astype(np.int32)
    seed = check_int("seed", seed, 0)
    z_dim = int(generator.inputs[0].shape[-1])
    z = (np.random.default_rng(seed).standard_normal((len(digits), z_dim)) if z is None
         else np.array(z, np.float64).reshape(len(digits), z_dim)).astype(np.float32)
    if conditional:
        return z, digits
    head = z[:, :classes].copy()
    rows = np.arange(len(z))
    top = head.argmax(axis=1)
    head[rows, top], head[rows, digits] = head[rows, digits], head[rows, top]  # swap: the largest goes to the digit
    return np.concatenate([head, z[:, classes:]], axis=1), None


def generate_digits(generator, digits, seed: int = 0, z=None) -> np.ndarray:
    """The generator's drawing of each of ``digits``, float32 [-1, 1] (N, H, W, C), in inference mode.

    Visto en 10 §Dibuja este número.
    """
    z, labels = digit_latents(generator, digits, seed, z)
    out = generator([z, labels] if labels is not None else z, training=False)
    return np.asarray(out, np.float32)


def draw_number(generator, number: str = "2026", seed: int = 0) -> np.ndarray:
    """``number`` (a string of digits) written by the generator: one uint8 image, the digits side by side
    ((H, W·len) for grey digits).

    Visto en 10 §Dibuja este número.
    """
    from .data import to_uint8

    if not isinstance(number, str) or not number.isdigit() or not 1 <= len(number) <= 40 \
            or not number.isascii():
        raise arg_error("number", number, "conditioning.expected_number")
    images = to_uint8(generate_digits(generator, [int(c) for c in number], seed))
    row = np.concatenate(list(images), axis=1)
    return row[..., 0] if row.shape[-1] == 1 else row  # grey: (H, W), as plt.imshow wants it


def style_grid(generator, styles: int = 5, seed: int = 0) -> np.ndarray:
    """``styles`` rows × one column per digit: each row keeps one latent vector (the "style": thickness,
    slant) and only the digit changes.  float32 [-1, 1], row after row.
    Visto en 10 §Dibuja este número y 07 §Aritmética.
    """
    classes, _ = _classes(generator)
    styles = check_int("styles", styles, 1, 20)
    z_dim = int(generator.inputs[0].shape[-1])
    z = np.repeat(np.random.default_rng(check_int("seed", seed, 0)).standard_normal((styles, z_dim)), classes, 0)
    return generate_digits(generator, np.tile(np.arange(classes), styles), z=z)
