"""Classes without labels: groups of similar images found by the course's own code (NumPy only).

A GAN that knows which group an image belongs to can give each group a place in the network (the latent
code) and let D judge "a real one of these" (the projection), as the labelled recipe does with the digits
— the self-conditioned GAN of Liu et al. (CVPR 2020), here with the groups computed once, before
training, in a fixed embedding of the pixels:

1. :func:`pca` — the images' first principal components (50 by default): the directions in which the
   pixels vary most.
2. :func:`spectral_embedding` — a graph joins each image to its nearest neighbours in that space; the
   slowest-varying functions on the graph (the top eigenvectors of its normalised adjacency, found by
   subspace iteration) give every image a few coordinates that are close for images joined by chains of
   neighbours: a 4 written narrow and one written wide stay together, a 4 and a 9 that merely overlap in
   pixels come apart.
3. :func:`kmeans` — k-means++ seeding, Lloyd iterations, the best of a few restarts.

:func:`find` runs the three; :func:`purity` measures groups against known labels (only to check them:
training never reads a label).  Visto en 07 §Sin etiquetas.
"""
from __future__ import annotations

import numpy as np

from .i18n import register
from .validate import check_choice, check_images, check_int

register({
    "clusters.expected_k": {"es": "un entero entre 2 y el número de imágenes ({n})",
                            "pt": "um inteiro entre 2 e o número de imagens ({n})"},
    "clusters.expected_labels": {"es": "un arreglo de enteros con una etiqueta por grupo asignado ({n})",
                                 "pt": "um array de inteiros com um rótulo por item agrupado ({n})"},
})

METHODS = ("spectral", "pixels", "deskewed")
GRAPH_LIMIT = 6000   # images in the neighbour graph; more are assigned to their nearest graph image's group


def _flat(images) -> np.ndarray:
    x = np.asarray(images)
    x = x.astype(np.float32) / 127.5 - 1.0 if x.dtype == np.uint8 else x.astype(np.float32)
    return x.reshape(len(x), -1)


def deskew(images) -> np.ndarray:
    """``images`` (NHW or NHWC, uint8 or float [-1, 1]) with each one's slant removed, float32 [-1, 1], same shape.

    The "ink" of an image is its distance from its own border colour; its second moments give the slant
    (the covariance of row and column over the variance of the row), and a shear by minus that slant about
    the ink's centre of mass — bilinear, the border colour outside — makes the writing upright and centred.
    A 4 written leaning and one written upright then overlap in pixels.  Only for finding groups: training
    sees the pictures as they are.  Visto en 07 §Sin etiquetas.
    """
    x = check_images("images", images)
    x = x.astype(np.float32) / 127.5 - 1.0 if x.dtype == np.uint8 else x.astype(np.float32)
    shape = x.shape
    x = x.reshape(shape[:3] + (-1,))
    n, h, w, _ = x.shape
    border = np.concatenate([x[:, 0], x[:, -1], x[:, :, 0], x[:, :, -1]], axis=1).mean(axis=1)  # (N, C)
    ink = np.abs(x - border[:, None, None]).mean(-1)
    r, c = np.mgrid[:h, :w].astype(np.float32)
    mass = ink.sum((1, 2)) + 1e-6
    r0 = (r * ink).sum((1, 2)) / mass
    c0 = (c * ink).sum((1, 2)) / mass
    dr, dc = r[None] - r0[:, None, None], c[None] - c0[:, None, None]
    slant = (dr * dc * ink).sum((1, 2)) / ((dr * dr * ink).sum((1, 2)) + 1e-6)
    # output pixel (i, j) reads the source at row i - h/2 + r0, column j - w/2 + c0 + slant·(i - h/2)
    src_r = (r - h / 2)[None] + r0[:, None, None]
    src_c = (c - w / 2)[None] + c0[:, None, None] + slant[:, None, None] * (r - h / 2)[None]
    top, left = np.floor(src_r).astype(int), np.floor(src_c).astype(int)
    fr, fc = (src_r - top)[..., None], (src_c - left)[..., None]
    idx = np.arange(n)[:, None, None]

    def at(rows, cols):
        inside = ((rows >= 0) & (rows < h) & (cols >= 0) & (cols < w))[..., None]
        return np.where(inside, x[idx, np.clip(rows, 0, h - 1), np.clip(cols, 0, w - 1)], border[:, None, None])

    out = ((1 - fr) * (1 - fc) * at(top, left) + (1 - fr) * fc * at(top, left + 1)
           + fr * (1 - fc) * at(top + 1, left) + fr * fc * at(top + 1, left + 1))
    return out.reshape(shape).astype(np.float32)


