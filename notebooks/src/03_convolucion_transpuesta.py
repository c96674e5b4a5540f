"""Lesson 03: the source of both notebooks named in NAMES. Format: see tools/nbbuild.py."""
from _lang import T

NAMES = {"es": "03_convolucion_transpuesta", "pt": "03_convolucao_transposta"}

# %% [markdown] lang="es"
# # Convolución transpuesta (transposed convolution)
#
# Un clasificador reduce una imagen de 28×28 a unas pocas clases: sus convoluciones con paso 2 y su agrupamiento
# **submuestrean** (*downsampling*). El generador de una GAN hace el camino contrario: parte de un vector latente y
# tiene que terminar en una imagen de 28×28. Necesita **sobremuestrear** (*upsampling*), y la DCGAN lo hace con la
# **convolución transpuesta** (*transposed convolution*), una capa que aprende *cómo* agrandar.
#
# En esta lección:
#
# 1. la convolución escrita como una **matriz** $C$ (el ejemplo de un kernel 3×3 sobre una entrada 4×4: $C$ es 4×16);
# 2. su **transpuesta** $C^\top$ (16×4): lleva 4 píxeles a 16, y es exactamente lo que calcula
#    `keras.layers.Conv2DTranspose`;
# 3. la transpuesta vista como una convolución normal sobre la entrada con ceros intercalados (las animaciones);
# 4. los tamaños de salida, comprobados contra Keras;
# 5. los **artefactos de tablero de ajedrez** (*checkerboard artifacts*) y cómo evitarlos;
# 6. por qué los generadores DCGAN del curso usan kernels 4×4 con paso 2.
#
# Seguimos de nuevo la guía de Dumoulin y Visin, *A guide to convolution arithmetic for deep learning* (2016): aquí
# entran sus relaciones 8–14.

# %% [markdown] lang="pt"
# # Convolução transposta (transposed convolution)
#
# Um classificador reduz uma imagem de 28×28 a poucas classes: suas convoluções com passo 2 e seu agrupamento fazem
# **subamostragem** (*downsampling*). O gerador de uma GAN faz o caminho inverso: parte de um vetor latente e precisa
# terminar numa imagem de 28×28. Ele precisa de **sobreamostragem** (*upsampling*), e a DCGAN a faz com a
# **convolução transposta** (*transposed convolution*), uma camada que aprende *como* aumentar a imagem.
#
# Nesta lição:
#
# 1. a convolução escrita como uma **matriz** $C$ (o exemplo de um kernel 3×3 sobre uma entrada 4×4: $C$ é 4×16);
# 2. sua **transposta** $C^\top$ (16×4): leva 4 pixels a 16, e é exatamente o que calcula
#    `keras.layers.Conv2DTranspose`;
# 3. a transposta vista como uma convolução comum sobre a entrada com zeros intercalados (as animações);
# 4. os tamanhos de saída, conferidos com o Keras;
# 5. os **artefatos de tabuleiro de xadrez** (*checkerboard artifacts*) e como evitá-los;
# 6. por que os geradores DCGAN do curso usam kernels 4×4 com passo 2.
#
# Seguimos de novo o guia de Dumoulin e Visin, *A guide to convolution arithmetic for deep learning* (2016): aqui
# entram as suas relações 8–14.

# %%
import numpy as np
import matplotlib.pyplot as plt
import gan_course as gc
from gan_course import conv, keras, tf, transposed

gc.setup(T("es", "pt"))  # es: idioma, semillas, TensorFlow silencioso | pt: idioma, sementes, TensorFlow silencioso

# %% [markdown] lang="es"
# ## La convolución como matriz
#
# Una convolución es **lineal**: cada píxel de salida es una suma ponderada de píxeles de entrada. Si aplanamos la
# entrada $x$ de 4×4 fila por fila en un vector de 16 componentes, la convolución con un kernel 3×3 (sin relleno,
# paso 1) es un producto por la **matriz de convolución** (*convolution matrix*) $C$
#
# $$\operatorname{vec}(y) = C\,\operatorname{vec}(x), \qquad C \in \mathbb{R}^{4 \times 16}.$$
#
# Cada fila de $C$ corresponde a un píxel de salida y contiene los 9 pesos del kernel en las columnas de los
# píxeles que su ventana cubre; el resto son ceros. `conv.conv_matrix` construye $C$ con ese recorrido (una fila por
# posición del kernel).
#
# Usamos el kernel de la lección 02 y la esquina 4×4 de su entrada:

