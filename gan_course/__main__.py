"""``python -m gan_course COMMAND`` — the course's command line.

Commands (each lives in the module that owns the idea; see ``COMMANDS``):

* ``train``     train the DCGAN, write the run folder and its GIF (lesson 06)
* ``figures``   regenerate every figure in ``figures/`` (lessons 02–04)
* ``evaluate``  classifier-based scores of a run's generator (lesson 01 / 06)
* ``classifier`` retrain the evaluator classifier shipped with the package (lesson 01)

Errors a user can cause print one line in the active language (``--lang`` or
``GAN_COURSE_LANG``) and exit with code 2, without a traceback.
"""
from __future__ import annotations

import argparse
import importlib
import sys

from .i18n import LANGUAGES, register, set_language, t

# name -> module defining ``add_arguments(parser)`` and ``run(args) -> int``
COMMANDS = {
    "train": "gan_course.cli_train",
    "figures": "gan_course.figures",
    "evaluate": "gan_course.metrics",
    "classifier": "gan_course.classifier",
}

register({
    "cli.description": {
        "es": "Curso de redes convolucionales y GAN con Keras.",
        "pt": "Curso de redes convolucionais e GAN com Keras.",
    },
    "cli.error": {"es": "error: {message}", "pt": "erro: {message}"},
    "cli.lang": {"es": "idioma de los mensajes (es o pt)", "pt": "idioma das mensagens (es ou pt)"},
})


def _available():
    mods = {}
    for name, modname in COMMANDS.items():
        try:
            mod = importlib.import_module(modname)
        except ModuleNotFoundError as exc:
            if exc.name == modname:
                continue
            raise
        if hasattr(mod, "add_arguments") and hasattr(mod, "run"):
            mods[name] = mod
    return mods


def build_parser(mods=None):
    mods = _available() if mods is None else mods
    parser = argparse.ArgumentParser(prog="python -m gan_course", description=t("cli.description"))
    parser.add_argument("--lang", choices=LANGUAGES, help=t("cli.lang"))
    sub = parser.add_subparsers(dest="command", required=True)
    for name, mod in mods.items():
        p = sub.add_parser(name, help=(mod.__doc__ or "").strip().split("\n")[0])
        p.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=t("cli.lang"))
        mod.add_arguments(p)
    return parser


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    for i, a in enumerate(argv):  # language first, so --help is translated too
        if a == "--lang" and i + 1 < len(argv) and argv[i + 1] in LANGUAGES:
            set_language(argv[i + 1])
        elif a.startswith("--lang=") and a.split("=", 1)[1] in LANGUAGES:
            set_language(a.split("=", 1)[1])
    mods = _available()
    args = build_parser(mods).parse_args(argv)
    try:
        return int(mods[args.command].run(args) or 0)
    except (ValueError, FileNotFoundError, FileExistsError) as exc:
        print(t("cli.error", message=exc), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
