// The generated nginx configuration (target/deploy/nginx/reader.conf), run
// by a real nginx on 127.0.0.1 over the release dist/: deep links get the
// app, missing content a real 404, wasm its type, every response the same
// security headers as _headers, and the app runs in Chromium under them.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { REPO, SEED_SLUG, heading, launchBrowser, openPage, seedLine } from '../browser/support.mjs';

const DIST = join(REPO, 'dist');
const policy = readFileSync(join(DIST, '_headers'), 'utf8').match(/Content-Security-Policy: (.*)/)[1];
let nginx;
let url;
/** nginx's scratch folder (its configuration, pid and logs), removed after. */
let dir;

const freePort = () =>
  new Promise((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });

before(async () => {
  const port = await freePort();
  dir = mkdtempSync(join(tmpdir(), 'reader-nginx-'));
  const site = readFileSync(join(REPO, 'target/deploy/nginx/reader.conf'), 'utf8')
    .replace('listen 80;', `listen 127.0.0.1:${port};`)
    .replaceAll('@ROOT@', DIST);
  writeFileSync(
    join(dir, 'nginx.conf'),
    `daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events {}
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
${site}
}
`,
  );
  nginx = spawn('nginx', ['-c', join(dir, 'nginx.conf'), '-p', dir], { stdio: ['ignore', 'inherit', 'inherit'] });
  url = `http://127.0.0.1:${port}`;
  for (let tries = 0; tries < 100; tries += 1) {
    if (await fetch(url).then(() => true, () => false)) return;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error('nginx did not start');
});

after(async () => {
  if (nginx && nginx.exitCode === null) {
    const exited = new Promise((done) => nginx.once('exit', done));
    nginx.kill();
    await exited;
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('nginx with the generated configuration', () => {
  test('pages get their prerendered files, anything missing the "not found" page with a real 404', async () => {
    const cases = [
      ['/', 200, 'text/html', 'News &amp; Events'],
      [`/news/${SEED_SLUG}`, 200, 'text/html', seedLine(3)],
      [`/news/${SEED_SLUG}/`, 200, 'text/html', seedLine(3)],
      ['/news/no-such-article', 404, 'text/html', 'Page not found'],
      ['/content/list/front.json', 200, 'application/json', SEED_SLUG],
      ['/content/articles/missing.json', 404, 'text/html', 'Page not found'],
    ];
    for (const [path, status, type, text] of cases) {
      const response = await fetch(url + path);
      assert.equal(response.status, status, path);
      assert.ok((await response.text()).includes(text), `${path} does not show ${text}`);
      assert.ok(response.headers.get('content-type').startsWith(type), `${path}: ${response.headers.get('content-type')}`);
      assert.equal(response.headers.get('content-security-policy'), policy, path);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(response.headers.get('cache-control'), 'no-cache', path);
    }
  });

  test('hashed files are immutable; wasm is application/wasm', async () => {
    const wasm = readFileSync(join(DIST, 'index.html'), 'utf8').match(/\/(reader-[0-9a-f]+_bg\.wasm)/)[1];
    const response = await fetch(`${url}/${wasm}`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/wasm');
    assert.equal(response.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(response.headers.get('content-security-policy'), policy);
    // The build's gzip copy, where the client takes gzip (gzip_static).
    const zipped = await new Promise((done, fail) => {
      get(`${url}/${wasm}`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        res.resume();
        res.on('end', () => done(res.headers));
      }).on('error', fail);
    });
    assert.equal(zipped['content-encoding'], 'gzip');
    assert.equal(Number(zipped['content-length']), statSync(join(DIST, `${wasm}.gz`)).size);
  });

  test('pages and content are gzipped as they are sent (the build makes copies of the app only)', async () => {
    for (const [path, file] of [[`/news/${SEED_SLUG}`, `news/${SEED_SLUG}/index.html`], ['/content/list/front.json', 'content/list/front.json']]) {
      assert.ok(!existsSync(join(DIST, `${file}.gz`)), file);
      const { headers, body } = await new Promise((done, fail) => {
        get(`${url}${path}`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
          const chunks = [];
          res.on('data', (chunk) => chunks.push(chunk));
          res.on('end', () => done({ headers: res.headers, body: Buffer.concat(chunks) }));
        }).on('error', fail);
      });
      assert.equal(headers['content-encoding'], 'gzip', path);
      assert.ok(gunzipSync(body).equals(readFileSync(join(DIST, file))), path);
    }
  });

  test('the app runs under nginx with no console errors', async () => {
    const browser = await launchBrowser();
    const { page, problems } = await openPage(browser);
    await page.goto(`${url}/news/${SEED_SLUG}`);
    assert.equal(await heading(page), seedLine(3));
    await page.locator('.site-footer h2').waitFor({ state: 'attached' });
    assert.deepEqual(problems, []);
    await browser.close();
  });
});
