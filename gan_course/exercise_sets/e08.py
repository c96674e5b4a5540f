"""Exercises of lesson 08 (the Keras way and more than one machine), answered with TensorFlow and Keras.

08.1 and 08.2 ask for code: each replica's share of the loss (``tf.nn.compute_average_loss`` by hand) and a
``tf.function`` that is traced once for every batch size; 08.3 is the global and per-replica batch, 08.4 the epoch
numbers Keras gives the callbacks after a resume (measured with a real ``fit``)."""
import numpy as np

from .._tf import keras, tf
from ..exercises import exercise

# --- 08.1: each replica's loss ---------------------------------------------------------------------


def _replica_losses(per_example, sizes):
    """Example answer: each replica's slice through tf.nn.compute_average_loss with the global batch size."""
    per_example = np.asarray(per_example, np.float32)
    ends = np.cumsum(sizes)
    return [float(tf.nn.compute_average_loss(tf.constant(per_example[end - n:end]),
                                             global_batch_size=int(ends[-1])))
            for n, end in zip(sizes, ends)]


def _replica_cases():
    rng = np.random.default_rng(8)
    cases = [(rng.exponential(1.0, 64), [32, 32]), (rng.exponential(1.0, 40), [24, 16]),
             (rng.exponential(0.5, 64), [16, 16, 16, 16]), (rng.exponential(2.0, 10), [7, 3])]
    return [(x.astype(np.float32), sizes) for x, sizes in cases]


def _judge_replica_losses(answer):
    if not callable(answer):
        return False
    try:
        for per_example, sizes in _replica_cases():
            got = np.asarray(answer(per_example.copy(), list(sizes)), dtype=np.float64).reshape(-1)
            if got.shape != (len(sizes),) or not np.allclose(got, _replica_losses(per_example, sizes),
                                                             atol=1e-5, rtol=0):
                return False
    except Exception:  # noqa: BLE001 - a student's function may fail in any way: not solved yet
        return False
    return True


# --- 08.2: traced once ---------------------------------------------------------------------------

def _doubled_once():
    """Example answer: a tf.function whose signature leaves the batch size open."""
    return tf.function(lambda images: 2.0 * images,
                       input_signature=[tf.TensorSpec([None, 28, 28, 1], tf.float32)])


def _judge_traced_once(answer):
    if not callable(answer):
        return False
    try:
        fn = answer()
        if not hasattr(fn, "experimental_get_tracing_count"):
            return False
        rng = np.random.default_rng(2)
        for n in (64, 32, 64, 7, 1):
            x = rng.uniform(-1, 1, (n, 28, 28, 1)).astype(np.float32)
            if not np.allclose(np.asarray(fn(tf.constant(x))), 2.0 * x, atol=1e-6):
                return False
        return fn.experimental_get_tracing_count() == 1
    except Exception:  # noqa: BLE001 - a student's function may fail in any way: not solved yet
        return False


# --- 08.4: the epochs a resumed fit gives its callbacks ----------------------------------------------

