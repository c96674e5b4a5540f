"""Reading real picture folders (every Pillow mode), the bundled emoji and the colour measurements."""
import hashlib
import warnings

import numpy as np
import pytest
from student_errors import assert_names

from gan_course import colour_metrics, data, i18n, images

GARBAGE = (130, 100, 80)   # what real emoji PNGs store under their fully transparent pixels


def _square_with_hole(size=16):
    """RGBA: a red 8×8 centre, fully transparent elsewhere with garbage colours under the alpha."""
    rgba = np.zeros((size, size, 4), np.uint8)
    rgba[..., :3] = np.random.default_rng(0).integers(0, 256, (size, size, 3))
    rgba[:4, :, :3] = GARBAGE
    c = slice(size // 4, size - size // 4)
    rgba[c, c] = (255, 0, 0, 255)
    return rgba


@pytest.fixture
def folder(tmp_path):
    """One file of every mode a real folder holds, named so that the sorted order is known."""
    from PIL import Image

    root = tmp_path / "pics"
    (root / "sub").mkdir(parents=True)
    Image.fromarray(_square_with_hole(), "RGBA").save(root / "a_rgba.png")
    la = np.zeros((16, 16, 2), np.uint8)
    la[..., 0] = 37                       # grey under alpha 0 everywhere but one opaque stripe
    la[:, 6:10] = (200, 255)
    Image.fromarray(la, "LA").save(root / "b_la.png")
    pal = Image.new("P", (16, 16), 0)
    pal.putpalette([*GARBAGE, 0, 0, 255, 10, 200, 10, 9, 9, 9] + [0] * (768 - 12))
    for x in range(4, 12):
        for y in range(4, 12):
            pal.putpixel((x, y), 1 if x < 8 else 2)
    pal.save(root / "c_palette.png", transparency=bytes([0, 255, 255, 128]))   # index 0 transparent, as bytes
    grey16 = np.zeros((16, 16), np.uint16)
    grey16[:, :8], grey16[:, 8:] = 65535, 32768
    Image.fromarray(grey16).save(root / "d_grey16.png")
    Image.new("CMYK", (16, 16), (0, 255, 255, 0)).save(root / "e_cmyk.jpg", quality=95)   # red in CMYK
    Image.new("L", (16, 16), 77).save(root / "f_grey.png")
    Image.new("RGB", (16, 16), (20, 120, 220)).save(root / "G_UPPER.JPG", quality=95)
    Image.new("1", (16, 16), 1).save(root / "sub" / "h_bitmap.PNG")
    (root / "notes.txt").write_text("not a picture: ignored")
    return root


ORDER = ["G_UPPER.JPG", "a_rgba.png", "b_la.png", "c_palette.png", "d_grey16.png", "e_cmyk.jpg", "f_grey.png",
         "sub/h_bitmap.PNG"]


def _load_quietly(*args, **kwargs):
    """load_image_folder with every warning turned into an error: none may reach a student."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return images.load_image_folder(*args, **kwargs)


def test_the_fixture_modes_are_the_real_ones(folder):
    """The fixture really holds the troublesome modes (and the palette file really warns when read naively)."""
    from PIL import Image

    modes = {}
    for name in ORDER:
        with Image.open(folder / name) as im:
            modes[name] = im.mode
    assert modes == {"G_UPPER.JPG": "RGB", "a_rgba.png": "RGBA", "b_la.png": "LA", "c_palette.png": "P",
                     "d_grey16.png": "I;16", "e_cmyk.jpg": "CMYK", "f_grey.png": "L", "sub/h_bitmap.PNG": "1"}
    with Image.open(folder / "c_palette.png") as im, pytest.warns(UserWarning, match="Palette images"):
        im.convert("RGB")
    with Image.open(folder / "a_rgba.png") as im:   # the naive conversion shows the garbage
        assert im.convert("RGB").getpixel((0, 0)) == GARBAGE


def test_every_mode_is_read_correctly(folder):
    x = _load_quietly(folder, 16)
    assert x.shape == (len(ORDER), 16, 16, 3) and x.dtype == np.uint8
    pic = dict(zip(ORDER, x))
    # transparent pixels: exactly the background colour, whatever the file stored under them
    np.testing.assert_array_equal(pic["a_rgba.png"][:4], 255)
    np.testing.assert_array_equal(pic["a_rgba.png"][8, 8], (255, 0, 0))
    np.testing.assert_array_equal(pic["b_la.png"][:, :5], 255)
    np.testing.assert_array_equal(pic["b_la.png"][8, 7:9], 200)
    np.testing.assert_array_equal(pic["c_palette.png"][:3], 255)
    np.testing.assert_array_equal(pic["c_palette.png"][8, 5], (0, 0, 255))
    np.testing.assert_array_equal(pic["c_palette.png"][8, 10], (10, 200, 10))
    # 16-bit grey: scaled, not clipped
    np.testing.assert_array_equal(pic["d_grey16.png"][:, :6], 255)
    np.testing.assert_array_equal(pic["d_grey16.png"][:, 10:], 128)
    # CMYK red and an RGB JPEG: close to their colour
    assert np.abs(pic["e_cmyk.jpg"].reshape(-1, 3).mean(0) - (255, 0, 0)).max() < 4
    assert np.abs(pic["G_UPPER.JPG"].reshape(-1, 3).mean(0) - (20, 120, 220)).max() < 4
    np.testing.assert_array_equal(pic["f_grey.png"], 77)
    np.testing.assert_array_equal(pic["sub/h_bitmap.PNG"], 255)


def test_transparency_is_composited_without_any_warning(folder):
    """The conversion itself warns about nothing (the loader's warning filter is only a safety net)."""
    from PIL import Image

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with Image.open(folder / "c_palette.png") as im:
            rgb = images._to_rgb(im, (1, 2, 3))
        keyed = Image.new("L", (4, 4), 100)
        keyed.info["transparency"] = 100                  # a grey PNG's tRNS colour key
        assert images._to_rgb(keyed, (1, 2, 3)).getpixel((0, 0)) == (1, 2, 3)
    assert rgb.mode == "RGB" and rgb.getpixel((0, 0)) == (1, 2, 3) and rgb.getpixel((5, 5)) == (0, 0, 255)


@pytest.mark.parametrize("dtype", [np.uint16, np.int32])   # I;16, and I (how older Pillow opens 16-bit PNGs)
def test_16_bit_grey_is_scaled_not_clipped(dtype):
    from PIL import Image

    samples = np.array([[0, 257, 32768, 65535]], dtype)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        grey = images._to_rgb(Image.fromarray(samples), (0, 0, 0))
    assert grey.mode == "L" and np.asarray(grey).tolist() == [[0, 1, 128, 255]]


def test_background_colour_and_grey_output(folder):
    for background, rgb in (("black", (0, 0, 0)), ("#10ab7f", (16, 171, 127)), ((1, 2, 3), (1, 2, 3)),
                            ([200, 0, 50], (200, 0, 50))):
        x = _load_quietly(folder, 16, background=background)
        np.testing.assert_array_equal(x[ORDER.index("a_rgba.png"), :4], np.broadcast_to(rgb, (4, 16, 3)))
    grey = _load_quietly(folder, 16, channels=1, background="black")
    assert grey.shape == (len(ORDER), 16, 16, 1)
    np.testing.assert_array_equal(grey[ORDER.index("a_rgba.png"), :4], 0)
    np.testing.assert_array_equal(grey[ORDER.index("d_grey16.png"), :, 10:], 128)
    np.testing.assert_array_equal(grey[ORDER.index("f_grey.png")], 77)


def test_crop_resize_and_limit(tmp_path):
    from PIL import Image

    stripes = np.zeros((20, 60, 3), np.uint8)
    stripes[:, :20, 0] = stripes[:, 20:40, 1] = stripes[:, 40:, 2] = 255   # red | green | blue
    Image.fromarray(stripes).save(tmp_path / "b.png")
    Image.fromarray(np.repeat(stripes[:, 20:40], 20, axis=0)).save(tmp_path / "c.png")   # 400×20, green
    x = _load_quietly(tmp_path, 8)
    np.testing.assert_array_equal(x[0].reshape(-1, 3).mean(0).round(), [0, 255, 0])
    np.testing.assert_array_equal(x[1], np.broadcast_to([0, 255, 0], (8, 8, 3)))
    assert len(_load_quietly(tmp_path, 8, limit=1)) == 1
    assert len(_load_quietly(tmp_path, 8, limit=5)) == 2


def test_exif_rotation_is_applied(tmp_path):
    from PIL import Image

    pixels = np.zeros((16, 32, 3), np.uint8)
    pixels[:, :16] = (255, 0, 0)                         # left half red, right half blue
    pixels[:, 16:] = (0, 0, 255)
    exif = Image.Exif()
    exif[0x0112] = 6                                     # "rotate 90° clockwise to display"
    Image.fromarray(pixels).save(tmp_path / "phone.jpg", quality=95, exif=exif)
    x = _load_quietly(tmp_path, 16)[0]
    assert x[:2].mean(axis=(0, 1))[0] > 200 and x[-2:].mean(axis=(0, 1))[2] > 200   # red on top now


def test_other_formats_and_hidden_files(tmp_path):
    from PIL import Image

    frames = [Image.new("P", (16, 16), i) for i in (1, 2)]
    for f in frames:
        f.putpalette([0, 0, 0, 250, 0, 0, 0, 250, 0] + [0] * (768 - 9))
    frames[0].save(tmp_path / "anim.gif", save_all=True, append_images=frames[1:])
    Image.new("RGB", (16, 16), (0, 0, 250)).save(tmp_path / "b.bmp")
    names = ["anim.gif", "b.bmp"]
    if ".webp" in images.IMAGE_EXTENSIONS:
        Image.new("RGB", (16, 16), (250, 250, 0)).save(tmp_path / "c.webp", lossless=True)
        names.append("c.webp")
    (tmp_path / ".ipynb_checkpoints").mkdir()
    (tmp_path / ".ipynb_checkpoints" / "old.png").write_bytes(b"junk")
    (tmp_path / "._b.png").write_bytes(b"\x00\x05\x16\x07 macOS resource fork")
    x = _load_quietly(tmp_path, 8)
    assert len(x) == len(names)
    np.testing.assert_array_equal(x[0], np.broadcast_to([250, 0, 0], (8, 8, 3)))   # the GIF's first frame
    np.testing.assert_array_equal(x[1], np.broadcast_to([0, 0, 250], (8, 8, 3)))


def test_an_unreadable_file_is_named_or_skipped(folder, capsys):
    from PIL import Image

    clean = _load_quietly(folder, 16)
    (folder / "0_broken.png").write_bytes(b"\x89PNG\r\n\x1a\n but nothing else")
    truncated = folder / "sub" / "y_truncated.jpg"
    Image.new("RGB", (64, 64), (1, 2, 3)).save(truncated)
    truncated.write_bytes(truncated.read_bytes()[:200])
    for lang, word in (("es", "se esperaba"), ("pt", "esperava-se")):
        with i18n.language(lang), pytest.raises(ValueError) as info:
            _load_quietly(folder, 16)
        assert "0_broken.png" in str(info.value) and word in str(info.value)   # the first one, by name
    with pytest.raises(ValueError, match="y_truncated"):
        _load_quietly(folder / "sub", 16)
    np.testing.assert_array_equal(_load_quietly(folder, 16, skip_unreadable=True), clean)
    line = capsys.readouterr().out
    assert line.count("\n") == 1 and "2" in line and "0_broken.png, sub/y_truncated.jpg" in line
    assert len(_load_quietly(folder, 16, skip_unreadable=True, limit=3)) == 3   # three readable pictures
    line = capsys.readouterr().out
    assert line.count("\n") == 1 and " 1 " in line and "0_broken.png" in line and "y_truncated" not in line


def test_a_folder_of_only_unreadable_files(tmp_path):
    (tmp_path / "a.png").write_bytes(b"nope")
    assert_names(lambda: images.load_image_folder(tmp_path, 8, skip_unreadable=True), "path")
    assert_names(lambda: images.load_image_folder(tmp_path / "missing", 8), "path", FileNotFoundError)
    empty = tmp_path / "empty"
    empty.mkdir()
    assert_names(lambda: images.load_image_folder(empty, 8), "path")


def test_progress_bar(tmp_path, capsys, monkeypatch):
    from PIL import Image

    for i in range(3):
        Image.new("RGB", (8, 8), (i, 0, 0)).save(tmp_path / f"{i}.png")
    images.load_image_folder(tmp_path, 8, progress=False)
    images.load_image_folder(tmp_path, 8)                 # auto: 3 files, no bar
    assert capsys.readouterr() == ("", "")
    images.load_image_folder(tmp_path, 8, progress=True)
    captured = capsys.readouterr()
    assert "Leyendo imágenes" in captured.out and "/3" in captured.out and captured.err == ""
    monkeypatch.setattr(images, "PROGRESS_OVER", 2)      # auto: a bar for folders of more files than that
    with i18n.language("pt"):
        images.load_image_folder(tmp_path, 8)
    assert "Lendo imagens" in capsys.readouterr().out


@pytest.mark.parametrize("kwargs, name", [
    ({"size": 4}, "size"), ({"size": 8.0}, "size"), ({"size": True}, "size"), ({"size": "32"}, "size"),
    ({"channels": 2}, "channels"), ({"channels": 3.0}, "channels"),
    ({"limit": 0}, "limit"), ({"limit": -1}, "limit"), ({"limit": 2.5}, "limit"), ({"limit": "2"}, "limit"),
    ({"background": "whiteish"}, "background"), ({"background": "#12345"}, "background"),
    ({"background": (0, 0, 256)}, "background"), ({"background": (0, 0)}, "background"),
    ({"background": None}, "background"), ({"background": (0.5, 0, 0)}, "background"),
    ({"skip_unreadable": "yes"}, "skip_unreadable"), ({"progress": 1}, "progress"),
])
def test_bad_arguments_name_themselves(tmp_path, kwargs, name):
    from PIL import Image

    Image.new("RGB", (8, 8)).save(tmp_path / "a.png")
    kwargs = {"size": 8, **kwargs}
    assert_names(lambda: images.load_image_folder(tmp_path, **kwargs), name)


def test_the_data_module_alias_keeps_working(folder):
    np.testing.assert_array_equal(data.load_image_folder(folder, 16), _load_quietly(folder, 16))
    assert data.load_image_folder(folder, 8, channels=1, limit=2).shape == (2, 8, 8, 1)


# --- the bundled emoji ------------------------------------------------------------------------------------

def test_the_emoji_file_is_the_documented_one():
    from importlib import resources

    with resources.as_file(resources.files("gan_course") / "assets" / images.EMOJI_FILE) as path:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert digest == "bcbf209174b202c15c75c4c0907316949bb240c5649d8f7fbcb30bb6822867b8"


def test_emoji_categories():
    cats = images.emoji_categories()
    assert list(cats) == sorted(cats) and len(cats) == 10
    assert sum(cats.values()) == 3786
    assert cats["People & Body"] == 2261 and cats["Flags"] == 270 and cats["Smileys & Emotion"] == 169


def test_load_emoji_shapes_labels_and_filter():
    big, labels = images.load_emoji(64, with_labels=True)
    assert big.shape == (3786, 64, 64, 3) and big.dtype == np.uint8 and big.flags.c_contiguous
    assert labels.shape == (3786,) and labels.dtype == np.uint8
    names = list(images.emoji_categories())
    assert np.bincount(labels).tolist() == list(images.emoji_categories().values())
    assert (big[:, 0, 0] == 255).all(axis=-1).mean() > 0.9        # composited on white: corners are white
    smileys = images.load_emoji(64, ["Smileys & Emotion"])
    np.testing.assert_array_equal(smileys, big[labels == names.index("Smileys & Emotion")])
    two, two_labels = images.load_emoji(32, ["Flags", "Food & Drink"], with_labels=True)
    assert two.shape == (270 + 131, 32, 32, 3)
    assert set(two_labels.tolist()) == {names.index("Flags"), names.index("Food & Drink")}
    assert len(images.load_emoji(32, "Flags")) == 270                # one name on its own is fine too


def test_emoji_32_is_the_box_average_of_64():
    big = images.load_emoji(64, ["Animals & Nature"])
    small = images.load_emoji(32, ["Animals & Nature"])
    assert small.shape == (len(big), 32, 32, 3) and small.dtype == np.uint8
    box = big.reshape(len(big), 32, 2, 32, 2, 3).mean(axis=(2, 4))
    assert np.abs(small - box).max() <= 0.5


@pytest.mark.parametrize("call, name", [
    (lambda: images.load_emoji(28), "size"),
    (lambda: images.load_emoji(32.0), "size"),
    (lambda: images.load_emoji(32, ["Smileys"]), "categories"),
    (lambda: images.load_emoji(32, []), "categories"),
    (lambda: images.load_emoji(32, 3), "categories"),
])
def test_emoji_bad_arguments(call, name):
    assert_names(call, name)


def test_an_unknown_category_lists_the_valid_ones():
    with pytest.raises(ValueError) as info:
        images.load_emoji(32, ["smileys & emotion"])
    assert "'Smileys & Emotion'" in str(info.value) and "'Travel & Places'" in str(info.value)


# --- colour measurements ----------------------------------------------------------------------------------

def _smooth(n=8, size=32, seed=0):
    """Smooth colour images: a random mix of broad sine waves, uint8."""
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[:size, :size] / size
    out = np.empty((n, size, size, 3))
    for i in range(n):
        for c in range(3):
            fy, fx, phase = rng.uniform(0.5, 2, 3)
            out[i, ..., c] = 128 + 60 * np.sin(2 * np.pi * (fy * yy + fx * xx) + phase)
    return np.rint(out).astype(np.uint8)


def test_checkerboard_ratio():
    real = _smooth(seed=0)
    assert colour_metrics.checkerboard_ratio(real, real) == 1.0
    other = _smooth(seed=1)
    assert 0.2 < colour_metrics.checkerboard_ratio(other, real) < 5
    board = np.indices((32, 32)).sum(axis=0) % 2 * 2 - 1                     # ±1, flips every pixel
    textured = np.clip(real.astype(int) + 20 * board[None, :, :, None], 0, 255).astype(np.uint8)
    assert colour_metrics.checkerboard_ratio(textured, real) > 20
    assert colour_metrics.checkerboard_ratio(real, textured) < 0.05
    as_float = real / 127.5 - 1                                            # [-1, 1] floats measure the same
    assert colour_metrics.checkerboard_ratio(as_float, real) == pytest.approx(1.0)
    flat = np.full((2, 8, 8, 3), 128, np.uint8)
    assert colour_metrics.checkerboard_ratio(flat, flat) == 1.0
    assert colour_metrics.checkerboard_ratio(flat + (board[:8, :8, None] > 0), flat) == float("inf")


def test_background_share():
    pics = np.full((4, 16, 16, 3), 255, np.uint8)
    pics[:, 4:12, 4:12] = (200, 30, 30)
    assert colour_metrics.background_share(pics) == 1.0
    assert colour_metrics.background_share(pics - 10) == 1.0              # within the tolerance
    assert colour_metrics.background_share(pics - 10, tol=5) == 0.0
    assert colour_metrics.background_share(pics, border=5) < 1.0
    garbage = pics.copy()
    garbage[:2, :, :4] = GARBAGE                                          # half the images: left band brown
    assert colour_metrics.background_share(garbage) == pytest.approx(1 - 0.5 * (16 + 3 * 2) / 60)
    assert colour_metrics.background_share(np.zeros((2, 8, 8), np.uint8), "black") == 1.0
    assert colour_metrics.background_share(pics / 127.5 - 1, "#ffffff") == 1.0


def test_colourfulness():
    cf = colour_metrics.colourfulness
    grey = np.repeat(_smooth()[..., :1], 3, axis=-1)
    assert cf(grey) == 0.0
    assert cf(grey[..., :1]) == 0.0
    red = np.zeros((2, 8, 8, 3), np.uint8)
    red[..., 0] = 255
    assert cf(red) == pytest.approx(0.3 * np.hypot(255, 127.5))
    assert cf(_smooth()) > 20
    emoji = images.load_emoji(32, ["Food & Drink"])
    assert cf(emoji) > cf(emoji.mean(axis=-1, keepdims=True).astype(np.uint8))


@pytest.mark.parametrize("call, name", [
    (lambda: colour_metrics.checkerboard_ratio(np.zeros((2, 8, 8, 3), np.uint8), np.zeros((2, 16, 16, 3))),
     "generated"),
    (lambda: colour_metrics.checkerboard_ratio(np.zeros((2, 8, 8, 3)), "abc"), "real"),
    (lambda: colour_metrics.checkerboard_ratio(np.full((2, 8, 8, 3), 2.0), np.zeros((2, 8, 8, 3))), "generated"),
    (lambda: colour_metrics.background_share(np.zeros((2, 8, 8, 4), np.uint8)), "images"),
    (lambda: colour_metrics.background_share(np.zeros((2, 8, 8, 3), np.uint8), "nocolour"), "colour"),
    (lambda: colour_metrics.background_share(np.zeros((2, 8, 8, 3), np.uint8), tol=-1), "tol"),
    (lambda: colour_metrics.background_share(np.zeros((2, 8, 8, 3), np.uint8), border=5), "border"),
    (lambda: colour_metrics.colourfulness(np.full((2, 8, 8, 3), np.nan)), "images"),
    (lambda: colour_metrics.colourfulness(np.zeros((0, 8, 8, 3), np.uint8)), "images"),
])
def test_colour_metrics_bad_arguments(call, name):
    assert_names(call, name)
