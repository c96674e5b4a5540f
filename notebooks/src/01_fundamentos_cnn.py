"""Lesson 01: the source of both notebooks named in NAMES. Format: see tools/nbbuild.py."""
from _lang import T

NAMES = {"es": "01_fundamentos_cnn", "pt": "01_fundamentos_cnn"}

# %% [markdown] lang="es"
# # Fundamentos de las redes convolucionales (CNN)
#
# Una **red neuronal convolucional** (*convolutional neural network*, CNN) mira una imagen en dos tiempos:
#
# 1. **Extracción de características** (*feature extraction*): convoluciones, funciones de activación y
#    agrupamiento (*pooling*) convierten los píxeles en mapas que dicen *dónde* aparece *qué* patrón.
# 2. **Clasificación**: esos mapas se aplanan en un vector y unas capas totalmente conectadas (*fully connected*)
#    deciden a qué clase pertenece la imagen.
#
# En esta lección entrenamos una CNN pequeña con dígitos de MNIST, miramos dentro de ella capa por capa y medimos
# sus aciertos y sus errores. La misma red, ya entrenada e incluida en el paquete, será después el **juez** de la
# red generativa antagónica (*generative adversarial network*, GAN): en las lecciones 06 y 07 medirá con números
# qué tan buenos son los dígitos que dibuja el generador (*generator*).

# %% [markdown] lang="pt"
# # Fundamentos das redes convolucionais (CNN)
#
# Uma **rede neural convolucional** (*convolutional neural network*, CNN) olha uma imagem em dois tempos:
#
# 1. **Extração de características** (*feature extraction*): convoluções, funções de ativação e agrupamento
#    (*pooling*) transformam os pixels em mapas que dizem *onde* aparece *qual* padrão.
# 2. **Classificação**: esses mapas são achatados num vetor e algumas camadas totalmente conectadas (*fully
#    connected*) decidem a que classe a imagem pertence.
#
# Nesta lição treinamos uma CNN pequena com dígitos do MNIST, olhamos dentro dela camada por camada e medimos
# seus acertos e seus erros. A mesma rede, já treinada e incluída no pacote, será depois o **juiz** da rede
# adversária generativa (*generative adversarial network*, GAN): nas lições 06 e 07 ela vai medir com números quão
# bons são os dígitos que o gerador (*generator*) desenha.

# %% slideshow={"slide_type": "skip"}
import numpy as np
import matplotlib.pyplot as plt
import gan_course as gc
from gan_course import classifier, data, keras, metrics, plots, tf

gc.setup(T("es", "pt"))  # es: idioma, semillas, TensorFlow silencioso | pt: idioma, sementes, TensorFlow silencioso

# %% [markdown] lang="es" slideshow={"slide_type": "notes"}
# Abre con una pregunta: «si tuvierais que reconocer un 7 escrito a mano con reglas, ¿qué reglas escribiríais?».
# Tras dos o tres intentos (una raya arriba, otra diagonal…), explica que la CNN aprende esas reglas como filtros,
# y que la misma red, ya entrenada, juzgará en las lecciones 06 y 07 los dígitos que dibuje la GAN.

# %% [markdown] lang="pt" slideshow={"slide_type": "notes"}
# Abra com uma pergunta: “se vocês tivessem de reconhecer um 7 escrito à mão com regras, que regras escreveriam?”.
# Depois de duas ou três tentativas (um traço em cima, outro na diagonal…), explique que a CNN aprende essas regras
# como filtros, e que a mesma rede, já treinada, vai julgar nas lições 06 e 07 os dígitos que a GAN desenhar.

# %% [markdown] lang="es"
# ## Las dos partes de una CNN
#
# ```
# dígito 28×28×1
#   │  extracción de características
#   ├─ conv1 3×3 (32 filtros) → ReLU → conv2 3×3 (32) → ReLU → max pooling 2×2     → 12×12×32
#   ├─ conv3 3×3 (64 filtros) → ReLU → conv4 3×3 (64) → ReLU → max pooling 2×2     →  4×4×64
#   │  clasificación
#   └─ aplanar (1024) → totalmente conectada (64, ReLU) → totalmente conectada (10) → softmax
# ```
#
# - Una **convolución** desliza un filtro (*kernel*) pequeño por la imagen; donde el trozo de imagen se parece al
#   filtro, la respuesta es grande. Cada filtro produce un **mapa de características** (*feature map*).
# - La **función de activación** (*activation function*) ReLU deja pasar solo las respuestas positivas.
# - El **agrupamiento** (*pooling*) resume cada ventana de 2×2 en su valor máximo: el mapa se reduce a la mitad y
#   tolera pequeños desplazamientos del dígito.
# - Al apilar bloques, las primeras capas responden a trazos y bordes con una orientación —como un filtro que
#   «ve» las rayas de una cebra— y las siguientes combinan esos trazos en partes de dígitos.

