"""Lesson 04: the source of both notebooks named in NAMES. Format: see tools/nbbuild.py."""
from _lang import T

NAMES = {"es": "04_objetivo_gan", "pt": "04_objetivo_gan"}

# %% [markdown] lang="es"
# # El objetivo de la GAN
#
# Todas las presentaciones de las GAN escriben el mismo **juego minimax** (*minimax game*)
#
# $$\min_G \max_D \; V(D, G) = \mathbb{E}_{x \sim p_{data}}\left[\log D(x)\right] + \mathbb{E}_{z \sim p_z}\left[\log\left(1 - D(G(z))\right)\right]$$
#
# y enseguida dicen que, en la práctica, el generador no minimiza $\log(1 - D(G(z)))$ sino $-\log D(G(z))$ «porque
# la original se satura». Esta lección lo **muestra**, con números que puedes comprobar.

# %% [markdown] lang="es"
# ### En esta lección
#
# 1. qué es un modelo generativo, qué tiene que ver con la máxima verosimilitud y en qué se diferencia una GAN de
#    un VAE;
# 2. los dos jugadores (el diagrama de bloques), la función objetivo y el algoritmo de entrenamiento de Goodfellow
#    et al. (2014);
# 3. la saturación: las dos pérdidas del generador y sus gradientes, a mano y con `tf.GradientTape`;
# 4. el discriminador óptimo $D^*$ y por qué $V(D^*, G) = -\log 4 + 2\cdot\mathrm{JSD}(p_{data} \,\|\, p_g)$,
#    deducido y verificado numéricamente;
# 5. una GAN en una dimensión que entrena en segundos, su animación y el colapso de modos, medido;
# 6. las variantes más conocidas en dos tablas.
#
# Las funciones están en `gan_course/objective.py` y `gan_course/gan1d.py`, comprobadas en `tests/`.

# %% [markdown] lang="pt"
# # O objetivo da GAN
#
# Todas as apresentações das GAN escrevem o mesmo **jogo minimax** (*minimax game*)
#
# $$\min_G \max_D \; V(D, G) = \mathbb{E}_{x \sim p_{data}}\left[\log D(x)\right] + \mathbb{E}_{z \sim p_z}\left[\log\left(1 - D(G(z))\right)\right]$$
#
# e logo em seguida dizem que, na prática, o gerador não minimiza $\log(1 - D(G(z)))$, e sim $-\log D(G(z))$,
# “porque a original satura”. Esta lição **mostra** isso, com números que você pode conferir.

# %% [markdown] lang="pt"
# ### Nesta lição
#
# 1. o que é um modelo generativo, o que ele tem a ver com a máxima verossimilhança e em que uma GAN difere de um
#    VAE;
# 2. os dois jogadores (o diagrama de blocos), a função objetivo e o algoritmo de treinamento de Goodfellow et al.
#    (2014);
# 3. a saturação: as duas perdas do gerador e seus gradientes, à mão e com `tf.GradientTape`;
# 4. o discriminador ótimo $D^*$ e por que $V(D^*, G) = -\log 4 + 2\cdot\mathrm{JSD}(p_{data} \,\|\, p_g)$,
#    deduzido e verificado numericamente;
# 5. uma GAN em uma dimensão que treina em segundos, sua animação e o colapso de modos, medido;
# 6. as variantes mais conhecidas em duas tabelas.
#
# As funções estão em `gan_course/objective.py` e `gan_course/gan1d.py`, conferidas em `tests/`.

# %% slideshow={"slide_type": "skip"}
import math
import pathlib

import numpy as np
import matplotlib.pyplot as plt
import gan_course as gc
from gan_course import gan1d, gan_diagram, gif, keras, losses, objective, tf

gc.setup(T("es", "pt"))  # es: idioma, semillas, TensorFlow silencioso | pt: idioma, sementes, TensorFlow silencioso

# %% [markdown] lang="es" slideshow={"slide_type": "notes"}
# Para abrir, pregunta a la clase: «si tuvierais que generar dígitos nuevos, ¿qué preferiríais tener: una fórmula
# de la probabilidad de cada imagen o una máquina que saca imágenes?». La GAN elige la máquina; la máxima
# verosimilitud necesita la fórmula. Esa diferencia explica por qué hace falta un segundo jugador.

# %% [markdown] lang="pt" slideshow={"slide_type": "notes"}
# Para abrir, pergunte à turma: “se vocês tivessem de gerar dígitos novos, o que prefeririam ter: uma fórmula da
# probabilidade de cada imagem ou uma máquina que tira imagens?”. A GAN escolhe a máquina; a máxima verossimilhança
# precisa da fórmula. Essa diferença explica por que é preciso um segundo jogador.

# %% [markdown] lang="es"
# ## Modelos generativos y máxima verosimilitud
#
# Un **modelo generativo** (*generative model*) aprende, a partir de muestras $x_1, \dots, x_n$, una distribución
# $p_{model}$ parecida a la de los datos, $p_{data}$, para luego **producir** muestras nuevas. La receta clásica es la
# **máxima verosimilitud** (*maximum likelihood*): elegir los parámetros $\theta$ que hacen más probables los datos,
#
# $$\theta^* = \arg\max_\theta \; \frac{1}{n}\sum_{i=1}^{n} \log p_{model}(x_i;\, \theta).$$
#
# Con muchas muestras, ese promedio tiende a $-H(p_{data}) - \mathrm{KL}(p_{data} \,\|\, p_{model})$: maximizar la
# verosimilitud es **minimizar la divergencia de Kullback-Leibler** (*Kullback-Leibler divergence*).
#
# Para eso hay que poder *escribir* $p_{model}(x)$, una **densidad de probabilidad** (*probability density*)
# explícita. Una GAN no la escribe nunca: solo sabe **muestrear**, $x = G(z)$ a partir de un **ruido** (*noise*) $z$.
# Es un modelo de densidad **implícita**, y por eso necesita otra forma de medir cuánto se parece a los datos: un
# segundo jugador. Primero, la receta clásica en el caso más simple: una gaussiana de $\sigma = 0.5$; buscamos $\mu$.

# %% [markdown] lang="pt"
# ## Modelos generativos e máxima verossimilhança
#
# Um **modelo generativo** (*generative model*) aprende, a partir de amostras $x_1, \dots, x_n$, uma distribuição
# $p_{model}$ parecida com a dos dados, $p_{data}$, para depois **produzir** amostras novas. A receita clássica é a
# **máxima verossimilhança** (*maximum likelihood*): escolher os parâmetros $\theta$ que tornam os dados mais prováveis,
#
# $$\theta^* = \arg\max_\theta \; \frac{1}{n}\sum_{i=1}^{n} \log p_{model}(x_i;\, \theta).$$
#
# Com muitas amostras, essa média tende a $-H(p_{data}) - \mathrm{KL}(p_{data} \,\|\, p_{model})$: maximizar a
# verossimilhança é **minimizar a divergência de Kullback-Leibler** (*Kullback-Leibler divergence*).
#
# Para isso é preciso poder *escrever* $p_{model}(x)$, uma **densidade de probabilidade** (*probability density*)
# explícita. Uma GAN nunca a escreve: ela só sabe **amostrar**, $x = G(z)$ a partir de um **ruído** (*noise*) $z$. É
# um modelo de densidade **implícita** e, por isso, precisa de outra forma de medir o quanto se parece com os dados:
# um segundo jogador. Antes, a receita clássica no caso mais simples: uma gaussiana de $\sigma = 0{,}5$; procuramos
# $\mu$.

# %%
samples = objective.Mixture1D((2.0,), (0.5,)).sample(500, seed=0)   # es: 500 muestras de N(2, 0.5²)
                                                                    # pt: 500 amostras de N(2, 0.5²)
mus = np.linspace(0.0, 4.0, 401)
log_likelihood = [objective.gaussian_log_likelihood(samples, mu, 0.5) for mu in mus]
print(T("μ que maximiza la verosimilitud:",
        "μ que maximiza a verossimilhança:"), round(float(mus[np.argmax(log_likelihood)]), 2))
print(T("media de las muestras:          ", "média das amostras:              "), round(float(samples.mean()), 2))

# %% [markdown] lang="es"
# ### VAE y GAN
#
# Para una gaussiana, el $\mu$ de máxima verosimilitud es la media de las muestras (`objective.gaussian_mle`). Para
# imágenes de 784 píxeles no hay fórmula, y dos familias de redes la esquivan de formas distintas:
#
# | | VAE (Kingma y Welling, 2014) | GAN (Goodfellow et al., 2014) |
# |---|---|---|
# | optimiza | una cota inferior de $\log p_{model}(x)$ (ELBO): reconstruir $x$ desde su código $z$, más un término KL que acerca los códigos a $\mathcal{N}(0, I)$ | el juego minimax contra $D$; con el $D$ óptimo, la JSD (más abajo) |
# | redes | codificador y decodificador | generador y discriminador |
# | da además | un $z$ para cada imagen, una cota de la verosimilitud | solo muestras |
# | dibuja | muestras que cubren los datos, a menudo borrosas | muestras nítidas que pueden dejar modos fuera |
#
# La última fila se ve ya en una dimensión: **una** gaussiana ajustada a datos con dos picos, por máxima
# verosimilitud (la dirección $\mathrm{KL}(p_{data} \,\|\, p_{model})$ que persigue el VAE) o por la mínima JSD
# (la del juego con $D$ óptimo). Es un juguete: muestra hacia dónde empuja cada divergencia, no un VAE entrenado.

