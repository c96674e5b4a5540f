"""Lesson 08: the source of both notebooks named in NAMES. Format: see tools/nbbuild.py."""
from _lang import T

NAMES = {"es": "08_keras_y_varias_maquinas", "pt": "08_keras_e_varias_maquinas"}

# %% [markdown] lang="es"
# # A la manera de Keras y en más de una máquina
#
# La lección 06 escribió el paso de entrenamiento de la DCGAN a mano, con dos `tf.GradientTape`, y lo repitió en un
# bucle `for`. Esta lección no cambia las cuentas: cambia **quién las ejecuta**.
#
# 1. `tf.function`: qué es trazar una función y cuándo TensorFlow la vuelve a trazar;
# 2. la manera de Keras: un `keras.Model` con su propio `train_step`, `compile()` y `fit()`, comprobado contra el
#    bucle escrito a mano;
# 3. las *callbacks* del curso (muestras, GIF, historial, TensorBoard, puntos de control) y reanudar con
#    `initial_epoch`; la terminal, `python -m gan_course`;
# 4. más de una máquina con `tf.distribute`: dos réplicas que dan las pérdidas de un solo dispositivo, y varios
#    trabajadores con `TF_CONFIG`.
#
# Todo con la DCGAN sin condiciones de la lección 06 (la receta `plain`, sin etiquetas) y pocos dígitos: aquí
# importan las cuentas, no la calidad de los dibujos.

# %% [markdown] lang="pt"
# # À maneira do Keras e em mais de uma máquina
#
# A lição 06 escreveu o passo de treinamento da DCGAN à mão, com duas `tf.GradientTape`, e o repetiu num laço `for`.
# Esta lição não muda as contas: muda **quem as executa**.
#
# 1. `tf.function`: o que é traçar uma função e quando o TensorFlow a traça de novo;
# 2. a maneira do Keras: um `keras.Model` com o seu próprio `train_step`, `compile()` e `fit()`, conferido contra o
#    laço escrito à mão;
# 3. as *callbacks* do curso (amostras, GIF, histórico, TensorBoard, pontos de verificação) e a retomada com
#    `initial_epoch`; o terminal, `python -m gan_course`;
# 4. mais de uma máquina com `tf.distribute`: duas réplicas que dão as perdas de um único dispositivo, e vários
#    trabalhadores com `TF_CONFIG`.
#
# Tudo com a DCGAN sem condições da lição 06 (a receita `plain`, sem rótulos) e poucos dígitos: aqui importam as
# contas, não a qualidade dos desenhos.

# %% slideshow={"slide_type": "skip"}
import json
import os
import re
import subprocess
import sys
import textwrap

import numpy as np
import matplotlib.pyplot as plt
import gan_course as gc
from gan_course import data, keras_gan, models, runfolder, tf, train

gc.setup(T("es", "pt"))  # es: idioma, semillas, TensorFlow silencioso | pt: idioma, sementes, TensorFlow silencioso

# %% [markdown] lang="es" slideshow={"slide_type": "notes"}
# Para abrir, pregunta: «el bucle de la lección 06 ya funciona; ¿para qué queremos `fit`?». Respuestas que suelen
# salir: la barra de progreso, las *callbacks* que ya existen (TensorBoard, parar antes), varias GPU sin reescribir
# nada. El precio: el paso queda escondido dentro de Keras. Por eso la lección comprueba, con números, que es el
# mismo paso.

# %% [markdown] lang="pt" slideshow={"slide_type": "notes"}
# Para abrir, pergunte: “o laço da lição 06 já funciona; para que queremos o `fit`?”. Respostas que costumam
# aparecer: a barra de progresso, as *callbacks* que já existem (TensorBoard, parar antes), várias GPUs sem reescrever
# nada. O preço: o passo fica escondido dentro do Keras. Por isso a lição confere, com números, que é o mesmo passo.

# %% [markdown] lang="es"
# ## `tf.function`: trazar una vez, ejecutar muchas veces
#
# `@tf.function` convierte una función de Python en un grafo de TensorFlow. La primera llamada la **traza**
# (*tracing*): Python ejecuta el cuerpo una vez con tensores simbólicos, que solo conocen su forma y su tipo, y
# TensorFlow anota cada operación en un grafo. Las llamadas siguientes ejecutan el grafo sin pasar por Python. Lo que
# es Python puro —un `append` a una lista— ocurre solo al trazar: sirve de contador de trazas.

# %% [markdown] lang="pt"
# ## `tf.function`: traçar uma vez, executar muitas vezes
#
# `@tf.function` converte uma função do Python num grafo do TensorFlow. A primeira chamada a **traça** (*tracing*): o
# Python executa o corpo uma vez com tensores simbólicos, que só conhecem o seu formato e o seu tipo, e o TensorFlow
# anota cada operação num grafo. As chamadas seguintes executam o grafo sem passar pelo Python. O que é Python puro
# — um `append` numa lista — acontece só ao traçar: serve de contador de traçados.

# %%
traces = []

@tf.function
def double(images):
    traces.append(tuple(images.shape))   # es: Python: solo al trazar | pt: Python: só ao traçar
    return 2.0 * images

for n in (64, 64, 32, 16):
    double(tf.zeros([n, 28, 28, 1]))
print(T("llamadas: 4   trazas:", "chamadas: 4   traçados:"), len(traces), traces)

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# Cada llamada se compara con la **firma** de las trazas anteriores: la forma y el tipo de cada tensor. Un lote de 32
# después de los de 64 es una firma nueva, y otra traza (la lección 06 lo evitó con `drop_remainder=True`: todos los
# lotes de 64). Dos remedios: `input_signature` declara la forma de antemano, con `None` en la dimensión que cambia;
# `reduce_retracing=True` deja que TensorFlow generalice la forma cuando ve la segunda.

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# Cada chamada é comparada com a **assinatura** dos traçados anteriores: o formato e o tipo de cada tensor. Um lote de
# 32 depois dos de 64 é uma assinatura nova, e outro traçado (a lição 06 evitou isso com `drop_remainder=True`: todos
# os lotes de 64). Dois remédios: `input_signature` declara o formato de antemão, com `None` na dimensão que muda;
# `reduce_retracing=True` deixa o TensorFlow generalizar o formato quando vê o segundo.

