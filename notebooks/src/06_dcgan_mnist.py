"""Lesson 06: the source of both notebooks named in NAMES. Format: see tools/nbbuild.py."""
from _lang import T

NAMES = {"es": "06_dcgan_mnist", "pt": "06_dcgan_mnist"}

# %% [markdown] lang="es"
# # DCGAN en MNIST con `tf.GradientTape`
#
# Las lecciones 02–05 prepararon las piezas: la convolución, la convolución transpuesta (*transposed convolution*),
# el objetivo de la red generativa antagónica (*generative adversarial network*, GAN) y la normalización por lotes
# (*batch normalization*). Aquí se juntan en una **DCGAN** (*deep convolutional GAN*) tal cual, **sin etiquetas**:
# el generador recibe solo ruido y el discriminador solo imágenes.
#
# 1. los datos y las dos redes;
# 2. el **paso de entrenamiento** (*training step*) escrito a mano con `tf.GradientTape` y comprobado contra el de
#    la biblioteca; logits o probabilidades;
# 3. un entrenamiento de 20 **épocas** (*epochs*) en la CPU: cuadrículas, GIF, curvas y puntuaciones honestas;
# 4. ¿copia o crea?, puntos de control (*checkpoints*), trucos (*ganhacks*), la calidad de los datos y el mapa
#    del DCGAN de carpedm20 sobre este paquete.
#
# La lección 07 parte de este resultado y le añade, una a una, las piezas que lo mejoran.

# %% [markdown] lang="pt"
# # DCGAN no MNIST com `tf.GradientTape`
#
# As lições 02–05 prepararam as peças: a convolução, a convolução transposta (*transposed convolution*), o objetivo
# da rede adversária generativa (*generative adversarial network*, GAN) e a normalização em lote (*batch
# normalization*). Aqui elas se juntam numa **DCGAN** (*deep convolutional GAN*) tal como ela é, **sem rótulos**: o
# gerador recebe só ruído e o discriminador só imagens.
#
# 1. os dados e as duas redes;
# 2. o **passo de treinamento** (*training step*) escrito à mão com `tf.GradientTape` e conferido contra o da
#    biblioteca; logits ou probabilidades;
# 3. um treinamento de 20 **épocas** (*epochs*) na CPU: grades, GIF, curvas e pontuações honestas;
# 4. copia ou cria?, pontos de verificação (*checkpoints*), truques (*ganhacks*), a qualidade dos dados e o mapa
#    do DCGAN de carpedm20 sobre este pacote.
#
# A lição 07 parte deste resultado e lhe acrescenta, uma a uma, as peças que o melhoram.

# %% slideshow={"slide_type": "skip"}
import numpy as np
import matplotlib.pyplot as plt
import gan_course as gc
from gan_course import classifier, colour_metrics, data, gif, keras, losses, metrics, models, plots, recipes, tf, train
from gan_course.i18n import number

gc.setup(T("es", "pt"))  # es: idioma, semillas, TensorFlow silencioso | pt: idioma, sementes, TensorFlow silencioso

# %% [markdown] lang="es" slideshow={"slide_type": "notes"}
# Para abrir, pregunta a la clase: «si una GAN devolviera exactamente sus dígitos de entrenamiento, ¿qué nota le
# pondría un clasificador?». Perfecta: dígitos claros, las diez clases por igual. De ahí salen dos ideas de la
# lección: medir con dígitos que la GAN no ha visto, y comprobar aparte si copia. Avisa también de que esta DCGAN
# no sabe qué dígito dibuja: nadie se lo dice.

# %% [markdown] lang="pt" slideshow={"slide_type": "notes"}
# Para abrir, pergunte à turma: “se uma GAN devolvesse exatamente os seus dígitos de treinamento, que nota um
# classificador lhe daria?”. Perfeita: dígitos claros, as dez classes por igual. Daí saem duas ideias da lição:
# medir com dígitos que a GAN não viu, e conferir à parte se ela copia. Avise também que esta DCGAN não sabe que
# dígito desenha: ninguém lhe diz.

# %% [markdown] lang="es"
# ## Los datos
#
# Los 5000 dígitos de MNIST que trae el paquete se dividen una sola vez, con semilla fija (`data.mnist_split`):
# **4000 de entrenamiento**, los únicos que ve la GAN, y **1000 de prueba**, apartados. La distancia de Fréchet
# (FID) y la prueba de memorización comparan lo generado con los de prueba: con los mismos 4000 del
# entrenamiento, una GAN que **copiara** sus datos parecería perfecta.
#
# Las etiquetas existen, pero esta DCGAN no las lee: solo las usa el clasificador que cuenta las clases al final.
# Dentro de las redes las imágenes son `float32` en $[-1, 1]$, el rango de la `tanh` con la que termina $G$.

# %% [markdown] lang="pt"
# ## Os dados
#
# Os 5000 dígitos do MNIST que vêm com o pacote são divididos uma única vez, com semente fixa (`data.mnist_split`):
# **4000 de treinamento**, os únicos que a GAN vê, e **1000 de teste**, separados. A distância de Fréchet (FID) e o
# teste de memorização comparam o que foi gerado com os de teste: com os mesmos 4000 do treinamento, uma GAN que
# **copiasse** seus dados pareceria perfeita.
#
# Os rótulos existem, mas esta DCGAN não os lê: só o classificador que conta as classes no final os usa. Dentro
# das redes as imagens são `float32` em $[-1, 1]$, o intervalo da `tanh` com que $G$ termina.

# %%
images, labels = data.mnist_split("train")                   # es: los 4000 que ve la GAN | pt: os 4000 que a GAN vê
held_out, held_out_labels = data.mnist_split("held_out")     # es: 1000 que no ve nunca | pt: 1000 que ela nunca vê
x = data.to_float(images)
print(T("entrenamiento:", "treinamento:"), images.shape, T("  prueba:", "  teste:"), held_out.shape)
print("float32:", x.shape, x.min(), x.max())

# %% slideshow={"slide_type": "subslide"}
plots.show_digits_per_class(images, labels, per_class=10)
plt.show()

# %% [markdown] lang="es"
# ## Las dos redes
#
# Las redes de la receta `plain` (`python -m gan_course recipes plain`): la DCGAN sin añadidos. Siguen las reglas
# de Radford et al. (2016): convoluciones con stride 2 en vez de agrupamiento (*pooling*), normalización por lotes
# salvo en la salida de $G$ y en la entrada de $D$, ReLU en $G$ y LeakyReLU (pendiente 0.2) en $D$.
#
# **El generador** proyecta $z \sim \mathcal{N}(0, I)$ (100 números) con una capa densa a 7×7×128 y lo duplica dos
# veces con convoluciones transpuestas de **4×4 y stride 2**: 14×14×64 y 28×28×1. Con un kernel divisible por el
# stride no hay **solapamiento desigual** (*uneven overlap*, lección 03). Eso no impide el tablero de ajedrez: los
# pesos aprendidos aún pueden dibujarlo (lo medimos más abajo), y redimensionar y luego convolucionar tampoco lo
# descarta del todo (la lección 03 calcula un contraejemplo).

# %% [markdown] lang="pt"
# ## As duas redes
#
# As redes da receita `plain` (`python -m gan_course recipes plain`): a DCGAN sem acréscimos. Elas seguem as regras
# de Radford et al. (2016): convoluções com stride 2 no lugar de agrupamento (*pooling*), normalização em lote
# exceto na saída de $G$ e na entrada de $D$, ReLU em $G$ e LeakyReLU (inclinação 0,2) em $D$.
#
# **O gerador** projeta $z \sim \mathcal{N}(0, I)$ (100 números) com uma camada densa para 7×7×128 e o duplica duas
# vezes com convoluções transpostas de **4×4 e stride 2**: 14×14×64 e 28×28×1. Com um kernel divisível pelo stride
# não há **sobreposição desigual** (*uneven overlap*, lição 03). Isso não impede o tabuleiro de xadrez: os pesos
# aprendidos ainda podem desenhá-lo (medimos isso mais abaixo), e redimensionar e depois convolucionar também não
# o descarta de todo (a lição 03 calcula um contraexemplo).

# %% slideshow={"slide_type": "subslide"}
def show_layers(model):
    # es: capa, tipo, forma de la salida (sin el lote) y parámetros: lo esencial de model.summary()
    # pt: camada, tipo, formato da saída (sem o lote) e parâmetros: o essencial de model.summary()
    for layer in model.layers:
        shape = str(tuple(layer.output.shape[1:]))
        print(f"{layer.name:8} {type(layer).__name__:19} {shape:14} {layer.count_params():>9,d}")
    print(T(f"parámetros: {model.count_params():,d}", f"parâmetros: {model.count_params():,d}"))


gc.seed_everything(0)
generator, discriminator = models.build_pair("plain")
show_layers(generator)

# %% [markdown] lang="es"
# ### El discriminador
#
# $D$ hace el camino inverso con convoluciones de **3×3** y stride 2: 28×28×1 → 14×14×64 → 7×7×128, y una capa
# densa da un solo número, un **logit** $\ell$: la última capa no tiene sigmoide, y $D(x) = \sigma(\ell)$ es la
# probabilidad de que $x$ sea real. 3×3 en $D$: no dibuja, así que el solapamiento desigual no le afecta, y cuesta
# 9/16 de las multiplicaciones de un 4×4.
#
# **¿Y la regla «sin capas totalmente conectadas»?** DCGAN quita las capas densas **ocultas** de las primeras
# GAN; sus propias redes conservan dos: la proyección de $z$ al principio de $G$ y la salida de $D$. Las nuestras
# son esas dos. Ninguna de las dos redes tiene una entrada para la clase del dígito.

