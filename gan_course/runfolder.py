"""The run folder: what a training run leaves on disk, written alike by both loops.

:func:`gan_course.train.fit` (the hand-written loop) and the callbacks of :mod:`gan_course.keras_gan`
(``GANModel.fit``) write it through the functions of this module only::

    out/
      samples/epoch_001.png …   the fixed latent grid after each epoch
      training.gif              one frame per epoch (milliseconds per frame, loops forever)
      losses.png                the loss curves
      history.json              losses, times, scores and the run's settings
      generator.keras           the trained generator (plain Keras: keras.models.load_model)
      checkpoints/mnist_64_28_28/   (dataset_batch_height_width, as carpedm20's model_dir)
      logs/                     TensorBoard (only with tensorboard=True)

* paths — the names above, :func:`model_dir`, :func:`sample_path`, :func:`new_run_folder`,
  :func:`latest_checkpoint`; :func:`check_out` refuses to overwrite a run or finds the one to resume.
* writes are atomic (a temporary file, then a rename): a run stopped midway never leaves half a file.
* the history — :func:`empty_history` (its schema), :func:`add_epoch`, :func:`truncate_history`,
  :func:`read_history`; :func:`plot_history` draws it.
* :class:`CheckpointFolder` — ``tf.train.CheckpointManager`` with the multi-worker rule: only the
  chief writes the run folder; another worker saves (every worker must take part) into a
  temporary folder removed at the end.
* :func:`write_epoch` (after each epoch) and :func:`finish` (at the end) write the files;
  :func:`write_events` writes TensorBoard events with core TensorFlow only.

Visto en 06 §Puntos de control y §El GIF.
"""
from __future__ import annotations

import datetime
import json
import os
import pathlib
import shutil
import tempfile
import warnings

import numpy as np

from ._tf import tf
from .gif import write_gif
from .i18n import arg_error, register, t
from .validate import check_int

register({
    "runfolder.expected_run_folder": {"es": "una carpeta de ejecución existente",
                                      "pt": "uma pasta de execução existente"},
    "runfolder.expected_samples": {
        "es": "una carpeta de ejecución con una muestra por época ({path} no existe)",
        "pt": "uma pasta de execução com uma amostra por época ({path} não existe)",
    },
    "runfolder.expected_checkpoint": {
        "es": "una carpeta de ejecución con un punto de control (checkpoints/…); no hay ninguno",
        "pt": "uma pasta de execução com um ponto de verificação (checkpoints/…); não há nenhum",
    },
    "runfolder.expected_out": {
        "es": "una carpeta de ejecución nueva (esta ya tiene un entrenamiento: use resume=True u otra carpeta)",
        "pt": "uma pasta de execução nova (esta já tem um treinamento: use resume=True ou outra pasta)",
    },
    "runfolder.plot_title": {"es": "Pérdidas durante el entrenamiento", "pt": "Perdas durante o treinamento"},
    "runfolder.plot_epoch": {"es": "época", "pt": "época"},
    "runfolder.plot_loss": {"es": "pérdida", "pt": "perda"},
})

CHECKPOINT_FOLDER = "checkpoints"
SAMPLES_FOLDER = "samples"
LOGS_FOLDER = "logs"
HISTORY_FILE = "history.json"
GIF_FILE = "training.gif"
LOSSES_FILE = "losses.png"
GENERATOR_FILE = "generator.keras"
#: the per-epoch lists of the history, in the order :func:`add_epoch` takes them
EPOCH_KEYS = ("epoch", "d_loss", "g_loss", "total", "d_real", "d_fake", "seconds", "images_per_second", "augment_p")


# ------------------------------------------------------------------------------ paths
def model_dir(dataset: str, batch_size: int, image_shape) -> str:
    """Checkpoint folder name ``{dataset}_{batch}_{height}_{width}`` (carpedm20's ``model_dir``)."""
    return f"{dataset}_{int(batch_size)}_{int(image_shape[0])}_{int(image_shape[1])}"


def new_run_folder(root="runs", name: str = "run") -> pathlib.Path:
    """A fresh path ``root/name-YYYYmmdd-HHMMSS`` (suffixed if taken); not created yet."""
    root = pathlib.Path(root)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    path = root / f"{name}-{stamp}"
    k = 2
    while path.exists():
        path = root / f"{name}-{stamp}-{k}"
        k += 1
    return path