# %%
open_batch = tf.TensorSpec([None, 28, 28, 1], tf.float32)     # es: lote de tamaño libre | pt: lote de tamanho livre
for options in ({"input_signature": [open_batch]}, {"reduce_retracing": True}):
    traces = []
    function = tf.function(double.python_function, **options)
    for n in (64, 64, 32, 16):
        function(tf.zeros([n, 28, 28, 1]))
    print(list(options)[0], T("  trazas:", "  traçados:"), len(traces), traces)

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# El paso del curso (`train.GAN`, el de la lección 06) crea su `tf.function` con `input_signature`: lotes de 64, 32 y
# 7 imágenes, una sola traza.

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# O passo do curso (`train.GAN`, o da lição 06) cria a sua `tf.function` com `input_signature`: lotes de 64, 32 e 7
# imagens, um único traçado.

# %%
digits = data.to_float(data.mnist_split("train")[0])[::8]     # es: 500 dígitos en [-1, 1] | pt: 500 dígitos em [-1, 1]
gc.seed_everything(0)
gan = train.GAN(*models.build_pair("plain"), recipe="plain", seed=0)
for n in (64, 32, 7):
    gan.train_step(digits[:n])
print(T("trazas del paso del curso:", "traçados do passo do curso:"),
      gan.step_function.experimental_get_tracing_count())

# %% [markdown] lang="es" slideshow={"slide_type": "notes"}
# Pregunta antes de ejecutar la primera celda: «¿cuántas veces se imprime algo dentro de `double`?». Muchos dirán 4.
# Después, la trampa frecuente: un `print` dentro de una `tf.function` «desaparece» tras la primera llamada; para
# ver valores en cada llamada está `tf.print`. Trazar el paso de una GAN cuesta segundos en una CPU como esta: por
# eso importa no volver a trazar.

# %% [markdown] lang="pt" slideshow={"slide_type": "notes"}
# Pergunte antes de executar a primeira célula: “quantas vezes algo é impresso dentro de `double`?”. Muitos dirão 4.
# Depois, a armadilha frequente: um `print` dentro de uma `tf.function` “some” depois da primeira chamada; para ver
# valores em cada chamada existe o `tf.print`. Traçar o passo de uma GAN custa segundos numa CPU como esta: por isso
# importa não traçar de novo.

# %% [markdown] lang="es"
# ## A la manera de Keras: `GANModel` y `fit`
#
# Quien ya usa Keras espera la forma de los ejemplos de keras-io: una subclase de `keras.Model` que redefine
# `train_step`, y después `compile()` y `fit()`. `keras_gan.GANModel` es eso, sin escribir el paso otra vez: su
# `train_step` llama a `gan.step`, el paso de `train.GAN` (las mismas pérdidas, el mismo ruido). Resumido:
#
# ```python
# class GANModel(keras.Model):
#     def __init__(self, generator, discriminator, *, recipe="plain", seed=0):
#         super().__init__()
#         self.gan = GAN(generator, discriminator, recipe=recipe, seed=seed)  # lección 06
#         self.trackers = [keras.metrics.Mean(name=k) for k in LOSS_KEYS]   # medias
#
#     def train_step(self, data):      # fit lo llama con cada lote, en una tf.function
#         real, labels = data if isinstance(data, tuple) else (data, None)
#         res = self.gan.step(tf.cast(real, tf.float32), labels)   # las dos cintas
#         for tracker in self.trackers:
#             tracker.update_state(res[tracker.name])
#         return {k: res[k] for k in LOSS_KEYS}   # para la barra y las callbacks
# ```
#
# `compile()` sin argumentos deja los dos Adam de la receta; `compile(g_optimizer=…, d_optimizer=…)` los cambia.

# %% [markdown] lang="pt"
# ## À maneira do Keras: `GANModel` e `fit`
#
# Quem já usa o Keras espera a forma dos exemplos do keras-io: uma subclasse de `keras.Model` que redefine
# `train_step`, e depois `compile()` e `fit()`. `keras_gan.GANModel` é isso, sem escrever o passo de novo: o seu
# `train_step` chama `gan.step`, o passo de `train.GAN` (as mesmas perdas, o mesmo ruído). Resumido:
#
# ```python
# class GANModel(keras.Model):
#     def __init__(self, generator, discriminator, *, recipe="plain", seed=0):
#         super().__init__()
#         self.gan = GAN(generator, discriminator, recipe=recipe, seed=seed)  # lição 06
#         self.trackers = [keras.metrics.Mean(name=k) for k in LOSS_KEYS]   # médias
#
#     def train_step(self, data):      # o fit o chama com cada lote, numa tf.function
#         real, labels = data if isinstance(data, tuple) else (data, None)
#         res = self.gan.step(tf.cast(real, tf.float32), labels)   # as duas fitas
#         for tracker in self.trackers:
#             tracker.update_state(res[tracker.name])
#         return {k: res[k] for k in LOSS_KEYS}   # para a barra e as callbacks
# ```
#
# `compile()` sem argumentos mantém os dois Adam da receita; `compile(g_optimizer=…, d_optimizer=…)` os troca.

# %% [markdown] lang="es"
# ### Un paso con `fit` y otro a mano
#
# Comprobémoslo: los mismos pesos iniciales, la misma semilla del ruido y el mismo lote, una vez con `fit` y otra con
# el paso a mano de `train.GAN`. Las pérdidas y los pesos nuevos deben coincidir hasta el redondeo de `float32`.

