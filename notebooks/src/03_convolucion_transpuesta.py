"""Lesson 03: the source of both notebooks named in NAMES. Format: see tools/nbbuild.py."""
from _lang import T

NAMES = {"es": "03_convolucion_transpuesta", "pt": "03_convolucao_transposta"}

# %% [markdown] lang="es"
# # Convolución transpuesta (transposed convolution)
#
# Un clasificador reduce una imagen de 28×28 a unas pocas clases: sus convoluciones con stride 2 y su agrupamiento
# **submuestrean** (*downsampling*). El generador de una GAN hace el camino contrario: parte de un vector latente y
# tiene que terminar en una imagen de 28×28. Necesita **sobremuestrear** (*upsampling*), y la DCGAN lo hace con la
# **convolución transpuesta** (*transposed convolution*), una capa que aprende *cómo* agrandar.
#
# Seguimos de nuevo la guía de Dumoulin y Visin, *A guide to convolution arithmetic for deep learning* (2016): aquí
# entran sus relaciones 8–14.

# %% [markdown] lang="es"
# ### En esta lección
#
# 1. la convolución escrita como una **matriz** $C$ (el ejemplo de un kernel 3×3 sobre una entrada 4×4: $C$ es 4×16);
# 2. su **transpuesta** $C^\top$ (16×4): lleva 4 píxeles a 16, y es exactamente lo que calcula
#    `keras.layers.Conv2DTranspose`;
# 3. la transpuesta vista como una convolución normal sobre la entrada con ceros intercalados (las animaciones);
# 4. los tamaños de salida, comprobados contra Keras;
# 5. los **artefactos de tablero de ajedrez** (*checkerboard artifacts*): de dónde salen y qué quita (y qué no)
#    redimensionar y convolucionar, con vecino más cercano o bilineal;
# 6. por qué los generadores DCGAN del curso usan kernels 4×4 con stride 2.

# %% [markdown] lang="pt"
# # Convolução transposta (transposed convolution)
#
# Um classificador reduz uma imagem de 28×28 a poucas classes: suas convoluções com stride 2 e seu agrupamento fazem
# **subamostragem** (*downsampling*). O gerador de uma GAN faz o caminho inverso: parte de um vetor latente e precisa
# terminar numa imagem de 28×28. Ele precisa de **sobreamostragem** (*upsampling*), e a DCGAN a faz com a
# **convolução transposta** (*transposed convolution*), uma camada que aprende *como* aumentar a imagem.
#
# Seguimos de novo o guia de Dumoulin e Visin, *A guide to convolution arithmetic for deep learning* (2016): aqui
# entram as suas relações 8–14.

# %% [markdown] lang="pt"
# ### Nesta lição
#
# 1. a convolução escrita como uma **matriz** $C$ (o exemplo de um kernel 3×3 sobre uma entrada 4×4: $C$ é 4×16);
# 2. sua **transposta** $C^\top$ (16×4): leva 4 pixels a 16, e é exatamente o que calcula
#    `keras.layers.Conv2DTranspose`;
# 3. a transposta vista como uma convolução comum sobre a entrada com zeros intercalados (as animações);
# 4. os tamanhos de saída, conferidos com o Keras;
# 5. os **artefatos de tabuleiro de xadrez** (*checkerboard artifacts*): de onde vêm e o que redimensionar e
#    convolucionar, com vizinho mais próximo ou bilinear, tira (e o que não tira);
# 6. por que os geradores DCGAN do curso usam kernels 4×4 com stride 2.

# %% slideshow={"slide_type": "skip"}
import numpy as np
import matplotlib.pyplot as plt
import gan_course as gc
from gan_course import conv, keras, models, tf, transposed
from gan_course.colour_metrics import checkerboard_ratio

gc.setup(T("es", "pt"))  # es: idioma, semillas, TensorFlow silencioso | pt: idioma, sementes, TensorFlow silencioso

# %% [markdown] lang="es" slideshow={"slide_type": "notes"}
# Empieza con una pregunta: «una convolución de stride 2 lleva 28×28 a 14×14; ¿con qué operación volverías de
# 14×14 a 28×28 si quieres que la red *aprenda* cómo rellenar?». Recoge respuestas (interpolar, repetir píxeles,
# una capa con pesos) y anuncia que veremos dos: la transpuesta y redimensionar + convolucionar.

# %% [markdown] lang="pt" slideshow={"slide_type": "notes"}
# Comece com uma pergunta: “uma convolução de stride 2 leva 28×28 a 14×14; com que operação você voltaria de 14×14
# a 28×28 se quer que a rede *aprenda* como preencher?”. Recolha respostas (interpolar, repetir pixels, uma camada com
# pesos) e anuncie que veremos duas: a transposta e redimensionar + convolucionar.

# %% [markdown] lang="es"
# ## La convolución como matriz
#
# Una convolución es **lineal**: cada píxel de salida es una suma ponderada de píxeles de entrada. Si aplanamos la
# entrada $x$ de 4×4 fila por fila en un vector de 16 componentes, la convolución con un kernel 3×3 (sin relleno,
# stride 1) es un producto por la **matriz de convolución** (*convolution matrix*) $C$
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
# $x$ de 4×4 linha por linha num vetor de 16 componentes, a convolução com um kernel 3×3 (sem preenchimento, stride 1)
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
# ### Multiplicar por $C$
#
# La primera fila es el kernel desplegado sobre las filas 0–2 y columnas 0–2 de la entrada: `0 1 2` (fila 0 del
# kernel), un hueco de una columna, `2 2 0`, otro hueco, `0 1 2`. Las filas siguientes son la misma secuencia
# desplazada: una columna (el kernel se mueve a la derecha) o una fila de la entrada (el kernel baja).
#
# Multiplicar por $C$ da la misma salida que la convolución de `gan_course.conv` y que `tf.nn.conv2d`:

# %% [markdown] lang="pt"
# ### Multiplicar por $C$
#
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
# ### $C$ dibujada
#
# Dibujada, $C$ es una matriz casi vacía (*sparse*) con el mismo patrón repetido: 9 pesos por fila, 7 ceros.

