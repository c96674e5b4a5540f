"""``python -m gan_course evaluate RUN_DIR`` — scores of generated digits, measured by the course's classifier.

The classifier of lesson 01 (:mod:`gan_course.classifier`) turns "the digits look OK" into numbers:

* **MNIST Inception Score** — ``exp(E_x KL(p(y|x) ‖ p(y)))``, from 1 (every image gets the same class
  distribution) to 10 (each image is one clear digit *and* the ten digits are equally frequent).
  Higher is better.
* **Fréchet distance** between the classifier's penultimate features (the 64-unit ``features`` layer)
  of the generated digits and of the 1,000 held-out real digits:
  ``‖μ1 − μ2‖² + tr(Σ1 + Σ2 − 2 (Σ1^½ Σ2 Σ1^½)^½)``.  Lower is better; 0 means the same mean and
  covariance.
* **Class histogram** — the share of images predicted as each digit and the share of the rarest class
  (0.1 when balanced; near 0 when the generator forgets a digit: mode collapse).
* **Memorisation share** — the share of generated digits whose nearest *training* digit (Euclidean
  distance between pixels) is closer than 99 % of the held-out real digits are to theirs
  (:func:`memorisation_share`).  A generator that copies its training digits scores near 1; real
  digits the GAN never saw score 0.01 by construction.  Lower is better; the course aims at ≤ 0.05.

Every real reference is honest: the GANs train on the 4,000 digits of
:func:`gan_course.data.mnist_split` ``("train")``, and the Fréchet distance and the memorisation
check compare with the 1,000 ``"held_out"`` digits no GAN ever sees.

:func:`reference_scores` gives the same numbers for real digits (the line to aim for);
:func:`make_scorer` returns the ``scorer(generator) -> dict`` a trainer calls every few epochs.

Visto en 01 §Del clasificador al juez; la lección 06 puntúa con él la DCGAN.
"""
from __future__ import annotations

import json
import pathlib
import time

import numpy as np

from . import classifier
from ._tf import keras
from .data import mnist_split, to_float
from .i18n import arg_error, register, t
from .validate import check_array, check_float, check_int

DEFAULT_N = 2000          # generated images scored by ``evaluate`` (and the default scorer)
MEMORISATION_QUANTILE = 0.01  # a generated digit is "memorised" if closer to the training set than 99 % of held-out

register({
    "metrics.expected_probs": {
        "es": "probabilidades (N, 10) con N ≥ 1: valores ≥ 0 y cada fila sumando 1",
        "pt": "probabilidades (N, 10) com N ≥ 1: valores ≥ 0 e cada linha somando 1",
    },
    "metrics.expected_features": {
        "es": "características (N, D) finitas",
        "pt": "características (N, D) finitas",
    },
    "metrics.expected_same_dim": {
        "es": "características con la misma dimensión D que el otro conjunto ({d})",
        "pt": "características com a mesma dimensão D que o outro conjunto ({d})",
    },
    "metrics.expected_enough": {
        "es": "al menos tantas imágenes como la dimensión de las características ({d}) para estimar "
              "su covarianza",
        "pt": "pelo menos tantas imagens quanto a dimensão das características ({d}) para estimar "
              "sua covariância",
    },
    "metrics.expected_n": {
        "es": "un entero ≥ {d} (la dimensión de las características del clasificador)",
        "pt": "um inteiro ≥ {d} (a dimensão das características do classificador)",
    },
    "metrics.expected_requested": {
        "es": "un dígito pedido por imagen: forma ({n},)",
        "pt": "um dígito pedido por imagem: formato ({n},)",
    },
    "metrics.expected_generator": {
        "es": "un generador que reciba vectores latentes (N, …) y devuelva dígitos (N, 28, 28, 1) en [-1, 1]",
        "pt": "um gerador que receba vetores latentes (N, …) e devolva dígitos (N, 28, 28, 1) em [-1, 1]",
    },
    "metrics.expected_run_dir": {
        "es": "una carpeta de ejecución existente con generator.keras",
        "pt": "uma pasta de execução existente com generator.keras",
    },
    "metrics.expected_references": {
        "es": "imágenes de referencia (M, 28, 28[, 1]) con M ≥ 1, uint8 o float en [-1, 1]",
        "pt": "imagens de referência (M, 28, 28[, 1]) com M ≥ 1, uint8 ou float em [-1, 1]",
    },
    "metrics.memorised": {"es": "memorizadas", "pt": "memorizadas"},
    "metrics.header": {
        "es": "{what:<22} {is_:>6} {fid:>7} {mem:>12}   clase más rara",
        "pt": "{what:<22} {is_:>6} {fid:>7} {mem:>12}   classe mais rara",
    },
    "metrics.row": {
        "es": "{what:<22} {is_:>6.2f} {fid:>7.2f} {mem:>12.1%}   {rarest} ({share:.1%})",
        "pt": "{what:<22} {is_:>6.2f} {fid:>7.2f} {mem:>12.1%}   {rarest} ({share:.1%})",
    },
    "metrics.generated": {"es": "generadas ({n})", "pt": "geradas ({n})"},
    "metrics.real": {"es": "dígitos reales ({n})", "pt": "dígitos reais ({n})"},
    "metrics.shares": {"es": "proporción por clase", "pt": "proporção por classe"},
    "metrics.requested": {"es": "del dígito pedido (el que eligió el código o la etiqueta): {share:.1%}",
                          "pt": "do dígito pedido (o que o código ou o rótulo escolheu): {share:.1%}"},
    "metrics.wrote": {"es": "escrito {path} ({s:.1f} s)", "pt": "escrito {path} ({s:.1f} s)"},
    "metrics.cli_run_dir": {
        "es": "carpeta de la ejecución (contiene generator.keras)",
        "pt": "pasta da execução (contém generator.keras)",
    },
    "metrics.cli_n": {"es": "número de imágenes generadas a puntuar",
                      "pt": "número de imagens geradas a pontuar"},
    "metrics.cli_seed": {"es": "semilla de los vectores latentes", "pt": "semente dos vetores latentes"},
})


