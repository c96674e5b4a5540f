"""Exercises of lesson 04 (the GAN objective): saturation, D*, V(D*, G), JSD, the training algorithm, and three
to code: the normal density and D* with unequal σ, mode coverage, minimax against non-saturating in training."""
import functools
import math

import numpy as np

from .. import objective
from ..exercises import exercise, lazy
from ..objective import gaussian_pair, gaussian_pdf, generator_loss_grad, js_divergence, optimal_discriminator

exercise(
    "04.1",
    question={"es": "Con D(G(z)) = 0.01, ¿cuántas veces mayor (en valor absoluto) es la derivada respecto al "
                    "logit de la pérdida no saturante que la de la minimax (la que se satura)?",
              "pt": "Com D(G(z)) = 0,01, quantas vezes maior (em valor absoluto) é a derivada em relação ao "
                    "logit da perda não saturante que a da minimax (a que satura)?"},
    hint={"es": "Deriva cada pérdida respecto al logit a con la regla de la cadena (dt/da = t(1 − t)), evalúa "
                "en t = D(G(z)) y compara los valores absolutos; objective.generator_loss_grad sirve para comprobar.",
          "pt": "Derive cada perda em relação ao logit a com a regra da cadeia (dt/da = t(1 − t)), avalie em "
                "t = D(G(z)) e compare os valores absolutos; objective.generator_loss_grad serve para conferir."},
    expected=lambda: float(abs(generator_loss_grad(0.01, "non_saturating", "logit"))
                           / abs(generator_loss_grad(0.01, "minimax", "logit"))),
    atol=1e-3,
)
exercise(
    "04.2",
    question={"es": "Con p_data = N(0, 1) y p_g = N(2, 1), ¿cuánto vale el discriminador óptimo D*(x) en x = 0?",
              "pt": "Com p_data = N(0, 1) e p_g = N(2, 1), quanto vale o discriminador ótimo D*(x) em x = 0?"},
    hint={"es": "D*(x) = p_data(x) / (p_data(x) + p_g(x)); usa objective.gaussian_pdf para las dos densidades.",
          "pt": "D*(x) = p_data(x) / (p_data(x) + p_g(x)); use objective.gaussian_pdf para as duas densidades."},
    expected=lambda: float(optimal_discriminator(gaussian_pdf(0.0, 0.0, 1.0), gaussian_pdf(0.0, 2.0, 1.0))),
    atol=1e-3,
)
exercise(
    "04.3",
    question={"es": "Si el generador reproduce exactamente los datos (p_g = p_data), ¿cuánto vale V(D*, G)?",
              "pt": "Se o gerador reproduz exatamente os dados (p_g = p_data), quanto vale V(D*, G)?"},
    hint={"es": "¿Qué valor toma D*(x) = p_data / (p_data + p_g) cuando las dos densidades son iguales? Llévalo "
                "a los dos términos de V (las esperanzas de una constante son esa constante).",
          "pt": "Que valor D*(x) = p_data / (p_data + p_g) assume quando as duas densidades são iguais? Leve-o aos "
                "dois termos de V (a esperança de uma constante é essa constante)."},
    expected=-math.log(4.0),
    atol=1e-3,
)
exercise(
    "04.4",
    question={"es": "¿Cuánto vale JSD(N(0, 1) ‖ N(2, 1)) en nats (logaritmo natural)? Tres decimales bastan.",
              "pt": "Quanto vale JSD(N(0, 1) ‖ N(2, 1)) em nats (logaritmo natural)? Três casas decimais bastam."},
    hint={"es": "JSD = ½·KL(p‖m) + ½·KL(q‖m) con m = (p + q)/2: necesitas las dos densidades en una malla ancha y "
                "una integral numérica; objective tiene funciones para la malla y para la divergencia.",
          "pt": "JSD = ½·KL(p‖m) + ½·KL(q‖m) com m = (p + q)/2: você precisa das duas densidades numa malha larga e "
                "de uma integral numérica; objective tem funções para a malha e para a divergência."},
    expected=lambda: js_divergence(*gaussian_pair(0.0, 2.0)[1:], gaussian_pair(0.0, 2.0)[0]),
    atol=1e-3,
)
exercise(
    "04.5",
    question={"es": "Goodfellow et al. (2014) entrenaron con k = 1; WGAN actualiza su crítico k = 5 veces por "
                    "cada paso del generador. Con k = 5, ¿cuántas actualizaciones del discriminador hace GAN1D "
                    "en 200 pasos de entrenamiento?",
              "pt": "Goodfellow et al. (2014) treinaram com k = 1; a WGAN atualiza o seu crítico k = 5 vezes a "
                    "cada passo do gerador. Com k = 5, quantas atualizações do discriminador a GAN1D faz em 200 "
                    "passos de treinamento?"},
    hint={"es": "Relee el algoritmo: ¿qué se repite k veces dentro de un paso? Compruébalo con "
                "gan.d_optimizer.iterations tras unos pocos pasos.",
          "pt": "Releia o algoritmo: o que se repete k vezes dentro de um passo? Confira com "
                "gan.d_optimizer.iterations depois de uns poucos passos."},
    expected=5 * 200,
)