# %% [markdown] lang="pt"
# ### O discriminador
#
# $D$ faz o caminho inverso com convoluções **3×3** e stride 2: 28×28×1 → 14×14×64 → 7×7×128, e uma camada densa dá
# um único número, um **logit** $\ell$: a última camada não tem sigmoide, e $D(x) = \sigma(\ell)$ é a probabilidade
# de que $x$ seja real. 3×3 em $D$: ele não desenha, então a sobreposição desigual não o afeta, e custa 9/16 das
# multiplicações de um 4×4.
#
# **E a regra “sem camadas totalmente conectadas”?** A DCGAN tira as camadas densas **ocultas** das primeiras GAN;
# as suas próprias redes mantêm duas: a projeção de $z$ no início de $G$ e a saída de $D$. As nossas são essas
# duas. Nenhuma das duas redes tem uma entrada para a classe do dígito.

# %% slideshow={"slide_type": "subslide"}
show_layers(discriminator)
print(models.discriminator_output(discriminator))

# %% [markdown] lang="es"
# ## El paso de entrenamiento
#
# Cada red minimiza su pérdida (lección 04) sobre un **lote** (*batch*) de $m$ reales y $m$ falsas:
#
# $$J^{(D)} = -\frac{1}{m}\sum_i \log D(x_i) - \frac{1}{m}\sum_i \log\big(1 - D(G(z_i))\big),
# \qquad J^{(G)} = -\frac{1}{m}\sum_i \log D(G(z_i))$$
#
# (la pérdida **no saturante** de $G$). En un paso: se dibuja un $z$ por imagen real; dentro de dos cintas
# (`GradientTape`) $G$ genera las falsas y $D$ mira reales y falsas **por separado** (su normalización por lotes
# nunca las mezcla); cada cinta da los gradientes de su red y cada Adam mueve solo los pesos de la suya. Todas las
# llamadas llevan `training=True` (sin él la normalización trabaja en modo inferencia sin avisar, lección 05).
#
# Para compararlo, el paso de la biblioteca (`gan_course.step`) con las mismas redes y la misma semilla del ruido.

# %% [markdown] lang="pt"
# ## O passo de treinamento
#
# Cada rede minimiza a sua perda (lição 04) sobre um **lote** (*batch*) de $m$ reais e $m$ falsas:
#
# $$J^{(D)} = -\frac{1}{m}\sum_i \log D(x_i) - \frac{1}{m}\sum_i \log\big(1 - D(G(z_i))\big),
# \qquad J^{(G)} = -\frac{1}{m}\sum_i \log D(G(z_i))$$
#
# (a perda **não saturante** de $G$). Num passo: sorteia-se um $z$ por imagem real; dentro de duas fitas
# (`GradientTape`) $G$ gera as falsas e $D$ olha reais e falsas **separadamente** (a sua normalização em lote nunca
# as mistura); cada fita dá os gradientes da sua rede e cada Adam move só os pesos da sua. Todas as chamadas levam
# `training=True` (sem ele a normalização trabalha em modo de inferência sem avisar, lição 05).
#
# Para comparar, o passo da biblioteca (`gan_course.step`) com as mesmas redes e a mesma semente do ruído.

# %% slideshow={"slide_type": "subslide"}
recipe = recipes.get("plain")
z_dim = models.latent_dim(generator)                                   # 100
g_optimizer = keras.optimizers.Adam(recipe.g_lr, beta_1=recipe.beta_1)
d_optimizer = keras.optimizers.Adam(recipe.d_lr, beta_1=recipe.beta_1)
g_optimizer.build(generator.trainable_variables)     # es: sus variables, antes de trazar | pt: suas variáveis, antes de traçar
d_optimizer.build(discriminator.trainable_variables)
bce = keras.losses.BinaryCrossentropy(from_logits=True)                  # es: D devuelve logits | pt: D devolve logits
noise = tf.random.Generator.from_seed(0)                                 # es: de aquí salen los z | pt: daqui saem os z
print(T(f"Adam: G {recipe.g_lr:g}, D {recipe.d_lr:g}, β1 {recipe.beta_1}",
        f"Adam: G {recipe.g_lr:g}, D {recipe.d_lr:g}, β1 {recipe.beta_1}"))

# es: el gemelo de la biblioteca: la receta plain, con los pesos iniciales de nuestras redes
# pt: o gêmeo da biblioteca: a receita plain, com os pesos iniciais das nossas redes
gan = recipes.build("plain", seed=0)
gan.generator.set_weights(generator.get_weights())
gan.discriminator.set_weights(discriminator.get_weights())
start_weights = generator.get_weights()

# %% [markdown] lang="es"
# Las tasas son las de la receta: $5\cdot10^{-4}$ para $G$ y $2\cdot10^{-4}$ para $D$. Radford et al. usaron
# $2\cdot10^{-4}$ para las dos; esta lección no demuestra que la diferencia ayude (no la medimos aquí). Pruébalo:
# `recipes.build("plain", g_lr=2e-4)` con las mismas épocas que el entrenamiento de abajo.

# %% [markdown] lang="pt"
# As taxas são as da receita: $5\cdot10^{-4}$ para $G$ e $2\cdot10^{-4}$ para $D$. Radford et al. usaram
# $2\cdot10^{-4}$ para as duas; esta lição não demonstra que a diferença ajude (não a medimos aqui). Experimente:
# `recipes.build("plain", g_lr=2e-4)` com as mesmas épocas do treinamento abaixo.

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# El paso, entero. Es la lección de este cuaderno: léelo línea por línea.

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# O passo, inteiro. É a lição deste notebook: leia linha por linha.

# %%
@tf.function
def train_step(real):
    z = noise.normal([tf.shape(real)[0], z_dim])               # es: un z por imagen real | pt: um z por imagem real
    with tf.GradientTape() as g_tape, tf.GradientTape() as d_tape:
        fake = generator(z, training=True)                     # G(z)
        real_logits = discriminator(real, training=True)       # logit de D(x)
        fake_logits = discriminator(fake, training=True)       # logit de D(G(z))
        # es: J(D): etiqueta 1 (real) para las reales, 0 (falso) para las generadas
        # pt: J(D): rótulo 1 (real) para as reais, 0 (falso) para as geradas
        d_loss = (bce(tf.ones_like(real_logits), real_logits)
                  + bce(tf.zeros_like(fake_logits), fake_logits))
        # es: J(G) no saturante: G quiere que D diga 1 (real) a sus imágenes
        # pt: J(G) não saturante: G quer que D diga 1 (real) para as suas imagens
        g_loss = bce(tf.ones_like(fake_logits), fake_logits)
    d_grads = d_tape.gradient(d_loss, discriminator.trainable_variables)
    g_grads = g_tape.gradient(g_loss, generator.trainable_variables)
    d_optimizer.apply_gradients(zip(d_grads, discriminator.trainable_variables))
    g_optimizer.apply_gradients(zip(g_grads, generator.trainable_variables))
    return d_loss, g_loss

# %% [markdown] lang="es"
# ### Un paso, a mano y con la biblioteca
#
# El primer lote pasa por nuestro `train_step` y por `gan.train_step`. Los dos parten de los mismos pesos y sacan
# el mismo ruido: pérdidas y pesos nuevos (con las estadísticas móviles de la normalización) coinciden hasta el
# redondeo de `float32`, con una tolerancia de $10^{-5}$ que vale en cualquier CPU (notas del orador).

# %% [markdown] lang="pt"
# ### Um passo, à mão e com a biblioteca
#
# O primeiro lote passa pelo nosso `train_step` e pelo `gan.train_step`. Os dois partem dos mesmos pesos e sorteiam
# o mesmo ruído: perdas e pesos novos (com as estatísticas móveis da normalização) coincidem até o arredondamento
# de `float32`, com uma tolerância de $10^{-5}$ que vale em qualquer CPU (notas do apresentador).

# %% id="one-step"
batches = data.make_dataset(images, batch_size=64, seed=0)
real = next(iter(batches))
d_loss, g_loss = train_step(real)
lib = gan.train_step(real)
ours = generator.get_weights() + discriminator.get_weights()
theirs = gan.generator.get_weights() + gan.discriminator.get_weights()
difference = max(float(np.max(np.abs(a - b))) for a, b in zip(ours, theirs))
print(T("mismas pérdidas (diferencia < 1e-5):", "mesmas perdas (diferença < 1e-5):"),
      abs(float(d_loss - lib["d_loss"])) < 1e-5 and abs(float(g_loss - lib["g_loss"])) < 1e-5)
print(T("mismos pesos (diferencia máxima < 1e-5):", "mesmos pesos (diferença máxima < 1e-5):"), difference < 1e-5)
moved = max(float(np.max(np.abs(a - b))) for a, b in zip(generator.get_weights(), start_weights))
print(T("los pesos de G se han movido (cambio máximo > 1e-4):",
        "os pesos de G se moveram (mudança máxima > 1e-4):"), moved > 1e-4)

# %% [markdown] lang="es" slideshow={"slide_type": "notes"}
# ¿Por qué $10^{-5}$ y no 0? Las dos versiones hacen las mismas cuentas en funciones de TensorFlow distintas, que
# pueden sumar en otro orden o con otras instrucciones de la CPU: cada gradiente sale con un error relativo de unos
# $10^{-7}$. El primer paso de Adam mueve cada peso $\eta \cdot g / (|g| + \hat\epsilon)$, con
# $\hat\epsilon = \epsilon / \sqrt{1 - \beta_2} \approx 3 \cdot 10^{-6}$: un error $\delta$ en $g$ cambia el peso
# como mucho $\eta\,\delta / \hat\epsilon$, millonésimas. Tras varios pasos ya no: un peso con gradiente casi 0 se
# mueve $\pm\eta$ según un signo que el redondeo puede cambiar, y Adam lo amplifica. Por eso se compara **un** paso
# desde los mismos pesos. Pregunta también: ¿por qué deben coincidir las estadísticas móviles, si no se entrenan?
# Porque el paso las actualiza con `training=True`; olvidarlo en una versión cambia todo desde el primer paso.

