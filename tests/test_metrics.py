"""Classifier-based scores: Inception Score, Fréchet distance, class histogram, scorer and the evaluate CLI."""
import json

import numpy as np
import pytest
from student_errors import assert_names

from gan_course import classifier, data, i18n, keras, metrics

# --- the formulas on known cases -------------------------------------------------------------

def test_inception_score_extremes():
    eye = np.eye(10)
    assert metrics.inception_score(np.tile(eye, (5, 1))) == pytest.approx(10.0, rel=1e-9)
    assert metrics.inception_score(np.full((20, 10), 0.1)) == pytest.approx(1.0, abs=1e-9)
    assert metrics.inception_score(np.tile(eye[3], (20, 1))) == pytest.approx(1.0, abs=1e-9)  # one class only
    assert metrics.inception_score(np.tile(eye[:5], (4, 1))) == pytest.approx(5.0, rel=1e-9)  # 5 classes
    rng = np.random.default_rng(0)
    p = rng.dirichlet(np.ones(10) * 0.3, size=200)
    marginal = p.mean(axis=0)
    kl = [np.sum(row * np.log(row / marginal)) for row in p]
    assert metrics.inception_score(p) == pytest.approx(np.exp(np.mean(kl)), rel=1e-6)
    assert 1.0 <= metrics.inception_score(p) <= 10.0


def test_frechet_distance_closed_forms():
    rng = np.random.default_rng(1)
    # sample covariances made exactly diagonal: FID = Σ (σa − σb)² + ‖μa − μb‖²
    a = _exact_stats(rng.standard_normal((4000, 3)), [1.0, 3.0, 1.5], [0.5, 0.5, 0.5])
    b = _exact_stats(rng.standard_normal((3000, 3)), [2.0, 0.5, 1.0], [1.0, 0.0, -2.0])
    expected = (1 - 2) ** 2 + (3 - 0.5) ** 2 + (1.5 - 1) ** 2 + (0.5 - 1) ** 2 + 0.5 ** 2 + 2.5 ** 2
    assert metrics.frechet_distance(a, b) == pytest.approx(expected, rel=1e-9)
    # 1-D: (μa − μb)² + (σa − σb)²
    x, y = rng.standard_normal((500, 1)), 3 * rng.standard_normal((700, 1)) + 2
    exp_1d = (x.mean() - y.mean()) ** 2 + (x.std(ddof=1) - y.std(ddof=1)) ** 2
    assert metrics.frechet_distance(x, y) == pytest.approx(exp_1d, rel=1e-9)
    # identical sets: 0; symmetric; invariant under the same rotation + shift of both sets
    assert metrics.frechet_distance(a, a) == pytest.approx(0.0, abs=1e-9)
    c = rng.standard_normal((800, 5)) @ rng.standard_normal((5, 5))
    d = rng.standard_normal((900, 5)) @ rng.standard_normal((5, 5)) + 1
    q, _ = np.linalg.qr(rng.standard_normal((5, 5)))
    fid = metrics.frechet_distance(c, d)
    assert metrics.frechet_distance(d, c) == pytest.approx(fid, rel=1e-7)
    assert metrics.frechet_distance(c @ q + 7, d @ q + 7) == pytest.approx(fid, rel=1e-7)


def _exact_stats(x, scales, means):
    """Rotate and scale ``x`` so that its sample mean is ``means`` and its covariance diag(scales²)."""
    x = x - x.mean(0)
    w, v = np.linalg.eigh(np.cov(x, rowvar=False))
    x = (x @ v) / np.sqrt(w)
    return x * scales + means


def test_matrix_square_root_without_scipy():
    rng = np.random.default_rng(2)
    m = rng.standard_normal((6, 4))
    s = m @ m.T  # positive semi-definite, rank 4
    r = metrics._sqrt_psd(s)
    np.testing.assert_allclose(r @ r, s, atol=1e-10)
    np.testing.assert_allclose(r, r.T, atol=1e-12)
    assert np.linalg.eigvalsh(r).min() > -1e-10


def test_class_shares():
    p = np.eye(10)[[0, 0, 1, 2, 2, 2, 3, 4, 5, 6, 7, 8, 9, 9, 9, 9, 1, 3, 5, 7]]
    shares = metrics.class_shares(p)
    assert shares.tolist() == (np.bincount(p.argmax(1), minlength=10) / 20).tolist()
    assert shares.sum() == pytest.approx(1.0)


# --- real digits vs noise --------------------------------------------------------------------

@pytest.fixture(scope="module")
def real_and_noise():
    (x_train, _), _ = classifier.held_out_split()
    real = data.to_float(x_train[:1000])
    rng = np.random.default_rng(0)
    shuffled = np.stack([rng.permutation(im.ravel()).reshape(28, 28, 1) for im in real])
    noise = rng.uniform(-1, 1, real.shape).astype(np.float32)
    return real, shuffled, noise


