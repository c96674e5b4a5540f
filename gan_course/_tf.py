"""Quiet TensorFlow import, shared by every module and notebook of the course.

TensorFlow 2.21 prints two C++ banners (oneDNN, cpu_feature_guard) straight to file
descriptor 2 while ``import tensorflow`` runs, and a ``cuInit`` error line when it first looks
for devices on a machine without a GPU.  ``TF_CPP_MIN_LOG_LEVEL`` does not remove
them and ``TF_ENABLE_ONEDNN_OPTS=0`` makes training several times slower, so the import
runs inside a short redirect of fd 2 to ``/dev/null``; afterwards stderr is restored.

Use ``from gan_course import tf, keras`` (or ``from gan_course._tf import tf, keras``);
never ``import tensorflow`` directly in a notebook.  Visto en 00 §Comprobar el entorno.

Inside the package this is the one way to obtain TensorFlow and Keras: every module writes
``from ._tf import keras, tf`` at its top.  Those two names are stand-ins that import TensorFlow
(quietly) the first time one of their attributes is read, so a module that only *may* need
TensorFlow loads without it (``python -m gan_course train --help`` stays instant).
:func:`load` returns the real modules (``gan_course.tf`` and ``gan_course.keras`` are those).
"""
from __future__ import annotations

import os
import sys

# C++ log lines that TF prints later (e.g. a grappler "remapper failed" error on some graphs) would
# land in notebooks as stderr outputs; level 3 keeps them out.  Python exceptions are unaffected,
# and a user who wants the C++ logs sets TF_CPP_MIN_LOG_LEVEL before importing gan_course.
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")


def _quiet_import():
    if "tensorflow" in sys.modules:  # already imported (possibly noisily): nothing to hide
        import tensorflow as tf_mod
        return tf_mod
    try:
        sys.stderr.flush()
    except Exception:  # pragma: no cover - exotic streams
        pass
    saved = None
    try:
        saved = os.dup(2)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
        os.close(devnull)
    except OSError:  # pragma: no cover - no real fd 2 (some embedded interpreters)
        saved = None
    try:
        import tensorflow as tf_mod

        # Device discovery (cuInit on machines without a GPU) also prints to fd 2: do it now.
        tf_mod.config.list_physical_devices()
    finally:
        if saved is not None:
            os.dup2(saved, 2)
            os.close(saved)
    return tf_mod


_modules: dict = {}


def load() -> dict:
    """``{"tf": tensorflow, "keras": keras}``, imported (quietly) on the first call."""
    if not _modules:
        tf_mod = _quiet_import()
        tf_mod.get_logger().setLevel("ERROR")
        import keras as keras_mod  # Keras 3, the same object as tf.keras

        _modules.update(tf=tf_mod, keras=keras_mod)
    return _modules


class _Lazy:
    """A stand-in for the module ``name``: its first attribute read imports TensorFlow (:func:`load`)."""

    __slots__ = ("_name",)

    def __init__(self, name):
        self._name = name

    def __getattr__(self, attr):
        return getattr(load()[self._name], attr)

    def __dir__(self):
        return dir(load()[self._name])

    def __repr__(self):
        return f"<gan_course._tf.{self._name}: {load()[self._name]!r}>"


tf = _Lazy("tf")
keras = _Lazy("keras")

__all__ = ["tf", "keras", "load"]