# %% [markdown] lang="pt"
# ### VAE e GAN
#
# Para uma gaussiana, o $\mu$ de máxima verossimilhança é a média das amostras (`objective.gaussian_mle`). Para
# imagens de 784 pixels não há fórmula, e duas famílias de redes contornam isso de jeitos diferentes:
#
# | | VAE (Kingma e Welling, 2014) | GAN (Goodfellow et al., 2014) |
# |---|---|---|
# | otimiza | uma cota inferior de $\log p_{model}(x)$ (ELBO): reconstruir $x$ a partir do seu código $z$, mais um termo KL que aproxima os códigos de $\mathcal{N}(0, I)$ | o jogo minimax contra $D$; com o $D$ ótimo, a JSD (mais adiante) |
# | redes | codificador e decodificador | gerador e discriminador |
# | dá também | um $z$ para cada imagem, uma cota da verossimilhança | só amostras |
# | desenha | amostras que cobrem os dados, muitas vezes borradas | amostras nítidas que podem deixar modos de fora |
#
# A última linha já aparece em uma dimensão: **uma** gaussiana ajustada a dados com dois picos, por máxima
# verossimilhança (a direção $\mathrm{KL}(p_{data} \,\|\, p_{model})$ que o VAE persegue) ou pela mínima JSD (a
# do jogo com $D$ ótimo). É um brinquedo: mostra para onde cada divergência empurra, não um VAE treinado.

# %% slideshow={"slide_type": "subslide"}
bimodal = objective.Mixture1D((0.0, 6.0), (0.5, 0.5))
grid = objective.integration_grid(bimodal.means, bimodal.stds)
p_peaks = bimodal.pdf(grid)
fits = {T("máxima verosimilitud", "máxima verossimilhança"): objective.gaussian_mle(bimodal.sample(2000, seed=0))}
candidates = [(m, s) for m in np.linspace(-1.0, 7.0, 33) for s in np.linspace(0.25, 4.0, 16)]
fits[T("mínima JSD", "mínima JSD")] = min(
    candidates, key=lambda fit: objective.js_divergence(p_peaks, objective.gaussian_pdf(grid, *fit), grid))
print(T("ajuste                   μ     σ      KL    JSD | pico 0  pico 6  ninguno",
        "ajuste                   μ     σ      KL    JSD | pico 0  pico 6  nenhum"))
for name, (mu, sigma) in fits.items():
    q = objective.gaussian_pdf(grid, mu, sigma)
    shares = objective.mode_coverage(np.random.default_rng(1).normal(mu, sigma, 1000), bimodal)
    print(f"{name:22s} {mu:5.2f} {sigma:5.2f} {objective.kl_divergence(p_peaks, q, grid):7.2f} "
          f"{objective.js_divergence(p_peaks, q, grid):6.3f} | " + "  ".join(f"{s:6.0%}" for s in shares))

# %% [markdown] lang="es"
# La máxima verosimilitud pone la campana entre los picos ($\sigma \approx 3$): cubre los dos, pero dos tercios de
# sus muestras caen donde no hay datos, la versión en 1-D de una imagen borrosa. La mínima JSD se queda con un pico
# entero y deja el otro vacío: nítida, con un modo fuera; su KL es enorme, porque la máxima verosimilitud castiga sin
# piedad cada dato que el modelo no cubre. Con redes de verdad ni el VAE ni la GAN llegan a estos extremos.

# %% [markdown] lang="pt"
# A máxima verossimilhança põe o sino entre os picos ($\sigma \approx 3$): cobre os dois, mas dois terços das
# amostras caem onde não há dados, a versão em 1-D de uma imagem borrada. A mínima JSD fica com um pico inteiro e
# deixa o outro vazio: nítida, com um modo de fora; o seu KL é enorme, porque a máxima verossimilhança pune sem dó
# cada dado que o modelo não cobre. Com redes de verdade nem o VAE nem a GAN chegam a esses extremos.

# %% [markdown] lang="es"
# ## Los dos jugadores
#
# - El **generador** (*generator*) $G$ recibe un **vector latente** (*latent vector*) $z$ —ruido, aquí
#   $z \sim \mathcal{N}(0, I)$— y devuelve una muestra $G(z)$. Sus muestras siguen una distribución $p_g$ que nadie
#   escribe: solo existe a través de $G$.
# - El **discriminador** (*discriminator*) $D$ recibe una muestra $x$ y devuelve $D(x) \in (0, 1)$: **la
#   probabilidad de que $x$ sea real** (*real*), es decir, de que venga de los datos y no del generador. $D(x)
#   \approx 1$: «real»; $D(x) \approx 0$: «falsa» (*fake*).
#
# $D$ quiere acertar; $G$ quiere que $D$ se equivoque y llame «real» a lo que él fabrica. En el curso, $D$ termina
# en una capa lineal que da un **logit** $a$, y $D(x) = \sigma(a) = 1/(1 + e^{-a})$. $G$ nunca ve un dato real: solo
# aprende del gradiente que le llega a través de $D$. El diagrama de bloques (`gan_diagram.plot_gan`):

# %% [markdown] lang="pt"
# ## Os dois jogadores
#
# - O **gerador** (*generator*) $G$ recebe um **vetor latente** (*latent vector*) $z$ — ruído, aqui
#   $z \sim \mathcal{N}(0, I)$ — e devolve uma amostra $G(z)$. Suas amostras seguem uma distribuição $p_g$ que
#   ninguém escreve: ela só existe através de $G$.
# - O **discriminador** (*discriminator*) $D$ recebe uma amostra $x$ e devolve $D(x) \in (0, 1)$: **a probabilidade
#   de que $x$ seja real** (*real*), isto é, de que venha dos dados e não do gerador. $D(x) \approx 1$: “real”;
#   $D(x) \approx 0$: “falsa” (*fake*).
#
# $D$ quer acertar; $G$ quer que $D$ erre e chame de “real” o que ele fabrica. No curso, $D$ termina numa camada
# linear que dá um **logit** $a$, e $D(x) = \sigma(a) = 1/(1 + e^{-a})$. $G$ nunca vê um dado real: só aprende pelo
# gradiente que chega até ele através de $D$. O diagrama de blocos (`gan_diagram.plot_gan`):

# %%
gan_diagram.plot_gan()
plt.show()

# %% [markdown] lang="es"
# ## La función objetivo
#
# La **función objetivo** (*objective function*, *value function*) del juego es
#
# $$V(D, G) = \mathbb{E}_{x \sim p_{data}}\left[\log D(x)\right] + \mathbb{E}_{z \sim p_z}\left[\log\left(1 - D(G(z))\right)\right].$$
#
# - $D$ la **maximiza**: quiere $D(x) \to 1$ en las muestras reales (primer término $\to 0$) y $D(G(z)) \to 0$ en
#   las falsas (segundo término $\to 0$). $V \le 0$ siempre.
# - $G$ la **minimiza**: solo aparece en el segundo término, y quiere $D(G(z)) \to 1$.

# %% [markdown] lang="pt"
# ## A função objetivo
#
# A **função objetivo** (*objective function*, *value function*) do jogo é
#
# $$V(D, G) = \mathbb{E}_{x \sim p_{data}}\left[\log D(x)\right] + \mathbb{E}_{z \sim p_z}\left[\log\left(1 - D(G(z))\right)\right].$$
#
# - $D$ a **maximiza**: quer $D(x) \to 1$ nas amostras reais (primeiro termo $\to 0$) e $D(G(z)) \to 0$ nas falsas
#   (segundo termo $\to 0$). $V \le 0$ sempre.
# - $G$ a **minimiza**: ele só aparece no segundo termo, e quer $D(G(z)) \to 1$.

# %% [markdown] lang="es"
# ### La pérdida del discriminador es entropía cruzada binaria
#
# Con la etiqueta $y = 1$ para «real» y $y = 0$ para «falsa», la **entropía cruzada binaria** (*binary
# cross-entropy*) de una predicción $D$ es $-[y \log D + (1 - y)\log(1 - D)]$: vale $-\log D(x)$ en una muestra real
# y $-\log(1 - D(G(z)))$ en una falsa. Promediada sobre un lote de cada tipo, es exactamente $-V$: **maximizar $V$
# es minimizar la pérdida del discriminador**, $J^{(D)} = -V$.

# %% [markdown] lang="pt"
# ### A perda do discriminador é entropia cruzada binária
#
# Com o rótulo $y = 1$ para “real” e $y = 0$ para “falsa”, a **entropia cruzada binária** (*binary cross-entropy*)
# de uma previsão $D$ é $-[y \log D + (1 - y)\log(1 - D)]$: vale $-\log D(x)$ numa amostra real e
# $-\log(1 - D(G(z)))$ numa falsa. Com a média sobre um lote de cada tipo, é exatamente $-V$: **maximizar $V$ é
# minimizar a perda do discriminador**, $J^{(D)} = -V$.

# %%
d_real = np.array([0.9, 0.8, 0.6])   # es: D(x) en tres muestras reales | pt: D(x) em três amostras reais
d_fake = np.array([0.3, 0.1, 0.2])   # es: D(G(z)) en tres muestras falsas | pt: D(G(z)) em três amostras falsas

value_by_hand = np.mean(np.log(d_real)) + np.mean(np.log(1 - d_fake))
bce = keras.losses.BinaryCrossentropy()
value_keras = -(float(bce(np.ones(3), d_real)) + float(bce(np.zeros(3), d_fake)))
value_losses = -float(losses.discriminator_loss(d_real, d_fake, form="probability"))
print(T("V a mano:", "V à mão:"), round(float(value_by_hand), 4), "| objective.value_function:",
      round(objective.value_function(d_real, d_fake), 4))
print(T("−(entropía cruzada binaria de Keras) igual a V:",
        "−(entropia cruzada binária do Keras) igual a V:"), math.isclose(value_keras, value_by_hand, abs_tol=1e-5))
print("−losses.discriminator_loss igual a V:", math.isclose(value_losses, value_by_hand, abs_tol=1e-5))

# %% [markdown] lang="es"
# ### Las dos mitades de la pérdida
#
# En función de la salida $t$ de $D$: $-\log t$ castiga a $D$ cuando llama «falsa» a una muestra real ($t \to 0$);
# $-\log(1 - t)$ lo castiga cuando llama «real» a una falsa ($t \to 1$). Las dos crecen sin límite: equivocarse con
# mucha seguridad cuesta muchísimo.

