"""Exercises of lesson 10 (conditioning, the Wasserstein distance, hinge and Pix2Pix), answered with the course's
own code: the expected values are computed by gan_course.models, wasserstein, losses and TensorFlow, not typed in."""
import numpy as np

from .. import losses, models, wasserstein
from .._tf import keras, tf
from ..exercises import exercise
from ..objective import gaussian_pair


def _w1_gaussians():
    x, p, q = gaussian_pair(1.0, 4.0, 1.0, 1.0)
    return wasserstein.w1_from_densities(x, p, q)


def _concat_first_conv_params():
    d = models.dcgan_discriminator((28, 28, 1), kernel_size=5, concat=10)
    return int(d.get_layer("down_0").count_params())


def _hinge_value():
    return float(losses.hinge_discriminator_loss(np.array([[0.5]], np.float32), np.array([[-2.0]], np.float32)))


def _receptive_field(layers=((4, 2), (4, 2), (4, 2))):
    """Measured, not by formula: the input pixels one output pixel of a stack of convolutions depends on
    (ones as weights, no activation, so no path cancels), along one row."""
    size = 64
    net = keras.Sequential([keras.Input((size, size, 1))]
                           + [keras.layers.Conv2D(1, k, strides=s, padding="same", use_bias=False,
                                                  kernel_initializer="ones") for k, s in layers])
    x = tf.zeros((1, size, size, 1))
    with tf.GradientTape() as tape:
        tape.watch(x)
        out = net(x, training=False)
        centre = out[0, out.shape[1] // 2, out.shape[2] // 2, 0]
    grad = tape.gradient(centre, x).numpy()[0, :, :, 0]
    return int(np.count_nonzero(np.abs(grad).sum(axis=0)))


exercise(
    "10.1",
    question={"es": "¿Cuánto vale la distancia de Wasserstein W₁ entre N(1, 1) y N(4, 1)?",
              "pt": "Quanto vale a distância de Wasserstein W₁ entre N(1, 1) e N(4, 1)?"},
    hint={"es": "Con la misma σ, la pila de arena solo se desplaza: W₁ es la distancia entre las medias. "
                "Compruébalo con wasserstein.w1_from_densities(*objective.gaussian_pair(1, 4)).",
          "pt": "Com o mesmo σ, a pilha de areia só se desloca: W₁ é a distância entre as médias. Confira com "
                "wasserstein.w1_from_densities(*objective.gaussian_pair(1, 4))."},
    expected=_w1_gaussians, atol=1e-3,
)

exercise(
    "10.2",
    question={"es": "Un crítico lineal con penalización del gradiente λ = 10, entre dos distribuciones a W₁ = 2: "
                    "¿qué estimación de W₁ da (la fórmula W + W²/(2λ) de la lección)?",
              "pt": "Um crítico linear com penalização do gradiente λ = 10, entre duas distribuições a W₁ = 2: que "
                    "estimativa de W₁ ele dá (a fórmula W + W²/(2λ) da lição)?"},
    hint={"es": "La pendiente óptima es s = 1 + W/(2λ) y la estimación, s·W.",
          "pt": "A inclinação ótima é s = 1 + W/(2λ) e a estimativa, s·W."},
    expected=2.0 + 2.0 ** 2 / (2 * 10.0), atol=1e-3,
)

exercise(
    "10.3",
    question={"es": "Un discriminador por concatenación con kernels 5×5 y 64 filtros en la primera capa, para "
                    "dígitos 28×28×1 y 10 clases: ¿cuántos parámetros tiene su primera convolución (sin sesgo)?",
              "pt": "Um discriminador por concatenação com kernels 5×5 e 64 filtros na primeira camada, para "
                    "dígitos 28×28×1 e 10 classes: quantos parâmetros tem a sua primeira convolução (sem viés)?"},
    hint={"es": "La convolución ve 1 + 10 canales de entrada: kernel × kernel × canales × filtros.",
          "pt": "A convolução vê 1 + 10 canais de entrada: kernel × kernel × canais × filtros."},
    expected=_concat_first_conv_params,
)

exercise(
    "10.4",
    question={"es": "Pérdida bisagra del discriminador con una sola imagen real de puntuación 0.5 y una falsa de "
                    "puntuación −2: ¿cuánto vale?",
              "pt": "Perda hinge do discriminador com uma só imagem real de pontuação 0.5 e uma falsa de "
                    "pontuação −2: quanto vale?"},
    hint={"es": "max(0, 1 − D(x)) + max(0, 1 + D(G(z))).",
          "pt": "max(0, 1 − D(x)) + max(0, 1 + D(G(z)))."},
    expected=_hinge_value, atol=1e-6,
)

exercise(
    "10.5",
    question={"es": "Tres convoluciones 4×4 de paso 2 una tras otra (un PatchGAN pequeño): ¿cuántos píxeles de "
                    "ancho tiene el parche de la entrada que ve un píxel de la salida (su campo receptivo)?",
              "pt": "Três convoluções 4×4 de passo 2 uma após a outra (um PatchGAN pequeno): quantos pixels de "
                    "largura tem o trecho da entrada que um pixel da saída vê (o seu campo receptivo)?"},
    hint={"es": "Desde la salida hacia atrás: r ← r·s + (k − s), empezando en r = 1.",
          "pt": "Da saída para trás: r ← r·s + (k − s), começando em r = 1."},
    expected=_receptive_field,
)
