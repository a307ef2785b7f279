/**
 * The playground's server: an emulated spreadsheet with the add-on's menu, the real built sidebar
 * and dialogs (their google.script.run reaches the emulator running dist/Code.js), toasts, alerts,
 * an outbox, the emulated Drive and a clock control, on loopback only. The workbook is saved to
 * its file after every change and loaded on start. `npm start` runs it from the command line
 * (server.ts); the browser tests start it in their own process, one per test file.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  createRuntime,
  ScriptError,
  SheetsEditor,
  type LoadedScript,
  type Runtime,
  type RuntimeState,
} from '../emulator/index.js';
import { wallClock, zonedTime } from '../emulator/time.js';
import { clockTargetProblem, moveClock } from './clock-move.js';
import { loadDemo } from './demo.js';
import { servePageFile, serveSidebar } from './page-files.js';
import { fileState, pageState } from './page-state.js';
import { applyEdit } from './person-edits.js';
import { requestProblem } from './request-guard.js';

const ROOT = resolve(import.meta.dirname, '..');
const BUNDLE = resolve(ROOT, 'dist/Code.js');
const SIDEBAR = resolve(ROOT, 'dist/Sidebar.html');
const MAX_BODY = 1024 * 1024;

export interface PlaygroundOptions {
  /** The workbook's file: loaded on start when it exists, written after every change. */
  file: string;
  /** Start from the demo registry (written over the file). */
  demo?: boolean;
  /** Open the registry as another Google account, given edit access (a second editor). */
  user?: string | undefined;
  /** The most trigger runs one move of the clock replays. */
  maxTriggerRuns: number;
  /** How long a sidebar call waits, as a share of its estimated Apps Script time (0: none). */
  pace: number;
}

export interface RunningPlayground {
  url: string;
  port: number;
  /** Stops listening; resolves when the last connection is closed. */
  close(): Promise<void>;
}

/** google.script.run and google.script.host for a page of the add-on; `closing` is what close() posts. */
const shim = (closing: string): string => `<script>
(function () {
  function runner(success, failure, userObject) {
    return new Proxy({}, {
      get: function (_t, name) {
        if (name === 'withSuccessHandler') return function (f) { return runner(f, failure, userObject); };
        if (name === 'withFailureHandler') return function (f) { return runner(success, f, userObject); };
        if (name === 'withUserObject') return function (o) { return runner(success, failure, o); };
        return function () {
          var args = Array.prototype.slice.call(arguments);
          fetch('/api/run', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ fn: name, args: args }) })
            .then(function (r) { return r.json(); })
            .then(function (body) {
              if (window.parent !== window) window.parent.postMessage({ type: 'registry-changed', activated: body.activated }, location.origin);
              if (body.ok) { if (success) success(body.result, userObject); }
              else if (failure) failure(new Error(body.error), userObject);
            })
            .catch(function (e) { if (failure) failure(e, userObject); });
        };
      }
    });
  }
  window.google = { script: { run: runner(null, null, undefined), host: { close: function () { window.parent.postMessage({ type: '${closing}' }, location.origin); } } } };
})();
</script>`;

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) {
    throw new HttpError(415, 'Send the request body as application/json.');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new HttpError(413, 'The request body is larger than 1 MB.');
    chunks.push(chunk as Buffer);
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'The request body is not valid JSON.');
  }
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new HttpError(400, 'The request body must be a JSON object.');
  return body as Record<string, unknown>;
}

/** google.script.run's pace: a call takes a moment, so busy states show as they would in Sheets. */
function pause(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, Math.min(600, Math.max(0, ms))));
}

/**
 * Starts a playground on `port` of 127.0.0.1 (0: a free one). Rejects with the listening error
 * (EADDRINUSE when another playground holds the port).
 */
