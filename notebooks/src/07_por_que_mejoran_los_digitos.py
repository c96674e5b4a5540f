"""Lesson 07: the source of both notebooks named in NAMES. Format: see tools/nbbuild.py."""
from _lang import T

NAMES = {"es": "07_por_que_mejoran_los_digitos", "pt": "07_por_que_os_digitos_melhoram"}

# %% [markdown] lang="es"
# # Por qué mejoran los dígitos: etiquetas, grupos y medidas

# %% [markdown] lang="pt"
# # Por que os dígitos melhoram: rótulos, grupos e medidas

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
# ## La receta del curso
#
# El paso de arriba es DCGAN tal cual. Para 4000 dígitos y 3 minutos de CPU, la receta del curso
# (`models.RECIPES["course"]`: `train.GAN(..., recipe="course")`, y lo que usa por defecto
# `python -m gan_course train`) cambia o añade cinco cosas, medidas con el mismo tiempo de CPU (tabla al final):
#
# 1. un **código latente**: los 10 primeros números de $z$ eligen un dígito (gana el mayor); $G$ sigue recibiendo
#    solo ruido;
# 2. una **cabeza de clases** en $D$: $D$ aprende el dígito de cada imagen real, y $G$ recibe una pérdida extra:
#    que $D$ reconozca en su imagen el dígito que eligió el código;
# 3. una **proyección** en $D$: $D$ recibe también el dígito (la etiqueta de la real, el código de la falsa) y juzga
#    «¿es esto un 7 real?», no solo «¿es esto real?»;
# 4. una **media móvil exponencial** (EMA) de los pesos de $G$: las muestras salen de la copia promediada;
# 5. $D$ con convoluciones de 3×3 (ya medido arriba: más pasos por minuto) y tasas de aprendizaje distintas:
#    $5\cdot10^{-4}$ para $G$ y $2\cdot10^{-4}$ para $D$.
#
# Para quien lo use, el generador sigue siendo **incondicional**: una sola entrada, ruido $z \sim \mathcal{N}(0, I)$
# de 100 números. Qué dígito sale lo decide el propio ruido.

# %% [markdown] lang="pt"
# ## A receita do curso
#
# O passo acima é a DCGAN tal qual. Para 4000 dígitos e 3 minutos de CPU, a receita do curso
# (`models.RECIPES["course"]`: `train.GAN(..., recipe="course")`, e o que `python -m gan_course train` usa por
# padrão) muda ou acrescenta cinco coisas, medidas com o mesmo tempo de CPU (tabela no fim da seção):
#
# 1. um **código latente**: os 10 primeiros números de $z$ escolhem um dígito (ganha o maior); $G$ continua
#    recebendo só ruído;
# 2. uma **cabeça de classes** em $D$: $D$ aprende o dígito de cada imagem real, e $G$ recebe uma perda extra: que
#    $D$ reconheça na sua imagem o dígito que o código escolheu;
# 3. uma **projeção** em $D$: $D$ também recebe o dígito (o rótulo da real, o código da falsa) e julga “isto é um 7
#    real?”, não só “isto é real?”;
# 4. uma **média móvel exponencial** (EMA) dos pesos de $G$: as amostras saem da cópia média;
# 5. $D$ com convoluções 3×3 (já medido acima: mais passos por minuto) e taxas de aprendizado diferentes:
#    $5\cdot10^{-4}$ para $G$ e $2\cdot10^{-4}$ para $D$.
#
# Para quem o usa, o gerador continua **incondicional**: uma só entrada, ruído $z \sim \mathcal{N}(0, I)$ de 100
# números. Que dígito sai é o próprio ruído que decide.

# %%
gc.seed_everything(0)                                      # es: los mismos pesos iniciales en cada ejecución | pt: os mesmos pesos iniciais a cada execução
course_generator, course_discriminator = models.build_pair("course")
print(T("entrada de G:", "entrada de G:"), course_generator.input.shape, T("(solo ruido)", "(só ruído)"))
print(T("entradas de D:", "entradas de D:"), [tuple(x.shape) for x in course_discriminator.inputs],
      T("= imagen y dígito", "= imagem e dígito"))
print(T("salida de D:", "saída de D:"), course_discriminator.output.shape,
      T("= 1 logit real/falso + 10 logits de clase", "= 1 logit real/falso + 10 logits de classe"))