# %% [markdown] lang="pt"
# ### Um passo com o `fit` e outro à mão
#
# Vamos conferir: os mesmos pesos iniciais, a mesma semente do ruído e o mesmo lote, uma vez com o `fit` e outra com o
# passo à mão de `train.GAN`. As perdas e os pesos novos devem coincidir até o arredondamento de `float32`.

# %% id="fit-one-step"
# es: los 500 dígitos en 7 lotes de 64, sin barajar
# pt: os 500 dígitos em 7 lotes de 64, sem embaralhar
batches = tf.data.Dataset.from_tensor_slices(digits).batch(64, drop_remainder=True)
gc.seed_everything(0)
model = keras_gan.GANModel(*models.build_pair("plain"), recipe="plain", seed=0)
model.compile()
fit_history = model.fit(batches.take(1), epochs=1, verbose=0, shuffle=False)   # es: un lote | pt: um lote

gc.seed_everything(0)
loop = train.GAN(*models.build_pair("plain"), recipe="plain", seed=0)
step = loop.train_step(next(iter(batches)))

def weight_gaps(a, b):
    """|a − b| de cada peso de G y de D, en un vector."""
    pairs = zip(a.generator.get_weights() + a.discriminator.get_weights(),
                b.generator.get_weights() + b.discriminator.get_weights())
    return np.concatenate([np.abs(x - y).ravel() for x, y in pairs])

print(T("mismas pérdidas (diferencia < 1e-5):", "mesmas perdas (diferença < 1e-5):"),
      all(abs(fit_history.history[key][0] - float(value)) < 1e-5 for key, value in step.items()))
print(T("mismos pesos (diferencia máxima < 1e-5):", "mesmos pesos (diferença máxima < 1e-5):"),
      weight_gaps(model.gan, loop).max() < 1e-5)
print(sorted(fit_history.history))

# %% [markdown] lang="es"
# ### Más pasos: Adam amplifica el redondeo
#
# `fit` traza el paso en su propia `tf.function`, que TensorFlow optimiza aparte: las mismas cuentas pueden sumar en
# otro orden, y cada gradiente sale con un error relativo de unos $10^{-7}$. Casi nada, salvo para un peso cuyo
# gradiente es casi 0: los primeros pasos de Adam mueven cada peso unos $\eta \cdot \mathrm{signo}(g)$, así que si el
# redondeo cambia el signo de un gradiente minúsculo, ese peso da un paso entero en el otro sentido, y los pasos
# siguientes ya parten de pesos distintos. La celda sigue con los otros 6 lotes por los dos caminos e imprime la
# parte de los pesos que siguen iguales (diferencia $< 10^{-6}$) y la diferencia más grande.

# %% [markdown] lang="pt"
# ### Mais passos: o Adam amplifica o arredondamento
#
# O `fit` traça o passo na sua própria `tf.function`, que o TensorFlow otimiza à parte: as mesmas contas podem somar
# em outra ordem, e cada gradiente sai com um erro relativo de uns $10^{-7}$. Quase nada, exceto para um peso cujo
# gradiente é quase 0: os primeiros passos do Adam movem cada peso uns $\eta \cdot \mathrm{sinal}(g)$, então, se o
# arredondamento troca o sinal de um gradiente minúsculo, esse peso dá um passo inteiro no outro sentido, e os passos
# seguintes já partem de pesos diferentes. A célula segue com os outros 6 lotes pelos dois caminhos e imprime a parte
# dos pesos que continuam iguais (diferença $< 10^{-6}$) e a maior diferença.

# %% tags=["nbval-ignore-output"]
model.fit(batches.skip(1), epochs=1, verbose=0, shuffle=False)
for real in batches.skip(1):
    loop.train_step(real)
gaps = weight_gaps(model.gan, loop)
print(T(f"tras {int(loop.d_optimizer.iterations)} pasos: pesos iguales (diferencia < 1e-6): "
        f"{gc.i18n.number(100 * np.mean(gaps < 1e-6), 1)} % de {gaps.size}",
        f"depois de {int(loop.d_optimizer.iterations)} passos: pesos iguais (diferença < 1e-6): "
        f"{gc.i18n.number(100 * np.mean(gaps < 1e-6), 1)} % de {gaps.size}"))
print(T("diferencia más grande:", "maior diferença:"), f"{gaps.max():.1e}",
      T("(un paso de Adam de G: η = 5e-4)", "(um passo do Adam de G: η = 5e-4)"))

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# En la máquina que ejecutó este cuaderno (una CPU de 2 núcleos), tras 7 pasos sigue igual el 49.1 % de los
# 841 154 pesos, y la diferencia más grande, $3.1 \cdot 10^{-4}$, pasa de medio paso de Adam de $G$. Otra CPU
# redondea de otra manera y da otros números; lo que no depende de la máquina es un paso desde los mismos pesos, y eso
# es lo que compara la celda de «Un paso con `fit` y otro a mano». Tampoco es un defecto de `fit`: dos ejecuciones
# de la misma función en la misma máquina dan los mismos bits (lo veremos al reanudar).

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# Na máquina que executou este notebook (uma CPU de 2 núcleos), depois de 7 passos continuam iguais 49,1 % dos
# 841 154 pesos, e a maior diferença, $3{,}1 \cdot 10^{-4}$, passa de meio passo do Adam de $G$. Outra CPU arredonda
# de outro jeito e dá outros números; o que não depende da máquina é um passo a partir dos mesmos pesos, e é isso que
# a célula de “Um passo com o `fit` e outro à mão” compara. Também não é um defeito do `fit`: duas execuções da
# mesma função na mesma máquina dão os mesmos bits (veremos isso na retomada).

