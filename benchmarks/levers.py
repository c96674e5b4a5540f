"""Which training levers help the MNIST DCGAN at a fixed budget: each lever on/off, several seeds.

    python benchmarks/levers.py --name ema --set ema_half_life=10000 [--epochs 45] [--seeds 0 1 2]
    python benchmarks/levers.py --table            # the Markdown table of every recorded run

Every run trains the course networks (``gan_course.models.build_pair``) with
``gan_course.train.fit`` on the 4,000 training digits of :func:`gan_course.data.mnist_split` for
``--epochs`` epochs (a budget in *images*, so a busy machine changes the wall time, not the
result), then scores 2,000 samples of the saved sampler with the course's honest evaluator
(:mod:`gan_course.metrics`: IS, FID against the held-out digits, memorisation share, class
balance).  ``--set key=value`` overrides a training option of :class:`gan_course.train.GAN` or an
architecture option of ``build_pair`` (``d_batch_norm``, ``width``, ``d_width``, ``kernel_size``,
``z_dim``, ``batch_size``).  Each result is appended to ``benchmarks/results/levers.jsonl``;
images/s are measured too, but on a shared machine read them as a rough guide (the speed table
is ``bench_train_step.py``'s).
"""
from __future__ import annotations

import argparse
import json
import pathlib
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "benchmarks" / "results" / "levers.jsonl"


def _value(text):
    for cast in (int, float):
        try:
            return cast(text)
        except ValueError:
            pass
    return {"true": True, "false": False}.get(text.lower(), text)


def subgroup_labels(x, y, per_class, seed=0):
    """Each digit's images split into ``per_class`` groups of similar ones (:func:`gan_course.clusters.find`,
    deskewed graph): label ``digit · per_class + group``, so the class of a group is ``label // per_class``."""
    import numpy as np

    from gan_course import clusters

    out = np.empty(len(y), np.int32)
    for digit in np.unique(y):
        rows = np.flatnonzero(y == digit)
        out[rows] = digit * per_class + clusters.find(x[rows], per_class, method="deskewed", neighbours=10,
                                                      seed=seed)
    return out


def run(name, overrides, epochs, seed, recipe="course", n=2000, subgroups=0):
    import statistics

    import gan_course as gc
    from gan_course import data, metrics, recipes, train

    gc.setup("es", seed)
    x, y = data.mnist_split("train")
    if subgroups:  # the digit labels refined: every digit's images in ``subgroups`` groups, 10 · subgroups classes
        k = 10 * subgroups
        overrides = {"classes": k, "g_classes": k, "projection": k, **overrides}
        y = subgroup_labels(x, y, subgroups, seed)
    gan = recipes.build(recipe, seed=seed, **overrides)
    batch = gan.recipe.batch_size
    t0 = time.time()
    h = train.fit(gan, x, epochs, labels=y if gan.recipe.uses_labels else None, verbose=False)
    wall = time.time() - t0
    images = metrics.sample(gan.sampler, n, 0)
    s = metrics.score_images(images)
    requested = metrics.requested_digits(gan.sampler, n, 0)
    if subgroups and requested is not None:
        requested = requested // subgroups  # the digit of the group
    row = {"name": name, "recipe": recipe, "set": overrides, "seed": seed, "epochs": epochs,
           "images": epochs * h["steps_per_epoch"] * batch,
           "wall_s": round(wall, 1), "images_per_second": round(statistics.median(h["images_per_second"]), 1),
           "IS": round(s["inception_score"], 3), "FID": round(s["frechet_distance"], 2),
           "memorised": round(s["memorised_share"], 4), "rarest": round(s["rarest_share"], 4),
           "d_real": round(h["d_real"][-1], 3), "d_fake": round(h["d_fake"][-1], 3),
           "augment_p": h["augment_p"][-1],
           "requested_share": None if requested is None else round(metrics.requested_share(images, requested), 4)}
    return row


def table():
    import statistics
    rows = [json.loads(line) for line in RESULTS.read_text().splitlines() if line.strip()]
    groups = {}
    for r in rows:
        groups.setdefault((r["name"], r["epochs"]), []).append(r)
    out = ["| lever | epochs | seeds | IS | FID | memorised | rarest class | images/s (shared machine) |",
           "|---|---|---|---|---|---|---|---|"]
    for (name, epochs), rs in groups.items():
        def f(key, fmt):
            return " / ".join(format(r[key], fmt) for r in rs)
        out.append(f"| {name} | {epochs} | {len(rs)} | {f('IS', '.2f')} | {f('FID', '.1f')} | "
                   f"{f('memorised', '.1%')} | {f('rarest', '.1%')} | "
                   f"{statistics.median(r['images_per_second'] for r in rs):.0f} |")
    return "\n".join(out)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--name")
    ap.add_argument("--set", nargs="*", default=[], metavar="KEY=VALUE")
    ap.add_argument("--epochs", type=int, default=45)
    ap.add_argument("--seeds", type=int, nargs="+", default=[0])
    ap.add_argument("--recipe", default="course")
    ap.add_argument("--subgroups", type=int, default=0, metavar="K",
                    help="labelled recipes: split each digit into K groups of similar images (10·K classes)")
    ap.add_argument("--table", action="store_true")
    args = ap.parse_args(argv)
    if args.table:
        print(table())
        return
    overrides = {k: _value(v) for k, v in (item.split("=", 1) for item in args.set)}
    for seed in args.seeds:
        row = run(args.name, overrides, args.epochs, seed, args.recipe, subgroups=args.subgroups)
        print(json.dumps(row), flush=True)
        RESULTS.parent.mkdir(exist_ok=True)
        with RESULTS.open("a", encoding="utf-8") as f:
            f.write(json.dumps(row) + "\n")


if __name__ == "__main__":
    main()