# %% [markdown] lang="pt"
# ### $C$ desenhada
#
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
# convolución transpuesta no «deshace» nada: sus pesos se aprenden para dibujar.
#
# Su otro papel: es el **gradiente** de la convolución. Si $L$ depende de $y = Cx$, entonces
# $\partial L/\partial x = C^\top\, \partial L/\partial y$. Al entrenar cualquier CNN, TensorFlow ya calcula
# convoluciones transpuestas en la **retropropagación** (*backpropagation*); lo comprobamos con `tf.GradientTape`:

# %% [markdown] lang="pt"
# ### Transposta não é inversa
#
# $C^\top$ recupera o **formato** da entrada, não os seus **valores**: $C^\top C\, \operatorname{vec}(x) \neq
# \operatorname{vec}(x)$ (uma matriz 4×16 não pode ser invertida: 16 números não cabem em 4). Por isso, num gerador,
# a convolução transposta não “desfaz” nada: os seus pesos são aprendidos para desenhar.
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
# La guía de Dumoulin y Visin dibuja la convolución transpuesta como una convolución **normal, con stride 1**, sobre
# una entrada preparada:
#
# 1. entre dos píxeles de la entrada se intercalan $s - 1$ ceros (por eso también se le llama convolución con
#    *stride fraccionario* $1/s$, *fractionally-strided convolution*);
# 2. alrededor se añaden $k - p - 1$ ceros;
# 3. el kernel se gira 180°.
#
# Blancas con borde discontinuo: ceros; azules: la entrada $i'$; cian: la salida $o'$.
#
# | $i' = 2,\ k = 3,\ s = 1$ | $i' = 2,\ k = 3,\ s = 2$ |
# |---|---|
# | ![](../../figures/transposed_stride1.gif) | ![](../../figures/transposed_stride2.gif) |

# %% [markdown] lang="pt"
# ## A transposta como uma convolução
#
# O guia de Dumoulin e Visin desenha a convolução transposta como uma convolução **comum, com stride 1**, sobre uma
# entrada preparada:
#
# 1. entre dois pixels da entrada intercalam-se $s - 1$ zeros (por isso ela também é chamada de convolução com
#    *stride fracionário* $1/s$, *fractionally-strided convolution*);
# 2. em volta acrescentam-se $k - p - 1$ zeros;
# 3. o kernel é girado 180°.
#
# Brancas com borda tracejada: zeros; azuis: a entrada $i'$; ciano: a saída $o'$.
#
# | $i' = 2,\ k = 3,\ s = 1$ | $i' = 2,\ k = 3,\ s = 2$ |
# |---|---|
# | ![](../../figures/transposed_stride1.gif) | ![](../../figures/transposed_stride2.gif) |


# %% [markdown] lang="es"
# ### Con kernel 4×4 y relleno
#
# | $i' = 3,\ k = 4,\ s = 2,\ p = 1$ |
# |---|
# | ![](../../figures/transposed_k4_stride2.gif) |

# %% [markdown] lang="pt"
# ### Com kernel 4×4 e preenchimento
#
# | $i' = 3,\ k = 4,\ s = 2,\ p = 1$ |
# |---|
# | ![](../../figures/transposed_k4_stride2.gif) |

# %% [markdown] lang="es"
# ### En código
#
# `transposed.transposed_as_conv` sigue esos tres pasos; con $s = 2$ da lo mismo que la definición:

# %% [markdown] lang="pt"
# ### Em código
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
# ### Esparcir copias del kernel
#
# La definición se ve mejor con números: cada píxel de entrada **esparce** (*scatters*) una copia del kernel,
# multiplicada por su valor, en una ventana que avanza $s$ píxeles; donde dos copias se **solapan** (*overlap*), se
# suman. Con un kernel de unos, cada celda muestra la suma de los píxeles que la alcanzan. A la derecha, con relleno
# $p = 1$ se recorta un marco de un píxel (las celdas grises): la salida es lo que queda dentro.
#
# | $k = 3,\ s = 2$ | $k = 4,\ s = 2,\ p = 1$ |
# |---|---|
# | ![](../../figures/transposed_numbers.gif) | ![](../../figures/transposed_k4_numbers.gif) |

# %% [markdown] lang="pt"
# ### Espalhar cópias do kernel
#
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
# donde $a$ (*output_padding*, $0 \le a < s$) elige entre los tamaños $o'$ que la convolución con stride $s$ habría
# llevado al mismo $i'$ (relación 14 de la guía). Las relaciones 8–14 de la guía, con sus ejemplos, según
# `conv.transposed_output_size`:

# %% [markdown] lang="pt"
# ## Tamanhos de saída
#
# A convolução transposta de uma convolução $(k, s, p)$ que leva $o'$ pixels a $i'$ volta de $i'$ para
#
# $$o' = s\,(i' - 1) + k - 2p + a,$$
#
# onde $a$ (*output_padding*, $0 \le a < s$) escolhe entre os tamanhos $o'$ que a convolução com stride $s$ teria
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
# ### En Keras: `'valid'` y `'same'`
#
# En Keras no se escribe $p$ sino `padding='valid'` o `'same'`:
#
# - `'valid'` (sin recorte): $o' = s\,(i' - 1) + k$ —si $k < s$, Keras añade `output_padding` para llegar a
#   $s \cdot i'$—;
# - `'same'`: $o' = s \cdot i'$, exactamente el inverso del `'same'` de `Conv2D` (que da $\lceil i/s \rceil$). Por eso
#   los generadores usan `'same'`: con stride 2, cada capa **duplica** el tamaño, sea cual sea $k$.

# %% [markdown] lang="pt"
# ### No Keras: `'valid'` e `'same'`
#
# No Keras não se escreve $p$, e sim `padding='valid'` ou `'same'`:
#
# - `'valid'` (sem recorte): $o' = s\,(i' - 1) + k$ — se $k < s$, o Keras acrescenta `output_padding` para chegar a
#   $s \cdot i'$ —;
# - `'same'`: $o' = s \cdot i'$, exatamente o inverso do `'same'` do `Conv2D` (que dá $\lceil i/s \rceil$). Por isso
#   os geradores usam `'same'`: com stride 2, cada camada **duplica** o tamanho, seja qual for $k$.

# %% [markdown] lang="es"
# ### Keras contra las fórmulas
#
# Construimos `Conv2DTranspose` para una rejilla de casos y comparamos su forma con las fórmulas (se imprimen los
# casos de stride 2):

