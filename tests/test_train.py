"""Training: the step updates both networks without retracing; fit, checkpoints, resume, time budget."""
import json
import time

import numpy as np
import pytest

import gan_course as gc
from gan_course import data, gif, losses, models, runfolder, train

X, _ = data.load_mnist("bundled")
SMALL = X[::39][:128]  # 128 digits of every class: 2 steps per epoch at batch 64


class FakeClock:
    """``time.perf_counter`` for the trainer's time budget: each read moves it by ``step`` seconds and
    :meth:`jump` by more, so a budget runs out after the epoch a test chooses, however fast the machine."""

    def __init__(self, step):
        self.now, self.step = 1000.0, step

    def __call__(self):
        self.now += self.step
        return self.now

    def jump(self, seconds):
        self.now += seconds


@pytest.fixture
def clock(monkeypatch):
    def install(step=0.001):
        fake = FakeClock(step)
        monkeypatch.setattr(time, "perf_counter", fake)
        return fake
    return install


def _gan(seed=0, **kw):
    gc.seed_everything(seed)
    G, D = models.build_pair("plain")
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
    assert gan.step_function.experimental_get_tracing_count() == 1


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


def test_time_budget_scorer_and_tensorboard(tmp_path, capsys, clock):
    clock(step=1.0)  # a second per read: the 6 ms budget is spent within the first epoch
    calls = []

    def scorer(generator):
        calls.append(generator.name)
        return {"mean": float(np.mean(generator(np.zeros((2, 100), "float32"), training=False)))}

    h = train.fit(_gan(), SMALL, 5, out=tmp_path, minutes=1e-4, scorer=scorer, score_every=3,
                  tensorboard=True)
    assert h["epoch"] == [1] and h["stopped"] == "minutes"  # stops after the epoch it ran out in
    assert "--resume" in capsys.readouterr().out
    assert calls == ["generator"]  # epoch 1 is not a multiple of 3, but the last one is always scored
    assert len(gif.read_gif(tmp_path / "training.gif")[0]) == 1
    (events,) = (tmp_path / "logs").glob("events.out.tfevents.*")
    from gan_course import tf

    tags = {v.tag: v.metadata.plugin_data.plugin_name
            for e in tf.compat.v1.train.summary_iterator(str(events)) for v in e.summary.value}
    assert tags == {"J_D": "scalars", "J_G": "scalars", "J_G_plus_J_D": "scalars", "samples": "images",
                    "score/mean": "scalars"}  # the last epoch is scored
    h = train.fit(_gan(), SMALL, 3, out=tmp_path, resume=True, scorer=scorer, score_every=2, verbose=False)
    assert [s["epoch"] for s in h["scores"]] == [1, 2, 3] and len(calls) == 3
    assert [s["epoch"] for s in json.loads((tmp_path / "history.json").read_text())["scores"]] == [1, 2, 3]
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


def _stacked(n_batches, seed=5):
    rng = np.random.default_rng(seed)
    return data.to_float(X[rng.choice(len(X), n_batches * 32, replace=False)]).reshape(n_batches, 32, 28, 28, 1)


@pytest.mark.parametrize("options", [{}, {"r1_gamma": 0.5, "r1_every": 2, "ema_half_life": 500.0,
                                         "augment": "translate"}])
def test_several_steps_per_call_are_the_same_maths_as_one_step_per_call(options):
    """``train_steps`` (k steps, one tf.function call, one read) == k calls of ``train_step``."""
    batches = _stacked(5)
    one, many = _gan(3, **options), _gan(3, **options)
    if options.get("augment"):
        one.augment_p.assign(0.5)
        many.augment_p.assign(0.5)
    losses_one = [float(one.train_step(b)["d_loss"]) for b in batches]
    res = many.train_steps(batches)
    assert res["d_loss"].shape == (5,)
    np.testing.assert_allclose(res["d_loss"].numpy(), losses_one, rtol=1e-4, atol=1e-5)
    # The same maths in another graph: float sums in another order.  Adam's step is ≈ lr·sign(m/√v), so where
    # a gradient is ≈ 0 float noise can flip a step (lr = 5e-4): nearly every weight agrees to 1e-4, and none
    # differs by more than the 5 steps taken.
    for net in ("generator", "discriminator", "sampler"):
        for a, b in zip(getattr(one, net).get_weights(), getattr(many, net).get_weights()):
            close = np.isclose(a, b, rtol=1e-3, atol=1e-4)
            assert close.mean() > 0.995, (net, a.shape, close.mean())
            assert np.abs(a - b).max() <= 5 * 5e-4 + 1e-6, (net, a.shape)
    assert int(many.d_optimizer.iterations) == 5 and float(many.images_seen.numpy()) == 5 * 32
    many.train_steps(batches[:3])  # a shorter chunk (the end of an epoch) does not retrace
    assert many.steps_function.experimental_get_tracing_count() == 1


