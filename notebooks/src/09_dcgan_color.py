"""Lesson 09: the source of both notebooks named in NAMES. Format: see tools/nbbuild.py."""
from _lang import T

NAMES = {"es": "09_dcgan_color", "pt": "09_dcgan_colorida"}

# %% [markdown] lang="es"
# # Una DCGAN en color: emoji de verdad
#
# La presentación en español del curso termina con caras de anime de 64×64 en color, generadas con el DCGAN de
# carpedm20, y dedica varias diapositivas a **limpiar los datos**; las diapositivas en portugués dibujan el generador
# RGB del artículo de DCGAN. En esta lección lo hacemos con datos de verdad que vienen con el curso: 3786 **emoji**
# de Noto (Google, licencia Apache 2.0), de 64×64 píxeles en color.
#
# 1. imágenes RGB como **tensores** (*tensors*) y una medida de color;
# 2. la **trampa de la transparencia**: por qué un PNG transparente leído sin cuidado pinta fondos basura;
# 3. limpiar los datos: qué hay en el conjunto y qué cambia al quitar lo que estorba;
# 4. el generador de las diapositivas (5×5, paso 2) frente al del curso, y el **tablero de ajedrez**
#    (*checkerboard*) medido;
# 5. cinco minutos de entrenamiento en la CPU, el GIF, y cómo hacerlo con tu propia carpeta.

# %% [markdown] lang="pt"
# # Uma DCGAN colorida: emojis de verdade
#
# A apresentação em espanhol do curso termina com rostos de anime de 64×64 coloridos, gerados com o DCGAN do
# carpedm20, e dedica vários slides a **limpar os dados**; os slides em português desenham o gerador RGB do artigo
# da DCGAN. Nesta lição fazemos isso com dados de verdade que vêm com o curso: 3786 **emojis** Noto (Google, licença
# Apache 2.0), de 64×64 pixels coloridos.
#
# 1. imagens RGB como **tensores** (*tensors*) e uma medida de cor;
# 2. a **armadilha da transparência**: por que um PNG transparente lido sem cuidado pinta fundos lixo;
# 3. limpar os dados: o que há no conjunto e o que muda ao tirar o que atrapalha;
# 4. o gerador dos slides (5×5, passo 2) contra o do curso, e o **tabuleiro de xadrez** (*checkerboard*) medido;
# 5. cinco minutos de treinamento na CPU, o GIF, e como fazer isso com a sua própria pasta.

# %% slideshow={"slide_type": "skip"}
import json
import pathlib
import tempfile

import numpy as np
import matplotlib.pyplot as plt
from PIL import Image
import gan_course as gc
from gan_course import colour_metrics, data, gif, images, models, plots, train

gc.setup(T("es", "pt"))  # es: idioma, semillas, TensorFlow silencioso | pt: idioma, sementes, TensorFlow silencioso

# %% [markdown] lang="es" slideshow={"slide_type": "notes"}
# Abre con la diapositiva de las caras de anime de la presentación: «¿cuánto de ese resultado es la red y cuánto
# son los datos?». La lección responde con números: la misma red, los mismos minutos, datos limpios o no. Avisa de
# que el entrenamiento de la sección 5 dura cinco minutos: lánzalo antes de la pausa.

# %% [markdown] lang="pt" slideshow={"slide_type": "notes"}
# Abra com o slide dos rostos de anime da apresentação: “quanto desse resultado é a rede e quanto são os dados?”. A
# lição responde com números: a mesma rede, os mesmos minutos, dados limpos ou não. Avise que o treinamento da
# seção 5 dura cinco minutos: dispare-o antes do intervalo.

# %% [markdown] lang="es"
# ## Imágenes RGB como tensores
#
# Una imagen en color de $H \times W$ píxeles es un tensor $H \times W \times 3$: en cada píxel, la intensidad de
# rojo, verde y azul (**canales**, *channels*). Un lote de $N$ imágenes es $N \times H \times W \times 3$: el orden
# **NHWC** de Keras. En los bordes del curso (archivos, conjuntos guardados) los valores son enteros `uint8` de 0 a
# 255; dentro de las redes, `float32` en $[-1, 1]$, el rango de la `tanh` del generador.

# %% [markdown] lang="pt"
# ## Imagens RGB como tensores
#
# Uma imagem colorida de $H \times W$ pixels é um tensor $H \times W \times 3$: em cada pixel, a intensidade de
# vermelho, verde e azul (**canais**, *channels*). Um lote de $N$ imagens é $N \times H \times W \times 3$: a ordem
# **NHWC** do Keras. Nas bordas do curso (arquivos, conjuntos salvos) os valores são inteiros `uint8` de 0 a 255;
# dentro das redes, `float32` em $[-1, 1]$, o intervalo da `tanh` do gerador.

# %%
emoji64, labels = images.load_emoji(64, with_labels=True)
emoji = images.load_emoji(32)            # es: lo que entrena la GAN | pt: o que a GAN treina
categories = list(images.emoji_categories())
print(emoji64.shape, emoji64.dtype, emoji64.min(), emoji64.max())
print(emoji.shape, T("(cada píxel: la media de un bloque 2×2)", "(cada pixel: a média de um bloco 2×2)"))
x = data.to_float(emoji)
print(x.dtype, x.min(), x.max())

# %% [markdown] lang="es"
# Los tres canales de un emoji, cada uno como imagen en grises (blanco = 255). El fondo blanco es blanco en los tres
# canales: $(255, 255, 255)$.

# %% [markdown] lang="pt"
# Os três canais de um emoji, cada um como imagem em tons de cinza (branco = 255). O fundo branco é branco nos três
# canais: $(255, 255, 255)$.

