"""Stored outputs are facts about the code, not about one CPU: the numeric checks of the lessons, re-run where the
rounding differs.

Another CPU rounds differently: oneDNN picks other kernels and fusions per instruction set (AVX2, AVX-512, ARM), and
the thread count changes how sums are split. Two equally correct computations then differ in the last bits, and a
comparison that encodes one machine's rounding fails elsewhere (lesson 06 once stored "same weights after 3 Adam
steps": False on an AVX-512 Intel). Without a second computer, the same effect comes from switching oneDNN's
operations on or off (``TF_ENABLE_ONEDNN_OPTS``; on the project's AMD machine the default rounds as "off", and "on"
reproduces the Intel failure), the intra-op thread count and the ``tf.data`` thread pool.

Each check cell runs in a fresh kernel after the cells it depends on (found from the names it reads: the latest
earlier code cell assigning each one, recursively), under each condition, and every output nbval compares must
match the stored one (``NbvalComparison``, nbval's own rules). Only those few cells run: a few seconds per lesson.
"""
import ast
import builtins
import copy
import pathlib
import sys

import nbformat
import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from test_notebooks_rerun import ROOT, NbvalComparison, RecordingClient  # noqa: E402

pytestmark = pytest.mark.notebook

# Check cells per notebook: a cell ``id`` or a piece of code in the cell (the same in both languages).
CHECKS = {
    "06_dcgan_mnist.ipynb": ["one-step"],                            # hand vs library (Adam steps)
    "08_keras_y_varias_maquinas.ipynb": ["fit-one-step"],            # GANModel.fit vs the hand loop, one step
    "08_keras_e_varias_maquinas.ipynb": ["fit-one-step"],
    "04_objetivo_gan.ipynb": ["gan_a = gan1d.GAN1D("],              # hand vs library, 20 Adam steps of a 1-D GAN
    "05_normalizacao_em_lote.ipynb": ["dx_tf", "update_moving"],    # NumPy vs Keras and GradientTape
}

# Conditions that round differently from a default run: environment variables read when TensorFlow starts, intra-op
# threads and the tf.data thread pool set by a first cell, before any TensorFlow op (its output is not compared).
CONDITIONS = {
    "onednn-on-1-thread": ({"TF_ENABLE_ONEDNN_OPTS": "1"}, 1, 1),
    "onednn-off-3-threads": ({"TF_ENABLE_ONEDNN_OPTS": "0"}, 3, 3),
}
# Which notebook runs under which condition: lessons 06 and 08 under both (one language each), the others under the one
# that differs from this project's machine (oneDNN on, as on Intel CPUs by default).
RUNS = [("es/06_dcgan_mnist.ipynb", "onednn-on-1-thread"), ("pt/06_dcgan_mnist.ipynb", "onednn-off-3-threads"),
        ("es/04_objetivo_gan.ipynb", "onednn-on-1-thread"), ("pt/05_normalizacao_em_lote.ipynb", "onednn-on-1-thread"),
        ("es/08_keras_y_varias_maquinas.ipynb", "onednn-on-1-thread"),
        ("pt/08_keras_e_varias_maquinas.ipynb", "onednn-off-3-threads")]
STARTUP = """\
import tensorflow as tf
tf.config.threading.set_intra_op_parallelism_threads({intra})
_options = tf.data.Options()
_options.threading.private_threadpool_size = {data}
_iter = tf.data.Dataset.__iter__
tf.data.Dataset.__iter__ = lambda self: _iter(self.with_options(_options))
"""


