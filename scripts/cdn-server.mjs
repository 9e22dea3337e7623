// A static server that behaves like a CDN in front of dist/, configured by
// the same files Netlify and Cloudflare Pages read there:
//
// - `_headers`: the security headers (Content-Security-Policy included),
//   caching and content types, applied to every matching response;
// - `_redirects`: what an unknown path gets (existing files always win):
//   the prerendered "not found" page with a real 404.
//
// Without those files it still serves files, with real content types.
// Like a CDN, it sends the build's Brotli or gzip copy of a file
// (`file.br`, `file.gz`: the app's own files) to a client that accepts
// it, and compresses any other text as it sends it (Brotli 6 or gzip 6,
// kept in memory), as Netlify, Cloudflare and CloudFront do.
// Tests inject faults per path (status codes, HTML instead of JSON, delays,
// dropped connections, truncated or replaced bodies), and can serve pages
// without the data they carry, so the app fetches everything as it does
// after a client-side navigation.
//
// Run it:  node scripts/cdn-server.mjs [--root dist] [--port 8080] [--host 127.0.0.1] [--prefix /news/]

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { readFileSync, existsSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

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
  '.webmanifest': 'application/manifest+json; charset=utf-8',
};

/** Content types a CDN compresses as it sends them. */
const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript|wasm|atom\+xml|manifest\+json)|image\/svg\+xml)/;

/** Files smaller than this are sent as they are (as the build leaves them). */
const MIN_SIZE = 256;

/** Whether an Accept-Encoding header (`accepted`) names the encoding `name`. */
const accepts = (accepted, name) => new RegExp(`(^|[ ,])${name}($|[ ,;])`).test(accepted);

/** `body` compressed as a CDN would on the fly, for the encodings in `accepted`. */
function compressOnTheFly(body, accepted) {
  if (accepts(accepted, 'br')) {
    return { name: 'br', body: brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 6, [zlib.BROTLI_PARAM_LGWIN]: 22 } }) };
  }
  if (accepts(accepted, 'gzip')) return { name: 'gzip', body: gzipSync(body, { level: 6 }) };
  return null;
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** Netlify-style path patterns: exact, or a prefix ending in `*`. */
function matches(pattern, path) {
  return pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern;
}

/** `_headers`: [{ pattern, headers: [[name, value]] }] */
export function parseHeaders(text) {
  const rules = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
    } else if (rules.length) {
      const at = line.indexOf(':');
      rules.at(-1).headers.push([line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim()]);
    }
  }
  return rules;
}

/** `_redirects`: [{ from, to, status }] */
export function parseRedirects(text) {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [from, to, status = '301'] = line.split(/\s+/);
      return { from, to, status: Number(status) };
    });
}

/**
 * Where `body` ends the first occurrence of each of `marks`, each searched
 * after the one before; null if one is missing.
 */
function cutsAfter(body, marks) {
  const cuts = [];
  let at = 0;
  for (const mark of [marks].flat()) {
    const found = body.indexOf(mark, at);
    if (found < 0) return null;
    at = found + Buffer.byteLength(mark);
    cuts.push(at);
  }
  return cuts;
}

/**
 * Starts the server. Resolves to { url, port, close(), fault(path, spec),
 * clearFaults(), requests } where `requests` lists every path asked for.
 *
 * `prefix` serves the folder under a path (`/news/`), like a site in a
 * folder of a bigger host. A fault spec may hold: status (answer with it),
 * html (answer index.html with 200), body + type (answer that body),
 * delayMs (wait first), drop (destroy the connection), truncate (send only
 * the first N bytes), pauseAfter + pauseMs (send the body in pieces, as a
 * slow network does: up to the end of the string pauseAfter, or of each
 * string of an array in turn, waiting pauseMs after each piece).
 *
 * `pageData: false` serves every page without its data
 * (`<script type="application/json" id="reader-data">`, holding it or
 * naming its files).
 *
 * `hooks` (scripts/preview.mjs): `route(urlPath, req, res)` answers an
 * address itself when it returns true; `html(text)` changes every page
 * before it is sent.
 */