def _epochs_seen_after_resume():
    """Measured: a tiny model, fit(epochs=6, initial_epoch=4), the epoch numbers on_epoch_end receives."""
    seen = []
    model = keras.Sequential([keras.Input((1,)), keras.layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    record = keras.callbacks.LambdaCallback(on_epoch_end=lambda epoch, logs: seen.append(int(epoch)))
    model.fit(np.zeros((4, 1), np.float32), np.zeros((4, 1), np.float32), epochs=6, initial_epoch=4, verbose=0,
              callbacks=[record])
    return seen


exercise(
    "08.1",
    question={"es": "Programa replica_losses(per_example, sizes): per_example es la pérdida de cada imagen del lote "
                    "global (un vector 1-D) y sizes los tamaños de los trozos de cada réplica, en orden (suman el "
                    "lote). Devuelve la lista con la pérdida que cada réplica entrega a su cinta de gradientes, de "
                    "modo que el optimizador, que suma las réplicas, reciba el gradiente de la media del lote "
                    "global. Sin tf.nn.compute_average_loss. Responde con la función: answer = replica_losses.",
              "pt": "Programe replica_losses(per_example, sizes): per_example é a perda de cada imagem do lote global "
                    "(um vetor 1-D) e sizes os tamanhos dos pedaços de cada réplica, em ordem (somam o lote). "
                    "Devolve a lista com a perda que cada réplica entrega à sua fita de gradientes, de modo que o "
                    "otimizador, que soma as réplicas, receba o gradiente da média do lote global. Sem "
                    "tf.nn.compute_average_loss. Responda com a função: answer = replica_losses."},
    hint={"es": "Suma las pérdidas de la lista que devuelves: ¿da la media de todo per_example, también con trozos "
                "desiguales? Piensa por qué número divide cada réplica.",
          "pt": "Some as perdas da lista que você devolve: dá a média de todo o per_example, também com pedaços "
                "desiguais? Pense por qual número cada réplica divide."},
    judge=_judge_replica_losses,
    example=_replica_losses,
)
exercise(
    "08.2",
    question={"es": "Programa make_double(): devuelve una tf.function que multiplica por 2 un lote de imágenes "
                    "float32 de forma (N, 28, 28, 1) y que se traza una sola vez, sea cual sea N (el comprobador la "
                    "llama con N = 64, 32, 64, 7 y 1 y mira experimental_get_tracing_count()). Responde con la "
                    "función que la crea: answer = make_double.",
              "pt": "Programe make_double(): devolve uma tf.function que multiplica por 2 um lote de imagens float32 "
                    "de formato (N, 28, 28, 1) e que é traçada uma única vez, seja qual for N (o verificador a chama "
                    "com N = 64, 32, 64, 7 e 1 e olha experimental_get_tracing_count()). Responda com a função que a "
                    "cria: answer = make_double."},
    hint={"es": "Cuenta las trazas con la celda del contador de la lección. reduce_retracing no basta: también "
                "traza dos veces. ¿Cómo le dices a tf.function, antes de la primera llamada, qué dimensión puede "
                "cambiar?",
          "pt": "Conte os traçados com a célula do contador da lição. reduce_retracing não basta: também traça "
                "duas vezes. Como dizer à tf.function, antes da primeira chamada, qual dimensão pode mudar?"},
    judge=_judge_traced_once,
    example=_doubled_once,
)
exercise(
    "08.3",
    question={"es": "Una máquina con 4 GPU entrena con MirroredStrategy y un lote global de 256 sobre 60 000 "
                    "imágenes; el último lote incompleto se descarta. ¿Cuántas imágenes ve cada réplica en un paso "
                    "y cuántos pasos tiene una época? Responde [imágenes por réplica, pasos por época].",
              "pt": "Uma máquina com 4 GPUs treina com MirroredStrategy e um lote global de 256 sobre 60 000 "
                    "imagens; o último lote incompleto é descartado. Quantas imagens cada réplica vê em um passo e "
                    "quantos passos tem uma época? Responda [imagens por réplica, passos por época]."},
    hint={"es": "El lote que pasas a fit (o a --batch-size) es el global: la estrategia lo reparte. Un paso "
                "consume el lote global entero, en todas las réplicas a la vez.",
          "pt": "O lote que você passa ao fit (ou ao --batch-size) é o global: a estratégia o divide. Um passo "
                "consome o lote global inteiro, em todas as réplicas ao mesmo tempo."},
    expected=[256 // 4, 60_000 // 256],
)
exercise(
    "08.4",
    question={"es": "Una ejecución de GANModel guardó su punto de control tras 4 épocas. run_callbacks(..., "
                    "resume=True) devuelve start y llamas a model.fit con initial_epoch=start y un total de 6 "
                    "épocas. ¿Qué valores de `epoch` recibe on_epoch_end de las callbacks? Responde una lista "
                    "(compruébalo con keras.callbacks.LambdaCallback en un modelo pequeño).",
              "pt": "Uma execução do GANModel salvou seu ponto de verificação depois de 4 épocas. "
                    "run_callbacks(..., resume=True) devolve start e você chama model.fit com initial_epoch=start e "
                    "um total de 6 épocas. Que valores de `epoch` on_epoch_end das callbacks recebe? Responda uma "
                    "lista (confira com keras.callbacks.LambdaCallback num modelo pequeno)."},
    hint={"es": "Mira qué nombre de archivo escribe SampleGrid para la época que recibe (en keras_gan.py) y "
                "cuántas épocas quedan hasta el total.",
          "pt": "Veja que nome de arquivo o SampleGrid escreve para a época que recebe (em keras_gan.py) e quantas "
                "épocas faltam até o total."},
    expected=_epochs_seen_after_resume,
)
