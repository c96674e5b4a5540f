"""Lesson 05: the source of both notebooks named in NAMES. Format: see tools/nbbuild.py."""
from _lang import T

NAMES = {"es": "05_normalizacion_por_lotes", "pt": "05_normalizacao_em_lote"}

# %% [markdown] lang="es"
# # Normalización por lotes
#
# El cuaderno de DCGAN en el que se basa el curso introduce la **normalización por lotes** (*batch normalization*)
# con cuatro ecuaciones, la (4) a la (7), y dice que Keras la hace con la capa `BatchNormalization`. Aquí
# comprobamos que las ecuaciones *son* la capa:
#
# 1. las ecuaciones (4)–(7) programadas con NumPy dan los mismos números que la capa en modo entrenamiento, para un
#    lote de vectores y para un lote de imágenes;
# 2. hacia atrás: las derivadas paso a paso, la fórmula compacta que sale de ellas, y los gradientes de
#    `tf.GradientTape` y de las diferencias finitas;
# 3. las **medias móviles** (*moving averages*) que usa la inferencia, con las convenciones de Keras (que no son
#    las de PyTorch);
# 4. el error de `training=`: un bucle con `tf.GradientTape` que lo olvida entrena sin normalizar, y sus
#    estadísticas no se actualizan nunca;
# 5. dónde pone DCGAN la normalización, por qué no en la salida del **generador** (*generator*) ni en la entrada del
#    **discriminador** (*discriminator*), y un experimento: la misma DCGAN con y sin normalización en el generador.
#
# Todo lo que se programa aquí está también en `gan_course/batchnorm.py`, comprobado contra Keras en las pruebas.

# %% [markdown] lang="pt"
# # Normalização em lote
#
# O notebook de DCGAN em que o curso se baseia apresenta a **normalização em lote** (*batch normalization*) com
# quatro equações, da (4) à (7), e diz que o Keras a faz com a camada `BatchNormalization`. Aqui conferimos que as
# equações *são* a camada:
#
# 1. as equações (4)–(7) programadas com NumPy dão os mesmos números que a camada no modo de treinamento, para um
#    lote de vetores e para um lote de imagens;
# 2. para trás: as derivadas passo a passo, a fórmula compacta que sai delas, e os gradientes do
#    `tf.GradientTape` e das diferenças finitas;
# 3. as **médias móveis** (*moving averages*) que a inferência usa, com as convenções do Keras (que não são as do
#    PyTorch);
# 4. o erro do `training=`: um laço com `tf.GradientTape` que o esquece treina sem normalizar, e suas estatísticas
#    nunca são atualizadas;
# 5. onde a DCGAN coloca a normalização, por que não na saída do **gerador** (*generator*) nem na entrada do
#    **discriminador** (*discriminator*), e um experimento: a mesma DCGAN com e sem normalização no gerador.
#
# Tudo o que é programado aqui está também em `gan_course/batchnorm.py`, conferido com o Keras nos testes.

# %% slideshow={"slide_type": "skip"}
import numpy as np
import matplotlib.pyplot as plt
import gan_course as gc
from gan_course import batchnorm, conv, data, keras, losses, models, tf, train

gc.setup(T("es", "pt"))  # es: idioma, semillas, TensorFlow silencioso | pt: idioma, sementes, TensorFlow silencioso

# %% [markdown] lang="es" slideshow={"slide_type": "notes"}
# Para empezar, pregunta: «una capa recibe valores entre −1000 y 1000 y la siguiente, entre −0.01 y 0.01: ¿qué le
# pasa a una tasa de aprendizaje única?». La normalización por lotes resuelve eso sin tocar el optimizador. Avisa
# de que toda la lección es comprobar números: cada fórmula se compara con Keras.

# %% [markdown] lang="pt" slideshow={"slide_type": "notes"}
# Para começar, pergunte: “uma camada recebe valores entre −1000 e 1000 e a seguinte, entre −0,01 e 0,01: o que
# acontece com uma taxa de aprendizado única?”. A normalização em lote resolve isso sem mexer no otimizador. Avise
# que a lição inteira é conferir números: cada fórmula é comparada com o Keras.

# %% [markdown] lang="es"
# ## Las ecuaciones (4)–(7)
#
# Una capa recibe un **lote** (*batch*) de $m$ ejemplos $x_1, \dots, x_m$. Para cada característica (cada neurona de
# una capa densa, cada canal de una capa convolucional) la normalización por lotes calcula
#
# $$\mu_B = \frac{1}{m} \sum_{i=1}^{m} x_i \tag{4}$$
#
# $$\sigma_B = \sqrt{\frac{1}{m} \sum_{i=1}^{m} \left(x_i - \mu_B\right)^2} \tag{5}$$
#
# $$\hat{x}_i = \frac{x_i - \mu_B}{\sqrt{\sigma_B^2 + \epsilon}} \tag{6}$$
#
# $$y_i = \gamma\, \hat{x}_i + \beta \tag{7}$$
#
# (4) es la media del lote y (5) su **desviación estándar** (*standard deviation*), dividiendo por $m$ (no por
# $m - 1$). (6) centra y escala: $\hat{x}$ tiene media 0 y desviación casi 1; la pequeña $\epsilon$ evita dividir por cero
# cuando todos los ejemplos son iguales (Keras usa $\epsilon = 10^{-3}$). (7) devuelve a la red la libertad de elegir
# la media $\beta$ y la escala $\gamma$ que le convengan: son dos **pesos** (*weights*) que se aprenden, uno de cada
# por característica.

# %% [markdown] lang="pt"
# ## As equações (4)–(7)
#
# Uma camada recebe um **lote** (*batch*) de $m$ exemplos $x_1, \dots, x_m$. Para cada característica (cada neurônio
# de uma camada densa, cada canal de uma camada convolucional) a normalização em lote calcula
#
# $$\mu_B = \frac{1}{m} \sum_{i=1}^{m} x_i \tag{4}$$
#
# $$\sigma_B = \sqrt{\frac{1}{m} \sum_{i=1}^{m} \left(x_i - \mu_B\right)^2} \tag{5}$$
#
# $$\hat{x}_i = \frac{x_i - \mu_B}{\sqrt{\sigma_B^2 + \epsilon}} \tag{6}$$
#
# $$y_i = \gamma\, \hat{x}_i + \beta \tag{7}$$
#
# (4) é a média do lote e (5) o seu **desvio padrão** (*standard deviation*), dividindo por $m$ (não por $m - 1$). (6)
# centraliza e escala: $\hat{x}$ tem média 0 e desvio quase 1; o pequeno $\epsilon$ evita dividir por zero quando
# todos os exemplos são iguais (o Keras usa $\epsilon = 10^{-3}$). (7) devolve à rede a liberdade de escolher a média
# $\beta$ e a escala $\gamma$ que lhe convierem: são dois **pesos** (*weights*) aprendidos, um de cada por
# característica.

# %% [markdown] lang="es"
# ### Las ecuaciones en NumPy
#
# Un lote de 6 ejemplos con 3 características de escalas muy distintas:

# %% [markdown] lang="pt"
# ### As equações em NumPy
#
# Um lote de 6 exemplos com 3 características de escalas muito diferentes:

# %%
rng = np.random.default_rng(0)
x = rng.normal(loc=[5.0, -2.0, 0.5], scale=[2.0, 0.5, 3.0], size=(6, 3)).round(1)
gamma = np.array([1.5, 0.5, 2.0])
beta = np.array([0.0, 1.0, -1.0])
print(x)

# %%
eps = 1e-3                                          # es: ε de Keras | pt: ε do Keras
mu = x.mean(axis=0)                                 # es: (4) media del lote, una por característica
                                                    # pt: (4) média do lote, uma por característica
sigma = np.sqrt(((x - mu) ** 2).mean(axis=0))       # es: (5) desviación estándar (dividiendo por m)
                                                    # pt: (5) desvio padrão (dividindo por m)
x_hat = (x - mu) / np.sqrt(sigma ** 2 + eps)        # es: (6) normalización | pt: (6) normalização
y = gamma * x_hat + beta                            # es: (7) escala γ y desplazamiento β
                                                    # pt: (7) escala γ e deslocamento β
print("μ =", mu.round(3), "  σ =", sigma.round(3))
print(T("x̂: media", "x̂: média"), x_hat.mean(axis=0).round(6) + 0.0, T("  desviación", "  desvio"), x_hat.std(axis=0).round(5))
print(T("y: media", "y: média"), y.mean(axis=0).round(6) + 0.0, T("  desviación", "  desvio"), y.std(axis=0).round(5))

