"""Exercises of lesson 03 (transposed convolution), answered with gan_course.conv and gan_course.transposed."""
import numpy as np

from .. import conv, models, transposed
from ..exercises import exercise, function_matches

SMALL_INPUT = np.array([[1, 2],
                        [3, 4]])


def _overlap_ratio(k, s):
    inner = transposed.overlap(k, s, n=8)[k:-k, k:-k]
    return float(inner.max() / inner.min())


exercise(
    "03.1",
    question={"es": "Un kernel 3×3 con stride 2 y relleno 1 recorre una entrada 5×5. ¿Qué forma tiene su matriz de "
                    "convolución C? Responde una tupla (filas, columnas).",
              "pt": "Um kernel 3×3 com stride 2 e preenchimento 1 percorre uma entrada 5×5. Qual é o formato da "
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
                    "stride 1, sin relleno. ¿Cuál es la salida? Responde un arreglo 3×3.",
              "pt": "Convolução transposta por definição: a entrada [[1, 2], [3, 4]] e um kernel 2×2 de uns, "
                    "stride 1, sem preenchimento. Qual é a saída? Responda um array 3×3."},
    hint={"es": "Cada píxel suma una copia del kernel multiplicada por su valor; donde las copias se solapan, "
                "se suman. Compruébalo con gc.conv.conv_transpose2d.",
          "pt": "Cada pixel soma uma cópia do kernel multiplicada pelo seu valor; onde as cópias se sobrepõem, "
                "elas se somam. Confira com gc.conv.conv_transpose2d."},
    expected=lambda: conv.conv_transpose2d(SMALL_INPUT, np.ones((2, 2)), stride=1, padding=0),
)
exercise(
    "03.4",
    question={"es": "Kernel 5×5 de unos, stride 2, una imagen de unos: lejos del borde, ¿cuántas veces más copias "
                    "del kernel recibe el píxel más cubierto que el menos cubierto? (mayor / menor)",
              "pt": "Kernel 5×5 de uns, stride 2, uma imagem de uns: longe da borda, quantas vezes mais cópias do "
                    "kernel recebe o pixel mais coberto do que o menos coberto? (maior / menor)"},
    hint={"es": "En 1-D los píxeles reciben ceil(k/s) o floor(k/s) copias; en 2-D se multiplican. "
                "Mira gc.transposed.overlap(5, 2).",
          "pt": "Em 1-D os pixels recebem ceil(k/s) ou floor(k/s) cópias; em 2-D elas se multiplicam. "
                "Veja gc.transposed.overlap(5, 2)."},
    expected=lambda: _overlap_ratio(5, 2),
)
exercise(
    "03.5",
    question={"es": "Con stride 2, ¿qué tamaño de kernel (3, 4 o 5) reparte las copias por igual en el interior?",
              "pt": "Com stride 2, qual tamanho de kernel (3, 4 ou 5) distribui as cópias por igual no interior?"},
    hint={"es": "En 1-D, cuenta cuántas copias recibe cada píxel con cada k: ⌈k/s⌉ o ⌊k/s⌋. ¿Para qué k son "
                "iguales las dos?",
          "pt": "Em 1-D, conte quantas cópias cada pixel recebe com cada k: ⌈k/s⌉ ou ⌊k/s⌋. Para que k as duas "
                "são iguais?"},
    expected=lambda: next(k for k in (3, 4, 5) if _overlap_ratio(k, 2) == 1.0),
)


def _scatter_ones(k, s, n):
    """Copies of a k×k kernel of ones received by each output pixel: every input pixel adds a window of ones."""
    side = s * (n - 1) + k
    counts = np.zeros((side, side))
    for i in range(n):
        for j in range(n):
            counts[s * i: s * i + k, s * j: s * j + k] += 1
    return counts


exercise(
    "03.6",
    question={"es": "Programa overlap_count(k, s, n) sin conv_transpose2d: el mapa de copias de un kernel k×k de unos "
                    "esparcido desde una imagen n×n de unos con stride s, sin relleno. Pasa la función como respuesta.",
              "pt": "Programe overlap_count(k, s, n) sem conv_transpose2d: o mapa de cópias de um kernel k×k de uns "
                    "espalhado a partir de uma imagem n×n de uns com stride s, sem preenchimento. Passe a função como "
                    "resposta."},
    hint={"es": "Dos bucles sobre los píxeles de entrada (i, j); cada uno suma 1 en un bloque k×k de la salida. "
                "¿Dónde empieza ese bloque si la ventana avanza s píxeles?",
          "pt": "Dois laços sobre os pixels de entrada (i, j); cada um soma 1 num bloco k×k da saída. Onde começa "
                "esse bloco se a janela avança s pixels?"},
    judge=lambda answer: function_matches(answer, lambda k, s, n: transposed.overlap(k, s, n=n),
                                          ((3, 2, 4), (4, 2, 5), (5, 3, 3), (2, 1, 6)), atol=0),
    example=_scatter_ones,
)