# %%
face = emoji64[images.emoji_names().index("grinning")]
fig, axes = plt.subplots(1, 4, figsize=(10, 2.8))
axes[0].imshow(face)
axes[0].set_title("RGB")
for ax, c, name in zip(axes[1:], range(3), (T("rojo", "vermelho"), "verde", "azul")):
    ax.imshow(face[..., c], cmap="gray", vmin=0, vmax=255)
    ax.set_title(name)
for ax in axes:
    ax.set_axis_off()
plt.show()

# %% [markdown] lang="es"
# ### Una medida del color
#
# Para saber si una GAN pierde el color hace falta un número. La **colorfulness** de Hasler y Süsstrunk (2003) usa
# dos diferencias de canales, $rg = R - G$ y $yb = \tfrac{1}{2}(R + G) - B$, sobre los píxeles de cada imagen:
#
# $$M = \sqrt{\sigma_{rg}^2 + \sigma_{yb}^2} + 0.3\,\sqrt{\mu_{rg}^2 + \mu_{yb}^2}$$
#
# Una imagen gris da 0; unos 33 es «moderadamente colorida», 59 «bastante», 82 «muy». La fórmula en NumPy,
# comparada con `colour_metrics.colourfulness` (la media sobre las imágenes):

# %% [markdown] lang="pt"
# ### Uma medida da cor
#
# Para saber se uma GAN perde a cor é preciso um número. A **colorfulness** de Hasler e Süsstrunk (2003) usa duas
# diferenças de canais, $rg = R - G$ e $yb = \tfrac{1}{2}(R + G) - B$, sobre os pixels de cada imagem:
#
# $$M = \sqrt{\sigma_{rg}^2 + \sigma_{yb}^2} + 0.3\,\sqrt{\mu_{rg}^2 + \mu_{yb}^2}$$
#
# Uma imagem cinza dá 0; uns 33 é “moderadamente colorida”, 59 “bastante”, 82 “muito”. A fórmula em NumPy,
# comparada com `colour_metrics.colourfulness` (a média sobre as imagens):

# %%
def colourfulness(batch):
    r, g, b = (batch[..., c].astype(np.float64) for c in range(3))
    rg, yb = r - g, 0.5 * (r + g) - b
    spread = np.sqrt(rg.std(axis=(1, 2)) ** 2 + yb.std(axis=(1, 2)) ** 2)
    mean = np.sqrt(rg.mean(axis=(1, 2)) ** 2 + yb.mean(axis=(1, 2)) ** 2)
    return float(np.mean(spread + 0.3 * mean))


print(f"{colourfulness(emoji):.2f}  {colour_metrics.colourfulness(emoji):.2f}")
print(T("un emoji gris:", "um emoji cinza:"), colourfulness(np.repeat(emoji[:1, ..., :1], 3, axis=-1)))

# %% [markdown] lang="es"
# ## La trampa de la transparencia
#
# Los emoji, los iconos y los *sprites* se guardan como PNG con un cuarto canal, **alfa** ($\alpha$): la opacidad de
# cada píxel, de 0 (transparente) a 255 (opaco). Bajo un píxel transparente el archivo guarda *algún* color, que
# nadie ve y que cada programa de dibujo deja a su manera: negro, el último color usado, restos del dibujo.
# `Image.open(f).convert("RGB")` descarta alfa y deja ese color a la vista.
#
# Lo correcto es **componer** (*alpha compositing*) sobre un fondo $b$ elegido: con $a = \alpha / 255$,
#
# $$\text{salida} = a\,c + (1 - a)\,b$$
#
# Un emoji real del conjunto, guardado como PNG transparente con negro bajo los píxeles transparentes (lo que
# guardan muchos exportadores):

# %% [markdown] lang="pt"
# ## A armadilha da transparência
#
# Emojis, ícones e *sprites* são salvos como PNG com um quarto canal, **alfa** ($\alpha$): a opacidade de cada
# pixel, de 0 (transparente) a 255 (opaco). Sob um pixel transparente o arquivo guarda *alguma* cor, que ninguém vê e
# que cada programa de desenho deixa do seu jeito: preto, a última cor usada, restos do desenho.
# `Image.open(f).convert("RGB")` descarta o alfa e deixa essa cor à mostra.
#
# O correto é **compor** (*alpha compositing*) sobre um fundo $b$ escolhido: com $a = \alpha / 255$,
#
# $$\text{saída} = a\,c + (1 - a)\,b$$
#
# Um emoji real do conjunto, salvo como PNG transparente com preto sob os pixels transparentes (o que muitos
# exportadores guardam):

# %%
folder = pathlib.Path(tempfile.mkdtemp())
alpha = np.where(np.all(face == 255, axis=-1), 0, 255).astype(np.uint8)    # es: el blanco del fondo → transparente | pt: o branco do fundo → transparente
rgba = np.dstack([np.where(alpha[..., None] == 0, 0, face), alpha])        # es: negro bajo lo transparente | pt: preto sob o transparente
Image.fromarray(rgba, "RGBA").save(folder / "emoji.png")

plain = np.asarray(Image.open(folder / "emoji.png").convert("RGB"))
composited = images.load_image_folder(folder, 64)[0]
print(T("fondo blanco en el borde, convert('RGB'):", "fundo branco na borda, convert('RGB'):"),
      f"{colour_metrics.background_share(plain[None]):.0%}")
print(T("fondo blanco en el borde, compuesto:", "fundo branco na borda, composto:"),
      f"{colour_metrics.background_share(composited[None]):.0%}")

# %% slideshow={"slide_type": "subslide"}
a = rgba[..., 3:] / 255.0
by_hand = np.rint(a * rgba[..., :3] + (1 - a) * 255).astype(np.uint8)     # es: la fórmula, fondo blanco | pt: a fórmula, fundo branco
print(T("diferencia máxima fórmula − load_image_folder:", "diferença máxima fórmula − load_image_folder:"),
      np.abs(by_hand.astype(int) - composited).max())
