"""Natural Spanish and Brazilian Portuguese: the glossary's forbidden words and Portuguese decimal commas.

``tools/langcheck.py`` reads each lesson source (``notebooks/src/NN_*.py``) per language — markdown prose,
code comments and strings — and the ``gan_course.i18n`` messages.  Forbidden words: the table "Palabras que no
se usan" of ``notebooks/GLOSARIO.md``.  Decimals: Portuguese markdown writes ``9,56`` (``9{,}56`` in formulas);
the exceptions (code, file names, versions, exercise keys, thousands) are in ``tools/langcheck.py``'s docstring.
``python tools/langcheck.py NN`` lists one lesson's hits with file, line and snippet.
"""
import pathlib
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import langcheck  # noqa: E402

SOURCES = langcheck.lesson_sources()
RULES = langcheck.load_rules()


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name[:2])
def test_lesson_language(path):
    hits = langcheck.check_source(path, RULES)
    assert not hits, (f"{len(hits)} language slips in lesson {path.name[:2]} "
                      f"(python tools/langcheck.py {path.name[:2]}):\n" + "\n".join(map(str, hits)))


def test_messages_language():
    hits = langcheck.check_messages(RULES)
    assert not hits, f"{len(hits)} language slips in the i18n messages:\n" + "\n".join(map(str, hits))


# --- the rules themselves ----------------------------------------------------------------------

def _prose(lang, *lines):
    blanked, raw = langcheck.prose_lines(list(enumerate(lines, start=1)))
    return langcheck.Piece("x.md", lang, "prosa", blanked, raw)


def _forbidden(lang, text):
    return [h.what for h in langcheck.forbidden_hits([_prose(lang, text)], RULES)]


def test_the_glossary_table_is_read():
    assert {r.lang for r in RULES} == {"es", "pt"}
    assert all(r.scope in ("todo", "prosa") for r in RULES)
    assert len(RULES) >= 25


@pytest.mark.parametrize("text", [
    "el resto es fontanería", "funciona sin red", "una convolución con paso 2", "de paso 2 seguidas",
    "con pasos 2, 2, 2, 1, 1", "un paso de 2 píxeles", "el paso (stride) de la capa", "la convolución con paso",
    "el paso de la convolución", "la **colorfulness** de la imagen", "La memorizada de los reales",
    "$D$ calcula rasgos", "hay un rasgo en la ventana", "A 3 minutos de CPU, la concatenación",
    "El PatchGAN son convoluciones",
])
def test_spanish_slips_are_found(text):
    assert _forbidden("es", text), text


@pytest.mark.parametrize("text", [
    "un paso de entrenamiento", "paso a paso", "el paso del generador", "Sustituyendo los pasos 2 y 3 en el 4",
    "Paso 1: cargar los datos", "con pasos de gradiente alternados", "convolución con stride 2",
    "El **colorido** (*colorfulness*) de Hasler", "la función `colorfulness()`", "sin conexión",
    "a 3 minutos de distancia", "características",
])
def test_spanish_good_prose_passes(text):
    assert not _forbidden("es", text), text


@pytest.mark.parametrize("text", [
    "o resto é encanamento", "uma convolução de passo 2", "com passo", "o passo (stride)",
    "O único que ele pode fazer", "por perfeito que fosse $D$", "desde ℓ = 16", r"desde $\ell = 17$",
    "umas características", "uns logits de exemplo", "por cada imagem", "em turnos", "a JSD achata em",
    "trecho de 70×70", "a **colorfulness** das amostras",
])
def test_portuguese_slips_are_found(text):
    assert _forbidden("pt", text), text


@pytest.mark.parametrize("text", [
    "o passo de treinamento", "passo a passo", "Substituindo os passos 2 e 3 no 4", "o único que funciona",
    "por mais perfeito que fosse", "a partir de ℓ = 16", "para cada imagem", "alternadamente",
    "recorte de 70×70", "convolução com stride 2",
])
def test_portuguese_good_prose_passes(text):
    assert not _forbidden("pt", text), text


def test_a_phrase_split_over_two_lines_is_found_on_its_line():
    hits = langcheck.forbidden_hits([_prose("pt", "três convoluções 4×4 de", "passo 2 seguidas")], RULES)
    assert [(h.line, h.what) for h in hits] == [(2, "«passo 2»")]


def _decimals(*lines):
    return [(h.line, h.what) for h in langcheck.decimal_hits([_prose("pt", *lines)])]


@pytest.mark.parametrize("text, number, maths", [
    ("IS 9.56 contra 6.3", "9.56", False), ("com $\\beta_1 = 0.5$ no Adam", "0.5", True),
    ("97.8 % dos pesos", "97.8", False), ("entre 0.87–0.88", "0.87", False), ("desvio 0.02)", "0.02", False),
    ("$$\\beta = 0.5^{m/h}$$", "0.5", True), ("um limiar de 0.500", "0.500", False),
])
def test_decimal_points_in_portuguese_are_found(text, number, maths):
    found = _decimals(text)
    assert found and found[0] == (1, f"decimal com ponto «{number}»" + (" (fórmula)" if maths else ""))


@pytest.mark.parametrize("text", [
    "9,56 e $0{,}5$", "imprime `0.5`", "TensorFlow 2.21 e Python 3.11", "reveal.js 4.6.1", "licença Apache 2.0",
    "o exercício 06.1", "§06.2", "exercícios 10.1 e 10.2", "na seção 3.2 do artigo", "60.000 imagens",
    "1.281.167 imagens", "https://example.org/v1.5/x", "![grade](figs/grid_0.5.png)", '<img src="a_1.5.png">',
    "o arquivo model.h5", "Keras 3.x", "conv2.weight",
])
def test_what_is_not_a_decimal_in_prose(text):
    assert not _decimals(text), text


def test_code_blocks_are_skipped_but_not_the_prose_after_them():
    assert _decimals("```python", "x = 0.5", "```", "vale 0.5") == [(4, "decimal com ponto «0.5»")]


def test_spanish_keeps_the_point():
    piece = _prose("es", "IS 9.56")
    assert langcheck.decimal_hits([piece]) == []


SOURCE = '''from _lang import T
NAMES = {"es": "99_prueba", "pt": "99_teste"}

# %% [markdown] lang="es"
# ## Título
#
# Una convolución con
# paso 2.

# %% [markdown] lang="pt"
# ## Título
#
# Vale 0.5 e `0.5`.

# %%
x = 1  # es: sin red | pt: sem rede
print(T("fontanería", "encanamento"), "rasgos")
# es: umas características (en español no es un error)
# pt: uns logits
'''


def test_a_source_is_read_per_language_with_its_lines(tmp_path):
    path = tmp_path / "99_prueba.py"
    path.write_text(SOURCE, encoding="utf-8")
    found = {(h.line, h.lang, h.what) for h in langcheck.check_source(path, RULES)}
    assert found == {
        (8, "es", "«paso 2»"),                       # the phrase starts on the second line of the cell
        (13, "pt", "decimal com ponto «0.5»"),       # once: the inline code is not prose
        (16, "es", "«sin red»"), (16, "pt", "«sem rede»"),
        (17, "es", "«fontanería»"), (17, "pt", "«encanamento»"),
        (17, "es", "«rasgos»"),                      # a string outside T() counts for both languages
        (19, "pt", "«uns logits»"),
    }
