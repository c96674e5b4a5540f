"""Lesson 02: the source of both notebooks named in NAMES. Format: see tools/nbbuild.py."""
from _lang import T

NAMES = {"es": "02_convolucion_stride_padding_pooling", "pt": "02_convolucao_stride_padding_pooling"}

# %% [markdown] lang="es"
# # Convolución, stride, relleno (padding) y agrupamiento (pooling)
#
# En la lección 01 una capa `Conv2D` extraía características de los dígitos. Aquí la abrimos por dentro:
#
# 1. la **convolución** (*convolution*) calculada a mano sobre una matriz pequeña, y después con `gan_course.conv` y
#    con TensorFlow: los mismos números;
# 2. filtros de bordes y de desenfoque sobre un dígito real, y las activaciones ReLU y LeakyReLU;
# 3. el **stride** (cuántos píxeles avanza el kernel) y el **relleno** (*padding*): la fórmula del tamaño de
#    salida, comprobada contra Keras;
# 4. qué hace `padding='same'` (también con stride 2);
# 5. el **agrupamiento** (*pooling*) máximo y promedio;
# 6. los cuatro hiperparámetros de una capa convolucional y su número de parámetros.
#
# Ejemplos y fórmulas siguen la guía de Dumoulin y Visin, *A guide to convolution arithmetic for deep learning*
# (2016): aquí, sus relaciones 1–7 y 15; la lección 03, las 8–14 (la convolución transpuesta).

# %% [markdown] lang="pt"
# # Convolução, stride, preenchimento (padding) e agrupamento (pooling)
#
# Na lição 01 uma camada `Conv2D` extraía características dos dígitos. Aqui olhamos por dentro dela:
#
# 1. a **convolução** (*convolution*) calculada à mão sobre uma matriz pequena, e depois com `gan_course.conv` e com
#    o TensorFlow: os mesmos números;
# 2. filtros de bordas e de desfoque sobre um dígito real, e as ativações ReLU e LeakyReLU;
# 3. o **stride** (quantos pixels o kernel avança) e o **preenchimento** (*padding*): a fórmula do tamanho de
#    saída, conferida com o Keras;
# 4. o que faz `padding='same'` (também com stride 2);
# 5. o **agrupamento** (*pooling*) máximo e médio;
# 6. os quatro hiperparâmetros de uma camada convolucional e o seu número de parâmetros.
#
# Exemplos e fórmulas seguem o guia de Dumoulin e Visin, *A guide to convolution arithmetic for deep learning*
# (2016): aqui, as suas relações 1–7 e 15; na lição 03, as 8–14 (a convolução transposta).

# %% slideshow={"slide_type": "skip"}
import numpy as np
import matplotlib.pyplot as plt
import gan_course as gc
from gan_course import conv, data, keras, tf

gc.setup(T("es", "pt"))  # es: idioma, semillas, TensorFlow silencioso | pt: idioma, sementes, TensorFlow silencioso

# %% [markdown] lang="es" slideshow={"slide_type": "notes"}
# Antes de la primera celda, haz la cuenta de la esquina en la pizarra con la clase: nueve productos y una suma.
# Cuando el número salga en pantalla, pregunta cuántas posiciones caben en una fila de 5 con un kernel de 3 (tres)
# y deja que deduzcan la fórmula $i - k + 1$ antes de enseñarla.

# %% [markdown] lang="pt" slideshow={"slide_type": "notes"}
# Antes da primeira célula, faça a conta do canto no quadro com a turma: nove produtos e uma soma. Quando o número
# aparecer na tela, pergunte quantas posições cabem numa linha de 5 com um kernel de 3 (três) e deixe que deduzam a
# fórmula $i - k + 1$ antes de mostrá-la.

# %% [markdown] lang="es"
# ## La convolución a mano
#
# Un **kernel** o **filtro** (*kernel*, *filter*) $w$ de $k \times k$ pesos se desliza sobre la entrada $x$. En cada
# posición se multiplican, elemento a elemento, el kernel y la ventana de la entrada que cubre, y se suman los
# productos: ese número es un píxel del **mapa de características** (*feature map*) de salida.
#
# $$y_{i,j} = \sum_{a=0}^{k-1} \sum_{b=0}^{k-1} x_{i+a,\; j+b}\; w_{a,b}$$
#
# ![Un kernel 3×3 recorre una entrada 4×4 sin relleno y con stride 1: la salida es 2×2](../../figures/conv_no_padding.gif)

# %% [markdown] lang="es"
# ### La esquina superior izquierda
#
# La entrada 5×5 y el kernel 3×3 de la figura 1.1 de la guía de Dumoulin y Visin:

# %% [markdown] lang="pt"
# ## A convolução à mão
#
# Um **kernel** ou **filtro** (*kernel*, *filter*) $w$ de $k \times k$ pesos desliza sobre a entrada $x$. Em cada
# posição, o kernel e a janela da entrada que ele cobre são multiplicados elemento a elemento, e os produtos são
# somados: esse número é um pixel do **mapa de características** (*feature map*) de saída.
#
# $$y_{i,j} = \sum_{a=0}^{k-1} \sum_{b=0}^{k-1} x_{i+a,\; j+b}\; w_{a,b}$$
#
# ![Um kernel 3×3 percorre uma entrada 4×4 sem preenchimento e com stride 1: a saída é 2×2](../../figures/conv_no_padding.gif)

# %% [markdown] lang="pt"
# ### O canto superior esquerdo
#
# A entrada 5×5 e o kernel 3×3 da figura 1.1 do guia de Dumoulin e Visin:

# %%
x = np.array([[3, 3, 2, 1, 0],
              [0, 0, 1, 3, 1],
              [3, 1, 2, 2, 3],
              [2, 0, 0, 2, 2],
              [2, 0, 0, 0, 1]])
w = np.array([[0, 1, 2],
              [2, 2, 0],
              [0, 1, 2]])

window = x[0:3, 0:3]           # es: la ventana de la esquina superior izquierda
                               # pt: a janela do canto superior esquerdo
print(window * w)              # es: productos elemento a elemento | pt: produtos elemento a elemento
print(T("suma =", "soma ="), (window * w).sum())

# %% [markdown] lang="es"
# ### Todas las posiciones
#
# Repetimos la cuenta en cada posición posible del kernel: en una entrada de $i$ píxeles caben $i - k + 1$
# posiciones por eje (la relación 1 de la guía).
#
# ![La misma entrada y el mismo kernel, posición por posición](../../figures/conv_numbers.gif)

