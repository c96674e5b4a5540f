"""Exercises of lesson 09 (a colour DCGAN), answered with gan_course.images, models and colour_metrics.

09.1–09.3 are numbers; 09.4 asks for code: alpha compositing of a whole RGBA picture on a background (a function),
judged against the course's loader on pictures written to a temporary folder."""
import pathlib
import tempfile

import numpy as np

from .. import colour_metrics, images, models
from ..exercises import exercise


def _composited_pixel():
    """The pixel (200, 100, 0) with alpha 64, composited on black by the course's loader (a 1×1 PNG)."""
    from PIL import Image

    with tempfile.TemporaryDirectory() as tmp:
        Image.fromarray(np.array([[[200, 100, 0, 64]]], np.uint8), "RGBA").resize((8, 8), Image.NEAREST).save(
            pathlib.Path(tmp) / "p.png")
        return images.load_image_folder(tmp, 8, background="black")[0, 0, 0].astype(int).tolist()


def _paper_up_1_params():
    g = models.dcgan_generator((64, 64, 3), z_dim=100, width=128, kernel_size=5)
    return int(g.get_layer("up_1").count_params())


def _stripes_nyquist_ratio():
    """Vertical one-pixel stripes (−1, +1, −1, …) against the same stripes at half the amplitude: all their
    power sits at the Nyquist frequency, and power goes with the square of the amplitude (2² = 4)."""
    stripes = np.tile(np.array([-1.0, 1.0]), 16)[None, None, :, None] * np.ones((1, 32, 1, 3))
    return colour_metrics.checkerboard_ratio(stripes, 0.5 * stripes)


# --- 09.4: compositing a picture by hand ------------------------------------------------------------------

def _composite(rgba, background):
    """uint8 (H, W, 4) → uint8 (H, W, 3): a·c + (1 − a)·b with a = alpha / 255, rounded."""
    rgba = np.asarray(rgba, np.float64)
    a = rgba[..., 3:] / 255.0
    return np.rint(a * rgba[..., :3] + (1.0 - a) * np.asarray(background, np.float64)).astype(np.uint8)


def _composite_cases():
    rng = np.random.default_rng(7)
    cases = []
    for background in [(255, 255, 255), (0, 0, 0), (30, 200, 90)]:
        rgba = rng.integers(0, 256, (16, 16, 4)).astype(np.uint8)
        rgba[:4, :, 3] = 0      # a fully transparent band with garbage colour under it
        rgba[-4:, :, 3] = 255   # and an opaque one
        cases.append((rgba, background))
    return cases


def _judge_composite(answer):
    if not callable(answer):
        return False
    for rgba, background in _composite_cases():
        try:
            got = np.asarray(answer(rgba.copy(), background), dtype=np.float64)
        except Exception:  # noqa: BLE001  (any error in the student's code means "not yet")
            return False
        want = _composite(rgba, background).astype(np.float64)
        # Pillow's integer compositing and a float formula may differ by one level in a few pixels
        if got.shape != want.shape or np.abs(got - want).max() > 1.0:
            return False
    return True


exercise(
    "09.1",
    question={"es": "Un píxel RGBA (200, 100, 0, 64) compuesto sobre un fondo negro: ¿qué color RGB queda? "
                    "(una lista de tres enteros)",
              "pt": "Um pixel RGBA (200, 100, 0, 64) composto sobre um fundo preto: que cor RGB fica? "
                    "(uma lista de três inteiros)"},
    hint={"es": "a = 64/255; salida = a·c + (1 − a)·b con b = (0, 0, 0); redondea.",
          "pt": "a = 64/255; saída = a·c + (1 − a)·b com b = (0, 0, 0); arredonde."},
    expected=_composited_pixel, atol=0.5,
)

exercise(
    "09.2",
    question={"es": "En el generador del artículo (width=128, kernel 5), ¿cuántos parámetros tiene la primera "
                    "convolución transpuesta, de 4×4×1024 a 8×8×512 (sin sesgo: la sigue una normalización)?",
              "pt": "No gerador do artigo (width=128, kernel 5), quantos parâmetros tem a primeira convolução "
                    "transposta, de 4×4×1024 para 8×8×512 (sem viés: é seguida por uma normalização)?"},
    hint={"es": "kernel × kernel × canales de entrada × filtros.",
          "pt": "kernel × kernel × canais de entrada × filtros."},
    expected=_paper_up_1_params,
)

exercise(
    "09.3",
    question={"es": "Rayas verticales de un píxel (−1, +1, −1, …) frente a las mismas rayas con la mitad de "
                    "amplitud (−0.5, +0.5, …): ¿cuánto vale colour_metrics.checkerboard_ratio(rayas, media_rayas)?",
              "pt": "Listras verticais de um pixel (−1, +1, −1, …) contra as mesmas listras com metade da amplitude "
                    "(−0.5, +0.5, …): quanto vale colour_metrics.checkerboard_ratio(listras, meia_listras)?"},
    hint={"es": "La potencia es el cuadrado de la amplitud.",
          "pt": "A potência é o quadrado da amplitude."},
    expected=_stripes_nyquist_ratio, atol=1e-6,
)

exercise(
    "09.4",
    question={"es": "Escribe composite(rgba, background): una imagen uint8 (H, W, 4) compuesta sobre el color "
                    "background (r, g, b), devuelta como uint8 (H, W, 3), con la fórmula a·c + (1 − a)·b.",
              "pt": "Escreva composite(rgba, background): uma imagem uint8 (H, W, 4) composta sobre a cor "
                    "background (r, g, b), devolvida como uint8 (H, W, 3), com a fórmula a·c + (1 − a)·b."},
    hint={"es": "a = rgba[..., 3:] / 255 (el corte 3: conserva el eje para que se difunda sobre los tres "
                "canales); redondea con np.rint y convierte a uint8.",
          "pt": "a = rgba[..., 3:] / 255 (o corte 3: mantém o eixo para que se difunda sobre os três canais); "
                "arredonde com np.rint e converta para uint8."},
    judge=_judge_composite, example=_composite,
)
