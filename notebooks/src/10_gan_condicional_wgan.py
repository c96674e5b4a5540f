"""Lesson 10: the source of both notebooks named in NAMES. Format: see tools/nbbuild.py."""
from _lang import T

NAMES = {"es": "10_gan_condicional_wgan", "pt": "10_gan_condicional_wgan"}

# %% [markdown] lang="es"
# # Más allá de DCGAN: una GAN condicional y WGAN-GP
#
# La primera pregunta después de la lección 06 suele ser: **«¿puedo pedirle que dibuje un 7?»**. Las diapositivas en
# portugués del curso nombran las variantes que lo hacen (AC-GAN, CC-GAN, Pix2Pix) y la que cambia la pérdida entera
# (WGAN); la lección 04 solo las listaba en una tabla. Aquí las construimos y las medimos en la misma CPU:
#
# 1. tres maneras de decirle el dígito a las redes —concatenar, AC-GAN, proyección— y CC-GAN, donde la condición
#    es una imagen;
# 2. una **GAN condicional** (*conditional GAN*) de 6 épocas (algo más de un minuto de CPU): una fila por dígito, y
#    «dibuja este número»;
# 3. proyección o concatenación, **medidas** con 3 semillas;
# 4. la **distancia de Wasserstein** en el problema 1-D de la lección 04: por qué su gradiente no se apaga cuando
#    los datos y las falsas no se solapan, y un **crítico** (*critic*) que la estima;
# 5. WGAN-GP como la entrenan Gulrajani et al. y la **pérdida bisagra** (*hinge loss*) en imágenes: fórmulas
#    comprobadas, curvas bien leídas y lo que da cada una a este presupuesto;
# 6. Pix2Pix: su pérdida y por qué se queda fuera de una CPU.

# %% [markdown] lang="pt"
# # Além da DCGAN: uma GAN condicional e WGAN-GP
#
# A primeira pergunta depois da lição 06 costuma ser: **“dá para pedir que ela desenhe um 7?”**. Os slides em
# português do curso citam as variantes que fazem isso (AC-GAN, CC-GAN, Pix2Pix) e a que troca a perda inteira
# (WGAN); a lição 04 só as listava numa tabela. Aqui nós as construímos e medimos na mesma CPU:
#
# 1. três maneiras de dizer o dígito às redes — concatenar, AC-GAN, projeção — e a CC-GAN, em que a condição é uma
#    imagem;
# 2. uma **GAN condicional** (*conditional GAN*) de 6 épocas (pouco mais de um minuto de CPU): uma linha por dígito,
#    e “desenhe este número”;
# 3. projeção ou concatenação, **medidas** com 3 sementes;
# 4. a **distância de Wasserstein** no problema 1-D da lição 04: por que o seu gradiente não se apaga quando os
#    dados e as falsas não se sobrepõem, e um **crítico** (*critic*) que a estima;
# 5. a WGAN-GP como Gulrajani et al. a treinam e a **perda hinge** (*hinge loss*) em imagens: fórmulas
#    conferidas, curvas bem lidas e o que cada uma dá com este orçamento;
# 6. Pix2Pix: a sua perda e por que ela fica fora de uma CPU.

# %% slideshow={"slide_type": "skip"}
import json
import pathlib

import numpy as np
import matplotlib.pyplot as plt
import gan_course as gc
from gan_course import conditioning, data, keras, losses, metrics, models, plots, recipes, tf, train, wasserstein

gc.setup(T("es", "pt"))  # es: idioma, semillas, TensorFlow silencioso | pt: idioma, sementes, TensorFlow silencioso

# %% [markdown] lang="es" slideshow={"slide_type": "notes"}
# Abre preguntando a la clase cómo le dirían a la red de la lección 06 que dibuje un 7. Casi siempre sale «se lo
# doy como entrada»: es la concatenación, la primera de las tres maneras. Avisa de que hay dos entrenamientos de 6
# épocas (algo más de un minuto cada uno en una CPU sin carga): lanza el primero antes de explicar la figura.

# %% [markdown] lang="pt" slideshow={"slide_type": "notes"}
# Abra perguntando à turma como diriam à rede da lição 06 que desenhe um 7. Quase sempre sai “eu dou isso como
# entrada”: é a concatenação, a primeira das três maneiras. Avise que há dois treinamentos de 6 épocas (pouco mais
# de um minuto cada um numa CPU sem carga): dispare o primeiro antes de explicar a figura.

# %% [markdown] lang="es"
# ## Tres maneras de condicionar
#
# El generador condicional recibe el ruido $z$ **y** la clase $y$: $G(z, y)$. La clase entra como vector *one-hot*
# (diez números, un 1 en la posición del dígito) concatenado con $z$. Lo que cambia entre las variantes es cómo se
# entera el **discriminador**:
#
# - **cGAN por concatenación** (Mirza y Osindero, 2014; el MNIST de carpedm20): $D(x, y)$ recibe la imagen con el
#   *one-hot* pegado como 10 canales constantes. $D$ juzga la pareja «imagen, dígito».
# - **AC-GAN** (Odena, Olah y Shlens, 2017): $D$ solo ve la imagen, y además de «¿real?» **nombra la clase**; $G$ gana
#   también cuando $D$ reconoce en su falsa el dígito pedido (entropía cruzada).
# - **Proyección** (Miyato y Koyama, 2018): $D$ calcula características $\phi(x)$ y su logit es
#   $w \cdot \phi(x) + b + e_y \cdot \phi(x)$, con una fila aprendida $e_y$ por dígito: «¿es un $y$ real?».
# - **CC-GAN** (Denton et al., 2016), de las diapositivas: la condición es **el resto de la imagen**; $G$ rellena
#   un hueco y $D$ juzga la imagen completa. Condicionar con una imagen lleva a Pix2Pix (al final).
#
# En todas, $D$ ve una imagen real $x$ con su clase, o una falsa con la clase pedida: es el diagrama de la lección 04
# con la condición añadida. La receta del curso (lección 07) ya usaba la cabeza de clases de AC-GAN y la proyección,
# con el dígito escondido en los diez primeros números de $z$. La GAN condicional le da a $G$ el dígito como **segunda entrada**.

# %% [markdown] lang="pt"
# ## Três maneiras de condicionar
#
# O gerador condicional recebe o ruído $z$ **e** a classe $y$: $G(z, y)$. A classe entra como vetor *one-hot* (dez
# números, um 1 na posição do dígito) concatenado com $z$. O que muda entre as variantes é como o **discriminador**
# fica sabendo:
#
# - **cGAN por concatenação** (Mirza e Osindero, 2014; o MNIST do carpedm20): $D(x, y)$ recebe a imagem com o
#   *one-hot* colado como 10 canais constantes. $D$ julga o par “imagem, dígito”.
# - **AC-GAN** (Odena, Olah e Shlens, 2017): $D$ só vê a imagem e, além de “real?”, **nomeia a classe**; $G$ ganha também
#   quando $D$ reconhece na sua falsa o dígito pedido (entropia cruzada).
# - **Projeção** (Miyato e Koyama, 2018): $D$ calcula características $\phi(x)$ e o seu logit é
#   $w \cdot \phi(x) + b + e_y \cdot \phi(x)$, com uma linha aprendida $e_y$ por dígito: “é um $y$ real?”.
# - **CC-GAN** (Denton et al., 2016), dos slides: a condição é **o resto da imagem**; $G$ preenche um buraco e $D$
#   julga a imagem completa. Condicionar com uma imagem leva ao Pix2Pix (no final).
#
# Em todas, $D$ vê uma imagem real $x$ com a sua classe, ou uma falsa com a classe pedida: é o diagrama da lição 04
# com a condição acrescentada. A receita do curso (lição 07) já usava a cabeça de classes da AC-GAN e a projeção, com
# o dígito escondido nos dez primeiros números de $z$. A GAN condicional dá a $G$ o dígito como **segunda entrada**.

# %% slideshow={"slide_type": "subslide"}
conditioning.plot_conditioning()
plt.show()

# %% [markdown] lang="es" slideshow={"slide_type": "notes"}
# Señala en la figura dónde entra $y$ en cada variante: en $D$ a la entrada (concatenar), a la salida (AC-GAN) o
# en medio, multiplicando las características (proyección). Pregunta cuál esperan que funcione mejor antes de enseñar la
# tabla medida de la sección 3.

# %% [markdown] lang="pt" slideshow={"slide_type": "notes"}
# Mostre na figura onde $y$ entra em cada variante: em $D$ na entrada (concatenar), na saída (AC-GAN) ou no meio,
# multiplicando as características (projeção). Pergunte qual esperam que funcione melhor antes de mostrar a tabela
# medida da seção 3.

