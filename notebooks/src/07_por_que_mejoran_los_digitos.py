"""Lesson 07: the source of both notebooks named in NAMES. Format: see tools/nbbuild.py."""
from _lang import T

NAMES = {"es": "07_por_que_mejoran_los_digitos", "pt": "07_por_que_os_digitos_melhoram"}

# %% [markdown] lang="es"
# # Por qué mejoran los dígitos: etiquetas, grupos y medidas
#
# La DCGAN de la lección 06, sin etiquetas y con unas 20 épocas de CPU, dibuja dígitos reconocibles pero a menudo
# ambiguos: IS ≈ 6 y FID ≈ 70 con el evaluador del curso, lejos de los dígitos reales. Esta lección añade, una a
# una y **midiendo cada paso**, las piezas que acercan sus muestras a los dígitos reales:
#
# 1. **con etiquetas**: el código latente, la cabeza de clases (AC-GAN), la proyección y la media móvil de los
#    pesos de $G$ (la receta `course`), entrenada aquí, y la tabla de cada palanca desde la DCGAN sola;
# 2. **sin etiquetas**: una carpeta de imágenes no trae etiquetas; buscamos grupos de imágenes parecidas y los
#    usamos en su lugar (la receta `selfcond`);
# 3. lo que aprendieron las redes: **aritmética en $z$** y las **características de $D$** como clasificador con
#    solo 100 etiquetas (Radford et al., 2016);
# 4. interpolación, memorización y lo que cuesta cada receta.

# %% [markdown] lang="pt"
# # Por que os dígitos melhoram: rótulos, grupos e medidas
#
# A DCGAN da lição 06, sem rótulos e com umas 20 épocas de CPU, desenha dígitos reconhecíveis mas muitas vezes
# ambíguos: IS ≈ 6 e FID ≈ 70 com o avaliador do curso, longe dos dígitos reais. Esta lição acrescenta, uma a uma e
# **medindo cada passo**, as peças que aproximam as suas amostras dos dígitos reais:
#
# 1. **com rótulos**: o código latente, a cabeça de classes (AC-GAN), a projeção e a média móvel dos pesos de $G$
#    (a receita `course`), treinada aqui, e a tabela de cada alavanca a partir da DCGAN sozinha;
# 2. **sem rótulos**: uma pasta de imagens não traz rótulos; procuramos grupos de imagens parecidas e os usamos no
#    lugar deles (a receita `selfcond`);
# 3. o que as redes aprenderam: **aritmética em $z$** e as **características de $D$** como classificador com só 100
#    rótulos (Radford et al., 2016);
# 4. interpolação, memorização e o que custa cada receita.

# %% slideshow={"slide_type": "skip"}
import json
import pathlib
import time

import numpy as np
import matplotlib.pyplot as plt
import gan_course as gc
from gan_course import (classifier, clusters, conditioning, data, keras, latent, losses, metrics, models, plots,
                        probe, recipes, train)
from gan_course.i18n import number

gc.setup(T("es", "pt"))  # es: idioma, semillas, TensorFlow silencioso | pt: idioma, sementes, TensorFlow silencioso
images, labels = data.mnist_split("train")          # es: los 4000 dígitos que ven las GAN | pt: os 4000 dígitos que as GAN veem
held_out, held_labels = data.mnist_split("held_out")  # es: los 1000 que nunca ven | pt: os 1000 que elas nunca veem
N_SCORE = gc.pick(2000, 500)                        # es: muestras por puntuación | pt: amostras por pontuação
EPOCHS = gc.pick(60, 1)                             # es: unos 3 minutos de CPU de 2 núcleos | pt: uns 3 minutos de CPU de 2 núcleos
use = slice(None, None, gc.pick(1, 20))             # es: todos (modo rápido: 1 de cada 20) | pt: todos (modo rápido: 1 a cada 20)

# %% [markdown] lang="es" slideshow={"slide_type": "notes"}
# Empieza con la cuadrícula de la lección 06 en pantalla y pregunta: «¿qué le falta a estos dígitos?». Suele salir
# «nitidez» o «más entrenamiento». La lección responde con medidas: más épocas apenas ayudan; lo que ayuda es dar a
# cada dígito su sitio en la red. La segunda mitad, sin etiquetas, es la que sirve para una carpeta de fotos propia.

# %% [markdown] lang="pt" slideshow={"slide_type": "notes"}
# Comece com a grade da lição 06 na tela e pergunte: “o que falta a esses dígitos?”. Costuma aparecer “nitidez” ou
# “mais treinamento”. A lição responde com medidas: mais épocas quase não ajudam; o que ajuda é dar a cada dígito o
# seu lugar na rede. A segunda metade, sem rótulos, é a que serve para uma pasta de fotos própria.

# %% [markdown] lang="es"
# ## El punto de partida
#
# Todas las puntuaciones de la lección usan el evaluador del curso (lección 01): IS de 2000 muestras y FID contra
# los 1000 dígitos de prueba, en las **64 características del clasificador del curso**, no en las de la red
# Inception de los artículos. Estas FID solo se comparan entre sí, nunca con FID publicadas. La línea que alcanzar
# es la de los dígitos reales, medida igual (2000 dígitos de entrenamiento contra los de prueba); la DCGAN sola
# viene de `benchmarks/quality.py` (3 minutos de CPU, semilla 0).

# %% [markdown] lang="pt"
# ## O ponto de partida
#
# Todas as pontuações da lição usam o avaliador do curso (lição 01): IS de 2000 amostras e FID contra os 1000
# dígitos de teste, nas **64 características do classificador do curso**, não nas da rede Inception dos artigos.
# Essas FID só se comparam entre si, nunca com FID publicadas. A linha a alcançar é a dos dígitos reais, medida do
# mesmo jeito (2000 dígitos de treinamento contra os de teste); a DCGAN sozinha vem de `benchmarks/quality.py`
# (3 minutos de CPU, semente 0).

# %% tags=["nbval-ignore-output"]
QUALITY = [json.loads(line) for line in pathlib.Path("../../benchmarks/results/quality.jsonl").read_text(
    encoding="utf-8").splitlines() if line.strip()]     # es: una ejecución por línea | pt: uma execução por linha
reference = metrics.reference_scores(N_SCORE)
REAL_FID = reference["frechet_distance"]


def score_line(name, s, epochs="—"):
    # es: una fila: IS, FID, cuántas veces la FID de los reales, memorizadas, clase más rara
    # pt: uma linha: IS, FID, quantas vezes a FID dos reais, memorizadas, classe mais rara
    return (f"{name:30} {str(epochs):>6} {number(s['inception_score'], 2):>5} {number(s['frechet_distance'], 1):>6}"
            f" {number(s['frechet_distance'] / REAL_FID, 1):>6}× {number(100 * s['memorised_share'], 1):>5} %"
            f" {number(100 * s['rarest_share'], 1):>5} %")


HEADER = T(f"{'':30} {'épocas':>6} {'IS':>5} {'FID':>6} {'× real':>7} {'memoriz.':>7} {'más rara':>8}",
           f"{'':30} {'épocas':>6} {'IS':>5} {'FID':>6} {'× real':>7} {'memoriz.':>7} {'mais rara':>8}")
plain = next(r for r in QUALITY if r["model"] == "plain" and r["minutes"] == 3 and r["tag"] == "baselines")
print(HEADER)
print(score_line(T("dígitos reales", "dígitos reais"), reference))
print(score_line(T("DCGAN sola (lección 06)", "DCGAN sozinha (lição 06)"), plain, plain["epochs"]))

# %% [markdown] lang="es"
# ### ¿Por qué dígitos ambiguos?
#
# $z$ es continuo: una nube gaussiana en $\mathbb{R}^{100}$, de una sola pieza. Un $G$ de capas densas y
# convoluciones es una función continua, y la imagen continua de un espacio de una pieza es de una pieza. Pero los
# dígitos forman diez grupos separados. Un $G$ así no puede partir el espacio latente en diez: tiene que pasar de un
# grupo a otro, y las muestras de esos pasillos no parecen ningún dígito (medio 4, medio 9). Lo único que puede
# hacer es estrechar los pasillos, para que caiga en ellos poca masa de $z$. Sin ayuda, una DCGAN pequeña en
# 3 minutos los deja anchos: el IS de arriba, lejos del de los reales, lo dice; los dígitos no faltan (la clase más
# rara tiene su parte), son ambiguos.

# %% [markdown] lang="pt"
# ### Por que dígitos ambíguos?
#
# $z$ é contínuo: uma nuvem gaussiana em $\mathbb{R}^{100}$, de uma peça só. Um $G$ de camadas densas e convoluções
# é uma função contínua, e a imagem contínua de um espaço de uma peça só é de uma peça só. Mas os dígitos formam dez
# grupos separados. Um $G$ assim não pode partir o espaço latente em dez: ele tem de passar de um grupo para outro,
# e as amostras desses corredores não parecem nenhum dígito (meio 4, meio 9). A única coisa que ele pode fazer é
# estreitar os corredores, para que caia neles pouca massa de $z$. Sem ajuda, uma DCGAN pequena em 3 minutos os
# deixa largos: o IS acima, longe do dos reais, mostra isso; os dígitos não faltam (a classe mais rara tem a sua
# parte), são ambíguos.

