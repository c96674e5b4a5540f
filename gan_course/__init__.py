"""gan_course — convolutional networks and GANs with Keras, in Spanish and Portuguese.

Light on import: TensorFlow is loaded (quietly) only when first needed, e.g. by
``from gan_course import tf, keras`` or :func:`setup`.
"""
from __future__ import annotations

from .config import offline, pick, quick, seed_everything
from .i18n import get_language, set_language, t

__version__ = "0.1.0"

__all__ = [
    "__version__", "setup", "set_language", "get_language", "t",
    "seed_everything", "quick", "offline", "pick", "tf", "keras",
]


def setup(lang: str = "es", seed: int = 0) -> None:
    """First cell of every notebook: language, seeds, quiet TensorFlow, plot defaults.

    Prints nothing, so the cell's (empty) output is the same on every machine.
    Visto en 00 §Cómo usar el curso.
    """
    set_language(lang)
    from . import _tf

    _tf.load()  # quiet import before anything else touches TF

    seed_everything(seed)
    import matplotlib.pyplot as plt

    plt.rcParams.update({"figure.dpi": 80, "savefig.dpi": 80, "figure.max_open_warning": 0})


def __getattr__(name):  # lazy ``gan_course.tf`` / ``gan_course.keras`` / ``gan_course.<module>``
    # a name that is no module of the package is an AttributeError (so ``hasattr`` works); a module
    # that exists but fails to import raises its own error
    if name in ("tf", "keras"):
        from . import _tf

        return _tf.load()[name]
    if not name.startswith("_"):
        import importlib

        try:
            return importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
    raise AttributeError(f"module 'gan_course' has no attribute {name!r}")
