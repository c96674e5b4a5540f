"""Environment report for lesson 00: versions, processor, GPU, quick/offline modes.

Visto en 00 §Comprobar el entorno.
"""
from __future__ import annotations

import os
import platform

from . import config
from ._tf import keras, tf
from .i18n import register, t

register({
    "env.python": {"es": "Python", "pt": "Python"},
    "env.cpus": {"es": "núcleos de CPU", "pt": "núcleos de CPU"},
    "env.gpus": {"es": "GPU visibles para TensorFlow", "pt": "GPUs visíveis para o TensorFlow"},
    "env.none": {"es": "ninguna (se usa la CPU, suficiente para este curso)",
                 "pt": "nenhuma (usa-se a CPU, suficiente para este curso)"},
    "env.quick": {"es": "modo rápido (GAN_COURSE_QUICK)", "pt": "modo rápido (GAN_COURSE_QUICK)"},
    "env.offline": {"es": "sin conexión (GAN_COURSE_OFFLINE)", "pt": "sem conexão (GAN_COURSE_OFFLINE)"},
    "env.yes": {"es": "sí", "pt": "sim"},
    "env.no": {"es": "no", "pt": "não"},
})


def report() -> dict:
    """Versions of the course's stack and the hardware TensorFlow sees, as a dict.

    Visto en 00 §Comprobar el entorno.
    """
    import imageio
    import matplotlib
    import numpy as np

    import gan_course

    gpus = [d.name for d in tf.config.list_physical_devices("GPU")]
    return {
        "gan_course": gan_course.__version__,
        t("env.python"): platform.python_version(),
        "tensorflow": tf.__version__,
        "keras": keras.__version__,
        "numpy": np.__version__,
        "matplotlib": matplotlib.__version__,
        "imageio": imageio.__version__,
        t("env.cpus"): os.cpu_count(),
        t("env.gpus"): ", ".join(gpus) if gpus else t("env.none"),
        t("env.quick"): t("env.yes") if config.quick() else t("env.no"),
        t("env.offline"): t("env.yes") if config.offline() else t("env.no"),
    }


def print_report() -> None:
    """Print :func:`report` as an aligned table.  Visto en 00 §Comprobar el entorno."""
    rows = report()
    width = max(len(k) for k in rows)
    for k, v in rows.items():
        print(f"{k:<{width}}  {v}")
