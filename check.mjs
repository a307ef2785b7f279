/**
 * The checks `npm test` runs beside the tests (scripts/test.mjs): the typecheck, ESLint and
 * Prettier. The typecheck and ESLint's type-aware rules share one TypeScript program, built once
 * here: ESLint run on its own builds and checks a program of its own, about a third of the three
 * checks' CPU again. Prettier runs beside them in its own process, so on two cores the checks end
 * in about the time of the longest. Each check's output is printed whole, in order, under a line
 * naming it and its time; the exit code is non-zero when any check failed. `npm run typecheck`
 * and `npm run lint` run the same checks one by one.
 *
 * What a check found of an unchanged file is kept under node_modules/.cache (one folder per
 * checkout): the typecheck's as `tsc --incremental` keeps it, Prettier's with its `--cache` keyed
 * by each file's content. A file, option or version that changed is checked again; a run after
 * `npm ci` starts empty and checks everything. ESLint keeps nothing: a type-aware rule's finding
 * in one file can change with another file.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import ts from 'typescript';
import { ESLint } from 'eslint';

const ROOT = import.meta.dirname;
const BIN = resolve(ROOT, 'node_modules/.bin');
/** Where the checks keep what they found, per checkout (node_modules may be shared). */
const CACHE = resolve(
  ROOT,
  'node_modules/.cache/cto-registry-checks',
  createHash('sha256').update(ROOT).digest('hex').slice(0, 12),
);
/** The files ESLint checks with type information (eslint.config.js says the same). */
const TYPED = ['src/**/*.ts', 'sidebar/**/*.{ts,tsx}', 'records-dialog/**/*.{ts,tsx}'];

const since = (started) => ((Date.now() - started) / 1000).toFixed(1);

function prettier() {
  const started = Date.now();
  return new Promise((done) => {
    const args = ['--check', '.', '--cache', '--cache-strategy', 'content'];
    const child = spawn(
      resolve(BIN, 'prettier'),
      [...args, '--cache-location', `${CACHE}/prettier`],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (e) =>
      done({ ok: false, output: `${output}${e.message}\n`, seconds: since(started) }),
    );
    child.on('close', (code) => done({ ok: code === 0, output, seconds: since(started) }));
  });
}

function typecheck() {
  const started = Date.now();
  const host = {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  };
  const config = ts.getParsedCommandLineOfConfigFile(resolve(ROOT, 'tsconfig.json'), {}, host);
  const builder = ts.createIncrementalProgram({
    rootNames: config.fileNames,
    options: {
      ...config.options,
      incremental: true,
      tsBuildInfoFile: `${CACHE}/typecheck.tsbuildinfo`,
    },
    configFileParsingDiagnostics: config.errors,
  });
  const diagnostics = [
    ...config.errors,
    ...builder.getOptionsDiagnostics(),
    ...builder.getGlobalDiagnostics(),
    ...builder.getSyntacticDiagnostics(),
    ...builder.getSemanticDiagnostics(),
  ];
  // With noEmit, what is written is the build info alone.
  builder.emit();
  const program = builder.getProgram();
  const output = ts.formatDiagnosticsWithColorAndContext(diagnostics, {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => ROOT,
    getNewLine: () => '\n',
  });
  return { program, ok: diagnostics.length === 0, output, seconds: since(started) };
}

async function lint(program) {
  const started = Date.now();
  const eslint = new ESLint({
    cwd: ROOT,
    overrideConfig: [
      {
        files: TYPED,
        languageOptions: { parserOptions: { projectService: false, programs: [program] } },
      },
    ],
  });
  const results = await eslint.lintFiles(['.']);
  const output = await (await eslint.loadFormatter('stylish')).format(results);
  const errors = results.reduce((n, r) => n + r.errorCount + r.fatalErrorCount, 0);
  return { ok: errors === 0, output, seconds: since(started) };
}

const formatting = prettier();
const types = typecheck();
const results = [
  ['typecheck', 'tsc --noEmit -p .', types],
  ['eslint', 'eslint .', await lint(types.program)],
  ['prettier', 'prettier --check .', await formatting],
];
let failed = 0;
for (const [name, command, { ok, output, seconds }] of results) {
  console.log(`> ${name}: ${command} ${ok ? 'passed' : 'FAILED'} in ${seconds} s`);
  if (output.trim()) console.log(output.trimEnd());
  if (!ok) failed++;
}
if (failed > 0) {
  console.log(`${failed} of ${results.length} checks failed.`);
  process.exit(1);
}
