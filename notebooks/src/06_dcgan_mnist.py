"""Lesson 06: the source of both notebooks named in NAMES. Format: see tools/nbbuild.py."""
from _lang import T

NAMES = {"es": "06_dcgan_mnist", "pt": "06_dcgan_mnist"}

# %% [markdown] lang="es"
# # DCGAN en MNIST con `tf.GradientTape`
#
# Las lecciones anteriores prepararon todas las piezas: la convolución (02), la convolución transpuesta
# (*transposed convolution*, 03), el objetivo de la red generativa antagónica (*generative adversarial network*,
# GAN, 04) y la normalización por lotes (*batch normalization*, 05). Aquí se juntan en una **DCGAN** (*deep
# convolutional GAN*) que aprende a dibujar dígitos:
#
# 1. el objetivo, recordado, y los datos;
# 2. las dos redes, el **generador** (*generator*) y el **discriminador** (*discriminator*), con su resumen;
# 3. el **paso de entrenamiento** (*training step*) escrito a mano con `tf.GradientTape`, y la prueba de que hace
#    exactamente lo mismo que el de la biblioteca;
# 4. las dos formas de la pérdida (sobre *logits* y sobre probabilidades) y el error de aplicar
#    `from_logits=True` a una salida sigmoide, con números;
# 5. un entrenamiento largo con el entrenador de `gan_course`: cuadrícula por **época** (*epoch*), GIF, curvas de
#    pérdida y puntuaciones del clasificador de la lección 01;
# 6. **puntos de control** (*checkpoints*) y cómo reanudar en la época siguiente;
# 7. interpolación en el espacio latente, posibles mejoras y el mapa del código de la presentación (el DCGAN de
#    carpedm20) sobre este paquete.
#
# Parte de tres fuentes y corrige lo que fallaba en ellas: el cuaderno de DCGAN en español de Mariano Rivera
# (`GradientTape`, las dos formas de la pérdida, pero `from_logits=True` sobre una sigmoide), el tutorial de DCGAN
# de TensorFlow (su restauración vuelve a la época 0 y su GIF recoge todos los `image*.png` de la carpeta de trabajo) y la
# presentación que recorre `carpedm20/DCGAN-tensorflow`.

# %% [markdown] lang="pt"
# # DCGAN no MNIST com `tf.GradientTape`
#
# As lições anteriores prepararam todas as peças: a convolução (02), a convolução transposta (*transposed
# convolution*, 03), o objetivo da rede adversária generativa (*generative adversarial network*, GAN, 04) e a
# normalização em lote (*batch normalization*, 05). Aqui elas se juntam numa **DCGAN** (*deep convolutional GAN*)
# que aprende a desenhar dígitos:
#
# 1. o objetivo, relembrado, e os dados;
# 2. as duas redes, o **gerador** (*generator*) e o **discriminador** (*discriminator*), com seu resumo;
# 3. o **passo de treinamento** (*training step*) escrito à mão com `tf.GradientTape`, e a prova de que ele faz
#    exatamente o mesmo que o da biblioteca;
# 4. as duas formas da perda (sobre *logits* e sobre probabilidades) e o erro de aplicar `from_logits=True` a uma
#    saída sigmoide, com números;
# 5. um treinamento longo com o treinador do `gan_course`: grade por **época** (*epoch*), GIF, curvas de perda e
#    pontuações do classificador da lição 01;
# 6. **pontos de verificação** (*checkpoints*) e como retomar na época seguinte;
# 7. interpolação no espaço latente, possíveis melhorias e o mapa do código da apresentação (o DCGAN de carpedm20)
#    sobre este pacote.
#
# Partimos de três fontes e corrigimos o que falhava nelas: o notebook de DCGAN em espanhol de Mariano Rivera
# (`GradientTape`, as duas formas da perda, mas `from_logits=True` sobre uma sigmoide), o tutorial de DCGAN do
# TensorFlow (sua restauração volta à época 0 e seu GIF junta todos os `image*.png` da pasta de trabalho) e a apresentação
# que percorre `carpedm20/DCGAN-tensorflow`.

# %%
import time
import numpy as np
import matplotlib.pyplot as plt
import gan_course as gc
from gan_course import classifier, data, gif, keras, losses, metrics, models, plots, tf, train

gc.setup(T("es", "pt"))  # es: idioma, semillas, TensorFlow silencioso | pt: idioma, sementes, TensorFlow silencioso

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
# $J^{(D)}$ es la entropía cruzada binaria (*binary cross-entropy*) con etiqueta 1 para las reales y 0 para las falsas. $J^{(G)}$ es la
# **pérdida no saturante** (*non-saturating loss*): el generador quiere que $D$ diga «real» (1) a sus imágenes. En
# el equilibrio $D(x) = D(G(z)) = \tfrac12$, $J^{(D)} = 2\log 2 \approx 1.386$ y $J^{(G)} = \log 2 \approx 0.693$.

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
# $J^{(D)}$ é a entropia cruzada binária (*binary cross-entropy*) com rótulo 1 para as reais e 0 para as falsas. $J^{(G)}$ é a **perda não
# saturante** (*non-saturating loss*): o gerador quer que $D$ diga «real» (1) para as suas imagens. No equilíbrio
# $D(x) = D(G(z)) = \tfrac12$, $J^{(D)} = 2\log 2 \approx 1.386$ e $J^{(G)} = \log 2 \approx 0.693$.

# %% [markdown] lang="es"
# ## Los datos
#
# Los 5000 dígitos de MNIST que trae el paquete (500 por clase; `data.load_mnist("keras")` descarga los 60 000 si
# hay red). Dentro de las redes las imágenes son `float32` en $[-1, 1]$, el rango de la `tanh` con la que termina el
# generador.

# %% [markdown] lang="pt"
# ## Os dados
#
# Os 5000 dígitos do MNIST que vêm com o pacote (500 por classe; `data.load_mnist("keras")` baixa os 60 000 se
# houver internet). Dentro das redes as imagens são `float32` em $[-1, 1]$, o intervalo da `tanh` com que o
# gerador termina.

