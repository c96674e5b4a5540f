"""Students re-run cells: execute every lesson (quick mode) with each code cell run twice in a row.

The es and pt twins are built from one source and run the same code (only strings and comments differ:
``test_twins_have_the_same_code``), so each lesson is re-run in one language, alternating: even lessons in Spanish,
odd ones in Portuguese — half the time, both languages covered.

The first run of each cell is also nbval's strict check of that notebook: its outputs are compared with the stored
ones by nbval's own code (``NbvalComparison``), so the root ``conftest.py`` drops nbval's items for the notebooks
re-run here and a lesson executes three times in a test run instead of four (nbval runs the other language) — four
again only when a cell's output depends on re-runs of the cells before it (``run_every_cell_twice``).
"""
import copy
import importlib.util
import os
import pathlib
import sys
import warnings
from collections import OrderedDict, defaultdict
from types import SimpleNamespace

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbval import plugin as nbval

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import nbcheck  # noqa: E402

NOTEBOOKS = [p for p in nbcheck.notebooks() if p.parent.name == ("es" if int(p.name[:2]) % 2 == 0 else "pt")]
SANITIZE = ROOT / "tests" / "nbval_sanitize.cfg"


class NbvalComparison:
    """nbval's cell options and output comparison, applied to outputs this module's kernel produced.

    nbval binds ``IPyNbCell.compare_outputs`` (and the ``sanitize`` and ``format_output_compare`` it calls) to a
    collected notebook that runs its own kernel. This object lends those methods the few attributes they read —
    the sanitize patterns and skipped keys (``parent``), pytest's config and hooks (for pytest's diff of two
    strings), the colours — so the comparison rules are nbval's and follow nbval when it changes. Settings come
    from nbval's options when nbval is loaded, otherwise from its defaults plus ``tests/nbval_sanitize.cfg``, so
    the re-run test checks the same way under ``-p no:nbval`` or ``-o addopts=``.
    """

    compare_outputs = nbval.IPyNbCell.compare_outputs
    format_output_compare = nbval.IPyNbCell.format_output_compare
    sanitize = nbval.IPyNbCell.sanitize
    colors = nbval.nocolors

    def __init__(self, config, ihook):
        option = config.option
        sanitize_file = pathlib.Path(config.invocation_params.dir, getattr(option, "nbval_sanitize_with", None)
                                     or SANITIZE)
        patterns = OrderedDict(nbval.get_sanitize_patterns(sanitize_file.read_text(encoding="utf-8")))
        # The keys IPyNbFile.__init__ leaves out of the comparison: images only when nbdime is not showing them.
        skip = ("metadata", "traceback", "prompt_number", "output_type", "name", "execution_count",
                "application/vnd.jupyter.widget-view+json")
        if not getattr(option, "nbdime", False):
            skip += ("image/png", "image/jpeg")
        self.parent = SimpleNamespace(sanitize_patterns=patterns, skip_compare=skip)
        self.check_by_default = not getattr(option, "nbval_lax", False)
        self.config, self.ihook = config, ihook
        self.comparison_traceback = []

    def options(self, cell):
        """``skip``, ``check``, ``check_exception`` for a code cell, as ``IPyNbFile.collect`` derives them: nbval's
        metadata tags, then its source comments (``# NBVAL_IGNORE_OUTPUT`` …), which win."""
        options = defaultdict(bool, nbval.find_metadata_tags(cell.metadata))
        options.update(dict(nbval.find_comment_markers(cell.source)))
        options.setdefault("check", self.check_by_default)
        return options

    def differences(self, test_outputs, reference_outputs):
        """``None`` when nbval would accept the outputs, else nbval's description of the first difference."""
        if self.compare_outputs(nbval.coalesce_streams(copy.deepcopy(test_outputs)),
                                nbval.coalesce_streams(copy.deepcopy(reference_outputs))):
            return None
        return "\n".join(self.comparison_traceback)


def as_nbval_output(msg):
    """A kernel message as nbval's ``IPyNbCell.runtest`` keeps it (``None``: nbval ignores it).

    nbval records every display, result, stream and error message of the cell in arrival order and ignores the
    rest (``clear_output``, ``update_display_data``), unlike the notebook nbclient builds, so the outputs compared
    here are the ones nbval would compare.
    """
    kind, content = msg["msg_type"], msg["content"]
    out = nbformat.NotebookNode(output_type=kind)
    if kind in ("display_data", "execute_result"):
        out["metadata"], out["data"] = content["metadata"], content["data"]
        if kind == "execute_result":
            out.execution_count = content["execution_count"]
    elif kind == "stream":
        out.name, out.text = content["name"], content["text"]
    elif kind == "error":
        out["ename"], out["evalue"], out["traceback"] = content["ename"], content["evalue"], content["traceback"]
    else:
        return None
    return out


