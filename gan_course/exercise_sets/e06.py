"""Exercises of lesson 06 (the plain DCGAN on MNIST), answered with gan_course.models, losses, data, metrics and
train.

06.1–06.8 are numbers, shapes, lists or texts; 06.9 and 06.10 ask for code: the discriminator's loss on logits, exact
for any logit (a function), and the memorisation share by hand (a function)."""
import math

import numpy as np

from .. import data, losses, metrics, models, train
from .._tf import tf
from ..exercises import exercise


def _discriminator_trainable_params():
    _, D = models.build_pair("plain")
    return int(sum(np.prod(w.shape) for w in D.trainable_weights))


def _shape_after_up_1():
    G, _ = models.build_pair("plain")
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


def _traces_for_batches(batch_sizes=(64, 64, 32, 64, 16)):
    """A tf.function without input_signature, called on batches of these sizes: how many times it was traced."""
    @tf.function
    def total(images):
        return tf.reduce_sum(images)

    for n in batch_sizes:
        total(tf.zeros([n, 28, 28, 1]))
    return int(total.experimental_get_tracing_count())


# --- 06.9: the discriminator's loss on logits, exact for any logit --------------------------------

def _d_loss_cases():
    """Pairs (real logits, fake logits): ordinary values, then logits whose sigmoid rounds to 0 or 1."""
    rng = np.random.default_rng(9)
    cases = [(rng.normal(0.0, 2.0, (8, 1)), rng.normal(0.0, 2.0, (8, 1))),
             (rng.normal(1.0, 3.0, (64,)), rng.normal(-1.0, 3.0, (64,)))]
    extreme = np.array([[-100.0], [-40.0], [-17.0], [0.0], [17.0], [40.0], [100.0]])
    cases += [(extreme, extreme[::-1].copy()), (extreme, extreme.copy())]
    return cases


def _d_loss_reference(real_logits, fake_logits):
    real = tf.constant(np.asarray(real_logits, np.float64))
    fake = tf.constant(np.asarray(fake_logits, np.float64))
    return float(losses.discriminator_loss(real, fake, "logits"))


def _judge_d_loss(answer):
    if not callable(answer):
        return False
    try:
        for real, fake in _d_loss_cases():
            got = float(np.asarray(answer(real.copy(), fake.copy()), dtype=np.float64))
            want = _d_loss_reference(real, fake)
            if not (math.isfinite(got) and abs(got - want) <= 1e-4 * max(1.0, abs(want))):
                return False
    except Exception:  # noqa: BLE001 - a student's function may fail in any way: not solved yet
        return False
    return True


def _d_loss_example(real_logits, fake_logits):
    """Example answer: -log σ(ℓ) = softplus(-ℓ) and -log(1 - σ(ℓ)) = softplus(ℓ), written without overflow."""
    def softplus(v):
        v = np.asarray(v, np.float64)
        return np.maximum(v, 0.0) + np.log1p(np.exp(-np.abs(v)))

    return float(np.mean(softplus(-np.asarray(real_logits, np.float64)))
                 + np.mean(softplus(np.asarray(fake_logits, np.float64))))


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


