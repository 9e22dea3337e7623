// Preview while editing: serves a finished build the way the test server
// does (scripts/cdn-server.mjs), watches the content folder, and on every
// save updates the build in place (`scripts/pipeline.sh update`, what
// scripts/update.sh runs: only the pages whose content changed are
// rendered), with the tools found once (`--tools`, else
// `scripts/pipeline.sh tools`). Every page open in the
// preview then reloads itself; a content error is shown on the page
// instead, as `file:line:column: what is wrong`, until it is fixed. The
// search index is updated in place from the saved article (only the
// files of its words change), so a search finds the edit at once.
// `--check-first` (scripts/preview.sh, when its build failed on the
// content) updates once at the start, so that the pages show the error
// from the first; a page opened later is told it as it connects.
//
//   node scripts/preview.mjs [--content content] [--root dist] [--port 8080] [--tools <folder>] [--configs target/deploy] [--check-first]
//
// scripts/preview.sh builds what is missing first.

import { spawn } from 'node:child_process';
import { watch } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './cdn-server.mjs';

/** What each page of the preview runs: reload once the build has the change. */
const RELOAD = `// The preview's reload (scripts/preview.mjs): reloads the page once the
// build has a saved change; shows a content error until it is fixed.
const events = new EventSource('/__preview/events');
events.addEventListener('changed', () => location.reload());
events.addEventListener('problem', (event) => {
  let note = document.getElementById('preview-problem');
  if (!note) {
    note = document.createElement('pre');
    note.id = 'preview-problem';
    note.setAttribute('role', 'alert');
    Object.assign(note.style, { margin: '0', padding: '1em', background: '#fff3cd', color: '#1a1a1a', whiteSpace: 'pre-wrap', font: '14px/1.4 monospace' });
    document.body.prepend(note);
  }
  note.textContent = JSON.parse(event.data).message;
});
`;

/** The site's pipeline: its stages and their order (content, then prerender). */
const PIPELINE = fileURLToPath(new URL('pipeline.sh', import.meta.url));

/** Runs `command` with `env` added; resolves to { code, signal, output }. */
function run(command, args, env = {}) {
  return new Promise((done) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code, signal) => done({ code, signal, output }));
  });
}

/**
 * Starts the preview. Resolves to { url, close(), updates } where
 * `updates` lists each update's { ms, ok, output }.
 */
export async function startPreview({ content = 'content', root = 'dist', port = 0, host = '127.0.0.1', tools, configs = 'target/deploy', checkFirst = false } = {}) {
  // The tools, found once: READER_TOOLS's, as the pipeline takes them,
  // else built if they are not (the profile of READER_TOOLS_PROFILE).
  tools ||= process.env.READER_TOOLS;
  if (!tools) {
    const found = await run(PIPELINE, ['tools']);
    if (found.code !== 0) throw new Error(`the preview's tools could not be built:\n${found.output}`);
    tools = found.output.trim().split('\n').pop();
  }
  const clients = new Set();
  const updates = [];
  // The content error of the last update, until one succeeds: told to
  // every page as it connects.
  let problem = null;
  const send = (event, data) => {
    for (const res of clients) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  const server = await startServer({
    root,
    port,
    host,
    hooks: {
      route(urlPath, req, res) {
        if (urlPath === '/__preview/reload.js') {
          res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' });
          res.end(RELOAD);
          return true;
        }
        if (urlPath === '/__preview/events') {
          res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
          res.write(': the preview\n\n');
          if (problem) res.write(`event: problem\ndata: ${JSON.stringify(problem)}\n\n`);
          clients.add(res);
          req.on('close', () => clients.delete(res));
          return true;
        }
        return false;
      },
      // A same-origin script: the page's Content-Security-Policy allows it.
      html: (text) => text.replace('</body>', '<script type="module" src="/__preview/reload.js"></script></body>'),
    },
  });

  let running = false;
  let again = false;
  const update = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    const started = performance.now();
    const result = await run(PIPELINE, ['update', resolve(content), resolve(root)], { READER_TOOLS: resolve(tools), READER_DEPLOY_CONFIGS: resolve(configs) });
    const ms = performance.now() - started;
    const ok = result.code === 0;
    const entry = { ms, ok, output: result.output };
    updates.push(entry);
    if (ok) {
      console.log(`updated in ${ms.toFixed(0)} ms`);
      problem = null;
      send('changed', { ms });
    } else {
      console.error(result.output);
      problem = { message: result.output.trim() };
      send('problem', problem);
    }
    running = false;
    if (again) {
      again = false;
      await update();
    }
  };
  // Editors' tools save in bursts (a temporary file, a rename): one update
  // for each burst.
  let timer = null;
  const watcher = watch(resolve(content), { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(update, 30);
  });
  const checked = checkFirst ? update() : Promise.resolve();
  return {
    url: server.url,
    updates,
    /** Resolves once the first update (`checkFirst`) is done. */
    checked,
    close: async () => {
      await checked;
      watcher.close();
      clearTimeout(timer);
      for (const res of clients) res.end();
      await server.close();
    },
  };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const arg = (name, fallback) => {
    const at = process.argv.indexOf(`--${name}`);
    return at > 0 ? process.argv[at + 1] : fallback;
  };
  const preview = await startPreview({
    content: arg('content', 'content'),
    root: arg('root', 'dist'),
    port: Number(arg('port', '8080')),
    host: arg('host', '127.0.0.1'),
    tools: arg('tools', undefined),
    configs: arg('configs', process.env.READER_DEPLOY_CONFIGS || 'target/deploy'),
    checkFirst: process.argv.includes('--check-first'),
  });
  console.log(`previewing ${arg('content', 'content')} at ${preview.url}/ (saves show there; Ctrl-C to stop)`);
}