# %% [markdown] lang="es"
# Después de (7) cada característica tiene exactamente media $\beta$ y desviación (casi) $|\gamma|$, sea cual
# sea la escala con la que llegó.

# %% [markdown] lang="pt"
# Depois de (7) cada característica tem exatamente média $\beta$ e desvio (quase) $|\gamma|$, seja qual for a
# escala com que chegou.

# %% [markdown] lang="es"
# ### La capa de Keras hace lo mismo
#
# Una `BatchNormalization` recién creada tiene $\gamma = 1$ y $\beta = 0$; le ponemos los nuestros y la llamamos en
# **modo entrenamiento** (*training mode*, `training=True`), el que usa las estadísticas del lote.
# `gc.batchnorm.batchnorm_forward` es la misma cuenta que la celda anterior (léela en `gan_course/batchnorm.py`).

# %% [markdown] lang="pt"
# ### A camada do Keras faz o mesmo
#
# Uma `BatchNormalization` recém-criada tem $\gamma = 1$ e $\beta = 0$; colocamos os nossos e a chamamos no **modo de
# treinamento** (*training mode*, `training=True`), o que usa as estatísticas do lote.
# `gc.batchnorm.batchnorm_forward` é a mesma conta da célula anterior (leia-a em `gan_course/batchnorm.py`).

# %%
layer = keras.layers.BatchNormalization()
layer.build(x.shape)
layer.gamma.assign(gamma)
layer.beta.assign(beta)
y_keras = layer(x.astype("float32"), training=True).numpy()
y_lib, cache = batchnorm.batchnorm_forward(x, gamma, beta)
print(T("ε de la capa:", "ε da camada:"), layer.epsilon)
print(T("ecuaciones == Keras:", "equações == Keras:"), np.allclose(y, y_keras, atol=1e-5))
print(T("ecuaciones == gc.batchnorm:", "equações == gc.batchnorm:"), np.allclose(y, y_lib, atol=1e-12))

# %% [markdown] lang="es"
# ### Imágenes: una media por canal
#
# Tras una capa convolucional, la entrada de la normalización es un lote NHWC $(N, H, W, C)$. Las características
# son los $C$ canales: cada **mapa de características** (*feature map*) comparte una $\mu_B$, una $\sigma_B$, una
# $\gamma$ y una $\beta$, y las sumas de (4)–(5) recorren los $m = N \cdot H \cdot W$ valores del canal (todos los
# píxeles de todas las imágenes del lote).
#
# Como mapas usamos los tres filtros de la lección 02 (bordes verticales, bordes horizontales y desenfoque) sobre 16
# dígitos en $[-1, 1]$:

# %% [markdown] lang="pt"
# ### Imagens: uma média por canal
#
# Depois de uma camada convolucional, a entrada da normalização é um lote NHWC $(N, H, W, C)$. As características
# são os $C$ canais: cada **mapa de características** (*feature map*) compartilha uma $\mu_B$, uma $\sigma_B$, um
# $\gamma$ e um $\beta$, e as somas de (4)–(5) percorrem os $m = N \cdot H \cdot W$ valores do canal (todos os pixels
# de todas as imagens do lote).
#
# Como mapas usamos os três filtros da lição 02 (bordas verticais, bordas horizontais e desfoque) sobre 16 dígitos
# em $[-1, 1]$:

# %%
images, labels = data.load_mnist("bundled")
digits = data.to_float(images[rng.choice(len(images), 16, replace=False)])   # (16, 28, 28, 1)
kernels = np.stack([[[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]],      # es: bordes verticales | pt: bordas verticais
                    [[-1, -2, -1], [0, 0, 0], [1, 2, 1]],      # es: bordes horizontales | pt: bordas horizontais
                    np.ones((3, 3)) / 9], axis=-1)[:, :, None, :]   # es: desenfoque → (3, 3, 1, 3)
                                                                    # pt: desfoque → (3, 3, 1, 3)
maps = conv.conv2d(digits, kernels, padding="same")             # (16, 28, 28, 3)

mu_c = maps.mean(axis=(0, 1, 2))                                # es: (4) sobre N, H y W: una por canal
                                                                # pt: (4) sobre N, H e W: uma por canal
sigma_c = np.sqrt(((maps - mu_c) ** 2).mean(axis=(0, 1, 2)))    # (5)
maps_hat = (maps - mu_c) / np.sqrt(sigma_c ** 2 + eps)          # (6)
print(T("forma:", "formato:"), maps.shape, "  m =", maps.shape[0] * maps.shape[1] * maps.shape[2], "valores por canal")
print(T("antes:   media", "antes:  média"), mu_c.round(3), T("  desviación", "  desvio"), sigma_c.round(3))
print(T("después: media", "depois: média"), maps_hat.mean(axis=(0, 1, 2)).round(6) + 0.0,
      T("  desviación", "  desvio"), maps_hat.std(axis=(0, 1, 2)).round(4))

# %% [markdown] lang="es"
# ### Por canal, también en Keras
#
# Con `axis=-1` (el valor por defecto) la capa de Keras normaliza por el último eje, el de los canales:

# %% [markdown] lang="pt"
# ### Por canal, também no Keras
#
# Com `axis=-1` (o valor padrão) a camada do Keras normaliza pelo último eixo, o dos canais:

# %%
gamma_c, beta_c = np.array([2.0, 0.5, 1.0]), np.array([0.1, -0.3, 0.0])
conv_layer = keras.layers.BatchNormalization()       # es: axis=-1: el último eje son los canales
                                                     # pt: axis=-1: o último eixo são os canais
conv_layer.build(maps.shape)
conv_layer.gamma.assign(gamma_c)
conv_layer.beta.assign(beta_c)
maps_keras = conv_layer(maps.astype("float32"), training=True).numpy()
# es: Keras suma en float32 (unos 7 dígitos) los 12 544 valores de cada canal; nosotros, en float64
# pt: o Keras soma em float32 (uns 7 dígitos) os 12 544 valores de cada canal; nós, em float64
print(T("ecuaciones == Keras:", "equações == Keras:"), np.allclose(gamma_c * maps_hat + beta_c, maps_keras, atol=1e-3))
print("gc.batchnorm == Keras:",
      np.allclose(batchnorm.batchnorm_forward(maps, gamma_c, beta_c)[0], maps_keras, atol=1e-3))

# %% [markdown] lang="es"
# ## Hacia atrás: las derivadas paso a paso
#
# En el entrenamiento llega de la capa siguiente $\partial L / \partial y_i$, la derivada de la **pérdida**
# (*loss*) respecto de cada salida. La **regla de la cadena** (*chain rule*) recorre las ecuaciones de la (7) a la (4). Para una
# característica, con $s = \sqrt{\sigma_B^2 + \epsilon}$:
#
# 1. De (7): $\dfrac{\partial L}{\partial \beta} = \sum_i \dfrac{\partial L}{\partial y_i}$,
#    $\quad \dfrac{\partial L}{\partial \gamma} = \sum_i \dfrac{\partial L}{\partial y_i}\,\hat{x}_i$,
#    $\quad \dfrac{\partial L}{\partial \hat{x}_i} = \gamma\, \dfrac{\partial L}{\partial y_i}$.
# 2. $\sigma_B^2$ entra en todos los $\hat{x}_i$ de (6):
#    $\dfrac{\partial L}{\partial \sigma_B^2} = \sum_i \dfrac{\partial L}{\partial \hat{x}_i}\,(x_i - \mu_B)
#    \cdot \left(-\tfrac{1}{2}\right) \left(\sigma_B^2 + \epsilon\right)^{-3/2}$.
# 3. $\mu_B$ entra en (6) directamente y en (5) a través de $\sigma_B^2$:
#    $\dfrac{\partial L}{\partial \mu_B} = -\dfrac{1}{s} \sum_i \dfrac{\partial L}{\partial \hat{x}_i}
#    + \dfrac{\partial L}{\partial \sigma_B^2} \cdot \left(-\dfrac{2}{m}\right) \sum_i (x_i - \mu_B)$
#    (la última suma vale 0).
# 4. Cada $x_i$ entra por tres caminos: en su $\hat{x}_i$, en $\sigma_B^2$ y en $\mu_B$:
#    $\dfrac{\partial L}{\partial x_i} = \dfrac{1}{s} \dfrac{\partial L}{\partial \hat{x}_i}
#    + \dfrac{\partial L}{\partial \sigma_B^2} \cdot \dfrac{2 (x_i - \mu_B)}{m}
#    + \dfrac{\partial L}{\partial \mu_B} \cdot \dfrac{1}{m}$.

