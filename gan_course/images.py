"""Your own pictures and the bundled colour set, as uint8 NHWC arrays ready for :func:`gan_course.data.to_float`.

* :func:`load_image_folder` — every picture under a folder (PNG, JPEG, WebP, BMP, GIF; sub-folders too),
  read *correctly*: transparent pictures are composited on one background colour, 16-bit grey is scaled
  (not clipped) to 8 bits, CMYK JPEGs and ``1``-bit bitmaps become RGB, the camera's EXIF rotation is
  applied; then centre crop to a square and resize.  No Pillow warning reaches the screen.
* :func:`load_emoji` / :func:`emoji_categories` — the 3,786 Noto Emoji shipped with the package
  (:data:`EMOJI_FILE`, Apache License 2.0), 64×64 or 32×32, already composited on white.

Why compositing matters: a transparent PNG stores *some* colour under each fully transparent pixel, and in
real files (emoji, icons, sprites) that colour is arbitrary — often a muddy brown.  ``Image.convert("RGB")``
simply drops the alpha channel and shows it; a GAN trained on such pictures learns the garbage backgrounds.
Visto en 09 §La trampa de la transparencia.
"""
from __future__ import annotations

import pathlib
import struct
import sys
import warnings
import zlib
from importlib import resources

import numpy as np

from .i18n import arg_error, register, t

__all__ = ["EMOJI_FILE", "IMAGE_EXTENSIONS", "load_image_folder", "load_emoji", "emoji_categories",
           "parse_colour"]

register({
    "images.expected_size": {"es": "un entero ≥ 8 (píxeles de lado)", "pt": "um inteiro ≥ 8 (pixels de lado)"},
    "images.expected_channels": {"es": "1 (gris) o 3 (color)", "pt": "1 (cinza) ou 3 (cor)"},
    "images.expected_limit": {"es": "un entero ≥ 1, o None (todas)", "pt": "um inteiro ≥ 1, ou None (todas)"},
    "images.expected_bool": {"es": "True o False", "pt": "True ou False"},
    "images.expected_progress": {"es": "True, False o None (automático)", "pt": "True, False ou None (automático)"},
    "images.expected_colour": {
        "es": "un color: un nombre que Pillow conozca ('white', 'black', …), '#rrggbb' o una tupla (r, g, b) "
              "de enteros entre 0 y 255",
        "pt": "uma cor: um nome que o Pillow conheça ('white', 'black', …), '#rrggbb' ou uma tupla (r, g, b) "
              "de inteiros entre 0 e 255",
    },
    "images.expected_folder": {
        "es": "una carpeta existente con imágenes",
        "pt": "uma pasta existente com imagens",
    },
    "images.expected_images_in_folder": {
        "es": "una carpeta con al menos una imagen legible {extensions} (no se encontró ninguna)",
        "pt": "uma pasta com pelo menos uma imagem legível {extensions} (nenhuma encontrada)",
    },
    "images.expected_readable": {
        "es": "un archivo de imagen legible, y este no lo es ({reason}); `skip_unreadable=True` lo salta",
        "pt": "um arquivo de imagem legível, e este não é ({reason}); `skip_unreadable=True` o pula",
    },
    "images.skipped": {
        "es": "Se saltaron {n} archivo(s) ilegible(s) de {folder}: {names}",
        "pt": "Foram pulados {n} arquivo(s) ilegível(is) de {folder}: {names}",
    },
    "images.reading": {"es": "Leyendo imágenes", "pt": "Lendo imagens"},
    "images.unit": {"es": "img", "pt": "img"},
    "images.expected_emoji_size": {"es": "32 o 64 (píxeles de lado)", "pt": "32 ou 64 (pixels de lado)"},
    "images.expected_categories": {
        "es": "None (todas) o una lista de nombres exactos de categoría: {names}",
        "pt": "None (todas) ou uma lista de nomes exatos de categoria: {names}",
    },
})

