"""Model families: shapes, parameter counts, DCGAN rules, BN switch, logits vs sigmoid, reset_weights."""
import numpy as np
import pytest

from gan_course import i18n, keras, models


def _layers(model, kind):
    return [layer for layer in model.layers if isinstance(layer, kind)]


def test_course_pair_shapes_and_parameter_counts():
    G, D = models.build_pair("course")
    assert G.input_shape == (None, 100) and G.output_shape == (None, 28, 28, 1)   # noise only
    assert [tuple(x.shape) for x in D.inputs] == [(None, 28, 28, 1), (None,)]    # image and digit
    assert D.output_shape == (None, 11)  # real/fake logit + 10 classes
    assert models.discriminator_classes(D) == 10 and models.discriminator_conditional(D) == 10
    assert models.generator_classes(G) == 10 and models.generator_conditional(G) == 0
    # half the filters of lesson 06 (width 32): code: fixed Dense 100→10 (not trainable); Dense (100 + 10)→7·7·64
    # (no bias) + BN(64) + ConvT 4×4 64→32 (no bias) + BN(32) + ConvT 4×4 32→1 (+bias)
    assert G.count_params() == (100 * 10 + 110 * 7 * 7 * 64 + 4 * 64 + 4 * 4 * 64 * 32 + 4 * 32
                                + 4 * 4 * 32 + 1)
    assert sum(int(np.prod(w.shape)) for w in G.non_trainable_weights) == 100 * 10 + 2 * 64 + 2 * 32
    # Conv 3×3 1→32 + Conv 3×3 32→64 + BN(64), no conv bias; then on φ(x) (7·7·64): the real/fake Dense (+bias),
    # one embedding row per digit (projection) and the class head (+bias)
    phi = 7 * 7 * 64
    assert D.count_params() == (3 * 3 * 32 + 3 * 3 * 32 * 64 + 4 * 64 + (phi + 1) + 10 * phi + (phi * 10 + 10))
    widths = [layer.output.shape for layer in G.layers if layer.name in ("reshape", "up_1", "image")]
    assert [tuple(w[1:]) for w in widths] == [(7, 7, 64), (14, 14, 32), (28, 28, 1)]
    assert [layer.filters for layer in _layers(D, keras.layers.Conv2D)] == [32, 64]
    assert all(layer.kernel_size == (4, 4) and layer.strides == (2, 2)
               for layer in _layers(G, keras.layers.Conv2DTranspose))
    assert all(layer.kernel_size == (3, 3) and layer.strides == (2, 2) for layer in _layers(D, keras.layers.Conv2D))
    plain_g, plain_d = models.build_pair("plain")
    wide_g, _ = models.build_pair("course", width=64)              # the course's code on lesson 06's widths
    assert plain_g.count_params() == wide_g.count_params() - 100 * 10 - 10 * 7 * 7 * 128  # no code
    assert plain_d.output_shape == (None, 1)
    assert models.discriminator_classes(plain_d) == 0 and models.discriminator_conditional(plain_d) == 0


def test_rivera_pair_is_the_spanish_notebook_pair():
    G, D = models.build_pair("rivera")
    assert G.input_shape == (None, 20) and G.output_shape == (None, 28, 28, 1)
    assert G.get_layer("project").units == 7 * 7 * 256
    assert all(layer.kernel_size == (3, 3) for layer in _layers(G, keras.layers.Conv2DTranspose))
    slopes = {round(float(layer.negative_slope), 4) for layer in _layers(G, keras.layers.LeakyReLU)}
    assert slopes == {0.01}
    assert G.layers[-1].activation.__name__ == "tanh"
    assert [layer.filters for layer in _layers(D, keras.layers.Conv2D)] == [32, 64, 128]
    assert len(_layers(D, keras.layers.BatchNormalization)) == 2
    assert models.discriminator_output(D) == "probability"
    assert models.discriminator_output(models.rivera_discriminator(output="logits")) == "logits"
    # Dense 20→12544 (no bias) + 3 BN + ConvT 256→128, 128→64 (no bias) + ConvT 64→1 (+bias)
    assert G.count_params() == (20 * 12544 + 4 * 256 + 9 * 256 * 128 + 4 * 128 + 9 * 128 * 64 + 4 * 64
                                + 9 * 64 + 1)


