"""Students re-run cells: execute every lesson (quick mode) with each code cell run twice in a row.

The es and pt twins are built from one source and run the same code (only strings and comments differ:
``test_twins_have_the_same_code``; nbval runs both languages once), so each lesson is re-run in one language,
alternating: even lessons in Spanish, odd ones in Portuguese — half the time, both languages covered.
"""
import os
import pathlib
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import nbcheck  # noqa: E402

NOTEBOOKS = [p for p in nbcheck.notebooks() if p.parent.name == ("es" if int(p.name[:2]) % 2 == 0 else "pt")]


def _run_every_cell_twice(path, tmp_path):
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    assert os.environ.get("GAN_COURSE_QUICK"), "run in quick mode (conftest.py sets it)"
    nb = nbformat.read(str(path), as_version=4)
    # A private copy of the course tree's layout: the notebook's run folders (runs/...) land in tmp_path, so
    # this test never shares them with nbval's run of the same notebook (pytest -n 2 runs both at once);
    # what lessons read (../../benchmarks, ../../figures) is linked, read-only in use.
    workdir = tmp_path / "notebooks" / path.parent.name
    workdir.mkdir(parents=True)
    for shared in ("benchmarks", "figures"):
        (tmp_path / shared).symlink_to(ROOT / shared, target_is_directory=True)
    client = NotebookClient(nb, timeout=900, kernel_name="python3",
                            resources={"metadata": {"path": str(workdir)}})
    with client.setup_kernel():
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code" or "raises-exception" in cell.metadata.get("tags", []):
                continue
            for attempt in (1, 2):
                try:
                    client.execute_cell(cell, index)
                except CellExecutionError as exc:
                    pytest.fail(f"cell {index} failed on run {attempt}:\n{''.join(cell.source)}\n{exc}")


# One test class per lesson: ``pytest -n 2 --dist loadscope`` sends each class (scope) to any free worker, so the
# longest re-runs (lessons 04 and 06) do not queue behind each other on one worker as one module's tests would.
for _path in NOTEBOOKS:
    def _test(self, tmp_path, path=_path):
        _run_every_cell_twice(path, tmp_path)

    _name = f"TestLesson{_path.name[:2]}{_path.parent.name.capitalize()}"
    globals()[_name] = type(_name, (), {"test_every_cell_runs_twice": _test,
                                        "__doc__": f"{_path.parent.name}/{_path.name}, every cell twice"})
