"""Exercises of lesson 10 (conditioning, the Wasserstein distance, hinge and Pix2Pix), answered with the course's
own code: the expected values are computed by gan_course.models, wasserstein, losses and TensorFlow, not typed in.

10.1–10.5 are numbers; 10.6 and 10.7 ask for code: W₁ between two samples (a function, judged against
``wasserstein.w1_from_samples`` on samples of several shapes and sizes) and the concatenation discriminator's input
(a function, judged against the ``image_label`` layer of ``models.dcgan_discriminator(concat=10)``)."""
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
    hint={"es": "Con la misma σ, ¿cambia la forma de la pila de arena o solo su sitio? Compruébalo con "
                "wasserstein.w1_from_densities(*objective.gaussian_pair(1, 4)).",
          "pt": "Com o mesmo σ, muda a forma da pilha de areia ou só o seu lugar? Confira com "
                "wasserstein.w1_from_densities(*objective.gaussian_pair(1, 4))."},
    expected=_w1_gaussians, atol=1e-3,
)

exercise(
    "10.2",
    question={"es": "Un crítico lineal con penalización del gradiente λ = 10, entre dos distribuciones a W₁ = 2: "
                    "¿qué estimación de W₁ da (la fórmula W + W²/(2λ) de la lección)?",
              "pt": "Um crítico linear com penalização do gradiente λ = 10, entre duas distribuições a W₁ = 2: que "
                    "estimativa de W₁ ele dá (a fórmula W + W²/(2λ) da lição)?"},
    hint={"es": "Un crítico lineal de pendiente s gana s·W y paga λ(s − 1)²: busca la s que hace máxima la "
                "diferencia (deriva e iguala a cero) y multiplica por W.",
          "pt": "Um crítico linear de inclinação s ganha s·W e paga λ(s − 1)²: encontre o s que torna máxima a "
                "diferença (derive e iguale a zero) e multiplique por W."},
    expected=2.0 + 2.0 ** 2 / (2 * 10.0), atol=1e-3,
)

exercise(
    "10.3",
    question={"es": "Un discriminador por concatenación con kernels 5×5 y 64 filtros en la primera capa, para "
                    "dígitos 28×28×1 y 10 clases: ¿cuántos parámetros tiene su primera convolución (sin sesgo)?",
              "pt": "Um discriminador por concatenação com kernels 5×5 e 64 filtros na primeira camada, para "
                    "dígitos 28×28×1 e 10 classes: quantos parâmetros tem a sua primeira convolução (sem viés)?"},
    hint={"es": "¿Cuántos canales de entrada ve la primera convolución cuando el dígito entra como mapas "
                "constantes? Cuenta un peso por posición del kernel, canal de entrada y filtro.",
          "pt": "Quantos canais de entrada a primeira convolução vê quando o dígito entra como mapas constantes? "
                "Conte um peso por posição do kernel, canal de entrada e filtro."},
    expected=_concat_first_conv_params,
)

exercise(
    "10.4",
    question={"es": "Pérdida bisagra del discriminador con una sola imagen real de puntuación 0.5 y una falsa de "
                    "puntuación −2: ¿cuánto vale?",
              "pt": "Perda hinge do discriminador com uma só imagem real de pontuação 0,5 e uma falsa de "
                    "pontuação −2: quanto vale?"},
    hint={"es": "Mira la fila `hinge` de la tabla de pérdidas: cada término deja de contar cuando D acierta con "
                "margen. ¿Acierta con margen en la real? ¿Y en la falsa?",
          "pt": "Olhe a linha `hinge` da tabela de perdas: cada termo deixa de contar quando D acerta com margem. "
                "Ele acerta com margem na real? E na falsa?"},
    expected=_hinge_value, atol=1e-6,
)

exercise(
    "10.5",
    question={"es": "Tres convoluciones 4×4 de stride 2 una tras otra (un PatchGAN pequeño): ¿cuántos píxeles de "
                    "ancho tiene el parche de la entrada que ve un píxel de la salida (su campo receptivo)?",
              "pt": "Três convoluções 4×4 de stride 2 uma após a outra (um PatchGAN pequeno): quantos pixels de "
                    "largura tem a região da entrada que um pixel da saída vê (o seu campo receptivo)?"},
    hint={"es": "Usa la celda de «El parche de 70×70» con solo tres capas (4, 2): la fórmula y TensorFlow deben "
                "coincidir.",
          "pt": "Use a célula de “A região de 70×70” com só três camadas (4, 2): a fórmula e o TensorFlow devem "
                "coincidir."},
    expected=_receptive_field,
)