# %% [markdown] lang="pt"
# ## A convolução como matriz
#
# Uma convolução é **linear**: cada pixel de saída é uma soma ponderada de pixels de entrada. Se achatarmos a entrada
# $x$ de 4×4 linha por linha num vetor de 16 componentes, a convolução com um kernel 3×3 (sem preenchimento, passo 1)
# é um produto pela **matriz de convolução** (*convolution matrix*) $C$
#
# $$\operatorname{vec}(y) = C\,\operatorname{vec}(x), \qquad C \in \mathbb{R}^{4 \times 16}.$$
#
# Cada linha de $C$ corresponde a um pixel de saída e contém os 9 pesos do kernel nas colunas dos pixels que a sua
# janela cobre; o resto são zeros. `conv.conv_matrix` constrói $C$ com esse percurso (uma linha por posição do
# kernel).
#
# Usamos o kernel da lição 02 e o canto 4×4 da sua entrada:

# %%
x = np.array([[3, 3, 2, 1],
              [0, 0, 1, 3],
              [3, 1, 2, 2],
              [2, 0, 0, 2]], dtype=float)
w = np.array([[0, 1, 2],
              [2, 2, 0],
              [0, 1, 2]], dtype=float)

C = conv.conv_matrix(w, x.shape)
print(C.shape)
print(C.astype(int))

# %% [markdown] lang="es"
# La primera fila es el kernel desplegado sobre las filas 0–2 y columnas 0–2 de la entrada: `0 1 2` (fila 0 del
# kernel), un hueco de una columna, `2 2 0`, otro hueco, `0 1 2`. Las filas siguientes son la misma secuencia
# desplazada: una columna (el kernel se mueve a la derecha) o una fila de la entrada (el kernel baja).
#
# Multiplicar por $C$ da la misma salida que la convolución de `gan_course.conv` y que `tf.nn.conv2d`:

# %% [markdown] lang="pt"
# A primeira linha é o kernel desdobrado sobre as linhas 0–2 e colunas 0–2 da entrada: `0 1 2` (linha 0 do kernel),
# um buraco de uma coluna, `2 2 0`, outro buraco, `0 1 2`. As linhas seguintes são a mesma sequência deslocada: uma
# coluna (o kernel anda para a direita) ou uma linha da entrada (o kernel desce).
#
# Multiplicar por $C$ dá a mesma saída que a convolução do `gan_course.conv` e que `tf.nn.conv2d`:

# %%
y_matrix = (C @ x.ravel()).reshape(2, 2)
y_conv = conv.conv2d(x, w)
y_tf = tf.nn.conv2d(x[None, :, :, None], w[:, :, None, None], strides=1, padding="VALID")[0, :, :, 0].numpy()
print(y_matrix)
print("C @ vec(x) == conv2d:", np.array_equal(y_matrix, y_conv))
print("máx |C @ vec(x) - tf.nn.conv2d|:", np.abs(y_matrix - y_tf).max())

# %% [markdown] lang="es"
# Dibujada, $C$ es una matriz casi vacía (*sparse*) con el mismo patrón repetido: 9 pesos por fila, 7 ceros.

# %% [markdown] lang="pt"
# Desenhada, $C$ é uma matriz quase vazia (*sparse*) com o mesmo padrão repetido: 9 pesos por linha, 7 zeros.

# %%
fig, ax = plt.subplots(figsize=(8, 2.4))
ax.imshow(C, cmap="Blues")
for (row, col), value in np.ndenumerate(C):
    ax.text(col, row, f"{value:g}", ha="center", va="center", fontsize=9,
            color="white" if value > 1 else "black")
ax.set_xticks(range(16))
ax.set_yticks(range(4))
ax.set_xlabel("vec(x)")
ax.set_ylabel("vec(y)")
ax.set_title("C (4×16)")
plt.show()

# %% [markdown] lang="es"
# ## La transpuesta: de 4 píxeles a 16
#
# $C^\top$ tiene forma 16×4: toma un mapa de 2×2 y devuelve uno de 4×4. Es un **sobremuestreo** con las mismas
# conexiones que la convolución, recorridas al revés: el píxel de entrada $j$ contribuye, con los pesos del kernel, a
# los 9 píxeles de salida con los que la convolución lo unía. Por eso se llama **convolución transpuesta**.
#
# $$\operatorname{vec}(\hat{x}) = C^\top \operatorname{vec}(y), \qquad C^\top \in \mathbb{R}^{16 \times 4}.$$
#
# `conv.conv_transpose2d` la calcula por su definición —cada píxel de entrada suma una copia del kernel multiplicada
# por su valor— y `tf.nn.conv2d_transpose` es la operación de TensorFlow:

# %% [markdown] lang="pt"
# ## A transposta: de 4 pixels a 16
#
# $C^\top$ tem formato 16×4: recebe um mapa 2×2 e devolve um de 4×4. É uma **sobreamostragem** com as mesmas
# conexões da convolução, percorridas ao contrário: o pixel de entrada $j$ contribui, com os pesos do kernel, para os
# 9 pixels de saída aos quais a convolução o ligava. Por isso se chama **convolução transposta**.
#
# $$\operatorname{vec}(\hat{x}) = C^\top \operatorname{vec}(y), \qquad C^\top \in \mathbb{R}^{16 \times 4}.$$
#
# `conv.conv_transpose2d` a calcula pela definição — cada pixel de entrada soma uma cópia do kernel multiplicada pelo
# seu valor — e `tf.nn.conv2d_transpose` é a operação do TensorFlow:

# %%
y = np.array([[1, 2],
              [3, 4]], dtype=float)
up = (C.T @ y.ravel()).reshape(4, 4)
up_conv = conv.conv_transpose2d(y, w)
up_tf = tf.nn.conv2d_transpose(y[None, :, :, None], w[:, :, None, None], output_shape=[1, 4, 4, 1],
                               strides=1, padding="VALID")[0, :, :, 0].numpy()
print(C.T.shape)
print(up)
print("C.T @ vec(y) == conv_transpose2d:", np.array_equal(up, up_conv))
print("máx |C.T @ vec(y) - tf.nn.conv2d_transpose|:", np.abs(up - up_tf).max())

# %% [markdown] lang="es"
# ### `Conv2DTranspose` de Keras da los mismos números
#
# La capa que usa el generador guarda su kernel con forma `(k, k, filtros_de_salida, canales_de_entrada)`. Le ponemos
# nuestro $w$ (sin sesgo) y comparamos:

# %% [markdown] lang="pt"
# ### `Conv2DTranspose` do Keras dá os mesmos números
#
# A camada que o gerador usa guarda o kernel com formato `(k, k, filtros_de_saída, canais_de_entrada)`. Colocamos
# nele o nosso $w$ (sem viés) e comparamos:

# %%
layer = keras.layers.Conv2DTranspose(1, 3, strides=1, padding="valid", use_bias=False)
layer.build((1, 2, 2, 1))
layer.set_weights([w[:, :, None, None]])
up_keras = layer(y[None, :, :, None], training=False)[0, :, :, 0].numpy()
print("kernel:", tuple(layer.kernel.shape))
print("máx |Conv2DTranspose - C.T @ vec(y)|:", np.abs(up_keras - up).max())

# %% [markdown] lang="es"
# ### Transpuesta no es inversa
#
# $C^\top$ recupera la **forma** de la entrada, no sus **valores**: $C^\top C\, \operatorname{vec}(x) \neq
# \operatorname{vec}(x)$ (una matriz 4×16 no puede invertirse: 16 números no caben en 4). Por eso en un generador la
# convolución transpuesta no "deshace" nada: sus pesos se aprenden para dibujar.
#
# Su otro papel: es el **gradiente** de la convolución. Si $L$ depende de $y = Cx$, entonces
# $\partial L/\partial x = C^\top\, \partial L/\partial y$. Al entrenar cualquier CNN, TensorFlow ya calcula
# convoluciones transpuestas en la **retropropagación** (*backpropagation*); lo comprobamos con `tf.GradientTape`:

# %% [markdown] lang="pt"
# ### Transposta não é inversa
#
# $C^\top$ recupera o **formato** da entrada, não os seus **valores**: $C^\top C\, \operatorname{vec}(x) \neq
# \operatorname{vec}(x)$ (uma matriz 4×16 não pode ser invertida: 16 números não cabem em 4). Por isso, num gerador,
# a convolução transposta não "desfaz" nada: os seus pesos são aprendidos para desenhar.
#
# Seu outro papel: ela é o **gradiente** da convolução. Se $L$ depende de $y = Cx$, então
# $\partial L/\partial x = C^\top\, \partial L/\partial y$. Ao treinar qualquer CNN, o TensorFlow já calcula
# convoluções transpostas na **retropropagação** (*backpropagation*); conferimos com `tf.GradientTape`:

# %%
print((C.T @ C @ x.ravel()).reshape(4, 4))     # es: no es x | pt: não é x

upstream = np.array([[1.0, -1.0],
                     [2.0, 0.5]])                  # ∂L/∂y
x_var = tf.Variable(x[None, :, :, None])
with tf.GradientTape() as tape:
    out = tf.nn.conv2d(x_var, w[:, :, None, None], strides=1, padding="VALID")
    loss = tf.reduce_sum(out * upstream[None, :, :, None])
grad = tape.gradient(loss, x_var)[0, :, :, 0].numpy()
print("máx |∂L/∂x - C.T @ ∂L/∂y|:", np.abs(grad - (C.T @ upstream.ravel()).reshape(4, 4)).max())

