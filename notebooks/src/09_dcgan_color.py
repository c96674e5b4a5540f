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
# 4. el generador de las diapositivas (5×5, stride 2) frente al del curso, y el **tablero de ajedrez**
#    (*checkerboard*) medido;
# 5. la receta de los emoji entrenada en clase (8 épocas) y medida como se ve, lo que dan 23 épocas, y cómo hacerlo
#    con tu propia carpeta.

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
# 4. o gerador dos slides (5×5, stride 2) contra o do curso, e o **tabuleiro de xadrez** (*checkerboard*) medido;
# 5. a receita dos emojis treinada em aula (8 épocas) e medida como se vê, o que dão 23 épocas, e como fazer isso
#    com a sua própria pasta.

# %% slideshow={"slide_type": "skip"}
import json
import pathlib
import tempfile

import numpy as np
import matplotlib.pyplot as plt
from PIL import Image
import gan_course as gc
from gan_course import colour_metrics, data, emoji_eval, gif, images, models, plots, recipes, train

gc.setup(T("es", "pt"))  # es: idioma, semillas, TensorFlow silencioso | pt: idioma, sementes, TensorFlow silencioso

# %% [markdown] lang="es" slideshow={"slide_type": "notes"}
# Abre con la diapositiva de las caras de anime de la presentación: «¿cuánto de ese resultado es la red y cuánto
# son los datos?». La lección responde con números: la misma red, las mismas imágenes vistas, datos limpios o no.
# Avisa de que el entrenamiento de la sección 5 dura unos dos minutos en una CPU sin carga (más si está ocupada):
# lánzalo antes de la pausa.

# %% [markdown] lang="pt" slideshow={"slide_type": "notes"}
# Abra com o slide dos rostos de anime da apresentação: “quanto desse resultado é a rede e quanto são os dados?”. A
# lição responde com números: a mesma rede, as mesmas imagens vistas, dados limpos ou não. Avise que o treinamento
# da seção 5 dura uns dois minutos numa CPU sem carga (mais se estiver ocupada): dispare-o antes do intervalo.

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

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# Los tres canales de un emoji, cada uno como imagen en grises (blanco = 255). El fondo blanco es blanco en los tres
# canales: $(255, 255, 255)$.

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
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
# Para saber si una GAN pierde el color hace falta un número. El **colorido** (*colorfulness*) de Hasler y
# Süsstrunk (2003) usa dos diferencias de canales, $rg = R - G$ y $yb = \tfrac{1}{2}(R + G) - B$, sobre los píxeles de cada imagen:
#
# $$M = \sqrt{\sigma_{rg}^2 + \sigma_{yb}^2} + 0.3\,\sqrt{\mu_{rg}^2 + \mu_{yb}^2}$$
#
# Una imagen gris da 0; unos 33 es «moderadamente colorida», 59 «bastante», 82 «muy». La fórmula en NumPy,
# comparada con `colour_metrics.colourfulness` (la media sobre las imágenes):

# %% [markdown] lang="pt"
# ### Uma medida da cor
#
# Para saber se uma GAN perde a cor é preciso um número. O **colorido** (*colorfulness*) de Hasler e Süsstrunk
# (2003) usa duas diferenças de canais, $rg = R - G$ e $yb = \tfrac{1}{2}(R + G) - B$, sobre os pixels de cada imagem:
#
# $$M = \sqrt{\sigma_{rg}^2 + \sigma_{yb}^2} + 0{,}3\,\sqrt{\mu_{rg}^2 + \mu_{yb}^2}$$
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
NAME = dict(zip(categories, [T("Actividades", "Atividades"), T("Animales y naturaleza", "Animais e natureza"),
                             T("Componentes", "Componentes"), T("Banderas", "Bandeiras"),
                             T("Comida y bebida", "Comida e bebida"), T("Objetos", "Objetos"),
                             T("Personas y cuerpo", "Pessoas e corpo"), T("Caras y emociones", "Carinhas e emoções"),
                             T("Símbolos", "Símbolos"), T("Viajes y lugares", "Viagens e lugares")]))
print(T(f"{'categoría':22} {'emoji':>5} {'parte':>6} {'borde blanco':>13}",
        f"{'categoria':22} {'emojis':>6} {'parte':>6} {'borda branca':>13}"))
for k, name in enumerate(categories):
    n = int(np.sum(labels == k))
    white = colour_metrics.background_share(emoji[labels == k])
    print(T(f"{NAME[name]:22} {n:5d} {n / len(labels):6.1%} {white:13.0%}",
            f"{NAME[name]:22} {n:6d} {n / len(labels):6.1%} {white:13.0%}"))