# --- 10.6: W₁ between two samples -----------------------------------------------------------------------------

def _w1_cases():
    rng = np.random.default_rng(11)
    return [(rng.normal(0, 1, 500), rng.normal(3, 1, 500)), (rng.exponential(1.0, 64), rng.normal(1, 2, 64)),
            (rng.uniform(-1, 1, 7), rng.uniform(0, 5, 7)), (np.array([0.0, 0.0, 4.0]), np.array([4.0, 0.0, 0.0]))]


def _judge_w1(answer):
    if not callable(answer):
        return False
    for a, b in _w1_cases():
        try:
            got = float(answer(a.copy(), b.copy()))
        except Exception:  # noqa: BLE001  (any error in the student's code means "not yet")
            return False
        if not np.isfinite(got) or abs(got - wasserstein.w1_from_samples(a, b)) > 1e-9:
            return False
    return True


exercise(
    "10.6",
    question={"es": "Escribe w1(a, b): la distancia W₁ entre dos muestras 1-D del mismo tamaño (arrays de NumPy).",
              "pt": "Escreva w1(a, b): a distância W₁ entre duas amostras 1-D do mesmo tamanho (arrays do NumPy)."},
    hint={"es": "Mover la arena cuesta lo mínimo si el valor más pequeño de una muestra va al más pequeño de la otra, "
                "el segundo al segundo… Pruébala con a = [0, 0, 4] y b = [4, 0, 0]: debe dar 0.",
          "pt": "Mover a areia custa o mínimo se o menor valor de uma amostra vai para o menor da outra, o segundo "
                "para o segundo… Teste com a = [0, 0, 4] e b = [4, 0, 0]: deve dar 0."},
    judge=_judge_w1, example=lambda a, b: float(np.mean(np.abs(np.sort(a) - np.sort(b)))),
)


# --- 10.7: the concatenation discriminator's input --------------------------------------------------------------

def _label_maps_cases():
    rng = np.random.default_rng(5)
    return [(rng.uniform(-1, 1, (6, 28, 28, 1)).astype(np.float32), rng.integers(0, 10, 6).astype(np.int32)),
            (np.full((3, 28, 28, 1), -1.0, np.float32), np.array([9, 0, 9], np.int32))]


def _concat_input(x, y):
    d = models.dcgan_discriminator((28, 28, 1), concat=10)
    inside = keras.Model(d.inputs, d.get_layer("image_label").output)
    return np.asarray(inside([x, y], training=False))


def _judge_label_maps(answer):
    if not callable(answer):
        return False
    for x, y in _label_maps_cases():
        try:
            got = np.asarray(answer(x.copy(), y.copy()), np.float64)
        except Exception:  # noqa: BLE001  (any error in the student's code means "not yet")
            return False
        want = _concat_input(x, y)
        if got.shape != want.shape or not np.allclose(got, want, atol=1e-6):
            return False
    return True


exercise(
    "10.7",
    question={"es": "Escribe with_label_maps(x, y): para imágenes x (N, 28, 28, 1) y dígitos enteros y (N,), la "
                    "entrada del discriminador por concatenación, (N, 28, 28, 11): la imagen y el one-hot de y como "
                    "10 canales constantes.",
              "pt": "Escreva with_label_maps(x, y): para imagens x (N, 28, 28, 1) e dígitos inteiros y (N,), a "
                    "entrada do discriminador por concatenação, (N, 28, 28, 11): a imagem e o one-hot de y como 10 "
                    "canais constantes."},
    hint={"es": "Primero el one-hot (N, 10); después dale dos ejes de tamaño 1 y extiéndelo a 28×28; al final, pega "
                "por el último eje. Compara con la capa image_label de la celda «La concatenación, comprobada».",
          "pt": "Primeiro o one-hot (N, 10); depois dê a ele dois eixos de tamanho 1 e estenda para 28×28; por fim, "
                "cole pelo último eixo. Compare com a camada image_label da célula “A concatenação, conferida”."},
    judge=_judge_label_maps,
    example=lambda x, y: np.concatenate([x, np.broadcast_to(np.eye(10, dtype=np.float32)[y][:, None, None, :],
                                                            (len(y), 28, 28, 10))], axis=-1),
)
