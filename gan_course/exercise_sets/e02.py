"""Exercises of lesson 02 (convolution, stride, padding, pooling), answered with gan_course.conv."""
import numpy as np

from .. import conv
from .._tf import keras
from ..exercises import exercise, function_matches

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
    layer = keras.layers.Conv2D(32, 3)
    layer.build((None, 8, 8, 16))
    return layer.count_params()


exercise(
    "02.1",
    question={"es": "Una Conv2D con kernel 5×5, stride 2 y sin relleno recibe imágenes de 28×28. "
                    "¿Qué alto tiene su salida?",
              "pt": "Uma Conv2D com kernel 5×5, stride 2 e sem preenchimento recebe imagens de 28×28. "
                    "Qual é a altura da saída?"},
    hint={"es": "o = floor((i + 2p - k) / s) + 1; compruébalo con gc.conv.conv_output_size.",
          "pt": "o = floor((i + 2p - k) / s) + 1; confira com gc.conv.conv_output_size."},
    expected=lambda: conv.conv_output_size(28, 5, 2, 0),
)
exercise(
    "02.2",
    question={"es": "Con padding='same' y stride 2, ¿qué alto tiene la salida de una entrada de 7×7 con "
                    "kernel 3×3?",
              "pt": "Com padding='same' e stride 2, qual é a altura da saída de uma entrada 7×7 com "
                    "kernel 3×3?"},
    hint={"es": "Mira la tabla de la sección «El relleno same»: con stride s, ¿qué tamaño garantiza 'same'? El "
                "kernel solo decide cuántos ceros hacen falta.",
          "pt": "Olhe a tabela da seção “O preenchimento same”: com stride s, que tamanho o 'same' garante? O "
                "kernel só decide quantos zeros são necessários."},
    expected=lambda: conv.keras_output_size(7, 3, 2, "same"),
)
exercise(
    "02.3",
    question={"es": "padding='same', kernel 4×4, stride 2, entrada de 7 píxeles: ¿cuántos ceros añade Keras "
                    "antes y después? Responde una tupla (antes, después).",
              "pt": "padding='same', kernel 4×4, stride 2, entrada de 7 pixels: quantos zeros o Keras "
                    "acrescenta antes e depois? Responda uma tupla (antes, depois)."},
    hint={"es": "Primero el tamaño de salida que garantiza 'same'; después, cuántos ceros hacen falta para que la "
                "última ventana quepa (la sección «El relleno same» da la cuenta). Si el total es impar, ¿dónde pone "
                "TensorFlow el cero que sobra?",
          "pt": "Primeiro o tamanho de saída que o 'same' garante; depois, quantos zeros são necessários para que a "
                "última janela caiba (a seção “O preenchimento same” dá a conta). Se o total for ímpar, onde o "
                "TensorFlow põe o zero que sobra?"},
    expected=lambda: conv.same_padding(7, 4, 2)[1],
)
exercise(
    "02.4",
    question={"es": "¿Cuántos parámetros entrenables tiene Conv2D(32, 3) sobre una entrada de 16 canales?",
              "pt": "Quantos parâmetros treináveis tem Conv2D(32, 3) sobre uma entrada de 16 canais?"},
    hint={"es": "Cada filtro mira una ventana 3×3 en todos los canales de entrada, y tiene además su sesgo. ¿Cuántos "
                "pesos tiene un filtro? ¿Cuántos filtros hay?",
          "pt": "Cada filtro olha uma janela 3×3 em todos os canais de entrada e tem ainda o seu viés. Quantos pesos "
                "tem um filtro? Quantos filtros há?"},
    expected=_conv_params,
)
exercise(
    "02.5",
    question={"es": "Aplica max pooling 2×2 (stride 2) a M = [[1, 3, 2, 0], [4, 6, 5, 1], [0, 2, 9, 7], "
                    "[3, 1, 8, 4]]. Responde la matriz 2×2.",
              "pt": "Aplique max pooling 2×2 (stride 2) a M = [[1, 3, 2, 0], [4, 6, 5, 1], [0, 2, 9, 7], "
                    "[3, 1, 8, 4]]. Responda a matriz 2×2."},
    hint={"es": "Cuatro ventanas 2×2 que no se solapan; de cada una, el mayor valor.",
          "pt": "Quatro janelas 2×2 sem sobreposição; de cada uma, o maior valor."},
    expected=lambda: conv.max_pool2d(POOL_INPUT, 2),
)
exercise(
    "02.6",
    question={"es": "Calcula a mano la convolución (sin relleno, stride 1) de X = [[1, 2, 0], [0, 1, 3], "
                    "[2, 1, 0]] con el kernel K = [[1, 0], [0, -1]]. Responde la matriz 2×2.",
              "pt": "Calcule à mão a convolução (sem preenchimento, stride 1) de X = [[1, 2, 0], [0, 1, 3], "
                    "[2, 1, 0]] com o kernel K = [[1, 0], [0, -1]]. Responda a matriz 2×2."},
    hint={"es": "Pon K sobre la esquina superior izquierda de X, multiplica casilla a casilla y suma; repite en las "
                "cuatro posiciones. El kernel no se voltea.",
          "pt": "Ponha K sobre o canto superior esquerdo de X, multiplique casa a casa e some; repita nas quatro "
                "posições. O kernel não é invertido."},
    expected=lambda: conv.conv2d(CONV_INPUT, CONV_KERNEL),
)


