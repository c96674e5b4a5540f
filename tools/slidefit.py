"""Measure, in a real browser, whether every (sub)slide of the lesson decks fits a 1280×720 screen.

    python tools/slidefit.py                  # every lesson, both languages
    python tools/slidefit.py 02 06 --lang pt  # some lessons, one language
    python tools/slidefit.py --jobs 3         # Chromium processes run at once (default 3)

The decks are rendered by ``python -m gan_course slides --lang LANG --out TMP`` itself (one process per
language, in parallel; :func:`gan_course.slides.build_slides`), into a temporary folder.  Each deck is then
opened in headless Chromium (viewport 1280×720, network cut) with a probe script added after nbconvert's own:
the probe gets the deck's reveal.js instance through require.js, waits for reveal, the images, the fonts and
MathJax, shows every (sub)slide in turn (as a presenter would, so the template's MathJax re-render and scroll
handlers run) and measures its content height in reveal's slide coordinates (nbconvert's template: 960×700;
reveal scales the whole slide to the window).  The height of a slide is the larger of ``section.scrollHeight``
(the template makes a section taller than 95 % of the screen scroll inside the slide: ``scrollHeight`` still
counts what is hidden) and the extent of the section's children (top of the first to bottom of the last,
divided by reveal's scale, plus whatever inner boxes hide in their own scroll area).  The probe writes its
result as JSON into the DOM, which Chromium prints with ``--dump-dom``.  Wide content that scrolls sideways
(long code lines) is not measured.

One line per slide taller than the slide height::

    es/02_convolucion_stride_padding_pooling  slide 7/1  'Padding'  812 px > 700 px

(``h/v``: reveal's horizontal and vertical index, as in the deck's URL ``#/7/1``).  Exit status 1 when any
slide overflows, 2 when a deck could not be measured.
"""
from __future__ import annotations

import argparse
import concurrent.futures
import html
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CHROMIUM = ("chromium", "chromium-browser", "google-chrome")
WINDOW = (1280, 720)
RESULT_ID = "slidefit-result"
REVEAL_MODULE = "assets/reveal.js/dist/reveal.js"   # the path nbconvert's require() call uses in the deck
LESSON_NAME = re.compile(r"^\d\d_\w+$")                # gan_course.slides.LESSON_NAME: a deck, not a probe page

PROBE = r"""
<script>
(function () {
  var t0 = Date.now();
  function finish(result) {
    var pre = document.createElement("pre");
    pre.id = "%(result_id)s";
    pre.textContent = JSON.stringify(result);
    document.body.appendChild(pre);
  }
  function fail(message) { finish({error: String(message)}); }
  function mathjaxDone(next) {
    if (window.MathJax && MathJax.Hub && MathJax.Hub.Queue) { MathJax.Hub.Queue(next); } else { next(); }
  }
  function imagesLoaded() {
    var imgs = Array.prototype.slice.call(document.images);
    return Promise.all(imgs.map(function (img) {
      return img.decode ? img.decode().catch(function () {}) : Promise.resolve();
    }));
  }
  function heading(section) {
    var h = section.querySelector("h1, h2, h3, h4, h5, h6");
    var text = h ? h.textContent : (section.textContent || "");
    text = text.replace(/\u00b6/g, "").replace(/\s+/g, " ").trim().slice(0, 60);
    return h ? text : "(no heading) " + text;
  }
  function extent(section, scale) {
    var top = Infinity, bottom = -Infinity;
    var kids = section.children;
    for (var i = 0; i < kids.length; i++) {
      var r = kids[i].getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      top = Math.min(top, r.top); bottom = Math.max(bottom, r.bottom);
    }
    return bottom > top ? (bottom - top) / scale : 0;
  }
  function hidden(section) {       // content hidden inside inner scrolling boxes (e.g. scrolled outputs)
    var total = 0, all = section.querySelectorAll("*");
    for (var i = 0; i < all.length; i++) {
      var el = all[i], oy = getComputedStyle(el).overflowY;
      if ((oy === "auto" || oy === "scroll" || oy === "hidden") && el.scrollHeight > el.clientHeight + 1
          && el.clientHeight > 0) {
        total += el.scrollHeight - el.clientHeight;
      }
    }
    return total;
  }
  function measure(R) {
    var slides = R.getSlides();
    var out = [], i = 0;
    function one() {
      if (i >= slides.length) {
        finish({slides: out, width: R.getConfig().width, height: R.getConfig().height,
                scale: R.getScale(), viewport: [innerWidth, innerHeight],
                mathjax: !!(window.MathJax && MathJax.Hub), ms: Date.now() - t0});
        return;
      }
      var section = slides[i], idx = R.getIndices(section);
      R.slide(idx.h, idx.v || 0);
      mathjaxDone(function () {
        var scale = R.getScale() || 1;
        out.push({h: idx.h, v: idx.v || 0, title: heading(section),
                  scroll: section.scrollHeight, inner: Math.round(extent(section, scale) + hidden(section)),
                  scrollWidth: section.scrollWidth});
        i += 1;
        setTimeout(one, 0);
      });
    }
    one();
  }
  function start() {
    if (typeof require !== "function") { fail("require.js did not load"); return; }
    require(["%(reveal)s"], function (R) {
      function go() {
        Promise.all([imagesLoaded(), document.fonts ? document.fonts.ready : Promise.resolve()]).then(function () {
          mathjaxDone(function () { measure(R); });
        }).catch(fail);
      }
      if (R.isReady()) { go(); } else { R.on("ready", go); }
    }, function (err) { fail("reveal.js did not load: " + err); });
  }
  if (document.readyState === "complete") { start(); } else { window.addEventListener("load", start); }
})();
</script>
"""