# %% [markdown] lang="pt"
# ### Keras contra as fórmulas
#
# Construímos `Conv2DTranspose` para uma grade de casos e comparamos o seu formato com as fórmulas (imprimem-se os
# casos de stride 2):

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
# de las imágenes generadas: un patrón de cuadritos que se repite cada pocos píxeles. Una de sus causas es el
# **solapamiento desigual** (*uneven overlap*): con kernel $k$ y stride $s$, un píxel de salida recibe
# $\lceil k/s \rceil$ o $\lfloor k/s \rfloor$ copias del kernel por eje. Si $k$ no es divisible por $s$, unos
# píxeles reciben más copias que sus vecinos.
#
# Lo vemos sin ningún aprendizaje: duplicamos una imagen 4×4 de **unos** con kernels de **unos** de tres maneras
# (las tres con el tamaño de `'same'`, 8×8):
#
# - convolución transpuesta 3×3 con stride 2 ($3$ no es divisible por $2$);
# - convolución transpuesta 4×4 con stride 2 ($4$ sí lo es);
# - **redimensionar y convolucionar** (*resize-convolution*): agrandar repitiendo cada píxel (vecino más cercano,
#   *nearest neighbour*, como `UpSampling2D`) y después una convolución 3×3 normal.

# %% [markdown] lang="pt"
# ## Artefatos de tabuleiro de xadrez
#
# Odena, Dumoulin e Olah (*Deconvolution and Checkerboard Artifacts*, Distill, 2016) explicaram um defeito típico
# das imagens geradas: um padrão quadriculado que se repete a cada poucos pixels. Uma das causas é a **sobreposição
# desigual** (*uneven overlap*): com kernel $k$ e stride $s$, um pixel de saída recebe $\lceil k/s \rceil$ ou
# $\lfloor k/s \rfloor$ cópias do kernel por eixo. Se $k$ não é divisível por $s$, alguns pixels recebem mais
# cópias que os vizinhos.
#
# Vemos isso sem nenhum aprendizado: duplicamos uma imagem 4×4 de **uns** com kernels de **uns** de três maneiras
# (todas com o tamanho do `'same'`, 8×8):
#
# - convolução transposta 3×3 com stride 2 ($3$ não é divisível por $2$);
# - convolução transposta 4×4 com stride 2 ($4$ é);
# - **redimensionar e convolucionar** (*resize-convolution*): aumentar repetindo cada pixel (vizinho mais próximo,
#   *nearest neighbour*, como o `UpSampling2D`) e depois uma convolução 3×3 comum.

# %% [markdown] lang="es"
# ### Tres maneras de duplicar
#
# `transposed.unevenness` mide la desigualdad: la media de cada **fase** (fila y columna pares o impares) lejos del
# borde, y $(\max - \min)/\max$ entre las fases; 0 si todas reciben lo mismo.

# %% [markdown] lang="pt"
# ### Três maneiras de duplicar
#
# `transposed.unevenness` mede a desigualdade: a média de cada **fase** (linha e coluna pares ou ímpares) longe da
# borda, e $(\max - \min)/\max$ entre as fases; 0 se todas recebem o mesmo.

# %%
ones = np.ones((4, 4))
three = conv.conv_transpose2d(ones, np.ones((3, 3)), stride=2, padding="same")
four = conv.conv_transpose2d(ones, np.ones((4, 4)), stride=2, padding="same")
resized = conv.conv2d(transposed.upsample_nearest(ones, 2), np.ones((3, 3)), padding="same")
for name, image in [(T("transpuesta 3×3", "transposta 3×3"), three), (T("transpuesta 4×4", "transposta 4×4"), four),
                    (T("×2 + conv. 3×3", "×2 + conv. 3×3"), resized)]:
    inner = image[1:-1, 1:-1]          # es: sin el borde | pt: sem a borda
    print(T(f"{name:16s} fila 3: {image[3].astype(int)}   interior: {inner.min():g}–{inner.max():g}   "
            f"desigualdad: {transposed.unevenness(image, 2, border=2):.2f}",
            f"{name:16s} linha 3: {image[3].astype(int)}   interior: {inner.min():g}–{inner.max():g}   "
            f"desigualdade: {transposed.unevenness(image, 2, border=2):.2f}"))

# %% [markdown] lang="es"
# ### Keras da el mismo tablero
#
# Con 3×3 y stride 2 los píxeles reciben 1, 2 o 4 copias: un tablero de ajedrez aunque la entrada y el kernel sean
# constantes. Con 4×4 todo el interior recibe 4 y, redimensionando, 9. Keras da lo mismo:

# %% [markdown] lang="pt"
# ### O Keras dá o mesmo tabuleiro
#
# Com 3×3 e stride 2 os pixels recebem 1, 2 ou 4 cópias: um tabuleiro de xadrez mesmo com entrada e kernel
# constantes. Com 4×4 todo o interior recebe 4 e, redimensionando, 9. O Keras dá o mesmo:

# %%
layer = keras.layers.Conv2DTranspose(1, 3, strides=2, padding="same", use_bias=False)
layer.build((1, 4, 4, 1))
layer.set_weights([np.ones((3, 3, 1, 1))])
three_keras = layer(np.ones((1, 4, 4, 1), np.float32), training=False)[0, :, :, 0].numpy()
print(T("Keras 3×3, stride 2 == conv_transpose2d:",
        "Keras 3×3, stride 2 == conv_transpose2d:"), np.allclose(three_keras, three))
transposed.plot_maps({"3×3, s = 2": three, "4×4, s = 2": four, "×2 + 3×3": resized})
plt.show()

# %% [markdown] lang="es"
# ### Kernel y stride: la tabla
#
# El solapamiento desigual para cada combinación de kernel y stride, con `transposed.overlap` (cuántas copias del
# kernel recibe cada píxel interior cuando la entrada y el kernel son unos) y `transposed.unevenness` (periodo = el
# stride):

# %% [markdown] lang="pt"
# ### Kernel e stride: a tabela
#
# A sobreposição desigual para cada combinação de kernel e stride, com `transposed.overlap` (quantas cópias do kernel
# cada pixel interior recebe quando a entrada e o kernel são uns) e `transposed.unevenness` (período = o stride):

