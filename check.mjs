/**
 * The checks `npm test` runs before the tests: the typecheck, ESLint and Prettier, started at
 * once. Each is mostly one process's work, so on two cores they end in about the time of the
 * longest instead of the sum. Each one's output is held and printed whole, in this order, under a
 * line naming the check; the exit code is non-zero when any check failed.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const BIN = resolve(import.meta.dirname, 'node_modules/.bin');

const CHECKS = [
  { name: 'typecheck', command: 'tsc', args: ['--noEmit', '-p', '.'] },
  { name: 'eslint', command: 'eslint', args: ['.'] },
  { name: 'prettier', command: 'prettier', args: ['--check', '.'] },
];

function run({ command, args }) {
  const started = Date.now();
  return new Promise((done) => {
    const child = spawn(resolve(BIN, command), args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
    child.on('error', (e) =>
      done({ code: 1, output: `${output}${e.message}\n`, seconds: seconds() }),
    );
    child.on('close', (code) => done({ code: code ?? 1, output, seconds: seconds() }));
  });
}

const running = CHECKS.map((check) => ({ check, result: run(check) }));
let failed = 0;
for (const { check, result } of running) {
  const { code, output, seconds } = await result;
  const verdict = code === 0 ? 'passed' : `FAILED (exit ${code})`;
  console.log(
    `> ${check.name}: ${check.command} ${check.args.join(' ')} ${verdict} in ${seconds} s`,
  );
  if (output.trim()) console.log(output.trimEnd());
  if (code !== 0) failed++;
}
if (failed > 0) {
  console.log(`${failed} of ${CHECKS.length} checks failed.`);
  process.exit(1);
}
