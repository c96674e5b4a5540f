"""gan_course.plots: class histograms, digits per class, the figure helpers, bad inputs."""
import matplotlib
import numpy as np
import pytest
from student_errors import assert_names

from gan_course import i18n, plots

matplotlib.use("Agg")


def test_class_histogram_counts_and_shares_in_both_languages():
    import matplotlib.pyplot as plt

    labels = [0, 1, 1, 9, 9, 9]
    for lang, axis in (("es", "número de imágenes"), ("pt", "número de imagens")):
        with i18n.language(lang):
            _, ax = plt.subplots()
            counts = plots.class_histogram(labels, ax=ax)
        assert counts.tolist() == [1, 2, 0, 0, 0, 0, 0, 0, 0, 3] and ax.get_ylabel() == axis
    shares = plots.class_histogram(np.array(labels, np.float32), share=True, reference=0.1)
    np.testing.assert_allclose(shares, np.bincount(labels, minlength=10) / 6)
    plt.close("all")


def test_digits_per_class_picks_each_class_in_order():
    labels = np.repeat(np.arange(10), 3)
    images = np.repeat(np.arange(30, dtype=np.uint8)[:, None, None], 4, axis=1).repeat(4, axis=2)
    chosen = plots.digits_per_class(images, labels, per_class=2, seed=1)
    assert chosen.shape == (20, 4, 4)
    assert [int(img[0, 0]) // 3 for img in chosen] == [c for c in range(10) for _ in range(2)]


def test_the_png_writer_gives_the_same_bytes_twice(tmp_path):
    def draw():
        fig = plots.agg_figure((2, 2))
        fig.add_subplot(1, 1, 1).plot([0, 1], [1, 0])
        return fig

    a = plots.save_png(draw(), tmp_path / "a.png").read_bytes()
    b = plots.save_png(draw(), tmp_path / "b.png").read_bytes()
    assert a == b and a[:4] == b"\x89PNG" and b"matplotlib" not in a.lower()


U8 = np.zeros((10, 8, 8), np.uint8)


@pytest.mark.parametrize("call,name", [
    (lambda: plots.class_histogram(np.full((5, 10), 0.1)), "labels"),      # probabilities: was "object too deep"
    (lambda: plots.class_histogram([3, 12]), "labels"),                    # the 12 was silently dropped
    (lambda: plots.class_histogram([-1, 2]), "labels"),
    (lambda: plots.class_histogram([0.3, 0.7]), "labels"),
    (lambda: plots.class_histogram([]), "labels"),
    (lambda: plots.class_histogram(["a"]), "labels"),
    (lambda: plots.class_histogram([1, 2], reference=[0.5, 0.5]), "reference"),
    (lambda: plots.digits_per_class(U8, [0, 1]), "labels"),
    (lambda: plots.digits_per_class(U8, np.arange(10), per_class=2), "per_class"),
    (lambda: plots.digits_per_class(U8, np.arange(10), per_class=0), "per_class"),
    (lambda: plots.show_images(U8, ncols=-1), "ncols"),
    (lambda: plots.show_images(U8, size=-1), "size"),
])
def test_bad_inputs_name_the_argument(call, name):
    assert_names(call, name)
