"""Foundation: language, quick mode, seeding, quiet TensorFlow, exercises, the CLI skeleton."""
import os
import subprocess
import sys

import numpy as np
import pytest

import gan_course as gc
from gan_course import config, exercises, i18n


def test_language_switch_and_messages():
    with i18n.language("pt"):
        assert gc.get_language() == "pt"
        assert "esperava-se" in str(i18n.arg_error("stride", 0, "un/um"))
    with i18n.language("es"):
        msg = str(i18n.arg_error("stride", 0, {"es": "un entero ≥ 1", "pt": "um inteiro ≥ 1"}))
        assert "`stride`" in msg and "0" in msg and "un entero ≥ 1" in msg
    with pytest.raises(ValueError, match="'fr'"):
        gc.set_language("fr")


def test_every_message_exists_in_both_languages_with_the_same_fields():
    import importlib
    import pkgutil

    for mod in pkgutil.iter_modules(gc.__path__):  # import every module so all messages register
        if not mod.name.startswith("_"):
            importlib.import_module(f"gan_course.{mod.name}")
    msgs = i18n.messages()
    assert len(msgs) > 10
    for key, texts in msgs.items():
        assert texts["es"] and texts["pt"], key
        assert i18n._fields(texts["es"]) == i18n._fields(texts["pt"]), key
    with pytest.raises(KeyError):
        i18n.register({"x.only_es": {"es": "hola"}})
    with pytest.raises(KeyError):
        i18n.register({"x.fields": {"es": "{a}", "pt": "{b}"}})


def test_arg_error_summarises_arrays():
    msg = str(i18n.arg_error("images", np.zeros((3, 28, 28), np.float32), "data.expected_images"))
    assert "(3, 28, 28)" in msg and "float32" in msg and len(msg) < 300


def test_quick_mode_sizes(monkeypatch):
    monkeypatch.delenv("GAN_COURSE_QUICK", raising=False)
    assert not config.quick() and config.pick(50, 2) == 50
    monkeypatch.setenv("GAN_COURSE_QUICK", "1")
    assert config.quick() and config.pick(50, 2) == 2
    monkeypatch.setenv("GAN_COURSE_QUICK", "0")
    assert not config.quick()
    monkeypatch.setenv("GAN_COURSE_OFFLINE", "yes")
    assert config.offline()


def test_same_seed_same_numbers():
    from gan_course import tf

    def draw():
        gc.seed_everything(123)
        return (np.random.rand(3), tf.random.normal([3]).numpy(), __import__("random").random())

    a, b = draw(), draw()
    for x, y in zip(a, b):
        np.testing.assert_array_equal(x, y)
    gc.seed_everything(124)
    assert not np.array_equal(np.random.rand(3), a[0])
    for bad in (-1, 1.5, "3", True):
        with pytest.raises(ValueError, match="seed"):
            gc.seed_everything(bad)


def test_quiet_tensorflow_import_prints_no_banner():
    code = "import gan_course as gc; gc.setup('es'); from gan_course import tf; tf.constant(1.0) + 1"
    env = {k: v for k, v in os.environ.items() if k != "TF_CPP_MIN_LOG_LEVEL"}
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert res.returncode == 0, res.stderr
    assert res.stdout == ""
    assert "oneDNN" not in res.stderr and "cpu_feature_guard" not in res.stderr, res.stderr
    assert res.stderr.strip() == ""


def test_onednn_stays_enabled():
    assert os.environ.get("TF_ENABLE_ONEDNN_OPTS") != "0"


def test_exercises_check_and_solutions(capsys):
    exercises.exercise("99.1", question={"es": "¿2+2?", "pt": "2+2?"}, hint={"es": "suma", "pt": "soma"},
                       expected=lambda: 4)
    with i18n.language("es"):
        exercises.check("99.1", None)
        assert "None" in capsys.readouterr().out
        assert exercises.check("99.1", 4) is None  # a notebook cell shows the printed verdict only
        assert "✔" in capsys.readouterr().out
        assert exercises.is_correct("99.1", 4) and not exercises.is_correct("99.1", 5)
        exercises.check("99.1", 5)
        assert "Pista: suma" in capsys.readouterr().out
    with i18n.language("pt"):
        exercises.check("99.1", 5)
        assert "Dica: soma" in capsys.readouterr().out
    with pytest.raises(ValueError, match="99.9"):
        exercises.check("99.9", 1)


def test_cli_help_lists_every_command_with_its_help_in_the_chosen_language(capsys, monkeypatch):
    from gan_course.__main__ import COMMANDS, main

    monkeypatch.setenv("COLUMNS", "250")  # no line wrapping inside the help texts
    helps = {lang: [] for lang in i18n.LANGUAGES}
    for lang in i18n.LANGUAGES:
        with i18n.language(lang):
            helps[lang] = [i18n.t(key) for _, key in COMMANDS.values()]
    for lang, other in (("es", "pt"), ("pt", "es")):
        with pytest.raises(SystemExit) as info:
            main(["--lang", lang, "--help"])
        assert info.value.code == 0
        out = capsys.readouterr().out
        for name, text, foreign in zip(COMMANDS, helps[lang], helps[other]):
            assert f"{name} " in out and text in out and foreign not in out
    with i18n.language("es"), pytest.raises(SystemExit):
        main(["figures", "--lang", "pt", "--help"])
    out = capsys.readouterr().out
    assert "--only" in out and "gerar só as figuras" in out


@pytest.mark.parametrize("argv", [["--help"], ["figures", "--help"], ["evaluate", "--help"],
                                  ["classifier", "--help"], ["train", "--help"], ["slides", "--help"]])
def test_cli_help_does_not_load_tensorflow(argv):
    # ``-X importtime`` cannot tell: the quiet import of gan_course._tf hides stderr while TF loads
    code = ("import runpy, sys\nsys.argv = ['gan_course'] + sys.argv[1:]\n"
            "try:\n    runpy.run_module('gan_course', run_name='__main__')\nexcept SystemExit:\n    pass\n"
            "print('tensorflow' in sys.modules, file=sys.stderr)")
    res = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, timeout=120)
    assert res.stderr.strip().splitlines()[-1] == "False", res.stderr
    assert "usage: python -m gan_course" in res.stdout


def test_an_unknown_module_or_exercise_is_a_clear_error():
    assert not hasattr(gc, "no_such_module")
    assert gc.validate.check_int("n", 3, 1) == 3            # modules load on first use
    with pytest.raises(ValueError, match="4"):
        exercises.check(4, 1)


def test_numbers_follow_the_language():
    from gan_course import i18n
    assert i18n.number(9.5612, 2, "es") == "9.56"
    assert i18n.number(9.5612, 2, "pt") == "9,56"
    with i18n.language("pt"):
        assert i18n.number(-0.5, 1) == "-0,5"
        assert i18n.number(7, 0) == "7"
