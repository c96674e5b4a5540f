"""tf.distribute: 2 logical CPUs give one device's losses; two worker processes train one run; bad flags, one line.

Logical CPU devices and a multi-worker cluster can only be set up before TensorFlow starts, so those
tests run fresh processes (each with a hard timeout, killed on failure).
"""
import json
import os
import pathlib
import shutil
import socket
import subprocess
import sys

import numpy as np

from gan_course import i18n
from gan_course.__main__ import main

HERE = pathlib.Path(__file__).resolve().parent
ENV = {**os.environ, "GAN_COURSE_QUICK": "1", "GAN_COURSE_OFFLINE": "1", "GAN_COURSE_LANG": "es",
       "PYTHONPATH": str(HERE.parent)}


def _run(args, env, cwd, timeout=240):
    res = subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=timeout)
    assert res.returncode == 0, res.stdout[-2000:] + res.stderr[-3000:]
    return res.stdout


def test_two_logical_cpus_give_the_losses_of_one_device(tmp_path):
    out = _run([str(HERE / "mirrored_steps.py")], {**ENV, "GAN_COURSE_CPU_DEVICES": "2"}, tmp_path)
    r = json.loads(out.strip().splitlines()[-1])
    assert r["replicas"] == r["model_replicas"] == 2 and r["strategy"] == "mirrored"
    # Same weights, seed, noise (drawn once for the global batch) and batches: only the order of float32 sums
    # differs (each replica sums its half, then the all-reduce adds the halves), ~1e-7 relative; measured ≤ 3e-7.
    for key in ("d_loss", "g_loss", "d_real", "d_fake"):
        np.testing.assert_allclose(r["two"][key], r["one"][key], rtol=0, atol=1e-5, err_msg=key)
    np.testing.assert_allclose(r["fit_d_loss"], r["one"]["d_loss"], rtol=0, atol=1e-5)  # GANModel.fit, mirrored
    # After two Adam steps (≈ lr·sign(g), lr ≤ 5e-4) the rounding above moves weights by ~1e-6 (measured 3e-6).
    assert r["weights"] < 1e-4 and r["fit_weights"] < 1e-4
    # Batch norm that is not synchronised normalises each half with its own statistics: visibly other losses.
    assert abs(r["unsynchronised_d_loss"] - r["one"]["d_loss"][0]) > 1e-4


def test_mirrored_command_leaves_a_normal_run_folder(tmp_path):
    text = _run(["-m", "gan_course", "train", "--strategy", "mirrored", "--epochs", "2", "--model", "plain",
                 "--out", "run"], {**ENV, "GAN_COURSE_CPU_DEVICES": "2"}, tmp_path)
    run = tmp_path / "run"
    history = json.loads((run / "history.json").read_text())
    assert history["settings"]["strategy"] == "mirrored" and history["settings"]["replicas"] == 2
    assert history["epoch"] == [1, 2] and history["stopped"] == "epochs"
    for name in ("generator.keras", "training.gif", "losses.png", "samples/epoch_002.png",
                 "checkpoints/mnist_64_28_28/ckpt-2.index"):
        assert (run / name).is_file(), name
    assert "training.gif" in text


def _free_ports(n, rng):
    """``n`` ports that are free now, drawn below the kernel's ephemeral range (32768 and up on Linux, from
    which bind(0) and every outgoing connection take theirs), so another test is unlikely to take one before a
    worker binds it; :func:`_train_two_workers` tries again if one was taken all the same."""
    ports = []
    while len(ports) < n:
        port = int(rng.integers(20_000, 32_000))
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
        if port not in ports:
            ports.append(port)
    return ports


#: what a worker prints when its port was taken between the choice and its gRPC server's start
PORT_TAKEN = ("Address already in use", "Could not start gRPC server", "Failed to add port")


def _one_device_epoch():
    """The first epoch's mean losses of the same run on one device (what the two workers must reproduce)."""
    import gan_course as gc
    from gan_course import cli_train, models, train

    images, _, _ = cli_train._load_images({"data": "mnist"})
    gc.seed_everything(0)
    gan = train.GAN(*models.build_pair("plain"), recipe="plain", seed=0)
    return train.fit(gan, images, 1, batch_size=64, verbose=False)