# %% [markdown] lang="es"
# ### La concatenación, comprobada
#
# `models.build_pair("cdcgan", projection=0, concat=10)` da el discriminador por concatenación de la GAN
# condicional. Por dentro: el *one-hot* de $y$ (`CategoryEncoding`), repetido en los 28×28 píxeles
# (`UpSampling2D`) y pegado a la imagen (`Concatenate`), **solo a la entrada**: el MNIST de carpedm20 vuelve a pegar
# $y$ después de cada capa de $D$, variante que el curso no mide. Lo rehacemos a mano con NumPy y lo comparamos con lo
# que calcula Keras en la capa `image_label`:

# %% [markdown] lang="pt"
# ### A concatenação, conferida
#
# `models.build_pair("cdcgan", projection=0, concat=10)` dá o discriminador por concatenação da GAN condicional. Por
# dentro: o *one-hot* de $y$ (`CategoryEncoding`), repetido nos 28×28 pixels (`UpSampling2D`) e colado à imagem
# (`Concatenate`), **só na entrada**: o MNIST do carpedm20 cola $y$ de novo depois de cada camada de $D$, variante que
# o curso não mede. Refazemos isso à mão com NumPy e comparamos com o que o Keras calcula na camada `image_label`:

# %%
images, labels = data.mnist_split("train")                   # es: los 4000 de la lección 06 | pt: os 4000 da lição 06
_, d_concat = models.build_pair("cdcgan", projection=0, concat=10)
x, y = data.to_float(images[:4]), labels[:4]
inside = keras.Model(d_concat.inputs, d_concat.get_layer("image_label").output)
by_keras = inside([x, y], training=False).numpy()
maps = np.broadcast_to(np.eye(10, dtype=np.float32)[y][:, None, None, :], (4, 28, 28, 10))
by_hand = np.concatenate([x, maps], axis=-1)
print(T("forma:", "formato:"), by_keras.shape, T("| igual a mano:", "| igual à mão:"), np.allclose(by_keras, by_hand))
print(T("primera convolución:", "primeira convolução:"), d_concat.get_layer("down_0").count_params(),
      T("parámetros = 3·3·(1 + 10)·64 =", "parâmetros = 3·3·(1 + 10)·64 ="), 3 * 3 * 11 * 64)

# %% [markdown] lang="es"
# ## Una GAN condicional en 6 épocas
#
# La receta `cdcgan` es la del curso con el dígito como entrada de $G$: el generador tiene dos entradas, ruido
# $(N, 100)$ y dígito $(N,)$ entero, y $D$ conserva la proyección y la cabeza de clases. En cada paso, cada falsa pide
# un dígito al azar (uniforme); las reales traen el suyo. El bucle, los puntos de control, la cuadrícula y el GIF son
# los de la lección 06; la cuadrícula pone un dígito por fila. 6 épocas son algo más de un minuto en una CPU de 2
# núcleos sin carga; la tabla de la sección 3 llega a 15–17. Lo mismo sin cuaderno:
# `python -m gan_course train --recipe cdcgan --epochs 6`.

# %% [markdown] lang="pt"
# ## Uma GAN condicional em 6 épocas
#
# A receita `cdcgan` é a do curso com o dígito como entrada de $G$: o gerador tem duas entradas, ruído $(N, 100)$ e
# dígito $(N,)$ inteiro, e $D$ mantém a projeção e a cabeça de classes. A cada passo, cada falsa pede um dígito ao
# acaso (uniforme); as reais trazem o seu. O laço, os pontos de verificação, a grade e o GIF são os da lição 06; a
# grade põe um dígito por linha. 6 épocas são pouco mais de um minuto numa CPU de 2 núcleos sem carga; a tabela da
# seção 3 chega a 15–17. O mesmo sem notebook: `python -m gan_course train --recipe cdcgan --epochs 6`.

# %%
def report(epoch, gan, history):
    # es: una línea cada tres épocas: pérdidas, salidas medias de D y velocidad
    # pt: uma linha a cada três épocas: perdas, saídas médias de D e velocidade
    if epoch % 3:
        return
    print(T(f"época {epoch:2d}: J(D) {history['d_loss'][-1]:6.3f}  J(G) {history['g_loss'][-1]:6.3f}  "
            f"D(x) {history['d_real'][-1]:6.2f}  D(G(z)) {history['d_fake'][-1]:6.2f}  "
            f"{history['images_per_second'][-1]:4.0f} imágenes/s",
            f"época {epoch:2d}: J(D) {history['d_loss'][-1]:6.3f}  J(G) {history['g_loss'][-1]:6.3f}  "
            f"D(x) {history['d_real'][-1]:6.2f}  D(G(z)) {history['d_fake'][-1]:6.2f}  "
            f"{history['images_per_second'][-1]:4.0f} imagens/s"))

# %% tags=["nbval-ignore-output"] slideshow={"slide_type": "subslide"}
cgan = recipes.build("cdcgan", seed=0)
print(T("entradas de G:", "entradas de G:"), [tuple(i.shape) for i in cgan.generator.inputs],
      T("| de D:", "| de D:"), [tuple(i.shape) for i in cgan.discriminator.inputs])
cgan_dir = train.new_run_folder("runs", "10_cdcgan")
use = slice(None, None, gc.pick(1, 20))                     # es: todos (modo rápido: 1 de cada 20) | pt: todos (modo rápido: 1 a cada 20)
cgan_history = train.fit(cgan, images[use], gc.pick(6, 2), labels=labels[use], out=cgan_dir, verbose=False,
                         on_epoch=report)

# %% [markdown] lang="es"
# La cuadrícula de la última época: la fila $r$ pidió el dígito $r$, con el mismo ruido en cada época. Con 6 épocas
# cada fila ya dibuja su dígito, con trazos todavía rotos y manchados; abajo, el clasificador lo mide.

# %% [markdown] lang="pt"
# A grade da última época: a linha $r$ pediu o dígito $r$, com o mesmo ruído em todas as épocas. Com 6 épocas cada
# linha já desenha o seu dígito, com traços ainda quebrados e borrados; abaixo, o classificador mede isso.

# %% slideshow={"slide_type": "subslide"}
last = cgan_history["epoch"][-1]
plt.figure(figsize=(4.6, 4.6))
plt.imshow(plt.imread(train.sample_path(cgan_dir, last)), cmap="gray")
plt.title(T(f"época {last}: fila r = dígito r", f"época {last}: linha r = dígito r"))
plt.axis("off")
plt.show()

# %% [markdown] lang="es"
# ### ¿Dibuja lo que le pedimos?
#
# El clasificador del curso (lección 01, nunca visto por la GAN) lee 1000 falsas que piden 0, 1, …, 9 en orden.
# La proporción leída como el dígito pedido, calculada a mano y con `metrics.requested_share`, por dígito, y las
# puntuaciones de la lección 06 (IS, FID contra los 1000 dígitos apartados):

# %% [markdown] lang="pt"
# ### Ela desenha o que pedimos?
#
# O classificador do curso (lição 01, que a GAN nunca viu) lê 1000 falsas que pedem 0, 1, …, 9 em sequência. A
# proporção lida como o dígito pedido, calculada à mão e com `metrics.requested_share`, por dígito, e as pontuações
# da lição 06 (IS, FID contra os 1000 dígitos separados):

# %% tags=["nbval-ignore-output"]
fakes = metrics.sample(cgan.sampler, 1000)                   # es: la copia promediada (EMA) | pt: a cópia média (EMA)
asked = metrics.requested_digits(cgan.sampler, 1000)         # es: 0, 1, …, 9, 0, 1, … | pt: 0, 1, …, 9, 0, 1, …
probs, _ = metrics.classifier_outputs(fakes)
read = probs.argmax(axis=1)
print(T("leídas como el dígito pedido:", "lidas como o dígito pedido:"), f"{np.mean(read == asked):.1%}",
      "| metrics.requested_share:", f"{metrics.requested_share(fakes, asked):.1%}")
print("por dígito:", " ".join(f"{d}: {np.mean(read[asked == d] == d):.0%}" for d in range(10)))
scores = metrics.score_images(fakes)
print(f"IS {scores['inception_score']:.2f}  FID {scores['frechet_distance']:.1f}  "
      + f"(épocas: {last})")

