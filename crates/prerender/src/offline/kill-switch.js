// The service worker's kill switch: written as `<base>sw.js` by a build
// with READER_OFFLINE=off (docs/deploy.md), in place of the worker. Any
// browser that has the worker fetches this on its next visit (sw.js is
// served `no-cache`), installs it at once, deletes every cache of this
// site (and of no other app on the origin), unregisters itself and
// reloads the pages it controls, which then come from the network alone.
//
// The prerender writes one line before this file: `const config = {…};`
// with `caches`, the start of the names of the caches the worker made
// (offline/mod.rs names them, for both files).

const PREFIX = config.caches;

self.addEventListener('install', () => self.skipWaiting());

// A page it still controls (a browser may keep a registration being
// removed for a page opened meanwhile) asks the network itself, and the
// worker removes itself again.
self.addEventListener('fetch', () => {
  self.registration.unregister();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((name) => name.startsWith(PREFIX)).map((name) => caches.delete(name)));
      await self.registration.unregister();
      const open = await self.clients.matchAll({ type: 'window' });
      await Promise.all(open.map((client) => client.navigate(client.url).catch(() => undefined)));
    })(),
  );
});