# %%
print(T("kernel  stride  copias por píxel  desigualdad", "kernel  stride  cópias por pixel  desigualdade"))
for k in (3, 4, 5):
    for s in (1, 2):
        inner = transposed.overlap(k, s, n=10)[k:-k, k:-k]
        print(f"{k}×{k}     {s}       {inner.min():4g} – {inner.max():<4g}      {transposed.unevenness(inner, s):.2f}")

# %% [markdown] lang="es"
# Con stride 1 ningún kernel solapa de forma desigual; con stride 2, el 3×3 (0.75) y el 5×5 (0.56) sí, y el 4×4 no
# (0). Pero cuidado con lo que dice la tabla: un kernel divisible por el stride elimina **solo el solapamiento
# desigual**, no todo tablero de ajedrez. Los pesos aprendidos pueden fabricar otro, porque cada fase de la salida
# usa un subconjunto distinto de los pesos del kernel: si esos subconjuntos no suman lo mismo, aparece el patrón.
# Redimensionar y después convolucionar tampoco es inmune: lo medimos en la sección siguiente.

# %% [markdown] lang="pt"
# Com stride 1 nenhum kernel se sobrepõe de forma desigual; com stride 2, o 3×3 (0,75) e o 5×5 (0,56) sim, e o 4×4
# não (0). Mas atenção ao que a tabela diz: um kernel divisível pelo stride elimina **só a sobreposição desigual**,
# não todo tabuleiro de xadrez. Os pesos aprendidos podem fabricar outro, porque cada fase da saída usa um
# subconjunto diferente dos pesos do kernel: se esses subconjuntos não somam o mesmo, o padrão aparece.
# Redimensionar e depois convolucionar também não é imune: medimos isso na seção seguinte.

# %% [markdown] lang="es"
# ### Una pila sin entrenar
#
# En un generador se apilan varias capas, y el patrón de cada una se multiplica por las siguientes. Construimos tres
# pilas de 3 capas, cada una duplicando el tamaño (4 → 32), con pesos **aleatorios** (He normal, semilla fija) y
# ReLU entre capas: como un generador antes de entrenar (`transposed.upsampling_stack`). La entrada es constante
# (una imagen «gris») o ruido aleatorio, como un vector latente; medimos la desigualdad de las dos salidas:

# %% [markdown] lang="pt"
# ### Uma pilha sem treinar
#
# Num gerador empilham-se várias camadas, e o padrão de cada uma é multiplicado pelas seguintes. Construímos três
# pilhas de 3 camadas, cada uma duplicando o tamanho (4 → 32), com pesos **aleatórios** (He normal, semente fixa) e
# ReLU entre as camadas: como um gerador antes de treinar (`transposed.upsampling_stack`). A entrada é constante
# (uma imagem “cinza”) ou ruído aleatório, como um vetor latente; medimos a desigualdade das duas saídas:

# %%
constant = np.ones((1, 4, 4, 16), np.float32)
noise = np.random.default_rng(0).normal(size=(64, 4, 4, 16)).astype(np.float32)
outputs = {}
for kind in transposed.STACK_KINDS:
    stack = transposed.upsampling_stack(kind, layers=3, channels=16, seed=0)
    flat = outputs[kind, "flat"] = stack(constant, training=False).numpy()[0, :, :, 0]
    noisy = outputs[kind, "noise"] = stack(noise, training=False).numpy()[..., 0]
    # es: periodo 8 (tres capas de stride 2) con la entrada constante; periodo 2 con ruido
    # pt: período 8 (três camadas de stride 2) com a entrada constante; período 2 com ruído
    print(T(f"{transposed.stack_label(kind):34s} desigualdad (constante): {transposed.unevenness(flat, 8, border=8):.2f}"
            f"   (ruido, media de 64): {transposed.unevenness(np.abs(noisy).mean(axis=0), 2, border=8):.2f}",
            f"{transposed.stack_label(kind):38s} desigualdade (constante): {transposed.unevenness(flat, 8, border=8):.2f}"
            f"   (ruído, média de 64): {transposed.unevenness(np.abs(noisy).mean(axis=0), 2, border=8):.2f}"))

# %% [markdown] lang="es"
# ### Las tres pilas, vistas
#
# Arriba, la salida para la entrada constante; abajo, para el primer ruido:

# %% [markdown] lang="pt"
# ### As três pilhas, vistas
#
# Em cima, a saída para a entrada constante; embaixo, para o primeiro ruído:

# %%
fig, axes = plt.subplots(2, 3, figsize=(8, 4.9))
for column, kind in enumerate(transposed.STACK_KINDS):
    axes[0, column].imshow(outputs[kind, "flat"], cmap="gray")
    axes[1, column].imshow(outputs[kind, "noise"][0], cmap="gray")
    axes[0, column].set_title(transposed.stack_label(kind).replace(" + ", "\n+ "), fontsize=10)
for ax in axes.ravel():
    ax.set_axis_off()
plt.show()

# %% [markdown] lang="es"
# ### Lo que muestran
#
# - **Redimensionar + convolución**, con estos pesos aleatorios, no tiene patrón: una entrada constante da una
#   salida constante lejos del borde (desigualdad 0), y con ruido las fases reciben casi lo mismo.
# - **Las dos transpuestas** dibujan una retícula incluso con pesos aleatorios, también la de 4×4, cuyo solapamiento
#   es parejo: su patrón viene de que los pesos aleatorios no están equilibrados entre las fases. El entrenamiento
#   puede corregirlo, o no. Con 3×3 se suma además el solapamiento desigual (1, 2, 4 copias).
#
# La alternativa más común en las DCGAN es elegir $k$ divisible por $s$, que quita una causa del tablero, no todas.
# Odena y sus coautores recomiendan otra: redimensionar y convolucionar.

# %% [markdown] lang="pt"
# ### O que mostram
#
# - **Redimensionar + convolução**, com estes pesos aleatórios, não tem padrão: uma entrada constante dá uma saída
#   constante longe da borda (desigualdade 0), e com ruído as fases recebem quase o mesmo.
# - **As duas transpostas** desenham uma grade mesmo com pesos aleatórios, inclusive a de 4×4, cuja sobreposição é
#   uniforme: o padrão dela vem de os pesos aleatórios não estarem equilibrados entre as fases. O treinamento pode
#   corrigir isso, ou não. Com 3×3 soma-se ainda a sobreposição desigual (1, 2, 4 cópias).
#
# A alternativa mais comum nas DCGAN é escolher $k$ divisível por $s$, o que tira uma causa do tabuleiro, não
# todas. Odena e coautores recomendam outra: redimensionar e convolucionar.