# %% [markdown] lang="pt" slideshow={"slide_type": "notes"}
# Por que $10^{-5}$ e não 0? As duas versões fazem as mesmas contas em funções do TensorFlow diferentes, que podem
# somar em outra ordem ou com outras instruções da CPU: cada gradiente sai com um erro relativo de uns $10^{-7}$. O
# primeiro passo do Adam move cada peso $\eta \cdot g / (|g| + \hat\epsilon)$, com
# $\hat\epsilon = \epsilon / \sqrt{1 - \beta_2} \approx 3 \cdot 10^{-6}$: um erro $\delta$ em $g$ muda o peso no
# máximo $\eta\,\delta / \hat\epsilon$, milionésimos. Depois de vários passos, não: um peso com gradiente quase 0 se
# move $\pm\eta$ conforme um sinal que o arredondamento pode trocar, e o Adam o amplifica. Por isso se compara **um**
# passo a partir dos mesmos pesos. Pergunte também: por que as estatísticas móveis precisam coincidir, se não são
# treinadas? Porque o passo as atualiza com `training=True`; esquecê-lo numa versão muda tudo desde o primeiro passo.

# %% [markdown] lang="es"
# ### ¿Cuántas veces se traza la función?
#
# `@tf.function` **traza** (*traces*) el código Python una vez y luego ejecuta el grafo. Pero guarda un grafo por
# cada forma estática de la entrada: un lote de otro tamaño la vuelve a trazar (segundos de CPU, y el aviso de
# *retracing* si ocurre a menudo). Lo evitan una `input_signature` con el lote como `None`, como en el paso de la
# biblioteca, o `reduce_retracing=True`; `fit` además descarta el último lote incompleto. Lo contamos:

# %% [markdown] lang="pt"
# ### Quantas vezes a função é traçada?
#
# `@tf.function` **traça** (*traces*) o código Python uma vez e depois executa o grafo. Mas guarda um grafo para
# cada formato estático da entrada: um lote de outro tamanho a traça de novo (segundos de CPU, e o aviso de
# *retracing* se isso acontece com frequência). Evitam isso uma `input_signature` com o lote como `None`, como no
# passo da biblioteca, ou `reduce_retracing=True`; além disso, `fit` descarta o último lote incompleto. Contamos:

# %%
print(T("nuestro train_step, trazas tras lotes de 64:", "o nosso train_step, traçados após lotes de 64:"),
      train_step.experimental_get_tracing_count())
train_step(real[:32])                                       # es: un lote de 32 | pt: um lote de 32
print(T("… y tras un lote de 32:", "… e após um lote de 32:"), train_step.experimental_get_tracing_count())
gan.train_step(real[:32])
print(T("paso de la biblioteca (input_signature), tras 64 y 32:",
        "passo da biblioteca (input_signature), após 64 e 32:"), gan.step_function.experimental_get_tracing_count())

# %% [markdown] lang="es" slideshow={"slide_type": "notes"}
# Antes de ejecutar la celda de las trazas, pide una predicción: ¿cuántas trazas tras el lote de 32? Muchos dirán
# 1, porque `tf.shape(real)[0]` lee el tamaño en tiempo de ejecución. Pero la forma **estática** del tensor de
# entrada forma parte de la firma del grafo. Si alguien ve el aviso de *retracing* en sus propios cuadernos, casi
# siempre es esto, o un número de Python pasado como argumento.

# %% [markdown] lang="pt" slideshow={"slide_type": "notes"}
# Antes de executar a célula dos traçados, peça uma previsão: quantos traçados depois do lote de 32? Muitos dirão
# 1, porque `tf.shape(real)[0]` lê o tamanho em tempo de execução. Mas o formato **estático** do tensor de entrada
# faz parte da assinatura do grafo. Se alguém vir o aviso de *retracing* nos seus próprios notebooks, quase sempre
# é isso, ou um número do Python passado como argumento.

# %% [markdown] lang="es"
# ## Logits o probabilidades
#
# El cuaderno de DCGAN en español de Mariano Rivera, una de las fuentes del curso, termina $D$ en una sigmoide y
# toma $\log D$ **sin recortar**. En `float32` la sigmoide vale **exactamente** 1.0 en cuanto $\ell \ge 17$: basta
# con que $D$ esté muy seguro de que una falsa es real. Entonces $\log(1 - D(G(z))) = -\infty$ y el gradiente es
# `nan`, que un paso de Adam copia en todos los pesos, sin aviso. Tres formas de $-\log(1 - D(G(z)))$ y su
# gradiente respecto al logit: la fórmula explícita, `BinaryCrossentropy()` sobre probabilidades (recorta $D$ a
# $[10^{-7}, 1 - 10^{-7}]$) y la forma sobre logits:

# %% [markdown] lang="pt"
# ## Logits ou probabilidades
#
# O notebook de DCGAN em espanhol de Mariano Rivera, uma das fontes do curso, termina $D$ numa sigmoide e toma
# $\log D$ **sem recorte**. Em `float32` a sigmoide vale **exatamente** 1,0 assim que $\ell \ge 17$: basta que $D$
# esteja muito seguro de que uma falsa é real. Então $\log(1 - D(G(z))) = -\infty$ e o gradiente é `nan`, que um
# passo do Adam copia em todos os pesos, sem aviso. Três formas de $-\log(1 - D(G(z)))$ e o seu gradiente em
# relação ao logit: a fórmula explícita, `BinaryCrossentropy()` sobre probabilidades (recorta $D$ em
# $[10^{-7}, 1 - 10^{-7}]$) e a forma sobre logits:

# %% slideshow={"slide_type": "subslide"}
logit = tf.Variable([[5.0], [16.0], [17.0], [30.0]])              # es: logits de D para cuatro falsas
                                                                  # pt: logits de D para quatro falsas
clipped_bce = keras.losses.BinaryCrossentropy(reduction=None)     # es: sobre probabilidades: recorta
                                                                  # pt: sobre probabilidades: recorta
with tf.GradientTape(persistent=True) as tape:
    p = tf.sigmoid(logit)                                         # D(G(z))
    ways = {T("explícita", "explícita"): -tf.math.log(1.0 - p)[:, 0],
            T("recortada", "recortada"): clipped_bce(tf.zeros_like(p), p),
            "logits": tf.nn.sigmoid_cross_entropy_with_logits(labels=tf.zeros_like(logit), logits=logit)[:, 0]}
grads = {name: tape.gradient(value, logit)[:, 0].numpy() for name, value in ways.items()}
print(T("    ℓ   D(G(z)) en float32", "    ℓ   D(G(z)) em float32"), "".join(f"{name:>20}" for name in ways))
for i in range(4):
    cells = "".join(f"{float(ways[name][i]):9.3f} ({grads[name][i]:5.2f})".rjust(20) for name in ways)
    print(f"{float(logit[i, 0]):5.0f}   {float(p[i, 0]):.7f}      {cells}")
print(T("(entre paréntesis, el gradiente respecto al logit)", "(entre parênteses, o gradiente em relação ao logit)"))

# %% [markdown] lang="es"
# La explícita da `inf` y `nan` desde $\ell = 17$. Recortar evita el `inf`, pero la pérdida se queda en 15.94
# desde $\ell = 16$ y, desde $\ell = 17$, el gradiente es **cero**: $D$ deja de aprender de esas imágenes. La forma
# sobre logits calcula $\log(1 + e^{\ell})$ sin pasar por la sigmoide: exacta, con gradiente $\sigma(\ell)$. Por
# eso nuestro $D$ devuelve logits (ejercicio 9: escríbela tú).

# %% [markdown] lang="pt"
# A explícita dá `inf` e `nan` a partir de $\ell = 17$. Recortar evita o `inf`, mas a perda fica em 15,94 a partir
# de $\ell = 16$ e, a partir de $\ell = 17$, o gradiente é **zero**: $D$ para de aprender com essas imagens. A forma
# sobre logits calcula $\log(1 + e^{\ell})$ sem passar pela sigmoide: exata, com gradiente $\sigma(\ell)$. Por isso
# o nosso $D$ devolve logits (exercício 9: escreva-a você).

# %% [markdown] lang="es"
# ### Si usaras `from_logits=True` sobre una sigmoide
#
# El mismo cuaderno define también `BinaryCrossentropy(from_logits=True)`. Aplicada a la salida de una sigmoide,
# aplicaría **otra** sigmoide: para una real calcularía $-\log \sigma(D(x))$ en vez de $-\log D(x)$, con
# $\sigma(D(x))$ atrapada entre $\sigma(0) = 0.5$ y $\sigma(1) \approx 0.731$. Para la etiqueta 1 (real):

# %% [markdown] lang="pt"
# ### Se você usasse `from_logits=True` sobre uma sigmoide
#
# O mesmo notebook também define `BinaryCrossentropy(from_logits=True)`. Aplicada à saída de uma sigmoide, ela
# aplicaria **outra** sigmoide: para uma real calcularia $-\log \sigma(D(x))$ em vez de $-\log D(x)$, com
# $\sigma(D(x))$ presa entre $\sigma(0) = 0{,}5$ e $\sigma(1) \approx 0{,}731$. Para o rótulo 1 (real):

# %%
probabilities = tf.constant([[0.01], [0.1], [0.5], [0.9], [0.99]])   # es: D(x) de una sigmoide
                                                                     # pt: D(x) de uma sigmoide
per_image = keras.losses.BinaryCrossentropy(from_logits=True, reduction=None)
logit = tf.Variable(tf.math.log(probabilities / (1.0 - probabilities)))   # es: el logit que dio cada D(x)
                                                                          # pt: o logit que deu cada D(x)
