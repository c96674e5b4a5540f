"""Class-aware GANs: the latent code of the course generator, the projection discriminator, the
conditional generator (``cdcgan``) and how the trainer feeds them labels."""
import numpy as np
import pytest

import gan_course as gc
from gan_course import data, keras, metrics, models, train


def _onehot_code(generator, z):
    """The generator's one-hot code for the latent vectors ``z`` (read from its own layers)."""
    sub = keras.Model(generator.inputs if len(generator.inputs) > 1 else generator.input,
                      generator.get_layer("code").output)
    return sub(z, training=False).numpy()


def test_the_latent_code_is_the_largest_of_the_first_ten_numbers():
    g = models.dcgan_generator(z_dim=16, kernel_size=4, classes=10)
    assert models.generator_classes(g) == 10 and models.generator_conditional(g) == 0
    z = np.random.default_rng(0).standard_normal((2000, 16)).astype(np.float32)
    code = _onehot_code(g, z)
    assert np.array_equal(code.argmax(1), z[:, :10].argmax(1))
    assert float(np.mean(code.max(1) > 0.99)) > 0.97       # one-hot, up to near ties
    shares = np.bincount(code.argmax(1), minlength=10) / len(z)
    assert shares.min() > 0.07 and shares.max() < 0.13      # each digit equally likely
    assert not g.get_layer("code_pick").trainable_weights   # the choice is fixed, not learned
    with pytest.raises(ValueError, match="classes"):
        models.dcgan_generator(z_dim=8, classes=10)


def test_projection_discriminator_reads_the_label_and_saves_as_plain_keras(tmp_path):
    d = models.dcgan_discriminator(kernel_size=3, classes=10, projection=10)
    assert models.discriminator_conditional(d) == 10 and models.discriminator_classes(d) == 10
    x = data.to_float(data.mnist_split("train")[0][:8])
    emb = d.get_layer("label_embedding")
    emb.embeddings.assign(np.random.default_rng(1).standard_normal(emb.embeddings.shape).astype(np.float32))
    a = d([x, np.zeros(8, np.int32)], training=False).numpy()
    b = d([x, np.full(8, 3, np.int32)], training=False).numpy()
    assert a.shape == (8, 11)
    assert np.abs(a[:, 0] - b[:, 0]).max() > 1e-3           # the real/fake logit depends on the label
    np.testing.assert_allclose(a[:, 1:], b[:, 1:])           # the class head does not
    d.save(tmp_path / "d.keras")
    again = keras.models.load_model(tmp_path / "d.keras")
    np.testing.assert_allclose(again([x, np.zeros(8, np.int32)], training=False).numpy(), a, atol=1e-6)
    with pytest.raises(ValueError, match="output"):
        models.dcgan_discriminator(projection=10, output="probability")


def test_conditional_generator_draws_the_requested_digit_slot(tmp_path):
    g = models.dcgan_generator(kernel_size=4, conditional=10)
    assert models.generator_conditional(g) == 10 and models.generator_classes(g) == 10
    z = np.random.default_rng(0).standard_normal((4, 100)).astype(np.float32)
    labels = np.array([0, 1, 2, 3], np.int32)
    code = _onehot_code(g, [z, labels])
    np.testing.assert_array_equal(code, np.eye(10, dtype=np.float32)[labels])
    g.save(tmp_path / "g.keras")
    again = keras.models.load_model(tmp_path / "g.keras")
    np.testing.assert_allclose(again([z, labels], training=False).numpy(), g([z, labels], training=False).numpy(),
                               atol=1e-6)
    # the evaluator asks a conditional generator for 0, 1, …, 9 in turn
    images = metrics.sample(g, 20, 0)
    assert images.shape == (20, 28, 28, 1)


def test_the_trainer_needs_the_labels_and_matching_classes():
    gc.seed_everything(0)
    x, y = data.mnist_split("train")
    for recipe in ("course", "cdcgan"):
        G, D = models.build_pair(recipe)
        gan = train.GAN(G, D, recipe=recipe, seed=0)
        assert gan.label_classes == 10
        with pytest.raises(ValueError, match="labels"):
            train.fit(gan, x[:128], 1, verbose=False)
        h = train.fit(gan, x[:128], 1, labels=y[:128], verbose=False)
        assert np.isfinite(h["d_loss"]).all() and np.isfinite(h["g_loss"]).all()
    G, _ = models.build_pair("course", g_classes=5)
    _, D = models.build_pair("course")
    with pytest.raises(ValueError, match="generator"):  # D is told 10 digits, G chooses among 5
        train.GAN(G, D, recipe="course")
    G, D = models.build_pair("course", g_classes=0, projection=10)
    with pytest.raises(ValueError, match="generator"):  # D is told a digit G never chose
        train.GAN(G, D, recipe="course")


