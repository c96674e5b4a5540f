"""The end-of-lesson exercises (lessons 00–05; 06 and later in their own test_lessonNN.py files)
against answers worked out here by hand or with plain NumPy/Keras — never against the checker's own stored
solution, so a wrong checker fails.  Where the answer is a measurement of the library's own networks (03.7,
04.8), the library's public functions build and train them as the question says, and the measuring is done
here."""
import math
import pathlib

import numpy as np
import pytest

from gan_course import exercises

ASSETS = pathlib.Path(__file__).resolve().parents[1] / "gan_course" / "assets"


def _sevens_in_the_bundled_subset():
    with np.load(ASSETS / "mnist_5k.npz") as f:
        return int(np.sum(f["y"] == 7))


def _errors_of_the_shipped_classifier():
    """Counted with the Keras model itself on the 1,000 held-out digits, scaled by hand."""
    from gan_course import classifier, data

    (_, _), (x, y) = data.shuffle_split(*data.load_mnist("bundled"), held_out=1000, seed=0)
    logits = classifier.load_classifier()(x[..., None].astype(np.float32) / 127.5 - 1.0, training=False)
    return int(np.sum(np.argmax(np.asarray(logits), axis=1) != y))


def _jsd_of_two_unit_gaussians(distance):
    """½·KL(p‖m) + ½·KL(q‖m) with Simpson's rule on a grid of its own."""
    x = np.linspace(-20.0, 20.0 + distance, 400_001)
    p = np.exp(-0.5 * x ** 2) / math.sqrt(2 * math.pi)
    q = np.exp(-0.5 * (x - distance) ** 2) / math.sqrt(2 * math.pi)
    m = (p + q) / 2
    with np.errstate(divide="ignore", invalid="ignore"):
        f = 0.5 * np.where(p > 0, p * np.log(p / m), 0) + 0.5 * np.where(q > 0, q * np.log(q / m), 0)
    h = x[1] - x[0]
    return float(h / 3 * (f[0] + f[-1] + 4 * f[1:-1:2].sum() + 2 * f[2:-1:2].sum()))


# ---- exercises whose answer is a function: each one written here from its definition, next to the same function
#      with a typical student bug.

def _to_float(images):
    """uint8 (N, 28, 28) → float32 (N, 28, 28, 1): 0 → −1, 255 → 1."""
    return (images.astype(np.float32) * np.float32(2 / 255) - np.float32(1))[:, :, :, np.newaxis]


def _to_float_in_float64(images):
    """Right values and shape, but uint8 / 127.5 is float64: the models expect float32."""
    return images[..., None] / 127.5 - 1.0


def _to_uint8(x):
    """Each value to the nearest of the 256 grey levels k/127.5 − 1, found by searching the levels."""
    levels = np.arange(256) / 127.5 - 1.0
    nearest = np.abs(np.asarray(x, dtype=float)[..., None] - levels).argmin(axis=-1)
    return nearest.astype(np.uint8)


def _to_uint8_truncating(x):
    """Right scale and type, but astype cuts 254.87 down to 254."""
    return ((np.asarray(x) + 1.0) * 127.5).astype(np.uint8)


def _softmax(logits):
    """exp(z − logsumexp(z)), the log-sum-exp taken about the largest logit."""
    z = np.asarray(logits, dtype=float)
    top = z.max()
    return np.exp(z - (top + np.log(np.sum(np.exp(z - top)))))


def _softmax_that_overflows(logits):
    with np.errstate(over="ignore", invalid="ignore"):
        e = np.exp(np.asarray(logits, dtype=float))      # exp(1000) = inf, inf / inf = nan
        return e / e.sum()


def _inception_score(probs):
    """exp(H(p(y)) − mean H(p(y|x))): the mean KL to the marginal written as two entropies (0 · log 0 = 0)."""
    def entropy(p):
        return -np.sum(p * np.log(np.where(p > 0, p, 1.0)), axis=-1)

    probs = np.asarray(probs, dtype=float)
    return float(np.exp(entropy(probs.mean(axis=0)) - entropy(probs).mean()))


def _inception_score_with_nan_for_zeros(probs):
    """The formula as written, with 0 · log(0 / 0) left to NumPy: a one-hot row gives nan."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(np.exp(np.mean(np.sum(probs * np.log(probs / probs.mean(axis=0)), axis=1))))


def _conv_valid(x, kernel, bias):
    """One output pixel at a time: the k×k×C window times each filter, summed, plus the filter's bias."""
    k, f = kernel.shape[0], kernel.shape[-1]
    out = np.empty((x.shape[0] - k + 1, x.shape[1] - k + 1, f))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            window = x[i:i + k, j:j + k, :]
            for c in range(f):
                out[i, j, c] = np.sum(window * kernel[:, :, :, c]) + bias[c]
    return out


