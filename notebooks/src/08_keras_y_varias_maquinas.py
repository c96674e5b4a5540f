"""Lesson 08: the source of both notebooks named in NAMES. Format: see tools/nbbuild.py."""
from _lang import T

NAMES = {"es": "08_keras_y_varias_maquinas", "pt": "08_keras_e_varias_maquinas"}

# %% [markdown] lang="es"
# # A la manera de Keras y en más de una máquina

# %% [markdown] lang="pt"
# # À maneira do Keras e em mais de uma máquina

# %% slideshow={"slide_type": "skip"}
import json
import os
import pathlib
import subprocess
import sys
import time

import numpy as np
import matplotlib.pyplot as plt
import gan_course as gc
from gan_course import (classifier, colour_metrics, data, gif, keras, keras_gan, losses, metrics, models, plots, tf,
                        train)

gc.setup(T("es", "pt"))  # es: idioma, semillas, TensorFlow silencioso | pt: idioma, sementes, TensorFlow silencioso

# %% [markdown] lang="es"
# ## A la manera de Keras: `GANModel` y `fit`
#
# Aquí escribimos el paso a mano, que es la lección. Quien ya usa Keras espera otra forma, la de los ejemplos de
# keras-io: una subclase de `keras.Model` que redefine `train_step`, y después `compile()` y `fit()` con
# *callbacks*. `keras_gan.GANModel` es eso, sin volver a escribir el paso: su `train_step` llama al paso de
# `train.GAN` (las mismas pérdidas, el mismo ruido, las mismas opciones). Comprobémoslo: los mismos pesos iniciales,
# la misma semilla y el mismo lote, una vez con `fit` y otra con el bucle escrito a mano; las pérdidas y los pesos
# nuevos coinciden hasta el redondeo. Tras más lotes los pesos se separarían un poco, como en «Unos pasos más»:
# `fit` traza el paso en otra función de TensorFlow, que puede sumar en otro orden, y Adam amplifica el redondeo.

# %% [markdown] lang="pt"
# ## À maneira do Keras: `GANModel` e `fit`
#
# Aqui escrevemos o passo à mão, que é a lição. Quem já usa o Keras espera outra forma, a dos exemplos do keras-io:
# uma subclasse de `keras.Model` que redefine `train_step`, e depois `compile()` e `fit()` com *callbacks*.
# `keras_gan.GANModel` é isso, sem escrever o passo de novo: o seu `train_step` chama o passo de `train.GAN` (as
# mesmas perdas, o mesmo ruído, as mesmas opções). Vamos conferir: os mesmos pesos iniciais, a mesma semente e o
# mesmo lote, uma vez com `fit` e outra com o laço escrito à mão; as perdas e os pesos novos coincidem até o
# arredondamento. Depois de mais lotes os pesos se separariam um pouco, como em “Mais alguns passos”: o `fit` traça o
# passo em outra função do TensorFlow, que pode somar em outra ordem, e o Adam amplifica o arredondamento.

# %% id="fit-one-step"
batches = tf.data.Dataset.from_tensor_slices(x[::8]).batch(64, drop_remainder=True)   # es: sin barajar | pt: sem embaralhar
gc.seed_everything(0)
model = keras_gan.GANModel(*models.build_pair("plain"), recipe="plain", seed=0)
model.compile()
fit_history = model.fit(batches.take(1), epochs=1, verbose=0, shuffle=False)   # es: un lote | pt: um lote

gc.seed_everything(0)
loop = train.GAN(*models.build_pair("plain"), recipe="plain", seed=0)
step = loop.train_step(next(iter(batches)))
difference = max(float(np.max(np.abs(a - b))) for a, b in zip(
    model.gan.generator.get_weights() + model.gan.discriminator.get_weights(),
    loop.generator.get_weights() + loop.discriminator.get_weights()))
print(T("mismas pérdidas (diferencia < 1e-5):", "mesmas perdas (diferença < 1e-5):"),
      all(abs(fit_history.history[key][0] - float(value)) < 1e-5 for key, value in step.items()))
print(T("mismos pesos (diferencia máxima < 1e-5):", "mesmos pesos (diferença máxima < 1e-5):"), difference < 1e-5)
print(sorted(fit_history.history))

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# Las *callbacks* del curso dejan la misma carpeta que `train.fit`: cuadrícula por época, GIF, historial, generador
# y puntos de control; `run_callbacks` devuelve también la época en la que empezar (`initial_epoch`, la de Keras)
# cuando se reanuda con `resume=True`.

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# As *callbacks* do curso deixam a mesma pasta que `train.fit`: grade por época, GIF, histórico, gerador e pontos de
# verificação; `run_callbacks` devolve também a época em que começar (`initial_epoch`, a do Keras) quando se retoma
# com `resume=True`.

