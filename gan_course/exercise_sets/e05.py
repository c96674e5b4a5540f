"""Exercises of lesson 05 (batch normalization), answered with gan_course.batchnorm."""
import numpy as np

from .. import batchnorm as bn
from .._tf import keras, tf
from ..exercises import exercise, function_matches

BATCH = np.array([[2.0], [4.0], [6.0], [8.0]])      # one feature, four examples
GAMMA, BETA = np.array([2.0]), np.array([1.0])


def _stats():
    _, cache = bn.batchnorm_forward(BATCH, GAMMA, BETA)
    return (float(cache["mean"][0]), float(cache["var"][0]))


def _forward():
    return bn.batchnorm_forward(BATCH, GAMMA, BETA)[0][:, 0]


def _steps_to_90_percent():
    moving_mean, moving_var, steps = np.zeros(1), np.ones(1), 0
    while moving_mean[0] < 0.9 * 5.0:
        moving_mean, moving_var = bn.update_moving(moving_mean, moving_var, np.array([5.0]), np.array([5.0]))
        steps += 1
    return steps


def _constant_gradient():
    _, cache = bn.batchnorm_forward(BATCH, GAMMA, BETA)
    return bn.batchnorm_backward(np.ones_like(BATCH), cache)[0][:, 0]


def _bn_trainable_params():
    layer = keras.layers.BatchNormalization()
    layer.build((None, 7, 7, 64))
    return int(sum(np.prod(w.shape) for w in layer.trainable_weights))


def _d_sees_the_shift():
    images = np.random.default_rng(0).uniform(-1, 1, size=(16, 28, 28, 1))
    ones, zeros = np.ones(1), np.zeros(1)
    same = np.allclose(bn.batchnorm_forward(images + 0.3, ones, zeros)[0],
                       bn.batchnorm_forward(images, ones, zeros)[0], atol=1e-9)
    return not same


exercise(
    "05.1",
    question={"es": "Un lote de una sola característica vale x = [2, 4, 6, 8]. ¿Cuánto valen su media μ y su "
                    "varianza σ² (la de Keras, dividida por m)? Responde una tupla (μ, σ²).",
              "pt": "Um lote de uma só característica vale x = [2, 4, 6, 8]. Quanto valem sua média μ e sua "
                    "variância σ² (a do Keras, dividida por m)? Responda uma tupla (μ, σ²)."},
    hint={"es": "Ecuaciones (4) y (5): σ² = media de (x − μ)², dividiendo por m = 4, no por m − 1.",
          "pt": "Equações (4) e (5): σ² = média de (x − μ)², dividindo por m = 4, não por m − 1."},
    expected=_stats,
)
exercise(
    "05.2",
    question={"es": "Con el mismo lote, γ = 2, β = 1 y ε = 0.001, ¿qué salida y da la normalización por lotes "
                    "en modo entrenamiento? Responde una lista de 4 números (3 decimales bastan).",
              "pt": "Com o mesmo lote, γ = 2, β = 1 e ε = 0,001, que saída y a normalização em lote dá no modo "
                    "de treinamento? Responda uma lista de 4 números (3 casas decimais bastam)."},
    hint={"es": "Ecuaciones (6) y (7): y = γ · (x − μ) / sqrt(σ² + ε) + β; compruébalo con "
                "gc.batchnorm.batchnorm_forward.",
          "pt": "Equações (6) e (7): y = γ · (x − μ) / sqrt(σ² + ε) + β; confira com "
                "gc.batchnorm.batchnorm_forward."},
    expected=_forward,
    atol=1e-3,
)
exercise(
    "05.3",
    question={"es": "La media móvil de Keras empieza en 0 y momentum = 0.99. Si todos los lotes tienen media 5, "
                    "¿tras cuántos pasos de entrenamiento llega la media móvil por primera vez a 4.5 (el 90 %)?",
              "pt": "A média móvel do Keras começa em 0 e momentum = 0.99. Se todos os lotes têm média 5, "
                    "depois de quantos passos de treinamento a média móvel chega pela primeira vez a 4,5 (90 %)?"},
    hint={"es": "Escribe la media móvil tras 1, 2 y 3 pasos (empieza en 0) y busca el patrón en función de k; "
                "o simula la regla de actualización en un bucle hasta que llegue a 4.5.",
          "pt": "Escreva a média móvel depois de 1, 2 e 3 passos (começa em 0) e procure o padrão em função de k; "
                "ou simule a regra de atualização num laço até que chegue a 4,5."},
    expected=_steps_to_90_percent,
)
exercise(
    "05.4",
    question={"es": "Con el mismo lote, si el gradiente que llega es el mismo para todos los ejemplos, "
                    "∂L/∂y = [1, 1, 1, 1], ¿cuánto vale ∂L/∂x? Responde una lista de 4 números.",
              "pt": "Com o mesmo lote, se o gradiente que chega é o mesmo para todos os exemplos, "
                    "∂L/∂y = [1, 1, 1, 1], quanto vale ∂L/∂x? Responda uma lista de 4 números."},
    hint={"es": "Con ∂L/∂y = 1 en todos, L = Σ y. ¿Cambia Σ y si mueves un solo x_i? Piensa qué le pasa a x̂ "
                "(y a su suma) al mover un ejemplo, o usa la fórmula compacta término a término.",
          "pt": "Com ∂L/∂y = 1 em todos, L = Σ y. Σ y muda se você mexe num só x_i? Pense no que acontece com x̂ "
                "(e com a sua soma) ao mexer num exemplo, ou use a fórmula compacta termo a termo."},
    expected=_constant_gradient,
)
exercise(
    "05.5",
    question={"es": "Una capa BatchNormalization va tras una Conv2D con 64 filtros (salida 7×7×64). "
                    "¿Cuántos parámetros entrenables tiene?",
              "pt": "Uma camada BatchNormalization vem depois de uma Conv2D com 64 filtros (saída 7×7×64). "
                    "Quantos parâmetros treináveis ela tem?"},
    hint={"es": "Un γ y un β por canal; las medias móviles también se guardan, pero no se entrenan.",
          "pt": "Um γ e um β por canal; as médias móveis também são guardadas, mas não são treinadas."},
    expected=_bn_trainable_params,
)
exercise(
    "05.6",
    question={"es": "Con una capa de normalización por lotes en la entrada del discriminador (modo entrenamiento), "
                    "¿puede distinguir un lote de imágenes del mismo lote aclarado (+0.3 en cada píxel)? "
                    "Responde True o False.",
              "pt": "Com uma camada de normalização em lote na entrada do discriminador (modo de treinamento), "
                    "ele consegue distinguir um lote de imagens do mesmo lote clareado (+0.3 em cada pixel)? "
                    "Responda True ou False."},
    hint={"es": "Mira la ecuación (6): ¿qué les pasa a cada x_i y a μ_B cuando se suma lo mismo a todos los "
                "píxeles? Puedes probarlo con gc.batchnorm.batchnorm_forward.",
          "pt": "Olhe a equação (6): o que acontece com cada x_i e com μ_B quando se soma o mesmo a todos os "
                "pixels? Você pode testar com gc.batchnorm.batchnorm_forward."},
    expected=_d_sees_the_shift,
)


