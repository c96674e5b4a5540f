"""Exercises of lesson 00 (welcome): the data and its scaling, both ways."""
import numpy as np

from ..data import load_mnist, to_float, to_uint8
from ..exercises import exercise, function_matches

exercise(
    "00.1",
    question={"es": "¿Cuántas imágenes del dígito 7 hay en el subconjunto incluido?",
              "pt": "Quantas imagens do dígito 7 há no subconjunto incluído?"},
    hint={"es": "np.bincount(etiquetas) cuenta cuántas veces aparece cada clase.",
          "pt": "np.bincount(rotulos) conta quantas vezes aparece cada classe."},
    expected=lambda: int(np.sum(load_mnist("bundled")[1] == 7)),
)
exercise(
    "00.2",
    question={"es": "¿Qué valor float tiene un píxel gris 64 (uint8) después de escalarlo a [-1, 1]?",
              "pt": "Que valor float tem um pixel cinza 64 (uint8) depois de escalá-lo para [-1, 1]?"},
    hint={"es": "Usa la fórmula de la sección «De uint8 a [-1, 1]»: 0 va a −1 y 255 a 1. Compruébalo con "
                "gc.data.to_float.",
          "pt": "Use a fórmula da seção “De uint8 para [-1, 1]”: 0 vai para −1 e 255 para 1. Confira com "
                "gc.data.to_float."},
    expected=lambda: float(to_float(np.full((1, 1, 1), 64, np.uint8))[0, 0, 0, 0]),
    atol=1e-4,
)
exercise(
    "00.3",
    question={"es": "Con 5000 imágenes, lotes de 64 y drop_remainder=True, ¿cuántos lotes tiene una época?",
              "pt": "Com 5000 imagens, lotes de 64 e drop_remainder=True, quantos lotes tem uma época?"},
    hint={"es": "El último lote incompleto se descarta: división entera.",
          "pt": "O último lote incompleto é descartado: divisão inteira."},
    expected=5000 // 64,
)


def _uint8_batches():
    rng = np.random.default_rng(0)
    return [(rng.integers(0, 256, size=(3, 28, 28)).astype(np.uint8),),
            (np.array([[[0, 64], [128, 255]]], np.uint8),)]


def _floats_like_the_library(answer):
    """Same values and shape as data.to_float, and float32 (the dtype the models expect)."""
    if not function_matches(answer, to_float, _uint8_batches(), atol=1e-6):
        return False
    return all(np.asarray(answer(batch.copy())).dtype == np.float32 for (batch,) in _uint8_batches())


exercise(
    "00.4",
    question={"es": "Programa my_to_float(images): imágenes uint8 (N, 28, 28) → float32 en [-1, 1] con forma NHWC "
                    "(N, 28, 28, 1), sin data.to_float. Pasa la función como respuesta.",
              "pt": "Programe my_to_float(images): imagens uint8 (N, 28, 28) → float32 em [-1, 1] com formato NHWC "
                    "(N, 28, 28, 1), sem data.to_float. Passe a função como resposta."},
    hint={"es": "Tres cosas: el tipo (pasa a float32 antes de dividir), la escala (0 → −1, 255 → 1) y la forma "
                "(añade un eje al final).",
          "pt": "Três coisas: o tipo (passe para float32 antes de dividir), a escala (0 → −1, 255 → 1) e o formato "
                "(acrescente um eixo no final)."},
    judge=_floats_like_the_library,
    example=lambda images: images.astype(np.float32)[..., None] / 127.5 - 1.0,
)


def _float_batches():
    """Values in [-1, 1] away from the exact halves between two grey levels; 0.999 and -0.999 catch truncation."""
    rng = np.random.default_rng(1)
    edges = np.array([[-1.0, -0.999, 0.999, 1.0]], np.float32)[..., None]
    return [(rng.uniform(-1, 1, size=(2, 28, 28, 1)).astype(np.float32),), (edges,)]


def _grey_levels_like_the_library(answer):
    """Same grey levels and shape as data.to_uint8, and uint8 (the type of images on disk and on screen)."""
    if not function_matches(answer, to_uint8, _float_batches(), atol=0):
        return False
    return all(np.asarray(answer(batch.copy())).dtype == np.uint8 for (batch,) in _float_batches())


exercise(
    "00.5",
    question={"es": "Programa my_to_uint8(x): float32 en [-1, 1] → uint8 en 0–255, misma forma, cada valor al nivel "
                    "de gris más cercano, sin data.to_uint8. Pasa la función como respuesta.",
              "pt": "Programe my_to_uint8(x): float32 em [-1, 1] → uint8 em 0–255, mesmo formato, cada valor no nível "
                    "de cinza mais próximo, sem data.to_uint8. Passe a função como resposta."},
    hint={"es": "Deshaz la fórmula de ida paso a paso (−1 → 0, 1 → 255). ¿Qué hace astype(np.uint8) con 254.87: "
                "lo redondea o lo corta?",
          "pt": "Desfaça a fórmula de ida passo a passo (−1 → 0, 1 → 255). O que astype(np.uint8) faz com 254,87: "
                "arredonda ou corta?"},
    judge=_grey_levels_like_the_library,
    example=lambda x: np.clip(np.rint((x + 1.0) * 127.5), 0, 255).astype(np.uint8),
)