# %% [markdown] lang="pt"
# ## As duas partes de uma CNN
#
# ```
# dígito 28×28×1
#   │  extração de características
#   ├─ conv1 3×3 (32 filtros) → ReLU → conv2 3×3 (32) → ReLU → max pooling 2×2     → 12×12×32
#   ├─ conv3 3×3 (64 filtros) → ReLU → conv4 3×3 (64) → ReLU → max pooling 2×2     →  4×4×64
#   │  classificação
#   └─ achatar (1024) → totalmente conectada (64, ReLU) → totalmente conectada (10) → softmax
# ```
#
# - Uma **convolução** desliza um filtro (*kernel*) pequeno pela imagem; onde o pedaço de imagem se parece com o
#   filtro, a resposta é grande. Cada filtro produz um **mapa de características** (*feature map*).
# - A **função de ativação** (*activation function*) ReLU deixa passar só as respostas positivas.
# - O **agrupamento** (*pooling*) resume cada janela de 2×2 no seu valor máximo: o mapa cai pela metade e
#   tolera pequenos deslocamentos do dígito.
# - Ao empilhar blocos, as primeiras camadas respondem a traços e bordas com uma orientação — como um filtro que
#   “enxerga” as listras de uma zebra — e as seguintes combinam esses traços em partes de dígitos.

# %% [markdown] lang="es"
# ## Datos de entrenamiento y de prueba
#
# Un clasificador se evalúa con imágenes que **nunca** vio al entrenar. `classifier.held_out_split()` separa los
# 5000 dígitos incluidos en 4000 de entrenamiento y 1000 de prueba (100 por clase). La división es fija: la misma
# en todas las máquinas, así que todos medimos sobre los mismos 1000 dígitos.

# %% [markdown] lang="pt"
# ## Dados de treinamento e de teste
#
# Um classificador é avaliado com imagens que ele **nunca** viu no treinamento. `classifier.held_out_split()`
# separa os 5000 dígitos incluídos em 4000 de treinamento e 1000 de teste (100 por classe). A divisão é fixa: a
# mesma em todas as máquinas, então todos medimos sobre os mesmos 1000 dígitos.

# %%
(x_train, y_train), (x_test, y_test) = classifier.held_out_split()
x_train_f, x_test_f = data.to_float(x_train), data.to_float(x_test)  # es: float32 en [-1, 1], NHWC
                                                                     # pt: float32 em [-1, 1], NHWC
print(T("entrenamiento:", "treinamento:"), x_train_f.shape, T("por clase:", "por classe:"), np.bincount(y_train))
print(T("prueba:       ", "teste:      "), x_test_f.shape, T("por clase:", "por classe:"), np.bincount(y_test))

# %% [markdown] lang="es"
# ## La red
#
# `classifier.build_classifier()` construye la red del esquema con la API funcional de Keras. Cada capa tiene
# nombre, forma de salida (sin la dimensión del lote) y número de parámetros. Una convolución con $F$ filtros de
# $k\times k$ sobre $C$ canales tiene $k\cdot k\cdot C\cdot F$ pesos más $F$ sesgos; una capa totalmente conectada
# de $n$ entradas y $m$ salidas, $n\cdot m + m$.

# %% [markdown] lang="pt"
# ## A rede
#
# `classifier.build_classifier()` constrói a rede do esquema com a API funcional do Keras. Cada camada tem nome,
# formato de saída (sem a dimensão do lote) e número de parâmetros. Uma convolução com $F$ filtros de
# $k\times k$ sobre $C$ canais tem $k\cdot k\cdot C\cdot F$ pesos mais $F$ vieses; uma camada totalmente
# conectada de $n$ entradas e $m$ saídas, $n\cdot m + m$.

# %%
model = classifier.build_classifier()
for layer in model.layers[1:]:
    shape = str(tuple(layer.output.shape[1:]))
    print(f"{layer.name:9} {type(layer).__name__:13} {shape:14} {layer.count_params():>7}")
print(T("total de parámetros:", "total de parâmetros:"), model.count_params())
print(T("conv1 a mano:", "conv1 à mão:"), 3 * 3 * 1 * 32 + 32, T("| features a mano:", "| features à mão:"), 1024 * 64 + 64)

# %% [markdown] lang="es"
# ## Convolución: una capa a mano
#
# Con stride 1 y sin relleno (`'valid'`), el mapa $c$ de una convolución $3\times 3$ es
#
# $$z[i, j, c] = b_c + \sum_{a=0}^{2}\sum_{d=0}^{2} x[i+a,\, j+d]\; k[a, d, c],$$
#
# así que de 28 píxeles quedan $28-3+1 = 26$. Lo calculamos con NumPy para un dígito y los 32 filtros (aún
# aleatorios) de `conv1`, y lo comparamos con la salida de Keras. `classifier.layer_outputs` devuelve la salida de
# cada capa para un lote de imágenes.

# %% [markdown] lang="pt"
# ## Convolução: uma camada à mão
#
# Com stride 1 e sem preenchimento (`'valid'`), o mapa $c$ de uma convolução $3\times 3$ é
#
# $$z[i, j, c] = b_c + \sum_{a=0}^{2}\sum_{d=0}^{2} x[i+a,\, j+d]\; k[a, d, c],$$
#
# então de 28 pixels restam $28-3+1 = 26$. Calculamos isso com NumPy para um dígito e os 32 filtros (ainda
# aleatórios) de `conv1`, e comparamos com a saída do Keras. `classifier.layer_outputs` devolve a saída de cada
# camada para um lote de imagens.