# --- the three scores, from classifier outputs ------------------------------------------------

def _probs(probs) -> np.ndarray:
    p = check_array("probs", probs, "metrics.expected_probs")
    if p.ndim != 2 or p.shape[1] != 10 or len(p) == 0 or not np.all(np.isfinite(p)) or p.min() < 0 \
            or not np.allclose(p.sum(axis=1), 1.0, atol=1e-3):
        raise arg_error("probs", np.asarray(probs), "metrics.expected_probs")
    return p


def inception_score(probs) -> float:
    """``exp(mean_x KL(p(y|x) ‖ p(y)))`` for class probabilities ``probs`` (N, 10); between 1 and 10.

    ``p(y)`` is the mean of the rows (the class distribution of the whole batch).
    Visto en 01 §Del clasificador al juez.
    """
    p = _probs(probs)
    marginal = p.mean(axis=0)
    eps = 1e-12
    kl = np.sum(p * (np.log(p + eps) - np.log(marginal + eps)), axis=1)
    return float(np.exp(kl.mean()))


def _features(features, name):
    f = check_array(name, features, "metrics.expected_features")
    if f.ndim != 2 or len(f) == 0 or not np.all(np.isfinite(f)):
        raise arg_error(name, np.asarray(features), "metrics.expected_features")
    return f


def _sqrt_psd(matrix) -> np.ndarray:
    """Square root of a symmetric positive semi-definite matrix by eigendecomposition."""
    w, v = np.linalg.eigh((matrix + matrix.T) / 2)
    return (v * np.sqrt(np.clip(w, 0.0, None))) @ v.T


def frechet_distance(features_a, features_b) -> float:
    """Fréchet distance between Gaussians fitted to two sets of features (N, D) and (M, D).

    ``‖μa − μb‖² + tr(Σa) + tr(Σb) − 2·tr((Σa^½ Σb Σa^½)^½)``; the matrix square roots come from
    eigendecompositions of symmetric matrices (``np.linalg.eigh``), so no SciPy is needed.  Each set
    needs at least D rows (fewer cannot estimate a D×D covariance).  Visto en 01 §Del clasificador al juez.
    """
    a, b = _features(features_a, "features_a"), _features(features_b, "features_b")
    d = a.shape[1]
    if b.shape[1] != d:
        raise arg_error("features_b", np.asarray(features_b), "metrics.expected_same_dim", d=d)
    for name, f in (("features_a", a), ("features_b", b)):
        if len(f) < d:
            raise arg_error(name, np.asarray(f), "metrics.expected_enough", d=d)
    mu_a, mu_b = a.mean(axis=0), b.mean(axis=0)
    cov_a, cov_b = np.atleast_2d(np.cov(a, rowvar=False)), np.atleast_2d(np.cov(b, rowvar=False))
    root_a = _sqrt_psd(cov_a)
    middle = root_a @ cov_b @ root_a
    trace_sqrt = np.sqrt(np.clip(np.linalg.eigvalsh((middle + middle.T) / 2), 0.0, None)).sum()
    value = np.sum((mu_a - mu_b) ** 2) + np.trace(cov_a) + np.trace(cov_b) - 2.0 * trace_sqrt
    return float(max(value, 0.0))


