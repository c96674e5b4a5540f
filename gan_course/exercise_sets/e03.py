"""Exercises of lesson 03 (transposed convolution), answered with gan_course.conv and gan_course.transposed."""
import numpy as np

from .. import conv, transposed
from ..exercises import exercise

SMALL_INPUT = np.array([[1, 2],
                        [3, 4]])


def _overlap_ratio(k, s):
    inner = transposed.overlap(k, s, n=8)[k:-k, k:-k]
    return float(inner.max() / inner.min())


exercise(
    "03.1",
    question={"es": "Un kernel 3×3 con paso 2 y relleno 1 recorre una entrada 5×5. ¿Qué forma tiene su matriz de "
                    "convolución C? Responde una tupla (filas, columnas).",
              "pt": "Um kernel 3×3 com passo 2 e preenchimento 1 percorre uma entrada 5×5. Qual é o formato da "
                    "sua matriz de convolução C? Responda uma tupla (linhas, colunas)."},
    hint={"es": "Una fila por píxel de salida (o × o) y una columna por píxel de entrada; "
                "compruébalo con gc.conv.conv_matrix(...).shape.",
          "pt": "Uma linha por pixel de saída (o × o) e uma coluna por pixel de entrada; "
                "confira com gc.conv.conv_matrix(...).shape."},
    expected=lambda: conv.conv_matrix(np.ones((3, 3)), (5, 5), stride=2, padding=1).shape,
)
exercise(
    "03.2",
    question={"es": "Conv2DTranspose con kernel 4×4, strides=2 y padding='valid' recibe un mapa de 7×7. "
                    "¿Qué alto tiene su salida?",
              "pt": "Conv2DTranspose com kernel 4×4, strides=2 e padding='valid' recebe um mapa 7×7. "
                    "Qual é a altura da saída?"},
    hint={"es": "'valid': s(n − 1) + k; 'same' daría n·s. Compruébalo con gc.conv.keras_transposed_output_size.",
          "pt": "'valid': s(n − 1) + k; 'same' daria n·s. Confira com gc.conv.keras_transposed_output_size."},
    expected=lambda: conv.keras_transposed_output_size(7, 4, 2, "valid"),
)
exercise(
    "03.3",
    question={"es": "Convolución transpuesta por definición: la entrada [[1, 2], [3, 4]] y un kernel 2×2 de unos, "
                    "paso 1, sin relleno. ¿Cuál es la salida? Responde un arreglo 3×3.",
              "pt": "Convolução transposta por definição: a entrada [[1, 2], [3, 4]] e um kernel 2×2 de uns, "
                    "passo 1, sem preenchimento. Qual é a saída? Responda um array 3×3."},
    hint={"es": "Cada píxel suma una copia del kernel multiplicada por su valor; donde las copias se solapan, "
                "se suman. Compruébalo con gc.conv.conv_transpose2d.",
          "pt": "Cada pixel soma uma cópia do kernel multiplicada pelo seu valor; onde as cópias se sobrepõem, "
                "elas se somam. Confira com gc.conv.conv_transpose2d."},
    expected=lambda: conv.conv_transpose2d(SMALL_INPUT, np.ones((2, 2)), stride=1, padding=0),
)
exercise(
    "03.4",
    question={"es": "Kernel 5×5 de unos, paso 2, una imagen de unos: lejos del borde, ¿cuántas veces más copias "
                    "del kernel recibe el píxel más cubierto que el menos cubierto? (mayor / menor)",
              "pt": "Kernel 5×5 de uns, passo 2, uma imagem de uns: longe da borda, quantas vezes mais cópias do "
                    "kernel recebe o pixel mais coberto do que o menos coberto? (maior / menor)"},
    hint={"es": "En 1-D los píxeles reciben ceil(k/s) o floor(k/s) copias; en 2-D se multiplican. "
                "Mira gc.transposed.overlap(5, 2).",
          "pt": "Em 1-D os pixels recebem ceil(k/s) ou floor(k/s) cópias; em 2-D elas se multiplicam. "
                "Veja gc.transposed.overlap(5, 2)."},
    expected=lambda: _overlap_ratio(5, 2),
)
exercise(
    "03.5",
    question={"es": "Con paso 2, ¿qué tamaño de kernel (3, 4 o 5) reparte las copias por igual en el interior?",
              "pt": "Com passo 2, qual tamanho de kernel (3, 4 ou 5) distribui as cópias por igual no interior?"},
    hint={"es": "El solapamiento es parejo cuando k es divisible por s.",
          "pt": "A sobreposição é uniforme quando k é divisível por s."},
    expected=lambda: next(k for k in (3, 4, 5) if _overlap_ratio(k, 2) == 1.0),
)