# %% [markdown] lang="es"
# ## Dibuja este número
#
# `conditioning.draw_number` escribe un número con el generador: una falsa por cifra, cada una con su propio ruido.
# Cambia `number` (o `seed`, para otra caligrafía) y vuelve a ejecutar la celda. Funciona también con el generador de
# la receta del curso (lección 07): allí el dígito va en el código latente, y `conditioning.digit_latents` permuta los
# diez primeros números de $z$ para que el mayor quede en la cifra pedida.

# %% [markdown] lang="pt"
# ## Desenhe este número
#
# `conditioning.draw_number` escreve um número com o gerador: uma falsa por algarismo, cada uma com o seu próprio
# ruído. Mude `number` (ou `seed`, para outra caligrafia) e execute a célula de novo. Funciona também com o gerador
# da receita do curso (lição 07): lá o dígito vai no código latente, e `conditioning.digit_latents` permuta os dez
# primeiros números de $z$ para que o maior fique no algarismo pedido.

# %% tags=["nbval-ignore-output"]
number, seed = "2026", 0                                      # es: cámbialos | pt: mude-os
plt.figure(figsize=(1.2 * len(number), 1.6))
plt.imshow(conditioning.draw_number(cgan.sampler, number, seed=seed), cmap="gray")
plt.axis("off")
plt.show()

# %% [markdown] lang="es"
# ### El estilo y el dígito, por separado
#
# Si el dígito va aparte, el ruido $z$ se queda con **el estilo**: grosor, inclinación, tamaño. `conditioning.
# style_grid` fija un $z$ por fila y cambia solo el dígito por columna. Una fila que mantiene el trazo en los diez
# dígitos dice que $G$ ha separado las dos cosas.

# %% [markdown] lang="pt"
# ### O estilo e o dígito, separados
#
# Se o dígito vai à parte, o ruído $z$ fica com **o estilo**: espessura, inclinação, tamanho. `conditioning.
# style_grid` fixa um $z$ por linha e muda só o dígito por coluna. Uma linha que mantém o traço nos dez dígitos diz
# que $G$ separou as duas coisas.

# %% tags=["nbval-ignore-output"]
plots.show_images(conditioning.style_grid(cgan.sampler, styles=5, seed=1), ncols=10, size=7)
plt.show()

# %% [markdown] lang="es"
# ## Proyección o concatenación
#
# ¿Cómo debe enterarse $D$ del dígito? `benchmarks/quality.py` entrena las dos versiones de la GAN condicional con
# 3 minutos de una CPU de 2 núcleos sin carga (15–17 épocas), 3 semillas cada una, y las mide con 2000 falsas: IS, FID contra los
# dígitos apartados, proporción memorizada, clase más rara y proporción leída como el dígito pedido. Cada línea de
# `benchmarks/results/quality.jsonl` es una ejecución; la celda las lee:

# %% [markdown] lang="pt"
# ## Projeção ou concatenação
#
# Como $D$ deve ficar sabendo do dígito? `benchmarks/quality.py` treina as duas versões da GAN condicional com 3
# minutos de uma CPU de 2 núcleos sem carga, 3 sementes cada, e as mede com 2000 falsas: IS, FID contra os dígitos
# separados, proporção memorizada, classe mais rara e proporção lida como o dígito pedido. Cada linha de
# `benchmarks/results/quality.jsonl` é uma execução; a célula as lê:

# %% slideshow={"slide_type": "skip"}
VARIANTS = {("plain", "baselines"): T("sin clases, entr. cruzada", "sem classes, entr. cruzada"),
            ("plain", "time"): T("sin clases, entr. cruzada", "sem classes, entr. cruzada"),
            ("course", "time, width 64"): T("curso, entropía cruzada", "curso, entropia cruzada"),
            ("plain+wgan-gp", "baselines"): T("sin clases, WGAN-GP", "sem classes, WGAN-GP"),
            ("cdcgan", "variants"): T("proyección (cdcgan)", "projeção (cdcgan)"),
            ("cdcgan-concat", "variants"): T("concatenación", "concatenação"),
            ("course", "main job, width 64"): T("curso, entropía cruzada", "curso, entropia cruzada"),
            ("course+hinge", "variants"): T("curso, bisagra", "curso, hinge"),
            ("course+hinge-sn", "baselines"): T("curso, bisagra+SN, artículo", "curso, hinge+SN, artigo"),
            ("plain+hinge-sn", "baselines"): T("sin clases, bisagra+SN", "sem classes, hinge+SN"),
            ("course+wgan-gp", "variants"): T("WGAN-GP, Adam del curso", "WGAN-GP, Adam do curso"),
            ("course+wgan-gp", "baselines"): T("WGAN-GP, Adam del artículo", "WGAN-GP, Adam do artigo")}


QUALITY = "../../benchmarks/results/quality.jsonl"   # es: cambia al repetir las medidas | pt: muda ao repetir as medidas


def variant_table(path, names, minutes=3):
    # es: una fila por ejecución de `minutes` minutos de cada (variante, grupo de medidas) pedido, en el orden de names
    # pt: uma linha por execução de `minutes` minutos de cada (variante, grupo de medidas) pedido, na ordem de names
    lines = pathlib.Path(path).read_text(encoding="utf-8").splitlines()
    runs = [json.loads(line) for line in lines if line.strip()]
    runs = [r for r in runs if (r["model"], r.get("tag")) in names and r["minutes"] == minutes]
    print(T("variante                    semilla épocas    IS    FID  pedido",
            "variante                    semente épocas    IS    FID  pedido"))
    for r in sorted(runs, key=lambda r: (names.index((r["model"], r.get("tag"))), r["seed"])):
        asked = "—" if r.get("requested_share") is None else f"{r['requested_share']:.1%}"
        print(f"{VARIANTS[r['model'], r.get('tag')]:27} {r['seed']:7d} {r['epochs']:6d} "
              f"{r['inception_score']:5.2f} {r['frechet_distance']:6.1f} {asked:>7}")

# %% tags=["nbval-ignore-output"] slideshow={"slide_type": "subslide"}
variant_table(QUALITY, [("cdcgan", "variants"), ("cdcgan-concat", "variants")])

# %% [markdown] lang="es"
# Las dos versiones tienen el mismo generador, la misma cabeza de clases y la misma velocidad (15–17 épocas); solo
# cambia cómo se entera $D$ del dígito. Con la **proyección**: IS 9.56 / 9.67 / 9.67, FID 7.2 / 6.8 / 6.5 y un
# 97.5–98.0 % de falsas leídas como el dígito pedido. Con la **concatenación**: IS 7.20 / 7.47 / 7.23, FID 47 / 43 /
# 49 y solo un 71–74 %. Una lectura: concatenado, el dígito entra como 10 canales constantes **solo en la primera
# convolución**, y las capas siguientes lo conocen solo si esa capa lo conserva; mientras $D$ pueda ganar mirando si
# el trazo parece real, puede ignorarlo, y entonces $G$ no aprende a obedecerlo. Con la proyección el dígito
# multiplica las características justo en el veredicto: «un 3 real con la etiqueta 7» recibe otra puntuación por
# construcción. Miyato y Koyama (2018) vieron lo mismo en ImageNet. Medido con 3 minutos de CPU; no sabemos qué daría
# con más tiempo, ni con $y$ pegado después de cada capa, como carpedm20.

# %% [markdown] lang="pt"
# As duas versões têm o mesmo gerador, a mesma cabeça de classes e a mesma velocidade (15–17 épocas); só muda como
# $D$ fica sabendo do dígito. Com a **projeção**: IS 9,56 / 9,67 / 9,67, FID 7,2 / 6,8 / 6,5 e 97,5–98,0 % de falsas
# lidas como o dígito pedido. Com a **concatenação**: IS 7,20 / 7,47 / 7,23, FID 47 / 43 / 49 e só 71–74 %. Uma
# leitura: concatenado, o dígito entra como 10 canais constantes **só na primeira convolução**, e as camadas
# seguintes só o conhecem se essa camada o conservar; enquanto $D$ puder ganhar olhando se o traço parece real, pode
# ignorá-lo, e então $G$ não aprende a obedecê-lo. Com a projeção o dígito multiplica as características bem no
# veredicto: “um 3 real com o rótulo 7” recebe outra pontuação por construção. Miyato e Koyama (2018) viram o mesmo
# no ImageNet. Medido com 3 minutos de CPU; não sabemos o que daria com mais tempo, nem com $y$ colado depois de cada
# camada, como no carpedm20.