def _conv_with_flipped_kernel(x, kernel, bias):
    """The textbook convolution (kernel rotated 180°): Keras does not flip."""
    return _conv_valid(x, kernel[::-1, ::-1], bias)


def _pad(x, p):
    return np.pad(x, ((p, p), (p, p)), mode="constant", constant_values=0)


def _pad_by_slicing_to_minus_p(x, p):
    out = np.zeros((x.shape[0] + 2 * p, x.shape[1] + 2 * p))
    out[p:-p, p:-p] = x                                  # p = 0: the slice 0:-0 is empty
    return out


def _max_pool(x, size):
    """Drop the rows/columns that do not fill a window, then the max of each size×size block."""
    h, w = x.shape[0] // size, x.shape[1] // size
    return x[:h * size, :w * size].reshape(h, size, w, size).max(axis=(1, 3))


def _max_pool_keeping_partial_windows(x, size):
    """Windows start every ``size`` pixels up to the edge, so a leftover row makes an extra, partial window."""
    return np.array([[x[i:i + size, j:j + size].max() for j in range(0, x.shape[1], size)]
                     for i in range(0, x.shape[0], size)])


def _copies_1d(k, s, n):
    """How many of the n windows [s·i, s·i + k) cover each of the s(n − 1) + k output positions."""
    t = np.arange(s * (n - 1) + k)[:, None]
    starts = s * np.arange(n)[None, :]
    return np.sum((starts <= t) & (t < starts + k), axis=1)


def _overlap_count(k, s, n):
    """The 2-D count is the product of the row count and the column count (a window is a product of ranges)."""
    counts = _copies_1d(k, s, n)
    return np.outer(counts, counts).astype(float)


def _overlap_count_ignoring_stride_in_placement(k, s, n):
    """Right output size, but window (i, j) starts at (i, j) instead of (s·i, s·j)."""
    side = s * (n - 1) + k
    counts = np.zeros((side, side))
    for i in range(n):
        for j in range(n):
            counts[i:i + k, j:j + k] += 1
    return counts


def _phase_weights(w):
    """Written out: y[2j] = w0·x[j−1] + (w1 + w2)·x[j], y[2j+1] = (w0 + w1)·x[j] + w2·x[j+1]."""
    w0, w1, w2 = w
    return np.array([[w0, w1 + w2, 0.0], [0.0, w0 + w1, w2]])


def _phase_weights_the_same_for_both_phases(w):
    """The claim the lesson corrects: "every phase sees the same weights"."""
    return np.array([list(w), list(w)], dtype=float)


def _batchnorm_nhwc(x, gamma, beta, eps):
    """Training mode: one mean and one (biased, ÷ m) variance per channel over batch, rows and columns."""
    m = x.shape[0] * x.shape[1] * x.shape[2]
    mu = x.sum(axis=(0, 1, 2)) / m
    var = ((x - mu) ** 2).sum(axis=(0, 1, 2)) / m
    return gamma * (x - mu) / np.sqrt(var + eps) + beta


def _batchnorm_nhwc_unbiased(x, gamma, beta, eps):
    mu = x.mean(axis=(0, 1, 2))
    return gamma * (x - mu) / np.sqrt(x.var(axis=(0, 1, 2), ddof=1) + eps) + beta


def _batchnorm_backward(dy, x, gamma, eps):
    """∂L/∂x by the chain rule through the graph of Ioffe & Szegedy (2015), one node at a time (not the compact
    formula): x̂ = (x − μ) / √(σ² + ε), y = γ·x̂ + β."""
    m = x.shape[0]
    mu = x.mean(axis=0)
    xc = x - mu
    var = (xc ** 2).mean(axis=0)
    inv = 1.0 / np.sqrt(var + eps)
    dxhat = dy * gamma
    dvar = np.sum(dxhat * xc, axis=0) * -0.5 * inv ** 3
    dmu = -np.sum(dxhat * inv, axis=0) + dvar * np.mean(-2.0 * xc, axis=0)
    return dxhat * inv + dvar * 2.0 * xc / m + dmu / m


def _batchnorm_backward_variance_held_constant(dy, x, gamma, eps):
    """Forgets that σ² depends on x: only the path through μ is kept."""
    inv = 1.0 / np.sqrt(x.var(axis=0) + eps)
    return gamma * inv * (dy - dy.mean(axis=0))


# ---- numeric and experiment exercises

