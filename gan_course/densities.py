"""1-D densities: the toy GAN's real data and what its samples are measured with.

Gaussians and their mixtures (:func:`gaussian_pdf`, :class:`Mixture1D`, :data:`DATASETS`), maximum
likelihood (:func:`gaussian_mle`), a kernel density estimate (:func:`kde`) and which peaks a set of
samples covers (:func:`mode_coverage`).  NumPy only.  The GAN objective built on them is in
:mod:`gan_course.objective` (which also exposes these names); the GAN trained on them in
:mod:`gan_course.gan1d`.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .i18n import arg_error, register
from .validate import check_array, check_float, check_int

register({
    "densities.expected_samples": {
        "es": "al menos 2 muestras 1-D finitas",
        "pt": "pelo menos 2 amostras 1-D finitas",
    },
    "densities.expected_mixture": {
        "es": "listas de medias, desviaciones (> 0) y pesos (> 0) del mismo largo",
        "pt": "listas de médias, desvios (> 0) e pesos (> 0) do mesmo tamanho",
    },
    "densities.expected_numbers": {
        "es": "números finitos",
        "pt": "números finitos",
    },
})


def gaussian_pdf(x, mean=0.0, std=1.0):
    """Normal density ``exp(−(x − μ)² / (2σ²)) / (σ·√(2π))`` evaluated at ``x``.

    Both the ``2σ²`` in the exponent and the ``σ·√(2π)`` in front matter: the density must
    integrate to 1 and have variance σ².  Visto en 04 §El discriminador óptimo.
    """
    std = check_float("std", std, 0, low_open=True)
    mean = check_float("mean", mean)
    x = check_array("x", x, "densities.expected_numbers", min_size=0)
    return np.exp(-0.5 * ((x - mean) / std) ** 2) / (std * math.sqrt(2.0 * math.pi))


@dataclass(frozen=True)
class Mixture1D:
    """A mixture of 1-D Gaussians (one component = one Gaussian): the toy GAN's real data.

    ``Mixture1D((4.0,), (0.5,))`` is a single Gaussian N(4, 0.5²); ``Mixture1D((0, 6), (0.4, 0.4))``
    has two peaks.  (Equal weights unless ``weights`` is given.)  Visto en 04 §Una GAN en 1-D.
    """

    means: tuple
    stds: tuple
    weights: tuple | None = None

    def __post_init__(self):
        given = (self.means, self.stds, self.weights)

        def numbers(values):
            return tuple(check_array("Mixture1D", values, "densities.expected_mixture", ndim=(0, 1)).reshape(-1)
                         .tolist())

        means, stds = numbers(self.means), numbers(self.stds)
        weights = (1.0,) * len(means) if self.weights is None else numbers(self.weights)
        if len(stds) != len(means) or len(weights) != len(means) or min(stds) <= 0 or min(weights) <= 0:
            raise arg_error("Mixture1D", given, "densities.expected_mixture")
        total = sum(weights)
        object.__setattr__(self, "means", means)
        object.__setattr__(self, "stds", stds)
        object.__setattr__(self, "weights", tuple(w / total for w in weights))

    def pdf(self, x):
        """The mixture's density at ``x``: ``Σ_k w_k · N(x; μ_k, σ_k²)``."""
        return sum(w * gaussian_pdf(x, m, s) for m, s, w in zip(self.means, self.stds, self.weights))

    @property
    def mean(self) -> float:
        return float(sum(w * m for m, w in zip(self.means, self.weights)))

    @property
    def std(self) -> float:
        second = sum(w * (s ** 2 + m ** 2) for m, s, w in zip(self.means, self.stds, self.weights))
        return float(math.sqrt(max(second - self.mean ** 2, 0.0)))

    def sample(self, n: int, seed: int = 0) -> np.ndarray:
        """``n`` samples (float64, NumPy's seeded generator)."""
        n = check_int("n", n, 1)
        rng = np.random.default_rng(check_int("seed", seed, 0))
        comp = rng.choice(len(self.means), size=n, p=self.weights)
        return np.asarray(self.means)[comp] + np.asarray(self.stds)[comp] * rng.standard_normal(n)

    def window(self, margin: float = 4.0) -> tuple:
        """The x range shown in plots: every component ± ``margin`` standard deviations, and at
        least [−3, 3] (where an untrained generator puts its samples)."""
        margin = check_float("margin", margin, 0, low_open=True)
        lo = min(m - margin * s for m, s in zip(self.means, self.stds))
        hi = max(m + margin * s for m, s in zip(self.means, self.stds))
        return float(min(lo, -3.0)), float(max(hi, 3.0))

    def grid(self, n: int = 241) -> np.ndarray:
        """``n`` points evenly spread over :meth:`window`."""
        return np.linspace(*self.window(), check_int("n", n, 2))


