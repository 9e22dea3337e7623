// The pages' side of offline reading: registers the service worker, and
// runs the controls that talk to it: "Save for offline" on an article,
// the list on the Saved page and on the offline page, "Try again".
//
// The prerender writes it as `<base>offline/controls-<hash>.js`, with one line
// before this file: `const config = {…};`:
//   worker    the worker's address (`<base>sw.js`), or null: no worker
//             (a kill-switch build, see docs/deploy.md)
//   base      the folder the site is served from
//   manifest  the web app manifest's address
//   labels    the words it shows, by language (`en`, `zh`): the page's
//             `<html lang>` picks, English when it names none of them
// The loader imports it once the app has started (or could not), after the
// reader's first act (at once on the Saved page); the offline page loads
// it itself. Everything it
// shows is text (textContent), never markup.

const support = 'serviceWorker' in navigator && config.worker;
const words = config.labels[(document.documentElement.lang || 'en').split('-')[0]] || config.labels.en;

// The manifest, linked now rather than in the page: a reader who only
// reads fetches nothing for installing.
if (!document.querySelector('link[rel="manifest"]')) {
  const manifest = document.createElement('link');
  manifest.rel = 'manifest';
  manifest.href = config.manifest;
  document.head.append(manifest);
}

if (support) {
  // A page loaded without the worker (a reader's first): what it loaded
  // of the site's content (its data, its pictures) goes to the worker
  // once it runs, to be kept with the page it takes charge of.
  const unseen = !navigator.serviceWorker.controller;
  navigator.serviceWorker.register(config.worker, { scope: config.base }).catch(() => undefined);
  if (unseen) {
    navigator.serviceWorker.ready
      .then(() => {
        const files = performance
          .getEntriesByType('resource')
          .map((entry) => new URL(entry.name))
          .filter((url) => url.origin === location.origin && url.pathname.includes('/content/'))
          .map((url) => url.href);
        return ask({ type: 'loaded', files });
      })
      .catch(() => undefined);
  }
}

/** Asks the worker `message`; resolves to its answer, or null without one. */
async function ask(message) {
  if (!support) return null;
  const registration = await navigator.serviceWorker.ready;
  const worker = registration.active;
  if (!worker) return null;
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve(null), 5000);
    channel.port1.onmessage = (event) => {
      clearTimeout(timer);
      resolve(event.data);
    };
    worker.postMessage(message, [channel.port2]);
  });
}

/** The page's own address, as saved: its canonical one when it has it. */
function pageAddress() {
  const canonical = document.querySelector('link[rel="canonical"]');
  const here = new URL(location.href);
  here.search = '';
  here.hash = '';
  // The canonical address names the public origin; the page is kept under
  // this one (the same path).
  if (canonical) return new URL(new URL(canonical.href).pathname, location.origin).href;
  return here.href;
}

/** The article a "Save for offline" control is for. */
const keptUrl = (button) => new URL(button.dataset.keep || pageAddress(), location.origin).href;

/** Shows on `button` whether its article is kept. */
function showKept(button, kept) {
  button.dataset.kept = kept ? 'true' : 'false';
}

/**
 * A "Save for offline" control: shows what the worker says, and toggles
 * it. The app may keep the same button for the next article it shows (and
 * hide it again): it is set up again for each article it is for.
 */
async function keepControl(button) {
  // No worker to keep it (a browser without service workers, a private
  // window that refuses them, offline reading turned off): the control's
  // place, kept for it until now, goes.
  if (!support) {
    button.dataset.unavailable = '';
    return;
  }
  const url = keptUrl(button);
  const list = await ask({ type: 'list' });
  if (!list || list.error || keptUrl(button) !== url) return;
  showKept(button, list.pages.some((page) => page.url === url && page.kept));
  button.hidden = false;
  if (button.dataset.bound) return;
  button.dataset.bound = '';
  button.addEventListener('click', async () => {
    // Busy, not disabled: a disabled button loses the keyboard's focus.
    if (button.getAttribute('aria-disabled') === 'true') return;
    const kept = button.dataset.kept === 'true';
    button.setAttribute('aria-disabled', 'true');
    const reply = await ask({ type: kept ? 'drop' : 'keep', url: keptUrl(button) });
    button.removeAttribute('aria-disabled');
    if (reply && !reply.error) showKept(button, reply.kept);
  });
}

/** A line in the list of saved pages instead of pages (none, or why not). */
function sayInList(container, text) {
  const p = document.createElement('p');
  p.className = 'saved__empty';
  p.textContent = text;
  container.append(p);
}

