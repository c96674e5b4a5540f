"""Exercises of lesson 09 (a colour DCGAN), answered with gan_course.images, models and colour_metrics.

09.1–09.3 are numbers; 09.4 and 09.5 ask for code: alpha compositing of a whole RGBA picture on a background (a
function, judged against the formula on random pictures with transparent and opaque bands), and the Nyquist power
behind ``colour_metrics.checkerboard_ratio`` (a function, judged by the ratios it gives on stripes, checkerboards,
noise and real emoji)."""
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
    hint={"es": "Aplica la fórmula de «La trampa de la transparencia» canal a canal: ¿qué aporta el fondo cuando es "
                "negro? Redondea al entero más cercano.",
          "pt": "Aplique a fórmula de “A armadilha da transparência” canal a canal: o que o fundo contribui quando é "
                "preto? Arredonde para o inteiro mais próximo."},
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
                    "(−0,5; +0,5; …): quanto vale colour_metrics.checkerboard_ratio(listras, meia_listras)?"},
    hint={"es": "¿Cómo crece la potencia de una señal cuando su amplitud se duplica? Compruébalo construyendo las "
                "rayas con NumPy y llamando a la función.",
          "pt": "Como cresce a potência de um sinal quando a sua amplitude dobra? Confira construindo as listras com "
                "NumPy e chamando a função."},
    expected=_stripes_nyquist_ratio, atol=1e-6,
)

exercise(
    "09.4",
    question={"es": "Escribe composite(rgba, background): una imagen uint8 (H, W, 4) compuesta sobre el color "
                    "background (r, g, b), devuelta como uint8 (H, W, 3), con la fórmula a·c + (1 − a)·b.",
              "pt": "Escreva composite(rgba, background): uma imagem uint8 (H, W, 4) composta sobre a cor "
                    "background (r, g, b), devolvida como uint8 (H, W, 3), com a fórmula a·c + (1 − a)·b."},
    hint={"es": "Separa el color (tres canales) de alfa sin perder el último eje, para que alfa se difunda sobre los "
                "tres canales; calcula en float y vuelve a uint8 redondeando.",
          "pt": "Separe a cor (três canais) do alfa sem perder o último eixo, para que o alfa se difunda sobre os três "
                "canais; calcule em float e volte a uint8 arredondando."},
    judge=_judge_composite, example=_composite,
)


# --- 09.5: the Nyquist power behind the checkerboard ratio ---------------------------------------------------

def _nyquist_power(batch):
    """Mean power (over images and channels) on the Nyquist row and column of the 2-D DFT, their crossing once."""
    x = np.asarray(batch, np.float64)
    h, w = x.shape[1:3]
    power = np.abs(np.fft.fft2(x, axes=(1, 2))) ** 2 / float(h * w) ** 2
    lines = power[:, h // 2].sum(axis=1) + power[:, :, w // 2].sum(axis=1) - power[:, h // 2, w // 2]
    return float(lines.mean())


def _nyquist_cases():
    """Float [-1, 1] NHWC sets: stripes both ways, a checkerboard, noise, smooth noise and real emoji."""
    rng = np.random.default_rng(3)
    n, side = 8, 16
    sign = np.where(np.arange(side) % 2, 1.0, -1.0)
    rows = sign[None, :, None, None] * np.ones((n, side, side, 3))
    cols = sign[None, None, :, None] * np.ones((n, side, side, 3))
    board = rows * cols
    noise = rng.uniform(-1, 1, (n, side, side, 3))
    smooth = np.clip(noise.cumsum(axis=1).cumsum(axis=2) / 40, -1, 1)
    real = images.load_emoji(32)[:n].astype(np.float64) / 127.5 - 1.0
    return [(0.5 * rows, 0.7 * cols + 0.1 * noise), (board, 0.5 * rows), (noise, smooth),
            (0.3 * board + 0.5 * noise, noise), (real, real[::-1, :, ::-1])]


def _judge_nyquist(answer):
    if not callable(answer):
        return False
    for a, b in _nyquist_cases():
        try:
            got = float(answer(a.copy())) / float(answer(b.copy()))
        except Exception:  # noqa: BLE001  (any error in the student's code means "not yet")
            return False
        if not np.isfinite(got) or abs(got - colour_metrics.checkerboard_ratio(a, b)) > 1e-6 * max(1.0, abs(got)):
            return False
    return True


exercise(
    "09.5",
    question={"es": "Escribe nyquist_power(batch): para un lote float en [-1, 1] (N, H, W, C), la potencia media "
                    "(sobre imágenes y canales) de la fila H/2 y la columna W/2 de su transformada de Fourier 2-D, "
                    "|F|² / (H·W)², contando su cruce una sola vez. El cociente de dos lotes debe dar "
                    "colour_metrics.checkerboard_ratio.",
              "pt": "Escreva nyquist_power(batch): para um lote float em [-1, 1] (N, H, W, C), a potência média "
                    "(sobre imagens e canais) da linha H/2 e da coluna W/2 da sua transformada de Fourier 2-D, "
                    "|F|² / (H·W)², contando o seu cruzamento uma só vez. O quociente de dois lotes deve dar "
                    "colour_metrics.checkerboard_ratio."},
    hint={"es": "np.fft.fft2 acepta axes=: transforma solo alto y ancho. Pruébala con un tablero perfecto y con rayas: "
                "si el tablero sale el doble de lo que debe, has contado su cruce dos veces.",
          "pt": "np.fft.fft2 aceita axes=: transforme só altura e largura. Teste com um tabuleiro perfeito e com "
                "listras: se o tabuleiro sair o dobro do que deve, você contou o cruzamento duas vezes."},
    judge=_judge_nyquist, example=_nyquist_power,
)