class RecordingClient(NotebookClient):
    """Executes cells like nbclient and also keeps the last executed cell's outputs as nbval records them."""

    def process_message(self, msg, cell, cell_index):
        out = as_nbval_output(msg)
        if out is not None:
            self.nbval_outputs.append(out)
        return super().process_message(msg, cell, cell_index)

    def execute_cell(self, cell, cell_index, **kwargs):
        self.nbval_outputs = []
        return super().execute_cell(cell, cell_index, **kwargs)


class OutputsDependOnReRuns(UserWarning):
    """Cells print differently once the cells before them have run twice: their lesson was executed once more."""


def execute(path, tmp_path, comparison, runs):
    """Execute the notebook with each code cell run ``runs`` times in a row; ``{cell: first run's difference}``.

    The first run of each cell is compared with its stored outputs as nbval compares them. As under nbval,
    ``nbval-skip`` cells are not run and cells expected to raise (``raises-exception``, ``# NBVAL_RAISES_EXCEPTION``)
    run once, their error compared; every other cell must succeed every time, or the test fails at once. Output
    differences are collected over the whole notebook (one run shows them all) and returned.
    """
    assert os.environ.get("GAN_COURSE_QUICK"), "run in quick mode (conftest.py sets it)"
    nb = nbformat.read(str(path), as_version=4)
    # A private copy of the course tree's layout: the notebook's run folders (runs/...) land in tmp_path, so
    # this test never shares them with an nbval run of a notebook (pytest -n 2 runs several at once);
    # what lessons read (../../benchmarks, ../../figures) is linked, read-only in use.
    workdir = tmp_path / "notebooks" / path.parent.name
    workdir.mkdir(parents=True)
    for shared in ("benchmarks", "figures"):
        (tmp_path / shared).symlink_to(ROOT / shared, target_is_directory=True)
    client = RecordingClient(nb, timeout=900, kernel_name="python3", resources={"metadata": {"path": str(workdir)}})
    name, differ = f"{path.parent.name}/{path.name}", {}
    with client.setup_kernel():
        code_cells = (item for item in enumerate(nb.cells) if item[1].cell_type == "code")
        for nbval_number, (index, cell) in enumerate(code_cells):
            options = comparison.options(cell)
            if options["skip"]:
                continue
            where = f"{name} cell {index} (nbval: Cell {nbval_number})"
            stored, unrun = copy.deepcopy(cell.outputs), cell.execution_count is None
            for attempt in range(1, 1 + (1 if options["check_exception"] else runs)):
                try:
                    client.execute_cell(cell, index)
                except CellExecutionError as exc:
                    if attempt > 1 or not options["check_exception"]:
                        pytest.fail("\n\n".join([*differ.values(), f"{where} failed on run {attempt} of {runs}:"
                                                                     f"\n{cell.source}\n{exc}"]))
                if attempt > 1:
                    continue
                if unrun and stored:
                    differ[where] = f"{where}: unrun reference cell has outputs"
                elif options["check"] and not unrun:
                    diff = comparison.differences(client.nbval_outputs, stored)
                    if diff is not None:
                        differ[where] = (f"{where}: outputs differ from the stored ones (diff: + stored, - this run)"
                                         f"\nInput:\n{cell.source}\n{diff}")
    return differ


def run_every_cell_twice(path, tmp_path, comparison):
    """Every cell must run twice in a row, and the notebook's stored outputs must pass nbval's strict check.

    The first run of each cell is compared. A cell whose output depends on how often the cells before it ran (a
    shared random generator, an optimizer's step count) can differ there although nbval, which runs each cell once,
    would accept it: then the notebook is executed once more, each cell once, and that run's comparison decides —
    the verdict stays nbval's, and a warning names the cells, whose lesson this costs a fourth execution.
    """
    differ = execute(path, tmp_path / "twice", comparison, runs=2)
    if not differ:
        return
    strict = execute(path, tmp_path / "once", comparison, runs=1)
    if strict:
        pytest.fail("\n\n".join(strict.values()), pytrace=False)
    cells = ", ".join(differ)
    warnings.warn(OutputsDependOnReRuns(f"outputs differ once earlier cells have run twice and match in one "
                                        f"straight run (the lesson was executed again for it): {cells}"), stacklevel=2)