def _stores(node):
    """Names a statement binds: assignments, loop and ``with`` targets, definitions, imports."""
    out = set()
    for sub in ast.walk(node):
        if isinstance(sub, ast.Name) and isinstance(sub.ctx, (ast.Store, ast.Del)):
            out.add(sub.id)
        elif isinstance(sub, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            out.add(sub.name)
        elif isinstance(sub, (ast.Import, ast.ImportFrom)):
            out.update((a.asname or a.name).split(".")[0] for a in sub.names)
    return out


def _local(node):
    """Names bound inside a statement's own scopes (comprehensions, lambdas, functions): not the notebook's."""
    out = set()
    for sub in ast.walk(node):
        if isinstance(sub, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
            out.update(n.id for g in sub.generators for n in ast.walk(g.target) if isinstance(n, ast.Name))
        elif isinstance(sub, (ast.Lambda, ast.FunctionDef, ast.AsyncFunctionDef)):
            out.update(a.arg for a in ast.walk(sub.args) if isinstance(a, ast.arg))
            if not isinstance(sub, ast.Lambda):
                out.update(n.id for b in sub.body for n in ast.walk(b)
                           if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store))
    return out


def names(source):
    """``(read, assigned)``: the names a cell reads before assigning them (from earlier cells), and those it assigns.

    Statement by statement: an assignment reads its right-hand side before binding its target (``a = a + 1`` reads
    ``a``); other statements (loops, ``with``, definitions) bind first. Names bound only inside a comprehension, a
    lambda or a function body are that scope's own.
    """
    read, assigned = set(), set()
    for stmt in ast.parse(source).body:
        loads = {n.id for n in ast.walk(stmt) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
        if isinstance(stmt, ast.AugAssign) and isinstance(stmt.target, ast.Name):
            loads.add(stmt.target.id)
        stores = _stores(stmt)
        local = _local(stmt)
        own = set() if isinstance(stmt, (ast.Assign, ast.AugAssign, ast.AnnAssign)) else stores
        read |= loads - assigned - own - local
        assigned |= stores - (local - {getattr(stmt, "name", None)})
    return read - set(dir(builtins)), assigned


def needed_cells(nb, checks):
    """Indices of the check cells and of every earlier code cell they need, in notebook order."""
    code = [i for i, cell in enumerate(nb.cells) if cell.cell_type == "code"]
    found = {}
    for check in checks:
        matches = [i for i in code if nb.cells[i].get("id") == check or check in nb.cells[i].source]
        assert matches, f"no code cell with id or code {check!r}: update CHECKS in {__name__}"
        found[check] = matches[0]
    chosen, todo = set(), list(found.values())
    while todo:
        index = todo.pop()
        if index in chosen:
            continue
        chosen.add(index)
        for name in names(nb.cells[index].source)[0]:
            earlier = [i for i in code if i < index and name in names(nb.cells[i].source)[1]]
            if earlier:
                todo.append(earlier[-1])
    return sorted(chosen)


def run_checks(path, condition, tmp_path, monkeypatch, comparison):
    """Run the needed cells of ``path`` under ``condition``; nbval's difference for each compared cell that differs."""
    env, intra, data = CONDITIONS[condition]
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    nb = nbformat.read(str(path), as_version=4)
    cells = needed_cells(nb, CHECKS[path.name])
    workdir = tmp_path / "notebooks" / path.parent.name
    workdir.mkdir(parents=True)
    for shared in ("benchmarks", "figures"):
        (tmp_path / shared).symlink_to(ROOT / shared, target_is_directory=True)
    client = RecordingClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(workdir)}})
    differ = []
    with client.setup_kernel():
        client.execute_cell(nbformat.v4.new_code_cell(STARTUP.format(intra=intra, data=data)), 0)
        for index in cells:
            cell = nb.cells[index]
            stored = copy.deepcopy(cell.outputs)
            client.execute_cell(cell, index)
            options = comparison.options(cell)
            if options["check"] and not options["skip"]:
                diff = comparison.differences(client.nbval_outputs, stored)
                if diff is not None:
                    differ.append(f"{path.parent.name}/{path.name} cell {index} under {condition}:\n{cell.source}\n"
                                  f"{diff}")
    return cells, differ


@pytest.mark.parametrize(("notebook", "condition"), RUNS)
def test_numeric_checks_hold_when_the_rounding_changes(notebook, condition, tmp_path, monkeypatch, request):
    cells, differ = run_checks(ROOT / "notebooks" / notebook, condition, tmp_path, monkeypatch,
                               NbvalComparison(request.config, request.node.ihook))
    assert not differ, "\n\n".join(differ)


def test_the_cells_a_check_needs_are_found_from_the_names_it_reads():
    source = ["import numpy as np", "a = np.ones(3)", "b = 2", "def f(x):\n    return x * b", "a = a + 1",
              "unused = 5", "print(f(a).sum())"]
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# t"),
                                         *(nbformat.v4.new_code_cell(s) for s in source)])
    assert needed_cells(nb, ["print(f(a)"]) == [1, 2, 3, 4, 5, 7]
    assert names("for i in range(3):\n    total = i + offset")[0] == {"offset"}