# %% slideshow={"slide_type": "subslide"}
plots.show_digits_per_class(emoji, labels, per_class=5, size=2.4, title=T("5 emoji por categoría", "5 emojis por categoria"))
plt.show()

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# Una fila por categoría (cinco emoji de cada una), en el orden de la tabla. Tres cosas estorban, como los perfiles
# y los recortes de la presentación:
#
# - **Personas y cuerpo** es el 60 % del conjunto, y casi cada figura aparece seis veces, una por tono de piel: la
#   GAN verá sobre todo manos y personas, repetidas;
# - **Banderas** son 270: rectángulos de franjas que no se parecen a nada más del conjunto (su borde sí es
#   blanco: ondean con margen);
# - **Símbolos** y **Componentes** son letras, números, teclas, flechas y cinco muestras lisas de tono de piel: lo
#   que llena el cuadro hasta el borde. Tienen el borde blanco más bajo de la tabla, y con ellos la GAN aprende que
#   un emoji *puede* ser un cuadrado sin fondo.
#
# Limpiar es elegir qué debe aprender la GAN. El subconjunto limpio del curso quita banderas, componentes y símbolos
# (texto y flechas), y deja cada figura una sola vez, en su amarillo por defecto (`skin_tones=False`). Más abajo,
# la misma receta y los mismos minutos con los dos conjuntos.

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# Uma linha por categoria (cinco emojis de cada), na ordem da tabela. Três coisas atrapalham, como os perfis e os
# recortes da apresentação:
#
# - **Pessoas e corpo** é 60 % do conjunto, e quase cada figura aparece seis vezes, uma por tom de pele: a GAN
#   verá sobretudo mãos e pessoas, repetidas;
# - **Bandeiras** são 270: retângulos de faixas que não se parecem com nada mais do conjunto (a sua borda é
#   branca, sim: tremulam com margem);
# - **Símbolos** e **Componentes** são letras, números, teclas, setas e cinco amostras lisas de tom de pele: o que
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
# 64×64×3: $z$ de 100 números, una capa densa a 4×4×1024 y cuatro convoluciones transpuestas 5×5 de stride 2 que
# duplican el lado y dividen los filtros por dos, hasta 64×64×3 con `tanh`. Es `models.dcgan_generator` con
# `width=128` (los filtros de la penúltima capa):

# %% [markdown] lang="pt"
# ## O gerador dos slides
#
# Os slides em português desenham o gerador do artigo da DCGAN (Radford et al., 2016) para imagens de 64×64×3: $z$
# de 100 números, uma camada densa para 4×4×1024 e quatro convoluções transpostas 5×5 de stride 2 que dobram o lado e
# dividem os filtros por dois, até 64×64×3 com `tanh`. É `models.dcgan_generator` com `width=128` (os filtros da
# penúltima camada):

# %%
paper = models.dcgan_generator((64, 64, 3), z_dim=100, width=128, kernel_size=5)
for layer in paper.layers:
    if layer.name in ("reshape", "up_1", "up_2", "up_3", "image"):
        print(f"{layer.name:8} {str(layer.output.shape):22} {layer.count_params():>10,}")
print(T("parámetros:", "parâmetros:"), f"{paper.count_params():,}")

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# ### Redimensionar y convolucionar
#
# Casi 19 millones de parámetros (13 de ellos en la primera convolución transpuesta): demasiado para 3786 imágenes y
# una CPU. El curso entrena a 32×32, con una cuarta parte de los filtros (`width=32`), y cambia cómo se sube de
# tamaño. Una transpuesta 5×5 de stride 2 solapa sus ventanas de forma desigual (lección 03). Odena et al. (2016)
# proponen **redimensionar y convolucionar**: repetir cada píxel en un bloque 2×2 (`UpSampling2D`) y aplicar una
# convolución de stride 1. Todas las salidas reciben el mismo número de entradas: una imagen constante sale constante.
#
# Eso **no** quita el tablero por construcción: tras el vecino más cercano, un kernel 3×3 da a las dos fases de la
# salida los pesos $(w_0, w_1 + w_2)$ y $(w_0 + w_1, w_2)$, que solo coinciden en la suma. Con $w = (0, 1, -1)$ un
# borde se vuelve un patrón de Nyquist: la lección 03 calcula ese contraejemplo con la misma medida de tablero. El
# artículo solo dice que no debería tener artefactos *por defecto*; los pesos aprendidos pueden pintarlos, así que
# se mide.

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# ### Redimensionar e convoluir
#
# Quase 19 milhões de parâmetros (13 deles na primeira convolução transposta): demais para 3786 imagens e uma CPU. O
# curso treina em 32×32, com um quarto dos filtros (`width=32`), e muda o jeito de aumentar o tamanho. Uma
# transposta 5×5 de stride 2 sobrepõe as suas janelas de forma desigual (lição 03). Odena et al. (2016) propõem
# **redimensionar e convoluir**: repetir cada pixel num bloco 2×2 (`UpSampling2D`) e aplicar uma convolução de
# stride 1. Todas as saídas recebem o mesmo número de entradas: uma imagem constante sai constante.
#
# Isso **não** elimina o tabuleiro por construção: depois do vizinho mais próximo, um kernel 3×3 dá às duas fases da
# saída os pesos $(w_0, w_1 + w_2)$ e $(w_0 + w_1, w_2)$, que só coincidem na soma. Com $w = (0, 1, -1)$ uma borda
# vira um padrão de Nyquist: a lição 03 calcula esse contraexemplo com a mesma medida de tabuleiro. O artigo só diz
# que não deveria ter artefatos *por padrão*; os pesos aprendidos podem pintá-los, então é preciso medir.

# %% [markdown] lang="es"
# ## La receta de los emoji: grupos en lugar de etiquetas
#
# `python -m gan_course recipes` lista las recetas. Para los emoji (`train --data emoji`) la receta por defecto es
# `colour-selfcond`: la receta `colour` (G que redimensiona y convoluciona con 3×3 y 32 filtros, D 3×3, una media
# móvil exponencial de $G$) más lo que hizo mejorar los dígitos en la lección 07, **sin leer ninguna etiqueta**:
# `train.fit` reparte los emoji en 30 grupos de imágenes parecidas y del mismo tamaño (`gan_course.clusters`), los
# 30 primeros números de $z$ eligen un grupo y $D$ pregunta, por proyección, «¿es un emoji real de este grupo?». Sin
# cabeza de clases: en color, la de AC-GAN empuja cada clase hacia una sola imagen. Y, para que $D$ no se aprenda de
# memoria los 3786 emoji, el aumento adaptativo de ADA (más abajo).

