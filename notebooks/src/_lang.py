"""Imported by the lesson sources so that they lint, and run as a Spanish notebook in Jupyter (via Jupytext).

``tools/nbbuild.py`` never imports this: it rewrites each ``T("texto", "texto")`` call into the plain string
literal of the notebook's language, so the built notebooks contain no ``T``.
"""
LANG = "es"


def T(es, pt):
    """The Spanish or the Portuguese variant of a string (``LANG`` chooses)."""
    return es if LANG == "es" else pt