# %% [markdown] lang="pt"
# ### Todas as posições
#
# Repetimos a conta em cada posição possível do kernel: numa entrada de $i$ pixels cabem $i - k + 1$ posições por
# eixo (a relação 1 do guia).
#
# ![A mesma entrada e o mesmo kernel, posição por posição](../../figures/conv_numbers.gif)

# %%
k = w.shape[0]
o = x.shape[0] - k + 1          # es: posiciones del kernel por eje | pt: posições do kernel por eixo
y = np.zeros((o, o), dtype=int)
for i in range(o):
    for j in range(o):
        y[i, j] = (x[i:i + k, j:j + k] * w).sum()
print(y)

# %% [markdown] lang="es"
# ### El mismo cálculo con `gc.conv.conv2d` y con TensorFlow
#
# `gc.conv.conv2d` es la misma suma escrita para lotes y canales (léela en `gan_course/conv.py`). TensorFlow pide
# la entrada en formato NHWC (lote, alto, ancho, canales) y el kernel como (alto, ancho, canales de entrada,
# canales de salida).
#
# Un detalle: en matemáticas la convolución **voltea** el kernel; lo que calculan TensorFlow, PyTorch y todos los
# frameworks es la **correlación cruzada** (*cross-correlation*), sin voltear. Como los pesos se aprenden, da igual:
# la red aprende el kernel ya volteado. En el curso, «convolución» significa lo que calcula TensorFlow.

# %% [markdown] lang="pt"
# ### O mesmo cálculo com `gc.conv.conv2d` e com o TensorFlow
#
# `gc.conv.conv2d` é a mesma soma escrita para lotes e canais (leia-a em `gan_course/conv.py`). O TensorFlow pede a
# entrada no formato NHWC (lote, altura, largura, canais) e o kernel como (altura, largura, canais de entrada,
# canais de saída).
#
# Um detalhe: na matemática a convolução **inverte** o kernel; o que o TensorFlow, o PyTorch e todos os frameworks
# calculam é a **correlação cruzada** (*cross-correlation*), sem inverter. Como os pesos são aprendidos, tanto faz:
# a rede aprende o kernel já invertido. No curso, “convolução” significa o que o TensorFlow calcula.

# %%
y_lib = conv.conv2d(x, w)
x_tf = tf.constant(x[None, :, :, None], tf.float32)   # (N, H, W, C) = (1, 5, 5, 1)
w_tf = tf.constant(w[:, :, None, None], tf.float32)   # (kh, kw, C_in, C_out) = (3, 3, 1, 1)
y_tf = tf.nn.conv2d(x_tf, w_tf, strides=1, padding="VALID")[0, :, :, 0].numpy()
print(y_lib)
print(y_tf)
print(T("a mano == conv2d:", "à mão == conv2d:"), np.array_equal(y, y_lib), T("| a mano == TensorFlow:", "| à mão == TensorFlow:"), np.array_equal(y, y_tf))

# %% [markdown] lang="es"
# ## Filtros sobre un dígito
#
# Con kernels elegidos a mano se ve qué clase de características extrae una convolución:
#
# - **bordes verticales** (kernel de Sobel): derecha menos izquierda, positivo donde la imagen se aclara hacia la
#   derecha;
# - **bordes horizontales**: abajo menos arriba;
# - **desenfoque** (*blur*): la media de una ventana 5×5.

# %% [markdown] lang="es"
# ### Un kernel de bordes recorre el dígito
#
# ![Un kernel de bordes recorre un dígito y va escribiendo el mapa de características](../../figures/conv_digit.gif)

# %% [markdown] lang="pt"
# ## Filtros sobre um dígito
#
# Com kernels escolhidos à mão dá para ver que tipo de característica uma convolução extrai:
#
# - **bordas verticais** (kernel de Sobel): direita menos esquerda, positivo onde a imagem clareia para a direita;
# - **bordas horizontais**: embaixo menos em cima;
# - **desfoque** (*blur*): a média de uma janela 5×5.

# %% [markdown] lang="pt"
# ### Um kernel de bordas percorre o dígito
#
# ![Um kernel de bordas percorre um dígito e vai escrevendo o mapa de características](../../figures/conv_digit.gif)

# %% [markdown] lang="es"
# ### Los tres mapas
#
# Aplicamos los tres kernels con `padding="same"` (la salida conserva el tamaño; se explica más abajo) a un 3
# escalado a $[0, 1]$, para que los ceros del relleno coincidan con el fondo negro (en $[-1, 1]$, el fondo del curso,
# dibujarían un marco gris):

# %% [markdown] lang="pt"
# ### Os três mapas
#
# Aplicamos os três kernels com `padding="same"` (a saída conserva o tamanho; explicado mais adiante) a um 3
# escalado para $[0, 1]$, para que os zeros do preenchimento coincidam com o fundo preto (em $[-1, 1]$, o fundo do
# curso, desenhariam uma moldura cinza):

# %%
images, labels = data.load_mnist("bundled")
digit = images[labels == 3][0] / 255.0        # es: (28, 28) en [0, 1] | pt: (28, 28) em [0, 1]
kernels = {
    T("bordes verticales", "bordas verticais"): np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]]),
    T("bordes horizontales", "bordas horizontais"): np.array([[-1, -2, -1], [0, 0, 0], [1, 2, 1]]),
    T("desenfoque", "desfoque"): np.ones((5, 5)) / 25,
}
maps = {name: conv.conv2d(digit, kernel, padding="same") for name, kernel in kernels.items()}
for name, m in maps.items():
    print(f"{name:20s} {m.shape}  mín {m.min():+.3f}  máx {m.max():+.3f}")

# %% [markdown] lang="es"
# ### Los mapas, en colores
#
# En rojo los valores positivos, en azul los negativos:

# %% [markdown] lang="pt"
# ### Os mapas, em cores
#
# Em vermelho os valores positivos, em azul os negativos:

# %%
fig, axes = plt.subplots(1, 4, figsize=(10, 2.9))
axes[0].imshow(digit, cmap="gray")
axes[0].set_title("dígito")
for ax, (name, m) in zip(axes[1:], maps.items()):
    limit = np.abs(m).max()
    ax.imshow(m, cmap="RdBu_r", vmin=-limit, vmax=limit)
    ax.set_title(name)
for ax in axes:
    ax.set_axis_off()
plt.show()

