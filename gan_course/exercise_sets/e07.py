"""Exercises of lesson 07 (why the digits get better), answered with gan_course.recipes, clusters and losses.

07.1 and 07.4 are numbers (the EMA's β after the lesson's training, the class head's term of G's loss); 07.2 and
07.3 ask for code: the purity of groups against labels (a function) and spherical interpolation (a function)."""
import numpy as np

from .. import clusters, losses, recipes
from .._tf import tf
from ..exercises import exercise

EPOCHS, STEPS_PER_EPOCH = 60, 62          # the lesson's training: 4,000 digits, batches of 64, the last one dropped


def _ema_beta_after_training():
    r = recipes.get("course")
    seen = EPOCHS * STEPS_PER_EPOCH * r.batch_size
    half_life = min(r.ema_half_life, r.ema_rampup * seen)
    return 0.5 ** (r.batch_size / half_life)


# --- 07.2: purity by hand ---------------------------------------------------------------------------

def _purity_cases():
    rng = np.random.default_rng(7)
    cases = [(np.array([0, 0, 1, 1, 1]), np.array([3, 3, 2, 2, 5])),          # 4 of 5
             (np.array([5, 5, 9, 9]), np.array([1, 2, 3, 3])),                # group ids need not be 0 … k-1
             (np.zeros(6, int), np.array([0, 1, 2, 2, 1, 2]))]                # one group: the commonest label
    for n, k in ((200, 7), (500, 30)):
        labels = rng.integers(0, 10, n)
        groups = np.where(rng.random(n) < 0.7, labels * 3 % k, rng.integers(0, k, n))
        cases.append((groups, labels))
    return cases


def _judge_purity(answer):
    if not callable(answer):
        return False
    try:
        for groups, labels in _purity_cases():
            got = float(answer(groups.copy(), labels.copy()))
            if not abs(got - clusters.purity(groups, labels)) < 1e-9:
                return False
    except Exception:  # noqa: BLE001 - a student's function may fail in any way: not solved yet
        return False
    return True


def _purity_by_hand(groups, labels):
    """Example answer: for each group, the count of its commonest label; their sum over the number of images."""
    groups, labels = np.asarray(groups), np.asarray(labels)
    return sum(np.bincount(labels[groups == g]).max() for g in np.unique(groups)) / len(labels)


# --- 07.3: spherical interpolation ------------------------------------------------------------------

def _slerp(z_a, z_b, t):
    """Along the great circle from z_a to z_b (their angle Ω), t in [0, 1]."""
    z_a, z_b = np.asarray(z_a, np.float64), np.asarray(z_b, np.float64)
    cos = np.dot(z_a, z_b) / (np.linalg.norm(z_a) * np.linalg.norm(z_b))
    omega = np.arccos(np.clip(cos, -1.0, 1.0))
    if np.sin(omega) < 1e-8:  # (almost) the same direction: the straight line is the arc
        return (1.0 - t) * z_a + t * z_b
    return (np.sin((1.0 - t) * omega) * z_a + np.sin(t * omega) * z_b) / np.sin(omega)


def _slerp_cases():
    rng = np.random.default_rng(17)
    cases = [(rng.standard_normal(100), rng.standard_normal(100), t) for t in (0.0, 0.2, 0.5, 0.7, 1.0)]
    a = rng.standard_normal(5)
    cases.append((a, 2.0 * a[::-1], 0.4))                                 # different norms, few dimensions
    u, v = np.eye(3)[0] * 3.0, np.eye(3)[2] * 3.0                          # a quarter circle of radius 3
    cases += [(u, v, t) for t in (0.25, 0.5)]
    return cases


def _judge_slerp(answer):
    if not callable(answer):
        return False
    try:
        for z_a, z_b, t in _slerp_cases():
            got = np.asarray(answer(z_a.copy(), z_b.copy(), t), dtype=np.float64)
            if got.shape != z_a.shape or not np.allclose(got, _slerp(z_a, z_b, t), atol=1e-5, rtol=0):
                return False
    except Exception:  # noqa: BLE001 - a student's function may fail in any way: not solved yet
        return False
    return True


# --- 07.4: the class head's term of J(G) ------------------------------------------------------------

def class_logits_and_codes():
    """The 8 × 10 class logits and the 8 requested digits of exercise 07.4 (the same in the notebook's cell)."""
    return 3.0 * np.random.default_rng(6).standard_normal((8, 10)), np.array([3, 1, 4, 1, 5, 9, 2, 6])


def _class_term():
    logits, codes = class_logits_and_codes()
    return float(losses.class_loss(tf.constant(logits, tf.float32), tf.constant(codes, tf.int32)))