# %% [markdown] lang="es"
# ### ¿Por qué dígitos ambiguos?
#
# $z$ es continuo: una nube gaussiana en $\mathbb{R}^{100}$, de una sola pieza. Un $G$ de capas densas y
# convoluciones es una función continua, y la imagen continua de un espacio de una pieza es de una pieza. Pero los
# dígitos forman diez grupos separados. Un $G$ así no puede partir el espacio latente en diez: tiene que pasar de un
# grupo a otro, y las muestras de esos pasillos no parecen ningún dígito (medio 4, medio 9). Lo único que puede
# hacer es estrechar los pasillos, que caiga en ellos poca masa de $z$. Sin ayuda, una DCGAN pequeña en 3 minutos
# los deja anchos: en las variantes sin clases medidas para este curso, la confianza media del clasificador en las
# muestras se quedó en 0.87–0.88 (un IS de 9 pide ≈ 0.98): los dígitos no faltan, son ambiguos.

# %% [markdown] lang="pt"
# ### Por que dígitos ambíguos?
#
# $z$ é contínuo: uma nuvem gaussiana em $\mathbb{R}^{100}$, de uma peça só. Um $G$ de camadas densas e convoluções
# é uma função contínua, e a imagem contínua de um espaço de uma peça só é de uma peça só. Mas os dígitos formam dez
# grupos separados. Um $G$ assim não pode partir o espaço latente em dez: ele tem de passar de um grupo para outro, e
# as amostras desses corredores não parecem nenhum dígito (meio 4, meio 9). O único que ele pode fazer é estreitar os
# corredores, que caia neles pouca massa de $z$. Sem ajuda, uma DCGAN pequena em 3 minutos os deixa largos: nas
# variantes sem classes medidas para este curso, a confiança média do classificador nas amostras ficou em 0.87–0.88
# (um IS de 9 pede ≈ 0.98): os dígitos não faltam, são ambíguos.

# %% [markdown] lang="es"
# ### El código latente: el espacio cortado en diez
#
# La primera capa de $G$ corta el espacio latente sin aprender nada: con $z_{1..10}$ los 10 primeros números de $z$,
#
# $$c(z) = \mathrm{softmax}\big(1000 \cdot z_{1..10}\big) \approx \text{one-hot}\big(\arg\max_k z_k\big),$$
#
# y $G$ recibe $z$ y $c(z)$ concatenados. El factor 1000 hace del *softmax* un $\arg\max$: casi siempre un 1 y nueve
# 0. Como los 10 números son gaussianos independientes, cada posición gana con probabilidad 1/10: el código reparte
# los diez dígitos por igual sin que nadie se lo pida. Y $G$ ya puede ser discontinuo justo en las fronteras entre
# códigos: los pasillos tienen ancho casi cero. Son capas normales de Keras (una `Dense` fija, un `Softmax`, una
# `Concatenate`): `generator.keras` se carga con `keras.models.load_model` y nada más.
#
# El código no dice a $G$ *qué* dibujar con cada posición: eso lo fija la cabeza de clases, con las etiquetas de
# las imágenes reales. Sin ella, cada posición sería solo una región del espacio (como el código categórico de
# InfoGAN, Chen et al., 2016).

# %% [markdown] lang="pt"
# ### O código latente: o espaço cortado em dez
#
# A primeira camada de $G$ corta o espaço latente sem aprender nada: com $z_{1..10}$ os 10 primeiros números de $z$,
#
# $$c(z) = \mathrm{softmax}\big(1000 \cdot z_{1..10}\big) \approx \text{one-hot}\big(\arg\max_k z_k\big),$$
#
# e $G$ recebe $z$ e $c(z)$ concatenados. O fator 1000 faz do *softmax* um $\arg\max$: quase sempre um 1 e nove 0.
# Como os 10 números são gaussianos independentes, cada posição ganha com probabilidade 1/10: o código reparte os dez
# dígitos por igual sem que ninguém peça. E $G$ já pode ser descontínuo justamente nas fronteiras entre códigos: os
# corredores têm largura quase zero. São camadas normais do Keras (uma `Dense` fixa, um `Softmax`, uma
# `Concatenate`): `generator.keras` é carregado com `keras.models.load_model` e nada mais.
#
# O código não diz a $G$ *o que* desenhar com cada posição: isso quem fixa é a cabeça de classes, com os rótulos das
# imagens reais. Sem ela, cada posição seria só uma região do espaço (como o código categórico da InfoGAN, Chen et
# al., 2016).

# %%
z_many = np.random.default_rng(0).standard_normal((10_000, 100)).astype(np.float32)
code_layer = keras.Model(course_generator.input, course_generator.get_layer("code").output)
code = code_layer(z_many, training=False).numpy()
print(T("código = argmax de z[:10]:", "código = argmax de z[:10]:"),
      bool(np.all(code.argmax(1) == z_many[:, :10].argmax(1))))
