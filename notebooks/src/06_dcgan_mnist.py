"""Lesson 06: the source of both notebooks named in NAMES. Format: see tools/nbbuild.py."""
from _lang import T

NAMES = {"es": "06_dcgan_mnist", "pt": "06_dcgan_mnist"}

# %% [markdown] lang="es"
# # DCGAN en MNIST con `tf.GradientTape`
#
# Las lecciones anteriores prepararon las piezas: la convolución (02), la convolución transpuesta (*transposed
# convolution*, 03), el objetivo de la red generativa antagónica (*generative adversarial network*, GAN, 04) y la
# normalización por lotes (*batch normalization*, 05). Aquí se juntan en una **DCGAN** (*deep convolutional GAN*)
# que aprende a dibujar dígitos:
#
# 1. el objetivo, recordado, y los datos: 4000 dígitos para entrenar y 1000 apartados para medir;
# 2. el **generador** (*generator*) y el **discriminador** (*discriminator*), y el **paso de entrenamiento**
#    (*training step*) escrito a mano con `tf.GradientTape`, comprobado contra el de la biblioteca;
# 3. las dos formas de la pérdida (sobre *logits* y sobre probabilidades) y los riesgos de mezclarlas;
# 4. **la receta del curso**: un código latente que elige el dígito, una cabeza de clases y una proyección en $D$,
#    una media móvil de los pesos de $G$, y su medida;
# 5. un entrenamiento de 3 minutos: cuadrícula por **época** (*epoch*), GIF, curvas y puntuaciones;
# 6. **¿copia o crea?**: la prueba de memorización;
# 7. **puntos de control** (*checkpoints*), la misma GAN a la manera de Keras (`fit`) y en varias máquinas
#    (`tf.distribute`), interpolación en el espacio latente, trucos (*ganhacks*) y el mapa del código de la
#    presentación (el DCGAN de carpedm20) sobre este paquete.
#
# Parte de tres fuentes y corrige lo que fallaba en ellas: el cuaderno de DCGAN en español de Mariano Rivera
# (`GradientTape` y las dos formas de la pérdida, pero logaritmos de una sigmoide sin recortar), el tutorial de
# DCGAN de TensorFlow (su restauración vuelve a la época 0 y su GIF recoge todos los `image*.png` de la carpeta de
# trabajo) y la presentación que recorre `carpedm20/DCGAN-tensorflow`.

# %% [markdown] lang="pt"
# # DCGAN no MNIST com `tf.GradientTape`
#
# As lições anteriores prepararam as peças: a convolução (02), a convolução transposta (*transposed convolution*,
# 03), o objetivo da rede adversária generativa (*generative adversarial network*, GAN, 04) e a normalização em
# lote (*batch normalization*, 05). Aqui elas se juntam numa **DCGAN** (*deep convolutional GAN*) que aprende a
# desenhar dígitos:
#
# 1. o objetivo, relembrado, e os dados: 4000 dígitos para treinar e 1000 separados para medir;
# 2. o **gerador** (*generator*) e o **discriminador** (*discriminator*), e o **passo de treinamento** (*training
#    step*) escrito à mão com `tf.GradientTape`, conferido contra o da biblioteca;
# 3. as duas formas da perda (sobre *logits* e sobre probabilidades) e os riscos de misturá-las;
# 4. **a receita do curso**: um código latente que escolhe o dígito, uma cabeça de classes e uma projeção em $D$,
#    uma média móvel dos pesos de $G$, e a sua medida;
# 5. um treinamento de 3 minutos: grade por **época** (*epoch*), GIF, curvas e pontuações;
# 6. **copia ou cria?**: o teste de memorização;
# 7. **pontos de verificação** (*checkpoints*), a mesma GAN à maneira do Keras (`fit`) e em várias máquinas
#    (`tf.distribute`), interpolação no espaço latente, truques (*ganhacks*) e o mapa do código da apresentação (o
#    DCGAN de carpedm20) sobre este pacote.
#
# Partimos de três fontes e corrigimos o que falhava nelas: o notebook de DCGAN em espanhol de Mariano Rivera
# (`GradientTape` e as duas formas da perda, mas logaritmos de uma sigmoide sem recorte), o tutorial de DCGAN do
# TensorFlow (sua restauração volta à época 0 e seu GIF junta todos os `image*.png` da pasta de trabalho) e a
# apresentação que percorre `carpedm20/DCGAN-tensorflow`.

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

# %% [markdown] lang="es" slideshow={"slide_type": "notes"}
# Para abrir, pregunta a la clase: «si una GAN devolviera exactamente sus dígitos de entrenamiento, ¿qué nota le
# pondría un clasificador?». Perfecta: dígitos claros, las diez clases por igual. De ahí salen las dos ideas que
# recorren la lección: medir con dígitos que la GAN no ha visto, y comprobar aparte si copia.

# %% [markdown] lang="pt" slideshow={"slide_type": "notes"}
# Para abrir, pergunte à turma: “se uma GAN devolvesse exatamente os seus dígitos de treinamento, que nota um
# classificador lhe daria?”. Perfeita: dígitos claros, as dez classes por igual. Daí saem as duas ideias que
# atravessam a lição: medir com dígitos que a GAN não viu, e conferir à parte se ela copia.

# %% [markdown] lang="es"
# ## El objetivo, recordado
#
# La lección [04](04_objetivo_gan.ipynb) lo dedujo entero. El discriminador $D$ recibe una imagen y devuelve
# $D(x)$, **la probabilidad de que $x$ sea real** (una imagen de los datos y no una salida del generador). El
# generador $G$ convierte un **vector latente** (*latent vector*) $z \sim \mathcal{N}(0, I)$ en una imagen falsa
# $G(z)$. Los dos juegan el juego minimax (*minimax game*)
#
# $$\min_G \max_D \; V(D, G) = \mathbb{E}_{x \sim p_\text{datos}}\big[\log D(x)\big]
#   + \mathbb{E}_{z \sim p_z}\big[\log\big(1 - D(G(z))\big)\big].$$
#
# En la práctica cada red minimiza su propia pérdida sobre un **lote** (*batch*) de $m$ imágenes reales y $m$
# falsas:
#
# $$J^{(D)} = -\frac{1}{m}\sum_i \log D(x_i) \;-\; \frac{1}{m}\sum_i \log\big(1 - D(G(z_i))\big),
# \qquad
# J^{(G)} = -\frac{1}{m}\sum_i \log D(G(z_i)).$$
#
# $J^{(D)}$ es la entropía cruzada binaria (*binary cross-entropy*) con etiqueta 1 para las reales y 0 para las
# falsas. $J^{(G)}$ es la **pérdida no saturante** (*non-saturating loss*): el generador quiere que $D$ diga «real»
# (1) a sus imágenes. En el equilibrio $D(x) = D(G(z)) = \tfrac12$, $J^{(D)} = 2\log 2 \approx 1.386$ y
# $J^{(G)} = \log 2 \approx 0.693$.

# %% [markdown] lang="pt"
# ## O objetivo, relembrado
#
# A lição [04](04_objetivo_gan.ipynb) o deduziu por inteiro. O discriminador $D$ recebe uma imagem e devolve
# $D(x)$, **a probabilidade de que $x$ seja real** (uma imagem dos dados e não uma saída do gerador). O gerador $G$
# transforma um **vetor latente** (*latent vector*) $z \sim \mathcal{N}(0, I)$ numa imagem falsa $G(z)$. Os dois
# jogam o jogo minimax (*minimax game*)
#
# $$\min_G \max_D \; V(D, G) = \mathbb{E}_{x \sim p_\text{dados}}\big[\log D(x)\big]
#   + \mathbb{E}_{z \sim p_z}\big[\log\big(1 - D(G(z))\big)\big].$$
#
# Na prática cada rede minimiza a sua própria perda sobre um **lote** (*batch*) de $m$ imagens reais e $m$ falsas:
#
# $$J^{(D)} = -\frac{1}{m}\sum_i \log D(x_i) \;-\; \frac{1}{m}\sum_i \log\big(1 - D(G(z_i))\big),
# \qquad
# J^{(G)} = -\frac{1}{m}\sum_i \log D(G(z_i)).$$
#
# $J^{(D)}$ é a entropia cruzada binária (*binary cross-entropy*) com rótulo 1 para as reais e 0 para as falsas.
# $J^{(G)}$ é a **perda não saturante** (*non-saturating loss*): o gerador quer que $D$ diga “real” (1) para as suas
# imagens. No equilíbrio $D(x) = D(G(z)) = \tfrac12$, $J^{(D)} = 2\log 2 \approx 1.386$ e
# $J^{(G)} = \log 2 \approx 0.693$.

# %% [markdown] lang="es"
# ## Los datos
#
# Los 5000 dígitos de MNIST que trae el paquete se dividen una sola vez, con semilla fija
# (`data.mnist_split`), en dos partes:
#
# - **4000 de entrenamiento** (400 por clase): los únicos que ve la GAN;
# - **1000 de prueba** (100 por clase), apartados: la GAN no los ve nunca.
#
# ¿Por qué apartar 1000? La distancia de Fréchet (FID) y la prueba de memorización de esta lección comparan lo
# generado con dígitos reales. Si los comparásemos con los mismos 4000 con los que entrena, una GAN que
# **copiara** sus datos parecería perfecta sin haber aprendido a dibujar nada nuevo. Con dígitos que nunca vio,
# copiar no da ventaja.
#
# Las etiquetas (`labels`) no las usa el paso de esta lección; sí la receta del curso (más abajo). Dentro de las
# redes las imágenes son `float32` en $[-1, 1]$, el rango de la `tanh` con la que termina el generador.

# %% [markdown] lang="pt"
# ## Os dados
#
# Os 5000 dígitos do MNIST que vêm com o pacote são divididos uma única vez, com semente fixa
# (`data.mnist_split`), em duas partes:
#
# - **4000 de treinamento** (400 por classe): os únicos que a GAN vê;
# - **1000 de teste** (100 por classe), separados: a GAN nunca os vê.
#
# Por que separar 1000? A distância de Fréchet (FID) e o teste de memorização desta lição comparam o que foi gerado
# com dígitos reais. Se comparássemos com os mesmos 4000 com que ela treina, uma GAN que **copiasse** seus dados
# pareceria perfeita sem ter aprendido a desenhar nada novo. Com dígitos que ela nunca viu, copiar não dá vantagem.
#
# Os rótulos (`labels`) não são usados pelo passo desta lição; a receita do curso os usa (mais abaixo). Dentro das
# redes as imagens são `float32` em $[-1, 1]$, o intervalo da `tanh` com que o gerador termina.

# %%
images, labels = data.mnist_split("train")                   # es: los 4000 que ve la GAN | pt: os 4000 que a GAN vê
held_out, held_out_labels = data.mnist_split("held_out")     # es: 1000 que no ve nunca | pt: 1000 que ela nunca vê
x = data.to_float(images)
print(T("entrenamiento:", "treinamento:"), images.shape, T("por clase:", "por classe:"), np.bincount(labels))
print(T("prueba:       ", "teste:       "), held_out.shape, T("por clase:", "por classe:"),
      np.bincount(held_out_labels))
print("float32:", x.shape, x.min(), x.max())

# %%
plots.show_digits_per_class(images, labels, per_class=10)
plt.show()

# %% [markdown] lang="es"
# ## Las dos redes
#
# Para escribir el paso a mano usamos las redes de la receta `plain` (`models.build_pair("plain")`): DCGAN sin
# añadidos. La receta del curso les añadirá tres piezas más abajo. Siguen las reglas de DCGAN (Radford et al., 2015;
# lección 05): convoluciones con stride 2 en vez de agrupamiento (*pooling*), normalización por lotes salvo en la
# salida de $G$ y en la entrada de $D$, ReLU en $G$ y LeakyReLU con pendiente negativa 0.2 en $D$ ($x$ si
# $x > 0$, $0.2\,x$ si no: también las activaciones negativas dejan pasar gradiente).
#
# **El generador** proyecta $z$ (100 números) con una capa densa a 7×7×128 y lo duplica dos veces con
# convoluciones transpuestas de **4×4 y stride 2**: 14×14×64 y 28×28×1. Con un kernel divisible por el stride,
# cada píxel de salida recibe el mismo número de copias del kernel: no hay **solapamiento desigual** (*uneven
# overlap*, lección 03), la causa del tablero de ajedrez que una transpuesta de 3×3 o 5×5 con stride 2 dibuja ya
# antes de entrenar.
#
# Eso **no** garantiza que no haya tablero: los pesos aprendidos todavía pueden dibujarlo (mira la cuadrícula de
# la época 1 más abajo). Solo redimensionar y luego convolucionar lo descarta por construcción (Odena et al.,
# 2016; lección 03).

