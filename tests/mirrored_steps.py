"""Run by tests/test_distribute.py in a fresh process (logical CPU devices exist only if made before TF starts).

Trains the plain pair for two steps on one device and on ``GAN_COURSE_CPU_DEVICES`` replicas, from the same
weights, seed and global batches, with the hand-written step and with ``GANModel.fit``; prints one JSON line.
"""
import json
import sys

import numpy as np

from gan_course import distribute

strategy = distribute.make_strategy("mirrored")  # first: before anything starts TensorFlow

import gan_course as gc  # noqa: E402
from gan_course import data, keras_gan, models, tf, train  # noqa: E402

X = data.to_float(data.load_mnist("bundled")[0][::39][:64]).reshape(2, 32, 28, 28, 1)  # 2 global batches of 32


def build(strategy, sync=True, keras_model=False):
    gc.seed_everything(0)
    with distribute.scope(strategy):
        G, D = models.build_pair("plain")
        if sync and strategy is not None:
            distribute.synchronize_batch_norm(G, D)
        if not keras_model:
            return train.GAN(G, D, seed=0)
        model = keras_gan.GANModel(G, D, seed=0)
        model.compile()
        return model


def weights(gan):
    return gan.generator.get_weights() + gan.discriminator.get_weights()


def keras_losses(model):
    seen = []
    log = keras.callbacks.LambdaCallback(on_train_batch_end=lambda b, logs: seen.append(float(logs["d_loss"])))
    model.fit(tf.data.Dataset.from_tensor_slices(X), epochs=1, verbose=0, shuffle=False, callbacks=[log])
    return seen


keras = gc.keras
one = build(None)
one_losses = one.train_steps(X)
two = build(strategy)
two_losses = two.train_steps(X)
loose = build(strategy, sync=False)  # batch norm per replica: not the maths of one device
loose_d = float(loose.train_step(X[0])["d_loss"])
model = build(strategy, keras_model=True)
fit_losses = keras_losses(model)
print(json.dumps({
    "replicas": two.replicas, "strategy": two.settings["strategy"], "model_replicas": model.gan.replicas,
    "one": {k: v.numpy().tolist() for k, v in one_losses.items()},
    "two": {k: v.numpy().tolist() for k, v in two_losses.items()},
    "unsynchronised_d_loss": loose_d, "fit_d_loss": fit_losses,
    "weights": max(float(np.abs(a - b).max()) for a, b in zip(weights(one), weights(two))),
    "fit_weights": max(float(np.abs(a - b).max()) for a, b in zip(weights(one), weights(model.gan))),
}))
sys.stdout.flush()