exercise(
    "07.1",
    question={"es": "La receta del curso entrenó 60 épocas de 62 lotes de 64 imágenes. Su EMA tiene semivida "
                    "h = min(10 000, 0.05 · imágenes vistas) y β = 0.5^(64 / h). ¿Cuánto vale β en el último paso? "
                    "4 decimales bastan.",
              "pt": "A receita do curso treinou 60 épocas de 62 lotes de 64 imagens. A sua EMA tem meia-vida "
                    "h = min(10 000, 0.05 · imagens vistas) e β = 0.5^(64 / h). Quanto vale β no último passo? "
                    "4 casas decimais bastam."},
    hint={"es": "Cuenta primero las imágenes que vio G (épocas × lotes × imágenes por lote) y mira cuál de los dos "
                "términos del mínimo es el menor a esa altura; después, la potencia. La celda del entrenamiento "
                "imprime la semivida final: compárala con la tuya.",
          "pt": "Conte primeiro as imagens que G viu (épocas × lotes × imagens por lote) e veja qual dos dois termos "
                "do mínimo é o menor nesse ponto; depois, a potência. A célula do treinamento imprime a meia-vida "
                "final: compare com a sua."},
    expected=_ema_beta_after_training,
    atol=1e-4,
)
exercise(
    "07.2",
    question={"es": "Programa purity(groups, labels) con NumPy, sin clusters.purity: la parte de las imágenes cuya "
                    "etiqueta es la más común de su grupo (groups y labels: enteros, uno por imagen). Responde con "
                    "la función: answer = purity.",
              "pt": "Programe purity(groups, labels) com NumPy, sem clusters.purity: a parte das imagens cujo "
                    "rótulo é o mais comum do seu grupo (groups e labels: inteiros, um por imagem). Responda com a "
                    "função: answer = purity."},
    hint={"es": "Recorre los grupos que aparecen de verdad (no supongas que van de 0 a k−1). Dentro de un grupo, "
                "np.bincount de sus etiquetas dice cuántas hay de cada una; quédate con la cuenta mayor. Suma esas "
                "cuentas y divide por el total de imágenes, no por el número de grupos.",
          "pt": "Percorra os grupos que aparecem de verdade (não suponha que vão de 0 a k−1). Dentro de um grupo, "
                "np.bincount dos seus rótulos diz quantos há de cada um; fique com a contagem maior. Some essas "
                "contagens e divida pelo total de imagens, não pelo número de grupos."},
    judge=_judge_purity,
    example=_purity_by_hand,
)
exercise(
    "07.3",
    question={"es": "Programa la interpolación esférica slerp(z_a, z_b, t) con NumPy: z_a, z_b son vectores 1-D, "
                    "t un número en [0, 1]; devuelve el punto del arco de circunferencia que va de z_a (t = 0) a "
                    "z_b (t = 1). Responde con la función: answer = slerp.",
              "pt": "Programe a interpolação esférica slerp(z_a, z_b, t) com NumPy: z_a, z_b são vetores 1-D, "
                    "t um número em [0, 1]; devolve o ponto do arco de circunferência que vai de z_a (t = 0) a "
                    "z_b (t = 1). Responda com a função: answer = slerp."},
    hint={"es": "El ángulo Ω sale del coseno entre las dos direcciones (el producto escalar dividido por las dos "
                "normas); np.clip evita un arccos fuera de [−1, 1]. Comprueba tus extremos (t = 0 y t = 1) y que "
                "dos vectores de la misma norma dan puntos de esa norma.",
          "pt": "O ângulo Ω sai do cosseno entre as duas direções (o produto escalar dividido pelas duas normas); "
                "np.clip evita um arccos fora de [−1, 1]. Confira os extremos (t = 0 e t = 1) e que dois vetores "
                "de mesma norma dão pontos dessa norma."},
    judge=_judge_slerp,
    example=_slerp,
)
exercise(
    "07.4",
    question={"es": "Con los logits de clase de la celda (3 · np.random.default_rng(6).standard_normal((8, 10))) y "
                    "los dígitos pedidos codes = [3, 1, 4, 1, 5, 9, 2, 6], ¿cuánto vale el término de la cabeza de "
                    "clases en la pérdida de G de la receta del curso (λ = 1), en nats? 4 decimales bastan.",
              "pt": "Com os logits de classe da célula (3 · np.random.default_rng(6).standard_normal((8, 10))) e os "
                    "dígitos pedidos codes = [3, 1, 4, 1, 5, 9, 2, 6], quanto vale o termo da cabeça de classes na "
                    "perda de G da receita do curso (λ = 1), em nats? 4 casas decimais bastam."},
    hint={"es": "Es una entropía cruzada: el softmax de cada fila da p(y | G(z_i)); de cada fila toma la "
                "probabilidad del dígito que pidió su código, no la de la clase más probable. Luego el logaritmo, "
                "el signo y la media. Compruébalo con losses.class_loss.",
          "pt": "É uma entropia cruzada: o softmax de cada linha dá p(y | G(z_i)); de cada linha tome a "
                "probabilidade do dígito que o seu código pediu, não a da classe mais provável. Depois o "
                "logaritmo, o sinal e a média. Confira com losses.class_loss."},
    expected=_class_term,
    atol=1e-4,
)
