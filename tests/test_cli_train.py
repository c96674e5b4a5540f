"""``python -m gan_course train``: the run folder, resume, image folders and bad inputs (in-process)."""
import json
import os
import subprocess
import sys

import numpy as np
import pytest

from gan_course import gif, i18n
from gan_course.__main__ import main


@pytest.fixture(autouse=True)
def _spanish_in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with i18n.language("es"):
        yield


def test_no_arguments_trains_the_default_into_a_new_run_folder(tmp_path, capsys):
    assert main(["train"]) == 0
    out = capsys.readouterr().out
    runs = list((tmp_path / "runs").iterdir())
    assert len(runs) == 1 and runs[0].name.startswith("course-mnist-")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["runs"]  # nothing in the working folder itself
    run = runs[0]
    for name in ("generator.keras", "training.gif", "losses.png", "history.json", "samples/epoch_001.png",
                 "checkpoints/mnist_64_28_28/checkpoint"):
        assert (run / name).is_file(), name
    frames, durations = gif.read_gif(run / "training.gif")
    history = json.loads((run / "history.json").read_text())
    assert len(frames) == len(history["epoch"]) == 2  # quick mode: 2 epochs, one frame each
    assert durations == [400, 1600]
    assert str(run.relative_to(tmp_path)) in out and "training.gif" in out and "generator.keras" in out
    assert history["settings"]["cli"]["recipe"] == "course"

    # the generator loads with plain Keras, in a process that never imports gan_course
    code = ("import sys, keras; m = keras.models.load_model(sys.argv[1]); "
            "assert 'gan_course' not in sys.modules; print(m.input_shape, m.output_shape)")
    env = {**os.environ, "PYTHONPATH": ""}
    res = subprocess.run([sys.executable, "-c", code, str(run / "generator.keras")], capture_output=True,
                         text=True, cwd=tmp_path, env=env, timeout=120)
    assert res.returncode == 0, res.stderr
    assert "(None, 100) (None, 28, 28, 1)" in res.stdout


def test_resume_trains_the_remaining_epochs(tmp_path, capsys):
    assert main(["train", "--epochs", "2", "--seed", "3", "--score-every", "1"]) == 0
    (out,) = (tmp_path / "runs").iterdir()
    scores = json.loads((out / "history.json").read_text())["scores"]
    assert [s["epoch"] for s in scores] == [1, 2] and {"inception_score", "frechet_distance"} <= set(scores[0])
    assert main(["train", "--resume", "--epochs", "3"]) == 0  # the latest run under runs/
    capsys.readouterr()
    assert main(["train", "--out", str(out), "--resume", "--epochs", "4"]) == 0  # or the one named
    text = capsys.readouterr().out.lower()
    assert "época 4/4" in text and "época 3/" not in text and "época 1/" not in text
    history = json.loads((out / "history.json").read_text())
    assert history["epoch"] == [1, 2, 3, 4] and history["settings"]["cli"]["seed"] == 3
    assert len(gif.read_gif(out / "training.gif")[0]) == 4
    assert len(list((tmp_path / "runs").iterdir())) == 1
    assert main(["train", "--out", str(out), "--resume", "--recipe", "dcgan"]) == 2  # not the run's recipe
    assert "course" in capsys.readouterr().err


def _bad(args, capsys, *expected):
    assert main(["train", *args]) == 2
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert "Traceback" not in captured.err
    for text in expected:
        assert text in lines[0], lines[0]
    return lines[0]


def test_bad_inputs_give_one_line_and_write_nothing(tmp_path, capsys):
    empty = tmp_path / "empty"
    empty.mkdir()
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "a.png").write_bytes(b"not an image at all")
    _bad(["--data", str(tmp_path / "missing")], capsys, "error:", "--data", "missing")
    _bad(["--data", str(empty)], capsys, "error:", "`path`", ".png")
    _bad(["--data", str(broken)], capsys, "error:", "a.png")
    _bad(["--epochs", "0"], capsys, "`--epochs`", "0")
    _bad(["--epochs", "dos"], capsys, "`--epochs`", "dos")
    _bad(["--minutes", "-1"], capsys, "`--minutes`", "-1")
    _bad(["--recipe", "gan9000"], capsys, "`--recipe`", "gan9000", "course", "selfcond")
    _bad(["--model", "gan9000"], capsys, "`--recipe`", "gan9000")  # --model: the same option, older name
    _bad(["--resume"], capsys, "`--resume`", "runs")
    _bad(["--resume", "--out", str(empty)], capsys, "`--out`")
    _bad(["--label-smoothing", "0.7"], capsys, "`--label-smoothing`")
    _bad(["--loss", "lsgan"], capsys, "`--loss`", "wgan-gp")
    _bad(["--background", "not-a-colour"], capsys, "`--background`")
    _bad(["--categories", "Flags"], capsys, "`--categories`", "emoji")
    _bad(["--data", "emoji", "--categories", "Dragons"], capsys, "`--categories`", "Flags")
    _bad(["--data", str(empty), "--score-every", "1"], capsys, "`--score-every`")
    line = _bad(["--lang", "pt", "--epochs", "0"], capsys, "erro:", "esperava-se")
    assert "épocas" in line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken", "empty"]  # no runs/, nothing half-written
    assert list(empty.iterdir()) == []