export async function startServer({ root = 'dist', port = 0, host = '127.0.0.1', prefix = '/', pageData = true, hooks = {} } = {}) {
  const base = resolve(root);
  const read = (name) => (existsSync(join(base, name)) ? readFileSync(join(base, name), 'utf8') : '');
  const headerRules = parseHeaders(read('_headers'));
  const redirectRules = parseRedirects(read('_redirects'));
  const faults = new Map();
  const requests = [];

  async function fileAt(urlPath) {
    if (!urlPath.startsWith(prefix)) return null;
    const path = normalize(join(base, urlPath.slice(prefix.length)));
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

  /** The response headers `_headers` gives `urlPath`, over the defaults. */
  function headersFor(urlPath, defaults) {
    const headers = { 'cache-control': 'no-cache', ...defaults };
    for (const rule of headerRules) {
      if (matches(rule.pattern, urlPath)) {
        for (const [name, value] of rule.headers) headers[name] = value;
      }
    }
    return headers;
  }

  /** Which precompressed copy of `file` to send for `accepted` (an Accept-Encoding header). */
  async function precompressed(file, accepted) {
    for (const [name, ext] of [['br', 'br'], ['gzip', 'gz']]) {
      if (accepts(accepted, name) && (await stat(`${file}.${ext}`).catch(() => null))?.isFile()) {
        return { name, ext };
      }
    }
    return null;
  }

  function send(res, urlPath, status, type, body) {
    res.writeHead(status, headersFor(urlPath, { 'content-type': type, 'content-length': Buffer.byteLength(body) }));
    res.end(body);
  }

  /** Responses compressed on the fly, by file, rewrite and Accept-Encoding. */
  const onTheFly = new Map();

  async function handle(req, res) {
    let urlPath;
    try {
      urlPath = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      return send(res, '/', 400, 'text/plain; charset=utf-8', 'bad request');
    }
    requests.push(urlPath);
    // The preview's own addresses (scripts/preview.mjs).
    if (hooks.route?.(urlPath, req, res)) return;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(res, urlPath, 405, 'text/plain; charset=utf-8', 'method not allowed');
    }
    const fault = faults.get(urlPath);
    if (fault?.delayMs) await sleep(fault.delayMs);
    if (fault?.drop) return req.socket.destroy();
    if (fault?.status) return send(res, urlPath, fault.status, 'text/plain; charset=utf-8', `fault ${fault.status}`);
    if (fault?.body !== undefined) {
      return send(res, urlPath, 200, fault.type ?? 'application/json; charset=utf-8', fault.body);
    }

    let file = fault?.html ? await fileAt(`${prefix}index.html`) : await fileAt(urlPath);
    let status = 200;
    if (!file) {
      const rule = redirectRules.find((r) => matches(r.from, urlPath));
      if (rule && (rule.status === 200 || rule.status === 404)) {
        file = await fileAt(rule.to);
        status = rule.status;
      }
      if (!file) return send(res, urlPath, 404, 'text/plain; charset=utf-8', 'not found');
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const rewrite = !pageData && type.startsWith('text/html');
    // The build's Brotli or gzip copy, as a CDN would send it, when the
    // client takes it (never for a faulty or rewritten response).
    const encoding = fault || rewrite ? null : await precompressed(file, req.headers['accept-encoding'] ?? '');
    let body = await readFile(encoding ? `${file}.${encoding.ext}` : file);
    if (rewrite) {
      body = Buffer.from(body.toString('utf8').replace(/<script type="application\/json" id="reader-data"[^>]*>[^<]*<\/script>/, ''));
    }
    if (hooks.html && type.startsWith('text/html') && !encoding) body = Buffer.from(hooks.html(body.toString('utf8')));
    let encoded = encoding?.name;
    if (!encoding && !fault && COMPRESSIBLE.test(type) && body.length >= MIN_SIZE) {
      const key = `${file}\n${rewrite}\n${req.headers['accept-encoding'] ?? ''}`;
      const mtime = (await stat(file)).mtimeMs;
      let cached = onTheFly.get(key);
      if (cached?.mtime !== mtime) {
        cached = { mtime, copy: compressOnTheFly(body, req.headers['accept-encoding'] ?? '') };
        onTheFly.set(key, cached);
      }
      if (cached.copy) {
        body = cached.copy.body;
        encoded = cached.copy.name;
      }
    }
    if (fault?.truncate !== undefined) body = body.subarray(0, fault.truncate);
    const cuts = fault?.pauseAfter === undefined ? null : cutsAfter(body, fault.pauseAfter);
    if (fault?.pauseAfter !== undefined && !cuts) {
      // A test that meant to send a page in pieces must not pass on a whole one.
      return send(res, urlPath, 500, 'text/plain; charset=utf-8', `the page has no ${JSON.stringify(fault.pauseAfter)} to pause after`);
    }
    const extra = encoded ? { 'content-encoding': encoded, vary: 'Accept-Encoding' } : {};
    res.writeHead(status, headersFor(urlPath, { 'content-type': type, 'content-length': body.length, ...extra }));
    if (req.method !== 'HEAD' && cuts) {
      let sent = 0;
      for (const cut of cuts) {
        res.write(body.subarray(sent, cut));
        sent = cut;
        await sleep(fault.pauseMs ?? 500);
      }
      return res.end(body.subarray(sent));
    }
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      console.error(err);
      if (!res.headersSent) send(res, '/', 500, 'text/plain; charset=utf-8', 'server error');
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
    prefix: arg('prefix', '/'),
  });
  console.log(`serving ${arg('root', 'dist')} at ${server.url}${arg('prefix', '/')} (Ctrl-C to stop)`);
}
