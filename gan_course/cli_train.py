"""``python -m gan_course train`` — train a DCGAN and write a run folder with its GIF.

With no arguments it trains the course's default model on MNIST (the 4,000 training digits of
the bundled subset, :func:`gan_course.data.mnist_split`; the 1,000 held-out ones stay apart for
``evaluate``) for :data:`DEFAULT_MINUTES` minutes and writes a new folder
``runs/course-mnist-YYYYmmdd-HHMMSS/`` (see :mod:`gan_course.train` for its contents).
``--minutes M`` alone trains for M minutes, ``--epochs N`` alone for N epochs; with both, whichever
comes first.
``--data FOLDER`` trains the RGB DCGAN on your own pictures (transparent ones composited on
``--background``, centre crop + resize to ``--image-size``); ``--data emoji`` on the bundled Noto
Emoji (``--categories`` keeps some Unicode categories only).  ``--resume`` continues the latest
run (or ``--out DIR``) at the next epoch;
``--epochs`` is the total number of epochs, as in Keras.
``--strategy mirrored`` trains on every local GPU (or on ``GAN_COURSE_CPU_DEVICES=N`` logical CPUs),
``--strategy multiworker`` on several machines, each process started with its ``TF_CONFIG``
(:mod:`gan_course.distribute`); only the chief writes the run folder.

Every argument is checked (and the data loaded) before anything is written: a bad value prints
one line in the active language and exits with code 2.  Visto en 06 §De la presentación al paquete.
"""
from __future__ import annotations

import math
import pathlib
import re

import numpy as np

from . import config, data, distribute, recipes
from .i18n import arg_error, register, t
from .validate import int_from_text

DEFAULT_MINUTES = 3.0   # with neither --epochs nor --minutes: train for this long
DEFAULT_EPOCHS = 100    # only with --minutes 0 (no time limit) and no --epochs
RUNS_FOLDER = "runs"
BUILT_IN = ("mnist", "emoji")  # data sets shipped with the package; anything else is a folder

