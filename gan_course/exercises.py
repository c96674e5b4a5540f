"""Self-check exercises at the end of each lesson.

A lesson's exercises live in ``gan_course/exercise_sets/eNN.py`` (NN = lesson number) and
register themselves with :func:`exercise`.  In the notebook a student writes an answer and runs
``gc.exercises.check("02.1", answer)``: it prints whether the answer is right (or a hint) in
the active language and returns ``None``, so the cell shows the message only
(:func:`is_correct` returns ``True``/``False`` for code).  ``None`` (no answer yet) prints the
question again.  Answers are computed with the course's own functions where possible, so
a student who reads the checker learns the method, not just the number.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

from .i18n import get_language, register, t

register({
    "ex.correct": {"es": "✔ {key}: ¡correcto!", "pt": "✔ {key}: correto!"},
    "ex.wrong": {"es": "✘ {key}: todavía no. Pista: {hint}", "pt": "✘ {key}: ainda não. Dica: {hint}"},
    "ex.empty": {"es": "… {key}: escribe tu respuesta en lugar de None. {question}",
                 "pt": "… {key}: escreva sua resposta no lugar de None. {question}"},
    "ex.unknown": {"es": "ejercicio {key!r} desconocido; disponibles: {known}",
                   "pt": "exercício {key!r} desconhecido; disponíveis: {known}"},
    "ex.bad_type": {"es": "se esperaba {expected}", "pt": "esperava-se {expected}"},
})


@dataclass
class Exercise:
    key: str
    question: dict
    hint: dict
    expected: Any = None               # a value, or a callable returning it
    judge: Callable | None = None      # custom judge(answer) -> bool (overrides expected)
    example: Any = None                # one correct answer, when a judge is used (for tests)
    atol: float = 1e-6


_REGISTRY: dict[str, Exercise] = {}


class lazy:
    """An example answer computed only when asked for: ``exercise(..., example=lazy(fn))`` stores ``fn`` and
    :func:`solution` returns ``fn()`` (an example that costs a training run is not computed at import).  A plain
    function given as ``example`` is returned as it is: it *is* the answer (an exercise that asks for a function)."""

    def __init__(self, fn: Callable):
        self.fn = fn


def exercise(key: str, *, question: dict, hint: dict, expected=None, judge=None, example=None,
             atol: float = 1e-6):
    """Register exercise ``key`` ("NN.k"): ``question``/``hint`` are ``{"es":..., "pt":...}``."""
    for d in (question, hint):
        if set(d) != {"es", "pt"}:
            raise KeyError(f"exercise {key}: texts need 'es' and 'pt'")
    if judge is not None and example is None:
        raise KeyError(f"exercise {key}: a judge needs an example answer")
    _REGISTRY[key] = Exercise(key, question, hint, expected, judge, example, atol)


def _load(key: str):
    """Import the exercise set of ``key``'s lesson, if the lesson has one."""
    modname = f"gan_course.exercise_sets.e{key.split('.')[0]}"
    try:
        importlib.import_module(modname)
    except ModuleNotFoundError as exc:
        if exc.name != modname:  # the set exists but something it imports is missing: say so
            raise


def get(key: str) -> Exercise:
    if not isinstance(key, str):
        raise ValueError(t("ex.unknown", key=key, known=", ".join(sorted(_REGISTRY)) or "—"))
    if key not in _REGISTRY:
        _load(key)
    if key not in _REGISTRY:
        raise ValueError(t("ex.unknown", key=key, known=", ".join(sorted(_REGISTRY)) or "—"))
    return _REGISTRY[key]


def _equal(answer, expected, atol) -> bool:
    if isinstance(expected, (str, bool)) or expected is None:
        if isinstance(expected, str) and isinstance(answer, str):
            return answer.strip().lower() == expected.strip().lower()
        return answer == expected
    try:
        a = np.asarray(answer, dtype=float)
        e = np.asarray(expected, dtype=float)
    except (TypeError, ValueError):
        return False
    return a.shape == e.shape and bool(np.allclose(a, e, atol=atol, rtol=0))


def function_matches(answer, reference: Callable, inputs, atol: float = 1e-4) -> bool:
    """True when ``answer`` is a function that gives the same numbers as ``reference`` (same shape, within
    ``atol``) on every argument tuple of ``inputs``: the judge of exercises whose answer is code.  Each call gets
    its own copies of the arrays, and an error inside the student's function counts as "not yet"."""
    if not callable(answer):
        return False
    for args in inputs:
        try:
            got = np.asarray(answer(*[a.copy() if isinstance(a, np.ndarray) else a for a in args]), dtype=float)
        except Exception:  # noqa: BLE001  (any error in the student's code means "not yet")
            return False
        want = np.asarray(reference(*args), dtype=float)
        if got.shape != want.shape or not np.allclose(got, want, atol=atol, rtol=0):
            return False
    return True


def check(key: str, answer) -> None:
    """Print whether ``answer`` solves exercise ``key`` (with a hint if not).

    Returns nothing, so the cell shows only the message; use :func:`is_correct` in code.
    Visto en 00 §Ejercicios.
    """
    is_correct(key, answer, verbose=True)


def is_correct(key: str, answer, verbose: bool = False) -> bool:
    """True when ``answer`` solves exercise ``key`` (prints the verdict if ``verbose``)."""
    ex = get(key)
    lang = get_language()
    if answer is None:
        if verbose:
            print(t("ex.empty", key=key, question=ex.question[lang]))
        return False
    if ex.judge is not None:
        ok = bool(ex.judge(answer))
    else:
        expected = ex.expected() if callable(ex.expected) else ex.expected
        ok = _equal(answer, expected, ex.atol)
    if verbose:
        print(t("ex.correct", key=key) if ok else t("ex.wrong", key=key, hint=ex.hint[lang]))
    return ok


def solution(key: str):
    """The expected answer of ``key`` (for instructors and for the test suite)."""
    ex = get(key)
    if ex.judge is not None:
        return ex.example.fn() if isinstance(ex.example, lazy) else ex.example
    return ex.expected() if callable(ex.expected) else ex.expected


def keys(lesson: str | None = None) -> list[str]:
    """Registered exercise keys (of one lesson, e.g. ``"02"``, after loading its set)."""
    if lesson is not None:
        _load(lesson + ".")
    return sorted(k for k in _REGISTRY if lesson is None or k.startswith(lesson + "."))