# %% [markdown] lang="es" slideshow={"slide_type": "notes"}
# Antes de la tabla, pide que predigan en voz alta qué combinaciones de kernel y stride dan un tablero con entrada
# constante. Después de la pila sin entrenar, la pregunta clave: «si el 4×4 tiene solapamiento parejo, ¿de dónde
# sale su retícula?» (de los pesos: cada fase de la salida usa pesos distintos del kernel).

# %% [markdown] lang="pt" slideshow={"slide_type": "notes"}
# Antes da tabela, peça que prevejam em voz alta quais combinações de kernel e stride dão um tabuleiro com entrada
# constante. Depois da pilha sem treinar, a pergunta-chave: “se o 4×4 tem sobreposição uniforme, de onde vem a sua
# grade?” (dos pesos: cada fase da saída usa pesos diferentes do kernel).

# %% [markdown] lang="es"
# ## Redimensionar y convolucionar
#
# Odena, Dumoulin y Olah proponen separar las dos tareas: agrandar con una interpolación fija y después una
# convolución normal de stride 1. Su frase exacta es que ese sobremuestreo «shouldn't have artifacts as its default
# behavior»: *por defecto* no tiene artefactos, lo que no es lo mismo que *nunca*. Tras repetir cada píxel
# ($u_{2j} = u_{2j+1} = x_j$), un kernel 1-D $(w_0, w_1, w_2)$ da
#
# $$y_{2j} = w_0\,x_{j-1} + (w_1 + w_2)\,x_j, \qquad y_{2j+1} = (w_0 + w_1)\,x_j + w_2\,x_{j+1}.$$
#
# Las dos fases aplican pesos **distintos**; solo coinciden sus sumas. Una entrada constante sale constante; un borde,
# no. `transposed.phase_taps` saca esos pesos pasando impulsos por las dos operaciones:

# %% [markdown] lang="pt"
# ## Redimensionar e convolucionar
#
# Odena, Dumoulin e Olah propõem separar as duas tarefas: aumentar com uma interpolação fixa e depois uma convolução
# comum de stride 1. A frase exata deles é que essa sobreamostragem “shouldn't have artifacts as its default
# behavior”: *por padrão* não tem artefatos, o que não é o mesmo que *nunca*. Depois de repetir cada pixel
# ($u_{2j} = u_{2j+1} = x_j$), um kernel 1-D $(w_0, w_1, w_2)$ dá
#
# $$y_{2j} = w_0\,x_{j-1} + (w_1 + w_2)\,x_j, \qquad y_{2j+1} = (w_0 + w_1)\,x_j + w_2\,x_{j+1}.$$
#
# As duas fases aplicam pesos **diferentes**; só as somas coincidem. Uma entrada constante sai constante; uma borda,
# não. `transposed.phase_taps` obtém esses pesos passando impulsos pelas duas operações:

# %%
w = np.array([0.0, 1.0, -1.0])
print(T("pesos de cada fase sobre (x[j-1], x[j], x[j+1]):", "pesos de cada fase sobre (x[j-1], x[j], x[j+1]):"))
print(transposed.phase_taps(w))
for signal in (np.full(6, 0.5), np.linspace(0.0, 1.0, 6)):       # es: constante y degradado | pt: constante e degradê
    print(signal, "->", np.correlate(transposed.upsample_nearest(signal[None], 2)[0], w, mode="valid"))

# %% [markdown] lang="es"
# Con $w = (0, 1, -1)$ la fase par recibe $(0, 0)$ y la impar $(1, -1)$: la constante da ceros y un degradado
# (un borde suave) da $-0.2, 0, -0.2, 0, \dots$, el patrón más fino que cabe en la rejilla (la **frecuencia de
# Nyquist**). Un entrenamiento puede llegar a pesos así; nada en la arquitectura lo impide.

# %% [markdown] lang="pt"
# Com $w = (0, 1, -1)$ a fase par recebe $(0, 0)$ e a ímpar $(1, -1)$: a constante dá zeros e um degradê (uma borda
# suave) dá $-0{,}2, 0, -0{,}2, 0, \dots$, o padrão mais fino que cabe na grade (a **frequência de Nyquist**). Um
# treinamento pode chegar a pesos assim; nada na arquitetura impede.

# %% [markdown] lang="es"
# ### En los dígitos: vecino más cercano y bilineal
#
# Reducimos 256 dígitos de entrenamiento a 14×14 (la media de cada bloque 2×2) y los devolvemos a 28×28 con dos
# interpolaciones fijas: **vecino más cercano** y **bilineal** (*bilinear*: cada píxel nuevo mezcla sus vecinos con
# pesos 3/4 y 1/4 por eje, como `UpSampling2D(interpolation="bilinear")`). Después, la capa que seguiría en un
# generador: la convolución con $w/2$ en horizontal y una ReLU. Mide `colour_metrics.checkerboard_ratio` (la
# lección 09 la usa): potencia espectral en las frecuencias de Nyquist, dividida por la de los dígitos reales de
# 28×28 pasados por lo mismo. 1: tanto patrón fino como los datos; mucho más que 1: tablero.

# %% [markdown] lang="pt"
# ### Nos dígitos: vizinho mais próximo e bilinear
#
# Reduzimos 256 dígitos de treinamento a 14×14 (a média de cada bloco 2×2) e os devolvemos a 28×28 com duas
# interpolações fixas: **vizinho mais próximo** e **bilinear** (*bilinear*: cada pixel novo mistura os vizinhos com
# pesos 3/4 e 1/4 por eixo, como `UpSampling2D(interpolation="bilinear")`). Depois, a camada que viria em seguida
# num gerador: a convolução com $w/2$ na horizontal e uma ReLU. Quem mede é `colour_metrics.checkerboard_ratio` (a
# lição 09 a usa): potência espectral nas frequências de Nyquist, dividida pela dos dígitos reais de 28×28 passados
# pelo mesmo. 1: tanto padrão fino quanto os dados; muito mais que 1: tabuleiro.