# %%
images, labels = data.load_mnist("bundled")
x = data.to_float(images)
print("uint8:", images.shape, images.min(), images.max())
print("float32:", x.shape, x.min(), x.max())
print(T("por clase:", "por classe:"), np.bincount(labels))

# %%
plots.show_digits_per_class(images, labels, per_class=10)
plt.show()

# %% [markdown] lang="es"
# ## Las dos redes
#
# El modelo por defecto del curso (`models.build_pair("course")`) sigue las reglas de DCGAN de la lección 05:
# convoluciones con paso 2 en vez de agrupamiento, normalización por lotes salvo en la salida de $G$ y en la
# entrada de $D$, ReLU en $G$, LeakyReLU 0.2 en $D$. Los kernels son de 4×4: con paso 2, un kernel divisible por el
# paso no deja tablero de ajedrez (lección 03).
#
# El generador proyecta $z$ (100 números) a 7×7×128 y lo duplica dos veces: 14×14×64 y 28×28×1.

# %% [markdown] lang="pt"
# ## As duas redes
#
# O modelo padrão do curso (`models.build_pair("course")`) segue as regras da DCGAN da lição 05: convoluções com
# passo 2 em vez de agrupamento, normalização em lote exceto na saída de $G$ e na entrada de $D$, ReLU em $G$,
# LeakyReLU 0.2 em $D$. Os kernels são 4×4: com passo 2, um kernel divisível pelo passo não deixa tabuleiro de
# xadrez (lição 03).
#
# O gerador projeta $z$ (100 números) para 7×7×128 e o duplica duas vezes: 14×14×64 e 28×28×1.

# %%
gc.seed_everything(0)
generator, discriminator = models.build_pair("course")
generator.summary(print_fn=print)   # es: print_fn=print: el resumen como texto plano
                                    # pt: print_fn=print: o resumo como texto puro

# %% [markdown] lang="es"
# El discriminador hace el camino inverso: 28×28×1 → 14×14×64 → 7×7×128 → un solo número. Ese número es un
# **logit** $\ell$, no una probabilidad: la última capa no tiene sigmoide, y $D(x) = \sigma(\ell)$. Las pérdidas
# sobre logits son exactas para cualquier $\ell$ (abajo se ve por qué importa).

# %% [markdown] lang="pt"
# O discriminador faz o caminho inverso: 28×28×1 → 14×14×64 → 7×7×128 → um único número. Esse número é um
# **logit** $\ell$, não uma probabilidade: a última camada não tem sigmoide, e $D(x) = \sigma(\ell)$. As perdas
# sobre logits são exatas para qualquer $\ell$ (abaixo se vê por que isso importa).

# %%
discriminator.summary(print_fn=print)
print(models.discriminator_output(discriminator))

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
# avisar (lección 05). Los optimizadores siguen la receta del curso: Adam con $\beta_1 = 0.5$, tasa $5\cdot10^{-4}$
# para $G$ y $2\cdot10^{-4}$ para $D$.
#
# Para compararlo con la biblioteca preparamos también un gemelo: las mismas redes (pesos copiados) dentro de un
# `train.GAN`, cuyo ruido sale de un generador de números aleatorios con la misma **semilla** (*seed*) que el
# nuestro.

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
# avisar (lição 05). Os otimizadores seguem a receita do curso: Adam com $\beta_1 = 0.5$, taxa $5\cdot10^{-4}$
# para $G$ e $2\cdot10^{-4}$ para $D$.
#
# Para comparar com a biblioteca preparamos também um gêmeo: as mesmas redes (pesos copiados) dentro de um
# `train.GAN`, cujo ruído sai de um gerador de números aleatórios com a mesma **semente** (*seed*) que o nosso.

# %%
z_dim = models.latent_dim(generator)                       # 100
g_optimizer = keras.optimizers.Adam(5e-4, beta_1=0.5)
d_optimizer = keras.optimizers.Adam(2e-4, beta_1=0.5)
bce = keras.losses.BinaryCrossentropy(from_logits=True)      # es: D devuelve logits | pt: D devolve logits
noise = tf.random.Generator.from_seed(0)                     # es: de aquí salen los z | pt: daqui saem os z

# es: el gemelo de la biblioteca: mismas redes, mismos pesos iniciales, misma semilla del ruido
# pt: o gêmeo da biblioteca: mesmas redes, mesmos pesos iniciais, mesma semente do ruído
twin_generator, twin_discriminator = models.build_pair("course")
twin_generator.set_weights(generator.get_weights())
twin_discriminator.set_weights(discriminator.get_weights())
gan = train.GAN(twin_generator, twin_discriminator, g_lr=5e-4, d_lr=2e-4, beta_1=0.5, seed=0)
start_weights = generator.get_weights()

# %% [markdown] lang="es"
# El paso, entero. Es la lección de este cuaderno: léelo línea por línea.

# %% [markdown] lang="pt"
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
# ### Unos pasos, a mano y con la biblioteca
#
# Tres lotes; cada uno pasa por nuestro `train_step` y por `gan.train_step`, el paso de `gan_course/train.py`. Los
# valores exactos dependen de la máquina; lo que importa es que las dos columnas coinciden.

# %% [markdown] lang="pt"
# ### Alguns passos, à mão e com a biblioteca
#
# Três lotes; cada um passa pelo nosso `train_step` e pelo `gan.train_step`, o passo de `gan_course/train.py`. Os
# valores exatos dependem da máquina; o que importa é que as duas colunas coincidem.

# %% tags=["nbval-ignore-output"]
batches = data.make_dataset(images, batch_size=64, seed=0)
for step, real in enumerate(batches.take(3), start=1):
    d_loss, g_loss = train_step(real)
    lib = gan.train_step(real)
    print(T(f"paso {step}: J(D) = {float(d_loss):.5f} (biblioteca {float(lib['d_loss']):.5f})   "
            f"J(G) = {float(g_loss):.5f} (biblioteca {float(lib['g_loss']):.5f})",
            f"passo {step}: J(D) = {float(d_loss):.5f} (biblioteca {float(lib['d_loss']):.5f})   "
            f"J(G) = {float(g_loss):.5f} (biblioteca {float(lib['g_loss']):.5f})"))