def test_the_fixed_grid_shows_one_digit_per_row():
    G, D = models.build_pair("course")
    gan = train.GAN(G, D, recipe="course", seed=3)
    rows = gan.fixed_labels.numpy().reshape(10, 10)
    assert (rows == np.arange(10)[:, None]).all()
    z = gan.fixed_z.numpy()
    np.testing.assert_array_equal(z[:, :10].argmax(1), rows.ravel())
    # only a permutation of each vector's first ten numbers: still standard-normal noise
    raw = np.asarray(train.tf.random.Generator.from_seed(3 + 1_000_003).normal([100, 100]))
    np.testing.assert_allclose(np.sort(z[:, :10], 1), np.sort(raw[:, :10], 1))
    np.testing.assert_array_equal(z[:, 10:], raw[:, 10:])
    assert train.grid_labels(16, 10).tolist() == [0] * 4 + [2] * 4 + [5] * 4 + [7] * 4  # 4 rows: spread over 10
    assert train.grid_labels(100, 30).reshape(10, 10)[:, 0].tolist() == [0, 3, 6, 9, 12, 15, 18, 21, 24, 27]


def test_generated_digits_of_a_trained_code_follow_the_code():
    """After a short run D's class head names the digit the code chose more often than chance."""
    gc.seed_everything(0)
    x, y = data.mnist_split("train")
    G, D = models.build_pair("course")
    gan = train.GAN(G, D, recipe="course", seed=0)
    train.fit(gan, x[:1024], 3, labels=y[:1024], verbose=False)
    z = np.random.default_rng(5).standard_normal((500, 100)).astype(np.float32)
    fake = gan.sample(z)
    head = D([fake, z[:, :10].argmax(1).astype(np.int32)], training=False).numpy()[:, 1:]
    agree = float(np.mean(head.argmax(1) == z[:, :10].argmax(1)))
    assert agree > 0.3, agree  # chance is 0.1


def test_requested_digits_follow_the_code_or_the_label():
    g_code = models.dcgan_generator(kernel_size=4, classes=10)
    z = metrics.latent_batch(g_code, 50, 3)
    np.testing.assert_array_equal(metrics.requested_digits(g_code, 50, 3), z[:, :10].argmax(1))
    g_cond = models.dcgan_generator(kernel_size=4, conditional=10)
    assert metrics.requested_digits(g_cond, 12, 0).tolist() == [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1]
    assert metrics.requested_digits(models.dcgan_generator(kernel_size=4), 5, 0) is None
    x, y = data.mnist_split("held_out")
    real = data.to_float(x[:200])
    assert metrics.requested_share(real, y[:200]) > 0.95          # the classifier reads real digits
    assert metrics.requested_share(real, (y[:200] + 1) % 10) < 0.05  # and not the wrong ones


def test_concatenation_discriminator_sees_the_label_as_ten_channels(tmp_path):
    _, d = models.build_pair("cdcgan", projection=0, concat=10)
    assert models.discriminator_conditional(d) == 10 and models.discriminator_classes(d) == 10
    assert d.get_layer("down_0").count_params() == 3 * 3 * 11 * 64   # 1 image channel + 10 label channels
    x = data.to_float(data.mnist_split("train")[0][:4])
    y = np.array([0, 3, 7, 9], np.int32)
    inside = keras.Model(d.inputs, d.get_layer("image_label").output)(
        [x, y], training=False).numpy()
    np.testing.assert_array_equal(inside[..., 0], x[..., 0])
    np.testing.assert_array_equal(inside[..., 1:].argmax(-1), np.broadcast_to(y[:, None, None], (4, 28, 28)))
    assert np.all(inside[..., 1:].sum(-1) == 1.0)
    a = d([x, y], training=False).numpy()
    b = d([x, (y + 1) % 10], training=False).numpy()
    assert np.abs(a[:, 0] - b[:, 0]).max() > 1e-4                   # the label changes the verdict
    d.save(tmp_path / "d.keras")
    again = keras.models.load_model(tmp_path / "d.keras")
    np.testing.assert_allclose(again([x, y], training=False).numpy(), a, atol=1e-6)
    with pytest.raises(ValueError, match="concat"):
        models.dcgan_discriminator(concat=10, projection=10)


def test_the_trainer_feeds_a_concatenation_discriminator_its_labels(tmp_path):
    gc.setup("es", 0)
    images, labels = data.mnist_split("train")
    gan = train.GAN(*models.build_pair("cdcgan", projection=0, concat=10), recipe="cdcgan", seed=0)
    assert gan.conditional == 10
    history = train.fit(gan, images[:256], 1, labels=labels[:256], out=tmp_path / "run", verbose=False)
    assert history["epoch"] == [1] and np.isfinite(history["d_loss"][0])
    with pytest.raises(ValueError, match="labels"):
        train.fit(gan, images[:256], 2, out=tmp_path / "other", verbose=False)
