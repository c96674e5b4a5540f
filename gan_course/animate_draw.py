"""Drawing a convolution animation: frames from the numbers :func:`gan_course.animate.plan` computes.

The colours of Dumoulin & Visin's *conv_arithmetic* figures (input blue, output cyan, the kernel a dark shadow,
padding white with dashed borders), a fixed-size matplotlib Agg canvas in cell units (:class:`Canvas`: the still
parts are drawn once, each frame draws only what moves, so re-running gives the same pixels), the frames of each
kind of animation (:func:`grid_frames`, :func:`scatter_frames`, :func:`digit_frames`) and the one palette a GIF's
frames share (:func:`shared_palette`).  :mod:`gan_course.animate` holds the table of animations and their
numbers, and writes the GIFs.

Visto en 02 §La convolución a mano y 03 §La transpuesta como una convolución.
"""
from __future__ import annotations

import numpy as np

# colours of conv_arithmetic
BLUE, BLUE_DARK = "#6fa8dc", "#0b2f63"
CYAN, CYAN_DARK, CYAN_PALE = "#7fd8e0", "#168a96", "#eaf8fa"
EDGE, DASHED, TEXT, MUTED = "#1c1c1c", "#9a9a9a", "#111111", "#8c8c8c"
DPI = 80
PX = 40            # pixels per cell (grid and numeric animations)
PX_DIGIT = 12      # pixels per cell (the digit)


class Canvas:
    """A fixed-size Agg figure in cell units (x right, y down).

    Static artists are drawn once; each :meth:`frame` pastes that background and draws on top
    the ``animated`` artists (kept for every frame) and the ``dynamic`` ones (removed after the
    frame), in z-order.
    """

    def __init__(self, width: float, height: float, px: int):
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        self.size = (int(round(width * px)), int(round(height * px)))
        self.fig = Figure(figsize=(self.size[0] / DPI, self.size[1] / DPI), dpi=DPI)
        FigureCanvasAgg(self.fig)
        self.ax = self.fig.add_axes((0, 0, 1, 1))
        self.ax.set_xlim(0, width)
        self.ax.set_ylim(height, 0)
        self.ax.set_axis_off()
        self.px = px
        self._animated, self._dynamic = [], []
        self._background = None

    def pt(self, cells: float) -> float:
        """Font size in points for a text ``cells`` cells high."""
        return cells * self.px * 72 / DPI

    def _track(self, art, dynamic=False, animated=False):
        if dynamic or animated:
            art.set_animated(True)
            (self._dynamic if dynamic else self._animated).append(art)
        elif self._background is not None:
            raise RuntimeError("static artists must be added before the first frame")
        return art

    def add(self, artist, dynamic=False, animated=False):
        if hasattr(artist, "get_xy"):
            self.ax.add_patch(artist)
        else:
            self.ax.add_artist(artist)
        return self._track(artist, dynamic, animated)

    def cell(self, x, y, face, edge=EDGE, dashed=False, dynamic=False, lw=1.0, alpha=1.0, w=1.0, h=1.0,
             animated=False, zorder=1):
        from matplotlib.patches import Rectangle

        return self.add(Rectangle((x, y), w, h, facecolor=face, edgecolor=edge, lw=lw, alpha=alpha,
                                  linestyle=(0, (3, 2)) if dashed else "-", zorder=zorder), dynamic, animated)

    def text(self, x, y, s, size, color=TEXT, dynamic=False, **kw):
        kw.setdefault("ha", "center")
        kw.setdefault("va", "center")
        return self._track(self.ax.text(x, y, s, fontsize=self.pt(size), color=color, **kw), dynamic)

    def line(self, xs, ys, dynamic=True, **kw):
        (art,) = self.ax.plot(xs, ys, **kw)
        return self._track(art, dynamic)

    def keep(self, artist):
        """Redraw ``artist`` (e.g. an image whose data changes) on every frame."""
        return self._track(artist, animated=True)

    def frame(self) -> np.ndarray:
        canvas = self.fig.canvas
        if self._background is None:
            canvas.draw()
            self._background = canvas.copy_from_bbox(self.fig.bbox)
        canvas.restore_region(self._background)
        arts = self._animated + self._dynamic
        for art in sorted(arts, key=lambda a: a.get_zorder()):   # stable: insertion order within a z
            self.ax.draw_artist(art)
        rgb = np.asarray(canvas.buffer_rgba())[..., :3].copy()
        for art in self._dynamic:
            art.remove()
        self._dynamic = []
        assert rgb.shape == (self.size[1], self.size[0], 3)
        return rgb


