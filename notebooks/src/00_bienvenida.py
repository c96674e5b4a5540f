"""Lesson 00: the source of both notebooks named in NAMES. Format: see tools/nbbuild.py."""
from _lang import T

NAMES = {"es": "00_bienvenida", "pt": "00_boas_vindas"}

# %% [markdown] lang="es"
# # Bienvenida: redes convolucionales y GAN con Keras
#
# Este curso construye, paso a paso y en tu propia CPU, una **red generativa antagónica** (*generative adversarial
# network*, GAN) convolucional —una DCGAN— que aprende a dibujar dígitos manuscritos. Todo funciona sin conexión:
# los datos vienen dentro del paquete `gan_course` y cada lección se ejecuta en minutos en un portátil.
#
# Cada fórmula se programa primero a mano (con NumPy o con `tf.GradientTape`) y después se **comprueba** contra
# TensorFlow/Keras en una celda cuyo resultado verás impreso.

# %% [markdown] lang="pt"
# # Boas-vindas: redes convolucionais e GAN com Keras
#
# Este curso constrói, passo a passo e na sua própria CPU, uma **rede adversária generativa** (*generative
# adversarial network*, GAN) convolucional — uma DCGAN — que aprende a desenhar dígitos manuscritos. Tudo funciona
# sem conexão: os dados vêm dentro do pacote `gan_course` e cada lição roda em minutos num computador comum.
#
# Cada fórmula é programada primeiro à mão (com NumPy ou com `tf.GradientTape`) e depois **conferida** com o
# TensorFlow/Keras numa célula cujo resultado você verá impresso.

# %% [markdown] lang="es"
# ## El recorrido
#
# ### Las piezas: lecciones 00 a 05
#
# | # | Lección | Qué se aprende |
# |---|---|---|
# | 00 | Bienvenida | cómo usar el curso, el entorno, los datos |
# | 01 | Fundamentos de las CNN | extracción de características + clasificación; el clasificador que luego mide la GAN |
# | 02 | Convolución, stride, relleno y agrupamiento | la convolución a mano, tamaños de salida, *pooling* |
# | 03 | Convolución transpuesta | la convolución como matriz, su transpuesta, artefactos de tablero de ajedrez |
# | 04 | El objetivo de la GAN | juego minimax, pérdida no saturante, discriminador óptimo, una GAN en 1-D |
# | 05 | Normalización por lotes | ecuaciones, gradientes, medias móviles, el error de `training=` |

# %% [markdown] lang="pt"
# ## O percurso
#
# ### As peças: lições 00 a 05
#
# | # | Lição | O que se aprende |
# |---|---|---|
# | 00 | Boas-vindas | como usar o curso, o ambiente, os dados |
# | 01 | Fundamentos das CNN | extração de características + classificação; o classificador que depois mede a GAN |
# | 02 | Convolução, stride, preenchimento e agrupamento | a convolução à mão, tamanhos de saída, *pooling* |
# | 03 | Convolução transposta | a convolução como matriz, sua transposta, artefatos de tabuleiro de xadrez |
# | 04 | O objetivo da GAN | jogo minimax, perda não saturante, discriminador ótimo, uma GAN em 1-D |
# | 05 | Normalização em lote | equações, gradientes, médias móveis, o erro do `training=` |

# %% [markdown] lang="es"
# ### Las GAN: lecciones 06 a 10
#
# | # | Lección | Qué se aprende |
# |---|---|---|
# | 06 | DCGAN con `tf.GradientTape` | la DCGAN sin condiciones, escrita a mano y entrenada 3 minutos; sus cuadrículas y puntuaciones, puntos de control |
# | 07 | Por qué mejoran los dígitos | entran las etiquetas: cabeza de clases, código latente, proyección, EMA; sin etiquetas: grupos de imágenes parecidas (`selfcond`) |
# | 08 | A la manera de Keras y en más de una máquina | `GANModel.fit` y sus *callbacks*, `tf.distribute` |
# | 09 | DCGAN en color | emoji de verdad, la trampa de la transparencia, limpiar los datos, el tablero medido, aumentar los datos |
# | 10 | Más allá de DCGAN | GAN condicional («dibuja este número»), WGAN-GP, pérdida bisagra, Pix2Pix |
#
# Los cuadernos están en `notebooks/es/` (y sus gemelos en portugués en `notebooks/pt/`, con el mismo código).