print(T("one-hot (máximo > 0.99):", "one-hot (máximo > 0.99):"), f"{np.mean(code.max(1) > 0.99):.1%}")
print(T("dígito elegido, proporción:", "dígito escolhido, proporção:"),
      np.round(np.bincount(code.argmax(1), minlength=10) / len(z_many), 3))

# %% [markdown] lang="es"
# ### La cabeza de clases y la proyección
#
# $D$ calcula unas características $\phi(x)$ (la salida aplanada de sus convoluciones, 6272 números) y de ellas
# dos cosas. Los **logits de clase** $\ell(x) = W\phi(x)$ dan $p(y \mid x) = \mathrm{softmax}(\ell(x))$. El
# **logit real/falso** depende también del dígito $y$ que se le dice:
#
# $$s(x, y) = w^\top\phi(x) + b \;+\; e_y^\top\phi(x),$$
#
# con $e_y$ una fila aprendida por dígito (una capa `Embedding`). El último término es la **proyección** (Miyato y
# Koyama, 2018): $e_7$ aprende cómo son las características de un 7 real, y $D$ puede rechazar un 7 que parece un
# dígito cualquiera pero no un buen 7. Con $\lambda = 1$ (`class_weight`), $m$ imágenes por lote, las reales
# $x_i$ con su etiqueta $y_i$ y las falsas $G(z_i)$ con su código $k_i = \arg\max z_{i,1..10}$:
#
# $$J^{(D)}_\text{curso} = J^{(D)}\big(s(x_i, y_i),\, s(G(z_i), k_i)\big) + \lambda\,\frac{1}{m}\sum_i -\log
# p(y_i \mid x_i),$$
#
# $$J^{(G)}_\text{curso} = J^{(G)}\big(s(G(z_i), k_i)\big) + \lambda\,\frac{1}{m}\sum_i -\log p(k_i \mid G(z_i)).$$
#
# $J^{(D)}$ y $J^{(G)}$ son las de siempre, sobre el logit $s$. La cabeza de clases aprende solo de las reales; el
# término de $G$ es el de AC-GAN (Odena et al., 2017): «dibuja algo en lo que $D$ vea el dígito $k_i$». Comprobamos
# $s(x, y)$ a mano contra las capas de $D$:

# %% [markdown] lang="pt"
# ### A cabeça de classes e a projeção
#
# $D$ calcula umas características $\phi(x)$ (a saída achatada das suas convoluções, 6272 números) e delas duas
# coisas. Os **logits de classe** $\ell(x) = W\phi(x)$ dão $p(y \mid x) = \mathrm{softmax}(\ell(x))$. O **logit
# real/falso** depende também do dígito $y$ que lhe é dito:
#
# $$s(x, y) = w^\top\phi(x) + b \;+\; e_y^\top\phi(x),$$
#
# com $e_y$ uma linha aprendida por dígito (uma camada `Embedding`). O último termo é a **projeção** (Miyato e Koyama,
# 2018): $e_7$ aprende como são as características de um 7 real, e $D$ pode rejeitar um 7 que parece um dígito
# qualquer, mas não um bom 7. Com $\lambda = 1$ (`class_weight`), $m$ imagens por lote, as reais $x_i$ com o seu
# rótulo $y_i$ e as falsas $G(z_i)$ com o seu código $k_i = \arg\max z_{i,1..10}$:
#
# $$J^{(D)}_\text{curso} = J^{(D)}\big(s(x_i, y_i),\, s(G(z_i), k_i)\big) + \lambda\,\frac{1}{m}\sum_i -\log
# p(y_i \mid x_i),$$
#
# $$J^{(G)}_\text{curso} = J^{(G)}\big(s(G(z_i), k_i)\big) + \lambda\,\frac{1}{m}\sum_i -\log p(k_i \mid G(z_i)).$$
#
# $J^{(D)}$ e $J^{(G)}$ são as de sempre, sobre o logit $s$. A cabeça de classes aprende só com as reais; o termo de
# $G$ é o da AC-GAN (Odena et al., 2017): “desenhe algo em que $D$ veja o dígito $k_i$”. Conferimos $s(x, y)$ à mão
# contra as camadas de $D$:

# %% slideshow={"slide_type": "subslide"}
x_few, y_few = data.to_float(images[:4]), labels[:4]
course_discriminator.get_layer("label_embedding").embeddings.assign(  # es: filas e_y no nulas | pt: linhas e_y não nulas
    0.01 * np.random.default_rng(1).standard_normal((10, 6272)).astype(np.float32))
