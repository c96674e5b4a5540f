/* Search snippets that find Spanish and Portuguese words.
 *
 * Sphinx looks for the *stemmed* query words in each page to choose the snippet it shows; the Spanish stemmer
 * drops accents ("proyección" -> "proyeccion"), so the word is never found and every snippet is the top of the
 * page (the theme's buttons). This version looks for the words as typed and for their stems, ignoring accents
 * and case, and reads only the article (not the page header). Loaded by _templates/search.html after Sphinx's
 * searchtools.js; it changes nothing else. */
(() => {
  if (typeof Search === "undefined") return;
  const fold = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  const typed = () => (new URLSearchParams(window.location.search).get("q") || "").split(/\s+/).filter(Boolean);
  const articleText = (htmlString, anchor) => {
    const doc = new DOMParser().parseFromString(htmlString, "text/html");
    doc.querySelectorAll(".headerlink, script, style, .bd-header-article, .gc-lesson-info, nav")
      .forEach((el) => el.remove());
    const main = doc.querySelector("article") || doc.querySelector('[role="main"]');
    const block = anchor && main ? main.querySelector(anchor) : null;
    return ((block || main || doc.body).textContent || "").replace(/\s+/g, " ").trim();
  };
  Search.makeSearchSummary = (htmlText, keywords, anchor) => {
    const text = articleText(htmlText, anchor);
    if (text === "") return null;
    const folded = fold(text);  // accents removed one for one: the positions match those of text
    const found = [...typed(), ...keywords].map((k) => folded.indexOf(fold(k))).filter((i) => i > -1);
    const start = found.length ? Math.max(Math.min(...found) - 120, 0) : 0;
    const summary = document.createElement("p");
    summary.classList.add("context");
    summary.textContent = (start ? "..." : "") + text.substr(start, 240).trim() + (start + 240 < text.length ? "..." : "");
    return summary;
  };
})();
