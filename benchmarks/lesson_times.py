"""How long each lesson notebook takes to run, measured: the times the course website shows.

    python benchmarks/lesson_times.py               # every Spanish notebook, full mode, one after the other
    python benchmarks/lesson_times.py 04 06         # some lessons
    python benchmarks/lesson_times.py --lang pt     # the Portuguese notebooks (same code, other prose)
    python benchmarks/lesson_times.py --quick       # quick mode (GAN_COURSE_QUICK=1): for trying this script

Each notebook runs from its first cell to its last in a fresh kernel, offline (``GAN_COURSE_OFFLINE=1``), in its
own folder, exactly as ``python tools/nbbuild.py execute NN`` runs it — but the committed notebook is not
rewritten: only the wall time is kept. Each time goes into ``benchmarks/results/lesson_times.json`` (merged, keyed
by notebook, then by mode ``full``/``quick``) with its conditions: the 1-minute load average before and after
(how many other processes wanted the CPU), the CPU count and the date. ``tools/nbbuild.py execute`` writes the
same entries whenever lessons are executed for committing; ``python -m gan_course site`` shows the ``full`` ones.

Wall time depends on the machine and on what else runs: measure on a quiet machine (load average below the CPU
count) for times to publish, and run the lessons one at a time (this script never runs two at once).
"""
from __future__ import annotations

import argparse
import os
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import nbbuild  # noqa: E402


def notebooks(lang: str, selection=()) -> list[pathlib.Path]:
    """The lesson notebooks of ``lang`` (``NN_*.ipynb``), or those whose number is in ``selection``."""
    paths = sorted((ROOT / "notebooks" / lang).glob("[0-9][0-9]_*.ipynb"))
    return [p for p in paths if not selection or p.name[:2] in selection]


def measure(path: pathlib.Path, quick: bool = False, timeout: int = 3600) -> dict:
    """Run ``path`` in a fresh kernel (its outputs are discarded) and record the wall time; returns the entry."""
    import nbformat

    nb = nbformat.read(str(path), as_version=4)
    seconds, load_before = nbbuild.run_notebook(nb, path, quick=quick, timeout=timeout)
    nbbuild.record_time(path, seconds, load_before, quick=quick)
    key = path.resolve().relative_to(ROOT).as_posix()
    return nbbuild.json.loads(nbbuild.TIMES.read_text(encoding="utf-8"))[key]["quick" if quick else "full"]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("lessons", nargs="*", help="lesson numbers (e.g. 04 06); default: all")
    ap.add_argument("--lang", choices=nbbuild.LANGS, default="es", help="which language's notebooks (default: es)")
    ap.add_argument("--quick", action="store_true", help="quick mode (GAN_COURSE_QUICK=1), recorded as 'quick'")
    args = ap.parse_args(argv)
    chosen = notebooks(args.lang, args.lessons)
    if not chosen:
        ap.error(f"no notebook in notebooks/{args.lang} for lessons {args.lessons}")
    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}; mode {'quick' if args.quick else 'full'}")
    for path in chosen:
        entry = measure(path, quick=args.quick)
        print(f"{path.relative_to(ROOT).as_posix():60s} {entry['seconds']:7.1f} s  "
              f"(load {entry['load_before']:.1f} -> {entry['load_after']:.1f})", flush=True)
    print(f"written to {nbbuild.TIMES.relative_to(ROOT).as_posix()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
