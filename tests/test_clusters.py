"""Groups without labels (gan_course.clusters): purer than k-means on pixels, reproducible, checked inputs."""
import numpy as np
import pytest

from gan_course import clusters, data, i18n


@pytest.fixture(scope="module")
def digits():
    x, y = data.mnist_split("train")
    return x[:1500], y[:1500]


def test_spectral_groups_are_purer_than_pixel_kmeans(digits):
    x, y = digits
    spectral = clusters.find(x, 30, seed=0, balanced=False)
    pixels = clusters.find(x, 30, method="pixels", seed=0, balanced=False)
    assert spectral.dtype == np.int32 and spectral.shape == (len(x),) and set(spectral) == set(range(30))
    assert clusters.purity(spectral, y) > clusters.purity(pixels, y) + 0.05  # measured: 0.86 against 0.77
    assert clusters.purity(spectral, y) > 0.8
    assert np.array_equal(spectral, clusters.find(x, 30, seed=0, balanced=False))  # the same on a re-run (resume)


def test_balanced_groups_have_equal_sizes(digits):
    x, y = digits
    ids = clusters.find(x, 30, seed=0)
    sizes = np.bincount(ids, minlength=30)
    assert sizes.max() <= int(np.ceil(len(x) / 30)) and sizes.sum() == len(x)
    assert clusters.purity(ids, y) > 0.75
    assert np.array_equal(ids, clusters.find(x, 30, seed=0))


def test_purity_by_hand():
    groups = np.array([0, 0, 0, 1, 1, 2])
    labels = np.array([7, 7, 1, 3, 3, 5])
    assert clusters.purity(groups, labels) == pytest.approx(5 / 6)


def test_kmeans_finds_obvious_groups():
    rng = np.random.default_rng(0)
    centres = np.array([[0, 0], [10, 0], [0, 10]], np.float32)
    points = np.concatenate([c + rng.normal(size=(50, 2)) for c in centres]).astype(np.float32)
    ids = clusters.kmeans(points, 3, seed=1)
    assert clusters.purity(ids, np.repeat([0, 1, 2], 50)) == 1.0


def test_large_folders_use_a_graph_of_a_subset(monkeypatch, digits):
    x, y = digits
    monkeypatch.setattr(clusters, "GRAPH_LIMIT", 500)
    ids = clusters.find(x, 10, seed=0)
    assert ids.shape == (len(x),) and clusters.purity(ids, y) > 0.45  # chance: 0.11
    keep = np.linspace(0, len(x) - 1, 500).astype(int)
    coords = clusters.pca(x, 30)
    nearest = keep[((coords[:, None] - coords[keep][None]) ** 2).sum(-1).argmin(1)]
    assert np.mean(ids == ids[nearest]) > 0.99  # every other image joins its nearest graph image's group


def test_bad_arguments_name_themselves(digits):
    x, y = digits
    with i18n.language("es"):
        with pytest.raises(ValueError, match="`k`.*entre 2 y el número de imágenes"):
            clusters.find(x[:10], 30)
        with pytest.raises(ValueError, match="`method`"):
            clusters.find(x, 5, method="umap")
        with pytest.raises(ValueError, match="`labels`"):
            clusters.purity(np.zeros(3, int), np.zeros(2, int))
    with i18n.language("pt"):
        with pytest.raises(ValueError, match="esperava-se"):
            clusters.find(x[:10], 30)


def _slanted_bar(slant: float, shift: int = 0) -> np.ndarray:
    """A 28×28 vertical stroke leaning by ``slant`` columns per row, ink +1 on −1 paper."""
    img = -np.ones((28, 28), np.float32)
    for row in range(4, 24):
        col = int(round(14 + shift + slant * (row - 14)))
        img[row, col - 1:col + 2] = 1.0
    return img


def test_deskew_makes_slanted_strokes_upright_and_centred():
    upright = _slanted_bar(0.0)
    leaning = np.stack([_slanted_bar(0.4), _slanted_bar(-0.4, shift=3), upright])[..., None]
    out = clusters.deskew(leaning)
    assert out.shape == leaning.shape and out.dtype == np.float32 and out.min() >= -1 and out.max() <= 1
    ink = (out[..., 0] + 1) / 2
    cols = np.arange(28)
    for img in ink:  # every row's ink sits on the middle column after deskewing (before: drifting by 0.4/row)
        rows = img.sum(1) > 0.5
        centre = (img[rows] * cols).sum(1) / img[rows].sum(1)
        assert np.abs(centre - 14).max() < 1.0
    before = np.abs(leaning[0, ..., 0] - upright).mean()
    assert np.abs(out[0, ..., 0] - out[2, ..., 0]).mean() < before / 4


def test_deskewed_groups_are_purer(digits):
    x, y = digits
    plain = clusters.find(x, 30, seed=0)
    deskewed = clusters.find(x, 30, method="deskewed", neighbours=10, seed=0)
    assert clusters.purity(deskewed, y) > clusters.purity(plain, y) + 0.02  # measured on all 4,000: 0.94 vs 0.87
    with i18n.language("es"):
        with pytest.raises(ValueError, match="`neighbours`"):
            clusters.find(x, 10, neighbours=0)