def sample_path(out, epoch: int) -> pathlib.Path:
    """``out/samples/epoch_NNN.png``: the sample grid after epoch ``epoch``."""
    return pathlib.Path(out) / SAMPLES_FOLDER / f"epoch_{int(epoch):03d}.png"


def latest_checkpoint(out) -> str | None:
    """Path prefix of the newest checkpoint under ``out/checkpoints/*/``, or None."""
    folder = pathlib.Path(out) / CHECKPOINT_FOLDER
    if not folder.is_dir():
        return None
    found = [tf.train.latest_checkpoint(str(d)) for d in sorted(folder.iterdir()) if d.is_dir()]
    found = [f for f in found if f]
    return max(found, key=lambda p: os.path.getmtime(p + ".index")) if found else None


def check_out(out, resume: bool, name: str = "out") -> str | None:
    """Refuse or resume: the checkpoint to resume from, or None for a new run.

    ``resume``: ``out`` must hold a checkpoint (else ``FileNotFoundError``); without it, a folder
    that already holds a run is refused (``FileExistsError``) rather than overwritten.  ``name`` is
    the argument blamed (``"--out"`` on the command line).  ``out=None`` writes nothing: only
    ``resume`` is wrong then.
    """
    found = latest_checkpoint(out) if out is not None else None
    if resume and found is None:
        raise arg_error(name if out is not None else "resume", str(out), "runfolder.expected_checkpoint",
                        exc=FileNotFoundError)
    if not resume and found is not None:
        raise arg_error(name, str(out), "runfolder.expected_out", exc=FileExistsError)
    return found


# ------------------------------------------------------------------------------ atomic writes
def atomic_write(path, write) -> None:
    """``write(tmp)`` into a temporary file next to ``path``, then rename it to ``path``."""
    path = pathlib.Path(path)
    tmp = path.with_name(f".tmp-{path.stem}{''.join(path.suffixes)}")
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def write_json(path, obj) -> None:
    """``obj`` as indented JSON, atomically."""
    atomic_write(path, lambda p: p.write_text(json.dumps(obj, indent=1), encoding="utf-8"))


def write_png(path, image) -> None:
    """A uint8 image (H, W) or (H, W, C) as a PNG, atomically."""
    import imageio.v3 as iio

    atomic_write(path, lambda p: iio.imwrite(p, image, extension=".png"))


# ------------------------------------------------------------------------------ history
def empty_history() -> dict:
    """The schema of ``history.json``: per-epoch lists (:data:`EPOCH_KEYS`), per-step losses, scores, settings."""
    return {"epoch": [], "g_loss": [], "d_loss": [], "total": [], "d_real": [], "d_fake": [],
            "seconds": [], "images_per_second": [], "augment_p": [], "steps": {"g_loss": [], "d_loss": []},
            "steps_per_epoch": None, "scores": [], "stopped": None, "settings": {}}


def add_epoch(history, epoch, losses, seconds, images, augment_p) -> None:
    """Append one epoch: ``losses`` holds its mean ``d_loss``, ``g_loss``, ``d_real``, ``d_fake``."""
    d, g = float(losses["d_loss"]), float(losses["g_loss"])
    values = (int(epoch), d, g, d + g, float(losses["d_real"]), float(losses["d_fake"]), round(seconds, 3),
              round(images / seconds, 1), round(float(augment_p), 4))
    for key, value in zip(EPOCH_KEYS, values):
        history[key].append(value)


def truncate_history(h, epochs_done) -> dict:
    """The saved history cut back to the epochs a restored checkpoint has done."""
    out = empty_history()
    out["settings"] = h.get("settings", {})
    out["steps_per_epoch"] = h.get("steps_per_epoch")
    keep = [i for i, e in enumerate(h.get("epoch", [])) if e <= epochs_done]
    for key in EPOCH_KEYS:
        out[key] = [h[key][i] for i in keep if i < len(h.get(key, []))]
    n_steps = (h.get("steps_per_epoch") or 0) * len(keep)
    for key in ("g_loss", "d_loss"):
        out["steps"][key] = h.get("steps", {}).get(key, [])[:n_steps]
    out["scores"] = [s for s in h.get("scores", []) if s.get("epoch", 0) <= epochs_done]
    return out


