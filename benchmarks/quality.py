"""Quality at equal CPU time: the course default vs other recipes, scored by the course's honest evaluator.

    python benchmarks/quality.py [--minutes 3] [--seeds 0 1 2] [--models course tutorial]
    python benchmarks/quality.py --minutes 6 --models course classhead --seeds 0 --tag time
    python benchmarks/quality.py --models cdcgan course+wgan-gp --tag variants
    python benchmarks/quality.py --models course+wgan-gp --minutes 15 --epochs 85 --seeds 0   # an image budget

Each run is a fresh process.  ``course``, ``cdcgan``, ``plain``, ``dcgan`` and ``tutorial`` run exactly
the main job, ``python -m gan_course train --minutes M --model X --seed S`` (offline, the 4,000
training digits of :func:`gan_course.data.mnist_split`); ``X+LOSS`` adds ``--loss LOSS``.
``previous`` and ``classhead`` are earlier defaults (:data:`VARIANTS`), trained with the same
:func:`gan_course.train.fit` call the command makes.  Every run's ``generator.keras`` is
then scored with the course's evaluator (:mod:`gan_course.metrics`, 2,000 samples, latent seed 0):
Inception Score, Fréchet distance to the 1,000 **held-out** digits no GAN ever sees, memorisation
share and class balance.  The reference line is real data scored the same way (2,000 training
digits vs the held-out ones).  The course's target: IS ≥ 9.0, FID ≤ 3 × FID(real), every class
≥ 5 % of the samples, memorisation ≤ 5 %.

Appends every run to ``benchmarks/results/quality.jsonl`` and rewrites ``quality.md`` (all runs,
grouped by tag and minutes).  Needs a quiet machine: each run gets the same wall-clock budget, so
other programs steal its steps (the table records the images/s each run got).
"""
from __future__ import annotations

import argparse
import json
import os
import pathlib
import platform
import shutil
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "benchmarks" / "results"
CLI_MODELS = ("course", "selfcond", "cdcgan", "plain", "dcgan", "tutorial")
LOSSES = ("hinge", "hinge-sn", "wgan-gp")  # "course+wgan-gp": the course model trained with --loss wgan-gp
#: Earlier defaults, trained with the same ``fit`` call as the command: ``previous`` (4×4 kernels in
#: G and D, no class head, no EMA) and ``classhead`` (the ``course`` recipe before the latent code and
#: the projection discriminator: D's class head + EMA, G unconditional with the ambiguity loss); and
#: ``cdcgan-concat``, the conditional GAN whose D is told the digit by concatenation instead of projection.
from gan_course.recipes import VARIANTS  # noqa: E402  (no TensorFlow: --help stays instant)

VARIANT_RUN = """
import json, sys, pathlib
import gan_course as gc
from gan_course import data, recipes, train
seed, minutes, out = int(sys.argv[1]), float(sys.argv[2]), pathlib.Path(sys.argv[3])
recipe, overrides = sys.argv[4], json.loads(sys.argv[5])
gc.setup("es", seed)
x, y = data.mnist_split("train")
gan = recipes.build(recipe, seed=seed, **overrides)
train.fit(gan, x, None, minutes=minutes, out=out, labels=y if gan.recipe.uses_labels else None, verbose=False)
"""