def _normal_pdf(x, mu, sigma):
    return np.exp(-((x - mu) ** 2) / (2 * sigma ** 2)) / (sigma * math.sqrt(2 * math.pi))


def _d_star(pdf):
    x = np.linspace(-3.0, 3.0, 61)
    p_data, p_g = pdf(x, 0.0, 1.0), pdf(x, 1.0, 0.5)
    return p_data / (p_data + p_g)


def _coverage_samples():
    """The 1000 numbers the lesson's cell gives the student (the question's data, not its answer)."""
    from gan_course import objective

    return objective.Mixture1D((0.0, 6.0, 3.0), (0.25, 0.25, 1.5), (0.45, 0.25, 0.3)).sample(1000, seed=4)


def _coverage_by_hand():
    x = _coverage_samples()
    left = np.mean(np.abs(x - 0.0) < 2 * 0.25)
    right = np.mean(np.abs(x - 6.0) < 2 * 0.25)
    return (float(left), float(right), float(1.0 - left - right))   # the two windows are 6 apart: disjoint


def _coverage_by_nearest_peak():
    """Every sample handed to its nearest peak: the group between the peaks is counted as covered."""
    x = _coverage_samples()
    return (float(np.mean(x < 3.0)), float(np.mean(x >= 3.0)), 0.0)


def _generator_unevenness_by_hand():
    """The untrained generator can only be the library's own (the question names models.dcgan_generator and its
    seed); the measurement — phase means of the mean |G(z)| away from a 4-pixel border — is written out here."""
    from gan_course import config, models

    z = np.random.default_rng(0).normal(size=(64, 100)).astype(np.float32)
    result = []
    for kernel_size in (3, 4):
        config.seed_everything(0)
        images = np.asarray(models.dcgan_generator(kernel_size=kernel_size)(z, training=True))[..., 0]
        inner = np.abs(images).mean(axis=0)[4:-4, 4:-4]                  # 20×20: even, the phases keep their place
        phases = [inner[r::2, c::2].mean() for r in (0, 1) for c in (0, 1)]
        result.append(float((max(phases) - min(phases)) / max(phases)))
    return tuple(result)


def _first_steps_above_a_tenth():
    """A training experiment: its answer exists only by running it, so this calls the library's public GAN1D with
    the question's settings (the same code the student runs) and finds the first step with NumPy here."""
    from gan_course import gan1d

    steps = []
    for loss in ("minimax", "non_saturating"):
        gan = gan1d.GAN1D("gaussian", loss=loss, seed=0)
        gan.train_discriminator(500)
        above = np.flatnonzero(np.asarray(gan.train(150).d_fake) > 0.1)
        assert above.size, loss                                           # else the exercise has no answer
        steps.append(int(above[0]) + 1)                                   # counted from 1
    return tuple(steps)


BATCH = np.array([2.0, 4.0, 6.0, 8.0])