# %%
keras_dir = train.new_run_folder("runs", "06_keras")
callbacks, start = keras_gan.run_callbacks(model, keras_dir)
model.fit(batches, epochs=start + 2, initial_epoch=start, callbacks=callbacks, verbose=0, shuffle=False)
print(sorted(p.name for p in keras_dir.iterdir()))

# %% [markdown] lang="es"
# ## Cuando una máquina no basta
#
# La DCGAN de 64×64 en color, un conjunto de datos grande o un laboratorio con varias GPU piden repartir el
# trabajo. TensorFlow lo hace con `tf.distribute`, y en el curso es una opción de la terminal:
#
# - `--strategy mirrored`: una copia del modelo en cada GPU de la máquina (`MirroredStrategy`); cada copia
#   (**réplica**) entrena con su parte del lote y los gradientes se suman entre réplicas antes de cada paso;
# - `--strategy multiworker`: varias máquinas (`MultiWorkerMirroredStrategy`); cada una lee su papel de la variable
#   de entorno `TF_CONFIG` y solo la primera (el *chief*) escribe la carpeta de la ejecución.
#
# Qué cambia en el código: casi nada. Las redes y el entrenador se crean dentro de `strategy.scope()`; cada réplica
# pondera su pérdida por su parte del lote global (el optimizador suma, no promedia); la normalización por lotes se
# sincroniza entre réplicas, y el ruido se sortea una vez para todo el lote. Sin GPU se puede probar dividiendo la
# CPU en dos dispositivos lógicos (`GAN_COURSE_CPU_DEVICES=2`): las mismas cuentas, no más velocidad. La celda
# escribe en `runs/06_mirrored`; si la vuelves a ejecutar, añade `--resume`: continúa la ejecución guardada y, como
# ya tiene su época, no entrena otra vez.

# %% [markdown] lang="pt"
# ## Quando uma máquina não basta
#
# A DCGAN colorida de 64×64, um conjunto de dados grande ou um laboratório com várias GPUs pedem dividir o
# trabalho. O TensorFlow faz isso com `tf.distribute`, e no curso é uma opção do terminal:
#
# - `--strategy mirrored`: uma cópia do modelo em cada GPU da máquina (`MirroredStrategy`); cada cópia
#   (**réplica**) treina com a sua parte do lote e os gradientes são somados entre réplicas antes de cada passo;
# - `--strategy multiworker`: várias máquinas (`MultiWorkerMirroredStrategy`); cada uma lê o seu papel da variável
#   de ambiente `TF_CONFIG` e só a primeira (o *chief*) escreve a pasta da execução.
#
# O que muda no código: quase nada. As redes e o treinador são criados dentro de `strategy.scope()`; cada réplica
# pondera a sua perda pela sua parte do lote global (o otimizador soma, não faz a média); a normalização em lote é
# sincronizada entre réplicas, e o ruído é sorteado uma vez para o lote inteiro. Sem GPU dá para testar dividindo a
# CPU em dois dispositivos lógicos (`GAN_COURSE_CPU_DEVICES=2`): as mesmas contas, não mais velocidade. A célula
# escreve em `runs/06_mirrored`; se você a executar de novo, ela acrescenta `--resume`: continua a execução salva
# e, como essa já tem a sua época, não treina outra vez.

# %% tags=["nbval-ignore-output"]
mirrored_dir = pathlib.Path("runs", "06_mirrored")
again = ["--resume"] if train.latest_checkpoint(mirrored_dir) else []   # es: ¿ya existe? | pt: já existe?
command = [sys.executable, "-m", "gan_course", "--lang", T("es", "pt"), "train", "--strategy", "mirrored",
           "--model", "plain", "--epochs", "1", "--out", str(mirrored_dir), *again]
done = subprocess.run(command, env={**os.environ, "GAN_COURSE_CPU_DEVICES": "2"}, capture_output=True, text=True)
print(done.stdout.strip().splitlines()[0])

# %%
settings = train.read_history(mirrored_dir)["settings"]
print(T("estrategia:", "estratégia:"), settings["strategy"], T(" réplicas:", " réplicas:"), settings["replicas"],
      T(" lote global:", " lote global:"), settings["batch_size"])