# %% [markdown] lang="pt"
# ## A receita dos emojis: grupos no lugar de rótulos
#
# `python -m gan_course recipes` lista as receitas. Para os emojis (`train --data emoji`) a receita padrão é
# `colour-selfcond`: a receita `colour` (G que redimensiona e convolui com 3×3 e 32 filtros, D 3×3, uma média móvel
# exponencial de $G$) mais o que fez os dígitos melhorarem na lição 07, **sem ler nenhum rótulo**: `train.fit`
# reparte os emojis em 30 grupos de imagens parecidas e do mesmo tamanho (`gan_course.clusters`), os 30 primeiros
# números de $z$ escolhem um grupo e $D$ pergunta, por projeção, “é um emoji real deste grupo?”. Sem cabeça de
# classes: em cores, a da AC-GAN empurra cada classe para uma única imagem. E, para que $D$ não decore os 3786
# emojis, o aumento adaptativo da ADA (mais abaixo).

# %% slideshow={"slide_type": "subslide"}
r = recipes.get("colour-selfcond")
print(T(f"G: {r.width} filtros, kernels {r.kernel_size}×{r.kernel_size} tras redimensionar; D {r.d_kernel_size}×"
        f"{r.d_kernel_size}; lote {r.batch_size}, Adam {r.g_lr:g} (G) / {r.d_lr:g} (D), β1 = {r.beta_1}",
        f"G: {r.width} filtros, kernels {r.kernel_size}×{r.kernel_size} depois de redimensionar; D {r.d_kernel_size}×"
        f"{r.d_kernel_size}; lote {r.batch_size}, Adam {r.g_lr:g} (G) / {r.d_lr:g} (D), β1 = {r.beta_1}"))
print(T(f"grupos: {r.g_classes} (código latente) y {r.projection} (proyección); cabeza de clases: {r.classes}; "
        f"etiquetas leídas: {r.uses_labels}",
        f"grupos: {r.g_classes} (código latente) e {r.projection} (projeção); cabeça de classes: {r.classes}; "
        f"rótulos lidos: {r.uses_labels}"))
print(T(f"aumento: {r.augment}, hasta {r.augment_shift} píxeles (ADA; más abajo, «Aumentar los datos»)",
        f"aumento: {r.augment}, até {r.augment_shift} pixels (ADA; mais abaixo, “Aumentar os dados”)"))
generator, discriminator = models.build_pair(r, (32, 32, 3))
for layer in generator.layers:
    if layer.name.startswith(("up_", "image")):
        print(f"{layer.name:12} {type(layer).__name__:14} {str(layer.output.shape):20}")
print(T("parámetros de G y de D:", "parâmetros de G e de D:"),
      f"{generator.count_params():,}  {discriminator.count_params():,}")

# %% [markdown] lang="es"
# ## Ocho épocas de entrenamiento
#
# El bucle es el de la lección 06 (`train.fit`); solo cambia la forma de las imágenes. El presupuesto se fija en
# **épocas**, no en minutos: 8 (unos 2 minutos en una CPU de 2 núcleos sin carga), así que una CPU ocupada tarda más
# pero entrena lo mismo. La tabla de más abajo muestra lo que dan 23. Cada dos épocas, $D(x)$ y $D(G(z))$: si el
# primero se queda en 1 y el segundo en 0, $D$ ha ganado y $G$ deja de aprender.

# %% [markdown] lang="pt"
# ## Oito épocas de treinamento
#
# O laço é o da lição 06 (`train.fit`); só muda o formato das imagens. O orçamento é fixado em **épocas**, não em
# minutos: 8 (uns 2 minutos numa CPU de 2 núcleos sem carga), então uma CPU ocupada demora mais, mas treina o mesmo.
# A tabela mais abaixo mostra o que dão 23. A cada duas épocas, $D(x)$ e $D(G(z))$: se o primeiro fica em 1 e o
# segundo em 0, $D$ ganhou e $G$ para de aprender.

# %%
def report(epoch, gan, history):
    if epoch % 2:   # es: una línea cada dos épocas | pt: uma linha a cada duas épocas
        return
    print(T(f"época {epoch:2d}: D(x) {history['d_real'][-1]:.2f}  D(G(z)) {history['d_fake'][-1]:.2f}  "
            f"{history['images_per_second'][-1]:4.0f} imágenes/s",
            f"época {epoch:2d}: D(x) {history['d_real'][-1]:.2f}  D(G(z)) {history['d_fake'][-1]:.2f}  "
            f"{history['images_per_second'][-1]:4.0f} imagens/s"))


# %% tags=["nbval-ignore-output"] slideshow={"slide_type": "subslide"}
use = slice(None, None, gc.pick(1, 16))    # es: todos (modo rápido: 1 de cada 16) | pt: todos (modo rápido: 1 a cada 16)
recipe = recipes.for_data("colour-selfcond", len(emoji[use]))    # es: ≥ 100 imágenes por grupo | pt: ≥ 100 imagens por grupo
gan = recipes.build(recipe, (32, 32, 3), seed=0)
run_dir = train.new_run_folder("runs", "09_emoji")
history = train.fit(gan, emoji[use], gc.pick(8, 2), out=run_dir, dataset_name="emoji", verbose=False,
                    on_epoch=report)
print(T(f"{recipe.g_classes} grupos, {history['epoch'][-1]} épocas, {sum(history['seconds']) / 60:.1f} minutos",
        f"{recipe.g_classes} grupos, {history['epoch'][-1]} épocas, {sum(history['seconds']) / 60:.1f} minutos"))