# %% [markdown] lang="es"
# ### Keras da los mismos mapas
#
# Una capa `Conv2D` de Keras con esos mismos pesos (y sin sesgo) da los mismos mapas:

# %% [markdown] lang="pt"
# ### O Keras dá os mesmos mapas
#
# Uma camada `Conv2D` do Keras com esses mesmos pesos (e sem viés) dá os mesmos mapas:

# %%
for name, kernel in kernels.items():
    layer = keras.layers.Conv2D(1, kernel.shape, padding="same", use_bias=False)
    layer.build((1, 28, 28, 1))
    layer.set_weights([kernel[:, :, None, None]])
    keras_map = layer(digit[None, :, :, None], training=False)[0, :, :, 0].numpy()
    print(f"{name:20s} Keras == conv2d: {np.allclose(keras_map, maps[name], atol=1e-5)}")

# %% [markdown] lang="es"
# ### ReLU
#
# Una capa convolucional suma un **sesgo** por filtro y aplica una **función de activación** (*activation
# function*); la más común es $\mathrm{ReLU}(z) = \max(0, z)$. Tras la ReLU, el mapa de bordes verticales conserva
# solo las respuestas positivas: los bordes izquierdos de los trazos (oscuro → claro hacia la derecha).

# %% [markdown] lang="pt"
# ### ReLU
#
# Uma camada convolucional soma um **viés** por filtro e aplica uma **função de ativação** (*activation function*);
# a mais comum é $\mathrm{ReLU}(z) = \max(0, z)$. Depois da ReLU, o mapa de bordas verticais conserva só as
# respostas positivas: as bordas esquerdas dos traços (escuro → claro para a direita).

# %%
edges = maps[T("bordes verticales", "bordas verticais")]
relu = np.maximum(0, edges)
print(T("ReLU a mano == Keras:", "ReLU à mão == Keras:"), np.allclose(relu, keras.activations.relu(edges).numpy()))
print(T(f"píxeles negativos: antes {np.mean(edges < 0):.3f}, después {np.mean(relu < 0):.3f}",
        f"pixels negativos: antes {np.mean(edges < 0):.3f}, depois {np.mean(relu < 0):.3f}"))
fig, axes = plt.subplots(1, 2, figsize=(5, 2.8))
limit = np.abs(edges).max()
for ax, m, title in zip(axes, (edges, relu), ("conv", "ReLU(conv)")):
    ax.imshow(m, cmap="RdBu_r", vmin=-limit, vmax=limit)
    ax.set_title(title)
    ax.set_axis_off()
plt.show()

# %% [markdown] lang="es"
# ### LeakyReLU
#
# La ReLU anula toda respuesta negativa, y con ella su gradiente: una neurona que solo recibe negativos deja de
# aprender. La **LeakyReLU** (*leaky ReLU*, «ReLU con fuga») deja pasar una fracción $\alpha$ de los negativos, la
# **pendiente negativa** (*negative slope*):
#
# $$\mathrm{LeakyReLU}(z) = \begin{cases} z & \text{si } z > 0 \\ \alpha\, z & \text{si } z \le 0 \end{cases}$$
#
# El discriminador de una DCGAN la usa en todas sus capas con $\alpha = 0.2$ (Radford et al., 2016): así también
# llega gradiente desde lo que rechaza, y D se lo pasa al generador. En Keras es
# `keras.layers.LeakyReLU(negative_slope=0.2)`; ojo, su valor por defecto es otro:

# %% [markdown] lang="pt"
# ### LeakyReLU
#
# A ReLU anula toda resposta negativa, e com ela o seu gradiente: um neurônio que só recebe negativos para de
# aprender. A **LeakyReLU** (*leaky ReLU*, “ReLU com vazamento”) deixa passar uma fração $\alpha$ dos negativos, a
# **inclinação negativa** (*negative slope*):
#
# $$\mathrm{LeakyReLU}(z) = \begin{cases} z & \text{se } z > 0 \\ \alpha\, z & \text{se } z \le 0 \end{cases}$$
#
# O discriminador de uma DCGAN a usa em todas as camadas com $\alpha = 0{,}2$ (Radford et al., 2016): assim também
# chega gradiente a partir do que ele rejeita, e D o repassa ao gerador. No Keras é
# `keras.layers.LeakyReLU(negative_slope=0.2)`; atenção, o valor padrão é outro:

# %%
alpha = 0.2
z = np.linspace(-3.0, 3.0, 7)
leaky = np.where(z > 0, z, alpha * z)                          # es: la fórmula, a mano | pt: a fórmula, à mão
leaky_keras = keras.layers.LeakyReLU(negative_slope=alpha)(z.astype(np.float32), training=False).numpy()
print("z =", z, "->", leaky)
print(T("a mano == keras.layers.LeakyReLU(negative_slope=0.2):",
        "à mão == keras.layers.LeakyReLU(negative_slope=0.2):"), np.allclose(leaky, leaky_keras))
print(T("pendiente negativa por defecto de Keras:",
        "inclinação negativa padrão do Keras:"), keras.layers.LeakyReLU().negative_slope)

# %% [markdown] lang="es"
# ### Las dos curvas
#
# A la izquierda del cero, la ReLU es plana (gradiente 0) y la LeakyReLU conserva una pendiente $\alpha$:

# %% [markdown] lang="pt"
# ### As duas curvas
#
# À esquerda do zero, a ReLU é plana (gradiente 0) e a LeakyReLU mantém uma inclinação $\alpha$:

# %%
grid = np.linspace(-3.0, 3.0, 121)
fig, ax = plt.subplots(figsize=(5, 2.6))
ax.plot(grid, np.maximum(0, grid), lw=2, label="ReLU")
ax.plot(grid, np.where(grid > 0, grid, alpha * grid), lw=2, ls="--", label=f"LeakyReLU, α = {gc.i18n.number(alpha, 1)}")
ax.axhline(0, color="gray", lw=0.8)
ax.grid(alpha=0.3)
ax.legend(fontsize=10)
plt.show()

# %% [markdown] lang="es"
# ## Stride y relleno (padding)
#
# - El **stride** $s$ es cuántos píxeles avanza el kernel entre dos posiciones: con $s = 2$ la salida tiene más o menos
#   la mitad de filas y columnas.
# - El **relleno** $p$ añade $p$ filas/columnas de ceros en cada borde (*zero padding*): el kernel puede centrarse
#   también sobre los píxeles del borde.
#
# Con entrada $i$, kernel $k$, stride $s$ y relleno $p$, el kernel cabe en
# $$o = \left\lfloor \frac{i + 2p - k}{s} \right\rfloor + 1$$
# posiciones por eje (relación 6 de la guía; con $s = 1$ y $p = 0$ vuelve a ser $i - k + 1$).
#