phi = keras.Model(course_discriminator.inputs[0], course_discriminator.get_layer("flatten").output)(
    x_few, training=False).numpy()
w_real, b_real = course_discriminator.get_layer("unconditional").get_weights()
e_rows = course_discriminator.get_layer("label_embedding").get_weights()[0]
by_hand = phi @ w_real[:, 0] + b_real[0] + np.sum(e_rows[y_few] * phi, axis=1)
by_keras = course_discriminator([x_few, y_few], training=False).numpy()[:, 0]
print(T("s(x, y) a mano:  ", "s(x, y) à mão:   "), np.round(by_hand, 4))
print(T("s(x, y) de Keras:", "s(x, y) do Keras:"), np.round(by_keras, 4))
print(T("iguales:", "iguais:"), bool(np.allclose(by_hand, by_keras, atol=1e-5)))
print(T("la misma imagen con otro dígito:", "a mesma imagem com outro dígito:"),
      np.round(course_discriminator([x_few, (y_few + 1) % 10], training=False).numpy()[:, 0], 4))

# %% [markdown] lang="es"
# ### La media móvil de los pesos de $G$ (EMA)
#
# Tras cada paso, con $\theta$ los pesos de $G$ y $\bar\theta$ los de su copia promediada (`gan.sampler`):
#
# $$\bar\theta \leftarrow \beta\,\bar\theta + (1 - \beta)\,\theta, \qquad \beta = 0.5^{\,m / h}, \qquad
# h = \min\big(10\,000,\; 0.05 \cdot \text{imágenes vistas}\big).$$
#
# $h$ es la **semivida** en imágenes: tras $h$ imágenes, lo que pesaba el promedio viejo se ha reducido a la mitad
# ($m = 64$ imágenes por paso). Al principio $h$ es corto (rampa: el 5 % de lo visto), así que los primeros pesos,
# malos, se olvidan deprisa; el tope es `ema_half_life` = 10 000 imágenes, 2.5 épocas de 4000. En 3 minutos en una
# CPU de 2 núcleos $G$ ve unas decenas de miles de imágenes: $h$ se queda en la rampa (lo imprimimos tras entrenar).
#
# ¿Por qué ayuda? En un juego de dos jugadores los pesos de $G$ no bajan hacia un mínimo: giran y oscilan alrededor
# de un buen punto, más cuanto más alta es su tasa de aprendizaje. El promedio de la trayectoria queda más cerca del
# centro (Yazıcı et al., 2019; Karras et al. lo usan en ProGAN, 2018, y en StyleGAN). Las muestras, el GIF y el
# generador guardado salen de la copia promediada; el entrenamiento sigue con $G$.

# %% [markdown] lang="pt"
# ### A média móvel dos pesos de $G$ (EMA)
#
# Depois de cada passo, com $\theta$ os pesos de $G$ e $\bar\theta$ os da sua cópia média (`gan.sampler`):
#
# $$\bar\theta \leftarrow \beta\,\bar\theta + (1 - \beta)\,\theta, \qquad \beta = 0.5^{\,m / h}, \qquad
# h = \min\big(10\,000,\; 0.05 \cdot \text{imagens vistas}\big).$$
#
# $h$ é a **meia-vida** em imagens: depois de $h$ imagens, o peso da média velha caiu pela metade ($m = 64$ imagens
# por passo). No começo $h$ é curto (rampa: 5 % do que foi visto), então os primeiros pesos, ruins, são esquecidos
# depressa; o teto é `ema_half_life` = 10 000 imagens, 2.5 épocas de 4000. Em 3 minutos numa CPU de 2 núcleos $G$
# vê umas dezenas de milhares de imagens: $h$ fica na rampa (imprimimos isso depois de treinar).
#
# Por que ajuda? Num jogo de dois jogadores os pesos de $G$ não descem para um mínimo: giram e oscilam em torno de
# um bom ponto, mais quanto maior a sua taxa de aprendizado. A média da trajetória fica mais perto do centro (Yazıcı
# et al., 2019; Karras et al. a usam na ProGAN, 2018, e na StyleGAN). As amostras, o GIF e o gerador salvo saem da
# cópia média; o treinamento continua com $G$.