plots.show_images(np.stack([plain, composited]), ncols=2, size=4)
plt.show()

# %% [markdown] lang="es"
# Con `convert("RGB")` el emoji queda sobre un cuadrado negro; compuesto, sobre blanco, como en el conjunto. Una GAN
# entrenada con la primera versión aprende cuadrados negros. `images.load_image_folder` (y `--data CARPETA` en la
# terminal) compone siempre sobre `background`: blanco por defecto, o el color que elijas (`--background black`).

# %% [markdown] lang="pt"
# Com `convert("RGB")` o emoji fica sobre um quadrado preto; composto, sobre branco, como no conjunto. Uma GAN
# treinada com a primeira versão aprende quadrados pretos. `images.load_image_folder` (e `--data PASTA` no terminal)
# compõe sempre sobre `background`: branco por padrão, ou a cor que você escolher (`--background black`).

# %% [markdown] lang="es"
# ## Limpiar los datos
#
# En la presentación, antes de entrenar con caras de anime hubo que quitar imágenes en blanco y negro, recortes
# mal hechos y perfiles: una GAN aprende *todo* lo que hay en los datos, también lo que estorba. ¿Qué hay en los
# emoji? Las diez categorías de Unicode, con muy distinto peso:

# %% [markdown] lang="pt"
# ## Limpar os dados
#
# Na apresentação, antes de treinar com rostos de anime foi preciso tirar imagens em preto e branco, recortes mal
# feitos e perfis: uma GAN aprende *tudo* o que há nos dados, inclusive o que atrapalha. O que há nos emojis? As dez
# categorias do Unicode, com pesos muito diferentes:

# %%
white = {name: colour_metrics.background_share(emoji[labels == k]) for k, name in enumerate(categories)}
print(T(f"{'categoría':18} {'emoji':>5} {'parte':>6} {'borde blanco':>13}",
        f"{'categoria':18} {'emojis':>6} {'parte':>6} {'borda branca':>13}"))
for k, name in enumerate(categories):
    n = int(np.sum(labels == k))
    print(f"{name:18} {n:5d} {n / len(labels):6.1%} {white[name]:13.0%}")

# %% slideshow={"slide_type": "subslide"}
plots.show_digits_per_class(emoji, labels, per_class=5, size=4, title=T("5 emoji por categoría", "5 emojis por categoria"))
plt.show()

# %% [markdown] lang="es"
# Una fila por categoría (cinco emoji de cada una), en el orden de la tabla. Tres cosas estorban, como los perfiles
# y los recortes de la presentación:
#
# - **People & Body** es el 60 % del conjunto, y casi cada figura aparece seis veces, una por tono de piel: la GAN
#   verá sobre todo manos y personas, repetidas;
# - **Flags** son 270 banderas: rectángulos de franjas que no se parecen a nada más del conjunto (su borde sí es
#   blanco: ondean con margen);
# - **Symbols** y **Component** son letras, números, teclas, flechas y cinco muestras lisas de tono de piel: lo
#   que llena el cuadro hasta el borde. Tienen el borde blanco más bajo de la tabla, y con ellos la GAN aprende que
#   un emoji *puede* ser un cuadrado sin fondo.
#
# Limpiar es elegir qué debe aprender la GAN. El subconjunto limpio del curso quita banderas, componentes y símbolos
# (texto y flechas), y deja cada figura una sola vez, en su amarillo por defecto (`skin_tones=False`). Más abajo,
# la misma receta y los mismos minutos con los dos conjuntos.

# %% [markdown] lang="pt"
# Uma linha por categoria (cinco emojis de cada), na ordem da tabela. Três coisas atrapalham, como os perfis e os
# recortes da apresentação:
#
# - **People & Body** é 60 % do conjunto, e quase cada figura aparece seis vezes, uma por tom de pele: a GAN verá
#   sobretudo mãos e pessoas, repetidas;
# - **Flags** são 270 bandeiras: retângulos de faixas que não se parecem com nada mais do conjunto (a sua borda é
#   branca, sim: tremulam com margem);
# - **Symbols** e **Component** são letras, números, teclas, setas e cinco amostras lisas de tom de pele: o que
#   enche o quadro até a borda. Têm a borda branca mais baixa da tabela, e com eles a GAN aprende que um emoji
#   *pode* ser um quadrado sem fundo.
#
# Limpar é escolher o que a GAN deve aprender. O subconjunto limpo do curso tira bandeiras, componentes e símbolos
# (texto e setas), e deixa cada figura uma só vez, no seu amarelo padrão (`skin_tones=False`). Mais abaixo, a mesma
# receita e os mesmos minutos com os dois conjuntos.

# %%
kept = [c for c in categories if c not in ("Flags", "Component", "Symbols")]
clean = images.load_emoji(32, kept, skin_tones=False)
print(len(emoji), "→", len(clean), T("emoji en el subconjunto limpio", "emojis no subconjunto limpo"))

# %% [markdown] lang="es" slideshow={"slide_type": "notes"}
# Pregunta antes de mostrar la tabla: «si la mitad de tus fotos fueran de la misma persona con seis camisetas
# distintas, ¿qué aprendería la GAN?». Después, que encuentren en la cuadrícula la fila de los símbolos solo
# mirando el borde. Limpiar no es tirar datos al azar: cada decisión tiene una razón y un número.

# %% [markdown] lang="pt" slideshow={"slide_type": "notes"}
# Pergunte antes de mostrar a tabela: “se metade das suas fotos fosse da mesma pessoa com seis camisetas
# diferentes, o que a GAN aprenderia?”. Depois, peça que encontrem na grade a linha dos símbolos só olhando a borda.
# Limpar não é jogar dados fora ao acaso: cada decisão tem uma razão e um número.