# %% [markdown] lang="es"
# ## La transpuesta como una convolución
#
# La guía de Dumoulin y Visin dibuja la convolución transpuesta como una convolución **normal, con paso 1**, sobre
# una entrada preparada:
#
# 1. entre dos píxeles de la entrada se intercalan $s - 1$ ceros (por eso también se le llama convolución con
#    *paso fraccionario* $1/s$, *fractionally-strided convolution*);
# 2. alrededor se añaden $k - p - 1$ ceros;
# 3. el kernel se gira 180°.
#
# Las celdas blancas con borde discontinuo son ceros; las azules, la entrada $i'$; la salida cian crece de $i'$ a
# $o'$:
#
# | $i' = 2,\ k = 3,\ s = 1$ | $i' = 2,\ k = 3,\ s = 2$ | $i' = 3,\ k = 4,\ s = 2,\ p = 1$ |
# |---|---|---|
# | ![](../../figures/transposed_stride1.gif) | ![](../../figures/transposed_stride2.gif) | ![](../../figures/transposed_k4_stride2.gif) |
#
# `transposed.transposed_as_conv` sigue esos tres pasos; con $s = 2$ da lo mismo que la definición:

# %% [markdown] lang="pt"
# ## A transposta como uma convolução
#
# O guia de Dumoulin e Visin desenha a convolução transposta como uma convolução **comum, com passo 1**, sobre uma
# entrada preparada:
#
# 1. entre dois pixels da entrada intercalam-se $s - 1$ zeros (por isso ela também é chamada de convolução com
#    *passo fracionário* $1/s$, *fractionally-strided convolution*);
# 2. em volta acrescentam-se $k - p - 1$ zeros;
# 3. o kernel é girado 180°.
#
# As células brancas com borda tracejada são zeros; as azuis, a entrada $i'$; a saída ciano cresce de $i'$ para
# $o'$:
#
# | $i' = 2,\ k = 3,\ s = 1$ | $i' = 2,\ k = 3,\ s = 2$ | $i' = 3,\ k = 4,\ s = 2,\ p = 1$ |
# |---|---|---|
# | ![](../../figures/transposed_stride1.gif) | ![](../../figures/transposed_stride2.gif) | ![](../../figures/transposed_k4_stride2.gif) |
#
# `transposed.transposed_as_conv` segue esses três passos; com $s = 2$ dá o mesmo que a definição:

# %%
canvas, rotated, y_up = transposed.transposed_as_conv(y, w, stride=2, details=True)
print(canvas.astype(int))      # es: y con un cero entre píxeles y k - p - 1 = 2 ceros alrededor
                               # pt: y com um zero entre pixels e k - p - 1 = 2 zeros em volta
print(rotated.astype(int))     # es: el kernel girado 180° | pt: o kernel girado 180°
print(y_up.astype(int))
print("== conv_transpose2d(y, w, stride=2):", np.array_equal(y_up, conv.conv_transpose2d(y, w, stride=2)))

# %% [markdown] lang="es"
# La definición se ve mejor con números: cada píxel de entrada **esparce** (*scatters*) una copia del kernel,
# multiplicada por su valor, en una ventana que avanza $s$ píxeles; donde dos copias se **solapan** (*overlap*), se
# suman. Con un kernel de unos, cada celda muestra la suma de los píxeles que la alcanzan. A la derecha, con relleno
# $p = 1$ se recorta un marco de un píxel (las celdas grises): la salida es lo que queda dentro.
#
# | $k = 3,\ s = 2$ | $k = 4,\ s = 2,\ p = 1$ |
# |---|---|
# | ![](../../figures/transposed_numbers.gif) | ![](../../figures/transposed_k4_numbers.gif) |

# %% [markdown] lang="pt"
# A definição fica mais clara com números: cada pixel de entrada **espalha** (*scatters*) uma cópia do kernel,
# multiplicada pelo seu valor, numa janela que avança $s$ pixels; onde duas cópias se **sobrepõem** (*overlap*), elas
# se somam. Com um kernel de uns, cada célula mostra a soma dos pixels que a alcançam. À direita, com preenchimento
# $p = 1$ recorta-se uma moldura de um pixel (as células cinza): a saída é o que fica dentro.
#
# | $k = 3,\ s = 2$ | $k = 4,\ s = 2,\ p = 1$ |
# |---|---|
# | ![](../../figures/transposed_numbers.gif) | ![](../../figures/transposed_k4_numbers.gif) |

# %% [markdown] lang="es"
# ## Tamaños de salida
#
# La convolución transpuesta de una convolución $(k, s, p)$ que lleva $o'$ píxeles a $i'$ vuelve de $i'$ a
#
# $$o' = s\,(i' - 1) + k - 2p + a,$$
#
# donde $a$ (*output_padding*, $0 \le a < s$) elige entre los tamaños $o'$ que la convolución con paso $s$ habría
# llevado al mismo $i'$ (relación 14 de la guía). Las relaciones 8–14 de la guía, con sus ejemplos, según
# `conv.transposed_output_size`:

# %% [markdown] lang="pt"
# ## Tamanhos de saída
#
# A convolução transposta de uma convolução $(k, s, p)$ que leva $o'$ pixels a $i'$ volta de $i'$ para
#
# $$o' = s\,(i' - 1) + k - 2p + a,$$
#
# onde $a$ (*output_padding*, $0 \le a < s$) escolhe entre os tamanhos $o'$ que a convolução com passo $s$ teria
# levado ao mesmo $i'$ (relação 14 do guia). As relações 8–14 do guia, com os seus exemplos, segundo
# `conv.transposed_output_size`:

# %%
for number, formula, rule, args, guide_size in conv.GUIDE_RELATIONSHIPS:
    if rule == "transposed":
        values = " ".join(f"{name}={value}" for name, value in args.items())
        print(T(f"{number:2d}  {formula:52s} {values:34s} o' = {conv.transposed_output_size(**args)} "
                f"(guía: {guide_size})",
                f"{number:2d}  {formula:52s} {values:34s} o' = {conv.transposed_output_size(**args)} "
                f"(guia: {guide_size})"))

# %% [markdown] lang="es"
# En Keras no se escribe $p$ sino `padding='valid'` o `'same'`:
#
# - `'valid'` (sin recorte): $o' = s\,(i' - 1) + k$ —si $k < s$, Keras añade `output_padding` para llegar a
#   $s \cdot i'$—;
# - `'same'`: $o' = s \cdot i'$, exactamente el inverso del `'same'` de `Conv2D` (que da $\lceil i/s \rceil$). Por eso
#   los generadores usan `'same'`: con paso 2, cada capa **duplica** el tamaño, sea cual sea $k$.
#
# Construimos `Conv2DTranspose` para una rejilla de casos y comparamos su forma con las fórmulas:

# %% [markdown] lang="pt"
# No Keras não se escreve $p$, e sim `padding='valid'` ou `'same'`:
#
# - `'valid'` (sem recorte): $o' = s\,(i' - 1) + k$ — se $k < s$, o Keras acrescenta `output_padding` para chegar a
#   $s \cdot i'$ —;
# - `'same'`: $o' = s \cdot i'$, exatamente o inverso do `'same'` do `Conv2D` (que dá $\lceil i/s \rceil$). Por isso
#   os geradores usam `'same'`: com passo 2, cada camada **duplica** o tamanho, seja qual for $k$.
#
# Construímos `Conv2DTranspose` para uma grade de casos e comparamos o seu formato com as fórmulas:

# %%
agree, cases = 0, 0
print("  n  k  s  valid  same   (Keras)")
for n in (3, 7):
    for k in (2, 3, 4, 5):
        for s in (1, 2, 3):
            sizes = {}
            for padding in ("valid", "same"):
                layer = keras.layers.Conv2DTranspose(1, k, strides=s, padding=padding)
                sizes[padding] = layer(np.zeros((1, n, n, 1), np.float32), training=False).shape[1]
                formula = n * s if padding == "same" else s * (n - 1) + max(k, s)
                agree += sizes[padding] == formula == conv.keras_transposed_output_size(n, k, s, padding)
                cases += 1
            if s == 2:
                print(f"{n:3d}{k:3d}{s:3d}{sizes['valid']:7d}{sizes['same']:6d}")
print(T(f"{agree} de {cases} formas de Keras coinciden con las fórmulas",
        f"{agree} de {cases} formatos do Keras coincidem com as fórmulas"))

# %% [markdown] lang="es"
# ## Artefactos de tablero de ajedrez
#
# Odena, Dumoulin y Olah (*Deconvolution and Checkerboard Artifacts*, Distill, 2016) explicaron un defecto típico
# de las imágenes generadas: un patrón de cuadritos que se repite cada pocos píxeles. La causa está en el
# **solapamiento desigual**: con kernel $k$ y paso $s$, un píxel de salida recibe $\lceil k/s \rceil$ o
# $\lfloor k/s \rfloor$ copias del kernel por eje. Si $k$ no es divisible por $s$, unos píxeles reciben más copias
# que sus vecinos.
#
# Lo vemos sin ningún aprendizaje: duplicamos una imagen 4×4 de **unos** con kernels de **unos** de tres maneras
# (las tres con el tamaño de `'same'`, 8×8):
#
# - convolución transpuesta 3×3 con paso 2 ($3$ no es divisible por $2$);
# - convolución transpuesta 4×4 con paso 2 ($4$ sí lo es);
# - **redimensionar y convolucionar** (*resize-convolution*): agrandar repitiendo cada píxel (vecino más cercano,
#   *nearest neighbour*, como `UpSampling2D`) y después una convolución 3×3 normal.

