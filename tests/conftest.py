"""Shared test set-up: every test starts in Spanish, whatever the test before it chose.

In-process CLI calls (``main(["--lang", "pt", ...])``) and notebooks' ``setup("pt")`` switch the
process-wide language; without this reset a later test's Spanish expectations depend on test order.
"""
import pytest

from gan_course import i18n


@pytest.fixture(autouse=True)
def _spanish_by_default():
    i18n.set_language("es")
    yield
    i18n.set_language("es")