# %% [markdown] lang="es"
# ## El generador de las diapositivas
#
# Las diapositivas en portugués dibujan el generador del artículo de DCGAN (Radford et al., 2016) para imágenes de
# 64×64×3: $z$ de 100 números, una capa densa a 4×4×1024 y cuatro convoluciones transpuestas 5×5 de paso 2 que
# duplican el lado y dividen los filtros entre dos, hasta 64×64×3 con `tanh`. Es `models.dcgan_generator` con
# `width=128` (los filtros de la penúltima capa):

# %% [markdown] lang="pt"
# ## O gerador dos slides
#
# Os slides em português desenham o gerador do artigo da DCGAN (Radford et al., 2016) para imagens de 64×64×3: $z$
# de 100 números, uma camada densa para 4×4×1024 e quatro convoluções transpostas 5×5 de passo 2 que dobram o lado e
# dividem os filtros por dois, até 64×64×3 com `tanh`. É `models.dcgan_generator` com `width=128` (os filtros da
# penúltima camada):

# %%
paper = models.dcgan_generator((64, 64, 3), z_dim=100, width=128, kernel_size=5)
for layer in paper.layers:
    if layer.name in ("reshape", "up_1", "up_2", "up_3", "image"):
        print(f"{layer.name:8} {str(layer.output.shape):22} {layer.count_params():>10,}")
print(T("parámetros:", "parâmetros:"), f"{paper.count_params():,}")

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# Casi 19 millones de parámetros (13 de ellos en la primera convolución transpuesta): para 3786 imágenes y una CPU
# es demasiado. El curso entrena a 32×32 (un paso de subida menos), con una cuarta parte de los filtros
# (`width=32`) y cambiando cómo se sube de tamaño. En la lección 03 vimos que una convolución transpuesta con kernel
# 5 y paso 2 solapa sus ventanas de forma desigual: unas salidas reciben más contribuciones que sus vecinas, y eso
# pinta un **tablero de ajedrez**. La alternativa de Odena et al. (2016) es **redimensionar y convolucionar**:
# repetir cada píxel en un bloque 2×2 (`UpSampling2D`, vecino más cercano) y aplicar una convolución normal, de
# paso 1. Cada salida ve el mismo número de entradas: sin tablero por construcción. Cuesta más cuentas por píxel
# (un kernel 3×3 a tamaño de salida hace 9 multiplicaciones por par de canales; una transpuesta 4×4 de paso 2, 4),
# y por eso la receta `colour` usa menos filtros:

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# Quase 19 milhões de parâmetros (13 deles na primeira convolução transposta): para 3786 imagens e uma CPU é
# demais. O curso treina em 32×32 (um passo de subida a menos), com um quarto dos filtros (`width=32`) e mudando
# como se aumenta o tamanho. Na lição 03 vimos que uma convolução transposta com kernel 5 e passo 2 sobrepõe as suas
# janelas de forma desigual: algumas saídas recebem mais contribuições que as vizinhas, e isso pinta um **tabuleiro
# de xadrez**. A alternativa de Odena et al. (2016) é **redimensionar e convoluir**: repetir cada pixel num bloco
# 2×2 (`UpSampling2D`, vizinho mais próximo) e aplicar uma convolução normal de passo 1. Cada saída vê o mesmo número
# de entradas: sem tabuleiro por construção. Custa mais contas por pixel (um kernel 3×3 no tamanho de saída faz 9
# multiplicações por par de canais; uma transposta 4×4 de passo 2, 4), e por isso a receita `colour` usa menos
# filtros:

# %%
r = models.RECIPES["colour"]
print(T(f"receta colour: G {r['width']} filtros y kernels {r['kernel_size']}×{r['kernel_size']} tras redimensionar, "
        f"D {r['d_kernel_size']}×{r['d_kernel_size']}; lote {r['batch_size']}, Adam {r['g_lr']:g} (G) / {r['d_lr']:g} "
        f"(D), β1 = {r['beta_1']}; EMA con semivida de {r['ema_half_life']:,.0f} imágenes",
        f"receita colour: G {r['width']} filtros e kernels {r['kernel_size']}×{r['kernel_size']} depois de redimensionar, "
        f"D {r['d_kernel_size']}×{r['d_kernel_size']}; lote {r['batch_size']}, Adam {r['g_lr']:g} (G) / {r['d_lr']:g} "
        f"(D), β1 = {r['beta_1']}; EMA com meia-vida de {r['ema_half_life']:,.0f} imagens"))
generator, discriminator = models.build_pair("colour", (32, 32, 3))
for layer in generator.layers:
    if layer.name.startswith(("reshape", "up_", "image")):
        print(f"{layer.name:12} {type(layer).__name__:14} {str(layer.output.shape):20}")
print(T("parámetros de G y de D:", "parâmetros de G e de D:"),
      f"{generator.count_params():,}  {discriminator.count_params():,}")

# %% [markdown] lang="es"
# ## Cinco minutos de entrenamiento
#
# La receta `colour` se eligió midiendo (`benchmarks/colour.py`, tabla más abajo): el generador que redimensiona y
# convoluciona, un discriminador con convoluciones 3×3, una **media móvil exponencial** (*EMA*) de los pesos de $G$
# para dibujar, y dos tasas de aprendizaje, como en la lección 06. El bucle es el de la lección 06
# (`train.fit`), sin cambiar nada: solo cambia la forma de las imágenes. Cada dos épocas se imprimen $D(x)$ y
# $D(G(z))$: si el primero se queda en 1 y el segundo en 0, el discriminador ha ganado y el generador deja de
# aprender.