def read_history(out) -> dict | None:
    """The ``history.json`` of a run folder, or None."""
    path = pathlib.Path(out) / HISTORY_FILE
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def resumed_history(out, epochs_done: int) -> dict:
    """The history of ``out`` as far as ``epochs_done`` (a new one when nothing was done or saved)."""
    saved = read_history(out) if epochs_done else None
    return truncate_history(saved, epochs_done) if saved else empty_history()


def plot_history(history, ax=None, title: str | None = None):
    """Loss curves: J(D), J(G) and J(G)+J(D) per step (thin) and per epoch (dots); returns the Axes.

    Visto en 06 §Las curvas de pérdida.
    """
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(6, 3.2))
    steps, spe = history.get("steps", {}), history.get("steps_per_epoch") or 0
    colours = {"d_loss": "#c44e52", "g_loss": "#4c72b0", "total": "#555555"}
    labels = {"d_loss": r"$J^{(D)}$", "g_loss": r"$J^{(G)}$", "total": r"$J^{(G)} + J^{(D)}$"}
    if spe and steps.get("g_loss"):
        x = (np.arange(len(steps["g_loss"])) + 1) / spe
        total = np.asarray(steps["g_loss"]) + np.asarray(steps["d_loss"])
        for key, y in (("d_loss", steps["d_loss"]), ("g_loss", steps["g_loss"]), ("total", total)):
            ax.plot(x, y, color=colours[key], lw=0.6, alpha=0.35)
    for key in ("d_loss", "g_loss", "total"):
        ax.plot(history["epoch"], history[key], "o-", color=colours[key], ms=3, lw=1.2, label=labels[key])
    ax.set_xlabel(t("runfolder.plot_epoch"))
    ax.set_ylabel(t("runfolder.plot_loss"))
    ax.set_title(title or t("runfolder.plot_title"))
    ax.legend(loc="upper right", fontsize=8)
    ax.grid(alpha=0.3)
    return ax