# %% [markdown] lang="pt"
# ### As duas metades da perda
#
# Em função da saída $t$ de $D$: $-\log t$ pune $D$ quando ele chama de “falsa” uma amostra real ($t \to 0$);
# $-\log(1 - t)$ o pune quando ele chama de “real” uma falsa ($t \to 1$). As duas crescem sem limite: errar com
# muita segurança custa caríssimo.

# %%
objective.plot_log_terms()
plt.show()

# %% [markdown] lang="es"
# ## El algoritmo de entrenamiento
#
# El algoritmo 1 de Goodfellow et al. (2014) alterna los dos jugadores con **descenso / ascenso de gradiente**
# (*gradient descent / ascent*) sobre minilotes (*mini-batches*) de $m$ muestras. En cada **paso de entrenamiento**
# (*training step*):
#
# 1. repetir $k$ veces: tomar $m$ vectores de ruido $z^{(i)}$ y $m$ muestras reales $x^{(i)}$, y actualizar $D$
#    **subiendo** por el gradiente de $\frac{1}{m}\sum_i \left[\log D(x^{(i)}) + \log(1 - D(G(z^{(i)})))\right]$
#    (es decir, bajando por el de $J^{(D)} = -V$);
# 2. tomar $m$ vectores de ruido nuevos y actualizar $G$ **bajando** por el gradiente de
#    $\frac{1}{m}\sum_i \log(1 - D(G(z^{(i)})))$ —o, en la práctica, de $-\frac{1}{m}\sum_i \log D(G(z^{(i)}))$,
#    la versión no saturante que veremos enseguida—.
#
# En sus experimentos, el artículo usa $k = 1$, la opción más barata.

# %% [markdown] lang="pt"
# ## O algoritmo de treinamento
#
# O algoritmo 1 de Goodfellow et al. (2014) alterna os dois jogadores com **descida / subida de gradiente**
# (*gradient descent / ascent*) sobre minilotes (*mini-batches*) de $m$ amostras. Em cada **passo de treinamento**
# (*training step*):
#
# 1. repetir $k$ vezes: pegar $m$ vetores de ruído $z^{(i)}$ e $m$ amostras reais $x^{(i)}$, e atualizar $D$
#    **subindo** pelo gradiente de $\frac{1}{m}\sum_i \left[\log D(x^{(i)}) + \log(1 - D(G(z^{(i)})))\right]$
#    (isto é, descendo pelo de $J^{(D)} = -V$);
# 2. pegar $m$ vetores de ruído novos e atualizar $G$ **descendo** pelo gradiente de
#    $\frac{1}{m}\sum_i \log(1 - D(G(z^{(i)})))$ — ou, na prática, de $-\frac{1}{m}\sum_i \log D(G(z^{(i)}))$, a
#    versão não saturante que veremos logo a seguir.
#
# Nos seus experimentos, o artigo usa $k = 1$, a opção mais barata.

# %% [markdown] lang="es"
# ### El paso con `tf.GradientTape`
#
# Con logits, $\log D = \log\sigma(a)$ y $\log(1 - D) = \log\sigma(-a)$, que `tf.math.log_sigmoid` calcula sin
# desbordarse:

# %% [markdown] lang="pt"
# ### O passo com `tf.GradientTape`
#
# Com logits, $\log D = \log\sigma(a)$ e $\log(1 - D) = \log\sigma(-a)$, que `tf.math.log_sigmoid` calcula sem
# estourar:

# %%
def train_step_by_hand(gan):
    G, D = gan.generator, gan.discriminator
    for _ in range(gan.k):                                   # es: 1. k pasos del discriminador
                                                             # pt: 1. k passos do discriminador
        x_real = gan.sample_data(gan.batch_size)
        z = gan.sample_noise(gan.batch_size)
        with tf.GradientTape() as tape:
            real_logits = D(x_real, training=True)
            fake_logits = D(G(z, training=True), training=True)
            d_loss = -(tf.reduce_mean(tf.math.log_sigmoid(real_logits))      # −V
                       + tf.reduce_mean(tf.math.log_sigmoid(-fake_logits)))
        grads = tape.gradient(d_loss, D.trainable_variables)
        gan.d_optimizer.apply_gradients(zip(grads, D.trainable_variables))
    z = gan.sample_noise(gan.batch_size)                     # es: 2. un paso del generador | pt: 2. um passo do gerador
    with tf.GradientTape() as tape:
        fake_logits = D(G(z, training=True), training=True)
        g_loss = -tf.reduce_mean(tf.math.log_sigmoid(fake_logits))          # −log D(G(z))
    grads = tape.gradient(g_loss, G.trainable_variables)
    gan.g_optimizer.apply_gradients(zip(grads, G.trainable_variables))
    return d_loss, g_loss

# %% [markdown] lang="es"
# ### El mismo paso en la biblioteca
#
# `GAN1D.train_step` es ese mismo paso dentro de la biblioteca. Dos GAN con la misma **semilla** (*seed*) empiezan
# con los mismos pesos y sacan los mismos lotes; entrenamos una con nuestro paso y otra con el de la biblioteca, con
# $k = 2$:

# %% [markdown] lang="pt"
# ### O mesmo passo na biblioteca
#
# `GAN1D.train_step` é esse mesmo passo dentro da biblioteca. Duas GAN com a mesma **semente** (*seed*) começam com
# os mesmos pesos e tiram os mesmos lotes; treinamos uma com o nosso passo e a outra com o da biblioteca, com
# $k = 2$:

# %%
gan_a = gan1d.GAN1D("gaussian", k=2, seed=1)
gan_b = gan1d.GAN1D("gaussian", k=2, seed=1)
step_a = tf.function(lambda: train_step_by_hand(gan_a))
for _ in range(20):
    step_a()
    gan_b.train_step()
weights_a = gan_a.generator.get_weights() + gan_a.discriminator.get_weights()
weights_b = gan_b.generator.get_weights() + gan_b.discriminator.get_weights()
print(T("mismos pesos tras 20 pasos:",
        "mesmos pesos após 20 passos:"), all(np.allclose(a, b, atol=1e-6) for a, b in zip(weights_a, weights_b)))
print(T("actualizaciones de D:",
        "atualizações de D:"), int(gan_b.d_optimizer.iterations), "| de G:", int(gan_b.g_optimizer.iterations))

# %% [markdown] lang="es"
# ## Minimax contra no saturante
#
# Llamemos $t = D(G(z)) = \sigma(a)$ a lo que el discriminador dice de una muestra falsa. El generador tiene dos
# pérdidas posibles:
#
# | pérdida del generador | fórmula | $\partial L / \partial t$ | $\partial L / \partial a$ (con $\tfrac{dt}{da} = t(1-t)$) |
# |---|---|---|---|
# | **minimax**, la del juego, que se **satura** (*saturating loss*) | $\log(1 - t)$ | $-\dfrac{1}{1 - t}$ | $-t$ |
# | **no saturante** (*non-saturating loss*) | $-\log t$ | $-\dfrac{1}{t}$ | $t - 1$ |
#
# Las dos llevan al mismo sitio (las dos bajan cuando $t \to 1$, cuando $D$ acepta las falsas). La diferencia está
# al **principio** del entrenamiento: el generador todavía produce basura y $D$ la rechaza con seguridad,
# $t \approx 0$. Entonces el gradiente que la pérdida minimax manda hacia atrás por el logit es $-t \approx 0$: el
# generador aprende muy despacio justo cuando más lo necesita. La no saturante manda $t - 1 \approx -1$.

# %% [markdown] lang="pt"
# ## Minimax contra não saturante
#
# Chamemos de $t = D(G(z)) = \sigma(a)$ o que o discriminador diz de uma amostra falsa. O gerador tem duas perdas
# possíveis:
#
# | perda do gerador | fórmula | $\partial L / \partial t$ | $\partial L / \partial a$ (com $\tfrac{dt}{da} = t(1-t)$) |
# |---|---|---|---|
# | **minimax**, a do jogo, que **satura** (*saturating loss*) | $\log(1 - t)$ | $-\dfrac{1}{1 - t}$ | $-t$ |
# | **não saturante** (*non-saturating loss*) | $-\log t$ | $-\dfrac{1}{t}$ | $t - 1$ |
#
# As duas levam ao mesmo lugar (as duas diminuem quando $t \to 1$, quando $D$ aceita as falsas). A diferença está no
# **início** do treinamento: o gerador ainda produz lixo e $D$ o rejeita com segurança, $t \approx 0$. Então o
# gradiente que a perda minimax manda para trás pelo logit é $-t \approx 0$: o gerador aprende muito devagar
# justamente quando mais precisa. A não saturante manda $t - 1 \approx -1$.

# %% [markdown] lang="es"
# ### Los números
#
# Las dos pérdidas y sus derivadas respecto al logit, con `objective.generator_loss` y
# `objective.generator_loss_grad`:

# %% [markdown] lang="pt"
# ### Os números
#
# As duas perdas e suas derivadas em relação ao logit, com `objective.generator_loss` e
# `objective.generator_loss_grad`:

# %%
print(T(f"{'D(G(z))':>8} {'log(1−t)':>10} {'−log t':>8} {'∂/∂a minimax':>13} {'∂/∂a no saturante':>18}",
        f"{'D(G(z))':>8} {'log(1−t)':>10} {'−log t':>8} {'∂/∂a minimax':>13} {'∂/∂a não saturante':>19}"))
for t_value in [0.001, 0.01, 0.1, 0.5, 0.9, 0.99]:
    print(f"{t_value:>8} {objective.generator_loss(t_value, 'minimax'):>10.4f}"
          f" {objective.generator_loss(t_value, 'non_saturating'):>8.4f}"
          f" {objective.generator_loss_grad(t_value, 'minimax', 'logit'):>13.4f}"
          + T(f" {objective.generator_loss_grad(t_value, 'non_saturating', 'logit'):>18.4f}",
              f" {objective.generator_loss_grad(t_value, 'non_saturating', 'logit'):>19.4f}"))