# %% [markdown] lang="pt"
# ## Cinco minutos de treinamento
#
# A receita `colour` foi escolhida medindo (`benchmarks/colour.py`, tabela mais abaixo): o gerador que redimensiona e
# convolui, um discriminador com convoluções 3×3, uma **média móvel exponencial** (*EMA*) dos pesos de $G$ para
# desenhar, e duas taxas de aprendizado, como na lição 06. O laço é o da lição 06 (`train.fit`), sem mudar nada: só
# muda o formato das imagens. A cada duas épocas são impressos $D(x)$ e $D(G(z))$: se o primeiro fica em 1 e o
# segundo em 0, o discriminador ganhou e o gerador deixa de aprender.

# %%
def report(epoch, gan, history):
    if epoch % 2:   # es: una línea cada dos épocas | pt: uma linha a cada duas épocas
        return
    print(T(f"época {epoch:2d}: D(x) {history['d_real'][-1]:.2f}  D(G(z)) {history['d_fake'][-1]:.2f}  "
            f"{history['images_per_second'][-1]:4.0f} imágenes/s",
            f"época {epoch:2d}: D(x) {history['d_real'][-1]:.2f}  D(G(z)) {history['d_fake'][-1]:.2f}  "
            f"{history['images_per_second'][-1]:4.0f} imagens/s"))


# %% tags=["nbval-ignore-output"] slideshow={"slide_type": "subslide"}
gc.seed_everything(0)
gan = train.GAN(generator, discriminator, recipe="colour", seed=0)
run_dir = train.new_run_folder("runs", "09_emoji")
use = slice(None, None, gc.pick(1, 16))       # es: todos (modo rápido: 1 de cada 16) | pt: todos (modo rápido: 1 a cada 16)
history = train.fit(gan, emoji[use], epochs=gc.pick(None, 2), minutes=5, batch_size=64, out=run_dir,
                    dataset_name="emoji", verbose=False, on_epoch=report)

# %% [markdown] lang="es" slideshow={"slide_type": "notes"}
# Mientras entrena, pide que lean las líneas de $D(x)$ y $D(G(z))$: ¿alguien ve que $D$ esté ganando? Compara con
# la lección 06: las mismas funciones, solo ha cambiado la forma de las imágenes. Si la CPU está ocupada salen
# menos épocas en los mismos minutos: antes de comparar resultados, compara épocas.

# %% [markdown] lang="pt" slideshow={"slide_type": "notes"}
# Enquanto treina, peça que leiam as linhas de $D(x)$ e $D(G(z))$: alguém vê $D$ ganhando? Compare com a lição 06:
# as mesmas funções, só mudou o formato das imagens. Se a CPU estiver ocupada saem menos épocas nos mesmos minutos:
# antes de comparar resultados, compare épocas.

# %% [markdown] lang="es"
# ### El GIF y la última cuadrícula
#
# La carpeta de la ejecución tiene lo mismo que en la lección 06: una cuadrícula por época (los mismos 100
# vectores latentes), `training.gif`, las pérdidas, `history.json` y el generador guardado. Del GIF mostramos la
# esquina de 6×6 emoji, para que el cuaderno no pese:

# %% [markdown] lang="pt"
# ### O GIF e a última grade
#
# A pasta da execução tem o mesmo que na lição 06: uma grade por época (os mesmos 100 vetores latentes),
# `training.gif`, as perdas, `history.json` e o gerador salvo. Do GIF mostramos o canto de 6×6 emojis, para o
# notebook não ficar pesado:

# %%
print(sorted(p.name for p in run_dir.iterdir()))

# %% tags=["nbval-ignore-output"]
frames, durations = gif.read_gif(run_dir / train.GIF_FILE)
corner = gif.write_gif(run_dir / "training_6x6.gif", frames[:, :206, :206], duration_ms=durations)  # es: la esquina de 6×6 emoji | pt: o canto de 6×6 emojis
gif.show_gif(corner)

# %% slideshow={"slide_type": "subslide"}
last = history["epoch"][-1]
plt.figure(figsize=(6.4, 6.4))
plt.imshow(plt.imread(train.sample_path(run_dir, last)))
plt.title(T(f"época {last}", f"época {last}"))
plt.axis("off")
plt.show()

# %% [markdown] lang="es"
# ### Medir lo que se ve
#
# Tres números, de 1000 muestras del generador frente a 1000 emoji reales: el **tablero** (la potencia en la
# frecuencia de Nyquist, generadas ÷ reales: 1 es «tan granulado como los datos»), el **fondo blanco** del borde y
# la **colorfulness**. Y la curva de $D(x)$ y $D(G(z))$ por época.

# %% [markdown] lang="pt"
# ### Medir o que se vê
#
# Três números, de 1000 amostras do gerador contra 1000 emojis reais: o **tabuleiro** (a potência na frequência de
# Nyquist, geradas ÷ reais: 1 é “tão granulado quanto os dados”), o **fundo branco** da borda e a **colorfulness**.
# E a curva de $D(x)$ e $D(G(z))$ por época.

# %% tags=["nbval-ignore-output"]
fake = gan.sample(gan.noise.normal([1000, gan.z_dim]))
real = emoji[np.random.default_rng(0).permutation(len(emoji))[:1000]]
print(T("tablero (generadas ÷ reales):", "tabuleiro (geradas ÷ reais):"),
      f"{colour_metrics.checkerboard_ratio(fake, real):.2f}")
for name, measure in [(T("fondo blanco", "fundo branco"), colour_metrics.background_share),
                      ("colorfulness", colour_metrics.colourfulness)]:
    print(f"{name:14} {T('generadas', 'geradas')} {measure(fake):6.2f}   {T('reales', 'reais')} {measure(real):6.2f}")

