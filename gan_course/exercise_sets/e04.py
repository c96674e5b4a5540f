"""Exercises of lesson 04 (the GAN objective): saturation, D*, V(D*, G), JSD, the training algorithm."""
import math

from ..exercises import exercise
from ..objective import gaussian_pair, gaussian_pdf, generator_loss_grad, js_divergence, optimal_discriminator

exercise(
    "04.1",
    question={"es": "Con D(G(z)) = 0.01, ¿cuántas veces mayor (en valor absoluto) es la derivada respecto al "
                    "logit de la pérdida no saturante que la de la minimax (la que se satura)?",
              "pt": "Com D(G(z)) = 0.01, quantas vezes maior (em valor absoluto) é a derivada em relação ao "
                    "logit da perda não saturante que a da minimax (a que satura)?"},
    hint={"es": "∂/∂a de log(1 − σ(a)) es −t; ∂/∂a de −log σ(a) es t − 1 (t = D(G(z))). "
                "objective.generator_loss_grad lo calcula.",
          "pt": "∂/∂a de log(1 − σ(a)) é −t; ∂/∂a de −log σ(a) é t − 1 (t = D(G(z))). "
                "objective.generator_loss_grad calcula isso."},
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
    hint={"es": "Entonces D* = 1/2 en todas partes y JSD = 0: V = log(1/2) + log(1/2).",
          "pt": "Então D* = 1/2 em todo lugar e JSD = 0: V = log(1/2) + log(1/2)."},
    expected=-math.log(4.0),
    atol=1e-3,
)
exercise(
    "04.4",
    question={"es": "¿Cuánto vale JSD(N(0, 1) ‖ N(2, 1)) en nats (logaritmo natural)? Tres decimales bastan.",
              "pt": "Quanto vale JSD(N(0, 1) ‖ N(2, 1)) em nats (logaritmo natural)? Três casas decimais bastam."},
    hint={"es": "x, p, q = objective.gaussian_pair(0, 2) y luego objective.js_divergence(p, q, x).",
          "pt": "x, p, q = objective.gaussian_pair(0, 2) e depois objective.js_divergence(p, q, x)."},
    expected=lambda: js_divergence(*gaussian_pair(0.0, 2.0)[1:], gaussian_pair(0.0, 2.0)[0]),
    atol=1e-3,
)
exercise(
    "04.5",
    question={"es": "Con k = 5 (como en el algoritmo de Goodfellow et al.), ¿cuántas actualizaciones del "
                    "discriminador hace GAN1D en 200 pasos de entrenamiento?",
              "pt": "Com k = 5 (como no algoritmo de Goodfellow et al.), quantas atualizações do discriminador "
                    "a GAN1D faz em 200 passos de treinamento?"},
    hint={"es": "Cada paso: k actualizaciones de D y una de G. Compruébalo con gan.d_optimizer.iterations.",
          "pt": "Cada passo: k atualizações de D e uma de G. Confira com gan.d_optimizer.iterations."},
    expected=5 * 200,
)
