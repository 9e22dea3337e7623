// How the benches time a search: as a reader types it into the search
// page's box, to its results' count on screen.

/** Types `query` into the search page's box at once; resolves to the ms until its results' count shows. */
export function typeAndTime(page, query) {
  return page.evaluate(async (q) => {
    const box = document.getElementById('search-query');
    const started = performance.now();
    box.value = q;
    box.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((done) => {
      const check = () => (document.querySelector('.search-page__count')?.textContent.includes(`“${q}”`) ? done() : requestAnimationFrame(check));
      check();
    });
    return performance.now() - started;
  }, query);
}
