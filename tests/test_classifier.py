"""The evaluator classifier: fixed split, architecture, shipped weights (≥ 98 %), reproducible retraining."""
import numpy as np
import pytest
from student_errors import assert_names

import gan_course as gc
from gan_course import classifier, data, i18n


@pytest.fixture(scope="module")
def split():
    return classifier.held_out_split()


def test_held_out_split_is_fixed_stratified_and_disjoint(split):
    (x_train, y_train), (x_test, y_test) = split
    assert x_train.shape == (4000, 28, 28) and x_test.shape == (1000, 28, 28)
    assert np.bincount(y_test, minlength=10).tolist() == [100] * 10
    assert np.bincount(y_train, minlength=10).tolist() == [400] * 10
    (x_train2, _), (x_test2, y_test2) = classifier.held_out_split()
    np.testing.assert_array_equal(x_test, x_test2)
    np.testing.assert_array_equal(y_test, y_test2)
    np.testing.assert_array_equal(x_train, x_train2)
    x_all, _ = data.load_mnist("bundled")
    flat = {im.tobytes(): i for i, im in enumerate(x_all)}
    test_idx = {flat[im.tobytes()] for im in x_test}
    train_idx = {flat[im.tobytes()] for im in x_train}
    assert not test_idx & train_idx


def test_architecture_two_parts_and_feature_width():
    model = classifier.build_classifier()
    names = [layer.name for layer in model.layers]
    assert names[1:] == list(classifier.FEATURE_LAYERS) + ["flatten", "features", "dropout", "logits"]
    shapes = {layer.name: tuple(layer.output.shape[1:]) for layer in model.layers[1:]}
    assert shapes["conv1"] == (26, 26, 32) and shapes["pool1"] == (12, 12, 32)
    assert shapes["pool2"] == (4, 4, 64) and shapes["flatten"] == (1024,)
    assert shapes["features"] == (classifier.FEATURE_DIM,) and shapes["logits"] == (10,)
    assert model.get_layer("conv1").count_params() == 3 * 3 * 1 * 32 + 32
    assert 64 <= classifier.FEATURE_DIM <= 128


def test_shipped_weights_are_small_and_reach_98_percent(split):
    path = classifier.weights_path()
    assert path.is_file() and path.stat().st_size < 1_000_000
    model = classifier.load_classifier()
    assert model is classifier.load_classifier()  # loaded once per process
    _, (x_test, y_test) = split
    acc = classifier.accuracy(model, data.to_float(x_test), y_test)
    assert acc >= 0.98, f"held-out accuracy {acc:.3f}"
    assert classifier.accuracy(model, x_test, y_test) == acc  # uint8 digits are converted the same way


def test_confusion_matrix_matches_tensorflow(split):
    from gan_course import tf

    _, (x_test, y_test) = split
    pred = classifier.predict(classifier.load_classifier(), x_test)
    cm = classifier.confusion_matrix(y_test, pred)
    np.testing.assert_array_equal(cm, tf.math.confusion_matrix(y_test, pred, num_classes=10).numpy())
    assert cm.sum() == 1000 and cm.sum(axis=1).tolist() == [100] * 10
    assert np.trace(cm) == np.sum(pred == y_test)


def test_layer_outputs_follow_the_formulas(split):
    model = classifier.load_classifier()
    _, (x_test, _) = split
    x = data.to_float(x_test[:2])
    outs = classifier.layer_outputs(model, x, ("conv1", "relu1", "conv2", "relu2", "pool1"))
    k = np.asarray(model.get_layer("conv1").kernel)
    b = np.asarray(model.get_layer("conv1").bias)
    by_hand = sum(x[:, a:a + 26, c:c + 26, :1] * k[a, c, 0] for a in range(3) for c in range(3)) + b
    np.testing.assert_allclose(outs["conv1"], by_hand, atol=1e-5)
    np.testing.assert_array_equal(outs["relu1"], np.maximum(outs["conv1"], 0))
    pooled = outs["relu2"].reshape(2, 12, 2, 12, 2, 32).max(axis=(2, 4))
    np.testing.assert_array_equal(outs["pool1"], pooled)
    with pytest.raises(ValueError, match="layers"):
        classifier.layer_outputs(model, x, ("conv9",))


def test_shift_images_moves_whole_pixels_and_fills_background():
    x = -np.ones((3, 28, 28, 1), np.float32)
    x[:, 14, 14] = 1.0
    moved = classifier.shift_images(x, np.random.default_rng(0), max_shift=2)
    for im in moved:
        (r, c) = np.argwhere(im[..., 0] == 1.0)[0]
        assert abs(r - 14) <= 2 and abs(c - 14) <= 2
        assert np.sum(im == 1.0) == 1 and np.sum(im == -1.0) == 28 * 28 - 1
    np.testing.assert_array_equal(classifier.shift_images(x, np.random.default_rng(0), max_shift=0), x)


