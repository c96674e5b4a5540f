"""gan_course.validate and i18n.arg_error: one way to check arguments and to word the errors."""
import math

import numpy as np
import pytest

from gan_course import i18n
from gan_course.validate import check_array, check_choice, check_float, check_images, check_int, is_int


def _message(call, lang="es"):
    with i18n.language(lang):
        with pytest.raises(ValueError) as info:
            call()
    return str(info.value)


def test_arg_error_fills_the_fields_of_a_key_in_each_language():
    i18n.register({"test.expected_batch": {"es": "entre 1 y {n}", "pt": "entre 1 e {n}"}})
    for lang, text in (("es", "entre 1 y 7"), ("pt", "entre 1 e 7")):
        with i18n.language(lang):
            msg = str(i18n.arg_error("batch_size", 9, "test.expected_batch", n=7))
        assert "`batch_size`" in msg and "9" in msg and text in msg
    with i18n.language("pt"):
        msg = str(i18n.arg_error("x", 1, {"es": "más de {n}", "pt": "mais de {n}"}, n=2))
    assert "mais de 2" in msg
    err = i18n.arg_error("path", "a/b", "data.expected_folder", exc=FileNotFoundError)
    assert isinstance(err, FileNotFoundError)
    # a field called "value" does not clash with the argument's value
    i18n.register({"test.same": {"es": "igual a {value}", "pt": "igual a {value}"}})
    assert "igual a 3" in str(i18n.arg_error("seed", 4, "test.same", value=3))


@pytest.mark.parametrize("value", [1, 5, np.int64(3)])
def test_check_int_accepts_integers_in_range(value):
    assert check_int("n", value, 1, 5) == int(value) and type(check_int("n", value, 1, 5)) is int


@pytest.mark.parametrize("value,minimum,maximum,es,pt", [
    (0, 1, None, "un entero ≥ 1", "um inteiro ≥ 1"),
    (2.0, 1, None, "un entero ≥ 1", "um inteiro ≥ 1"),
    (True, 0, None, "un entero ≥ 0", "um inteiro ≥ 0"),
    ("3", None, None, "un entero", "um inteiro"),
    (9, 1, 5, "un entero entre 1 y 5", "um inteiro entre 1 e 5"),
    (9, None, 5, "un entero ≤ 5", "um inteiro ≤ 5"),
])
def test_check_int_describes_the_bounds(value, minimum, maximum, es, pt):
    assert es in _message(lambda: check_int("n", value, minimum, maximum), "es")
    assert pt in _message(lambda: check_int("n", value, minimum, maximum), "pt")


@pytest.mark.parametrize("value,kwargs,text", [
    (0.0, dict(minimum=0, low_open=True), "un número > 0"),
    (-1, dict(minimum=0), "un número ≥ 0"),
    (0.5, dict(minimum=0, maximum=0.5, high_open=True), "un número en [0, 0.5)"),
    (math.nan, {}, "un número finito"),
    (math.inf, {}, "un número finito"),
    ("0.1", {}, "un número finito"),
    (None, {}, "un número finito"),
    (True, {}, "un número finito"),
])
def test_check_float_refuses(value, kwargs, text):
    assert text in _message(lambda: check_float("x", value, **kwargs))


def test_check_float_accepts_numpy_numbers():
    assert check_float("x", np.float32(0.25), 0, 1) == 0.25
    assert check_float("x", 2, 0) == 2.0


def test_check_choice_compares_type_and_value():
    assert check_choice("form", "logits", ("logits", "probability")) == "logits"
    forms = ("logits", "probability")
    assert "uno de 'logits', 'probability'" in _message(lambda: check_choice("form", "sigmoid", forms))
    assert "`flag`" in _message(lambda: check_choice("flag", True, (1, 0)))          # True is not 1
    assert "`form`" in _message(lambda: check_choice("form", np.array(["logits"]), ("logits",)))
    either = {"es": "'a' o 'b'", "pt": "'a' ou 'b'"}
    assert "'a' o 'b'" in _message(lambda: check_choice("k", "c", "ab", expected=either))


@pytest.mark.parametrize("value,kwargs", [
    ("abc", {}), (None, {}), ([1, [2, 3]], {}), ([1.0, np.nan], {}), ([], {}),
    (np.ones((2, 2)), dict(ndim=1)), (np.ones(3), dict(ndim=(2, 3))), ({"a": 1}, {}),
])
def test_check_array_refuses(value, kwargs):
    assert "`x`" in _message(lambda: check_array("x", value, **kwargs))


def test_check_array_returns_float64_or_keeps_the_dtype():
    assert check_array("x", [1, 2]).dtype == np.float64
    assert check_array("x", np.arange(3, dtype=np.uint8), dtype=None).dtype == np.uint8
    assert check_array("x", [], min_size=0).size == 0
    assert np.isinf(check_array("x", [np.inf], finite=False)[0])


def test_check_images():
    u8 = np.zeros((2, 4, 4), np.uint8)
    assert check_images("images", u8) is u8
    f = check_images("images", np.full((2, 4, 4, 1), 1.0005))
    assert f.dtype == np.float32 and f.max() == 1.0
    for bad in (np.full((2, 4, 4), 2.0), np.full((2, 4, 4), np.nan), np.zeros((0, 4, 4)), np.zeros((4, 4)),
                np.zeros((2, 4, 4), bool), "abc"):
        assert "`images`" in _message(lambda: check_images("images", bad))
    assert "con 3 / 4 ejes" in _message(lambda: check_images("images", np.zeros(3)))


def test_is_int():
    assert is_int(3) and is_int(np.int8(3))
    assert not is_int(True) and not is_int(3.0) and not is_int("3") and not is_int(np.bool_(True))


def test_int_from_text_reads_a_command_line_or_environment_value():
    from gan_course.validate import int_from_text

    assert int_from_text("--epochs", "12", 1) == 12 and int_from_text("--epochs", " 3 ", 1) == 3
    assert int_from_text("--seed", 5, 0) == 5                       # already an integer: kept
    for text in ("2.5", "two", "", "0", None, True):
        es = _message(lambda: int_from_text("--epochs", text, 1), "es")
        assert "`--epochs`" in es and repr(text) in es and "un entero ≥ 1" in es
    pt = _message(lambda: int_from_text("N", "x", 1, expected={"es": "N ≥ {n}", "pt": "N ≥ {n} (pt)"}, n=1), "pt")
    assert "N ≥ 1 (pt)" in pt


def test_a_field_called_name_goes_to_the_message():
    i18n.register({"test.named": {"es": "como {name}=2", "pt": "como {name}=2"}})
    assert "como VAR=2" in _message(lambda: check_int("VAR", 0, 1, expected="test.named", name="VAR"))