# %% [markdown] lang="es" slideshow={"slide_type": "notes"}
# Mientras entrena, pide que lean las líneas de $D(x)$ y $D(G(z))$: ¿alguien ve que $D$ esté ganando? Compara con
# la lección 06: las mismas funciones, solo ha cambiado la forma de las imágenes. Si la CPU está ocupada, las mismas
# 8 épocas tardan más: antes de comparar resultados, compara épocas, no minutos.

# %% [markdown] lang="pt" slideshow={"slide_type": "notes"}
# Enquanto treina, peça que leiam as linhas de $D(x)$ e $D(G(z))$: alguém vê $D$ ganhando? Compare com a lição 06:
# as mesmas funções, só mudou o formato das imagens. Se a CPU estiver ocupada, as mesmas 8 épocas demoram mais:
# antes de comparar resultados, compare épocas, não minutos.

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
plt.figure(figsize=(5.6, 5.6))
plt.imshow(plt.imread(train.sample_path(run_dir, last)))
plt.title(T(f"época {last}", f"época {last}"))
plt.axis("off")
plt.show()

# %% [markdown] lang="es"
# Tras 8 épocas, **manchas de color** sobre fondo blanco, con textura de cuadros y ninguna figura todavía; cada
# fila, la familia de color de su grupo. Con 15 minutos (más abajo), casi todo son ya emoji.

# %% [markdown] lang="pt"
# Depois de 8 épocas, **manchas de cor** sobre fundo branco, com textura de quadradinhos e nenhuma figura ainda;
# cada linha, a família de cores do seu grupo. Com 15 minutos (mais abaixo), quase tudo já são emojis.

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# ### Medir lo que se ve
#
# 1000 muestras frente a los emoji reales. Tres **líneas de artefactos**: el **tablero** (potencia de Nyquist,
# generadas ÷ reales; 1 = «tan granulado como los datos»), el **fondo blanco** del borde y el **colorido**. Ninguna
# ve si una muestra *parece* un emoji; para eso, `gan_course.emoji_eval`: un clasificador de las 99 subcategorías y
# la distancia de Fréchet en sus 128 características. Su suelo: 1000 emoji reales.

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# ### Medir o que se vê
#
# 1000 amostras contra os emojis reais. Três **linhas de artefatos**: o **tabuleiro** (potência de Nyquist, geradas
# ÷ reais; 1 = “tão granulado quanto os dados”), o **fundo branco** da borda e o **colorido**. Nenhuma vê se uma
# amostra *parece* um emoji; para isso, `gan_course.emoji_eval`: um classificador das 99 subcategorias e a distância
# de Fréchet nas suas 128 características. O seu piso: 1000 emojis reais.

# %% tags=["nbval-ignore-output"]
fake = gan.sample(np.random.default_rng(0).standard_normal((1000, gan.z_dim)))   # es: 1000 z fijos | pt: 1000 z fixos
real = emoji[np.random.default_rng(0).permutation(len(emoji))[:1000]]
print(T("tablero (generadas ÷ reales):", "tabuleiro (geradas ÷ reais):"),
      f"{colour_metrics.checkerboard_ratio(fake, real):.2f}")
for name, measure in [(T("fondo blanco", "fundo branco"), colour_metrics.background_share),
                      (T("colorido", "colorido"), colour_metrics.colourfulness)]:
    print(f"{name:14} {T('generadas', 'geradas')} {measure(fake):6.2f}   {T('reales', 'reais')} {measure(real):6.2f}")
judge = emoji_eval.load_classifier("../../runs/emoji_classifier/emoji_classifier.weights.h5")   # es: entrenado una vez | pt: treinado uma vez
print(T("FID de emoji: generadas", "FID de emojis: geradas"), f"{emoji_eval.frechet_distance(fake, judge):.1f}",
      T("| 1000 reales (el suelo)", "| 1000 reais (o piso)"), f"{emoji_eval.reference_distance(1000, model=judge):.2f}")

# %% slideshow={"slide_type": "subslide"}
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
# **imágenes**, que una CPU ocupada no cambia) y mide 1000 muestras como arriba. La columna de imágenes por segundo
# es la de esa ejecución (depende de la carga de la máquina). Los resultados están en
# `benchmarks/results/colour.jsonl`, con la última cuadrícula de cada variante; esta tabla los lee:

# %% [markdown] lang="pt"
# ## O que foi medido: receita, gerador e limpeza
#
# `benchmarks/colour.py` treina cada variante durante um número de épocas fixado de antemão (um orçamento em
# **imagens**, que uma CPU ocupada não muda) e mede 1000 amostras como acima. A coluna de imagens por segundo é a
# dessa execução (depende da carga da máquina). Os resultados estão em `benchmarks/results/colour.jsonl`, com a
# última grade de cada variante; esta tabela os lê:

# %% slideshow={"slide_type": "subslide"}
LABELS = {
    "colour-selfcond (30 equal groups, projection, no class head), 23 epochs": T("grupos, sin aumento",
                                                                                  "grupos, sem aumento"),
    "colour default, 23 epochs": T("colour, sin grupos", "colour, sem grupos"),
    "colour: resize + 3x3, width 32": T("redimensionar + 3×3, 32", "redimensionar + 3×3, 32"),
    "resize + 3x3, width 64": T("redimensionar + 3×3, 64", "redimensionar + 3×3, 64"),
    "transposed 4x4, width 32": T("transpuesta 4×4, 32", "transposta 4×4, 32"),
    "dcgan: transposed 5x5, width 64 (paper)": T("artículo: transpuesta 5×5, 64", "artigo: transposta 5×5, 64"),
    "cleaned: no flags, components, symbols or skin-tone copies": T("redim. 32, datos limpios", "redim. 32, dados limpos"),
}
runs = {r["name"]: r for r in map(json.loads, pathlib.Path("../../benchmarks/results/colour.jsonl").open())}
print(T(f"{'variante':30} {'épocas':>6} {'imág/s':>6} {'tablero':>7} {'fondo':>6} {'color':>6} {'FID emoji':>9}",
        f"{'variante':30} {'épocas':>6} {'imag/s':>6} {'tabul.':>7} {'fundo':>6} {'cor':>6} {'FID emoji':>9}"))