with tf.GradientTape(persistent=True) as tape:
    p = tf.sigmoid(logit)                                 # es: la sigmoide de la última capa
                                                          # pt: a sigmoide da última camada
    right = -tf.math.log(p)[:, 0]                         # es: -log D(x): lo que se quería
                                                          # pt: -log D(x): o que se queria
    wrong = per_image(tf.ones_like(p), p)                 # es: from_logits=True sobre D(x): el error
                                                          # pt: from_logits=True sobre D(x): o erro
right_grad, wrong_grad = tape.gradient(right, logit)[:, 0], tape.gradient(wrong, logit)[:, 0]
print(T("  D(x)   -log D(x)   from_logits=True   gradiente (bien)   gradiente (mal)",
        "  D(x)   -log D(x)   from_logits=True   gradiente (certo)   gradiente (errado)"))
for row in zip(probabilities[:, 0].numpy(), right.numpy(), wrong.numpy(), right_grad.numpy(), wrong_grad.numpy()):
    print(T("  {:4.2f}   {:9.4f}   {:16.4f}   {:16.4f}   {:15.4f}",
            "  {:4.2f}   {:9.4f}   {:16.4f}   {:17.4f}   {:18.4f}").format(*row))

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# Un discriminador que se equivoca del todo con una real ($D(x) = 0.01$) pagaría 0.69 en vez de 4.61, y uno que
# acierta ($D(x) = 0.99$) seguiría pagando 0.32. El gradiente que llega al logit sería unas 200 veces más pequeño
# justo cuando más falta hace. Keras no avisa: no puede saber que esos números ya eran probabilidades. En
# `gan_course` el entrenador lee la última capa de $D$ y elige la forma de la pérdida; pedirle la otra es un error
# con nombre, no un entrenamiento que falla en silencio.

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# Um discriminador que erra totalmente numa real ($D(x) = 0{,}01$) pagaria 0,69 em vez de 4,61, e um que acerta
# ($D(x) = 0{,}99$) continuaria pagando 0,32. O gradiente que chega ao logit seria umas 200 vezes menor justamente
# quando mais se precisa dele. O Keras não avisa: não tem como saber que esses números já eram probabilidades. No
# `gan_course` o treinador lê a última camada de $D$ e escolhe a forma da perda; pedir a outra é um erro com nome,
# não um treinamento que falha em silêncio.

# %% [markdown] lang="es"
# ## El bucle de entrenamiento: 20 épocas
#
# El resto del bucle lo hace `train.fit`: barajar cada época, repetir el paso (el de la biblioteca, el que acabamos
# de comprobar, 16 pasos por llamada a la función de TensorFlow), guardar una cuadrícula de muestras, el historial y
# un punto de control por época. Sin `labels`: la receta `plain` no tiene dónde usarlas.
#
# El presupuesto se da en **épocas**, no en minutos: así el resultado no depende de lo ocupada que esté la
# máquina. Cada 2 épocas `metrics.make_scorer` mide 1000 muestras con el clasificador de la lección 01: su
# **Inception Score** (IS, de 1 a 10, más es mejor), su **distancia de Fréchet** a los 1000 dígitos de prueba (FID,
# menos es mejor), la proporción **memorizada** y la de la clase más rara (0.1 si las diez están igual de
# representadas; cerca de 0 si $G$ olvida un dígito: **colapso de modos**, *mode collapse*).

# %% [markdown] lang="pt"
# ## O laço de treinamento: 20 épocas
#
# O resto do laço fica com `train.fit`: embaralhar a cada época, repetir o passo (o da biblioteca, o que acabamos de
# conferir, 16 passos por chamada à função do TensorFlow), salvar uma grade de amostras, o histórico e um ponto de
# verificação por época. Sem `labels`: a receita `plain` não tem onde usá-los.
#
# O orçamento é dado em **épocas**, não em minutos: assim o resultado não depende de quão ocupada a máquina está. A
# cada 2 épocas `metrics.make_scorer` mede 1000 amostras com o classificador da lição 01: o seu **Inception
# Score** (IS, de 1 a 10, maior é melhor), a sua **distância de Fréchet** aos 1000 dígitos de teste (FID, menor é
# melhor), a proporção **memorizada** e a da classe mais rara (0,1 se as dez estão igualmente representadas; perto
# de 0 se $G$ esquece um dígito: **colapso de modos**, *mode collapse*).

# %% slideshow={"slide_type": "skip"}
def report(epoch, gan, history):
    # es: una línea cada 4 épocas (y la primera): pérdidas, D(x), D(G(z)) y, si se midieron, las puntuaciones
    # pt: uma linha a cada 4 épocas (e a primeira): perdas, D(x), D(G(z)) e, se foram medidas, as pontuações
    if epoch != 1 and epoch % 4:
        return
    line = (f"{T('época', 'época')} {epoch:2d}: J(D) {history['d_loss'][-1]:.2f}  J(G) {history['g_loss'][-1]:.2f}  "
            f"D(x) {history['d_real'][-1]:.2f}  D(G(z)) {history['d_fake'][-1]:.2f}")
    if history["scores"] and history["scores"][-1]["epoch"] == epoch:
        s = history["scores"][-1]
        line += (f" | IS {s['inception_score']:.2f}  FID {s['frechet_distance']:5.1f}  "
                 f"{T('memorizadas', 'memorizadas')} {s['memorised_share']:.1%}  "
                 f"{T('más rara', 'mais rara')} {s['rarest_share']:.1%}")
    print(line)

# %% tags=["nbval-ignore-output"] slideshow={"slide_type": "subslide"}
EPOCHS = gc.pick(20, 2)                                     # es: modo rápido: 2 épocas | pt: modo rápido: 2 épocas
use = slice(None, None, gc.pick(1, 20))                     # es: modo rápido: 1 de cada 20 | pt: modo rápido: 1 a cada 20
scorer = metrics.make_scorer(n=1000)                        # es: siempre los mismos 1000 z | pt: sempre os mesmos 1000 z
dcgan = recipes.build("plain", seed=0)                      # es: la DCGAN sin etiquetas | pt: a DCGAN sem rótulos
run_dir = train.new_run_folder("runs", "06_dcgan")
history = train.fit(dcgan, images[use], epochs=EPOCHS, out=run_dir, scorer=scorer, score_every=2, verbose=False,
                    on_epoch=report)
print(T(f"{len(history['epoch'])} épocas, ≈ {np.median(history['seconds']):.0f} s por época en esta CPU "
        f"({np.median(history['images_per_second']):.0f} imágenes/s), {number(sum(history['seconds']) / 60, 1)} min",
        f"{len(history['epoch'])} épocas, ≈ {np.median(history['seconds']):.0f} s por época nesta CPU "
        f"({np.median(history['images_per_second']):.0f} imagens/s), {number(sum(history['seconds']) / 60, 1)} min"))

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# Esta ejecución: 20 épocas a ≈ 64 s por época, en una CPU compartida con otros procesos; sin otra carga es mucho
# menos. El número de épocas fija el resultado; el reloj solo dice cuánto esperaste. Desde la época 8, $D(x)$ se
# queda en 0.58 y $D(G(z))$ en 0.42: ninguna red gana del todo ($D(x) \to 1$ con $D(G(z)) \to 0$ durante varias
# épocas sería la señal de que $D$ ha ganado y $G$ ya no aprende).
#
# Lo que quedó en la carpeta de la ejecución, `runs/06_dcgan-FECHA-HORA/`, una nueva por ejecución (el tutorial de
# TensorFlow junta en su GIF todos los `image*.png` de la carpeta de trabajo, también los de ejecuciones
# anteriores):

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# Esta execução: 20 épocas a ≈ 61 s por época, numa CPU compartilhada com outros processos; sem outra carga é bem
# menos. O número de épocas fixa o resultado; o relógio só diz quanto você esperou. A partir da época 8, $D(x)$ fica
# em 0,58 e $D(G(z))$ em 0,42: nenhuma rede ganha de todo ($D(x) \to 1$ com $D(G(z)) \to 0$ durante várias épocas
# seria o sinal de que $D$ ganhou e $G$ já não aprende).
#
# O que ficou na pasta da execução, `runs/06_dcgan-DATA-HORA/`, uma nova por execução (o tutorial do TensorFlow
# junta no seu GIF todos os `image*.png` da pasta de trabalho, inclusive os de execuções anteriores):

# %%
print(sorted(p.name for p in run_dir.iterdir()))

# %% [markdown] lang="es"
# ### Las cuadrículas, época a época
#
# Tras cada época $G$ dibuja los mismos 100 vectores latentes (`dcgan.fixed_z`) en modo inferencia, y la cuadrícula
# se guarda en `samples/epoch_NNN.png` (10×10 dígitos de 28 píxeles). Aquí, la mitad de arriba de dos de ellas, a
# más del tamaño real:

# %% [markdown] lang="pt"
# ### As grades, época a época
#
# Depois de cada época $G$ desenha os mesmos 100 vetores latentes (`dcgan.fixed_z`) em modo de inferência, e a
# grade é salva em `samples/epoch_NNN.png` (10×10 dígitos de 28 pixels). Aqui, a metade de cima de duas delas,
# maiores que o tamanho real:

# %% slideshow={"slide_type": "skip"}
def show_grids(epochs, rows=5):
    # es: las primeras `rows` filas de la cuadrícula de cada época, una al lado de otra
    # pt: as primeiras `rows` linhas da grade de cada época, uma ao lado da outra
    fig, axes = plt.subplots(1, len(epochs), figsize=(5.8 * len(epochs), 0.62 * rows + 0.4), squeeze=False)
    for ax, epoch in zip(axes[0], epochs):
        ax.imshow(plt.imread(train.sample_path(run_dir, epoch))[:2 + 30 * rows], cmap="gray", vmin=0, vmax=1)
        ax.set_title(T(f"época {epoch}", f"época {epoch}"))
        ax.set_axis_off()
    fig.tight_layout()
    plt.show()