# %% [markdown] lang="es" slideshow={"slide_type": "notes"}
# Si alguien pregunta por qué no se exige igualdad exacta: pide que cambien el número de hilos
# (`tf.config.threading.set_intra_op_parallelism_threads(1)` al principio de un cuaderno recién abierto) y repitan:
# las sumas se reparten de otra manera y los últimos bits cambian. La comparación justa entre dos caminos es la de
# un paso, con una tolerancia de `float32`; tras muchos pasos se comparan pérdidas y muestras, no bits.

# %% [markdown] lang="pt" slideshow={"slide_type": "notes"}
# Se alguém perguntar por que não se exige igualdade exata: peça que mudem o número de threads
# (`tf.config.threading.set_intra_op_parallelism_threads(1)` no início de um notebook recém-aberto) e repitam: as
# somas são divididas de outro jeito e os últimos bits mudam. A comparação honesta entre dois caminhos é a de um
# passo, com uma tolerância de `float32`; depois de muitos passos comparam-se perdas e amostras, não bits.

# %% [markdown] lang="es"
# ## Las *callbacks* del curso: la carpeta de la ejecución
#
# `keras_gan.run_callbacks(model, carpeta)` devuelve las *callbacks* y la época en la que empezar. Escriben la misma
# carpeta que el bucle de la lección 06:
#
# - `SampleGrid`: la cuadrícula de vectores latentes fijos tras cada época (`samples/epoch_001.png`…);
# - `LossHistory`: las pérdidas de cada paso y las medias de cada época (`history.json`); al terminar, `losses.png`,
#   `training.gif` y `generator.keras`;
# - `Checkpoints`: redes, optimizadores y generador de ruido tras cada época (`checkpoints/`);
# - con `tensorboard=True`, registros de TensorBoard en `logs/`.
#
# Dos épocas con los 500 dígitos:

# %% [markdown] lang="pt"
# ## As *callbacks* do curso: a pasta da execução
#
# `keras_gan.run_callbacks(model, pasta)` devolve as *callbacks* e a época em que começar. Elas escrevem a mesma pasta
# que o laço da lição 06:
#
# - `SampleGrid`: a grade de vetores latentes fixos depois de cada época (`samples/epoch_001.png`…);
# - `LossHistory`: as perdas de cada passo e as médias de cada época (`history.json`); no fim, `losses.png`,
#   `training.gif` e `generator.keras`;
# - `Checkpoints`: redes, otimizadores e gerador de ruído depois de cada época (`checkpoints/`);
# - com `tensorboard=True`, registros do TensorBoard em `logs/`.
#
# Duas épocas com os 500 dígitos:

# %% slideshow={"slide_type": "subslide"}
keras_dir = train.new_run_folder("runs", "08_keras")   # es: una carpeta nueva cada vez | pt: uma pasta nova a cada vez
gc.seed_everything(0)
model = keras_gan.GANModel(*models.build_pair("plain"), recipe="plain", seed=0)
model.compile()
callbacks, start = keras_gan.run_callbacks(model, keras_dir, tensorboard=True)
model.fit(batches, epochs=2, initial_epoch=start, callbacks=callbacks, verbose=0, shuffle=False)
# es: el nombre del archivo de eventos lleva la hora y la máquina: lo acortamos
# pt: o nome do arquivo de eventos leva a hora e a máquina: nós o encurtamos
for path in sorted(keras_dir.rglob("*")):
    if path.is_file():
        print(re.sub(r"tfevents\..*", "tfevents.…", path.relative_to(keras_dir).as_posix()))

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# `tensorboard --logdir runs` muestra `logs/` en el navegador (hace falta el paquete `tensorboard`; sin él, el curso
# escribe los mismos eventos con TensorFlow solo). Los leemos aquí con TensorFlow: una entrada por época con $J(D)$,
# $J(G)$, su suma y la cuadrícula, los mismos valores que `history.json`.

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# `tensorboard --logdir runs` mostra `logs/` no navegador (é preciso o pacote `tensorboard`; sem ele, o curso escreve
# os mesmos eventos só com o TensorFlow). Aqui os lemos com o TensorFlow: uma entrada por época com $J(D)$, $J(G)$, a
# sua soma e a grade, os mesmos valores de `history.json`.

# %%
logged = {}
for events in sorted((keras_dir / "logs").glob("events*")):
    for record in tf.data.TFRecordDataset(str(events)):
        event = tf.compat.v1.Event.FromString(record.numpy())
        for value in event.summary.value:
            logged.setdefault(value.tag, []).append(event.step)
            if value.tag == "J_D":
                logged.setdefault("J(D)", []).append(float(tf.make_ndarray(value.tensor)))
history = runfolder.read_history(keras_dir)
print(T("épocas con J(D), J(G), su suma y la cuadrícula:", "épocas com J(D), J(G), a sua soma e a grade:"),
      logged["J_D"], logged["J_G"], logged["J_G_plus_J_D"], logged["samples"])
print(T("J(D) de TensorBoard == history.json:", "J(D) do TensorBoard == history.json:"),
      np.allclose(logged["J(D)"], history["d_loss"], atol=1e-6))

# %% [markdown] lang="es"
# ## Reanudar con `initial_epoch`
#
# Otra sesión: redes nuevas, sin entrenar. `run_callbacks(…, resume=True)` restaura el último punto de control de la
# carpeta (las redes, los momentos de Adam, el estado del generador de ruido) y devuelve las épocas hechas. Se las
# damos a `fit` como `initial_epoch`, y `epochs` es el total, no las que faltan: con `epochs=3` entrena solo la
# tercera.

