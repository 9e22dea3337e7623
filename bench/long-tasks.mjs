// The page's long tasks, named: what each main-thread task of 50 ms or more
// (at the profile's CPU slowdown) spent its time on, read from the trace a
// Lighthouse run recorded. Lighthouse's own `long-tasks` audit attributes a
// task to a script's URL, the document or "Unattributable"; this says what
// the task did (Chromium making the page's JavaScript context, style and
// layout, parsing, paint, or running a script, and whose), so the bench
// can tell the app's work from the browser's.

/** A task of this length or more (at the CPU slowdown) blocks the page. */
const LONG_MS = 50;

/** The script a trace event runs, as its URL ('' for none or unknown). */
const scriptUrl = (event) => event.args?.data?.url ?? event.args?.data?.fileName ?? event.args?.fileName ?? '';

/** What a trace event is part of, or null for an event that only wraps others. */
function kindOf(event, documentUrl) {
  const name = event.name;
  if (name === 'LocalWindowProxy::Initialize' || name === 'V8.DeserializeContext') return 'context';
  if (name === 'UpdateLayoutTree' || name === 'Layout' || name === 'RecalculateStyles') return 'layout';
  if (name === 'ParseHTML' || name === 'ParseAuthorStyleSheet') return 'parse';
  if (name === 'Paint' || name === 'PrePaint' || name === 'Commit' || name === 'Layerize') return 'paint';
  if (/^(EvaluateScript|FunctionCall|TimerFire|RunMicrotasks|v8\.(compile|compileModule|evaluateModule|callFunction|run)|v8\.wasm\..*)$/.test(name)) {
    const url = scriptUrl(event);
    if (!url) return 'script';
    if (url === documentUrl) return 'script: the page’s inline script';
    return `script: ${new URL(url, documentUrl).pathname}`;
  }
  return null;
}

const LABELS = {
  context: 'Chromium making the page’s JavaScript context',
  layout: 'style and layout',
  parse: 'HTML and CSS parsing',
  paint: 'paint',
  script: 'running a script',
};

/**
 * The long tasks of the page `documentUrl` in `trace` (Lighthouse's
 * `artifacts.Trace`), each `{ ms, what, app }`: its length times
 * `multiplier` (Lighthouse's simulated CPU slowdown), what it spent most
 * of its time on, and whether that was the app's script or wasm
 * (`appPath` tests a script's path).
 */
export function longTasks(trace, documentUrl, multiplier, appPath) {
  const events = trace?.traceEvents ?? [];
  const start = events.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame && e.args.data.documentLoaderURL?.startsWith('http'));
  if (!start) return [];
  const main = events.filter((e) => e.pid === start.pid && e.tid === start.tid && e.ph === 'X' && e.ts >= start.ts).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const tasks = main.filter((e) => (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && (e.dur / 1000) * multiplier >= LONG_MS);
  return tasks.map((task) => {
    // Time by kind, each event counted once: an event inside one already
    // counted (a layout inside a script's call) goes to the outer one.
    const spent = new Map();
    let coveredUntil = task.ts;
    for (const event of main) {
      if (event === task || event.ts < task.ts || event.ts + event.dur > task.ts + task.dur || event.ts < coveredUntil) continue;
      const kind = kindOf(event, documentUrl);
      if (!kind) continue;
      spent.set(kind, (spent.get(kind) ?? 0) + event.dur);
      coveredUntil = event.ts + event.dur;
    }
    const [kind] = [...spent.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['other'];
    // The app's, if anything in it runs the app's script or any wasm
    // (the app's work runs in the loader's promise callbacks).
    const app = main.some((e) => e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur
      && (e.name.startsWith('v8.wasm.') || (scriptUrl(e) && appPath(new URL(scriptUrl(e), documentUrl).pathname))));
    return { ms: (task.dur / 1000) * multiplier, what: app ? 'the app (its script and wasm)' : (LABELS[kind] ?? kind), app };
  });
}

/** `tasks` as one line: "108 ms Chromium making …; 72 ms style and layout", longest first. */
export function describe(tasks) {
  if (!tasks.length) return 'none';
  return [...tasks].sort((a, b) => b.ms - a.ms).map((t) => `${Math.round(t.ms)} ms ${t.what}`).join('; ');
}