# %% [markdown] lang="es"
# ### Relleno: «same» y completo
#
# | relleno 1, stride 1 («same») | relleno completo $p = k - 1$ |
# |---|---|
# | ![](../../figures/conv_same_padding.gif) | ![](../../figures/conv_full_padding.gif) |

# %% [markdown] lang="es"
# ### Stride 2, sin relleno y con relleno
#
# | stride 2 | stride 2 y relleno 1 |
# |---|---|
# | ![](../../figures/conv_stride2.gif) | ![](../../figures/conv_stride2_padding.gif) |

# %% [markdown] lang="es"
# ### Stride 2 y relleno 1, a mano
#
# La misma cuenta con `conv.pad2d` y un bucle, frente a `conv.conv2d(stride=2, padding=1)`:

# %% [markdown] lang="pt"
# ## Stride e preenchimento (padding)
#
# - O **stride** $s$ é quantos pixels o kernel avança entre duas posições: com $s = 2$ a saída tem mais ou menos a
#   metade das linhas e colunas.
# - O **preenchimento** $p$ acrescenta $p$ linhas/colunas de zeros em cada borda (*zero padding*): o kernel também
#   pode ficar centrado nos pixels da borda.
#
# Com entrada $i$, kernel $k$, stride $s$ e preenchimento $p$, o kernel cabe em
# $$o = \left\lfloor \frac{i + 2p - k}{s} \right\rfloor + 1$$
# posições por eixo (relação 6 do guia; com $s = 1$ e $p = 0$ volta a ser $i - k + 1$).
#

# %% [markdown] lang="pt"
# ### Preenchimento: “same” e completo
#
# | preenchimento 1, stride 1 (“same”) | preenchimento completo $p = k - 1$ |
# |---|---|
# | ![](../../figures/conv_same_padding.gif) | ![](../../figures/conv_full_padding.gif) |

# %% [markdown] lang="pt"
# ### Stride 2, sem e com preenchimento
#
# | stride 2 | stride 2 e preenchimento 1 |
# |---|---|
# | ![](../../figures/conv_stride2.gif) | ![](../../figures/conv_stride2_padding.gif) |

# %% [markdown] lang="pt"
# ### Stride 2 e preenchimento 1, à mão
#
# A mesma conta com `conv.pad2d` e um laço, comparada com `conv.conv2d(stride=2, padding=1)`:

# %%
xp = conv.pad2d(x, 1)           # es: la entrada rodeada de ceros | pt: a entrada cercada de zeros
print(xp)
s, p = 2, 1
o = (x.shape[0] + 2 * p - k) // s + 1
by_hand = np.array([[(xp[i * s:i * s + k, j * s:j * s + k] * w).sum() for j in range(o)] for i in range(o)])
print(by_hand)
print("o =", o, T("| a mano == conv2d(stride=2, padding=1):",
                  "| à mão == conv2d(stride=2, padding=1):"), np.array_equal(by_hand, conv.conv2d(x, w, stride=2, padding=1)))

# %% [markdown] lang="es"
# ### La fórmula del tamaño frente a Keras
#
# `Conv2D` de Keras solo acepta `padding='valid'` (sin relleno) o `'same'`; un relleno de $p$ ceros se pone con una
# capa `ZeroPadding2D(p)` antes. Comparamos la fórmula, `gc.conv.conv_output_size` y la forma que produce Keras
# en una rejilla de 144 casos (se muestran seis):

# %% [markdown] lang="pt"
# ### A fórmula do tamanho e o Keras
#
# A `Conv2D` do Keras só aceita `padding='valid'` (sem preenchimento) ou `'same'`; um preenchimento de $p$ zeros é
# feito com uma camada `ZeroPadding2D(p)` antes. Comparamos a fórmula, `gc.conv.conv_output_size` e o formato que o
# Keras produz numa grade de 144 casos (mostramos seis):

# %%
rows = []
for i in (5, 6, 7, 28):
    for k in (1, 3, 4, 5):
        for s in (1, 2, 3):
            for p in (0, 1, 2):
                formula = (i + 2 * p - k) // s + 1
                padded = keras.layers.ZeroPadding2D(p)(np.zeros((1, i, i, 1), np.float32), training=False)
                keras_o = keras.layers.Conv2D(1, k, strides=s)(padded, training=False).shape[1]
                rows.append((i, k, s, p, formula, conv.conv_output_size(i, k, s, p), keras_o))
print(" i  k  s  p | fórmula  conv_output_size  Keras")
for row in rows[::24]:
    print("{:2d} {:2d} {:2d} {:2d} | {:7d} {:17d} {:6d}".format(*row))
print(len(rows), T("casos; todos iguales:", "casos; todos iguais:"), all(r[4] == r[5] == r[6] for r in rows))

# %% [markdown] lang="es"
# ### Las relaciones de la guía
#
# La división entera $\lfloor\cdot\rfloor$ tiene una consecuencia: con stride $s > 1$ varias entradas dan la misma
# salida (con $k = 3$, $s = 2$, $p = 1$, tanto $i = 5$ como $i = 6$ dan 3: la última fila de ceros de $i = 6$ no la
# cubre ninguna ventana). Ese «caso impar» reaparece en la lección 03, al deshacer el camino.
#
# Las relaciones de la guía para la convolución y el pooling, cada una con el ejemplo de su figura:

# %% [markdown] lang="pt"
# ### As relações do guia
#
# A divisão inteira $\lfloor\cdot\rfloor$ tem uma consequência: com stride $s > 1$ várias entradas dão a mesma
# saída (com $k = 3$, $s = 2$, $p = 1$, tanto $i = 5$ quanto $i = 6$ dão 3: a última linha de zeros de $i = 6$ não é
# coberta por nenhuma janela). Esse “caso ímpar” reaparece na lição 03, ao desfazer o caminho.
#
# As relações do guia para a convolução e o pooling, cada uma com o exemplo da sua figura:

# %%
for number, formula, kind, args, expected in conv.GUIDE_RELATIONSHIPS:
    if kind != "transposed":
        got = conv.guide_relationship((number, formula, kind, args, expected))
        print(T(f"{number:2d}  {formula:48s} {str(args):34s} o = {got}  (guía: {expected})",
                f"{number:2d}  {formula:48s} {str(args):34s} o = {got}  (guia: {expected})"))