# %% [markdown] lang="es"
# ### Lo mismo con `tf.GradientTape`
#
# Con $D(G(z)) = 0.001$ el gradiente minimax es $-0.001$ y el no saturante $-0.999$: casi mil veces más fuerte. Las
# derivadas de la tabla salieron de la regla de la cadena; `tf.GradientTape` tiene que dar lo mismo, derivando las
# pérdidas escritas con el logit:

# %% [markdown] lang="pt"
# ### O mesmo com `tf.GradientTape`
#
# Com $D(G(z)) = 0{,}001$ o gradiente minimax é $-0{,}001$ e o não saturante $-0{,}999$: quase mil vezes mais forte.
# As derivadas da tabela saíram da regra da cadeia; o `tf.GradientTape` tem que dar o mesmo, derivando as perdas
# escritas com o logit:

# %%
t_values = np.array([0.001, 0.01, 0.1, 0.5, 0.9, 0.99])
a = tf.Variable(np.log(t_values / (1 - t_values)))        # logits: t = σ(a)
with tf.GradientTape(persistent=True) as tape:
    minimax = tf.reduce_sum(tf.math.log(1 - tf.sigmoid(a)))
    non_saturating = tf.reduce_sum(-tf.math.log(tf.sigmoid(a)))
print(T("minimax:      ∂/∂a = −t    ",
        "minimax:       ∂/∂a = −t    "), np.allclose(tape.gradient(minimax, a).numpy(), -t_values))
print(T("no saturante: ∂/∂a = t − 1 ",
        "não saturante: ∂/∂a = t − 1 "), np.allclose(tape.gradient(non_saturating, a).numpy(), t_values - 1))

t_grid = np.linspace(0.001, 0.999, 999)                   # es: la biblioteca, en 999 puntos y respecto a t y a a
                                                          # pt: a biblioteca, em 999 pontos e em relação a t e a a
print("objective: analítico == GradientTape:", all(
    np.allclose(objective.generator_loss_grad(t_grid, kind, wrt),
                objective.generator_loss_grad_tape(t_grid, kind, wrt), rtol=1e-9)
    for kind in losses.KINDS for wrt in objective.WRT))

# %% [markdown] lang="es"
# ### Dónde se pierde el gradiente
#
# En el centro, la derivada respecto a la salida $t$: la minimax no parece tan mala ($-1/(1-t) \approx -1$ en
# $t = 0$). El problema aparece al atravesar la sigmoide (derecha): su derivada $t(1-t)$ se anula en $t = 0$ y se
# lleva consigo el gradiente de la pérdida minimax.

# %% [markdown] lang="pt"
# ### Onde o gradiente se perde
#
# No centro, a derivada em relação à saída $t$: a minimax não parece tão ruim ($-1/(1-t) \approx -1$ em $t = 0$). O
# problema aparece ao atravessar a sigmoide (direita): a derivada dela, $t(1-t)$, se anula em $t = 0$ e leva junto
# o gradiente da perda minimax.

# %%
objective.plot_generator_losses()
plt.show()

# %% [markdown] lang="es"
# ### En una red de verdad
#
# Entrenamos solo el discriminador de la GAN de una dimensión durante 500 lotes, con el generador congelado en su
# estado inicial, y medimos la norma del gradiente que cada pérdida manda a **todos** los pesos de $G$ (varía un poco
# de una máquina a otra).

# %% [markdown] lang="pt"
# ### Numa rede de verdade
#
# Treinamos só o discriminador da GAN de uma dimensão durante 500 lotes, com o gerador congelado no seu estado
# inicial, e medimos a norma do gradiente que cada perda manda para **todos** os pesos de $G$ (varia um pouco de uma
# máquina para outra).

# %% tags=["nbval-ignore-output"]
gan = gan1d.GAN1D("gaussian", seed=0)
gan.train_discriminator(500)                      # es: D aprende a rechazar las falsas iniciales
                                                  # pt: D aprende a rejeitar as falsas iniciais
z = gan.sample_noise(256)
names = {"minimax": "minimax", "non_saturating": T("no saturante", "não saturante")}
for kind in losses.KINDS:
    with tf.GradientTape() as tape:
        fake_logits = gan.discriminator(gan.generator(z, training=True), training=True)
        g_loss = losses.generator_loss(fake_logits, "logits", kind)
    grads = tape.gradient(g_loss, gan.generator.trainable_variables)
    print(T(f"{names[kind]:>13}: D(G(z)) medio = {float(tf.reduce_mean(tf.sigmoid(fake_logits))):.3f}, "
            f"‖∇G‖ = {float(tf.linalg.global_norm(grads)):.3f}",
            f"{names[kind]:>13}: D(G(z)) médio = {float(tf.reduce_mean(tf.sigmoid(fake_logits))):.3f}, "
            f"‖∇G‖ = {float(tf.linalg.global_norm(grads)):.3f}"))

# %% [markdown] lang="es"
# Cuanto más seguro está $D$ (menor $D(G(z))$), más pequeño es el gradiente minimax comparado con el no saturante.
# Por eso, de las dos pérdidas del artículo original, se entrena con $-\log D(G(z))$: en Keras, la entropía cruzada
# binaria de las falsas con la etiqueta «real» (1), `losses.generator_loss(fake_logits)` en la lección 06. Dos
# matices: Adam divide cada paso por la media de los gradientes al cuadrado, así que un gradiente *uniformemente*
# pequeño le afecta poco (lo mides en el ejercicio 04.8); y otras familias de GAN cambian la pérdida entera (WGAN,
# bisagra, mínimos cuadrados: tabla del final).

# %% [markdown] lang="pt"
# Quanto mais seguro está $D$ (menor $D(G(z))$), menor é o gradiente minimax comparado com o não saturante. Por isso,
# das duas perdas do artigo original, treina-se com $-\log D(G(z))$: no Keras, a entropia cruzada binária das falsas
# com o rótulo “real” (1), `losses.generator_loss(fake_logits)` na lição 06. Duas ressalvas: o Adam divide cada passo
# pela média dos gradientes ao quadrado, então um gradiente *uniformemente* pequeno o afeta pouco (você mede isso no
# exercício 04.8); e outras famílias de GAN trocam a perda inteira (WGAN, hinge, mínimos quadrados: tabela do final).

# %% [markdown] lang="es" slideshow={"slide_type": "notes"}
# Antes de ejecutar la tabla, pide una apuesta: «con $D(G(z)) = 0.001$, ¿cuántas veces más fuerte es el gradiente
# no saturante?». Después, la pregunta de fondo: si el gradiente minimax es mil veces más pequeño, ¿por qué no basta
# con multiplicar la tasa de aprendizaje por mil? (Porque el cociente cambia de una muestra a otra y de un paso a
# otro; Adam compensa la escala global, no esa reponderación.)

# %% [markdown] lang="pt" slideshow={"slide_type": "notes"}
# Antes de executar a tabela, peça uma aposta: “com $D(G(z)) = 0{,}001$, quantas vezes mais forte é o gradiente não
# saturante?”. Depois, a pergunta de fundo: se o gradiente minimax é mil vezes menor, por que não basta multiplicar
# a taxa de aprendizado por mil? (Porque a razão muda de uma amostra para outra e de um passo para outro; o Adam
# compensa a escala global, não essa reponderação.)

# %% [markdown] lang="es"
# ## El discriminador óptimo
#
# Fijemos $G$. Con el cambio de variable $x = G(z)$, el segundo término de $V$ es una integral sobre $x$ con la
# densidad $p_g$:
#
# $$V(D, G) = \int \Big[\, p_{data}(x) \log D(x) + p_g(x) \log\big(1 - D(x)\big) \Big]\, dx .$$
#
# $D$ puede elegir $D(x)$ **por separado en cada punto** $x$. Con $a = p_{data}(x)$, $b = p_g(x)$, la función
# $y \mapsto a \log y + b \log(1 - y)$ tiene derivada $\frac{a}{y} - \frac{b}{1 - y}$, que se anula en
# $y = \frac{a}{a + b}$, y es cóncava: ahí está su máximo. El **discriminador óptimo** (*optimal discriminator*) es
#
# $$D^*(x) = \frac{p_{data}(x)}{p_{data}(x) + p_g(x)} .$$
#
# Donde solo hay datos reales, $D^* = 1$; donde solo hay falsos, $D^* = 0$; donde las dos densidades son iguales,
# $D^* = 1/2$.

# %% [markdown] lang="pt"
# ## O discriminador ótimo
#
# Fixemos $G$. Com a mudança de variável $x = G(z)$, o segundo termo de $V$ é uma integral sobre $x$ com a densidade
# $p_g$:
#
# $$V(D, G) = \int \Big[\, p_{data}(x) \log D(x) + p_g(x) \log\big(1 - D(x)\big) \Big]\, dx .$$
#
# $D$ pode escolher $D(x)$ **separadamente em cada ponto** $x$. Com $a = p_{data}(x)$, $b = p_g(x)$, a função
# $y \mapsto a \log y + b \log(1 - y)$ tem derivada $\frac{a}{y} - \frac{b}{1 - y}$, que se anula em
# $y = \frac{a}{a + b}$, e é côncava: ali está o seu máximo. O **discriminador ótimo** (*optimal discriminator*) é
#
# $$D^*(x) = \frac{p_{data}(x)}{p_{data}(x) + p_g(x)} .$$
#
# Onde só há dados reais, $D^* = 1$; onde só há falsos, $D^* = 0$; onde as duas densidades são iguais, $D^* = 1/2$.

# %% [markdown] lang="es"
# ### La comprobación numérica
#
# Con dos gaussianas, $p_{data} = \mathcal{N}(0, 1)$ y $p_g = \mathcal{N}(2, 1)$, y una integral numérica: ningún
# otro $D$ da un $V$ mayor que $D^*$.

# %% [markdown] lang="pt"
# ### A conferência numérica
#
# Com duas gaussianas, $p_{data} = \mathcal{N}(0, 1)$ e $p_g = \mathcal{N}(2, 1)$, e uma integral numérica: nenhum
# outro $D$ dá um $V$ maior que $D^*$.

