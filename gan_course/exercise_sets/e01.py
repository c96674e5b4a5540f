"""Exercises of lesson 01 (CNN fundamentals): parameters, sizes, accuracy, the Inception Score, code."""
import numpy as np

from .._tf import keras
from ..exercises import exercise, function_matches


def _conv_params(filters, size):
    layer = keras.layers.Conv2D(filters, size)
    layer.build((None, 28, 28, 1))
    return int(layer.count_params())


def _flat_length(side):
    """Length of the flattened vector of the course's feature extractor for side×side digits."""
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
    hint={"es": "Sigue el lado de la imagen capa a capa, como en la tabla de la sección «La red»: ¿cuánto encoge una "
                "convolución 3×3 'valid' y cuánto un max pooling 2×2? Al final, cuenta también los canales.",
          "pt": "Acompanhe o lado da imagem camada por camada, como na tabela da seção “A rede”: quanto encolhe uma "
                "convolução 3×3 'valid' e quanto um max pooling 2×2? No fim, conte também os canais."},
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
    question={"es": "Un generador solo dibuja treses perfectos (el clasificador da probabilidad 1 a la clase 3 "
                    "en cada imagen). ¿Cuál es su Inception Score?",
              "pt": "Um gerador só desenha números 3 perfeitos (o classificador dá probabilidade 1 à classe 3 "
                    "em cada imagem). Qual é o seu Inception Score?"},
    hint={"es": "Si todas las imágenes son treses, ¿qué distribución p(y) tiene el conjunto? Compárala con la "
                "p(y|x) de una imagen y mira la fórmula del IS.",
          "pt": "Se todas as imagens são do número 3, que distribuição p(y) tem o conjunto? Compare-a com a "
                "p(y|x) de uma imagem e olhe a fórmula do IS."},
    expected=lambda: _is_of([3] * 100),
    atol=1e-3,
)
exercise(
    "01.5",
    question={"es": "Otro generador dibuja dígitos perfectos, pero solo 0, 1, 2, 3 y 4, cada uno la misma cantidad "
                    "de veces. ¿Cuál es su Inception Score?",
              "pt": "Outro gerador desenha dígitos perfeitos, mas só 0, 1, 2, 3 e 4, cada um a mesma quantidade "
                    "de vezes. Qual é o seu Inception Score?"},
    hint={"es": "Con imágenes perfectas, p(y|x) pone toda la probabilidad en una clase. ¿Cómo queda p(y) si cinco "
                "clases salen por igual? Calcula la KL de una imagen con esas dos distribuciones y sigue la fórmula.",
          "pt": "Com imagens perfeitas, p(y|x) põe toda a probabilidade numa classe. Como fica p(y) se cinco classes "
                "saem por igual? Calcule a KL de uma imagem com essas duas distribuições e siga a fórmula."},
    expected=lambda: _is_of(list(range(5)) * 20),
    atol=1e-3,
)


def _keras_softmax(logits):
    return keras.activations.softmax(np.asarray(logits, np.float64)[None, :]).numpy()[0]


def _softmax_inputs():
    return [(np.array([1.0, 2.0, 3.0]),), (np.array([0.0, 0.0, 0.0, 0.0]),), (np.array([1000.0, 1001.0, 999.0]),),
            (np.array([-5.0, 2.5, 0.1, 7.0, -1.0]),)]


def _keras_conv(x, kernel, bias):
    layer = keras.layers.Conv2D(kernel.shape[-1], kernel.shape[0])
    layer.build((None, *x.shape))
    layer.set_weights([kernel, bias])
    return layer(x[None].astype(np.float32), training=False).numpy()[0]


def _conv_inputs():
    rng = np.random.default_rng(1)
    return [(rng.normal(size=(6, 6, 1)), rng.normal(size=(3, 3, 1, 4)), rng.normal(size=4)),
            (rng.normal(size=(5, 7, 3)), rng.normal(size=(2, 2, 3, 2)), rng.normal(size=2))]


def _reference_softmax(logits):
    e = np.exp(logits - np.max(logits))
    return e / e.sum()


def _reference_conv(x, kernel, bias):
    k = kernel.shape[0]
    out = np.zeros((x.shape[0] - k + 1, x.shape[1] - k + 1, kernel.shape[-1]))
    for a in range(k):
        for d in range(k):
            out += x[a:a + out.shape[0], d:d + out.shape[1], :] @ kernel[a, d]
    return out + bias