# %% [markdown] lang="pt"
# ## Para trás: as derivadas passo a passo
#
# No treinamento chega da camada seguinte $\partial L / \partial y_i$, a derivada da **perda** (*loss*) em relação a
# cada saída. A **regra da cadeia** (*chain rule*) percorre as equações da (7) à (4). Para uma característica, com
# $s = \sqrt{\sigma_B^2 + \epsilon}$:
#
# 1. De (7): $\dfrac{\partial L}{\partial \beta} = \sum_i \dfrac{\partial L}{\partial y_i}$,
#    $\quad \dfrac{\partial L}{\partial \gamma} = \sum_i \dfrac{\partial L}{\partial y_i}\,\hat{x}_i$,
#    $\quad \dfrac{\partial L}{\partial \hat{x}_i} = \gamma\, \dfrac{\partial L}{\partial y_i}$.
# 2. $\sigma_B^2$ entra em todos os $\hat{x}_i$ de (6):
#    $\dfrac{\partial L}{\partial \sigma_B^2} = \sum_i \dfrac{\partial L}{\partial \hat{x}_i}\,(x_i - \mu_B)
#    \cdot \left(-\tfrac{1}{2}\right) \left(\sigma_B^2 + \epsilon\right)^{-3/2}$.
# 3. $\mu_B$ entra em (6) diretamente e em (5) através de $\sigma_B^2$:
#    $\dfrac{\partial L}{\partial \mu_B} = -\dfrac{1}{s} \sum_i \dfrac{\partial L}{\partial \hat{x}_i}
#    + \dfrac{\partial L}{\partial \sigma_B^2} \cdot \left(-\dfrac{2}{m}\right) \sum_i (x_i - \mu_B)$
#    (a última soma vale 0).
# 4. Cada $x_i$ entra por três caminhos: no seu $\hat{x}_i$, em $\sigma_B^2$ e em $\mu_B$:
#    $\dfrac{\partial L}{\partial x_i} = \dfrac{1}{s} \dfrac{\partial L}{\partial \hat{x}_i}
#    + \dfrac{\partial L}{\partial \sigma_B^2} \cdot \dfrac{2 (x_i - \mu_B)}{m}
#    + \dfrac{\partial L}{\partial \mu_B} \cdot \dfrac{1}{m}$.

# %% [markdown] lang="es"
# ### Los cuatro pasos en NumPy
#
# Para comprobarlo usamos la pérdida $L = \sum_i g_i\, y_i$ con un $g$ al azar: así
# $\partial L / \partial y = g$ (`dy` en el código).

# %% [markdown] lang="pt"
# ### Os quatro passos em NumPy
#
# Para conferir usamos a perda $L = \sum_i g_i\, y_i$ com um $g$ aleatório: assim $\partial L / \partial y = g$
# (`dy` no código).

# %%
m = x.shape[0]
s = np.sqrt(sigma ** 2 + eps)
dy = np.random.default_rng(2).normal(size=x.shape)                       # ∂L/∂y
dbeta = dy.sum(axis=0)                                                   # 1.
dgamma = (dy * x_hat).sum(axis=0)
dx_hat = gamma * dy
dvar = (dx_hat * (x - mu)).sum(axis=0) * -0.5 * (sigma ** 2 + eps) ** -1.5   # 2.
dmu = -(dx_hat / s).sum(axis=0) + dvar * (-2 / m) * (x - mu).sum(axis=0)     # 3.
dx = dx_hat / s + dvar * 2 * (x - mu) / m + dmu / m                          # 4.
print("∂L/∂γ =", dgamma.round(4), "  ∂L/∂β =", dbeta.round(4))

# %% [markdown] lang="es"
# ### Lo mismo con `tf.GradientTape`
#
# `tf.GradientTape` deriva la capa de Keras (la misma `layer` de antes, con nuestros $\gamma$ y $\beta$) respecto
# de su entrada y de sus dos pesos:

# %% [markdown] lang="pt"
# ### O mesmo com `tf.GradientTape`
#
# O `tf.GradientTape` deriva a camada do Keras (a mesma `layer` de antes, com os nossos $\gamma$ e $\beta$) em relação
# à sua entrada e aos seus dois pesos:

# %%
x_tf = tf.constant(x, tf.float32)
with tf.GradientTape() as tape:
    tape.watch(x_tf)
    loss = tf.reduce_sum(tf.constant(dy, tf.float32) * layer(x_tf, training=True))
dx_tf, dgamma_tf, dbeta_tf = tape.gradient(loss, [x_tf, layer.gamma, layer.beta])
print(T("∂L/∂x paso a paso == GradientTape:",
        "∂L/∂x passo a passo == GradientTape:"), np.allclose(dx, dx_tf.numpy(), atol=1e-5))
print(T("∂L/∂γ paso a paso == GradientTape:",
        "∂L/∂γ passo a passo == GradientTape:"), np.allclose(dgamma, dgamma_tf.numpy(), atol=1e-5))
print(T("∂L/∂β paso a paso == GradientTape:",
        "∂L/∂β passo a passo == GradientTape:"), np.allclose(dbeta, dbeta_tf.numpy(), atol=1e-5))

# %% [markdown] lang="es"
# ### La fórmula compacta
#
# Sustituyendo los pasos 2 y 3 en el 4, con $x_i - \mu_B = s\, \hat{x}_i$, todo se reduce a una línea:
#
# $$\frac{\partial L}{\partial x_i} = \frac{\gamma}{m\, s} \left( m\, \frac{\partial L}{\partial y_i}
# - \sum_{j} \frac{\partial L}{\partial y_j} - \hat{x}_i \sum_{j} \frac{\partial L}{\partial y_j}\, \hat{x}_j \right)$$
#
# El gradiente que llega pierde su media y su componente a lo largo de $\hat{x}$. Por eso el gradiente de cada
# característica suma 0: sumar la misma constante a todo el lote no cambia $\hat{x}$, así que la pérdida no puede
# depender de esa dirección. Es la fórmula de `gc.batchnorm.batchnorm_backward`.

# %% [markdown] lang="pt"
# ### A fórmula compacta
#
# Substituindo os passos 2 e 3 no 4, com $x_i - \mu_B = s\, \hat{x}_i$, tudo se reduz a uma linha:
#
# $$\frac{\partial L}{\partial x_i} = \frac{\gamma}{m\, s} \left( m\, \frac{\partial L}{\partial y_i}
# - \sum_{j} \frac{\partial L}{\partial y_j} - \hat{x}_i \sum_{j} \frac{\partial L}{\partial y_j}\, \hat{x}_j \right)$$
#
# O gradiente que chega perde a sua média e a sua componente ao longo de $\hat{x}$. Por isso o gradiente de cada
# característica soma 0: somar a mesma constante a todo o lote não muda $\hat{x}$, então a perda não pode depender
# dessa direção. É a fórmula de `gc.batchnorm.batchnorm_backward`.

# %%
dx_compact = gamma / (m * s) * (m * dy - dy.sum(axis=0) - x_hat * (dy * x_hat).sum(axis=0))
dx_lib, dgamma_lib, dbeta_lib = batchnorm.batchnorm_backward(dy, cache)
print(T("compacta == paso a paso:", "compacta == passo a passo:"), np.allclose(dx_compact, dx, atol=1e-12))
print("gc.batchnorm == GradientTape:", np.allclose(dx_lib, dx_tf.numpy(), atol=1e-5),
      np.allclose(dgamma_lib, dgamma_tf.numpy(), atol=1e-5), np.allclose(dbeta_lib, dbeta_tf.numpy(), atol=1e-5))
print(T("suma de ∂L/∂x por característica ≈ 0:",
        "soma de ∂L/∂x por característica ≈ 0:"), np.allclose(dx.sum(axis=0), 0, atol=1e-12))

# %% [markdown] lang="es"
# ### Diferencias finitas
#
# Una tercera comprobación, las **diferencias finitas** (*finite differences*), no depende de ninguna derivada: mover
# un poco cada entrada, $x_{ij} \pm h$, y medir cuánto cambia la pérdida,
# $\partial L / \partial x_{ij} \approx \big(L(x + h) - L(x - h)\big) / 2h$.

# %% [markdown] lang="pt"
# ### Diferenças finitas
#
# Uma terceira conferência, as **diferenças finitas** (*finite differences*), não depende de nenhuma derivada: mover
# um pouco cada entrada, $x_{ij} \pm h$, e medir quanto a perda muda,
# $\partial L / \partial x_{ij} \approx \big(L(x + h) - L(x - h)\big) / 2h$.

