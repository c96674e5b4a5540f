"""Image grids and the GIF writer: frames, milliseconds, loop forever, uint8, bad inputs."""
import numpy as np
import pytest

from gan_course import gif, i18n


def _frames(n=4, size=20):
    rng = np.random.default_rng(0)
    return [rng.uniform(-1, 1, (size, size)).astype(np.float32) for _ in range(n)]


def test_grid_from_float_and_uint8():
    batch = np.linspace(-1, 1, 6 * 5 * 4, dtype=np.float32).reshape(6, 5, 4, 1)
    g = gif.image_grid(batch, ncols=3, pad=1)
    assert g.dtype == np.uint8 and g.shape == (2 * 6 + 1, 3 * 5 + 1)
    assert g.max() == 255
    rgb = gif.image_grid(np.zeros((5, 8, 8, 3), np.uint8))
    assert rgb.shape == (2 * 10 + 2, 3 * 10 + 2, 3)
    with pytest.raises(ValueError, match="images"):
        gif.image_grid(np.zeros((2, 8, 8, 2)))


def test_write_gif_frames_duration_loop(tmp_path):
    from PIL import Image

    path = gif.write_gif(tmp_path / "a.gif", _frames(5), duration_ms=250)
    frames, durations = gif.read_gif(path)
    assert len(frames) == 5 and frames.dtype == np.uint8
    assert durations == [250] * 5
    with Image.open(path) as im:
        assert im.info.get("loop") == 0


def test_float_frames_are_not_written_black(tmp_path):
    frames = [np.full((8, 8), v, np.float32) for v in (-1.0, 0.0, 1.0)]
    got, _ = gif.read_gif(gif.write_gif(tmp_path / "b.gif", frames, duration_ms=100))
    means = [f.mean() for f in got]
    assert means[0] < 5 and 120 < means[1] < 135 and means[2] > 250


def test_per_frame_durations_and_channel_axis(tmp_path):
    frames = [f[..., None] for f in _frames(3)]
    _, d = gif.read_gif(gif.write_gif(tmp_path / "c.gif", frames, duration_ms=[100, 200, 300]))
    assert d == [100, 200, 300]


@pytest.mark.parametrize("frames,match", [
    ([], "frames"),
    ([np.zeros((8, 8), np.uint8), np.zeros((9, 8), np.uint8)], r"frames\[1\]"),
    ([np.zeros((2, 8, 8, 1), np.uint8)], r"frames\[0\]"),
    ([np.full((8, 8), 5.0)], r"frames\[0\]"),
])
def test_bad_frames_raise_and_write_nothing(tmp_path, frames, match):
    with pytest.raises(ValueError, match=match):
        gif.write_gif(tmp_path / "bad.gif", frames)
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_and_bad_duration(tmp_path):
    with pytest.raises(FileNotFoundError, match="path"):
        gif.write_gif(tmp_path / "nope" / "x.gif", _frames(2))
    with pytest.raises(ValueError, match="duration_ms"):
        gif.write_gif(tmp_path / "x.gif", _frames(2), duration_ms=0.5)  # seconds by mistake
    assert list(tmp_path.iterdir()) == []


def test_errors_in_portuguese(tmp_path):
    with i18n.language("pt"):
        with pytest.raises(ValueError, match="pelo menos um quadro"):
            gif.write_gif(tmp_path / "x.gif", [])


def test_upscale():
    img = np.arange(4, dtype=np.uint8).reshape(2, 2)
    assert gif.upscale(img, 3).shape == (6, 6)