# %% [markdown] lang="es"
# ## Entran las etiquetas: la receta del curso
#
# La receta `course` (`recipes.build("course", …)`, la que usa por defecto `python -m gan_course train`) es una
# DCGAN que **aprende de las etiquetas de los dígitos**. Sobre las redes de la lección 06 añade cuatro cosas:
#
# 1. un **código latente**: los 10 primeros números de $z$ eligen un dígito (gana el mayor); $G$ sigue recibiendo
#    solo ruido;
# 2. una **cabeza de clases** en $D$ (AC-GAN): $D$ aprende el dígito de cada imagen real, y $G$ recibe una pérdida
#    extra: que $D$ reconozca en su imagen el dígito que eligió el código;
# 3. una **proyección** en $D$: $D$ recibe también el dígito (la etiqueta de la real, el código de la falsa) y juzga
#    «¿es esto un 7 real?», no solo «¿es esto real?»;
# 4. una **media móvil exponencial** (EMA) de los pesos de $G$: las muestras salen de la copia promediada.
#
# Las tasas de aprendizaje son las de la lección 06 ($5\cdot10^{-4}$ para $G$, $2\cdot10^{-4}$ para $D$; la tabla
# de más abajo mide también las dos iguales). Sus redes tienen **la mitad de filtros** ($G$ 64 → 32, $D$ 32 → 64):
# en el mismo tiempo ven unas 2.5 veces más imágenes, y más abajo se mide lo que eso compra.

# %% [markdown] lang="pt"
# ## Entram os rótulos: a receita do curso
#
# A receita `course` (`recipes.build("course", …)`, a que `python -m gan_course train` usa por padrão) é uma DCGAN
# que **aprende com os rótulos dos dígitos**. Sobre as redes da lição 06 ela acrescenta quatro coisas:
#
# 1. um **código latente**: os 10 primeiros números de $z$ escolhem um dígito (ganha o maior); $G$ continua
#    recebendo só ruído;
# 2. uma **cabeça de classes** em $D$ (AC-GAN): $D$ aprende o dígito de cada imagem real, e $G$ recebe uma perda
#    extra: que $D$ reconheça na sua imagem o dígito que o código escolheu;
# 3. uma **projeção** em $D$: $D$ também recebe o dígito (o rótulo da real, o código da falsa) e julga “isto é um 7
#    real?”, não só “isto é real?”;
# 4. uma **média móvel exponencial** (EMA) dos pesos de $G$: as amostras saem da cópia média.
#
# As taxas de aprendizado são as da lição 06 ($5\cdot10^{-4}$ para $G$, $2\cdot10^{-4}$ para $D$; a tabela mais
# abaixo mede também as duas iguais). As suas redes têm **a metade dos filtros** ($G$ 64 → 32, $D$ 32 → 64): no
# mesmo tempo elas veem umas 2,5 vezes mais imagens, e mais abaixo medimos o que isso compra.

# %% slideshow={"slide_type": "subslide"}
print(recipes.get("course").name, "—", gc.t("recipes.course"))
look_g, look_d = models.build_pair("course")              # es: un par solo para mirarlo por dentro | pt: um par só para olhar por dentro
print(T("entrada de G:", "entrada de G:"), look_g.input.shape, T("(solo ruido)", "(só ruído)"))
print(T("entradas de D:", "entradas de D:"), [tuple(x.shape) for x in look_d.inputs],
      T("= imagen y dígito", "= imagem e dígito"))
print(T("salida de D:", "saída de D:"), look_d.output.shape,
      T("= 1 logit real/falso + 10 logits de clase", "= 1 logit real/falso + 10 logits de classe"))

# %% [markdown] lang="es"
# ### El código latente: pasillos casi sin anchura
#
# La primera capa de $G$ lee $z$ sin aprender nada: con $z_{1..10}$ los 10 primeros números de $z$,
#
# $$c(z) = \mathrm{softmax}\big(1000 \cdot z_{1..10}\big) \approx \text{one-hot}\big(\arg\max_k z_k\big),$$
#
# y $G$ recibe $z$ y $c(z)$ concatenados. Como los 10 números son gaussianos independientes, cada posición gana con
# probabilidad 1/10: el código reparte los diez dígitos por igual. $c$ sigue siendo **continua** ($G$ también): no
# rompe el espacio en diez piezas, pero pasa de un código al siguiente en una franja muy estrecha, donde los dos
# mayores números se llevan menos de $\ln 99 / 1000 \approx 0.005$. Los pasillos siguen ahí; lo que cambia es
# cuánta masa de $z$ cae en ellos. La celda lo mide con 10 000 vectores $z$.

# %% [markdown] lang="pt"
# ### O código latente: corredores quase sem largura
#
# A primeira camada de $G$ lê $z$ sem aprender nada: com $z_{1..10}$ os 10 primeiros números de $z$,
#
# $$c(z) = \mathrm{softmax}\big(1000 \cdot z_{1..10}\big) \approx \text{one-hot}\big(\arg\max_k z_k\big),$$
#
# e $G$ recebe $z$ e $c(z)$ concatenados. Como os 10 números são gaussianos independentes, cada posição ganha com
# probabilidade 1/10: o código reparte os dez dígitos por igual. $c$ continua **contínua** ($G$ também): não quebra
# o espaço em dez pedaços, mas passa de um código para o seguinte numa faixa muito estreita, onde os dois maiores
# números diferem em menos de $\ln 99 / 1000 \approx 0{,}005$. Os corredores continuam lá; o que muda é quanta
# massa de $z$ cai neles. A célula mede isso com 10 000 vetores $z$.

# %%
z_many = np.random.default_rng(0).standard_normal((10_000, 100)).astype(np.float32)
code_layer = keras.Model(look_g.input, look_g.get_layer("code").output)   # es: la capa del código | pt: a camada do código
code = code_layer(z_many, training=False).numpy()
top_two = np.sort(z_many[:, :10], axis=1)[:, -2:]
print(T("código = argmax de z[:10]:", "código = argmax de z[:10]:"),
      bool(np.all(code.argmax(1) == z_many[:, :10].argmax(1))))
print(T("en un pasillo (máximo de c < 0.99):", "num corredor (máximo de c < 0.99):"),
      f"{number(100 * np.mean(code.max(1) < 0.99), 2)} %;",
      T("los dos mayores a menos de ln(99)/1000:", "os dois maiores a menos de ln(99)/1000:"),
      f"{number(100 * np.mean(top_two[:, 1] - top_two[:, 0] < np.log(99) / 1000), 2)} %")
print(T("dígito elegido, proporción:", "dígito escolhido, proporção:"),
      np.round(np.bincount(code.argmax(1), minlength=10) / len(z_many), 3))

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# Menos del 1 % de los $z$ cae en un pasillo: ahí $G$ mezcla dos dígitos, en el resto recibe un código limpio. El
# código no dice a $G$ *qué* dibujar con cada posición: eso lo fija la cabeza de clases, con las etiquetas de las
# imágenes reales. Sin ella, cada posición sería solo una región del espacio (como el código categórico de InfoGAN,
# Chen et al., 2016). Son capas normales de Keras (una `Dense` fija, un `Softmax`, una `Concatenate`):
# `generator.keras` se carga con `keras.models.load_model` y nada más.

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# Menos de 1 % dos $z$ cai num corredor: ali $G$ mistura dois dígitos; no resto ele recebe um código limpo. O código
# não diz a $G$ *o que* desenhar com cada posição: isso quem fixa é a cabeça de classes, com os rótulos das imagens
# reais. Sem ela, cada posição seria só uma região do espaço (como o código categórico da InfoGAN, Chen et al.,
# 2016). São camadas normais do Keras (uma `Dense` fixa, um `Softmax`, uma `Concatenate`): `generator.keras` é
# carregado com `keras.models.load_model` e nada mais.

# %% [markdown] lang="es"
# ### La cabeza de clases y la proyección
#
# $D$ calcula características $\phi(x)$ (la salida aplanada de sus convoluciones, 3136 números) y de ellas dos
# cosas. Los **logits de clase** $\ell(x) = W\phi(x)$ dan $p(y \mid x) = \mathrm{softmax}(\ell(x))$. El **logit
# real/falso** depende también del dígito $y$ que se le dice:
#
# $$s(x, y) = w^\top\phi(x) + b \;+\; e_y^\top\phi(x),$$
#
# con $e_y$ una fila aprendida por dígito (una capa `Embedding`). El último término es la **proyección** (Miyato y
# Koyama, 2018): $e_7$ aprende cómo son las características de un 7 real. Con $\lambda = 1$ (`class_weight`),
# $m$ imágenes por lote, las reales $x_i$ con su etiqueta $y_i$ y las falsas $G(z_i)$ con su código $k_i$:
#
# $$J^{(D)}_\text{curso} = J^{(D)}\big(s(x_i, y_i),\, s(G(z_i), k_i)\big) + \lambda\,\frac{1}{m}\sum_i -\log
# p(y_i \mid x_i),$$
#
# $$J^{(G)}_\text{curso} = J^{(G)}\big(s(G(z_i), k_i)\big) + \lambda\,\frac{1}{m}\sum_i -\log p(k_i \mid G(z_i)).$$
#
# El término de $G$ es el de AC-GAN (Odena, Olah y Shlens, 2017): «dibuja algo en lo que $D$ vea el dígito $k_i$».

