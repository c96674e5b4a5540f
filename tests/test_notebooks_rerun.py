"""Students re-run cells: execute every notebook (quick mode) with each code cell run twice in a row."""
import os
import pathlib
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import nbcheck  # noqa: E402

NOTEBOOKS = nbcheck.notebooks()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_cell_runs_twice(path):
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    assert os.environ.get("GAN_COURSE_QUICK"), "run in quick mode (conftest.py sets it)"
    nb = nbformat.read(str(path), as_version=4)
    client = NotebookClient(nb, timeout=900, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    with client.setup_kernel():
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code" or "raises-exception" in cell.metadata.get("tags", []):
                continue
            for attempt in (1, 2):
                try:
                    client.execute_cell(cell, index)
                except CellExecutionError as exc:
                    pytest.fail(f"cell {index} failed on run {attempt}:\n{''.join(cell.source)}\n{exc}")