export function startPlaygroundServer(
  options: PlaygroundOptions,
  port: number,
): Promise<RunningPlayground> {
  const { maxTriggerRuns, pace } = options;
  const file = resolve(options.file);
  let rt!: Runtime;
  let addon!: LoadedScript;
  /** The person at the page: what they type and change in the registry goes through it. */
  let editor!: SheetsEditor;

  function boot(state?: RuntimeState): void {
    rt = state
      ? createRuntime({ state })
      : createRuntime({ now: new Date(), spreadsheetName: 'My CTO registry' });
    addon = rt.load(BUNDLE);
    editor = new SheetsEditor(rt.drive, () => rt.user);
    // Who opens the registry: the owner, unless `user` names another editor for this run only.
    const user = options.user ?? rt.spreadsheet.owner;
    if (user !== rt.spreadsheet.owner) rt.share(rt.spreadsheet.id, user, 'editor');
    rt.setUser(user);
    // Opening the spreadsheet: Sheets runs onOpen, which builds the add-on menu.
    addon.callWith({ authMode: 'LIMITED' }, 'onOpen', { authMode: 'LIMITED' });
  }

  function save(): void {
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.tmp`;
    writeFileSync(tmp, JSON.stringify(rt.saveState()));
    renameSync(tmp, file);
  }

  function startDemo(): void {
    boot();
    loadDemo(rt, addon);
    save();
  }

  function runFunction(
    fn: string,
    fnArgs: unknown[],
  ): { ok: true; result: unknown } | { ok: false; error: string } {
    try {
      const result = addon.call(fn, ...fnArgs);
      return { ok: true, result };
    } catch (e) {
      if (e instanceof ScriptError || e instanceof TypeError)
        return { ok: false, error: e.message };
      throw e;
    } finally {
      save();
    }
  }

  function menuItems(): { caption: string; functionName: string }[] {
    const out: { caption: string; functionName: string }[] = [];
    for (const m of rt.ui.menus) {
      for (const item of m.items) if ('functionName' in item) out.push(item);
    }
    return out;
  }

  /** Next Monday 07:00 in the spreadsheet's time zone, strictly after now. */
  function nextMondaySeven(): Date {
    const tz = rt.spreadsheet.timeZone;
    const w = wallClock(rt.now.getTime(), tz);
    for (let d = 0; d <= 7; d++) {
      const day = new Date(Date.UTC(w.year, w.month - 1, w.day + d));
      if (day.getUTCDay() !== 1) continue;
      const at = zonedTime(tz, day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), 7, 0);
      if (at > rt.now.getTime()) return new Date(at);
    }
    return new Date(rt.now.getTime() + 7 * 86400000);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const address = server.address();
    const problem = requestProblem(req, typeof address === 'object' && address ? address.port : 0);
    if (problem) throw new HttpError(403, problem);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = `${req.method} ${url.pathname}`;
    if (req.method === 'GET' && (await servePageFile(url.pathname, res))) return;
    switch (route) {
      case 'GET /sidebar':
        serveSidebar(res, readFileSync(SIDEBAR, 'utf8'), shim('close-sidebar'));
        return;
      case 'GET /dialog': {
        // The dialog the add-on opened last, as it handed it to showModalDialog.
        const dialog = rt.ui.dialogs.at(-1);
        if (!dialog) throw new HttpError(404, 'The add-on has no dialog open.');
        serveSidebar(res, dialog.html, shim('close-dialog'));
        return;
      }
      case 'GET /api/state': {
        const tab = url.searchParams.get('tab');
        const tabId = tab === null ? undefined : Number(tab);
        const file = url.searchParams.get('file');
        if (file === null) {
          // The tab the person looks at is the active sheet, as in Sheets: what a sidebar's call
          // asking for the active sheet is given.
          if (tabId !== undefined && rt.spreadsheet.sheetById(tabId))
            rt.spreadsheet.activeSheetId = tabId;
          return json(res, 200, pageState(rt, tabId, editor));
        }
        const state = file === rt.spreadsheet.id ? null : fileState(rt, file, tabId);
        if (!state) throw new HttpError(404, 'No such file in the emulated Drive.');
        return json(res, 200, state);
      }
      case 'POST /api/edit': {
        const answer = applyEdit(rt, editor, await readJson(req));
        if (answer.body.ok) save();
        json(res, answer.status, answer.body);
        return;
      }
      case 'POST /api/run': {
        const body = await readJson(req);
        const fn = body['fn'];
        const fnArgs = body['args'] ?? [];
        if (typeof fn !== 'string' || !Array.isArray(fnArgs))
          throw new HttpError(400, 'Send {"fn": "<function name>", "args": [...]}.');
        if (!addon.functions.includes(fn))
          throw new HttpError(404, `The add-on has no function named ${fn}.`);
        // A script that opened a tab (Sheet.activate, insertSheet) moves the user's view to it, as
        // in Sheets: the page is told which.
        const activeBefore = rt.spreadsheet.activeSheetId;
        const result = runFunction(fn, fnArgs);
        const activeAfter = rt.spreadsheet.activeSheetId;
        await pause((rt.lastExecution?.estimatedMs ?? 0) * pace);
        json(
          res,
          200,
          activeAfter === activeBefore ? result : { ...result, activated: activeAfter },
        );
        return;
      }
      case 'POST /api/menu': {
        const body = await readJson(req);
        const fn = body['functionName'];
        if (typeof fn !== 'string' || !menuItems().some((i) => i.functionName === fn)) {
          throw new HttpError(404, `The add-on menu has no item that runs ${String(fn)}.`);
        }
        json(res, 200, runFunction(fn, []));
        return;
      }
      case 'POST /api/sidebar/close':
        rt.ui.sidebars.length = 0;
        json(res, 200, { ok: true });
        return;
      case 'POST /api/dialog/close':
        rt.ui.dialogs.length = 0;
        json(res, 200, { ok: true });
        return;
      case 'POST /api/clock': {
        const body = await readJson(req);
        const to = body['to'] === undefined ? nextMondaySeven() : new Date(String(body['to']));
        const problem = clockTargetProblem(rt.now, to);
        if (problem) throw new HttpError(400, problem);
        const { fired, cut } = moveClock(rt, to, maxTriggerRuns);
        save();
        json(res, 200, { ok: true, now: rt.now.toISOString(), fired, cut });
        return;
      }
      case 'POST /api/demo':
        await readJson(req);
        startDemo();
        json(res, 200, { ok: true });
        return;
      default:
        throw new HttpError(404, `Nothing at ${route}.`);
    }
  }

  if (options.demo) startDemo();
  else if (existsSync(file)) boot(JSON.parse(readFileSync(file, 'utf8')) as RuntimeState);
  else boot();

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (e instanceof HttpError) json(res, e.status, { ok: false, error: e.message });
      else {
        console.error(e);
        json(res, 500, { ok: false, error: 'The playground failed; see its console.' });
      }
    });
  });

  return new Promise((started, failed) => {
    server.once('error', failed);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', failed);
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      started({
        url: `http://127.0.0.1:${actual}`,
        port: actual,
        close: () =>
          new Promise((closed) => {
            server.close(() => closed());
            server.closeAllConnections();
          }),
      });
    });
  });
}