exercise(
    "06.1",
    question={"es": "¿Cuántos parámetros entrenables tiene el discriminador de la receta plain "
                    "(models.build_pair('plain')[1])? Cuéntalos capa a capa y compara con .summary().",
              "pt": "Quantos parâmetros treináveis tem o discriminador da receita plain "
                    "(models.build_pair('plain')[1])? Conte-os camada por camada e compare com .summary()."},
    hint={"es": "Las convoluciones de D no tienen sesgo y sus kernels son de 3×3; la normalización entrena dos "
                "números por canal (las medias móviles no se entrenan); la capa densa final ve el último mapa "
                "aplanado y tiene sesgo.",
          "pt": "As convoluções de D não têm viés e seus kernels são 3×3; a normalização treina dois números por "
                "canal (as médias móveis não são treinadas); a camada densa final vê o último mapa achatado e "
                "tem viés."},
    expected=_discriminator_trainable_params,
)
exercise(
    "06.2",
    question={"es": "En el generador de la receta plain, la capa `up_1` (Conv2DTranspose, kernel 4, stride 2, 'same', "
                    "64 filtros) recibe 7×7×128. ¿Qué forma (alto, ancho, canales) tiene su salida?",
              "pt": "No gerador da receita plain, a camada `up_1` (Conv2DTranspose, kernel 4, stride 2, 'same', "
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
    hint={"es": "Sustituye D(G(z)) en la fórmula de J(G): la media de números iguales es ese número, y el "
                "logaritmo es el natural.",
          "pt": "Substitua D(G(z)) na fórmula de J(G): a média de números iguais é esse número, e o logaritmo é o "
                "natural."},
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
    hint={"es": "Piensa en qué cree Keras que es el número que recibe con from_logits=True y qué le aplica antes "
                "del logaritmo (sección «Si usaras from_logits=True sobre una sigmoide»).",
          "pt": "Pense no que o Keras acha que é o número que recebe com from_logits=True e no que aplica a ele "
                "antes do logaritmo (seção “Se você usasse from_logits=True sobre uma sigmoide”)."},
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
    hint={"es": "Relee en «Puntos de control» qué significa `epochs` en train.fit (¿el total o las que faltan?) "
                "y en qué época sigue una ejecución reanudada. Responde una lista de enteros.",
          "pt": "Releia em “Pontos de verificação” o que `epochs` significa em train.fit (o total ou as que "
                "faltam?) e em que época uma execução retomada continua. Responda uma lista de inteiros."},
    expected=_epochs_trained_on_resume,
)
exercise(
    "06.7",
    question={"es": "Como model_dir en el DCGAN de carpedm20, ¿cómo se llama la carpeta de puntos de control de "
                    "una ejecución con dataset 'celebA', lotes de 128 e imágenes de 64×64×3? Responde el texto.",
              "pt": "Como o model_dir no DCGAN de carpedm20, como se chama a pasta de pontos de verificação de "
                    "uma execução com dataset 'celebA', lotes de 128 e imagens de 64×64×3? Responda o texto."},
    hint={"es": "Mira qué datos de la ejecución junta train.model_dir en el nombre, en qué orden y con qué "
                "separador; los canales no entran.",
          "pt": "Veja que dados da execução train.model_dir junta no nome, em que ordem e com que separador; os "
                "canais não entram."},
    expected=_model_dir,
)
exercise(
    "06.8",
    question={"es": "Una función decorada con @tf.function, sin input_signature, recibe lotes de 64, 64, 32, 64 y "
                    "16 imágenes de 28×28×1, en ese orden. ¿Cuántas veces se traza?",
              "pt": "Uma função decorada com @tf.function, sem input_signature, recebe lotes de 64, 64, 32, 64 e "
                    "16 imagens de 28×28×1, nessa ordem. Quantas vezes ela é traçada?"},
    hint={"es": "Un grafo por forma estática de la entrada; una forma ya vista reutiliza su grafo. Compruébalo con "
                "experimental_get_tracing_count(), como en «¿Cuántas veces se traza la función?».",
          "pt": "Um grafo por formato estático da entrada; um formato já visto reutiliza o seu grafo. Confira com "
                "experimental_get_tracing_count(), como em “Quantas vezes a função é traçada?”."},
    expected=_traces_for_batches,
)
exercise(
    "06.9",
    question={"es": "Programa d_loss(real_logits, fake_logits) con NumPy: J(D) = −media(log σ(ℓ_real)) − "
                    "media(log(1 − σ(ℓ_falso))), exacta y finita para cualquier logit (también ±100). Responde con "
                    "la función: answer = d_loss.",
              "pt": "Programe d_loss(real_logits, fake_logits) com NumPy: J(D) = −média(log σ(ℓ_real)) − "
                    "média(log(1 − σ(ℓ_falso))), exata e finita para qualquer logit (também ±100). Responda com a "
                    "função: answer = d_loss."},
    hint={"es": "No calcules la sigmoide: escribe −log σ(ℓ) y −log(1 − σ(ℓ)) como logaritmos de 1 más una "
                "exponencial, y reordena para que la exponencial nunca reciba un número grande y positivo.",
          "pt": "Não calcule a sigmoide: escreva −log σ(ℓ) e −log(1 − σ(ℓ)) como logaritmos de 1 mais uma "
                "exponencial, e reorganize para que a exponencial nunca receba um número grande e positivo."},
    judge=_judge_d_loss,
    example=_d_loss_example,
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