def _linear_pair():
    from gan_course import keras
    z = keras.Input((4,))
    g = keras.Model(z, keras.layers.Reshape((28, 28, 1))(keras.layers.Dense(784, activation="tanh")(z)))
    x = keras.Input((28, 28, 1))
    d = keras.Model(x, keras.layers.Dense(1)(keras.layers.Flatten()(x)))
    return g, d


def test_r1_penalty_equals_the_hand_computed_value():
    """For a linear D(x) = w·x + b, ∇x D = w for every image: the penalty is every·γ/2·‖w‖²."""
    g, d = _linear_pair()
    gan = train.GAN(g, d, r1_gamma=0.3, r1_every=4)
    penalty = gan._r1(tf_constant(_stacked(1)[0]))
    w = d.layers[-1].kernel.numpy()
    np.testing.assert_allclose(float(penalty), 4 * 0.3 / 2 * float(np.sum(w ** 2)), rtol=1e-5)


def tf_constant(x):
    from gan_course import tf
    return tf.constant(x)


def test_ema_half_life_ramps_up_with_the_images_seen():
    gan = _gan(0, ema_half_life=1e9, ema_rampup=0.05)
    batches = _stacked(1)
    gan.train_step(batches[0])  # 32 images seen: half-life 1.6 images, so the average is the generator itself
    for a, b in zip(gan.generator.get_weights(), gan.ema_generator.get_weights()):
        np.testing.assert_allclose(a, b, atol=1e-6)
    before = [w.numpy().copy() for w in gan.ema_generator.trainable_variables]
    gan.images_seen.assign(1e7)  # half-life 500,000 images: the average hardly moves
    gan.train_step(batches[0])
    for b, a, g in zip(before, gan.ema_generator.trainable_variables, gan.generator.trainable_variables):
        a, g = a.numpy(), g.numpy()
        beta = 0.5 ** (32 / 500_000.0)
        np.testing.assert_allclose(a, g + beta * (b - g), atol=1e-6)
    assert gan.sampler is gan.ema_generator


def test_adaptive_augmentation_follows_the_discriminators_confidence():
    from gan_course import tf
    gan = _gan(0, augment="translate", augment_target=0.6)
    sure = tf.fill([64, 1], 5.0)      # every real image gets a positive logit: E[sign] = 1 > 0.6
    for _ in range(10):
        gan._adapt_augment(sure, 64)
    np.testing.assert_allclose(float(gan.augment_p.numpy()), 640 / train.AUGMENT_SPEED_IMAGES, rtol=1e-5)
    unsure = tf.fill([64, 1], -5.0)
    for _ in range(20):
        gan._adapt_augment(unsure, 64)
    assert float(gan.augment_p.numpy()) == 0.0  # never below 0
    gan.augment_p.assign(1.0)
    shifted = gan.augment(tf.constant(data.to_float(SMALL[:16]))).numpy()
    assert shifted.shape == (16, 28, 28, 1) and shifted.min() >= -1 and shifted.max() <= 1
    moved = [not np.array_equal(a, b) for a, b in zip(shifted, data.to_float(SMALL[:16]))]
    assert sum(moved) >= 10  # most images moved (a shift of (0, 0) is possible)
    # a translation only moves pixels: every value of a shifted digit exists in the original or is the background
    for a, b in zip(shifted, data.to_float(SMALL[:16])):
        assert set(np.unique(a)) <= set(np.unique(b)) | {-1.0}


