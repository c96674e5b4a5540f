"""GANModel: Keras' fit with the course's step ends where the hand-written loop does; its run folder and resume."""
import json

import numpy as np
import pytest

import gan_course as gc
from gan_course import data, gif, keras, keras_gan, models, tf, train

X, _ = data.load_mnist("bundled")
BATCHES = data.to_float(X[::39][:128]).reshape(4, 32, 28, 28, 1)  # 4 batches of 32, every digit


def _pair(seed=0):
    gc.seed_everything(seed)
    return models.build_pair("plain")


def _model(seed=0, **compile_args):
    model = keras_gan.GANModel(*_pair(seed), seed=seed)
    model.compile(**compile_args)
    return model


def test_fit_ends_with_the_weights_of_the_hand_written_loop(tmp_path):
    loop = train.GAN(*_pair(), seed=0)
    loop_losses = [float(loop.train_step(b)["d_loss"]) for b in BATCHES]

    model = _model()
    callbacks, start = keras_gan.run_callbacks(model, tmp_path, batch_size=32, tensorboard=True)
    assert start == 0
    logs = model.fit(tf.data.Dataset.from_tensor_slices(BATCHES), epochs=1, verbose=0, shuffle=False,
                     callbacks=callbacks)
    # The same step code on the same weights, seed and batches, traced in another tf.function (Keras' own):
    # float32 sums may come in another order (~1e-7 relative), so after 4 Adam steps the weights agree to
    # ~1e-6 (measured ≤ 4e-7), far inside 1e-5; a single different step would move them by ~lr = 5e-4.
    for a, b in zip(loop.generator.get_weights() + loop.discriminator.get_weights(),
                    model.generator.get_weights() + model.discriminator.get_weights()):
        np.testing.assert_allclose(b, a, rtol=0, atol=1e-5)
    history = json.loads((tmp_path / "history.json").read_text())
    np.testing.assert_allclose(history["steps"]["d_loss"], loop_losses, rtol=0, atol=1e-5)
    np.testing.assert_allclose(logs.history["d_loss"], [np.mean(loop_losses)], rtol=0, atol=1e-5)  # epoch mean
    assert history["epoch"] == [1] and history["settings"]["trainer"] == "keras"
    assert history["settings"]["strategy"] == "default" and history["settings"]["replicas"] == 1
    for name in ("generator.keras", "training.gif", "losses.png", "samples/epoch_001.png",
                 "checkpoints/mnist_32_28_28/ckpt-1.index"):
        assert (tmp_path / name).is_file(), name
    (events,) = (tmp_path / "logs").glob("events.out.tfevents.*")  # TensorBoard without the tensorboard package
    tags = {v.tag for e in tf.compat.v1.train.summary_iterator(str(events)) for v in e.summary.value}
    assert {"J_D", "J_G", "samples"} <= tags

    with pytest.raises(FileExistsError):  # a finished run is continued only on purpose
        keras_gan.run_callbacks(_model(), tmp_path, batch_size=32)
    resumed = _model()  # a fresh process builds fresh objects
    callbacks, start = keras_gan.run_callbacks(resumed, tmp_path, batch_size=32, resume=True)
    assert start == 1
    for a, b in zip(model.generator.get_weights(), resumed.generator.get_weights()):
        np.testing.assert_array_equal(a, b)
    resumed.fit(tf.data.Dataset.from_tensor_slices(BATCHES), epochs=2, initial_epoch=start, verbose=0,
                shuffle=False, callbacks=callbacks)
    history = json.loads((tmp_path / "history.json").read_text())
    assert history["epoch"] == [1, 2] and len(history["steps"]["d_loss"]) == 8
    assert int(resumed.gan.d_optimizer.iterations) == 8
    assert len(gif.read_gif(tmp_path / "training.gif")[0]) == 2


def test_compile_takes_the_two_optimizers_and_refuses_anything_else():
    g_opt, d_opt = keras.optimizers.SGD(0.01), keras.optimizers.SGD(0.02)
    model = _model(g_optimizer=g_opt, d_optimizer=d_opt)
    assert model.gan.g_optimizer is g_opt and model.optimizer is d_opt
    with pytest.raises(ValueError, match="g_optimizer"):
        model.compile(g_optimizer="adam")
    with pytest.raises(ValueError, match="model"):
        keras_gan.run_callbacks(model.gan, "unused")
    z = np.zeros((3, 100), np.float32)
    assert model(z, training=False).shape == (3, 28, 28, 1)