# %%
def loss_of(x_in):
    return np.sum(dy * batchnorm.batchnorm_forward(x_in, gamma, beta)[0])

h = 1e-6
dx_numeric = np.zeros_like(x)
for i, j in np.ndindex(x.shape):
    step = np.zeros_like(x)
    step[i, j] = h
    dx_numeric[i, j] = (loss_of(x + step) - loss_of(x - step)) / (2 * h)
print(T("diferencias finitas == fórmula:", "diferenças finitas == fórmula:"), np.allclose(dx_numeric, dx, atol=1e-6))

# %% [markdown] lang="es"
# ## Medias móviles
#
# Para generar una sola imagen no hay lote del que sacar $\mu_B$ y $\sigma_B$. Por eso, en cada **paso de
# entrenamiento** (*training step*), la capa guarda además una **media móvil** (*moving average*) de las estadísticas
# del lote:
#
# $$\mu_{\text{móvil}} \leftarrow \text{momentum} \cdot \mu_{\text{móvil}} + (1 - \text{momentum}) \cdot \mu_B$$
#
# $$\sigma^2_{\text{móvil}} \leftarrow \text{momentum} \cdot \sigma^2_{\text{móvil}} + (1 - \text{momentum}) \cdot \sigma_B^2$$
#
# empezando en $\mu_{\text{móvil}} = 0$ y $\sigma^2_{\text{móvil}} = 1$. Las convenciones de Keras no son las de
# PyTorch, y traducir código de uno a otro sin saberlo da una red distinta:
#
# | | Keras | PyTorch |
# |---|---|---|
# | $\epsilon$ | $10^{-3}$ | $10^{-5}$ |
# | `momentum` | 0.99 = peso del valor móvil **anterior** | 0.1 = peso del valor **nuevo** (equivale a 0.9 en Keras) |
# | varianza para la media móvil | la del lote, dividiendo por $m$ (sesgada, *biased*) | dividiendo por $m - 1$ (insesgada, *unbiased*) |

# %% [markdown] lang="pt"
# ## Médias móveis
#
# Para gerar uma só imagem não há lote de onde tirar $\mu_B$ e $\sigma_B$. Por isso, em cada **passo de treinamento**
# (*training step*), a camada guarda também uma **média móvel** (*moving average*) das estatísticas do lote:
#
# $$\mu_{\text{móvel}} \leftarrow \text{momentum} \cdot \mu_{\text{móvel}} + (1 - \text{momentum}) \cdot \mu_B$$
#
# $$\sigma^2_{\text{móvel}} \leftarrow \text{momentum} \cdot \sigma^2_{\text{móvel}} + (1 - \text{momentum}) \cdot \sigma_B^2$$
#
# começando em $\mu_{\text{móvel}} = 0$ e $\sigma^2_{\text{móvel}} = 1$. As convenções do Keras não são as do PyTorch,
# e traduzir código de um para o outro sem saber disso dá uma rede diferente:
#
# | | Keras | PyTorch |
# |---|---|---|
# | $\epsilon$ | $10^{-3}$ | $10^{-5}$ |
# | `momentum` | 0,99 = peso do valor móvel **anterior** | 0,1 = peso do valor **novo** (equivale a 0,9 no Keras) |
# | variância para a média móvel | a do lote, dividindo por $m$ (enviesada, *biased*) | dividindo por $m - 1$ (não enviesada, *unbiased*) |

# %% [markdown] lang="es"
# ### Veinte pasos de entrenamiento
#
# Entrenamos una capa durante 20 pasos con lotes de la misma distribución que nuestro primer ejemplo, y repetimos las
# cuentas con `gc.batchnorm.update_moving`:

# %% [markdown] lang="pt"
# ### Vinte passos de treinamento
#
# Treinamos uma camada durante 20 passos com lotes da mesma distribuição do nosso primeiro exemplo, e refazemos as
# contas com `gc.batchnorm.update_moving`:

# %%
moving_layer = keras.layers.BatchNormalization()     # γ = 1, β = 0, momentum = 0.99
moving_layer.build((None, 3))
moving_mean, moving_var = np.zeros(3), np.ones(3)    # es: los valores iniciales de Keras
                                                     # pt: os valores iniciais do Keras
batch_rng = np.random.default_rng(1)
for step in range(20):
    batch = batch_rng.normal(loc=[5.0, -2.0, 0.5], scale=[2.0, 0.5, 3.0], size=(32, 3))
    moving_layer(batch.astype("float32"), training=True)
    _, batch_cache = batchnorm.batchnorm_forward(batch, np.ones(3), np.zeros(3))
    moving_mean, moving_var = batchnorm.update_moving(moving_mean, moving_var,
                                                      batch_cache["mean"], batch_cache["var"])
print(T("momentum de la capa:", "momentum da camada:"), moving_layer.momentum)
print(T("media móvil:   ", "média móvel:    "), moving_mean.round(3), "  Keras == update_moving:",
      np.allclose(moving_mean, moving_layer.moving_mean.numpy(), atol=1e-5))
print(T("varianza móvil:", "variância móvel:"), moving_var.round(3), "  Keras == update_moving:",
      np.allclose(moving_var, moving_layer.moving_variance.numpy(), atol=1e-5))
print(T("fracción recorrida tras 20 pasos: 1 − 0.99^20 =",
        "fração percorrida após 20 passos: 1 − 0,99^20 ="), gc.i18n.number(1 - 0.99 ** 20, 3))

# %% [markdown] lang="es"
# ### ¿Sesgada o insesgada?
#
# Tras 20 pasos la media móvil solo ha recorrido el 18 % del camino hacia la media real (5, −2, 0.5): con
# `momentum = 0.99` hacen falta cientos de pasos. Si el lote siempre tiene media $\mu$, tras $k$ pasos la media
# móvil vale $\mu\,(1 - 0.99^k)$. ¿Y la varianza de Keras es de verdad la sesgada? Con la insesgada (la de PyTorch)
# los números no coinciden:

# %% [markdown] lang="pt"
# ### Enviesada ou não enviesada?
#
# Após 20 passos a média móvel só percorreu 18 % do caminho até a média real (5, −2, 0,5): com `momentum = 0.99`
# são necessárias centenas de passos. Se o lote sempre tem média $\mu$, após $k$ passos a média móvel vale
# $\mu\,(1 - 0{,}99^k)$. E a variância do Keras é mesmo a enviesada? Com a não enviesada (a do PyTorch) os números
# não coincidem:

# %%
m_batch = len(batch)
unbiased_var = batchnorm.update_moving(moving_mean, moving_var, batch_cache["mean"],
                                       batch_cache["var"] * m_batch / (m_batch - 1))[1]
biased_var = batchnorm.update_moving(moving_mean, moving_var, batch_cache["mean"], batch_cache["var"])[1]
check_layer = keras.layers.BatchNormalization()
check_layer.build((None, 3))
check_layer.moving_mean.assign(moving_mean)
check_layer.moving_variance.assign(moving_var)
check_layer(batch.astype("float32"), training=True)     # es: un paso más con el último lote
                                                        # pt: mais um passo com o último lote
keras_var = check_layer.moving_variance.numpy()
print(T("Keras == varianza sesgada (÷ m):    ",
        "Keras == variância enviesada (÷ m):      "), np.allclose(keras_var, biased_var, atol=1e-5))
print(T("Keras == varianza insesgada (÷ m−1):",
        "Keras == variância não enviesada (÷ m−1):"), np.allclose(keras_var, unbiased_var, atol=1e-5))

# %% [markdown] lang="es"
# ### ¿Cuántos pasos?
#
# La media móvil de una característica cuyos lotes tienen siempre media 1, paso a paso:

# %% [markdown] lang="pt"
# ### Quantos passos?
#
# A média móvel de uma característica cujos lotes têm sempre média 1, passo a passo:

# %%
steps = np.arange(0, 701)
curve = [0.0]
for _ in steps[1:]:
    curve.append(batchnorm.update_moving(np.array([curve[-1]]), np.ones(1), np.array([1.0]), np.ones(1))[0][0])