def test_retraining_is_reproducible_and_the_cli_writes_loadable_weights(tmp_path, capsys):
    from gan_course.__main__ import main

    model_a, hist_a = classifier.train_classifier(epochs=1, seed=3, verbose=False)
    assert len(hist_a["loss"]) == 1 and hist_a["test_accuracy"][0] > 0.5

    # The command trains again with the same seed (a second training, in the same process): the same weights.
    out = tmp_path / "c.weights.h5"
    assert main(["classifier", "--epochs", "1", "--seed", "3", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "1/1" in printed and "c.weights.h5" in printed and f"{hist_a['loss'][0]:.4f}" in printed
    loaded = classifier.load_classifier(out)
    for wa, wl in zip(model_a.get_weights(), loaded.get_weights()):
        np.testing.assert_array_equal(wa, wl)
    assert out.stat().st_size < 1_000_000  # weights only, no optimizer state

    assert main(["classifier", "--epochs", "1", "--out", str(tmp_path / "c.h5")]) == 2
    assert "weights.h5" in capsys.readouterr().err
    assert main(["classifier", "--epochs", "1", "--out", str(tmp_path / "no" / "c.weights.h5")]) == 2


def test_bad_inputs_raise_clear_errors(tmp_path):
    model = classifier.load_classifier()
    with i18n.language("es"):
        with pytest.raises(ValueError, match=r"`images`.*\(5, 32, 32, 1\)"):
            classifier.predict(model, np.zeros((5, 32, 32, 1), np.float32))
        with pytest.raises(ValueError, match=r"`images`.*\[-1, 1\]"):
            classifier.predict(model, np.full((5, 28, 28), 255.0, np.float32))
        with pytest.raises(ValueError, match="`images`"):
            classifier.predict(model, np.full((5, 28, 28), np.nan, np.float32))
        with pytest.raises(ValueError, match="`labels`"):
            classifier.accuracy(model, np.zeros((5, 28, 28), np.uint8), [0, 1, 2])
        with pytest.raises(FileNotFoundError, match="python -m gan_course classifier"):
            classifier.load_classifier(tmp_path / "missing.weights.h5")
        with pytest.raises(ValueError, match=r"\.weights\.h5"):
            classifier.load_classifier(tmp_path / "model.keras")
        with pytest.raises(ValueError, match="`epochs`"):
            classifier.train_classifier(epochs=0)
    with i18n.language("pt"):
        with pytest.raises(ValueError, match="esperava-se"):
            classifier.show_feature_maps(model, np.zeros((2, 28, 28), np.uint8))


def test_pictures_have_the_expected_panels(split):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    gc.set_language("es")
    model = classifier.load_classifier()
    _, (x_test, y_test) = split
    fig = classifier.show_filters(model)
    assert sum(ax.has_data() for ax in fig.axes) == 32
    fig = classifier.show_feature_maps(model, x_test[0], channels=4)
    assert len(fig.axes) == 6 * 5
    pred = classifier.predict(model, x_test)
    fig = classifier.show_misclassified(x_test, y_test, pred, max_images=8)
    wrong = int(np.sum(pred != y_test))
    assert sum(ax.has_data() for ax in fig.axes) == min(8, wrong)
    ax = classifier.show_confusion(classifier.confusion_matrix(y_test, pred))
    assert ax.get_xlabel() == "clase predicha"
    with pytest.raises(ValueError, match="conv1"):
        classifier.show_filters(model, "conv2")
    plt.close("all")


@pytest.mark.parametrize("call,name", [
    (lambda: classifier.as_digits(np.full((2, 28, 28), np.nan)), "images"),
    (lambda: classifier.as_digits("abc"), "images"),
    (lambda: classifier.shift_images(np.zeros((2, 28, 28), np.uint8), np.random.default_rng(0), -1), "max_shift"),
    (lambda: classifier.shift_images(np.zeros((2, 28, 28), np.uint8), "x"), "rng"),
    (lambda: classifier.build_classifier(dropout=1.5), "dropout"),
    (lambda: classifier.build_classifier(0), "feature_dim"),
    (lambda: classifier.confusion_matrix([1, 2], [1]), "predicted"),      # the mismatch, not the labels
    (lambda: classifier.confusion_matrix([1, 2, 3], [1, 2]), "predicted"),
    (lambda: classifier.confusion_matrix([1, 2], [1, 12]), "predicted"),
    (lambda: classifier.confusion_matrix(None, [1]), "labels"),
    (lambda: classifier.predict(None, np.zeros((2, 28, 28), np.uint8)), "model"),   # was "'NoneType' … callable"
    (lambda: classifier.layer_outputs("judge", np.zeros((2, 28, 28), np.uint8)), "model"),
    (lambda: classifier.show_filters(None), "model"),
    (lambda: classifier.show_history({"accuracy": [0.5]}), "history"),
    (lambda: classifier.layer_outputs(classifier.load_classifier(), np.zeros((2, 28, 28), np.uint8), 3), "layers"),
    (lambda: classifier.show_filters(classifier.load_classifier(), size=0), "size"),
    (lambda: classifier.show_misclassified(np.zeros((2, 28, 28), np.uint8), [1, 2], [1]), "predicted"),
    (lambda: classifier.confusion_matrix([10], [1]), "labels"),
    (lambda: classifier.confusion_matrix([1.5], [1]), "labels"),
    (lambda: classifier.show_confusion(np.zeros((3, 3))), "matrix"),
    (lambda: classifier.load_classifier(3), "path"),
    (lambda: classifier.train_classifier(1, learning_rate=-1), "learning_rate"),
])
def test_more_bad_inputs_name_the_argument(call, name):
    assert_names(call, name)


def test_save_weights_refuses_a_missing_folder_and_other_models(tmp_path):
    model = classifier.build_classifier()
    assert_names(lambda: classifier.save_weights(model, tmp_path / "missing" / "c.weights.h5"), "path",
                 FileNotFoundError)                                           # was an h5py error
    assert_names(lambda: classifier.save_weights(None, tmp_path / "c.weights.h5"), "model")
    other = gc.keras.Sequential([gc.keras.Input((28, 28, 1)), gc.keras.layers.Flatten(), gc.keras.layers.Dense(10)])
    assert_names(lambda: classifier.save_weights(other, tmp_path / "c.weights.h5"), "model")
    assert not list(tmp_path.iterdir())