# %% [markdown] lang="es"
# ### Las estadísticas de la normalización, medidas de nuevo
#
# Promediar pesos no promedia lo que la red hace: la copia promediada produce activaciones que no ha producido
# ningún $G$ de la trayectoria, y las medias y varianzas móviles de la normalización por lotes (lección 05) de $G$
# no le corresponden. Por eso, tras cada época, `gan.recalibrate()` pasa la copia por 8 lotes de 256 vectores $z$
# nuevos en modo entrenamiento y guarda en cada capa de normalización la media de sus medias y de sus varianzas.
# Sin ese paso, la copia promediada dibujaría con estadísticas que no son las suyas.

# %% [markdown] lang="pt"
# ### As estatísticas da normalização, medidas de novo
#
# Tirar a média dos pesos não tira a média do que a rede faz: a cópia média produz ativações que nenhum $G$ da
# trajetória produziu, e as médias e variâncias móveis da normalização em lote (lição 05) de $G$ não lhe
# correspondem. Por isso, depois de cada época, `gan.recalibrate()` passa a cópia por 8 lotes de 256 vetores $z$
# novos em modo de treinamento e guarda em cada camada de normalização a média das suas médias e variâncias.
# Sem esse passo, a cópia média desenharia com estatísticas que não são as suas.

# %% [markdown] lang="es"
# ### ¿Por qué $G$ aprende más deprisa que $D$?
#
# El artículo de DCGAN usa $2\cdot10^{-4}$ para las dos redes. Aquí $G$ usa $5\cdot10^{-4}$: se eligió **midiendo**
# con el mismo tiempo de CPU, no por una regla. Con $10^{-3}$ para $G$ la puntuación fue casi la misma (IS 6.9 / FID
# 34 frente a 6.9 / 35, una semilla, con las redes anteriores del curso): el valor exacto importa poco. TTUR
# (Heusel et al., 2017) justifica usar dos tasas distintas; lo habitual después (SAGAN) es la de $D$ más alta
# ($4\cdot10^{-4}$ frente a $10^{-4}$), al revés que aquí. Con pocos minutos, la medida favoreció un $G$ rápido.
#
# Tiene un riesgo que ya vimos: en la lección 04, un $G$ cinco veces más rápido que $D$ saltaba de pico en pico. Aquí
# $G$ es 2.5 veces más rápido, y el salto de un dígito a otro se vería en el **histograma de clases** y en la clase
# más rara por época (más abajo): si una clase se vacía a ratos, $G$ salta. El código latente empuja en contra:
# cada dígito tiene su décima parte de $z$ y la cabeza de clases castiga a $G$ si dibuja otro.

# %% [markdown] lang="pt"
# ### Por que $G$ aprende mais depressa que $D$?
#
# O artigo da DCGAN usa $2\cdot10^{-4}$ para as duas redes. Aqui $G$ usa $5\cdot10^{-4}$: foi escolhido **medindo**
# com o mesmo tempo de CPU, não por uma regra. Com $10^{-3}$ para $G$ a pontuação foi quase a mesma (IS 6.9 / FID 34
# contra 6.9 / 35, uma semente, com as redes anteriores do curso): o valor exato importa pouco. A TTUR (Heusel et
# al., 2017) justifica usar duas taxas diferentes; o habitual depois (SAGAN) é a de $D$ mais alta ($4\cdot10^{-4}$
# contra $10^{-4}$), o contrário daqui. Com poucos minutos, a medida favoreceu um $G$ rápido.
#
# Isso tem um risco que já vimos: na lição 04, um $G$ cinco vezes mais rápido que $D$ pulava de pico em pico. Aqui
# $G$ é 2.5 vezes mais rápido, e o pulo de um dígito para outro apareceria no **histograma de classes** e na classe
# mais rara por época (mais abaixo): se uma classe se esvazia de vez em quando, $G$ pula. O código latente empurra
# contra: cada dígito tem a sua décima parte de $z$ e a cabeça de classes castiga $G$ se ele desenha outro.

# %% [markdown] lang="es"
# ### Medido: cada cambio con el mismo presupuesto
#
# `benchmarks/levers.py` entrena cada variante con el presupuesto de 3 minutos de una CPU de 2 núcleos sin carga
# (las variantes más rápidas dan más épocas) y la puntúa con 2000 muestras: IS, FID contra los 1000 dígitos de
# prueba, proporción memorizada y clase más rara. Cada línea de `benchmarks/results/levers.jsonl` es una ejecución;
# la celda las agrupa por variante (media si hay varias semillas). Las imágenes por segundo se midieron en una
# máquina compartida: solo orientan.