# %% [markdown] lang="pt"
# ### As GAN: lições 06 a 10
#
# | # | Lição | O que se aprende |
# |---|---|---|
# | 06 | DCGAN com `tf.GradientTape` | a DCGAN sem condições, escrita à mão e treinada por 3 minutos; suas grades e pontuações, pontos de verificação |
# | 07 | Por que os dígitos melhoram | entram os rótulos: cabeça de classes, código latente, projeção, EMA; sem rótulos: grupos de imagens parecidas (`selfcond`) |
# | 08 | À maneira do Keras e em mais de uma máquina | `GANModel.fit` e seus *callbacks*, `tf.distribute` |
# | 09 | DCGAN colorida | emojis de verdade, a armadilha da transparência, limpar os dados, o tabuleiro medido, aumentar os dados |
# | 10 | Além da DCGAN | GAN condicional (“desenhe este número”), WGAN-GP, perda hinge, Pix2Pix |
#
# Os notebooks estão em `notebooks/pt/` (e seus gêmeos em espanhol em `notebooks/es/`, com o mesmo código).

# %% [markdown] lang="es"
# ## Cómo usar el curso
#
# - **Celda a celda**: ejecuta con `Shift+Enter`, de arriba abajo. Puedes repetir cualquier celda: todas están
#   pensadas para ejecutarse dos veces seguidas sin romperse.
# - **Modo rápido**: `GAN_COURSE_QUICK=1 jupyter lab` reduce los tamaños (épocas, muestras) para probar todo en
#   segundos; el texto del cuaderno no cambia. Sin esa variable, el curso usa los tamaños completos.
# - **Sin conexión**: por defecto se usa el subconjunto incluido de 5000 dígitos de MNIST. `load_mnist("keras")`
#   descarga los 60 000 dígitos si tienes internet; `GAN_COURSE_OFFLINE=1` prohíbe cualquier descarga.
# - **Diapositivas**: `python -m gan_course slides` escribe en `slides/` una presentación reveal.js por lección,
#   que funciona sin conexión. Los títulos `#` y `##` abren una diapositiva, los `###` una subdiapositiva, y la
#   tecla S muestra las notas del presentador.
#
# La primera celda de cada lección importa el paquete y llama a `gc.setup`, que fija el idioma de gráficos y
# mensajes, las semillas y carga TensorFlow sin sus mensajes de arranque.

# %% [markdown] lang="pt"
# ## Como usar o curso
#
# - **Célula por célula**: execute com `Shift+Enter`, de cima para baixo. Você pode repetir qualquer célula: todas
#   foram pensadas para rodar duas vezes seguidas sem quebrar.
# - **Modo rápido**: `GAN_COURSE_QUICK=1 jupyter lab` reduz os tamanhos (épocas, amostras) para testar tudo em
#   segundos; o texto do notebook não muda. Sem essa variável, o curso usa os tamanhos completos.
# - **Sem conexão**: por padrão usa-se o subconjunto incluído de 5000 dígitos do MNIST. `load_mnist("keras")`
#   baixa os 60 000 dígitos se houver internet; `GAN_COURSE_OFFLINE=1` proíbe qualquer download.
# - **Slides**: `python -m gan_course slides` escreve em `slides/` uma apresentação reveal.js por lição, que
#   funciona sem conexão. Os títulos `#` e `##` abrem um slide, os `###` um sub-slide, e a tecla S mostra as notas
#   do apresentador.
#
# A primeira célula de cada lição importa o pacote e chama `gc.setup`, que define o idioma dos gráficos e das
# mensagens, as sementes e carrega o TensorFlow sem as suas mensagens de inicialização.

# %% slideshow={"slide_type": "skip"}
import pathlib

import numpy as np
import matplotlib.pyplot as plt
import gan_course as gc
from gan_course import data, env, gif, plots, recipes, tf