# %%
digits = gc.data.to_float(gc.data.mnist_split("train")[0][:256])[..., 0]    # (256, 28, 28), [-1, 1]
half = digits.reshape(-1, 14, 2, 14, 2).mean(axis=(2, 4))                  # es: 14×14 | pt: 14×14
layer = np.outer([0, 1, 0], w / 2)               # es: 3×3: w/2 en la fila central | pt: 3×3: w/2 na linha central

def conv_relu(images):
    return np.maximum([conv.conv2d(image, layer, padding="same") for image in images], 0)

resizes = {T("vecino más cercano", "vizinho mais próximo"): transposed.upsample_nearest,
           T("bilineal", "bilinear"): transposed.upsample_bilinear}
big = {name: np.array([resize(image, 2) for image in half]) for name, resize in resizes.items()}
print(T("×2                    sola   + conv w/2 + ReLU", "×2                    só     + conv w/2 + ReLU"))
for name, images in big.items():
    print(f"{name:20s} {checkerboard_ratio(images, digits):6.3f}   "
          f"{checkerboard_ratio(conv_relu(images), conv_relu(digits)):6.2f}")

# %% [markdown] lang="es"
# ### TensorFlow da lo mismo
#
# `UpSampling2D` + `Conv2D` con el mismo kernel, y la desigualdad de fases de la media de las salidas:

# %% [markdown] lang="pt"
# ### O TensorFlow dá o mesmo
#
# `UpSampling2D` + `Conv2D` com o mesmo kernel, e a desigualdade de fases da média das saídas:

# %%
resize_net = keras.Sequential([keras.Input((14, 14, 1)), keras.layers.UpSampling2D(2),
                               keras.layers.Conv2D(1, 3, padding="same", use_bias=False, activation="relu")])
resize_net.layers[-1].set_weights([layer[:, :, None, None]])
tf_out = resize_net(half[..., None], training=False).numpy()[..., 0]
mine = conv_relu(big[T("vecino más cercano", "vizinho mais próximo")])
bilinear_tf = keras.layers.UpSampling2D(2, interpolation="bilinear")(half[..., None]).numpy()[..., 0]
print("UpSampling2D + Conv2D == NumPy (< 1e-6):", bool(np.abs(tf_out - mine).max() < 1e-6))
print("UpSampling2D bilinear == NumPy (< 1e-6):", bool(np.abs(bilinear_tf - big[T("bilineal", "bilinear")]).max() < 1e-6))
print(T("desigualdad de fases:", "desigualdade de fases:"), round(transposed.unevenness(mine.mean(axis=0), 2, border=2), 2),
      T("(dígitos reales con la misma capa:", "(dígitos reais com a mesma camada:"),
      f"{transposed.unevenness(conv_relu(digits).mean(axis=0), 2, border=2):.2f})")

# %% [markdown] lang="es"
# ### Un dígito, visto
#
# El original y su versión 14×14; después, la capa sobre el original (la referencia de la medida) y sobre las dos
# interpolaciones:

# %% [markdown] lang="pt"
# ### Um dígito, visto
#
# O original e a sua versão 14×14; depois, a camada sobre o original (a referência da medida) e sobre as duas
# interpolações:

# %%
panels = {"28×28": digits[0], "14×14": half[0], "28×28\n+ conv + ReLU": conv_relu(digits[:1])[0],
          **{f"{name}\n+ conv + ReLU": conv_relu(images[:1])[0] for name, images in big.items()}}
fig, axes = plt.subplots(1, 5, figsize=(10, 2.6))
for ax, (title, image) in zip(axes, panels.items()):
    ax.imshow(image, cmap="gray", interpolation="nearest")
    ax.set_title(title, fontsize=10)
    ax.set_axis_off()
plt.show()

# %% [markdown] lang="es"
# ### Qué quita y qué no
#
# - **Sin pesos**, las dos interpolaciones no añaden tablero: el vecino más cercano no pone nada en la línea de
#   Nyquist (cada par de píxeles repetidos se cancela) y la bilineal casi nada; las dos son más lisas que los
#   dígitos de 28×28 (cociente ≪ 1).
# - **Con $w = (0, 1, -1)/2$**, el vecino más cercano da unas 3.5 veces la potencia de Nyquist de los dígitos reales
#   con la misma capa, y una de las dos fases queda a cero (desigualdad 1; los reales, 0.02): rayas de un píxel. La bilineal, que ya mezcla vecinos antes
#   de la convolución, la baja muy por debajo de 1.
#
# Redimensionar y convolucionar quita el solapamiento desigual **por construcción** y no tiene tablero con pesos
# aleatorios; no lo prohíbe. Cuando un generador así lo dibuja, el culpable son los pesos aprendidos.

# %% [markdown] lang="pt"
# ### O que tira e o que não tira
#
# - **Sem pesos**, as duas interpolações não acrescentam tabuleiro: o vizinho mais próximo não põe nada na linha de
#   Nyquist (cada par de pixels repetidos se cancela) e a bilinear quase nada; as duas são mais lisas que os dígitos
#   de 28×28 (razão ≪ 1).
# - **Com $w = (0, 1, -1)/2$**, o vizinho mais próximo dá cerca de 3,5 vezes a potência de Nyquist dos dígitos reais
#   com a mesma camada, e uma das duas fases fica zerada (desigualdade 1; os reais, 0,02): listras de um pixel. A bilinear, que já mistura vizinhos antes da
#   convolução, a deixa bem abaixo de 1.
#
# Redimensionar e convolucionar tira a sobreposição desigual **por construção** e não tem tabuleiro com pesos
# aleatórios; não o proíbe. Quando um gerador assim o desenha, os culpados são os pesos aprendidos.

# %% [markdown] lang="es" slideshow={"slide_type": "notes"}
# ¿Por qué la ReLU? Sin ella, en una sola capa lineal la diferencia entre fases $y_{2j} - y_{2j+1}$ es una suma de
# diferencias de la entrada que se telescopa a lo largo de la fila: la línea exacta de Nyquist solo ve los bordes
# de la imagen, y el patrón cae en frecuencias vecinas. En un generador cada convolución va seguida de una
# activación, que deja el patrón a la vista de la medida. Pregunta a la clase qué pesos $(w_0, w_1, w_2)$ dan a las
# dos fases los mismos pesos (solo $w_0 = w_2 = 0$: una convolución que no mira a los vecinos).

