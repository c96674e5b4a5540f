"""Write the 4,000 training digits of the bundled MNIST subset as PNG files: a folder without labels.

    python benchmarks/digit_folder.py runs/digits      # then: python -m gan_course train --data runs/digits

What a user with their own pictures has: images and nothing else.  ``benchmarks/quality.py --data runs/digits``
trains on it and scores the generator against the 1,000 held-out digits, as for MNIST.
"""
from __future__ import annotations

import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(argv=None):
    import imageio.v3 as iio

    from gan_course import data

    folder = pathlib.Path((argv or sys.argv[1:] or ["runs/digits"])[0])
    folder.mkdir(parents=True, exist_ok=True)
    x, _ = data.mnist_split("train")
    for i, image in enumerate(x):
        iio.imwrite(folder / f"{i:04d}.png", image.reshape(28, 28))
    print(f"{len(x)} PNG files in {folder}")


if __name__ == "__main__":
    main()