# %% [markdown] lang="pt"
# ## As duas redes
#
# Para escrever o passo à mão usamos as redes da receita `plain` (`models.build_pair("plain")`): DCGAN sem
# acréscimos. A receita do curso lhes acrescentará três peças mais abaixo. Elas seguem as regras da DCGAN (Radford
# et al., 2015; lição 05): convoluções com stride 2 no lugar de agrupamento (*pooling*), normalização em lote exceto
# na saída de $G$ e na entrada de $D$, ReLU em $G$ e LeakyReLU com inclinação negativa 0.2 em $D$ ($x$ se $x > 0$,
# $0.2\,x$ se não: as ativações negativas também deixam passar gradiente).
#
# **O gerador** projeta $z$ (100 números) com uma camada densa para 7×7×128 e o duplica duas vezes com convoluções
# transpostas de **4×4 e stride 2**: 14×14×64 e 28×28×1. Com um kernel divisível pelo stride, cada pixel de saída
# recebe o mesmo número de cópias do kernel: não há **sobreposição desigual** (*uneven overlap*, lição 03), a causa
# do tabuleiro de xadrez que uma transposta 3×3 ou 5×5 com stride 2 desenha já antes de treinar.
#
# Isso **não** garante que não haja tabuleiro: os pesos aprendidos ainda podem desenhá-lo (veja a grade da época 1
# mais abaixo). Só redimensionar e depois convolucionar o descarta por construção (Odena et al., 2016; lição 03).

# %% slideshow={"slide_type": "subslide"}
def show_layers(model):
    # es: capa, tipo, forma de la salida (sin el lote) y parámetros: lo esencial de model.summary()
    # pt: camada, tipo, formato da saída (sem o lote) e parâmetros: o essencial de model.summary()
    for layer in model.layers:
        shape = str(tuple(layer.output.shape[1:]))
        print(f"{layer.name:8} {type(layer).__name__:19} {shape:14} {layer.count_params():>9,d}")
    trainable = sum(int(np.prod(w.shape)) for w in model.trainable_weights)
    print(T(f"parámetros: {model.count_params():,d} (entrenables: {trainable:,d})",
            f"parâmetros: {model.count_params():,d} (treináveis: {trainable:,d})"))


gc.seed_everything(0)
generator, discriminator = models.build_pair("plain")
show_layers(generator)

# %% [markdown] lang="es"
# ### El discriminador
#
# $D$ hace el camino inverso con convoluciones de **3×3** y stride 2: 28×28×1 → 14×14×64 → 7×7×128, y una capa
# densa da un solo número. Ese número es un **logit** $\ell$, no una probabilidad: la última capa no tiene
# sigmoide, y $D(x) = \sigma(\ell)$. Las pérdidas sobre logits son exactas para cualquier $\ell$ (más abajo se ve
# por qué importa). ¿Por qué 3×3 en $D$ y 4×4 en $G$? $D$ no dibuja, así que el solapamiento desigual no le
# afecta; y 3×3 es más rápido (lo medimos en seguida).
#
# **¿Y la regla «sin capas totalmente conectadas»?** DCGAN pide quitar las capas totalmente conectadas
# **ocultas** (las pilas de capas densas de las primeras GAN). Sus propias redes conservan exactamente dos: la
# proyección de $z$ al principio de $G$ (una multiplicación por una matriz, que luego se reorganiza en 7×7×128 o,
# en el artículo, 4×4×1024) y la salida de $D$ (el último mapa de características, aplanado, a un solo número).
# Las nuestras son esas dos.

# %% [markdown] lang="pt"
# ### O discriminador
#
# $D$ faz o caminho inverso com convoluções **3×3** e stride 2: 28×28×1 → 14×14×64 → 7×7×128, e uma camada densa
# dá um único número. Esse número é um **logit** $\ell$, não uma probabilidade: a última camada não tem sigmoide, e
# $D(x) = \sigma(\ell)$. As perdas sobre logits são exatas para qualquer $\ell$ (mais abaixo se vê por que isso
# importa). Por que 3×3 em $D$ e 4×4 em $G$? $D$ não desenha, então a sobreposição desigual não o afeta; e 3×3 é mais
# rápido (medimos isso em seguida).
#
# **E a regra “sem camadas totalmente conectadas”?** A DCGAN pede para tirar as camadas totalmente conectadas
# **ocultas** (as pilhas de camadas densas das primeiras GAN). As suas próprias redes mantêm exatamente duas: a
# projeção de $z$ no começo de $G$ (uma multiplicação por uma matriz, depois reorganizada em 7×7×128 ou, no artigo,
# 4×4×1024) e a saída de $D$ (o último mapa de características, achatado, para um único número). As nossas são
# essas duas.

# %% slideshow={"slide_type": "subslide"}
show_layers(discriminator)
print(models.discriminator_output(discriminator))

# %% [markdown] lang="es"
# ### ¿Cuánto más rápido es 3×3?
#
# La capa más cara de $D$ es la segunda: 14×14×64 → 7×7×128 con stride 2. Medimos una pasada hacia delante y hacia
# atrás (los gradientes de la entrada y del kernel, como en un paso de entrenamiento) con un lote de 64, con kernel
# 4×4 y con kernel 3×3, por rondas alternadas para que las dos sufran la misma carga de la máquina. Las cuentas
# son $16/9 \approx 1.8$ veces más con 4×4; el tiempo medido dice cuánto cuesta de verdad en esta CPU.

# %% [markdown] lang="pt"
# ### Quanto mais rápido é 3×3?
#
# A camada mais cara de $D$ é a segunda: 14×14×64 → 7×7×128 com stride 2. Medimos uma passada para a frente e para
# trás (os gradientes da entrada e do kernel, como num passo de treinamento) com um lote de 64, com kernel 4×4 e com
# kernel 3×3, em rodadas alternadas para que as duas sofram a mesma carga da máquina. As contas são
# $16/9 \approx 1.8$ vezes mais com 4×4; o tempo medido diz quanto custa de verdade nesta CPU.

# %% tags=["nbval-ignore-output"]
feature_map = tf.random.normal([64, 14, 14, 64])               # es: la entrada de down_1 | pt: a entrada de down_1
layers = {k: keras.layers.Conv2D(128, k, strides=2, padding="same", use_bias=False) for k in (4, 3)}
steps = {}
for k, layer in layers.items():
    def forward_backward(inputs, layer=layer):
        with tf.GradientTape() as tape:
            tape.watch(inputs)
            out = tf.reduce_sum(layer(inputs))
        return tape.gradient(out, [inputs, *layer.trainable_variables])
    steps[k] = tf.function(forward_backward)
    steps[k](feature_map)                                        # es: traza la función | pt: traça a função
best = {k: float("inf") for k in steps}
for _ in range(gc.pick(5, 1)):                                   # es: rondas alternadas | pt: rodadas alternadas
    for k, step in steps.items():
        start = time.perf_counter()
        for _ in range(10):
            step(feature_map)
        best[k] = min(best[k], (time.perf_counter() - start) / 10)
print(T(f"4×4: {1000 * best[4]:.1f} ms   3×3: {1000 * best[3]:.1f} ms   →   3×3 es {best[4] / best[3]:.1f} veces más rápido",
        f"4×4: {1000 * best[4]:.1f} ms   3×3: {1000 * best[3]:.1f} ms   →   3×3 é {best[4] / best[3]:.1f} vezes mais rápido"))

# %% [markdown] lang="es"
# ## El paso de entrenamiento
#
# Un paso de entrenamiento actualiza las dos redes con un lote de imágenes reales:
#
# 1. se dibujan tantos vectores $z$ como imágenes reales trae el lote (`tf.shape(real)[0]`: el mismo código sirve
#    para cualquier tamaño de lote y la función no se vuelve a trazar);
# 2. dentro de dos cintas (`GradientTape`) se generan las falsas y $D$ mira las reales y las falsas **por separado**
#    (la normalización por lotes de $D$ nunca mezcla un lote real con uno falso);
# 3. se calculan $J^{(D)}$ y $J^{(G)}$, cada cinta da los gradientes de su red y cada optimizador Adam mueve solo
#    los pesos de la suya.
#
# Todas las llamadas llevan `training=True`: sin él la normalización por lotes trabajaría en modo inferencia sin
# avisar (lección 05). Los optimizadores: Adam con $\beta_1 = 0.5$, tasa $5\cdot10^{-4}$ para $G$ y $2\cdot10^{-4}$
# para $D$ (el porqué, en «La receta del curso»).
#
# Para compararlo con la biblioteca preparamos también un gemelo: las mismas redes (pesos copiados) dentro de un
# `train.GAN` con la receta `plain`, cuyo ruido sale de un generador de números aleatorios con la misma **semilla**
# (*seed*) que el nuestro.

# %% [markdown] lang="pt"
# ## O passo de treinamento
#
# Um passo de treinamento atualiza as duas redes com um lote de imagens reais:
#
# 1. sorteiam-se tantos vetores $z$ quantas imagens reais o lote traz (`tf.shape(real)[0]`: o mesmo código serve
#    para qualquer tamanho de lote e a função não é retraçada);
# 2. dentro de duas fitas (`GradientTape`) geram-se as falsas e $D$ olha as reais e as falsas **separadamente** (a
#    normalização em lote de $D$ nunca mistura um lote real com um falso);
# 3. calculam-se $J^{(D)}$ e $J^{(G)}$, cada fita dá os gradientes da sua rede e cada otimizador Adam move só os
#    pesos da sua.
#
# Todas as chamadas levam `training=True`: sem ele a normalização em lote trabalharia em modo de inferência sem
# avisar (lição 05). Os otimizadores: Adam com $\beta_1 = 0.5$, taxa $5\cdot10^{-4}$ para $G$ e $2\cdot10^{-4}$
# para $D$ (o porquê, em “A receita do curso”).
#
# Para comparar com a biblioteca preparamos também um gêmeo: as mesmas redes (pesos copiados) dentro de um
# `train.GAN` com a receita `plain`, cujo ruído sai de um gerador de números aleatórios com a mesma **semente**
# (*seed*) que o nosso.

# %% slideshow={"slide_type": "subslide"}
z_dim = models.latent_dim(generator)                       # 100
g_optimizer = keras.optimizers.Adam(5e-4, beta_1=0.5)
d_optimizer = keras.optimizers.Adam(2e-4, beta_1=0.5)
bce = keras.losses.BinaryCrossentropy(from_logits=True)      # es: D devuelve logits | pt: D devolve logits
noise = tf.random.Generator.from_seed(0)                     # es: de aquí salen los z | pt: daqui saem os z

# es: el gemelo de la biblioteca: mismas redes, mismos pesos iniciales, misma semilla del ruido
# pt: o gêmeo da biblioteca: mesmas redes, mesmos pesos iniciais, mesma semente do ruído
twin_generator, twin_discriminator = models.build_pair("plain")
twin_generator.set_weights(generator.get_weights())
twin_discriminator.set_weights(discriminator.get_weights())
gan = train.GAN(twin_generator, twin_discriminator, recipe="plain", seed=0)
start_weights = generator.get_weights()

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# El paso, entero. Es la lección de este cuaderno: léelo línea por línea.

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# O passo, inteiro. É a lição deste notebook: leia linha por linha.

# %%
@tf.function
def train_step(real):
    z = noise.normal([tf.shape(real)[0], z_dim])               # es: un z por imagen real | pt: um z por imagem real
    with tf.GradientTape() as g_tape, tf.GradientTape() as d_tape:
        fake = generator(z, training=True)                     # G(z)
        real_logits = discriminator(real, training=True)       # logit de D(x)
        fake_logits = discriminator(fake, training=True)       # logit de D(G(z))
        # es: J(D): etiqueta 1 (real) para las reales, 0 (falso) para las generadas
        # pt: J(D): rótulo 1 (real) para as reais, 0 (falso) para as geradas
        d_loss = (bce(tf.ones_like(real_logits), real_logits)
                  + bce(tf.zeros_like(fake_logits), fake_logits))
        # es: J(G) no saturante: G quiere que D diga 1 (real) a sus imágenes
        # pt: J(G) não saturante: G quer que D diga 1 (real) para as suas imagens
        g_loss = bce(tf.ones_like(fake_logits), fake_logits)
    d_grads = d_tape.gradient(d_loss, discriminator.trainable_variables)
    g_grads = g_tape.gradient(g_loss, generator.trainable_variables)
    d_optimizer.apply_gradients(zip(d_grads, discriminator.trainable_variables))
    g_optimizer.apply_gradients(zip(g_grads, generator.trainable_variables))
    return d_loss, g_loss