# %% [markdown] lang="pt" slideshow={"slide_type": "notes"}
# Por que a ReLU? Sem ela, numa única camada linear a diferença entre as fases $y_{2j} - y_{2j+1}$ é uma soma de
# diferenças da entrada que se telescopa ao longo da linha: a linha exata de Nyquist só vê as bordas da imagem, e o
# padrão cai em frequências vizinhas. Num gerador, cada convolução é seguida de uma ativação, que deixa o padrão à
# vista da medida. Pergunte à turma quais pesos $(w_0, w_1, w_2)$ dão às duas fases os mesmos pesos (só
# $w_0 = w_2 = 0$: uma convolução que não olha para os vizinhos).

# %% [markdown] lang="es"
# ## ¿Por qué las DCGAN usan convoluciones transpuestas?
#
# Radford, Metz y Chintala (DCGAN, ICLR 2016) sustituyeron los cambios de tamaño fijos por convoluciones que se
# aprenden: en el discriminador, el agrupamiento por convoluciones con stride 2 (submuestreo aprendido); en el
# generador, el sobremuestreo fijo por **convoluciones transpuestas con stride 2** (sobremuestreo aprendido). Cada
# capa duplica el tamaño *y* decide con sus pesos cómo rellenar los píxeles nuevos.

# %% [markdown] lang="pt"
# ## Por que as DCGAN usam convoluções transpostas?
#
# Radford, Metz e Chintala (DCGAN, ICLR 2016) substituíram as mudanças de tamanho fixas por convoluções que são
# aprendidas: no discriminador, o agrupamento por convoluções com stride 2 (subamostragem aprendida); no gerador, a
# sobreamostragem fixa por **convoluções transpostas com stride 2** (sobreamostragem aprendida). Cada camada duplica
# o tamanho *e* decide com os seus pesos como preencher os pixels novos.

# %% [markdown] lang="es"
# ### El esqueleto del generador
#
# El generador del curso (lección 06) va de un vector latente de 100 números a 7×7×128, y después dos
# `Conv2DTranspose` con **kernel 4×4, stride 2 y `padding='same'`**: 7 → 14 → 28. El kernel 4×4 es divisible por el
# stride (no hay solapamiento desigual) y `'same'` da exactamente $2n$. Este es su esqueleto (sin la normalización por lotes ni
# las ReLU, que no cambian las formas), con los tamaños que dan las fórmulas:

# %% [markdown] lang="pt"
# ### O esqueleto do gerador
#
# O gerador do curso (lição 06) vai de um vetor latente de 100 números a 7×7×128, e depois duas `Conv2DTranspose` com
# **kernel 4×4, stride 2 e `padding='same'`**: 7 → 14 → 28. O kernel 4×4 é divisível pelo stride (não há
# sobreposição desigual) e `'same'` dá exatamente $2n$. Este é o seu esqueleto (sem a normalização em lote nem as ReLU, que não
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
# ## Ejercicios
#
# Escribe tu respuesta en lugar de `None` y ejecuta: el comprobador dice si es correcta o da una pista.
#
# 1. Kernel 3×3, stride 2, relleno 1, entrada 5×5: ¿qué forma `(filas, columnas)` tiene su matriz $C$?
# 2. `Conv2DTranspose` con kernel 4×4, `strides=2`, `padding='valid'`, sobre un mapa 7×7: ¿qué alto da?

# %% [markdown] lang="pt"
# ## Exercícios
#
# Escreva a sua resposta no lugar de `None` e execute: o verificador diz se está correta ou dá uma dica.
#
# 1. Kernel 3×3, stride 2, preenchimento 1, entrada 5×5: qual é o formato `(linhas, colunas)` da sua matriz $C$?
# 2. `Conv2DTranspose` com kernel 4×4, `strides=2`, `padding='valid'`, sobre um mapa 7×7: que altura dá?

# %%
answer = None  # es: 03.1, (filas, columnas) | pt: 03.1, (linhas, colunas)
gc.exercises.check("03.1", answer)

# %%
answer = None  # es: 03.2, tu respuesta | pt: 03.2, sua resposta
gc.exercises.check("03.2", answer)

# %% [markdown] lang="es"
# ### Tres preguntas sobre las copias del kernel
#
# 3. La transpuesta de `[[1, 2], [3, 4]]` con un kernel 2×2 de unos, stride 1, sin relleno: un arreglo 3×3.
# 4. Kernel 5×5 de unos, stride 2, una imagen de unos: lejos del borde, ¿cuántas veces más copias del kernel recibe
#    el píxel más cubierto que el menos cubierto (mayor / menor)?
# 5. Con stride 2, ¿qué tamaño de kernel (3, 4 o 5) reparte las copias por igual en el interior?

# %% [markdown] lang="pt"
# ### Três perguntas sobre as cópias do kernel
#
# 3. A transposta de `[[1, 2], [3, 4]]` com um kernel 2×2 de uns, stride 1, sem preenchimento: um array 3×3.
# 4. Kernel 5×5 de uns, stride 2, uma imagem de uns: longe da borda, quantas vezes mais cópias do kernel recebe o
#    pixel mais coberto do que o menos coberto (maior / menor)?
# 5. Com stride 2, qual tamanho de kernel (3, 4 ou 5) distribui as cópias por igual no interior?

# %%
answer = None  # es: 03.3, un arreglo 3×3 | pt: 03.3, um array 3×3
gc.exercises.check("03.3", answer)

# %%
answer = None  # es: 03.4, tu respuesta | pt: 03.4, sua resposta
gc.exercises.check("03.4", answer)

# %%
answer = None  # es: 03.5, 3, 4 o 5 | pt: 03.5, 3, 4 ou 5
gc.exercises.check("03.5", answer)

# %% [markdown] lang="es"
# ### Programar: contar copias
#
# 6. Completa `overlap_count(k, s, n)` **sin** `conv_transpose2d` ni `transposed.overlap`: una imagen $n \times n$ de
#    unos y un kernel $k \times k$ de unos, stride $s$, sin relleno. Cada píxel de entrada esparce una ventana
#    $k \times k$ de unos que empieza en $(s \cdot i, s \cdot j)$; devuelve el mapa de copias, de lado
#    $s(n - 1) + k$. Pasa la **función** como respuesta.

