"""Quality at equal CPU time: the course default vs the TensorFlow tutorial recipe (issue: 3 CPU-minutes).

    python benchmarks/quality.py [--minutes 3] [--seeds 0 1 2] [--models course tutorial]

For every model and seed it runs exactly the main job, ``python -m gan_course train --minutes M
--model X --seed S`` (offline, bundled 5,000-digit subset), in its own process, then scores the
run's ``generator.keras`` with the course's evaluator (``gan_course.metrics``: 2,000 samples,
latent seed 0): Inception Score, Fréchet distance to the 1,000 held-out real digits, and the
share of the rarest class.  The reference line is real data scored the same way (2,000 training
digits vs the held-out digits).  The target of the course: IS ≥ 0.93 × IS(real),
FID ≤ 2.5 × FID(real), every class ≥ 5 %.

Writes ``benchmarks/results/quality.json`` and ``quality.md`` (a table for the README).  Needs a
quiet machine: each run gets the same wall-clock budget, so other programs steal its steps.
"""
from __future__ import annotations

import argparse
import json
import os
import pathlib
import platform
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def train_run(model: str, seed: int, minutes: float, out: pathlib.Path) -> dict:
    env = dict(os.environ, GAN_COURSE_OFFLINE="1")
    env.pop("GAN_COURSE_QUICK", None)
    cmd = [sys.executable, "-m", "gan_course", "train", "--model", model, "--seed", str(seed),
           "--minutes", str(minutes), "--epochs", "1000", "--out", str(out)]
    start = time.time()
    subprocess.run(cmd, check=True, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
    history = json.loads((out / "history.json").read_text())
    return {"wall_s": round(time.time() - start, 1), "epochs": history["epoch"][-1],
            "images_per_second": round(statistics.median(history["images_per_second"]), 1)}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--minutes", type=float, default=3.0)
    ap.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    ap.add_argument("--models", nargs="+", default=["course", "tutorial"])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--runs", default=str(ROOT / "runs" / "bench_quality"))
    args = ap.parse_args(argv)

    import gan_course as gc
    from gan_course import keras, metrics

    gc.setup("es")
    real = metrics.reference_scores(args.n)
    rows = []
    for model in args.models:
        for seed in args.seeds:
            out = pathlib.Path(args.runs) / f"{model}_seed{seed}_{args.minutes:g}min"
            if out.exists():
                import shutil

                shutil.rmtree(out)
            info = train_run(model, seed, args.minutes, out)
            generator = keras.models.load_model(str(out / "generator.keras"), compile=False)
            s = metrics.score_images(metrics.sample(generator, args.n, 0))
            row = {"model": model, "seed": seed, **info, "inception_score": round(s["inception_score"], 3),
                   "frechet_distance": round(s["frechet_distance"], 2), "rarest_share": round(s["rarest_share"], 3),
                   "classes_ge_5pct": int(sum(c >= 0.05 for c in s["class_shares"]))}
            rows.append(row)
            print(json.dumps(row), flush=True)
    target = {"inception_score": round(0.93 * real["inception_score"], 3),
              "frechet_distance": round(2.5 * real["frechet_distance"], 2)}
    result = {"minutes": args.minutes, "n": args.n, "machine": f"{platform.processor() or platform.machine()}, "
              f"{os.cpu_count()} CPUs", "real": {k: real[k] for k in ("inception_score", "frechet_distance",
                                                                     "rarest_share")},
              "target": target, "runs": rows}
    res_dir = ROOT / "benchmarks" / "results"
    res_dir.mkdir(parents=True, exist_ok=True)
    (res_dir / "quality.json").write_text(json.dumps(result, indent=1) + "\n")
    lines = [f"Quality after `python -m gan_course train --minutes {args.minutes:g}` (bundled 5k MNIST, "
             f"{result['machine']}); course evaluator, {args.n} samples.", "",
             "| recipe | seed | epochs | images/s | IS | FID | rarest class | classes ≥ 5 % |",
             "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['model']} | {r['seed']} | {r['epochs']} | {r['images_per_second']:.0f} | "
                     f"{r['inception_score']:.2f} | {r['frechet_distance']:.1f} | {r['rarest_share']:.1%} | "
                     f"{r['classes_ge_5pct']}/10 |")
    lines.append(f"| real digits | — | — | — | {real['inception_score']:.2f} | {real['frechet_distance']:.2f} | "
                 f"{real['rarest_share']:.1%} | 10/10 |")
    lines.append(f"| **target** | | | | ≥ {target['inception_score']:.2f} | ≤ {target['frechet_distance']:.2f} | "
                 f"≥ 5 % | 10/10 |")
    (res_dir / "quality.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
