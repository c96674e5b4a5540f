"""Image grids and GIFs (imageio v3): float [-1, 1] or uint8 batches in, uint8 out.

* :func:`image_grid` — a batch (N, H, W[, C]) -> one uint8 image with the digits in a grid.
* :func:`write_gif` — frames -> an animated GIF (durations in **milliseconds**, loops
  forever); checks everything first and never leaves a half-written file.
* :func:`read_gif` — frames and per-frame durations back (for tests and notebooks).
* :func:`show_gif` — display a GIF in a notebook cell.

Visto en 00 §Un GIF con `gan_course.gif` y 06 §El GIF del entrenamiento.
"""
from __future__ import annotations

import math
import os
import pathlib
import tempfile

import numpy as np

from .data import to_uint8
from .i18n import arg_error, register
from .validate import check_array, check_images, check_int

register({
    "gif.expected_batch": {
        "es": "un lote de imágenes (N, H, W) o (N, H, W, C) con C = 1 o 3 y N ≥ 1",
        "pt": "um lote de imagens (N, H, W) ou (N, H, W, C) com C = 1 ou 3 e N ≥ 1",
    },
    "gif.expected_frames": {
        "es": "al menos un fotograma",
        "pt": "pelo menos um quadro",
    },
    "gif.expected_same_shape": {
        "es": "fotogramas de la misma forma que el primero",
        "pt": "quadros com o mesmo formato do primeiro",
    },
    "gif.expected_frame": {
        "es": "un fotograma (H, W), (H, W, 1) o (H, W, 3); uint8, o float en [-1, 1]",
        "pt": "um quadro (H, W), (H, W, 1) ou (H, W, 3); uint8, ou float em [-1, 1]",
    },
    "gif.expected_folder": {
        "es": "una ruta dentro de una carpeta existente",
        "pt": "um caminho dentro de uma pasta existente",
    },
    "gif.expected_duration": {
        "es": "milisegundos por fotograma, un número ≥ 10 (o una lista de ellos, uno por fotograma)",
        "pt": "milissegundos por quadro, um número ≥ 10 (ou uma lista deles, um por quadro)",
    },
    "gif.expected_gif_file": {
        "es": "un archivo GIF existente",
        "pt": "um arquivo GIF existente",
    },
    "gif.expected_file_path": {
        "es": "la ruta de un archivo .gif (no una carpeta)",
        "pt": "o caminho de um arquivo .gif (não uma pasta)",
    },
    "gif.expected_loop": {
        "es": "0 (repetir siempre) o el número de repeticiones, un entero entre 0 y 65535",
        "pt": "0 (repetir sempre) ou o número de repetições, um inteiro entre 0 e 65535",
    },
    "gif.expected_image": {
        "es": "una imagen (H, W) o (H, W, C) de números",
        "pt": "uma imagem (H, W) ou (H, W, C) de números",
    },
})


def image_grid(images, ncols: int | None = None, pad: int = 2, pad_value: int = 0) -> np.ndarray:
    """Tile a batch (N, H, W) / (N, H, W, C) of uint8 or float [-1, 1] images into one uint8 image.

    Returns (rows·(H+pad)+pad, cols·(W+pad)+pad) for grey images, with a channel axis of 3
    for colour ones.  ``ncols`` defaults to a near-square grid.  Visto en 00 §Los datos.
    """
    x = check_images("images", images)
    if x.ndim == 4 and x.shape[-1] == 1:
        x = x[..., 0]
    if x.ndim == 4 and x.shape[-1] != 3:
        raise arg_error("images", x, "gif.expected_batch")
    x = to_uint8(x)
    n, h, w = x.shape[:3]
    ncols = min(check_int("ncols", math.ceil(math.sqrt(n)) if ncols is None else ncols, 1), n)
    pad = check_int("pad", pad, 0)
    pad_value = check_int("pad_value", pad_value, 0, 255)
    nrows = math.ceil(n / ncols)
    shape = (nrows * (h + pad) + pad, ncols * (w + pad) + pad) + x.shape[3:]
    grid = np.full(shape, pad_value, dtype=np.uint8)
    for i in range(n):
        r, c = divmod(i, ncols)
        top, left = pad + r * (h + pad), pad + c * (w + pad)
        grid[top:top + h, left:left + w] = x[i]
    return grid


