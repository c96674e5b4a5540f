"""One recipe table, one builder: every default of a recipe lives in gan_course.recipes."""
import ast
import pathlib

import numpy as np
import pytest

from gan_course import i18n, models, recipes, train

ROOT = pathlib.Path(__file__).resolve().parents[1]


def test_every_recipe_is_a_complete_frozen_record():
    for name, r in recipes.RECIPES.items():
        assert r.name == name and recipes.get(name) is r
        assert set(recipes.NETWORK_FIELDS) | set(r.step()) | {"name", "batch_size", "conditions", "pca_dims",
                                                                        "cluster_method", "cluster_neighbours"} == set(
            recipes.FIELDS)
        with pytest.raises(Exception):
            r.g_lr = 1.0  # frozen
        assert r["g_lr"] == r.g_lr
        text = str(r)
        assert all(f"  {f} " in text for f in recipes.FIELDS[1:])  # printing a recipe shows all of it
    assert recipes.RECIPES["course"].uses_labels and not recipes.RECIPES["selfcond"].uses_labels
    assert recipes.RECIPES["plain"].class_count == 0 and recipes.RECIPES["selfcond"].class_count == 40


def test_overrides_are_checked_and_named():
    assert recipes.get("course", loss="hinge").loss == "hinge"
    assert recipes.get("course").loss == "bce"  # the table itself is never changed
    with i18n.language("es"):
        with pytest.raises(ValueError, match="receta"):
            recipes.get("gan9000")
        with pytest.raises(TypeError, match="g_rate"):
            recipes.get("course", g_rate=1e-3)
        with pytest.raises(ValueError, match="g_lr"):
            recipes.get("course", g_lr=-1.0)
        with pytest.raises(ValueError, match="z_dim"):
            recipes.get("course", g_classes=200)
        with pytest.raises(ValueError, match="augment"):
            recipes.get("plain", augment="flip")
    with i18n.language("pt"):
        with pytest.raises(ValueError, match="receita"):
            recipes.get("gan9000")


def test_the_wgan_gp_variant_is_the_papers():
    r = recipes.get("course", **recipes.LOSS_VARIANTS["wgan-gp"])
    assert (r.g_lr, r.d_lr, r.beta_1, r.beta_2, r.n_critic, r.gp_weight, r.d_batch_norm) == (
        1e-4, 1e-4, 0.0, 0.9, 5, 10.0, False)


def test_build_makes_networks_and_trainer_from_one_recipe():
    gan = recipes.build("plain", seed=0)
    assert isinstance(gan, train.GAN) and gan.recipe is recipes.RECIPES["plain"]
    assert gan.options == recipes.RECIPES["plain"].step()
    assert float(gan.g_optimizer.learning_rate.numpy()) == pytest.approx(5e-4)
    g, d = models.build_pair("plain")
    assert [w.shape for w in gan.generator.weights] == [w.shape for w in g.weights]
    assert [w.shape for w in gan.discriminator.weights] == [w.shape for w in d.weights]
    again = recipes.build("plain", seed=0)  # seeded: the same first weights
    assert all(np.array_equal(a, b) for a, b in zip(gan.generator.get_weights(), again.generator.get_weights()))
    coded = recipes.build("selfcond", seed=0)
    assert coded.label_classes == 40 and coded.g_classes == 40


def test_fit_takes_the_batch_size_from_the_recipe():
    gan = recipes.build("tutorial", seed=0)
    x = np.zeros((512, 28, 28), np.uint8)
    history = train.fit(gan, x, 1, verbose=False)
    assert history["settings"]["batch_size"] == 256 and history["steps_per_epoch"] == 2


def test_for_data_keeps_enough_images_per_group():
    assert recipes.for_data("selfcond", 4000).class_count == 40
    assert recipes.for_data("selfcond", 1000).class_count == 10
    small = recipes.for_data("colour-selfcond", 150)
    assert small.class_count == 0 and small.conditions == "none"
    assert recipes.for_data("course", 10) is recipes.RECIPES["course"]


STEP_NAMES = set(recipes.STEP_FIELDS) | {"batch_size", "z_dim", "kernel_size", "d_kernel_size", "width",
                                         "upsample", "classes", "g_classes", "projection", "conditional", "concat"}


def _literal_recipe_values(path):
    """Keyword arguments and dict entries named like a recipe field whose value is a literal number or string."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        pairs = []
        if isinstance(node, ast.Call):
            pairs = [(k.arg, k.value) for k in node.keywords]
        elif isinstance(node, ast.Dict):  # numbers only: {"g_loss": "#4c72b0"} is a plot colour
            pairs = [(k.value, v) for k, v in zip(node.keys, node.values)
                     if isinstance(k, ast.Constant) and isinstance(v, ast.Constant) and not isinstance(v.value, str)]
        for name, value in pairs:
            if name in STEP_NAMES and isinstance(value, ast.Constant) and not isinstance(value.value, bool) \
                    and value.value not in (None, 0, "none"):  # switching a lever off is not a default
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} {name}={value.value!r}")
    return found


def test_no_recipe_default_outside_the_recipe_module():
    files = [p for p in sorted((ROOT / "gan_course").glob("*.py")) if p.name != "recipes.py"]
    files += sorted((ROOT / "benchmarks").glob("*.py"))
    found = [hit for p in files for hit in _literal_recipe_values(p)]
    # the network builders' own arguments (models.py) and the 1-D GANs of lessons 04 and 10 are not image recipes
    allowed = {"gan_course/models.py", "gan_course/gan1d.py", "gan_course/wasserstein.py"}
    found = [hit for hit in found if hit.split(":")[0] not in allowed]
    assert found == []


def test_the_readme_recipe_table_is_the_recipe_module():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    table = text.split("<!-- recipes table -->\n", 1)[1].split("\n<!-- end recipes table -->", 1)[0]
    assert table == recipes.table()