# %%
digit = x_test_f[:1]                                  # es: un dígito, forma (1, 28, 28, 1)
                                                      # pt: um dígito, formato (1, 28, 28, 1)
kernel = model.get_layer("conv1").kernel.numpy()     # (3, 3, 1, 32)
bias = model.get_layer("conv1").bias.numpy()         # (32,)
by_hand = np.zeros((26, 26, 32), np.float32)
for a in range(3):
    for d in range(3):
        by_hand += digit[0, a:a + 26, d:d + 26, :] * kernel[a, d, 0]
by_hand += bias
maps = classifier.layer_outputs(model, digit)
print(by_hand.shape, T("| igual que Keras:", "| igual ao Keras:"), np.allclose(by_hand, maps["conv1"][0], atol=1e-5))

# %% [markdown] lang="es"
# ### ReLU
#
# $$\mathrm{ReLU}(z) = \max(0, z)$$
#
# Sin una activación no lineal entre ellas, dos convoluciones seguidas serían una sola convolución (una
# composición de funciones lineales es lineal): la red no ganaría nada con ser profunda. ReLU es la activación
# no lineal más simple: deja las respuestas positivas y pone a cero las demás.

# %% [markdown] lang="pt"
# ### ReLU
#
# $$\mathrm{ReLU}(z) = \max(0, z)$$
#
# Sem uma ativação não linear entre elas, duas convoluções seguidas seriam uma única convolução (uma composição
# de funções lineares é linear): a rede não ganharia nada por ser profunda. A ReLU é a ativação não linear mais
# simples: mantém as respostas positivas e zera as demais.

# %%
relu_by_hand = np.maximum(maps["conv1"], 0)
print(T("ReLU a mano = capa relu1:", "ReLU à mão = camada relu1:"), np.array_equal(relu_by_hand, maps["relu1"]))
print(T("ninguna salida negativa:", "nenhuma saída negativa:"), bool(maps["relu1"].min() >= 0))

# %% [markdown] lang="es"
# ### Agrupamiento máximo (*max pooling*)
#
# Cada ventana de $2\times 2$ (con stride 2) se reemplaza por su máximo: el mapa de $24\times 24$ de `relu2` pasa a
# $12\times 12$. Con `reshape` se ve como «partir en bloques de 2×2 y quedarse con el mayor».

# %% [markdown] lang="pt"
# ### Agrupamento máximo (*max pooling*)
#
# Cada janela de $2\times 2$ (com stride 2) é substituída pelo seu máximo: o mapa de $24\times 24$ de `relu2`
# vira $12\times 12$. Com `reshape` isso aparece como “cortar em blocos de 2×2 e ficar com o maior”.

# %%
before_pool = maps["relu2"][0]                                    # (24, 24, 32)
pooled = before_pool.reshape(12, 2, 12, 2, 32).max(axis=(1, 3))
print(before_pool.shape, "→", pooled.shape, np.array_equal(pooled, maps["pool1"][0]))

# %% [markdown] lang="es"
# ## Aplanar y clasificar
#
# El último mapa, $4\times 4\times 64$, se **aplana** (*flatten*) en un vector de 1024 números (fila, columna,
# canal). La capa totalmente conectada `features` lo resume en 64 números: son las **características** con las que
# la FID (al final de la lección) compara dígitos reales y generados. La capa `logits` da 10 puntuaciones $z_k$, y
# la función softmax las convierte en probabilidades:
#
# $$p_k = \frac{e^{z_k}}{\sum_{j=0}^{9} e^{z_j}}.$$
#
# La softmax no forma parte del modelo: la pérdida de entropía cruzada la aplica por dentro
# (`from_logits=True`), que es numéricamente más estable.

# %% [markdown] lang="pt"
# ## Achatar e classificar
#
# O último mapa, $4\times 4\times 64$, é **achatado** (*flatten*) num vetor de 1024 números (linha, coluna,
# canal). A camada totalmente conectada `features` o resume em 64 números: são as **características** com as quais
# a FID (no fim da lição) compara dígitos reais e gerados. A camada `logits` dá 10 pontuações $z_k$, e a função
# softmax as transforma em probabilidades:
#
# $$p_k = \frac{e^{z_k}}{\sum_{j=0}^{9} e^{z_j}}.$$
#
# A softmax não faz parte do modelo: a perda de entropia cruzada a aplica por dentro (`from_logits=True`), o que é
# numericamente mais estável.

# %%
flat = classifier.layer_outputs(model, digit, ("pool2", "flatten"))
print(flat["pool2"].shape, "→", flat["flatten"].shape,
      T("| aplanar = reshape:", "| achatar = reshape:"), np.array_equal(flat["pool2"].reshape(1, -1), flat["flatten"]))
logits = model(digit, training=False).numpy()
probs = np.exp(logits - logits.max()) / np.exp(logits - logits.max()).sum()
print(T("softmax a mano = Keras:",
        "softmax à mão = Keras:"), np.allclose(probs, keras.activations.softmax(logits).numpy(), atol=1e-6),
      T("| suma:", "| soma:"), round(float(probs.sum()), 6))