gc.setup(T("es", "pt"))  # es: idioma, semillas, TensorFlow silencioso | pt: idioma, sementes, TensorFlow silencioso

# %% [markdown] lang="es" slideshow={"slide_type": "notes"}
# Antes de empezar, pide que cada persona ejecute la celda de arriba y la de «Comprobar el entorno»: así se ven
# pronto los problemas de instalación. Pregunta quién ha entrenado antes una red y quién ha oído hablar de las GAN,
# para ajustar el ritmo de las lecciones 01 y 02.

# %% [markdown] lang="pt" slideshow={"slide_type": "notes"}
# Antes de começar, peça que cada pessoa execute a célula acima e a de “Verificar o ambiente”: assim os problemas de
# instalação aparecem cedo. Pergunte quem já treinou uma rede e quem já ouviu falar de GAN, para ajustar o ritmo
# das lições 01 e 02.

# %% [markdown] lang="es"
# ### Los números en cada idioma
#
# El texto y las figuras escriben los decimales como el idioma: con punto en español (9.56) y con coma en
# portugués. `gc.i18n.number` lo hace por nosotros; lo que imprime Python (una matriz, un `float`) conserva el
# punto en los dos cuadernos.

# %% [markdown] lang="pt"
# ### Os números em cada idioma
#
# O texto e as figuras escrevem os decimais como o idioma: com ponto em espanhol e com vírgula em português
# (9,56). `gc.i18n.number` faz isso por nós; o que o Python imprime (uma matriz, um `float`) mantém o ponto nos
# dois notebooks.

# %%
print(T("en el texto:", "no texto:"), gc.i18n.number(9.5612, 2), T("| impreso por Python:", "| impresso pelo Python:"),
      round(9.5612, 2))

# %% [markdown] lang="es"
# ### Entrenar desde la terminal
#
# `python -m gan_course train` entrena 3 minutos y escribe el GIF de sus épocas en `runs/`. Ojo con lo que entrena:
# por defecto, la **receta del curso**, una DCGAN que **aprende de las etiquetas** de los dígitos (lección 07).
# `--recipe plain` entrena la DCGAN sin condiciones de la lección 06, y `--data CARPETA` tus propias imágenes, que
# no traen etiquetas: la receta `selfcond` usa en su lugar grupos de imágenes parecidas (`colour-selfcond` si son
# en color).

# %% [markdown] lang="pt"
# ### Treinar pelo terminal
#
# `python -m gan_course train` treina por 3 minutos e escreve o GIF das suas épocas em `runs/`. Atenção ao que ele
# treina: por padrão, a **receita do curso**, uma DCGAN que **aprende com os rótulos** dos dígitos (lição 07).
# `--recipe plain` treina a DCGAN sem condições da lição 06, e `--data PASTA` as suas próprias imagens, que não
# trazem rótulos: a receita `selfcond` usa no lugar deles grupos de imagens parecidas (`colour-selfcond` se forem
# coloridas).

# %%
for name in ("course", "plain", "selfcond"):
    recipe = recipes.get(name)
    reads = T("sí", "sim") if recipe.uses_labels else T("no", "não")
    print(f"{name:9}", T("lee las etiquetas:", "lê os rótulos:"), f"{reads:3}",
          T("| clases que conoce la red:", "| classes que a rede conhece:"), recipe.class_count)

# %% [markdown] lang="es"
# ## Comprobar el entorno
#
# Las versiones y el hardware dependen de tu máquina, así que esta salida no es la misma para todos. Una GPU no
# hace falta: todo el curso está medido en una CPU de 2 núcleos.

# %% [markdown] lang="pt"
# ## Verificar o ambiente
#
# As versões e o hardware dependem da sua máquina, então esta saída não é a mesma para todos. Uma GPU não é
# necessária: todo o curso foi medido numa CPU de 2 núcleos.

# %% tags=["nbval-ignore-output"]
env.print_report()

# %% [markdown] lang="es"
# ## Los datos
#
# MNIST es una colección de dígitos manuscritos de 28×28 píxeles en escala de grises (blanco sobre negro). El
# paquete incluye 5000 de ellos (500 por clase) para trabajar sin conexión; `load_mnist` devuelve las imágenes
# como `uint8` (0–255) y las etiquetas 0–9.