def test_tutorial_pair_matches_the_published_sizes():
    G, D = models.build_pair("tutorial")
    assert G.count_params() == 2_330_944  # the TensorFlow tutorial's summary
    assert D.count_params() == 212_865
    assert len(_layers(D, keras.layers.Dropout)) == 2


@pytest.mark.parametrize("shape, convs", [((28, 28, 1), 2), ((32, 32, 3), 3), ((64, 64, 3), 4)])
def test_dcgan_family_follows_the_paper_rules(shape, convs):
    G, D = models.build_pair("dcgan", shape)
    assert G.output_shape[1:] == shape and D.input_shape[1:] == shape
    assert len(_layers(G, keras.layers.Conv2DTranspose)) == convs
    assert len(_layers(D, keras.layers.Conv2D)) == convs
    assert not any("pool" in layer.name.lower() for layer in G.layers + D.layers)  # strides, no pooling
    # BN everywhere except G's output and D's input
    assert not isinstance(G.layers[-1], keras.layers.BatchNormalization)
    assert G.layers[-1].activation.__name__ == "tanh"
    first_conv = _layers(D, keras.layers.Conv2D)[0]
    after_first = D.layers[D.layers.index(first_conv) + 1]
    assert isinstance(after_first, keras.layers.LeakyReLU)
    assert len(_layers(D, keras.layers.BatchNormalization)) == convs - 1
    assert len(_layers(G, keras.layers.BatchNormalization)) == convs
    assert len(_layers(G, keras.layers.ReLU)) == convs
    assert {round(float(layer.negative_slope), 3) for layer in _layers(D, keras.layers.LeakyReLU)} == {0.2}
    kernel = G.get_layer("project").kernel.numpy()
    assert abs(kernel.std() - 0.02) < 0.002 and abs(kernel.mean()) < 0.002
    assert all(layer.kernel_size == (5, 5) for layer in _layers(D, keras.layers.Conv2D))
    assert models.discriminator_output(D) == "logits"


def test_portuguese_slides_rgb_generator_is_a_family_member():
    G = models.dcgan_generator((32, 32, 3), 100, width=64, kernel_size=5)
    shapes = [tuple(layer.output.shape[1:]) for layer in _layers(G, keras.layers.Conv2DTranspose)]
    assert shapes == [(8, 8, 128), (16, 16, 64), (32, 32, 3)]
    assert G.get_layer("reshape").output.shape[1:] == (4, 4, 256)


def test_batch_norm_switch_in_the_generator():
    with_bn = models.course_generator()
    without = models.course_generator(batch_norm=False)
    assert len(_layers(with_bn, keras.layers.BatchNormalization)) == 2
    assert not _layers(without, keras.layers.BatchNormalization)
    assert all(layer.use_bias for layer in _layers(without, keras.layers.Conv2DTranspose))
    assert without.output_shape == with_bn.output_shape
    assert not _layers(models.dcgan_generator((32, 32, 3), batch_norm=False), keras.layers.BatchNormalization)


def test_upsampling_plan_and_bad_shapes():
    assert models.upsampling_plan((28, 28, 1)) == (7, 2)
    assert models.upsampling_plan((32, 32, 3)) == (4, 3)
    assert models.upsampling_plan((64, 64, 3)) == (4, 4)
    for bad in [(30, 30, 3), (28, 32, 1), (32, 32, 2), (7, 7, 1), "28x28", (5, 5, 1)]:
        with pytest.raises(ValueError, match="image_shape"):
            models.upsampling_plan(bad)
    with pytest.raises(ValueError, match="image_shape"):
        models.build_pair("rivera", (32, 32, 3))
    with pytest.raises(ValueError, match="`recipe`"):
        models.build_pair("nope")
    with pytest.raises(ValueError, match="kernel_size"):
        models.dcgan_generator((28, 28, 1), kernel_size=1)
    with pytest.raises(ValueError, match="output"):
        models.course_discriminator(output="sigmoid")
    with i18n.language("pt"):
        with pytest.raises(ValueError, match="esperava-se"):
            models.build_pair("dcgan", (30, 30, 3))


