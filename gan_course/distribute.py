"""Training on several devices or machines with ``tf.distribute``: the strategy, the chief, synchronised BN.

* ``default``     — one device, no strategy object: the code of lesson 06 as it is.
* ``mirrored``    — ``tf.distribute.MirroredStrategy`` over every local GPU; on a machine without a
  GPU, ``GAN_COURSE_CPU_DEVICES=N`` splits the CPU into N logical devices (for trying it out
  and for the tests: the maths of N replicas, not their speed).
* ``multiworker`` — ``tf.distribute.MultiWorkerMirroredStrategy``: one process per machine, each
  started with its own ``TF_CONFIG`` (the cluster's addresses and this process's place in it).

What changes in the training code is almost nothing: the networks and the trainer are built
inside ``strategy.scope()`` (their variables become one copy per replica, kept equal), and each
step runs on every replica with its slice of the batch (``strategy.run``).  The optimizers add the
replicas' gradients (Keras 3's optimizer all-reduces them with a SUM), so each replica's loss is
weighted by its share of the global batch (what ``tf.nn.compute_average_loss`` does): the update
is the one a single device makes on the whole batch.  Batch normalization uses the statistics of
the whole batch (:func:`synchronize_batch_norm`), and the noise is drawn once for the whole batch
(:meth:`gan_course.train.GAN`), so replicas see exactly what one device would.

Only the chief (``is_chief``) writes the run folder; the other workers save their checkpoints to a
temporary folder that is removed (TensorFlow's multi-worker guide), and all of them read the
chief's checkpoint to resume.

Nothing here imports TensorFlow until a strategy is made: ``--strategy`` and the environment
variables are checked first.  Visto en 08 §Cuando una máquina no basta.
"""
from __future__ import annotations

import contextlib
import json
import os

from ._tf import keras, tf
from .i18n import arg_error, register
from .validate import check_choice, int_from_text

STRATEGIES = ("default", "mirrored", "multiworker")
CPU_DEVICES_ENV = "GAN_COURSE_CPU_DEVICES"

register({
    "distribute.expected_devices": {
        "es": "un número entero de dispositivos lógicos de CPU ≥ 1 (p. ej. {name}=2)",
        "pt": "um número inteiro de dispositivos lógicos de CPU ≥ 1 (p. ex. {name}=2)",
    },
    "distribute.expected_early": {
        "es": "dispositivos lógicos configurados antes de que TensorFlow se inicie (ya hay {found})",
        "pt": "dispositivos lógicos configurados antes de o TensorFlow iniciar (já há {found})",
    },
    "distribute.expected_tf_config": {
        "es": "un JSON como {example} en la variable de entorno TF_CONFIG de cada proceso",
        "pt": "um JSON como {example} na variável de ambiente TF_CONFIG de cada processo",
    },
    "distribute.expected_task": {
        "es": "una tarea 'worker' o 'chief' cuyo índice exista en cluster ({names})",
        "pt": "uma tarefa 'worker' ou 'chief' cujo índice exista em cluster ({names})",
    },
})

_EXAMPLE = ('{"cluster": {"worker": ["host1:12345", "host2:12345"]}, '
            '"task": {"type": "worker", "index": 0}}')


def check_strategy(name: str, arg: str = "strategy") -> str:
    """``name`` if it is one of :data:`STRATEGIES` (checked without TensorFlow); ``arg`` names it in errors."""
    return check_choice(arg, name, STRATEGIES)


def cpu_devices() -> int | None:
    """The number of logical CPU devices asked for with ``GAN_COURSE_CPU_DEVICES``, or None."""
    text = os.environ.get(CPU_DEVICES_ENV, "").strip()
    if not text:
        return None
    return int_from_text(CPU_DEVICES_ENV, text, 1, expected="distribute.expected_devices", name=CPU_DEVICES_ENV)


def tf_config() -> dict:
    """``TF_CONFIG`` read and checked: a cluster with workers and this process's task in it."""
    text = os.environ.get("TF_CONFIG", "")
    try:
        cfg = json.loads(text)
        cluster, task = cfg["cluster"], cfg["task"]
        jobs = {job: list(addresses) for job, addresses in cluster.items()}
        ok = jobs and all(jobs.values()) and all(isinstance(a, str) and ":" in a
                                                 for addresses in jobs.values() for a in addresses)
    except (ValueError, TypeError, KeyError, AttributeError):
        ok = False
    if not ok:
        raise arg_error("TF_CONFIG", text or None, "distribute.expected_tf_config", example=_EXAMPLE)
    kind, index = task.get("type") if isinstance(task, dict) else None, \
        task.get("index") if isinstance(task, dict) else None
    if kind not in ("worker", "chief") or kind not in jobs or isinstance(index, bool) \
            or not isinstance(index, int) or not 0 <= index < len(jobs[kind]):
        raise arg_error("TF_CONFIG", task, "distribute.expected_task", names=", ".join(sorted(jobs)))
    return cfg


def check_environment(name: str, arg: str = "strategy") -> str:
    """Check ``name`` and the environment it reads, before TensorFlow is imported; returns ``name``."""
    check_strategy(name, arg)
    if name != "default":
        cpu_devices()
    if name == "multiworker":
        tf_config()
    return name


def _split_cpu(n: int) -> None:
    """Split the CPU into ``n`` logical devices (only possible before TensorFlow starts its runtime)."""
    cpu = tf.config.list_physical_devices("CPU")[0]
    try:
        tf.config.set_logical_device_configuration(cpu, [tf.config.LogicalDeviceConfiguration()] * n)
    except RuntimeError:  # already initialised: fine only if it already has n devices
        found = len(tf.config.list_logical_devices("CPU"))
        if found != n:
            raise arg_error(CPU_DEVICES_ENV, n, "distribute.expected_early", found=found) from None