# %% [markdown] lang="pt"
# ## Retomar com `initial_epoch`
#
# Outra sessão: redes novas, sem treinar. `run_callbacks(…, resume=True)` restaura o último ponto de verificação da
# pasta (as redes, os momentos do Adam, o estado do gerador de ruído) e devolve as épocas feitas. Nós as passamos ao
# `fit` como `initial_epoch`, e `epochs` é o total, não as que faltam: com `epochs=3` ele treina só a terceira.

# %%
gc.seed_everything(0)
resumed = keras_gan.GANModel(*models.build_pair("plain"), recipe="plain", seed=0)
resumed.compile()
callbacks, start = keras_gan.run_callbacks(resumed, keras_dir, resume=True, tensorboard=True)
print(T("initial_epoch:", "initial_epoch:"), start, T("  pasos de Adam restaurados:", "  passos do Adam restaurados:"),
      int(resumed.gan.d_optimizer.iterations))
resumed.fit(batches, epochs=3, initial_epoch=start, callbacks=callbacks, verbose=0, shuffle=False)
print(T("épocas en history.json:", "épocas no history.json:"), runfolder.read_history(keras_dir)["epoch"])

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# ¿Es lo mismo que no haberse interrumpido? Tres épocas seguidas, desde los mismos pesos iniciales: los lotes van en
# el mismo orden (sin barajar) y todo lo demás vuelve del punto de control. Aquí sí se comparan bits: es la misma
# función en la misma máquina.

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# É o mesmo que não ter sido interrompido? Três épocas seguidas, a partir dos mesmos pesos iniciais: os lotes vêm na
# mesma ordem (sem embaralhar) e todo o resto volta do ponto de verificação. Aqui, sim, comparam-se bits: é a mesma
# função na mesma máquina.

# %%
gc.seed_everything(0)
straight = keras_gan.GANModel(*models.build_pair("plain"), recipe="plain", seed=0)
straight.compile()
straight.fit(batches, epochs=3, verbose=0, shuffle=False)
print(T("reanudado == sin interrupción (diferencia máxima == 0):",
        "retomado == sem interrupção (diferença máxima == 0):"), weight_gaps(resumed.gan, straight.gan).max() == 0)

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# El historial sigue sin salto: 7 pasos por época, 21 en total, en dos sesiones (la línea de puntos marca el corte).
# Son muy pocos pasos para dibujar dígitos: la lección 06 entrena esta misma red 3 minutos.

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# O histórico continua sem salto: 7 passos por época, 21 no total, em duas sessões (a linha pontilhada marca o
# corte). São pouquíssimos passos para desenhar dígitos: a lição 06 treina esta mesma rede por 3 minutos.

# %%
history = runfolder.read_history(keras_dir)
fig, ax = plt.subplots(figsize=(7, 3.2))
runfolder.plot_history(history, ax=ax)
ax.axvline(2, color="grey", ls=":")           # es: aquí se cortó la sesión | pt: aqui a sessão foi cortada
plt.show()

# %% [markdown] lang="es" slideshow={"slide_type": "notes"}
# Insiste en la diferencia con el tutorial de DCGAN de TensorFlow: su restauración carga los pesos, pero su bucle
# vuelve a la época 0. Con Keras, el error típico es pasar `epochs` como «las que faltan»: con `initial_epoch=2` y
# `epochs=1`, `fit` no entrena nada.

# %% [markdown] lang="pt" slideshow={"slide_type": "notes"}
# Insista na diferença com o tutorial de DCGAN do TensorFlow: a sua restauração carrega os pesos, mas o seu laço
# volta à época 0. Com o Keras, o erro típico é passar `epochs` como “as que faltam”: com `initial_epoch=2` e
# `epochs=1`, o `fit` não treina nada.

# %% [markdown] lang="es"
# ## En la terminal: `python -m gan_course`
#
# El mismo entrenamiento sin cuaderno. `python -m gan_course recipes` lista las recetas;
# `python -m gan_course train --recipe plain --epochs 20` entrena la DCGAN de la lección 06 y escribe su carpeta en
# `runs/`; `--resume` continúa la última, `--tensorboard` añade `logs/`, `--strategy` viene a continuación y `--help`
# explica el resto.

# %% [markdown] lang="pt"
# ## No terminal: `python -m gan_course`
#
# O mesmo treinamento sem notebook. `python -m gan_course recipes` lista as receitas;
# `python -m gan_course train --recipe plain --epochs 20` treina a DCGAN da lição 06 e escreve a sua pasta em `runs/`;
# `--resume` continua a última, `--tensorboard` acrescenta `logs/`, `--strategy` vem a seguir e `--help` explica o
# resto.

# %%
listing = subprocess.run([sys.executable, "-m", "gan_course", "--lang", T("es", "pt"), "recipes"],
                         capture_output=True, text=True, check=True).stdout
for line in listing.splitlines():
    print(textwrap.shorten(line, 100, placeholder=" …"))

# %% [markdown] lang="es"
# ## Cuando una máquina no basta: `tf.distribute`
#
# La DCGAN de 64×64 en color, un conjunto de datos grande o un laboratorio con varias GPU piden repartir el trabajo.
# En el curso es una opción de `train`:
#
# - `--strategy mirrored`: una copia del modelo (**réplica**) en cada GPU de la máquina (`MirroredStrategy`); cada
#   réplica calcula los gradientes de su trozo del lote, se suman entre réplicas y todas aplican la misma
#   actualización, así que las copias siguen iguales;
# - `--strategy multiworker`: lo mismo entre varias máquinas (`MultiWorkerMirroredStrategy`).
#
# El lote de `--batch-size` es el **global**: con 4 réplicas y 256, cada réplica ve 64 imágenes por paso.