# %% [markdown] lang="es"
# ## El relleno «same»
#
# Con stride 1 la salida conserva el tamaño de la entrada si el relleno total es $k - 1$. Con $k$ impar eso es
# $\lfloor k/2 \rfloor$ ceros a cada lado (el *relleno medio* de la guía, relación 3); con $k$ par sobra un cero, que
# TensorFlow pone **abajo y a la derecha**.
#
# Con stride $s$, `'same'` no conserva el tamaño: garantiza $o = \lceil i / s \rceil$ y añade los ceros justos para
# ello, $\max\big((o - 1)s + k - i,\ 0\big)$ en total. Así una `Conv2D(..., strides=2, padding='same')` reduce 28 → 14
# → 7, como en el discriminador de una DCGAN.

# %% [markdown] lang="pt"
# ## O preenchimento “same”
#
# Com stride 1 a saída conserva o tamanho da entrada se o preenchimento total for $k - 1$. Com $k$ ímpar isso dá
# $\lfloor k/2 \rfloor$ zeros de cada lado (o *preenchimento médio* do guia, relação 3); com $k$ par sobra um zero,
# que o TensorFlow coloca **embaixo e à direita**.
#
# Com stride $s$, `'same'` não conserva o tamanho: garante $o = \lceil i / s \rceil$ e acrescenta os zeros necessários
# para isso, $\max\big((o - 1)s + k - i,\ 0\big)$ no total. Assim uma `Conv2D(..., strides=2, padding='same')` reduz
# 28 → 14 → 7, como no discriminador de uma DCGAN.

# %%
print(T(" i  k  s | ceros (antes, después) | keras_output_size  ceil(i/s) | Keras",
        " i  k  s | zeros (antes, depois)  | keras_output_size  ceil(i/s) | Keras"))
for i in (7, 28):
    for k in (3, 4):
        for s in (1, 2):
            total, (before, after) = conv.same_padding(i, k, s)
            layer = keras.layers.Conv2D(1, k, strides=s, padding="same")
            keras_o = layer(np.zeros((1, i, i, 1), np.float32), training=False).shape[1]
            print(f"{i:2d} {k:2d} {s:2d} | {total:5d} {str((before, after)):16s} "
                  f"| {conv.keras_output_size(i, k, s, 'same'):17d} {-(-i // s):10d} | {keras_o:5d}")

# %% [markdown] lang="es"
# ### Los valores, no solo las formas
#
# No solo las formas: los valores de `padding='same'` con stride 2 y un kernel par (4×4) coinciden con el relleno
# explícito asimétrico y con Keras:

# %% [markdown] lang="pt"
# ### Os valores, não só os formatos
#
# Não só os formatos: os valores de `padding='same'` com stride 2 e um kernel par (4×4) coincidem com o
# preenchimento explícito assimétrico e com o Keras:

# %%
rng = np.random.default_rng(0)
kernel4 = rng.normal(size=(4, 4))
total, (before, after) = conv.same_padding(28, 4, 2)
same = conv.conv2d(digit, kernel4, stride=2, padding="same")
explicit = conv.conv2d(digit, kernel4, stride=2, padding=(before, after, before, after))
layer = keras.layers.Conv2D(1, 4, strides=2, padding="same", use_bias=False)
layer.build((1, 28, 28, 1))
layer.set_weights([kernel4[:, :, None, None]])
keras_same = layer(digit[None, :, :, None], training=False)[0, :, :, 0].numpy()
print(same.shape, (before, after), np.allclose(same, explicit), np.allclose(same, keras_same, atol=1e-5))

# %% [markdown] lang="es"
# ### Dilatación
#
# La **dilatación** (*dilation*) $d$ separa los pesos del kernel con $d - 1$ huecos: un kernel 3×3 con $d = 2$ cubre
# 5×5 píxeles con solo 9 pesos. El tamaño efectivo es $k + (k - 1)(d - 1)$ y la fórmula del tamaño lo usa en lugar
# de $k$ (relación 15 de la guía).
#
# ![Kernel 3×3 con dilatación 2 sobre una entrada 7×7: la salida es 3×3](../../figures/dilation.gif)

# %% [markdown] lang="es"
# ### Dilatación: la fórmula y Keras
#
# Tamaño efectivo del kernel, tamaño de salida, y la misma cuenta con `conv.conv2d` y con una `Conv2D` de Keras:

# %% [markdown] lang="pt"
# ### Dilatação
#
# A **dilatação** (*dilation*) $d$ separa os pesos do kernel com $d - 1$ lacunas: um kernel 3×3 com $d = 2$ cobre 5×5
# pixels com só 9 pesos. O tamanho efetivo é $k + (k - 1)(d - 1)$ e a fórmula do tamanho o usa no lugar de $k$
# (relação 15 do guia).
#
# ![Kernel 3×3 com dilatação 2 sobre uma entrada 7×7: a saída é 3×3](../../figures/dilation.gif)

# %% [markdown] lang="pt"
# ### Dilatação: a fórmula e o Keras
#
# Tamanho efetivo do kernel, tamanho da saída, e a mesma conta com `conv.conv2d` e com uma `Conv2D` do Keras:

# %%
x7 = np.arange(49.0).reshape(7, 7)
w3 = np.arange(9.0).reshape(3, 3)
dilated = conv.conv2d(x7, w3, dilation=2)
layer = keras.layers.Conv2D(1, 3, dilation_rate=2, use_bias=False)
layer.build((1, 7, 7, 1))
layer.set_weights([w3[:, :, None, None]])
keras_dilated = layer(x7[None, :, :, None], training=False)[0, :, :, 0].numpy()
print(conv.effective_kernel_size(3, 2), conv.conv_output_size(7, 3, d=2), dilated.shape,
      np.allclose(dilated, keras_dilated))

# %% [markdown] lang="es"
# ## Agrupamiento (pooling)
#
# El **agrupamiento** resume cada ventana con un solo número y no tiene pesos: el *max pooling* se queda con el
# máximo y el *average pooling* con la media. Su tamaño de salida es el de la convolución sin relleno,
# $o = \lfloor (i - k)/s \rfloor + 1$ (relación 7 de la guía); en Keras el stride por defecto es el tamaño de la
# ventana, así que `MaxPooling2D(2)` divide el alto y el ancho por dos.
#
# | max pooling | average pooling |
# |---|---|
# | ![](../../figures/max_pool.gif) | ![](../../figures/avg_pool.gif) |

