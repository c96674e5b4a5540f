"""Test-wide settings: tests run offline and in quick mode unless told otherwise.

``GAN_COURSE_QUICK=0 pytest`` runs the notebooks at full size (slow);
``GAN_COURSE_OFFLINE`` defaults to 1 so no test ever touches the network.
The notebook kernels started by nbval inherit these variables.
"""
import os
import pathlib

import pytest

os.environ.setdefault("GAN_COURSE_QUICK", "1")
os.environ.setdefault("GAN_COURSE_OFFLINE", "1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
if os.environ["GAN_COURSE_QUICK"].strip().lower() in ("0", "false", "no", "off"):
    del os.environ["GAN_COURSE_QUICK"]


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Drop nbval's items for a notebook whose re-run test is selected too: that test is also its nbval check.

    ``tests/test_notebooks_rerun.py`` compares the first run of every cell with the stored outputs by nbval's rules
    (its classes name their notebook in ``nbval_notebook``), so running nbval on the same notebook would execute the
    lesson a fourth time for nothing. Deciding on the final selection (after ``-k``, ``--deselect``…) keeps nbval's
    items whenever the re-run test is not in this session: ``pytest notebooks/es`` still checks every notebook.
    """
    replaced = {getattr(getattr(item, "cls", None), "nbval_notebook", None) for item in items} - {None}
    if not replaced:
        return
    replaced = {pathlib.Path(p).resolve() for p in replaced}
    keep, dropped = [], []
    for item in items:
        (dropped if item.path.suffix == ".ipynb" and item.path.resolve() in replaced else keep).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = keep