def _fmt(v: float) -> str:
    if abs(v - round(v)) < 1e-9:
        return str(int(round(v)))
    return f"{v:.2f}".rstrip("0")


def _caption(anim, o: int) -> str:
    if anim.kind in ("transposed", "scatter"):
        parts = [f"i'={anim.i}", f"k={anim.k}", f"s={anim.s}", f"p={anim.p}"]
        return r"$\quad$".join(f"${q}$" for q in parts) + rf"$\quad\rightarrow\quad o'={o}$"
    parts = [f"i={anim.i}", f"k={anim.k}", f"s={anim.s}", f"p={anim.p}"]
    if anim.d != 1:
        parts.append(f"d={anim.d}")
    return r"$\quad$".join(f"${q}$" for q in parts) + rf"$\quad\rightarrow\quad o={o}$"


def grid_frames(pl: dict) -> tuple[list, list]:
    """Frames of the conv / pooling / transposed (equivalent convolution) animations."""
    anim = pl["anim"]
    canvas_vals, real, result = pl["canvas"], pl["real"], pl["result"]
    n, o = canvas_vals.shape[0], result.shape[0]
    gap, top, bottom = 1.5, 0.5, 1.4
    ox, oy = 0.5 + n + gap, top + (n - o) / 2
    width, height = ox + o + 0.5, top + max(n, o) + bottom
    cv = Canvas(width, height, PX)
    ix, iy = 0.5, top + max(0, (o - n) / 2)
    pool = anim.kind in ("max", "avg")
    for r in range(n):
        for c in range(n):
            if real[r, c]:
                cv.cell(ix + c, iy + r, BLUE)
                if anim.numbers:
                    cv.text(ix + c + 0.5, iy + r + 0.45, _fmt(canvas_vals[r, c]), 0.42)
            else:
                cv.cell(ix + c, iy + r, "white", edge=DASHED, dashed=True)
                if anim.numbers:
                    cv.text(ix + c + 0.5, iy + r + 0.45, "0", 0.42, color=MUTED)
    cv.text(width / 2, height - bottom / 2, _caption(anim, o), 0.4)
    frames, durations = [], []
    for step in pl["steps"]:
        r0, c0 = step["out"]
        taps = step["taps"]
        win = None
        if pool and anim.numbers and anim.kind == "max":
            vals = [canvas_vals[a, b] for a, b in taps]
            win = taps[int(np.argmax(vals))]
        for (a, b), w in zip(taps, pl["kernel"].ravel()):
            cv.cell(ix + b, iy + a, BLUE_DARK, edge="none", alpha=0.45, dynamic=True)
            if anim.numbers and not pool:
                cv.text(ix + b + 0.9, iy + a + 0.86, f"×{_fmt(w)}", 0.24, color="white", ha="right",
                        dynamic=True)
            if win == (a, b):
                cv.cell(ix + b + 0.06, iy + a + 0.06, "none", edge="#ffd400", lw=2.5, w=0.88, h=0.88,
                        dynamic=True)
        rows = [a for a, _ in taps]
        cols = [b for _, b in taps]
        x1, y1, y2 = ix + max(cols) + 1, iy + min(rows), iy + max(rows) + 1
        cv.line([x1, ox + c0], [y1, oy + r0], color=BLUE_DARK, lw=0.8, alpha=0.6)
        cv.line([x1, ox + c0], [y2, oy + r0 + 1], color=BLUE_DARK, lw=0.8, alpha=0.6)
        _draw_output(cv, ox, oy, step["shown"], (r0, c0), anim.numbers)
        frames.append(cv.frame())
        durations.append(anim.ms)
    _draw_output(cv, ox, oy, result, None, anim.numbers)
    frames.append(cv.frame())
    durations.append(4 * anim.ms)
    return frames, durations