EMOJI_FILE = "emoji_noto_64.npz"   # inside gan_course/assets/; attribution in gan_course/assets/README.md
PROGRESS_OVER = 200                # progress=None draws a bar for folders with more files than this


def _readable_extensions() -> tuple[str, ...]:
    from PIL import features

    extra = (".webp",) if features.check("webp") else ()
    return (".png", ".jpg", ".jpeg") + extra + (".bmp", ".gif")


IMAGE_EXTENSIONS = _readable_extensions()   # compared case-insensitively: .PNG and .Jpg count too
_GREY16 = ("I;16", "I;16L", "I;16B", "I;16N", "I")
_ALPHA = ("RGBA", "LA", "PA", "RGBa", "La")
_SHOWN_NAMES = 3                   # skipped files named in the one-line report


def _is_int(value) -> bool:
    return isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_))


def parse_colour(name: str, colour) -> tuple[int, int, int]:
    """``colour`` as an ``(r, g, b)`` tuple of ints: a colour name Pillow knows (``"white"``,
    ``"black"``, ``"gray"``…), ``"#rrggbb"`` (or ``"#rgb"``, ``"rgb(…)"``) or a tuple/list of three
    integers in [0, 255].  Anything else raises a ``ValueError`` naming ``name``.
    Visto en 09 §La trampa de la transparencia.
    """
    from PIL import ImageColor

    if isinstance(colour, str):
        try:
            return tuple(int(c) for c in ImageColor.getcolor(colour.strip(), "RGB"))
        except ValueError:
            raise arg_error(name, colour, "images.expected_colour") from None
    if isinstance(colour, (tuple, list, np.ndarray)) and len(colour) == 3 \
            and all(_is_int(c) and 0 <= c <= 255 for c in colour):
        return tuple(int(c) for c in colour)
    raise arg_error(name, colour, "images.expected_colour")


def _list_images(folder: pathlib.Path) -> list[pathlib.Path]:
    """Picture files under ``folder``, sorted by their path inside it; hidden files and folders
    (``.ipynb_checkpoints``, the ``._name.png`` copies macOS leaves behind) are not pictures."""
    found = []
    for p in folder.rglob("*"):
        rel = p.relative_to(folder)
        if p.suffix.lower() in IMAGE_EXTENSIONS and not any(part.startswith(".") for part in rel.parts) \
                and p.is_file():
            found.append((rel.as_posix(), p))
    return [p for _, p in sorted(found)]


def _grey16_to_l(im):
    """16-bit grey (``I;16``, or ``I`` holding 16-bit samples) → 8-bit ``L``, scaled: 65535 → 255,
    32768 → 128 (``convert("L")`` would clip everything above 255 to white)."""
    from PIL import Image

    samples = np.asarray(im).astype(np.float64)
    return Image.fromarray(np.rint(np.clip(samples, 0, 65535) / 257.0).astype(np.uint8))  # 2-D uint8: "L"


def _to_rgb(im, background: tuple[int, int, int]):
    """Any Pillow image → an ``RGB`` (or, for opaque grey, ``L``) image; alpha composited on ``background``."""
    from PIL import Image

    if im.mode in _GREY16:
        im = _grey16_to_l(im)
    if im.mode == "P":  # to RGBA first: converting a palette with transparency to RGB warns
        im = im.convert("RGBA" if "transparency" in im.info else "RGB")
    if im.mode in _ALPHA or "transparency" in im.info:
        rgba = im.convert("RGBA")
        out = Image.new("RGBA", rgba.size, (*background, 255))
        out.alpha_composite(rgba)
        return out.convert("RGB")
    if im.mode in ("RGB", "L"):
        return im
    return im.convert("RGB")  # CMYK, 1-bit, YCbCr...