# %% [markdown] lang="pt"
# ### A cabeça de classes e a projeção
#
# $D$ calcula características $\phi(x)$ (a saída achatada das suas convoluções, 3136 números) e delas duas coisas.
# Os **logits de classe** $\ell(x) = W\phi(x)$ dão $p(y \mid x) = \mathrm{softmax}(\ell(x))$. O **logit
# real/falso** depende também do dígito $y$ que lhe é dito:
#
# $$s(x, y) = w^\top\phi(x) + b \;+\; e_y^\top\phi(x),$$
#
# com $e_y$ uma linha aprendida por dígito (uma camada `Embedding`). O último termo é a **projeção** (Miyato e
# Koyama, 2018): $e_7$ aprende como são as características de um 7 real. Com $\lambda = 1$ (`class_weight`), $m$
# imagens por lote, as reais $x_i$ com o seu rótulo $y_i$ e as falsas $G(z_i)$ com o seu código $k_i$:
#
# $$J^{(D)}_\text{curso} = J^{(D)}\big(s(x_i, y_i),\, s(G(z_i), k_i)\big) + \lambda\,\frac{1}{m}\sum_i -\log
# p(y_i \mid x_i),$$
#
# $$J^{(G)}_\text{curso} = J^{(G)}\big(s(G(z_i), k_i)\big) + \lambda\,\frac{1}{m}\sum_i -\log p(k_i \mid G(z_i)).$$
#
# O termo de $G$ é o da AC-GAN (Odena, Olah e Shlens, 2017): “desenhe algo em que $D$ veja o dígito $k_i$”.

# %% slideshow={"slide_type": "subslide"}
x_few, y_few = data.to_float(images[:4]), labels[:4].astype(np.int32)
e_layer = look_d.get_layer("label_embedding")               # es: una fila e_y por dígito | pt: uma linha e_y por dígito
e_layer.embeddings.assign(0.01 * np.random.default_rng(1).standard_normal(e_layer.embeddings.shape).astype(np.float32))
phi = keras.Model(look_d.inputs[0], look_d.get_layer("flatten").output)(x_few, training=False).numpy()
w_real, b_real = look_d.get_layer("unconditional").get_weights()
e_rows = look_d.get_layer("label_embedding").get_weights()[0]
out = look_d([x_few, y_few], training=False).numpy()
by_hand = phi @ w_real[:, 0] + b_real[0] + np.sum(e_rows[y_few] * phi, axis=1)
print(T("s(x, y) a mano:  ", "s(x, y) à mão:   "), np.round(by_hand, 4))
print(T("s(x, y) de Keras:", "s(x, y) do Keras:"), np.round(out[:, 0], 4))
print(T("iguales:", "iguais:"), bool(np.allclose(by_hand, out[:, 0], atol=1e-5)))
head_term = float(losses.class_loss(out[:, 1:], y_few))              # es: −log p(y|x), de la biblioteca | pt: −log p(y|x), da biblioteca
log_p = out[:, 1:] - np.log(np.sum(np.exp(out[:, 1:]), axis=1, keepdims=True))
print(T("término de la cabeza, a mano y con losses.class_loss:", "termo da cabeça, à mão e com losses.class_loss:"),
      round(float(-np.mean(log_p[np.arange(4), y_few])), 5), round(head_term, 5))

# %% [markdown] lang="es"
# ### La media móvil de los pesos de $G$ (EMA)
#
# Tras cada paso, con $\theta$ los pesos de $G$ y $\bar\theta$ los de su copia promediada (`gan.sampler`):
#
# $$\bar\theta \leftarrow \beta\,\bar\theta + (1 - \beta)\,\theta, \qquad \beta = 0.5^{\,m / h}, \qquad
# h = \min\big(10\,000,\; 0.05 \cdot \text{imágenes vistas}\big).$$
#
# $h$ es la **semivida** en imágenes: tras $h$ imágenes, el peso del promedio viejo se ha reducido a la mitad
# ($m = 64$ imágenes por paso). Al principio $h$ es corto (una rampa: el 5 % de lo visto), así que los primeros
# pesos, malos, se olvidan deprisa. En un juego de dos jugadores los pesos de $G$ no bajan hacia un mínimo: oscilan
# alrededor de un buen punto, y el promedio de la trayectoria queda más cerca del centro (Yazıcı et al., 2019;
# Karras et al. la usan en ProGAN, 2018). Comprobamos la fórmula con un paso de la biblioteca, con 40 000 imágenes
# ya vistas:

# %% [markdown] lang="pt"
# ### A média móvel dos pesos de $G$ (EMA)
#
# Depois de cada passo, com $\theta$ os pesos de $G$ e $\bar\theta$ os da sua cópia média (`gan.sampler`):
#
# $$\bar\theta \leftarrow \beta\,\bar\theta + (1 - \beta)\,\theta, \qquad \beta = 0{,}5^{\,m / h}, \qquad
# h = \min\big(10\,000,\; 0{,}05 \cdot \text{imagens vistas}\big).$$
#
# $h$ é a **meia-vida** em imagens: depois de $h$ imagens, o peso da média velha caiu pela metade ($m = 64$ imagens
# por passo). No começo $h$ é curto (uma rampa: 5 % do que foi visto), então os primeiros pesos, ruins, são
# esquecidos depressa. Num jogo de dois jogadores os pesos de $G$ não descem para um mínimo: oscilam em torno de um
# bom ponto, e a média da trajetória fica mais perto do centro (Yazıcı et al., 2019; Karras et al. a usam na ProGAN,
# 2018). Conferimos a fórmula com um passo da biblioteca, com 40 000 imagens já vistas:

# %% slideshow={"slide_type": "subslide"}
ema_check = recipes.build("course", seed=1)                 # es: un entrenador aparte, solo para este paso | pt: um treinador à parte, só para este passo
ema_check.images_seen.assign(40_000.0)
before = ema_check.ema_generator.get_layer("up_1").kernel.numpy().copy()
ema_check.train_step(data.to_float(images[:64]), labels[:64])
after_g = ema_check.generator.get_layer("up_1").kernel.numpy()
after_ema = ema_check.ema_generator.get_layer("up_1").kernel.numpy()
h = min(10_000, 0.05 * (40_000 + 64))
beta = 0.5 ** (64 / h)
print(T(f"h = {number(h, 1)} imágenes, β = {number(beta, 5)}", f"h = {number(h, 1)} imagens, β = {number(beta, 5)}"))
print(T("β·θ̄ + (1 − β)·θ a mano = copia de la biblioteca:", "β·θ̄ + (1 − β)·θ à mão = cópia da biblioteca:"),
      bool(np.allclose(beta * before + (1 - beta) * after_g, after_ema, atol=1e-6)))

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# **Las estadísticas de la normalización, medidas de nuevo.** Promediar pesos no promedia lo que la red hace: las
# medias y varianzas móviles de la normalización por lotes (lección 05) de $G$ no corresponden a la copia. Por eso,
# tras cada época, `gan.recalibrate()` pasa la copia por 8 lotes de 256 vectores $z$ nuevos en modo entrenamiento y
# guarda en cada capa de normalización la media de sus medias y de sus varianzas.

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# **As estatísticas da normalização, medidas de novo.** Tirar a média dos pesos não tira a média do que a rede faz:
# as médias e variâncias móveis da normalização em lote (lição 05) de $G$ não correspondem à cópia. Por isso, depois
# de cada época, `gan.recalibrate()` passa a cópia por 8 lotes de 256 vetores $z$ novos em modo de treinamento e
# guarda em cada camada de normalização a média das suas médias e variâncias.

# %% [markdown] lang="es"
# ## Entrenar la receta del curso
#
# Un presupuesto en **épocas**, no en minutos, para que los números no dependan de la carga de la máquina: 60 épocas
# de los 4000 dígitos, unos 3 minutos en una CPU de 2 núcleos sin carga (modo rápido: 1 época sobre 200 dígitos).
# `labels=` le da a `train.fit` el dígito de cada imagen: esta receta **lee las etiquetas**.

# %% [markdown] lang="pt"
# ## Treinar a receita do curso
#
# Um orçamento em **épocas**, não em minutos, para que os números não dependam da carga da máquina: 60 épocas dos
# 4000 dígitos, uns 3 minutos numa CPU de 2 núcleos sem carga (modo rápido: 1 época sobre 200 dígitos). `labels=`
# dá a `train.fit` o dígito de cada imagem: esta receita **lê os rótulos**.