# %%
x = np.linspace(-12.0, 14.0, 20001)
p_data = np.exp(-x ** 2 / 2) / np.sqrt(2 * np.pi)             # N(0, 1)
p_g = np.exp(-(x - 2) ** 2 / 2) / np.sqrt(2 * np.pi)         # N(2, 1)
d_star = p_data / (p_data + p_g)
print("D* igual a objective.optimal_discriminator:", np.allclose(d_star, objective.optimal_discriminator(p_data, p_g)))
print("D*(0), D*(1), D*(2):", np.interp([0.0, 1.0, 2.0], x, d_star).round(4))
for name, d in [("D*", d_star), ("D = 1/2", np.full_like(x, 0.5)),
                ("0.8·D* + 0.1", 0.8 * d_star + 0.1), ("D*²", d_star ** 2)]:
    print(f"V({name:>12}, G) = {objective.value_integral(x, p_data, p_g, d):.4f}")

# %% [markdown] lang="es"
# ### Un error al programar la normal
#
# La densidad normal es $\frac{1}{\sigma\sqrt{2\pi}}\, e^{-(x-\mu)^2 / (2\sigma^2)}$. Olvidar el $2$ del exponente
# cambia la forma de la curva (es otra $\sigma$) y da **siempre** un $D^*$ equivocado. Olvidar el $\sigma$ de
# delante solo cambia una constante por densidad: en $D^*$ se cancela **si las dos gaussianas tienen la misma
# $\sigma$**, y deja de cancelarse si no. $D^*$ en $x = 0, 1, 2$ con $p_{data} = \mathcal{N}(0, 1)$ y $p_g =
# \mathcal{N}(2, \sigma_g^2)$:

# %% [markdown] lang="pt"
# ### Um erro ao programar a normal
#
# A densidade normal é $\frac{1}{\sigma\sqrt{2\pi}}\, e^{-(x-\mu)^2 / (2\sigma^2)}$. Esquecer o $2$ do expoente muda
# a forma da curva (é outro $\sigma$) e dá **sempre** um $D^*$ errado. Esquecer o $\sigma$ da frente só muda uma
# constante por densidade: em $D^*$ ela se cancela **se as duas gaussianas têm o mesmo $\sigma$**, e deixa de se
# cancelar se não têm. $D^*$ em $x = 0, 1, 2$ com $p_{data} = \mathcal{N}(0, 1)$ e $p_g = \mathcal{N}(2, \sigma_g^2)$:

# %%
def normal(x, mu, sigma, forget=""):
    front = 1.0 if forget == "σ" else 1 / sigma           # es: olvidar 1/σ delante | pt: esquecer 1/σ na frente
    two = 1.0 if forget == "2" else 2.0                   # es: olvidar el 2 del exponente | pt: esquecer o 2 do expoente
    return front / np.sqrt(2 * np.pi) * np.exp(-(x - mu) ** 2 / (two * sigma ** 2))

points = np.array([0.0, 1.0, 2.0])
for sigma_g in (1.0, 0.5):
    row = [objective.optimal_discriminator(normal(points, 0, 1, forget), normal(points, 2, sigma_g, forget))
           for forget in ("", "σ", "2")]
    print(T(f"σ_g = {sigma_g}: bien {row[0].round(3)}  sin 1/σ {row[1].round(3)}  sin el 2 {row[2].round(3)}",
            f"σ_g = {sigma_g}: certo {row[0].round(3)}  sem 1/σ {row[1].round(3)}  sem o 2 {row[2].round(3)}"))

# %% [markdown] lang="es"
# ### $D^*$ cuando $p_g$ se acerca
#
# Con $\sigma_g = 1$ olvidar $1/\sigma$ no cambia nada; con $\sigma_g = 0.5$, $D^*(1)$ pasa de $0.691$ a $0.818$.
# Ahora $D^*$ mientras $p_g = \mathcal{N}(\mu_g, 1)$ se acerca a los datos:

# %% [markdown] lang="pt"
# ### $D^*$ quando $p_g$ se aproxima
#
# Com $\sigma_g = 1$ esquecer $1/\sigma$ não muda nada; com $\sigma_g = 0{,}5$, $D^*(1)$ passa de $0{,}691$ para
# $0{,}818$. Agora $D^*$ enquanto $p_g = \mathcal{N}(\mu_g, 1)$ se aproxima dos dados:

# %%
print("∫ p_data dx =", round(objective.integrate(p_data, x), 6),
      T("| varianza ∫ x² p_data dx =",
        "| variância ∫ x² p_data dx ="), round(objective.integrate(x ** 2 * p_data, x), 6))
objective.plot_optimal_discriminator([4.0, 2.0, 1.0, 0.0])
plt.show()

# %% [markdown] lang="es" slideshow={"slide_type": "notes"}
# Pide a alguien que dibuje en la pizarra $D^*$ para dos campanas separadas, antes de ver la figura: casi 1 bajo
# los datos, casi 0 bajo las falsas, 1/2 donde se cruzan. Luego pregunta qué pasa con $D^*$ cuando $p_g$ llega a
# $p_{data}$ (vale 1/2 en todas partes: el discriminador ya no sabe nada).

# %% [markdown] lang="pt" slideshow={"slide_type": "notes"}
# Peça a alguém que desenhe no quadro $D^*$ para dois sinos separados, antes de ver a figura: quase 1 sob os dados,
# quase 0 sob as falsas, 1/2 onde se cruzam. Depois pergunte o que acontece com $D^*$ quando $p_g$ chega a $p_{data}$
# (vale 1/2 em todo lugar: o discriminador já não sabe nada).

# %% [markdown] lang="es"
# ## Jensen-Shannon
#
# Sustituimos $D^*$ en $V$ y sumamos y restamos $\log 2$ dentro de cada logaritmo, con $m = \frac{p_{data} + p_g}{2}$:
#
# $$V(D^*, G) = \int p_{data} \log \frac{p_{data}}{p_{data} + p_g} + p_g \log \frac{p_g}{p_{data} + p_g}\, dx
# = \int p_{data} \log \frac{p_{data}}{m} + p_g \log \frac{p_g}{m}\, dx - 2\log 2$$
#
# $$V(D^*, G) = -\log 4 + \mathrm{KL}(p_{data} \,\|\, m) + \mathrm{KL}(p_g \,\|\, m) = -\log 4 + 2\cdot\mathrm{JSD}(p_{data} \,\|\, p_g).$$
#
# La **divergencia de Jensen-Shannon** (*Jensen-Shannon divergence*) vale 0 solo si $p_g = p_{data}$ y nunca pasa de
# $\log 2$. Así que, contra el mejor discriminador, el generador minimiza la JSD, y el mínimo global del juego es
# $p_g = p_{data}$, con $V = -\log 4$ y $D^* = 1/2$ en todas partes (el teorema 1 de Goodfellow et al.). La
# verificación numérica, para varias parejas de gaussianas:

# %% [markdown] lang="pt"
# ## Jensen-Shannon
#
# Substituímos $D^*$ em $V$ e somamos e subtraímos $\log 2$ dentro de cada logaritmo, com $m = \frac{p_{data} + p_g}{2}$:
#
# $$V(D^*, G) = \int p_{data} \log \frac{p_{data}}{p_{data} + p_g} + p_g \log \frac{p_g}{p_{data} + p_g}\, dx
# = \int p_{data} \log \frac{p_{data}}{m} + p_g \log \frac{p_g}{m}\, dx - 2\log 2$$
#
# $$V(D^*, G) = -\log 4 + \mathrm{KL}(p_{data} \,\|\, m) + \mathrm{KL}(p_g \,\|\, m) = -\log 4 + 2\cdot\mathrm{JSD}(p_{data} \,\|\, p_g).$$
#
# A **divergência de Jensen-Shannon** (*Jensen-Shannon divergence*) vale 0 só se $p_g = p_{data}$ e nunca passa de
# $\log 2$. Então, contra o melhor discriminador, o gerador minimiza a JSD, e o mínimo global do jogo é
# $p_g = p_{data}$, com $V = -\log 4$ e $D^* = 1/2$ em todo lugar (o teorema 1 de Goodfellow et al.). A verificação
# numérica, para vários pares de gaussianas:

# %%
print(f"{'p_data':>10} {'p_g':>10} {'V(D*, G)':>9} {'−log 4 + 2·JSD':>15}  |dif| < 1e-6")
for mu_data, std_data, mu_g, std_g in [(0, 1, 0, 1), (0, 1, 1, 1), (0, 1, 3, 1), (-1, 0.5, 2, 2), (0, 1, 6, 1)]:
    x, p_data, p_g = objective.gaussian_pair(mu_data, mu_g, std_data, std_g)
    value = objective.value_at_optimum(x, p_data, p_g)
    jsd = objective.js_divergence(p_data, p_g, x)
    print(f"N({mu_data:>2}, {std_data:<3}) N({mu_g:>2}, {std_g:<3}) {value:>9.4f} {-math.log(4) + 2 * jsd:>15.4f}"
          f"  {abs(value - (-math.log(4) + 2 * jsd)) < 1e-6}")

# %% [markdown] lang="es"
# ### La JSD se aplana
#
# La JSD en función de la distancia entre dos gaussianas de $\sigma = 1$. Crece mientras se solapan y luego se
# **aplana** en $\log 2$: cuando los datos y las falsas ya no se tocan, mover el generador un poco no cambia la
# JSD, y su gradiente es prácticamente cero. Ese es el punto de partida de WGAN, que cambia la JSD por una
# distancia que sigue creciendo con la separación.

# %% [markdown] lang="pt"
# ### A JSD achata
#
# A JSD em função da distância entre duas gaussianas de $\sigma = 1$. Ela cresce enquanto as duas se sobrepõem e
# depois **achata** em $\log 2$: quando os dados e as falsas já não se tocam, mover um pouco o gerador não muda a
# JSD, e o seu gradiente é praticamente zero. Esse é o ponto de partida da WGAN, que troca a JSD por uma distância
# que continua crescendo com a separação.

