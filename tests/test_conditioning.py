"""Asking generators for digits (lesson 10): latent vectors that carry the digit, numbers, style grids."""
import matplotlib
import numpy as np
import pytest

from gan_course import conditioning, keras, models

matplotlib.use("Agg")


@pytest.fixture(scope="module")
def generators():
    keras.utils.set_random_seed(0)
    return {"conditional": models.build_pair("cdcgan")[0], "coded": models.build_pair("course")[0],
            "plain": models.build_pair("plain")[0]}


def test_a_coded_generator_gets_z_with_its_largest_number_at_the_digit(generators):
    digits = np.array([3, 7, 0, 9, 9])
    z, labels = conditioning.digit_latents(generators["coded"], digits, seed=4)
    assert labels is None and z.shape == (5, 100) and z.dtype == np.float32
    assert np.array_equal(z[:, :10].argmax(1), digits)
    fresh = np.random.default_rng(4).standard_normal((5, 100)).astype(np.float32)
    np.testing.assert_array_equal(np.sort(z, axis=1), np.sort(fresh, axis=1))   # the same numbers, only swapped
    np.testing.assert_array_equal(z[:, 10:], fresh[:, 10:])


def test_a_conditional_generator_gets_the_labels(generators):
    z, labels = conditioning.digit_latents(generators["conditional"], [1, 2, 3])
    assert np.array_equal(labels, [1, 2, 3]) and labels.dtype == np.int32


def test_draw_number_writes_one_digit_per_figure(generators):
    for g in (generators["conditional"], generators["coded"]):
        row = conditioning.draw_number(g, "2026", seed=1)
        assert row.shape == (28, 4 * 28) and row.dtype == np.uint8
        same = conditioning.draw_number(g, "2026", seed=1)
        np.testing.assert_array_equal(row, same)                      # seeded


def test_style_grid_keeps_z_along_a_row(generators):
    g = generators["conditional"]
    grid = conditioning.style_grid(g, styles=2, seed=0)
    assert grid.shape == (20, 28, 28, 1)
    z, labels = conditioning.digit_latents(g, np.tile(np.arange(10), 2),
                                           z=np.repeat(np.random.default_rng(0).standard_normal((2, 100)), 10, 0))
    np.testing.assert_allclose(grid, g([z, labels], training=False).numpy(), atol=1e-6)


@pytest.mark.parametrize("number", ["12a", "", 2026, "٣"])
def test_bad_numbers_are_named(generators, number):
    with pytest.raises(ValueError, match="number"):
        conditioning.draw_number(generators["conditional"], number)


def test_a_generator_that_cannot_choose_is_refused(generators):
    with pytest.raises(ValueError, match="generator"):
        conditioning.draw_number(generators["plain"], "1")
    with pytest.raises(ValueError, match="digits"):
        conditioning.digit_latents(generators["conditional"], [10])


def test_the_diagram_has_four_panels():
    fig = conditioning.plot_conditioning()
    assert len(fig.axes) == 4 and all(ax.get_title() for ax in fig.axes)