def _read(file: pathlib.Path, size: int, channels: int, background) -> np.ndarray:
    """One picture as uint8 (size, size, channels); Pillow's own exceptions escape."""
    from PIL import Image, ImageOps

    with Image.open(file) as im:
        if im.format == "JPEG":  # decode big photos at a reduced scale (still ≥ 4× the target size)
            im.draft(None, (4 * size, 4 * size))
        im = ImageOps.exif_transpose(im)  # phones store portraits sideways plus a rotation tag
    im = _to_rgb(im, background)
    im = im.convert("RGB" if channels == 3 else "L")
    w, h = im.size
    side = min(w, h)
    left, top = (w - side) // 2, (h - side) // 2
    im = im.crop((left, top, left + side, top + side)).resize((size, size), Image.LANCZOS, reducing_gap=3.0)
    return np.asarray(im, dtype=np.uint8).reshape(size, size, channels)


def _unreadable_errors() -> tuple[type[BaseException], ...]:
    from PIL import Image

    # what Pillow raises on broken, truncated, unsupported or absurdly large files
    return (OSError, SyntaxError, ValueError, EOFError, IndexError, struct.error, zlib.error,
            Image.DecompressionBombError)


def load_image_folder(path, size: int = 32, *, channels: int = 3, background="white", limit: int | None = None,
                      skip_unreadable: bool = False, progress: bool | None = None) -> np.ndarray:
    """Every picture under ``path`` (sub-folders too) as uint8 ``(N, size, size, channels)``.

    * Files: ``.png .jpg .jpeg .webp .bmp .gif`` (:data:`IMAGE_EXTENSIONS`, any case: ``.PNG`` too; a GIF
      gives its first frame), sorted by their path inside the folder.  Hidden files and folders (names
      starting with ``.``) are skipped.
    * Colours: a picture with transparency (RGBA, LA, a palette with a transparent index) is composited on
      ``background`` — a colour name (``"white"``, ``"black"``…), ``"#rrggbb"`` or an ``(r, g, b)`` tuple —
      so every fully transparent pixel becomes exactly that colour, whatever the file stored under it.
      16-bit grey is scaled to 8 bits (65535 → 255), CMYK JPEGs and 1-bit bitmaps become RGB, the EXIF
      rotation of photos is applied.  ``channels=1`` gives grey.
    * Geometry: the central square of each picture, resized to ``size×size`` (Lanczos).
    * ``limit``: keep the first ``limit`` readable pictures.
    * ``progress``: a progress bar on the screen; ``None`` draws it for folders of more than 200 files.
    * A file Pillow cannot read raises a ``ValueError`` naming it; with ``skip_unreadable=True`` it is
      skipped instead, and one line says how many files were skipped and which.  No Pillow warning is shown.

    A missing folder raises ``FileNotFoundError``; a folder without pictures a ``ValueError``.  Nothing is
    written anywhere.  Visto en 09 §Tu propia carpeta y §Limpiar los datos.
    """
    bg = _checked_options(size, channels, background, limit, skip_unreadable, progress)
    folder = pathlib.Path(path)
    if not folder.is_dir():
        raise arg_error("path", str(path), "images.expected_folder", exc=FileNotFoundError)
    no_images = t("images.expected_images_in_folder", extensions=" ".join(IMAGE_EXTENSIONS))
    files = _list_images(folder)
    if not files:
        raise arg_error("path", str(path), no_images)

    wanted = len(files) if limit is None else min(int(limit), len(files))
    show = len(files) > PROGRESS_OVER if progress is None else bool(progress)
    out, skipped = _read_files(files, wanted, size, channels, bg, skip_unreadable=skip_unreadable, show=show)
    if len(out) == 0:
        raise arg_error("path", str(path), no_images)
    if skipped:
        names = ", ".join(p.relative_to(folder).as_posix() for p in skipped[:_SHOWN_NAMES])
        names += ", …" if len(skipped) > _SHOWN_NAMES else ""
        print(t("images.skipped", n=len(skipped), folder=folder.as_posix(), names=names))
    return out