k90 = int(np.argmax(np.array(curve) >= 0.9))
fig, ax = plt.subplots(figsize=(6, 2.8))
ax.plot(steps, curve, label="momentum = 0.99")
ax.axhline(0.9, color="gray", ls="--", lw=0.8)
ax.axvline(k90, color="gray", ls=":", lw=0.8)
ax.set_xlabel(T("pasos de entrenamiento", "passos de treinamento"))
ax.set_ylabel(T("media móvil / media del lote", "média móvel / média do lote"))
ax.set_title(T(f"Lotes de media constante: el 90 % se alcanza en el paso {k90}",
               f"Lotes de média constante: 90 % é alcançado no passo {k90}"))
ax.legend(loc="lower right")
plt.show()

# %% [markdown] lang="es"
# ### Entrenamiento e inferencia
#
# En **modo inferencia** (*inference mode*, `training=False`) la capa aplica (6) y (7) con las medias móviles en lugar
# de las del lote:
#
# $$y = \gamma\, \frac{x - \mu_{\text{móvil}}}{\sqrt{\sigma^2_{\text{móvil}} + \epsilon}} + \beta$$
#
# y no toca las medias móviles. La diferencia importa: en modo entrenamiento la salida de un ejemplo depende de los
# **otros** ejemplos del lote (a través de $\mu_B$ y $\sigma_B$); en inferencia, no.

# %% [markdown] lang="pt"
# ### Treinamento e inferência
#
# No **modo de inferência** (*inference mode*, `training=False`) a camada aplica (6) e (7) com as médias móveis no
# lugar das do lote:
#
# $$y = \gamma\, \frac{x - \mu_{\text{móvel}}}{\sqrt{\sigma^2_{\text{móvel}} + \epsilon}} + \beta$$
#
# e não mexe nas médias móveis. A diferença importa: no modo de treinamento a saída de um exemplo depende dos
# **outros** exemplos do lote (através de $\mu_B$ e $\sigma_B$); na inferência, não.

# %%
y_inference = moving_layer(x.astype("float32"), training=False).numpy()
y_lib_inference = batchnorm.batchnorm_inference(x, moving_mean, moving_var, np.ones(3), np.zeros(3))
print(T("inferencia: Keras == gc.batchnorm:",
        "inferência: Keras == gc.batchnorm:"), np.allclose(y_inference, y_lib_inference, atol=1e-5))
print(T("la capa no cambió sus medias móviles:", "a camada não mudou suas médias móveis:"),
      np.allclose(moving_layer.moving_mean.numpy(), moving_mean, atol=1e-5))

other = x.copy()
other[1:] += 3.0                      # es: el mismo primer ejemplo, otros compañeros de lote
                                      # pt: o mesmo primeiro exemplo, outros colegas de lote
ones, zeros = np.ones(3), np.zeros(3)
train_changes = not np.allclose(batchnorm.batchnorm_forward(x, ones, zeros)[0][0],
                                batchnorm.batchnorm_forward(other, ones, zeros)[0][0])
inference_changes = not np.allclose(y_lib_inference[0],
                                    batchnorm.batchnorm_inference(other, moving_mean, moving_var, ones, zeros)[0])
print(T("¿cambia la salida del ejemplo 0 al cambiar el resto del lote? entrenamiento:",
        "a saída do exemplo 0 muda ao mudar o resto do lote? treinamento:"), train_changes,
      T("| inferencia:", "| inferência:"), inference_changes)

# %% [markdown] lang="es"
# ## El error de `training=`
#
# ¿Quién decide el modo? El argumento `training` de cada llamada. `model.fit` lo pone a `True` por ti; en un bucle
# propio con `tf.GradientTape`, como el de una GAN, lo escribes tú. Si lo olvidas, `G(z)` equivale a
# `G(z, training=False)`: Keras no avisa, la normalización usa las medias móviles iniciales (0 y 1), es decir,
# no normaliza nada, y las medias móviles no se actualizan nunca. Es un error real: aparece en código público de
# GAN con TensorFlow.
#

# %% [markdown] lang="es"
# ### Un paso de GAN, con y sin `training=`
#
# Un paso de entrenamiento de GAN (lo construiremos con calma en la lección 06) con los argumentos de llamada como
# parámetro: `{}` es olvidar `training=`, `{"training": True}` es escribirlo.

# %% [markdown] lang="pt"
# ## O erro do `training=`
#
# Quem decide o modo? O argumento `training` de cada chamada. `model.fit` o coloca em `True` por você; num laço
# próprio com `tf.GradientTape`, como o de uma GAN, é você quem o escreve. Se você o esquecer, `G(z)` equivale a
# `G(z, training=False)`: o Keras não avisa, a normalização usa as médias móveis iniciais (0 e 1), ou seja, não
# normaliza nada, e as médias móveis nunca são atualizadas. É um erro real: aparece em código público de GAN com
# TensorFlow.
#

# %% [markdown] lang="pt"
# ### Um passo de GAN, com e sem `training=`
#
# Um passo de treinamento de GAN (vamos construí-lo com calma na lição 06) com os argumentos de chamada como
# parâmetro: `{}` é esquecer o `training=`, `{"training": True}` é escrevê-lo.

# %%
real_images = data.to_float(images[np.random.default_rng(4).choice(len(images), 48, replace=False)])
z_steps = rng.normal(size=(3, 16, 100)).astype("float32")

def gan_step(G, D, real, z, g_opt, d_opt, call_args):
    with tf.GradientTape() as g_tape, tf.GradientTape() as d_tape:
        fake = G(z, **call_args)
        real_out = D(real, **call_args)
        fake_out = D(fake, **call_args)
        d_loss = losses.discriminator_loss(real_out, fake_out)
        g_loss = losses.generator_loss(fake_out)
    d_opt.apply_gradients(zip(d_tape.gradient(d_loss, D.trainable_variables), D.trainable_variables))
    g_opt.apply_gradients(zip(g_tape.gradient(g_loss, G.trainable_variables), G.trainable_variables))

for call_args in ({}, {"training": True}):
    gc.seed_everything(0)
    G, D = models.course_generator(), models.course_discriminator(classes=0)
    g_opt, d_opt = keras.optimizers.Adam(2e-4, beta_1=0.5), keras.optimizers.Adam(2e-4, beta_1=0.5)
    for step in range(3):
        gan_step(G, D, real_images[16 * step:16 * (step + 1)], z_steps[step], g_opt, d_opt, call_args)
    bn_0 = G.get_layer("bn_0")
    print(T(f"G(z, **{call_args}): tras 3 pasos, ¿media móvil de bn_0 aún 0?",
            f"G(z, **{call_args}): após 3 passos, média móvel de bn_0 ainda 0?"),
          bool(np.all(bn_0.moving_mean.numpy() == 0)),
          T("| ¿varianza móvil aún 1?", "| variância móvel ainda 1?"), bool(np.all(bn_0.moving_variance.numpy() == 1)))

# %% [markdown] lang="es"
# ### Un generador recién creado
#
# Sin `training=True` la red entrena **sin normalizar**: lo que llega a cada capa es
# $\gamma\, x / \sqrt{1 + \epsilon} + \beta$ (al principio, con $\gamma = 1$ y $\beta = 0$, casi $x$). Con los pesos
# iniciales de DCGAN (muy pequeños, desviación 0.02) eso significa imágenes casi constantes. Un generador recién
# creado, en los dos modos, sobre el mismo lote de **vectores latentes** (*latent vectors*):

# %% [markdown] lang="pt"
# ### Um gerador recém-criado
#
# Sem `training=True` a rede treina **sem normalizar**: o que chega a cada camada é
# $\gamma\, x / \sqrt{1 + \epsilon} + \beta$ (no início, com $\gamma = 1$ e $\beta = 0$, quase $x$). Com os pesos
# iniciais da DCGAN (muito pequenos, desvio 0,02) isso significa imagens quase constantes. Um gerador
# recém-criado, nos dois modos, sobre o mesmo lote de **vetores latentes** (*latent vectors*):

# %%
gc.seed_everything(0)
G = models.course_generator()
z = np.random.default_rng(3).normal(size=(64, 100)).astype("float32")
print(T("desviación de los píxeles generados: G(z) =",
        "desvio dos pixels gerados: G(z) ="), f"{np.std(G(z).numpy()):.2g}",
      "| G(z, training=True) =", f"{np.std(G(z, training=True).numpy()):.2g}")

# %% [markdown] lang="es"
# La regla del curso: **cada llamada a un modelo lleva `training=` explícito**: `True` dentro del paso de
# entrenamiento (para G y para D), `False` al generar muestras para mirarlas o medirlas (si no, las muestras
# dependerían del lote y las medias móviles se moverían). `gan_course.train.GAN` lo hace así.