def test_an_image_folder_trains_the_rgb_dcgan(tmp_path, capsys):
    from PIL import Image

    folder = tmp_path / "pictures"
    (folder / "sub").mkdir(parents=True)
    rng = np.random.default_rng(0)
    for i in range(12):  # any size, PNG and JPEG, colour and grey, in sub-folders too
        h, w = rng.integers(20, 60, size=2)
        mode = "L" if i % 4 == 0 else "RGB"
        pixels = rng.integers(0, 255, size=(h, w) if mode == "L" else (h, w, 3), dtype=np.uint8)
        name = folder / ("sub" if i % 3 == 0 else "") / f"img{i}.{'jpg' if i % 2 else 'png'}"
        Image.fromarray(pixels, mode).save(name)
    out = tmp_path / "run"
    assert main(["train", "--data", str(folder), "--image-size", "16", "--batch-size", "4", "--epochs", "1",
                 "--out", str(out)]) == 0
    assert "12 imágenes de 16×16×3" in capsys.readouterr().out
    history = json.loads((out / "history.json").read_text())
    assert history["settings"]["cli"]["recipe"] == "colour-selfcond"  # a folder: no labels
    assert history["settings"]["image_shape"] == [16, 16, 3]
    assert history["settings"]["class_count"] == 0  # 12 pictures: too few for groups, trained unconditionally
    assert (out / "checkpoints" / "pictures_4_16_16").is_dir()
    frames, _ = gif.read_gif(out / "training.gif")
    assert frames.shape[0] == 1 and frames.shape[-1] == 3


def test_load_image_folder_crops_the_centre_and_resizes(tmp_path):
    from PIL import Image

    from gan_course import data

    stripes = np.zeros((20, 60, 3), np.uint8)
    stripes[:, :20, 0] = stripes[:, 20:40, 1] = stripes[:, 40:, 2] = 255  # red | green | blue
    Image.fromarray(stripes).save(tmp_path / "b.png")
    Image.fromarray(stripes[:, :20]).save(tmp_path / "a.jpg", quality=95)
    (tmp_path / "notes.txt").write_text("not a picture: ignored")
    x = data.load_image_folder(tmp_path, 8)
    assert x.shape == (2, 8, 8, 3) and x.dtype == np.uint8
    assert x[0, ..., 0].min() > 200 and x[0, ..., 1].max() < 60  # a.jpg: red
    np.testing.assert_array_equal(x[1].reshape(-1, 3).mean(0).round(), [0, 255, 0])  # b.png: centre = green
    assert data.load_image_folder(tmp_path, 8, channels=1).shape == (2, 8, 8, 1)
    with pytest.raises(FileNotFoundError, match="path"):
        data.load_image_folder(tmp_path / "nope", 8)
    with pytest.raises(ValueError, match="size"):
        data.load_image_folder(tmp_path, 4)


def test_the_default_run_never_sees_a_held_out_digit(tmp_path, monkeypatch):
    """The train command trains on the training split; the 1,000 held-out digits stay apart for evaluation."""
    from gan_course import config, data, train

    seen = {}

    def fake_fit(gan, images, epochs, **kw):
        seen["images"], seen["epochs"], seen["minutes"] = images, epochs, kw["minutes"]
        raise SystemExit(0)

    monkeypatch.setattr(train, "fit", fake_fit)
    monkeypatch.setattr(config, "quick", lambda: False)  # the full data set, as a student gets it
    with pytest.raises(SystemExit):
        main(["train"])
    held, _ = data.mnist_split("held_out")
    images = seen["images"]
    assert len(images) == 4000
    flat = {bytes(im) for im in images.reshape(len(images), -1)}
    assert not any(bytes(h) in flat for h in held.reshape(len(held), -1))
    assert seen["epochs"] is None and seen["minutes"] == 3.0  # no arguments: three minutes, however many epochs
    with pytest.raises(SystemExit):
        main(["train", "--minutes", "15"])
    assert seen["epochs"] is None and seen["minutes"] == 15.0  # a budget means what it says
    with pytest.raises(SystemExit):
        main(["train", "--epochs", "7"])
    assert seen["epochs"] == 7 and seen["minutes"] is None


def test_a_folder_of_grey_digits_keeps_their_size_and_trains_without_labels(tmp_path, capsys):
    import imageio.v3 as iio

    from gan_course import data

    x, _ = data.mnist_split("train")
    folder = tmp_path / "digits"
    folder.mkdir()
    for i, image in enumerate(x[:300]):
        iio.imwrite(folder / f"{i:03d}.png", image.reshape(28, 28))
    out = tmp_path / "run"
    assert main(["train", "--data", str(folder), "--epochs", "1", "--out", str(out)]) == 0
    text = capsys.readouterr().out
    assert "256 imágenes de 28×28×1" in text and "Receta selfcond" in text  # quick mode: 256 of the 300
    settings = json.loads((out / "history.json").read_text())["settings"]
    assert settings["cli"]["recipe"] == "selfcond" and settings["image_shape"] == [28, 28, 1]
    assert settings["class_count"] == 2  # 256 pictures: 2 groups of at least 100
