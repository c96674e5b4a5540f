"""The emoji evaluator: its classifier's features and the Fréchet distance in them (untrained weights: fast)."""
import numpy as np

from gan_course import emoji_eval, images


def test_features_and_distance_with_an_untrained_classifier():
    x = images.load_emoji(32)[:300]
    model = emoji_eval.build_classifier(99)
    f = emoji_eval.features(x, model)
    assert f.shape == (300, emoji_eval.FEATURE_DIM) and np.isfinite(f).all()
    assert np.array_equal(f, emoji_eval.features(x, model))  # inference mode: no dropout, no batch statistics
    blobs = np.full_like(x, 128)
    assert emoji_eval.metrics.frechet_distance(f, f) < 1e-3
    assert emoji_eval.metrics.frechet_distance(emoji_eval.features(blobs, model), f) > 1e-3


def test_shift_fills_with_white_and_keeps_the_shape():
    x = np.zeros((5, 32, 32, 3), np.uint8)
    out = emoji_eval._shift(x, np.random.default_rng(0))
    assert out.shape == x.shape and out.dtype == np.uint8
    assert set(np.unique(out)) <= {0, 255}


def test_the_shipped_weights_are_loaded_when_the_run_folder_has_none(tmp_path):
    from gan_course import emoji_eval

    assert emoji_eval.SHIPPED_WEIGHTS.is_file()
    assert emoji_eval.SHIPPED_WEIGHTS.stat().st_size < 2_000_000
    model = emoji_eval.load_classifier(tmp_path / "missing" / "weights.h5")   # nothing there: no training
    shipped = emoji_eval.build_classifier(model.output_shape[-1])
    shipped.load_weights(str(emoji_eval.SHIPPED_WEIGHTS))
    for a, b in zip(model.get_weights(), shipped.get_weights()):
        assert np.array_equal(a, b)
    assert not (tmp_path / "missing").exists()