# %% [markdown] lang="pt"
# ### Medido: cada mudança com o mesmo orçamento
#
# `benchmarks/levers.py` treina cada variante com o orçamento de 3 minutos de uma CPU de 2 núcleos sem carga (as
# variantes mais rápidas dão mais épocas) e a pontua com 2000 amostras: IS, FID contra os 1000 dígitos de teste,
# proporção memorizada e classe mais rara. Cada linha de `benchmarks/results/levers.jsonl` é uma execução; a célula
# as agrupa por variante (média se houver várias sementes). As imagens por segundo foram medidas numa máquina
# compartilhada: só orientam.

# %% slideshow={"slide_type": "subslide"}
LEVERS = {  # es: nombre de la variante en el archivo → cómo la llamamos aquí | pt: nome da variante no arquivo → como a chamamos aqui
    "old default k4 (3 min here)": T("G y D 4×4 (receta anterior)", "G e D 4×4 (receita anterior)"),
    "k3 (3 min here)": T("G y D 3×3", "G e D 3×3"),
    "k3 half width (3 min here)": T("G y D 3×3, mitad de filtros", "G e D 3×3, metade dos filtros"),
    "plain: gk4 dk3": T("G 4×4, D 3×3 (plain)", "G 4×4, D 3×3 (plain)"),
    "gk4 dk3 + EMA": T("G 4×4, D 3×3 + EMA", "G 4×4, D 3×3 + EMA"),
    "gk4 dk3 + class head + EMA": T("+ cabeza de clases + EMA", "+ cabeça de classes + EMA"),
    "course, class head x2": T("cabeza de clases con λ = 2", "cabeça de classes com λ = 2"),
    "gk4 dk3 + class head + code + EMA": T("+ código latente (AC-GAN) + EMA", "+ código latente (AC-GAN) + EMA"),
    "course: class head + code + projection + EMA": T("curso: + proyección", "curso: + projeção"),
    "code + projection + EMA, no class head": T("código + proyección, sin cabeza", "código + projeção, sem cabeça"),
}


def lever_table(path):
    # es: una fila por variante: épocas, semillas y la media de cada medida
    # pt: uma linha por variante: épocas, sementes e a média de cada medida
    groups = {}
    for line in pathlib.Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            run = json.loads(line)
            groups.setdefault((run["name"], run["epochs"]), []).append(run)
    print(T(f"{'variante':38} {'épocas':>6} {'semillas':>8} {'IS':>5} {'FID':>6} {'memorizadas':>11} {'clase más rara':>14} {'imágenes/s':>10}",
            f"{'variante':38} {'épocas':>6} {'sementes':>8} {'IS':>5} {'FID':>6} {'memorizadas':>11} {'classe mais rara':>16} {'imagens/s':>9}"))
    for (name, epochs), runs in groups.items():
        mean = {key: np.mean([r[key] for r in runs]) for key in ("IS", "FID", "memorised", "rarest", "images_per_second")}
        print(T(f"{LEVERS.get(name, name)[:38]:38} {epochs:6d} {len(runs):8d} {mean['IS']:5.2f} {mean['FID']:6.1f} "
                f"{mean['memorised']:11.1%} {mean['rarest']:14.1%} {mean['images_per_second']:10.0f}",
                f"{LEVERS.get(name, name)[:38]:38} {epochs:6d} {len(runs):8d} {mean['IS']:5.2f} {mean['FID']:6.1f} "
                f"{mean['memorised']:11.1%} {mean['rarest']:16.1%} {mean['images_per_second']:9.0f}"))