# %% [markdown] lang="es"
# ### Las figuras 1.5 y 1.6 de la guía
#
# Ventanas 3×3 con stride 1 sobre la misma entrada 5×5 de antes, a mano (`gc.conv`) y con Keras:

# %% [markdown] lang="pt"
# ## Agrupamento (pooling)
#
# O **agrupamento** resume cada janela com um só número e não tem pesos: o *max pooling* fica com o máximo e o
# *average pooling* com a média. O tamanho de saída é o da convolução sem preenchimento,
# $o = \lfloor (i - k)/s \rfloor + 1$ (relação 7 do guia); no Keras o stride padrão é o tamanho da janela, então
# `MaxPooling2D(2)` divide a altura e a largura por dois.
#
# | max pooling | average pooling |
# |---|---|
# | ![](../../figures/max_pool.gif) | ![](../../figures/avg_pool.gif) |

# %% [markdown] lang="pt"
# ### As figuras 1.5 e 1.6 do guia
#
# Janelas 3×3 com stride 1 sobre a mesma entrada 5×5 de antes, à mão (`gc.conv`) e com o Keras:

# %%
biggest = conv.max_pool2d(x, 3, stride=1)
mean = conv.avg_pool2d(x, 3, stride=1)
x_nhwc = x[None, :, :, None].astype(np.float32)
keras_max = keras.layers.MaxPooling2D(3, strides=1)(x_nhwc, training=False)[0, :, :, 0].numpy()
keras_avg = keras.layers.AveragePooling2D(3, strides=1)(x_nhwc, training=False)[0, :, :, 0].numpy()
print(biggest.astype(int))
print(mean.round(2))
print("Keras:", np.allclose(biggest, keras_max), np.allclose(mean, keras_avg, atol=1e-6))

# %% [markdown] lang="es"
# ### Dos agrupamientos sobre un dígito
#
# Dos max pooling 2×2 seguidos reducen el 3 de 28 → 14 → 7; al lado, dos average pooling. De cada versión medimos
# la **tinta** (la fracción de píxeles por encima de 0.5), el brillo medio y el máximo (0 = negro, 1 = blanco):

# %% [markdown] lang="pt"
# ### Dois agrupamentos sobre um dígito
#
# Dois max pooling 2×2 seguidos reduzem o 3 de 28 → 14 → 7; ao lado, dois average pooling. De cada versão medimos
# a **tinta** (a fração de pixels acima de 0,5), o brilho médio e o máximo (0 = preto, 1 = branco):

# %%
max14 = conv.max_pool2d(digit, 2)
max7 = conv.max_pool2d(max14, 2)
avg7 = conv.avg_pool2d(conv.avg_pool2d(digit, 2), 2)
print(digit.shape, max14.shape, max7.shape, "| fórmula:", conv.pool_output_size(28, 2),
      conv.pool_output_size(14, 2))
titles = ("28×28", "max 14×14", "max 7×7", T("media 7×7", "média 7×7"))
print(T("           tinta  brillo medio  máximo", "           tinta  brilho médio  máximo"))
for title, m in zip(titles, (digit, max14, max7, avg7)):
    print(f"{title:10s} {np.mean(m > 0.5):5.0%} {m.mean():13.3f} {m.max():7.2f}")

# %% [markdown] lang="es"
# ### Lo que hace de verdad el pooling
#
# El max pooling no «conserva los trazos»: conserva su **intensidad** (el máximo sigue en 1.00) pero los **engorda**.
# Cada píxel de 7×7 vale lo que el más claro de sus 16 píxeles originales: la tinta pasa del 18 % de la imagen al
# 37 % y la parte de arriba del 3 se vuelve un bloque. El average pooling conserva exactamente el brillo medio (cada
# píxel nuevo es la media de 16) pero lo reparte: el trazo blanco se **apaga** y el máximo baja de 1.00 a 0.82. Las
# redes usan el max pooling porque responde a *si* hay una característica en la ventana, no a *dónde* exactamente.

# %% [markdown] lang="pt"
# ### O que o pooling faz de verdade
#
# O max pooling não “conserva os traços”: conserva a sua **intensidade** (o máximo continua em 1,00), mas os
# **engorda**. Cada pixel de 7×7 vale o que vale o mais claro dos seus 16 pixels originais: a tinta passa de 18 % da
# imagem para 37 % e a parte de cima do 3 vira um bloco. O average pooling conserva exatamente o brilho médio (cada
# pixel novo é a média de 16), mas o espalha: o traço branco se **apaga** e o máximo cai de 1,00 para 0,82. As redes
# usam o max pooling porque ele responde a *se* há uma característica na janela, não a *onde* exatamente.

# %%
fig, axes = plt.subplots(1, 4, figsize=(8, 2.3))
for ax, m, title in zip(axes, (digit, max14, max7, avg7), titles):
    ax.imshow(m, cmap="gray", vmin=0, vmax=1)
    ax.set_title(title)
    ax.set_axis_off()
plt.show()

# %% [markdown] lang="es" slideshow={"slide_type": "notes"}
# Antes de enseñar la figura, pregunta: «¿qué versión de 7×7 se parecerá más a un 3, la del máximo o la de la
# media?». La mayoría elige el máximo. Después, haz que miren la parte de arriba del 3 y la tabla: el máximo
# engorda el trazo, la media lo apaga (el mismo brillo medio, repartido en más píxeles).

# %% [markdown] lang="pt" slideshow={"slide_type": "notes"}
# Antes de mostrar a figura, pergunte: “qual versão 7×7 vai se parecer mais com um 3, a do máximo ou a da média?”. A
# maioria escolhe o máximo. Depois, faça olharem a parte de cima do 3 e a tabela: o máximo engorda o traço, a média
# o apaga (o mesmo brilho médio, espalhado por mais pixels).

# %% [markdown] lang="es"
# ## Los cuatro hiperparámetros
#
# Una capa convolucional se define con cuatro **hiperparámetros** (*hyperparameters*): el **tamaño del kernel** $k$,
# el **número de filtros** $F$, el **stride** $s$ y el **relleno** $p$. Sobre una entrada de $C$ canales:
#
# - cada filtro tiene $k \cdot k \cdot C$ pesos y un sesgo, así que la capa tiene $(k^2 C + 1)\,F$ parámetros, **sin
#   importar** el stride, el relleno ni el tamaño de la imagen;
# - la salida tiene $o \times o \times F$ valores, con $o$ de la fórmula del tamaño: el stride y el relleno cambian
#   la forma (y el cómputo), no los parámetros.
#
# Un modelo pequeño, calculado a mano capa por capa y comparado con Keras:

# %% [markdown] lang="pt"
# ## Os quatro hiperparâmetros
#
# Uma camada convolucional é definida por quatro **hiperparâmetros** (*hyperparameters*): o **tamanho do kernel**
# $k$, o **número de filtros** $F$, o **stride** $s$ e o **preenchimento** $p$. Sobre uma entrada de $C$ canais:
#
# - cada filtro tem $k \cdot k \cdot C$ pesos e um viés, então a camada tem $(k^2 C + 1)\,F$ parâmetros, **sejam
#   quais forem** o stride, o preenchimento e o tamanho da imagem;
# - a saída tem $o \times o \times F$ valores, com $o$ da fórmula do tamanho: o stride e o preenchimento mudam o
#   formato (e o custo do cálculo), não os parâmetros.
#
# Um modelo pequeno, calculado à mão camada por camada e comparado com o Keras:

# %%
model = keras.Sequential([
    keras.Input((28, 28, 1)),
    keras.layers.Conv2D(8, 3, padding="same", activation="relu"),
    keras.layers.MaxPooling2D(2),
    keras.layers.Conv2D(16, 3, strides=2, activation="relu"),
    keras.layers.Conv2D(32, 5, padding="same", activation="relu"),
    keras.layers.Flatten(),
    keras.layers.Dense(10),
])

def conv_params(k, channels_in, filters):
    return (k * k * channels_in + 1) * filters      # es: pesos + un sesgo por filtro | pt: pesos + um viés por filtro

# %% [markdown] lang="es"
# ### Capa por capa, a mano

# %% [markdown] lang="pt"
# ### Camada por camada, à mão

# %%
o3 = conv.conv_output_size(14, 3, 2)                 # es: 'valid', stride 2 | pt: 'valid', stride 2
by_hand = [                                          # es: (forma de salida, parámetros)
                                                     # pt: (formato de saída, parâmetros)
    ((28, 28, 8), conv_params(3, 1, 8)),             # es: 'same', stride 1: 28 -> 28 | pt: 'same', stride 1: 28 -> 28
    ((14, 14, 8), 0),                                # es: pooling 2×2: sin pesos | pt: pooling 2×2: sem pesos
    ((o3, o3, 16), conv_params(3, 8, 16)),
    ((o3, o3, 32), conv_params(5, 16, 32)),          # es: 'same', stride 1: no cambia el tamaño
                                                     # pt: 'same', stride 1: não muda o tamanho
    ((o3 * o3 * 32,), 0),
    ((10,), (o3 * o3 * 32 + 1) * 10),                # es: capa densa: entradas·salidas + sesgos
                                                     # pt: camada densa: entradas·saídas + vieses
]
print(T(f"{'capa':14s} {'forma Keras':14s} {'a mano':14s} {'parám. Keras':>12s} {'a mano':>8s}",
        f"{'camada':14s} {'formato Keras':14s} {'à mão':14s} {'parâm. Keras':>12s} {'à mão':>8s}"))
for layer, (shape, params) in zip(model.layers, by_hand):
    print(f"{type(layer).__name__:14s} {str(tuple(layer.output.shape[1:])):14s} {str(shape):14s} "
          f"{layer.count_params():12d} {params:8d}")
print("total: model.count_params() =", model.count_params(), T("| a mano =", "| à mão ="), sum(p for _, p in by_hand))

# %% [markdown] lang="es"
# ### Un hiperparámetro cada vez
#
# Cambiando un hiperparámetro cada vez a partir de $k = 3$, $F = 16$, $s = 1$, `'same'` sobre 28×28×1:

# %% [markdown] lang="pt"
# ### Um hiperparâmetro por vez
#
# Mudando um hiperparâmetro por vez a partir de $k = 3$, $F = 16$, $s = 1$, `'same'` sobre 28×28×1:

# %%
base = {"k": 3, "filters": 16, "s": 1, "padding": "same"}
variants = [base, {**base, "k": 5}, {**base, "filters": 32}, {**base, "s": 2}, {**base, "padding": "valid"}]
print(T(" k  F  s  padding | salida (fórmula)  salida Keras | parámetros (fórmula)  Keras",
        " k  F  s  padding | saída (fórmula)   saída Keras  | parâmetros (fórmula)  Keras"))
for v in variants:
    layer = keras.layers.Conv2D(v["filters"], v["k"], strides=v["s"], padding=v["padding"])
    out = layer(np.zeros((1, 28, 28, 1), np.float32), training=False)
    o = conv.keras_output_size(28, v["k"], v["s"], v["padding"])
    print(f"{v['k']:2d} {v['filters']:2d} {v['s']:2d}  {v['padding']:7s} | {str((o, o, v['filters'])):16s}  "
          f"{str(tuple(out.shape[1:])):12s} | {conv_params(v['k'], 1, v['filters']):20d} {layer.count_params():6d}")

# %% [markdown] lang="es"
# El tamaño del kernel y el número de filtros cambian los parámetros; el stride y el relleno solo cambian la forma
# de la salida. El número de filtros es además el número de canales de la salida, y por eso entra en los parámetros
# de la capa siguiente.

# %% [markdown] lang="pt"
# O tamanho do kernel e o número de filtros mudam os parâmetros; o stride e o preenchimento só mudam o formato da
# saída. O número de filtros é também o número de canais da saída, e por isso entra nos parâmetros da camada
# seguinte.

# %% [markdown] lang="es"
# ## Ejercicios
#
# 1. Una `Conv2D` con kernel 5×5, stride 2 y sin relleno recibe imágenes de 28×28: ¿qué alto tiene su salida?
# 2. Con `padding='same'` y stride 2, ¿qué alto tiene la salida de una entrada de 7×7 con kernel 3×3?
# 3. `padding='same'`, kernel 4×4, stride 2, entrada de 7: ¿cuántos ceros añade Keras `(antes, después)`?

# %% [markdown] lang="pt"
# ## Exercícios
#
# 1. Uma `Conv2D` com kernel 5×5, stride 2 e sem preenchimento recebe imagens de 28×28: qual é a altura da saída?
# 2. Com `padding='same'` e stride 2, qual é a altura da saída de uma entrada 7×7 com kernel 3×3?
# 3. `padding='same'`, kernel 4×4, stride 2, entrada de 7: quantos zeros o Keras acrescenta `(antes, depois)`?