# %% [markdown] lang="es"
# ## La distancia de Wasserstein
#
# En la lección 04, contra el mejor discriminador, el generador minimiza la divergencia de Jensen-Shannon, y la JSD
# **se aplana** en $\log 2$ cuando los datos y las falsas dejan de solaparse: el generador no recibe pistas de hacia
# dónde moverse. La **distancia de Wasserstein** (o del movimiento de tierra, *earth mover's distance*) mide cuánta
# «arena» hay que mover, y cuán lejos, para convertir $p_g$ en $p_{data}$:
#
# $$W_1(p_{data}, p_g) = \inf_{\gamma \in \Pi(p_{data}, p_g)} \mathbb{E}_{(x, y) \sim \gamma}\,|x - y|$$
#
# En una dimensión tiene una forma cerrada: el área entre las dos funciones de distribución acumulada,
# $W_1 = \int |F_{data}(x) - F_g(x)|\,dx$; con dos muestras del mismo tamaño, la media de $|x_{(i)} - y_{(i)}|$ entre
# sus valores **ordenados**. Y para dos gaussianas de la misma $\sigma$ la arena solo se desplaza: $W_1 = |\mu_{data} -
# \mu_g|$. Las tres cuentas, con `wasserstein`, junto a la JSD:

# %% [markdown] lang="pt"
# ## A distância de Wasserstein
#
# Na lição 04, contra o melhor discriminador, o gerador minimiza a divergência de Jensen-Shannon, e a JSD **satura**
# em $\log 2$ quando os dados e as falsas deixam de se sobrepor: o gerador não recebe pistas de para onde se mover. A
# **distância de Wasserstein** (ou do movimento de terra, *earth mover's distance*) mede quanta “areia” é preciso
# mover, e para quão longe, para transformar $p_g$ em $p_{data}$:
#
# $$W_1(p_{data}, p_g) = \inf_{\gamma \in \Pi(p_{data}, p_g)} \mathbb{E}_{(x, y) \sim \gamma}\,|x - y|$$
#
# Em uma dimensão ela tem forma fechada: a área entre as duas funções de distribuição acumulada,
# $W_1 = \int |F_{data}(x) - F_g(x)|\,dx$; com duas amostras do mesmo tamanho, a média de $|x_{(i)} - y_{(i)}|$ entre
# os seus valores **ordenados**. E para duas gaussianas com o mesmo $\sigma$ a areia só se desloca: $W_1 = |\mu_{data}
# - \mu_g|$. As três contas, com `wasserstein`, ao lado da JSD:

# %% slideshow={"slide_type": "subslide"}
rng = np.random.default_rng(0)
print(T(f"{'distancia':>9} {'JSD':>7} {'W1 (FDA)':>9} {'W1 (muestras)':>14} {'|μ_data − μ_g|':>15}",
        f"{'distância':>9} {'JSD':>7} {'W1 (FDA)':>9} {'W1 (amostras)':>14} {'|μ_data − μ_g|':>15}"))
for d in [0.0, 1.0, 2.0, 4.0, 6.0, 8.0]:
    jsd, w1 = wasserstein.distance_curves([d])
    sampled = wasserstein.w1_from_samples(rng.normal(0.0, 1.0, 20000), rng.normal(d, 1.0, 20000))
    print(f"{d:9.1f} {jsd[0]:7.4f} {w1[0]:9.4f} {sampled:14.2f} {abs(d):15.1f}")

# %% [markdown] lang="es"
# La JSD llega a $\log 2 \approx 0.693$ y se queda; $W_1$ sigue creciendo con la separación. A la derecha, sus
# pendientes: la de la JSD (lo que empuja al generador) cae a cero a partir de unas 5 desviaciones; la de $W_1$ vale
# 1 a cualquier distancia.

# %% [markdown] lang="pt"
# A JSD chega a $\log 2 \approx 0{,}693$ e fica; $W_1$ continua crescendo com a separação. À direita, as suas
# inclinações: a da JSD (o que empurra o gerador) cai a zero a partir de uns 5 desvios; a de $W_1$ vale 1 a
# qualquer distância.

# %% slideshow={"slide_type": "subslide"}
wasserstein.plot_jsd_vs_wasserstein()
plt.show()

# %% [markdown] lang="es"
# ### El crítico
#
# En imágenes no hay funciones de distribución que ordenar. Por la dualidad de Kantorovich-Rubinstein,
#
# $$W_1(p_{data}, p_g) = \sup_{\|f\|_L \le 1} \mathbb{E}_{x \sim p_{data}} f(x) - \mathbb{E}_{x \sim p_g} f(x),$$
#
# el máximo sobre las funciones con pendiente a lo sumo 1 (*1-Lipschitz*). WGAN entrena una red $f$, el **crítico**:
# una puntuación sin sigmoide, no una probabilidad. WGAN-GP (Gulrajani et al., 2017) pide la pendiente 1 con una
# **penalización del gradiente** en puntos $\hat x = \epsilon x + (1 - \epsilon) G(z)$ entre reales y falsas:
#
# $$J^{(f)} = \mathbb{E}\, f(G(z)) - \mathbb{E}\, f(x) + \lambda\, \mathbb{E}\,(\|\nabla_{\hat x} f(\hat x)\|_2 - 1)^2,
# \qquad \lambda = 10.$$
#
# La penalización es blanda: un crítico lineal de pendiente $s$ gana $s\,W$ y paga $\lambda (s - 1)^2$; el óptimo es
# $s = 1 + W / (2\lambda)$, y su estimación, $s\,W = W + W^2 / (2\lambda)$: **un poco más** que $W$.

# %% [markdown] lang="pt"
# ### O crítico
#
# Em imagens não há funções de distribuição para ordenar. Pela dualidade de Kantorovich-Rubinstein,
#
# $$W_1(p_{data}, p_g) = \sup_{\|f\|_L \le 1} \mathbb{E}_{x \sim p_{data}} f(x) - \mathbb{E}_{x \sim p_g} f(x),$$
#
# o máximo sobre as funções com inclinação no máximo 1 (*1-Lipschitz*). A WGAN treina uma rede $f$, o **crítico**:
# uma pontuação sem sigmoide, não uma probabilidade. A WGAN-GP (Gulrajani et al., 2017) pede a inclinação 1 com uma
# **penalização do gradiente** em pontos $\hat x = \epsilon x + (1 - \epsilon) G(z)$ entre reais e falsas:
#
# $$J^{(f)} = \mathbb{E}\, f(G(z)) - \mathbb{E}\, f(x) + \lambda\, \mathbb{E}\,(\|\nabla_{\hat x} f(\hat x)\|_2 - 1)^2,
# \qquad \lambda = 10.$$
#
# A penalização é suave: um crítico linear de inclinação $s$ ganha $s\,W$ e paga $\lambda (s - 1)^2$; o ótimo é
# $s = 1 + W / (2\lambda)$, e a sua estimativa, $s\,W = W + W^2 / (2\lambda)$: **um pouco mais** que $W$.

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# `wasserstein.train_critic_1d` entrena un crítico así (un MLP pequeño, `losses.gradient_penalty`) con los datos de
# la lección 04, $\mathcal{N}(4, 0.5^2)$, contra falsas **fijas** $\mathcal{N}(\mu_g, 0.5^2)$; y, para comparar, un
# discriminador con la entropía cruzada de la lección 04. Mide lo que sentiría el generador: la pendiente media de su
# pérdida en las falsas, $|\partial J^{(G)} / \partial x|$. Unos segundos:

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# `wasserstein.train_critic_1d` treina um crítico assim (um MLP pequeno, `losses.gradient_penalty`) com os dados da
# lição 04, $\mathcal{N}(4;\ 0{,}5^2)$, contra falsas **fixas** $\mathcal{N}(\mu_g;\ 0{,}5^2)$; e, para comparar, um
# discriminador com a entropia cruzada da lição 04. Mede o que o gerador sentiria: a inclinação média da sua perda
# nas falsas, $|\partial J^{(G)} / \partial x|$. Alguns segundos:

# %% tags=["nbval-ignore-output"]
print(T(f"{'μ_g':>4} {'W1':>4} {'W + W²/2λ':>9} {'crítico':>8} {'pendiente':>9} | {'D(falsas)':>9} "
        f"{'minimax':>8} {'no satur.':>9}",
        f"{'μ_g':>4} {'W1':>4} {'W + W²/2λ':>9} {'crítico':>8} {'inclinação':>10} | {'D(falsas)':>9} "
        f"{'minimax':>8} {'não satur.':>10}"))