def _checked_options(size, channels, background, limit, skip_unreadable, progress):
    """Check :func:`load_image_folder`'s options (in the order of its signature); return the background colour."""
    if not _is_int(size) or size < 8:
        raise arg_error("size", size, "images.expected_size")
    if not _is_int(channels) or channels not in (1, 3):
        raise arg_error("channels", channels, "images.expected_channels")
    bg = parse_colour("background", background)
    if limit is not None and (not _is_int(limit) or limit < 1):
        raise arg_error("limit", limit, "images.expected_limit")
    if not isinstance(skip_unreadable, (bool, np.bool_)):
        raise arg_error("skip_unreadable", skip_unreadable, "images.expected_bool")
    if progress is not None and not isinstance(progress, (bool, np.bool_)):
        raise arg_error("progress", progress, "images.expected_progress")
    return bg


def _read_files(files, wanted, size, channels, bg, *, skip_unreadable, show):
    """The first ``wanted`` readable ``files`` as uint8 ``(n, size, size, channels)``, and the files skipped."""
    from tqdm import tqdm

    out = np.empty((wanted, size, size, channels), np.uint8)
    skipped, n = [], 0
    bar = tqdm(total=wanted, desc=t("images.reading"), unit=t("images.unit"), file=sys.stdout,
               disable=not show, leave=False, dynamic_ncols=True, mininterval=0.5)
    try:
        for file in files:
            if n == wanted:
                break
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")  # Pillow's palette/EXIF/decompression-bomb warnings
                    out[n] = _read(file, size, channels, bg)
            except _unreadable_errors() as exc:
                if not skip_unreadable:
                    reason = t("images.expected_readable", reason=type(exc).__name__)
                    raise arg_error("path", str(file), reason) from None
                skipped.append(file)
                continue
            n += 1
            bar.update(1)
    finally:
        bar.close()
    return out[:n], skipped