def _keras_forward(x, gamma, beta, eps):
    """A Keras BatchNormalization layer in training mode (the independent reference)."""
    layer = keras.layers.BatchNormalization(epsilon=eps)
    layer.build(x.shape)
    layer.gamma.assign(gamma)
    layer.beta.assign(beta)
    return layer(x.astype("float32"), training=True).numpy().astype(float)


def _keras_backward(dy, x, gamma, eps):
    """∂L/∂x of L = Σ dy·y through a Keras BatchNormalization layer, by tf.GradientTape."""
    layer = keras.layers.BatchNormalization(epsilon=eps)
    layer.build(x.shape)
    layer.gamma.assign(gamma)
    x_tf = tf.constant(x, tf.float32)
    with tf.GradientTape() as tape:
        tape.watch(x_tf)
        loss = tf.reduce_sum(tf.constant(dy, tf.float32) * layer(x_tf, training=True))
    return tape.gradient(loss, x_tf).numpy().astype(float)


def _image_batches():
    rng = np.random.default_rng(5)
    return [(rng.normal(2.0, 3.0, size=(6, 5, 5, 3)), np.array([1.5, 0.5, -1.0]), np.array([0.0, 1.0, 2.0]), 1e-3),
            (rng.uniform(-1, 1, size=(4, 3, 3, 2)), np.array([1.0, 2.0]), np.array([0.5, -0.5]), 1e-5)]


def _vector_batches():
    rng = np.random.default_rng(6)
    return [(rng.normal(size=(8, 3)), rng.normal(5.0, 2.0, size=(8, 3)), np.array([1.5, 0.5, 2.0]), 1e-3),
            (rng.normal(size=(5, 2)), rng.uniform(-3, 3, size=(5, 2)), np.array([1.0, -2.0]), 1e-3)]


def _reference_batchnorm(x, gamma, beta, eps=1e-3):
    return bn.batchnorm_forward(x, gamma, beta, eps)[0]


def _reference_backward(dy, x, gamma, eps=1e-3):
    _, cache = bn.batchnorm_forward(x, gamma, np.zeros_like(gamma), eps)
    return bn.batchnorm_backward(dy, cache)[0]


exercise(
    "05.7",
    question={"es": "Programa my_batchnorm(x, gamma, beta, eps) para un lote de imágenes NHWC en modo entrenamiento "
                    "(una media y una varianza por canal) y pasa la función como respuesta.",
              "pt": "Programe my_batchnorm(x, gamma, beta, eps) para um lote de imagens NHWC no modo de treinamento "
                    "(uma média e uma variância por canal) e passe a função como resposta."},
    hint={"es": "Las medias recorren todos los ejes salvo el de los canales; la varianza divide por m, no por m − 1; "
                "ε va dentro de la raíz.",
          "pt": "As médias percorrem todos os eixos menos o dos canais; a variância divide por m, não por m − 1; "
                "ε vai dentro da raiz."},
    judge=lambda answer: function_matches(answer, _keras_forward, _image_batches()),
    example=_reference_batchnorm,
)
exercise(
    "05.8",
    question={"es": "Programa my_backward(dy, x, gamma, eps) con la fórmula compacta: ∂L/∂x para un lote (m, "
                    "características), y pasa la función como respuesta.",
              "pt": "Programe my_backward(dy, x, gamma, eps) com a fórmula compacta: ∂L/∂x para um lote (m, "
                    "características), e passe a função como resposta."},
    hint={"es": "Calcula primero μ, σ² y x̂ del lote (eje 0); las dos sumas de la fórmula también recorren el eje "
                "0. Comprueba que cada columna de tu resultado suma casi 0.",
          "pt": "Calcule primeiro μ, σ² e x̂ do lote (eixo 0); as duas somas da fórmula também percorrem o eixo 0. "
                "Confira que cada coluna do seu resultado soma quase 0."},
    judge=lambda answer: function_matches(answer, _keras_backward, _vector_batches()),
    example=_reference_backward,
)