# %% tags=["nbval-ignore-output"]
course = recipes.build("course", seed=0)
start = time.time()
course_history = train.fit(course, images[use], EPOCHS, labels=labels[use], verbose=False)
course_seconds = time.time() - start
seen = float(course.images_seen.numpy())
print(T(f"{course_history['epoch'][-1]} épocas, {seen:,.0f} imágenes vistas, {course_seconds:.0f} s en esta máquina; "
        f"semivida final de la EMA: {min(10_000, 0.05 * seen):,.0f} imágenes",
        f"{course_history['epoch'][-1]} épocas, {seen:,.0f} imagens vistas, {course_seconds:.0f} s nesta máquina; "
        f"meia-vida final da EMA: {min(10_000, 0.05 * seen):,.0f} imagens"))

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# La cuadrícula fija de la receta: una fila por dígito que pide el código (fila 0: el 0, y así), cada columna otro
# ruido. Cada fila debería ser un solo dígito, escrito de diez maneras.

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# A grade fixa da receita: uma linha por dígito pedido pelo código, cada coluna outro ruído.

# %%
def show_grid(grid, size=5.5):
    # es: una cuadrícula ya montada (uint8), grande para ver los trazos | pt: uma grade já montada (uint8), grande para ver os traços
    _, ax = plt.subplots(figsize=(size, size))
    ax.imshow(grid, cmap="gray", vmin=0, vmax=255, interpolation="nearest")
    ax.set_axis_off()
    plt.show()


show_grid(course.grid())

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# Las puntuaciones de 2000 muestras de la copia promediada, con el evaluador del curso, y la proporción que el
# clasificador lee como el dígito que pidió su código:

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# As pontuações de 2000 amostras da cópia média, com o avaliador do curso, e a proporção que o classificador lê
# como o dígito que o seu código pediu:

# %% tags=["nbval-ignore-output"]
course_samples = metrics.sample(course.sampler, N_SCORE, seed=0)
course_scores = metrics.score_images(course_samples)
asked = metrics.requested_digits(course.sampler, N_SCORE, seed=0)
print(HEADER)
print(score_line(T("dígitos reales", "dígitos reais"), reference))
print(score_line(T("DCGAN sola (lección 06)", "DCGAN sozinha (lição 06)"), plain, plain["epochs"]))
print(score_line(T("receta del curso (aquí)", "receita do curso (aqui)"), course_scores, course_history["epoch"][-1]))
print(T("leídas como el dígito pedido:", "lidas como o dígito pedido:"),
      f"{number(100 * metrics.requested_share(course_samples, asked), 1)} %")

# %% [markdown] lang="es"
# ## Medido: cada palanca con el mismo presupuesto
#
# ¿Qué pieza hace cuánto? `benchmarks/levers.py` entrena cada variante, con los filtros de la lección 06,
# 19 épocas de los 4000 dígitos en una CPU de 2 núcleos (un Xeon compartido; unos 3 minutos sin carga) y la puntúa
# como arriba: 2000 muestras, FID contra los 1000 de prueba en las 64 características del clasificador del curso.
# Cada línea de `benchmarks/results/levers.jsonl` es una ejecución; la celda las agrupa por variante (media si hay
# varias semillas) y divide la FID por la de los dígitos reales impresa arriba.

# %% [markdown] lang="pt"
# ## Medido: cada alavanca com o mesmo orçamento
#
# Que peça faz quanto? `benchmarks/levers.py` treina cada variante, com os filtros da lição 06, por 19 épocas
# dos 4000 dígitos numa CPU de 2 núcleos (um Xeon compartilhado; uns 3 minutos sem carga) e a pontua como acima:
# 2000 amostras, FID contra os 1000 de teste nas 64 características do classificador do curso. Cada linha de
# `benchmarks/results/levers.jsonl` é uma execução; a célula as agrupa por variante (média se houver várias
# sementes) e divide a FID pela dos dígitos reais impressa acima.

# %% slideshow={"slide_type": "skip"}
LEVERS = {  # es: nombre de la variante en el archivo → cómo la llamamos aquí, de la DCGAN sola hacia arriba
            # pt: nome da variante no arquivo → como a chamamos aqui, da DCGAN sozinha para cima
    "plain: gk4 dk3": T("DCGAN sola (G 4×4, D 3×3)", "DCGAN sozinha (G 4×4, D 3×3)"),
    "k3 (3 min here)": T("  G y D 3×3", "  G e D 3×3"),
    "k3 half width (3 min here)": T("  G y D 3×3, mitad de filtros", "  G e D 3×3, metade dos filtros"),
    "gk4 dk3 + EMA": T("+ EMA", "+ EMA"),
    "gk4 dk3 + class head + EMA": T("+ cabeza de clases", "+ cabeça de classes"),
    "gk4 dk3 + class head + code + EMA": T("+ código latente (AC-GAN)", "+ código latente (AC-GAN)"),
    "course: class head + code + projection + EMA": T("+ proyección = receta del curso", "+ projeção = receita do curso"),
    "code + projection + EMA, no class head": T("  curso sin cabeza de clases", "  curso sem cabeça de classes"),
    "course, equal rates G 2e-4 = D 2e-4": T("  curso con tasas iguales", "  curso com taxas iguais"),
}