# %% [markdown] lang="pt"
# ## Os dados
#
# O MNIST é uma coleção de dígitos manuscritos de 28×28 pixels em tons de cinza (branco sobre preto). O pacote
# inclui 5000 deles (500 por classe) para trabalhar sem conexão; `load_mnist` devolve as imagens como `uint8`
# (0–255) e os rótulos 0–9.

# %%
images, labels = data.load_mnist("bundled")
print(images.shape, images.dtype, images.min(), images.max())
print(labels.shape, labels.dtype, np.unique(labels))

# %% [markdown] lang="es"
# ### Diez ejemplos de cada clase
#
# Una fila por dígito:

# %% [markdown] lang="pt"
# ### Dez exemplos de cada classe
#
# Uma linha por dígito:

# %%
plots.show_digits_per_class(images, labels, per_class=10)
plt.show()

# %% [markdown] lang="es"
# ### Histograma de clases
#
# Un conjunto equilibrado tiene la misma cantidad de cada dígito. Más adelante usaremos el mismo histograma sobre
# las imágenes **generadas** por la GAN: si faltan clases, es un síntoma de colapso de modos (*mode collapse*).

# %% [markdown] lang="pt"
# ### Histograma de classes
#
# Um conjunto equilibrado tem a mesma quantidade de cada dígito. Mais adiante usaremos o mesmo histograma sobre as
# imagens **geradas** pela GAN: se faltam classes, é um sintoma de colapso de modos (*mode collapse*).

# %%
counts = plots.class_histogram(labels)
plt.show()
print(counts)

# %% [markdown] lang="es" slideshow={"slide_type": "notes"}
# Con la cuadrícula de dígitos en pantalla, pregunta: «¿cuáles confundiríais vosotros?» (4 y 9, 3 y 5, 1 y 7 suelen
# salir). Son las mismas confusiones que veremos en la matriz de confusión de la lección 01, y los dígitos que a una
# GAN le cuesta más dibujar.

# %% [markdown] lang="pt" slideshow={"slide_type": "notes"}
# Com a grade de dígitos na tela, pergunte: “quais vocês confundiriam?” (4 e 9, 3 e 5, 1 e 7 costumam aparecer). São
# as mesmas confusões que veremos na matriz de confusão da lição 01, e os dígitos que uma GAN tem mais dificuldade
# para desenhar.

# %% [markdown] lang="es"
# ## De `uint8` a $[-1, 1]$
#
# Dentro de los modelos las imágenes son `float32` en $[-1, 1]$ con forma NHWC (lote, alto, ancho, canales): el
# generador termina en $\tanh$, cuyo rango es justo ese. La conversión es $x_f = x/127.5 - 1$; solo en los bordes
# (pantalla, GIF, disco) volvemos a `uint8`.

# %% [markdown] lang="pt"
# ## De `uint8` para $[-1, 1]$
#
# Dentro dos modelos as imagens são `float32` em $[-1, 1]$ com formato NHWC (lote, altura, largura, canais): o
# gerador termina em $\tanh$, cuja faixa é exatamente essa. A conversão é $x_f = x/127{,}5 - 1$; só nas bordas
# (tela, GIF, disco) voltamos para `uint8`.

# %%
x = data.to_float(images)
print(x.shape, x.dtype, x.min(), x.max())
by_hand = images[0].astype(np.float32) / 127.5 - 1
print(T("max |diferencia| =", "max |diferença| ="), float(np.abs(by_hand - x[0, ..., 0]).max()))
print(T("ida y vuelta exacta:", "ida e volta exata:"), np.array_equal(data.to_uint8(x), images[..., None]))

# %% [markdown] lang="es"
# ## Lotes con `tf.data`
#
# `make_dataset` baraja las imágenes en cada época (con semilla), las agrupa en lotes (*batches*) y descarta el
# último lote incompleto (`drop_remainder=True`): así todos los lotes tienen la misma forma y el paso de
# entrenamiento compilado con `tf.function` no se vuelve a trazar.