# %% [markdown] lang="es"
# Tras los mismos pasos, los pesos (y las estadísticas móviles de la normalización) de nuestras redes y de las
# de la biblioteca son los mismos: misma semilla y mismos pesos iniciales dan los mismos pesos nuevos.

# %% [markdown] lang="pt"
# Depois dos mesmos passos, os pesos (e as estatísticas móveis da normalização) das nossas redes e das da
# biblioteca são os mesmos: mesma semente e mesmos pesos iniciais dão os mesmos pesos novos.

# %%
ours = generator.get_weights() + discriminator.get_weights()
theirs = gan.generator.get_weights() + gan.discriminator.get_weights()
difference = max(float(np.max(np.abs(a - b))) for a, b in zip(ours, theirs))
print(T("pasos de cada optimizador:",
        "passos de cada otimizador:"), int(d_optimizer.iterations), int(gan.d_optimizer.iterations))
print(T("mismos pesos (diferencia máxima < 1e-6):", "mesmos pesos (diferença máxima < 1e-6):"), difference < 1e-6)
moved = max(float(np.max(np.abs(a - b))) for a, b in zip(generator.get_weights(), start_weights))
print(T("los pesos de G se han movido (cambio máximo > 1e-4):",
        "os pesos de G se moveram (mudança máxima > 1e-4):"), moved > 1e-4)

# %% [markdown] lang="es"
# ## Logits o probabilidades: dos formas de la misma pérdida
#
# El cuaderno de Rivera escribe $J^{(D)}$ de dos maneras: con `BinaryCrossentropy` y con la fórmula explícita
# $-\overline{\log D(x) + \log(1 - D(G(z)))}$ sobre probabilidades. Son la misma cuenta **si cada una recibe lo que
# espera**: la primera, con `from_logits=True`, logits $\ell$; la segunda, probabilidades $D = \sigma(\ell)$.
#
# Con unos logits de ejemplo (cuatro imágenes reales y cuatro falsas):

# %% [markdown] lang="pt"
# ## Logits ou probabilidades: duas formas da mesma perda
#
# O notebook de Rivera escreve $J^{(D)}$ de duas maneiras: com `BinaryCrossentropy` e com a fórmula explícita
# $-\overline{\log D(x) + \log(1 - D(G(z)))}$ sobre probabilidades. São a mesma conta **se cada uma recebe o que
# espera**: a primeira, com `from_logits=True`, logits $\ell$; a segunda, probabilidades $D = \sigma(\ell)$.
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

# %% [markdown] lang="es"
# Y sobre la red de verdad: las salidas de nuestro discriminador para un lote real y uno generado.

# %% [markdown] lang="pt"
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
# ### El error: `from_logits=True` sobre una salida sigmoide
#
# El discriminador del cuaderno de Rivera termina en una **sigmoide**: devuelve ya $D(x) \in [0, 1]$. Pero su
# pérdida es `BinaryCrossentropy(from_logits=True)`, que aplica **otra** sigmoide a lo que recibe. La cuenta que
# hace, para una imagen real, es $-\log \sigma(D(x))$ en vez de $-\log D(x)$. Como $D(x) \in [0, 1]$,
# $\sigma(D(x))$ queda atrapada entre $\sigma(0) = 0.5$ y $\sigma(1) \approx 0.731$. Los números, para la etiqueta 1
# (real):

# %% [markdown] lang="pt"
# ### O erro: `from_logits=True` sobre uma saída sigmoide
#
# O discriminador do notebook de Rivera termina numa **sigmoide**: já devolve $D(x) \in [0, 1]$. Mas a sua perda é
# `BinaryCrossentropy(from_logits=True)`, que aplica **outra** sigmoide ao que recebe. A conta que ela faz, para uma
# imagem real, é $-\log \sigma(D(x))$ em vez de $-\log D(x)$. Como $D(x) \in [0, 1]$, $\sigma(D(x))$ fica presa
# entre $\sigma(0) = 0.5$ e $\sigma(1) \approx 0.731$. Os números, para o rótulo 1 (real):

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

# %% [markdown] lang="es"
# Con la cuenta equivocada, un discriminador que se equivoca del todo con una imagen real ($D(x) = 0.01$) paga
# 0.69 en vez de 4.6, y uno que acierta del todo ($D(x) = 0.99$) sigue pagando 0.32. El gradiente que llega al
# logit, el que corrige la red, es unas 200 veces más pequeño justo cuando más falta hace. Para el lote completo
# $J^{(D)}$ nunca baja de $-\log\sigma(1) - \log(1 - \sigma(0)) \approx 1.006$, por perfecto que sea $D$: las curvas
# de pérdida de ese entrenamiento no pueden decir si $D$ gana o pierde. No hay ningún aviso: Keras no puede saber
# que esos números ya eran probabilidades.

# %% [markdown] lang="pt"
# Com a conta errada, um discriminador que erra totalmente numa imagem real ($D(x) = 0.01$) paga 0.69 em vez de
# 4.6, e um que acerta totalmente ($D(x) = 0.99$) continua pagando 0.32. O gradiente que chega ao logit, o que
# corrige a rede, é umas 200 vezes menor justamente quando mais se precisa dele. Para o lote completo $J^{(D)}$ nunca
# fica abaixo de $-\log\sigma(1) - \log(1 - \sigma(0)) \approx 1.006$, por perfeito que seja $D$: as curvas de perda
# desse treinamento não conseguem dizer se $D$ ganha ou perde. Não há nenhum aviso: o Keras não tem como saber que
# esses números já eram probabilidades.

# %%
perfect_real, perfect_fake = tf.constant([[1.0]]), tf.constant([[0.0]])   # es: D perfecto: D(x) = 1, D(G(z)) = 0
                                                                          # pt: D perfeito: D(x) = 1, D(G(z)) = 0
print(T(f"J(D) de un D perfecto, bien:  {float(losses.discriminator_loss(perfect_real, perfect_fake, 'probability')):.4f}",
        f"J(D) de um D perfeito, certo:  {float(losses.discriminator_loss(perfect_real, perfect_fake, 'probability')):.4f}"))