register({
    "cli_train.out": {"es": "carpeta de la ejecución (por defecto, una nueva en runs/)",
                      "pt": "pasta da execução (padrão: uma nova em runs/)"},
    "cli_train.epochs": {"es": "número TOTAL de épocas (sin él, se entrena hasta agotar --minutes; con "
                               "--minutes 0, {n})",
                         "pt": "número TOTAL de épocas (sem ele, treina-se até esgotar --minutes; com "
                               "--minutes 0, {n})"},
    "cli_train.minutes": {"es": "límite de tiempo en minutos: para al terminar la época en que se agota "
                                "(por defecto {n}; 0 = sin límite)",
                          "pt": "limite de tempo em minutos: para ao terminar a época em que se esgota "
                                "(padrão {n}; 0 = sem limite)"},
    "cli_train.model": {"es": "receta: {names} (por defecto: course en MNIST, una DCGAN que aprende de las "
                              "etiquetas de los dígitos; en una carpeta y en los emoji, sin etiquetas, selfcond "
                              "(imágenes grises) o colour-selfcond (en color): grupos de imágenes parecidas hacen "
                              "de clases; plain es la DCGAN sin condiciones)",
                        "pt": "receita: {names} (padrão: course no MNIST, uma DCGAN que aprende com os rótulos dos "
                              "dígitos; numa pasta e nos emoji, sem rótulos, selfcond (imagens cinza) ou "
                              "colour-selfcond (coloridas): grupos de imagens parecidas fazem o papel de classes; "
                              "plain é a DCGAN sem condições)"},
    "cli_train.data": {"es": "'mnist', 'emoji' (los emoji Noto incluidos) o una carpeta con imágenes PNG/JPEG",
                       "pt": "'mnist', 'emoji' (os emoji Noto incluídos) ou uma pasta com imagens PNG/JPEG"},
    "cli_train.loss": {"es": "función de pérdida: bce (por defecto); hinge (solo la pérdida bisagra); hinge-sn (como "
                             "Miyato et al.: bisagra, normalización espectral en D, 5 pasos de D por paso de G, Adam "
                             "2e-4, β1 = 0, β2 = 0.9); wgan-gp (como Gulrajani et al.: crítico sin normalización por "
                             "lotes, 5 pasos del crítico por paso de G, λ = 10, Adam 1e-4, β1 = 0, β2 = 0.9)",
                       "pt": "função de perda: bce (padrão); hinge (só a perda hinge); hinge-sn (como Miyato et al.: "
                             "hinge, normalização espectral em D, 5 passos de D por passo de G, Adam 2e-4, β1 = 0, "
                             "β2 = 0.9); wgan-gp (como Gulrajani et al.: crítico sem normalização em lote, 5 passos "
                             "do crítico por passo de G, λ = 10, Adam 1e-4, β1 = 0, β2 = 0.9)"},
    "cli_train.background": {"es": "color sobre el que se componen las imágenes transparentes (por defecto white)",
                             "pt": "cor sobre a qual as imagens transparentes são compostas (padrão white)"},
    "cli_train.categories": {"es": "con --data emoji: categorías a usar, separadas por comas "
                                   "(p. ej. 'Smileys & Emotion,People & Body')",
                             "pt": "com --data emoji: categorias a usar, separadas por vírgulas "
                                   "(p. ex. 'Smileys & Emotion,People & Body')"},
    "cli_train.expected_emoji_only": {"es": "--data emoji (las categorías son las del conjunto de emoji)",
                                      "pt": "--data emoji (as categorias são as do conjunto de emoji)"},
    "cli_train.resume": {"es": "continuar la última ejecución (o --out) desde su último punto de control",
                         "pt": "continuar a última execução (ou --out) a partir do seu último ponto de verificação"},
    "cli_train.seed": {"es": "semilla (por defecto 0)", "pt": "semente (padrão 0)"},
    "cli_train.batch": {"es": "tamaño del lote (por defecto el de la receta del modelo)",
                        "pt": "tamanho do lote (padrão: o da receita do modelo)"},
    "cli_train.image_size": {"es": "lado de las imágenes de una carpeta, en píxeles (por defecto el de las imágenes "
                                   "si todas son cuadradas e iguales y sirve a la red, si no 32)",
                             "pt": "lado das imagens de uma pasta, em pixels (padrão: o das imagens se todas são "
                                   "quadradas e iguais e servem à rede, senão 32)"},
    "cli_train.g_steps": {"es": "pasos del generador por paso del discriminador (por defecto el de la receta)",
                          "pt": "passos do gerador por passo do discriminador (padrão: o da receita)"},
    "cli_train.smoothing": {"es": "suavizado de etiquetas unilateral: etiqueta real = 1 - valor (por defecto el de "
                                  "la receta)",
                            "pt": "suavização de rótulos unilateral: rótulo real = 1 - valor (padrão: o da receita)"},
    "cli_train.recipe": {"es": "Receta {name}: {summary}", "pt": "Receita {name}: {summary}"},
    "cli_train.score_every": {
        "es": "cada K épocas, puntuar el generador con el clasificador del curso (IS, FID) y guardarlo en "
              "history.json (por defecto 0: nunca)",
        "pt": "a cada K épocas, pontuar o gerador com o classificador do curso (IS, FID) e salvar em "
              "history.json (padrão 0: nunca)",
    },
    "cli_train.expected_no_scores": {
        "es": "0 con --data CARPETA (las puntuaciones juzgan dígitos de MNIST)",
        "pt": "0 com --data PASTA (as pontuações julgam dígitos do MNIST)",
    },
    "cli_train.tensorboard": {"es": "escribir también registros de TensorBoard en logs/",
                              "pt": "escrever também registros do TensorBoard em logs/"},
    "cli_train.strategy": {"es": "default (un dispositivo), mirrored (todas las GPU de esta máquina, o "
                                 "GAN_COURSE_CPU_DEVICES=N CPU lógicas) o multiworker (varias máquinas, TF_CONFIG)",
                           "pt": "default (um dispositivo), mirrored (todas as GPUs desta máquina, ou "
                                 "GAN_COURSE_CPU_DEVICES=N CPUs lógicas) ou multiworker (várias máquinas, TF_CONFIG)"},
    "cli_train.expected_minutes": {"es": "un número de minutos ≥ 0 (0 = sin límite)",
                                   "pt": "um número de minutos ≥ 0 (0 = sem limite)"},
    "cli_train.expected_number": {"es": "un número en [0, 0.5)", "pt": "um número em [0, 0.5)"},
    "cli_train.expected_data": {"es": "'mnist', 'emoji' o una carpeta existente con imágenes PNG/JPEG",
                                "pt": "'mnist', 'emoji' ou uma pasta existente com imagens PNG/JPEG"},
    "cli_train.expected_same": {"es": "el valor con que se entrenó esta ejecución ({value})",
                                "pt": "o valor com que esta execução foi treinada ({value})"},
    "cli_train.expected_run": {"es": "una ejecución con punto de control en {root}/ (no hay ninguna)",
                               "pt": "uma execução com ponto de verificação em {root}/ (não há nenhuma)"},
    "cli_train.images": {"es": "{n} imágenes de {shape} ({source})", "pt": "{n} imagens de {shape} ({source})"},
    "cli_train.written": {"es": "Resultados en {out}:", "pt": "Resultados em {out}:"},
    "cli_train.generator": {"es": "generador (keras.models.load_model)", "pt": "gerador (keras.models.load_model)"},
    "cli_train.gif": {"es": "GIF del entrenamiento ({n} fotogramas, uno por época)",
                      "pt": "GIF do treinamento ({n} quadros, um por época)"},
    "cli_train.samples": {"es": "muestras de cada época", "pt": "amostras de cada época"},
    "cli_train.losses": {"es": "curvas de pérdida", "pt": "curvas de perda"},
    "cli_train.history": {"es": "historial (pérdidas, tiempos, ajustes)",
                          "pt": "histórico (perdas, tempos, ajustes)"},
    "cli_train.checkpoints": {"es": "puntos de control (--resume)", "pt": "pontos de verificação (--resume)"},
})