critics, lam = {}, 10.0                                      # es: λ de Gulrajani et al. | pt: λ de Gulrajani et al.
for mu_g in [3.5, 2.0, 0.0]:
    f = critics[mu_g] = wasserstein.train_critic_1d("wgan-gp", fake_mean=mu_g, gp_weight=lam)
    d = wasserstein.train_critic_1d("bce", fake_mean=mu_g)
    print(f"{mu_g:4.1f} {f.exact:4.1f} {f.exact + f.exact ** 2 / (2 * lam):9.2f} {f.estimate:8.2f} "
          + T(f"{f.slope['wgan']:9.2f}", f"{f.slope['wgan']:10.2f}") + f" | {d.d_fake:9.4f} "
          + T(f"{d.slope['minimax']:8.4f} {d.slope['non_saturating']:9.2f}",
              f"{d.slope['minimax']:8.4f} {d.slope['non_saturating']:10.2f}"))

# %% [markdown] lang="es"
# Lo que dice la tabla (las últimas cifras dependen de la máquina): el crítico estima $W + W^2/(2\lambda)$, como predice
# la cuenta, y empuja a las falsas con pendiente $1 + W/(2\lambda)$, cercana a 1, **a cualquier distancia**. El
# discriminador de entropía cruzada, con las falsas lejos, las rechaza con seguridad ($D \approx 0$): la pendiente de la
# pérdida minimax **se apaga** (la lección 04) y la de la no saturante es la pendiente del logit de $D$, que crece
# mientras $D$ afila su escalón: un empujón que depende de cómo esté entrenado $D$, no de lo lejos que estén los datos.
# A la izquierda, el crítico con $\mu_g = 0$: una rampa de los datos falsos a los reales; a la derecha, $D$: un escalón
# plano sobre las falsas.

# %% [markdown] lang="pt"
# O que a tabela diz (as últimas casas dependem da máquina): o crítico estima $W + W^2/(2\lambda)$, como a conta prevê,
# e empurra as falsas com inclinação $1 + W/(2\lambda)$, perto de 1, **a qualquer distância**. O discriminador de
# entropia cruzada, com as falsas longe, as rejeita com segurança ($D \approx 0$): a inclinação da perda minimax **se
# apaga** (a lição 04) e a da não saturante é a inclinação do logit de $D$, que cresce enquanto $D$ afia o seu degrau:
# um empurrão que depende de como $D$ está treinado, não de quão longe estão os dados. À esquerda, o crítico com
# $\mu_g = 0$: uma rampa dos dados falsos aos reais; à direita, $D$: um degrau plano sobre as falsas.

# %% slideshow={"slide_type": "subslide"}
wasserstein.plot_critics_1d(critics[0.0], wasserstein.train_critic_1d("bce", fake_mean=0.0))
plt.show()

# %% [markdown] lang="es" slideshow={"slide_type": "notes"}
# La idea que debe quedar: la puntuación del crítico no es una probabilidad, y la diferencia $\mathbb{E} f(x) -
# \mathbb{E} f(G(z))$ es una **distancia** con unidades (aquí, las de $x$). Pregunta qué pasaría con la estimación si
# $\lambda$ fuera 1 en vez de 10 (crece: $W + W^2/2$).

# %% [markdown] lang="pt" slideshow={"slide_type": "notes"}
# A ideia que deve ficar: a pontuação do crítico não é uma probabilidade, e a diferença $\mathbb{E} f(x) -
# \mathbb{E} f(G(z))$ é uma **distância** com unidades (aqui, as de $x$). Pergunte o que aconteceria com a estimativa
# se $\lambda$ fosse 1 em vez de 10 (cresce: $W + W^2/2$).

# %% [markdown] lang="es"
# ## WGAN-GP y la pérdida bisagra en imágenes
#
# Las tres familias de pérdidas que entiende el entrenador (`losses.FAMILIES`, `--loss` en la línea de órdenes),
# con $D$ dando una puntuación sin sigmoide:
#
# | familia | $J^{(D)}$ | $J^{(G)}$ |
# |---|---|---|
# | `bce` (lecciones 04–06) | $-\mathbb{E}\log \sigma(D(x)) - \mathbb{E}\log(1 - \sigma(D(G(z))))$ | $-\mathbb{E}\log \sigma(D(G(z)))$ |
# | `hinge` (SAGAN, BigGAN) | $\mathbb{E}\max(0, 1 - D(x)) + \mathbb{E}\max(0, 1 + D(G(z)))$ | $-\mathbb{E}\, D(G(z))$ |
# | `wgan-gp` | $\mathbb{E}\, D(G(z)) - \mathbb{E}\, D(x) + \lambda\,\mathbb{E}(\lVert\nabla D(\hat x)\rVert - 1)^2$ | $-\mathbb{E}\, D(G(z))$ |
#
# La bisagra deja de empujar a $D$ cuando ya acierta con margen (puntuación > 1 en las reales, < −1 en las falsas).
# WGAN-GP necesita un crítico **sin normalización por lotes** (la penalización es por imagen y la BN mezcla las
# imágenes del lote) y $n_{critic} = 5$ pasos del crítico por cada paso de $G$. Las dos, comprobadas a mano:

# %% [markdown] lang="pt"
# ## WGAN-GP e a perda hinge em imagens
#
# As três famílias de perdas que o treinador entende (`losses.FAMILIES`, `--loss` na linha de comando), com $D$
# dando uma pontuação sem sigmoide:
#
# | família | $J^{(D)}$ | $J^{(G)}$ |
# |---|---|---|
# | `bce` (lições 04–06) | $-\mathbb{E}\log \sigma(D(x)) - \mathbb{E}\log(1 - \sigma(D(G(z))))$ | $-\mathbb{E}\log \sigma(D(G(z)))$ |
# | `hinge` (SAGAN, BigGAN) | $\mathbb{E}\max(0, 1 - D(x)) + \mathbb{E}\max(0, 1 + D(G(z)))$ | $-\mathbb{E}\, D(G(z))$ |
# | `wgan-gp` | $\mathbb{E}\, D(G(z)) - \mathbb{E}\, D(x) + \lambda\,\mathbb{E}(\lVert\nabla D(\hat x)\rVert - 1)^2$ | $-\mathbb{E}\, D(G(z))$ |
#
# A perda hinge para de empurrar $D$ quando ele já acerta com margem (pontuação > 1 nas reais, < −1 nas falsas). A
# WGAN-GP precisa de um crítico **sem normalização em lote** (a penalização é por imagem e a BN mistura as imagens
# do lote) e $n_{critic} = 5$ passos do crítico para cada passo de $G$. As duas, conferidas à mão:

# %% slideshow={"slide_type": "subslide"}
real_out = np.array([[1.5], [0.3], [-0.2]], np.float32)      # es: D en tres reales | pt: D em três reais
fake_out = np.array([[-2.0], [0.4], [-0.9]], np.float32)     # es: y en tres falsas | pt: e em três falsas
by_hand = np.mean(np.maximum(0, 1 - real_out)) + np.mean(np.maximum(0, 1 + fake_out))
print(T("bisagra, J(D):", "hinge, J(D):"), f"{by_hand:.6f}",
      f"{float(losses.hinge_discriminator_loss(real_out, fake_out)):.6f}",
      "| J(G):", f"{-np.mean(fake_out):.6f}", f"{float(losses.hinge_generator_loss(fake_out)):.6f}")
# es: un crítico lineal f(x) = w·x + b tiene el gradiente w en todas partes: penalización (‖w‖ − 1)²
# pt: um crítico linear f(x) = w·x + b tem o gradiente w em todo lugar: penalização (‖w‖ − 1)²
init = keras.initializers.RandomNormal(seed=4)
critic = keras.Sequential([keras.Input((4, 4, 1)), keras.layers.Flatten(),
                          keras.layers.Dense(1, kernel_initializer=init)])
w = critic.layers[-1].kernel.numpy()
rng = np.random.default_rng(1)
real, fake = tf.constant(rng.normal(size=(2, 8, 4, 4, 1)), tf.float32)
epsilon = tf.constant(rng.uniform(size=(8, 1, 1, 1)), tf.float32)
penalty = losses.gradient_penalty(lambda v: critic(v, training=True), real, fake, epsilon)
print(T("penalización:", "penalização:"), f"{(np.linalg.norm(w) - 1) ** 2:.6f}", f"{float(penalty):.6f}")

