"""Every (sub)slide of every deck fits a 1280×720 screen, measured in a browser.

The decks are rendered as ``python -m gan_course slides`` renders them and opened in headless Chromium
(``tools/slidefit.py``: viewport 1280×720, network cut); a (sub)slide whose content is taller than reveal's
slide (nbconvert's template: 960×700, scaled to the window) fails, with its index, heading and height.  The
line budget of ``tests/test_slides_structure.py`` cannot see text that wraps, outputs and figures; this can.

``python tools/slidefit.py NN`` prints the same list for one lesson.  About 3 minutes for the 22 decks on a
busy 2-core machine (rendering and browser runs overlap).  Skipped when no Chromium is installed.
"""
import base64
import json
import pathlib
import struct
import sys
import zlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import slidefit  # noqa: E402
from nbcheck import notebooks  # noqa: E402

BROWSER = slidefit.chromium()
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(BROWSER is None, reason="no Chromium installed (apt-get install chromium): "
                                                         "the slides cannot be measured in a browser")]
NOTEBOOKS = notebooks()


def _deck_name(path):
    return f"{path.parent.name}/{path.stem}"


@pytest.fixture(scope="module")
def measured():
    """``{"lang/NN_slug": probe result}`` for every deck, rendered and measured once."""
    return dict(slidefit.render_and_measure())


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_deck_name)
def test_every_slide_fits_the_screen(measured, path):
    result = measured.get(_deck_name(path))
    assert result is not None, f"no deck was rendered for {path.name}"
    assert "error" not in result, f"the deck could not be measured: {result['error']}"
    assert result["slides"], "the probe found no slides"
    assert result["viewport"] == list(slidefit.WINDOW), f"measured in a {result['viewport']} viewport"
    tall = [f"slide {s['h']}/{s['v']} {s['title']!r}: {max(s['scroll'], s['inner'])} px"
            for s in slidefit.overflowing(result)]
    assert not tall, (f"{len(tall)} of {len(result['slides'])} (sub)slides taller than the {result['height']} px "
                      f"slide (python tools/slidefit.py {path.name[:2]}):\n" + "\n".join(tall))


# --- the probe itself, on a deck whose answer is known ------------------------------------------------

def _png(width, height):
    """A grey PNG of ``width``×``height`` pixels."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def _markdown(cell_id, source, slide):
    return {"cell_type": "markdown", "id": cell_id, "metadata": {"slideshow": {"slide_type": slide}}, "source": source}


def _image_cell(cell_id, height, slide="-"):
    data = base64.b64encode(_png(40, height)).decode()
    output = {"output_type": "display_data", "metadata": {}, "data": {"image/png": data, "text/plain": "<Figure>"}}
    return {"cell_type": "code", "id": cell_id, "execution_count": 1, "source": "show()", "outputs": [output],
            "metadata": {"slideshow": {"slide_type": slide}}}


def _notebook(cells):
    return {"cells": cells, "nbformat": 4, "nbformat_minor": 5,
            "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
                         "language_info": {"name": "python"}}}


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    """A deck with four slides: short text (fits), 60 paragraphs (too tall), a 100-px figure (fits) and a
    900-px figure (too tall: only measured right once the image has loaded)."""
    from gan_course.slides import build_slides

    root = tmp_path_factory.mktemp("fit")
    (root / "notebooks" / "es").mkdir(parents=True)
    long_text = "\n\n".join(f"Párrafo {i}: una línea de texto." for i in range(60))
    cells = [_markdown("fits", "# Cabe\n\nUna frase corta.", "slide"),
             _markdown("long", "## No cabe\n\n" + long_text, "subslide"),
             _markdown("small-title", "## Figura pequeña", "slide"), _image_cell("small", 100),
             _markdown("big-title", "## Figura grande", "subslide"), _image_cell("big", 900)]
    (root / "notebooks" / "es" / "99_prueba.ipynb").write_text(json.dumps(_notebook(cells)), encoding="utf-8")
    deck, = build_slides(["99"], ("es",), root / "slides", notebooks=root / "notebooks", verbose=False)
    return slidefit.measure_decks([deck], BROWSER)[deck]


def test_the_probe_measures_a_known_deck(synthetic):
    assert "error" not in synthetic, synthetic.get("error")
    assert synthetic["viewport"] == list(slidefit.WINDOW)
    assert (synthetic["width"], synthetic["height"]) == (960, 700)
    slides = {s["title"]: s for s in synthetic["slides"]}
    assert list(slides) == ["Cabe", "No cabe", "Figura pequeña", "Figura grande"]
    assert [(s["h"], s["v"]) for s in synthetic["slides"]] == [(0, 0), (0, 1), (1, 0), (1, 1)]
    height = {title: max(s["scroll"], s["inner"]) for title, s in slides.items()}
    assert height["Cabe"] < 300 and height["Figura pequeña"] < 400
    assert height["No cabe"] > 60 * 30                  # 60 paragraphs of one line, each more than 30 px
    assert height["Figura grande"] > 900                # the image's own height, so it was loaded
    assert [s["title"] for s in slidefit.overflowing(synthetic)] == ["No cabe", "Figura grande"]


def test_report_names_deck_slide_heading_and_height(synthetic):
    lines, over, failed = slidefit.report([("es/99_prueba", synthetic), ("pt/99_teste", {"error": "boom"})])
    assert (over, failed) == (2, 1)
    assert any(line.startswith("es/99_prueba") and "slide 0/1" in line and "'No cabe'" in line
               and line.endswith("px > 700 px") for line in lines)
    assert any("ERROR: boom" in line for line in lines)