# %%
distances = [0.0, 1.0, 2.0, 4.0, 6.0, 8.0]
jsd, value = objective.jsd_curve(distances)
print(T("distancia:", "distância:"), distances)
print("JSD:      ", jsd.round(4).tolist(), "| log 2 =", round(math.log(2), 4))
objective.plot_jsd_vs_distance()
plt.show()

# %% [markdown] lang="es"
# ## Una GAN en 1-D
#
# Todo lo anterior, en marcha. Los datos reales son números de $\mathcal{N}(4, 0.5^2)$; el generador empieza
# produciendo números cerca de 0. `GAN1D` sigue el algoritmo de arriba con la pérdida no saturante, $k = 1$, lotes de
# 128 y Adam ($\beta_1 = 0.5$); $G$ y $D$ son dos redes densas pequeñas. El discriminador reescala primero $x$ para
# que la ventana del gráfico quede en $[-1, 1]$, igual que las imágenes entran en $[-1, 1]$. Cada pocos pasos se
# guarda la densidad del generador (estimada con un núcleo gaussiano sobre 2000 muestras) y $D(x)$. Tarda unos
# segundos; el resultado depende de la máquina en las últimas cifras.
#
# La animación: arriba, los datos ($p_{data}$, azul), el generador ($p_g$, naranja) y el discriminador ($D(x)$,
# verde); abajo, las pérdidas hasta ese paso. $D$ sube donde hay más datos que falsas y baja donde hay más falsas que
# datos —es su estimación de $D^*$—, y el generador se desplaza hacia donde $D$ es alto. Al final $p_g \approx
# p_{data}$ y $D(x) \approx 1/2$.

# %% [markdown] lang="pt"
# ## Uma GAN em 1-D
#
# Tudo o que vimos, em movimento. Os dados reais são números de $\mathcal{N}(4, 0{,}5^2)$; o gerador começa produzindo
# números perto de 0. A `GAN1D` segue o algoritmo acima com a perda não saturante, $k = 1$, lotes de 128 e Adam
# ($\beta_1 = 0{,}5$); $G$ e $D$ são duas redes densas pequenas. O discriminador primeiro reescala $x$ para que a
# janela do gráfico fique em $[-1, 1]$, assim como as imagens entram em $[-1, 1]$. A cada poucos passos guarda-se a
# densidade do gerador (estimada com um núcleo gaussiano sobre 2000 amostras) e $D(x)$. Leva alguns segundos; o
# resultado depende da máquina nas últimas casas.
#
# A animação: em cima, os dados ($p_{data}$, azul), o gerador ($p_g$, laranja) e o discriminador ($D(x)$, verde);
# embaixo, as perdas até aquele passo. $D$ sobe onde há mais dados que falsas e desce onde há mais falsas que dados
# — é a sua estimativa de $D^*$ —, e o gerador se desloca para onde $D$ é alto. No final $p_g \approx p_{data}$ e
# $D(x) \approx 1/2$.

# %% tags=["nbval-ignore-output"] slideshow={"slide_type": "subslide"}
gan, history = gan1d.train_gan1d("gaussian", seed=0)
print(f"G: z ({gan.noise_dim}) -> x (1), {gan.generator.count_params()} pesos | "
      f"D: x (1) -> logit, {gan.discriminator.count_params()} pesos")
print(T(f"{history.steps} pasos | media de G: {history.g_mean[0]:.2f} -> {history.g_mean[-1]:.2f} "
        f"(datos: {gan.data.mean}) | desviación de G: {history.g_std[-1]:.2f} (datos: {gan.data.std})",
        f"{history.steps} passos | média de G: {history.g_mean[0]:.2f} -> {history.g_mean[-1]:.2f} "
        f"(dados: {gan.data.mean}) | desvio de G: {history.g_std[-1]:.2f} (dados: {gan.data.std})"))
folder = pathlib.Path("runs/04_gan1d")
folder.mkdir(parents=True, exist_ok=True)
path = gan1d.write_gan1d_gif(history, folder / "gan1d.gif")
gif.show_gif(path)

# %% [markdown] lang="es"
# ### Las pérdidas en el equilibrio
#
# Las pérdidas tienden a sus valores de equilibrio: con $D = 1/2$ en todas partes, $J^{(D)} = -V = 2\log 2
# \approx 1.386$ y la pérdida no saturante del generador vale $-\log\frac12 = \log 2 \approx 0.693$. Que las
# pérdidas se estabilicen **no** quiere decir que el generador sea bueno: solo que ninguno de los dos gana. Hay que
# mirar las muestras.

# %% [markdown] lang="pt"
# ### As perdas no equilíbrio
#
# As perdas tendem aos seus valores de equilíbrio: com $D = 1/2$ em todo lugar, $J^{(D)} = -V = 2\log 2 \approx
# 1{,}386$ e a perda não saturante do gerador vale $-\log\frac12 = \log 2 \approx 0{,}693$. Perdas estáveis **não**
# querem dizer que o gerador é bom: só que nenhum dos dois está ganhando. É preciso olhar as amostras.

# %%
gan1d.plot_gan1d_losses(history)
plt.show()

# %% [markdown] lang="es"
# ## Colapso de modos
#
# El **colapso de modos** (*mode collapse*) es el fallo más conocido de las GAN: el generador produce solo una parte
# de la variedad de los datos —en MNIST, unos pocos dígitos—. En una dimensión se ve con una mezcla de dos picos,
# $\frac12\mathcal{N}(0, 0.25^2) + \frac12\mathcal{N}(6, 0.25^2)$.
#
# El mecanismo, con números exactos. Supongamos que $G$ cubre solo el pico izquierdo y que $D$ es el óptimo contra
# él. ¿Qué le conviene hacer a $G$ a continuación? Su pérdida no saturante contra ese $D$ fijo es
# $\mathbb{E}_{x\sim p_g}[-\log D^*(x)]$:

# %% [markdown] lang="pt"
# ## Colapso de modos
#
# O **colapso de modos** (*mode collapse*) é a falha mais conhecida das GAN: o gerador produz só uma parte da
# variedade dos dados — no MNIST, uns poucos dígitos. Em uma dimensão ele aparece com uma mistura de dois picos,
# $\frac12\mathcal{N}(0, 0{,}25^2) + \frac12\mathcal{N}(6, 0{,}25^2)$.
#
# O mecanismo, com números exatos. Suponha que $G$ cubra só o pico esquerdo e que $D$ seja o ótimo contra ele. O que
# convém a $G$ fazer em seguida? Sua perda não saturante contra esse $D$ fixo é $\mathbb{E}_{x\sim p_g}[-\log
# D^*(x)]$:

# %%
peaks = objective.DATASETS["two_peaks"]
x = objective.integration_grid(peaks.means, peaks.stds)
p_data = peaks.pdf(x)
only_left = objective.gaussian_pdf(x, 0.0, 0.25)
only_right = objective.gaussian_pdf(x, 6.0, 0.25)
for now, d_name in [(only_left, T("G cubre el pico izquierdo", "G cobre o pico esquerdo")),
                    (only_right, T("G cubre el pico derecho", "G cobre o pico direito"))]:
    d_star = objective.optimal_discriminator(p_data, now)
    print(d_name, "-> D* =", np.interp([0.0, 6.0], x, d_star).round(3), T("en x = 0 y x = 6", "em x = 0 e x = 6"))
    for p_g, name in [(only_left, T("solo el izquierdo", "só o esquerdo")), (p_data, T("los dos picos", "os dois picos")),
                      (only_right, T("solo el derecho", "só o direito"))]:
        print(T(f"   siguiente G = {name:>17}: E[−log D*] = {objective.integrate(p_g * np.log(1 / d_star), x):.4f}",
                f"   próximo G = {name:>13}: E[−log D*] = {objective.integrate(p_g * np.log(1 / d_star), x):.4f}"))

# %% [markdown] lang="es"
# ### La mejor respuesta contra un $D$ fijo
#
# Contra un $D$ fijo, la mejor respuesta de $G$ **no** es cubrir los dos picos ($0.5493$) sino saltar entero al
# pico que $D$ llama «real» ($0.0000$). Después $D$ se adapta, y ahora le conviene volver al otro. Si $G$ se mueve
# más rápido de lo que $D$ puede seguirlo, salta de pico en pico sin cubrir nunca los dos. El juego minimax pide
# $\min_G \max_D$ (el mejor $D$ contra cada $G$); alternando pasos de gradiente podemos acabar más cerca de
# $\max_D \min_G$, cuyo $G$ es justamente uno que colapsa en un punto.

# %% [markdown] lang="pt"
# ### A melhor resposta contra um $D$ fixo
#
# Contra um $D$ fixo, a melhor resposta de $G$ **não** é cobrir os dois picos ($0{,}5493$), e sim pular inteiro para
# o pico que $D$ chama de “real” ($0{,}0000$). Depois $D$ se adapta, e agora convém voltar para o outro. Se $G$ se move
# mais rápido do que $D$ consegue acompanhar, ele pula de pico em pico sem nunca cobrir os dois. O jogo minimax pede
# $\min_G \max_D$ (o melhor $D$ contra cada $G$); alternando passos de gradiente podemos acabar mais perto de
# $\max_D \min_G$, cujo $G$ é justamente um que colapsa num ponto.

# %% [markdown] lang="es"
# ### Medir qué picos cubre $G$
#
# Asignar cada muestra a su pico **más cercano** engaña: un generador atascado entre los picos saldría «en el pico
# izquierdo». `objective.mode_coverage` cuenta solo las muestras a menos de $2\sigma$ de un pico, y aparte las que
# no están cerca de ninguno. Tres semillas con la receta **equilibrada** (tasas de aprendizaje iguales) y tres con
# un $G$ cinco veces más rápido; a la derecha, la cobertura (continua: pico izquierdo; discontinua: derecho).

# %% [markdown] lang="pt"
# ### Medir quais picos $G$ cobre
#
# Atribuir cada amostra ao pico **mais próximo** engana: um gerador preso entre os picos apareceria “no pico
# esquerdo”, e um espalhado, “cobrindo os dois”. `objective.mode_coverage` conta só as amostras a menos de
# $2\sigma$ de um pico, e à parte as que não estão perto de nenhum. Três sementes com a receita **equilibrada**
# (taxas de aprendizado, *learning rates*, iguais) e três com um gerador cinco vezes mais rápido; à direita, a
# cobertura durante o treinamento (contínua: pico esquerdo; tracejada: direito).

