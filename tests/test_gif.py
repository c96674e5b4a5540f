"""Image grids and the GIF writer: frames, milliseconds, loop forever, uint8, bad inputs."""
import numpy as np
import pytest
from student_errors import assert_names

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


U8 = np.zeros((4, 8, 8), np.uint8)
FRAMES = [np.zeros((8, 8), np.uint8)] * 2


@pytest.mark.parametrize("call,name", [
    (lambda d: gif.image_grid(U8, pad=-1), "pad"),                 # was a NumPy broadcast error
    (lambda d: gif.image_grid(U8, pad=1.5), "pad"),
    (lambda d: gif.image_grid(U8, pad_value=300), "pad_value"),
    (lambda d: gif.image_grid(U8, ncols=0), "ncols"),
    (lambda d: gif.image_grid(np.zeros((0, 8, 8), np.uint8)), "images"),
    (lambda d: gif.image_grid(np.full((2, 8, 8), np.nan)), "images"),
    (lambda d: gif.image_grid("abc"), "images"),
    (lambda d: gif.upscale(np.ones(3), 2), "image"),
    (lambda d: gif.write_gif(d / "a.gif", FRAMES, loop=-1), "loop"),  # was Pillow's OverflowError
    (lambda d: gif.write_gif(d / "a.gif", FRAMES, loop=1.5), "loop"),
    (lambda d: gif.write_gif(d / "a.gif", FRAMES, duration_ms="fast"), "duration_ms"),
    (lambda d: gif.write_gif(d / "a.gif", FRAMES, duration_ms=[100] * 3), "duration_ms"),
    (lambda d: gif.write_gif(d / "a.gif", FRAMES, duration_ms=float("nan")), "duration_ms"),
    (lambda d: gif.write_gif(d / "a.gif", None), "frames"),
    (lambda d: gif.write_gif(d / "a.gif", [np.full((8, 8), np.nan)]), "frames[0]"),
    (lambda d: gif.write_gif(d / "a.gif", [np.full((8, 8), 255)]), "frames[0]"),
    (lambda d: gif.write_gif(d, FRAMES), "path"),
])
def test_bad_inputs_name_the_argument_and_write_nothing(tmp_path, call, name):
    assert_names(lambda: call(tmp_path), name)
    assert list(tmp_path.iterdir()) == []


def test_missing_files_are_file_not_found(tmp_path):
    (tmp_path / "bad.gif").write_bytes(b"not a gif")
    assert_names(lambda: gif.write_gif(None, FRAMES), "path", FileNotFoundError)
    assert_names(lambda: gif.read_gif(tmp_path / "missing.gif"), "path", FileNotFoundError)
    assert_names(lambda: gif.show_gif(tmp_path / "missing.gif"), "path", FileNotFoundError)
    assert_names(lambda: gif.read_gif(tmp_path / "bad.gif"), "path")


def test_a_bad_loop_leaves_no_traceback_behind(tmp_path):
    import subprocess
    import sys

    code = ("import numpy as np, sys; from gan_course import gif\n"
            "try:\n    gif.write_gif(sys.argv[1], [np.zeros((8, 8), np.uint8)] * 2, loop=-1)\n"
            "except ValueError:\n    pass\n")
    res = subprocess.run([sys.executable, "-c", code, str(tmp_path / "x.gif")], capture_output=True, text=True,
                         timeout=120)
    assert res.returncode == 0 and res.stderr == "", res.stderr
    assert list(tmp_path.iterdir()) == []