for name, label in LABELS.items():
    r = runs[name]
    fid = f"{r['emoji_fid']:9.1f}" if "emoji_fid" in r else f"{'—':>9}"
    print(f"{label:30} {r['epochs']:6d} {r['images_per_second']:6.0f} {r['checkerboard']:7.2f} {r['background']:6.0%} "
          f"{r['colourfulness']:6.1f} {fid}")
real_row = runs["colour default, 23 epochs"]
print(f"{T('emoji reales', 'emojis reais'):30} {'':6} {'':6} {1:7.2f} {real_row['background_real']:6.0%} "
      f"{real_row['colourfulness_real']:6.1f} {real_row['emoji_fid_real']:9.2f}")

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# Las dos primeras filas: los grupos bajan la FID de emoji de 15.3 a 12.6 con las mismas 23 épocas, y ninguna de
# las dos cruza una línea de artefactos. Nuestras 8 épocas de arriba (con el aumento de más abajo) dan 22.0, con el
# tablero en 0.51 (su textura son cuadros de más de un píxel, que la medida de Nyquist no ve) y un 82 % de borde
# blanco frente al 97 %. El suelo de 1000 emoji reales: 0.51.

# %% [markdown] lang="es"
# Debajo, cuatro generadores de la receta `colour` sin grupos (`—`: medidos antes de existir el clasificador):
#
# - el **del artículo** (transpuesta 5×5, 64 filtros, su $D$ 5×5, sin EMA) es el más lento (46 imágenes/s, 8
#   épocas) y dibuja cuadrados beige granulados, casi sin fondo blanco, con un tablero 7 veces el de los datos;
# - **transpuesta 4×4** (32 filtros) es el más rápido (45 épocas): el kernel par quita el solapamiento desigual, pero
#   los pesos aprendidos pintan un tablero de 2.3 veces el de los datos. Aun así es la cuadrícula **más reconocible**:
#   personas de pie, corazones, caras y parejas;
# - **redimensionar + 3×3** queda en la línea del tablero con 32 filtros (1.04) y también con 64 (0.80). Con 32, la
#   cuadrícula son **manchas de color**, alguna con forma de cabeza; con 64 (4 veces más lento, 10 épocas), manchas
#   con un grano de bloques de 2×2 que la medida de Nyquist no ve.
#
# Pasar la línea del tablero no hace reconocible una imagen: hay que mirar las cuadrículas.

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# As duas primeiras linhas: os grupos baixam a FID de emojis de 15,3 para 12,6 com as mesmas 23 épocas, e nenhuma
# das duas cruza uma linha de artefatos. As nossas 8 épocas acima (com o aumento de mais abaixo) dão 22,0, com o
# tabuleiro em 0,51 (a sua textura são quadradinhos de mais de um pixel, que a medida de Nyquist não vê) e 82 % de
# borda branca contra 97 %. O piso de 1000 emojis reais: 0,51.

# %% [markdown] lang="pt"
# Abaixo, quatro geradores da receita `colour` sem grupos (`—`: medidos antes de existir o classificador):
#
# - o **do artigo** (transposta 5×5, 64 filtros, o seu $D$ 5×5, sem EMA) é o mais lento (46 imagens/s, 8 épocas) e
#   desenha quadrados bege granulados, quase sem fundo branco, com um tabuleiro 7 vezes o dos dados;
# - **transposta 4×4** (32 filtros) é o mais rápido (45 épocas): o kernel par tira a sobreposição desigual, mas os
#   pesos pintam um tabuleiro de 2,3 vezes o dos dados. Mesmo assim é a grade **mais reconhecível**: pessoas,
#   corações, rostos e casais;
# - **redimensionar + 3×3** fica na linha do tabuleiro com 32 filtros (1,04) e também com 64 (0,80). Com 32, a grade
#   são **manchas de cor**, alguma com forma de cabeça; com 64 (4 vezes mais lento, 10 épocas), manchas com um grão
#   de blocos de 2×2 que a medida de Nyquist não vê.
#
# Passar na linha do tabuleiro não torna uma imagem reconhecível: é preciso olhar as grades.

# %% slideshow={"slide_type": "subslide"}
def show_runs(names, size=4.6, labels=LABELS):
    fig, axes = plt.subplots(1, len(names), figsize=(size * len(names), size + 0.4))
    for ax, name in zip(axes, names):
        ax.imshow(plt.imread("../../" + runs[name]["frame"]))
        ax.set_title(labels[name])
        ax.set_axis_off()
    plt.show()


show_runs(["colour-selfcond (30 equal groups, projection, no class head), 23 epochs", "colour default, 23 epochs"])

# %% slideshow={"slide_type": "subslide"}
show_runs(["transposed 4x4, width 32", "colour: resize + 3x3, width 32"])