# %% [markdown] lang="es"
# ## Entrenar
#
# `compile` elige el optimizador (Adam), la pérdida (*loss*: entropía cruzada sobre los logits) y la métrica
# (exactitud, *accuracy*: la proporción de aciertos); `fit` recorre los 4000 dígitos de entrenamiento en lotes
# (*batches*) de 64 durante 10 épocas (*epochs*) y, al final de cada una, mide la exactitud sobre los 1000 de
# prueba. Los números cambian un poco de una máquina a otra; el tiempo depende de la máquina y de lo ocupada que
# esté.

# %% [markdown] lang="pt"
# ## Treinar
#
# `compile` escolhe o otimizador (Adam), a perda (*loss*: entropia cruzada sobre os logits) e a métrica
# (acurácia, *accuracy*: a proporção de acertos); `fit` percorre os 4000 dígitos de treinamento em lotes
# (*batches*) de 64 durante 10 épocas (*epochs*) e, ao final de cada uma, mede a acurácia nos 1000 de teste. Os
# números mudam um pouco de uma máquina para outra; o tempo depende da máquina e de quão ocupada ela está.

# %% tags=["nbval-ignore-output"]
gc.seed_everything(0)
model = classifier.build_classifier()
model.compile(optimizer=keras.optimizers.Adam(1e-3),
              loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
              metrics=["accuracy"])
history = model.fit(x_train_f, y_train, batch_size=64, epochs=gc.pick(10, 1),  # es: 1 época en modo rápido
                                                                               # pt: 1 época no modo rápido
                    validation_data=(x_test_f, y_test), verbose=0)
h = history.history
for epoch, (loss, accuracy, test_accuracy) in enumerate(zip(h["loss"], h["accuracy"], h["val_accuracy"]), 1):
    print(T(f"época {epoch:2d}: pérdida {loss:.3f}, exactitud {accuracy:.1%}, en prueba {test_accuracy:.1%}",
            f"época {epoch:2d}: perda {loss:.3f}, acurácia {accuracy:.1%}, no teste {test_accuracy:.1%}"))

# %% [markdown] lang="es"
# ### Las curvas de entrenamiento
#
# La pérdida baja época a época y la exactitud de prueba se estabiliza tras unas pocas épocas. Que al
# principio la de prueba supere a la de entrenamiento no es un error: la de entrenamiento es el promedio a lo largo
# de la época, mientras los pesos todavía mejoran, y se mide con *dropout* activo (la capa `dropout` apaga al azar
# un 30 % de las características solo durante el entrenamiento).

# %% [markdown] lang="pt"
# ### As curvas de treinamento
#
# A perda cai época a época e a acurácia de teste se estabiliza depois de poucas épocas. Que no início a de
# teste supere a de treinamento não é um erro: a de treinamento é a média ao longo da época, enquanto os pesos
# ainda melhoram, e é medida com *dropout* ativo (a camada `dropout` desliga ao acaso 30 % das características
# só durante o treinamento).

# %%
classifier.show_history(history)
plt.show()

# %% [markdown] lang="es" slideshow={"slide_type": "notes"}
# Pregunta antes de enseñar las curvas: «¿puede la exactitud de prueba ser mayor que la de entrenamiento?». Casi
# todos dirán que no. La explicación (promedio durante la época, *dropout* activo) es una buena ocasión para
# insistir en que las métricas se leen sabiendo cómo se miden.

# %% [markdown] lang="pt" slideshow={"slide_type": "notes"}
# Pergunte antes de mostrar as curvas: “a acurácia de teste pode ser maior que a de treinamento?”. Quase todos vão
# dizer que não. A explicação (média durante a época, *dropout* ativo) é uma boa ocasião para insistir que as
# métricas se leem sabendo como são medidas.

# %% [markdown] lang="es"
# ## Lo que aprendió la red
#
# ### Los filtros de la primera capa
#
# Cada filtro de `conv1` es un kernel de $3\times 3$ (claro = peso positivo, oscuro = negativo). Los que
# son claros de un lado y oscuros del otro son detectores de bordes: responden a un trazo con una orientación
# concreta, igual que un detector de «rayas de cebra» responde a franjas con una inclinación.

# %% [markdown] lang="pt"
# ## O que a rede aprendeu
#
# ### Os filtros da primeira camada
#
# Cada filtro de `conv1` é um kernel de $3\times 3$ (claro = peso positivo, escuro = negativo). Os que são
# claros de um lado e escuros do outro são detectores de bordas: respondem a um traço com uma orientação
# específica, assim como um detector de “listras de zebra” responde a faixas com uma inclinação.

# %%
classifier.show_filters(model, size=4.0)
plt.show()

# %% [markdown] lang="es"
# ### ¿Reinventa o retoca?
#
# Con solo 9 pesos, el entrenamiento retoca cada filtro más de lo que lo reinventa: comparemos cada filtro con
# el que tenía antes de entrenar (la misma semilla da el mismo punto de partida). Una correlación cercana a 1
# significa que conserva el dibujo de su inicio aleatorio. Lo que cada filtro hace se ve mejor en lo que produce,
# en la figura siguiente.

