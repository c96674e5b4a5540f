"""Exercises of lesson 00 (welcome): the data and its scaling."""
import numpy as np

from ..data import load_mnist, to_float
from ..exercises import exercise

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
    hint={"es": "x / 127.5 - 1; compruébalo con gc.data.to_float.",
          "pt": "x / 127.5 - 1; confira com gc.data.to_float."},
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