DATASETS = {
    "gaussian": Mixture1D((4.0,), (0.5,)),
    "two_peaks": Mixture1D((0.0, 6.0), (0.25, 0.25)),
}


def gaussian_log_likelihood(samples, mean, std) -> float:
    """Average log-likelihood ``(1/n)·Σ_i log N(x_i; μ, σ²)`` of the samples under a Gaussian.

    Visto en 04 §Modelos generativos y máxima verosimilitud.
    """
    x = _samples(samples)
    std = check_float("std", std, 0, low_open=True)
    mean = check_float("mean", mean)
    return float(np.mean(-0.5 * ((x - mean) / std) ** 2 - math.log(std * math.sqrt(2 * math.pi))))


def gaussian_mle(samples):
    """Maximum-likelihood Gaussian ``(μ̂, σ̂)``: the sample mean and the (biased, 1/n) standard deviation.

    Visto en 04 §Modelos generativos y máxima verosimilitud.
    """
    x = _samples(samples)
    return float(x.mean()), float(x.std())


def _samples(samples):
    return check_array("samples", samples, "densities.expected_samples", min_size=2).reshape(-1)


def kde(samples, x, bandwidth=None):
    """Gaussian kernel density estimate of ``samples`` evaluated on ``x``.

    ``bandwidth`` defaults to Silverman's rule ``1.06·σ̂·n^(−1/5)`` (at least 0.02, so a
    collapsed generator still draws a finite spike).  Visto en 04 §Una GAN en 1-D.
    """
    s = _samples(samples)
    x = check_array("x", x, "densities.expected_numbers", min_size=0)
    if bandwidth is None:
        bandwidth = max(1.06 * float(s.std()) * len(s) ** (-0.2), 0.02)
    h = check_float("bandwidth", bandwidth, 0, low_open=True)
    u = (x.reshape(-1, 1) - s.reshape(1, -1)) / h
    return (np.exp(-0.5 * u * u).sum(axis=1) / (len(s) * h * math.sqrt(2 * math.pi))).reshape(x.shape)


def mode_fractions(samples, means) -> np.ndarray:
    """Share of ``samples`` closest to each of ``means`` (which peak of a mixture the generator covers).

    Visto en 04 §Colapso de modos.
    """
    s = _samples(samples)
    m = check_array("means", means, "densities.expected_numbers", ndim=(0, 1)).reshape(1, -1)
    nearest = np.argmin(np.abs(s.reshape(-1, 1) - m), axis=1)
    return np.bincount(nearest, minlength=m.shape[1]) / len(s)


def mode_coverage(samples, mixture, radius: float = 2.0) -> np.ndarray:
    """Which peaks of ``mixture`` (a :class:`Mixture1D`) the ``samples`` really cover.

    Returns ``len(mixture.means) + 1`` shares that add up to 1: for each peak, the share of samples
    within ``radius`` of its standard deviations (``|x − μ_i| ≤ radius·σ_i``), and last the share near
    **no** peak.  Unlike :func:`mode_fractions`, which hands every sample to its nearest peak, a
    generator stuck between the peaks counts as "near no peak", not as "on the left peak".  A sample
    inside two windows counts for the one it is closer to, in units of σ.  Visto en 04 §Colapso de modos.
    """
    s = _samples(samples)
    if not isinstance(mixture, Mixture1D):
        raise arg_error("mixture", mixture, "densities.expected_mixture")
    radius = check_float("radius", radius, 0, low_open=True)
    z = np.abs(s.reshape(-1, 1) - np.asarray(mixture.means)) / np.asarray(mixture.stds)
    nearest = np.argmin(z, axis=1)
    peak = np.where(z[np.arange(len(s)), nearest] <= radius, nearest, len(mixture.means))
    return np.bincount(peak, minlength=len(mixture.means) + 1) / len(s)