# %% [markdown] lang="pt"
# ### Reinventa ou retoca?
#
# Com apenas 9 pesos, o treinamento retoca cada filtro mais do que o reinventa: comparemos cada filtro com o que ele
# tinha antes do treinamento (a mesma semente dá o mesmo ponto de partida). Uma correlação próxima de 1 significa
# que ele conserva o desenho do seu início aleatório. O que cada filtro faz aparece melhor no que ele produz, na
# figura seguinte.

# %% tags=["nbval-ignore-output"]
gc.seed_everything(0)
before = classifier.build_classifier().get_layer("conv1").kernel.numpy()  # es: el punto de partida
                                                                          # pt: o ponto de partida
after = model.get_layer("conv1").kernel.numpy()
similarity = [np.corrcoef(before[..., 0, i].ravel(), after[..., 0, i].ravel())[0, 1] for i in range(32)]
print(T(f"correlación antes/después, mediana de los 32 filtros: {np.median(similarity):.2f}",
        f"correlação antes/depois, mediana dos 32 filtros: {np.median(similarity):.2f}"))
print(T(f"tamaño de los pesos (norma) antes: {np.linalg.norm(before):.2f}, después: {np.linalg.norm(after):.2f}",
        f"tamanho dos pesos (norma) antes: {np.linalg.norm(before):.2f}, depois: {np.linalg.norm(after):.2f}"))

# %% [markdown] lang="es"
# ### Mapas de características, capa a capa
#
# Un dígito de prueba atraviesa la extracción de características: cada fila son los 8 primeros mapas de una capa,
# cada uno con su propia escala (blanco = respuesta más alta). En `conv1` todavía se reconoce el dígito; en `pool2`
# quedan mapas de $4\times 4$ que dicen en qué zona aparece cada tipo de trazo.

# %% [markdown] lang="pt"
# ### Mapas de características, camada por camada
#
# Um dígito de teste atravessa a extração de características: cada linha são os 8 primeiros mapas de uma camada,
# cada um com sua própria escala (branco = resposta mais alta). Em `conv1` o dígito ainda é reconhecível; em `pool2`
# sobram mapas de $4\times 4$ que dizem em que região aparece cada tipo de traço.

# %%
classifier.show_feature_maps(model, x_test[0], size=7.0)
plt.show()

# %% [markdown] lang="es" slideshow={"slide_type": "notes"}
# Recorre la figura fila a fila: en `conv1` unos bordes salen resaltados y otros apagados según el filtro; `relu1`
# borra lo negativo; cada *pooling* reduce el tamaño a la mitad; en `pool2` los mapas ya no se parecen a un dígito.
# Pregunta qué fila les sirve más para decidir «es un 7» y por qué la última, aunque no la sepamos leer.

# %% [markdown] lang="pt" slideshow={"slide_type": "notes"}
# Percorra a figura linha por linha: em `conv1` algumas bordas aparecem realçadas e outras apagadas conforme o filtro;
# `relu1` apaga o negativo; cada *pooling* reduz o tamanho pela metade; em `pool2` os mapas já não se parecem com um
# dígito. Pergunte que linha ajuda mais a decidir “é um 7” e por que a última, mesmo que não saibamos lê-la.

# %% [markdown] lang="es"
# ## El clasificador del curso
#
# El paquete incluye esta misma red ya entrenada (`gan_course/assets/classifier.weights.h5`): 25 épocas con una
# tasa de aprendizaje (*learning rate*) que decrece y, en cada época, los dígitos de entrenamiento desplazados al
# azar hasta 2 píxeles (aumento de datos, *data augmentation*), para que no dependa de la posición exacta del
# trazo. `python -m gan_course classifier` la vuelve a entrenar con la misma receta y la misma semilla (*seed*).
# Como sus pesos son fijos, los resultados de aquí en adelante son los mismos en cualquier máquina.

# %% [markdown] lang="pt"
# ## O classificador do curso
#
# O pacote inclui esta mesma rede já treinada (`gan_course/assets/classifier.weights.h5`): 25 épocas com uma taxa
# de aprendizado (*learning rate*) que decresce e, a cada época, os dígitos de treinamento deslocados ao acaso em
# até 2 pixels (aumento de dados, *data augmentation*), para que ela não dependa da posição exata do traço.
# `python -m gan_course classifier` a treina de novo com a mesma receita e a mesma semente (*seed*). Como seus
# pesos são fixos, os resultados daqui em diante são os mesmos em qualquer máquina.

# %%
judge = classifier.load_classifier()
predicted = classifier.predict(judge, x_test_f)
print(T(f"exactitud en los {len(y_test)} dígitos de prueba: {np.mean(predicted == y_test):.1%}",
        f"acurácia nos {len(y_test)} dígitos de teste: {np.mean(predicted == y_test):.1%}"))

# %% [markdown] lang="es"
# ### Matriz de confusión
#
# En la matriz de confusión (*confusion matrix*), la fila es la clase real y la columna la predicha: la diagonal
# cuenta los aciertos y cada número fuera de ella, un tipo de error (por ejemplo, un 4 tomado por un 9).
# Comprobamos la cuenta con `tf.math.confusion_matrix`.