# key: (an answer worked out independently, a wrong answer).  A callable is called, in its own case only, to get the
# answer: slow answers wait there, and an answer that is itself a function is given as ``lambda: fn``.
BY_HAND = {
    "00.1": (_sevens_in_the_bundled_subset, 499),
    "00.2": (64 / 127.5 - 1, 64 / 255),
    "00.3": (78, 79),                                          # 5000 // 64, the last 8 dropped
    "00.4": (lambda: _to_float, lambda: _to_float_in_float64),
    "00.5": (lambda: _to_uint8, lambda: _to_uint8_truncating),
    "01.1": (5 * 5 * 1 * 16 + 16, 5 * 5 * 16),                 # weights + one bias per filter
    "01.2": (5 * 5 * 64, 4 * 4 * 64),                          # 32 → 30 → 28 → 14 → 12 → 10 → 5
    "01.3": (_errors_of_the_shipped_classifier, 1000),
    "01.4": (1.0, 10.0),                                       # p(y|x) = p(y): KL = 0, exp(0)
    "01.5": (5.0, 10.0),                                       # exp(log 5)
    "01.6": (lambda: _softmax, lambda: _softmax_that_overflows),
    "01.7": (lambda: _conv_valid, lambda: _conv_with_flipped_kernel),
    "01.8": (lambda: _inception_score, lambda: _inception_score_with_nan_for_zeros),
    "02.1": (12, 13),                                          # floor((28 - 5) / 2) + 1
    "02.2": (4, 3),                                            # ceil(7 / 2)
    "02.3": ((1, 2), (2, 1)),                                  # total 3 = (4 - 1)·2 + 4 - 7, odd one after
    "02.4": ((3 * 3 * 16 + 1) * 32, 3 * 3 * 16 * 32),
    "02.5": ([[6, 5], [3, 9]], [[6, 5], [3, 8]]),
    "02.6": ([[1 - 1, 2 - 3], [0 - 1, 1 - 0]], [[1, 2], [0, 1]]),   # x[i, j] − x[i+1, j+1]
    "02.7": (lambda: _pad, lambda: _pad_by_slicing_to_minus_p),
    "02.8": (lambda: _max_pool, lambda: _max_pool_keeping_partial_windows),
    "03.1": ((9, 25), (9, 16)),                                # o = floor((5 + 2 − 3) / 2) + 1 = 3
    "03.2": ((7 - 1) * 2 + 4, 14),
    "03.3": ([[1, 3, 2], [4, 10, 6], [3, 7, 4]], np.ones((3, 3))),
    "03.4": (9 / 4, 2.0),                                      # 3×3 copies against 2×2
    "03.5": (4, 3),
    "03.6": (lambda: _overlap_count, lambda: _overlap_count_ignoring_stride_in_placement),
    "03.7": (_generator_unevenness_by_hand, (0.51, 0.0)),      # "the 4×4 kernel removes the checkerboard"
    "03.8": (lambda: _phase_weights, lambda: _phase_weights_the_same_for_both_phases),
    "04.1": (0.99 / 0.01, 1.0),                                # |t − 1| / |−t| at t = 0.01
    "04.2": (1 / (1 + math.exp(-2)), 0.5),                     # N(0;0,1) / (N(0;0,1) + N(0;2,1))
    "04.3": (-math.log(4), 0.0),
    "04.4": (lambda: _jsd_of_two_unit_gaussians(2.0), math.log(2)),
    "04.5": (5 * 200, 200),
    "04.6": (lambda: _d_star(_normal_pdf),                     # the wrong one drops the 1/σ in front
             lambda: _d_star(lambda x, mu, sigma: np.exp(-((x - mu) ** 2) / (2 * sigma ** 2)))),
    "04.7": (_coverage_by_hand, _coverage_by_nearest_peak),
    "04.8": (_first_steps_above_a_tenth, (60, 40)),            # what the gradient table alone suggests
    "05.1": ((5.0, 5.0), (5.0, 20 / 3)),                       # biased variance: 20 / 4
    "05.2": (list(2 * (BATCH - 5) / math.sqrt(5 + 1e-3) + 1), list(2 * (BATCH - 5) / math.sqrt(5) + 2)),
    "05.3": (math.ceil(math.log(0.1) / math.log(0.99)), 100),  # 5·(1 − 0.99^k) ≥ 4.5
    "05.4": ([0.0, 0.0, 0.0, 0.0], [1.0, 1.0, 1.0, 1.0]),
    "05.5": (2 * 64, 4 * 64),                                  # γ and β per channel
    "05.6": (False, True),
    "05.7": (lambda: _batchnorm_nhwc, lambda: _batchnorm_nhwc_unbiased),
    "05.8": (lambda: _batchnorm_backward, lambda: _batchnorm_backward_variance_held_constant),
}


def test_every_exercise_of_lessons_00_to_05_has_an_independent_answer_here():
    registered = [key for lesson in ("00", "01", "02", "03", "04", "05") for key in exercises.keys(lesson)]
    assert registered == sorted(BY_HAND)


def test_every_lesson_with_exercises_has_its_independent_answers_somewhere():
    """Lessons 06 to 10 keep theirs in their own test files; a new lesson's set must join one of them."""
    import test_lesson06
    import test_lesson07
    import test_lesson08
    import test_lesson09
    import test_lesson10

    answered = {*BY_HAND, *test_lesson06.BY_HAND, *test_lesson06.FUNCTIONS, *test_lesson07.BY_HAND,
                *test_lesson07.FUNCTIONS, *test_lesson08.BY_HAND, *test_lesson08.FUNCTIONS, *test_lesson09.BY_HAND,
                *test_lesson09.FUNCTIONS, *test_lesson10.BY_HAND, *test_lesson10.FUNCTIONS}
    sets = sorted(p.stem[1:] for p in (ASSETS.parent / "exercise_sets").glob("e[0-9][0-9].py"))
    assert sorted(key for lesson in sets for key in exercises.keys(lesson)) == sorted(answered)


@pytest.mark.parametrize("key", sorted(BY_HAND))
def test_the_checker_accepts_the_answer_worked_out_here_and_rejects_a_wrong_one(key):
    right, wrong = (answer() if callable(answer) else answer for answer in BY_HAND[key])
    assert exercises.is_correct(key, right), (key, right, exercises.solution(key))
    assert not exercises.is_correct(key, wrong), key
    assert not exercises.is_correct(key, None), key