# %% [markdown] lang="pt"
# A regra do curso: **cada chamada a um modelo leva `training=` explícito**: `True` dentro do passo de treinamento
# (para G e para D), `False` ao gerar amostras para olhá-las ou medi-las (senão, as amostras dependeriam do lote e
# as médias móveis se mexeriam). `gan_course.train.GAN` faz assim.


# %% [markdown] lang="es" slideshow={"slide_type": "notes"}
# Pregunta antes de ejecutar el paso de GAN: «si olvido `training=True`, ¿falla algo? ¿Da un error?». No: Keras no
# avisa, y el entrenamiento sigue con números razonables. Ese silencio es lo peligroso. Pide que busquen en su
# propio código cada llamada a un modelo y comprueben que lleva `training=`.

# %% [markdown] lang="pt" slideshow={"slide_type": "notes"}
# Pergunte antes de executar o passo de GAN: “se eu esquecer o `training=True`, algo falha? Dá erro?”. Não: o Keras
# não avisa, e o treinamento segue com números razoáveis. Esse silêncio é o perigo. Peça que procurem no próprio
# código cada chamada a um modelo e confiram que ela leva `training=`.
# %% [markdown] lang="es"
# ## Reglas DCGAN: dónde va la normalización
#
# Radford, Metz y Chintala (2016) fijaron las reglas de la DCGAN:
#
# - convoluciones con stride en lugar de agrupamiento (*pooling*), y **convoluciones transpuestas** (*transposed
#   convolutions*) en el generador;
# - ninguna capa **totalmente conectada** (*fully connected*) **oculta**;
# - ReLU en G (con $\tanh$ a la salida) y LeakyReLU en D;
# - normalización por lotes **en G y en D, salvo en la capa de salida del generador y en la de entrada del
#   discriminador**. Aplicarla a todas las capas, cuentan, hacía oscilar las muestras y volvía inestable el
#   entrenamiento.

# %% [markdown] lang="pt"
# ## Regras DCGAN: onde vai a normalização
#
# Radford, Metz e Chintala (2016) fixaram as regras da DCGAN:
#
# - convoluções com stride no lugar de agrupamento (*pooling*), e **convoluções transpostas** (*transposed
#   convolutions*) no gerador;
# - nenhuma camada **totalmente conectada** (*fully connected*) **oculta**;
# - ReLU em G (com $\tanh$ na saída) e LeakyReLU em D;
# - normalização em lote **em G e em D, exceto na camada de saída do gerador e na de entrada do discriminador**.
#   Aplicá-la a todas as camadas, contam eles, fazia as amostras oscilarem e deixava o treinamento instável.

# %% [markdown] lang="es"
# ### Arquitectura DCGAN
#
# El generador y el discriminador del curso siguen esas reglas (`gc.models`; aquí el discriminador sencillo, con una
# sola salida). El generador parte de 7×7 y duplica el tamaño dos veces (`models.upsampling_plan`):

# %% [markdown] lang="pt"
# ### Arquitetura DCGAN
#
# O gerador e o discriminador do curso seguem essas regras (`gc.models`; aqui o discriminador simples, com uma só
# saída). O gerador parte de 7×7 e dobra o tamanho duas vezes (`models.upsampling_plan`):

# %%
print("upsampling_plan((28, 28, 1)) =", models.upsampling_plan((28, 28, 1)))
for model in (models.course_generator(), models.course_discriminator(classes=0)):
    print(model.name)
    for net_layer in model.layers[1:]:
        shape = str(tuple(net_layer.output.shape[1:]))
        bias = f"use_bias={net_layer.use_bias}" if hasattr(net_layer, "use_bias") else ""
        print(f"   {net_layer.name:8s} {type(net_layer).__name__:19s} {shape:14s} {bias}")

# %% [markdown] lang="es"
# ### ¿Y las dos capas densas?
#
# La lista tiene dos `Dense`, y la regla dice «ninguna capa totalmente conectada». No se contradicen: la regla
# habla de capas **ocultas**, las que en las redes de antes iban entre las convoluciones y la salida. Las dos que
# quedan están en los extremos, y el artículo de DCGAN también las tiene:
#
# - `project`, la primera capa de G: una multiplicación de $z$ (100 números) por una matriz, cuyo resultado se
#   reordena (`reshape`) en un mapa de 7×7×128 donde empiezan las convoluciones;
# - `logits`, la última de D: los 7×7×128 valores del último mapa, aplanados, dan **un** número, el logit de «real».
#
# Entre las dos, todo son convoluciones.

# %% [markdown] lang="pt"
# ### E as duas camadas densas?
#
# A lista tem duas `Dense`, e a regra diz “nenhuma camada totalmente conectada”. Não se contradizem: a regra fala de
# camadas **ocultas**, as que nas redes de antes ficavam entre as convoluções e a saída. As duas que sobram estão nas
# pontas, e o artigo da DCGAN também as tem:
#
# - `project`, a primeira camada de G: uma multiplicação de $z$ (100 números) por uma matriz, cujo resultado é
#   reorganizado (`reshape`) num mapa de 7×7×128 onde começam as convoluções;
# - `logits`, a última de D: os 7×7×128 valores do último mapa, achatados, dão **um** número, o logit de “real”.
#
# Entre as duas, tudo são convoluções.


# %% [markdown] lang="es" slideshow={"slide_type": "notes"}
# Antes de la lista de capas, pregunta cuántas capas `Dense` esperan encontrar si la regla dice «sin capas
# totalmente conectadas». Después, que digan qué hacen las dos que aparecen (llevar $z$ a un mapa; llevar el último
# mapa a un solo logit) y por qué ninguna de las dos es «oculta».

# %% [markdown] lang="pt" slideshow={"slide_type": "notes"}
# Antes da lista de camadas, pergunte quantas camadas `Dense` esperam encontrar se a regra diz “sem camadas
# totalmente conectadas”. Depois, que digam o que fazem as duas que aparecem (levar $z$ a um mapa; levar o último
# mapa a um só logit) e por que nenhuma das duas é “oculta”.
# %% [markdown] lang="es"
# ### El sesgo: dos motivos distintos
#
# Las capas seguidas de normalización (`project`, `up_1`, `down_1`) no llevan **sesgo** (*bias*; `use_bias=False`)
# porque sería inútil: la normalización resta la media del lote por canal, y una constante sumada antes desaparece;
# $\beta$ hace ese papel después. En la salida, `image` sí lo lleva.
#
# `down_0` no tiene normalización detrás, así que ahí el sesgo **no** sería inútil: quitarlo le quita a D 64
# números. El motivo es práctico: `models.dcgan_discriminator` lo quitó para esquivar un fallo del optimizador de
# grafos de TensorFlow 2.21 (*remapper*, que fusiona Conv2D + sesgo + LeakyReLU) cuando el gradiente atraviesa D.
# La primera razón, comprobada:

# %% [markdown] lang="pt"
# ### O viés: dois motivos diferentes
#
# As camadas seguidas de normalização (`project`, `up_1`, `down_1`) não têm **viés** (*bias*; `use_bias=False`)
# porque ele seria inútil: a normalização subtrai a média do lote por canal, e uma constante somada antes desaparece;
# $\beta$ faz esse papel depois. Na saída, `image` tem viés.
#
# `down_0` não tem normalização depois, então ali o viés **não** seria inútil: tirá-lo tira 64 números de D. O motivo
# é prático: `models.dcgan_discriminator` o tirou para evitar uma falha do otimizador de grafos do TensorFlow 2.21
# (*remapper*, que funde Conv2D + viés + LeakyReLU) quando o gradiente atravessa D. A primeira razão, conferida:

# %%
bias_c = np.array([0.7, -1.2, 3.0])                       # es: un sesgo por canal | pt: um viés por canal
with_bias = batchnorm.batchnorm_forward(maps + bias_c, gamma_c, beta_c)[0]
without_bias = batchnorm.batchnorm_forward(maps, gamma_c, beta_c)[0]
print(T("normalizar (mapas + sesgo) == normalizar (mapas):",
        "normalizar (mapas + viés) == normalizar (mapas):"), np.allclose(with_bias, without_bias, atol=1e-9))

# %% [markdown] lang="es"
# ### Por qué no en la entrada del discriminador
#
# La normalización borra la media y la escala de cada lote. Si D normalizara su entrada, un lote de imágenes
# falsas demasiado claras o con poco contraste le llegaría igual que el lote bueno: no podría ver justo los
# defectos que debe señalar. Con un lote de dígitos reales:

# %% [markdown] lang="pt"
# ### Por que não na entrada do discriminador
#
# A normalização apaga a média e a escala de cada lote. Se D normalizasse a sua entrada, um lote de imagens falsas
# claras demais ou com pouco contraste chegaria a ele igual ao lote bom: ele não conseguiria ver justamente os
# defeitos que deve apontar. Com um lote de dígitos reais:

# %%
one, zero = np.ones(1), np.zeros(1)
seen_real = batchnorm.batchnorm_forward(real_images, one, zero)[0]
seen_bright = batchnorm.batchnorm_forward(real_images + 0.3, one, zero)[0]      # es: más claras | pt: mais claras
seen_faint = batchnorm.batchnorm_forward(0.5 * real_images, one, zero)[0]       # es: la mitad de contraste
                                                                                # pt: metade do contraste
def max_change(a, b):
    return round(float(np.max(np.abs(a - b))), 3)

print(T("cambio máximo de un píxel: más claras",
        "mudança máxima de um pixel: mais claras"), max_change(real_images + 0.3, real_images),
      T("| la mitad de contraste", "| metade do contraste"), max_change(0.5 * real_images, real_images))
print(T("tras normalizar:           más claras",
        "após normalizar:            mais claras"), max_change(seen_bright, seen_real),
      T("| la mitad de contraste", "| metade do contraste"), max_change(seen_faint, seen_real))

# %% [markdown] lang="es"
# ### Por qué no en la salida del generador
#
# Con una normalización en la última capa, **todo** lote generado tendría exactamente la media $\beta$ (y la
# desviación $\gamma$) en cada canal, digan lo que digan los vectores latentes. Pero los lotes reales no son así: un
# lote de unos tiene mucho menos trazo que uno de ceros. G no podría imitar esa variación, y cada imagen dependería
# de sus compañeras de lote.

# %% [markdown] lang="pt"
# ### Por que não na saída do gerador
#
# Com uma normalização na última camada, **todo** lote gerado teria exatamente a média $\beta$ (e o desvio
# $\gamma$) em cada canal, digam o que disserem os vetores latentes. Mas os lotes reais não são assim: um lote de
# uns tem muito menos traço que um de zeros. G não conseguiria imitar essa variação, e cada imagem dependeria das
# suas colegas de lote.

# %%
ones_batch = data.to_float(images[labels == 1][:32])
zeros_batch = data.to_float(images[labels == 0][:32])
beta_out = np.array([-0.7])
for name, batch_images in ((T("lote de unos ", "lote de uns  "), ones_batch), (T("lote de ceros", "lote de zeros"), zeros_batch)):
    normalised = batchnorm.batchnorm_forward(batch_images, one, beta_out)[0]
    print(T(f"{name}: media de los píxeles {batch_images.mean():+.3f} → tras normalizar {normalised.mean():+.3f}",
            f"{name}: média dos pixels {batch_images.mean():+.3f} → após normalizar {normalised.mean():+.3f}"))

# %% [markdown] lang="es"
# ## Experimento: DCGAN con y sin normalización en el generador
#
# El mismo generador del curso con `batch_norm=True` y con `batch_norm=False` (sin ninguna capa de normalización;
# las capas recuperan su sesgo), el mismo discriminador. Primero, recién creados: ¿qué escala tienen las
# activaciones de cada capa para un lote de vectores latentes?

# %% [markdown] lang="pt"
# ## Experimento: DCGAN com e sem normalização no gerador
#
# O mesmo gerador do curso com `batch_norm=True` e com `batch_norm=False` (sem nenhuma camada de normalização; as
# camadas recuperam o seu viés), o mesmo discriminador. Primeiro, recém-criados: que escala têm as ativações de
# cada camada para um lote de vetores latentes?

# %%
for use_bn in (True, False):
    gc.seed_everything(0)
    G = models.course_generator(batch_norm=use_bn)
    probe = keras.Model(G.input, [G.get_layer(name).output for name in ("relu_0", "relu_1", "image")])
    stds = [float(np.std(a)) for a in probe(z, training=True)]
    print(T(f"batch_norm={use_bn!s:5s}  desviación tras relu_0 {stds[0]:.2g}, tras relu_1 {stds[1]:.2g}, "
            f"de la imagen {stds[2]:.2g}",
            f"batch_norm={use_bn!s:5s}  desvio após relu_0 {stds[0]:.2g}, após relu_1 {stds[1]:.2g}, "
            f"da imagem {stds[2]:.2g}"))

# %% [markdown] lang="es"
# Con normalización la escala de las activaciones no depende de los pesos iniciales: tras cada ReLU es la de una
# normal estándar pasada por la ReLU, $\sqrt{\tfrac{1}{2} - \tfrac{1}{2\pi}} \approx 0.58$. Sin ella, con los pesos
# pequeños de DCGAN, la señal se encoge capa a capa y la imagen inicial es un gris casi uniforme.

# %% [markdown] lang="pt"
# Com normalização a escala das ativações não depende dos pesos iniciais: depois de cada ReLU é a de uma normal
# padrão passada pela ReLU, $\sqrt{\tfrac{1}{2} - \tfrac{1}{2\pi}} \approx 0{,}58$. Sem ela, com os pesos pequenos da
# DCGAN, o sinal encolhe camada a camada e a imagem inicial é um cinza quase uniforme.

# %% [markdown] lang="es"
# ### Entrenar los dos pares
#
# Entrenamos los dos pares como la DCGAN sin etiquetas del curso (`recipe="plain"` de `gan_course.train`, el bucle de
# la lección 06) y el mismo número de pasos. En modo rápido son solo unos pasos, para probar que todo funciona; con el
# tamaño completo, tres **épocas** (*epochs*) sobre los 5000 dígitos: en una CPU de 2 núcleos, de un minuto y medio a
# cinco por par, según lo ocupada que esté la máquina.

# %% [markdown] lang="pt"
# ### Treinar os dois pares
#
# Treinamos os dois pares como a DCGAN sem rótulos do curso (`recipe="plain"` do `gan_course.train`, o laço da
# lição 06) e o mesmo número de passos. No modo rápido são só alguns passos, para testar que tudo funciona; com o tamanho
# completo, três **épocas** (*epochs*) sobre os 5000 dígitos: numa CPU de 2 núcleos, de um minuto e meio a cinco por
# par, conforme a máquina estiver ocupada.

# %% tags=["nbval-ignore-output"]
subset = images[rng.permutation(len(images))[:gc.pick(5000, 256)]]
epochs = gc.pick(3, 1)
histories, samples = {}, {}
for use_bn in (True, False):
    gc.seed_everything(0)
    gan = train.GAN(models.course_generator(batch_norm=use_bn), models.course_discriminator(classes=0),
                    recipe="plain", seed=0)
    histories[use_bn] = history = train.fit(gan, subset, epochs=epochs, batch_size=64, verbose=False)
    samples[use_bn] = gan.sample(gan.fixed_z[:36])
    print(T(f"batch_norm={use_bn!s:5s} J(D) = {history['d_loss'][-1]:.3f}, J(G) = {history['g_loss'][-1]:.3f}, "
            f"D(x) = {history['d_real'][-1]:.2f}, D(G(z)) = {history['d_fake'][-1]:.2f}, "
            f"desviación de las muestras {samples[use_bn].std():.3f}  ({sum(history['seconds']):.0f} s)",
            f"batch_norm={use_bn!s:5s} J(D) = {history['d_loss'][-1]:.3f}, J(G) = {history['g_loss'][-1]:.3f}, "
            f"D(x) = {history['d_real'][-1]:.2f}, D(G(z)) = {history['d_fake'][-1]:.2f}, "
            f"desvio das amostras {samples[use_bn].std():.3f}  ({sum(history['seconds']):.0f} s)"))

# %% tags=["nbval-ignore-output"] slideshow={"slide_type": "subslide"}
fig, axes = plt.subplots(2, 2, figsize=(8, 6))
for col, use_bn in enumerate((True, False)):
    title = T("con normalización en G", "com normalização em G") if use_bn else T("sin normalización en G", "sem normalização em G")
    train.plot_history(histories[use_bn], ax=axes[0, col], title=title)
    gc.plots.show_images(samples[use_bn], ncols=6, ax=axes[1, col], title=title)
fig.tight_layout()
plt.show()

