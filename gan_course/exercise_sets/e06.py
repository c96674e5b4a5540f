"""Exercises of lesson 06 (DCGAN on MNIST), answered with gan_course.models, losses, data and train."""
import numpy as np

from .. import data, losses, models, train
from ..exercises import exercise


def _discriminator_trainable_params():
    D = models.course_discriminator()
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
    images = np.zeros((5000, 28, 28), np.uint8)
    return int(data.make_dataset(images, 64, shuffle=False).cardinality())


def _epochs_trained_on_resume():
    done, total = 7, 10
    return list(range(done + 1, total + 1))


def _model_dir():
    return train.model_dir("celebA", 128, (64, 64, 3))


exercise(
    "06.1",
    question={"es": "¿Cuántos parámetros entrenables tiene el discriminador del curso "
                    "(models.course_discriminator())? Cuéntalos capa a capa y compara con .summary().",
              "pt": "Quantos parâmetros treináveis tem o discriminador do curso "
                    "(models.course_discriminator())? Conte-os camada por camada e compare com .summary()."},
    hint={"es": "down_0: 4·4·1·64 (sin sesgo); down_1: 4·4·64·128; bn_1: γ y β por canal (las medias móviles "
                "no se entrenan); la capa densa: 7·7·128 pesos + 1 sesgo.",
          "pt": "down_0: 4·4·1·64 (sem viés); down_1: 4·4·64·128; bn_1: γ e β por canal (as médias móveis "
                "não são treinadas); a camada densa: 7·7·128 pesos + 1 viés."},
    expected=_discriminator_trainable_params,
)
exercise(
    "06.2",
    question={"es": "En el generador del curso, la capa `up_1` (Conv2DTranspose, kernel 4, paso 2, 'same', "
                    "64 filtros) recibe 7×7×128. ¿Qué forma (alto, ancho, canales) tiene su salida?",
              "pt": "No gerador do curso, a camada `up_1` (Conv2DTranspose, kernel 4, passo 2, 'same', "
                    "64 filtros) recebe 7×7×128. Que formato (altura, largura, canais) tem a sua saída?"},
    hint={"es": "Con 'same', una convolución transpuesta de paso s multiplica el lado por s (lección 03); "
                "los canales son los filtros.",
          "pt": "Com 'same', uma convolução transposta de passo s multiplica o lado por s (lição 03); "
                "os canais são os filtros."},
    expected=_shape_after_up_1,
)
exercise(
    "06.3",
    question={"es": "Si el discriminador está indeciso, D(G(z)) = 0.5 para todas las imágenes generadas. "
                    "¿Cuánto vale la pérdida no saturante del generador J(G) = −media(log D(G(z)))?",
              "pt": "Se o discriminador está indeciso, D(G(z)) = 0.5 para todas as imagens geradas. "
                    "Quanto vale a perda não saturante do gerador J(G) = −média(log D(G(z)))?"},
    hint={"es": "−log 0.5 = log 2; compruébalo con losses.generator_loss([[0.5]], form='probability').",
          "pt": "−log 0.5 = log 2; confira com losses.generator_loss([[0.5]], form='probability')."},
    expected=_generator_loss_at_half,
    atol=1e-3,
)
exercise(
    "06.4",
    question={"es": "Un discriminador con sigmoide da D(x) = 1.0 a una imagen real: acierta del todo. ¿Qué "
                    "pérdida informa BinaryCrossentropy(from_logits=True) para la etiqueta 1 (el error del "
                    "cuaderno original)? 3 decimales bastan.",
              "pt": "Um discriminador com sigmoide dá D(x) = 1.0 a uma imagem real: acerta totalmente. Que "
                    "perda BinaryCrossentropy(from_logits=True) informa para o rótulo 1 (o erro do notebook "
                    "original)? 3 casas decimais bastam."},
    hint={"es": "from_logits=True aplica otra sigmoide: calcula −log σ(1.0), no −log 1.0 = 0.",
          "pt": "from_logits=True aplica outra sigmoide: calcula −log σ(1.0), não −log 1.0 = 0."},
    expected=_from_logits_on_a_perfect_probability,
    atol=1e-3,
)
exercise(
    "06.5",
    question={"es": "Con los 5000 dígitos incluidos y lotes de 64 (el último lote incompleto se descarta), "
                    "¿cuántos pasos de entrenamiento tiene una época?",
              "pt": "Com os 5000 dígitos incluídos e lotes de 64 (o último lote incompleto é descartado), "
                    "quantos passos de treinamento tem uma época?"},
    hint={"es": "División entera: 5000 // 64 (drop_remainder=True en data.make_dataset).",
          "pt": "Divisão inteira: 5000 // 64 (drop_remainder=True em data.make_dataset)."},
    expected=_steps_per_epoch,
)
exercise(
    "06.6",
    question={"es": "Una ejecución guardó su punto de control tras la época 7. Llamas a "
                    "train.fit(..., epochs=10, resume=True). ¿Qué épocas entrena? Responde una lista.",
              "pt": "Uma execução salvou seu ponto de verificação depois da época 7. Você chama "
                    "train.fit(..., epochs=10, resume=True). Que épocas ela treina? Responda uma lista."},
    hint={"es": "epochs es el total, como en Keras, y se reanuda en la época siguiente a la guardada.",
          "pt": "epochs é o total, como no Keras, e a retomada começa na época seguinte à salva."},
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
