"""``python -m gan_course figures``: every committed figure is listed, deterministic and drawn by code
that no lesson imports."""
import numpy as np
import pytest
from student_errors import assert_names

from gan_course import figures, keras, transposed


def test_every_figure_is_listed_once():
    from gan_course import animate

    names = set(figures.all_figures())
    assert set(animate.FIGURES) <= names
    assert {"checkerboard.png", "gan1d.gif", "generator_losses_es.png", "generator_losses_pt.png"} <= names
    assert not hasattr(transposed, "FIGURES")  # lessons import transposed/objective/gan1d, not the writers


def test_checkerboard_maps_match_keras_layers():
    maps = figures.checkerboard_maps(4)
    assert list(maps) == ["$k=3,\\ s=2$", "$k=4,\\ s=2$", "$\\times 2 \\;+\\; k=3$"]
    ones = np.ones((1, 4, 4, 1), np.float32)
    layers = []
    for k in (3, 4):
        layer = keras.layers.Conv2DTranspose(1, k, strides=2, padding="same", use_bias=False)
        layer.build(ones.shape)
        layer.set_weights([np.ones((k, k, 1, 1), np.float32)])
        layers.append(layer(ones, training=False)[0, :, :, 0].numpy())
    up = keras.layers.UpSampling2D(2)(ones)
    resize = keras.layers.Conv2D(1, 3, padding="same", use_bias=False)
    resize.build(up.shape)
    resize.set_weights([np.ones((3, 3, 1, 1), np.float32)])
    layers.append(resize(up, training=False)[0, :, :, 0].numpy())
    for mine, theirs in zip(maps.values(), layers):
        assert mine.shape == (8, 8)
        np.testing.assert_allclose(mine, theirs, atol=1e-5)
    three, four, resized = maps.values()
    assert sorted(np.unique(three[1:-1, 1:-1])) == [1, 2, 4]
    assert np.all(four[1:-1, 1:-1] == 4) and np.all(resized[1:-1, 1:-1] == 9)


@pytest.mark.parametrize("name", ["checkerboard.png", "generator_losses_es.png", "generator_losses_pt.png"])
def test_png_figures_are_deterministic(tmp_path, name):
    writer = figures.all_figures()[name]
    a = writer(tmp_path / ("a_" + name)).read_bytes()
    b = writer(tmp_path / ("b_" + name)).read_bytes()
    assert a == b and a[:8] == b"\x89PNG\r\n\x1a\n"
    assert b"Software" not in a and b"matplotlib" not in a.lower()


def test_the_two_languages_give_two_different_pictures(tmp_path):
    es = figures.generator_losses_writer("es")(tmp_path / "es.png").read_bytes()
    pt = figures.generator_losses_writer("pt")(tmp_path / "pt.png").read_bytes()
    assert es != pt


def test_bad_choices_name_the_argument(tmp_path):
    assert_names(lambda: figures.make_figures(tmp_path, only="nothing"), "only")
    (tmp_path / "file").write_text("x")
    assert_names(lambda: figures.make_figures(tmp_path / "file"), "out")
    assert_names(lambda: figures.make_figures(3), "out")
