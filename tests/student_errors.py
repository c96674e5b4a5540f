"""Shared check for the bad-input tables of the unit tests (imported by them; not collected itself)."""
import pytest

from gan_course import i18n


def assert_names(call, name, exc=ValueError):
    """``call()`` raises ``exc`` whose message names the argument ``name`` and what was expected,
    in Spanish and in Portuguese (never a raw NumPy/TensorFlow/Pillow error)."""
    for lang, word in (("es", "se esperaba"), ("pt", "esperava-se")):
        with i18n.language(lang):
            with pytest.raises(exc) as info:
                call()
        message = str(info.value)
        assert type(info.value) is exc, (type(info.value), message)
        assert f"`{name}`" in message and word in message, message