def test_check_pair_refuses_mismatched_shapes():
    G = models.course_generator()
    D = models.dcgan_discriminator((32, 32, 3))
    with pytest.raises(ValueError, match="generator"):
        models.check_pair(G, D)
    models.check_pair(G, models.course_discriminator())
    with pytest.raises(ValueError, match="generator"):
        models.check_pair("not a model", D)


def test_models_run_with_explicit_training_flag_and_tanh_range():
    G, D = models.build_pair("course")
    z = np.random.default_rng(0).normal(size=(5, 100)).astype("float32")
    images = G(z, training=False).numpy()
    assert images.shape == (5, 28, 28, 1) and images.min() >= -1 and images.max() <= 1
    assert D([images, np.zeros(5, np.int32)], training=False).shape == (5, 11)  # image and digit
    assert models.course_discriminator()(images, training=False).shape == (5, 1)
    assert models.course_discriminator(classes=10)(images, training=False).shape == (5, 11)
    assert models.latent_dim(G) == 100 and models.image_shape(G) == (28, 28, 1)
    assert models.image_shape(D) == (28, 28, 1)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # Keras 3.15's saver vs NumPy 2
def test_discriminator_output_survives_saving(tmp_path):
    D = models.rivera_discriminator()
    path = tmp_path / "d.keras"
    D.save(path)
    assert models.discriminator_output(keras.models.load_model(path)) == "probability"


def test_reset_weights_redraws_and_is_reproducible():
    G = models.course_generator()
    before = [w.copy() for w in G.get_weights()]
    G.get_layer("bn_0").moving_mean.assign(np.full(128, 3.0, np.float32))
    models.reset_weights(G, seed=1)
    first = [w.copy() for w in G.get_weights()]
    assert not np.allclose(before[0], first[0])  # the Dense kernel was re-drawn
    assert np.allclose(G.get_layer("bn_0").moving_mean.numpy(), 0.0)
    assert np.allclose(G.get_layer("bn_0").moving_variance.numpy(), 1.0)
    assert abs(first[0].std() - 0.02) < 0.002  # same initializer (N(0, 0.02))
    models.reset_weights(G, seed=1)
    for a, b in zip(first, G.get_weights()):
        np.testing.assert_array_equal(a, b)
    models.reset_weights(G, seed=2)
    assert not np.allclose(first[0], G.get_weights()[0])
    with pytest.raises(ValueError, match="model"):
        models.reset_weights("G")


def test_integer_settings_say_what_they_need():
    """Each integer of a builder is refused with its own bound; a code longer than z says so."""
    def message(call, lang="es"):
        with i18n.language(lang):
            with pytest.raises(ValueError) as info:
                call()
        return str(info.value)

    assert "un entero ≥ 2" in message(lambda: models.dcgan_discriminator(projection=1))
    assert "um inteiro ≥ 1" in message(lambda: models.dcgan_generator(z_dim=0), "pt")
    code = message(lambda: models.dcgan_generator(z_dim=5, classes=10))
    assert "`classes`" in code and "z_dim (5)" in code and "≥ 1" not in code
    with i18n.language("pt"):
        family = message(lambda: models.build_pair("nope"), "pt")
        pair = message(lambda: models.check_pair(models.course_generator(),
                                                 models.dcgan_discriminator((32, 32, 3))), "pt")
    assert "esperava-se uma receita: course" in family and "formato de entrada do discriminador (32, 32, 3)" in pair


def test_builders_name_a_bad_name_or_flag():
    from gan_course import i18n

    with i18n.language("es"):
        for build in (models.dcgan_generator, models.dcgan_discriminator, models.rivera_generator,
                      models.tutorial_discriminator):
            with pytest.raises(ValueError, match="`name`.*nombre"):
                build(name=3)
        with pytest.raises(ValueError, match="`batch_norm`.*True o False"):
            models.course_generator(batch_norm="no")