# %% [markdown] lang="es"
# ### Lo que se ve
#
# Con el tamaño completo, el generador con normalización ya dibuja trazos con forma de dígito al cabo de tres
# épocas; el generador sin ella no ha salido del gris: la desviación de sus muestras sigue cerca de cero, el
# discriminador gana ($D(x)$ cerca de 1, $J^{(G)}$ creciendo) y todas las muestras son casi la misma imagen. Es lo
# que Radford y sus coautores contaban: la normalización fue decisiva para que los generadores profundos
# *empezaran* a aprender, en vez de colapsar todas las muestras en un solo punto. (En modo rápido no hay pasos
# suficientes para ver la diferencia.)

# %% [markdown] lang="pt"
# ### O que se vê
#
# Com o tamanho completo, o gerador com normalização já desenha traços com forma de dígito depois de três
# épocas; o gerador sem ela não saiu do cinza: o desvio das suas amostras continua perto de zero, o discriminador
# ganha ($D(x)$ perto de 1, $J^{(G)}$ crescendo) e todas as amostras são quase a mesma imagem. É o que Radford e
# seus coautores contavam: a normalização foi decisiva para que os geradores profundos *começassem* a aprender, em
# vez de colapsar todas as amostras num só ponto. (No modo rápido não há passos suficientes para ver a
# diferença.)


# %% [markdown] lang="es" slideshow={"slide_type": "notes"}
# El entrenamiento completo tarda unos tres minutos: lánzalo antes de explicar la celda y vuelve cuando termine.
# Mientras tanto, pide una predicción: ¿qué par dibujará antes algo parecido a un dígito, y por qué? Al final,
# señala la desviación de las muestras del par sin normalización: casi cero quiere decir «todas iguales».

# %% [markdown] lang="pt" slideshow={"slide_type": "notes"}
# O treinamento completo leva uns três minutos: dispare-o antes de explicar a célula e volte quando terminar.
# Enquanto isso, peça uma previsão: qual par vai desenhar antes algo parecido com um dígito, e por quê? No final,
# aponte o desvio das amostras do par sem normalização: quase zero quer dizer “todas iguais”.
# %% [markdown] lang="es"
# ## Ejercicios
#
# Escribe tu respuesta en lugar de `None` y ejecuta (a mano primero; `gc.batchnorm` sirve para comprobar). El lote:
# $x = [2, 4, 6, 8]$, una sola característica.
#
# 1. ¿Su media $\mu$ y su varianza $\sigma^2$ (la de Keras, dividiendo por $m$)? Una tupla `(μ, σ²)`.
# 2. Con $\gamma = 2$, $\beta = 1$, $\epsilon = 0.001$: ¿la salida $y$ en modo entrenamiento? Una lista de 4 números.
# 3. Media móvil desde 0, `momentum = 0.99`, lotes de media 5: ¿en qué paso llega por primera vez a 4.5?

# %% [markdown] lang="pt"
# ## Exercícios
#
# Escreva sua resposta no lugar de `None` e execute (à mão primeiro; `gc.batchnorm` serve para conferir). O lote:
# $x = [2, 4, 6, 8]$, uma só característica.
#
# 1. Sua média $\mu$ e sua variância $\sigma^2$ (a do Keras, dividindo por $m$)? Uma tupla `(μ, σ²)`.
# 2. Com $\gamma = 2$, $\beta = 1$, $\epsilon = 0{,}001$: a saída $y$ no modo de treinamento? Uma lista de 4 números.
# 3. Média móvel a partir de 0, `momentum = 0.99`, lotes de média 5: em que passo chega pela primeira vez a 4,5?

# %%
answer = None  # es: 05.1, p. ej. (0.0, 0.0) | pt: 05.1, p. ex. (0.0, 0.0)
gc.exercises.check("05.1", answer)

# %%
answer = None  # es: 05.2, una lista de 4 números | pt: 05.2, uma lista de 4 números
gc.exercises.check("05.2", answer)

# %%
answer = None  # es: 05.3, tu respuesta | pt: 05.3, sua resposta
gc.exercises.check("05.3", answer)

# %% [markdown] lang="es"
# ### Tres preguntas más
#
# 4. El mismo lote $x = [2, 4, 6, 8]$, con $\partial L / \partial y = [1, 1, 1, 1]$: ¿cuánto vale
#    $\partial L / \partial x$? Una lista de 4 números.
# 5. ¿Cuántos parámetros entrenables tiene una `BatchNormalization` detrás de una `Conv2D` de 64 filtros?
# 6. Si D normalizara su entrada, ¿distinguiría un lote de imágenes del mismo lote aclarado (+0.3)? `True` o
#    `False`.

# %% [markdown] lang="pt"
# ### Mais três perguntas
#
# 4. O mesmo lote $x = [2, 4, 6, 8]$, com $\partial L / \partial y = [1, 1, 1, 1]$: quanto vale
#    $\partial L / \partial x$? Uma lista de 4 números.
# 5. Quantos parâmetros treináveis tem uma `BatchNormalization` depois de uma `Conv2D` de 64 filtros?
# 6. Se D normalizasse a sua entrada, ele distinguiria um lote de imagens do mesmo lote clareado (+0,3)? `True` ou
#    `False`.

# %%
answer = None  # es: 05.4, una lista de 4 números | pt: 05.4, uma lista de 4 números
gc.exercises.check("05.4", answer)

# %%
answer = None  # es: 05.5, tu respuesta | pt: 05.5, sua resposta
gc.exercises.check("05.5", answer)

# %%
answer = None  # es: 05.6, True o False | pt: 05.6, True ou False
gc.exercises.check("05.6", answer)

# %% [markdown] lang="es"
# ### Programar: la normalización de imágenes
#
# 7. Completa `my_batchnorm(x, gamma, beta, eps)` para un lote de imágenes NHWC en modo entrenamiento, con NumPy y
#    sin `gc.batchnorm`: una media y una varianza por canal, ecuaciones (4)–(7). Pasa la **función** como
#    respuesta; el corrector la compara con una capa `BatchNormalization` de Keras sobre un lote que tú no ves.

# %% [markdown] lang="pt"
# ### Programar: a normalização de imagens
#
# 7. Complete `my_batchnorm(x, gamma, beta, eps)` para um lote de imagens NHWC no modo de treinamento, com NumPy e
#    sem `gc.batchnorm`: uma média e uma variância por canal, equações (4)–(7). Passe a **função** como resposta; o
#    corretor a compara com uma camada `BatchNormalization` do Keras sobre um lote que você não vê.

# %%
def my_batchnorm(x, gamma, beta, eps=1e-3):
    return None  # es: (N, H, W, C) -> (N, H, W, C) | pt: (N, H, W, C) -> (N, H, W, C)

answer = None  # es: my_batchnorm, sin paréntesis | pt: my_batchnorm, sem parênteses
gc.exercises.check("05.7", answer)

# %% [markdown] lang="es"
# ### Programar: hacia atrás en una línea
#
# 8. Completa `my_backward(dy, x, gamma, eps)` con la fórmula compacta: recibe $\partial L / \partial y$ y el lote
#    $x$ de forma $(m, \text{características})$ y devuelve $\partial L / \partial x$. El corrector la compara con
#    el gradiente de `tf.GradientTape` a través de la capa de Keras.

# %% [markdown] lang="pt"
# ### Programar: para trás em uma linha
#
# 8. Complete `my_backward(dy, x, gamma, eps)` com a fórmula compacta: recebe $\partial L / \partial y$ e o lote
#    $x$ de formato $(m, \text{características})$ e devolve $\partial L / \partial x$. O corretor a compara com o
#    gradiente do `tf.GradientTape` através da camada do Keras.

# %%
def my_backward(dy, x, gamma, eps=1e-3):
    return None  # es: ∂L/∂x, de la misma forma que x | pt: ∂L/∂x, do mesmo formato que x

answer = None  # es: my_backward, sin paréntesis | pt: my_backward, sem parênteses
gc.exercises.check("05.8", answer)

# %% [markdown] lang="es"
# ## Siguiente
#
# Ya están todas las piezas: convoluciones que reducen (02), convoluciones transpuestas que amplían (03), el
# objetivo de la GAN (04) y la normalización por lotes con su `training=`. La lección 06 las junta en una DCGAN
# que aprende a dibujar dígitos, con el paso de entrenamiento escrito con `tf.GradientTape`.

# %% [markdown] lang="pt"
# ## Próxima
#
# Já temos todas as peças: convoluções que reduzem (02), convoluções transpostas que ampliam (03), o objetivo da
# GAN (04) e a normalização em lote com o seu `training=`. A lição 06 as junta numa DCGAN que aprende a desenhar
# dígitos, com o passo de treinamento escrito com `tf.GradientTape`.