def plot_scores(history, reference):
    # es: las puntuaciones de cada medida (puntos) y la referencia de los dígitos reales (discontinua)
    # pt: as pontuações de cada medida (pontos) e a referência dos dígitos reais (tracejada)
    scored = [s["epoch"] for s in history["scores"]]
    fig, axes = plt.subplots(1, 4, figsize=(12, 2.7))
    for ax, key, title in zip(axes, ["inception_score", "frechet_distance", "memorised_share", "rarest_share"],
                              ["Inception Score (↑)", "FID (↓)", T("memorizadas (↓)", "memorizadas (↓)"),
                               T("clase más rara (→ 0.1)", "classe mais rara (→ 0,1)")]):
        ax.plot(scored, [s[key] for s in history["scores"]], "o-", label=T("generadas", "geradas"))
        ax.axhline(reference[key], color="k", ls="--", lw=1, label=T("reales", "reais"))
        ax.set_title(title)
        ax.set_xlabel(T("época", "época"))
    axes[0].legend(fontsize=10)
    fig.tight_layout()
    plt.show()

# %%
last = history["epoch"][-1]
show_grids([1, min(2, last)])

# %% slideshow={"slide_type": "subslide"}
show_grids([min(5, last), min(10, last)])

# %% [markdown] lang="es"
# En la época 1, cuadros casi grises con una trama fina; en la 2, manchas con forma de trazo; en la 5, formas de
# dígito con grano; en la 10, trazos más limpios y algunos dígitos ya legibles.

# %% [markdown] lang="pt"
# Na época 1, quadros quase cinzas com uma trama fina; na 2, manchas com forma de traço; na 5, formas de dígito com
# granulação; na 10, traços mais limpos e alguns dígitos já legíveis.

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# La época 20, entera: dígitos que se leen sin duda (sietes, nueves, ceros, seises) junto a trazos que no son ningún
# dígito. Es lo que dibuja una DCGAN sin etiquetas tras 20 épocas sobre 4000 dígitos.

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# A época 20, inteira: dígitos que se leem sem dúvida (setes, noves, zeros, seis) ao lado de traços que não são
# dígito nenhum. É o que uma DCGAN sem rótulos desenha depois de 20 épocas sobre 4000 dígitos.

# %%
show_grids([last], rows=10)

# %% [markdown] lang="es"
# ### ¿Hay tablero de ajedrez?
#
# `colour_metrics.checkerboard_ratio` mide la textura de píxeles alternos: la potencia en la frecuencia de Nyquist
# (el patrón «un píxel sí, otro no») de los 100 dígitos de una cuadrícula, dividida por la de 100 dígitos reales
# (1 = tan granulado como los datos). Una medida por época:

# %% [markdown] lang="pt"
# ### Há tabuleiro de xadrez?
#
# `colour_metrics.checkerboard_ratio` mede a textura de pixels alternados: a potência na frequência de Nyquist (o
# padrão “um pixel sim, outro não”) dos 100 dígitos de uma grade, dividida pela de 100 dígitos reais (1 = tão
# granulado quanto os dados). Uma medida por época:

# %% tags=["nbval-ignore-output"]
def grid_digits(epoch):
    # es: los 100 dígitos de una cuadrícula guardada: 28×28 cada uno, con 2 píxeles entre ellos y alrededor
    # pt: os 100 dígitos de uma grade salva: 28×28 cada um, com 2 pixels entre eles e em volta
    grid = np.rint(plt.imread(train.sample_path(run_dir, epoch)) * 255).astype(np.uint8)
    return np.stack([grid[2 + 30 * r:30 + 30 * r, 2 + 30 * c:30 + 30 * c] for r in range(10) for c in range(10)])


ratios = {epoch: colour_metrics.checkerboard_ratio(grid_digits(epoch), images[:100]) for epoch in history["epoch"]}
for start in range(0, len(ratios), 10):
    print("  ".join(f"{T('época', 'época')} {e}: {number(ratios[e], 1)}" for e in list(ratios)[start:start + 10]))

# %% [markdown] lang="es"
# El grano no es cosa de la primera época. En las épocas 1–4 la medida queda entre 0.4 y 1.0 (cuadrículas casi
# grises y borrosas); sube a 2.1 en la época 5, llega a 2.2 en la 9 y baja despacio hasta 1.3 en la 20: el tablero
# aparece cuando $G$ empieza a dibujar trazos, y 20 épocas no bastan para quitarlo del todo. Los kernels 4×4 no lo
# impiden, y redimensionar y luego convolucionar tampoco lo descartaría por construcción (lección 03).

# %% [markdown] lang="pt"
# A granulação não é coisa da primeira época. Nas épocas 1–4 a medida fica entre 0,4 e 1,0 (grades quase cinzas e
# borradas); sobe para 2,1 na época 5, chega a 2,2 na 9 e cai devagar até 1,3 na 20: o tabuleiro aparece quando $G$
# começa a desenhar traços, e 20 épocas não bastam para tirá-lo de todo. Os kernels 4×4 não o impedem, e
# redimensionar e depois convolucionar também não o descartaria por construção (lição 03).

# %% [markdown] lang="es"
# ### El GIF del entrenamiento
#
# `training.gif` junta las cuadrículas de **esta** ejecución, una por época (400 ms cada una, la última se queda
# más), y se repite sin fin. Aquí, la esquina de 5×5 dígitos al doble de tamaño:

# %% [markdown] lang="pt"
# ### O GIF do treinamento
#
# `training.gif` junta as grades **desta** execução, uma por época (400 ms cada, a última fica mais tempo), e se
# repete sem fim. Aqui, o canto de 5×5 dígitos no dobro do tamanho:

# %% tags=["nbval-ignore-output"]
frames, durations = gif.read_gif(run_dir / "training.gif")
corner = frames[:, :152, :152].repeat(2, axis=1).repeat(2, axis=2)     # es: 5×5 dígitos, ×2 | pt: 5×5 dígitos, ×2
gif.show_gif(gif.write_gif(run_dir / "training_5x5.gif", corner, duration_ms=durations))

# %% [markdown] lang="es"
# ### Las curvas de pérdida
#
# `train.plot_history` dibuja $J^{(D)}$, $J^{(G)}$ y su suma por paso (finas) y por época (puntos). En una GAN las
# pérdidas no bajan hasta cero como en un clasificador: cada red empeora la pérdida de la otra. Lo sano es que
# oscilen alrededor de valores estables, con $J^{(D)}$ lejos de 0 (en el equilibrio, $2\log 2 \approx 1.39$ y
# $J^{(G)} = \log 2 \approx 0.69$).

# %% [markdown] lang="pt"
# ### As curvas de perda
#
# `train.plot_history` desenha $J^{(D)}$, $J^{(G)}$ e a sua soma por passo (finas) e por época (pontos). Numa GAN as
# perdas não caem até zero como num classificador: cada rede piora a perda da outra. O saudável é que oscilem em
# torno de valores estáveis, com $J^{(D)}$ longe de 0 (no equilíbrio, $2\log 2 \approx 1{,}39$ e
# $J^{(G)} = \log 2 \approx 0{,}69$).

# %%
train.plot_history(history)
plt.show()

# %% [markdown] lang="es"
# ### Las puntuaciones, honestas
#
# La línea discontinua es la referencia de los dígitos reales, medida igual: IS y clases de los 1000 de prueba, FID
# entre 1000 de entrenamiento y los 1000 de prueba (la FID depende del número de imágenes: mismo $n$ en los dos
# lados). Estas FID usan las 64 características del clasificador del curso (lección 01), no la red Inception de
# los artículos: **no se pueden comparar con las FID publicadas**, solo entre sí.

# %% [markdown] lang="pt"
# ### As pontuações, honestas
#
# A linha tracejada é a referência dos dígitos reais, medida do mesmo jeito: IS e classes dos 1000 de teste, FID
# entre 1000 de treinamento e os 1000 de teste (a FID depende do número de imagens: mesmo $n$ dos dois lados).
# Estas FID usam as 64 características do classificador do curso (lição 01), não a rede Inception dos artigos:
# **não dá para compará-las com as FID publicadas**, só entre si.

# %% tags=["nbval-ignore-output"]
reference = metrics.reference_scores(1000)
plot_scores(history, reference)

# %% tags=["nbval-ignore-output"] slideshow={"slide_type": "subslide"}
final = history["scores"][-1]
for name, s in ((T(f"DCGAN, época {final['epoch']}:", f"DCGAN, época {final['epoch']}:"), final),
                (T("dígitos reales:", "dígitos reais:"), reference)):
    print(f"{name:16} IS {number(s['inception_score'], 2)}  FID {number(s['frechet_distance'], 1):>5}  "
          f"{T('memorizadas', 'memorizadas')} {number(100 * s['memorised_share'], 1)} %  "
          f"{T('clase más rara', 'classe mais rara')} {number(100 * s['rarest_share'], 1)} %")
print(T(f"FID de la DCGAN ÷ FID de los reales: {final['frechet_distance'] / reference['frechet_distance']:.0f}",
        f"FID da DCGAN ÷ FID dos reais: {final['frechet_distance'] / reference['frechet_distance']:.0f}"))