def pca(images, dims: int = 50) -> np.ndarray:
    """The first ``dims`` principal-component coordinates of ``images`` (N, dims), float32."""
    x = _flat(check_images("images", images))
    dims = check_int("dims", dims, 1)
    x = x - x.mean(axis=0)
    _, _, vt = np.linalg.svd(x, full_matrices=False)
    return (x @ vt[:dims].T).astype(np.float32)


def _squared_distances(a, b):
    return np.maximum((a * a).sum(1)[:, None] - 2.0 * a @ b.T + (b * b).sum(1)[None], 0.0)


def kmeans(points, k: int, *, seed: int = 0, restarts: int = 3, iterations: int = 60) -> np.ndarray:
    """Group ids 0 … k-1 of ``points`` (N, d): k-means++ seeding and Lloyd's iterations, the restart with the
    smallest sum of squared distances wins."""
    f = np.asarray(points, np.float32)
    k = check_int("k", k, 2, len(f), expected="clusters.expected_k", n=len(f))
    rng = np.random.default_rng(check_int("seed", seed, 0))
    best, best_inertia = None, np.inf
    for _ in range(check_int("restarts", restarts, 1)):
        centres = [f[rng.integers(len(f))]]
        d2 = ((f - centres[0]) ** 2).sum(1)
        for _ in range(k - 1):
            centres.append(f[rng.choice(len(f), p=d2 / d2.sum())])
            d2 = np.minimum(d2, ((f - centres[-1]) ** 2).sum(1))
        c = np.array(centres)
        for _ in range(iterations):
            ids = _squared_distances(f, c).argmin(1)
            new = np.array([f[ids == j].mean(0) if np.any(ids == j) else c[j] for j in range(k)])
            if np.allclose(new, c):
                break
            c = new
        inertia = _squared_distances(f, c).min(1).sum()
        if inertia < best_inertia:
            best, best_inertia = _squared_distances(f, c).argmin(1), inertia
    return best.astype(np.int32)


def balance(points, ids, *, rounds: int = 10) -> np.ndarray:
    """Groups of equal size (⌈N/k⌉ at most) near ``ids``: each round every point goes, closest pairs first, to the
    nearest centre that still has room; then the centres move to their points' mean.

    Why: the latent code draws every group equally often, so G draws each group's share as 1/k; with groups of
    equal size that is the data's share, and D cannot tell real from fake by how often a group appears.
    Visto en 07 §Sin etiquetas.
    """
    f = np.asarray(points, np.float32)
    ids = np.asarray(ids).copy()
    k = int(ids.max()) + 1
    room = int(np.ceil(len(f) / k))
    for _ in range(check_int("rounds", rounds, 1)):
        centres = np.array([f[ids == j].mean(0) if np.any(ids == j) else f[j] for j in range(k)])
        order = np.argsort(_squared_distances(f, centres), axis=None, kind="stable")
        new, filled = np.full(len(f), -1), np.zeros(k, int)
        for flat in order:
            i, j = divmod(int(flat), k)
            if new[i] < 0 and filled[j] < room:
                new[i] = j
                filled[j] += 1
        if np.array_equal(new, ids):
            break
        ids = new
    return ids.astype(np.int32)