def class_shares(probs) -> np.ndarray:
    """Share (0–1) of images whose most probable class is each digit 0–9.  Visto en 01 §Del clasificador al juez."""
    p = _probs(probs)
    return np.bincount(p.argmax(axis=1), minlength=10) / len(p)


# --- from images ----------------------------------------------------------------------------

def classifier_outputs(images, model=None, batch_size: int = 500):
    """``(probs, features)`` of the course classifier for digits in [-1, 1] (or uint8).

    ``probs`` (N, 10) are the softmax of the logits, ``features`` (N, 64) the penultimate layer.
    Wrong shapes or values outside [-1, 1] raise a ``ValueError`` naming ``images``.
    """
    x = classifier.as_digits(images)
    batch_size = check_int("batch_size", batch_size, 1)
    extractor = classifier.feature_model(model)
    feats, probs = [], []
    for i in range(0, len(x), batch_size):
        f, logits = extractor(x[i:i + batch_size], training=False)
        logits = np.asarray(logits, dtype=np.float64)
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        probs.append(e / e.sum(axis=1, keepdims=True))
        feats.append(np.asarray(f, dtype=np.float64))
    return np.concatenate(probs), np.concatenate(feats)


_REFERENCE: dict = {}


def _held_out_features(model=None):
    key = ("held_out", id(classifier.feature_model(model)))
    if key not in _REFERENCE:
        x_test, _ = mnist_split("held_out")
        _REFERENCE[key] = classifier_outputs(to_float(x_test), model)
    return _REFERENCE[key]


def _summary(probs, fid, memorised) -> dict:
    shares = class_shares(probs)
    rarest = int(np.argmin(shares))
    return {
        "n": int(len(probs)),
        "inception_score": inception_score(probs),
        "frechet_distance": fid,
        "class_shares": [float(s) for s in shares],
        "rarest_class": rarest,
        "rarest_share": float(shares[rarest]),
        "memorised_share": float(memorised),
    }


# --- memorisation -----------------------------------------------------------------------------

def nearest_distances(images, references, batch_size: int = 500) -> np.ndarray:
    """Euclidean pixel distance (images in [-1, 1]) from each image to its nearest reference image.

    ``images`` (N, 28, 28[, 1]) and ``references`` (M, 28, 28[, 1]), uint8 or float in [-1, 1].
    Visto en 06 §¿Copia o crea?.
    """
    a = classifier.as_digits(images)
    a = a.reshape(len(a), -1).astype(np.float32)
    batch_size = check_int("batch_size", batch_size, 1)
    try:
        b = classifier.as_digits(references, "references")
    except ValueError:
        raise arg_error("references", np.asarray(references), "metrics.expected_references") from None
    b = b.reshape(len(b), -1).astype(np.float32)
    if len(b) == 0:
        raise arg_error("references", b, "metrics.expected_references")
    b2 = np.sum(b * b, axis=1)
    out = np.empty(len(a), np.float32)
    for i in range(0, len(a), batch_size):
        block = a[i:i + batch_size]
        d2 = np.sum(block * block, axis=1)[:, None] + b2[None, :] - 2.0 * block @ b.T
        out[i:i + batch_size] = np.sqrt(np.clip(d2.min(axis=1), 0.0, None))
    return out


def memorisation_threshold(quantile: float = MEMORISATION_QUANTILE) -> float:
    """The distance to the training set below which a digit counts as copied.

    The ``quantile`` (1 % by default) of the nearest-training-digit distances of the 1,000
    held-out real digits: only 1 % of real digits the GAN never saw are that close to one it did.
    Visto en 06 §¿Copia o crea?.
    """
    quantile = check_float("quantile", quantile, 0, 1, low_open=True, high_open=True)
    key = ("memorisation", quantile)
    if key not in _REFERENCE:
        x_train, _ = mnist_split("train")
        x_held, _ = mnist_split("held_out")
        _REFERENCE[key] = float(np.quantile(nearest_distances(x_held, x_train), float(quantile)))
    return _REFERENCE[key]