# %% [markdown] lang="es"
# ### Un paso, a mano y con la biblioteca
#
# El primer lote pasa por nuestro `train_step` y por `gan.train_step`, el paso de `gan_course/train.py`. Los dos
# parten de los mismos pesos y sacan el mismo ruido: las pérdidas y los pesos nuevos (con las estadísticas móviles
# de la normalización) coinciden hasta el redondeo de `float32`.

# %% [markdown] lang="pt"
# ### Um passo, à mão e com a biblioteca
#
# O primeiro lote passa pelo nosso `train_step` e pelo `gan.train_step`, o passo de `gan_course/train.py`. Os dois
# partem dos mesmos pesos e sorteiam o mesmo ruído: as perdas e os pesos novos (com as estatísticas móveis da
# normalização) coincidem até o arredondamento de `float32`.

# %% id="one-step"
batches = data.make_dataset(images, batch_size=64, seed=0)
real = next(iter(batches))
d_loss, g_loss = train_step(real)
lib = gan.train_step(real)
ours = generator.get_weights() + discriminator.get_weights()
theirs = gan.generator.get_weights() + gan.discriminator.get_weights()
difference = max(float(np.max(np.abs(a - b))) for a, b in zip(ours, theirs))
print(T("los dos optimizadores, los mismos pasos:", "os dois otimizadores, os mesmos passos:"),
      int(d_optimizer.iterations) == int(gan.d_optimizer.iterations))
print(T("mismas pérdidas (diferencia < 1e-5):", "mesmas perdas (diferença < 1e-5):"),
      abs(float(d_loss - lib["d_loss"])) < 1e-5 and abs(float(g_loss - lib["g_loss"])) < 1e-5)
print(T("mismos pesos (diferencia máxima < 1e-5):", "mesmos pesos (diferença máxima < 1e-5):"), difference < 1e-5)
moved = max(float(np.max(np.abs(a - b))) for a, b in zip(generator.get_weights(), start_weights))
print(T("los pesos de G se han movido (cambio máximo > 1e-4):",
        "os pesos de G se moveram (mudança máxima > 1e-4):"), moved > 1e-4)

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# ¿Por qué $10^{-5}$ y no 0? Las dos versiones hacen las mismas cuentas en funciones de TensorFlow distintas, que
# pueden sumar en otro orden o con otras instrucciones de la CPU: cada gradiente sale con un error relativo de unos
# $10^{-7}$. El primer paso de Adam mueve cada peso $\eta \cdot g / (|g| + \hat\epsilon)$, con
# $\hat\epsilon = \epsilon / \sqrt{1 - \beta_2} \approx 3 \cdot 10^{-6}$: un error $\delta$ en $g$ cambia el peso
# como mucho $\eta\,\delta / \hat\epsilon$, millonésimas aquí.

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# Por que $10^{-5}$ e não 0? As duas versões fazem as mesmas contas em funções do TensorFlow diferentes, que podem
# somar em outra ordem ou com outras instruções da CPU: cada gradiente sai com um erro relativo de uns $10^{-7}$. O
# primeiro passo do Adam move cada peso $\eta \cdot g / (|g| + \hat\epsilon)$, com
# $\hat\epsilon = \epsilon / \sqrt{1 - \beta_2} \approx 3 \cdot 10^{-6}$: um erro $\delta$ em $g$ muda o peso no
# máximo $\eta\,\delta / \hat\epsilon$, milionésimos aqui.

# %% [markdown] lang="es"
# ### Unos pasos más
#
# Dos lotes más. Las columnas coinciden en los primeros decimales, pero no esperes los mismos pesos bit a bit tras
# varios pasos: Adam **amplifica** el redondeo. Un peso cuyo gradiente es casi 0 se mueve $\pm\eta$ según el signo
# de un número minúsculo, que el redondeo puede cambiar; el paso siguiente ya parte de pesos distintos. Cuánto se
# separan depende de la CPU (en algunas, más de un paso de Adam, $5 \cdot 10^{-4}$, tras tres lotes): por eso
# comparamos un paso desde los mismos pesos, que no depende de la máquina.

# %% [markdown] lang="pt"
# ### Mais alguns passos
#
# Mais dois lotes. As colunas coincidem nas primeiras casas decimais, mas não espere os mesmos pesos bit a bit depois
# de vários passos: o Adam **amplifica** o arredondamento. Um peso cujo gradiente é quase 0 se move $\pm\eta$
# conforme o sinal de um número minúsculo, que o arredondamento pode trocar; o passo seguinte já parte de pesos
# diferentes. O quanto se separam depende da CPU (em algumas, mais de um passo do Adam, $5 \cdot 10^{-4}$, após
# três lotes): por isso comparamos um passo a partir dos mesmos pesos, que não depende da máquina.

# %% tags=["nbval-ignore-output"]
for step, real in enumerate(batches.skip(1).take(2), start=2):
    d_loss, g_loss = train_step(real)
    lib = gan.train_step(real)
    print(T(f"paso {step}: J(D) = {float(d_loss):.5f} (biblioteca {float(lib['d_loss']):.5f})   "
            f"J(G) = {float(g_loss):.5f} (biblioteca {float(lib['g_loss']):.5f})",
            f"passo {step}: J(D) = {float(d_loss):.5f} (biblioteca {float(lib['d_loss']):.5f})   "
            f"J(G) = {float(g_loss):.5f} (biblioteca {float(lib['g_loss']):.5f})"))
ours = generator.get_weights() + discriminator.get_weights()
theirs = gan.generator.get_weights() + gan.discriminator.get_weights()
difference = max(float(np.max(np.abs(a - b))) for a, b in zip(ours, theirs))
print(T("diferencia máxima de los pesos, en esta máquina:", "diferença máxima dos pesos, nesta máquina:"),
      f"{difference:.1e}")

# %% [markdown] lang="es" slideshow={"slide_type": "notes"}
# Antes de ejecutar la comparación de un paso, pregunta: «¿por qué tienen que coincidir también las estadísticas
# móviles de la normalización, si no son pesos entrenables?». Porque el paso las actualiza en cada llamada con
# `training=True`; si alguien olvidara ese argumento en una de las dos versiones, esa versión normalizaría con las
# medias móviles en lugar de las del lote: pérdidas y pesos distintos desde el primer paso.

# %% [markdown] lang="pt" slideshow={"slide_type": "notes"}
# Antes de executar a comparação de um passo, pergunte: “por que as estatísticas móveis da normalização também
# precisam coincidir, se não são pesos treináveis?”. Porque o passo as atualiza a cada chamada com `training=True`;
# se alguém esquecesse esse argumento numa das duas versões, essa versão normalizaria com as médias móveis em vez
# das do lote: perdas e pesos diferentes desde o primeiro passo.

# %% [markdown] lang="es"
# ## Logits o probabilidades: dos formas de la misma pérdida
#
# El cuaderno de Rivera escribe $J^{(D)}$ de dos maneras: define `BinaryCrossentropy(from_logits=True)` y, en su
# paso de entrenamiento, usa la fórmula explícita $-\overline{\log D(x) + \log(1 - D(G(z)))}$ sobre las
# probabilidades de su sigmoide. Son la misma cuenta **si cada una recibe lo que espera**: la primera, logits
# $\ell$; la segunda, probabilidades $D = \sigma(\ell)$.
#
# Con unos logits de ejemplo (cuatro imágenes reales y cuatro falsas):

# %% [markdown] lang="pt"
# ## Logits ou probabilidades: duas formas da mesma perda
#
# O notebook de Rivera escreve $J^{(D)}$ de duas maneiras: define `BinaryCrossentropy(from_logits=True)` e, no seu
# passo de treinamento, usa a fórmula explícita $-\overline{\log D(x) + \log(1 - D(G(z)))}$ sobre as probabilidades
# da sua sigmoide. São a mesma conta **se cada uma recebe o que espera**: a primeira, logits $\ell$; a segunda,
# probabilidades $D = \sigma(\ell)$.
#
# Com uns logits de exemplo (quatro imagens reais e quatro falsas):

# %%
real_logits = tf.constant([[2.0], [0.5], [3.0], [-0.5]])
fake_logits = tf.constant([[-2.0], [0.3], [-1.0], [-4.0]])
d_real, d_fake = tf.sigmoid(real_logits), tf.sigmoid(fake_logits)    # es: D(x) y D(G(z)): probabilidades
                                                                     # pt: D(x) e D(G(z)): probabilidades

with_logits = bce(tf.ones_like(real_logits), real_logits) + bce(tf.zeros_like(fake_logits), fake_logits)
explicit = -tf.reduce_mean(tf.math.log(d_real) + tf.math.log(1.0 - d_fake))
print(f"BCE sobre logits (from_logits=True):     {float(with_logits):.4f}")
print(T(f"-media(log D(x) + log(1 - D(G(z)))):     {float(explicit):.4f}",
        f"-média(log D(x) + log(1 - D(G(z)))):     {float(explicit):.4f}"))
print(f"gc.losses, forma 'logits':               {float(losses.discriminator_loss(real_logits, fake_logits, 'logits')):.4f}")
print(f"gc.losses, forma 'probability':          {float(losses.discriminator_loss(d_real, d_fake, 'probability')):.4f}")

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# Y sobre la red de verdad: las salidas de nuestro discriminador para un lote real y uno generado.

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# E sobre a rede de verdade: as saídas do nosso discriminador para um lote real e um gerado.

# %%
real = next(iter(batches))
fake = generator(metrics.latent_batch(generator, 64), training=False)
real_out, fake_out = discriminator(real, training=False), discriminator(fake, training=False)
a = float(losses.discriminator_loss(real_out, fake_out, "logits"))
b = float(-tf.reduce_mean(tf.math.log(tf.sigmoid(real_out)) + tf.math.log(1.0 - tf.sigmoid(fake_out))))
print(T("las dos formas coinciden en la red (diferencia < 1e-5):",
        "as duas formas coincidem na rede (diferença < 1e-5):"), abs(a - b) < 1e-5)

# %% [markdown] lang="es"
# ### El riesgo real del cuaderno: `log(0)`
#
# El discriminador del cuaderno de Rivera termina en una sigmoide, y su paso toma el logaritmo de lo que sale de
# ella **sin recortar**. En `float32` la sigmoide llega a **exactamente** 1.0 en cuanto $\ell \ge 17$: basta con
# que $D$ esté muy seguro de que una imagen falsa es real. Entonces $\log(1 - D(G(z))) = \log 0 = -\infty$, la
# pérdida es `inf` y el gradiente `nan`, que en un paso de Adam convierte todos los pesos en `nan`. No pasa en cada
# entrenamiento; cuando pasa, no hay aviso.
#
# Tres maneras de calcular $-\log(1 - D(G(z)))$ para cuatro imágenes falsas, con su gradiente respecto al logit:
# la fórmula explícita, la `BinaryCrossentropy()` de Keras sobre probabilidades (recorta $D$ a
# $[10^{-7}, 1 - 10^{-7}]$) y la forma sobre logits (`tf.nn.sigmoid_cross_entropy_with_logits`).

# %% [markdown] lang="pt"
# ### O risco real do notebook: `log(0)`
#
# O discriminador do notebook de Rivera termina numa sigmoide, e o seu passo toma o logaritmo do que sai dela
# **sem recorte**. Em `float32` a sigmoide chega a **exatamente** 1.0 assim que $\ell \ge 17$: basta que $D$ esteja
# muito seguro de que uma imagem falsa é real. Então $\log(1 - D(G(z))) = \log 0 = -\infty$, a perda é `inf` e o
# gradiente `nan`, que num passo do Adam transforma todos os pesos em `nan`. Não acontece em todo treinamento;
# quando acontece, não há aviso.
#
# Três maneiras de calcular $-\log(1 - D(G(z)))$ para quatro imagens falsas, com o gradiente em relação ao logit: a
# fórmula explícita, a `BinaryCrossentropy()` do Keras sobre probabilidades (recorta $D$ em $[10^{-7}, 1 - 10^{-7}]$)
# e a forma sobre logits (`tf.nn.sigmoid_cross_entropy_with_logits`).

# %% slideshow={"slide_type": "subslide"}
logit = tf.Variable([[5.0], [16.0], [17.0], [30.0]])              # es: logits de D para cuatro falsas
                                                                  # pt: logits de D para quatro falsas
