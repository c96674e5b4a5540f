"""Both loops write the same run folder: train.fit and GANModel.fit with keras_gan.run_callbacks."""
import json
import pathlib

import numpy as np
import pytest

import gan_course as gc
from gan_course import data, gif, keras_gan, models, runfolder, tf, train

X, _ = data.load_mnist("bundled")
IMAGES = X[::61][:64]  # 64 digits: one batch per epoch, so both loops see the same images in each step
EPOCHS = 2


def _pair():
    gc.seed_everything(0)
    return models.build_pair("plain")


def _files(folder: pathlib.Path) -> list[str]:
    """Every file of a run folder, relative; TensorBoard's event files (named by time and host) as one name."""
    names = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    return sorted("logs/events" if n.startswith("logs/") else n for n in names)


@pytest.fixture(scope="module")
def folders(tmp_path_factory):
    a, b = tmp_path_factory.mktemp("fit"), tmp_path_factory.mktemp("keras")
    gan = train.GAN(*_pair(), seed=0)
    train.fit(gan, IMAGES, EPOCHS, batch_size=64, out=a, tensorboard=True, verbose=False)

    model = keras_gan.GANModel(*_pair(), seed=0)
    model.compile()
    callbacks, start = keras_gan.run_callbacks(model, b, batch_size=64, tensorboard=True)
    batches = tf.data.Dataset.from_tensor_slices(data.to_float(IMAGES)).batch(64)
    model.fit(batches, epochs=EPOCHS, initial_epoch=start, verbose=0, shuffle=False, callbacks=callbacks)
    return a, b


def test_both_loops_write_the_same_files(folders):
    a, b = folders
    assert _files(a) == _files(b)
    for name in ("history.json", "training.gif", "losses.png", "generator.keras", "logs/events",
                 "checkpoints/mnist_64_28_28/checkpoint", f"samples/epoch_{EPOCHS:03d}.png"):
        assert name in _files(a), name
    assert len(list((a / runfolder.SAMPLES_FOLDER).glob("*.png"))) == EPOCHS
    assert len(gif.read_gif(a / runfolder.GIF_FILE)[0]) == len(gif.read_gif(b / runfolder.GIF_FILE)[0]) == EPOCHS
    assert runfolder.latest_checkpoint(a).endswith(f"ckpt-{EPOCHS}")
    assert runfolder.latest_checkpoint(b).endswith(f"ckpt-{EPOCHS}")


def test_both_histories_have_one_schema_and_the_same_losses(folders):
    ha, hb = (json.loads((f / runfolder.HISTORY_FILE).read_text()) for f in folders)
    assert set(ha) == set(hb) == set(runfolder.empty_history())
    assert ha["epoch"] == hb["epoch"] == list(range(1, EPOCHS + 1))
    assert ha["stopped"] == hb["stopped"] == "epochs"
    assert ha["steps_per_epoch"] == hb["steps_per_epoch"] == 1
    for key in runfolder.EPOCH_KEYS:
        assert len(ha[key]) == len(hb[key]) == EPOCHS, key
    # the same step on the same weights, seed and batches, traced in two tf.functions: float32 rounding only
    for key in ("d_loss", "g_loss", "total", "d_real", "d_fake", "augment_p"):
        np.testing.assert_allclose(hb[key], ha[key], rtol=0, atol=1e-4, err_msg=key)
    for key in ("d_loss", "g_loss"):
        np.testing.assert_allclose(hb["steps"][key], ha["steps"][key], rtol=0, atol=1e-4, err_msg=key)
    common = set(ha["settings"]) & set(hb["settings"])
    assert set(train.GAN(*_pair(), seed=0).settings) | {"batch_size", "dataset", "epochs"} <= common
    assert {k: ha["settings"][k] for k in common} == {k: hb["settings"][k] for k in common}


def test_both_loops_refuse_a_folder_that_holds_a_run(folders):
    a, b = folders
    for out in (a, b):
        with pytest.raises(FileExistsError):
            train.fit(train.GAN(*_pair(), seed=0), IMAGES, 1, batch_size=64, out=out, verbose=False)
        model = keras_gan.GANModel(*_pair(), seed=0)
        model.compile()
        with pytest.raises(FileExistsError):
            keras_gan.run_callbacks(model, out, batch_size=64)
