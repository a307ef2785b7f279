/**
 * `npm run bench`: Spreadsheet service calls and estimated Apps Script time for the add-on's
 * operations at several registry sizes, run on the built bundle in the emulator. Prints a
 * Markdown table and writes it to bench/results.md.
 */
import { writeFileSync } from 'node:fs';
import { loadAddon } from '../test/support/bundle.js';
import { seedRegistry } from '../test/support/seed.js';

interface Row {
  operation: string;
  size: string;
  calls: number;
  budget: string;
  estimatedMs: number;
  wallMs: number;
}

const rows: Row[] = [];
const ITEMS = 300;

for (const clients of [1, 10, 50]) {
  const { rt, addon } = loadAddon();
  const ids = seedRegistry(rt, addon, clients, ITEMS);
  const target = ids[ids.length - 1] as string;
  const size = `${clients} × ${ITEMS}`;
  let started = performance.now();
  addon.call('addItem', {
    clientId: target,
    kind: 'debt',
    fields: { title: 'Bench item', impact: 4, effort: 2 },
  });
  let report = rt.lastExecution;
  rows.push({
    operation: 'addItem',
    size,
    calls: report?.spreadsheetCalls ?? 0,
    budget: '≤ 8',
    estimatedMs: report?.estimatedMs ?? 0,
    wallMs: performance.now() - started,
  });
  started = performance.now();
  addon.call('updateItem', {
    clientId: target,
    kind: 'debt',
    id: 'D-120',
    fields: { status: 'In progress', impact: 5 },
  });
  report = rt.lastExecution;
  rows.push({
    operation: 'updateItem',
    size,
    calls: report?.spreadsheetCalls ?? 0,
    budget: '≤ 8',
    estimatedMs: report?.estimatedMs ?? 0,
    wallMs: performance.now() - started,
  });
  started = performance.now();
  addon.call('addItem', {
    clientId: target,
    kind: 'decision',
    fields: { title: 'Bench decision', tags: 'auth' },
  });
  report = rt.lastExecution;
  rows.push({
    operation: 'addItem (decision)',
    size,
    calls: report?.spreadsheetCalls ?? 0,
    budget: '≤ 8',
    estimatedMs: report?.estimatedMs ?? 0,
    wallMs: performance.now() - started,
  });
  started = performance.now();
  addon.call('relatedDecisions', { tags: 'auth', excludeClientId: ids[0] });
  report = rt.lastExecution;
  rows.push({
    operation: 'relatedDecisions',
    size,
    calls: report?.spreadsheetCalls ?? 0,
    budget: '—',
    estimatedMs: report?.estimatedMs ?? 0,
    wallMs: performance.now() - started,
  });
  started = performance.now();
  addon.call('getRegistry');
  report = rt.lastExecution;
  rows.push({
    operation: 'getRegistry',
    size,
    calls: report?.spreadsheetCalls ?? 0,
    budget: '—',
    estimatedMs: report?.estimatedMs ?? 0,
    wallMs: performance.now() - started,
  });
}

const lines = [
  '| operation | clients × items | Spreadsheet calls | budget | estimated Apps Script time | emulator wall time |',
  '| --- | --- | ---: | --- | ---: | ---: |',
  ...rows.map(
    (r) =>
      `| ${r.operation} | ${r.size} | ${r.calls} | ${r.budget} | ${(r.estimatedMs / 1000).toFixed(2)} s | ${r.wallMs.toFixed(0)} ms |`,
  ),
];
const table = lines.join('\n');
console.log(table);
writeFileSync(
  new URL('./results.md', import.meta.url),
  `# Bench results\n\nMeasured by \`npm run bench\` on the built \`dist/Code.js\` in the emulator (Node ${process.version}, ${new Date().toISOString().slice(0, 10)}). Estimated time comes from the emulator's latency model (see emulator/README.md); the 6-minute Apps Script limit is 360 s.\n\n${table}\n`,
);