# %%
plt.figure(figsize=(6.4, 3.2))
plt.plot(history["epoch"], history["d_real"], "o-", label="D(x)")
plt.plot(history["epoch"], history["d_fake"], "s-", label="D(G(z))")
plt.xlabel(T("época", "época"))
plt.ylim(0, 1)
plt.legend()
plt.show()

# %% [markdown] lang="es"
# ## Lo que se midió: receta, generador y limpieza
#
# `benchmarks/colour.py` entrena cada variante durante un número de épocas fijado de antemano (un presupuesto en
# **imágenes**, que una CPU ocupada no cambia) y mide 1000 muestras como arriba. Las épocas son las que caben en
# unos 5 minutos de una CPU de 2 núcleos sin carga a la velocidad de cada variante, medida antes; la columna de
# imágenes por segundo es la de la ejecución larga. Los resultados están en `benchmarks/results/colour.jsonl`, con
# la última cuadrícula de cada variante; esta tabla los lee:

# %% [markdown] lang="pt"
# ## O que foi medido: receita, gerador e limpeza
#
# `benchmarks/colour.py` treina cada variante durante um número de épocas fixado de antemão (um orçamento em
# **imagens**, que uma CPU ocupada não muda) e mede 1000 amostras como acima. As épocas são as que cabem em uns 5
# minutos de uma CPU de 2 núcleos sem carga na velocidade de cada variante, medida antes; a coluna de imagens por
# segundo é a da execução longa. Os resultados estão em `benchmarks/results/colour.jsonl`, com a última grade de
# cada variante; esta tabela os lê:

# %% slideshow={"slide_type": "subslide"}
LABELS = {
    "colour: resize + 3x3, width 32": T("curso: redimensionar + 3×3, 32", "curso: redimensionar + 3×3, 32"),
    "resize + 3x3, width 64": T("redimensionar + 3×3, 64 filtros", "redimensionar + 3×3, 64 filtros"),
    "transposed 4x4, width 32": T("transpuesta 4×4, 32", "transposta 4×4, 32"),
    "dcgan: transposed 5x5, width 64 (paper)": T("artículo: transpuesta 5×5, 64", "artigo: transposta 5×5, 64"),
    "cleaned: no flags, components, symbols or skin-tone copies": T("curso, datos limpios (1412)",
                                                                    "curso, dados limpos (1412)"),
}
runs = {r["name"]: r for r in map(json.loads, pathlib.Path("../../benchmarks/results/colour.jsonl").open())}
print(T(f"{'variante':32} {'épocas':>6} {'imág/s':>6} {'tablero':>7} {'fondo':>6} {'color':>6} {'D(x)':>5} {'D(G(z))':>7}",
        f"{'variante':32} {'épocas':>6} {'imag/s':>6} {'tabul.':>7} {'fundo':>6} {'cor':>6} {'D(x)':>5} {'D(G(z))':>7}"))
for name, label in LABELS.items():
    r = runs[name]
    print(f"{label:32} {r['epochs']:6d} {r['images_per_second']:6.0f} {r['checkerboard']:7.2f} {r['background']:6.0%} "
          f"{r['colourfulness']:6.1f} {r['d_real']:5.2f} {r['d_fake']:7.2f}")
real_row = runs["colour: resize + 3x3, width 32"]
print(f"{T('emoji reales', 'emojis reais'):32} {'':6} {'':6} {1:7.2f} {real_row['background_real']:6.0%} "
      f"{real_row['colourfulness_real']:6.1f}")

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# Cuatro generadores, el mismo tiempo:
#
# - el **del artículo** (transpuesta 5×5, 64 filtros, con su $D$ 5×5 y sin EMA: la receta `dcgan`) es el más lento
#   (unas 46 imágenes/s: en 5 minutos, unas 4 épocas; aquí recibió 8, el doble de su tiempo) y aun así dibuja
#   cuadrados beige casi sin fondo blanco, con un tablero unas 7 veces más fuerte que el de los datos: el «ruido» del
#   que partía el curso;
# - con el $D$ 3×3 y la EMA del curso, **transpuesta 4×4** (32 filtros) es el más rápido, y el kernel par quita el
#   solapamiento desigual, pero no el tablero: lo pintan los pesos aprendidos (más del doble que los datos). Sus
#   figuras son las más nítidas;
# - **redimensionar y convolucionar** deja el tablero en el nivel de los datos (≈ 1). Con 64 filtros es 4 veces más
#   lento y no pasa de manchas; con 32 (la receta `colour`) da figuras reconocibles, con el fondo y el color de los
#   emoji. Es la receta por defecto: la única sin tablero, pagando algo de nitidez.

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# Quatro geradores, o mesmo tempo:
#
# - o **do artigo** (transposta 5×5, 64 filtros, com o seu $D$ 5×5 e sem EMA: a receita `dcgan`) é o mais lento (umas
#   46 imagens/s: em 5 minutos, umas 4 épocas; aqui recebeu 8, o dobro do seu tempo) e mesmo assim desenha quadrados
#   bege quase sem fundo branco, com um tabuleiro umas 7 vezes mais forte que o dos dados: o “ruído” de que o curso
#   partia;
# - com o $D$ 3×3 e a EMA do curso, **transposta 4×4** (32 filtros) é o mais rápido, e o kernel par tira a
#   sobreposição desigual, mas não o tabuleiro: quem o pinta são os pesos aprendidos (mais do dobro que os dados). As
#   suas figuras são as mais nítidas;
# - **redimensionar e convoluir** deixa o tabuleiro no nível dos dados (≈ 1). Com 64 filtros é 4 vezes mais lento e
#   não passa de manchas; com 32 (a receita `colour`) dá figuras reconhecíveis, com o fundo e a cor dos emojis. É a
#   receita padrão: a única sem tabuleiro, pagando um pouco de nitidez.