clipped_bce = keras.losses.BinaryCrossentropy(reduction=None)     # es: sobre probabilidades: recorta
                                                                  # pt: sobre probabilidades: recorta
with tf.GradientTape(persistent=True) as tape:
    p = tf.sigmoid(logit)                                         # D(G(z))
    ways = {T("explícita", "explícita"): -tf.math.log(1.0 - p)[:, 0],
            T("recortada", "recortada"): clipped_bce(tf.zeros_like(p), p),
            "logits": tf.nn.sigmoid_cross_entropy_with_logits(labels=tf.zeros_like(logit), logits=logit)[:, 0]}
grads = {name: tape.gradient(value, logit)[:, 0].numpy() for name, value in ways.items()}
print(T("    ℓ   D(G(z)) en float32", "    ℓ   D(G(z)) em float32"), "".join(f"{name:>20}" for name in ways))
for i in range(4):
    cells = "".join(f"{float(ways[name][i]):9.3f} ({grads[name][i]:5.2f})".rjust(20) for name in ways)
    print(f"{float(logit[i, 0]):5.0f}   {float(p[i, 0]):.7f}      {cells}")
print(T("(entre paréntesis, el gradiente respecto al logit)", "(entre parênteses, o gradiente em relação ao logit)"))

# %% [markdown] lang="es"
# La fórmula explícita da `inf` y `nan` en cuanto $\ell \ge 17$. Recortar evita el `inf`, pero la pérdida se queda
# en 15.94 desde $\ell = 16$ y, desde $\ell = 17$, el gradiente es **cero**: $D$ ya no aprende de esas imágenes.
# La forma sobre logits calcula $\log(1 + e^{\ell})$ sin pasar por la sigmoide: exacta y con gradiente
# $\sigma(\ell) \approx 1$. Por eso nuestro $D$ devuelve logits.

# %% [markdown] lang="pt"
# A fórmula explícita dá `inf` e `nan` assim que $\ell \ge 17$. Recortar evita o `inf`, mas a perda fica em 15.94
# desde $\ell = 16$ e, desde $\ell = 17$, o gradiente é **zero**: $D$ já não aprende com essas imagens. A forma sobre
# logits calcula $\log(1 + e^{\ell})$ sem passar pela sigmoide: exata e com gradiente $\sigma(\ell) \approx 1$. Por
# isso o nosso $D$ devolve logits.

# %% [markdown] lang="es"
# ### Si usaras `from_logits=True` sobre una sigmoide
#
# El cuaderno define también `BinaryCrossentropy(from_logits=True)`, aunque su paso no la usa. Si la aplicaras a
# la salida de su sigmoide, aplicaría **otra** sigmoide a lo que recibe: para una imagen real calcularía
# $-\log \sigma(D(x))$ en vez de $-\log D(x)$. Como $D(x) \in [0, 1]$, $\sigma(D(x))$ quedaría atrapada entre
# $\sigma(0) = 0.5$ y $\sigma(1) \approx 0.731$. Los números, para la etiqueta 1 (real):

# %% [markdown] lang="pt"
# ### Se você usasse `from_logits=True` sobre uma sigmoide
#
# O notebook também define `BinaryCrossentropy(from_logits=True)`, embora o seu passo não a use. Se você a
# aplicasse à saída da sua sigmoide, ela aplicaria **outra** sigmoide ao que recebe: para uma imagem real calcularia
# $-\log \sigma(D(x))$ em vez de $-\log D(x)$. Como $D(x) \in [0, 1]$, $\sigma(D(x))$ ficaria presa entre
# $\sigma(0) = 0.5$ e $\sigma(1) \approx 0.731$. Os números, para o rótulo 1 (real):

# %%
probabilities = tf.constant([[0.01], [0.1], [0.5], [0.9], [0.99]])   # es: D(x) de una sigmoide
                                                                     # pt: D(x) de uma sigmoide
per_image = keras.losses.BinaryCrossentropy(from_logits=True, reduction=None)
logit = tf.Variable(tf.math.log(probabilities / (1.0 - probabilities)))   # es: el logit que dio cada D(x)
                                                                          # pt: o logit que deu cada D(x)
with tf.GradientTape(persistent=True) as tape:
    p = tf.sigmoid(logit)                                 # es: la sigmoide de la última capa
                                                          # pt: a sigmoide da última camada
    right = -tf.math.log(p)[:, 0]                         # es: -log D(x): lo que se quería
                                                          # pt: -log D(x): o que se queria
    wrong = per_image(tf.ones_like(p), p)                 # es: from_logits=True sobre D(x): el error
                                                          # pt: from_logits=True sobre D(x): o erro
right_grad = tape.gradient(right, logit)[:, 0]
wrong_grad = tape.gradient(wrong, logit)[:, 0]
print(T("  D(x)   -log D(x)   from_logits=True   gradiente (bien)   gradiente (mal)",
        "  D(x)   -log D(x)   from_logits=True   gradiente (certo)   gradiente (errado)"))
for row in zip(probabilities[:, 0].numpy(), right.numpy(), wrong.numpy(), right_grad.numpy(), wrong_grad.numpy()):
    print(T("  {:4.2f}   {:9.4f}   {:16.4f}   {:16.4f}   {:15.4f}",
            "  {:4.2f}   {:9.4f}   {:16.4f}   {:17.4f}   {:18.4f}").format(*row))

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# Con esa cuenta, un discriminador que se equivoca del todo con una imagen real ($D(x) = 0.01$) pagaría 0.69 en
# vez de 4.6, y uno que acierta del todo ($D(x) = 0.99$) seguiría pagando 0.32. El gradiente que llega al logit
# sería unas 200 veces más pequeño justo cuando más falta hace, y para el lote completo $J^{(D)}$ nunca bajaría de
# $-\log\sigma(1) - \log(1 - \sigma(0)) \approx 1.006$, por perfecto que fuera $D$: unas curvas de pérdida así no
# pueden decir si $D$ gana o pierde. Keras no avisa: no puede saber que esos números ya eran probabilidades.

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# Com essa conta, um discriminador que erra totalmente numa imagem real ($D(x) = 0.01$) pagaria 0.69 em vez de
# 4.6, e um que acerta totalmente ($D(x) = 0.99$) continuaria pagando 0.32. O gradiente que chega ao logit seria
# umas 200 vezes menor justamente quando mais se precisa dele, e para o lote completo $J^{(D)}$ nunca ficaria
# abaixo de $-\log\sigma(1) - \log(1 - \sigma(0)) \approx 1.006$, por perfeito que fosse $D$: curvas de perda assim
# não conseguem dizer se $D$ ganha ou perde. O Keras não avisa: não tem como saber que esses números já eram
# probabilidades.

# %%
perfect_real, perfect_fake = tf.constant([[1.0]]), tf.constant([[0.0]])   # es: D perfecto: D(x) = 1, D(G(z)) = 0
                                                                          # pt: D perfeito: D(x) = 1, D(G(z)) = 0
print(T(f"J(D) de un D perfecto, bien:  {float(losses.discriminator_loss(perfect_real, perfect_fake, 'probability')):.4f}",
        f"J(D) de um D perfeito, certo:  {float(losses.discriminator_loss(perfect_real, perfect_fake, 'probability')):.4f}"))
print(T(f"J(D) de un D perfecto, mal:   {float(bce(tf.ones_like(perfect_real), perfect_real) + bce(tf.zeros_like(perfect_fake), perfect_fake)):.4f}",
        f"J(D) de um D perfeito, errado: {float(bce(tf.ones_like(perfect_real), perfect_real) + bce(tf.zeros_like(perfect_fake), perfect_fake)):.4f}"))

# %% [markdown] lang="es"
# ### El par del cuaderno: la biblioteca no deja mezclar las formas
#
# `gan_course` tiene el par del cuaderno de Rivera (`models.build_pair("rivera")`: $z$ de 20 números, kernels 3×3 y
# la sigmoide al final). El entrenador mira la última capa del discriminador y elige la forma de la pérdida que le
# corresponde (la de probabilidades, con recorte); pedirle la otra es un error con nombre, no un entrenamiento que
# falla en silencio.

# %% [markdown] lang="pt"
# ### O par do notebook: a biblioteca não deixa misturar as formas
#
# O `gan_course` tem o par do notebook de Rivera (`models.build_pair("rivera")`: $z$ de 20 números, kernels 3×3 e
# a sigmoide no final). O treinador olha a última camada do discriminador e escolhe a forma da perda que lhe
# corresponde (a de probabilidades, com recorte); pedir a outra é um erro com nome, não um treinamento que falha em
# silêncio.

# %%
rivera_generator, rivera_discriminator = models.build_pair("rivera")
print(models.discriminator_output(rivera_discriminator))
print(train.GAN(rivera_generator, rivera_discriminator, recipe="rivera").form)
try:
    train.GAN(rivera_generator, rivera_discriminator, recipe="rivera", form="logits")
except ValueError as error:
    print(error)

# %% [markdown] lang="es"
# ## El bucle de entrenamiento (3 minutos)
#
# El paso ya está visto; el resto es fontanería: barajar cada época, repetir el paso, guardar una cuadrícula de
# muestras, el historial y un punto de control por época. Lo hace `train.fit`, con la receta del curso
# (`recipe="course"`) y las etiquetas (`labels=labels`: las necesitan la cabeza de clases y la proyección de $D$). Dentro, `fit` da
# 16 pasos por llamada a la función de TensorFlow (`steps_per_execution=16`) y lee las pérdidas una vez por bloque.
#
# `minutes=3` sin `epochs` (que vale `None`) significa: **épocas completas hasta que pasen 3 minutos**. La época en
# la que se agota el tiempo se termina (y se puntúa) y se para; el tiempo incluye las puntuaciones y la
# recalibración de la EMA. `epochs=N` con `minutes` para en lo que llegue antes.
#
# Cada 2 épocas `metrics.make_scorer` mide la copia promediada con el clasificador de la lección 01: 1000 dígitos
# de los mismos vectores latentes cada vez, su **Inception Score** (IS, de 1 a 10, más es mejor), su **distancia de
# Fréchet** a los 1000 dígitos de prueba (FID, menos es mejor), la proporción **memorizada** (sección «¿Copia o
# crea?») y la de la clase más rara (0.1 si las diez están igual de representadas; cerca de 0 si el generador olvida
# un dígito: **colapso de modos**, *mode collapse*).

# %% [markdown] lang="pt"
# ## O laço de treinamento (3 minutos)
#
# O passo já foi visto; o resto é encanamento: embaralhar a cada época, repetir o passo, salvar uma grade de
# amostras, o histórico e um ponto de verificação por época. Quem faz isso é `train.fit`, com a receita do curso
# (`recipe="course"`) e os rótulos (`labels=labels`: a cabeça de classes e a projeção de $D$ precisam deles). Por dentro, `fit`
# dá 16 passos por chamada à função do TensorFlow (`steps_per_execution=16`) e lê as perdas uma vez por bloco.
#
# `minutes=3` sem `epochs` (que vale `None`) significa: **épocas completas até passarem 3 minutos**. A época em que o
# tempo acaba é terminada (e pontuada) e o treino para; o tempo inclui as pontuações e a recalibração da EMA.
# `epochs=N` com `minutes` para no que chegar antes.
#
# A cada 2 épocas `metrics.make_scorer` mede a cópia média com o classificador da lição 01: 1000 dígitos dos mesmos
# vetores latentes a cada vez, seu **Inception Score** (IS, de 1 a 10, maior é melhor), sua **distância de
# Fréchet** aos 1000 dígitos de teste (FID, menor é melhor), a proporção **memorizada** (seção “Copia ou cria?”) e a
# da classe mais rara (0.1 se as dez estão igualmente representadas; perto de 0 se o gerador esquece um dígito:
# **colapso de modos**, *mode collapse*).

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# `fit` escribe con una barra de progreso; aquí la apagamos (`verbose=False`) y una pequeña función, `report`,
# imprime una línea por época: $J^{(D)}$ y $J^{(G)}$ (solo la parte real/falso), las medias de $D(x)$ y $D(G(z))$
# como probabilidades y, cada 2 épocas, las puntuaciones. Todo queda en una carpeta nueva
# `runs/06_dcgan-FECHA-HORA/`, una por ejecución (el tutorial de TensorFlow escribe sus PNG en la carpeta de trabajo
# y su GIF junta todos los `image*.png` que encuentre allí, también los de ejecuciones anteriores).

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# `fit` escreve com uma barra de progresso; aqui a desligamos (`verbose=False`) e uma pequena função, `report`,
# imprime uma linha por época: $J^{(D)}$ e $J^{(G)}$ (só a parte real/falso), as médias de $D(x)$ e $D(G(z))$ como
# probabilidades e, a cada 2 épocas, as pontuações. Tudo fica numa pasta nova `runs/06_dcgan-DATA-HORA/`, uma por
# execução (o tutorial do TensorFlow escreve seus PNG na pasta de trabalho e seu GIF junta todos os `image*.png` que
# encontrar lá, inclusive os de execuções anteriores).

