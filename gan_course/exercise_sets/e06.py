"""Exercises of lesson 06 (DCGAN on MNIST), answered with gan_course.models, losses, data, metrics and train.

06.1–06.8 are numbers or shapes; 06.9–06.11 ask for code: spherical interpolation (a function), the memorisation
share by hand (a function) and the class head's extra generator loss for a batch of logits (a number)."""
import math

import numpy as np

from .. import data, losses, metrics, models, recipes, train
from .._tf import tf
from ..exercises import exercise


def _discriminator_trainable_params():
    _, D = models.build_pair("course")
    return int(sum(np.prod(w.shape) for w in D.trainable_weights))


def _shape_after_up_1():
    G = models.course_generator()
    return tuple(int(v) for v in G.get_layer("up_1").output.shape[1:])


def _generator_loss_at_half():
    return float(losses.generator_loss([[0.5]], form="probability"))


def _from_logits_on_a_perfect_probability():
    # D(x) = 1.0 is a probability, but from_logits=True reads it as the logit 1.0: -log σ(1)
    return float(losses.binary_cross_entropy(1.0, [[1.0]], form="logits"))


def _steps_per_epoch():
    images, _ = data.mnist_split("train")
    return int(data.make_dataset(images, 64, shuffle=False).cardinality())


def _epochs_trained_on_resume():
    done, total = 7, 10
    return list(range(done + 1, total + 1))


def _model_dir():
    return train.model_dir("celebA", 128, (64, 64, 3))


def _ema_beta_after_40k():
    r = recipes.get("course")
    half_life = min(r.ema_half_life, r.ema_rampup * 40_000)
    return 0.5 ** (r.batch_size / half_life)


# --- 06.9: spherical interpolation ----------------------------------------------------------------

def _slerp(z_a, z_b, t):
    """Spherical interpolation: along the great circle from z_a to z_b (their angle Ω), t in [0, 1]."""
    z_a, z_b = np.asarray(z_a, np.float64), np.asarray(z_b, np.float64)
    cos = np.dot(z_a, z_b) / (np.linalg.norm(z_a) * np.linalg.norm(z_b))
    omega = np.arccos(np.clip(cos, -1.0, 1.0))
    if np.sin(omega) < 1e-8:  # (almost) the same direction: the straight line is the arc
        return (1.0 - t) * z_a + t * z_b
    return (np.sin((1.0 - t) * omega) * z_a + np.sin(t * omega) * z_b) / np.sin(omega)


def _slerp_cases():
    rng = np.random.default_rng(9)
    cases = [(rng.standard_normal(100), rng.standard_normal(100), t) for t in (0.0, 0.3, 0.5, 0.8, 1.0)]
    a = rng.standard_normal(7)
    cases.append((a, 3.0 * a[::-1], 0.25))                                # different norms, few dimensions
    u, v = np.eye(4)[0] * 2.0, np.eye(4)[1] * 2.0                          # a quarter circle of radius 2
    cases += [(u, v, t) for t in (0.1, 0.5, 0.9)]
    return cases


def _judge_slerp(answer):
    if not callable(answer):
        return False
    try:
        for z_a, z_b, t in _slerp_cases():
            got = np.asarray(answer(z_a.copy(), z_b.copy(), t), dtype=np.float64)
            if got.shape != z_a.shape or not np.allclose(got, _slerp(z_a, z_b, t), atol=1e-5, rtol=0):
                return False
    except Exception:  # noqa: BLE001 - a student's function may fail in any way: not solved yet
        return False
    return True


# --- 06.10: the memorisation share by hand --------------------------------------------------------

def _memorisation_cases():
    """100 digits in [-1, 1] (N, 28, 28, 1): 30 training digits, 10 training digits with a little noise, 60
    held-out digits whose nearest training digit is not within 0.05 of the threshold (no borderline case)."""
    x_train, _ = data.mnist_split("train")
    x_held, _ = data.mnist_split("held_out")
    train_f, held_f = data.to_float(x_train), data.to_float(x_held)
    rng = np.random.default_rng(10)
    noisy = np.clip(train_f[30:40] + rng.normal(0.0, 0.05, train_f[30:40].shape), -1.0, 1.0).astype(np.float32)
    distances = metrics.nearest_distances(held_f, x_train)
    clear = np.flatnonzero(np.abs(distances - metrics.memorisation_threshold()) > 0.05)
    near = clear[np.argsort(distances[clear])[:5]]          # the closest clear ones: some below the threshold
    far = clear[~np.isin(clear, near)][:55]
    return np.concatenate([train_f[:30], noisy, held_f[near], held_f[far]]).astype(np.float32)