# %% slideshow={"slide_type": "subslide"}
show_runs(["resize + 3x3, width 64", "dcgan: transposed 5x5, width 64 (paper)"])

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# ### Datos limpios, las mismas imágenes vistas
#
# La receta `colour` con el subconjunto limpio: sin banderas, componentes ni símbolos, y cada figura una sola vez
# (`images.load_emoji(32, categorías, skin_tones=False)`: 1412 emoji). El mismo presupuesto de unas 105 000
# imágenes son más épocas (75 frente a 28), porque el conjunto es más pequeño. A la izquierda, todo el conjunto; a la
# derecha, el limpio: aparecen las caras amarillas redondas, que en el conjunto completo eran 169 de 3786 y quedaban
# ahogadas por las manos y personas repetidas en seis tonos. Las dos ejecuciones igualan el color y el fondo de *sus*
# datos, pero con los datos limpios $D$ gana por menos margen:

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# ### Dados limpos, as mesmas imagens vistas
#
# A receita `colour` com o subconjunto limpo: sem bandeiras, componentes nem símbolos, e cada figura uma só vez
# (`images.load_emoji(32, categorias, skin_tones=False)`: 1412 emojis). O mesmo orçamento de umas 105 000 imagens
# rende mais épocas (75 contra 28), porque o conjunto é menor. À esquerda, o conjunto todo; à direita, o limpo:
# aparecem os rostos amarelos redondos, que no conjunto completo eram 169 de 3786 e ficavam afogados pelas mãos e
# pessoas repetidas em seis tons. As duas execuções igualam a cor e o fundo dos *seus* dados, mas com os dados
# limpos $D$ ganha por uma margem menor:

# %% slideshow={"slide_type": "subslide"}
pair = ["colour: resize + 3x3, width 32", "cleaned: no flags, components, symbols or skin-tone copies"]
for name in pair:
    r = runs[name]
    print(f"{LABELS[name]:26} D(x) - D(G(z)) = {r['d_real'] - r['d_fake']:.2f}   "
          f"{T('color', 'cor')} {r['colourfulness']:.1f} ({T('datos', 'dados')} {r['colourfulness_real']:.1f})")
show_runs(pair)

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# ### Aumentar los datos: que $D$ no se aprenda los emoji
#
# Con 3786 imágenes, $D$ ve cada emoji una vez por época. Sin nada más, $D(x)$ sube época tras época (de 0.68 a 0.95
# en 15 minutos: la curva, más abajo): $D$ se aprende de memoria los emoji reales, y a los 15 minutos la cuadrícula
# **empeora**: repite unas pocas imágenes y se destiñe. El remedio de Karras et al. (2020, ADA): **desplazar** las
# imágenes reales *y* las generadas unos píxeles antes de $D$, con una probabilidad $p$ que se ajusta mirando a $D$:
#
# $$p \leftarrow p \pm \frac{n}{100\,000}, \qquad + \text{ si } E[\operatorname{sign} D(x)] > 0.6, \quad -
# \text{ si no}$$
#
# ($n$: imágenes del lote; $E[\operatorname{sign} D(x)] > 0.6$ quiere decir que más del 80 % de las reales recibe un
# logit positivo). Como el desplazamiento se aplica también a las falsas y es diferenciable, $G$ no aprende a
# dibujar desplazamientos: solo $D$ pierde la posición exacta de cada píxel que memorizaba. La franja que queda al
# descubierto toma el color del borde de cada imagen (blanco en los emoji).

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# ### Aumentar os dados: que $D$ não decore os emojis
#
# Com 3786 imagens, $D$ vê cada emoji uma vez por época. Sem mais nada, $D(x)$ sobe época após época (de 0,68 para
# 0,95 em 15 minutos: a curva, mais abaixo): $D$ decora os emojis reais, e aos 15 minutos a grade **piora**: repete umas
# poucas imagens e desbota. O remédio de Karras et al. (2020, ADA): **deslocar** as imagens reais *e* as geradas
# alguns pixels antes de $D$, com uma probabilidade $p$ que se ajusta olhando para $D$:
#
# $$p \leftarrow p \pm \frac{n}{100\,000}, \qquad + \text{ se } E[\operatorname{sign} D(x)] > 0{,}6, \quad -
# \text{ se não}$$
#
# ($n$: imagens do lote; $E[\operatorname{sign} D(x)] > 0{,}6$ quer dizer que mais de 80 % das reais recebem um logit
# positivo). Como o deslocamento também se aplica às falsas e é diferenciável, $G$ não aprende a desenhar
# deslocamentos: só $D$ perde a posição exata de cada pixel que tinha decorado. A faixa que fica descoberta toma a
# cor da borda de cada imagem (branco nos emojis).

# %% slideshow={"slide_type": "subslide"}
demo = recipes.build("colour-selfcond", (32, 32, 3), seed=0)   # es: solo por su aumento | pt: só pelo seu aumento
demo.augment_p.assign(1.0)                                       # es: siempre (en el entrenamiento, p) | pt: sempre (no treinamento, p)
batch = x[:8]
shifted = demo.augment(batch).numpy()
s = demo.recipe.augment_shift


def shift_numpy(image, dy, dx):
    """The same shift in NumPy: pad with the border's mean colour, then cut the window."""
    border = np.concatenate([image[0], image[-1], image[:, 0], image[:, -1]]).mean(axis=0)
    padded = np.pad(image - border, ((s, s), (s, s), (0, 0))) + border
    return padded[s - dy:s - dy + 32, s - dx:s - dx + 32]


found = [next(((dy, dx) for dy in range(-s, s + 1) for dx in range(-s, s + 1)
               if np.allclose(shift_numpy(a, dy, dx), b, atol=1e-6)), None) for a, b in zip(batch, shifted)]
print(T("desplazamiento (filas, columnas) que reproduce NumPy:", "deslocamento (linhas, colunas) que o NumPy reproduz:"),
      found)
plots.show_images(np.concatenate([emoji[:8], data.to_uint8(shifted)]), ncols=8, size=8)
plt.show()

# %% [markdown] lang="es"
# Arriba, ocho emoji; abajo, lo que ve $D$ con $p = 1$ (al entrenar, $p$ empieza en 0).