# %% [markdown] lang="es"
# Tras 20 épocas la DCGAN sin etiquetas llega a **IS 6.01 y FID 83.4**; los dígitos reales, IS 9.72 y FID 2.9: una
# FID 29 veces la de los reales. El IS sube de 3.81 (época 4) a 6.10 (época 16) y ahí se queda (6.01 en la 20); la
# FID baja de 200.9 a 80.7 y 83.4. Ninguna muestra es una copia (0.0 % memorizadas).
#
# Están las diez clases, pero desiguales: la más rara, el 1, es el 4.4 % de las muestras, y el 9 el 19 % (en los
# reales, la más rara es el 9.7 %). $G$ no sabe qué dígito dibuja. La receta del curso, que aprende de las
# etiquetas, queda mucho más cerca de los reales con el mismo presupuesto: la lección 07 muestra, pieza a pieza, qué
# cierra la diferencia.

# %% [markdown] lang="pt"
# Depois de 20 épocas a DCGAN sem rótulos chega a **IS 6,01 e FID 83,4**; os dígitos reais, IS 9,72 e FID 2,9: uma
# FID 29 vezes a dos reais. O IS sobe de 3,81 (época 4) para 6,10 (época 16) e fica por aí (6,01 na 20); a FID cai
# de 200,9 para 80,7 e 83,4. Nenhuma amostra é uma cópia (0,0 % memorizadas).
#
# Estão as dez classes, mas desiguais: a mais rara, o 1, é 4,4 % das amostras, e o 9, 19 % (nos reais, a mais rara é
# 9,7 %). $G$ não sabe que dígito desenha. A receita do curso, que aprende com os rótulos, fica muito mais perto dos
# reais com o mesmo orçamento: a lição 07 mostra, peça por peça, o que fecha a diferença.

# %% [markdown] lang="es"
# ### ¿Dibuja los diez dígitos?
#
# El clasificador etiqueta 1000 muestras; a la izquierda, la misma cuenta sobre los 1000 dígitos reales de prueba
# (la línea discontinua de la derecha es esa referencia). $G$ no elige el dígito: sale de donde caiga $z$.

# %% [markdown] lang="pt"
# ### Ele desenha os dez dígitos?
#
# O classificador rotula 1000 amostras; à esquerda, a mesma contagem sobre os 1000 dígitos reais de teste (a linha
# tracejada da direita é essa referência). $G$ não escolhe o dígito: ele sai de onde $z$ cair.

# %% tags=["nbval-ignore-output"]
judge = classifier.load_classifier()
samples = metrics.sample(dcgan.sampler, 1000, seed=0)
fig, axes = plt.subplots(1, 2, figsize=(10, 2.6))
plots.class_histogram(classifier.predict(judge, held_out), share=True, title=T("reales (prueba)", "reais (teste)"),
                      ax=axes[0])
generated = plots.class_histogram(classifier.predict(judge, samples), share=True,
                                  reference=reference["class_shares"], title=T("generadas", "geradas"), ax=axes[1])
fig.tight_layout()
plt.show()
print(T("proporción por clase:", "proporção por classe:"), np.round(generated, 3))

# %% [markdown] lang="es"
# ## ¿Copia o crea?
#
# Una GAN que devolviera sus dígitos de entrenamiento tendría un IS excelente. Medimos la distancia euclídea
# (entre píxeles, en $[-1, 1]$) de cada imagen a su dígito de entrenamiento **más cercano**, y la comparamos con
# la de dígitos reales que la GAN nunca vio. El **umbral** es el cuantil del 1 % de las distancias de los 1000
# dígitos de prueba (`metrics.memorisation_threshold()`); la **proporción memorizada**
# (`metrics.memorisation_share`) es la fracción de imágenes más cerca que el umbral: 0.01 para los de prueba por
# construcción, 1 para copias.

# %% [markdown] lang="pt"
# ## Copia ou cria?
#
# Uma GAN que devolvesse os seus dígitos de treinamento teria um IS excelente. Medimos a distância euclidiana (entre
# pixels, em $[-1, 1]$) de cada imagem ao seu dígito de treinamento **mais próximo**, e a comparamos com a de
# dígitos reais que a GAN nunca viu. O **limiar** é o quantil de 1 % das distâncias dos 1000 dígitos de teste
# (`metrics.memorisation_threshold()`); a **proporção memorizada** (`metrics.memorisation_share`) é a fração de
# imagens mais perto que o limiar: 0,01 para os de teste por construção, 1 para cópias.

# %% tags=["nbval-ignore-output"]
real_distances = metrics.nearest_distances(held_out, images)
generated_distances = metrics.nearest_distances(samples, images)
shares = [number(100 * metrics.memorisation_share(a), 1) for a in (held_out, images, samples)]
print(T(f"umbral (cuantil del 1 %): {number(metrics.memorisation_threshold(), 2)}",
        f"limiar (quantil de 1 %): {number(metrics.memorisation_threshold(), 2)}"))
print(T(f"memorizadas: dígitos de prueba {shares[0]} %, los propios de entrenamiento {shares[1]} %, "
        f"1000 generadas {shares[2]} %",
        f"memorizadas: dígitos de teste {shares[0]} %, os próprios de treinamento {shares[1]} %, "
        f"1000 geradas {shares[2]} %"))
print(T(f"distancia mediana al más cercano: prueba {number(np.median(real_distances), 2)}, "
        f"generadas {number(np.median(generated_distances), 2)}",
        f"distância mediana ao mais próximo: teste {number(np.median(real_distances), 2)}, "
        f"geradas {number(np.median(generated_distances), 2)}"))

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# Los de entrenamiento dan 100 % (distancia 0 a sí mismos): la prueba caza copias exactas. Las 8 muestras **más
# cercanas** a un dígito de entrenamiento (las más sospechosas), arriba, y ese dígito, abajo:

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# Os de treinamento dão 100 % (distância 0 de si mesmos): o teste pega cópias exatas. As 8 amostras **mais
# próximas** de um dígito de treinamento (as mais suspeitas), em cima, e esse dígito, embaixo:

# %% tags=["nbval-ignore-output"]
closest = np.argsort(generated_distances)[:8]
flat_train = x.reshape(len(x), -1)
nearest = [int(np.argmin(np.sum((flat_train - samples[i].reshape(1, -1)) ** 2, axis=1))) for i in closest]
fig, axes = plt.subplots(2, 8, figsize=(10, 3.0))
for column, (i, j) in enumerate(zip(closest, nearest)):
    axes[0, column].imshow(samples[i, ..., 0], cmap="gray", vmin=-1, vmax=1)
    axes[0, column].set_title(f"{generated_distances[i]:.2f}", fontsize=11)
    axes[1, column].imshow(images[j], cmap="gray", vmin=0, vmax=255)
for ax in axes.flat:
    ax.set_xticks([])
    ax.set_yticks([])
axes[0, 0].set_ylabel(T("generada", "gerada"), fontsize=11)
axes[1, 0].set_ylabel(T("entrenamiento", "treinamento"), fontsize=11)
plt.show()

# %% [markdown] lang="es" slideshow={"slide_type": "notes"}
# Pregunta: «si la GAN devolviera sus dígitos de entrenamiento desplazados un píxel, ¿los cazaría esta prueba?».
# Probablemente no: un desplazamiento de un píxel mueve mucho la distancia entre píxeles. Detecta copias casi
# exactas, no plagios «con retoques». Un «no» aquí no demuestra creatividad; un «sí» sí demuestra copia.

# %% [markdown] lang="pt" slideshow={"slide_type": "notes"}
# Pergunte: “se a GAN devolvesse os seus dígitos de treinamento deslocados um pixel, este teste os pegaria?”.
# Provavelmente não: um deslocamento de um pixel muda muito a distância entre pixels. Ele detecta cópias quase
# exatas, não plágios “com retoques”. Um “não” aqui não demonstra criatividade; um “sim” demonstra cópia.

# %% [markdown] lang="es"
# ## Puntos de control: reanudar en la época siguiente
#
# Cada época `train.fit` guarda un **punto de control** con un `tf.train.CheckpointManager`: las dos redes, los
# dos optimizadores (los momentos de Adam), el estado del generador de ruido, los vectores latentes de la
# cuadrícula y el contador de épocas. `resume=True` restaura el último y continúa en la época **siguiente**;
# `epochs` es el total, como en Keras (el tutorial de TensorFlow restaura los pesos, pero su bucle vuelve a la
# época 0). Con 500 dígitos: 2 épocas, se «corta» la sesión, y otra sesión con redes nuevas reanuda hasta 3.

# %% [markdown] lang="pt"
# ## Pontos de verificação: retomar na época seguinte
#
# A cada época `train.fit` salva um **ponto de verificação** com um `tf.train.CheckpointManager`: as duas redes, os
# dois otimizadores (os momentos do Adam), o estado do gerador de ruído, os vetores latentes da grade e o contador
# de épocas. `resume=True` restaura o último e continua na época **seguinte**; `epochs` é o total, como no Keras (o
# tutorial do TensorFlow restaura os pesos, mas o seu laço volta à época 0). Com 500 dígitos: 2 épocas, a sessão é
# “cortada”, e outra sessão com redes novas retoma até 3.

# %%
few = images[::8]                                           # es: 500 dígitos | pt: 500 dígitos
resume_dir = train.new_run_folder("runs", "06_resume")
first = train.fit(recipes.build("plain", seed=0), few, epochs=2, out=resume_dir, verbose=False)
print(T("primera sesión, épocas:", "primeira sessão, épocas:"), first["epoch"],
      sorted(p.name for p in (resume_dir / "checkpoints" / "mnist_64_28_28").iterdir()))