def make_strategy(name: str = "default"):
    """The ``tf.distribute`` strategy called ``name``, or None for ``default`` (one device, no strategy).

    Call it before anything else uses TensorFlow (logical CPU devices can only be made then).
    ``mirrored``: every local GPU, else ``GAN_COURSE_CPU_DEVICES`` logical CPUs, else the one CPU.
    ``multiworker``: reads ``TF_CONFIG``; its constructor waits for the other workers.
    Visto en 08 §Cuando una máquina no basta y §Dos réplicas en una CPU.
    """
    check_environment(name)
    if name == "default":
        return None
    n = cpu_devices()
    if n is not None:
        _split_cpu(n)
    if name == "multiworker":
        return tf.distribute.MultiWorkerMirroredStrategy()
    if n is not None:
        return tf.distribute.MirroredStrategy([d.name for d in tf.config.list_logical_devices("CPU")])
    gpus = tf.config.list_logical_devices("GPU")
    return tf.distribute.MirroredStrategy([d.name for d in gpus] or None)


def scope(strategy):
    """``strategy.scope()``, or nothing to enter for ``None`` (the default strategy)."""
    return strategy.scope() if strategy is not None else contextlib.nullcontext()


def name_of(strategy) -> str:
    """``"default"``, ``"mirrored"`` or ``"multiworker"`` (another strategy: its class name)."""
    if strategy is None:
        return "default"
    if isinstance(strategy, tf.distribute.MultiWorkerMirroredStrategy):
        return "multiworker"
    if isinstance(strategy, tf.distribute.MirroredStrategy):
        return "mirrored"
    return type(strategy).__name__


def replicas(strategy) -> int:
    """How many copies of the model train together (all devices of all workers)."""
    return 1 if strategy is None else int(strategy.num_replicas_in_sync)


def is_chief(strategy) -> bool:
    """True for the process that writes the run folder: always, except a non-chief multi-worker process.

    As in TensorFlow's guide: the task ``chief``, or worker 0 when the cluster has no chief.
    """
    r = getattr(strategy, "cluster_resolver", None) if strategy is not None else None
    if r is None or r.task_type is None:
        return True
    return r.task_type == "chief" or (r.task_type == "worker" and r.task_id == 0
                                      and "chief" not in r.cluster_spec().as_dict())


def batch_share(n, replicas: int):
    """``(images in the global batch, this replica's share of them)``; one replica: ``(n, None)``.

    Keras 3's optimizer adds the replicas' gradients (an all-reduce SUM), so each replica's mean
    loss is weighted by its share ``n / n_all`` (``tf.nn.compute_average_loss``): the sum is the
    mean over the global batch, the gradient the one a single device computes.  Call it in a replica
    context (inside ``strategy.run``).
    """
    if replicas == 1:
        return n, None
    n_all = tf.distribute.get_replica_context().all_reduce(tf.distribute.ReduceOp.SUM, n)
    return n_all, tf.cast(n, tf.float32) / tf.cast(n_all, tf.float32)


def weighted(value, share):
    """``value`` weighted by the replica's ``share`` of the batch (one replica: unchanged)."""
    return value if share is None else value * share


def draw_for_batch(draw, n, replicas: int):
    """``draw(m)`` gives m random rows; this replica's ``n`` of the rows one device draws for the whole batch.

    The rows are drawn once, in cross-replica context (``merge_call``), from the one noise
    generator, in replica order; each replica keeps its slice.  So N replicas use exactly the
    noise one device would, and the noise generator stays the same on every replica.
    """
    if replicas == 1:
        return draw(n)
    ctx = tf.distribute.get_replica_context()
    sizes = ctx.all_gather(tf.reshape(n, [1]), axis=0)  # every replica's rows, in replica order
    start = tf.reduce_sum(sizes[:ctx.replica_id_in_sync_group])
    rows = ctx.merge_call(lambda strategy, total: draw(strategy.experimental_local_results(total)[0]),
                          args=(tf.reduce_sum(sizes),))
    return rows[start:start + n]


def agree(strategy, flag: bool) -> bool:
    """``flag`` made the same on every worker (True if any worker says True).

    A time budget runs out at different moments on different machines; a worker that stopped
    alone would leave the others waiting forever for its part of the next step.
    """
    if strategy is None or name_of(strategy) != "multiworker":
        return bool(flag)
    value = strategy.run(lambda: tf.distribute.get_replica_context().all_reduce(
        tf.distribute.ReduceOp.SUM, tf.constant(float(flag))))
    return bool(strategy.experimental_local_results(value)[0].numpy() > 0)


def synchronize_batch_norm(*models) -> int:
    """Make every batch-normalization layer of ``models`` use the whole global batch's statistics.

    With several replicas each one sees only its slice of the batch; a plain BN layer would
    normalise with the slice's mean and variance (noisier, and not the maths of one device).
    ``synchronized=True`` all-reduces the sums across replicas at each step (one device: no
    effect).  Changed in place, so networks built by :func:`gan_course.models.build_pair` keep
    their weights; returns how many layers were changed.  Visto en 08 §Qué cambia en el código.
    """
    count = 0
    for model in models:
        for layer in model._flatten_layers(include_self=False):
            if isinstance(layer, keras.layers.BatchNormalization) and not layer.synchronized:
                layer.synchronized = True
                count += 1
    return count