# %% [markdown] lang="pt"
# ## Lotes com `tf.data`
#
# `make_dataset` embaralha as imagens a cada época (com semente), agrupa-as em lotes (*batches*) e descarta o
# último lote incompleto (`drop_remainder=True`): assim todos os lotes têm o mesmo formato e o passo de treinamento
# compilado com `tf.function` não é retraçado.

# %%
dataset = data.make_dataset(images, batch_size=64, seed=0)
shapes = [tuple(batch.shape) for batch in dataset]
print(len(shapes), "lotes de", shapes[0], "| 5000 // 64 =", 5000 // 64)

# %% [markdown] lang="es"
# ## Semillas
#
# `gc.seed_everything(s)` fija a la vez las semillas de Python, NumPy y TensorFlow: la misma semilla da los
# mismos números (en una misma máquina).

# %% [markdown] lang="pt"
# ## Sementes
#
# `gc.seed_everything(s)` fixa de uma vez as sementes do Python, do NumPy e do TensorFlow: a mesma semente dá os
# mesmos números (numa mesma máquina).

# %%
def draw(seed):
    gc.seed_everything(seed)
    return np.random.rand(3).round(4), tf.random.uniform([3]).numpy().round(4)

print(draw(42))
print(draw(42))
print(draw(7))

# %% [markdown] lang="es"
# ## Un GIF con `gan_course.gif`
#
# La lección 06 guarda una cuadrícula de muestras por época y las junta en un GIF. Aquí lo mismo con datos reales:
# un fotograma por clase. Las duraciones están en **milisegundos** y el GIF se repite sin fin (`loop=0`); los
# archivos de cada ejecución van a una carpeta propia dentro de `runs/`.

# %% [markdown] lang="pt"
# ## Um GIF com `gan_course.gif`
#
# A lição 06 guarda uma grade de amostras por época e junta tudo num GIF. Aqui o mesmo com dados reais: um quadro
# por classe. As durações estão em **milissegundos** e o GIF se repete sem fim (`loop=0`); os arquivos de cada
# execução vão para uma pasta própria dentro de `runs/`.

# %%
folder = pathlib.Path("runs/00_demo")
folder.mkdir(parents=True, exist_ok=True)
frames = [gif.upscale(gif.image_grid(images[labels == c][:16], ncols=4), 2) for c in range(10)]
path = gif.write_gif(folder / "digitos.gif", frames, duration_ms=400)
read_back, durations = gif.read_gif(path)
print(path.as_posix(), read_back.shape, durations[:3])

# %% [markdown] lang="es"
# ### El GIF
#
# Los bytes exactos del GIF dependen de la versión de Pillow, por eso esta celda no se compara en las pruebas:

# %% [markdown] lang="pt"
# ### O GIF
#
# Os bytes exatos do GIF dependem da versão do Pillow, por isso esta célula não é comparada nos testes:

# %% tags=["nbval-ignore-output"]
gif.show_gif(path)

# %% [markdown] lang="es"
# ## Ejercicios
#
# Escribe tu respuesta en lugar de `None` y ejecuta la celda: `gc.exercises.check` te dice si es correcta o te da
# una pista.
#
# 1. ¿Cuántas imágenes del dígito 7 hay en el subconjunto incluido?
# 2. ¿Qué valor tiene un píxel 64 (`uint8`) escalado a $[-1, 1]$?
# 3. ¿Cuántos lotes de 64 tiene una época de 5000 imágenes con `drop_remainder=True`?

# %% [markdown] lang="pt"
# ## Exercícios
#
# Escreva sua resposta no lugar de `None` e execute a célula: `gc.exercises.check` diz se está correta ou dá uma
# dica.
#
# 1. Quantas imagens do dígito 7 há no subconjunto incluído?
# 2. Que valor tem um pixel 64 (`uint8`) escalado para $[-1, 1]$?
# 3. Quantos lotes de 64 tem uma época de 5000 imagens com `drop_remainder=True`?

# %%
answer = None  # es: 00.1, tu respuesta | pt: 00.1, sua resposta
gc.exercises.check("00.1", answer)

# %%
answer = None  # es: 00.2, tu respuesta | pt: 00.2, sua resposta
gc.exercises.check("00.2", answer)

# %%
answer = None  # es: 00.3, tu respuesta | pt: 00.3, sua resposta
gc.exercises.check("00.3", answer)

# %% [markdown] lang="es"
# ### Programar: de `uint8` a $[-1, 1]$
#
# 4. Completa `my_to_float(images)`: recibe imágenes `uint8` de forma $(N, 28, 28)$ y devuelve `float32` en
#    $[-1, 1]$ con forma NHWC $(N, 28, 28, 1)$, sin `data.to_float`. Pasa la **función** como respuesta; el corrector
#    la compara con `data.to_float` (valores, forma y tipo).

# %% [markdown] lang="pt"
# ### Programar: de `uint8` para $[-1, 1]$
#
# 4. Complete `my_to_float(images)`: recebe imagens `uint8` de formato $(N, 28, 28)$ e devolve `float32` em
#    $[-1, 1]$ com formato NHWC $(N, 28, 28, 1)$, sem `data.to_float`. Passe a **função** como resposta; o corretor a
#    compara com `data.to_float` (valores, formato e tipo).

# %%
def my_to_float(images):
    return images  # es: cámbialo: float32 en [-1, 1], forma (N, 28, 28, 1) | pt: troque: float32 em [-1, 1], formato (N, 28, 28, 1)

answer = None  # es: my_to_float, sin paréntesis | pt: my_to_float, sem parênteses
gc.exercises.check("00.4", answer)

# %% [markdown] lang="es"
# ### Programar: de $[-1, 1]$ a `uint8`
#
# 5. El camino de vuelta, para la pantalla y los GIF: completa `my_to_uint8(x)`, que recibe `float32` en $[-1, 1]$ y
#    devuelve `uint8` en 0–255 con la misma forma, sin `data.to_uint8`. Cada valor va al nivel de gris **más
#    cercano**. El corrector la compara con `data.to_uint8`, también con valores como 0.999.

# %% [markdown] lang="pt"
# ### Programar: de $[-1, 1]$ para `uint8`
#
# 5. O caminho de volta, para a tela e os GIFs: complete `my_to_uint8(x)`, que recebe `float32` em $[-1, 1]$ e
#    devolve `uint8` em 0–255 com o mesmo formato, sem `data.to_uint8`. Cada valor vai para o nível de cinza **mais
#    próximo**. O corretor a compara com `data.to_uint8`, também com valores como 0,999.

# %%
def my_to_uint8(x):
    return x  # es: cámbialo: uint8 en 0–255, misma forma | pt: troque: uint8 em 0–255, mesmo formato

answer = None  # es: my_to_uint8, sin paréntesis | pt: my_to_uint8, sem parênteses
gc.exercises.check("00.5", answer)

# %% [markdown] lang="es" slideshow={"slide_type": "notes"}
# El ejercicio 4 tiene dos trampas habituales: olvidar el eje del canal (`[..., None]`) y dividir enteros sin pasar
# antes a `float32`. En el 5, `astype(np.uint8)` trunca en lugar de redondear: 0.999 daría 254. Si alguien acaba
# rápido, pídele que compruebe a mano qué valor da el píxel 255 y el 0, y que haga la ida y vuelta con sus dos
# funciones.

# %% [markdown] lang="pt" slideshow={"slide_type": "notes"}
# O exercício 4 tem duas armadilhas comuns: esquecer o eixo do canal (`[..., None]`) e dividir inteiros sem passar
# antes para `float32`. No 5, `astype(np.uint8)` trunca em vez de arredondar: 0,999 daria 254. Se alguém terminar
# rápido, peça que confira à mão que valor dão o pixel 255 e o 0, e que faça a ida e volta com as suas duas
# funções.

# %% [markdown] lang="es"
# ## Siguiente
#
# La lección **01** entrena una red convolucional que clasifica estos dígitos; la usaremos después como juez
# para medir la calidad de los dígitos que dibuje la GAN.

# %% [markdown] lang="pt"
# ## Próxima
#
# A lição **01** treina uma rede convolucional que classifica estes dígitos; depois a usaremos como juiz para
# medir a qualidade dos dígitos que a GAN desenhar.