resumed = recipes.build("plain", seed=0)                    # es: redes nuevas, sin entrenar | pt: redes novas, sem treinar
second = train.fit(resumed, few, epochs=3, out=resume_dir, resume=True, verbose=False)
print(T("segunda sesión, historial:", "segunda sessão, histórico:"), second["epoch"],
      T("  contador de épocas:", "  contador de épocas:"), int(resumed.epoch.numpy()))

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# ¿Es lo mismo que no haberse interrumpido nunca? 3 épocas seguidas desde cero: el orden de los lotes depende solo
# de la semilla y del número de época, y el resto vuelve del punto de control. En la terminal:
# `python -m gan_course train --recipe plain --out CARPETA --resume`.

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# É o mesmo que nunca ter sido interrompido? 3 épocas seguidas do zero: a ordem dos lotes depende só da semente e do
# número da época, e o resto volta do ponto de verificação. No terminal:
# `python -m gan_course train --recipe plain --out PASTA --resume`.

# %%
straight = recipes.build("plain", seed=0)
train.fit(straight, few, epochs=3, verbose=False)
difference = max(float(np.max(np.abs(a - b))) for a, b in zip(
    resumed.generator.get_weights() + resumed.discriminator.get_weights(),
    straight.generator.get_weights() + straight.discriminator.get_weights()))
print(T("reanudado == sin interrupción (diferencia < 1e-5):",
        "retomado == sem interrupção (diferença < 1e-5):"), difference < 1e-5)

# %% [markdown] lang="es"
# ## Trucos: ganhacks
#
# *ganhacks* (Chintala et al., «How to Train a GAN?», 2016) reúne 17 trucos. Lo que hace esta DCGAN con cada uno:
#
# | truco | aquí |
# |---|---|
# | 1. entradas en $[-1, 1]$, `tanh` en $G$ · 2. $G$ maximiza $\log D(G(z))$ · 3. $z$ gaussiano | sí · sí, la no saturante · sí |
# | 4. lotes solo reales o solo falsos para la normalización · 5. LeakyReLU, stride en vez de agrupamiento | sí · sí |
# | 6. etiquetas suaves o ruidosas | opción `label_smoothing`, apagada (0) |
# | 7. **DCGAN si se puede**; si no, un híbrido (VAE + GAN, o KL + GAN) | DCGAN: esta lección |
# | 8. trucos de aprendizaje por refuerzo (repetir versiones pasadas) | no (la EMA de $G$, lección 07, se le parece) |
# | 9. Adam | sí, $\beta_1 = 0.5$ |
# | 10. detectar fallos pronto: $J^{(D)} \to 0$, gradientes con norma > 100 | $D(x)$, $D(G(z))$ y puntuaciones en el bucle; normas abajo |

# %% [markdown] lang="pt"
# ## Truques: ganhacks
#
# *ganhacks* (Chintala et al., “How to Train a GAN?”, 2016) reúne 17 truques. O que esta DCGAN faz com cada um:
#
# | truque | aqui |
# |---|---|
# | 1. entradas em $[-1, 1]$, `tanh` em $G$ · 2. $G$ maximiza $\log D(G(z))$ · 3. $z$ gaussiano | sim · sim, a não saturante · sim |
# | 4. lotes só reais ou só falsos para a normalização · 5. LeakyReLU, stride no lugar de agrupamento | sim · sim |
# | 6. rótulos suaves ou ruidosos | opção `label_smoothing`, desligada (0) |
# | 7. **DCGAN quando der**; se não, um híbrido (VAE + GAN, ou KL + GAN) | DCGAN: esta lição |
# | 8. truques de aprendizado por reforço (repetir versões passadas) | não (a EMA de $G$, lição 07, se parece com isso) |
# | 9. Adam | sim, $\beta_1 = 0{,}5$ |
# | 10. detectar falhas cedo: $J^{(D)} \to 0$, gradientes com norma > 100 | $D(x)$, $D(G(z))$ e pontuações no laço; normas abaixo |

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# | truco | aquí |
# |---|---|
# | 11. **no equilibrar las pérdidas con reglas** («mientras $J^{(D)} > A$, entrena $D$») | no: un paso de $D$ y uno de $G$ por lote (`g_steps=1`) |
# | 12. usar las etiquetas si las hay (GAN auxiliares) | no en esta lección: es la lección 07 |
# | 13. ruido en las entradas de $D$ · 14. entrenar más a $D$ (dudoso) | opción `augment`, apagada · no |
# | 15. **discriminación por minilotes** (resultados mixtos) | no |
# | 16. **variables discretas** en GAN condicionales: `Embedding` de dimensión baja, como canales extra | no aquí (lección 10) |
# | 17. **dropout en $G$** al entrenar y al generar, como ruido (Pix2Pix) | no: 0 capas `Dropout` |

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# | truque | aqui |
# |---|---|
# | 11. **não equilibrar as perdas com regras** (“enquanto $J^{(D)} > A$, treine $D$”) | não: um passo de $D$ e um de $G$ por lote (`g_steps=1`) |
# | 12. usar os rótulos se houver (GAN auxiliares) | não nesta lição: é a lição 07 |
# | 13. ruído nas entradas de $D$ · 14. treinar mais o $D$ (duvidoso) | opção `augment`, desligada · não |
# | 15. **discriminação por minilotes** (resultados mistos) | não |
# | 16. **variáveis discretas** em GAN condicionais: `Embedding` de dimensão baixa, como canais extras | não aqui (lição 10) |
# | 17. **dropout em $G$** ao treinar e ao gerar, como ruído (Pix2Pix) | não: 0 camadas `Dropout` |

# %% tags=["nbval-ignore-output"]
real = next(iter(data.make_dataset(images, batch_size=64, seed=1)))
z = metrics.latent_batch(dcgan.generator, 64)
with tf.GradientTape(persistent=True) as tape:
    fake_logits = dcgan.discriminator(dcgan.generator(z, training=True), training=True)
    d_loss = losses.discriminator_loss(dcgan.discriminator(real, training=True), fake_logits, "logits")
    g_loss = losses.generator_loss(fake_logits, form="logits")
norms = [float(tf.linalg.global_norm(tape.gradient(loss, net.trainable_variables)))
         for loss, net in ((d_loss, dcgan.discriminator), (g_loss, dcgan.generator))]
print(T(f"tras el entrenamiento: ‖∇J(D)‖ = {number(norms[0], 2)}, ‖∇J(G)‖ = {number(norms[1], 2)} "
        "(alarma de ganhacks: > 100)",
        f"após o treinamento: ‖∇J(D)‖ = {number(norms[0], 2)}, ‖∇J(G)‖ = {number(norms[1], 2)} "
        "(alarme do ganhacks: > 100)"))
print(T("capas Dropout en G:", "camadas Dropout em G:"),
      sum(isinstance(layer, keras.layers.Dropout) for layer in dcgan.generator.layers),
      T("  pasos de G por paso de D:", "  passos de G por passo de D:"), dcgan.settings["g_steps"])

# %% [markdown] lang="es"
# ## Los datos también cuentan: las caras de anime
#
# Las primeras DCGAN de caras de anime, entrenadas con tablones de imágenes (*image boards*) como Danbooru, dibujaban
# caras borrosas y deformes. Jin et al. (2017) lo atribuyen, al menos en parte, a esos datos ruidosos, y atacaron el
# problema por los dos lados: **los datos** (ilustraciones de personajes de un catálogo de juegos, de estilo más
# homogéneo; un detector de caras de anime para recortar cada cara; fuera las imágenes malas) y **el modelo** (DRAGAN,
# de Kodali et al. 2017: una penalización del gradiente como las de la lección 10). Su lema: un modelo de buena
# calidad empieza con un conjunto de datos limpio.
#
# La lección para este curso: antes de cambiar la red, mira las imágenes. MNIST ya viene limpio (dígitos
# centrados, del mismo tamaño); los emoji de la lección 09 no, y esa lección empieza limpiándolos.

# %% [markdown] lang="pt"
# ## Os dados também contam: os rostos de anime
#
# As primeiras DCGAN de rostos de anime, treinadas com sites de imagens (*image boards*) como o Danbooru, desenhavam
# rostos borrados e deformados. Jin et al. (2017) atribuem isso, ao menos em parte, a esses dados ruidosos, e atacaram
# o problema pelos dois lados: **os dados** (ilustrações de personagens de um catálogo de jogos, de estilo mais
# homogêneo; um detector de rostos de anime para recortar cada rosto; fora as imagens ruins) e **o modelo** (DRAGAN,
# de Kodali et al. 2017: uma penalidade do gradiente como as da lição 10). O lema deles: um modelo de boa qualidade
# começa com um conjunto de dados limpo.
#
# A lição para este curso: antes de mudar a rede, olhe as imagens. O MNIST já vem limpo (dígitos centralizados, do
# mesmo tamanho); os emoji da lição 09 não, e essa lição começa limpando-os.

# %% [markdown] lang="es"
# ## De la presentación al paquete
#
# La presentación del curso recorre `carpedm20/DCGAN-tensorflow` (TensorFlow 1); su estructura en `gan_course`:
#
# | carpedm20 | `gan_course` |
# |---|---|
# | `main.py`: `epoch`, `learning_rate`, `beta1`, `batch_size`, `dataset` | `python -m gan_course train --recipe plain --epochs 20`; tasas y $\beta_1$ en `recipes` |
# | `build_model()`: `D(inputs)` y `D(G)` con `reuse=True` | `recipes.build("plain")`: dos `keras.Model`; $D$ se llama dos veces |
# | `ops.py`: `deconv2d`, `conv2d`, `batch_norm`, `lrelu`, `linear` | `models.build_pair`, capas de Keras |
# | pérdidas con `sigmoid_cross_entropy_with_logits` | `losses` (`form="logits"`) y el paso de `step.py` (`GAN`) |
# | `train()`: un paso de $D$ y **dos** de $G$ por lote | `train.fit` (épocas, muestras, puntos de control); `g_steps=2` |
# | `save()`/`load()` en `checkpoint_dir/model_dir`; el bucle vuelve a la época 0 | `train.model_dir` y `CheckpointManager`; `resume=True` sigue en la época siguiente |
#
# Con `dataset=mnist` el DCGAN de carpedm20 es **condicional** ($G$ y $D$ reciben el dígito); el nuestro, no.

