/**
 * `npm test`: the checks (check.mjs: typecheck, ESLint, Prettier) and the tests (`vitest run`,
 * whose global setup builds dist/) side by side, not one after the other. On two cores the tests
 * leave a core idle while the add-on builds, Chromium starts and a browser test waits on a page;
 * the checks fill those gaps instead of holding the tests back for their whole time.
 *
 * Vitest's output is passed through line by line as it comes; the checks' output is printed whole
 * when they end, between two of Vitest's lines. The run still ends with the summary line
 * (`Tests: N passed, N failed`, test/summary-reporter.ts), held back until both are done and
 * preceded by one line per check. The exit code is non-zero when a check or the tests failed.
 * Arguments are passed to Vitest (`npm test -- test/bundle`).
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const SUMMARY = /^Tests: \d+ passed, \d+ failed$/;
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/** Runs a child with its output piped; `onLine` gets each whole line of its standard output. */
function run(command, args, { onLine, onError, env }) {
  const child = spawn(command, args, {
    cwd: ROOT,
    stdio: ['inherit', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  const lines = (stream, each) => {
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop() ?? '';
      for (const line of parts) each(line);
    });
    stream.on('end', () => {
      if (rest) each(rest);
    });
  };
  lines(child.stdout, onLine);
  lines(child.stderr, onError);
  return new Promise((done) => {
    child.on('error', (e) => {
      onError(`${command}: ${e.message}`);
      done(1);
    });
    child.on('close', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

// Colours as a terminal would show them, though Vitest writes to a pipe.
const colour = process.stdout.isTTY ? { FORCE_COLOR: '1' } : {};

const checkOutput = [];
const checks = run(process.execPath, ['check.mjs'], {
  onLine: (line) => checkOutput.push(line),
  onError: (line) => checkOutput.push(line),
  env: colour,
}).then((code) => {
  process.stdout.write(`${checkOutput.join('\n')}\n`);
  return code;
});

let summary = null;
const tests = run(
  process.execPath,
  [resolve(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', ...process.argv.slice(2)],
  {
    onLine: (line) => {
      if (SUMMARY.test(line.replace(ANSI, '').trim())) summary = line;
      else process.stdout.write(`${line}\n`);
    },
    onError: (line) => process.stderr.write(`${line}\n`),
    env: colour,
  },
);

const [checksCode, testsCode] = await Promise.all([checks, tests]);
// One line per check again, just above the summary, where a failed check cannot be missed.
for (const line of checkOutput) if (/^> \w+: .* (passed|FAILED) in /.test(line)) console.log(line);
if (summary === null) console.log('Vitest ended without its summary line.');
else console.log(summary);
process.exitCode = checksCode !== 0 || testsCode !== 0 || summary === null ? 1 : 0;