def _judge_memorisation(answer):
    if not callable(answer):
        return False
    images = _memorisation_cases()
    try:
        got = float(answer(images.copy()))
    except Exception:  # noqa: BLE001 - a student's function may fail in any way: not solved yet
        return False
    return math.isfinite(got) and abs(got - metrics.memorisation_share(images)) < 1e-9


def _memorised_share_by_hand(images):
    """Example answer: NumPy distances to every training digit, nearest one, compared with the threshold."""
    x_train, _ = data.mnist_split("train")
    reference = data.to_float(x_train).reshape(len(x_train), -1).astype(np.float64)
    flat = np.asarray(images, np.float64).reshape(len(images), -1)
    nearest = np.array([np.sqrt(np.min(np.sum((reference - row) ** 2, axis=1))) for row in flat])
    return float(np.mean(nearest < metrics.memorisation_threshold()))


# --- 06.11: the class head's extra loss for G -----------------------------------------------------

def ambiguity_logits():
    """The 8 × 10 class logits of exercise 06.11 (the same in the notebook's cell)."""
    return 3.0 * np.random.default_rng(6).standard_normal((8, 10))


def _ambiguity_of_the_logits():
    return float(losses.ambiguity(tf.constant(ambiguity_logits(), tf.float32)))


exercise(
    "06.1",
    question={"es": "¿Cuántos parámetros entrenables tiene el discriminador de la receta del curso "
                    "(models.build_pair('course')[1], con la cabeza de clases)? Cuéntalos capa a capa y compara "
                    "con .summary().",
              "pt": "Quantos parâmetros treináveis tem o discriminador da receita do curso "
                    "(models.build_pair('course')[1], com a cabeça de classes)? Conte-os camada por camada e "
                    "compare com .summary()."},
    hint={"es": "Las convoluciones de D no tienen sesgo y sus kernels son de 3×3; la normalización entrena dos "
                "números por canal (las medias móviles no se entrenan); la capa densa final tiene una salida "
                "real/falso más una por clase, cada una con sus pesos y su sesgo.",
          "pt": "As convoluções de D não têm viés e seus kernels são 3×3; a normalização treina dois números por "
                "canal (as médias móveis não são treinadas); a camada densa final tem uma saída real/falso mais "
                "uma por classe, cada uma com seus pesos e seu viés."},
    expected=_discriminator_trainable_params,
)
exercise(
    "06.2",
    question={"es": "En el generador del curso, la capa `up_1` (Conv2DTranspose, kernel 4, stride 2, 'same', "
                    "64 filtros) recibe 7×7×128. ¿Qué forma (alto, ancho, canales) tiene su salida?",
              "pt": "No gerador do curso, a camada `up_1` (Conv2DTranspose, kernel 4, stride 2, 'same', "
                    "64 filtros) recebe 7×7×128. Que formato (altura, largura, canais) tem a sua saída?"},
    hint={"es": "Con 'same', una convolución transpuesta de stride s multiplica el lado por s (lección 03); "
                "los canales son los filtros.",
          "pt": "Com 'same', uma convolução transposta de stride s multiplica o lado por s (lição 03); "
                "os canais são os filtros."},
    expected=_shape_after_up_1,
)
exercise(
    "06.3",
    question={"es": "Si el discriminador está indeciso, D(G(z)) = 0.5 para todas las imágenes generadas. "
                    "¿Cuánto vale la pérdida no saturante del generador J(G) = −media(log D(G(z)))?",
              "pt": "Se o discriminador está indeciso, D(G(z)) = 0.5 para todas as imagens geradas. "
                    "Quanto vale a perda não saturante do gerador J(G) = −média(log D(G(z)))?"},
    hint={"es": "Es un logaritmo natural de un número sencillo; compruébalo con "
                "losses.generator_loss([[0.5]], form='probability').",
          "pt": "É um logaritmo natural de um número simples; confira com "
                "losses.generator_loss([[0.5]], form='probability')."},
    expected=_generator_loss_at_half,
    atol=1e-3,
)
exercise(
    "06.4",
    question={"es": "Un discriminador con sigmoide da D(x) = 1.0 a una imagen real: acierta del todo. Si le "
                    "aplicaras BinaryCrossentropy(from_logits=True) con la etiqueta 1, ¿qué pérdida informaría? "
                    "3 decimales bastan.",
              "pt": "Um discriminador com sigmoide dá D(x) = 1.0 a uma imagem real: acerta totalmente. Se você "
                    "aplicasse BinaryCrossentropy(from_logits=True) com o rótulo 1, que perda ela informaria? "
                    "3 casas decimais bastam."},
    hint={"es": "from_logits=True toma 1.0 por un logit y le aplica otra sigmoide: ¿cuánto vale −log σ(1.0)?",
          "pt": "from_logits=True toma 1.0 por um logit e aplica outra sigmoide: quanto vale −log σ(1.0)?"},
    expected=_from_logits_on_a_perfect_probability,
    atol=1e-3,
)
exercise(
    "06.5",
    question={"es": "Con los 4000 dígitos de entrenamiento (data.mnist_split('train')) y lotes de 64 (el último "
                    "lote incompleto se descarta), ¿cuántos pasos de entrenamiento tiene una época?",
              "pt": "Com os 4000 dígitos de treinamento (data.mnist_split('train')) e lotes de 64 (o último lote "
                    "incompleto é descartado), quantos passos de treinamento tem uma época?"},
    hint={"es": "Descartar el lote incompleto es una división entera (drop_remainder=True en data.make_dataset).",
          "pt": "Descartar o lote incompleto é uma divisão inteira (drop_remainder=True em data.make_dataset)."},
    expected=_steps_per_epoch,
)
exercise(
    "06.6",
    question={"es": "Una ejecución guardó su punto de control tras la época 7. Llamas a train.fit con "
                    "resume=True y un total de 10 épocas (el argumento `epochs`). ¿Qué épocas entrena? Responde una "
                    "lista.",
              "pt": "Uma execução salvou seu ponto de verificação depois da época 7. Você chama train.fit com "
                    "resume=True e um total de 10 épocas (o argumento `epochs`). Que épocas ela treina? Responda uma "
                    "lista."},
    hint={"es": "`epochs` es el total, como en Keras, y se reanuda en la época siguiente a la guardada.",
          "pt": "`epochs` é o total, como no Keras, e a retomada começa na época seguinte à salva."},
    expected=_epochs_trained_on_resume,
)
exercise(
    "06.7",
    question={"es": "Como model_dir en el DCGAN de carpedm20, ¿cómo se llama la carpeta de puntos de control de "
                    "una ejecución con dataset 'celebA', lotes de 128 e imágenes de 64×64×3? Responde el texto.",
              "pt": "Como o model_dir no DCGAN de carpedm20, como se chama a pasta de pontos de verificação de "
                    "uma execução com dataset 'celebA', lotes de 128 e imagens de 64×64×3? Responda o texto."},
    hint={"es": "{dataset}_{lote}_{alto}_{ancho}; mira train.model_dir.",
          "pt": "{dataset}_{lote}_{altura}_{largura}; veja train.model_dir."},
    expected=_model_dir,
)
exercise(
    "06.8",
    question={"es": "La EMA de la receta del curso tiene semivida h = min(10 000, 0.05 · imágenes vistas) y, tras "
                    "cada lote de 64, hace θ̄ ← β·θ̄ + (1 − β)·θ con β = 0.5^(64 / h). ¿Cuánto vale β cuando G ya "
                    "ha visto 40 000 imágenes? 4 decimales bastan.",
              "pt": "A EMA da receita do curso tem meia-vida h = min(10 000, 0.05 · imagens vistas) e, depois de "
                    "cada lote de 64, faz θ̄ ← β·θ̄ + (1 − β)·θ com β = 0.5^(64 / h). Quanto vale β quando G já "
                    "viu 40 000 imagens? 4 casas decimais bastam."},
    hint={"es": "Primero la semivida: ¿cuál de los dos términos del mínimo es el menor a esa altura? Luego la "
                "potencia.",
          "pt": "Primeiro a meia-vida: qual dos dois termos do mínimo é o menor nesse ponto? Depois a potência."},
    expected=_ema_beta_after_40k,
    atol=1e-4,
)
exercise(
    "06.9",
    question={"es": "Programa la interpolación esférica slerp(z_a, z_b, t) con NumPy: z_a, z_b son vectores 1-D, "
                    "t un número en [0, 1]; devuelve el punto del arco de circunferencia que va de z_a (t = 0) a "
                    "z_b (t = 1). Responde con la función: answer = slerp.",
              "pt": "Programe a interpolação esférica slerp(z_a, z_b, t) com NumPy: z_a, z_b são vetores 1-D, "
                    "t um número em [0, 1]; devolve o ponto do arco de circunferência que vai de z_a (t = 0) a "
                    "z_b (t = 1). Responda com a função: answer = slerp."},
    hint={"es": "Calcula primero el ángulo Ω entre los dos vectores (con sus direcciones, no con sus longitudes). "
                "Cada vector pesa un seno de una fracción de Ω, y todo se divide por sin Ω. Comprueba tus "
                "extremos (t = 0 y t = 1) y que dos vectores de la misma norma dan puntos de esa norma.",
          "pt": "Calcule primeiro o ângulo Ω entre os dois vetores (com suas direções, não com seus comprimentos). "
                "Cada vetor pesa um seno de uma fração de Ω, e tudo é dividido por sin Ω. Confira os extremos "
                "(t = 0 e t = 1) e que dois vetores de mesma norma dão pontos dessa norma."},
    judge=_judge_slerp,
    example=_slerp,
)
exercise(
    "06.10",
    question={"es": "Programa memorised_share(images) con NumPy: para cada imagen (N, 28, 28, 1) en [-1, 1], la "
                    "distancia euclídea a su dígito de entrenamiento más cercano (los 4000 de "
                    "data.mnist_split('train'), pasados a [-1, 1]), y la fracción de imágenes por debajo de "
                    "metrics.memorisation_threshold(). Responde con la función: answer = memorised_share.",
              "pt": "Programe memorised_share(images) com NumPy: para cada imagem (N, 28, 28, 1) em [-1, 1], a "
                    "distância euclidiana ao seu dígito de treinamento mais próximo (os 4000 de "
                    "data.mnist_split('train'), passados para [-1, 1]), e a fração de imagens abaixo de "
                    "metrics.memorisation_threshold(). Responda com a função: answer = memorised_share."},
    hint={"es": "Aplana cada imagen en un vector de 784 números y compara en la misma escala que la biblioteca "
                "([-1, 1], data.to_float). Para una imagen, la resta con los 4000 vectores a la vez da una matriz; "
                "suma los cuadrados por filas, toma el mínimo y su raíz. La media de una comparación booleana es "
                "una fracción.",
          "pt": "Achate cada imagem num vetor de 784 números e compare na mesma escala que a biblioteca "
                "([-1, 1], data.to_float). Para uma imagem, a subtração com os 4000 vetores de uma vez dá uma "
                "matriz; some os quadrados por linhas, tome o mínimo e sua raiz. A média de uma comparação "
                "booleana é uma fração."},
    judge=_judge_memorisation,
    example=_memorised_share_by_hand,
)
exercise(
    "06.11",
    question={"es": "Con los logits de clase de la celda (8 imágenes falsas × 10 clases: "
                    "3 · np.random.default_rng(6).standard_normal((8, 10))), calcula con NumPy la pérdida extra "
                    "del generador E[H(p(y|G(z)))] − H(E[p(y|G(z))]), en nats. 4 decimales bastan.",
              "pt": "Com os logits de classe da célula (8 imagens falsas × 10 classes: "
                    "3 · np.random.default_rng(6).standard_normal((8, 10))), calcule com NumPy a perda extra do "
                    "gerador E[H(p(y|G(z)))] − H(E[p(y|G(z))]), em nats. 4 casas decimais bastam."},
    hint={"es": "p(y|G(z)) es el softmax de cada fila. H(p) = −Σ p·log p. El primer término promedia las "
                "entropías de las filas; el segundo es la entropía de la fila media. El resultado es ≤ 0.",
          "pt": "p(y|G(z)) é o softmax de cada linha. H(p) = −Σ p·log p. O primeiro termo faz a média das "
                "entropias das linhas; o segundo é a entropia da linha média. O resultado é ≤ 0."},
    expected=_ambiguity_of_the_logits,
    atol=1e-4,
)