def _train_two_workers(cwd, ports, meanwhile=None):
    """Two worker processes train one epoch into ``cwd/run`` (``meanwhile()`` runs here as they do);
    returns their return codes and outputs."""
    cluster = {"worker": [f"127.0.0.1:{p}" for p in ports]}
    procs = []
    try:
        for i in range(2):
            env = {**ENV, "TF_CONFIG": json.dumps({"cluster": cluster, "task": {"type": "worker", "index": i}})}
            procs.append(subprocess.Popen(
                [sys.executable, "-m", "gan_course", "train", "--strategy", "multiworker", "--epochs", "1",
                 "--model", "plain", "--out", "run"], env=env, cwd=cwd, text=True,
                stdout=subprocess.PIPE, stderr=subprocess.STDOUT))
        if meanwhile is not None:
            meanwhile()
        outputs = [p.communicate(timeout=240)[0] for p in procs]
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.communicate()
    return [p.returncode for p in procs], outputs


def test_two_workers_train_one_epoch_together(tmp_path):
    reference, rng = {}, np.random.default_rng()
    for attempt in range(3):
        codes, outputs = _train_two_workers(tmp_path, _free_ports(2, rng),
                                            lambda: reference or reference.update(_one_device_epoch()))
        if codes == [0, 0] or not any(text in o for o in outputs for text in PORT_TAKEN) or attempt == 2:
            break
        shutil.rmtree(tmp_path / "run", ignore_errors=True)  # a port was taken meanwhile: other ports, again
    assert codes == [0, 0], "\n".join(o[-2000:] for o in outputs)
    assert "training.gif" in outputs[0] and "training.gif" not in outputs[1]  # only the chief reports a folder
    assert sorted(p.name for p in tmp_path.iterdir()) == ["run"]
    run = tmp_path / "run"
    history = json.loads((run / "history.json").read_text())
    assert history["settings"]["strategy"] == "multiworker" and history["settings"]["replicas"] == 2
    assert history["epoch"] == [1]
    assert sorted(p.name for p in (run / "checkpoints").iterdir()) == ["mnist_64_28_28"]
    for name in ("generator.keras", "training.gif", "losses.png", "samples/epoch_001.png"):
        assert (run / name).is_file(), name
    # two processes, one replica each, did the maths of one device on the same batches (tolerance as above)
    for key in ("d_loss", "g_loss", "d_real", "d_fake"):
        np.testing.assert_allclose(history[key], reference[key], rtol=0, atol=1e-4, err_msg=key)


def _bad(args, capsys, *expected):
    assert main(["train", *args]) == 2
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    for text in expected:
        assert text in lines[0], lines[0]


def test_bad_strategy_settings_give_one_line_in_the_active_language(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TF_CONFIG", raising=False)
    monkeypatch.delenv("GAN_COURSE_CPU_DEVICES", raising=False)
    _bad(["--strategy", "several"], capsys, "--strategy", "'several'", "mirrored", "multiworker")
    _bad(["--strategy", "multiworker"], capsys, "TF_CONFIG", "cluster")
    monkeypatch.setenv("TF_CONFIG", "{not json")
    _bad(["--strategy", "multiworker"], capsys, "TF_CONFIG", "{not json")
    monkeypatch.setenv("TF_CONFIG", json.dumps({"cluster": {"worker": ["127.0.0.1:1"]},
                                                "task": {"type": "worker", "index": 1}}))
    _bad(["--strategy", "multiworker"], capsys, "TF_CONFIG", "índice")
    monkeypatch.setenv("GAN_COURSE_CPU_DEVICES", "two")
    _bad(["--lang", "pt", "--strategy", "mirrored"], capsys, "GAN_COURSE_CPU_DEVICES", "'two'", "inteiro")
    i18n.set_language("es")
    monkeypatch.setenv("GAN_COURSE_CPU_DEVICES", "0")
    _bad(["--strategy", "mirrored"], capsys, "GAN_COURSE_CPU_DEVICES", "entero")
    assert not any(tmp_path.iterdir())  # nothing written


def test_the_strategy_checks_need_no_tensorflow():
    code = ("import sys; from gan_course import distribute; distribute.check_environment('mirrored'); "
            "import gan_course.cli_train; assert 'tensorflow' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True, env=ENV, timeout=60)