# %% [markdown] lang="es"
# ### WGAN-GP como en el artículo
#
# La variante `wgan-gp` de `recipes.LOSS_VARIANTS` es la receta de Gulrajani et al. (2017): crítico sin BN,
# $n_{critic} = 5$, $\lambda = 10$ y Adam con tasa $10^{-4}$, $\beta_1 = 0$, $\beta_2 = 0.9$. Aquí, sobre la receta
# del curso (sus redes, con la mitad de filtros que la GAN condicional, su código latente y su cabeza de clases: la
# señal de la clase sigue ahí), las mismas 6 épocas que la GAN condicional. En la terminal: `python -m gan_course train --loss wgan-gp --epochs 6`.

# %% [markdown] lang="pt"
# ### A WGAN-GP como no artigo
#
# A variante `wgan-gp` de `recipes.LOSS_VARIANTS` é a receita de Gulrajani et al. (2017): crítico sem BN,
# $n_{critic} = 5$, $\lambda = 10$ e Adam com taxa $10^{-4}$, $\beta_1 = 0$, $\beta_2 = 0{,}9$. Aqui, sobre a receita
# do curso (as suas redes, com a metade dos filtros da GAN condicional, o seu código latente e a sua cabeça de
# classes: o sinal da classe continua lá), as mesmas 6 épocas da GAN condicional. No terminal: `python -m gan_course train --loss wgan-gp --epochs 6`.

# %% tags=["nbval-ignore-output"]
print(recipes.LOSS_VARIANTS["wgan-gp"])
wgan = recipes.build("course", seed=0, **recipes.LOSS_VARIANTS["wgan-gp"])
wgan_dir = train.new_run_folder("runs", "10_wgan_gp")
wgan_history = train.fit(wgan, images[use], gc.pick(6, 2), labels=labels[use], out=wgan_dir, verbose=False,
                         on_epoch=report)

# %% [markdown] lang="es"
# Medida como la GAN condicional: 1000 falsas, IS, FID y la parte leída como el dígito que pidió su código. Y las
# actualizaciones que recibió cada red:

# %% [markdown] lang="pt"
# Medida como a GAN condicional: 1000 falsas, IS, FID e a parte lida como o dígito que o seu código pediu. E as
# atualizações que cada rede recebeu:

# %% tags=["nbval-ignore-output"] slideshow={"slide_type": "subslide"}
w_fakes = metrics.sample(wgan.sampler, 1000)
w_scores = metrics.score_images(w_fakes)
w_asked = metrics.requested_share(w_fakes, metrics.requested_digits(wgan.sampler, 1000))
print(T(f"WGAN-GP, {wgan_history['epoch'][-1]} épocas: IS {w_scores['inception_score']:.2f}  "
        f"FID {w_scores['frechet_distance']:.1f}  pedido {w_asked:.1%}",
        f"WGAN-GP, {wgan_history['epoch'][-1]} épocas: IS {w_scores['inception_score']:.2f}  "
        f"FID {w_scores['frechet_distance']:.1f}  pedido {w_asked:.1%}"))
for name, g in [("WGAN-GP", wgan), ("cdcgan", cgan)]:
    print(T(f"{name:8} actualizaciones de D: {int(g.d_optimizer.iterations):5d}   de G: {int(g.g_optimizer.iterations):5d}",
            f"{name:8} atualizações de D: {int(g.d_optimizer.iterations):5d}   de G: {int(g.g_optimizer.iterations):5d}"))
plots.show_images(w_fakes[:40], ncols=10, size=5)
plt.show()

# %% [markdown] lang="es"
# ### Cómo leer sus curvas
#
# Con la entropía cruzada, `d_real` y `d_fake` son probabilidades: $D(x)$ y $D(G(z))$ en $[0, 1]$, y lo sano es
# que no se separen del todo. Con WGAN-GP son **puntuaciones** del crítico, y lo que se lee es su diferencia,
# $\mathbb{E} f(x) - \mathbb{E} f(G(z))$: la estimación de $W_1$ entre los dígitos reales y las falsas, en las
# unidades de los píxeles. Mientras el crítico aprende a medir puede **subir**; cuando $G$ mejora, debe **bajar**.
# Aquí sube a unos 23 y se queda en 21: el crítico ya mide, pero $G$ apenas se mueve. Su valor solo se compara dentro
# de una misma ejecución (otro crítico, otra escala).

# %% [markdown] lang="pt"
# ### Como ler as suas curvas
#
# Com a entropia cruzada, `d_real` e `d_fake` são probabilidades: $D(x)$ e $D(G(z))$ em $[0, 1]$, e o saudável é que
# não se separem de todo. Com a WGAN-GP são **pontuações** do crítico, e o que se lê é a sua diferença,
# $\mathbb{E} f(x) - \mathbb{E} f(G(z))$: a estimativa de $W_1$ entre os dígitos reais e as falsas, nas unidades dos
# pixels. Enquanto o crítico aprende a medir ela pode **subir**; quando $G$ melhora, deve **cair**. Aqui sobe a uns
# 23 e fica em 21: o crítico já mede, mas $G$ quase não se move. O seu valor só se compara dentro de uma mesma
# execução (outro crítico, outra escala).

# %% slideshow={"slide_type": "subslide"}
fig, (left, right) = plt.subplots(1, 2, figsize=(10.5, 3.2))
left.plot(cgan_history["epoch"], cgan_history["d_real"], "o-", label="D(x)")
left.plot(cgan_history["epoch"], cgan_history["d_fake"], "o-", label="D(G(z))")
left.set_title(T("GAN condicional (bce): probabilidades", "GAN condicional (bce): probabilidades"))
left.set_ylim(0, 1)
estimate = np.subtract(wgan_history["d_real"], wgan_history["d_fake"])
right.plot(wgan_history["epoch"], estimate, "o-", color="#d62728", label="E f(x) − E f(G(z))")
right.set_title(T("WGAN-GP: la estimación de W₁", "WGAN-GP: a estimativa de W₁"))
for ax in (left, right):
    ax.set_xlabel(T("época", "época"))
    ax.legend(fontsize=9)
    ax.grid(alpha=0.3)
plt.show()

# %% [markdown] lang="es"
# ## Tres pérdidas, medidas
#
# `benchmarks/quality.py` entrenó la receta del curso 3 minutos (las épocas de cada fila) con cada familia de
# pérdidas (`--loss`) y la midió con 2000 falsas; «pedido»: leídas como el dígito que pidió su código. `hinge` solo
# cambia la pérdida (optimizador del curso); `hinge-sn` la entrena como Miyato et al. (2018): **normalización
# espectral** en $D$ (cada capa dividida por su mayor valor singular, sin BN), 5 pasos de $D$ por paso de $G$, Adam
# 2e-4 con β1 = 0, β2 = 0.9, con las clases del curso y sin ellas (la DCGAN sola); WGAN-GP aparece con el
# optimizador del curso (la variante de antes) y con el del artículo. Todas las filas usan los filtros de la
# lección 06 (la receta del curso de hoy tiene la mitad, lección 07), para comparar solo la pérdida:

# %% [markdown] lang="pt"
# ## Três perdas, medidas
#
# `benchmarks/quality.py` treinou a receita do curso por 3 minutos (as épocas de cada linha) com cada família de
# perdas (`--loss`) e a mediu com 2000 falsas; “pedido”: lidas como o dígito que o seu código pediu. `hinge` só muda
# a perda (otimizador do curso); `hinge-sn` a treina como Miyato et al. (2018): **normalização espectral** em $D$
# (cada camada dividida pelo seu maior valor singular, sem BN), 5 passos de $D$ por passo de $G$, Adam 2e-4 com
# β1 = 0, β2 = 0,9, com as classes do curso e sem elas (a DCGAN sozinha); a WGAN-GP aparece com o otimizador do curso
# (a variante de antes) e com o do artigo. Todas as linhas usam os filtros da lição 06 (a receita do curso de hoje
# tem a metade, lição 07), para comparar só a perda:

# %% tags=["nbval-ignore-output"] slideshow={"slide_type": "subslide"}
variant_table(QUALITY, [("plain", "baselines"), ("course", "main job, width 64"), ("course+hinge", "variants"),
                        ("course+hinge-sn", "baselines"), ("plain+hinge-sn", "baselines"),
                        ("course+wgan-gp", "variants"), ("course+wgan-gp", "baselines"), ("plain+wgan-gp", "baselines")])

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# - **Bisagra** (12–15 épocas): IS 9.36–9.62, FID 6.4–9.0; la entropía cruzada (16–18 épocas): IS 9.62–9.71, FID
#   6.1–6.3. Casi a la par; la semilla 1 corrió más lenta (12 épocas) y lo paga en FID: compara épocas antes que
#   puntuaciones.
# - **Bisagra como en su artículo** (normalización espectral, 5 pasos de $D$): con las clases, 25 épocas, IS 5.30 /
#   FID 144; sin ellas, 38 épocas, IS 4.18 / FID 146. Más épocas (sin BN y con $G$ parado 4 de cada 5 pasos, cada
#   época cuesta menos) y mucho peor resultado: $G$ recibe la quinta parte de las actualizaciones, como en WGAN-GP.
# - **WGAN-GP** queda muy atrás a este presupuesto, con los dos optimizadores: IS 6.3 / FID 100–115 con el del
#   curso (11–14 épocas), IS 4.36 / FID 235 con el del artículo (21 épocas; sin las clases, 2.95 / 284); la
#   referencia, la DCGAN sin clases, da 6.38 / 69.7 (23 épocas). La ejecución de arriba, con 6 épocas,
#   IS 1.01 / FID 554: cuadrados grises de textura fina, sin ningún dígito (un 11 % leídas como el pedido, casi el
#   azar), frente a IS 7.62 / FID 49 de la GAN condicional con las mismas épocas. La causa, medida arriba: $G$ se actualiza uno de cada cinco pasos, así que recibe la quinta parte
#   de las actualizaciones de la GAN condicional en las mismas épocas, y con una tasa 5 veces menor. Cada paso del
#   crítico, además, calcula el gradiente de un gradiente.
# - Lo que promete el artículo (entrenar muchas arquitecturas sin ajustar nada, curvas que siguen la calidad) se ve
#   en ejecuciones largas; 3 minutos no lo ponen a prueba, así que aquí no lo afirmamos.

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# - **Hinge** (12–15 épocas): IS 9,36–9,62, FID 6,4–9,0; a entropia cruzada (16–18 épocas): IS 9,62–9,71, FID
#   6,1–6,3. Quase empatadas; a semente 1 rodou mais devagar (12 épocas) e paga isso na FID: compare épocas antes das
#   pontuações.
# - **Hinge como no seu artigo** (normalização espectral, 5 passos de $D$): com as classes, 25 épocas, IS 5,30 /
#   FID 144; sem elas, 38 épocas, IS 4,18 / FID 146. Mais épocas (sem BN e com $G$ parado 4 de cada 5 passos, cada
#   época custa menos) e um resultado muito pior: $G$ recebe a quinta parte das atualizações, como na WGAN-GP.
# - A **WGAN-GP** fica muito atrás com este orçamento, com os dois otimizadores: IS 6,3 / FID 100–115 com o do curso
#   (11–14 épocas), IS 4,36 / FID 235 com o do artigo (21 épocas; sem as classes, 2,95 / 284); a referência, a DCGAN
#   sem classes, dá 6,38 / 69,7 (23 épocas). A execução acima, com 6 épocas, IS 1,01 / FID 554:
#   quadrados cinza de textura fina, sem nenhum dígito (11 % lidas como o pedido, quase o acaso), contra IS 7,62 /
#   FID 49 da GAN condicional com as mesmas épocas. A causa, medida acima: $G$ é atualizado um de cada cinco passos, então recebe a quinta parte das atualizações da GAN
#   condicional nas mesmas épocas, e com uma taxa 5 vezes menor. Cada passo do crítico, além disso, calcula o
#   gradiente de um gradiente.
# - O que o artigo promete (treinar muitas arquiteturas sem ajustar nada, curvas que acompanham a qualidade) aparece
#   em execuções longas; 3 minutos não o põem à prova, então aqui não o afirmamos.

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# ### Con 15 minutos
#
# ¿Es cuestión de tiempo? Las mismas medidas tras 15 minutos (semilla 0): la DCGAN sin clases como referencia, la
# receta del curso y las dos pérdidas entrenadas como en sus artículos, con las clases del curso:

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# ### Com 15 minutos
#
# É questão de tempo? As mesmas medidas depois de 15 minutos (semente 0): a DCGAN sem classes como referência, a
# receita do curso e as duas perdas treinadas como nos seus artigos, com as classes do curso:

# %% tags=["nbval-ignore-output"]
variant_table(QUALITY, [("plain", "time"), ("course", "time, width 64"), ("course+hinge-sn", "baselines"),
                        ("course+wgan-gp", "baselines")], minutes=15)

# %% [markdown] lang="es"
# En 15 minutos, las dos pérdidas de los artículos ganan mucho más que la entropía cruzada, que ya estaba arriba a
# los 3: **WGAN-GP** pasa de IS 4.36 / FID 235 (21 épocas) a 6.91 / 62.7 (91 épocas), a la altura de la DCGAN sin
# clases (6.87 / 58.0, 129 épocas); la **bisagra con normalización espectral**, de 5.30 / 144 (25 épocas) a 8.62 /
# 27.3 (141 épocas), con un 90 % de falsas leídas como el dígito pedido. La receta del curso: 9.82 / 6.7 (84
# épocas). Las dos siguen subiendo: les faltan pasos de $G$ (uno de cada cinco), no les sobra la pérdida. Una
# semilla por fila.

# %% [markdown] lang="pt"
# Em 15 minutos, as duas perdas dos artigos ganham muito mais que a entropia cruzada, que já estava no alto aos 3:
# a **WGAN-GP** passa de IS 4,36 / FID 235 (21 épocas) para 6,91 / 62,7 (91 épocas), no nível da DCGAN sem classes
# (6,87 / 58,0, 129 épocas); a **hinge com normalização espectral**, de 5,30 / 144 (25 épocas) para 8,62 / 27,3 (141
# épocas), com 90 % de falsas lidas como o dígito pedido. A receita do curso: 9,82 / 6,7 (84 épocas). As duas
# continuam subindo: faltam-lhes passos de $G$ (um de cada cinco), não é a perda que atrapalha. Uma semente por
# linha.

# %% [markdown] lang="es"
# ## Pix2Pix: condicionar con una imagen
#
# Pix2Pix (Isola et al., 2017) es una GAN condicional en la que la condición $x$ es **una imagen entera** (un mapa,
# un boceto, una foto en blanco y negro) y $G$ la traduce en otra, $y$. Su objetivo:
#
# $$G^* = \arg\min_G \max_D\; \mathbb{E}_{x,y}[\log D(x, y)] + \mathbb{E}_{x,z}[\log(1 - D(x, G(x, z)))]
# + \lambda\,\mathbb{E}_{x,y,z}\lVert y - G(x, z)\rVert_1, \qquad \lambda = 100.$$
#
# - $D$ ve **la pareja** (entrada, salida), como la cGAN por concatenación: la imagen condición pegada como canales.
# - La L1 obliga a parecerse a la respuesta correcta; la GAN, a tener detalle (sin ella, la L1 sola da imágenes
#   borrosas: la media de las respuestas posibles).
# - $G$ es una **U-Net**: codificador y decodificador con conexiones que pasan los detalles de cada escala.
# - $D$ es un **PatchGAN**: juzga cada parche de 70×70 píxeles por separado y promedia.
#
# Se entrena con parejas alineadas de 256×256 (p. ej. 400 fachadas y sus mapas de etiquetas, 200 épocas):
# redes y datos de otra escala que los de este curso. Lo dejamos en la teoría, con una cuenta que sí cabe aquí.

# %% [markdown] lang="pt"
# ## Pix2Pix: condicionar com uma imagem
#
# O Pix2Pix (Isola et al., 2017) é uma GAN condicional em que a condição $x$ é **uma imagem inteira** (um mapa, um
# esboço, uma foto em preto e branco) e $G$ a traduz em outra, $y$. O seu objetivo:
#
# $$G^* = \arg\min_G \max_D\; \mathbb{E}_{x,y}[\log D(x, y)] + \mathbb{E}_{x,z}[\log(1 - D(x, G(x, z)))]
# + \lambda\,\mathbb{E}_{x,y,z}\lVert y - G(x, z)\rVert_1, \qquad \lambda = 100.$$
#
# - $D$ vê **o par** (entrada, saída), como a cGAN por concatenação: a imagem condição colada como canais.
# - A L1 obriga a parecer com a resposta certa; a GAN, a ter detalhe (sem ela, a L1 sozinha dá imagens borradas: a
#   média das respostas possíveis).
# - $G$ é uma **U-Net**: codificador e decodificador com conexões que passam os detalhes de cada escala.
# - $D$ é um **PatchGAN**: julga cada região de 70×70 pixels separadamente e tira a média.
#
# Treina-se com pares alinhados de 256×256 (p. ex. 400 fachadas e os seus mapas de rótulos, 200 épocas): redes e
# dados de outra escala que os deste curso. Fica na teoria, com uma conta que cabe aqui.

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# ### El parche de 70×70
#
# El PatchGAN es una pila de convoluciones 4×4 con strides 2, 2, 2, 1, 1. El **campo receptivo** (lección 02) de un píxel de la
# salida se calcula desde el final hacia atrás, $r \leftarrow r\,s + (k - s)$ empezando en $r = 1$. Lo comprobamos
# con TensorFlow: con pesos a 1 y sin activaciones, el gradiente de un píxel de la salida es distinto de cero
# exactamente en los píxeles de la entrada que ve.

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# ### A região de 70×70
#
# O PatchGAN é uma pilha de convoluções 4×4 com strides 2, 2, 2, 1, 1. O **campo receptivo** (lição 02) de um pixel da saída se
# calcula do fim para trás, $r \leftarrow r\,s + (k - s)$ começando em $r = 1$. Conferimos com o TensorFlow: com
# pesos iguais a 1 e sem ativações, o gradiente de um pixel da saída é diferente de zero exatamente nos pixels da
# entrada que ele vê.