# %% [markdown] lang="pt"
# ## Artefatos de tabuleiro de xadrez
#
# Odena, Dumoulin e Olah (*Deconvolution and Checkerboard Artifacts*, Distill, 2016) explicaram um defeito típico
# das imagens geradas: um padrão quadriculado que se repete a cada poucos pixels. A causa está na **sobreposição
# desigual**: com kernel $k$ e passo $s$, um pixel de saída recebe $\lceil k/s \rceil$ ou $\lfloor k/s \rfloor$
# cópias do kernel por eixo. Se $k$ não é divisível por $s$, alguns pixels recebem mais cópias que os vizinhos.
#
# Vemos isso sem nenhum aprendizado: duplicamos uma imagem 4×4 de **uns** com kernels de **uns** de três maneiras
# (todas com o tamanho do `'same'`, 8×8):
#
# - convolução transposta 3×3 com passo 2 ($3$ não é divisível por $2$);
# - convolução transposta 4×4 com passo 2 ($4$ é);
# - **redimensionar e convolucionar** (*resize-convolution*): aumentar repetindo cada pixel (vizinho mais próximo,
#   *nearest neighbour*, como o `UpSampling2D`) e depois uma convolução 3×3 comum.

# %%
ones = np.ones((4, 4))
three = conv.conv_transpose2d(ones, np.ones((3, 3)), stride=2, padding="same")
four = conv.conv_transpose2d(ones, np.ones((4, 4)), stride=2, padding="same")
resized = conv.conv2d(transposed.upsample_nearest(ones, 2), np.ones((3, 3)), padding="same")
for name, image in [(T("3×3, paso 2", "3×3, passo 2"), three), (T("4×4, paso 2", "4×4, passo 2"), four), ("redimensionar + 3×3", resized)]:
    inner = image[1:-1, 1:-1]          # es: sin el borde | pt: sem a borda
    print(T(f"{name:20s} fila 3: {image[3].astype(int)}   interior: {inner.min():g}–{inner.max():g}   "
            f"desigualdad: {transposed.unevenness(image, 2, border=2):.2f}",
            f"{name:20s} linha 3: {image[3].astype(int)}   interior: {inner.min():g}–{inner.max():g}   "
            f"desigualdade: {transposed.unevenness(image, 2, border=2):.2f}"))

# %% [markdown] lang="es"
# `transposed.unevenness` compara la media de cada fase (fila y columna pares o impares) lejos del borde:
# $(\max - \min)/\max$, 0 si todas las fases reciben lo mismo. Con 3×3 y paso 2 los píxeles reciben 1, 2 o 4
# copias: un tablero de ajedrez aunque la entrada y el kernel sean constantes. Con 4×4 todo el interior recibe 4, y
# redimensionando, 9. Keras da el mismo tablero:

# %% [markdown] lang="pt"
# `transposed.unevenness` compara a média de cada fase (linha e coluna pares ou ímpares) longe da borda:
# $(\max - \min)/\max$, 0 se todas as fases recebem o mesmo. Com 3×3 e passo 2 os pixels recebem 1, 2 ou 4 cópias:
# um tabuleiro de xadrez mesmo com entrada e kernel constantes. Com 4×4 todo o interior recebe 4, e redimensionando,
# 9. O Keras dá o mesmo tabuleiro:

# %%
layer = keras.layers.Conv2DTranspose(1, 3, strides=2, padding="same", use_bias=False)
layer.build((1, 4, 4, 1))
layer.set_weights([np.ones((3, 3, 1, 1))])
three_keras = layer(np.ones((1, 4, 4, 1), np.float32), training=False)[0, :, :, 0].numpy()
print(T("Keras 3×3, paso 2 == conv_transpose2d:",
        "Keras 3×3, passo 2 == conv_transpose2d:"), np.allclose(three_keras, three))
transposed.plot_maps({"3×3, s = 2": three, "4×4, s = 2": four, "×2 + 3×3": resized})
plt.show()

# %% [markdown] lang="es"
# La regla vale para cualquier $k$: con paso 2, los kernels pares reparten las copias por igual y los impares no.

# %% [markdown] lang="pt"
# A regra vale para qualquer $k$: com passo 2, os kernels pares distribuem as cópias por igual e os ímpares não.

# %%
for k in (2, 3, 4, 5, 6):
    inner = transposed.overlap(k, 2, n=8)[k:-k, k:-k]
    print(T(f"k = {k}: copias por píxel {inner.min():g}–{inner.max():g}   parejo: {inner.min() == inner.max()}",
            f"k = {k}: cópias por pixel {inner.min():g}–{inner.max():g}   uniforme: {inner.min() == inner.max()}"))

# %% [markdown] lang="es"
# ### Una pila sin entrenar
#
# En un generador se apilan varias capas, y el patrón de cada una se multiplica por las siguientes. Construimos tres
# pilas de 3 capas, cada una duplicando el tamaño (4 → 32), con pesos **aleatorios** (He normal, semilla fija) y
# ReLU entre capas: como un generador antes de entrenar (`transposed.upsampling_stack`). Arriba la entrada es
# constante (una imagen "gris"), abajo es ruido aleatorio como un vector latente:

# %% [markdown] lang="pt"
# ### Uma pilha sem treinar
#
# Num gerador empilham-se várias camadas, e o padrão de cada uma é multiplicado pelas seguintes. Construímos três
# pilhas de 3 camadas, cada uma duplicando o tamanho (4 → 32), com pesos **aleatórios** (He normal, semente fixa) e
# ReLU entre as camadas: como um gerador antes de treinar (`transposed.upsampling_stack`). Em cima a entrada é
# constante (uma imagem "cinza"), embaixo é ruído aleatório, como um vetor latente:

# %%
constant = np.ones((1, 4, 4, 16), np.float32)
noise = np.random.default_rng(0).normal(size=(64, 4, 4, 16)).astype(np.float32)
fig, axes = plt.subplots(2, 3, figsize=(7.5, 5))
for column, kind in enumerate(transposed.STACK_KINDS):
    stack = transposed.upsampling_stack(kind, layers=3, channels=16, seed=0)
    flat = stack(constant, training=False).numpy()[0, :, :, 0]
    noisy = stack(noise, training=False).numpy()[..., 0]
    # es: desigualdad: periodo 8 (tres capas de paso 2) con la entrada constante; periodo 2 con ruido
    # pt: desigualdade: período 8 (três camadas de passo 2) com a entrada constante; período 2 com ruído
    print(T(f"{kind:12s} {flat.shape}  desigualdad (constante): {transposed.unevenness(flat, 8, border=8):.2f}"
            f"   (ruido, media de 64): {transposed.unevenness(np.abs(noisy).mean(axis=0), 2, border=8):.2f}",
            f"{kind:12s} {flat.shape}  desigualdade (constante): {transposed.unevenness(flat, 8, border=8):.2f}"
            f"   (ruído, média de 64): {transposed.unevenness(np.abs(noisy).mean(axis=0), 2, border=8):.2f}"))
    axes[0, column].imshow(flat, cmap="gray")
    axes[1, column].imshow(noisy[0], cmap="gray")
    axes[0, column].set_title(kind)
for ax in axes.ravel():
    ax.set_axis_off()
plt.show()

# %% [markdown] lang="es"
# Lo que muestran los números y las imágenes:
#
# - **Redimensionar + convolución** no tiene patrón por construcción: una entrada constante da una salida constante
#   lejos del borde (desigualdad 0), y con ruido las fases reciben casi lo mismo.
# - **Las dos transpuestas** dibujan una retícula incluso con pesos aleatorios. Con 4×4/paso 2 el solapamiento es
#   parejo, así que lo que queda se debe sólo a que los pesos aleatorios no están equilibrados entre las fases; el
#   entrenamiento puede corregirlo. Con 3×3/paso 2 se suma además el solapamiento desigual (1, 2, 4 copias), que
#   los pesos tienen que compensar.
#
# Odena y sus coautores recomiendan redimensionar y convolucionar; la alternativa más común en las DCGAN es elegir
# $k$ divisible por $s$.

# %% [markdown] lang="pt"
# O que os números e as imagens mostram:
#
# - **Redimensionar + convolução** não tem padrão por construção: uma entrada constante dá uma saída constante longe
#   da borda (desigualdade 0), e com ruído as fases recebem quase o mesmo.
# - **As duas transpostas** desenham uma grade mesmo com pesos aleatórios. Com 4×4/passo 2 a sobreposição é
#   uniforme, então o que sobra vem só de os pesos aleatórios não estarem equilibrados entre as fases; o treinamento
#   pode corrigir isso. Com 3×3/passo 2 soma-se ainda a sobreposição desigual (1, 2, 4 cópias), que os pesos
#   precisam compensar.
#
# Odena e coautores recomendam redimensionar e convolucionar; a alternativa mais comum nas DCGAN é escolher $k$
# divisível por $s$.

# %% [markdown] lang="es"
# ## ¿Por qué las DCGAN usan convoluciones transpuestas?
#
# Radford, Metz y Chintala (DCGAN, 2015) sustituyeron los cambios de tamaño fijos por convoluciones que se
# aprenden: en el discriminador, el agrupamiento por convoluciones con paso 2 (submuestreo aprendido); en el
# generador, el sobremuestreo fijo por **convoluciones transpuestas con paso 2** (sobremuestreo aprendido). Cada capa duplica
# el tamaño *y* decide con sus pesos cómo rellenar los píxeles nuevos.
#
# El generador del curso (lección 06) va de un vector latente de 100 números a 7×7×128, y después dos
# `Conv2DTranspose` con **kernel 4×4, paso 2 y `padding='same'`**: 7 → 14 → 28. El kernel 4×4 es divisible por el
# paso (solapamiento parejo) y `'same'` da exactamente $2n$. Este es su esqueleto (sin la normalización por lotes ni
# las ReLU, que no cambian las formas), con los tamaños que dan las fórmulas:

# %% [markdown] lang="pt"
# ## Por que as DCGAN usam convoluções transpostas?
#
# Radford, Metz e Chintala (DCGAN, 2015) substituíram as mudanças de tamanho fixas por convoluções que são
# aprendidas: no discriminador, o agrupamento por convoluções com passo 2 (subamostragem aprendida); no gerador, a
# sobreamostragem fixa por **convoluções transpostas com passo 2** (sobreamostragem aprendida). Cada camada duplica o tamanho *e* decide
# com os seus pesos como preencher os pixels novos.
#
# O gerador do curso (lição 06) vai de um vetor latente de 100 números a 7×7×128, e depois duas `Conv2DTranspose` com
# **kernel 4×4, passo 2 e `padding='same'`**: 7 → 14 → 28. O kernel 4×4 é divisível pelo passo (sobreposição
# uniforme) e `'same'` dá exatamente $2n$. Este é o seu esqueleto (sem a normalização em lote nem as ReLU, que não
# mudam os formatos), com os tamanhos que as fórmulas dão:

# %%
skeleton = keras.Sequential([
    keras.Input((100,)),
    keras.layers.Dense(7 * 7 * 128, name="dense"),
    keras.layers.Reshape((7, 7, 128), name="reshape"),
    keras.layers.Conv2DTranspose(64, 4, strides=2, padding="same", name="up_14"),
    keras.layers.Conv2DTranspose(1, 4, strides=2, padding="same", activation="tanh", name="up_28"),
], name="skeleton")
size = 7
for layer in skeleton.layers:
    shape = tuple(layer.output.shape)
    if isinstance(layer, keras.layers.Conv2DTranspose):
        size = conv.keras_transposed_output_size(size, 4, 2, "same")
        print(f"{layer.name:8s} {str(shape):20s} fórmula: {size}×{size}")
    else:
        print(f"{layer.name:8s} {str(shape):20s}")
z = np.random.default_rng(1).normal(size=(2, 100)).astype(np.float32)
print(skeleton(z, training=False).shape)

# %% [markdown] lang="es"
# Una convolución transpuesta es, por tanto, una capa convolucional más: tiene pesos, se entrena con el mismo
# `GradientTape` y su coste es el de la convolución cuyo gradiente calcula. Lo único nuevo es la dirección.

# %% [markdown] lang="pt"
# Uma convolução transposta é, portanto, só mais uma camada convolucional: tem pesos, é treinada com o mesmo
# `GradientTape` e custa o mesmo que a convolução cujo gradiente ela calcula. A única novidade é a direção.

# %% [markdown] lang="es"
# ## Ejercicios
#
# Escribe tu respuesta en lugar de `None` y ejecuta la celda: `gc.exercises.check` dice si es correcta o da una
# pista.

# %% [markdown] lang="pt"
# ## Exercícios
#
# Escreva a sua resposta no lugar de `None` e execute a célula: `gc.exercises.check` diz se está correta ou dá uma
# dica.

# %%
# es: 03.1 — la forma de la matriz de convolución C (kernel 3×3, paso 2, relleno 1, entrada 5×5)
# pt: 03.1 — o formato da matriz de convolução C (kernel 3×3, passo 2, preenchimento 1, entrada 5×5)
answer = None
gc.exercises.check("03.1", answer)

# %%
# es: 03.2 — alto de la salida de Conv2DTranspose(k=4, strides=2, padding='valid') sobre 7×7
# pt: 03.2 — altura da saída de Conv2DTranspose(k=4, strides=2, padding='valid') sobre 7×7
answer = None
gc.exercises.check("03.2", answer)

# %%
# es: 03.3 — la convolución transpuesta de [[1, 2], [3, 4]] con un kernel 2×2 de unos (un arreglo 3×3)
# pt: 03.3 — a convolução transposta de [[1, 2], [3, 4]] com um kernel 2×2 de uns (um array 3×3)
answer = None
gc.exercises.check("03.3", answer)

# %%
# es: 03.4 — kernel 5×5, paso 2: copias en el píxel más cubierto / en el menos cubierto
# pt: 03.4 — kernel 5×5, passo 2: cópias no pixel mais coberto / no menos coberto
answer = None
gc.exercises.check("03.4", answer)

# %%
# es: 03.5 — con paso 2, ¿qué kernel (3, 4 o 5) reparte las copias por igual?
# pt: 03.5 — com passo 2, qual kernel (3, 4 ou 5) distribui as cópias por igual?
answer = None
gc.exercises.check("03.5", answer)
