"""Which recipe draws emoji: the colour DCGAN on the bundled Noto Emoji at a fixed image budget.

    python benchmarks/colour.py --name resize --recipe colour [--set upsample=resize] [--epochs 30] [--seeds 0]
    python benchmarks/colour.py --name "colour default, 5 min" --recipe colour-selfcond --minutes 5
    python benchmarks/colour.py --table            # the Markdown table of every recorded run

Every run builds ``gan_course.models.build_pair(recipe, (size, size, 3), ...)`` and trains it with
``gan_course.train.fit`` on :func:`gan_course.images.load_emoji` (all 3,786 pictures, or
``--categories``, ``--no-skin-tones``) for ``--epochs`` epochs — a budget in *images*, so a busy
machine changes the wall time, not the result.  Then 1,000 samples of the saved sampler are measured
against the data with
:mod:`gan_course.colour_metrics`: the checkerboard ratio (Nyquist power, generated ÷ real; target
≤ 1.5), the share of white border pixels and the colourfulness (both next to the data's), plus
D(x) and D(G(z)) of the last epochs (a discriminator that wins sits near 1 and 0).  ``--set
key=value`` overrides a training option of :class:`gan_course.train.GAN` or an architecture option
of ``build_pair``.  Rows go to ``benchmarks/results/colour.jsonl``; the last frame of each run to
``benchmarks/results/colour/NAME-seedS.png`` to look at.  Images/s are measured too (read them as a
guide on a shared machine).
"""
from __future__ import annotations

import argparse
import json
import pathlib
import re
import statistics
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "benchmarks" / "results" / "colour.jsonl"
FRAMES = ROOT / "benchmarks" / "results" / "colour"


def slug(name: str) -> str:
    """A file name for a run's name: ``"resize 3x3, width 32"`` → ``"resize-3x3-width-32"``."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _value(text):
    for cast in (int, float):
        try:
            return cast(text)
        except ValueError:
            pass
    return {"true": True, "false": False}.get(text.lower(), text)


def run(name, overrides, epochs, seed, recipe, size=32, categories=None, skin_tones=True, n=1000, minutes=None):
    import numpy as np

    import gan_course as gc
    from gan_course import colour_metrics as cm
    from gan_course import emoji_eval, images, recipes, train

    gc.setup("es", seed)
    x, y = images.load_emoji(size, categories, skin_tones=skin_tones, with_labels=True)
    gan = recipes.build(recipe, (size, size, 3), seed=seed, **overrides)
    t0 = time.time()
    h = train.fit(gan, x, None if minutes else epochs, minutes=minutes,
                  labels=y.astype(np.int32) if gan.recipe.uses_labels else None, verbose=False)
    wall = time.time() - t0
    epochs = h["epoch"][-1]
    z = np.random.default_rng(1000 + seed).standard_normal((n, gan.z_dim)).astype(np.float32)
    fake = np.concatenate([gan.sample(z[i:i + 250]) for i in range(0, n, 250)])
    real = x[np.random.default_rng(0).permutation(len(x))[:n]]
    grid = np.rint((fake[:64] + 1) * 127.5).astype(np.uint8).reshape(8, 8, size, size, 3)
    FRAMES.mkdir(parents=True, exist_ok=True)
    import imageio.v3 as iio
    frame = FRAMES / f"{slug(name)}-seed{seed}.png"
    iio.imwrite(frame, grid.transpose(0, 2, 1, 3, 4).reshape(8 * size, 8 * size, 3))
    tail = max(1, len(h["d_real"]) // 5)  # the last fifth of the epochs
    return {"name": name, "recipe": recipe, "set": overrides, "seed": seed, "epochs": epochs, "size": size,
            "categories": categories, "skin_tones": skin_tones, "data_size": len(x), "minutes": minutes,
            "frame": frame.relative_to(ROOT).as_posix(),
            "images": epochs * h["steps_per_epoch"] * gan.recipe.batch_size, "wall_s": round(wall, 1),
            "images_per_second": round(statistics.median(h["images_per_second"]), 1),
            "checkerboard": round(cm.checkerboard_ratio(fake, real), 3),
            "background": round(cm.background_share(fake), 3), "background_real": round(cm.background_share(real), 3),
            "colourfulness": round(cm.colourfulness(fake), 1), "colourfulness_real": round(cm.colourfulness(real), 1),
            "d_real": round(statistics.mean(h["d_real"][-tail:]), 3),
            "d_fake": round(statistics.mean(h["d_fake"][-tail:]), 3),
            "d_real_by_epoch": [round(v, 3) for v in h["d_real"]],
            "d_fake_by_epoch": [round(v, 3) for v in h["d_fake"]],
            "augment_p": h["augment_p"][-1],
            "emoji_fid": round(emoji_eval.frechet_distance(fake), 3),
            "emoji_fid_real": round(emoji_eval.reference_distance(n), 3)}


def table():
    rows = [json.loads(line) for line in RESULTS.read_text().splitlines() if line.strip()]
    out = ["| run | recipe | size | epochs | seed | emoji FID (real) | checkerboard (÷ real) | white border (real) | "
           "colourfulness (real) | D(x) / D(G(z)), last fifth | images/s (shared machine) |",
           "|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        fid = f"{r['emoji_fid']:.2f} ({r['emoji_fid_real']:.2f})" if "emoji_fid" in r else "—"
        out.append(f"| {r['name']} | {r['recipe']} | {r['size']} | {r['epochs']} | {r['seed']} | {fid} | "
                   f"{r['checkerboard']:.2f} | {r['background']:.0%} ({r['background_real']:.0%}) | "
                   f"{r['colourfulness']:.0f} ({r['colourfulness_real']:.0f}) | "
                   f"{r['d_real']:.2f} / {r['d_fake']:.2f} | "
                   f"{r['images_per_second']:.0f} |")
    return "\n".join(out)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--name")
    ap.add_argument("--set", nargs="*", default=[], metavar="KEY=VALUE")
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--minutes", type=float, help="train for this many minutes of wall clock instead of --epochs "
                    "(needs a quiet machine: other programs steal its steps)")
    ap.add_argument("--seeds", type=int, nargs="+", default=[0])
    ap.add_argument("--recipe", default="colour")
    ap.add_argument("--size", type=int, default=32)
    ap.add_argument("--categories", nargs="*")
    ap.add_argument("--no-skin-tones", dest="skin_tones", action="store_false",
                    help="drop the skin-tone variants (each figure once, in yellow)")
    ap.add_argument("--table", action="store_true")
    args = ap.parse_args(argv)
    if args.table:
        print(table())
        return
    overrides = {k: _value(v) for k, v in (item.split("=", 1) for item in args.set)}
    for seed in args.seeds:
        row = run(args.name, overrides, args.epochs, seed, args.recipe, args.size, args.categories,
                  args.skin_tones, minutes=args.minutes)
        print(json.dumps({k: v for k, v in row.items() if not k.endswith("_by_epoch")}), flush=True)
        RESULTS.parent.mkdir(exist_ok=True)
        with RESULTS.open("a", encoding="utf-8") as f:
            f.write(json.dumps(row) + "\n")


if __name__ == "__main__":
    main()