print(T(f"J(D) de un D perfecto, mal:   {float(bce(tf.ones_like(perfect_real), perfect_real) + bce(tf.zeros_like(perfect_fake), perfect_fake)):.4f}",
        f"J(D) de um D perfeito, errado: {float(bce(tf.ones_like(perfect_real), perfect_real) + bce(tf.zeros_like(perfect_fake), perfect_fake)):.4f}"))

# %% [markdown] lang="es"
# ### La biblioteca no deja mezclarlas
#
# `gan_course` tiene el par del cuaderno de Rivera (`models.build_pair("rivera")`: $z$ de 20 números, kernels 3×3 y
# la sigmoide al final). El entrenador mira la última capa del discriminador y elige la forma de la pérdida que le
# corresponde; pedirle la otra es un error con nombre, no un entrenamiento que falla en silencio.

# %% [markdown] lang="pt"
# ### A biblioteca não deixa misturá-las
#
# O `gan_course` tem o par do notebook de Rivera (`models.build_pair("rivera")`: $z$ de 20 números, kernels 3×3 e
# a sigmoide no final). O treinador olha a última camada do discriminador e escolhe a forma da perda que lhe
# corresponde; pedir a outra é um erro com nome, não um treinamento que falha em silêncio.

# %%
rivera_generator, rivera_discriminator = models.build_pair("rivera")
print(models.discriminator_output(rivera_discriminator))
print(train.GAN(rivera_generator, rivera_discriminator).form)
try:
    train.GAN(rivera_generator, rivera_discriminator, form="logits")
except ValueError as error:
    print(error)

# %% [markdown] lang="es"
# ## El entrenamiento largo
#
# El paso ya está visto; el resto es fontanería: barajar cada época, repetir el paso, guardar una cuadrícula de
# muestras, el historial y un punto de control por época. Lo hace `train.fit`, con el mismo `GAN.train_step` que
# acabamos de comprobar. Le damos un límite de **3 minutos** (`minutes=3`): termina la época en la que se agota y
# para.
#
# Cada 2 épocas mide el generador con el clasificador de la lección 01 (`metrics.make_scorer`): 1000 dígitos de
# los mismos vectores latentes cada vez, su **Inception Score** (IS, de 1 a 10, más es mejor), su **distancia de
# Fréchet** a los dígitos reales de prueba (FID, menos es mejor) y la proporción de la clase más rara (0.1 si las
# diez están igual de representadas; cerca de 0 si el generador olvida un dígito: **colapso de modos**, *mode
# collapse*). El *scorer* devuelve esos números en un `dict` y `fit` los guarda en el historial.
#
# Todo queda en una carpeta nueva `runs/06_dcgan-FECHA-HORA/`, una por ejecución (el tutorial de TensorFlow
# escribe sus PNG en la carpeta de trabajo y su GIF junta todos los `image*.png` que encuentre allí, también los de
# ejecuciones anteriores).

# %% [markdown] lang="pt"
# ## O treinamento longo
#
# O passo já foi visto; o resto é encanamento: embaralhar a cada época, repetir o passo, salvar uma grade de
# amostras, o histórico e um ponto de verificação por época. Quem faz isso é `train.fit`, com o mesmo
# `GAN.train_step` que acabamos de conferir. Damos a ele um limite de **3 minutos** (`minutes=3`): ele termina a
# época em que o tempo acaba e para.
#
# A cada 2 épocas ele mede o gerador com o classificador da lição 01 (`metrics.make_scorer`): 1000 dígitos dos
# mesmos vetores latentes a cada vez, seu **Inception Score** (IS, de 1 a 10, maior é melhor), sua **distância de
# Fréchet** aos dígitos reais de teste (FID, menor é melhor) e a proporção da classe mais rara (0.1 se as dez estão
# igualmente representadas; perto de 0 se o gerador esquece um dígito: **colapso de modos**, *mode collapse*). O
# *scorer* devolve esses números num `dict` e `fit` os guarda no histórico.
#
# Tudo fica numa pasta nova `runs/06_dcgan-DATA-HORA/`, uma por execução (o tutorial do TensorFlow escreve seus PNG
# na pasta de trabalho e seu GIF junta todos os `image*.png` que encontrar lá, inclusive os de execuções
# anteriores).

# %% tags=["nbval-ignore-output"]
scorer = metrics.make_scorer(n=1000)         # es: siempre los mismos 1000 vectores latentes
                                             # pt: sempre os mesmos 1000 vetores latentes
gc.seed_everything(0)
dcgan = train.GAN(*models.build_pair("course"), seed=0)     # es: receta del curso (Adam 5e-4 / 2e-4, β1 0.5)
                                                            # pt: receita do curso (Adam 5e-4 / 2e-4, β1 0.5)
run_dir = train.new_run_folder("runs", "06_dcgan")
history = train.fit(dcgan, images[::gc.pick(1, 20)], epochs=gc.pick(100, 2), batch_size=64, out=run_dir,
                    minutes=3, scorer=scorer, score_every=2)

# %% [markdown] lang="es"
# Cada línea de época muestra $J^{(D)}$, $J^{(G)}$ y las medias de $D(x)$ y $D(G(z))$ como probabilidades. Un
# $D(x)$ que se acerca a 1 con $D(G(z))$ cerca de 0 durante varias épocas es la primera señal de que $D$ ha ganado
# y el generador ya no aprende. Lo que quedó en la carpeta:

# %% [markdown] lang="pt"
# Cada linha de época mostra $J^{(D)}$, $J^{(G)}$ e as médias de $D(x)$ e $D(G(z))$ como probabilidades. Um
# $D(x)$ que se aproxima de 1 com $D(G(z))$ perto de 0 durante várias épocas é o primeiro sinal de que $D$ ganhou e
# o gerador já não aprende. O que ficou na pasta:

# %%
print(sorted(p.name for p in run_dir.iterdir()))
print(T("carpeta de puntos de control:",
        "pasta de pontos de verificação:"), [p.name for p in (run_dir / "checkpoints").iterdir()])