/** The list of saved pages, in `container` (the Saved page's, the offline page's). */
async function savedList(container) {
  const reply = await ask({ type: 'list' });
  container.replaceChildren();
  const say = (text) => sayInList(container, text);
  if (!config.worker) return say(words.offline_off);
  if (!support) return say(words.cannot_keep);
  if (!reply || reply.error) return say(words.saved_unreadable);
  const kept = reply.pages.filter((page) => page.kept);
  // Articles (the other pages opened are kept too, for reading offline,
  // but are not what the reader read); a page kept before the worker said
  // which it is, listed.
  const read = reply.pages.filter((page) => !page.kept && page.article !== false);
  if (!kept.length && !read.length) return say(words.nothing_saved);
  for (const [heading, pages] of [
    [words.saved_for_later, kept],
    [words.recently_read, read],
  ]) {
    if (!pages.length) continue;
    const h2 = document.createElement('h2');
    h2.className = 'saved__group';
    h2.textContent = heading;
    const ul = document.createElement('ul');
    ul.className = 'saved__items';
    for (const page of pages) ul.append(item(page));
    container.append(h2, ul);
  }
}

/** One saved page: its link, when it was saved, and for a kept one, Remove. */
function item(page) {
  const li = document.createElement('li');
  li.className = 'saved__item';
  const link = document.createElement('a');
  link.href = new URL(page.url).pathname;
  link.textContent = page.title || new URL(page.url).pathname;
  // A page of another edition: its title in its own language.
  if (page.lang && page.lang !== document.documentElement.lang) link.lang = page.lang;
  const when = document.createElement('time');
  when.className = 'saved__when';
  when.dateTime = new Date(page.saved).toISOString();
  const shown = new Date(page.saved).toLocaleString(document.documentElement.lang || undefined, {
    dateStyle: 'long',
    timeStyle: 'short',
  });
  when.textContent = (page.kept ? words.saved_at : words.read_at).replace('{when}', shown);
  li.append(link, ' ', when);
  if (page.kept) {
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'button button--quiet saved__remove';
    remove.textContent = words.remove;
    remove.setAttribute('aria-label', words.remove_from_device.replace('{title}', link.textContent));
    remove.addEventListener('click', async () => {
      if (remove.getAttribute('aria-disabled') === 'true') return;
      remove.setAttribute('aria-disabled', 'true');
      const reply = await ask({ type: 'drop', url: page.url });
      remove.removeAttribute('aria-disabled');
      if (reply && !reply.error) removeItem(li);
    });
    li.append(' ', remove);
  }
  return li;
}

/**
 * Takes a removed page's row off the list, and the keyboard's focus to
 * the next row's Remove (else the one before), or, when it was the last,
 * the list's group goes and the focus to the page's heading.
 */
function removeItem(li) {
  const near = li.nextElementSibling || li.previousElementSibling;
  const list = li.parentElement;
  li.remove();
  const next = near && (near.querySelector('button') || near.querySelector('a'));
  if (next) return next.focus();
  const container = list && list.parentElement;
  if (list && list.previousElementSibling && list.previousElementSibling.tagName === 'H2') list.previousElementSibling.remove();
  if (list) list.remove();
  if (container && !container.querySelector('.saved__items')) sayInList(container, words.nothing_saved);
  const heading = document.querySelector('main h1');
  if (heading) {
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus();
  }
}

/** Runs the controls now on the page (once each), and on those the app adds later. */
function enhance(root) {
  for (const button of root.querySelectorAll('[data-keep]')) {
    if (button.dataset.ready === keptUrl(button)) continue;
    button.dataset.ready = keptUrl(button);
    keepControl(button);
    // The article's page, kept like any page opened (the app may have
    // shown it without loading it).
    ask({ type: 'visit', url: keptUrl(button) });
  }
  for (const container of root.querySelectorAll('[data-saved-list]:not([data-ready])')) {
    container.dataset.ready = '';
    savedList(container);
  }
  for (const retry of root.querySelectorAll('[data-retry]:not([data-ready])')) {
    retry.dataset.ready = '';
    retry.addEventListener('click', () => location.reload());
  }
}

// The worker's line on a saved copy ("You are offline: this is the copy
// saved on this device …") speaks of the page it came with: it goes once
// the device is back online, or the app shows another page.
const savedCopy = document.querySelector('.saved-copy');
const shownAt = location.pathname + location.search;
const dropSavedCopy = () => savedCopy && savedCopy.remove();
addEventListener('online', dropSavedCopy);

enhance(document);
new MutationObserver(() => {
  enhance(document);
  if (location.pathname + location.search !== shownAt) dropSavedCopy();
}).observe(document.body, {
  childList: true,
  subtree: true,
  attributes: true,
  attributeFilter: ['data-keep'],
});