# %% tags=["nbval-ignore-output"] slideshow={"slide_type": "subslide"}
lever_table("../../benchmarks/results/levers.jsonl")   # es: el archivo cambia cuando se repiten las medidas
                                                       # pt: o arquivo muda quando as medidas são repetidas

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# Lo que dicen los números (3 semillas en las filas de las clases; diferencias de unas décimas de IS con una sola
# semilla pueden ser ruido, Lucic et al., 2018):
#
# - **Kernels, filtros, EMA** (una semilla): 3×3 en las dos redes (IS 6.63 / FID 67.0, 34 épocas), la mitad de
#   filtros (6.69 / 70.5, 80 épocas), las redes de esta lección (`plain`: 6.31 / 71.5) y con la EMA (6.40 / 67.8):
#   más pasos o un promedio apenas mueven la FID. A este presupuesto el número de pasos no es lo que limita.
# - **+ cabeza de clases** (pérdida de ambigüedad para $G$, sin código; IS 7.56 / 7.69 / 7.56, FID 33.9 / 32.6 /
#   31.9): la FID baja a la mitad y la clase más rara sube del 4–5 % al 8 %. Pero el IS se queda lejos de 9: los
#   pasillos siguen ahí.
# - **+ código latente** (AC-GAN; 9.23 / 9.35 / 9.24, FID 23.8 / 20.3 / 23.0): el IS salta por encima de 9 en las
#   tres semillas: casi cada muestra es un dígito claro, el que pidió su código. La FID aún es unas 9 veces la de los
#   dígitos reales: los trazos están rotos o manchados.
# - **+ proyección** (la receta del curso; 9.72 / 9.74 / 9.74, FID 6.5 / 6.1 / 6.2): la FID se divide por 3.5 y
#   queda por debajo del objetivo, 3 × 2.5. Con la proyección, $D$ compara cada 7 con los 7 reales, no con todos
#   los dígitos, y así ve los defectos de estilo que la cabeza de clases deja pasar.
# - **Sin cabeza de clases** (código + proyección, una semilla: IS 9.50, FID 6.2): casi la misma FID que la receta
#   del curso, con un IS algo menor: la proyección sola ya ata cada código a su dígito; la cabeza de clases añade
#   nitidez.
# - **Ninguna** variante copia: como mucho un 0.1 % de muestras memorizadas.

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# O que os números dizem (3 sementes nas linhas das classes; diferenças de uns décimos de IS com uma só semente podem
# ser ruído, Lucic et al., 2018):
#
# - **Kernels, filtros, EMA** (uma semente): 3×3 nas duas redes (IS 6.63 / FID 67.0, 34 épocas), metade dos filtros
#   (6.69 / 70.5, 80 épocas), as redes desta lição (`plain`: 6.31 / 71.5) e com a EMA (6.40 / 67.8): mais passos ou
#   uma média quase não mexem na FID. Com este orçamento o número de passos não é o que limita.
# - **+ cabeça de classes** (perda de ambiguidade para $G$, sem código; IS 7.56 / 7.69 / 7.56, FID 33.9 / 32.6 /
#   31.9): a FID cai pela metade e a classe mais rara sobe de 4–5 % para 8 %. Mas o IS fica longe de 9: os
#   corredores continuam lá.
# - **+ código latente** (AC-GAN; 9.23 / 9.35 / 9.24, FID 23.8 / 20.3 / 23.0): o IS salta para acima de 9 nas três
#   sementes: quase cada amostra é um dígito claro, o que o seu código pediu. A FID ainda é umas 9 vezes a dos dígitos reais:
#   os traços estão quebrados ou manchados.
# - **+ projeção** (a receita do curso; 9.72 / 9.74 / 9.74, FID 6.5 / 6.1 / 6.2): a FID é dividida por 3.5 e fica
#   abaixo do objetivo, 3 × 2.5. Com a projeção, $D$ compara cada 7 com os 7 reais, não com todos os dígitos, e
#   assim vê os defeitos de estilo que a cabeça de classes deixa passar.
# - **Sem cabeça de classes** (código + projeção, uma semente: IS 9.50, FID 6.2): quase a mesma FID da receita do
#   curso, com um IS um pouco menor: só a projeção já amarra cada código ao seu dígito; a cabeça de classes
#   acrescenta nitidez.
# - **Nenhuma** variante copia: no máximo 0.1 % de amostras memorizadas.

# %% [markdown] lang="es" slideshow={"slide_type": "notes"}
# Antes de mostrar la tabla, pide a la clase que apueste: ¿cuál de los cambios mejorará más la FID, los kernels
# 3×3, la mitad de filtros, la EMA, la cabeza de clases, el código latente o la proyección? Suelen apostar por la
# EMA o por más pasos. Después, pregunta por qué la cabeza de clases también podría subir el IS «por construcción»
# ($G$ aprende a que $D$ reconozca su dígito, y el IS premia justo eso) y qué medida de la tabla no puede engañarse
# así (la FID contra dígitos no vistos, y la de memorización): es la FID la que muestra lo que aporta la proyección.

# %% [markdown] lang="pt" slideshow={"slide_type": "notes"}
# Antes de mostrar a tabela, peça à turma que aposte: qual das mudanças vai melhorar mais a FID, os kernels 3×3, a
# metade dos filtros, a EMA, a cabeça de classes, o código latente ou a projeção? Costumam apostar na EMA ou em mais
# passos. Depois, pergunte por que a cabeça de classes também poderia subir o IS “por construção” ($G$ aprende a fazer
# $D$ reconhecer o seu dígito, e o IS premia justamente isso) e que medida da tabela não pode ser enganada assim (a
# FID contra dígitos não vistos, e a de memorização): é a FID que mostra o que a projeção traz.