def _pad_inputs():
    rng = np.random.default_rng(2)
    return [(rng.integers(0, 9, size=(3, 4)).astype(float), 1), (rng.normal(size=(5, 5)), 2),
            (rng.normal(size=(2, 3)), 0)]


def _pool_inputs():
    rng = np.random.default_rng(3)
    return [(rng.integers(0, 9, size=(4, 4)).astype(float), 2), (rng.normal(size=(6, 6)), 3),
            (rng.normal(size=(7, 5)), 2)]


def _keras_max_pool(x, size):
    layer = keras.layers.MaxPooling2D(size)
    return layer(x[None, :, :, None].astype(np.float32), training=False).numpy()[0, :, :, 0]


def _library_pad(x, p):
    return conv.pad2d(x, p)


exercise(
    "02.7",
    question={"es": "Programa my_pad2d(x, p) a mano: una imagen 2-D x rodeada de p filas y columnas de ceros en cada "
                    "borde, sin np.pad ni gc.conv. Pasa la función como respuesta.",
              "pt": "Programe my_pad2d(x, p) à mão: uma imagem 2-D x cercada de p linhas e colunas de zeros em cada "
                    "borda, sem np.pad nem gc.conv. Passe a função como resposta."},
    hint={"es": "¿Qué forma tiene el resultado? Créalo lleno de ceros y copia x dentro; piensa en qué fila y columna "
                "empieza la copia y qué pasa con p = 0.",
          "pt": "Qual é o formato do resultado? Crie-o cheio de zeros e copie x dentro; pense em que linha e coluna "
                "começa a cópia e no que acontece com p = 0."},
    judge=lambda answer: function_matches(answer, _library_pad, _pad_inputs(), atol=0),
    example=lambda x, p: np.pad(x, p),
)
exercise(
    "02.8",
    question={"es": "Programa my_max_pool(x, size) a mano: max pooling 2-D con ventanas size×size y stride = size, "
                    "sin relleno (las filas y columnas que sobran se descartan), como MaxPooling2D(size) de Keras. "
                    "Pasa la función como respuesta.",
              "pt": "Programe my_max_pool(x, size) à mão: max pooling 2-D com janelas size×size e stride = size, "
                    "sem preenchimento (as linhas e colunas que sobram são descartadas), como o MaxPooling2D(size) "
                    "do Keras. Passe a função como resposta."},
    hint={"es": "Primero cuántas ventanas caben por eje (la fórmula del tamaño con k = s = size); después, dos bucles "
                "y el máximo de cada ventana. Prueba con una entrada de 7 filas.",
          "pt": "Primeiro quantas janelas cabem por eixo (a fórmula do tamanho com k = s = size); depois, dois laços "
                "e o máximo de cada janela. Teste com uma entrada de 7 linhas."},
    judge=lambda answer: function_matches(answer, _keras_max_pool, _pool_inputs(), atol=1e-6),
    example=lambda x, size: conv.max_pool2d(x, size),
)
