/** Starts and stops the playground server, and connects to the headless Chromium, for browser tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { dirname, join, resolve } from 'node:path';
import {
  chromium as playwright,
  type Browser,
  type FrameLocator,
  type Locator,
  type Page,
} from 'playwright-core';
import { inject } from 'vitest';
import {
  createRuntime,
  type LoadedScript,
  type Runtime,
  type RuntimeOptions,
} from '../../emulator/index.js';
import { MAX_TRIGGER_RUNS } from '../../playground/clock-move.js';
import { loadDemo } from '../../playground/demo.js';
import { startPlaygroundServer } from '../../playground/playground-server.js';
import { BUNDLE, restorable, type Loaded } from './bundle.js';
import { browserOptions } from './browser.js';
import { tempDir } from './temp.js';

const ROOT = resolve(import.meta.dirname, '../..');
export const SCREENSHOTS = resolve(ROOT, 'test-results/screenshots');

export interface Playground {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the playground on a free port, as `npm start` would with `extra`'s flags (`--pace`,
 * `--user`, `--max-trigger-runs`, `--demo`). Its sidebar calls answer at once (`--pace 0`) unless
 * `extra` sets a pace: only a test of a busy state needs a call to take its moment. It runs in the
 * test's own process (a server process per test file cost a start of Node, HyperFormula and the
 * add-on each time), except with a pace: a test of a busy state watches the page while a call is
 * under way, which it cannot do while its own process runs the call.
 */
export async function startPlayground(file: string, extra: string[] = []): Promise<Playground> {
  if (extra.includes('--pace')) return spawnPlayground(file, extra);
  const { values } = parseArgs({
    args: extra,
    options: {
      demo: { type: 'boolean', default: false },
      user: { type: 'string' },
      'max-trigger-runs': { type: 'string', default: String(MAX_TRIGGER_RUNS) },
      pace: { type: 'string', default: '0' },
    },
  });
  const running = await startPlaygroundServer(
    {
      file,
      demo: values.demo,
      user: values.user,
      maxTriggerRuns: Number(values['max-trigger-runs']),
      pace: Number(values.pace),
    },
    0,
  );
  return { url: running.url, stop: () => running.close() };
}

/** The playground as a process of its own, as `npm start` runs it. */
function spawnPlayground(file: string, extra: string[]): Promise<Playground> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['.playground/server.mjs', '--file', file, '--port', '0', ...extra],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolvePromise, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`playground did not start:\n${output}`)),
      30000,
    );
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const m = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        resolvePromise({
          url: m[1],
          stop: () =>
            new Promise((done) => {
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`playground exited (${code}):\n${output}`)));
  });
}

/**
 * Writes the file the playground starts from, with the runtime options a test asserts (the user,
 * the sheet's zone) given by the test rather than left to the emulator; the clock is the real
 * present and the file's name the playground's, as `npm start` has them. With `demo`, the demo
 * registry is loaded, as `--demo` would.
 */
export function writeRegistry(
  file: string,
  { demo = false, ...options }: RuntimeOptions & { demo?: boolean },
  prepare?: (rt: Runtime, addon: LoadedScript) => void,
): void {
  let rt: Runtime;
  if (demo) {
    const loaded = demoLoaded(options);
    rt = loaded.rt;
    prepare?.(rt, loaded.addon);
  } else {
    rt = createRuntime({ now: new Date(), spreadsheetName: 'My CTO registry', ...options });
    if (prepare) prepare(rt, rt.load(BUNDLE));
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(rt.saveState()));
}

/** The demo registry for each set of options, built once (it costs seconds) and then restored. */
const demos = new Map<string, () => Loaded>();

/**
 * The demo registry under `options`, as `npm start --demo` builds it, restored into a runtime of
 * its own. It is built once and kept on disk (as `restorable` keeps a registry) under its
 * options; without a clock in them, at the real present, kept under today's date, so every file
 * of a run starts from the same demo, made the same day.
 */
function demoLoaded(options: RuntimeOptions): Loaded {
  const key = JSON.stringify({
    ...options,
    now: options.now ?? new Date().toISOString().slice(0, 10),
  });
  let demo = demos.get(key);
  if (!demo) {
    const now = options.now ?? new Date();
    demo = restorable(
      () => {
        const rt = createRuntime({ spreadsheetName: 'My CTO registry', ...options, now });
        const addon = rt.load(BUNDLE);
        loadDemo(rt, addon);
        return { rt, addon };
      },
      { cacheAs: `demo-${createHash('sha256').update(key).digest('hex').slice(0, 12)}` },
    );
    demos.set(key, demo);
  }
  return demo();
}

/**
 * A fresh file holding the demo registry, the CTO's, in London (as the tests read it), after
 * `prepare` has done to it whatever the test needs.
 */
export function demoRegistry(prepare?: (rt: Runtime, addon: LoadedScript) => void): string {
  const file = join(tempDir('playground-'), 'registry.json');
  writeRegistry(file, { demo: true, user: 'cto@example.com', timeZone: 'Europe/London' }, prepare);
  return file;
}

/** Opens the playground and the add-on's sidebar, with `client` chosen when given. */
export async function openSidebar(page: Page, url: string, client?: string): Promise<FrameLocator> {
  await page.goto(url);
  await addonMenu(page).click();
  await page.getByRole('menuitem', { name: 'Open registry' }).click();
  const side = page.frameLocator('#sidebar-frame');
  if (client) await side.getByLabel('Client', { exact: true }).selectOption({ label: client });
  return side;
}

/** The add-on's menu in the playground's header, found without relying on its title. */
export function addonMenu(page: Page): Locator {
  return page.getByRole('button', { name: /^Extensions ▸ / });
}

/**
 * The run's shared Chromium (test/global-setup.ts), connected to for this file: `close()` closes
 * the file's pages and contexts and disconnects. Without it (a filter the setup misread), a
 * Chromium of the file's own.
 */
export async function launchBrowser(): Promise<Browser> {
  const endpoint = inject('browserEndpoint');
  if (endpoint) return playwright.connect(endpoint);
  return playwright.launch(await browserOptions());
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`) });
}

/** A cell of the drawn grid, by its 1-based row and column. */
export function gridCell(page: Page, row: number, column: number) {
  return page.locator(`#grid tr[data-row="${row}"] td[data-c="${column}"]`);
}