# %%
answer = None  # es: 02.1, tu respuesta | pt: 02.1, sua resposta
gc.exercises.check("02.1", answer)

# %%
answer = None  # es: 02.2, tu respuesta | pt: 02.2, sua resposta
gc.exercises.check("02.2", answer)

# %%
answer = None  # es: 02.3, p. ej. (0, 0) | pt: 02.3, p. ex. (0, 0)
gc.exercises.check("02.3", answer)

# %% [markdown] lang="es"
# ### Tres preguntas más
#
# 4. ¿Cuántos parámetros entrenables tiene `Conv2D(32, 3)` sobre una entrada de 16 canales?
# 5. Max pooling 2×2 (stride 2) de $M$ = `[[1, 3, 2, 0], [4, 6, 5, 1], [0, 2, 9, 7], [3, 1, 8, 4]]`: una matriz
#    2×2.
# 6. La convolución, sin relleno y con stride 1, de $X$ = `[[1, 2, 0], [0, 1, 3], [2, 1, 0]]` con el kernel $K$ =
#    `[[1, 0], [0, -1]]`, a mano: una matriz 2×2.

# %% [markdown] lang="pt"
# ### Mais três perguntas
#
# 4. Quantos parâmetros treináveis tem `Conv2D(32, 3)` sobre uma entrada de 16 canais?
# 5. Max pooling 2×2 (stride 2) de $M$ = `[[1, 3, 2, 0], [4, 6, 5, 1], [0, 2, 9, 7], [3, 1, 8, 4]]`: uma matriz
#    2×2.
# 6. A convolução, sem preenchimento e com stride 1, de $X$ = `[[1, 2, 0], [0, 1, 3], [2, 1, 0]]` com o kernel $K$ =
#    `[[1, 0], [0, -1]]`, à mão: uma matriz 2×2.

# %%
answer = None  # es: 02.4, tu respuesta | pt: 02.4, sua resposta
gc.exercises.check("02.4", answer)

# %%
answer = None  # es: 02.5, p. ej. [[0, 0], [0, 0]] | pt: 02.5, p. ex. [[0, 0], [0, 0]]
gc.exercises.check("02.5", answer)

# %%
answer = None  # es: 02.6, una matriz 2×2 | pt: 02.6, uma matriz 2×2
gc.exercises.check("02.6", answer)

# %% [markdown] lang="es"
# ### Programar: el relleno
#
# 7. Completa `my_pad2d(x, p)`: la imagen 2-D `x` rodeada de `p` filas y columnas de ceros en cada borde, **sin**
#    `np.pad` ni `gc.conv`. Pasa la **función** como respuesta; el corrector la compara con `conv.pad2d` en varias
#    imágenes y rellenos (también $p = 0$).

# %% [markdown] lang="pt"
# ### Programar: o preenchimento
#
# 7. Complete `my_pad2d(x, p)`: a imagem 2-D `x` cercada de `p` linhas e colunas de zeros em cada borda, **sem**
#    `np.pad` nem `gc.conv`. Passe a **função** como resposta; o corretor a compara com `conv.pad2d` em várias
#    imagens e preenchimentos (também $p = 0$).

# %%
def my_pad2d(x, p):
    return x  # es: cámbialo: x rodeada de p ceros por lado | pt: troque: x cercada de p zeros por lado

answer = None  # es: my_pad2d, sin paréntesis | pt: my_pad2d, sem parênteses
gc.exercises.check("02.7", answer)

# %% [markdown] lang="es"
# ### Programar: el max pooling
#
# 8. Completa `my_max_pool(x, size)`: max pooling 2-D con ventanas `size`×`size` y stride `size`, sin relleno (las
#    filas y columnas que sobran se descartan). El corrector la compara con `keras.layers.MaxPooling2D(size)`, también
#    en entradas de lado impar.

# %% [markdown] lang="pt"
# ### Programar: o max pooling
#
# 8. Complete `my_max_pool(x, size)`: max pooling 2-D com janelas `size`×`size` e stride `size`, sem preenchimento (as
#    linhas e colunas que sobram são descartadas). O corretor a compara com `keras.layers.MaxPooling2D(size)`, também
#    em entradas de lado ímpar.

# %%
def my_max_pool(x, size):
    return x  # es: cámbialo: el máximo de cada ventana | pt: troque: o máximo de cada janela

answer = None  # es: my_max_pool, sin paréntesis | pt: my_max_pool, sem parênteses
gc.exercises.check("02.8", answer)

# %% [markdown] lang="es" slideshow={"slide_type": "notes"}
# En los ejercicios 1 a 6, que hagan primero la cuenta a mano y la comprueben después con `gc.conv`. Los ejercicios
# 7 y 8 piden código, no números: deja diez minutos y pasea por la clase. Errores que verás: copiar
# `x` en la esquina en lugar del centro, olvidar $p = 0$, y en el pooling recorrer hasta el final con una ventana
# incompleta (Keras la descarta). Pide a quien acabe antes que pruebe su pooling con `size = 3` sobre una imagen 7×7.

# %% [markdown] lang="pt" slideshow={"slide_type": "notes"}
# Nos exercícios 1 a 6, peça que façam primeiro a conta à mão e a confiram depois com `gc.conv`. Os exercícios 7
# e 8 pedem código, não números: dê dez minutos e circule pela sala. Erros que você vai ver: copiar
# `x` no canto em vez do centro, esquecer $p = 0$ e, no pooling, ir até o fim com uma janela incompleta (o Keras a
# descarta). Peça a quem terminar antes que teste o seu pooling com `size = 3` sobre uma imagem 7×7.

# %% [markdown] lang="es"
# ## Siguiente
#
# Una convolución con stride 2 reduce 28 → 14 → 7: es lo que hace el discriminador. El generador necesita el camino
# inverso, de 7 a 14 a 28 píxeles: la **convolución transpuesta** (*transposed convolution*) de la lección 03, con
# las relaciones 8–14 de la guía.

# %% [markdown] lang="pt"
# ## Próxima
#
# Uma convolução com stride 2 reduz 28 → 14 → 7: é o que o discriminador faz. O gerador precisa do caminho inverso,
# de 7 para 14 para 28 pixels: a **convolução transposta** (*transposed convolution*) da lição 03, com as relações
# 8–14 do guia.