def memorisation_share(images, quantile: float = MEMORISATION_QUANTILE) -> float:
    """Share of ``images`` whose nearest training digit is closer than :func:`memorisation_threshold`.

    About ``quantile`` (0.01) for new digits drawn like the real ones; near 1 for a generator that
    copies its training digits.  Visto en 06 §¿Copia o crea?.
    """
    threshold = memorisation_threshold(quantile)
    x_train, _ = mnist_split("train")
    return float(np.mean(nearest_distances(images, x_train) < threshold))


def score_images(images, model=None) -> dict:
    """All scores of a batch of digits in [-1, 1] (N ≥ 64 for the Fréchet distance).

    Returns ``{"n", "inception_score", "frechet_distance", "class_shares", "rarest_class",
    "rarest_share"}`` (plain floats and ints: ready for ``json``).  The Fréchet distance is measured
    against the 1,000 held-out real digits.  Visto en 01 §Del clasificador al juez.
    """
    probs, feats = classifier_outputs(images, model)
    _, real_feats = _held_out_features(model)
    if len(feats) < real_feats.shape[1]:
        raise arg_error("images", classifier.as_digits(images), "metrics.expected_enough",
                        d=real_feats.shape[1])
    return _summary(probs, frechet_distance(feats, real_feats), memorisation_share(images))


def reference_scores(n: int = DEFAULT_N, model=None) -> dict:
    """The same scores for real digits: the line a generator should reach.

    Inception Score, class shares and memorisation share of the 1,000 held-out digits; Fréchet
    distance between ``min(n, 4000)`` training digits and the held-out ones (the distance depends
    on the number of images, so compare it with a generator scored on the same ``n``).
    Visto en 01 §Del clasificador al juez (y en 06).
    """
    n = _check_n(n)
    key = ("reference", n, id(classifier.feature_model(model)))
    if key not in _REFERENCE:
        x_train, _ = mnist_split("train")
        x_held, _ = mnist_split("held_out")
        probs, feats = _held_out_features(model)
        _, train_feats = classifier_outputs(to_float(x_train[:n]), model)
        out = _summary(probs, frechet_distance(train_feats, feats), memorisation_share(x_held))
        out["n"] = int(min(n, len(x_train)))
        _REFERENCE[key] = out
    return dict(_REFERENCE[key])


def _check_n(n):
    d = classifier.FEATURE_DIM
    return check_int("n", n, d, expected="metrics.expected_n", d=d)


# --- generators -----------------------------------------------------------------------------

def latent_batch(generator, n: int, seed: int = 0) -> np.ndarray:
    """``n`` standard-normal latent vectors shaped for ``generator``'s input (seeded, float32)."""
    n = check_int("n", n, 1)
    seed = check_int("seed", seed, 0)
    try:
        shape = tuple(generator.inputs[0].shape[1:])
    except (AttributeError, IndexError, TypeError):
        raise arg_error("generator", type(generator).__name__, "metrics.expected_generator") from None
    if not shape or any(s is None for s in shape):
        raise arg_error("generator", shape, "metrics.expected_generator")
    return np.random.default_rng(seed).standard_normal((n,) + shape).astype(np.float32)


def requested_digits(generator, n: int, seed: int = 0) -> np.ndarray | None:
    """The digit :func:`sample` asks ``generator`` for, per image; ``None`` for a generator without classes.

    The course generator's latent code picks the largest of z's first k numbers; a conditional
    generator (two inputs) gets 0, 1, …, 9 in turn.  Visto en 07 §Entrenar la receta del curso.
    """
    from .models import generator_classes, generator_conditional

    n = check_int("n", n, 1)
    k = generator_classes(generator)
    if not k:
        return None
    if generator_conditional(generator):
        return (np.arange(n) % k).astype(np.int32)
    return latent_batch(generator, n, seed)[:, :k].argmax(axis=1).astype(np.int32)


def requested_share(images, requested, model=None) -> float:
    """Share of ``images`` the course's classifier reads as the digit ``requested`` for each one."""
    probs, _ = classifier_outputs(images, model)
    requested = np.asarray(requested)
    if requested.shape != (len(probs),):
        raise arg_error("requested", requested, "metrics.expected_requested", n=len(probs))
    return float(np.mean(probs.argmax(axis=1) == requested))