# %% [markdown] lang="pt"
# ### Matriz de confusão
#
# Na matriz de confusão (*confusion matrix*), a linha é a classe real e a coluna a prevista: a diagonal conta os
# acertos e cada número fora dela, um tipo de erro (por exemplo, um 4 tomado por um 9). Conferimos a contagem com
# `tf.math.confusion_matrix`.

# %%
cm = classifier.confusion_matrix(y_test, predicted)
print(cm)
print(T("igual que tf.math.confusion_matrix:", "igual a tf.math.confusion_matrix:"),
      np.array_equal(cm, tf.math.confusion_matrix(y_test, predicted, num_classes=10).numpy()))

# %% [markdown] lang="es"
# ### La matriz, en colores
#
# Los aciertos forman la diagonal (azul oscuro); cada casilla coloreada fuera de ella es un tipo de error.

# %% [markdown] lang="pt"
# ### A matriz, em cores
#
# Os acertos formam a diagonal (azul-escuro); cada quadrado colorido fora dela é um tipo de erro.

# %%
classifier.show_confusion(cm)
plt.show()

# %% [markdown] lang="es"
# ### Ejemplos mal clasificados
#
# Los dígitos de prueba en los que se equivoca, con su clase real → la predicha. Varios son ambiguos también para
# una persona.

# %% [markdown] lang="pt"
# ### Exemplos mal classificados
#
# Os dígitos de teste em que ela erra, com a classe real → a prevista. Vários são ambíguos também para uma
# pessoa.

# %%
classifier.show_misclassified(x_test_f, y_test, predicted)
plt.show()

# %% [markdown] lang="es"
# ## Del clasificador al juez
#
# Un generador no trae etiquetas, pero este clasificador puede mirar sus imágenes. `gan_course.metrics` resume lo
# que ve en tres números:
#
# - **Inception Score** (IS) $= \exp\big(\mathbb{E}_x\, \mathrm{KL}(p(y\mid x)\,\|\,p(y))\big)$: alto cuando cada
#   imagen es claramente un dígito ($p(y\mid x)$ concentrada) *y* los diez dígitos aparecen por igual ($p(y)$
#   uniforme). Va de 1 a 10.
# - **Distancia de Fréchet** (FID) entre las 64 características de la capa `features` de las imágenes y las de los
#   1000 dígitos reales de prueba: 0 si tienen la misma media y covarianza; cuanto más baja, mejor. La FID de los
#   artículos usa las 2048 características de la red Inception: sus valores no se comparan con los de este juez.
# - **Histograma de clases**: qué proporción de imágenes cae en cada dígito; si la clase más rara se acerca a 0,
#   el generador se olvidó de un dígito (colapso de modos, *mode collapse*).

# %% [markdown] lang="es"
# ### Tres referencias
#
# Como referencia: 1000 dígitos reales de entrenamiento, los mismos dígitos con sus píxeles barajados y ruido
# uniforme.

# %% [markdown] lang="pt"
# ## Do classificador ao juiz
#
# Um gerador não traz rótulos, mas este classificador pode olhar as suas imagens. `gan_course.metrics` resume o
# que ele vê em três números:
#
# - **Inception Score** (IS) $= \exp\big(\mathbb{E}_x\, \mathrm{KL}(p(y\mid x)\,\|\,p(y))\big)$: alto quando cada
#   imagem é claramente um dígito ($p(y\mid x)$ concentrada) *e* os dez dígitos aparecem por igual ($p(y)$
#   uniforme). Vai de 1 a 10.
# - **Distância de Fréchet** (FID) entre as 64 características da camada `features` das imagens e as dos 1000
#   dígitos reais de teste: 0 se têm a mesma média e covariância; quanto mais baixa, melhor. A FID dos artigos usa
#   as 2048 características da rede Inception: os seus valores não se comparam com os deste juiz.
# - **Histograma de classes**: que proporção das imagens cai em cada dígito; se a classe mais rara se aproxima de
#   0, o gerador esqueceu um dígito (colapso de modos, *mode collapse*).

# %% [markdown] lang="pt"
# ### Três referências
#
# Como referência: 1000 dígitos reais de treinamento, os mesmos dígitos com os pixels embaralhados e ruído
# uniforme.

# %%
real = x_train_f[:1000]
rng = np.random.default_rng(0)
shuffled = np.stack([rng.permutation(image.ravel()).reshape(28, 28, 1) for image in real])
noise = rng.uniform(-1, 1, real.shape).astype(np.float32)
for name, images in [(T("dígitos reales", "dígitos reais"), real),
                     (T("píxeles barajados", "pixels embaralhados"), shuffled), (T("ruido", "ruído"), noise)]:
    scores = metrics.score_images(images)
    print(T(f"{name:18} IS {scores['inception_score']:5.2f}   FID {scores['frechet_distance']:6.1f}"
            f"   clase más rara: {scores['rarest_share']:.1%}",
            f"{name:19} IS {scores['inception_score']:5.2f}   FID {scores['frechet_distance']:6.1f}"
            f"   classe mais rara: {scores['rarest_share']:.1%}"))