# %% [markdown] lang="pt"
# Em cima, oito emojis; embaixo, o que $D$ vê com $p = 1$ (no treinamento, $p$ começa em 0).

# %% slideshow={"slide_type": "subslide"}
TIME = {f"colour default (colour-selfcond), {m} minutes": (m, T("sin aumento", "sem aumento")) for m in (3, 6, 15)}
TIME |= {f"colour default (colour-selfcond + adaptive translation), {m} minutes": (m, T("con ADA", "com ADA"))
         for m in (3, 6, 15)}
plt.figure(figsize=(6.4, 3.2))
for name, (minutes, label) in TIME.items():
    if minutes == 15:
        plt.plot(range(1, len(runs[name]["d_real_by_epoch"]) + 1), runs[name]["d_real_by_epoch"], label=label)
plt.xlabel(T("época", "época"))
plt.ylabel("D(x)")
plt.ylim(0.5, 1)
plt.legend()
plt.show()

# %% slideshow={"slide_type": "subslide"}
print(T(f"{'minutos':>7} {'':12} {'épocas':>6} {'FID emoji':>9} {'tablero':>7} {'fondo':>6} {'color':>6} {'p final':>7}",
        f"{'minutos':>7} {'':12} {'épocas':>6} {'FID emoji':>9} {'tabul.':>7} {'fundo':>6} {'cor':>6} {'p final':>7}"))
for name, (minutes, label) in sorted(TIME.items(), key=lambda item: item[1][0]):
    r = runs[name]
    print(f"{minutes:7d} {label:12} {r['epochs']:6d} {r['emoji_fid']:9.1f} {r['checkerboard']:7.2f} "
          f"{r['background']:6.0%} {r['colourfulness']:6.1f} {r['augment_p']:7.2f}")

# %% slideshow={"slide_type": "subslide"}
TIME_LABELS = {name: f"{minutes} min, {label}" for name, (minutes, label) in TIME.items()}
show_runs(["colour default (colour-selfcond), 15 minutes",
           "colour default (colour-selfcond + adaptive translation), 15 minutes"], labels=TIME_LABELS)

# %% [markdown] lang="es"
# Sin aumento, la FID de emoji mejora hasta los 6 minutos y luego **empeora** (14.1, 9.5, 22.7): a los 15, $D(x)$
# está en 0.95 y la cuadrícula repite un globo y una bandera y se destiñe. Con ADA baja a cada paso: 11.8, 6.7 y
# 4.0, y a los 15 minutos la cuadrícula es casi toda emoji (quedan manchas). $p$ llega a su techo, 0.8, y $D(x)$
# sigue subiendo despacio. Las líneas de artefactos se mantienen. Medido también a 38 épocas: DiffAugment (color, desplazamiento y un recorte en *cada*
# imagen, Zhao et al. 2020) da 12.7 y un tablero de 1.56, por encima de su línea, frente a 6.6 del desplazamiento
# adaptativo y 9.5 sin nada: por eso la receta usa este último.

# %% [markdown] lang="pt"
# Sem aumento, a FID de emojis melhora até os 6 minutos e depois **piora** (14,1, 9,5, 22,7): aos 15, $D(x)$ está em
# 0,95 e a grade repete um balão e uma bandeira e desbota. Com a ADA ela cai a cada passo: 11,8, 6,7 e 4,0, e aos 15
# minutos a grade é quase toda emojis (restam manchas). $p$ chega ao seu teto, 0,8, e $D(x)$ continua subindo
# devagar. As linhas de artefatos se mantêm. Medido também com 38 épocas: o DiffAugment (cor, deslocamento e um recorte em *cada* imagem, Zhao et al. 2020) dá
# 12,7 e um tabuleiro de 1,56, acima da sua linha, contra 6,6 do deslocamento adaptativo e 9,5 sem nada: por isso a
# receita usa este último.

# %% [markdown] lang="es"
# ### ¿Y a 64×64?
#
# El tamaño de carpedm20 y de las caras de anime funciona igual (`--image-size 64`, o `load_emoji(64)`): una subida
# más en $G$ y una convolución más en $D$. ¿Cuánto cuesta por imagen? Las dos velocidades, medidas con la receta
# `colour`:

# %% [markdown] lang="pt"
# ### E em 64×64?
#
# O tamanho do carpedm20 e dos rostos de anime funciona igual (`--image-size 64`, ou `load_emoji(64)`): uma subida a
# mais em $G$ e uma convolução a mais em $D$. Quanto custa por imagem? As duas velocidades, medidas com a receita
# `colour`:

# %%
big, small = runs["colour, 64x64: timing"], runs["colour: resize + 3x3, width 32"]
epoch_s = big["data_size"] / big["images_per_second"]
print(T(f"32×32: {small['images_per_second']:.0f} imágenes/s; 64×64: {big['images_per_second']:.0f} imágenes/s: "
        f"{small['images_per_second'] / big['images_per_second']:.1f} veces más lento por imagen",
        f"32×32: {small['images_per_second']:.0f} imagens/s; 64×64: {big['images_per_second']:.0f} imagens/s: "
        f"{small['images_per_second'] / big['images_per_second']:.1f} vezes mais lento por imagem"))
print(T(f"23 épocas a 64×64: {23 * epoch_s / 60:.0f} minutos", f"23 épocas em 64×64: {23 * epoch_s / 60:.0f} minutos"))

# %% [markdown] lang="es"
# Unas seis veces más por imagen (cuatro veces más píxeles y una capa más en cada red): las 23 épocas de la receta
# pasarían de unos 5 minutos a más de 20 en esta CPU.

