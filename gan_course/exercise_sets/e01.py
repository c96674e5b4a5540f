"""Exercises of lesson 01 (CNN fundamentals): parameters, sizes, accuracy, the Inception Score."""
import numpy as np

from ..exercises import exercise


def _conv_params(filters, size):
    from .._tf import keras

    layer = keras.layers.Conv2D(filters, size)
    layer.build((None, 28, 28, 1))
    return int(layer.count_params())


def _flat_length(side):
    """Length of the flattened vector of the course's feature extractor for side×side digits."""
    from .._tf import keras

    layers = keras.layers
    h = keras.Input((side, side, 1))
    for layer in (layers.Conv2D(32, 3), layers.Conv2D(32, 3), layers.MaxPooling2D(2),
                  layers.Conv2D(64, 3), layers.Conv2D(64, 3), layers.MaxPooling2D(2), layers.Flatten()):
        h = layer(h)
    return int(h.shape[-1])


def _errors_of_shipped_classifier():
    from .. import classifier

    _, (x_test, y_test) = classifier.held_out_split()
    return int(np.sum(classifier.predict(classifier.load_classifier(), x_test) != y_test))


def _is_of(classes):
    from ..metrics import inception_score

    return inception_score(np.eye(10)[np.asarray(classes)])


exercise(
    "01.1",
    question={"es": "¿Cuántos parámetros (pesos + sesgos) tendría conv1 con 16 filtros de 5×5 sobre dígitos de "
                    "un canal?",
              "pt": "Quantos parâmetros (pesos + vieses) teria conv1 com 16 filtros de 5×5 sobre dígitos de "
                    "um canal?"},
    hint={"es": "Cada filtro tiene alto × ancho × canales de entrada pesos y un sesgo.",
          "pt": "Cada filtro tem altura × largura × canais de entrada pesos e um viés."},
    expected=lambda: _conv_params(16, 5),
)
exercise(
    "01.2",
    question={"es": "Si los dígitos midieran 32×32 en lugar de 28×28, ¿cuántos números tendría el vector "
                    "aplanado (flatten) de la misma red?",
              "pt": "Se os dígitos medissem 32×32 em vez de 28×28, quantos números teria o vetor achatado "
                    "(flatten) da mesma rede?"},
    hint={"es": "Cada convolución 3×3 'valid' quita 2 píxeles por lado; cada max pooling 2×2 divide entre 2. "
                "Multiplica alto × ancho × 64 canales.",
          "pt": "Cada convolução 3×3 'valid' tira 2 pixels por lado; cada max pooling 2×2 divide por 2. "
                "Multiplique altura × largura × 64 canais."},
    expected=lambda: _flat_length(32),
)
exercise(
    "01.3",
    question={"es": "¿Cuántos de los 1000 dígitos de prueba clasifica mal el clasificador del curso?",
              "pt": "Em quantos dos 1000 dígitos de teste o classificador do curso erra?"},
    hint={"es": "Usa la exactitud impresa, o suma lo que queda fuera de la diagonal de la matriz de confusión.",
          "pt": "Use a acurácia impressa, ou some o que fica fora da diagonal da matriz de confusão."},
    expected=_errors_of_shipped_classifier,
)
exercise(
    "01.4",
    question={"es": "Un generador sólo dibuja treses perfectos (el clasificador da probabilidad 1 a la clase 3 "
                    "en cada imagen). ¿Cuál es su Inception Score?",
              "pt": "Um gerador só desenha três perfeitos (o classificador dá probabilidade 1 à classe 3 em "
                    "cada imagem). Qual é o seu Inception Score?"},
    hint={"es": "Si p(y|x) = p(y) para toda imagen, la divergencia KL es 0; ¿cuánto vale exp(0)?",
          "pt": "Se p(y|x) = p(y) para toda imagem, a divergência KL é 0; quanto vale exp(0)?"},
    expected=lambda: _is_of([3] * 100),
    atol=1e-3,
)
exercise(
    "01.5",
    question={"es": "Otro generador dibuja dígitos perfectos, pero sólo 0, 1, 2, 3 y 4, cada uno la misma cantidad "
                    "de veces. ¿Cuál es su Inception Score?",
              "pt": "Outro gerador desenha dígitos perfeitos, mas só 0, 1, 2, 3 e 4, cada um a mesma quantidade "
                    "de vezes. Qual é o seu Inception Score?"},
    hint={"es": "Cada imagen tiene KL = log(1 / p(y)) con p(y) = 1/5.",
          "pt": "Cada imagem tem KL = log(1 / p(y)) com p(y) = 1/5."},
    expected=lambda: _is_of(list(range(5)) * 20),
    atol=1e-3,
)