# %% [markdown] lang="pt"
# ## Quando uma máquina não basta: `tf.distribute`
#
# A DCGAN colorida de 64×64, um conjunto de dados grande ou um laboratório com várias GPUs pedem dividir o trabalho.
# No curso é uma opção do `train`:
#
# - `--strategy mirrored`: uma cópia do modelo (**réplica**) em cada GPU da máquina (`MirroredStrategy`); cada
#   réplica calcula os gradientes do seu pedaço do lote, eles são somados entre as réplicas e todas aplicam a mesma
#   atualização, de modo que as cópias continuam iguais;
# - `--strategy multiworker`: o mesmo entre várias máquinas (`MultiWorkerMirroredStrategy`).
#
# O lote de `--batch-size` é o **global**: com 4 réplicas e 256, cada réplica vê 64 imagens por passo.

# %% [markdown] lang="es"
# ### Qué cambia en el código
#
# 1. La estrategia se crea antes que nada (`distribute.make_strategy`): los dispositivos se fijan al arrancar
#    TensorFlow.
# 2. Redes, entrenador y optimizadores se crean dentro de `strategy.scope()`: cada variable pasa a tener una copia
#    por réplica (`recipes.build(…, strategy=…)` lo hace).
# 3. El paso corre en cada réplica con su trozo del lote (`gan_course/step.py`):
#
# ```python
# def _global_step(self, real, labels):
#     if self.strategy is None:
#         return self.step(real, labels)     # un dispositivo: el paso de la lección 06
#     parts = self.strategy.run(self._replica_step, args=(real, labels))
#     return {k: self.strategy.reduce(tf.distribute.ReduceOp.SUM, v, axis=None)
#             for k, v in parts.items()}
# ```
#
# 4. Cada réplica pondera su pérdida por su parte del lote global, porque el optimizador **suma** los gradientes de
#    las réplicas; la normalización por lotes se sincroniza (`distribute.synchronize_batch_norm`: estadísticas del
#    lote entero) y el ruido se sortea una vez para todo el lote (`distribute.draw_for_batch`).

# %% [markdown] lang="pt"
# ### O que muda no código
#
# 1. A estratégia é criada antes de tudo (`distribute.make_strategy`): os dispositivos são fixados quando o
#    TensorFlow inicia.
# 2. Redes, treinador e otimizadores são criados dentro de `strategy.scope()`: cada variável passa a ter uma cópia por
#    réplica (`recipes.build(…, strategy=…)` faz isso).
# 3. O passo roda em cada réplica com o seu pedaço do lote (`gan_course/step.py`):
#
# ```python
# def _global_step(self, real, labels):
#     if self.strategy is None:
#         return self.step(real, labels)     # um dispositivo: o passo da lição 06
#     parts = self.strategy.run(self._replica_step, args=(real, labels))
#     return {k: self.strategy.reduce(tf.distribute.ReduceOp.SUM, v, axis=None)
#             for k, v in parts.items()}
# ```
#
# 4. Cada réplica pondera a sua perda pela sua parte do lote global, porque o otimizador **soma** os gradientes das
#    réplicas; a normalização em lote é sincronizada (`distribute.synchronize_batch_norm`: estatísticas do lote
#    inteiro) e o ruído é sorteado uma vez para o lote todo (`distribute.draw_for_batch`).

# %% [markdown] lang="es"
# ### La pérdida de cada réplica
#
# Con $N$ imágenes en el lote global, la réplica $r$ entrega $L_r = \frac{1}{N}\sum_{i \in r} \ell_i$
# (`tf.nn.compute_average_loss(…, global_batch_size=N)`), no la media de su trozo. Sumadas, $\sum_r L_r$ es la media
# del lote global, y sus gradientes suman el gradiente de esa media: la actualización de un solo dispositivo. Con las
# medias de cada trozo, la suma sería $R$ veces mayor y, si los trozos son desiguales, las imágenes del trozo pequeño
# pesarían más. Un último lote de 40 imágenes repartido en 24 + 16:

# %% [markdown] lang="pt"
# ### A perda de cada réplica
#
# Com $N$ imagens no lote global, a réplica $r$ entrega $L_r = \frac{1}{N}\sum_{i \in r} \ell_i$
# (`tf.nn.compute_average_loss(…, global_batch_size=N)`), não a média do seu pedaço. Somadas, $\sum_r L_r$ é a média do
# lote global, e os seus gradientes somam o gradiente dessa média: a atualização de um único dispositivo. Com as
# médias de cada pedaço, a soma seria $R$ vezes maior e, se os pedaços forem desiguais, as imagens do pedaço pequeno
# pesariam mais. Um último lote de 40 imagens dividido em 24 + 16:

# %%
per_image = tf.constant(np.random.default_rng(0).exponential(1.0, 40), tf.float32)   # es: ℓ_i | pt: ℓ_i
pieces = (per_image[:24], per_image[24:])                   # es: dos réplicas | pt: duas réplicas
shares = [float(tf.nn.compute_average_loss(piece, global_batch_size=40)) for piece in pieces]
means = [float(tf.reduce_mean(piece)) for piece in pieces]
print(T("media del lote global:           ", "média do lote global:           "),
      f"{float(tf.reduce_mean(per_image)):.4f}")
print(T("suma de compute_average_loss:    ", "soma de compute_average_loss:   "), f"{sum(shares):.4f}")
print(T("suma de las medias de cada trozo:", "soma das médias de cada pedaço: "), f"{sum(means):.4f}")

# %% [markdown] lang="es"
# ### Dos réplicas en una CPU
#
# Sin GPU, `GAN_COURSE_CPU_DEVICES=2` parte la CPU en dos dispositivos lógicos: las cuentas de dos réplicas, no su
# velocidad. Hay que hacerlo antes de que TensorFlow arranque, y este cuaderno ya lo arrancó; por eso la celda lanza
# dos procesos nuevos con el mismo `train` de la terminal, la misma semilla y el modo rápido del curso (256 dígitos,
# 4 pasos por época, 2 épocas): uno en un dispositivo, otro con dos réplicas.