def _draw_output(cv, ox, oy, shown, current, numbers, size=0.42, dashed_border=0):
    o_h, o_w = shown.shape
    for r in range(o_h):
        for c in range(o_w):
            crop = min(r, c, o_h - 1 - r, o_w - 1 - c) < dashed_border
            if np.isnan(shown[r, c]):
                cv.cell(ox + c, oy + r, "white", edge=DASHED if crop else CYAN_DARK, dashed=crop, dynamic=True)
                continue
            face = CYAN_DARK if current == (r, c) or (current == "all") else CYAN
            if crop:
                face = "#f2f2f2"
            cv.cell(ox + c, oy + r, face, edge=DASHED if crop else EDGE, dashed=crop, dynamic=True)
            if numbers:
                color = MUTED if crop else ("white" if face == CYAN_DARK else TEXT)
                cv.text(ox + c + 0.5, oy + r + 0.45, _fmt(shown[r, c]), size, color=color, dynamic=True)


def scatter_frames(pl: dict) -> tuple[list, list]:
    """Frames of the transposed convolution by definition: each input pixel scatters the kernel."""
    anim = pl["anim"]
    x, kernel, full = pl["x"], pl["kernel"], pl["canvas"]
    i, k, p = anim.i, anim.k, anim.p
    n = full.shape[0]
    gap, top, bottom = 1.5, 0.5, 1.4
    ix, kx = 0.5, 0.5 + i + gap
    ox = kx + k + gap
    height = top + max(i, k, n) + bottom
    width = ox + n + 0.5
    cv = Canvas(width, height, PX)
    iy, ky, oy = top + (n - i) / 2, top + (n - k) / 2, top
    for r in range(i):
        for c in range(i):
            cv.cell(ix + c, iy + r, BLUE)
            cv.text(ix + c + 0.5, iy + r + 0.45, _fmt(x[r, c]), 0.42)
    for a in range(k):
        for b in range(k):
            cv.cell(kx + b, ky + a, "#d9d9d9")
            cv.text(kx + b + 0.5, ky + a + 0.45, _fmt(kernel[a, b]), 0.42)
    cv.text(ix + i / 2, iy + i + 0.45, "$x$", 0.42)
    cv.text(kx + k / 2, ky + k + 0.45, "$k$", 0.42)
    if p:   # the cropped ring: the output is the inside of this frame
        cv.cell(ox + p, oy + p, "none", edge=CYAN_DARK, lw=3.0, w=n - 2 * p, h=n - 2 * p, animated=True, zorder=5)
    cv.text(width / 2, height - bottom / 2, _caption(anim, pl["result"].shape[0]), 0.4)
    frames, durations = [], []
    for step in pl["steps"]:
        r0, c0 = step["out"]
        cv.cell(ix + c0, iy + r0, BLUE_DARK, edge="none", alpha=0.55, dynamic=True)
        cv.text(ix + c0 + 0.5, iy + r0 + 0.45, _fmt(x[r0, c0]), 0.42, color="white", dynamic=True)
        _draw_output(cv, ox, oy, step["shown"], None, True, dashed_border=p)
        rows = [a for a, _ in step["taps"]]
        cols = [b for _, b in step["taps"]]
        cv.cell(ox + min(cols), oy + min(rows), "none", edge=BLUE_DARK, lw=2.5,
                w=k, h=k, dynamic=True)
        frames.append(cv.frame())
        durations.append(anim.ms)
    _draw_output(cv, ox, oy, full, None, True, dashed_border=p)
    frames.append(cv.frame())
    durations.append(4 * anim.ms)
    return frames, durations