# %% tags=["nbval-ignore-output"]
balanced = [gan1d.train_gan1d("two_peaks", seed=s)[1] for s in range(3)]
fast_g = [gan1d.train_gan1d("two_peaks", seed=s, g_learning_rate=2.5e-3)[1] for s in range(3)]
gan1d.plot_mode_collapse(balanced, title=T("G y D con la misma tasa de aprendizaje",
                                           "G e D com a mesma taxa de aprendizado"))
plt.show()

# %% tags=["nbval-ignore-output"] slideshow={"slide_type": "subslide"}
gan1d.plot_mode_collapse(fast_g, title=T("G cinco veces más rápido que D", "G cinco vezes mais rápido que D"))
plt.show()

# %% [markdown] lang="es"
# ### La cobertura al final
#
# Las tres columnas de la cobertura suman 100 %; la última columna es la medida ingenua del pico más cercano:

# %% [markdown] lang="pt"
# ### A cobertura no final
#
# As três colunas da cobertura somam 100 %; a última coluna é a medida ingênua do pico mais próximo:

# %% tags=["nbval-ignore-output"]
print(T("receta       semilla  izquierdo  derecho  ninguno | más cercano: izquierdo",
        "receita      semente  esquerdo  direito  nenhum | mais próximo: esquerdo"))
for recipe, runs in [("equilibrada", balanced), ("G rápido", fast_g)]:
    for seed, h in enumerate(runs):
        left, right, neither = objective.mode_coverage(h.samples[-1], peaks)
        nearest_left = objective.mode_fractions(h.samples[-1], peaks.means)[0]
        print(T(f"{recipe:12s} {seed:7d}  {left:9.0%}  {right:7.0%}  {neither:7.0%} | {nearest_left:22.0%}",
                f"{recipe:12s} {seed:7d}  {left:8.0%}  {right:7.0%}  {neither:6.0%} | {nearest_left:23.0%}"))

# %% [markdown] lang="es"
# ### Lo que dicen los números
#
# Los de esta ejecución; cambian un poco de una máquina a otra.
#
# - Con el generador rápido, la semilla 0 tiene el 100 % de sus muestras «en el pico izquierdo» según el pico más
#   cercano, pero el 99 % está lejos de los dos picos (alrededor de $x \approx 0.9$): no ha colapsado en un modo, se
#   ha quedado donde no hay datos. Las curvas muestran cómo salta: tras cada vaivén cae entre los picos o en uno solo.
# - Con la receta equilibrada $G$ cubre los dos picos solo en parte: el derecho recibe entre el 8 % y el 30 % de las
#   muestras (debería recibir el 50 %) y entre el 14 % y el 31 % cae lejos de los dos.
#
# En imágenes pasa lo mismo con más dimensiones: el generador encuentra unos pocos dígitos que engañan al
# discriminador del momento. Lo que ayuda —otras pérdidas, normalización, minilotes que comparan muestras entre
# sí— aparece en las variantes.

# %% [markdown] lang="pt"
# ### O que os números dizem
#
# Os desta execução; mudam um pouco de uma máquina para outra.
#
# - Com o gerador rápido, a semente 0 tem 100 % das amostras “no pico esquerdo” segundo o pico mais próximo, mas 99 %
#   delas estão longe dos dois picos (em torno de $x \approx 0{,}9$): ele não colapsou num modo, ficou onde não há
#   dados. As curvas mostram como ele pula: depois de cada vaivém cai entre os picos ou num só.
# - Com a receita equilibrada, $G$ cobre os dois picos só em parte: o direito recebe entre 8 % e 30 % das amostras
#   (deveria receber 50 %) e entre 14 % e 31 % cai longe dos dois.
#
# Em imagens acontece o mesmo com mais dimensões: o gerador encontra uns poucos dígitos que enganam o discriminador
# do momento. O que ajuda — outras perdas, normalização, minilotes que comparam amostras entre si — aparece nas
# variantes.

# %% [markdown] lang="es" slideshow={"slide_type": "notes"}
# Antes de enseñar la tabla, pregunta: «si G pone todas sus muestras en x = 3, a mitad de camino, ¿cuánto vale la
# fracción en el pico izquierdo según el pico más cercano? ¿Y según la cobertura?» (0 % o 100 % según el empate
# frente a 0 %, y 100 % en «ninguno»). Insiste en que una métrica debe poder decir «ninguno».

# %% [markdown] lang="pt" slideshow={"slide_type": "notes"}
# Antes de mostrar a tabela, pergunte: “se G põe todas as amostras em x = 3, no meio do caminho, quanto vale a fração
# no pico esquerdo segundo o pico mais próximo? E segundo a cobertura?” (0 % ou 100 % conforme o empate, contra 0 %,
# e 100 % em “nenhum”). Insista que uma métrica precisa poder dizer “nenhum”.

# %% [markdown] lang="es"
# ## Variantes
#
# Los años son los de publicación (congreso o revista; arXiv si el artículo no salió en otro sitio).
#
# | variante | artículo | idea clave |
# |---|---|---|
# | **DCGAN** | Radford, Metz y Chintala (2016) | $G$ y $D$ convolucionales: convoluciones con stride en lugar de agrupamiento (*pooling*), convoluciones transpuestas en $G$, normalización por lotes, ReLU en $G$ y LeakyReLU en $D$, $\tanh$ a la salida, Adam con $\beta_1 = 0.5$. La construye la lección 06. |
# | **AC-GAN** | Odena, Olah y Shlens (2017) | $G$ recibe una clase $c$ además de $z$; $D$ dice si la muestra es real **y** de qué clase es: se elige qué dígito generar. Su cabeza de clases entra en la lección 07. |
# | **CC-GAN** | Denton, Gross y Fergus (2016) | $G$ rellena el trozo que le falta a una imagen y $D$ juzga la imagen completa; lo que aprende $D$ sirve para clasificar con pocas etiquetas. |
# | **Pix2Pix** | Isola, Zhu, Zhou y Efros (2017) | GAN condicional de **imagen a imagen**: $G$ (una U-Net) traduce un boceto o un mapa en una imagen; $D$ (PatchGAN) juzga parejas por parches; más una pérdida L1. |

# %% [markdown] lang="pt"
# ## Variantes
#
# Os anos são os da publicação (congresso ou revista; arXiv se o artigo não saiu em outro lugar).
#
# | variante | artigo | ideia-chave |
# |---|---|---|
# | **DCGAN** | Radford, Metz e Chintala (2016) | $G$ e $D$ convolucionais: convoluções com stride no lugar de agrupamento (*pooling*), convoluções transpostas em $G$, normalização em lote, ReLU em $G$ e LeakyReLU em $D$, $\tanh$ na saída, Adam com $\beta_1 = 0{,}5$. A lição 06 a constrói. |
# | **AC-GAN** | Odena, Olah e Shlens (2017) | $G$ recebe uma classe $c$ além de $z$; $D$ diz se a amostra é real **e** de que classe ela é: escolhe-se que dígito gerar. A sua cabeça de classes entra na lição 07. |
# | **CC-GAN** | Denton, Gross e Fergus (2016) | $G$ preenche o pedaço que falta numa imagem e $D$ julga a imagem completa; o que $D$ aprende serve para classificar com poucos rótulos. |
# | **Pix2Pix** | Isola, Zhu, Zhou e Efros (2017) | GAN condicional de **imagem para imagem**: $G$ (uma U-Net) traduz um esboço ou um mapa numa imagem; $D$ (PatchGAN) julga pares por trechos; mais uma perda L1. |

# %% [markdown] lang="es"
# ### Otras funciones de pérdida
#
# No todas las GAN entrenan con la entropía cruzada de esta lección; estas cambian la pérdida entera:
#
# | variante | artículo | pérdida |
# |---|---|---|
# | **WGAN** | Arjovsky, Chintala y Bottou (2017) | Distancia de Wasserstein en lugar de la JSD: sigue dando gradiente cuando los datos y las falsas no se solapan. $D$ es un **crítico** (*critic*) sin sigmoide, 1-Lipschitz (recorte de pesos), actualizado $k = 5$ veces por paso de $G$. |
# | **WGAN-GP** | Gulrajani et al. (2017) | La misma, con una penalización del gradiente del crítico en lugar del recorte. |
# | **LSGAN** | Mao et al. (2017) | Mínimos cuadrados: $D$ lleva sus salidas hacia 1 (reales) y 0 (falsas) con $(D - y)^2$, sin logaritmos que se saturen. |
# | **Bisagra** (*hinge*) | Lim y Ye (2017); SAGAN, BigGAN | $D$: $\max(0, 1 - D(x)) + \max(0, 1 + D(G(z)))$; $G$: $-D(G(z))$. |
#
# La lección 10 construye la GAN condicional, WGAN-GP y la bisagra sobre las redes del curso, las mide con el mismo
# tiempo de CPU y explica la pérdida de Pix2Pix.

# %% [markdown] lang="pt"
# ### Outras funções de perda
#
# Nem todas as GAN treinam com a entropia cruzada desta lição; estas trocam a perda inteira:
#
# | variante | artigo | perda |
# |---|---|---|
# | **WGAN** | Arjovsky, Chintala e Bottou (2017) | Distância de Wasserstein no lugar da JSD: continua dando gradiente quando os dados e as falsas não se sobrepõem. $D$ é um **crítico** (*critic*) sem sigmoide, 1-Lipschitz (corte de pesos), atualizado $k = 5$ vezes por passo de $G$. |
# | **WGAN-GP** | Gulrajani et al. (2017) | A mesma, com uma penalização do gradiente do crítico no lugar do corte. |
# | **LSGAN** | Mao et al. (2017) | Mínimos quadrados: $D$ leva as suas saídas para 1 (reais) e 0 (falsas) com $(D - y)^2$, sem logaritmos que saturem. |
# | ***Hinge*** | Lim e Ye (2017); SAGAN, BigGAN | $D$: $\max(0, 1 - D(x)) + \max(0, 1 + D(G(z)))$; $G$: $-D(G(z))$. |
#
# A lição 10 constrói a GAN condicional, a WGAN-GP e a perda hinge sobre as redes do curso, as mede com o mesmo
# tempo de CPU e explica a perda da Pix2Pix.