def test_real_digits_score_better_than_shuffled_pixels_and_noise(real_and_noise):
    real, shuffled, noise = (metrics.score_images(x) for x in real_and_noise)
    assert real["inception_score"] > 9.0
    assert real["inception_score"] > 3 * max(shuffled["inception_score"], noise["inception_score"])
    assert real["frechet_distance"] < 10.0
    assert real["frechet_distance"] * 20 < min(shuffled["frechet_distance"], noise["frechet_distance"])
    assert 0.08 <= real["rarest_share"] <= 0.1 and min(shuffled["rarest_share"], noise["rarest_share"]) < 0.02
    for s in (real, shuffled, noise):
        assert s["n"] == 1000 and len(s["class_shares"]) == 10
        assert sum(s["class_shares"]) == pytest.approx(1.0)
        json.dumps(s)  # plain numbers, ready for history.json


def test_one_digit_only_is_mode_collapse():
    (x_train, y_train), _ = classifier.held_out_split()
    threes = metrics.score_images(x_train[y_train == 3][:200])
    assert threes["inception_score"] < 1.5
    assert threes["rarest_share"] == 0.0
    assert max(threes["class_shares"]) > 0.95 and int(np.argmax(threes["class_shares"])) == 3


def test_reference_scores_are_the_real_line():
    ref = metrics.reference_scores(1000)
    assert ref["n"] == 1000 and ref["inception_score"] > 9.5
    assert 0.0 < ref["frechet_distance"] < 10.0
    assert ref["rarest_share"] >= 0.09
    assert metrics.reference_scores(1000) == ref
    assert metrics.reference_scores(10_000)["n"] == 4000  # all training digits


# --- memorisation ------------------------------------------------------------------------------

def test_memorisation_flags_a_generator_that_copies_its_training_digits():
    x_train, _ = data.mnist_split("train")
    x_held, _ = data.mnist_split("held_out")
    assert metrics.memorisation_share(x_train[:300]) == 1.0          # the training digits themselves
    rng = np.random.default_rng(0)
    copies = np.clip(data.to_float(x_train[:300]) + rng.normal(0, 0.02, (300, 28, 28, 1)), -1, 1)
    assert metrics.memorisation_share(copies) > 0.95                 # copies with a little noise
    assert metrics.memorisation_share(x_held) == pytest.approx(0.01, abs=0.002)  # new digits: 1 % by construction
    shifted = np.roll(data.to_float(x_train[:300]), 3, axis=2)       # a copy moved 3 pixels is a new image
    assert metrics.memorisation_share(shifted) < 0.05
    d = metrics.nearest_distances(x_train[:5], x_train)
    np.testing.assert_allclose(d, 0.0, atol=0.05)  # float32 rounding of ‖a‖² + ‖b‖² − 2ab; the threshold is ≈ 3.5
    two = data.to_float(x_held[:2])
    np.testing.assert_allclose(metrics.nearest_distances(two[:1], two[1:]),
                               [np.linalg.norm(two[0] - two[1])], rtol=1e-5)


def test_no_held_out_digit_is_a_training_digit():
    x_train, _ = data.mnist_split("train")
    x_held, y_held = data.mnist_split("held_out")
    assert len(x_train) == 4000 and len(x_held) == 1000
    assert np.bincount(y_held).tolist() == [100] * 10
    assert metrics.nearest_distances(x_held, x_train).min() > 0  # no held-out digit appears among the training ones


# --- bad input ---------------------------------------------------------------------------------

def test_bad_inputs_raise_clear_errors():
    ok = np.zeros((100, 28, 28, 1), np.float32)
    with i18n.language("es"):
        with pytest.raises(ValueError, match=r"`images`.*\(100, 32, 32, 1\)"):
            metrics.score_images(np.zeros((100, 32, 32, 1), np.float32))
        with pytest.raises(ValueError, match=r"`images`.*\[-1, 1\]"):
            metrics.score_images(ok + 2.0)
        with pytest.raises(ValueError, match=r"`images`.*\[-1, 1\]"):
            metrics.score_images(np.full((100, 28, 28, 1), 255.0, np.float32))
        with pytest.raises(ValueError, match="`images`"):
            metrics.score_images(np.full((100, 28, 28, 1), np.nan, np.float32))
        with pytest.raises(ValueError, match=r"`images`.*\(10, 28, 28, 1\).*64"):
            metrics.score_images(ok[:10])
        with pytest.raises(ValueError, match="`features_a`.*64"):
            metrics.frechet_distance(np.zeros((63, 64)), np.zeros((100, 64)))
        with pytest.raises(ValueError, match="`features_b`"):
            metrics.frechet_distance(np.zeros((100, 64)), np.zeros((100, 32)))
        with pytest.raises(ValueError, match="`probs`"):
            metrics.inception_score(np.full((5, 10), 0.5))
        with pytest.raises(ValueError, match="`probs`"):
            metrics.inception_score(np.full((5, 3), 1 / 3))
        with pytest.raises(ValueError, match="`n`"):
            metrics.make_scorer(n=10)
        with pytest.raises(ValueError, match="`seed`"):
            metrics.make_scorer(n=100, seed=-1)
        with pytest.raises(ValueError, match=r"`images`.*\(5, 28, 28, 3\)"):
            metrics.memorisation_share(np.zeros((5, 28, 28, 3), np.float32))
        with pytest.raises(ValueError, match="`references`"):
            metrics.nearest_distances(ok[:2], np.zeros((3, 14, 14)))
        with pytest.raises(ValueError, match="`quantile`"):
            metrics.memorisation_share(ok[:2], quantile=1.5)
    with i18n.language("pt"):
        with pytest.raises(ValueError, match="pelo menos tantas imagens"):
            metrics.score_images(ok[:10])