def _generator_unevenness(kernel_size):
    from .. import config

    z = np.random.default_rng(0).normal(size=(64, 100)).astype(np.float32)
    config.seed_everything(0)
    images = models.dcgan_generator(kernel_size=kernel_size)(z, training=True).numpy()[..., 0]
    return transposed.unevenness(np.abs(images).mean(axis=0), 2, border=4)


def _generator_pair():
    return (_generator_unevenness(3), _generator_unevenness(4))


exercise(
    "03.7",
    question={"es": "Mide la desigualdad (periodo 2, borde 4) de la media de |G(z)| sobre 64 imágenes de un "
                    "dcgan_generator sin entrenar, con kernels 3×3 y 4×4 (gc.seed_everything(0) antes de cada uno). "
                    "Una tupla (con 3×3, con 4×4).",
              "pt": "Meça a desigualdade (período 2, borda 4) da média de |G(z)| sobre 64 imagens de um "
                    "dcgan_generator sem treinar, com kernels 3×3 e 4×4 (gc.seed_everything(0) antes de cada um). "
                    "Uma tupla (com 3×3, com 4×4)."},
    hint={"es": "G(z, training=True) da (64, 28, 28, 1): quita el canal con [..., 0], toma el valor absoluto y la "
                "media sobre el eje de las imágenes antes de medir.",
          "pt": "G(z, training=True) dá (64, 28, 28, 1): tire o canal com [..., 0], tome o valor absoluto e a média "
                "sobre o eixo das imagens antes de medir."},
    expected=_generator_pair,
    atol=0.02,
)


def _phase_weights_by_impulses(w):
    """Row p: what output 2j + p gives to x[j − 1], x[j], x[j + 1], found by pushing one impulse at a time."""
    w = np.asarray(w, dtype=float)
    out = np.zeros((2, 3))
    for col, d in enumerate((-1, 0, 1)):
        x = np.zeros(5)
        x[2 + d] = 1.0
        y = np.correlate(np.repeat(x, 2), w, mode="same")
        out[:, col] = y[4:6]
    return out


exercise(
    "03.8",
    question={"es": "Programa phase_weights(w) sin transposed.phase_taps: un kernel 1-D w = (w0, w1, w2) se aplica "
                    "(np.correlate(u, w, mode='same')) a u = np.repeat(x, 2). Devuelve un arreglo 2×3: la fila p son "
                    "los pesos que la salida 2j + p da a (x[j − 1], x[j], x[j + 1]). Pasa la función como respuesta.",
              "pt": "Programe phase_weights(w) sem transposed.phase_taps: um kernel 1-D w = (w0, w1, w2) é aplicado "
                    "(np.correlate(u, w, mode='same')) a u = np.repeat(x, 2). Devolva um array 2×3: a linha p são os "
                    "pesos que a saída 2j + p dá a (x[j − 1], x[j], x[j + 1]). Passe a função como resposta."},
    hint={"es": "La salida i mira u[i − 1], u[i], u[i + 1] con los pesos w0, w1, w2, y u[i] = x[i // 2]. Escribe "
                "a qué x cae cada una para i = 2j y para i = 2j + 1; o pasa por las dos operaciones un x de ceros con "
                "un solo 1.",
          "pt": "A saída i olha u[i − 1], u[i], u[i + 1] com os pesos w0, w1, w2, e u[i] = x[i // 2]. Escreva em que "
                "x cai cada um para i = 2j e para i = 2j + 1; ou passe pelas duas operações um x de zeros com um "
                "único 1."},
    judge=lambda answer: function_matches(answer, transposed.phase_taps,
                                          ((np.array([0.0, 1.0, -1.0]),), (np.array([1.0, 2.0, 3.0]),),
                                           (np.array([0.3, -1.7, 2.9]),)), atol=1e-9),
    example=_phase_weights_by_impulses,
)