# %% [markdown] lang="pt"
# ### Duas réplicas numa CPU
#
# Sem GPU, `GAN_COURSE_CPU_DEVICES=2` divide a CPU em dois dispositivos lógicos: as contas de duas réplicas, não a sua
# velocidade. É preciso fazer isso antes de o TensorFlow iniciar, e este notebook já o iniciou; por isso a célula lança
# dois processos novos com o mesmo `train` do terminal, a mesma semente e o modo rápido do curso (256 dígitos, 4
# passos por época, 2 épocas): um num dispositivo, outro com duas réplicas.

# %%
runs = {}
for strategy, devices in (("default", "1"), ("mirrored", "2")):
    out = train.new_run_folder("runs", f"08_{strategy}")
    command = [sys.executable, "-m", "gan_course", "train", "--recipe", "plain", "--epochs", "2",
               "--strategy", strategy, "--out", str(out)]
    env = {**os.environ, "GAN_COURSE_QUICK": "1", "GAN_COURSE_CPU_DEVICES": devices}
    runs[strategy] = out, subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                           text=True)   # es: arranca y sigue | pt: inicia e segue
for strategy, (out, process) in runs.items():           # es: los dos corren a la vez | pt: os dois rodam juntos
    if process.wait() != 0:
        raise RuntimeError(process.stderr.read()[-2000:])
    settings = runfolder.read_history(out)["settings"]
    print(f"{settings['strategy']:>8}:", T("réplicas", "réplicas"), settings["replicas"],
          T(" lote global", " lote global"), settings["batch_size"], T(" imágenes", " imagens"), settings["images"])

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# El primer paso parte de los mismos pesos con el mismo ruido: las mismas pérdidas hasta el redondeo. Después, como
# `fit` frente al bucle, las dos ejecuciones suman en otro orden (cada réplica su mitad, y luego las mitades) y Adam
# amplifica la diferencia paso a paso; la tabla la muestra en esta máquina.

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# O primeiro passo parte dos mesmos pesos com o mesmo ruído: as mesmas perdas até o arredondamento. Depois, como o
# `fit` contra o laço, as duas execuções somam em outra ordem (cada réplica a sua metade, e depois as metades) e o
# Adam amplifica a diferença passo a passo; a tabela a mostra nesta máquina.

# %%
one, two = (runfolder.read_history(out)["steps"] for out, _ in runs.values())
print(T("primer paso, mismas J(D) y J(G) (diferencia < 1e-5):",
        "primeiro passo, mesmas J(D) e J(G) (diferença < 1e-5):"),
      abs(one["d_loss"][0] - two["d_loss"][0]) < 1e-5 and abs(one["g_loss"][0] - two["g_loss"][0]) < 1e-5)

# %% tags=["nbval-ignore-output"]
print(T("paso   J(D) 1 disp.   J(D) 2 réplicas   diferencia", "passo  J(D) 1 disp.   J(D) 2 réplicas   diferença"))
for k, (a, b) in enumerate(zip(one["d_loss"], two["d_loss"]), start=1):
    print(f"{k:>4}   {a:12.7f}   {b:15.7f}   {abs(a - b):10.1e}")

# %% [markdown] lang="es" slideshow={"slide_type": "notes"}
# Antes de la tabla, pregunta: «¿por qué sincronizar la normalización por lotes si cada réplica ya normaliza su
# mitad?». Porque entonces cada mitad usaría su propia media y varianza: una función distinta de la de un
# dispositivo, con pérdidas distintas ya en el primer paso (los tests del curso lo comprueban). Recuerda también que
# dos dispositivos lógicos comparten los mismos núcleos: aquí no se gana tiempo, se comprueban las cuentas.

# %% [markdown] lang="pt" slideshow={"slide_type": "notes"}
# Antes da tabela, pergunte: “por que sincronizar a normalização em lote se cada réplica já normaliza a sua metade?”.
# Porque então cada metade usaria a sua própria média e variância: uma função diferente da de um dispositivo, com perdas
# diferentes já no primeiro passo (os testes do curso conferem isso). Lembre também que dois dispositivos lógicos
# compartilham os mesmos núcleos: aqui não se ganha tempo, conferem-se as contas.

# %% [markdown] lang="es"
# ### Varias máquinas: `TF_CONFIG`
#
# Cada máquina lanza el mismo comando con su propia variable de entorno `TF_CONFIG`: las direcciones del grupo
# (*cluster*) y su lugar en él. El trabajador 0 hace de *chief*: es el único que escribe la carpeta de la ejecución
# (muestras, GIF, historial). Todos guardan los puntos de control, porque guardar es una operación conjunta (los
# demás, en una carpeta temporal que se borra al terminar), y al reanudar con `--resume` todos leen el del *chief*:
# la carpeta debe estar en un disco compartido. Con `--minutes`, todos paran en la misma época.

# %% [markdown] lang="pt"
# ### Várias máquinas: `TF_CONFIG`
#
# Cada máquina lança o mesmo comando com a sua própria variável de ambiente `TF_CONFIG`: os endereços do grupo
# (*cluster*) e o seu lugar nele. O trabalhador 0 faz o papel de *chief*: é o único que escreve a pasta da execução
# (amostras, GIF, histórico). Todos salvam os pontos de verificação, porque salvar é uma operação conjunta (os outros,
# numa pasta temporária que é apagada no fim), e na retomada com `--resume` todos leem o do *chief*: a pasta precisa
# estar num disco compartilhado. Com `--minutes`, todos param na mesma época.

# %%
cluster = {"worker": ["pc1:2222", "pc2:2222"]}   # es: dirección:puerto de cada máquina | pt: endereço:porta de cada máquina
for index in range(2):
    config = json.dumps({"cluster": cluster, "task": {"type": "worker", "index": index}})
    print(T(f"# en pc{index + 1}:", f"# no pc{index + 1}:"))
    print(f"TF_CONFIG='{config}' \\\n  python -m gan_course train --recipe plain --strategy multiworker --out runs/juntos")