def upscale(image, factor: int) -> np.ndarray:
    """Nearest-neighbour enlargement of an (H, W[, C]) image (crisp pixels in GIFs and slides).

    Visto en 00 §Un GIF con `gan_course.gif`.
    """
    factor = check_int("factor", factor, 1)
    image = check_array("image", image, "gif.expected_image", ndim=(2, 3), dtype=None)
    return np.repeat(np.repeat(image, factor, axis=0), factor, axis=1)


def _as_frame(frame, index) -> np.ndarray:
    f = check_images(f"frames[{index}]", frame, ndim=(2, 3), expected="gif.expected_frame")
    if f.ndim == 3 and f.shape[-1] == 1:
        f = f[..., 0]
    if f.ndim == 3 and f.shape[-1] != 3:
        raise arg_error(f"frames[{index}]", f, "gif.expected_frame")
    return to_uint8(f)


def write_gif(path, frames, duration_ms=500, loop: int = 0) -> pathlib.Path:
    """Write ``frames`` (a list of (H, W) / (H, W, 1) / (H, W, 3) images) as an animated GIF.

    ``duration_ms`` is the time each frame stays on screen in milliseconds (one number, or
    one per frame); ``loop=0`` repeats forever.  Float frames in [-1, 1] are converted to
    uint8 (imageio would silently write them black).  Everything is checked before writing
    and the file is written to a temporary name and then renamed, so a failure never leaves
    a broken GIF.  Returns the path.  Visto en 06 §El GIF del entrenamiento.
    """
    import imageio.v3 as iio

    if not isinstance(path, (str, os.PathLike)) or not pathlib.Path(path).parent.is_dir():
        raise arg_error("path", str(path), "gif.expected_folder", exc=FileNotFoundError)
    path = pathlib.Path(path)
    if path.is_dir():
        raise arg_error("path", str(path), "gif.expected_file_path")
    loop = check_int("loop", loop, 0, 65535, expected="gif.expected_loop")
    try:
        frames = list(frames)
    except TypeError:
        raise arg_error("frames", frames, "gif.expected_frames") from None
    if not frames:
        raise arg_error("frames", frames, "gif.expected_frames")
    frames = [_as_frame(f, i) for i, f in enumerate(frames)]
    for i, f in enumerate(frames[1:], start=1):
        if f.shape != frames[0].shape:
            raise arg_error(f"frames[{i}]", f, "gif.expected_same_shape")
    durations = np.atleast_1d(check_array("duration_ms", duration_ms, "gif.expected_duration", ndim=(0, 1)))
    if isinstance(duration_ms, (bool, np.bool_)) or len(durations) not in (1, len(frames)) \
            or np.any(durations < 10):
        raise arg_error("duration_ms", duration_ms, "gif.expected_duration")
    duration = int(durations[0]) if len(durations) == 1 else [int(d) for d in durations]
    stack = np.stack(frames)
    fd, tmp = tempfile.mkstemp(suffix=".gif", dir=path.parent)
    os.close(fd)
    try:
        iio.imwrite(tmp, stack, extension=".gif", duration=duration, loop=loop)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp creates 0600; give the usual permissions
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)
    return path


def read_gif(path):
    """``(frames, durations_ms)`` of a GIF: uint8 array (N, H, W[, 3]) and a list of ints.

    Visto en 00 §Un GIF con `gan_course.gif`.
    """
    import imageio.v3 as iio
    from PIL import Image, UnidentifiedImageError

    path = _existing_gif(path)
    try:
        with Image.open(path) as im:
            if im.format != "GIF":
                raise ValueError(im.format)
            durations = []
            for i in range(getattr(im, "n_frames", 1)):
                im.seek(i)
                durations.append(int(im.info.get("duration", 0)))
    except (OSError, UnidentifiedImageError, ValueError, SyntaxError):
        raise arg_error("path", str(path), "gif.expected_gif_file") from None
    frames = iio.imread(path, index=None, extension=".gif")
    return frames, durations


def _existing_gif(path) -> pathlib.Path:
    if not isinstance(path, (str, os.PathLike)) or not pathlib.Path(path).is_file():
        raise arg_error("path", str(path), "gif.expected_gif_file", exc=FileNotFoundError)
    return pathlib.Path(path)


def show_gif(path):
    """Display the GIF at ``path`` in a notebook (its bytes are embedded in the cell's output).

    Visto en 00 §Un GIF con `gan_course.gif`.
    """
    from IPython.display import Image

    return Image(data=_existing_gif(path).read_bytes(), format="gif")