# %% [markdown] lang="es"
# ## Ejercicios
#
# Escribe tu respuesta en lugar de `None` y ejecuta la celda: `gc.exercises.check` te dice si es correcta o te da
# una pista. Puedes usar las funciones de `objective` y `gan1d` que aparecen en la lección.
#
# 1. Con $D(G(z)) = 0.01$, ¿cuántas veces mayor (en valor absoluto) es la derivada respecto al logit de la pérdida
#    no saturante que la de la minimax?
# 2. Con $p_{data} = \mathcal{N}(0, 1)$ y $p_g = \mathcal{N}(2, 1)$, ¿cuánto vale $D^*(0)$?
# 3. Si el generador reproduce exactamente los datos ($p_g = p_{data}$), ¿cuánto vale $V(D^*, G)$?

# %% [markdown] lang="pt"
# ## Exercícios
#
# Escreva sua resposta no lugar de `None` e execute a célula: `gc.exercises.check` diz se está correta ou dá uma
# dica. Você pode usar as funções de `objective` e `gan1d` que aparecem na lição.
#
# 1. Com $D(G(z)) = 0{,}01$, quantas vezes maior (em valor absoluto) é a derivada em relação ao logit da perda não
#    saturante que a da minimax?
# 2. Com $p_{data} = \mathcal{N}(0, 1)$ e $p_g = \mathcal{N}(2, 1)$, quanto vale $D^*(0)$?
# 3. Se o gerador reproduz exatamente os dados ($p_g = p_{data}$), quanto vale $V(D^*, G)$?

# %%
answer = None  # es: 04.1, tu respuesta | pt: 04.1, sua resposta
gc.exercises.check("04.1", answer)

# %%
answer = None  # es: 04.2, tu respuesta | pt: 04.2, sua resposta
gc.exercises.check("04.2", answer)

# %%
answer = None  # es: 04.3, tu respuesta | pt: 04.3, sua resposta
gc.exercises.check("04.3", answer)

# %% [markdown] lang="es"
# ### Dos preguntas más
#
# 4. ¿Cuánto vale $\mathrm{JSD}(\mathcal{N}(0, 1) \,\|\, \mathcal{N}(2, 1))$ en nats (logaritmo natural)? Tres
#    decimales bastan.
# 5. Goodfellow et al. (2014) entrenaron con $k = 1$; WGAN actualiza su crítico $k = 5$ veces por cada paso del
#    generador. Con $k = 5$, ¿cuántas actualizaciones del discriminador hace `GAN1D` en 200 pasos de entrenamiento?

# %% [markdown] lang="pt"
# ### Mais duas perguntas
#
# 4. Quanto vale $\mathrm{JSD}(\mathcal{N}(0, 1) \,\|\, \mathcal{N}(2, 1))$ em nats (logaritmo natural)? Três casas
#    decimais bastam.
# 5. Goodfellow et al. (2014) treinaram com $k = 1$; a WGAN atualiza o seu crítico $k = 5$ vezes a cada passo do
#    gerador. Com $k = 5$, quantas atualizações do discriminador a `GAN1D` faz em 200 passos de treinamento?

# %%
answer = None  # es: 04.4, tu respuesta | pt: 04.4, sua resposta
gc.exercises.check("04.4", answer)

# %%
answer = None  # es: 04.5, tu respuesta | pt: 04.5, sua resposta
gc.exercises.check("04.5", answer)

# %% [markdown] lang="es"
# ### Programar: la normal y $D^*$
#
# 6. Completa `normal_pdf(x, mu, sigma)` **a mano**, sin `objective`, y úsala para calcular $D^*(x)$ con
#    $p_{data} = \mathcal{N}(0, 1)$ y $p_g = \mathcal{N}(1, 0.5^2)$ en los 61 puntos de `x`. Con $\sigma$ distintas,
#    un error en la densidad ya no se cancela.

# %% [markdown] lang="pt"
# ### Programar: a normal e $D^*$
#
# 6. Complete `normal_pdf(x, mu, sigma)` **à mão**, sem `objective`, e use-a para calcular $D^*(x)$ com
#    $p_{data} = \mathcal{N}(0, 1)$ e $p_g = \mathcal{N}(1, 0{,}5^2)$ nos 61 pontos de `x`. Com $\sigma$ diferentes,
#    um erro na densidade já não se cancela.

# %%
def normal_pdf(x, mu, sigma):
    return None  # es: escribe aquí la densidad normal | pt: escreva aqui a densidade normal

x = np.linspace(-3.0, 3.0, 61)
answer = None  # es: D*(x) con tu normal_pdf | pt: D*(x) com a sua normal_pdf
gc.exercises.check("04.6", answer)

# %% [markdown] lang="es"
# ### Programar: la cobertura de modos
#
# 7. `samples` son 1000 números de una mezcla con un tercer grupo entre los dos picos. Con NumPy (sin
#    `objective.mode_coverage`): ¿qué fracción está a menos de $2\sigma$ ($\sigma = 0.25$) del pico en 0, qué
#    fracción a menos de $2\sigma$ del pico en 6, y qué fracción lejos de los dos? Una tupla
#    `(izquierdo, derecho, ninguno)`.

# %% [markdown] lang="pt"
# ### Programar: a cobertura de modos
#
# 7. `samples` são 1000 números de uma mistura com um terceiro grupo entre os dois picos. Com NumPy (sem
#    `objective.mode_coverage`): que fração está a menos de $2\sigma$ ($\sigma = 0{,}25$) do pico em 0, que fração a
#    menos de $2\sigma$ do pico em 6, e que fração longe dos dois? Uma tupla `(esquerdo, direito, nenhum)`.

# %%
samples = objective.Mixture1D((0.0, 6.0, 3.0), (0.25, 0.25, 1.5), (0.45, 0.25, 0.3)).sample(1000, seed=4)
answer = None  # es: (izquierdo, derecho, ninguno) | pt: (esquerdo, direito, nenhum)
gc.exercises.check("04.7", answer)

# %% [markdown] lang="es"
# ### Experimento: minimax contra no saturante
#
# 8. Entrena primero el discriminador solo, 500 lotes (`gan.train_discriminator(500)`), y después 150 pasos una
#    `GAN1D("gaussian", seed=0)` con `loss="minimax"` y otra con `loss="non_saturating"`. ¿En qué paso (contando
#    desde 1) supera por primera vez 0.1 la media de $D(G(z))$ del lote? Una tupla `(minimax, no saturante)`. ¿Es lo
#    que esperabas después de la tabla de gradientes?

# %% [markdown] lang="pt"
# ### Experimento: minimax contra não saturante
#
# 8. Treine primeiro só o discriminador, 500 lotes (`gan.train_discriminator(500)`), e depois por 150 passos uma
#    `GAN1D("gaussian", seed=0)` com `loss="minimax"` e outra com `loss="non_saturating"`. Em que passo (contando a
#    partir de 1) a média de $D(G(z))$ do lote passa de 0,1 pela primeira vez? Uma tupla `(minimax, não saturante)`.
#    É o que você esperava depois da tabela de gradientes?

# %%
def first_step_above(threshold, loss):
    gan = gan1d.GAN1D("gaussian", loss=loss, seed=0)
    gan.train_discriminator(500)
    d_fake = np.array(gan.train(150).d_fake)    # es: D(G(z)) medio de cada paso | pt: D(G(z)) médio de cada passo
    return d_fake  # es: cámbialo: el primer paso (desde 1) con d_fake > threshold
                   # pt: troque: o primeiro passo (a partir de 1) com d_fake > threshold

answer = None  # es: (first_step_above(0.1, "minimax"), first_step_above(0.1, "non_saturating"))
               # pt: (first_step_above(0.1, "minimax"), first_step_above(0.1, "non_saturating"))
gc.exercises.check("04.8", answer)

# %% [markdown] lang="es" slideshow={"slide_type": "notes"}
# El ejercicio 8 suele sorprender: con Adam, la pérdida minimax no se queda atascada en esta GAN pequeña, y puede
# llegar antes. Pide a la clase que lo explique (Adam divide por la raíz de la media de los gradientes al cuadrado:
# un gradiente cien veces menor en todos los pasos da casi el mismo paso) y que diga cuándo la saturación sí
# importa: descenso de gradiente sin esa normalización, o un $D$ tan seguro que el gradiente se pierde en el redondeo.

# %% [markdown] lang="pt" slideshow={"slide_type": "notes"}
# O exercício 8 costuma surpreender: com o Adam, a perda minimax não fica travada nesta GAN pequena, e pode chegar
# antes. Peça à turma que explique (o Adam divide pela raiz da média dos gradientes ao quadrado: um gradiente cem
# vezes menor em todos os passos dá quase o mesmo passo) e que diga quando a saturação importa de fato: descida de
# gradiente sem essa normalização, ou um $D$ tão seguro que o gradiente se perde no arredondamento.

# %% [markdown] lang="es"
# ## Siguiente
#
# La lección **05** estudia la normalización por lotes, la pieza que hace entrenables las GAN convolucionales, y la
# **06** junta todo en una DCGAN que dibuja dígitos: el mismo paso de entrenamiento de esta lección, con
# convoluciones en lugar de capas densas y la pérdida no saturante.

# %% [markdown] lang="pt"
# ## Próxima
#
# A lição **05** estuda a normalização em lote, a peça que torna treináveis as GAN convolucionais, e a **06** junta
# tudo numa DCGAN que desenha dígitos: o mesmo passo de treinamento desta lição, com convoluções no lugar de camadas
# densas e a perda não saturante.