# %% [markdown] lang="es"
# ### El histograma lo delata
#
# Los píxeles barajados tienen exactamente los mismos valores que los dígitos reales, pero no su forma; el
# clasificador los manda casi todos a unas pocas clases, y el histograma lo delata. (Los 1000 reales no traen
# exactamente 100 de cada clase: por eso su clase más rara no llega al 10 %.)

# %% [markdown] lang="pt"
# ### O histograma denuncia
#
# Os pixels embaralhados têm exatamente os mesmos valores que os dígitos reais, mas não a sua forma; o
# classificador manda quase todos para poucas classes, e o histograma denuncia isso. (Os 1000 reais não têm
# exatamente 100 de cada classe: por isso a sua classe mais rara não chega a 10 %.)

# %%
fig, axes = plt.subplots(1, 2, figsize=(9, 2.6))
plots.class_histogram(classifier.predict(judge, real), share=True, reference=0.1, ax=axes[0],
                      title=T("dígitos reales", "dígitos reais"))
plots.class_histogram(classifier.predict(judge, shuffled), share=True, reference=0.1, ax=axes[1],
                      title=T("píxeles barajados", "pixels embaralhados"))
fig.tight_layout()
plt.show()

# %% [markdown] lang="es" slideshow={"slide_type": "notes"}
# Antes de ejecutar la celda de las referencias, pide que adivinen el IS del ruido y el de los píxeles barajados:
# ¿más cerca de 1 o de 10? Luego pregunta por qué un IS alto no basta (un generador que copia los dígitos de
# entrenamiento lo tendría altísimo) y qué mide la FID que el IS no mide.

# %% [markdown] lang="pt" slideshow={"slide_type": "notes"}
# Antes de executar a célula das referências, peça que adivinhem o IS do ruído e o dos pixels embaralhados: mais
# perto de 1 ou de 10? Depois pergunte por que um IS alto não basta (um gerador que copia os dígitos de treinamento
# teria um IS altíssimo) e o que a FID mede que o IS não mede.

# %% [markdown] lang="es"
# ## Ejercicios
#
# Escribe tu respuesta en lugar de `None` y ejecuta la celda: `gc.exercises.check` te dice si es correcta o te da
# una pista.
#
# 1. ¿Cuántos parámetros (pesos + sesgos) tendría `conv1` con 16 filtros de 5×5 sobre dígitos de un canal?
# 2. Si los dígitos midieran 32×32 en lugar de 28×28, ¿cuántos números tendría el vector aplanado de la misma red?
# 3. ¿Cuántos de los 1000 dígitos de prueba clasifica mal el clasificador del curso?

# %% [markdown] lang="pt"
# ## Exercícios
#
# Escreva sua resposta no lugar de `None` e execute a célula: `gc.exercises.check` diz se está correta ou dá uma
# dica.
#
# 1. Quantos parâmetros (pesos + vieses) teria `conv1` com 16 filtros de 5×5 sobre dígitos de um canal?
# 2. Se os dígitos medissem 32×32 em vez de 28×28, quantos números teria o vetor achatado da mesma rede?
# 3. Em quantos dos 1000 dígitos de teste o classificador do curso erra?

# %%
answer = None  # es: 01.1, tu respuesta | pt: 01.1, sua resposta
gc.exercises.check("01.1", answer)

# %%
answer = None  # es: 01.2, tu respuesta | pt: 01.2, sua resposta
gc.exercises.check("01.2", answer)

# %%
answer = None  # es: 01.3, tu respuesta | pt: 01.3, sua resposta
gc.exercises.check("01.3", answer)

# %% [markdown] lang="es"
# ### El Inception Score
#
# 4. Un generador solo dibuja treses perfectos: el clasificador da probabilidad 1 a la clase 3 en cada imagen.
#    ¿Cuál es su Inception Score?
# 5. Otro dibuja dígitos perfectos, pero solo 0, 1, 2, 3 y 4, cada uno la misma cantidad de veces. ¿Cuál es su
#    Inception Score?

# %% [markdown] lang="pt"
# ### O Inception Score
#
# 4. Um gerador só desenha números 3 perfeitos: o classificador dá probabilidade 1 à classe 3 em cada imagem. Qual
#    é o seu Inception Score?
# 5. Outro desenha dígitos perfeitos, mas só 0, 1, 2, 3 e 4, cada um a mesma quantidade de vezes. Qual é o seu
#    Inception Score?

# %%
answer = None  # es: 01.4, tu respuesta | pt: 01.4, sua resposta
gc.exercises.check("01.4", answer)

# %%
answer = None  # es: 01.5, tu respuesta | pt: 01.5, sua resposta
gc.exercises.check("01.5", answer)

# %% [markdown] lang="es"
# ### Programar: la softmax
#
# 6. Completa `my_softmax(logits)`: convierte un vector de logits en probabilidades, **sin** Keras ni SciPy. El
#    corrector la compara con `keras.activations.softmax`, también con logits de 1000: una fórmula que desborda
#    (`exp(1000)` es infinito) no pasa.

