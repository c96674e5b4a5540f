"""gan_course.animate: the table, the numbers each animation shows (from gan_course.conv), deterministic GIFs."""
import pathlib

import numpy as np
import pytest
from student_errors import assert_names

from gan_course import animate, conv, figures, gif, i18n

ROOT = pathlib.Path(__file__).resolve().parents[1]
REQUIRED = ["conv_no_padding.gif", "conv_same_padding.gif", "conv_full_padding.gif", "conv_stride2.gif",
            "conv_stride2_padding.gif", "max_pool.gif", "avg_pool.gif", "transposed_stride1.gif",
            "transposed_stride2.gif", "dilation.gif", "conv_digit.gif", "conv_numbers.gif"]


def test_table_rows_are_animations_and_figures():
    names = [row[0] for row in animate.TABLE]
    assert len(names) == len(set(names))
    assert set(REQUIRED) <= set(names)
    assert set(animate.FIGURES) == set(names)
    assert set(names) <= set(figures.all_figures())
    for name, anim in animate.ANIMATIONS.items():
        assert anim.kind in animate.KINDS and name.endswith(".gif")
    assert any(a.numbers for a in animate.ANIMATIONS.values())
    assert any(not a.numbers for a in animate.ANIMATIONS.values())


@pytest.mark.parametrize("name", [n for n, a in animate.ANIMATIONS.items() if a.kind in ("conv", "digit")])
def test_convolution_plans_show_conv2d(name):
    anim = animate.ANIMATIONS[name]
    pl = animate.plan(anim)
    x, kernel = pl["x"], pl["kernel"]
    expected = conv.conv2d(x, kernel, stride=anim.s, padding=anim.p, dilation=anim.d)
    o = conv.conv_output_size(anim.i, anim.k, anim.s, anim.p, anim.d)
    np.testing.assert_array_equal(pl["result"], expected)
    assert expected.shape == (o, o) and len(pl["steps"]) == o * o
    np.testing.assert_array_equal(pl["canvas"], conv.pad2d(x, anim.p))
    for n, step in enumerate(pl["steps"]):
        r, c = step["out"]
        assert (r, c) == divmod(n, o)
        assert np.sum(~np.isnan(step["shown"])) == n + 1           # one more output pixel per frame
        assert step["shown"][r, c] == expected[r, c]
        # the kernel covers k×k taps starting at (r·s, c·s), d apart, inside the padded input
        taps = np.array(step["taps"])
        assert taps.shape == (anim.k * anim.k, 2)
        assert tuple(taps[0]) == (r * anim.s, c * anim.s)
        assert tuple(taps[-1]) == (r * anim.s + (anim.k - 1) * anim.d, c * anim.s + (anim.k - 1) * anim.d)
        window = np.array([pl["canvas"][a, b] for a, b in step["taps"]])
        assert np.isclose(window @ kernel.ravel(), expected[r, c])
    np.testing.assert_array_equal(pl["steps"][-1]["shown"], expected)