def digit_frames(pl: dict) -> tuple[list, list]:
    """Frames of the kernel sliding over a bundled MNIST digit, next to the growing feature map."""
    from matplotlib.patches import Rectangle

    anim = pl["anim"]
    canvas_vals, real, result, kernel = pl["canvas"], pl["real"], pl["result"], pl["kernel"]
    n, o, k = canvas_vals.shape[0], result.shape[0], anim.k
    scale = 3                                   # the kernel panel's cells are 3 digit cells wide
    gap, top, bottom = 3.0, 1.0, 4.5
    kx = 1.0 + n + gap
    ox = kx + k * scale + gap
    width, height = ox + o + 1.0, top + n + bottom
    cv = Canvas(width, height, PX_DIGIT)
    ax = cv.ax
    img = np.where(real, canvas_vals, np.nan)
    if anim.p:
        ax.add_patch(Rectangle((1.0, top), n, n, facecolor="none", edgecolor=DASHED, lw=0.8,
                               linestyle=(0, (3, 2))))
    ax.imshow(img, cmap="gray", vmin=0, vmax=1, extent=(1.0, 1.0 + n, top + n, top),
              interpolation="nearest")
    ky = top + (n - k * scale) / 2
    for a in range(k):
        for b in range(k):
            cv.cell(kx + b * scale, ky + a * scale, "#d9d9d9", w=scale, h=scale)
            cv.text(kx + (b + 0.5) * scale, ky + (a + 0.5) * scale, _fmt(kernel[a, b]), 1.3)
    cv.text(1.0 + n / 2, top + n + 1.2, "$x$", 1.5)
    cv.text(kx + k * scale / 2, ky + k * scale + 1.4, "$k$", 1.5)
    oy = top + (n - o) / 2
    cv.text(ox + o / 2, oy + o + 1.4, r"$y = x \star k$", 1.5)
    cv.text(width / 2, height - 1.1, _caption(anim, o), 1.3)
    vmax = float(np.max(np.abs(result)))
    pending = np.full((o, o, 3), 1.0)
    pending[...] = (0.918, 0.973, 0.980)       # CYAN_PALE
    fmap = cv.keep(ax.imshow(pending, extent=(ox, ox + o, oy + o, oy), interpolation="nearest"))
    cv.cell(ox, oy, "none", edge=CYAN_DARK, w=o, h=o, animated=True, zorder=2)
    import matplotlib

    gray = matplotlib.colormaps["gray"]

    def colour(shown):
        rgb = gray(np.clip((np.nan_to_num(shown) / vmax + 1) / 2, 0, 1))[..., :3]
        return np.where(np.isnan(shown)[..., None], pending, rgb)

    frames, durations = [], []
    for step in pl["steps"]:
        r0, c0 = step["out"]
        rows = [a for a, _ in step["taps"]]
        cols = [b for _, b in step["taps"]]
        fmap.set_data(colour(step["shown"]))
        cv.cell(1.0 + min(cols), top + min(rows), BLUE, edge=BLUE_DARK, lw=2.0, alpha=0.45,
                w=max(cols) - min(cols) + 1, h=max(rows) - min(rows) + 1, dynamic=True)
        cv.cell(ox + c0, oy + r0, "none", edge=CYAN_DARK, lw=2.0, dynamic=True)
        frames.append(cv.frame())
        durations.append(anim.ms)
    fmap.set_data(colour(result))
    frames.append(cv.frame())
    durations.append(40 * anim.ms)
    return frames, durations


def _keys(pixels) -> np.ndarray:
    return (pixels[..., 0].astype(np.int32) << 16) | (pixels[..., 1].astype(np.int32) << 8) | pixels[..., 2]


def shared_palette(images, colors: int = 256) -> list:
    """Map every frame onto one palette: the ``colors`` most frequent colours of sampled frames.

    A GIF holds at most 256 colours per frame; quantizing each antialiased frame on its own
    shifts the colours of the parts that do not move, so every frame would be stored whole.
    With one shared palette (flat fills kept exact, rare antialiasing shades replaced by the
    nearest kept colour) the still parts stay identical and each frame stores only what changed.
    """
    step = max(1, len(images) // 8)
    uniq, counts = np.unique(_keys(np.stack([*images[::step], images[-1]])), return_counts=True)
    top = uniq[np.lexsort((uniq, -counts))[:colors]]             # most frequent first, ties by colour
    keep = np.stack([(top >> 16) & 255, (top >> 8) & 255, top & 255], axis=1).astype(np.int32)

    def quantize(pixels):                                         # (n, 3) -> nearest kept colours
        u, inverse = np.unique(_keys(pixels), return_inverse=True)
        rgb = np.stack([(u >> 16) & 255, (u >> 8) & 255, u & 255], axis=1)
        nearest = np.argmin(((rgb[:, None, :] - keep[None, :, :]) ** 2).sum(axis=2), axis=1)
        return keep[nearest][inverse.ravel()].astype(np.uint8)

    out, previous = [], None
    for f in images:
        if previous is None:
            q = quantize(f.reshape(-1, 3)).reshape(f.shape)
        else:                                                     # only re-map what changed
            changed = np.any(f != previous[0], axis=2)
            q = previous[1].copy()
            q[changed] = quantize(f[changed])
        out.append(q)
        previous = (f, q)
    return out