# %%
def show_runs(names):
    fig, axes = plt.subplots(1, 2, figsize=(9, 4.9))
    for ax, name in zip(axes, names):
        ax.imshow(plt.imread("../../" + runs[name]["frame"]))
        ax.set_title(LABELS[name])
        ax.set_axis_off()
    plt.show()


show_runs(["dcgan: transposed 5x5, width 64 (paper)", "colour: resize + 3x3, width 32"])

# %% slideshow={"slide_type": "subslide"}
show_runs(["transposed 4x4, width 32", "resize + 3x3, width 64"])

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# ### Datos limpios, mismos minutos
#
# La misma receta con el subconjunto limpio: sin banderas, componentes ni símbolos, y cada figura una sola vez
# (`images.load_emoji(32, categorías, skin_tones=False)`: 1412 emoji). Los mismos minutos son más épocas (75 frente a
# 28), porque el conjunto es más pequeño. A la izquierda, todo el conjunto; a la derecha, el limpio: aparecen las
# caras amarillas redondas, que en el conjunto completo eran 169 de 3786 y quedaban ahogadas por las manos y
# personas repetidas en seis tonos. Los números lo dicen de otra forma: las dos ejecuciones igualan el color y el
# fondo de *sus* datos, pero con los datos limpios $D$ gana menos ($D(x) - D(G(z))$: 0.44 frente a 0.58), y eso
# con 75 pasadas por cada imagen.

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# ### Dados limpos, mesmos minutos
#
# A mesma receita com o subconjunto limpo: sem bandeiras, componentes nem símbolos, e cada figura uma só vez
# (`images.load_emoji(32, categorias, skin_tones=False)`: 1412 emojis). Os mesmos minutos são mais épocas (75 contra
# 28), porque o conjunto é menor. À esquerda, o conjunto todo; à direita, o limpo: aparecem os rostos amarelos
# redondos, que no conjunto completo eram 169 de 3786 e ficavam afogados pelas mãos e pessoas repetidas em seis
# tons. Os números dizem isso de outra forma: as duas execuções igualam a cor e o fundo dos *seus* dados, mas com os
# dados limpos $D$ ganha menos ($D(x) - D(G(z))$: 0.44 contra 0.58), e isso com 75 passagens por cada
# imagem.

# %%
pair = ["colour: resize + 3x3, width 32", "cleaned: no flags, components, symbols or skin-tone copies"]
for name in pair:
    r = runs[name]
    print(f"{LABELS[name]:32} D(x) - D(G(z)) = {r['d_real'] - r['d_fake']:.2f}   "
          f"{T('color', 'cor')} {r['colourfulness']:.1f} ({T('datos', 'dados')} {r['colourfulness_real']:.1f})")
show_runs(pair)

# %% [markdown] lang="es"
# ### ¿Y a 64×64?
#
# El tamaño de carpedm20 y de las caras de anime funciona igual (`--image-size 64`, o `load_emoji(64)`): un paso de
# subida más en $G$ y una convolución más en $D$. Cuesta unas cuatro veces más por imagen; medido aquí:

# %% [markdown] lang="pt"
# ### E em 64×64?
#
# O tamanho do carpedm20 e dos rostos de anime funciona igual (`--image-size 64`, ou `load_emoji(64)`): um passo de
# subida a mais em $G$ e uma convolução a mais em $D$. Custa umas quatro vezes mais por imagem; medido aqui:

# %%
big = runs["colour, 64x64: timing"]
epoch_s = big["data_size"] / big["images_per_second"]
print(T(f"64×64: {big['images_per_second']:.0f} imágenes/s, {epoch_s:.0f} s por época de {big['data_size']} emoji; "
        f"las 28 épocas de la receta a 32×32: {28 * epoch_s / 60:.0f} minutos",
        f"64×64: {big['images_per_second']:.0f} imagens/s, {epoch_s:.0f} s por época de {big['data_size']} emojis; "
        f"as 28 épocas da receita em 32×32: {28 * epoch_s / 60:.0f} minutos"))

# %% [markdown] lang="es"
# ## Tu propia carpeta
#
# Lo mismo con tus imágenes (iconos, *sprites*, fotos; el experimento de las caras de anime) es una línea en la
# terminal:
#
# ```bash
# python -m gan_course train --data CARPETA                       # 32×32, 5 minutos... o los que digas
# python -m gan_course train --data CARPETA --image-size 64 --minutes 60 --background black
# python -m gan_course train --data emoji --categories "Smileys & Emotion,Animals & Nature"
# python -m gan_course train --resume                             # continúa la última ejecución
# ```
#
# Cada imagen se compone sobre `--background` (blanco por defecto), se recorta al cuadrado central y se reduce al
# tamaño pedido. Un archivo que no se puede leer detiene la carga con un mensaje que lo nombra. Así lee el curso una
# carpeta (aquí, seis emoji guardados como PNG transparentes):

# %% [markdown] lang="pt"
# ## A sua própria pasta
#
# O mesmo com as suas imagens (ícones, *sprites*, fotos; o experimento dos rostos de anime) é uma linha no terminal:
#
# ```bash
# python -m gan_course train --data PASTA                         # 32×32, 5 minutos... ou os que você disser
# python -m gan_course train --data PASTA --image-size 64 --minutes 60 --background black
# python -m gan_course train --data emoji --categories "Smileys & Emotion,Animals & Nature"
# python -m gan_course train --resume                             # continua a última execução
# ```
#
# Cada imagem é composta sobre `--background` (branco por padrão), recortada no quadrado central e reduzida ao
# tamanho pedido. Um arquivo que não pode ser lido interrompe a carga com uma mensagem que o nomeia. Assim o curso lê
# uma pasta (aqui, seis emojis salvos como PNG transparentes):

