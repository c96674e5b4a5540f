"""Training recipes: every setting of a GAN of the course, written once.

A :class:`Recipe` is one frozen record: the networks (family, kernel sizes, widths, batch norm, the
class signals), the optimiser (Adam rates and betas), the step's options (loss, EMA, R1, ADA …),
the batch size and where the conditions come from (``conditions``: nothing, the data's labels or
clusters found without labels).  :data:`RECIPES` holds the course's recipes by name; variants of a
recipe are overrides (:data:`LOSS_VARIANTS` for ``--loss``).  Nothing else in the package holds a
recipe default: :func:`gan_course.models.build_pair` reads the networks from a recipe,
:class:`gan_course.train.GAN` the step, :func:`gan_course.train.fit` the batch size, and
:func:`build` makes all of it in one call::

    gan = recipes.build("course", seed=0)                # networks + trainer, MNIST shape
    gan = recipes.build("course", loss="hinge")          # an override: any field of Recipe
    print(recipes.get("selfcond"))                       # every value of a recipe

Visto en 06 §Las dos redes y 07 §Entran las etiquetas.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, fields

from .clusters import METHODS as CLUSTER_METHODS
from .i18n import arg_error, register, t
from .validate import check_choice, check_float, check_int

register({
    "recipes.expected_recipe": {"es": "una receta: {names}", "pt": "uma receita: {names}"},
    "recipes.expected_field": {"es": "un campo de la receta: {names}", "pt": "um campo da receita: {names}"},
    "recipes.expected_classes": {"es": "un entero entre 2 y z_dim = {z_dim}",
                                 "pt": "um inteiro entre 2 e z_dim = {z_dim}"},
    "recipes.course": {"es": "DCGAN que aprende de las etiquetas de los dígitos: código latente (AC-GAN), cabeza de "
                             "clases y proyección en D, EMA de G; redes con la mitad de filtros (más épocas por "
                             "minuto)",
                       "pt": "DCGAN que aprende com os rótulos dos dígitos: código latente (AC-GAN), cabeça de "
                             "classes e projeção em D, EMA de G; redes com a metade dos filtros (mais épocas por "
                             "minuto)"},
    "recipes.selfcond": {"es": "la receta del curso sin etiquetas: 40 grupos de imágenes parecidas, del mismo tamaño, "
                               "hacen de clases (GAN autocondicionada; no lee ninguna etiqueta)",
                         "pt": "a receita do curso sem rótulos: 40 grupos de imagens parecidas, do mesmo tamanho, "
                               "fazem o papel de classes (GAN autocondicionada; não lê nenhum rótulo)"},
    "recipes.cdcgan": {"es": "GAN condicional: G recibe el dígito pedido; D con proyección y cabeza de clases",
                       "pt": "GAN condicional: G recebe o dígito pedido; D com projeção e cabeça de classes"},
    "recipes.plain": {"es": "la DCGAN sin condiciones (sin etiquetas): G 4×4, D 3×3",
                      "pt": "a DCGAN sem condições (sem rótulos): G 4×4, D 3×3"},
    "recipes.colour": {"es": "DCGAN en color: G redimensiona y convoluciona (3×3, ancho 32), D 3×3, EMA de G",
                       "pt": "DCGAN colorida: G redimensiona e convolui (3×3, largura 32), D 3×3, EMA de G"},
    "recipes.colour-selfcond": {"es": "la receta en color sin etiquetas: grupos de las imágenes como clases",
                                "pt": "a receita colorida sem rótulos: grupos das imagens como classes"},
    "recipes.dcgan": {"es": "la DCGAN del artículo (Radford et al.): kernels 5×5, Adam 2e-4, β1 0.5",
                      "pt": "a DCGAN do artigo (Radford et al.): kernels 5×5, Adam 2e-4, β1 0.5"},
    "recipes.rivera": {"es": "el par del cuaderno de Mariano Rivera (z de 20, D con sigmoide)",
                       "pt": "o par do notebook de Mariano Rivera (z de 20, D com sigmoide)"},
    "recipes.tutorial": {"es": "el par del tutorial DCGAN de TensorFlow (5×5, Adam 1e-4, lote 256)",
                         "pt": "o par do tutorial DCGAN do TensorFlow (5×5, Adam 1e-4, lote 256)"},
})

FAMILIES = ("dcgan", "rivera", "tutorial")   # which builder of gan_course.models draws the networks
CONDITIONS = ("none", "labels", "clusters")  # where the class of a real image comes from
AUGMENTS = ("none", "translate", "diffaugment")  # augmentation of real and generated images before D


@dataclass(frozen=True)
class Recipe:
    """Every setting of one way to train a GAN.  Read a value as ``recipe.g_lr`` or ``recipe["g_lr"]``."""

    name: str
    # ---- networks (gan_course.models.build_pair)
    family: str = "dcgan"
    z_dim: int = 100
    kernel_size: int = 5
    d_kernel_size: int | None = None   # None: the same as kernel_size
    width: int = 64
    d_width: int | None = None         # None: the same as width
    batch_norm: bool = True            # in G
    d_batch_norm: bool = True
    d_spectral_norm: bool = False      # D's weights divided by their largest singular value (Miyato et al. 2018)
    upsample: str = "transpose"        # or "resize" (nearest neighbour, then a convolution)
    output: str = "logits"             # D's last layer: "logits" or "probability" (a sigmoid)
    classes: int = 0                   # class logits after D's real/fake logit (AC-GAN head)
    g_classes: int = 0                 # the first k numbers of z choose a class (latent code)
    projection: int = 0                # D is told the class by projection (Miyato & Koyama)
    conditional: int = 0               # G takes the class as a second input
    concat: int = 0                    # D is told the class as k constant image channels
    # ---- optimiser and step (gan_course.train.GAN)
    batch_size: int = 64
    g_lr: float = 2e-4
    d_lr: float = 2e-4
    beta_1: float = 0.5
    beta_2: float = 0.999
    g_steps: int = 1
    g_loss: str = "non_saturating"
    label_smoothing: float = 0.0
    r1_gamma: float = 0.0
    r1_every: int = 1
    ema_half_life: float = 0.0
    ema_rampup: float = 0.05
    augment: str = "none"
    augment_shift: int = 2
    augment_target: float = 0.6
    class_weight: float = 1.0
    loss: str = "bce"
    gp_weight: float = 10.0
    n_critic: int = 1
    # ---- where the classes come from (gan_course.clusters for "clusters")
    conditions: str = "none"
    pca_dims: int = 30                 # clusters: the neighbour graph joins images in this many principal components
    cluster_method: str = "spectral"   # clusters: "spectral" (neighbour graph), "pixels" (k-means on the PCA) or
    #                                    "deskewed" (the neighbour graph of the images with their slant removed)
    cluster_neighbours: int = 5        # clusters: edges per image in the neighbour graph

    def __getitem__(self, key):
        if key not in FIELDS:
            raise KeyError(key)
        return getattr(self, key)

    def __str__(self):
        rows = [f"{self.name}: {t(f'recipes.{self.name}')}" if f"recipes.{self.name}" in _DESCRIBED else self.name]
        rows += [f"  {f.name:<15} {getattr(self, f.name)!r}" for f in fields(self) if f.name != "name"]
        return "\n".join(rows)

    @property
    def uses_labels(self) -> bool:
        """True when training reads a label per image (the data's own: ``conditions == "labels"``)."""
        return self.conditions == "labels"

    @property
    def class_count(self) -> int:
        """Number of classes the networks know (0: unconditional)."""
        return max(self.classes, self.g_classes, self.projection, self.conditional, self.concat)

    def step(self) -> dict:
        """The settings :class:`gan_course.train.GAN` reads."""
        return {k: getattr(self, k) for k in STEP_FIELDS}


FIELDS = tuple(f.name for f in fields(Recipe))
NETWORK_FIELDS = ("family", "z_dim", "kernel_size", "d_kernel_size", "width", "d_width", "batch_norm",
                  "d_batch_norm", "d_spectral_norm", "upsample", "output", "classes", "g_classes", "projection",
                  "conditional", "concat")
STEP_FIELDS = ("g_lr", "d_lr", "beta_1", "beta_2", "g_steps", "g_loss", "label_smoothing", "r1_gamma", "r1_every",
               "ema_half_life", "ema_rampup", "augment", "augment_shift", "augment_target", "class_weight", "loss",
               "gp_weight", "n_critic")

_COURSE = dict(kernel_size=4, d_kernel_size=3, g_lr=5e-4, d_lr=2e-4, beta_1=0.5)
_CODED = dict(classes=10, g_classes=10, projection=10, ema_half_life=10_000.0)

#: The course's recipes.  ``course`` is the best measured on the 4,000 training digits at equal CPU
#: time (``benchmarks/levers.py``, ``benchmarks/quality.py``): G with 4×4 transposed convolutions whose
#: first 10 latent numbers choose a digit (``g_classes``: a one-hot code, G still takes noise only), D
#: with 3×3 convolutions, a class head (AC-GAN) and a projection of the digit (D judges "is this a real
#: 7?"), an EMA of G — it reads the digit labels.  Both networks have half the filters of ``plain``
#: (``width=32``: G 64 → 32, D 32 → 64): about 2.5× the images per second (``selfcond`` on a quiet machine:
#: 620 → 1,560), and once every digit has its place the extra epochs pay (3 minutes, seed 0: 63 epochs
#: IS 9.76 / FID 4.5 against 17 epochs 9.69 / 6.3 at width 64); for the plain DCGAN they do not (3×3, half
#: width, 80 epochs: 6.69 / 70.5).  ``selfcond`` is
#: the same networks with 40 groups of equal size found without labels (:mod:`gan_course.clusters`: the
#: pictures deskewed, a 10-neighbour graph of their principal components, its spectral embedding, k-means,
#: balanced sizes) in place of the digits — Liu et al. 2020's self-conditioned GAN on a fixed embedding
#: (3 minutes on the folder of digit PNGs, seeds 0 / 1 / 2: IS 9.78 / 9.72 / 9.56, FID 5.1 / 4.6 / 4.7);
#: measured at 17 epochs and width 64 (seed 0): deskewed, 10
#: neighbours, 40 balanced groups IS 9.16 / FID 8.5 (purity 0.94); the pixels' 5-neighbour graph, 40 balanced
#: 9.10 / 9.2 (0.87), 30 balanced 8.88 / 11.3, 30 unbalanced 8.97 / 21.3; 30 k-means groups of the pixels
#: 8.84 / 18.3.  ``cdcgan`` gives G the digit
#: as a second input (lesson 10).  ``plain``
#: is the unconditional DCGAN of lesson 06.  ``colour`` is the default for colour pictures: G resizes
#: then convolves (3×3, width 32), D 3×3, EMA (``benchmarks/colour.py``); ``colour-selfcond`` adds 30
#: groups of equal size with a latent code and a projection but no class head (on colour pictures AC-GAN's
#: head pulls each class toward one image): on the bundled emoji at 23 epochs, emoji FID 12.6 against 15.3;
#: and ADA's adaptive translation, since D learns the 3,786 emoji by heart (38 epochs: 6.6 against 9.5).
#: ``dcgan`` is the paper's, ``rivera`` the Spanish notebook's, ``tutorial`` TensorFlow's.
RECIPES = {r.name: r for r in (
    Recipe("course", **_COURSE, **_CODED, width=32, conditions="labels"),
    Recipe("selfcond", **_COURSE, **{**_CODED, "classes": 40, "g_classes": 40, "projection": 40}, width=32,
           conditions="clusters", cluster_method="deskewed", cluster_neighbours=10),
    Recipe("cdcgan", **_COURSE, classes=10, conditional=10, projection=10, ema_half_life=10_000.0,
           conditions="labels"),
    Recipe("plain", **_COURSE),
    Recipe("colour", kernel_size=3, d_kernel_size=3, upsample="resize", width=32, g_lr=5e-4,
           ema_half_life=10_000.0),
    Recipe("colour-selfcond", kernel_size=3, d_kernel_size=3, upsample="resize", width=32, g_lr=5e-4,
           ema_half_life=10_000.0, g_classes=30, projection=30, conditions="clusters", augment="translate"),
    Recipe("dcgan", kernel_size=5),
    Recipe("rivera", family="rivera", z_dim=20, kernel_size=3, output="probability"),
    Recipe("tutorial", family="tutorial", kernel_size=5, batch_size=256, g_lr=1e-4, d_lr=1e-4, beta_1=0.9),
)}
_DESCRIBED = {f"recipes.{name}" for name in RECIPES}

#: The loss families the step knows (``Recipe.loss``; :mod:`gan_course.losses`).
LOSS_FAMILIES = ("bce", "hinge", "wgan-gp")
#: ``--loss`` as declared overrides of any recipe.  ``hinge``: the loss alone, the recipe's optimiser.
#: ``hinge-sn``: the hinge loss as Miyato et al. (2018) train it — spectral normalisation in D instead of batch
#: norm, 5 D steps per G step, Adam 2e-4 with β1 = 0, β2 = 0.9 (their released code's setting).  ``wgan-gp`` as
#: Gulrajani et al. (2017) train it: a critic without batch norm, 5 critic steps per G step, λ = 10, Adam 1e-4
#: with β1 = 0, β2 = 0.9.
LOSS_VARIANTS = {
    "bce": {},
    "hinge": {"loss": "hinge"},
    "hinge-sn": {"loss": "hinge", "d_batch_norm": False, "d_spectral_norm": True, "n_critic": 5, "g_lr": 2e-4,
                 "d_lr": 2e-4, "beta_1": 0.0, "beta_2": 0.9},
    "wgan-gp": {"loss": "wgan-gp", "d_batch_norm": False, "n_critic": 5, "gp_weight": 10.0, "g_lr": 1e-4,
                "d_lr": 1e-4, "beta_1": 0.0, "beta_2": 0.9},
}
LOSSES = tuple(LOSS_VARIANTS)

#: Earlier defaults and other measured variants, as ``(recipe, overrides)`` (``benchmarks/quality.py``):
#: ``previous`` (4×4 kernels in G and D, no class head, no EMA), ``classhead`` (the class head + EMA, G without
#: the latent code, D without projection) and ``cdcgan-concat`` (D told the digit by concatenation).
VARIANTS = {"previous": ("plain", {"kernel_size": 4, "d_kernel_size": 4}),
            "classhead": ("course", {"g_classes": 0, "projection": 0}),
            "cdcgan-concat": ("cdcgan", {"projection": 0, "concat": 10})}


def get(recipe="course", **overrides) -> Recipe:
    """The recipe ``recipe`` (a name or a :class:`Recipe`) with ``overrides`` applied and checked."""
    if not isinstance(recipe, Recipe):
        if recipe not in RECIPES:
            raise arg_error("recipe", recipe, "recipes.expected_recipe", names=", ".join(RECIPES))
        recipe = RECIPES[recipe]
    unknown = sorted(set(overrides) - set(FIELDS) - {"name"})
    if unknown:
        raise arg_error(unknown[0], overrides[unknown[0]], "recipes.expected_field", names=", ".join(FIELDS[1:]),
                        exc=TypeError)
    overrides = {k: v for k, v in overrides.items() if v is not None}
    return _checked(dataclasses.replace(recipe, **overrides)) if overrides else recipe


def _checked(r: Recipe) -> Recipe:
    check_choice("family", r.family, FAMILIES)
    check_choice("conditions", r.conditions, CONDITIONS)
    check_choice("cluster_method", r.cluster_method, CLUSTER_METHODS)
    check_int("cluster_neighbours", r.cluster_neighbours, 1)
    check_choice("upsample", r.upsample, ("transpose", "resize"))
    check_choice("output", r.output, ("logits", "probability"))
    for name in ("z_dim", "width", "batch_size", "g_steps", "r1_every", "n_critic", "augment_shift", "pca_dims"):
        check_int(name, getattr(r, name), 1)
    for name in ("kernel_size",) + (("d_kernel_size",) if r.d_kernel_size is not None else ()):
        check_int(name, getattr(r, name), 2)
    if r.d_width is not None:
        check_int("d_width", r.d_width, 1)
    for name in ("classes", "projection", "conditional", "concat"):
        value = check_int(name, getattr(r, name), 0)
        if value == 1:
            raise arg_error(name, value, "validate.int_min", minimum=2)
    if r.g_classes:
        check_int("g_classes", r.g_classes, 2, r.z_dim, expected="recipes.expected_classes", z_dim=r.z_dim)
    for name in ("g_lr", "d_lr"):
        check_float(name, getattr(r, name), minimum=0, low_open=True)
    for name in ("beta_1", "beta_2"):
        check_float(name, getattr(r, name), minimum=0, maximum=1, high_open=True)
    for name in ("r1_gamma", "ema_half_life", "ema_rampup", "class_weight", "gp_weight"):
        check_float(name, getattr(r, name), minimum=0)
    check_float("augment_target", r.augment_target, minimum=0, maximum=1, high_open=True)
    check_choice("augment", r.augment, AUGMENTS)
    check_choice("loss", r.loss, LOSS_FAMILIES)
    from . import losses  # TensorFlow: only once a recipe is changed

    losses.check_kind(r.g_loss, "g_loss")
    losses.check_label_smoothing(r.label_smoothing)
    return r


#: Fewest images per group for a recipe that finds its own classes (``conditions == "clusters"``).
IMAGES_PER_CLUSTER = 100


def for_data(recipe, n_images: int) -> Recipe:
    """``recipe`` sized for ``n_images`` images: a recipe that finds its own groups keeps at least
    :data:`IMAGES_PER_CLUSTER` images per group (fewer groups on a small folder), and trains unconditionally
    below two groups.  Other recipes are returned as they are."""
    r = get(recipe)
    n = check_int("n_images", n_images, 1)
    if r.conditions != "clusters":
        return r
    k = min(r.class_count, n // IMAGES_PER_CLUSTER)
    if k == r.class_count:
        return r
    if k < 2:
        return get(r, classes=0, g_classes=0, projection=0, conditions="none")
    return get(r, **{name: k for name in ("classes", "g_classes", "projection") if r[name]})


def build(recipe="course", image_shape=None, *, seed: int = 0, n_samples: int = 100, strategy=None, **overrides):
    """The networks and the trainer of ``recipe`` (+ ``overrides``): a :class:`gan_course.train.GAN`.

    ``image_shape`` defaults to MNIST's (28, 28, 1).  Seeds Keras first (the same first weights for the
    same ``seed``).  Under ``strategy`` (``tf.distribute``) everything is created in its scope, with
    synchronised batch norm when there are several replicas.
    Visto en 06 §El bucle de entrenamiento y 07 §Entran las etiquetas.
    """
    from . import distribute, models, seed_everything, train

    r = get(recipe, **overrides)
    seed_everything(check_int("seed", seed, 0))
    with distribute.scope(strategy):
        generator, discriminator = models.build_pair(r, image_shape or models.MNIST_SHAPE)
        if distribute.replicas(strategy) > 1:
            distribute.synchronize_batch_norm(generator, discriminator)
        return train.GAN(generator, discriminator, recipe=r, seed=seed, n_samples=n_samples)


def table(names=None) -> str:
    """A markdown table of the recipes' values (the README's recipe table is this)."""
    names = list(names or RECIPES)
    rows = ["| field | " + " | ".join(names) + " |", "|---" * (len(names) + 1) + "|"]
    for f in FIELDS[1:]:
        rows.append(f"| `{f}` | " + " | ".join(f"{RECIPES[n][f]!r}".replace("|", "\\|") for n in names) + " |")
    return "\n".join(rows)


def add_arguments(parser):
    parser.add_argument("name", nargs="?", metavar="NAME", help=", ".join(RECIPES))
    parser.add_argument("--markdown", action="store_true", help="README table")


def run(args) -> int:
    """``python -m gan_course recipes [NAME] [--markdown]``: one line per recipe, every value of one, or the table."""
    if args.markdown:
        print(table())
    elif args.name:
        print(get(args.name))
    else:
        width = max(map(len, RECIPES))
        for name in RECIPES:
            print(f"{name:<{width}}  {t(f'recipes.{name}')}")
    return 0