def test_a_time_budget_without_epochs_trains_until_time_is_up(clock):
    fake = clock()

    def after(epoch, gan, history):
        if epoch == 2:
            fake.jump(61.0)    # the minute is up during epoch 3

    h = train.fit(_gan(), SMALL, None, minutes=1, verbose=False, on_epoch=after)
    assert h["stopped"] == "minutes" and h["epoch"] == [1, 2, 3] and h["settings"]["epochs"] is None
    with pytest.raises(ValueError, match="epochs"):
        train.fit(_gan(), SMALL, None)


def test_bad_training_options_name_the_argument():
    G, D = models.build_pair("plain")
    for kw, name in (({"r1_gamma": -1}, "r1_gamma"), ({"augment": "flip"}, "augment"),
                     ({"ema_half_life": float("nan")}, "ema_half_life"), ({"beta_2": 1.0}, "beta_2"),
                     ({"r1_every": 0}, "r1_every"), ({"recipe": "nope"}, "recipe")):
        with pytest.raises(ValueError, match=name):
            train.GAN(G, D, **kw)
    with pytest.raises(TypeError, match="learning_rate"):
        train.GAN(G, D, learning_rate=1e-3)


def test_the_course_recipe_learns_the_digits_with_its_class_head():
    """D of the course recipe has 1 + 10 outputs; labels are required and D's class head learns them."""
    gc.seed_everything(0)
    G, D = models.build_pair("course")
    gan = train.GAN(G, D, recipe="course", seed=0)
    assert gan.classes == 10 and gan.ema_generator is not None and gan.sampler is gan.ema_generator
    x, y = data.mnist_split("train")
    with pytest.raises(ValueError, match="labels"):
        train.fit(gan, x[:256], 1, verbose=False)
    with pytest.raises(ValueError, match="labels"):
        train.fit(gan, x[:256], 1, labels=y[:256] + 10, verbose=False)
    # batch statistics (training=True): after 24 steps BN's moving averages still lag far behind
    digits = np.zeros(512, np.int32)  # the class head does not read the projection's digit
    logits = lambda: D([data.to_float(x[:512]), digits], training=True).numpy()[:, 1:]  # noqa: E731
    before = float(np.mean(logits().argmax(1) == y[:512]))
    train.fit(gan, x[:512], 3, labels=y[:512], verbose=False)
    after = float(np.mean(logits().argmax(1) == y[:512]))
    assert before < 0.3 and after > 0.6, (before, after)  # the head learned the digits it was shown
    ambiguous = losses.ambiguity(np.full((8, 10), 0.0, np.float32))  # every class equally likely, everywhere
    clear = losses.ambiguity(np.eye(10, dtype=np.float32)[:8] * 50)    # one sure class each, 8 classes
    assert float(ambiguous) == pytest.approx(0.0, abs=1e-5)           # H(each) = H(marginal) = log 10
    assert float(clear) == pytest.approx(-np.log(8), abs=1e-3)         # 0 − H(uniform over 8)


def test_a_bad_loss_is_reported_as_a_loss():
    G, D = models.build_pair("plain")
    for lang, word in (("es", "se esperaba"), ("pt", "esperava-se")):
        with gc.i18n.language(lang), pytest.raises(ValueError) as info:
            train.GAN(G, D, loss="l2")
        message = str(info.value)
        assert "`loss`" in message and "'l2'" in message and word in message, message
        assert "hinge" in message and "translate" not in message, message  # the loss families, not augment's


def test_the_training_gif_needs_the_samples_of_every_epoch(tmp_path):
    from student_errors import assert_names

    assert_names(lambda: train.write_training_gif(tmp_path, 2), "out", FileNotFoundError)  # no samples/ at all
    assert_names(lambda: train.write_training_gif(tmp_path / "nope", 1), "out", FileNotFoundError)
    assert_names(lambda: train.write_training_gif(tmp_path, 0), "epochs")
    (tmp_path / train.SAMPLES_FOLDER).mkdir()
    runfolder.write_png(train.sample_path(tmp_path, 1), np.zeros((8, 8), np.uint8))
    with gc.i18n.language("pt"), pytest.raises(FileNotFoundError, match="samples/epoch_002.png"):
        train.write_training_gif(tmp_path, 2)
    assert train.write_training_gif(tmp_path, 1).is_file()