def add_arguments(parser):
    names = ", ".join(recipes.RECIPES)
    parser.add_argument("--out", metavar="DIR", help=t("cli_train.out"))
    parser.add_argument("--epochs", metavar="N", help=t("cli_train.epochs", n=DEFAULT_EPOCHS))
    parser.add_argument("--minutes", metavar="M", help=t("cli_train.minutes", n=DEFAULT_MINUTES))
    parser.add_argument("--recipe", "--model", metavar="NAME", dest="recipe", help=t("cli_train.model", names=names))
    parser.add_argument("--data", metavar="mnist|emoji|DIR", help=t("cli_train.data"))
    parser.add_argument("--loss", metavar="bce|hinge|hinge-sn|wgan-gp", help=t("cli_train.loss"))
    parser.add_argument("--background", metavar="COLOUR", help=t("cli_train.background"))
    parser.add_argument("--categories", metavar="A,B", help=t("cli_train.categories"))
    parser.add_argument("--resume", action="store_true", help=t("cli_train.resume"))
    parser.add_argument("--seed", metavar="S", help=t("cli_train.seed"))
    parser.add_argument("--batch-size", metavar="B", dest="batch_size", help=t("cli_train.batch"))
    parser.add_argument("--image-size", metavar="PX", dest="image_size", help=t("cli_train.image_size"))
    parser.add_argument("--g-steps", metavar="K", dest="g_steps", help=t("cli_train.g_steps"))
    parser.add_argument("--label-smoothing", metavar="L", dest="label_smoothing", help=t("cli_train.smoothing"))
    parser.add_argument("--score-every", metavar="K", dest="score_every", help=t("cli_train.score_every"))
    parser.add_argument("--tensorboard", action="store_true", help=t("cli_train.tensorboard"))
    parser.add_argument("--strategy", metavar="default|mirrored|multiworker", default="default",
                        help=t("cli_train.strategy"))


def _int(name, text, low, expected=None):
    return int_from_text(name, text, low, expected=expected)


def _minutes(text):
    try:
        value = float(text)
    except (TypeError, ValueError):
        value = None
    if value is None or not math.isfinite(value) or value < 0:
        raise arg_error("--minutes", text if value is None else value, "cli_train.expected_minutes")
    return value or None  # 0 = no limit


def _smoothing(text):
    try:
        value = float(text)
    except (TypeError, ValueError):
        value = None
    if value is None or not 0.0 <= value < 0.5:
        raise arg_error("--label-smoothing", text, "cli_train.expected_number")
    return value


def _loss(text):
    if text not in recipes.LOSSES:
        raise arg_error("--loss", text, "validate.choice", choices=", ".join(recipes.LOSSES))
    return text


def _background(text):
    from .images import parse_colour

    return "#{:02x}{:02x}{:02x}".format(*parse_colour("--background", text))


