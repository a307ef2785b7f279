/**
 * Decision records, export then import, over random decisions: whatever a person typed (Markdown
 * characters, line breaks, links between decisions) comes back field for field, in both forms;
 * and no private note's text is in any exported file, nor in the Decision log.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decisionRecordFiles, RECORD_FORMS } from '../../src/domain/decision-export.js';
import { planImport, titleKey } from '../../src/domain/decision-import-plan.js';
import { EXPORTED_DECISION_KEYS, exportedFields } from '../../src/domain/decision-records.js';
import { addSchema, type ItemFields } from '../../src/domain/item-schemas.js';
import { DECISION_STATUSES } from '../../src/domain/registry-layout.js';
import { discoverClients } from '../../src/domain/discover-clients.js';
import {
  applyEdit,
  draftRegistry,
  editsShape,
  leakIn,
  registryShape,
} from '../support/hand-edits.js';
import { recordOf } from './client-tab-fixture.js';
import { exportableDecisions } from '../../src/domain/decision-export-guard.js';
import { decisionLog, loggableRows } from '../../src/domain/decision-log.js';

const RUNS = 300;

/** Characters that are Markdown, YAML or this add-on's own markers, among ordinary ones. */
const CHARS = [
  ...'abcXYZ 019',
  ...'#|`*_[]()<>\\~&!-+=.:"\'{}',
  '<br>',
  '<!--',
  '-->',
  '\t',
  'é',
  '😀',
  'Supersedes ',
  'Date: ',
  '* ',
  '## ',
  '---',
];
const line = fc.string({ unit: fc.constantFrom(...CHARS), maxLength: 30 });
const lines = (max: number) => fc.array(line, { maxLength: max }).map((ls) => ls.join('\n'));
const trimmed = (a: fc.Arbitrary<string>) => a.map((s) => s.trim());
const date = fc.option(
  fc
    .date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  { nil: '' },
);
const tag = fc.stringMatching(/^[a-z][a-z0-9#+. -]{0,8}$/).map((t) => t.trim());

const decisionShape = fc.record({
  title: trimmed(fc.string({ unit: fc.constantFrom(...CHARS, '\n'), minLength: 1, maxLength: 40 })),
  status: fc.constantFrom(...DECISION_STATUSES),
  proposedOn: date,
  decidedOn: date,
  due: date,
  deciders: trimmed(line),
  context: trimmed(lines(4)),
  optionsConsidered: fc
    .array(trimmed(line), { maxLength: 4 })
    .map((ls) => ls.filter(Boolean).join('\n')),
  decision: trimmed(lines(3)),
  consequences: trimmed(lines(3)),
  tags: fc.uniqueArray(tag, { maxLength: 4 }).map((ts) => ts.join(', ')),
  exception: trimmed(line),
  link: fc.constantFrom('', 'https://example.com/a_b?c=*d*&e=[1]', 'http://x.io/#|'),
  supersedes: fc.nat(20),
  privateNote: fc.string({ maxLength: 10 }).map((s) => `PRIVATE-NOTE-${s}`),
});

const clientShape = fc
  .uniqueArray(fc.record({ n: fc.integer({ min: 1, max: 60 }), d: decisionShape }), {
    minLength: 1,
    maxLength: 7,
    selector: (x) => x.n,
  })
  .filter((rows) => new Set(rows.map((r) => titleKey(r.d.title))).size === rows.length)
  .filter((rows) => rows.every((r) => r.d.title !== ''))
  .map((rows) =>
    rows.map(({ n, d }, i) => {
      const target = rows[d.supersedes % rows.length];
      const supersedes =
        d.supersedes > 10 && target && i !== rows.indexOf(target) ? `ADR-${target.n}` : '';
      const id = `ADR-${n}`;
      const fields = addSchema('decision').parse({ ...d, supersedes }) as ItemFields;
      return { id, fields: { ...fields, id } };
    }),
  );

describe('decision records, export then import (property)', () => {
  for (const form of RECORD_FORMS) {
    it(`every exported field of every decision reads back as it was, ${form} form, over ${RUNS} random clients`, () => {
      fc.assert(
        fc.property(clientShape, (rows) => {
          const files = decisionRecordFiles([{ name: 'Acme', decisions: rows }], form);
          const plan = planImport(
            files.map((f) => ({ name: f.path, text: f.text })),
            [],
            0,
          );
          expect(plan.duplicates).toEqual([]);
          expect(plan.notes).toEqual([]);
          // The index (and adr-tools' .adr-dir) are the files that are not decisions.
          expect(plan.skipped.map((s) => s.file)).toEqual(
            form === 'nygard' ? ['index.md', '.adr-dir'] : ['index.md'],
          );
          const byId = new Map(plan.rows.map((r) => [r.id, r.fields]));
          for (const row of rows) {
            const back = byId.get(row.id);
            const want = exportedFields(row.fields);
            for (const key of EXPORTED_DECISION_KEYS) {
              if (key === 'id') continue;
              expect({ id: row.id, key, value: back?.[key] }).toEqual({
                id: row.id,
                key,
                value: want[key],
              });
            }
          }
          expect(plan.rows).toHaveLength(rows.length);
        }),
        { numRuns: RUNS },
      );
    });
  }

  it(`no private note is in any exported file, in either form, over ${RUNS} random clients`, () => {
    fc.assert(
      fc.property(clientShape, fc.string({ minLength: 6, maxLength: 12 }), (rows, secret) => {
        const token = `PRIVATE-${secret}`;
        const withNotes = rows.map((r) => ({
          ...r,
          fields: { ...r.fields, privateNote: token, somethingPrivate: token },
        }));
        for (const form of RECORD_FORMS) {
          for (const f of decisionRecordFiles([{ name: 'Acme', decisions: withNotes }], form)) {
            expect(f.text).not.toContain(token);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it(`a client's export holds no private text and nothing of another client's, over ${RUNS} random registries under hand edits`, () => {
    let exported = 0;
    let withheld = 0;
    fc.assert(
      fc.property(registryShape, editsShape, (shape, edits) => {
        const draft = draftRegistry(shape);
        for (const { tab, edit } of edits) applyEdit(draft, tab, edit);
        const found = discoverClients(
          draft.tabs.map((t, i) => ({
            grid: t.grid,
            markedId: () => null,
            id: () => String(i),
            tabName: () => t.name,
          })),
        );
        for (const c of found.clients) {
          const tab = draft.tabs[c.position]!;
          const record = recordOf(tab.grid, c.id, tab.name, c.layout);
          const exportable = exportableDecisions(tab.grid, tab.formulas, c.layout, tab.name);
          if ('doubt' in exportable) {
            withheld++;
            continue;
          }
          for (const form of RECORD_FORMS) {
            const files = decisionRecordFiles(
              // A name shown by a formula may be anyone's text: the tab's name stands in for it.
              [
                {
                  name: exportable.typedName ? record.name : tab.name,
                  decisions: exportable.decisions,
                },
              ],
              form,
            );
            const leak = leakIn(JSON.stringify(files), tab.owner);
            if (leak) throw new Error(`${leak} reached ${record.name}'s ${form} export`);
            exported += exportable.decisions.length;
          }
        }
      }),
      { numRuns: RUNS },
    );
    // The runs export decisions, and withhold sections in doubt.
    expect(exported).toBeGreaterThan(RUNS);
    expect(withheld).toBeGreaterThan(0);
  });

  // The log is read from values alone, as Priorities is (reading each tab's formulas would cost a
  // call per client on every refresh): a formula a person typed into a decision's field shows
  // there, and in the log, whatever it points at, in the registry itself (ADR 24). Every other
  // hand edit is made.
  it(`the Decision log holds no private note or private column, over ${RUNS} random registries under hand edits but formulas`, () => {
    let logged = 0;
    fc.assert(
      fc.property(registryShape, editsShape, (shape, edits) => {
        const draft = draftRegistry(shape);
        for (const { tab, edit } of edits)
          if (edit.kind !== 'formula' && edit.kind !== 'spillingFormula')
            applyEdit(draft, tab, edit);
        const found = discoverClients(
          draft.tabs.map((t, i) => ({
            grid: t.grid,
            markedId: () => null,
            id: () => String(i),
            tabName: () => t.name,
          })),
        );
        const clients = found.clients.map((c) => {
          const tab = draft.tabs[c.position]!;
          const record = recordOf(tab.grid, c.id, tab.name, c.layout);
          const rows = loggableRows(tab.grid, c.layout, tab.name);
          const decisions = record.items.decision.filter((d) => rows.has(d.row));
          return { clientId: c.id, clientName: record.name, decisions };
        });
        const log = decisionLog(clients);
        // Every client's typed text may be in the log; no secret token of any client may.
        const secret = /s\d+x\d+y/.exec(JSON.stringify(log));
        if (secret) throw new Error(`${secret[0]} reached the Decision log`);
        logged += log.length;
      }),
      { numRuns: RUNS },
    );
    expect(logged).toBeGreaterThan(RUNS);
  });
});