# %% [markdown] lang="pt"
# ### Programar: contar cópias
#
# 6. Complete `overlap_count(k, s, n)` **sem** `conv_transpose2d` nem `transposed.overlap`: uma imagem $n \times n$
#    de uns e um kernel $k \times k$ de uns, stride $s$, sem preenchimento. Cada pixel de entrada espalha uma janela
#    $k \times k$ de uns que começa em $(s \cdot i, s \cdot j)$; devolva o mapa de cópias, de lado $s(n - 1) + k$.
#    Passe a **função** como resposta.

# %%
def overlap_count(k, s, n):
    side = s * (n - 1) + k
    counts = np.zeros((side, side))
    return counts  # es: cámbialo: suma 1 en la ventana de cada píxel de entrada
                   # pt: troque: some 1 na janela de cada pixel de entrada

answer = None  # es: overlap_count, sin paréntesis | pt: overlap_count, sem parênteses
gc.exercises.check("03.6", answer)

# %% [markdown] lang="es"
# ### Experimento: un generador con kernels 3×3
#
# 7. Construye `models.dcgan_generator(kernel_size=k)` tras `gc.seed_everything(0)`, para $k = 3$ y $k = 4$; genera
#    64 imágenes con el `z` de la celda (`training=True`) y mide
#    `transposed.unevenness(np.abs(images).mean(axis=0), 2, border=4)` sobre las imágenes 28×28. Una tupla
#    `(desigualdad con 3×3, desigualdad con 4×4)`. ¿Quita el kernel 4×4 el tablero de un generador sin entrenar?

# %% [markdown] lang="pt"
# ### Experimento: um gerador com kernels 3×3
#
# 7. Construa `models.dcgan_generator(kernel_size=k)` depois de `gc.seed_everything(0)`, para $k = 3$ e $k = 4$;
#    gere 64 imagens com o `z` da célula (`training=True`) e meça
#    `transposed.unevenness(np.abs(images).mean(axis=0), 2, border=4)` sobre as imagens 28×28. Uma tupla
#    `(desigualdade com 3×3, desigualdade com 4×4)`. O kernel 4×4 tira o tabuleiro de um gerador sem treinar?

# %%
z = np.random.default_rng(0).normal(size=(64, 100)).astype(np.float32)

def generator_unevenness(kernel_size):
    gc.seed_everything(0)
    G = models.dcgan_generator(kernel_size=kernel_size)
    return G  # es: cámbialo: genera las imágenes y mide su desigualdad | pt: troque: gere as imagens e meça a desigualdade

answer = None  # es: (generator_unevenness(3), generator_unevenness(4))
               # pt: (generator_unevenness(3), generator_unevenness(4))
gc.exercises.check("03.7", answer)

# %% [markdown] lang="es" slideshow={"slide_type": "notes"}
# El ejercicio 7 suele dar dos números parecidos y altos: un generador sin entrenar tiene tablero con cualquier
# kernel. Úsalo para repetir la idea de la lección: el 4×4 quita el solapamiento desigual, no el patrón que traen
# los pesos; lo que decide al final es el entrenamiento. Redimensionar + convolucionar tampoco da garantía: recuerda
# el contraejemplo $w = (0, 1, -1)$.

# %% [markdown] lang="pt" slideshow={"slide_type": "notes"}
# O exercício 7 costuma dar dois números parecidos e altos: um gerador sem treinar tem tabuleiro com qualquer kernel.
# Use isso para repetir a ideia da lição: o 4×4 tira a sobreposição desigual, não o padrão que vem dos pesos; o que
# decide no fim é o treinamento. Redimensionar + convolucionar também não dá garantia: lembre o contraexemplo
# $w = (0, 1, -1)$.

# %% [markdown] lang="es"
# ### Programar: los pesos de cada fase
#
# 8. Completa `phase_weights(w)` **sin** `transposed.phase_taps`: tras `u = np.repeat(x, 2)`, el kernel 1-D
#    $w = (w_0, w_1, w_2)$ se aplica con `np.correlate(u, w, mode="same")`. Devuelve un arreglo 2×3: la fila $p$ son
#    los pesos que la salida $2j + p$ da a $(x_{j-1}, x_j, x_{j+1})$. Pasa la **función** como respuesta.

# %% [markdown] lang="pt"
# ### Programar: os pesos de cada fase
#
# 8. Complete `phase_weights(w)` **sem** `transposed.phase_taps`: depois de `u = np.repeat(x, 2)`, o kernel 1-D
#    $w = (w_0, w_1, w_2)$ é aplicado com `np.correlate(u, w, mode="same")`. Devolva um array 2×3: a linha $p$ são os
#    pesos que a saída $2j + p$ dá a $(x_{j-1}, x_j, x_{j+1})$. Passe a **função** como resposta.

# %%
def phase_weights(w):
    w0, w1, w2 = w
    return np.array([[w0, w1, w2], [w0, w1, w2]])  # es: cámbialo: ¿es verdad que las dos fases ven lo mismo?
                                                    # pt: troque: é verdade que as duas fases veem o mesmo?

answer = None  # es: phase_weights, sin paréntesis | pt: phase_weights, sem parênteses
gc.exercises.check("03.8", answer)

# %% [markdown] lang="es"
# ## Siguiente
#
# Una convolución transpuesta es, por tanto, una capa convolucional más: tiene pesos, se entrena con el mismo
# `GradientTape` y su coste es el de la convolución cuyo gradiente calcula. Lo único nuevo es la dirección.
#
# La lección 04 deja las imágenes por un momento y estudia el objetivo de la GAN: qué optimizan el generador y el
# discriminador, y por qué.

# %% [markdown] lang="pt"
# ## Próxima
#
# Uma convolução transposta é, portanto, só mais uma camada convolucional: tem pesos, é treinada com o mesmo
# `GradientTape` e custa o mesmo que a convolução cujo gradiente ela calcula. A única novidade é a direção.
#
# A lição 04 deixa as imagens por um momento e estuda o objetivo da GAN: o que o gerador e o discriminador otimizam,
# e por quê.