exercise(
    "01.6",
    question={"es": "Programa my_softmax(logits): un vector de logits → probabilidades que suman 1, sin Keras, y que "
                    "no desborde con logits de 1000. Pasa la función como respuesta.",
              "pt": "Programe my_softmax(logits): um vetor de logits → probabilidades que somam 1, sem Keras, e que "
                    "não estoure com logits de 1000. Passe a função como resposta."},
    hint={"es": "Multiplicar arriba y abajo de la fórmula por la misma constante no cambia el resultado; elige una "
                "constante que haga que el exponente más grande sea 0.",
          "pt": "Multiplicar em cima e embaixo da fórmula pela mesma constante não muda o resultado; escolha uma "
                "constante que faça o maior expoente ser 0."},
    judge=lambda answer: function_matches(answer, _keras_softmax, _softmax_inputs(), atol=1e-6),
    example=_reference_softmax,
)
exercise(
    "01.7",
    question={"es": "Programa my_conv(x, kernel, bias): la convolución 'valid', stride 1, de x (H, W, C) con un kernel "
                    "(k, k, C, F) y un sesgo (F,), que devuelve (H − k + 1, W − k + 1, F). Pasa la función como "
                    "respuesta.",
              "pt": "Programe my_conv(x, kernel, bias): a convolução 'valid', stride 1, de x (H, W, C) com um kernel "
                    "(k, k, C, F) e um viés (F,), que devolve (H − k + 1, W − k + 1, F). Passe a função como "
                    "resposta."},
    hint={"es": "Sigue la celda de conv1 a mano: un bucle sobre las k × k posiciones del kernel. Con varios canales, "
                "cada posición multiplica (H', W', C) por una matriz (C, F): el operador @ suma sobre C.",
          "pt": "Siga a célula de conv1 à mão: um laço sobre as k × k posições do kernel. Com vários canais, cada "
                "posição multiplica (H', W', C) por uma matriz (C, F): o operador @ soma sobre C."},
    judge=lambda answer: function_matches(answer, _keras_conv, _conv_inputs(), atol=1e-4),
    example=_reference_conv,
)


def _probability_batches():
    """Rows that sum to 1: sharp and spread out, with exact zeros (0 · log 0 counts as 0) and one class missing."""
    rng = np.random.default_rng(4)
    soft = rng.dirichlet(np.full(10, 0.3), size=50)
    sharp = np.eye(10)[rng.integers(0, 9, size=40)]          # class 9 never drawn: p(y) has a zero
    mixed = np.concatenate([soft[:20], sharp[:20]])
    return [(soft,), (sharp,), (mixed,)]


def _library_inception_score(probs):
    from ..metrics import inception_score

    return inception_score(probs)


def _reference_inception_score(probs):
    marginal = probs.mean(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(probs > 0, probs * np.log(probs / marginal), 0.0)
    return float(np.exp(terms.sum(axis=1).mean()))


exercise(
    "01.8",
    question={"es": "Programa my_inception_score(probs): probs es una matriz (N, 10) de probabilidades p(y|x), una "
                    "fila por imagen; devuelve el Inception Score, sin gan_course.metrics. Pasa la función como "
                    "respuesta.",
              "pt": "Programe my_inception_score(probs): probs é uma matriz (N, 10) de probabilidades p(y|x), uma "
                    "linha por imagem; devolve o Inception Score, sem gan_course.metrics. Passe a função como "
                    "resposta."},
    hint={"es": "Escribe la fórmula de la sección «Del clasificador al juez» por partes: primero p(y) de todo el "
                "lote, después la KL de cada fila. Prueba con filas one-hot: un término con p = 0 debe valer 0, "
                "no nan.",
          "pt": "Escreva a fórmula da seção “Do classificador ao juiz” por partes: primeiro p(y) do lote inteiro, "
                "depois a KL de cada linha. Teste com linhas one-hot: um termo com p = 0 deve valer 0, não nan."},
    judge=lambda answer: function_matches(answer, _library_inception_score, _probability_batches(), atol=1e-4),
    example=_reference_inception_score,
)