def chromium() -> str | None:
    """Path of a Chromium-like browser, or None."""
    for name in CHROMIUM:
        found = shutil.which(name)
        if found:
            return found
    return None


def probe_page(deck: pathlib.Path) -> pathlib.Path:
    """Write ``deck``'s copy with the probe script, next to it (so that its relative URLs still resolve)."""
    text = deck.read_text(encoding="utf-8")
    script = PROBE % {"result_id": RESULT_ID, "reveal": REVEAL_MODULE}
    cut = text.rfind("</html>")
    text = text[:cut] + script + text[cut:] if cut >= 0 else text + script
    page = deck.with_name(deck.stem + ".slidefit.html")
    page.write_text(text, encoding="utf-8")
    return page


_RESULT = re.compile(r'<pre id="%s">(.*?)</pre>' % RESULT_ID, re.DOTALL)


def run_browser(page: pathlib.Path, browser: str, window=WINDOW, budget_ms: int = 120000,
                timeout: float = 900) -> dict:
    """Open ``page`` in headless Chromium and return the probe's JSON (``{"error": …}`` on failure).

    ``window``: Chromium's ``--window-size``; the page's viewport is smaller (see :func:`window_for`)."""
    with tempfile.TemporaryDirectory(prefix="slidefit-profile-") as profile:
        cmd = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--mute-audio",
               "--no-first-run", "--disable-extensions", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--disable-default-apps",
               f"--user-data-dir={profile}", f"--window-size={window[0]},{window[1]}",
               "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9",
               f"--virtual-time-budget={budget_ms}", "--run-all-compositor-stages-before-draw",
               "--dump-dom", page.resolve().as_uri()]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout,
                                  env={**os.environ, "LANG": "C.UTF-8"})
        except subprocess.TimeoutExpired:
            return {"error": f"Chromium did not finish in {timeout:.0f} s"}
    found = _RESULT.search(proc.stdout)
    if not found:
        tail = (proc.stderr or "").strip().splitlines()[-3:]
        return {"error": "the probe wrote no result (exit %s) %s" % (proc.returncode, " | ".join(tail))}
    return json.loads(html.unescape(found.group(1)))


_VIEWPORT_PAGE = ("<!DOCTYPE html><html><body><script>var p = document.createElement('pre'); p.id = '%s'; "
                  "p.textContent = JSON.stringify({viewport: [innerWidth, innerHeight]}); "
                  "document.body.appendChild(p);</script></body></html>" % RESULT_ID)


def window_for(browser: str, viewport=WINDOW) -> tuple[int, int]:
    """The ``--window-size`` that gives pages a ``viewport`` (headless Chromium keeps some of the window's
    height for itself: 87 px, or 143 px with a fresh profile)."""
    with tempfile.TemporaryDirectory(prefix="slidefit-viewport-") as tmp:
        page = pathlib.Path(tmp) / "viewport.html"
        page.write_text(_VIEWPORT_PAGE, encoding="utf-8")
        got = run_browser(page, browser, viewport, budget_ms=1000, timeout=60).get("viewport") or viewport
    return (2 * viewport[0] - got[0], 2 * viewport[1] - got[1])


def overflowing(result: dict) -> list[dict]:
    """The slides of a probe result whose content is taller than the slide."""
    limit = result["height"]
    return [s for s in result["slides"] if max(s["scroll"], s["inner"]) > limit]