def spectral_embedding(points, dims: int = 20, *, neighbours: int = 5, iterations: int = 60,
                       seed: int = 0) -> np.ndarray:
    """``dims`` coordinates per point from its ``neighbours``-nearest-neighbour graph (rows of unit length).

    Edge weights ``exp(-d² / σ_i σ_j)`` with σ the distance to the farthest of a point's neighbours; the
    top eigenvectors of ``D^-1/2 W D^-1/2`` by subspace iteration (``iterations`` products with the
    matrix, orthonormalised each time).  Visto en 07 §Sin etiquetas.
    """
    p = np.asarray(points, np.float32)
    neighbours = check_int("neighbours", neighbours, 1, len(p) - 1)
    d2 = _squared_distances(p, p)
    np.fill_diagonal(d2, np.inf)
    near = np.argpartition(d2, neighbours, axis=1)[:, :neighbours]
    rows = np.repeat(np.arange(len(p)), neighbours)
    cols = near.ravel()
    sigma = np.sqrt(d2[np.arange(len(p))[:, None], near].max(1))
    w = np.zeros_like(d2)
    w[rows, cols] = np.exp(-d2[rows, cols] / (sigma[rows] * sigma[cols] + 1e-12))
    w = np.maximum(w, w.T)
    scale = 1.0 / np.sqrt(w.sum(1) + 1e-12)
    a = scale[:, None] * w * scale[None]
    a = 0.5 * (a + np.eye(len(p), dtype=np.float32))  # eigenvalues in [0, 1]: the top ones dominate
    q = np.linalg.qr(np.random.default_rng(seed).normal(size=(len(p), dims)).astype(np.float32))[0]
    for _ in range(check_int("iterations", iterations, 1)):
        q = np.linalg.qr(a @ q)[0]
    return q / (np.linalg.norm(q, axis=1, keepdims=True) + 1e-12)


def find(images, k: int = 30, *, method: str = "spectral", dims: int = 30, seed: int = 0,
         balanced: bool = True, neighbours: int = 5) -> np.ndarray:
    """Group ids (int32, 0 … k-1) of ``images`` (uint8 or float [-1, 1], NHW or NHWC), without labels.

    ``method="spectral"``: PCA to ``dims`` components (30), a neighbour graph, its spectral embedding, k-means;
    ``"pixels"``: k-means on the PCA coordinates directly (cruder); ``"deskewed"``: ``"spectral"`` on the
    images with their slant removed (:func:`deskew`; for writing and drawings).  ``neighbours``: edges per
    image in the graph.  ``balanced``: groups of equal size
    (:func:`balance`).  Above :data:`GRAPH_LIMIT` images
    the graph is built on an evenly spaced subset and every other image joins the group of its
    nearest subset image.  Visto en 07 §Sin etiquetas.
    """
    images = check_images("images", images)
    method = check_choice("method", method, METHODS)
    k = check_int("k", k, 2, len(images), expected="clusters.expected_k", n=len(images))
    coords = pca(deskew(images) if method == "deskewed" else images, min(dims, len(images) - 1))
    if method == "pixels":
        ids = kmeans(coords, k, seed=seed)
        return balance(coords, ids) if balanced else ids
    keep = np.arange(len(coords))
    if len(coords) > GRAPH_LIMIT:
        keep = np.linspace(0, len(coords) - 1, GRAPH_LIMIT).astype(int)
    embedded = spectral_embedding(coords[keep], seed=seed,
                                  neighbours=check_int("neighbours", neighbours, 1, len(keep) - 1))
    ids = kmeans(embedded, k, seed=seed)
    if balanced:
        ids = balance(embedded, ids)
    if len(keep) == len(coords):
        return ids
    out = np.empty(len(coords), np.int32)
    for start in range(0, len(coords), 2048):  # nearest subset image, in blocks
        block = coords[start:start + 2048]
        out[start:start + 2048] = ids[_squared_distances(block, coords[keep]).argmin(1)]
    return out


def purity(groups, labels) -> float:
    """Share of images whose label is the most common label of their group (1.0: every group is one class).

    Only to check groups against known labels; training never reads them.  Visto en 07 §Sin etiquetas.
    """
    g, y = np.asarray(groups), np.asarray(labels)
    if g.shape != y.shape or g.ndim != 1 or not (np.issubdtype(g.dtype, np.integer)
                                                 and np.issubdtype(y.dtype, np.integer)):
        from .i18n import arg_error

        raise arg_error("labels", y, "clusters.expected_labels", n=len(g))
    return float(sum(np.bincount(y[g == j]).max() for j in np.unique(g)) / len(y))
