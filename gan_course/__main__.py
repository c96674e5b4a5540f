"""``python -m gan_course COMMAND`` — the course's command line.

Commands (each lives in the module that owns the idea; see ``COMMANDS``):

* ``train``     train the DCGAN, write the run folder and its GIF (lesson 06)
* ``figures``   regenerate every figure in ``figures/`` (lessons 02–04)
* ``evaluate``  classifier-based scores of a run's generator (lesson 01 / 06)
* ``classifier`` retrain the evaluator classifier shipped with the package (lesson 01)
* ``recipes``   the training recipes, or every value of one (lesson 06)
* ``slides``    offline reveal.js decks of the lessons
* ``site``      the course website, both languages, offline (needs requirements-docs.txt)

Only the module of the command being run is imported, so ``python -m gan_course --help`` is
instant and never loads TensorFlow.  Errors a user can cause print one line in the active language
(``--lang`` or ``GAN_COURSE_LANG``) and exit with code 2, without a traceback.
"""
from __future__ import annotations

import argparse
import importlib
import sys

from .i18n import LANGUAGES, register, set_language, t

# name -> (module defining ``add_arguments(parser)`` and ``run(args) -> int``, its one-line help)
COMMANDS = {
    "train": ("gan_course.cli_train", "cli.help_train"),
    "figures": ("gan_course.figures", "cli.help_figures"),
    "evaluate": ("gan_course.metrics", "cli.help_evaluate"),
    "classifier": ("gan_course.classifier", "cli.help_classifier"),
    "slides": ("gan_course.slides", "cli.help_slides"),
    "recipes": ("gan_course.recipes", "cli.help_recipes"),
    "site": ("gan_course.site", "cli.help_site"),
}

register({
    "cli.description": {
        "es": "Curso de redes convolucionales y GAN con Keras.",
        "pt": "Curso de redes convolucionais e GAN com Keras.",
    },
    "cli.error": {"es": "error: {message}", "pt": "erro: {message}"},
    "cli.lang": {"es": "idioma de los mensajes (es o pt)", "pt": "idioma das mensagens (es ou pt)"},
    "cli.help_train": {
        "es": ("entrena una GAN y escribe la carpeta de la ejecución con su GIF; por defecto, en MNIST, la receta del "
               "curso: una DCGAN que aprende de las etiquetas de los dígitos (lecciones 06 y 07)"),
        "pt": ("treina uma GAN e escreve a pasta da execução com o seu GIF; por padrão, no MNIST, a receita do curso: "
               "uma DCGAN que aprende com os rótulos dos dígitos (lições 06 e 07)"),
    },
    "cli.help_figures": {
        "es": "vuelve a generar todas las figuras de figures/ (lecciones 02–04)",
        "pt": "gera de novo todas as figuras de figures/ (lições 02–04)",
    },
    "cli.help_evaluate": {
        "es": "puntuaciones del generador de una ejecución según el clasificador (lecciones 01 y 06)",
        "pt": "pontuações do gerador de uma execução segundo o classificador (lições 01 e 06)",
    },
    "cli.help_classifier": {
        "es": "vuelve a entrenar el clasificador evaluador incluido en el paquete (lección 01)",
        "pt": "treina de novo o classificador avaliador incluído no pacote (lição 01)",
    },
    "cli.help_recipes": {
        "es": "las recetas de entrenamiento: una línea cada una, o todos los valores de una (recipes NOMBRE)",
        "pt": "as receitas de treinamento: uma linha cada, ou todos os valores de uma (recipes NOME)",
    },
    "cli.help_site": {
        "es": "el curso como sitio web, en los dos idiomas y sin conexión (site/es, site/pt; requirements-docs.txt)",
        "pt": "o curso como site, nos dois idiomas e sem internet (site/es, site/pt; requirements-docs.txt)",
    },
    "cli.help_slides": {
        "es": "diapositivas reveal.js de las lecciones que funcionan sin conexión (slides/es, slides/pt)",
        "pt": "slides reveal.js das lições que funcionam sem internet (slides/es, slides/pt)",
    },
})


def _command_in(argv) -> str | None:
    """The command named in ``argv`` (the first word that is not an option or the value of --lang)."""
    skip = False
    for a in argv:
        if skip:
            skip = False
        elif a == "--lang":
            skip = True
        elif not a.startswith("-"):
            return a if a in COMMANDS else None
    return None


def build_parser(command: str | None = None):
    """The parser; only ``command``'s module is imported to add its arguments."""
    parser = argparse.ArgumentParser(prog="python -m gan_course", description=t("cli.description"))
    parser.add_argument("--lang", choices=LANGUAGES, help=t("cli.lang"))
    sub = parser.add_subparsers(dest="command", required=True)
    for name, (modname, help_key) in COMMANDS.items():
        p = sub.add_parser(name, help=t(help_key), description=t(help_key))
        p.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=t("cli.lang"))
        if name == command:
            importlib.import_module(modname).add_arguments(p)
    return parser


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    for i, a in enumerate(argv):  # language first, so --help is translated too
        if a == "--lang" and i + 1 < len(argv) and argv[i + 1] in LANGUAGES:
            set_language(argv[i + 1])
        elif a.startswith("--lang=") and a.split("=", 1)[1] in LANGUAGES:
            set_language(a.split("=", 1)[1])
    command = _command_in(argv)
    args = build_parser(command).parse_args(argv)
    try:
        return int(importlib.import_module(COMMANDS[args.command][0]).run(args) or 0)
    except (ValueError, FileNotFoundError, FileExistsError) as exc:
        print(t("cli.error", message=exc), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