def train_run(model: str, seed: int, minutes: float, out: pathlib.Path, data: str = "mnist",
              epochs: int | None = None) -> dict:
    env = dict(os.environ, GAN_COURSE_OFFLINE="1")
    env.pop("GAN_COURSE_QUICK", None)
    family, _, loss = model.partition("+")
    if family in CLI_MODELS:
        cmd = [sys.executable, "-m", "gan_course", "train", "--recipe", family, "--seed", str(seed),
               "--minutes", str(0 if epochs else minutes), *(["--epochs", str(epochs)] if epochs else []),
               "--out", str(out), "--data", data, *(["--loss", loss] if loss else [])]
    else:
        if epochs:
            raise SystemExit(f"--epochs: only for the recipes of the command ({', '.join(CLI_MODELS)}), not {model}")
        recipe, arch = VARIANTS[model]
        cmd = [sys.executable, "-c", VARIANT_RUN, str(seed), str(minutes), str(out), recipe, json.dumps(arch)]
    start = time.time()
    subprocess.run(cmd, check=True, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
    history = json.loads((out / "history.json").read_text())
    return {"wall_s": round(time.time() - start, 1), "epochs": history["epoch"][-1],
            "images_per_second": round(statistics.median(history["images_per_second"]), 1)}


def table(rows, real) -> str:
    target_fid = 3 * real["frechet_distance"]
    lines = ["| tag | minutes | recipe | seed | epochs | images/s | IS | FID | memorised | rarest class | "
             "classes ≥ 5 % | requested digit |", "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in sorted(rows, key=lambda r: (r.get("tag", ""), r["minutes"], r["model"], r["seed"])):
        lines.append(f"| {r.get('tag', '')} | {r['minutes']:g} | {r['model']} | {r['seed']} | {r['epochs']} | "
                     f"{r['images_per_second']:.0f} | {r['inception_score']:.2f} | {r['frechet_distance']:.1f} | "
                     f"{r['memorised_share']:.1%} | {r['rarest_share']:.1%} | {r['classes_ge_5pct']}/10 | "
                     f"{'—' if r.get('requested_share') is None else format(r['requested_share'], '.1%')} |")
    lines.append(f"| | | real digits (held-out) | — | — | — | {real['inception_score']:.2f} | "
                 f"{real['frechet_distance']:.2f} | {real['memorised_share']:.1%} | {real['rarest_share']:.1%} | 10/10 "
                 f"| — |")
    lines.append(f"| | | **target** | | | | ≥ 9.00 | ≤ {target_fid:.2f} | ≤ 5 % | ≥ 5 % | 10/10 | |")
    return "\n".join(lines)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--minutes", type=float, default=3.0)
    ap.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    ap.add_argument("--models", nargs="+", default=["course", "tutorial"],
                    choices=[*CLI_MODELS, *VARIANTS, *(f"{m}+{loss}" for m in CLI_MODELS for loss in LOSSES)])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--tag", default="main job")
    ap.add_argument("--data", default="mnist", help="mnist, or a folder of the training digits as PNG files "
                    "(benchmarks/digit_folder.py writes one): the run then reads no label")
    ap.add_argument("--runs", default=str(ROOT / "runs" / "bench_quality"))
    ap.add_argument("--epochs", type=int, help="train exactly this many epochs instead of --minutes of wall clock "
                    "(an image budget: runs can then share the machine); the row keeps --minutes as the time those "
                    "epochs stand for on a quiet machine and records budget = 'epochs'")
    args = ap.parse_args(argv)

    import gan_course as gc
    from gan_course import keras, metrics

    gc.setup("es")
    real = metrics.reference_scores(args.n)
    RESULTS.mkdir(parents=True, exist_ok=True)
    for model in args.models:
        for seed in args.seeds:
            budget = f"{args.epochs}ep" if args.epochs else f"{args.minutes:g}min"
            out = pathlib.Path(args.runs) / f"{model}_seed{seed}_{budget}"
            if out.exists():
                shutil.rmtree(out)
            info = train_run(model, seed, args.minutes, out, args.data, args.epochs)
            generator = keras.models.load_model(str(out / "generator.keras"), compile=False)
            images = metrics.sample(generator, args.n, 0)
            s = metrics.score_images(images)
            # the digit the code asks for: only when the code's classes are the digits (labels were used)
            requested = metrics.requested_digits(generator, args.n, 0) if model.split("+")[0] in (
                "course", "cdcgan") else None
            row = {"tag": args.tag, "minutes": args.minutes, "model": model, "seed": seed, **info,
                   **({"budget": "epochs"} if args.epochs else {}),
                   "data": "mnist" if args.data == "mnist" else "digit folder",
                   "inception_score": round(s["inception_score"], 3),
                   "frechet_distance": round(s["frechet_distance"], 2),
                   "memorised_share": round(s["memorised_share"], 4), "rarest_share": round(s["rarest_share"], 3),
                   "classes_ge_5pct": int(sum(c >= 0.05 for c in s["class_shares"])),
                   "requested_share": (None if requested is None
                                       else round(metrics.requested_share(images, requested), 4)),
                   "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs",
                   "load_average": [round(v, 1) for v in os.getloadavg()]}
            print(json.dumps(row), flush=True)
            with (RESULTS / "quality.jsonl").open("a", encoding="utf-8") as f:
                f.write(json.dumps(row) + "\n")
    rows = [json.loads(line) for line in (RESULTS / "quality.jsonl").read_text().splitlines() if line.strip()]
    text = (f"Quality of the generator after training for a number of CPU-minutes (bundled MNIST, training split "
            f"of 4,000 digits); course evaluator, {args.n} samples, FID against the 1,000 held-out digits.\n\n"
            + table(rows, real) + "\n")
    (RESULTS / "quality.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
