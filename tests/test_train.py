"""Training: the step updates both networks without retracing; fit, checkpoints, resume, time budget."""
import json

import numpy as np
import pytest

import gan_course as gc
from gan_course import data, gif, models, train

X, _ = data.load_mnist("bundled")
SMALL = X[::39][:128]  # 128 digits of every class: 2 steps per epoch at batch 64


def _gan(seed=0, **kw):
    gc.seed_everything(seed)
    G, D = models.build_pair("course")
    return train.GAN(G, D, seed=seed, **kw)


def test_one_step_changes_both_networks_and_never_retraces():
    gan = _gan()
    g0 = [w.copy() for w in gan.generator.get_weights()]
    d0 = [w.copy() for w in gan.discriminator.get_weights()]
    batch = data.to_float(SMALL[:64])
    res = gan.train_step(batch)
    assert set(res) == {"d_loss", "g_loss", "d_real", "d_fake"}
    assert np.isfinite(float(res["d_loss"])) and np.isfinite(float(res["g_loss"]))
    assert 0 < float(res["d_real"]) < 1 and 0 < float(res["d_fake"]) < 1
    for before, after in ((g0, gan.generator.get_weights()), (d0, gan.discriminator.get_weights())):
        kernels = [(b, a) for b, a in zip(before, after) if b.ndim > 1]
        assert kernels and all(not np.allclose(b, a) for b, a in kernels)
    assert int(gan.g_optimizer.iterations) == int(gan.d_optimizer.iterations) == 1
    gan.train_step(batch[:32])  # another batch size: the noise follows the batch, no new trace
    gan.train_step(batch)
    assert gan.train_step.experimental_get_tracing_count() == 1


def test_generator_steps_per_discriminator_step():
    gan = _gan(g_steps=2)
    gan.train_step(data.to_float(SMALL[:64]))
    assert int(gan.d_optimizer.iterations) == 1 and int(gan.g_optimizer.iterations) == 2


def test_fit_without_folder_returns_the_history():
    gan = _gan()
    seen = []
    h = train.fit(gan, SMALL, 2, verbose=False, on_epoch=lambda e, g, hist: seen.append((e, g.grid().shape)))
    assert h["epoch"] == [1, 2] and h["stopped"] == "epochs" and "out" not in h
    assert seen == [(1, (302, 302)), (2, (302, 302))]  # the fixed 10×10 latent grid, every epoch
    assert len(h["steps"]["g_loss"]) == 2 * h["steps_per_epoch"] == 4
    np.testing.assert_allclose(h["total"], np.add(h["g_loss"], h["d_loss"]))
    assert int(gan.epoch.numpy()) == 2
    with pytest.raises(ValueError, match="epochs"):
        train.fit(gan, SMALL, 0)
    with pytest.raises(ValueError, match="minutes"):
        train.fit(gan, SMALL, 1, minutes=-1)
    with pytest.raises(ValueError, match="images"):
        train.fit(gan, np.zeros((8, 32, 32, 3), np.uint8), 1)
    with pytest.raises(ValueError, match="batch_size"):
        train.fit(gan, SMALL, 1, batch_size=1000)


def test_resume_continues_at_the_next_epoch_with_the_same_state(tmp_path, capsys):
    straight = _gan()
    train.fit(straight, SMALL, 4, out=tmp_path / "a", verbose=False)

    first = _gan()
    train.fit(first, SMALL, 2, out=tmp_path / "b", verbose=False)  # "interrupted" after 2 epochs
    saved_adam = [v.numpy().copy() for v in first.d_optimizer.variables]
    assert len(list(tmp_path.glob("b/checkpoints/mnist_64_28_28/ckpt-2.index"))) == 1

    resumed = _gan()  # a fresh process would build fresh objects
    with pytest.raises(FileExistsError):
        train.fit(resumed, SMALL, 4, out=tmp_path / "b", verbose=False)  # not without resume=True
    train.latest_checkpoint(tmp_path / "b")
    resumed.checkpoint().restore(train.latest_checkpoint(tmp_path / "b")).assert_existing_objects_matched()
    for a, b in zip(saved_adam, [v.numpy() for v in resumed.d_optimizer.variables]):
        np.testing.assert_array_equal(a, b)  # both optimizers' moments and step counters come back
    resumed = _gan()
    h = train.fit(resumed, SMALL, 4, out=tmp_path / "b", resume=True)
    assert "3" in capsys.readouterr().out
    assert h["epoch"] == [1, 2, 3, 4]
    assert int(resumed.g_optimizer.iterations) == 4 * h["steps_per_epoch"]
    # same data order, noise and optimizer state: the resumed run ends where the straight one does
    for a, b in zip(straight.generator.get_weights(), resumed.generator.get_weights()):
        np.testing.assert_allclose(a, b, atol=1e-5)
    frames, durations = gif.read_gif(tmp_path / "b" / "training.gif")
    assert len(frames) == 4 and durations[0] == 400 and durations[-1] == 1600
    saved = json.loads((tmp_path / "b" / "history.json").read_text())
    assert saved["epoch"] == [1, 2, 3, 4] and len(saved["steps"]["d_loss"]) == 8


def test_resume_needs_a_checkpoint(tmp_path):
    with pytest.raises(FileNotFoundError, match="out"):
        train.fit(_gan(), SMALL, 2, out=tmp_path, resume=True)
    assert not any(tmp_path.iterdir())


def test_time_budget_scorer_and_tensorboard(tmp_path, capsys):
    calls = []

    def scorer(generator):
        calls.append(generator.name)
        return {"mean": float(np.mean(generator(np.zeros((2, 100), "float32"), training=False)))}

    h = train.fit(_gan(), SMALL, 5, out=tmp_path, minutes=1e-4, scorer=scorer, score_every=3,
                  tensorboard=True)
    assert h["epoch"] == [1] and h["stopped"] == "minutes"  # stops after the epoch it ran out in
    assert "--resume" in capsys.readouterr().out
    assert calls == []  # epoch 1 is neither a multiple of 3 nor the last
    assert len(gif.read_gif(tmp_path / "training.gif")[0]) == 1
    (events,) = (tmp_path / "logs").glob("events.out.tfevents.*")
    from gan_course import tf

    tags = {v.tag: v.metadata.plugin_data.plugin_name
            for e in tf.compat.v1.train.summary_iterator(str(events)) for v in e.summary.value}
    assert tags == {"J_D": "scalars", "J_G": "scalars", "J_G_plus_J_D": "scalars", "samples": "images"}
    h = train.fit(_gan(), SMALL, 3, out=tmp_path, resume=True, scorer=scorer, score_every=2, verbose=False)
    assert [s["epoch"] for s in h["scores"]] == [2, 3] and len(calls) == 2
    assert json.loads((tmp_path / "history.json").read_text())["scores"][0]["epoch"] == 2
    for name in ("generator.keras", "losses.png", "training.gif", "samples/epoch_003.png"):
        assert (tmp_path / name).is_file(), name


def test_interrupting_keeps_the_finished_epochs(tmp_path):
    def interrupt_at_2(generator):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        train.fit(_gan(), SMALL, 4, out=tmp_path, scorer=interrupt_at_2, score_every=2, verbose=False)
    saved = json.loads((tmp_path / "history.json").read_text())
    assert saved["epoch"] == [1] and saved["stopped"] == "interrupted"
    assert len(gif.read_gif(tmp_path / "training.gif")[0]) == 1
    h = train.fit(_gan(), SMALL, 2, out=tmp_path, resume=True, verbose=False)
    assert h["epoch"] == [1, 2]