# %% [markdown] lang="pt"
# ## Da apresentação ao pacote
#
# A apresentação do curso percorre `carpedm20/DCGAN-tensorflow` (TensorFlow 1); a sua estrutura no `gan_course`:
#
# | carpedm20 | `gan_course` |
# |---|---|
# | `main.py`: `epoch`, `learning_rate`, `beta1`, `batch_size`, `dataset` | `python -m gan_course train --recipe plain --epochs 20`; taxas e $\beta_1$ em `recipes` |
# | `build_model()`: `D(inputs)` e `D(G)` com `reuse=True` | `recipes.build("plain")`: dois `keras.Model`; $D$ é chamado duas vezes |
# | `ops.py`: `deconv2d`, `conv2d`, `batch_norm`, `lrelu`, `linear` | `models.build_pair`, camadas do Keras |
# | perdas com `sigmoid_cross_entropy_with_logits` | `losses` (`form="logits"`) e o passo de `step.py` (`GAN`) |
# | `train()`: um passo de $D$ e **dois** de $G$ por lote | `train.fit` (épocas, amostras, pontos de verificação); `g_steps=2` |
# | `save()`/`load()` em `checkpoint_dir/model_dir`; o laço volta à época 0 | `train.model_dir` e `CheckpointManager`; `resume=True` segue na época seguinte |
#
# Com `dataset=mnist` o DCGAN de carpedm20 é **condicional** ($G$ e $D$ recebem o dígito); o nosso, não.

# %% [markdown] lang="es" slideshow={"slide_type": "notes"}
# Cierre: pide que alguien resuma con los números de la ejecución qué dibuja la DCGAN sin etiquetas tras 20 épocas
# y qué le falta para llegar a los reales. Deja la pregunta abierta para la lección 07: ¿qué información tendría
# que recibir para dibujar dígitos más claros, y de dónde la sacaríamos si no hubiera etiquetas?

# %% [markdown] lang="pt" slideshow={"slide_type": "notes"}
# Fechamento: peça que alguém resuma com os números da execução o que a DCGAN sem rótulos desenha depois de 20
# épocas e o que lhe falta para chegar aos reais. Deixe a pergunta aberta para a lição 07: que informação ela
# precisaria receber para desenhar dígitos mais claros, e de onde a tiraríamos se não houvesse rótulos?

# %% [markdown] lang="es"
# ## Ejercicios
#
# Escribe tu respuesta en lugar de `None` y ejecuta la celda: `gc.exercises.check` dice si es correcta o da una
# pista.
#
# 1. ¿Cuántos parámetros entrenables tiene el discriminador de la receta `plain`? Cuéntalos capa a capa.
# 2. La capa `up_1` de $G$ (kernel 4, stride 2, `"same"`, 64 filtros) recibe 7×7×128. ¿Qué forma tiene su salida?
# 3. Si $D(G(z)) = 0.5$ para todas las imágenes generadas, ¿cuánto vale $J^{(G)}$ no saturante?
# 4. Un $D$ con sigmoide da $D(x) = 1.0$ a una real. ¿Qué pérdida informaría `BinaryCrossentropy(from_logits=True)`
#    con la etiqueta 1?
# 5. Con los 4000 dígitos y lotes de 64 (el último incompleto se descarta), ¿cuántos pasos tiene una época?
# 6. Un punto de control se guardó tras la época 7; `train.fit(..., epochs=10, resume=True)`: ¿qué épocas entrena?
# 7. Como `model_dir` en carpedm20: ¿cómo se llama la carpeta de una ejecución con `"celebA"`, lotes de 128 e
#    imágenes de 64×64×3?
# 8. Un `@tf.function` sin `input_signature` recibe lotes de 64, 64, 32, 64 y 16 imágenes. ¿Cuántas veces se traza?

# %% [markdown] lang="pt"
# ## Exercícios
#
# Escreva sua resposta no lugar de `None` e execute a célula: `gc.exercises.check` diz se está correta ou dá uma
# dica.
#
# 1. Quantos parâmetros treináveis tem o discriminador da receita `plain`? Conte-os camada por camada.
# 2. A camada `up_1` de $G$ (kernel 4, stride 2, `"same"`, 64 filtros) recebe 7×7×128. Que formato tem a sua saída?
# 3. Se $D(G(z)) = 0{,}5$ para todas as imagens geradas, quanto vale $J^{(G)}$ não saturante?
# 4. Um $D$ com sigmoide dá $D(x) = 1{,}0$ a uma real. Que perda `BinaryCrossentropy(from_logits=True)` informaria
#    com o rótulo 1?
# 5. Com os 4000 dígitos e lotes de 64 (o último incompleto é descartado), quantos passos tem uma época?
# 6. Um ponto de verificação foi salvo após a época 7; `train.fit(..., epochs=10, resume=True)`: que épocas treina?
# 7. Como o `model_dir` no carpedm20: como se chama a pasta de uma execução com `"celebA"`, lotes de 128 e imagens
#    de 64×64×3?
# 8. Um `@tf.function` sem `input_signature` recebe lotes de 64, 64, 32, 64 e 16 imagens. Quantas vezes é traçado?

# %% slideshow={"slide_type": "skip"}
answers = {"06.1": None, "06.2": None, "06.3": None, "06.4": None}   # es: tus respuestas | pt: suas respostas
for key, answer in answers.items():
    gc.exercises.check(key, answer)

# %% slideshow={"slide_type": "skip"}
answers = {"06.5": None, "06.6": None, "06.7": None, "06.8": None}   # es: tus respuestas | pt: suas respostas
for key, answer in answers.items():
    gc.exercises.check(key, answer)

# %% [markdown] lang="es" slideshow={"slide_type": "subslide"}
# ### Programar
#
# 9. Completa `d_loss(real_logits, fake_logits)` con NumPy: $J^{(D)}$ sobre los logits de $D$ (dos arrays de
#    cualquier forma), exacta para **cualquier** logit: también para $\ell = \pm 100$, donde la sigmoide en coma
#    flotante ya vale 0 o 1 y la fórmula explícita da `inf` o `nan`. Compárala con
#    `losses.discriminator_loss(real_logits, fake_logits, "logits")`.
# 10. Completa `memorised_share(images)` con NumPy (sin `metrics.nearest_distances` ni
#     `metrics.memorisation_share`): para cada imagen (N, 28, 28, 1) en $[-1, 1]$, la distancia euclídea a su
#     dígito de entrenamiento más cercano (`x`, los 4000 en $[-1, 1]$), y la fracción por debajo de
#     `metrics.memorisation_threshold()`. Pruébala con `samples[:100]`.
#
# Responde con la función (`answer = d_loss`, `answer = memorised_share`): el comprobador la prueba con datos suyos.

# %% [markdown] lang="pt" slideshow={"slide_type": "subslide"}
# ### Programar
#
# 9. Complete `d_loss(real_logits, fake_logits)` com NumPy: $J^{(D)}$ sobre os logits de $D$ (dois arrays de
#    qualquer formato), exata para **qualquer** logit: também para $\ell = \pm 100$, onde a sigmoide em ponto
#    flutuante já vale 0 ou 1 e a fórmula explícita dá `inf` ou `nan`. Compare-a com
#    `losses.discriminator_loss(real_logits, fake_logits, "logits")`.
# 10. Complete `memorised_share(images)` com NumPy (sem `metrics.nearest_distances` nem
#     `metrics.memorisation_share`): para cada imagem (N, 28, 28, 1) em $[-1, 1]$, a distância euclidiana ao seu
#     dígito de treinamento mais próximo (`x`, os 4000 em $[-1, 1]$), e a fração abaixo de
#     `metrics.memorisation_threshold()`. Teste-a com `samples[:100]`.
#
# Responda com a função (`answer = d_loss`, `answer = memorised_share`): o verificador a testa com dados próprios.

# %% slideshow={"slide_type": "skip"}
def d_loss(real_logits, fake_logits):
    return None  # es: escribe aquí J(D) sobre logits | pt: escreva aqui J(D) sobre logits

answer = None  # es: cuando funcione: answer = d_loss | pt: quando funcionar: answer = d_loss
gc.exercises.check("06.9", answer)

# %% slideshow={"slide_type": "skip"}
def memorised_share(images):
    return None  # es: escribe aquí tu cálculo | pt: escreva aqui o seu cálculo

answer = None  # es: cuando funcione: answer = memorised_share | pt: quando funcionar: answer = memorised_share
gc.exercises.check("06.10", answer)

# %% [markdown] lang="es" slideshow={"slide_type": "notes"}
# Para el ejercicio 9, deja que la clase llegue sola a la identidad $-\log\sigma(\ell) = \log(1 + e^{-\ell})$ y a
# que $\log(1 + e^{\ell})$ desborda para $\ell$ grande: hay que sacar $\max(\ell, 0)$ fuera del logaritmo (o usar
# `np.logaddexp`). Es exactamente lo que hace `tf.nn.sigmoid_cross_entropy_with_logits`, y lo que la tabla de
# «Logits o probabilidades» mostró que falla en la fórmula explícita.

# %% [markdown] lang="pt" slideshow={"slide_type": "notes"}
# Para o exercício 9, deixe a turma chegar sozinha à identidade $-\log\sigma(\ell) = \log(1 + e^{-\ell})$ e ao fato
# de que $\log(1 + e^{\ell})$ transborda para $\ell$ grande: é preciso tirar $\max(\ell, 0)$ de dentro do logaritmo
# (ou usar `np.logaddexp`). É exatamente o que `tf.nn.sigmoid_cross_entropy_with_logits` faz, e o que a tabela de
# “Logits ou probabilidades” mostrou que falha na fórmula explícita.
