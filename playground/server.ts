/**
 * `npm start`: the local playground (playground-server.ts) from the command line. Serves, on
 * loopback only, an emulated spreadsheet with the add-on's menu, the real built sidebar and
 * dialogs, toasts, alerts, an outbox, the emulated Drive and a clock control. The workbook is
 * saved to a local file after every change and loaded on start.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MAX_TRIGGER_RUNS } from './clock-move.js';
import { startPlaygroundServer } from './playground-server.js';

const ROOT = resolve(import.meta.dirname, '..');

const { values: args } = parseArgs({
  options: {
    file: { type: 'string', default: resolve(ROOT, '.playground/registry.json') },
    demo: { type: 'boolean', default: false },
    port: { type: 'string', default: process.env['PORT'] ?? '8080' },
    /** Open the registry as another Google account, given edit access (a second editor). */
    user: { type: 'string' },
    /** The most trigger runs one move of the clock replays. */
    'max-trigger-runs': { type: 'string', default: String(MAX_TRIGGER_RUNS) },
    /** How long a sidebar call waits, as a share of its estimated Apps Script time (0: none). */
    pace: { type: 'string', default: '0.3' },
  },
});
const FILE = resolve(String(args.file));
const MAX_RUNS = Number(args['max-trigger-runs']);
if (!Number.isInteger(MAX_RUNS) || MAX_RUNS < 1) {
  console.error(
    `--max-trigger-runs must be a whole number of 1 or more (found "${args['max-trigger-runs']}").`,
  );
  process.exit(2);
}
const PACE = Number(args.pace);
if (!Number.isFinite(PACE) || PACE < 0) {
  console.error(`--pace must be a number of 0 or more (found "${args.pace}").`);
  process.exit(2);
}

const port = Number(args.port);
try {
  const playground = await startPlaygroundServer(
    { file: FILE, demo: args.demo, user: args.user, maxTriggerRuns: MAX_RUNS, pace: PACE },
    port,
  );
  console.log(`CTO Registry playground on ${playground.url} (workbook: ${FILE})`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      void playground.close();
      process.exit(0);
    });
  }
} catch (e) {
  const error = e as NodeJS.ErrnoException;
  if (error.code === 'EADDRINUSE') {
    console.error(
      `Port ${port} is in use (another playground?): start on another with PORT=${port + 1} npm start.`,
    );
  } else console.error(`The playground could not listen on port ${port}: ${error.message}`);
  process.exit(1);
}