def lever_table(path):
    # es: una fila por variante (en el orden de LEVERS): épocas, semillas y la media de cada medida
    # pt: uma linha por variante (na ordem de LEVERS): épocas, sementes e a média de cada medida
    runs = [json.loads(line) for line in pathlib.Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    print(T(f"{'variante':33} {'épocas':>6} {'semillas':>8} {'IS':>5} {'FID':>6} {'× real':>7} {'memoriz.':>8}",
            f"{'variante':33} {'épocas':>6} {'sementes':>8} {'IS':>5} {'FID':>6} {'× real':>7} {'memoriz.':>8}"))
    for name, shown in LEVERS.items():
        group = [r for r in runs if r["name"] == name]
        if group:
            mean = {key: np.mean([r[key] for r in group]) for key in ("IS", "FID", "memorised")}
            print(f"{shown:33} {group[0]['epochs']:6d} {len(group):8d} {number(mean['IS'], 2):>5} "
                  f"{number(mean['FID'], 1):>6} {number(mean['FID'] / REAL_FID, 1):>6}× "
                  f"{number(100 * mean['memorised'], 1):>6} %")

# %% tags=["nbval-ignore-output"] slideshow={"slide_type": "subslide"}
lever_table("../../benchmarks/results/levers.jsonl")   # es: el archivo cambia cuando se repiten las medidas
                                                       # pt: o arquivo muda quando as medidas são repetidas

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# Lo que dicen los números (medias de 3 semillas en las filas de la cabeza, el código y el curso; con una sola
# semilla, unas décimas de IS pueden ser ruido, Lucic et al., 2018):
#
# - **Kernels, filtros, EMA**: la DCGAN sola (IS 6.31, FID 71.5 aquí; 6.38 y 69.7 en la ejecución de arriba: de una
#   ejecución a otra varía así), 3×3 en las dos redes o la mitad de filtros (34 y 80 épocas en los mismos
#   3 minutos) y la EMA apenas mueven la FID: a la DCGAN sola no la limita el número de pasos (a la receta
#   del curso, sí: más abajo).
# - **+ cabeza de clases**: la FID baja a menos de la mitad (32.8), pero el IS se queda en 7.6: los pasillos
#   siguen ahí.
# - **+ código latente**: el IS pasa de 9 (9.27): casi cada muestra es un dígito claro, el que pidió su código. La
#   FID, 22.4, es aún unas 9 veces la de los reales: trazos rotos o manchados.
# - **+ proyección** (la receta del curso): FID 6.3, unas 2.5 veces la de los reales. $D$ compara cada 7 con los 7
#   reales y ve los defectos de estilo que la cabeza de clases deja pasar; sin la cabeza (una semilla) la FID es
#   casi la misma y el IS algo menor.
# - **Tasas iguales** ($2\cdot10^{-4}$ para las dos redes, una semilla): IS 9.41, FID 11.3 frente a 9.72 y 6.5 con la
#   misma semilla y $G$ a $5\cdot10^{-4}$. Con tan pocas épocas, un $G$ más rápido ayudó; TTUR (Heusel et al.,
#   2017) justifica dos tasas distintas, aunque lo habitual después (SAGAN) es al revés, $D$ más rápido.

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# O que os números dizem (médias de 3 sementes nas linhas da cabeça, do código e do curso; com uma só semente,
# alguns décimos de IS podem ser ruído, Lucic et al., 2018):
#
# - **Kernels, filtros, EMA**: a DCGAN sozinha (IS 6,31, FID 71,5 aqui; 6,38 e 69,7 na execução lá de cima: de uma
#   execução para outra ela varia assim), 3×3 nas duas redes ou metade dos filtros (34 e 80 épocas nos mesmos
#   3 minutos) e a EMA quase não mexem na FID: o que limita a DCGAN sozinha não é o número de passos (a
#   receita do curso, sim: mais abaixo).
# - **+ cabeça de classes**: a FID cai para menos da metade (32,8), mas o IS fica em 7,6: os corredores continuam
#   lá.
# - **+ código latente**: o IS passa de 9 (9,27): quase cada amostra é um dígito claro, o que o seu código pediu. A
#   FID, 22,4, ainda é umas 9 vezes a dos reais: traços quebrados ou manchados.
# - **+ projeção** (a receita do curso): FID 6,3, umas 2,5 vezes a dos reais. $D$ compara cada 7 com os 7 reais e
#   vê os defeitos de estilo que a cabeça de classes deixa passar; sem a cabeça (uma semente) a FID é quase a mesma
#   e o IS um pouco menor.
# - **Taxas iguais** ($2\cdot10^{-4}$ para as duas redes, uma semente): IS 9,41, FID 11,3 contra 9,72 e 6,5 com a
#   mesma semente e $G$ a $5\cdot10^{-4}$. Com tão poucas épocas, um $G$ mais rápido ajudou; a TTUR (Heusel et
#   al., 2017) justifica duas taxas diferentes, embora o habitual depois (SAGAN) seja o contrário, $D$ mais rápido.

# %% [markdown] lang="es" slideshow={"slide_type": "notes"}
# Antes de mostrar la tabla, pide a la clase que apueste: ¿qué cambio mejorará más la FID: kernels 3×3, la mitad de
# filtros (más pasos por minuto), la EMA, la cabeza de clases, el código latente o la proyección? Suelen apostar por
# más pasos o por la EMA. Después pregunta por qué la cabeza de clases podría subir el IS «por construcción» ($G$
# aprende a que $D$ reconozca su dígito, y el IS premia justo eso) y qué medida no se engaña así: la FID contra
# dígitos no vistos, que es la que muestra lo que aporta la proyección.

# %% [markdown] lang="pt" slideshow={"slide_type": "notes"}
# Antes de mostrar a tabela, peça à turma que aposte: que mudança vai melhorar mais a FID: kernels 3×3, metade dos
# filtros (mais passos por minuto), a EMA, a cabeça de classes, o código latente ou a projeção? Costumam apostar em
# mais passos ou na EMA. Depois pergunte por que a cabeça de classes poderia subir o IS “por construção” ($G$
# aprende a fazer $D$ reconhecer o seu dígito, e o IS premia justamente isso) e que medida não se engana assim: a
# FID contra dígitos não vistos, que é a que mostra o que a projeção traz.

# %% [markdown] lang="es"
# ## Sin etiquetas: grupos en lugar de dígitos
#
# Una carpeta de fotos, dibujos o logotipos no trae etiquetas, y sin ellas no hay código latente ni proyección
# que valgan. La GAN autocondicionada (Liu et al., 2020) las sustituye por **grupos de imágenes parecidas**
# encontrados por el propio código: cada grupo hace de «dígito». `clusters.find` (la receta `selfcond`) lo hace en
# cuatro pasos, sin leer ninguna etiqueta:
#
# 0. **enderezar** (`clusters.deskew`): los momentos de segundo orden de la tinta dan la inclinación del trazo, y un
#    cizallamiento la quita; un 1 inclinado y uno recto pasan a solaparse en píxeles (solo para agrupar: el
#    entrenamiento ve las imágenes tal cual);
# 1. **PCA**: las 30 direcciones en que más varían los píxeles;
# 2. **incrustación espectral**: un grafo une cada imagen con sus 10 vecinas más cercanas, y unas pocas coordenadas
#    suaves sobre el grafo juntan las imágenes unidas por cadenas de vecinas (un 4 estrecho y uno ancho quedan
#    juntos; un 4 y un 9 que solo se solapan en píxeles se separan);
# 3. **k-means equilibrado**: 40 grupos del mismo tamaño, para que el código, que elige cada grupo 1/40 de las
#    veces, pida cada grupo tanto como aparece en los datos.

# %% [markdown] lang="pt"
# ## Sem rótulos: grupos no lugar de dígitos
#
# Uma pasta de fotos, desenhos ou logotipos não traz rótulos, e sem eles não há código latente nem projeção. A GAN
# autocondicionada (Liu et al., 2020) os substitui por **grupos de imagens parecidas**: cada grupo faz o papel de
# “dígito”. `clusters.find` (a receita `selfcond`) os encontra em quatro passos, sem ler nenhum rótulo:
#
# 0. **endireitar** (`clusters.deskew`): os momentos de segunda ordem da tinta dão a inclinação do traço, e um
#    cisalhamento a remove; um 1 inclinado e um reto passam a se sobrepor nos pixels (só para agrupar: o
#    treinamento vê as imagens como são);
# 1. **PCA**: as 30 direções em que os pixels mais variam;
# 2. **imersão espectral**: um grafo liga cada imagem às suas 10 vizinhas mais próximas, e umas poucas coordenadas
#    suaves sobre o grafo juntam as imagens ligadas por cadeias de vizinhas (um 4 estreito e um largo ficam juntos;
#    um 4 e um 9 que só se sobrepõem nos pixels se separam);
# 3. **k-means equilibrado**: 40 grupos do mesmo tamanho, para que o código, que escolhe cada grupo 1/40 das vezes,
#    peça cada grupo tanto quanto ele aparece nos dados.

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# ### Enderezar y agrupar
#
# Arriba, doce dígitos tal como vienen; abajo, enderezados por `clusters.deskew`. Después, los 40 grupos:

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# ### Endireitar e agrupar
#
# Em cima, doze dígitos como vêm; embaixo, endireitados por `clusters.deskew`. Depois, os 40 grupos:

# %% tags=["nbval-ignore-output"]
originals = data.to_float(images[use][:12])
straight = clusters.deskew(originals)  # es: arriba tal cual, abajo enderezadas | pt: em cima como são, embaixo endireitadas
plots.show_images(np.concatenate([originals, straight]), ncols=12, size=6.5)
plt.show()

# %% tags=["nbval-ignore-output"]
selfcond_recipe = recipes.get("selfcond")
print(selfcond_recipe.name, "—", gc.t("recipes.selfcond"))
start = time.time()
groups = clusters.find(images[use], selfcond_recipe.class_count, method=selfcond_recipe.cluster_method,  # es: sin etiquetas | pt: sem rótulos
                       dims=selfcond_recipe.pca_dims, neighbours=selfcond_recipe.cluster_neighbours)
print(T(f"{len(np.unique(groups))} grupos de {np.bincount(groups).min()}–{np.bincount(groups).max()} imágenes, "
        f"{time.time() - start:.0f} s en esta máquina",
        f"{len(np.unique(groups))} grupos de {np.bincount(groups).min()}–{np.bincount(groups).max()} imagens, "
        f"{time.time() - start:.0f} s nesta máquina"))

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# Diez de los 40 grupos, uno por fila, doce imágenes de cada uno. Nadie les ha dicho qué dígito es cada imagen.

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# Dez dos 40 grupos, um por linha, doze imagens de cada um. Ninguém lhes disse que dígito é cada imagem.

# %% tags=["nbval-ignore-output"]
shown_groups = np.arange(0, selfcond_recipe.class_count, selfcond_recipe.class_count // 10)[:10]
rows = [images[use][np.flatnonzero(groups == g)[:12]] for g in shown_groups]
plots.show_images(np.concatenate(rows), ncols=12, size=6.5)
plt.show()

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# ### ¿Cuánto se parecen los grupos a los dígitos?
#
# La **pureza** de unos grupos es la parte de las imágenes cuya etiqueta es la más común de su grupo: 1 si cada
# grupo es un solo dígito. Las etiquetas solo sirven aquí para **comprobar** los grupos; el entrenamiento no las
# lee. Con más grupos que dígitos, cada dígito se reparte en varios (el 1 recto y el inclinado), y eso no estorba.
# La incrustación espectral sube la pureza de 0.78 (k-means de los píxeles) a 0.89; 40 grupos del mismo tamaño
# cuestan poco (0.87), y así el código pide cada grupo tanto como aparece en los datos; enderezar las imágenes y
# unir cada una con 10 vecinas en vez de 5 la sube a 0.94.

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# ### Quanto os grupos se parecem com os dígitos?
#
# A **pureza** de um conjunto de grupos é a parte das imagens cujo rótulo é o mais comum do seu grupo: 1 se cada
# grupo é um só dígito. Os rótulos só servem aqui para **conferir** os grupos; o treinamento não os lê. Com mais
# grupos que dígitos, cada dígito se reparte em vários (o 1 reto e o inclinado), e isso não atrapalha. A imersão
# espectral sobe a pureza de 0,78 (k-means dos pixels) para 0,89; 40 grupos do mesmo tamanho custam pouco (0,87), e
# assim o código pede cada grupo tanto quanto ele aparece nos dados; endireitar as imagens e ligar cada uma a 10
# vizinhas em vez de 5 a sobe para 0,94.

# %% tags=["nbval-ignore-output"]
start = time.time()
ways = {T("k-means de los píxeles, 30 grupos", "k-means dos pixels, 30 grupos"):
        clusters.find(images[use], 30, method="pixels", balanced=False),
        T("espectral, 30 grupos", "espectral, 30 grupos"): clusters.find(images[use], 30, balanced=False),
        T("espectral, 40 del mismo tamaño", "espectral, 40 do mesmo tamanho"): clusters.find(images[use], 40),
        T("enderezadas, 10 vecinas, 40 iguales (selfcond)", "endireitadas, 10 vizinhas, 40 iguais (selfcond)"): groups}
for name, found in ways.items():
    print(f"{name:48} {T('pureza', 'pureza')} {number(clusters.purity(found, labels[use]), 2)}")
print(T(f"({time.time() - start:.0f} s en esta máquina)", f"({time.time() - start:.0f} s nesta máquina)"))

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# ### Entrenar sin etiquetas
#
# La red del curso con 40 grupos en lugar de 10 dígitos; los grupos de arriba hacen de etiquetas. Las mismas
# 60 épocas.

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# ### Treinar sem rótulos
#
# A rede da receita do curso com 40 grupos no lugar de 10 dígitos (no código, na cabeça de classes e na projeção);
# os grupos acima fazem o papel de rótulos. As mesmas 60 épocas.

# %% tags=["nbval-ignore-output"]
selfcond = recipes.build("selfcond", seed=0)
start = time.time()
selfcond_history = train.fit(selfcond, images[use], EPOCHS, labels=groups, verbose=False)  # es: grupos, no dígitos | pt: grupos, não dígitos
print(T(f"{selfcond_history['epoch'][-1]} épocas, {time.time() - start:.0f} s en esta máquina",
        f"{selfcond_history['epoch'][-1]} épocas, {time.time() - start:.0f} s nesta máquina"))
show_grid(selfcond.grid())

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# Una fila por grupo (40 grupos en 10 filas: los grupos 0, 4, 8…). Las puntuaciones, con el mismo evaluador, junto a
# las de la receta con etiquetas y las de `benchmarks/quality.py` con la misma receta sobre una carpeta de 4000 PNG
# de los mismos dígitos (3 minutos de CPU, tres semillas):

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# Uma linha por grupo (40 grupos em 10 linhas: os grupos 0, 4, 8…). As pontuações, com o mesmo avaliador, junto às
# da receita com rótulos e às de `benchmarks/quality.py` com a mesma receita sobre uma pasta de 4000 PNG dos mesmos
# dígitos (3 minutos de CPU, três sementes):

# %% tags=["nbval-ignore-output"]
selfcond_scores = metrics.score_images(metrics.sample(selfcond.sampler, N_SCORE, seed=0))
print(HEADER)
print(score_line(T("dígitos reales", "dígitos reais"), reference))
print(score_line(T("DCGAN sola (lección 06)", "DCGAN sozinha (lição 06)"), plain, plain["epochs"]))
print(score_line(T("curso, con etiquetas (aquí)", "curso, com rótulos (aqui)"), course_scores, course_history["epoch"][-1]))
print(score_line(T("selfcond, sin etiquetas (aquí)", "selfcond, sem rótulos (aqui)"), selfcond_scores,
                 selfcond_history["epoch"][-1]))
for r in (r for r in QUALITY if r["tag"] == "label-free" and r["model"] == "selfcond"):
    print(score_line(T(f"selfcond, carpeta, semilla {r['seed']}", f"selfcond, pasta, semente {r['seed']}"), r, r["epochs"]))

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# Sin leer una sola etiqueta, la receta `selfcond` llega a la receta con etiquetas: aquí, con las mismas 60 épocas,
# IS 9.78 y FID 5.1 frente a 9.76 y 4.7; el IS pasa de ≈ 6 a ≈ 9.8 y la FID cae a menos de una décima parte de la
# de la DCGAN sola. Sobre la carpeta, en 3 minutos, las tres semillas dan IS 9.56–9.78 y FID 4.6–5.1, a la par de
# la receta con etiquetas (9.79 y 5.0 de media en `benchmarks/quality.py`: tabla siguiente). Lo que le queda por
# ganar está en la pureza (0.94): un grupo con dos dígitos mezclados enseña a $G$ un «dígito» que no existe. El
# objetivo que el proyecto se fijó para ella (IS ≥ 9.5 y FID ≤ 10 con un evaluador independiente, que no tenemos
# aquí) queda por comprobar allí; con el evaluador del curso, las tres semillas lo cumplen.

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# Sem ler um único rótulo, a receita `selfcond` alcança a receita com rótulos: aqui, com as mesmas 60 épocas, IS
# 9,78 e FID 5,1 contra 9,76 e 4,7; o IS passa de ≈ 6 para ≈ 9,8 e a FID cai para menos de um décimo da FID da
# DCGAN sozinha. Sobre a pasta, em 3 minutos, as três sementes dão IS 9,56–9,78 e FID 4,6–5,1, no mesmo nível da
# receita com rótulos (9,79 e 5,0 em média em `benchmarks/quality.py`: tabela seguinte). O que ela ainda tem a
# ganhar está na pureza (0,94): um grupo com dois dígitos misturados ensina a $G$ um “dígito” que não existe. A meta
# que o projeto fixou para ela (IS ≥ 9,5 e FID ≤ 10 com um avaliador independente, que não temos aqui) ainda precisa
# ser conferida lá; com o avaliador do curso, as três sementes a cumprem.

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# ### Más épocas en el mismo tiempo
#
# Las dos recetas usan redes con **la mitad de filtros** que la DCGAN de la lección 06. Una convolución cuesta en
# proporción a sus canales de entrada por los de salida: con la mitad a cada lado, la capa intermedia hace un cuarto
# de las cuentas; en esta CPU, unas 2.5 veces más imágenes por segundo. A la DCGAN sola no le sirve (tabla de
# palancas: 80 épocas en 3 minutos, la misma FID): le falta el sitio de cada dígito, no pasos. Con el código y la
# proyección, las épocas de más sí cuentan. `python -m gan_course train --minutes 3` (`benchmarks/quality.py`),
# media de tres semillas:

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# ### Mais épocas no mesmo tempo
#
# As duas receitas usam redes com **a metade dos filtros** da DCGAN da lição 06. Uma convolução custa em proporção
# aos seus canais de entrada vezes os de saída: com a metade de cada lado, a camada do meio faz um quarto das
# contas; nesta CPU, umas 2,5 vezes mais imagens por segundo. Para a DCGAN sozinha isso não serve (tabela de
# alavancas: 80 épocas em 3 minutos, a mesma FID): falta a ela o lugar de cada dígito, não passos. Com o código e a
# projeção, as épocas a mais contam, sim. `python -m gan_course train --minutes 3` (`benchmarks/quality.py`), média
# de três sementes:

# %% tags=["nbval-ignore-output"]
WIDTHS = {("course", "main job, width 64"): T("curso, filtros de la lección 06", "curso, filtros da lição 06"),
          ("course", "main job"): T("curso, mitad de filtros", "curso, metade dos filtros"),
          ("selfcond", "label-free, width 64"): T("selfcond, filtros de la lección 06", "selfcond, filtros da lição 06"),
          ("selfcond", "label-free"): T("selfcond, mitad de filtros", "selfcond, metade dos filtros")}
print(T(f"{'3 minutos':36} {'épocas':>6} {'imág./s':>8} {'IS':>5} {'FID':>6} {'× real':>7}",
        f"{'3 minutos':36} {'épocas':>6} {'imag./s':>8} {'IS':>5} {'FID':>6} {'× real':>7}"))
for (model, tag), shown in WIDTHS.items():
    group = [r for r in QUALITY if r["model"] == model and r["tag"] == tag and r["minutes"] == 3]
    mean = {key: np.mean([r[key] for r in group])
            for key in ("epochs", "images_per_second", "inception_score", "frechet_distance")}
    print(f"{shown:36} {mean['epochs']:6.0f} {mean['images_per_second']:8.0f} {number(mean['inception_score'], 2):>5} "
          f"{number(mean['frechet_distance'], 1):>6} {number(mean['frechet_distance'] / REAL_FID, 1):>6}×")

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# En el mismo tiempo, unas 3 veces más épocas: la FID de las dos recetas baja de un 20 a un 30 %, y `selfcond`, que
# con las redes anchas aún iba por detrás en IS, alcanza a la receta con etiquetas. Más tiempo no sigue ayudando:
# con 15 minutos $D$ empieza a aprenderse de memoria los 4000 dígitos (medido en `README.md`, «Quality against
# time»; no en esta lección).

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# No mesmo tempo, umas 3 vezes mais épocas: a FID das duas receitas cai de 20 a 30 %, e a `selfcond`, que com as redes
# largas ainda ficava atrás no IS, alcança a receita com rótulos. Mais tempo não continua ajudando: com 15 minutos
# $D$ começa a decorar os 4000 dígitos (medido no `README.md`, “Quality against time”; não nesta lição).

# %% [markdown] lang="es"
# ## Lo que aprendió $D$: un clasificador con 100 etiquetas
#
# Radford et al. (2016) usaron el discriminador de una DCGAN como extractor de características: congelado, solo se
# entrena un clasificador lineal encima, con pocas etiquetas. Lo repetimos con el $D$ de `selfcond`, que nunca vio
# una etiqueta: sus 3136 características (`flatten`), **10 dígitos etiquetados por clase** (100 en total) y un
# clasificador lineal (`probe.ridge_probe`: mínimos cuadrados con penalización, λ elegido dejando uno fuera entre
# esos 100). Se mide con los 1000 dígitos de prueba. Las líneas que batir: los píxeles tal cual y un $D$ igual sin
# entrenar.

# %% [markdown] lang="pt"
# ## O que $D$ aprendeu: um classificador com 100 rótulos
#
# Radford et al. (2016) usaram o discriminador de uma DCGAN como extrator de características: congelado, só se
# treina um classificador linear em cima, com poucos rótulos. Repetimos isso com o $D$ da `selfcond`, que nunca viu
# um rótulo: as suas 3136 características (`flatten`), **10 dígitos rotulados por classe** (100 no total) e um
# classificador linear (`probe.ridge_probe`: mínimos quadrados com penalização, λ escolhido deixando um de fora entre
# esses 100). A medida é com os 1000 dígitos de teste. As linhas a bater: os pixels como estão e um $D$ igual sem
# treinar.

# %% tags=["nbval-ignore-output"]
few = probe.few_labels(labels, 10, seed=0)                  # es: las únicas 100 etiquetas | pt: os únicos 100 rótulos
untrained_d = models.build_pair("selfcond")[1]
readers = {T("píxeles", "pixels"): lambda x: data.to_float(x).reshape(len(x), -1),
           T("D sin entrenar", "D sem treinar"): lambda x: probe.features(untrained_d, x),
           T("D de selfcond (sin etiquetas)", "D da selfcond (sem rótulos)"): lambda x: probe.features(selfcond.discriminator, x)}
for name, read in readers.items():
    pool = read(images)                                     # es: las 4000, sin sus etiquetas, para normalizar | pt: as 4000, sem os rótulos, para normalizar
    fitted = probe.ridge_probe(pool[few], labels[few], read(held_out), pool=pool)
    print(T(f"{name:30} {pool.shape[1]:5d} números: exactitud {number(100 * np.mean(fitted['predicted'] == held_labels), 1)} % "
            f"(λ = {fitted['lambda']:g})",
            f"{name:30} {pool.shape[1]:5d} números: acurácia {number(100 * np.mean(fitted['predicted'] == held_labels), 1)} % "
            f"(λ = {fitted['lambda']:g})"))

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# Con las mismas 100 etiquetas, las características de $D$ aciertan el 74.0 % de los dígitos de prueba, frente al
# 64.7 % de los píxeles: al aprender a separar dígitos reales de falsos, y a reconocer sus 40 grupos, $D$ ha
# aprendido trazos y formas que sirven para nombrar el dígito. Un $D$ igual sin entrenar ya llega al 70.1 % (sus
# convoluciones aleatorias también hacen algo): lo que aportaron 60 épocas de entrenamiento son unos 4 puntos.

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# Com os mesmos 100 rótulos, as características de $D$ acertam 74,0 % dos dígitos de teste, contra 64,7 % dos
# pixels: ao aprender a separar dígitos reais de falsos, e a reconhecer os seus 40 grupos, $D$ aprendeu traços e
# formas que servem para nomear o dígito. Um $D$ igual sem treinar já chega a 70,1 % (as suas convoluções aleatórias
# também fazem algo): o que 60 épocas de treinamento trouxeram são uns 4 pontos.

# %% [markdown] lang="es"
# ## Aritmética en $z$
#
# En la receta del curso, los 10 primeros números de $z$ eligen el dígito y los otros 90 el **estilo**. Cambiar
# solo el código es ya una suma: «el estilo de esta muestra + el dígito de aquella». Cada fila de la figura guarda
# los 90 números de estilo y cambia el dígito (`conditioning.style_grid`).

# %% [markdown] lang="pt"
# ## Aritmética em $z$
#
# Na receita do curso, os 10 primeiros números de $z$ escolhem o dígito e os outros 90 o **estilo**. Trocar só o
# código já é uma soma: “o estilo desta amostra + o dígito daquela”. Cada linha da figura guarda os 90 números de
# estilo e troca o dígito (`conditioning.style_grid`).

# %%
plots.show_images(conditioning.style_grid(course.sampler, styles=4, seed=2), ncols=10, size=6.5)
plt.show()

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# Y con **vectores medios**, como Radford et al. («hombre con gafas − hombre sin gafas + mujer sin gafas»): de 2000
# muestras, el $z$ medio del 10 % con más tinta menos el $z$ medio del 10 % con menos tinta, solo en los 90 números
# de estilo (`latent.direction`). Sumar $\alpha$ veces esa dirección a otros $z$ cambia la tinta sin cambiar el
# dígito: filas $\alpha = -1, -0.5, 0, 0.5, 1$. El efecto es pequeño a la vista (el trazo apenas engorda) pero se
# mide: la tinta media pasa del 12.4 % al 14.9 %, y el clasificador ve el mismo dígito en el 97.6–99.4 % de las
# muestras.

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# E com **vetores médios**, como Radford et al. (“homem de óculos − homem sem óculos + mulher sem óculos”): de 2000
# amostras, o $z$ médio dos 10 % com mais tinta menos o $z$ médio dos 10 % com menos tinta, só nos 90 números de
# estilo (`latent.direction`). Somar $\alpha$ vezes essa direção a outros $z$ muda a tinta sem trocar o dígito:
# linhas $\alpha = -1; -0{,}5; 0; 0{,}5; 1$. O efeito é pequeno à vista (o traço mal engrossa), mas se mede: a tinta
# média passa de 12,4 % para 14,9 %, e o classificador vê o mesmo dígito em 97,6–99,4 % das amostras.

# %%
pool_z = metrics.latent_batch(course.sampler, 2000, seed=5)
thick = latent.direction(pool_z, latent.ink(metrics.sample(course.sampler, 2000, seed=5)), share=0.1, keep=10)
base_z, _ = conditioning.digit_latents(course.sampler, np.arange(10), seed=7)
alphas = [-1.0, -0.5, 0.0, 0.5, 1.0]
plots.show_images(np.concatenate([course.sample(base_z + a * thick) for a in alphas]), ncols=10, size=6.5)
plt.show()

# %% tags=["nbval-ignore-output"] slideshow={"slide_type": "subslide"}
test_z = metrics.latent_batch(course.sampler, 500, seed=6)
plain_classes = classifier.predict(classifier.load_classifier(), course.sample(test_z))
for a in alphas:
    moved = course.sample(test_z + a * thick)
    same = np.mean(classifier.predict(classifier.load_classifier(), moved) == plain_classes)
    print(T(f"α = {number(a, 1):>4}: tinta media {number(100 * latent.ink(moved).mean(), 1)} %, "
            f"mismo dígito que con α = 0: {number(100 * same, 1)} %",
            f"α = {number(a, 1):>4}: tinta média {number(100 * latent.ink(moved).mean(), 1)} %, "
            f"mesmo dígito que com α = 0: {number(100 * same, 1)} %"))

# %% [markdown] lang="es"
# ## Interpolación en el espacio latente
#
# Caminamos en línea recta entre dos $z$ que el clasificador ve como dígitos distintos, $z_t = (1 - t)\, z_a +
# t\, z_b$, 10 puntos. Debajo: el dígito que elige el código, la clase que ve el clasificador, su confianza y la
# norma de $z_t$.

# %% [markdown] lang="pt"
# ## Interpolação no espaço latente
#
# Andamos em linha reta entre dois $z$ que o classificador vê como dígitos diferentes, $z_t = (1 - t)\, z_a + t\,
# z_b$, 10 pontos. Embaixo: o dígito que o código escolhe, a classe que o classificador vê, a sua confiança e a norma
# de $z_t$.

# %% tags=["nbval-ignore-output"]
judge = classifier.load_classifier()
z = metrics.latent_batch(course.sampler, 64, seed=3)
classes = classifier.predict(judge, course.sample(z))
z_a, z_b = z[0], z[int(np.argmax(classes != classes[0]))]      # es: el primero y el primero de otra clase
                                                               # pt: o primeiro e o primeiro de outra classe
t_values = np.linspace(0.0, 1.0, 10)[:, None]
z_path = (1.0 - t_values) * z_a + t_values * z_b
path = course.sample(z_path)
plots.show_images(path, ncols=10, size=8)
plt.show()
path_probs, _ = metrics.classifier_outputs(path)
print(T("código:    ", "código:    "), "".join(f"{c:6d}" for c in z_path[:, :10].argmax(axis=1)))
print(T("clase:     ", "classe:    "), "".join(f"{c:6d}" for c in path_probs.argmax(axis=1)))
print(T("confianza: ", "confiança: "), "".join(f"{number(p, 2):>6}" for p in path_probs.max(axis=1)))
print(T("norma de z:", "norma de z:"), "".join(f"{number(n, 1):>6}" for n in np.linalg.norm(z_path, axis=1)))

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# Mientras el código no cambia, el camino es suave: cada imagen se parece a la anterior (el trazo, la inclinación).
# Donde cambia el mayor de los 10 primeros números, el dígito cambia en muy poco camino, y el clasificador lo sigue.
# Fíjate en la norma: en 100 dimensiones casi todos los $z$ tienen norma cercana a $\sqrt{100} = 10$, pero el punto
# medio entre dos de ellos, cercana a $10/\sqrt{2} \approx 7.1$: el generador casi nunca vio vectores así. La
# **interpolación esférica** (*slerp*) recorre el arco y conserva la norma; la programas en el ejercicio 07.3.
#
# **¿Copia o crea?** La columna de memorizadas de las tablas (muestras más cerca de un dígito de entrenamiento que
# el 99 % de los dígitos de prueba, lección 06) se queda en unas décimas del 1 % en todas las recetas: ninguna copia
# sus dígitos de entrenamiento.

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# Enquanto o código não muda, o caminho é suave: cada imagem se parece com a anterior (o traço, a inclinação). Onde
# muda o maior dos 10 primeiros números, o dígito muda em muito pouco caminho, e o classificador o acompanha. Repare
# na norma: em 100 dimensões quase todos os $z$ têm norma perto de $\sqrt{100} = 10$, mas o ponto médio entre dois
# deles, perto de $10/\sqrt{2} \approx 7{,}1$: o gerador quase nunca viu vetores assim. A **interpolação esférica**
# (*slerp*) percorre o arco e conserva a norma; você a programa no exercício 07.3.
#
# **Copia ou cria?** A coluna de memorizadas das tabelas (amostras mais perto de um dígito de treinamento que 99 %
# dos dígitos de teste, lição 06) fica em alguns décimos de 1 % em todas as receitas: nenhuma copia os seus dígitos
# de treinamento.

# %% [markdown] lang="es"
# ## Lo que cuesta y lo que compra cada receta
#
# | receta | qué necesita | qué compra (tablas de arriba) |
# |---|---|---|
# | `plain` (lección 06) | nada más que las imágenes | dígitos reconocibles pero ambiguos |
# | `course` | **una etiqueta por imagen**; $D$ algo mayor (cabeza y proyección) | casi la FID de los reales; pedir un dígito |
# | `selfcond` | unos segundos de agrupamiento; 40 grupos | la calidad de `course` en 3 minutos, sin etiquetas |
#
# Las etiquetas compran dos cosas distintas: calidad (el código y la proyección dan a cada dígito su sitio) y
# **control** (pedir un 7). Los grupos compran la calidad; el control solo a medias: se puede pedir
# «el grupo 12», pero hay que mirar qué dígito es. En la lección 10 $G$ recibe el dígito como segunda entrada.

# %% [markdown] lang="pt"
# ## O que cada receita custa e o que compra
#
# | receita | o que precisa | o que compra (tabelas acima) |
# |---|---|---|
# | `plain` (lição 06) | nada além das imagens | dígitos reconhecíveis, mas ambíguos |
# | `course` | **um rótulo por imagem**; $D$ um pouco maior (cabeça e projeção) | quase a FID dos reais; pedir um dígito |
# | `selfcond` | alguns segundos de agrupamento; 40 grupos | a qualidade da `course` em 3 minutos, sem rótulos |
#
# Os rótulos compram duas coisas diferentes: qualidade (o código e a projeção dão a cada dígito o seu lugar) e
# **controle** (pedir um 7). Os grupos compram a qualidade; o controle só pela metade: dá para pedir
# “o grupo 12”, mas é preciso olhar que dígito ele é. Na lição 10, $G$ recebe o dígito como segunda entrada.

# %% [markdown] lang="es" slideshow={"slide_type": "notes"}
# Si sobra tiempo, pide a la clase que prediga qué pasaría con 10 grupos en vez de 40 (pureza más baja: grupos
# con dos dígitos, $G$ aprende mezclas) y con 80 (grupos de 50 imágenes: $D$ puede aprendérselos de memoria). Se
# comprueba con `python benchmarks/levers.py --recipe selfcond --set classes=10 g_classes=10 projection=10
# --epochs 60` (unos 3 minutos; 80 igual), que añade su fila a `benchmarks/results/levers.jsonl`.

# %% [markdown] lang="pt" slideshow={"slide_type": "notes"}
# Se sobrar tempo, peça à turma que preveja o que aconteceria com 10 grupos em vez de 40 (pureza mais baixa: grupos
# com dois dígitos, $G$ aprende misturas) e com 80 (grupos de 50 imagens: $D$ pode decorá-los). Dá para conferir com
# `python benchmarks/levers.py --recipe selfcond --set classes=10 g_classes=10 projection=10 --epochs 60` (uns
# 3 minutos; 80 do mesmo jeito), que acrescenta a sua linha a `benchmarks/results/levers.jsonl`.

# %% [markdown] lang="es"
# ## Ejercicios
#
# Escribe tu respuesta en lugar de `None` y ejecuta la celda: `gc.exercises.check` te dice si es correcta o te da
# una pista.
#
# 1. La receta del curso entrenó 60 épocas de 62 lotes de 64 imágenes. Con su EMA
#    ($h = \min(10\,000,\ 0.05 \cdot \text{imágenes vistas})$, $\beta = 0.5^{64/h}$), ¿cuánto vale $\beta$ en el
#    último paso? 4 decimales bastan.
# 2. Programa `purity(groups, labels)` con NumPy, sin `clusters.purity`: la parte de las imágenes cuya etiqueta es
#    la más común de su grupo. Pruébala con los grupos de arriba; responde con la función (`answer = purity`).

# %% [markdown] lang="pt"
# ## Exercícios
#
# Escreva sua resposta no lugar de `None` e execute a célula: `gc.exercises.check` diz se está correta ou dá uma
# dica.
#
# 1. A receita do curso treinou 60 épocas de 62 lotes de 64 imagens. Com a sua EMA
#    ($h = \min(10\,000,\ 0{,}05 \cdot \text{imagens vistas})$, $\beta = 0{,}5^{64/h}$), quanto vale $\beta$ no
#    último passo? 4 casas decimais bastam.
# 2. Programe `purity(groups, labels)` com NumPy, sem `clusters.purity`: a parte das imagens cujo rótulo é o mais
#    comum do seu grupo. Teste com os grupos acima; responda com a função (`answer = purity`).

# %%
answer = None  # es: 07.1, tu respuesta | pt: 07.1, sua resposta
gc.exercises.check("07.1", answer)

# %%
def purity(groups, labels):
    return None  # es: escribe aquí tu cálculo | pt: escreva aqui o seu cálculo

answer = None  # es: cuando funcione: answer = purity | pt: quando funcionar: answer = purity
gc.exercises.check("07.2", answer)

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# 3. Programa la interpolación esférica `slerp(z_a, z_b, t)` con NumPy (`z_a`, `z_b` vectores 1-D, `t` en
#    $[0, 1]$), con $\Omega$ el ángulo entre los dos vectores:
#    $$\mathrm{slerp}(z_a, z_b, t) = \frac{\sin\big((1 - t)\,\Omega\big)}{\sin \Omega}\, z_a
#      + \frac{\sin(t\,\Omega)}{\sin \Omega}\, z_b.$$
#    Repite la interpolación de arriba con ella y compara las normas; responde con la función (`answer = slerp`).
# 4. Los logits de clase de la celda son los que la cabeza de $D$ daría a 8 imágenes falsas, y `codes` los dígitos
#    que pidieron sus códigos. ¿Cuánto vale el término de la cabeza en $J^{(G)}_\text{curso}$ (con $\lambda = 1$),
#    en nats? 4 decimales bastan.

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# 3. Programe a interpolação esférica `slerp(z_a, z_b, t)` com NumPy (`z_a`, `z_b` vetores 1-D, `t` em $[0, 1]$),
#    com $\Omega$ o ângulo entre os dois vetores:
#    $$\mathrm{slerp}(z_a, z_b, t) = \frac{\sin\big((1 - t)\,\Omega\big)}{\sin \Omega}\, z_a
#      + \frac{\sin(t\,\Omega)}{\sin \Omega}\, z_b.$$
#    Repita a interpolação de cima com ela e compare as normas; responda com a função (`answer = slerp`).
# 4. Os logits de classe da célula são os que a cabeça de $D$ daria a 8 imagens falsas, e `codes` os dígitos que os
#    seus códigos pediram. Quanto vale o termo da cabeça em $J^{(G)}_\text{curso}$ (com $\lambda = 1$), em nats?
#    4 casas decimais bastam.

# %%
def slerp(z_a, z_b, t):
    return None  # es: escribe aquí la interpolación esférica | pt: escreva aqui a interpolação esférica

answer = None  # es: cuando funcione: answer = slerp | pt: quando funcionar: answer = slerp
gc.exercises.check("07.3", answer)

# %%
class_logits = 3.0 * np.random.default_rng(6).standard_normal((8, 10))
codes = np.array([3, 1, 4, 1, 5, 9, 2, 6])
answer = None  # es: 07.4, tu respuesta | pt: 07.4, sua resposta
gc.exercises.check("07.4", answer)