# %% [markdown] lang="pt"
# Umas seis vezes mais por imagem (quatro vezes mais pixels e uma camada a mais em cada rede): as 23 épocas da
# receita passariam de uns 5 minutos para mais de 20 nesta CPU.

# %% [markdown] lang="es"
# ## Tu propia carpeta
#
# Lo mismo con tus imágenes (iconos, *sprites*, fotos; el experimento de las caras de anime) es una línea en la
# terminal:
#
# ```bash
# python -m gan_course train --data CARPETA --epochs 23           # 32×32; sin --epochs, 3 minutos
# python -m gan_course train --data CARPETA --image-size 64 --epochs 100 --background black
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
# python -m gan_course train --data PASTA --epochs 23             # 32×32; sem --epochs, 3 minutos
# python -m gan_course train --data PASTA --image-size 64 --epochs 100 --background black
# python -m gan_course train --data emoji --categories "Smileys & Emotion,Animals & Nature"
# python -m gan_course train --resume                             # continua a última execução
# ```
#
# Cada imagem é composta sobre `--background` (branco por padrão), recortada no quadrado central e reduzida ao
# tamanho pedido. Um arquivo que não pode ser lido interrompe a carga com uma mensagem que o nomeia. Assim o curso lê
# uma pasta (aqui, seis emojis salvos como PNG transparentes):

# %% slideshow={"slide_type": "subslide"}
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

# %% slideshow={"slide_type": "subslide"}
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
# ### Programar: la medida del tablero
#
# 5. Completa `nyquist_power(batch)`: para un lote `float` en $[-1, 1]$ de forma $(N, H, W, C)$, la potencia media
#    de la fila $H/2$ y la columna $W/2$ de su transformada de Fourier 2-D, $|F|^2 / (HW)^2$, con su cruce contado una
#    vez. Es lo que hay dentro de `colour_metrics.checkerboard_ratio`: el cociente entre dos lotes debe dar lo mismo.
#    Pruébala con `fake` y `real` de «Medir lo que se ve».

# %% [markdown] lang="pt"
# ### Programar: a medida do tabuleiro
#
# 5. Complete `nyquist_power(batch)`: para um lote `float` em $[-1, 1]$ de formato $(N, H, W, C)$, a potência média
#    da linha $H/2$ e da coluna $W/2$ da sua transformada de Fourier 2-D, $|F|^2 / (HW)^2$, com o cruzamento contado
#    uma vez. É o que há dentro de `colour_metrics.checkerboard_ratio`: o quociente entre dois lotes deve dar o mesmo.
#    Teste-a com `fake` e `real` de “Medir o que se vê”.

# %%
def nyquist_power(batch):
    return None  # es: escribe aquí tu cálculo | pt: escreva aqui o seu cálculo

answer = None  # es: cuando funcione: answer = nyquist_power | pt: quando funcionar: answer = nyquist_power
gc.exercises.check("09.5", answer)

# %% [markdown] lang="es"
# ## Resumen
#
# - Una imagen en color es un tensor $H \times W \times 3$; un lote, NHWC. `uint8` en los bordes, $[-1, 1]$ dentro.
# - Un PNG transparente guarda colores basura bajo sus píxeles transparentes: hay que **componer** sobre un fondo,
#   $a\,c + (1 - a)\,b$. `images.load_image_folder` y `--data CARPETA` lo hacen siempre.
# - Limpiar los datos es decidir qué aprende la GAN: banderas, muestras de color y duplicados por tono de piel
#   estorban, y se miden (borde blanco, tabla de categorías).
# - Redimensionar y convolucionar quita el solapamiento desigual, no el tablero: los pesos pueden pintarlo (lección
#   03). Se mide con la potencia en la frecuencia de Nyquist, y una cuadrícula que pasa la línea puede seguir siendo
#   manchas: hay que mirarla.
# - Los emoji no traen etiquetas útiles: `colour-selfcond` usa grupos encontrados en los datos (FID de emoji 12.6
#   frente a 15.3 sin grupos) y el aumento adaptativo de ADA, para que $D$ no se los aprenda de memoria: con él la
#   FID baja con los minutos (11.8, 6.7, 4.0 a los 3, 6 y 15) en lugar de subir (14.1, 9.5, 22.7).
# - El bucle, los puntos de control y el GIF son los de la lección 06: solo cambia la forma de las imágenes.

# %% [markdown] lang="pt"
# ## Resumo
#
# - Uma imagem colorida é um tensor $H \times W \times 3$; um lote, NHWC. `uint8` nas bordas, $[-1, 1]$ dentro.
# - Um PNG transparente guarda cores lixo sob os seus pixels transparentes: é preciso **compor** sobre um fundo,
#   $a\,c + (1 - a)\,b$. `images.load_image_folder` e `--data PASTA` fazem isso sempre.
# - Limpar os dados é decidir o que a GAN aprende: bandeiras, amostras de cor e duplicatas por tom de pele
#   atrapalham, e são medidas (borda branca, tabela de categorias).
# - Redimensionar e convoluir tira a sobreposição desigual, não o tabuleiro: os pesos podem pintá-lo (lição 03).
#   Mede-se com a potência na frequência de Nyquist, e uma grade que passa na linha pode continuar sendo manchas: é
#   preciso olhá-la.
# - Os emojis não trazem rótulos úteis: `colour-selfcond` usa grupos encontrados nos dados (FID de emojis 12,6 contra
#   15,3 sem grupos) e o aumento adaptativo da ADA, para que $D$ não os decore: com ele a FID cai com os minutos
#   (11,8, 6,7, 4,0 aos 3, 6 e 15) em vez de subir (14,1, 9,5, 22,7).
# - O laço, os pontos de verificação e o GIF são os da lição 06: só muda o formato das imagens.