def _d_star_unequal():
    x = np.linspace(-3.0, 3.0, 61)
    return optimal_discriminator(gaussian_pdf(x, 0.0, 1.0), gaussian_pdf(x, 1.0, 0.5))


exercise(
    "04.6",
    question={"es": "Programa a mano la densidad normal normal_pdf(x, mu, sigma) (sin objective) y úsala para "
                    "calcular D*(x) con p_data = N(0, 1) y p_g = N(1, 0.5²) en x = np.linspace(-3, 3, 61): "
                    "un arreglo de 61 números.",
              "pt": "Programe à mão a densidade normal normal_pdf(x, mu, sigma) (sem objective) e use-a para "
                    "calcular D*(x) com p_data = N(0, 1) e p_g = N(1, 0,5²) em x = np.linspace(-3, 3, 61): "
                    "um array de 61 números."},
    hint={"es": "Revisa las dos piezas de la densidad: el factor que va delante de la exponencial y el "
                "denominador del exponente. Con σ distintas, ¿se cancela todavía el factor de delante en D*?",
          "pt": "Revise as duas peças da densidade: o fator que vai na frente da exponencial e o denominador do "
                "expoente. Com σ diferentes, o fator da frente ainda se cancela em D*?"},
    expected=_d_star_unequal,
)


def _coverage_sample():
    return objective.Mixture1D((0.0, 6.0, 3.0), (0.25, 0.25, 1.5), (0.45, 0.25, 0.3)).sample(1000, seed=4)


def _coverage_expected():
    return objective.mode_coverage(_coverage_sample(), objective.DATASETS["two_peaks"], radius=2.0)


exercise(
    "04.7",
    question={"es": "Programa la cobertura de modos con NumPy: de las 1000 muestras de la celda, ¿qué fracción "
                    "está a menos de 2σ (σ = 0.25) del pico en 0, qué fracción a menos de 2σ del pico en 6, y qué "
                    "fracción lejos de los dos? Una tupla (izquierdo, derecho, ninguno).",
              "pt": "Programe a cobertura de modos com NumPy: das 1000 amostras da célula, que fração está a "
                    "menos de 2σ (σ = 0,25) do pico em 0, que fração a menos de 2σ do pico em 6, e que fração "
                    "longe dos dois? Uma tupla (esquerdo, direito, nenhum)."},
    hint={"es": "Una comparación con NumPy da un arreglo de booleanos, y la media de ese arreglo es la fracción de "
                "True. Las tres fracciones deben sumar 1.",
          "pt": "Uma comparação com NumPy dá um array de booleanos, e a média desse array é a fração de True. As "
                "três frações devem somar 1."},
    expected=_coverage_expected,
    atol=1e-9,
)


@functools.lru_cache(maxsize=None)
def _steps_to_fool(loss, threshold=0.1, seed=0):
    """First training step at which the batch mean of D(G(z)) exceeds ``threshold``, after D was trained alone
    for 500 batches (the lesson's set-up), with the generator loss ``loss``."""
    from ..gan1d import GAN1D

    gan = GAN1D("gaussian", loss=loss, seed=seed)
    gan.train_discriminator(500)
    history = gan.train(150)
    above = np.asarray(history.d_fake) > threshold
    return int(np.argmax(above)) + 1 if above.any() else None


def _experiment_answer():
    return (_steps_to_fool("minimax"), _steps_to_fool("non_saturating"))


def _close_steps(answer):
    try:
        a = [int(v) for v in answer]
    except (TypeError, ValueError):
        return False
    expected = _experiment_answer()
    return len(a) == 2 and None not in expected and all(abs(x - e) <= 5 for x, e in zip(a, expected))


exercise(
    "04.8",
    question={"es": "Experimento: con D entrenado antes 500 lotes (gan.train_discriminator(500)), entrena 150 pasos "
                    "una GAN1D('gaussian', seed=0) con loss='minimax' y otra con loss='non_saturating'. ¿En qué "
                    "paso (contando desde 1) supera por primera vez 0.1 la media de D(G(z)) del lote? Una tupla "
                    "(minimax, no saturante).",
              "pt": "Experimento: com D treinado antes por 500 lotes (gan.train_discriminator(500)), treine por 150 "
                    "passos uma GAN1D('gaussian', seed=0) com loss='minimax' e outra com loss='non_saturating'. Em "
                    "que passo (contando a partir de 1) a média de D(G(z)) do lote passa de 0,1 pela primeira vez? "
                    "Uma tupla (minimax, não saturante)."},
    hint={"es": "history.d_fake guarda la media de D(G(z)) de cada paso; np.argmax de un arreglo de booleanos da "
                "el índice del primer True (desde 0). Antes de medir, piensa qué hace Adam con un gradiente que es "
                "100 veces más pequeño en todos los pasos.",
          "pt": "history.d_fake guarda a média de D(G(z)) de cada passo; np.argmax de um array de booleanos dá o "
                "índice do primeiro True (a partir de 0). Antes de medir, pense no que o Adam faz com um gradiente "
                "100 vezes menor em todos os passos."},
    judge=_close_steps,
    example=lazy(_experiment_answer),
)