# One test class per lesson: ``pytest -n 2 --dist loadscope`` sends each class (scope) to any free worker, so the
# longest re-runs (lessons 04 and 06) do not queue behind each other on one worker as one module's tests would.
# ``nbval_notebook`` tells the root conftest.py which notebook's nbval items this class replaces.
for _path in NOTEBOOKS:
    def _test(self, tmp_path, request, path=_path):
        run_every_cell_twice(path, tmp_path, NbvalComparison(request.config, request.node.ihook))

    _name = f"TestLesson{_path.name[:2]}{_path.parent.name.capitalize()}"
    globals()[_name] = type(_name, (), {"test_every_cell_runs_twice": _test, "nbval_notebook": _path,
                                        "pytestmark": [pytest.mark.notebook],
                                        "__doc__": f"{_path.parent.name}/{_path.name}: every cell twice, the first "
                                                   "run checked as nbval checks it"})


# The comparison itself, on hand-made outputs and on tiny notebooks: what nbval accepts passes, what it rejects fails.
def _stream(text, name="stdout"):
    return nbformat.v4.new_output("stream", name=name, text=text)


def _figure(png, text="<Figure size 640x480 with 1 Axes>"):
    return nbformat.v4.new_output("display_data", data={"image/png": png, "text/plain": text})


@pytest.fixture
def comparison(request):
    return NbvalComparison(request.config, request.node.ihook)


def test_streams_are_joined_and_sanitized_before_comparing(comparison):
    stored = [_stream("model at 0x7f12ab34cd56\nloss 0.5\n")]
    assert comparison.differences([_stream("model at 0x55aa0123"), _stream("4567\nloss 0.5\n")], stored) is None
    diff = comparison.differences([_stream("model at 0x55aa01234567\nloss 0.6\n")], stored)
    assert "mismatch 'stdout'" in diff and "loss 0.5" in diff and "loss 0.6" in diff


def test_images_are_skipped_and_their_text_is_compared(comparison):
    assert comparison.differences([_figure("QUJD")], [_figure("WFla")]) is None
    diff = comparison.differences([_figure("QUJD", "<Figure size 800x600 with 2 Axes>")], [_figure("QUJD")])
    assert "mismatch 'text/plain'" in diff and "800x600" in diff


def test_missing_and_extra_outputs_fail(comparison):
    assert "Missing output fields" in comparison.differences([], [_stream("hola\n")])
    assert "Unexpected output fields" in comparison.differences([_stream("oops\n", "stderr")], [])


def test_errors_compare_name_and_message_not_traceback(comparison):
    def error(value, traceback):
        return nbformat.v4.new_output("error", ename="ValueError", evalue=value, traceback=traceback)

    assert comparison.differences([error("bad shape", ["here"])], [error("bad shape", ["there"])]) is None
    assert "mismatch 'evalue'" in comparison.differences([error("bad size", [])], [error("bad shape", [])])


def test_cell_options_follow_nbval_tags_and_comments(comparison):
    def options(source="x = 1", tags=()):
        return comparison.options(nbformat.v4.new_code_cell(source, metadata={"tags": list(tags)}))

    assert options()["check"] and not options()["skip"] and not options()["check_exception"]
    assert not options(tags=["nbval-ignore-output"])["check"]
    assert options(tags=["nbval-skip"])["skip"]
    assert options(tags=["raises-exception"])["check_exception"]
    assert not options("# NBVAL_IGNORE_OUTPUT\nx = 1")["check"]
    assert options("# NBVAL_CHECK_OUTPUT\nx = 1", tags=["nbval-ignore-output"])["check"]


def _tiny_notebook(folder, counter_output):
    """A notebook whose stored outputs are what nbval checks: printed counter, sanitized repr, ignored and expected
    error cells."""
    def code(source, outputs=(), tags=()):
        return nbformat.v4.new_code_cell(source, outputs=list(outputs), execution_count=1,
                                         metadata={"tags": list(tags)})

    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# Prueba"),
        code("n = 0"),
        code("n += 1\nprint('n =', n)", [_stream(counter_output)]),
        code("object()", [nbformat.v4.new_output("execute_result", execution_count=1,
                                                  data={"text/plain": "<object at 0x7f0011223344>"})]),
        code("import random\nprint(random.random())", [_stream("0.25\n")], tags=["nbval-ignore-output"]),
        code("1 / 0", [nbformat.v4.new_output("error", ename="ZeroDivisionError", evalue="division by zero",
                                              traceback=[])], tags=["raises-exception"]),
        code("# NBVAL_IGNORE_OUTPUT\nprint('hoy')", [_stream("ayer\n")]),
    ])
    path = folder / "es" / "99_prueba.ipynb"
    path.parent.mkdir(parents=True)
    nbformat.write(nb, str(path))
    return path