# %% [markdown] lang="es"
# ## Ejercicios
#
# Escribe tu respuesta en lugar de `None` y ejecuta la celda: `gc.exercises.check` te dice si es correcta o te da
# una pista.
#
# 1. Completa `replica_losses(per_example, sizes)`: la pérdida que entrega cada réplica, como en «La pérdida de cada
#    réplica», sin `tf.nn.compute_average_loss`. Pruébala con `per_image` y los trozos 24 + 16.

# %% [markdown] lang="pt"
# ## Exercícios
#
# Escreva sua resposta no lugar de `None` e execute a célula: `gc.exercises.check` diz se está correta ou dá uma
# dica.
#
# 1. Complete `replica_losses(per_example, sizes)`: a perda que cada réplica entrega, como em “A perda de cada
#    réplica”, sem `tf.nn.compute_average_loss`. Teste-a com `per_image` e os pedaços 24 + 16.

# %%
def replica_losses(per_example, sizes):
    return None  # es: escribe aquí tu cálculo | pt: escreva aqui o seu cálculo

answer = None  # es: cuando funcione: answer = replica_losses | pt: quando funcionar: answer = replica_losses
gc.exercises.check("08.1", answer)

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# 2. Completa `make_double()`: devuelve una `tf.function` que duplica un lote $(N, 28, 28, 1)$ y se traza **una**
#    vez para cualquier $N$. Cuenta sus trazas como en «`tf.function`».

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# 2. Complete `make_double()`: devolve uma `tf.function` que duplica um lote $(N, 28, 28, 1)$ e é traçada **uma** vez
#    para qualquer $N$. Conte os seus traçados como em “`tf.function`”.

# %%
def make_double():
    return None  # es: devuelve aquí tu tf.function | pt: devolva aqui a sua tf.function

answer = None  # es: cuando funcione: answer = make_double | pt: quando funcionar: answer = make_double
gc.exercises.check("08.2", answer)

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# 3. Una máquina con 4 GPU entrena con `MirroredStrategy` y un lote global de 256 sobre 60 000 imágenes (se descarta
#    el último lote incompleto). ¿Cuántas imágenes ve cada réplica por paso y cuántos pasos tiene una época?
#    Responde `[imágenes por réplica, pasos por época]`.
# 4. Un `GANModel` guardó su punto de control tras 4 épocas; `run_callbacks(…, resume=True)` devuelve `start` y llamas
#    a `fit(…, epochs=6, initial_epoch=start)`. ¿Qué valores de `epoch` recibe `on_epoch_end`? Compruébalo con una
#    `keras.callbacks.LambdaCallback` en un modelo pequeño.

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# 3. Uma máquina com 4 GPUs treina com `MirroredStrategy` e um lote global de 256 sobre 60 000 imagens (o último lote
#    incompleto é descartado). Quantas imagens cada réplica vê por passo e quantos passos tem uma época? Responda
#    `[imagens por réplica, passos por época]`.
# 4. Um `GANModel` salvou seu ponto de verificação depois de 4 épocas; `run_callbacks(…, resume=True)` devolve `start`
#    e você chama `fit(…, epochs=6, initial_epoch=start)`. Que valores de `epoch` o `on_epoch_end` recebe? Confira com
#    uma `keras.callbacks.LambdaCallback` num modelo pequeno.

# %%
answer = None
gc.exercises.check("08.3", answer)

# %%
answer = None
gc.exercises.check("08.4", answer)

# %% [markdown] lang="es"
# ## Resumen
#
# - `tf.function` traza una vez por firma; una forma nueva traza otra vez, salvo con `input_signature` (una traza)
#   o `reduce_retracing` (aquí, dos). El paso del curso declara su firma.
# - `GANModel` es un `keras.Model` cuyo `train_step` es el paso de la lección 06: un paso con `fit` y uno a mano dan
#   las mismas pérdidas y pesos hasta $10^{-5}$ en cualquier CPU; tras varios pasos, Adam amplifica el redondeo.
# - `run_callbacks` escribe la carpeta de la ejecución (muestras, GIF, historial, TensorBoard, puntos de control) y
#   devuelve el `initial_epoch`; reanudar da los mismos pesos que no interrumpir.
# - `tf.distribute`: crear dentro de `strategy.scope()`, `strategy.run` por réplica, pérdidas ponderadas por el lote
#   global, normalización sincronizada, ruido sorteado una vez; dos réplicas dan las pérdidas de un dispositivo.
#   Varias máquinas: `TF_CONFIG`, el *chief* escribe, todos reanudan.

# %% [markdown] lang="pt"
# ## Resumo
#
# - `tf.function` traça uma vez por assinatura; um formato novo traça de novo, exceto com `input_signature` (um
#   traçado) ou `reduce_retracing` (aqui, dois). O passo do curso declara a sua assinatura.
# - `GANModel` é um `keras.Model` cujo `train_step` é o passo da lição 06: um passo com o `fit` e um à mão dão as
#   mesmas perdas e pesos até $10^{-5}$ em qualquer CPU; depois de vários passos, o Adam amplifica o arredondamento.
# - `run_callbacks` escreve a pasta da execução (amostras, GIF, histórico, TensorBoard, pontos de verificação) e
#   devolve o `initial_epoch`; retomar dá os mesmos pesos que não interromper.
# - `tf.distribute`: criar dentro de `strategy.scope()`, `strategy.run` por réplica, perdas ponderadas pelo lote
#   global, normalização sincronizada, ruído sorteado uma vez; duas réplicas dão as perdas de um dispositivo. Várias
#   máquinas: `TF_CONFIG`, o *chief* escreve, todos retomam.