# %%
layers = [(4, 2), (4, 2), (4, 2), (4, 1), (4, 1)]              # (kernel, stride)
r = 1
for k, s in reversed(layers):
    r = r * s + (k - s)
convs = [keras.layers.Conv2D(1, k, strides=s, padding="same", use_bias=False, kernel_initializer="ones")
         for k, s in layers]
patch = keras.Sequential([keras.Input((128, 128, 1)), *convs])
x = tf.zeros((1, 128, 128, 1))
with tf.GradientTape() as tape:
    tape.watch(x)
    out = patch(x, training=False)
    centre = out[0, out.shape[1] // 2, out.shape[2] // 2, 0]
seen = np.abs(tape.gradient(centre, x).numpy()[0, :, :, 0]) > 0
print("fórmula:", r, "| TensorFlow:", seen.any(axis=0).sum(), "×", seen.any(axis=1).sum())

# %% [markdown] lang="es"
# ## Ejercicios
#
# Escribe tu respuesta en lugar de `None` y ejecuta la celda: `gc.exercises.check` te dice si es correcta o te da
# una pista.
#
# 1. ¿Cuánto vale $W_1$ entre $\mathcal{N}(1, 1)$ y $\mathcal{N}(4, 1)$?
# 2. Un crítico lineal con $\lambda = 10$ entre dos distribuciones a $W_1 = 2$: ¿qué estimación da?
# 3. Un discriminador por concatenación con kernels 5×5 y 64 filtros en la primera capa, para dígitos 28×28×1 y 10
#    clases: ¿cuántos parámetros tiene su primera convolución (sin sesgo)?
# 4. Pérdida bisagra de $D$ con una real de puntuación 0.5 y una falsa de −2: ¿cuánto vale?
# 5. Tres convoluciones 4×4 de stride 2 seguidas: ¿de qué ancho es el campo receptivo de un píxel de la salida?

# %% [markdown] lang="pt"
# ## Exercícios
#
# Escreva sua resposta no lugar de `None` e execute a célula: `gc.exercises.check` diz se está correta ou dá uma
# dica.
#
# 1. Quanto vale $W_1$ entre $\mathcal{N}(1, 1)$ e $\mathcal{N}(4, 1)$?
# 2. Um crítico linear com $\lambda = 10$ entre duas distribuições a $W_1 = 2$: que estimativa ele dá?
# 3. Um discriminador por concatenação com kernels 5×5 e 64 filtros na primeira camada, para dígitos 28×28×1 e 10
#    classes: quantos parâmetros tem a sua primeira convolução (sem viés)?
# 4. Perda hinge de $D$ com uma real de pontuação 0,5 e uma falsa de −2: quanto vale?
# 5. Três convoluções 4×4 de stride 2 seguidas: de que largura é o campo receptivo de um pixel da saída?

# %%
answer = None
gc.exercises.check("10.1", answer)

# %% slideshow={"slide_type": "subslide"}
answer = None
gc.exercises.check("10.2", answer)

# %%
answer = None
gc.exercises.check("10.3", answer)

# %% slideshow={"slide_type": "subslide"}
answer = None
gc.exercises.check("10.4", answer)

# %%
answer = None
gc.exercises.check("10.5", answer)

# %% [markdown] lang="es"
# ### Programar
#
# 6. Completa `w1(a, b)`: la distancia $W_1$ entre dos muestras 1-D del mismo tamaño, sin llamar a `wasserstein`.
#    Compárala con `wasserstein.w1_from_samples` en las muestras de la tabla de «La distancia de Wasserstein».
# 7. Completa `with_label_maps(x, y)`: la entrada del discriminador por concatenación, $(N, 28, 28, 11)$, a partir
#    de dígitos `x` $(N, 28, 28, 1)$ y etiquetas enteras `y` $(N,)$. Compárala con `by_keras` de «La concatenación,
#    comprobada».

# %% [markdown] lang="pt"
# ### Programar
#
# 6. Complete `w1(a, b)`: a distância $W_1$ entre duas amostras 1-D do mesmo tamanho, sem chamar `wasserstein`.
#    Compare com `wasserstein.w1_from_samples` nas amostras da tabela de “A distância de Wasserstein”.
# 7. Complete `with_label_maps(x, y)`: a entrada do discriminador por concatenação, $(N, 28, 28, 11)$, a partir de
#    dígitos `x` $(N, 28, 28, 1)$ e rótulos inteiros `y` $(N,)$. Compare com `by_keras` de “A concatenação,
#    conferida”.

# %% slideshow={"slide_type": "subslide"}
def w1(a, b):
    return None  # es: escribe aquí tu cálculo | pt: escreva aqui o seu cálculo

answer = None  # es: cuando funcione: answer = w1 | pt: quando funcionar: answer = w1
gc.exercises.check("10.6", answer)

# %%
def with_label_maps(x, y):
    return None  # es: escribe aquí tu cálculo | pt: escreva aqui o seu cálculo

answer = None  # es: cuando funcione: answer = with_label_maps | pt: quando funcionar: answer = with_label_maps
gc.exercises.check("10.7", answer)

# %% [markdown] lang="es"
# ## Resumen
#
# - Una GAN condicional recibe el dígito: $G(z, y)$. $D$ ve una real $x$ o una falsa, y se entera de la clase
#   concatenándola a la imagen, nombrándola (AC-GAN) o proyectándola sobre sus características; en CC-GAN y Pix2Pix
#   la condición es una imagen.
# - `--recipe cdcgan` dibuja el dígito pedido; `conditioning.draw_number` escribe números y `style_grid` separa estilo
#   y dígito.
# - $W_1$ sigue creciendo cuando las distribuciones no se solapan, y su pendiente no se apaga; el crítico de WGAN-GP
#   la estima con una penalización blanda ($W + W^2/2\lambda$ para un crítico lineal).
# - Las curvas de un crítico se leen como una distancia que baja, no como probabilidades.
# - A 3 minutos, la bisagra con el optimizador del curso va casi a la par de la entropía cruzada; WGAN-GP y la
#   bisagra con el optimizador de su artículo quedan muy atrás (su $G$ recibe una actualización de cada cinco) y a
#   15 minutos se acercan: IS 6.91 y 8.62 frente a 9.82. Pix2Pix cambia de escala.

# %% [markdown] lang="pt"
# ## Resumo
#
# - Uma GAN condicional recebe o dígito: $G(z, y)$. $D$ vê uma real $x$ ou uma falsa, e fica sabendo da classe
#   concatenando-a à imagem, nomeando-a (AC-GAN) ou projetando-a sobre as suas características; na CC-GAN e no
#   Pix2Pix a condição é uma imagem.
# - `--recipe cdcgan` desenha o dígito pedido; `conditioning.draw_number` escreve números e `style_grid` separa estilo
#   e dígito.
# - $W_1$ continua crescendo quando as distribuições não se sobrepõem, e a sua inclinação não se apaga; o crítico da
#   WGAN-GP a estima com uma penalização suave ($W + W^2/2\lambda$ para um crítico linear).
# - As curvas de um crítico se leem como uma distância que cai, não como probabilidades.
# - Com 3 minutos, a hinge com o otimizador do curso fica quase empatada com a entropia cruzada; a WGAN-GP e a hinge
#   com o otimizador do seu artigo ficam muito atrás (o seu $G$ recebe uma atualização de cada cinco) e com 15 minutos
#   se aproximam: IS 6,91 e 8,62 contra 9,82. O Pix2Pix muda de escala.
