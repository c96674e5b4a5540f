"""Run-time switches of the course: quick mode, offline mode, seeding.

* ``GAN_COURSE_QUICK=1`` shrinks *sizes* (epochs, data subsets, sample counts) inside the
  library; notebooks never test it themselves, so the notebook a student reads is the one
  CI runs.  Full mode is the default.
* ``GAN_COURSE_OFFLINE=1`` forces the bundled MNIST subset (no network access at all).
* ``GAN_COURSE_LANG=es|pt`` sets the starting language (notebooks call :func:`gan_course.setup`).

Visto en 00 §Cómo usar el curso.
"""
from __future__ import annotations

import os
import random

import numpy as np

from ._tf import keras

_TRUE = {"1", "true", "yes", "on", "si", "sí", "sim"}


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in _TRUE


def quick() -> bool:
    """True when ``GAN_COURSE_QUICK`` is set: sizes shrink so CI runs in minutes."""
    return _flag("GAN_COURSE_QUICK")


def offline() -> bool:
    """True when ``GAN_COURSE_OFFLINE`` is set: never touch the network."""
    return _flag("GAN_COURSE_OFFLINE")


def pick(full, quick_value):
    """``full`` normally, ``quick_value`` in quick mode (for epochs, subsets, sample counts).

    Visto en 01 §Entrenar.
    """
    return quick_value if quick() else full


def seed_everything(seed: int = 0) -> int:
    """Seed Python's ``random``, NumPy and TensorFlow/Keras in one call; returns the seed.

    The same seed gives the same numbers on one machine (thread count and oneDNN change
    late digits across machines).  Visto en 00 §Semillas.
    """
    from .validate import check_int

    seed = check_int("seed", seed, 0)
    random.seed(seed)
    np.random.seed(seed)
    keras.utils.set_random_seed(seed)
    return seed
