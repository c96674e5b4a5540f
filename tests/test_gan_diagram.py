"""The GAN's block diagram of lesson 04: the boxes and arrows it promises, in both languages."""
import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from gan_course import gan_diagram, i18n  # noqa: E402


def _texts(ax):
    return [text.get_text() for text in ax.texts]


@pytest.mark.parametrize("lang,words", [("es", ("ruido", "generador", "falsa", "real (datos)", "discriminador",
                                                "¿es real?", "a través de D")),
                                        ("pt", ("ruído", "gerador", "falsa", "real (dados)", "discriminador",
                                                "é real?", "através de D"))])
def test_the_diagram_names_both_players_and_both_inputs_of_d(lang, words):
    with i18n.language(lang):
        ax = gan_diagram.plot_gan()
    texts = " | ".join(_texts(ax))
    for word in words:
        assert word in texts, (lang, word, texts)
    assert len(ax.patches) == len(gan_diagram.BOXES) == 6
    arrows = [child for child in ax.texts if getattr(child, "arrow_patch", None) is not None]
    assert len(arrows) == len(gan_diagram.ARROWS) + 1                 # and the dashed gradient arrow
    plt.close(ax.figure)


def test_the_arrows_run_z_to_g_to_d_and_x_to_d():
    centres = {key.split(".")[1]: (x, y, w) for x, y, key, _, w in gan_diagram.BOXES}

    def box_at(point):
        px, py = point
        hits = [name for name, (x, y, w) in centres.items() if abs(px - x) <= w / 2 + 0.15 and abs(py - y) <= 0.6]
        assert len(hits) == 1, (point, hits)
        return hits[0]

    flow = {(box_at(start), box_at(end)) for start, end in gan_diagram.ARROWS}
    assert flow == {("noise", "generator"), ("generator", "fake"), ("fake", "discriminator"),
                    ("real", "discriminator"), ("discriminator", "answer")}


def test_it_draws_on_the_axes_it_is_given():
    fig, ax = plt.subplots()
    assert gan_diagram.plot_gan(ax) is ax
    assert len(ax.patches) == 6
    plt.close(fig)