def test_a_notebook_whose_outputs_match_passes(tmp_path, comparison):
    run_every_cell_twice(_tiny_notebook(tmp_path / "src", "n = 1\n"), tmp_path / "run", comparison)


def test_a_stored_output_that_differs_fails_and_names_the_cell(tmp_path, comparison):
    # "n = 2" is what the cell prints when run a second time: only the first run is compared.
    with pytest.raises(pytest.fail.Exception) as failure:
        run_every_cell_twice(_tiny_notebook(tmp_path / "src", "n = 2\n"), tmp_path / "run", comparison)
    message = str(failure.value)
    assert "es/99_prueba.ipynb cell 2 (nbval: Cell 1): outputs differ" in message
    assert "n = 1" in message and "n = 2" in message
    assert "cell 3" not in message and "cell 5" not in message and "cell 6" not in message


def test_a_cell_that_fails_when_run_again_fails(tmp_path, comparison):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("n = 1", execution_count=1),
                                         nbformat.v4.new_code_cell("del n", execution_count=2)])
    path = tmp_path / "src" / "pt" / "99_teste.ipynb"
    path.parent.mkdir(parents=True)
    nbformat.write(nb, str(path))
    with pytest.raises(pytest.fail.Exception, match=r"pt/99_teste.ipynb cell 1 \(nbval: Cell 1\) failed on run 2"):
        run_every_cell_twice(path, tmp_path / "run", comparison)


def test_an_output_that_depends_on_re_runs_is_checked_in_one_straight_run(tmp_path, comparison):
    cells = [nbformat.v4.new_code_cell(source, outputs=outputs, execution_count=1) for source, outputs in (
        ("n = 0", []), ("n += 1", []), ("print('n =', n)", [_stream("n = 1\n")]))]
    path = tmp_path / "src" / "es" / "99_prueba.ipynb"
    path.parent.mkdir(parents=True)
    nbformat.write(nbformat.v4.new_notebook(cells=cells), str(path))
    with pytest.warns(OutputsDependOnReRuns, match=r"es/99_prueba.ipynb cell 2 \(nbval: Cell 2\)"):
        run_every_cell_twice(path, tmp_path / "run", comparison)
    cells[2].outputs = [_stream("n = 3\n")]
    nbformat.write(nbformat.v4.new_notebook(cells=cells), str(path))
    with pytest.raises(pytest.fail.Exception, match=r"cell 2 \(nbval: Cell 2\): outputs differ"):
        run_every_cell_twice(path, tmp_path / "run2", comparison)


def test_nbval_items_are_dropped_only_for_notebooks_re_run_in_the_session():
    """The root conftest.py's hook, on stand-in items: a re-run class, nbval cells of two notebooks, a unit test."""
    spec = importlib.util.spec_from_file_location("root_conftest", ROOT / "conftest.py")
    root_conftest = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(root_conftest)
    es, pt = NOTEBOOKS[0], ROOT / "notebooks" / "pt" / "00_x.ipynb"
    rerun = SimpleNamespace(path=ROOT / "tests" / "test_notebooks_rerun.py", cls=type("T", (), {"nbval_notebook": es}))
    unit = SimpleNamespace(path=ROOT / "tests" / "test_gif.py", cls=None)
    cells_es, cells_pt = [SimpleNamespace(path=es) for _ in range(2)], [SimpleNamespace(path=pt) for _ in range(2)]
    deselected = []
    config = SimpleNamespace(hook=SimpleNamespace(pytest_deselected=lambda items: deselected.extend(items)))

    items = [unit, *cells_es, *cells_pt, rerun]
    root_conftest.pytest_collection_modifyitems(config, items)
    assert items == [rerun, unit, *cells_pt] and deselected == cells_es  # the longest scopes first

    items, deselected[:] = [unit, *cells_es, *cells_pt], []
    root_conftest.pytest_collection_modifyitems(config, items)
    assert items == [unit, *cells_es, *cells_pt] and not deselected