# %%
STOPPED = {"epochs": T("número de épocas", "número de épocas"), "minutes": T("tiempo", "tempo"),
           "interrupted": T("interrupción", "interrupção")}


def report(epoch, gan, history):
    # es: una línea por época, con las puntuaciones si tocaba medir
    # pt: uma linha por época, com as pontuações se era hora de medir
    line = (T(f"época {epoch:2d}: J(D) {history['d_loss'][-1]:.3f}  J(G) {history['g_loss'][-1]:.3f}  "
              f"D(x) {history['d_real'][-1]:.2f}  D(G(z)) {history['d_fake'][-1]:.2f}  "
              f"{history['images_per_second'][-1]:4.0f} imágenes/s",
              f"época {epoch:2d}: J(D) {history['d_loss'][-1]:.3f}  J(G) {history['g_loss'][-1]:.3f}  "
              f"D(x) {history['d_real'][-1]:.2f}  D(G(z)) {history['d_fake'][-1]:.2f}  "
              f"{history['images_per_second'][-1]:4.0f} imagens/s"))
    if history["scores"] and history["scores"][-1]["epoch"] == epoch:
        s = history["scores"][-1]
        line += (T(f" | IS {s['inception_score']:.2f}  FID {s['frechet_distance']:5.1f}  "
                   f"memorizadas {s['memorised_share']:.1%}  más rara: {s['rarest_class']:.0f} ({s['rarest_share']:.1%})",
                   f" | IS {s['inception_score']:.2f}  FID {s['frechet_distance']:5.1f}  "
                   f"memorizadas {s['memorised_share']:.1%}  mais rara: {s['rarest_class']:.0f} ({s['rarest_share']:.1%})"))
    print(line)

# %% tags=["nbval-ignore-output"] slideshow={"slide_type": "subslide"}
scorer = metrics.make_scorer(n=1000)        # es: siempre los mismos 1000 vectores latentes | pt: sempre os mesmos 1000 vetores latentes
gc.seed_everything(0)
dcgan = train.GAN(*models.build_pair("course"), recipe="course", seed=0)   # es: receta del curso | pt: receita do curso
run_dir = train.new_run_folder("runs", "06_dcgan")
use = slice(None, None, gc.pick(1, 20))                     # es: todos (modo rápido: 1 de cada 20) | pt: todos (modo rápido: 1 a cada 20)
history = train.fit(dcgan, images[use], labels=labels[use], epochs=gc.pick(None, 2), minutes=3, batch_size=64,
                    out=run_dir, scorer=scorer, score_every=2, verbose=False, on_epoch=report)

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# Un $D(x)$ que se acerca a 1 con $D(G(z))$ cerca de 0 durante varias épocas es la primera señal de que $D$ ha ganado
# y el generador ya no aprende. Y una advertencia: 3 minutos de una CPU ocupada por otros procesos dan menos épocas
# que el presupuesto de la tabla de arriba (19 épocas para la receta del curso, en una CPU sin carga), y por tanto
# peores puntuaciones. Antes de comparar puntuaciones, compara épocas. Lo que quedó en la carpeta, y el resumen:

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# Um $D(x)$ que se aproxima de 1 com $D(G(z))$ perto de 0 durante várias épocas é o primeiro sinal de que $D$ ganhou
# e o gerador já não aprende. E um aviso: 3 minutos de uma CPU ocupada por outros processos dão menos épocas que o
# orçamento da tabela de cima (19 épocas para a receita do curso, numa CPU sem carga), e portanto piores pontuações.
# Antes de comparar pontuações, compare épocas. O que ficou na pasta, e o resumo:

# %%
print(sorted(p.name for p in run_dir.iterdir()))
print(T("carpeta de puntos de control:",
        "pasta de pontos de verificação:"), [p.name for p in (run_dir / "checkpoints").iterdir()])

# %% tags=["nbval-ignore-output"]
seen = float(dcgan.images_seen.numpy())
half_life = min(dcgan.options["ema_half_life"], dcgan.options["ema_rampup"] * seen)
print(T(f"épocas: {history['epoch'][-1]}, parada por: {STOPPED[history['stopped']]}, "
        f"{sum(history['seconds']):.0f} s entrenando, {np.median(history['images_per_second']):.0f} imágenes/s",
        f"épocas: {history['epoch'][-1]}, parada por: {STOPPED[history['stopped']]}, "
        f"{sum(history['seconds']):.0f} s treinando, {np.median(history['images_per_second']):.0f} imagens/s"))
print(T(f"imágenes vistas: {seen:,.0f}; semivida final de la EMA: {half_life:,.0f} imágenes",
        f"imagens vistas: {seen:,.0f}; meia-vida final da EMA: {half_life:,.0f} imagens"))

# %% [markdown] lang="es"
# ### La cuadrícula de cada época
#
# Tras cada época la copia promediada (`dcgan.sampler`, recién recalibrada) dibuja los mismos 100 vectores
# latentes (`dcgan.fixed_z`), en modo inferencia, y la cuadrícula se guarda en `samples/epoch_NNN.png`. La primera,
# una intermedia y la última:

# %% [markdown] lang="pt"
# ### A grade de cada época
#
# Depois de cada época a cópia média (`dcgan.sampler`, recém-recalibrada) desenha os mesmos 100 vetores latentes
# (`dcgan.fixed_z`), em modo de inferência, e a grade é salva em `samples/epoch_NNN.png`. A primeira, uma
# intermediária e a última:

# %%
last = history["epoch"][-1]
fig, axes = plt.subplots(1, 3, figsize=(10.5, 3.8))
for ax, epoch in zip(axes, [1, (last + 1) // 2, last]):
    ax.imshow(plt.imread(train.sample_path(run_dir, epoch)), cmap="gray")
    ax.set_title(f"época {epoch}")
    ax.set_axis_off()
plt.show()

# %% [markdown] lang="es"
# Fíjate en la época 1: además del desenfoque, una textura granulada de píxeles alternos, aunque $G$ use kernels
# 4×4 sin solapamiento desigual: la dibujan los pesos aprendidos. `colour_metrics.checkerboard_ratio` la mide: la
# potencia en la frecuencia de Nyquist (el patrón «un píxel sí, otro no») de los 100 dígitos de la cuadrícula,
# dividida por la de 100 dígitos reales (1 = tan granulado como los datos).

# %% [markdown] lang="pt"
# Repare na época 1: além do desfoque, uma textura granulada de pixels alternados, embora $G$ use kernels 4×4 sem
# sobreposição desigual: quem a desenha são os pesos aprendidos. `colour_metrics.checkerboard_ratio` a mede: a
# potência na frequência de Nyquist (o padrão “um pixel sim, outro não”) dos 100 dígitos da grade, dividida pela de
# 100 dígitos reais (1 = tão granulado quanto os dados).

# %% tags=["nbval-ignore-output"]
def grid_digits(epoch):
    # es: los 100 dígitos de una cuadrícula guardada: 28×28 cada uno, con 2 píxeles entre ellos y alrededor
    # pt: os 100 dígitos de uma grade salva: 28×28 cada um, com 2 pixels entre eles e em volta
    grid = np.rint(plt.imread(train.sample_path(run_dir, epoch)) * 255).astype(np.uint8)
    return np.stack([grid[2 + 30 * r:30 + 30 * r, 2 + 30 * c:30 + 30 * c] for r in range(10) for c in range(10)])


print(T("tablero (Nyquist), generadas ÷ reales:", "tabuleiro (Nyquist), geradas ÷ reais:"),
      "   ".join(f"época {epoch}: {colour_metrics.checkerboard_ratio(grid_digits(epoch), images[:100]):.1f}"
                 for epoch in (1, last)))

# %% [markdown] lang="es"
# ### El GIF del entrenamiento
#
# `training.gif` junta las cuadrículas de **esta** ejecución, una por época (400 ms cada una, la última se queda
# más) y se repite sin fin. Para que el cuaderno no pese, aquí mostramos solo la esquina de 6×6 dígitos:

# %% [markdown] lang="pt"
# ### O GIF do treinamento
#
# `training.gif` junta as grades **desta** execução, uma por época (400 ms cada, a última fica mais tempo) e se
# repete sem fim. Para o notebook não ficar pesado, aqui mostramos só o canto de 6×6 dígitos:

# %% tags=["nbval-ignore-output"]
frames, durations = gif.read_gif(run_dir / "training.gif")
corner = gif.write_gif(run_dir / "training_6x6.gif", frames[:, :182, :182], duration_ms=durations)
gif.show_gif(corner)

# %% [markdown] lang="es"
# Y este es el GIF de una ejecución completa de `python -m gan_course train` (sin red, en una CPU de 2 núcleos),
# guardado en `figures/dcgan_mnist.gif`:
#
# ![](../../figures/dcgan_mnist.gif)

# %% [markdown] lang="pt"
# E este é o GIF de uma execução completa de `python -m gan_course train` (sem internet, numa CPU de 2 núcleos),
# salvo em `figures/dcgan_mnist.gif`:
#
# ![](../../figures/dcgan_mnist.gif)

# %% [markdown] lang="es"
# ### Las curvas de pérdida
#
# `train.plot_history` dibuja $J^{(D)}$, $J^{(G)}$ y su suma por paso (finas) y por época (puntos); solo la parte
# real/falso, sin los términos de la cabeza de clases. En una GAN las pérdidas no bajan hasta cero como en un
# clasificador: cada red empeora la pérdida de la otra. Lo sano es que oscilen alrededor de valores estables, con
# $J^{(D)}$ lejos de 0.

# %% [markdown] lang="pt"
# ### As curvas de perda
#
# `train.plot_history` desenha $J^{(D)}$, $J^{(G)}$ e a sua soma por passo (finas) e por época (pontos); só a parte
# real/falso, sem os termos da cabeça de classes. Numa GAN as perdas não caem até zero como num classificador: cada
# rede piora a perda da outra. O saudável é que oscilem em torno de valores estáveis, com $J^{(D)}$ longe de 0.

# %%
train.plot_history(history)
plt.show()

# %% [markdown] lang="es"
# ### Las puntuaciones por época
#
# La línea discontinua es la referencia de los dígitos reales, medida igual: IS, clases y proporción memorizada de
# los 1000 dígitos de prueba; FID entre 1000 dígitos de entrenamiento y los 1000 de prueba (la FID depende del
# número de imágenes, por eso se comparan con el mismo $n$). La memorizada de los reales es 1 % por construcción
# (sección siguiente).

# %% [markdown] lang="pt"
# ### As pontuações por época
#
# A linha tracejada é a referência dos dígitos reais, medida do mesmo jeito: IS, classes e proporção memorizada dos
# 1000 dígitos de teste; FID entre 1000 dígitos de treinamento e os 1000 de teste (a FID depende do número de
# imagens, por isso se comparam com o mesmo $n$). A memorizada dos reais é 1 % por construção (seção seguinte).

# %%
reference = metrics.reference_scores(1000)
print(T(f"dígitos reales: IS {reference['inception_score']:.2f}, FID {reference['frechet_distance']:.1f}, "
        f"memorizadas {reference['memorised_share']:.1%}, clase más rara {reference['rarest_share']:.1%}",
        f"dígitos reais: IS {reference['inception_score']:.2f}, FID {reference['frechet_distance']:.1f}, "
        f"memorizadas {reference['memorised_share']:.1%}, classe mais rara {reference['rarest_share']:.1%}"))

# %% tags=["nbval-ignore-output"]
scored = [s["epoch"] for s in history["scores"]]
fig, axes = plt.subplots(1, 4, figsize=(12, 2.9))
for ax, key, title in zip(axes, ["inception_score", "frechet_distance", "memorised_share", "rarest_share"],
                          ["Inception Score (↑)", "FID (↓)", T("memorizadas (↓)", "memorizadas (↓)"),
                           T("clase más rara (→ 0.1)", "classe mais rara (→ 0.1)")]):
    ax.plot(scored, [s[key] for s in history["scores"]], "o-", label=T("generadas", "geradas"))
    ax.axhline(reference[key], color="k", ls="--", lw=1, label=T("reales", "reais"))
    ax.set_title(title)
    ax.set_xlabel("época")
axes[0].legend(fontsize=10)
fig.tight_layout()
plt.show()
final = history["scores"][-1]
print(T(f"al final (época {final['epoch']}): IS {final['inception_score']:.2f}, FID {final['frechet_distance']:.1f}, "
        f"memorizadas {final['memorised_share']:.1%}, clase más rara {final['rarest_class']:.0f} ({final['rarest_share']:.1%})",
        f"no final (época {final['epoch']}): IS {final['inception_score']:.2f}, FID {final['frechet_distance']:.1f}, "
        f"memorizadas {final['memorised_share']:.1%}, classe mais rara {final['rarest_class']:.0f} ({final['rarest_share']:.1%})"))

# %% [markdown] lang="es"
# ### El histograma de clases
#
# ¿Dibuja el generador los diez dígitos por igual? El clasificador etiqueta 1000 muestras de la copia promediada; a
# la izquierda, la misma cuenta sobre los 1000 dígitos reales de prueba (la línea discontinua, a la derecha, es esa
# misma referencia). Debajo, cuántas muestras lee el clasificador como el dígito que eligió su código latente.

# %% [markdown] lang="pt"
# ### O histograma de classes
#
# O gerador desenha os dez dígitos por igual? O classificador rotula 1000 amostras da cópia média; à esquerda, a
# mesma contagem sobre os 1000 dígitos reais de teste (a linha tracejada, à direita, é essa mesma referência).
# Embaixo, quantas amostras o classificador lê como o dígito que o seu código latente escolheu.

# %% tags=["nbval-ignore-output"]
judge = classifier.load_classifier()
samples = metrics.sample(dcgan.sampler, 1000, seed=0)
fig, axes = plt.subplots(1, 2, figsize=(10, 2.8))
plots.class_histogram(classifier.predict(judge, held_out), share=True, title=T("reales (prueba)", "reais (teste)"),
                      ax=axes[0])
generated = plots.class_histogram(classifier.predict(judge, samples), share=True,
                                  reference=reference["class_shares"], title=T("generadas", "geradas"), ax=axes[1])
fig.tight_layout()
plt.show()
print(T("proporción por clase:", "proporção por classe:"), np.round(generated, 3))
asked = metrics.requested_digits(dcgan.sampler, 1000, seed=0)   # es: el dígito que eligió cada código | pt: o dígito que cada código escolheu
print(T("leídas como el dígito que pidió su código:", "lidas como o dígito que o seu código pediu:"),
      f"{metrics.requested_share(samples, asked):.1%}")

# %% [markdown] lang="es"
# ## ¿Copia o crea?
#
# Una GAN que devolviera sus dígitos de entrenamiento tendría un IS excelente y las diez clases por igual. Para
# saber si estas muestras son nuevas, medimos la distancia euclídea (entre píxeles, en $[-1, 1]$) de cada imagen a
# su dígito de entrenamiento **más cercano** y la comparamos con la de dígitos reales que la GAN nunca vio:
#
# 1. para cada uno de los 1000 dígitos de prueba, la distancia a su vecino más cercano entre los 4000 de
#    entrenamiento: así de cerca queda un dígito **nuevo** escrito por una persona;
# 2. el **umbral** es el cuantil del 1 % de esas distancias (`metrics.memorisation_threshold()`): solo el 1 % de
#    los dígitos reales nuevos está tan cerca de uno de entrenamiento;
# 3. la **proporción memorizada** (`metrics.memorisation_share`) es la fracción de imágenes más cerca que el umbral:
#    0.01 para los dígitos de prueba (por construcción), cerca de 1 para copias.

# %% [markdown] lang="pt"
# ## Copia ou cria?
#
# Uma GAN que devolvesse os seus dígitos de treinamento teria um IS excelente e as dez classes por igual. Para saber
# se estas amostras são novas, medimos a distância euclidiana (entre pixels, em $[-1, 1]$) de cada imagem ao seu
# dígito de treinamento **mais próximo** e a comparamos com a de dígitos reais que a GAN nunca viu:
#
# 1. para cada um dos 1000 dígitos de teste, a distância ao seu vizinho mais próximo entre os 4000 de treinamento:
#    tão perto assim fica um dígito **novo** escrito por uma pessoa;
# 2. o **limiar** é o quantil de 1 % dessas distâncias (`metrics.memorisation_threshold()`): só 1 % dos dígitos
#    reais novos está tão perto de um de treinamento;
# 3. a **proporção memorizada** (`metrics.memorisation_share`) é a fração de imagens mais perto que o limiar: 0.01
#    para os dígitos de teste (por construção), perto de 1 para cópias.

# %%
real_distances = metrics.nearest_distances(held_out, images)
threshold = metrics.memorisation_threshold()
print(T(f"dígitos de prueba → entrenamiento más cercano: mediana {np.median(real_distances):.2f}, "
        f"mínimo {real_distances.min():.2f}",
        f"dígitos de teste → treinamento mais próximo: mediana {np.median(real_distances):.2f}, "
        f"mínimo {real_distances.min():.2f}"))
print(T(f"umbral (cuantil del 1 %): {threshold:.2f}", f"limiar (quantil de 1 %): {threshold:.2f}"))
print(T(f"memorizadas, dígitos de prueba:        {metrics.memorisation_share(held_out):.2f}",
        f"memorizadas, dígitos de teste:         {metrics.memorisation_share(held_out):.2f}"))
print(T(f"memorizadas, los propios de entrenamiento: {metrics.memorisation_share(images):.2f}   (comprobación: distancia 0)",
        f"memorizadas, os próprios de treinamento:   {metrics.memorisation_share(images):.2f}   (verificação: distância 0)"))

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# La última línea es una comprobación de cordura: cada dígito de entrenamiento está a distancia 0 de sí mismo, así
# que una GAN que solo copiara daría 1.00. Ahora, las 1000 muestras generadas:

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# A última linha é uma verificação de sanidade: cada dígito de treinamento está a distância 0 de si mesmo, então uma
# GAN que só copiasse daria 1.00. Agora, as 1000 amostras geradas:

# %% tags=["nbval-ignore-output"]
generated_distances = metrics.nearest_distances(samples, images)
print(T(f"memorizadas, 1000 generadas: {metrics.memorisation_share(samples):.1%}   "
        f"(distancia mediana {np.median(generated_distances):.2f}; dígitos de prueba {np.median(real_distances):.2f})",
        f"memorizadas, 1000 geradas: {metrics.memorisation_share(samples):.1%}   "
        f"(distância mediana {np.median(generated_distances):.2f}; dígitos de teste {np.median(real_distances):.2f})"))
fig, ax = plt.subplots(figsize=(7, 2.8))
bins = np.linspace(0.0, max(real_distances.max(), generated_distances.max()), 40)
ax.hist(real_distances, bins=bins, alpha=0.6, label=T("reales de prueba", "reais de teste"))
ax.hist(generated_distances, bins=bins, alpha=0.6, label=T("generadas", "geradas"))
ax.axvline(threshold, color="k", ls="--", lw=1, label=T("umbral", "limiar"))
ax.set_xlabel(T("distancia al dígito de entrenamiento más cercano", "distância ao dígito de treinamento mais próximo"))
ax.legend(fontsize=10)
plt.show()

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# Las 8 muestras **más cercanas** a un dígito de entrenamiento (las más sospechosas), arriba, y ese dígito, abajo,
# con la distancia encima:

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# As 8 amostras **mais próximas** de um dígito de treinamento (as mais suspeitas), em cima, e esse dígito, embaixo,
# com a distância acima:

# %% tags=["nbval-ignore-output"]
closest = np.argsort(generated_distances)[:8]
flat_train = x.reshape(len(x), -1)
nearest = [int(np.argmin(np.sum((flat_train - samples[i].reshape(1, -1)) ** 2, axis=1))) for i in closest]
fig, axes = plt.subplots(2, 8, figsize=(10, 3.0))
for column, (i, j) in enumerate(zip(closest, nearest)):
    axes[0, column].imshow(samples[i, ..., 0], cmap="gray", vmin=-1, vmax=1)
    axes[0, column].set_title(f"{generated_distances[i]:.2f}", fontsize=11)
    axes[1, column].imshow(images[j], cmap="gray", vmin=0, vmax=255)
for ax in axes.flat:
    ax.set_xticks([])
    ax.set_yticks([])
axes[0, 0].set_ylabel(T("generada", "gerada"), fontsize=11)
axes[1, 0].set_ylabel(T("entrenamiento", "treinamento"), fontsize=11)
plt.show()

# %% [markdown] lang="es" slideshow={"slide_type": "notes"}
# Pregunta: «si la GAN devolviera sus dígitos de entrenamiento desplazados un píxel, ¿los cazaría esta prueba?».
# Probablemente no: un desplazamiento de un píxel mueve mucho la distancia entre píxeles. Sirve para hablar de lo
# que mide y lo que no: detecta copias casi exactas, no plagios «con retoques». Un «no» aquí no demuestra
# creatividad; un «sí» sí demuestra copia.

# %% [markdown] lang="pt" slideshow={"slide_type": "notes"}
# Pergunte: “se a GAN devolvesse os seus dígitos de treinamento deslocados um pixel, este teste os pegaria?”.
# Provavelmente não: um deslocamento de um pixel muda muito a distância entre pixels. Serve para falar do que ele
# mede e do que não mede: detecta cópias quase exatas, não plágios “com retoques”. Um “não” aqui não demonstra
# criatividade; um “sim” demonstra cópia.

# %% [markdown] lang="es"
# ## Puntos de control: reanudar en la época siguiente
#
# Cada época `train.fit` guarda un **punto de control** (*checkpoint*) con todo lo que hace falta para seguir como
# si nada: las dos redes, la copia promediada, los dos optimizadores (los momentos de Adam), el estado del generador
# de ruido, los vectores latentes de la cuadrícula y los contadores de épocas y de imágenes vistas. `resume=True`
# restaura el último y continúa en la época **siguiente**; `epochs` es el total, como en Keras. El tutorial de
# TensorFlow, en cambio, restaura los pesos pero su bucle vuelve a empezar en la época 0.
#
# Lo probamos con 500 dígitos para que cada época dure segundos: 2 épocas y se «corta» la sesión.

# %% [markdown] lang="pt"
# ## Pontos de verificação: retomar na época seguinte
#
# A cada época `train.fit` salva um **ponto de verificação** (*checkpoint*) com tudo o que é preciso para seguir
# como se nada tivesse acontecido: as duas redes, a cópia média, os dois otimizadores (os momentos do Adam), o estado
# do gerador de ruído, os vetores latentes da grade e os contadores de épocas e de imagens vistas. `resume=True`
# restaura o último e continua na época **seguinte**; `epochs` é o total, como no Keras. O tutorial do TensorFlow, ao
# contrário, restaura os pesos mas o seu laço volta a começar na época 0.
#
# Testamos com 500 dígitos para que cada época dure segundos: 2 épocas e a sessão é “cortada”.

# %%
few, few_labels = images[::8], labels[::8]                 # es: 500 dígitos, de todas las clases
                                                           # pt: 500 dígitos, de todas as classes
resume_dir = train.new_run_folder("runs", "06_resume")
gc.seed_everything(0)
first = train.GAN(*models.build_pair("course"), recipe="course", seed=0)
first_history = train.fit(first, few, epochs=2, labels=few_labels, out=resume_dir, verbose=False)
print(T("épocas entrenadas:", "épocas treinadas:"), first_history["epoch"])
print(T("puntos de control:",
        "pontos de verificação:"), sorted(p.name for p in (resume_dir / "checkpoints" / "mnist_64_28_28").iterdir()))

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# Otra sesión: redes nuevas, sin entrenar, y `resume=True` hasta un total de 3 épocas. En la terminal es
# `python -m gan_course train --resume` (o `--out CARPETA --resume`).

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# Outra sessão: redes novas, sem treinar, e `resume=True` até um total de 3 épocas. No terminal é
# `python -m gan_course train --resume` (ou `--out PASTA --resume`).

# %%
gc.seed_everything(0)
resumed = train.GAN(*models.build_pair("course"), recipe="course", seed=0)
resumed_history = train.fit(resumed, few, epochs=3, labels=few_labels, out=resume_dir, resume=True, verbose=False)
print(T("épocas en el historial reanudado:", "épocas no histórico retomado:"), resumed_history["epoch"])
print(T("contador de épocas:", "contador de épocas:"), int(resumed.epoch.numpy()),
      T("  pasos de Adam:", "  passos do Adam:"), int(resumed.d_optimizer.iterations))

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# ¿Es lo mismo que no haberse interrumpido nunca? Entrenamos 3 épocas seguidas desde cero y comparamos los pesos:
# el orden de los lotes de cada época depende solo de la semilla y del número de época, y el ruido, los
# optimizadores, la copia promediada y las estadísticas de la normalización vuelven del punto de control.

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# É o mesmo que nunca ter sido interrompido? Treinamos 3 épocas seguidas do zero e comparamos os pesos: a ordem dos
# lotes de cada época depende só da semente e do número da época, e o ruído, os otimizadores, a cópia média e as
# estatísticas da normalização voltam do ponto de verificação.

# %%
gc.seed_everything(0)
straight = train.GAN(*models.build_pair("course"), recipe="course", seed=0)
train.fit(straight, few, epochs=3, labels=few_labels, verbose=False)
difference = max(float(np.max(np.abs(a - b))) for a, b in zip(
    resumed.generator.get_weights() + resumed.discriminator.get_weights() + resumed.sampler.get_weights(),
    straight.generator.get_weights() + straight.discriminator.get_weights() + straight.sampler.get_weights()))
print(T("reanudado == sin interrupción (diferencia < 1e-5):",
        "retomado == sem interrupção (diferença < 1e-5):"), difference < 1e-5)

# %% [markdown] lang="es"
# ## Posibles mejoras (ganhacks)
#
# La lista *ganhacks* (Chintala et al., «How to Train a GAN?») reúne trucos de entrenamiento. Qué hace este curso
# con cada uno y dónde se ve:
#
# | truco (ganhacks) | en este curso | dónde se ve |
# |---|---|---|
# | 1. entradas en $[-1, 1]$, `tanh` a la salida de $G$ | sí (`data.to_float`) | «Los datos» |
# | 2. pérdida de $G$: maximizar $\log D(G(z))$ | sí, la no saturante (`g_loss="non_saturating"`) | lección 04 |
# | 3. $z$ gaussiano; interpolar con *slerp* | $z \sim \mathcal{N}(0, I)$; *slerp*: ejercicio 9 | «Interpolación» |
# | 4. normalización por lotes con lotes solo reales o solo falsos | sí: $D$ ve las reales y las falsas por separado | lección 05 |
# | 5. evitar gradientes dispersos: LeakyReLU, convoluciones con stride | sí (sin agrupamiento) | «Las dos redes» |
# | 6. suavizado de etiquetas (*label smoothing*) | opción `label_smoothing` (unilateral), apagada | no medido aquí |
# | 8. trucos de aprendizaje por refuerzo: versiones pasadas de $G$ y $D$ | en parte: la EMA promedia las versiones pasadas de $G$ | «La receta del curso» |
# | 9. Adam | sí, $\beta_1 = 0.5$ | — |
# | 10. detectar fallos pronto ($J^{(D)} \to 0$) | $D(x)$, $D(G(z))$ por época; IS, FID, memorizadas y clase más rara cada 2 épocas | «El bucle de entrenamiento» |
# | 12. usar las etiquetas si las hay | sí: $D$ aprende la clase de cada real (cabeza de clases) y la recibe (proyección); $G$ elige la suya con el código latente | «La receta del curso» |
# | 13. ruido en las entradas de $D$ | opción `augment="translate"` (traslación adaptativa de reales y falsas), apagada | tabla de palancas |
# | 14. entrenar más al discriminador (a veces) | no; la opción `g_steps` hace lo contrario, más pasos de $G$ (como carpedm20) | no medido aquí |

# %% [markdown] lang="pt"
# ## Possíveis melhorias (ganhacks)
#
# A lista *ganhacks* (Chintala et al., “How to Train a GAN?”) reúne truques de treinamento. O que este curso faz com
# cada um e onde se vê:
#
# | truque (ganhacks) | neste curso | onde se vê |
# |---|---|---|
# | 1. entradas em $[-1, 1]$, `tanh` na saída de $G$ | sim (`data.to_float`) | “Os dados” |
# | 2. perda de $G$: maximizar $\log D(G(z))$ | sim, a não saturante (`g_loss="non_saturating"`) | lição 04 |
# | 3. $z$ gaussiano; interpolar com *slerp* | $z \sim \mathcal{N}(0, I)$; *slerp*: exercício 9 | “Interpolação” |
# | 4. normalização em lote com lotes só reais ou só falsos | sim: $D$ vê as reais e as falsas separadamente | lição 05 |
# | 5. evitar gradientes esparsos: LeakyReLU, convoluções com stride | sim (sem agrupamento) | “As duas redes” |
# | 6. suavização de rótulos (*label smoothing*) | opção `label_smoothing` (unilateral), desligada | não medido aqui |
# | 8. truques de aprendizado por reforço: versões passadas de $G$ e $D$ | em parte: a EMA faz a média das versões passadas de $G$ | “A receita do curso” |
# | 9. Adam | sim, $\beta_1 = 0.5$ | — |
# | 10. detectar falhas cedo ($J^{(D)} \to 0$) | $D(x)$, $D(G(z))$ por época; IS, FID, memorizadas e classe mais rara a cada 2 épocas | “O laço de treinamento” |
# | 12. usar os rótulos se houver | sim: $D$ aprende a classe de cada real (cabeça de classes) e a recebe (projeção); $G$ escolhe a sua com o código latente | “A receita do curso” |
# | 13. ruído nas entradas de $D$ | opção `augment="translate"` (translação adaptativa de reais e falsas), desligada | tabela de alavancas |
# | 14. treinar mais o discriminador (às vezes) | não; a opção `g_steps` faz o contrário, mais passos de $G$ (como carpedm20) | não medido aqui |

# %% [markdown] lang="es"
# ## De la presentación al paquete
#
# La presentación del curso recorre `carpedm20/DCGAN-tensorflow` (TensorFlow 1): `main.py` lee las opciones,
# `model.py` construye el grafo (`build_model`) y entrena (`train`), y los puntos de control van a una carpeta
# `model_dir` cuyo nombre sale del dataset, el tamaño de lote y el tamaño de imagen. La misma estructura en
# `gan_course`:
#
# | carpedm20 (`DCGAN-tensorflow`) | `gan_course` |
# |---|---|
# | `main.py`: opciones `epoch`, `learning_rate`, `beta1`, `batch_size`, `dataset`, `checkpoint_dir`, `sample_dir`, `train` | `python -m gan_course train` (`cli_train.py`): `--epochs`, `--minutes`, `--batch-size`, `--model`, `--data`, `--out`, `--resume`; tasas y $\beta_1$ en `models.RECIPES` |
# | `DCGAN.__init__` → `build_model()`: *placeholders*, `G = generator(z)`, `D(inputs)` y `D(G)` con `reuse=True` | `models.build_pair("course")`: dos `keras.Model`; $D$ se llama dos veces en `GAN.train_step` (mismos pesos, sin `reuse`) |
# | `generator()` / `discriminator()` con `deconv2d`, `conv2d`, `batch_norm`, `lrelu`, `linear` (`ops.py`) | `models.dcgan_generator` / `models.dcgan_discriminator` con capas de Keras |
# | `d_loss_real`, `d_loss_fake`, `g_loss` con `sigmoid_cross_entropy_with_logits` | `losses.discriminator_loss`, `losses.generator_loss` (`form="logits"`) |
# | `train()`: dos `AdamOptimizer(learning_rate, beta1)`; por lote, un paso de $D$ y **dos** de $G$ (con el mismo $z$) | `train.GAN` (dos Adam; `g_steps=2` da dos pasos de $G$, con $z$ nuevo) y `train.fit` (épocas, tiempo límite) |
# | `sample_z` fijo; `save_images` cada cierto número de pasos en `sample_dir` | `GAN.fixed_z`; `samples/epoch_NNN.png` cada época y `training.gif` |
# | `save()` / `load()` con un `Saver` en `checkpoint_dir/model_dir`; `load` devuelve el contador de pasos, pero el bucle de épocas empieza otra vez en 0 | `train.model_dir` (aquí `mnist_64_28_28`) y un `tf.train.CheckpointManager` en `fit`; `resume=True` restaura redes, optimizadores, ruido y **época** |
# | `utils.py`: leer imágenes, `merge` / `save_images`, GIF | `data.load_mnist`, `data.load_image_folder`, `gif.image_grid`, `gif.write_gif` |
# | resúmenes de TensorBoard (`d_loss`, `g_loss`, histogramas) | `fit(..., tensorboard=True)` → `logs/` |
#
# Dos diferencias de fondo: con `dataset=mnist` el **generador** de carpedm20 es condicional (recibe la clase del
# dígito, `y_dim=10`, y su $D$ también); el nuestro no: solo $D$ usa las etiquetas (la GAN condicional de la lección
# 10, `--model cdcgan`, sí recibe el dígito). Y su discriminador devuelve la sigmoide y además los logits, y las
# pérdidas usan los logits: la forma correcta.

# %% [markdown] lang="pt"
# ## Da apresentação ao pacote
#
# A apresentação do curso percorre `carpedm20/DCGAN-tensorflow` (TensorFlow 1): `main.py` lê as opções, `model.py`
# constrói o grafo (`build_model`) e treina (`train`), e os pontos de verificação vão para uma pasta `model_dir`
# cujo nome sai do dataset, do tamanho do lote e do tamanho da imagem. A mesma estrutura no `gan_course`:
#
# | carpedm20 (`DCGAN-tensorflow`) | `gan_course` |
# |---|---|
# | `main.py`: opções `epoch`, `learning_rate`, `beta1`, `batch_size`, `dataset`, `checkpoint_dir`, `sample_dir`, `train` | `python -m gan_course train` (`cli_train.py`): `--epochs`, `--minutes`, `--batch-size`, `--model`, `--data`, `--out`, `--resume`; taxas e $\beta_1$ em `models.RECIPES` |
# | `DCGAN.__init__` → `build_model()`: *placeholders*, `G = generator(z)`, `D(inputs)` e `D(G)` com `reuse=True` | `models.build_pair("course")`: dois `keras.Model`; $D$ é chamado duas vezes em `GAN.train_step` (mesmos pesos, sem `reuse`) |
# | `generator()` / `discriminator()` com `deconv2d`, `conv2d`, `batch_norm`, `lrelu`, `linear` (`ops.py`) | `models.dcgan_generator` / `models.dcgan_discriminator` com camadas do Keras |
# | `d_loss_real`, `d_loss_fake`, `g_loss` com `sigmoid_cross_entropy_with_logits` | `losses.discriminator_loss`, `losses.generator_loss` (`form="logits"`) |
# | `train()`: dois `AdamOptimizer(learning_rate, beta1)`; por lote, um passo de $D$ e **dois** de $G$ (com o mesmo $z$) | `train.GAN` (dois Adam; `g_steps=2` dá dois passos de $G$, com $z$ novo) e `train.fit` (épocas, tempo limite) |
# | `sample_z` fixo; `save_images` a cada tantos passos em `sample_dir` | `GAN.fixed_z`; `samples/epoch_NNN.png` a cada época e `training.gif` |
# | `save()` / `load()` com um `Saver` em `checkpoint_dir/model_dir`; `load` devolve o contador de passos, mas o laço de épocas começa de novo em 0 | `train.model_dir` (aqui `mnist_64_28_28`) e um `tf.train.CheckpointManager` em `fit`; `resume=True` restaura redes, otimizadores, ruído e **época** |
# | `utils.py`: ler imagens, `merge` / `save_images`, GIF | `data.load_mnist`, `data.load_image_folder`, `gif.image_grid`, `gif.write_gif` |
# | resumos do TensorBoard (`d_loss`, `g_loss`, histogramas) | `fit(..., tensorboard=True)` → `logs/` |
#
# Duas diferenças de fundo: com `dataset=mnist` o **gerador** de carpedm20 é condicional (recebe a classe do dígito,
# `y_dim=10`, e o seu $D$ também); o nosso não: só $D$ usa os rótulos (a GAN condicional da lição 10,
# `--model cdcgan`, recebe o dígito). E o seu discriminador devolve a sigmoide e também os logits, e as perdas usam
# os logits: a forma correta.

# %% [markdown] lang="es"
# ### Entrenar desde la terminal
#
# Lo mismo que la celda de 3 minutos, sin cuaderno: `python -m gan_course train --minutes 3` entrena la receta del
# curso con los 4000 dígitos de entrenamiento y escribe una carpeta de ejecución como la de arriba;
# `--resume` continúa la última. `model_dir`, como en carpedm20, nombra la carpeta de puntos de control, y
# `g_steps=2` reproduce sus dos pasos de $G$ por lote:

# %% [markdown] lang="pt"
# ### Treinar pelo terminal
#
# O mesmo que a célula de 3 minutos, sem notebook: `python -m gan_course train --minutes 3` treina a receita do
# curso com os 4000 dígitos de treinamento e escreve uma pasta de execução como a de cima; `--resume` continua a
# última. `model_dir`, como no carpedm20, dá nome à pasta de pontos de verificação, e `g_steps=2` reproduz os seus
# dois passos de $G$ por lote:

# %%
print(train.model_dir("mnist", 64, (28, 28, 1)))
print(T("pasos de G por lote:", "passos de G por lote:"), train.GAN(*models.build_pair("plain"), recipe="plain",
                                                                    g_steps=2).settings["g_steps"])

# %% [markdown] lang="es"
# ## Ejercicios
#
# Escribe tu respuesta en lugar de `None` y ejecuta la celda: `gc.exercises.check` te dice si es correcta o te da
# una pista.
#
# 1. ¿Cuántos parámetros entrenables tiene el discriminador de la receta del curso (`models.build_pair("course")[1]`,
#    con la cabeza de clases y la proyección)? Cuéntalos capa a capa y compara con `.summary()`.
# 2. En el generador del curso, la capa `up_1` (kernel 4, stride 2, `"same"`, 64 filtros) recibe 7×7×128. ¿Qué
#    forma (alto, ancho, canales) tiene su salida?
# 3. Si $D(G(z)) = 0.5$ para todas las imágenes generadas, ¿cuánto vale $J^{(G)}$ no saturante?
# 4. Un discriminador con sigmoide da $D(x) = 1.0$ a una imagen real. Si le aplicaras
#    `BinaryCrossentropy(from_logits=True)` con la etiqueta 1, ¿qué pérdida informaría?

# %% [markdown] lang="pt"
# ## Exercícios
#
# Escreva sua resposta no lugar de `None` e execute a célula: `gc.exercises.check` diz se está correta ou dá uma
# dica.
#
# 1. Quantos parâmetros treináveis tem o discriminador da receita do curso (`models.build_pair("course")[1]`, com a
#    cabeça de classes e a projeção)? Conte-os camada por camada e compare com `.summary()`.
# 2. No gerador do curso, a camada `up_1` (kernel 4, stride 2, `"same"`, 64 filtros) recebe 7×7×128. Que formato
#    (altura, largura, canais) tem a sua saída?
# 3. Se $D(G(z)) = 0.5$ para todas as imagens geradas, quanto vale $J^{(G)}$ não saturante?
# 4. Um discriminador com sigmoide dá $D(x) = 1.0$ a uma imagem real. Se você aplicasse
#    `BinaryCrossentropy(from_logits=True)` com o rótulo 1, que perda ela informaria?

# %%
answer = None  # es: 06.1, tu respuesta | pt: 06.1, sua resposta
gc.exercises.check("06.1", answer)

# %%
answer = None  # es: 06.2, tu respuesta: (alto, ancho, canales) | pt: 06.2, sua resposta: (altura, largura, canais)
gc.exercises.check("06.2", answer)

# %%
answer = None  # es: 06.3, tu respuesta | pt: 06.3, sua resposta
gc.exercises.check("06.3", answer)

# %%
answer = None  # es: 06.4, tu respuesta | pt: 06.4, sua resposta
gc.exercises.check("06.4", answer)

# %% [markdown] lang="es"
# ### Cuatro preguntas más
#
# 5. Con los 4000 dígitos de entrenamiento y lotes de 64 (el último lote incompleto se descarta), ¿cuántos pasos
#    de entrenamiento tiene una época?
# 6. Una ejecución guardó su punto de control tras la época 7. Llamas a `train.fit` con `resume=True` y un total
#    de 10 épocas (`epochs=10`). ¿Qué épocas entrena? Una lista.
# 7. Como `model_dir` en carpedm20: ¿cómo se llama la carpeta de puntos de control de una ejecución con dataset
#    `"celebA"`, lotes de 128 e imágenes de 64×64×3? Un texto.
# 8. Con la EMA de la receta ($h = \min(10\,000,\ 0.05 \cdot \text{imágenes vistas})$, $\beta = 0.5^{64/h}$),
#    ¿cuánto vale $\beta$ cuando $G$ ya ha visto 40 000 imágenes?

# %% [markdown] lang="pt"
# ### Mais quatro perguntas
#
# 5. Com os 4000 dígitos de treinamento e lotes de 64 (o último lote incompleto é descartado), quantos passos de
#    treinamento tem uma época?
# 6. Uma execução salvou seu ponto de verificação depois da época 7. Você chama `train.fit` com `resume=True` e um
#    total de 10 épocas (`epochs=10`). Que épocas ela treina? Uma lista.
# 7. Como o `model_dir` no carpedm20: como se chama a pasta de pontos de verificação de uma execução com dataset
#    `"celebA"`, lotes de 128 e imagens de 64×64×3? Um texto.
# 8. Com a EMA da receita ($h = \min(10\,000,\ 0.05 \cdot \text{imagens vistas})$, $\beta = 0.5^{64/h}$), quanto
#    vale $\beta$ quando $G$ já viu 40 000 imagens?

# %%
answer = None  # es: 06.5, tu respuesta | pt: 06.5, sua resposta
gc.exercises.check("06.5", answer)

# %%
answer = None  # es: 06.6, tu respuesta: una lista | pt: 06.6, sua resposta: uma lista
gc.exercises.check("06.6", answer)

# %%
answer = None  # es: 06.7, tu respuesta: un texto | pt: 06.7, sua resposta: um texto
gc.exercises.check("06.7", answer)

# %%
answer = None  # es: 06.8, tu respuesta | pt: 06.8, sua resposta
gc.exercises.check("06.8", answer)

# %% [markdown] lang="es"
# ### Programar: la interpolación esférica
#
# 9. Completa `slerp(z_a, z_b, t)` con NumPy: `z_a` y `z_b` son vectores 1-D y `t` un número en $[0, 1]$; devuelve
#    el punto del arco de circunferencia que va de `z_a` ($t = 0$) a `z_b` ($t = 1$), con $\Omega$ el ángulo entre
#    los dos:
#    $$\mathrm{slerp}(z_a, z_b, t) = \frac{\sin\big((1 - t)\,\Omega\big)}{\sin \Omega}\, z_a
#      + \frac{\sin(t\,\Omega)}{\sin \Omega}\, z_b.$$
#    Compruébalo tú primero: con dos vectores de la misma norma, ¿conserva la norma en $t = 0.5$? Luego responde
#    con la función (`answer = slerp`): el comprobador la prueba con vectores suyos. Si quieres, repite la
#    interpolación de arriba con `slerp` y compara las normas.

# %% [markdown] lang="pt"
# ### Programar: a interpolação esférica
#
# 9. Complete `slerp(z_a, z_b, t)` com NumPy: `z_a` e `z_b` são vetores 1-D e `t` um número em $[0, 1]$; devolve o
#    ponto do arco de circunferência que vai de `z_a` ($t = 0$) a `z_b` ($t = 1$), com $\Omega$ o ângulo entre os
#    dois:
#    $$\mathrm{slerp}(z_a, z_b, t) = \frac{\sin\big((1 - t)\,\Omega\big)}{\sin \Omega}\, z_a
#      + \frac{\sin(t\,\Omega)}{\sin \Omega}\, z_b.$$
#    Confira você primeiro: com dois vetores da mesma norma, ela se conserva em $t = 0.5$? Depois responda com a
#    função (`answer = slerp`): o verificador a testa com vetores próprios. Se quiser, repita a interpolação de cima
#    com `slerp` e compare as normas.

# %%
def slerp(z_a, z_b, t):
    return None  # es: escribe aquí la interpolación esférica | pt: escreva aqui a interpolação esférica

answer = None  # es: cuando funcione: answer = slerp | pt: quando funcionar: answer = slerp
gc.exercises.check("06.9", answer)

# %% [markdown] lang="es"
# ### Programar: la proporción memorizada, a mano
#
# 10. Completa `memorised_share(images)` con NumPy (sin `metrics.nearest_distances` ni
#     `metrics.memorisation_share`): para cada imagen de `images` (N, 28, 28, 1) en $[-1, 1]$, la distancia
#     euclídea a su dígito de entrenamiento más cercano (los 4000 de `images` de la sección «Los datos», pasados a
#     $[-1, 1]$: `x`), y la fracción de imágenes con esa distancia por debajo de `metrics.memorisation_threshold()`.
#     Pruébala con `samples[:100]` y compárala con `metrics.memorisation_share(samples[:100])`; después responde
#     con la función (`answer = memorised_share`).

# %% [markdown] lang="pt"
# ### Programar: a proporção memorizada, à mão
#
# 10. Complete `memorised_share(images)` com NumPy (sem `metrics.nearest_distances` nem
#     `metrics.memorisation_share`): para cada imagem de `images` (N, 28, 28, 1) em $[-1, 1]$, a distância
#     euclidiana ao seu dígito de treinamento mais próximo (os 4000 de `images` da seção “Os dados”, passados para
#     $[-1, 1]$: `x`), e a fração de imagens com essa distância abaixo de `metrics.memorisation_threshold()`.
#     Teste-a com `samples[:100]` e compare com `metrics.memorisation_share(samples[:100])`; depois responda com a
#     função (`answer = memorised_share`).

# %%
def memorised_share(images):
    return None  # es: escribe aquí tu cálculo | pt: escreva aqui o seu cálculo

answer = None  # es: cuando funcione: answer = memorised_share | pt: quando funcionar: answer = memorised_share
gc.exercises.check("06.10", answer)

# %% [markdown] lang="es"
# ### Programar: la pérdida extra de $G$ sin código latente
#
# 11. Sin código latente, $G$ no tiene un dígito pedido con el que comparar; la variante «+ cabeza de clases» de la
#     tabla le da otra pérdida extra. `class_logits` son los logits de clase que la cabeza de $D$ daría a 8 imágenes
#     falsas. Calcula con NumPy esa pérdida, $\frac{1}{m}\sum_i H\big(p(y \mid G(z_i))\big) - H\big(\frac{1}{m}\sum_i
#     p(y \mid G(z_i))\big)$, en nats. ¿Por qué nunca es positiva? ¿Qué logits darían el mínimo, $-\log 10$?

# %% [markdown] lang="pt"
# ### Programar: a perda extra de $G$ sem código latente
#
# 11. Sem código latente, $G$ não tem um dígito pedido com o qual comparar; a variante “+ cabeça de classes” da
#     tabela lhe dá outra perda extra. `class_logits` são os logits de classe que a cabeça de $D$ daria a 8 imagens
#     falsas. Calcule com NumPy essa perda, $\frac{1}{m}\sum_i H\big(p(y \mid G(z_i))\big) - H\big(\frac{1}{m}\sum_i
#     p(y \mid G(z_i))\big)$, em nats. Por que ela nunca é positiva? Que logits dariam o mínimo, $-\log 10$?

# %%
class_logits = 3.0 * np.random.default_rng(6).standard_normal((8, 10))
answer = None  # es: 06.11, tu respuesta | pt: 06.11, sua resposta
gc.exercises.check("06.11", answer)

# %% [markdown] lang="es" slideshow={"slide_type": "notes"}
# Para el ejercicio 11, deja que la clase descubra que la pérdida es menos la información mutua entre $z$ y la
# clase que ve $D$ (por eso $\le 0$), y que el mínimo $-\log 10$ pide dos cosas a la vez: cada fila one-hot y las
# diez clases por igual en el lote, lo que con 8 imágenes es imposible. Un buen cierre: ¿qué pasaría si $D$ se
# equivocara de clase con confianza? $G$ aprendería a dibujar lo que $D$ cree, no lo que es.

# %% [markdown] lang="pt" slideshow={"slide_type": "notes"}
# Para o exercício 11, deixe a turma descobrir que a perda é menos a informação mútua entre $z$ e a classe que $D$
# vê (por isso $\le 0$), e que o mínimo $-\log 10$ pede duas coisas ao mesmo tempo: cada linha one-hot e as dez
# classes por igual no lote, o que com 8 imagens é impossível. Um bom fechamento: o que aconteceria se $D$ errasse a
# classe com confiança? $G$ aprenderia a desenhar o que $D$ acredita, não o que é.
