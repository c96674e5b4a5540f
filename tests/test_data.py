"""load_mnist (all sources, offline fallback), scaling, splits and tf.data pipelines."""
import numpy as np
import pytest
from student_errors import assert_names

from gan_course import data, i18n


def test_bundled_subset_shapes_and_classes():
    x, y = data.load_mnist("bundled")
    assert x.shape == (5000, 28, 28) and x.dtype == np.uint8
    assert y.shape == (5000,) and y.dtype == np.uint8
    assert np.bincount(y).tolist() == [500] * 10
    assert x.max() == 255 and x.min() == 0


def test_keras_source_uses_the_keras_loader(monkeypatch):
    fake = (np.zeros((7, 28, 28), np.uint8), np.arange(7, dtype=np.uint8))
    monkeypatch.delenv("GAN_COURSE_OFFLINE", raising=False)
    monkeypatch.setattr(data, "_load_keras_mnist", lambda: fake)
    x, y = data.load_mnist("keras")
    assert x.shape == (7, 28, 28) and y.tolist() == list(range(7))
    x, y = data.load_mnist("auto")
    assert len(x) == 7


def _offline_loader():
    raise Exception("URL fetch failure on https://example.invalid: Name or service not known")


def test_keras_source_raises_offline(monkeypatch):
    monkeypatch.delenv("GAN_COURSE_OFFLINE", raising=False)
    monkeypatch.setattr(data, "_load_keras_mnist", _offline_loader)
    with pytest.raises(Exception, match="URL fetch failure"):
        data.load_mnist("keras")


@pytest.mark.parametrize("lang,needle", [("es", "No se pudo descargar MNIST"), ("pt", "Não foi possível baixar")])
def test_auto_falls_back_with_one_line(monkeypatch, capsys, lang, needle):
    monkeypatch.delenv("GAN_COURSE_OFFLINE", raising=False)
    monkeypatch.setattr(data, "_load_keras_mnist", _offline_loader)
    with i18n.language(lang):
        x, _ = data.load_mnist("auto")
    out = capsys.readouterr().out
    assert len(x) == 5000
    assert out.count("\n") == 1 and needle in out and "5000" in out


def test_offline_switch_never_calls_keras(monkeypatch, capsys):
    monkeypatch.setenv("GAN_COURSE_OFFLINE", "1")
    monkeypatch.setattr(data, "_load_keras_mnist", lambda: pytest.fail("network touched"))
    x, _ = data.load_mnist("auto")
    assert len(x) == 5000 and "GAN_COURSE_OFFLINE" in capsys.readouterr().out


def test_bad_source_names_the_argument():
    with pytest.raises(ValueError, match="`source`.*'internet'"):
        data.load_mnist("internet")


def test_scaling_round_trip():
    x, _ = data.load_mnist("bundled")
    f = data.to_float(x[:10])
    assert f.shape == (10, 28, 28, 1) and f.dtype == np.float32
    assert f.min() == -1.0 and f.max() == 1.0
    np.testing.assert_array_equal(data.to_uint8(f)[..., 0], x[:10])
    with pytest.raises(ValueError, match="images"):
        data.to_uint8(np.full((2, 4, 4), 3.0))
    with pytest.raises(ValueError, match="images"):
        data.to_float(np.zeros((4, 4)))


def test_fixed_stratified_split():
    x, y = data.load_mnist("bundled")
    (xa, ya), (xb, yb) = data.shuffle_split(x, y, held_out=1000, seed=0)
    (xa2, _), (xb2, yb2) = data.shuffle_split(x, y, held_out=1000, seed=0)
    assert len(xa) == 4000 and len(xb) == 1000
    assert np.bincount(yb).tolist() == [100] * 10
    np.testing.assert_array_equal(xb, xb2)
    np.testing.assert_array_equal(xa, xa2)
    with pytest.raises(ValueError, match="held_out"):
        data.shuffle_split(x, y, held_out=1001)


def test_dataset_batches_have_a_fixed_shape():
    x, _ = data.load_mnist("bundled")
    ds = data.make_dataset(x[:300], batch_size=64, seed=1)
    shapes = [tuple(b.shape) for b in ds]
    assert shapes == [(64, 28, 28, 1)] * 4  # 300 // 64, last partial batch dropped
    first = next(iter(ds)).numpy()
    assert first.min() >= -1 and first.max() <= 1
    with pytest.raises(ValueError, match="batch_size"):
        data.make_dataset(x[:10], batch_size=64)


X20, Y20 = np.zeros((20, 2)), np.arange(20) % 2


@pytest.mark.parametrize("call,name", [
    (lambda: data.shuffle_split(X20, Y20[:10], held_out=2), "labels"),              # was an IndexError
    (lambda: data.shuffle_split(X20, np.zeros((20, 2)), held_out=2), "labels"),
    (lambda: data.shuffle_split(X20, Y20, held_out=3), "held_out"),                  # not a multiple of 2 classes
    (lambda: data.shuffle_split(X20, Y20, held_out=2.0), "held_out"),
    (lambda: data.shuffle_split(X20, np.r_[np.zeros(18), np.ones(2)], held_out=4), "held_out"),  # a whole class
    (lambda: data.shuffle_split(np.zeros((0, 2)), np.zeros(0), held_out=2), "images"),
    (lambda: data.shuffle_split(X20, Y20, held_out=2, seed=-1), "seed"),
    (lambda: data.to_float(np.full((2, 4, 4), np.nan, np.float32)), "images"),        # NaN used to pass
    (lambda: data.to_float(np.full((2, 4, 4), 200)), "images"),                       # ints are not uint8
    (lambda: data.to_float(np.zeros((0, 4, 4), np.uint8)), "images"),
    (lambda: data.to_float("abc"), "images"),
    (lambda: data.make_dataset(np.zeros((64, 28, 28), np.uint8), labels=np.arange(10)), "labels"),  # was TF's
    (lambda: data.make_dataset(np.zeros((64, 28, 28), np.uint8), labels=np.zeros((64, 2))), "labels"),
    (lambda: data.make_dataset(np.zeros((64, 28, 28), np.uint8), 65), "batch_size"),
    (lambda: data.make_dataset(np.zeros((64, 28, 28), np.uint8), seed=1.5), "seed"),
    (lambda: data.to_uint8("abc"), "images"),
    (lambda: data.shuffle_split(3, [1]), "images"),
])
def test_bad_inputs_name_the_argument(call, name):
    assert_names(call, name)


@pytest.mark.parametrize("limit", [-1, 0, 2.5, "2"])
def test_load_image_folder_refuses_a_bad_limit(tmp_path, limit):
    from PIL import Image

    for i in range(3):
        Image.new("RGB", (10, 10), (i, 0, 0)).save(tmp_path / f"{i}.png")
    assert len(data.load_image_folder(tmp_path, 8, limit=2)) == 2
    assert_names(lambda: data.load_image_folder(tmp_path, 8, limit=limit), "limit")   # -1 returned one image


def test_float_images_within_rounding_of_the_range_are_clipped():
    x = np.array([[[-1.0000001, 1.0000001]]], np.float32)
    f = data.to_float(x)
    assert f.dtype == np.float32 and f.shape == (1, 1, 2, 1) and f.min() == -1.0 and f.max() == 1.0