@pytest.mark.parametrize("call,name", [
    (lambda: metrics.latent_batch(_tiny_generator(), -1), "n"),       # was NumPy's "negative dimensions"
    (lambda: metrics.latent_batch(_tiny_generator(), 2.5), "n"),      # was a TypeError
    (lambda: metrics.latent_batch(_tiny_generator(), 4, seed=-1), "seed"),
    (lambda: metrics.latent_batch(None, 4), "generator"),
    (lambda: metrics.sample(_tiny_generator(), 0), "n"),              # was NumPy's "need at least one array"
    (lambda: metrics.sample(_tiny_generator(), 4, batch_size=0), "batch_size"),
    (lambda: metrics.requested_digits(_tiny_generator(), -3), "n"),
    (lambda: metrics.requested_share(np.zeros((3, 28, 28), np.uint8), [1, 2]), "requested"),
    (lambda: metrics.classifier_outputs(np.zeros((3, 28, 28), np.uint8), batch_size=0), "batch_size"),
    (lambda: metrics.nearest_distances(np.zeros((3, 28, 28), np.uint8), np.zeros((2, 28, 28), np.uint8), 0),
     "batch_size"),
    (lambda: metrics.inception_score("abc"), "probs"),
    (lambda: metrics.frechet_distance("abc", np.zeros((100, 8))), "features_a"),
])
def test_bad_sampling_arguments_name_the_argument(call, name):
    assert_names(call, name)


# --- scorer for a training loop, and the CLI ----------------------------------------------------

def _tiny_generator(latent=8, out_shape=(28, 28, 1)):
    layers = keras.layers
    return keras.Sequential([keras.Input((latent,)), layers.Dense(int(np.prod(out_shape)), activation="tanh"),
                             layers.Reshape(out_shape)])


def test_scorer_uses_fixed_latent_vectors():
    keras.utils.set_random_seed(0)
    gen = _tiny_generator()
    scorer = metrics.make_scorer(n=200, seed=5)
    first, second = scorer(gen), scorer(gen)
    assert first == second
    assert set(first) == {"inception_score", "frechet_distance", "rarest_share", "rarest_class", "memorised_share"}
    assert all(isinstance(v, (int, float)) for v in first.values())  # a trainer logs float(v) for each
    assert 1.0 <= first["inception_score"] <= 10.0
    z = metrics.latent_batch(gen, 200, seed=5)
    full = metrics.score_images(np.asarray(gen(z, training=False)))
    assert {k: full[k] for k in first} == first
    z = metrics.latent_batch(gen, 4, seed=5)
    assert z.shape == (4, 8) and z.dtype == np.float32
    np.testing.assert_array_equal(z, metrics.latent_batch(gen, 4, seed=5))
    with pytest.raises(ValueError, match="`generator`"):
        metrics.make_scorer(n=100)(_tiny_generator(out_shape=(32, 32, 1)))


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # Keras' own, while saving the .keras file
def test_evaluate_cli_writes_scores_json(tmp_path, capsys):
    from gan_course.__main__ import main

    keras.utils.set_random_seed(0)
    _tiny_generator(latent=16).save(str(tmp_path / "generator.keras"))
    assert main(["evaluate", str(tmp_path), "--n", "128", "--seed", "1"]) == 0
    out = capsys.readouterr().out
    assert "IS" in out and "FID" in out and "memorizadas" in out and "scores.json" in out
    scores = json.loads((tmp_path / "scores.json").read_text())
    assert scores["n"] == 128 and scores["seed"] == 1
    assert scores["generated"]["n"] == 128 and scores["real"]["inception_score"] > 9.5
    assert scores["generated"]["frechet_distance"] > scores["real"]["frechet_distance"]
    assert 0.0 <= scores["generated"]["memorised_share"] <= 1.0 and scores["real"]["memorised_share"] == 0.01

    assert main(["--lang", "pt", "evaluate", str(tmp_path / "missing")]) == 2
    assert "generator.keras" in capsys.readouterr().err
    assert main(["evaluate", str(tmp_path), "--n", "10"]) == 2
    assert "`n`" in capsys.readouterr().err