# %% tags=["nbval-ignore-output"]
print(T(f"épocas: {history['epoch'][-1]}, parada por: {history['stopped']}, "
        f"{sum(history['seconds']):.0f} s entrenando, {np.median(history['images_per_second']):.0f} imágenes/s",
        f"épocas: {history['epoch'][-1]}, parada por: {history['stopped']}, "
        f"{sum(history['seconds']):.0f} s treinando, {np.median(history['images_per_second']):.0f} imagens/s"))

# %% [markdown] lang="es"
# ### La cuadrícula de cada época
#
# Tras cada época el generador dibuja los mismos 100 vectores latentes (`dcgan.fixed_z`), en modo inferencia, y la
# cuadrícula se guarda en `samples/epoch_NNN.png`. La primera, una intermedia y la última:

# %% [markdown] lang="pt"
# ### A grade de cada época
#
# Depois de cada época o gerador desenha os mesmos 100 vetores latentes (`dcgan.fixed_z`), em modo de inferência,
# e a grade é salva em `samples/epoch_NNN.png`. A primeira, uma intermediária e a última:

# %%
last = history["epoch"][-1]
fig, axes = plt.subplots(1, 3, figsize=(9.6, 3.4))
for ax, epoch in zip(axes, [1, (last + 1) // 2, last]):
    ax.imshow(plt.imread(train.sample_path(run_dir, epoch)), cmap="gray")
    ax.set_title(f"época {epoch}")
    ax.set_axis_off()
plt.show()

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
# Y este es el GIF de una ejecución completa de `python -m gan_course train` con sus valores por defecto
# (sin red, en una CPU de 2 núcleos), guardado en `figures/dcgan_mnist.gif`:
#
# ![](../../figures/dcgan_mnist.gif)

# %% [markdown] lang="pt"
# E este é o GIF de uma execução completa de `python -m gan_course train` com seus valores padrão (sem
# internet, numa CPU de 2 núcleos), salvo em `figures/dcgan_mnist.gif`:
#
# ![](../../figures/dcgan_mnist.gif)

# %% [markdown] lang="es"
# ### Las curvas de pérdida
#
# `train.plot_history` dibuja $J^{(D)}$, $J^{(G)}$ y su suma por paso (finas) y por época (puntos). En una GAN las
# pérdidas no bajan hasta cero como en un clasificador: cada red empeora la pérdida de la otra. Lo sano es que
# oscilen alrededor de valores estables, con $J^{(D)}$ lejos de 0.

# %% [markdown] lang="pt"
# ### As curvas de perda
#
# `train.plot_history` desenha $J^{(D)}$, $J^{(G)}$ e a sua soma por passo (finas) e por época (pontos). Numa GAN
# as perdas não caem até zero como num classificador: cada rede piora a perda da outra. O saudável é que oscilem
# em torno de valores estáveis, com $J^{(D)}$ longe de 0.

# %%
train.plot_history(history)
plt.show()

# %% [markdown] lang="es"
# ### Las puntuaciones por época
#
# La línea discontinua es la referencia de los dígitos reales, medida igual: 1000 dígitos reales de entrenamiento
# contra los 1000 de prueba (la FID depende del número de imágenes, por eso se comparan con el mismo $n$).

# %% [markdown] lang="pt"
# ### As pontuações por época
#
# A linha tracejada é a referência dos dígitos reais, medida do mesmo jeito: 1000 dígitos reais de treinamento
# contra os 1000 de teste (a FID depende do número de imagens, por isso se comparam com o mesmo $n$).

# %%
reference = metrics.reference_scores(1000)
print(T(f"dígitos reales: IS {reference['inception_score']:.2f}, FID {reference['frechet_distance']:.1f}, "
        f"clase más rara {reference['rarest_share']:.1%}",
        f"dígitos reais: IS {reference['inception_score']:.2f}, FID {reference['frechet_distance']:.1f}, "
        f"classe mais rara {reference['rarest_share']:.1%}"))

# %% tags=["nbval-ignore-output"]
scored = [s["epoch"] for s in history["scores"]]
fig, axes = plt.subplots(1, 3, figsize=(11, 2.8))
for ax, key, real_value, title in zip(
        axes, ["inception_score", "frechet_distance", "rarest_share"],
        [reference["inception_score"], reference["frechet_distance"], reference["rarest_share"]],
        ["Inception Score (↑)", "FID (↓)", T("clase más rara (→ 0.1)", "classe mais rara (→ 0.1)")]):
    ax.plot(scored, [s[key] for s in history["scores"]], "o-")
    ax.axhline(real_value, color="k", ls="--", lw=1)
    ax.set_title(title)
    ax.set_xlabel("época")
fig.tight_layout()
plt.show()
for s in history["scores"]:
    print(T(f"época {s['epoch']:3d}: IS {s['inception_score']:.2f}   FID {s['frechet_distance']:6.1f}   "
            f"clase más rara {s['rarest_class']:.0f} ({s['rarest_share']:.1%})",
            f"época {s['epoch']:3d}: IS {s['inception_score']:.2f}   FID {s['frechet_distance']:6.1f}   "
            f"classe mais rara {s['rarest_class']:.0f} ({s['rarest_share']:.1%})"))

# %% [markdown] lang="es"
# ### El histograma de clases
#
# ¿Dibuja el generador los diez dígitos por igual? El clasificador etiqueta 1000 muestras; a la izquierda, la misma
# cuenta sobre los 1000 dígitos reales de prueba (la línea discontinua, a la derecha, es esa misma referencia).

# %% [markdown] lang="pt"
# ### O histograma de classes
#
# O gerador desenha os dez dígitos por igual? O classificador rotula 1000 amostras; à esquerda, a mesma contagem
# sobre os 1000 dígitos reais de teste (a linha tracejada, à direita, é essa mesma referência).

# %% tags=["nbval-ignore-output"]
judge = classifier.load_classifier()
_, (test_images, _) = classifier.held_out_split()
samples = metrics.sample(dcgan.generator, 1000, seed=0)
fig, axes = plt.subplots(1, 2, figsize=(10, 2.8))
plots.class_histogram(classifier.predict(judge, test_images), share=True, title=T("reales (prueba)", "reais (teste)"), ax=axes[0])
generated = plots.class_histogram(classifier.predict(judge, samples), share=True,
                                  reference=reference["class_shares"], title=T("generadas", "geradas"), ax=axes[1])
fig.tight_layout()
plt.show()
print(T("proporción por clase:", "proporção por classe:"), np.round(generated, 3))

# %% [markdown] lang="es"
# ## Puntos de control: reanudar en la época siguiente
#
# Cada época `train.fit` guarda un **punto de control** (*checkpoint*) con todo lo que hace falta para seguir como
# si nada: las dos redes, los dos optimizadores (los momentos de Adam), el estado del generador de ruido, los
# vectores latentes de la cuadrícula y el contador de épocas. `resume=True` restaura el último y continúa en la
# época **siguiente**; `epochs` es el total, como en Keras. El tutorial de TensorFlow, en cambio, restaura los pesos
# pero su bucle vuelve a empezar en la época 0.
#
# Lo probamos con 500 dígitos para que cada época dure segundos: 2 épocas y se «corta» la sesión.

# %% [markdown] lang="pt"
# ## Pontos de verificação: retomar na época seguinte
#
# A cada época `train.fit` salva um **ponto de verificação** (*checkpoint*) com tudo o que é preciso para seguir
# como se nada tivesse acontecido: as duas redes, os dois otimizadores (os momentos do Adam), o estado do gerador de
# ruído, os vetores latentes da grade e o contador de épocas. `resume=True` restaura o último e continua na época
# **seguinte**; `epochs` é o total, como no Keras. O tutorial do TensorFlow, ao contrário, restaura os pesos mas o
# seu laço volta a começar na época 0.
#
# Testamos com 500 dígitos para que cada época dure segundos: 2 épocas e a sessão é «cortada».

# %%
few = images[::10]                                         # es: 500 dígitos, de todas las clases
                                                           # pt: 500 dígitos, de todas as classes
resume_dir = train.new_run_folder("runs", "06_resume")
gc.seed_everything(0)
first = train.GAN(*models.build_pair("course"), seed=0)
first_history = train.fit(first, few, epochs=2, out=resume_dir, verbose=False)
print(T("épocas entrenadas:", "épocas treinadas:"), first_history["epoch"])
print(T("puntos de control:",
        "pontos de verificação:"), sorted(p.name for p in (resume_dir / "checkpoints" / "mnist_64_28_28").iterdir()))

# %% [markdown] lang="es"
# Otra sesión: redes nuevas, sin entrenar, y `resume=True` hasta un total de 3 épocas. En la terminal es
# `python -m gan_course train --resume` (o `--out CARPETA --resume`).

# %% [markdown] lang="pt"
# Outra sessão: redes novas, sem treinar, e `resume=True` até um total de 3 épocas. No terminal é
# `python -m gan_course train --resume` (ou `--out PASTA --resume`).

# %% tags=["nbval-ignore-output"]
gc.seed_everything(0)
resumed = train.GAN(*models.build_pair("course"), seed=0)
resumed_history = train.fit(resumed, few, epochs=3, out=resume_dir, resume=True)

# %% [markdown] lang="es"
# ¿Es lo mismo que no haberse interrumpido nunca? Entrenamos 3 épocas seguidas desde cero y comparamos los
# pesos: el orden de los lotes de cada época depende solo de la semilla y del número de época, y el ruido, los
# optimizadores y las estadísticas de la normalización vuelven del punto de control.

# %% [markdown] lang="pt"
# É o mesmo que nunca ter sido interrompido? Treinamos 3 épocas seguidas do zero e comparamos os pesos: a ordem
# dos lotes de cada época depende só da semente e do número da época, e o ruído, os otimizadores e as estatísticas
# da normalização voltam do ponto de verificação.

# %%
gc.seed_everything(0)
straight = train.GAN(*models.build_pair("course"), seed=0)
train.fit(straight, few, epochs=3, verbose=False)
difference = max(float(np.max(np.abs(a - b))) for a, b in zip(
    resumed.generator.get_weights() + resumed.discriminator.get_weights(),
    straight.generator.get_weights() + straight.discriminator.get_weights()))
print(T("épocas en el historial reanudado:", "épocas no histórico retomado:"), resumed_history["epoch"])
print("contador de épocas:", int(resumed.epoch.numpy()), T("   pasos de Adam:",
                                                           "   passos do Adam:"), int(resumed.d_optimizer.iterations))
print(T("reanudado == sin interrupción (diferencia < 1e-5):",
        "retomado == sem interrupção (diferença < 1e-5):"), difference < 1e-5)

# %% [markdown] lang="es"
# ## Interpolación en el espacio latente
#
# El generador es una función continua de $z$: si caminamos en línea recta de un vector latente a otro, las
# imágenes cambian poco a poco. Tomamos dos $z$ que el clasificador ve como dígitos distintos y dibujamos 10 puntos
# del segmento $z_t = (1 - t)\, z_a + t\, z_b$:

# %% [markdown] lang="pt"
# ## Interpolação no espaço latente
#
# O gerador é uma função contínua de $z$: se andarmos em linha reta de um vetor latente a outro, as imagens mudam
# pouco a pouco. Tomamos dois $z$ que o classificador vê como dígitos diferentes e desenhamos 10 pontos do segmento
# $z_t = (1 - t)\, z_a + t\, z_b$:

# %% tags=["nbval-ignore-output"]
z = metrics.latent_batch(dcgan.generator, 64, seed=3)
classes = classifier.predict(judge, dcgan.sample(z))
z_a, z_b = z[0], z[int(np.argmax(classes != classes[0]))]      # es: el primero y el primero de otra clase
                                                               # pt: o primeiro e o primeiro de outra classe
t_values = np.linspace(0.0, 1.0, 10)[:, None]
path = dcgan.sample((1.0 - t_values) * z_a + t_values * z_b)
plots.show_images(path, ncols=10, size=9)
plt.show()
print(T("clase según el clasificador:", "classe segundo o classificador:"), classifier.predict(judge, path))

# %% [markdown] lang="es"
# En medio del camino el dígito se transforma sin saltos: el generador no memorizó 5000 imágenes sueltas, sino
# que aprendió un espacio continuo. (Con $z$ gaussiano, los puntos del centro del segmento tienen norma menor que
# la típica; la interpolación esférica, *slerp*, la conserva.)

# %% [markdown] lang="pt"
# No meio do caminho o dígito se transforma sem saltos: o gerador não memorizou 5000 imagens soltas, mas
# aprendeu um espaço contínuo. (Com $z$ gaussiano, os pontos do meio do segmento têm norma menor que a típica; a
# interpolação esférica, *slerp*, a conserva.)

# %% [markdown] lang="es"
# ## Posibles mejoras (ganhacks)
#
# La lista *ganhacks* (Chintala et al., «How to Train a GAN?») reúne trucos de entrenamiento. Qué hace este curso
# con cada uno y dónde se mide:
#
# | truco (ganhacks) | en este curso | dónde se ve |
# |---|---|---|
# | 1. entradas en $[-1, 1]$, `tanh` a la salida de $G$ | sí (`data.to_float`) | celda «Los datos» |
# | 2. pérdida de $G$: maximizar $\log D(G(z))$ | sí, la no saturante (`g_loss="non_saturating"`) | lección 04 (gradientes) |
# | 3. $z$ gaussiano; interpolar con *slerp* | $z \sim \mathcal{N}(0, I)$; aquí interpolación lineal | — |
# | 4. normalización por lotes con lotes solo reales o solo falsos | sí: $D$ ve las reales y las falsas por separado | lección 05 |
# | 5. evitar gradientes dispersos: LeakyReLU, convoluciones con paso | sí (sin agrupamiento) | resumen de $D$ |
# | 6. suavizado de etiquetas (*label smoothing*) | opción `label_smoothing` (unilateral), apagada | no medido aquí |
# | 9. Adam | sí, $\beta_1 = 0.5$ | — |
# | 10. detectar fallos pronto ($J^{(D)} \to 0$) | $D(x)$, $D(G(z))$ por época; IS, FID y clase más rara cada 2 épocas | celdas de arriba |
# | 12. usar las etiquetas si las hay (GAN condicional) | no: el generador no recibe la clase | — |
# | 14. entrenar más al discriminador (a veces) | no; la opción `g_steps` hace lo contrario, más pasos de $G$ (como carpedm20) | no medido aquí |
#
# En una CPU de 2 núcleos lo que más pesa es cuántos pasos caben en el tiempo disponible: un modelo más ancho hace
# más cuentas por imagen y da menos pasos por minuto. La celda siguiente lo mide en esta máquina, con el paso de la
# biblioteca y lotes de 64: el modelo del curso (`width=64`: $G$ con 128 → 64 filtros, $D$ con 64 → 128) contra el
# mismo modelo con el doble de filtros (`width=128`).

# %% [markdown] lang="pt"
# ## Possíveis melhorias (ganhacks)
#
# A lista *ganhacks* (Chintala et al., «How to Train a GAN?») reúne truques de treinamento. O que este curso faz
# com cada um e onde é medido:
#
# | truque (ganhacks) | neste curso | onde se vê |
# |---|---|---|
# | 1. entradas em $[-1, 1]$, `tanh` na saída de $G$ | sim (`data.to_float`) | célula «Os dados» |
# | 2. perda de $G$: maximizar $\log D(G(z))$ | sim, a não saturante (`g_loss="non_saturating"`) | lição 04 (gradientes) |
# | 3. $z$ gaussiano; interpolar com *slerp* | $z \sim \mathcal{N}(0, I)$; aqui interpolação linear | — |
# | 4. normalização em lote com lotes só reais ou só falsos | sim: $D$ vê as reais e as falsas separadamente | lição 05 |
# | 5. evitar gradientes esparsos: LeakyReLU, convoluções com passo | sim (sem agrupamento) | resumo de $D$ |
# | 6. suavização de rótulos (*label smoothing*) | opção `label_smoothing` (unilateral), desligada | não medido aqui |
# | 9. Adam | sim, $\beta_1 = 0.5$ | — |
# | 10. detectar falhas cedo ($J^{(D)} \to 0$) | $D(x)$, $D(G(z))$ por época; IS, FID e classe mais rara a cada 2 épocas | células acima |
# | 12. usar os rótulos se houver (GAN condicional) | não: o gerador não recebe a classe | — |
# | 14. treinar mais o discriminador (às vezes) | não; a opção `g_steps` faz o contrário, mais passos de $G$ (como carpedm20) | não medido aqui |
#
# Numa CPU de 2 núcleos o que mais pesa é quantos passos cabem no tempo disponível: um modelo mais largo faz mais
# contas por imagem e dá menos passos por minuto. A célula seguinte mede isso nesta máquina, com o passo da
# biblioteca e lotes de 64: o modelo do curso (`width=64`: $G$ com 128 → 64 filtros, $D$ com 64 → 128) contra o
# mesmo modelo com o dobro de filtros (`width=128`).

# %% tags=["nbval-ignore-output"]
gc.seed_everything(0)
candidates = {width: train.GAN(*models.build_pair("dcgan", kernel_size=4, width=width)) for width in (64, 128)}
batch = x[::78][:64]                                   # es: 64 dígitos de todas las clases
                                                       # pt: 64 dígitos de todas as classes
steps = gc.pick(10, 1)
speed = {width: 0.0 for width in candidates}
for _ in range(3):                                     # es: rondas alternadas: la misma carga para los dos
                                                       # pt: rodadas alternadas: a mesma carga para os dois
    for width, candidate in candidates.items():
        candidate.train_step(batch)                    # es: (la primera vez traza la función)
                                                       # pt: (na primeira vez traça a função)
        start = time.perf_counter()
        for _ in range(steps):
            candidate.train_step(batch)["d_loss"].numpy()
        speed[width] = max(speed[width], steps * len(batch) / (time.perf_counter() - start))
for width, candidate in candidates.items():
    print(T(f"width={width:3d}: G con {candidate.generator.count_params():9,d} parámetros, {speed[width]:5.0f} imágenes/s",
            f"width={width:3d}: G com {candidate.generator.count_params():9,d} parâmetros, {speed[width]:5.0f} imagens/s"))
print(T(f"el modelo del curso da {speed[64] / speed[128]:.1f} veces más pasos por minuto",
        f"o modelo do curso dá {speed[64] / speed[128]:.1f} vezes mais passos por minuto"))

# %% [markdown] lang="es"
# Si el modelo ancho aprende lo bastante más en cada paso como para compensarlo solo se sabe comparando la
# calidad (IS, FID) con el mismo tiempo de CPU. Tampoco están medidos todavía en este curso los remedios para pocos
# datos (5000 imágenes es poco para una GAN): aumentar las imágenes reales y falsas antes de $D$ (*DiffAugment*,
# ADA), una media móvil de los pesos de $G$, penalizar el gradiente de $D$ (R1) o la normalización espectral. Cada
# uno se compara con la receta del curso con el mismo tiempo de CPU y con varias semillas: una sola ejecución de 3
# minutos no basta para decidir.

# %% [markdown] lang="pt"
# Se o modelo largo aprende o bastante a mais em cada passo para compensar só se sabe comparando a qualidade
# (IS, FID) com o mesmo tempo de CPU. Também ainda não estão medidos neste curso os remédios para poucos dados (5000
# imagens é pouco para uma GAN): aumentar as imagens reais e falsas antes de $D$ (*DiffAugment*, ADA), uma média
# móvel dos pesos de $G$, penalizar o gradiente de $D$ (R1) ou a normalização espectral. Cada um se compara com a
# receita do curso com o mesmo tempo de CPU e várias sementes: uma única execução de 3 minutos não basta para
# decidir.

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
# | `save()` / `load()` con un `Saver` en `checkpoint_dir/model_dir`, `model_dir = "{dataset}_{batch_size}_{output_height}_{output_width}"`; `load` devuelve el contador de pasos, pero el bucle de épocas empieza otra vez en 0 | `train.model_dir` (aquí `mnist_64_28_28`) y un `tf.train.CheckpointManager` en `fit`; `resume=True` restaura redes, optimizadores, ruido y **época** |
# | `utils.py`: leer imágenes, `merge` / `save_images`, GIF | `data.load_mnist`, `data.load_image_folder`, `gif.image_grid`, `gif.write_gif` |
# | resúmenes de TensorBoard (`d_loss`, `g_loss`, histogramas) | `fit(..., tensorboard=True)` → `logs/` |
#
# Dos diferencias de fondo: con `dataset=mnist` el modelo de carpedm20 es **condicional** (recibe la clase del
# dígito, `y_dim=10`), el nuestro no; y su discriminador devuelve la sigmoide y además los logits, y las pérdidas
# usan los logits: la forma correcta.

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
# | `save()` / `load()` com um `Saver` em `checkpoint_dir/model_dir`, `model_dir = "{dataset}_{batch_size}_{output_height}_{output_width}"`; `load` devolve o contador de passos, mas o laço de épocas começa de novo em 0 | `train.model_dir` (aqui `mnist_64_28_28`) e um `tf.train.CheckpointManager` em `fit`; `resume=True` restaura redes, otimizadores, ruído e **época** |
# | `utils.py`: ler imagens, `merge` / `save_images`, GIF | `data.load_mnist`, `data.load_image_folder`, `gif.image_grid`, `gif.write_gif` |
# | resumos do TensorBoard (`d_loss`, `g_loss`, histogramas) | `fit(..., tensorboard=True)` → `logs/` |
#
# Duas diferenças de fundo: com `dataset=mnist` o modelo de carpedm20 é **condicional** (recebe a classe do dígito,
# `y_dim=10`), o nosso não; e o seu discriminador devolve a sigmoide e também os logits, e as perdas usam os logits:
# a forma correta.

# %%
print(train.model_dir("mnist", 64, (28, 28, 1)))
print(train.GAN(*models.build_pair("course"), g_steps=2).settings)

# %% [markdown] lang="es"
# ## Ejercicios
#
# Escribe tu respuesta en lugar de `None` y ejecuta la celda.

# %% [markdown] lang="pt"
# ## Exercícios
#
# Escreva sua resposta no lugar de `None` e execute a célula.

# %%
# es: 1. Parámetros entrenables del discriminador del curso
# pt: 1. Parâmetros treináveis do discriminador do curso
answer = None  # es: tu respuesta | pt: sua resposta
gc.exercises.check("06.1", answer)

# %%
# es: 2. Forma de la salida de la capa up_1 del generador
# pt: 2. Formato da saída da camada up_1 do gerador
answer = None  # es: tu respuesta, p. ej. (alto, ancho, canales) | pt: sua resposta, p. ex. (altura, largura, canais)
gc.exercises.check("06.2", answer)

# %%
# es: 3. J(G) no saturante cuando D(G(z)) = 0.5
# pt: 3. J(G) não saturante quando D(G(z)) = 0.5
answer = None  # es: tu respuesta | pt: sua resposta
gc.exercises.check("06.3", answer)

# %%
# es: 4. from_logits=True sobre una probabilidad D(x) = 1.0
# pt: 4. from_logits=True sobre uma probabilidade D(x) = 1.0
answer = None  # es: tu respuesta | pt: sua resposta
gc.exercises.check("06.4", answer)

# %%
# es: 5. Pasos de entrenamiento por época
# pt: 5. Passos de treinamento por época
answer = None  # es: tu respuesta | pt: sua resposta
gc.exercises.check("06.5", answer)

# %%
# es: 6. Épocas que entrena resume=True
# pt: 6. Épocas que resume=True treina
answer = None  # es: tu respuesta, una lista | pt: sua resposta, uma lista
gc.exercises.check("06.6", answer)

# %%
# es: 7. Nombre de la carpeta de puntos de control (model_dir)
# pt: 7. Nome da pasta de pontos de verificação (model_dir)
answer = None  # es: tu respuesta, un texto | pt: sua resposta, um texto
gc.exercises.check("06.7", answer)
