// A static server that behaves like a well-configured CDN in front of dist/:
//
// - files are served with real content types (`.wasm` as application/wasm);
// - hashed assets are cached for a year as immutable, the rest revalidated;
// - an unknown *page* path (no file extension, outside /content/) is
//   answered with index.html and 200, so deep links work on reload;
// - an unknown file (a missing content JSON, a missing asset) is a real 404,
//   never index.html.
//
// Tests inject faults per path (status codes, HTML instead of JSON, delays,
// dropped connections, truncated or replaced bodies).
//
// Run it:  node scripts/cdn-server.mjs [--root dist] [--port 8080] [--host 127.0.0.1]

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.woff2': 'font/woff2',
};

// Trunk's hashed names: name-<hash>.ext, the hash a u64 in hex without
// leading zeros (so 12 to 16 digits in practice), and name-<hash>_bg.wasm.
const HASHED = /-[0-9a-f]{12,16}(_bg)?\.[a-z0-9]+$/;

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/**
 * Starts the server. Resolves to { url, port, close(), fault(path, spec),
 * clearFaults(), requests } where `requests` lists every path asked for.
 *
 * A fault spec may hold: status (answer with it), html (answer index.html
 * with 200), body + type (answer that body), delayMs (wait first), drop
 * (destroy the connection), truncate (send only the first N bytes).
 */
export async function startServer({ root = 'dist', port = 0, host = '127.0.0.1' } = {}) {
  const base = resolve(root);
  const faults = new Map();
  const requests = [];

  async function fileAt(urlPath) {
    const path = normalize(join(base, urlPath));
    if (path !== base && !path.startsWith(base + sep)) return null;
    try {
      const info = await stat(path);
      if (info.isFile()) return path;
      if (info.isDirectory()) {
        const index = join(path, 'index.html');
        if ((await stat(index).catch(() => null))?.isFile()) return index;
      }
    } catch {
      // not there
    }
    return null;
  }

  function send(res, status, type, body, cache) {
    res.writeHead(status, {
      'content-type': type,
      'content-length': Buffer.byteLength(body),
      'cache-control': cache,
      'x-content-type-options': 'nosniff',
    });
    res.end(body);
  }

  async function handle(req, res) {
    let urlPath;
    try {
      urlPath = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      return send(res, 400, 'text/plain; charset=utf-8', 'bad request', 'no-store');
    }
    requests.push(urlPath);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed', 'no-store');
    }
    const fault = faults.get(urlPath);
    if (fault?.delayMs) await sleep(fault.delayMs);
    if (fault?.drop) return req.socket.destroy();
    if (fault?.status) {
      return send(res, fault.status, 'text/plain; charset=utf-8', `fault ${fault.status}`, 'no-store');
    }
    if (fault?.body !== undefined) {
      return send(res, 200, fault.type ?? 'application/json; charset=utf-8', fault.body, 'no-store');
    }

    let file = fault?.html ? null : await fileAt(urlPath);
    let status = 200;
    if (!file) {
      const isPage = !extname(urlPath) && !urlPath.startsWith('/content/');
      if (isPage || fault?.html) {
        file = join(base, 'index.html');
      } else {
        return send(res, 404, 'text/plain; charset=utf-8', 'not found', 'no-cache');
      }
    }
    let body = await readFile(file);
    if (fault?.truncate !== undefined) body = body.subarray(0, fault.truncate);
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const cache = HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache';
    res.writeHead(status, {
      'content-type': type,
      'content-length': body.length,
      'cache-control': cache,
      'x-content-type-options': 'nosniff',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      console.error(err);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'server error', 'no-store');
    });
  });
  await new Promise((done) => server.listen(port, host, done));
  const actual = server.address().port;
  return {
    url: `http://${host}:${actual}`,
    port: actual,
    requests,
    fault: (path, spec) => faults.set(path, spec),
    clearFaults: () => faults.clear(),
    close: () =>
      new Promise((done) => {
        server.closeAllConnections?.();
        server.close(done);
      }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const at = process.argv.indexOf(`--${name}`);
    return at > 0 ? process.argv[at + 1] : fallback;
  };
  const server = await startServer({
    root: arg('root', 'dist'),
    port: Number(arg('port', '8080')),
    host: arg('host', '127.0.0.1'),
  });
  console.log(`serving ${arg('root', 'dist')} at ${server.url}/ (Ctrl-C to stop)`);
}