def sample(generator, n: int, seed: int = 0, batch_size: int = 500) -> np.ndarray:
    """``n`` digits drawn by ``generator`` from seeded latent vectors (inference mode).

    A conditional generator (two inputs: noise and digit, lesson 10) is asked for the digits
    0, 1, …, 9 in turn, so every class gets the same share.
    """
    z = latent_batch(generator, n, seed)
    batch_size = check_int("batch_size", batch_size, 1)
    inputs = [z]
    if len(generator.inputs) == 2:
        from .models import generator_classes
        inputs.append((np.arange(n) % max(generator_classes(generator), 1)).astype(np.int32))
    out = np.concatenate([np.asarray(generator([a[i:i + batch_size] for a in inputs] if len(inputs) > 1
                                               else z[i:i + batch_size], training=False))
                          for i in range(0, len(z), batch_size)])
    if out.ndim == 3:
        out = out[..., None]
    if out.shape[1:] != (28, 28, 1):
        raise arg_error("generator", out, "metrics.expected_generator")
    return out


SCORER_KEYS = ("inception_score", "frechet_distance", "rarest_share", "rarest_class", "memorised_share")


def make_scorer(n: int = 1000, seed: int = 0, model=None):
    """A ``scorer(generator) -> dict`` for a training loop: the headline scores of ``n`` samples.

    The dict holds plain numbers only (:data:`SCORER_KEYS`: IS, FID, share and digit of the rarest
    class), so a trainer can log it as is; :func:`score_images` gives the full class histogram.
    The latent vectors are the same on every call (``seed``), so scores measured at different
    epochs compare the generator, not the noise.  About a second on a laptop CPU for n = 1000.
    Visto en 01 §Del clasificador al juez (y en 06).
    """
    n = _check_n(n)
    seed = check_int("seed", seed, 0)
    classifier.feature_model(model)      # load the weights and the held-out features once, now
    _held_out_features(model)

    def scorer(generator) -> dict:
        scores = score_images(sample(generator, n, seed), model)
        return {key: scores[key] for key in SCORER_KEYS}

    scorer.n, scorer.seed = n, seed
    return scorer


def format_scores(scores: dict, reference: dict | None = None) -> str:
    """A small table: generated (and real) digits, IS, FID, rarest class, and the class shares."""
    lines = [t("metrics.header", what="", is_="IS", fid="FID", mem=t("metrics.memorised"))]
    rows = [(t("metrics.generated", n=scores["n"]), scores)]
    if reference is not None:
        rows.append((t("metrics.real", n=reference["n"]), reference))
    for label, s in rows:
        lines.append(t("metrics.row", what=label, is_=s["inception_score"], fid=s["frechet_distance"],
                       mem=s["memorised_share"], rarest=s["rarest_class"], share=s["rarest_share"]))
    lines.append(t("metrics.shares") + ": " +
                 "  ".join(f"{c}:{share:.1%}" for c, share in enumerate(scores["class_shares"])))
    if scores.get("requested_share") is not None:
        lines.append(t("metrics.requested", share=scores["requested_share"]))
    return "\n".join(lines)


# --- command line --------------------------------------------------------------------------

def evaluate_run(run_dir, n: int = DEFAULT_N, seed: int = 0) -> dict:
    """Score ``run_dir/generator.keras``; write and return ``{"generated", "real", "n", "seed"}``.

    The result is also written to ``run_dir/scores.json``.  Visto en 01 §Del clasificador al juez (y en 06).
    """
    run_dir = pathlib.Path(run_dir)
    path = run_dir / "generator.keras"
    if not path.is_file():
        raise arg_error("run_dir", str(run_dir), "metrics.expected_run_dir", exc=FileNotFoundError)
    n = _check_n(n)
    generator = keras.models.load_model(str(path), compile=False)
    images = sample(generator, n, seed)
    generated = score_images(images)
    history = run_dir / "history.json"
    settings = json.loads(history.read_text(encoding="utf-8")).get("settings", {}) if history.is_file() else {}
    # the code's classes are digits only when the run learnt them from the labels (not from groups it found)
    requested = requested_digits(generator, n, seed) if settings.get("conditions", "labels") == "labels" else None
    if requested is not None:
        generated["requested_share"] = requested_share(images, requested)
    result = {"n": n, "seed": int(seed), "generated": generated, "real": reference_scores(n)}
    (run_dir / "scores.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return result


def add_arguments(parser):
    parser.add_argument("run_dir", help=t("metrics.cli_run_dir"))
    parser.add_argument("--n", type=int, default=DEFAULT_N, help=t("metrics.cli_n"))
    parser.add_argument("--seed", type=int, default=0, help=t("metrics.cli_seed"))


def run(args) -> int:
    start = time.time()
    result = evaluate_run(args.run_dir, args.n, args.seed)
    print(format_scores(result["generated"], result["real"]))
    print(t("metrics.wrote", path=pathlib.Path(args.run_dir) / "scores.json", s=time.time() - start))
    return 0