def _categories(text):
    from .images import emoji_categories

    names = [c.strip() for c in text.split(",") if c.strip()]
    known = emoji_categories()
    for name in names or [text]:
        if name not in known:
            raise arg_error("--categories", name, "images.expected_categories", names=", ".join(known))
    return names


def _latest_run(root) -> pathlib.Path:
    from .runfolder import latest_checkpoint

    root = pathlib.Path(root)
    runs = [p for p in root.iterdir() if p.is_dir() and latest_checkpoint(p)] if root.is_dir() else []
    if not runs:
        raise arg_error("--resume", True, "cli_train.expected_run", root=root, exc=FileNotFoundError)
    return max(runs, key=lambda p: p.stat().st_mtime)


def _dataset_name(source: str) -> str:
    if source in BUILT_IN:
        return source
    name = re.sub(r"[^A-Za-z0-9_-]+", "-", pathlib.Path(source).resolve().name).strip("-")
    return name or "images"


def settings_from(args) -> dict:
    """Check every argument and return the run's settings (nothing is read or written yet)."""
    epochs = _int("--epochs", args.epochs, 1, "train.expected_epochs") if args.epochs is not None else None
    if args.minutes is not None:
        minutes = _minutes(args.minutes)
    else:  # --epochs alone trains that many epochs; nothing at all trains for DEFAULT_MINUTES
        minutes = None if epochs is not None else config.pick(DEFAULT_MINUTES, None)
    if epochs is None and minutes is None:
        epochs = config.pick(DEFAULT_EPOCHS, 2)
    s = {
        "epochs": epochs,
        "minutes": minutes,
        "resume": bool(args.resume),
        "tensorboard": bool(args.tensorboard),
        "score_every": _int("--score-every", args.score_every, 0) if args.score_every is not None else 0,
        "out": args.out,
        "strategy": distribute.check_environment(args.strategy, "--strategy"),
    }
    given = {
        "data": args.data,
        "recipe": args.recipe,
        "seed": _int("--seed", args.seed, 0) if args.seed is not None else None,
        "batch_size": _int("--batch-size", args.batch_size, 1) if args.batch_size is not None else None,
        "image_size": _int("--image-size", args.image_size, 8) if args.image_size is not None else None,
        "g_steps": _int("--g-steps", args.g_steps, 1) if args.g_steps is not None else None,
        "label_smoothing": _smoothing(args.label_smoothing) if args.label_smoothing is not None else None,
        "background": _background(args.background) if args.background is not None else None,
        "loss": _loss(args.loss) if args.loss is not None else None,
        "categories": _categories(args.categories) if args.categories is not None else None,
    }
    if given["recipe"] is not None and given["recipe"] not in recipes.RECIPES:
        raise arg_error("--recipe", given["recipe"], "recipes.expected_recipe", names=", ".join(recipes.RECIPES))
    if given["data"] is not None and given["data"] not in BUILT_IN and not pathlib.Path(given["data"]).is_dir():
        raise arg_error("--data", given["data"], "cli_train.expected_data", exc=FileNotFoundError)
    if given["categories"] is not None and given["data"] != "emoji":
        raise arg_error("--categories", args.categories, "cli_train.expected_emoji_only")
    s["given"] = given
    return s


def _run_settings(s) -> tuple[pathlib.Path | None, dict]:
    """The run folder and the identity of the run (model, data, sizes), taken from it when resuming."""
    from .runfolder import check_out, read_history

    given = s["given"]
    if s["resume"]:
        out = pathlib.Path(s["out"]) if s["out"] else _latest_run(RUNS_FOLDER)
        check_out(out, resume=True, name="--out")
        saved = (read_history(out) or {}).get("settings", {}).get("cli", {})
        for key, value in given.items():
            if value is not None and key in saved and saved[key] != value:
                raise arg_error(f"--{key.replace('_', '-')}", value,
                                "cli_train.expected_same", value=saved[key])
        run = {**saved, **{k: v for k, v in given.items() if v is not None and k not in saved}}
    else:
        out = pathlib.Path(s["out"]) if s["out"] else None
        check_out(out, resume=False, name="--out")
        run = {k: v for k, v in given.items() if v is not None}
    run.setdefault("data", "mnist")
    run.setdefault("seed", 0)
    run.setdefault("loss", "bce")
    if run["data"] == "mnist":
        run.setdefault("recipe", "course")
    elif run["data"] == "emoji":
        run.setdefault("recipe", "colour-selfcond")  # no labels used: groups of similar emoji
        run.setdefault("image_size", 32)
    else:  # your own pictures: no labels; grey pictures keep one channel, and their size when the networks take it
        from .images import folder_format

        size, channels = folder_format(run["data"])
        run.setdefault("channels", channels)
        run.setdefault("image_size", size)
        run.setdefault("background", "#ffffff")
        run.setdefault("recipe", "selfcond" if run["channels"] == 1 else "colour-selfcond")
    return out, run