# %% [markdown] lang="es"
# ## Interpolación en el espacio latente
#
# Salvo en las fronteras de su código latente, el generador es una función continua de $z$: si caminamos en línea
# recta de un vector latente a otro, las imágenes cambian poco a poco. Tomamos dos $z$ que el clasificador ve como dígitos distintos y dibujamos 10 puntos
# del segmento $z_t = (1 - t)\, z_a + t\, z_b$; debajo, el dígito que elige el código latente, la clase que ve el
# clasificador, su confianza (la probabilidad de esa clase) y la norma de $z_t$.

# %% [markdown] lang="pt"
# ## Interpolação no espaço latente
#
# Exceto nas fronteiras do seu código latente, o gerador é uma função contínua de $z$: se andarmos em linha reta de
# um vetor latente a outro, as imagens mudam pouco a pouco. Tomamos dois $z$ que o classificador vê como dígitos diferentes e desenhamos 10 pontos do segmento
# $z_t = (1 - t)\, z_a + t\, z_b$; embaixo, o dígito que o código latente escolhe, a classe que o classificador vê,
# a sua confiança (a probabilidade dessa classe) e a norma de $z_t$.

# %% tags=["nbval-ignore-output"]
z = metrics.latent_batch(dcgan.sampler, 64, seed=3)
classes = classifier.predict(judge, dcgan.sample(z))
z_a, z_b = z[0], z[int(np.argmax(classes != classes[0]))]      # es: el primero y el primero de otra clase
                                                               # pt: o primeiro e o primeiro de outra classe
t_values = np.linspace(0.0, 1.0, 10)[:, None]
z_path = (1.0 - t_values) * z_a + t_values * z_b
path = dcgan.sample(z_path)
plots.show_images(path, ncols=10, size=9)
plt.show()
path_probs, _ = metrics.classifier_outputs(path)
print(T("código:    ", "código:    "), "".join(f"{c:6d}" for c in z_path[:, :10].argmax(axis=1)))
print(T("clase:     ", "classe:    "), "".join(f"{c:6d}" for c in path_probs.argmax(axis=1)))
print(T("confianza: ", "confiança: "), "".join(f"{p:6.2f}" for p in path_probs.max(axis=1)))
print(T("norma de z:", "norma de z:"), "".join(f"{n:6.1f}" for n in np.linalg.norm(z_path, axis=1)))

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# Mientras el código no cambia, el camino es continuo en píxeles: cada imagen se parece a la anterior (el trazo, la
# inclinación). Donde cambia el mayor de los 10 primeros números (la fila «código»), el dígito salta de golpe, y el
# clasificador lo sigue con una confianza cercana a 1 a los dos lados: no hay pasillo de dígitos ambiguos como los
# de «¿Por qué dígitos ambiguos?». Con otros dos vectores el camino puede pasar por un tercer dígito: basta con que
# otro de los 10 números sea el mayor a mitad de camino.
#
# Fíjate también en la norma: con $z \sim \mathcal{N}(0, I)$ en 100 dimensiones casi todos los vectores tienen norma
# cercana a $\sqrt{100} = 10$, pero el punto medio del segmento entre dos de ellos tiene norma cercana a
# $10/\sqrt{2} \approx 7.1$: el generador casi nunca vio vectores así. La **interpolación esférica** (*slerp*)
# recorre el arco de circunferencia y conserva la norma; la programas en el ejercicio 9.

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# Enquanto o código não muda, o caminho é contínuo em pixels: cada imagem se parece com a anterior (o traço, a
# inclinação). Onde muda o maior dos 10 primeiros números (a linha “código”), o dígito pula de uma vez, e o
# classificador o acompanha com uma confiança perto de 1 dos dois lados: não há corredor de dígitos ambíguos como os
# de “Por que dígitos ambíguos?”. Com outros dois vetores o caminho pode passar por um terceiro dígito: basta que
# outro dos 10 números seja o maior no meio do caminho.
#
# Repare também na norma: com $z \sim \mathcal{N}(0, I)$ em 100 dimensões quase todos os vetores têm norma perto de
# $\sqrt{100} = 10$, mas o ponto médio do segmento entre dois deles tem norma perto de $10/\sqrt{2} \approx 7.1$: o
# gerador quase nunca viu vetores assim. A **interpolação esférica** (*slerp*) percorre o arco de circunferência e
# conserva a norma; você a programa no exercício 9.