def test_numeric_convolution_is_the_guides_example():
    pl = animate.plan(animate.ANIMATIONS["conv_numbers.gif"])
    assert pl["result"].astype(int).tolist() == [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


def test_digit_is_a_bundled_three_scaled_to_unit_range():
    from gan_course.data import load_bundled_mnist

    images, labels = load_bundled_mnist()
    pl = animate.plan(animate.ANIMATIONS["conv_digit.gif"])
    first_three = images[np.flatnonzero(labels == 3)[0]]
    np.testing.assert_allclose(pl["x"], first_three / 255.0)
    assert pl["result"].shape == (14, 14)       # stride 2, padding 1: half the size, like Keras 'same'


@pytest.mark.parametrize("name,pool", [("max_pool.gif", conv.max_pool2d), ("avg_pool.gif", conv.avg_pool2d)])
def test_pooling_plans_show_conv_pooling(name, pool):
    anim = animate.ANIMATIONS[name]
    pl = animate.plan(anim)
    expected = pool(pl["x"], anim.k, anim.s)
    np.testing.assert_array_equal(pl["result"], expected)
    assert len(pl["steps"]) == conv.pool_output_size(anim.i, anim.k, anim.s) ** 2
    reduce = np.max if name == "max_pool.gif" else np.mean
    for step in pl["steps"]:
        window = [pl["x"][a, b] for a, b in step["taps"]]
        assert np.isclose(reduce(window), expected[step["out"]])


@pytest.mark.parametrize("name", [n for n, a in animate.ANIMATIONS.items() if a.kind == "transposed"])
def test_transposed_plans_are_the_equivalent_convolution(name):
    anim = animate.ANIMATIONS[name]
    pl = animate.plan(anim)
    expected = conv.conv_transpose2d(pl["x"], np.ones((anim.k, anim.k)), stride=anim.s, padding=anim.p)
    np.testing.assert_allclose(pl["result"], expected)
    o = conv.transposed_output_size(anim.i, anim.k, anim.s, anim.p)
    assert expected.shape == (o, o) and len(pl["steps"]) == o * o
    # the canvas holds the input pixels s apart, k - p - 1 cells from the border, zeros elsewhere
    q = anim.k - anim.p - 1
    assert pl["canvas"].shape == (anim.s * (anim.i - 1) + 1 + 2 * q,) * 2
    np.testing.assert_array_equal(pl["canvas"][pl["real"]], pl["x"].ravel())
    assert np.all(pl["canvas"][~pl["real"]] == 0)
    for step in pl["steps"]:
        window = np.array([pl["canvas"][a, b] for a, b in step["taps"]])
        assert np.isclose(window @ pl["kernel"].ravel(), expected[step["out"]])


@pytest.mark.parametrize("name", [n for n, a in animate.ANIMATIONS.items() if a.kind == "scatter"])
def test_scatter_plans_add_one_kernel_copy_per_frame(name):
    anim = animate.ANIMATIONS[name]
    pl = animate.plan(anim)
    x, k, s, p = pl["x"], pl["kernel"], anim.s, anim.p
    np.testing.assert_allclose(pl["result"], conv.conv_transpose2d(x, k, stride=s, padding=p))
    running = np.zeros_like(pl["canvas"])
    for step in pl["steps"]:
        r, c = step["out"]
        running[r * s: r * s + anim.k, c * s: c * s + anim.k] += x[r, c] * k
        shown = step["shown"]
        np.testing.assert_allclose(np.nan_to_num(shown), running)
        assert np.all(np.isnan(shown) == (running == 0))
    n = pl["canvas"].shape[0]
    np.testing.assert_allclose(running[p: n - p, p: n - p], pl["result"])


def test_frames_have_one_shape_and_the_last_frame_lasts_longer():
    images, durations = animate.frames("conv_stride2.gif")
    anim = animate.ANIMATIONS["conv_stride2.gif"]
    assert len(images) == len(durations) == 2 * 2 + 1
    assert {im.shape for im in images} == {images[0].shape} and images[0].dtype == np.uint8
    assert durations[:-1] == [anim.ms] * 4 and durations[-1] == 4 * anim.ms
    assert not np.array_equal(images[0], images[1])


def test_shared_palette_keeps_flat_colours_and_still_pixels():
    images, _ = animate.frames("conv_stride2_padding.gif")
    mapped = animate.shared_palette(images)
    stack = np.stack(mapped)
    assert len(np.unique(stack.reshape(-1, 3), axis=0)) <= 256
    assert tuple(stack[0, 0, 0]) == (255, 255, 255)                    # background stays white
    same = np.all(images[0] == images[1], axis=2)
    assert np.array_equal(stack[0][same], stack[1][same])              # unchanged pixels stay identical
    assert np.abs(stack.astype(int) - np.stack(images).astype(int)).mean() < 2


def test_writing_twice_gives_the_same_bytes(tmp_path):
    a = animate.write("conv_stride2_padding.gif", tmp_path / "a.gif")
    b = animate.write("conv_stride2_padding.gif", tmp_path / "b.gif")
    assert a.read_bytes() == b.read_bytes()
    frames, durations = gif.read_gif(a)
    assert len(frames) == 3 * 3 + 1 and durations[-1] == 4 * animate.ANIMATIONS["conv_stride2_padding.gif"].ms
    assert a.stat().st_size < 1e6


def test_figures_command_writes_only_the_chosen_one(tmp_path, capsys):
    written = figures.make_figures(tmp_path, only="transposed_numbers")
    assert [p.name for p in written] == ["transposed_numbers.gif"]
    assert "transposed_numbers.gif" in capsys.readouterr().out


@pytest.mark.parametrize("name", sorted(animate.FIGURES))
def test_committed_gifs_exist_and_are_small(name):
    path = ROOT / "figures" / name
    assert path.exists(), f"run `python -m gan_course figures` ({name} is missing)"
    assert path.stat().st_size < 1e6
    frames, _ = gif.read_gif(path)
    assert len(frames) == len(animate.plan(animate.ANIMATIONS[name])["steps"]) + 1


def test_bad_arguments_name_themselves():
    with pytest.raises(ValueError, match="kind"):
        animate.plan(animate.Anim("deconv", 4, 3))
    with pytest.raises(ValueError, match="anim"):
        animate.frames("nope.gif")
    with pytest.raises(ValueError, match="k"):
        animate.plan(animate.Anim("conv", 2, 5))           # the kernel does not fit
    with i18n.language("pt"):
        with pytest.raises(ValueError, match="um de 'conv'"):
            animate.plan(animate.Anim("deconv", 4, 3))


@pytest.mark.parametrize("call,name", [
    (lambda: animate.plan(animate.Anim("conv", 4, 3, s=0)), "s"),
    (lambda: animate.plan(animate.Anim("conv", 4, 3, ms=0)), "ms"),
    (lambda: animate.plan(animate.Anim("digit", 30, 3)), "i"),
    (lambda: animate.plan(42), "anim"),
    (lambda: animate.frames("nope.gif"), "anim"),
])
def test_more_bad_animations_name_the_argument(call, name):
    assert_names(call, name)


def test_plan_accepts_a_file_name_of_the_table():
    assert animate.plan("conv_stride2.gif")["result"].shape == (2, 2)