def _load_images(run):
    """``(images, labels or None, source)`` of the run's data (quick mode: a small, class-balanced subset)."""
    from . import images

    y = None
    if run["data"] == "mnist":
        x, y = data.mnist_split("train")
        source = "MNIST"
    elif run["data"] == "emoji":
        x = images.load_emoji(run["image_size"], run.get("categories"))
        source = "Noto Emoji" + (f" ({', '.join(run['categories'])})" if run.get("categories") else "")
    else:
        x = images.load_image_folder(run["data"], run["image_size"], channels=run.get("channels", 3),
                                     background=run["background"])
        source = run["data"]
    limit = config.pick(None, 256)  # quick mode: a small subset, so tests take seconds
    if limit is not None and len(x) > limit:
        keep = np.arange(len(x))[::max(1, len(x) // limit)][:limit]
        x, y = x[keep], (y[keep] if y is not None else None)
    return x, y, source


def run(args) -> int:
    from . import train

    s = settings_from(args)
    strategy = distribute.make_strategy(s["strategy"])  # before anything else starts TensorFlow
    out, run_cfg = _run_settings(s)
    if s["score_every"] and run_cfg["data"] != "mnist":
        raise arg_error("--score-every", s["score_every"], "cli_train.expected_no_scores")
    images, labels, source = _load_images(run_cfg)
    shape = (28, 28, 1) if images.ndim == 3 else tuple(images.shape[1:])
    overrides = {**recipes.LOSS_VARIANTS[run_cfg["loss"]],
                 **{k: run_cfg[k] for k in ("batch_size", "g_steps", "label_smoothing") if k in run_cfg}}
    recipe = recipes.for_data(recipes.get(run_cfg["recipe"], **overrides), len(images))
    if recipe.batch_size > len(images):
        raise arg_error("--batch-size", recipe.batch_size, "train.expected_batch", n=len(images))
    gan = recipes.build(recipe, shape, seed=run_cfg["seed"], strategy=strategy)
    scorer = None
    if s["score_every"]:
        from . import metrics

        scorer = metrics.make_scorer(n=config.pick(1000, 100))
    print(t("cli_train.images", n=len(images), shape="×".join(map(str, shape)), source=source))
    print(t("cli_train.recipe", name=recipe.name, summary=t(f"recipes.{recipe.name}")))
    if out is None:
        out = train.new_run_folder(RUNS_FOLDER, f"{run_cfg['recipe']}-{_dataset_name(run_cfg['data'])}")
    history = train.fit(gan, images, s["epochs"], labels=labels if recipe.uses_labels else None, out=out,
                        minutes=s["minutes"], resume=s["resume"], dataset_name=_dataset_name(run_cfg["data"]),
                        tensorboard=s["tensorboard"],
                        scorer=scorer, score_every=s["score_every"] or 1, settings={"cli": run_cfg})
    if distribute.is_chief(strategy):  # the one that wrote the run folder
        _print_summary(out, history)
    return 0


def _print_summary(out, history):
    from . import train

    done = history["epoch"][-1] if history["epoch"] else 0
    print(t("cli_train.written", out=out))
    rows = [(train.GENERATOR_FILE, t("cli_train.generator")),
            (train.GIF_FILE, t("cli_train.gif", n=done)),
            (f"{train.SAMPLES_FOLDER}/", t("cli_train.samples")),
            (train.LOSSES_FILE, t("cli_train.losses")),
            (train.HISTORY_FILE, t("cli_train.history")),
            (f"{train.CHECKPOINT_FOLDER}/", t("cli_train.checkpoints"))]
    if (pathlib.Path(out) / "logs").is_dir():
        rows.append(("logs/", "TensorBoard"))
    width = max(len(name) for name, _ in rows)
    for name, what in rows:
        print(f"  {name:<{width}}  {what}")