# %% [markdown] lang="pt"
# ### Programar: a softmax
#
# 6. Complete `my_softmax(logits)`: transforma um vetor de logits em probabilidades, **sem** Keras nem SciPy. O
#    corretor a compara com `keras.activations.softmax`, também com logits de 1000: uma fórmula que estoura
#    (`exp(1000)` é infinito) não passa.

# %%
def my_softmax(logits):
    return logits  # es: cámbialo: probabilidades que suman 1 | pt: troque: probabilidades que somam 1

answer = None  # es: my_softmax, sin paréntesis | pt: my_softmax, sem parênteses
gc.exercises.check("01.6", answer)

# %% [markdown] lang="es"
# ### Programar: una capa convolucional
#
# 7. Completa `my_conv(x, kernel, bias)`: la convolución `'valid'` con stride 1 de una imagen `x` de forma
#    $(H, W, C)$ con un kernel $(k, k, C, F)$ y un sesgo $(F,)$, como `conv1` más arriba pero con varios canales de
#    entrada. Devuelve $(H - k + 1, W - k + 1, F)$. El corrector la compara con una capa `Conv2D` de Keras con esos
#    mismos pesos.

# %% [markdown] lang="pt"
# ### Programar: uma camada convolucional
#
# 7. Complete `my_conv(x, kernel, bias)`: a convolução `'valid'` com stride 1 de uma imagem `x` de formato
#    $(H, W, C)$ com um kernel $(k, k, C, F)$ e um viés $(F,)$, como `conv1` mais acima mas com vários canais de
#    entrada. Devolve $(H - k + 1, W - k + 1, F)$. O corretor a compara com uma camada `Conv2D` do Keras com esses
#    mesmos pesos.

# %%
def my_conv(x, kernel, bias):
    return x  # es: cámbialo: (H − k + 1, W − k + 1, F) | pt: troque: (H − k + 1, W − k + 1, F)

answer = None  # es: my_conv, sin paréntesis | pt: my_conv, sem parênteses
gc.exercises.check("01.7", answer)

# %% [markdown] lang="es"
# ### Programar: el Inception Score
#
# 8. Completa `my_inception_score(probs)`: `probs` es una matriz $(N, 10)$ de probabilidades $p(y\mid x)$, una fila
#    por imagen (por ejemplo, la softmax del juez). Devuelve el IS **sin** `gan_course.metrics`; el corrector la
#    compara con `metrics.inception_score`, también con filas que tienen ceros.

# %% [markdown] lang="pt"
# ### Programar: o Inception Score
#
# 8. Complete `my_inception_score(probs)`: `probs` é uma matriz $(N, 10)$ de probabilidades $p(y\mid x)$, uma linha
#    por imagem (por exemplo, a softmax do juiz). Devolve o IS **sem** `gan_course.metrics`; o corretor a compara
#    com `metrics.inception_score`, também com linhas que têm zeros.

# %%
def my_inception_score(probs):
    return 1.0  # es: cámbialo: exp(media de las KL) | pt: troque: exp(média das KL)

answer = None  # es: my_inception_score, sin paréntesis | pt: my_inception_score, sem parênteses
gc.exercises.check("01.8", answer)

# %% [markdown] lang="es" slideshow={"slide_type": "notes"}
# Los ejercicios 6 a 8 piden código: deja diez minutos. En el 8 casi todos tropiezan con el mismo `nan`: una fila
# one-hot da $0 \cdot \log 0$. Pide a quien acabe que calcule con su función el IS de los 1000 dígitos reales
# (`keras.activations.softmax(judge(real, training=False))`) y lo compare con el 9.77 de la tabla.

# %% [markdown] lang="pt" slideshow={"slide_type": "notes"}
# Os exercícios 6 a 8 pedem código: dê dez minutos. No 8 quase todos tropeçam no mesmo `nan`: uma linha one-hot dá
# $0 \cdot \log 0$. Peça a quem terminar que calcule com a sua função o IS dos 1000 dígitos reais
# (`keras.activations.softmax(judge(real, training=False))`) e o compare com o 9,77 da tabela.

# %% [markdown] lang="es"
# ## Siguiente
#
# La lección **02** abre la convolución: stride, relleno (*padding*) y agrupamiento, programados a mano y
# comprobados contra TensorFlow.
#
# Y el juez volverá: la lección **06** calcula IS, FID e histograma cada pocas épocas mientras entrena su DCGAN, y la
# **07** los usa para comparar recetas (`python -m gan_course evaluate runs/CARPETA` puntúa el generador guardado
# de una ejecución). Verás subir el IS, bajar la FID y, si algo sale mal, desaparecer una barra del histograma.

# %% [markdown] lang="pt"
# ## Próxima
#
# A lição **02** abre a convolução: stride, preenchimento (*padding*) e agrupamento, programados à mão e
# conferidos com o TensorFlow.
#
# E o juiz vai voltar: a lição **06** calcula IS, FID e histograma a cada poucas épocas enquanto treina a sua DCGAN,
# e a **07** os usa para comparar receitas (`python -m gan_course evaluate runs/PASTA` pontua o gerador salvo de
# uma execução). Você verá o IS subir, a FID cair e, se algo der errado, uma barra do histograma sumir.