def folder_format(path, *, probe: int = 64) -> tuple[int, int]:
    """``(size, channels)`` that keep a folder's pictures as they are: 1 channel when every probed picture is
    grey (a grey mode, or RGB with equal channels), else 3; their side when every probed picture is the same
    square size that the DCGAN networks take (28, 32, 64 …), else 32.  Reads at most ``probe`` files, evenly
    spread.  Visto en 09 §Tu propia carpeta.
    """
    from PIL import Image

    from .models import upsampling_plan

    folder = pathlib.Path(path)
    if not folder.is_dir():
        raise arg_error("path", str(path), "images.expected_folder", exc=FileNotFoundError)
    files = _list_images(folder)
    picked = files[::max(1, len(files) // max(1, int(probe)))][:probe]
    sizes, grey = set(), True
    for file in picked:
        try:
            with warnings.catch_warnings(), Image.open(file) as im:
                warnings.simplefilter("ignore")
                sizes.add(im.size)
                if grey and im.mode not in ("L", "LA", "1", "I", "I;16", "I;16B", "I;16L", "F"):
                    rgb = np.asarray(im.convert("RGB"), np.int16)
                    grey = bool(np.all(rgb[..., 0] == rgb[..., 1]) and np.all(rgb[..., 1] == rgb[..., 2]))
        except _unreadable_errors():
            continue
    channels = 1 if grey and sizes else 3
    size = 32
    if len(sizes) == 1:
        (w, h), = sizes
        try:
            if w == h:
                upsampling_plan((w, w, channels))
                size = w
        except ValueError:
            pass
    return size, channels


# --- the bundled colour set ------------------------------------------------------------------------------

def _emoji_npz():
    return resources.as_file(resources.files("gan_course") / "assets" / EMOJI_FILE)


def emoji_subcategories() -> np.ndarray:
    """The Unicode sub-category of every bundled emoji ("face-smiling", "animal-mammal" …), in the order of
    :func:`load_emoji` with its defaults (99 names, as strings).  Visto en 09 §Imágenes RGB como tensores.
    """
    with _emoji_npz() as path, np.load(path) as f:
        return np.asarray(f["subcategory"]).astype(str)


def emoji_categories() -> dict[str, int]:
    """``{category name: number of emoji}`` of the bundled set, in the order of the labels of
    :func:`load_emoji` (``list(emoji_categories())[label]`` is a label's name): the ten Unicode emoji
    categories, from ``"Activities"`` to ``"Travel & Places"``; ``"People & Body"`` holds 2,261 of the
    3,786 images (skin tones included).  Visto en 09 §Imágenes RGB como tensores.
    """
    with _emoji_npz() as path, np.load(path) as f:
        names = [str(n) for n in f["category_names"]]
        counts = np.bincount(f["category"], minlength=len(names))
    return {name: int(c) for name, c in zip(names, counts)}


def load_emoji(size: int = 32, categories=None, *, skin_tones: bool = True, with_labels: bool = False):
    """The bundled Noto Emoji as uint8 ``(N, size, size, 3)``, RGB on a white background.

    ``size=64`` gives the stored pictures; ``size=32`` halves them with a box filter (each pixel is the
    mean of a 2×2 block, rounded).  ``categories``: ``None`` for all 3,786, or a list of exact category
    names (see :func:`emoji_categories`, e.g. ``["Smileys & Emotion", "Animals & Nature"]``); the
    pictures keep the order of the file (sorted by code point).  ``skin_tones=False`` drops the 1,875
    skin-tone variants (short names with a ``:1F3FB``…``:1F3FF`` suffix) and keeps each figure once, in its
    default yellow (the data-cleaning step of lesson 09).  ``with_labels=True`` returns
    ``(images, labels)`` with uint8 labels indexing ``list(emoji_categories())``.
    Noto Emoji © Google, Apache License 2.0 (see ``gan_course/assets/README.md``).
    Visto en 09 §Imágenes RGB como tensores.
    """
    if not _is_int(size) or size not in (32, 64):
        raise arg_error("size", size, "images.expected_emoji_size")
    with _emoji_npz() as path, np.load(path) as f:
        names = [str(n) for n in f["category_names"]]
        labels = f["category"].astype(np.uint8)
        if categories is None:
            keep = np.ones(len(labels), bool)
        else:
            chosen = [categories] if isinstance(categories, str) else categories
            expected = t("images.expected_categories", names=", ".join(repr(n) for n in names))
            try:
                chosen = list(chosen)
            except TypeError:
                raise arg_error("categories", categories, expected) from None
            if not chosen or not all(isinstance(c, str) and c in names for c in chosen):
                raise arg_error("categories", categories, expected)
            keep = np.isin(labels, [names.index(c) for c in chosen])
        if not isinstance(skin_tones, (bool, np.bool_)):
            raise arg_error("skin_tones", skin_tones, "images.expected_bool")
        if not skin_tones:
            keep &= np.array([":" not in str(n) for n in f["short_name"]])
        images = f["images"][keep]
        labels = labels[keep]
    if size == 32:
        x = images.astype(np.uint16)
        x = x[:, 0::2] + x[:, 1::2]                      # pairs of rows, then pairs of columns
        x = x[:, :, 0::2] + x[:, :, 1::2]
        images = ((x + 2) // 4).astype(np.uint8)         # the 2×2 mean, rounded half up
    images = np.ascontiguousarray(images, dtype=np.uint8)
    return (images, labels) if with_labels else images


def emoji_names() -> list[str]:
    """The short name of every bundled emoji (``"grinning"``, ``"fox_face"``, ``"santa:1F3FB"`` for a skin
    tone…), in the order of :func:`load_emoji` with ``categories=None``: ``load_emoji(64)[emoji_names().index(
    "grinning")]`` is the grinning face.  Visto en 09 §Imágenes RGB como tensores.
    """
    with _emoji_npz() as path, np.load(path) as f:
        return [str(n) for n in f["short_name"]]