# %%
mine = pathlib.Path(tempfile.mkdtemp())
names = images.emoji_names()
for name in ["fox_face", "strawberry", "rocket", "sunflower", "tiger", "pizza"]:
    picture = emoji64[names.index(name)]
    opaque = np.where(np.all(picture == 255, axis=-1), 0, 255).astype(np.uint8)
    Image.fromarray(np.dstack([picture, opaque]), "RGBA").save(mine / f"{name}.png")
(mine / "notes.txt").write_text(T("no es una imagen", "não é uma imagem"))   # es: se ignora | pt: é ignorado
mine_images = images.load_image_folder(mine, 32)
print(mine_images.shape, mine_images.dtype)
plots.show_images(mine_images, ncols=6, size=6)
plt.show()

# %% [markdown] lang="es"
# ## Ejercicios
#
# Escribe tu respuesta en lugar de `None` y ejecuta la celda: `gc.exercises.check` te dice si es correcta o te da
# una pista.
#
# 1. Un píxel RGBA $(200, 100, 0, 64)$ compuesto sobre un fondo **negro**: ¿qué color RGB queda? (una lista de tres
#    enteros)
# 2. En el generador del artículo (`width=128`, kernel 5), ¿cuántos parámetros tiene la primera convolución
#    transpuesta, de 4×4×1024 a 8×8×512 (sin sesgo)?
# 3. Rayas verticales de un píxel $(-1, +1, -1, \dots)$ frente a las mismas rayas con la mitad de amplitud: ¿cuánto
#    vale `colour_metrics.checkerboard_ratio(rayas, media_rayas)`?

# %% [markdown] lang="pt"
# ## Exercícios
#
# Escreva sua resposta no lugar de `None` e execute a célula: `gc.exercises.check` diz se está correta ou dá uma
# dica.
#
# 1. Um pixel RGBA $(200, 100, 0, 64)$ composto sobre um fundo **preto**: que cor RGB fica? (uma lista de três
#    inteiros)
# 2. No gerador do artigo (`width=128`, kernel 5), quantos parâmetros tem a primeira convolução transposta, de
#    4×4×1024 para 8×8×512 (sem viés)?
# 3. Listras verticais de um pixel $(-1, +1, -1, \dots)$ contra as mesmas listras com metade da amplitude: quanto
#    vale `colour_metrics.checkerboard_ratio(listras, meia_listras)`?

# %%
answer = None
gc.exercises.check("09.1", answer)

# %%
answer = None
gc.exercises.check("09.2", answer)

# %%
answer = None
gc.exercises.check("09.3", answer)

# %% [markdown] lang="es"
# ### Programar: componer una imagen entera
#
# 4. Completa `composite(rgba, background)`: recibe una imagen `uint8` $(H, W, 4)$ y un color `(r, g, b)`, y
#    devuelve la imagen compuesta, `uint8` $(H, W, 3)$, con la fórmula $a\,c + (1 - a)\,b$ de «La trampa de la
#    transparencia». Pruébala con `rgba` (el emoji de esa sección) y compárala con `composited`; después responde con
#    la función (`answer = composite`).

# %% [markdown] lang="pt"
# ### Programar: compor uma imagem inteira
#
# 4. Complete `composite(rgba, background)`: recebe uma imagem `uint8` $(H, W, 4)$ e uma cor `(r, g, b)`, e devolve
#    a imagem composta, `uint8` $(H, W, 3)$, com a fórmula $a\,c + (1 - a)\,b$ de “A armadilha da transparência”.
#    Teste-a com `rgba` (o emoji daquela seção) e compare com `composited`; depois responda com a função
#    (`answer = composite`).

# %%
def composite(rgba, background):
    return None  # es: escribe aquí tu cálculo | pt: escreva aqui o seu cálculo

answer = None  # es: cuando funcione: answer = composite | pt: quando funcionar: answer = composite
gc.exercises.check("09.4", answer)

# %% [markdown] lang="es"
# ## Resumen
#
# - Una imagen en color es un tensor $H \times W \times 3$; un lote, NHWC. `uint8` en los bordes, $[-1, 1]$ dentro.
# - Un PNG transparente guarda colores basura bajo sus píxeles transparentes: hay que **componer** sobre un fondo,
#   $a\,c + (1 - a)\,b$. `images.load_image_folder` y `--data CARPETA` lo hacen siempre.
# - Limpiar los datos es decidir qué aprende la GAN: banderas, muestras de color y duplicados por tono de piel
#   estorban, y se miden (borde blanco, tabla de categorías).
# - Redimensionar y convolucionar evita el tablero de ajedrez de la convolución transpuesta 5×5 por construcción;
#   se mide con la potencia en la frecuencia de Nyquist.
# - El bucle, los puntos de control y el GIF son los de la lección 06: solo cambia la forma de las imágenes.

# %% [markdown] lang="pt"
# ## Resumo
#
# - Uma imagem colorida é um tensor $H \times W \times 3$; um lote, NHWC. `uint8` nas bordas, $[-1, 1]$ dentro.
# - Um PNG transparente guarda cores lixo sob os seus pixels transparentes: é preciso **compor** sobre um fundo,
#   $a\,c + (1 - a)\,b$. `images.load_image_folder` e `--data PASTA` fazem isso sempre.
# - Limpar os dados é decidir o que a GAN aprende: bandeiras, amostras de cor e duplicatas por tom de pele
#   atrapalham, e são medidas (borda branca, tabela de categorias).
# - Redimensionar e convoluir evita o tabuleiro de xadrez da convolução transposta 5×5 por construção; mede-se com a
#   potência na frequência de Nyquist.
# - O laço, os pontos de verificação e o GIF são os da lição 06: só muda o formato das imagens.