def save_loss_plot(path, history) -> None:
    """:func:`plot_history` as a PNG (no pyplot figure is opened)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(6, 3.2), dpi=100)
    FigureCanvasAgg(fig)
    plot_history(history, ax=fig.add_subplot(1, 1, 1))
    fig.tight_layout()
    atomic_write(path, lambda p: fig.savefig(p, format="png"))


# ------------------------------------------------------------------------------ samples, GIF, generator
def write_sample(out, epoch: int, grid) -> None:
    """The sample grid of epoch ``epoch`` as ``out/samples/epoch_NNN.png``."""
    (pathlib.Path(out) / SAMPLES_FOLDER).mkdir(parents=True, exist_ok=True)
    write_png(sample_path(out, epoch), grid)


def write_training_gif(out, epochs: int, duration_ms: int = 400) -> pathlib.Path:
    """``out/training.gif`` from ``out/samples/epoch_001.png`` … ``epoch_{epochs}.png`` (this run only).

    One frame per epoch, ``duration_ms`` each, the last one held 4× longer, looping forever.
    Visto en 06 §El GIF del entrenamiento.
    """
    import imageio.v3 as iio

    epochs = check_int("epochs", epochs, 1)
    duration_ms = check_int("duration_ms", duration_ms, 1)
    if not isinstance(out, (str, os.PathLike)) or not pathlib.Path(out).is_dir():
        raise arg_error("out", out, "runfolder.expected_run_folder", exc=FileNotFoundError)
    missing = [e for e in range(1, epochs + 1) if not sample_path(out, e).is_file()]
    if missing:
        raise arg_error("out", str(out), "runfolder.expected_samples", exc=FileNotFoundError,
                        path=sample_path(out, missing[0]).relative_to(out).as_posix())
    frames = [iio.imread(sample_path(out, e)) for e in range(1, epochs + 1)]
    durations = [duration_ms] * (len(frames) - 1) + [4 * duration_ms]
    return write_gif(pathlib.Path(out) / GIF_FILE, frames, duration_ms=durations)


def save_generator(path, generator) -> None:
    """``generator.save`` (a ``.keras`` file, loadable without gan_course), atomically."""
    with warnings.catch_warnings():  # Keras 3.15's saver trips a NumPy 2 DeprecationWarning
        warnings.simplefilter("ignore", DeprecationWarning)
        atomic_write(path, lambda p: generator.save(p))


def write_epoch(out, epoch: int, gan, history, writer=None, scores=None) -> None:
    """After epoch ``epoch``: the sample grid, ``history.json`` and (with a ``writer``) TensorBoard events."""
    out = pathlib.Path(out)
    grid = gan.grid()
    write_sample(out, epoch, grid)
    write_json(out / HISTORY_FILE, history)
    if writer is not None:
        write_events(writer, epoch, history["d_loss"][-1], history["g_loss"][-1], grid, scores)


def finish(out, gan, history, gif_ms: int = 400) -> None:
    """history.json, losses.png, training.gif and generator.keras for the epochs done so far."""
    out = pathlib.Path(out)
    done = int(gan.epoch.numpy())
    write_json(out / HISTORY_FILE, history)
    if done < 1:
        return
    save_loss_plot(out / LOSSES_FILE, history)
    write_training_gif(out, done, gif_ms)
    save_generator(out / GENERATOR_FILE, gan.sampler)


# ------------------------------------------------------------------------------ checkpoints
class CheckpointFolder:
    """The checkpoints of a run folder: ``out/checkpoints/{model_dir}/``, kept by a ``tf.train.CheckpointManager``.

    ``ckpt`` is the trainer's ``tf.train.Checkpoint`` (:meth:`gan_course.train.GAN.checkpoint`).  A
    worker that is not the ``chief`` saves into a temporary folder instead (every worker must take
    part in saving; the chief's copy is the one kept), removed by :meth:`close`; it resumes from the
    chief's checkpoints.
    """

    def __init__(self, ckpt, out, *, dataset_name: str, batch_size: int, image_shape, chief: bool = True,
                 max_to_keep: int = 3):
        self.ckpt, self.out, self.scratch = ckpt, pathlib.Path(out), None
        folder = self.out / CHECKPOINT_FOLDER / model_dir(dataset_name, batch_size, image_shape)
        if not chief:
            self.scratch = folder = pathlib.Path(tempfile.mkdtemp(prefix="gan_course-worker-"))
        self.manager = tf.train.CheckpointManager(ckpt, str(folder), max_to_keep=max_to_keep)

    def restore(self, path: str | None = None) -> int:
        """Restore ``path`` (by default the run folder's latest checkpoint); returns the epochs done."""
        found = path or check_out(self.out, resume=True)
        self.ckpt.restore(found).assert_existing_objects_matched()
        return int(self.ckpt.epoch.numpy())

    def restore_last_saved(self) -> bool:
        """Go back to the last checkpoint this run saved (after an interruption); False if none."""
        if not self.manager.latest_checkpoint:
            return False
        self.ckpt.restore(self.manager.latest_checkpoint)
        return True

    def save(self, epoch: int) -> None:
        """Save after epoch ``epoch`` (on every worker)."""
        self.manager.save(checkpoint_number=int(epoch))

    def close(self) -> None:
        """Remove a non-chief worker's temporary checkpoints."""
        if self.scratch is not None:
            shutil.rmtree(self.scratch, ignore_errors=True)
            self.scratch = None


# ------------------------------------------------------------------------------ TensorBoard
def events_writer(out):
    """A ``tf.summary`` writer for ``out/logs``."""
    return tf.summary.create_file_writer(str(pathlib.Path(out) / LOGS_FOLDER))


def write_events(writer, epoch, d, g, grid, scores=None) -> None:
    """Scalars and the sample grid as TensorBoard events, with core TensorFlow only.

    ``tf.summary.scalar``/``image`` need the ``tensorboard`` package; ``tf.summary.write`` with
    the plugins' metadata writes the same events without it (TensorBoard reads them alike).
    """
    from tensorflow.core.framework import summary_pb2

    def meta(plugin, data_class):
        m = summary_pb2.SummaryMetadata()
        m.plugin_data.plugin_name = plugin
        m.data_class = data_class
        return m

    scalar = meta("scalars", summary_pb2.DATA_CLASS_SCALAR)
    image = meta("images", summary_pb2.DATA_CLASS_BLOB_SEQUENCE)
    png = tf.io.encode_png(grid if grid.ndim == 3 else grid[..., None])
    with writer.as_default():
        for tag, value in [("J_D", d), ("J_G", g), ("J_G_plus_J_D", d + g),
                           *((f"score/{k}", v) for k, v in (scores or {}).items())]:
            tf.summary.write(tag, tf.constant(float(value), tf.float32), step=epoch, metadata=scalar)
        tf.summary.write("samples", tf.stack([tf.as_string(grid.shape[1]), tf.as_string(grid.shape[0]), png]),
                         step=epoch, metadata=image)
    writer.flush()
