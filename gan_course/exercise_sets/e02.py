"""Exercises of lesson 02 (convolution, stride, padding, pooling), answered with gan_course.conv."""
import numpy as np

from .. import conv
from ..exercises import exercise

POOL_INPUT = np.array([[1, 3, 2, 0],
                       [4, 6, 5, 1],
                       [0, 2, 9, 7],
                       [3, 1, 8, 4]])
CONV_INPUT = np.array([[1, 2, 0],
                       [0, 1, 3],
                       [2, 1, 0]])
CONV_KERNEL = np.array([[1, 0],
                        [0, -1]])


def _conv_params():
    from .._tf import keras

    layer = keras.layers.Conv2D(32, 3)
    layer.build((None, 8, 8, 16))
    return layer.count_params()


exercise(
    "02.1",
    question={"es": "Una Conv2D con kernel 5×5, paso 2 y sin relleno recibe imágenes de 28×28. "
                    "¿Qué alto tiene su salida?",
              "pt": "Uma Conv2D com kernel 5×5, passo 2 e sem preenchimento recebe imagens de 28×28. "
                    "Qual é a altura da saída?"},
    hint={"es": "o = floor((i + 2p - k) / s) + 1; compruébalo con gc.conv.conv_output_size.",
          "pt": "o = floor((i + 2p - k) / s) + 1; confira com gc.conv.conv_output_size."},
    expected=lambda: conv.conv_output_size(28, 5, 2, 0),
)
exercise(
    "02.2",
    question={"es": "Con padding='same' y paso 2, ¿qué alto tiene la salida de una entrada de 7×7 con "
                    "kernel 3×3?",
              "pt": "Com padding='same' e passo 2, qual é a altura da saída de uma entrada 7×7 com "
                    "kernel 3×3?"},
    hint={"es": "'same' da ceil(n / s), sin importar el tamaño del kernel.",
          "pt": "'same' dá ceil(n / s), não importa o tamanho do kernel."},
    expected=lambda: conv.keras_output_size(7, 3, 2, "same"),
)
exercise(
    "02.3",
    question={"es": "padding='same', kernel 4×4, paso 2, entrada de 7 píxeles: ¿cuántos ceros añade Keras "
                    "antes y después? Responde una tupla (antes, después).",
              "pt": "padding='same', kernel 4×4, passo 2, entrada de 7 pixels: quantos zeros o Keras "
                    "acrescenta antes e depois? Responda uma tupla (antes, depois)."},
    hint={"es": "total = max((ceil(n/s) - 1)·s + k - n, 0); el cero impar va después (abajo/derecha).",
          "pt": "total = max((ceil(n/s) - 1)·s + k - n, 0); o zero ímpar vai depois (embaixo/direita)."},
    expected=lambda: conv.same_padding(7, 4, 2)[1],
)
exercise(
    "02.4",
    question={"es": "¿Cuántos parámetros entrenables tiene Conv2D(32, 3) sobre una entrada de 16 canales?",
              "pt": "Quantos parâmetros treináveis tem Conv2D(32, 3) sobre uma entrada de 16 canais?"},
    hint={"es": "(k·k·canales_de_entrada + 1)·filtros: un sesgo por filtro.",
          "pt": "(k·k·canais_de_entrada + 1)·filtros: um viés por filtro."},
    expected=_conv_params,
)
exercise(
    "02.5",
    question={"es": "Aplica max pooling 2×2 (paso 2) a M = [[1, 3, 2, 0], [4, 6, 5, 1], [0, 2, 9, 7], "
                    "[3, 1, 8, 4]]. Responde la matriz 2×2.",
              "pt": "Aplique max pooling 2×2 (passo 2) a M = [[1, 3, 2, 0], [4, 6, 5, 1], [0, 2, 9, 7], "
                    "[3, 1, 8, 4]]. Responda a matriz 2×2."},
    hint={"es": "Cuatro ventanas 2×2 que no se solapan; de cada una, el mayor valor.",
          "pt": "Quatro janelas 2×2 sem sobreposição; de cada uma, o maior valor."},
    expected=lambda: conv.max_pool2d(POOL_INPUT, 2),
)
exercise(
    "02.6",
    question={"es": "Calcula a mano la convolución (sin relleno, paso 1) de X = [[1, 2, 0], [0, 1, 3], "
                    "[2, 1, 0]] con el kernel K = [[1, 0], [0, -1]]. Responde la matriz 2×2.",
              "pt": "Calcule à mão a convolução (sem preenchimento, passo 1) de X = [[1, 2, 0], [0, 1, 3], "
                    "[2, 1, 0]] com o kernel K = [[1, 0], [0, -1]]. Responda a matriz 2×2."},
    hint={"es": "y[i, j] = x[i, j]·1 + x[i+1, j+1]·(-1): el kernel no se voltea.",
          "pt": "y[i, j] = x[i, j]·1 + x[i+1, j+1]·(-1): o kernel não é invertido."},
    expected=lambda: conv.conv2d(CONV_INPUT, CONV_KERNEL),
)