def measure_decks(decks, browser: str, jobs: int = 3) -> dict:
    """``{deck: probe result}`` for already rendered ``decks``, ``jobs`` Chromium processes at a time."""
    window = window_for(browser)
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        futures = {deck: pool.submit(run_browser, probe_page(deck), browser, window) for deck in decks}
        return {deck: f.result() for deck, f in futures.items()}


def _render(lang: str, lessons, out: pathlib.Path, on_deck) -> None:
    """Run ``python -m gan_course slides LESSONS --lang LANG --out OUT`` and call ``on_deck(path)`` as soon as
    it reports each deck written (it prints one line per deck)."""
    cmd = [sys.executable, "-m", "gan_course", "slides", *lessons, "--lang", lang, "--out", str(out)]
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": path})
    seen = set()
    for line in proc.stdout:
        for deck in sorted((out / lang).glob("*.html")):
            if deck.name in line and deck not in seen and LESSON_NAME.match(deck.stem):
                seen.add(deck)
                on_deck(deck)
    err = proc.stderr.read()
    if proc.wait() != 0:
        raise RuntimeError(f"{' '.join(cmd[1:])} failed:\n{err.strip()}")


def render_and_measure(lessons=(), langs=("es", "pt"), jobs: int = 3, folder=None):
    """Render the decks as ``python -m gan_course slides`` does (one process per language, in parallel) and
    measure each deck in Chromium as soon as it is written.

    Returns ``[(deck name "lang/NN_slug", probe result)]``, by language and lesson."""
    from gan_course.slides import choose

    browser = chromium()
    if browser is None:
        raise FileNotFoundError("no Chromium found (apt-get install chromium)")
    lessons = sorted({nb.stem[:2] for _, nb in choose(lessons, langs)}) if lessons else []
    with tempfile.TemporaryDirectory(prefix="slidefit-") as tmp:
        out = pathlib.Path(folder or tmp)
        futures = {}
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            window = pool.submit(window_for, browser)          # while the first decks render

            def measure(deck):
                page = probe_page(deck)
                futures[f"{deck.parent.name}/{deck.stem}"] = pool.submit(
                    lambda: run_browser(page, browser, window.result()))

            with concurrent.futures.ThreadPoolExecutor(max_workers=len(langs)) as renderers:
                for done in [renderers.submit(_render, lang, lessons, out, measure) for lang in langs]:
                    done.result()
            return [(name, futures[name].result()) for name in sorted(futures, key=lambda n: (langs.index(n[:2]), n))]


def report(results) -> tuple[list[str], int, int]:
    """Lines for the overflowing slides; number of overflowing slides; number of decks that failed."""
    lines, over, failed = [], 0, 0
    width = max((len(name) for name, _ in results), default=0)
    for name, result in results:
        if "error" in result:
            failed += 1
            lines.append(f"{name:<{width}}  ERROR: {result['error']}")
            continue
        limit = result["height"]
        if list(result.get("viewport", WINDOW)) != list(WINDOW):
            lines.append(f"{name:<{width}}  warning: measured in a {result['viewport']} viewport, not {WINDOW}")
        for s in overflowing(result):
            over += 1
            height = max(s["scroll"], s["inner"])
            lines.append(f"{name:<{width}}  slide {s['h']}/{s['v']}  {s['title']!r}  {height} px > {limit} px")
    return lines, over, failed


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("lessons", nargs="*", metavar="NN", help="lesson numbers (default: all)")
    parser.add_argument("--lang", choices=("es", "pt"), help="one language (default: both)")
    parser.add_argument("--jobs", type=int, default=3, help="Chromium processes at once (default 3)")
    parser.add_argument("--keep", metavar="DIR", help="render into DIR and keep the decks (default: a temp folder)")
    parser.add_argument("-v", "--verbose", action="store_true", help="also print a summary line per deck")
    args = parser.parse_args(argv)
    start = time.time()
    langs = (args.lang,) if args.lang else ("es", "pt")
    results = render_and_measure(args.lessons, langs, args.jobs, folder=args.keep)
    if not results:
        print("no decks rendered", file=sys.stderr)
        return 2
    lines, over, failed = report(results)
    for line in lines:
        print(line)
    if args.verbose:
        for name, result in results:
            if "error" not in result:
                n = len(overflowing(result))
                print(f"# {name}: {n} of {len(result['slides'])} (sub)slides too tall "
                      f"({result['ms'] / 1000:.1f} s in the browser)")
    total = sum(len(r.get("slides", [])) for _, r in results)
    print(f"# {over} of {total} (sub)slides taller than the slide, {len(results)} decks, "
          f"{time.time() - start:.0f} s", file=sys.stderr)
    return 2 if failed else (1 if over else 0)


if __name__ == "__main__":
    sys.exit(main())
