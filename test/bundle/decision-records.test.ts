/**
 * Decision records through the built add-on: a client's decisions exported as one zip in Drive,
 * imported into an empty client, every field the same; the preview writes nothing; an import
 * writes every row in one block or none; typed text stays text; the call budgets.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LoadedScript, Runtime } from '../../emulator/index.js';
import { unzipBytes } from '../../emulator/blob.js';
import { EXPORTED_DECISION_KEYS } from '../../src/domain/decision-records.js';
import type { RegistryItem } from '../../src/domain/section-items.js';
import { BUNDLE, addClient, loadAddon, restorable, rowWith, tab } from '../support/bundle.js';
import { attempt } from '../support/reliability.js';
import { seededRegistry } from '../support/seed.js';

const SECRET = 'PRIVATE-ONLY-ACME-7f3a';

/** Acme's decisions: Markdown characters, line breaks, formulas typed as text, a supersede. */
const DECISIONS: Record<string, unknown>[] = [
  {
    title: 'Move to `Mongo` | #1 choice',
    status: 'Accepted',
    proposedOn: '2026-01-02',
    decidedOn: '2026-01-09',
    deciders: 'Dana, Lee',
    context: '=SUM(1,2) is what the finance sheet does.\n\n# Not a heading\n- not a list',
    optionsConsidered: 'MongoDB\n+1 PostgreSQL\n@DynamoDB',
    decision: '-2+3: MongoDB, because *writes* spike.',
    consequences: 'Ops learns Mongo.\nBackups change.',
    tags: 'database, storage',
    exception: 'Approved by the board <br> in March',
    link: 'https://example.com/adr?x=1&y=[2]',
    privateNote: SECRET,
  },
  { title: 'Serverless for webhooks', status: 'Proposed', due: '2026-12-01', tags: 'serverless' },
  {
    title: 'Switch to PostgreSQL',
    status: 'Accepted',
    proposedOn: '2026-11-10',
    supersedes: 'ADR-1',
    context: 'Joins.',
    privateNote: SECRET,
  },
];

const acmeWithDecisions = restorable(
  () => {
    const loaded = loadAddon();
    const acme = addClient(loaded.addon, { name: 'Acme', hoursPerWeek: 2 });
    for (const fields of DECISIONS)
      loaded.addon.call('addItem', { clientId: acme.id, kind: 'decision', fields });
    const beta = addClient(loaded.addon, { name: 'Beta', hoursPerWeek: 1 });
    return { ...loaded, acme, beta };
  },
  { cacheAs: 'decision-records-acmeWithDecisions' },
);

function decisionsOf(addon: LoadedScript, clientId: string): RegistryItem[] {
  return (addon.call('getClient', { clientId }) as { items: { decision: RegistryItem[] } }).items
    .decision;
}

function zipFiles(rt: Runtime, url: string): { name: string; text: string }[] {
  const file = [...rt.driveBlobFiles.values()].find((f) => f.url === url);
  if (!file) throw new Error(`no file at ${url}`);
  return unzipBytes(file.bytes).map((e) => ({ name: e.name, text: e.bytes.toString('utf8') }));
}

describe('decision records through the bundle', () => {
  it('holds "Decision records…" in the add-on menu, which opens the built dialog page as a modal dialog', () => {
    const { rt, addon } = loadAddon();
    addon.callWith({ authMode: 'LIMITED' }, 'onOpen', { authMode: 'LIMITED' });
    const items = rt.ui.menus.find((m) => m.addon)?.items ?? [];
    expect(items).toContainEqual({
      caption: 'Decision records…',
      functionName: 'showDecisionRecords',
    });
    // Ui.showModalDialog(userInterface, title): the page in a dialog over the editor, which
    // google.script.host.close() closes (developers.google.com/apps-script/guides/html/reference/host).
    addon.call('showDecisionRecords');
    expect(rt.ui.sidebars).toEqual([]);
    expect(rt.ui.dialogs.map((d) => d.title)).toEqual(['Decision records']);
    const html = rt.ui.dialogs[0]?.html ?? '';
    expect(html).toBe(readFileSync(BUNDLE.replace('Code.js', 'DecisionRecords.html'), 'utf8'));
    for (const call of ['getRegistry', 'previewImport', 'importDecisions', 'exportDecisions'])
      expect(html).toContain(call);
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(30 * 1024);
  });

  it('opened for a client, the dialog is handed that client as its first choice; a client id that is not one is refused, and no dialog opens', () => {
    const { rt, addon } = loadAddon();
    addon.call('showDecisionRecords', { clientId: '1234567' });
    const html = rt.ui.dialogs[0]?.html ?? '';
    expect(html.endsWith('<script>window.ctorClientId = "1234567";</script>')).toBe(true);
    rt.ui.dialogs.length = 0;
    expect(() => addon.call('showDecisionRecords', { clientId: '</script><b>' })).toThrow(
      /client/i,
    );
    expect(rt.ui.dialogs).toEqual([]);
  });

  for (const form of ['madr', 'nygard'] as const) {
    it(`exports a client's decisions (${form}) and imports them into an empty client with every field the same`, () => {
      const { rt, addon, acme, beta } = acmeWithDecisions();
      const exported = addon.call('exportDecisions', { clientId: acme.id, form }) as {
        url: string;
        decisions: number;
        fileName: string;
      };
      expect(exported.decisions).toBe(3);
      expect(exported.fileName).toBe(`acme-decision-records-${form}-2026-11-18.zip`);
      const files = zipFiles(rt, exported.url);
      expect(files.map((f) => f.name)).toEqual([
        'docs/adr/0001-move-to-mongo-1-choice.md',
        'docs/adr/0002-serverless-for-webhooks.md',
        'docs/adr/0003-switch-to-postgresql.md',
        'docs/adr/index.md',
        ...(form === 'nygard' ? ['.adr-dir'] : []),
      ]);
      for (const f of files) expect(f.text).not.toContain(SECRET);

      const result = addon.call('importDecisions', {
        clientId: beta.id,
        files,
        confirm: true,
      }) as { rows: unknown[]; skipped: { file: string }[] };
      expect(result.rows).toHaveLength(3);

      const original = decisionsOf(addon, acme.id);
      const imported = decisionsOf(addon, beta.id);
      expect(imported.map((d) => d.id)).toEqual(['ADR-1', 'ADR-2', 'ADR-3']);
      for (const [i, d] of original.entries()) {
        for (const key of EXPORTED_DECISION_KEYS)
          expect([d.id, key, imported[i]?.fields[key]]).toEqual([d.id, key, d.fields[key]]);
        expect(imported[i]?.fields['privateNote']).toBe('');
      }
      // ADR-1 was superseded at Acme, and is at Beta.
      expect(imported[0]?.fields['status']).toBe('Superseded');
    });
  }

  it('keeps text that starts with = + - @ as text in the imported cells', () => {
    const { rt, addon, acme, beta } = acmeWithDecisions();
    const { url } = addon.call('exportDecisions', { clientId: acme.id, form: 'madr' }) as {
      url: string;
    };
    addon.call('importDecisions', { clientId: beta.id, files: zipFiles(rt, url), confirm: true });
    const sheet = tab(rt, 'Beta');
    const formulas: string[] = [];
    const texts: unknown[] = [];
    // The imported cells: the Decisions section's rows, down to the Risks title.
    for (let r = rowWith(rt, sheet, 'Decisions'); r < rowWith(rt, sheet, 'Risks'); r++)
      for (let c = 1; c <= sheet.lastColumn(); c++) {
        const f = rt.spreadsheet.formula(sheet, r, c);
        if (f) formulas.push(f);
        texts.push(rt.spreadsheet.read(sheet, r, c));
      }
    expect(formulas).toEqual([]);
    expect(texts).toContain('-2+3: MongoDB, because *writes* spike.');
    expect(texts).toContain('MongoDB\n+1 PostgreSQL\n@DynamoDB');
  });

  it('previews an import without writing: rows, a flagged duplicate and a skipped file', () => {
    const { rt, addon, acme } = acmeWithDecisions();
    const before = JSON.stringify(rt.saveState().files);
    const preview = addon.call('previewImport', {
      clientId: acme.id,
      files: [
        {
          name: '0007-switch-to-postgresql.md',
          text: '# 7. Switch to PostgreSQL\n\n## Status\n\nAccepted\n',
        },
        {
          name: '0009-cache-at-the-edge.md',
          text: '# 9. Cache at the edge\n\nDate: 2026-11-01\n\n## Status\n\nProposed\n\n## Context\n\nLatency.\n',
        },
        { name: 'README.md', text: 'Notes.' },
      ],
    }) as {
      clientName: string;
      rows: { id: string; file: string; fields: Record<string, unknown> }[];
      duplicates: unknown[];
      skipped: unknown[];
    };
    expect(preview.clientName).toBe('Acme');
    expect(preview.rows.map((r) => [r.id, r.fields['title'], r.fields['proposedOn']])).toEqual([
      ['ADR-9', 'Cache at the edge', '2026-11-01'],
    ]);
    expect(preview.duplicates).toEqual([
      { file: '0007-switch-to-postgresql.md', title: 'Switch to PostgreSQL', existingId: 'ADR-3' },
    ]);
    expect(preview.skipped).toEqual([
      { file: 'README.md', reason: 'Not a decision record: it has no title line ("# Title").' },
    ]);
    expect(JSON.stringify(rt.saveState().files)).toBe(before);
  });

  it('answers bad input with a message naming the field, and writes nothing', () => {
    const { rt, addon, acme } = acmeWithDecisions();
    const before = JSON.stringify(rt.saveState().files);
    expect(() => addon.call('exportDecisions', { clientId: acme.id, form: 'pdf' })).toThrow(
      "Form must be one of: madr, nygard (MADR, or adr-tools' Nygard form).",
    );
    expect(() =>
      addon.call('importDecisions', {
        clientId: acme.id,
        files: [{ name: '0001-a.md', text: '# A\n\n## Status\n\nAccepted\n' }],
      }),
    ).toThrow('Confirm: look at the preview first, then confirm the import (confirm: true).');
    expect(() => addon.call('previewImport', { clientId: acme.id, files: [] })).toThrow(
      'Files: paste a record or choose at least one .md file.',
    );
    expect(JSON.stringify(rt.saveState().files)).toBe(before);
  });

  it("imports a zip of a repo's records: its Markdown files, the rest left out", () => {
    const { rt, addon, acme, beta } = acmeWithDecisions();
    const { url } = addon.call('exportDecisions', { clientId: acme.id, form: 'nygard' }) as {
      url: string;
    };
    const zip = [...rt.driveBlobFiles.values()].find((f) => f.url === url)?.bytes as Buffer;
    const result = addon.call('importDecisions', {
      clientId: beta.id,
      files: [{ name: 'repo.zip', base64: zip.toString('base64') }],
      confirm: true,
    }) as { rows: { file: string }[]; skipped: { file: string }[] };
    expect(result.rows.map((r) => r.file)).toEqual([
      '0001-move-to-mongo-1-choice.md',
      '0002-serverless-for-webhooks.md',
      '0003-switch-to-postgresql.md',
    ]);
    expect(result.skipped.map((s) => s.file)).toEqual(['index.md']);
    expect(() =>
      addon.call('previewImport', {
        clientId: beta.id,
        files: [{ name: 'broken.zip', base64: 'bm90IGEgemlw' }],
      }),
    ).toThrow('broken.zip could not be opened as a zip: choose the .zip again.');
  });

  it('leaves out a decision whose field is a formula (it could show a private note), and says so', () => {
    const { rt, addon, acme } = acmeWithDecisions();
    const sheet = tab(rt, 'Acme');
    const row = decisionsOf(addon, acme.id)[1]?.row as number;
    let contextColumn = 0;
    let privateColumn = 0;
    for (let c = 1; c <= sheet.lastColumn(); c++) {
      const header = rt.spreadsheet.read(sheet, row - 2, c);
      if (header === 'Context') contextColumn = c;
      if (header === 'Private note') privateColumn = c;
    }
    expect([contextColumn, privateColumn]).not.toContain(0);
    rt.spreadsheet.writeBlock(sheet, row, contextColumn, [
      [{ kind: 'formula', formula: `=${String.fromCharCode(64 + privateColumn)}${row - 1}` }],
    ]);
    const result = addon.call('exportDecisions', { clientId: acme.id, form: 'madr' }) as {
      url: string;
      decisions: number;
      withheld: unknown[];
    };
    expect(result.decisions).toBe(2);
    expect(result.withheld).toEqual([
      {
        client: 'Acme',
        row,
        reason: 'a formula in Context: only typed values are exported',
      },
    ]);
    for (const f of zipFiles(rt, result.url)) expect(f.text).not.toContain(SECRET);
  });

  it('exports every client into a folder of its own', () => {
    const { rt, addon } = acmeWithDecisions();
    const { url, clients } = addon.call('exportDecisions', { form: 'madr' }) as {
      url: string;
      clients: number;
    };
    expect(clients).toBe(2);
    const names = zipFiles(rt, url).map((f) => f.name);
    expect(names).toContain('acme/docs/adr/0003-switch-to-postgresql.md');
    expect(names).toContain('beta/docs/adr/index.md');
  });
});

/** `n` adr-tools records numbered from 10. */
function records(n: number): { name: string; text: string }[] {
  return Array.from({ length: n }, (_, i) => ({
    name: `${String(i + 10).padStart(4, '0')}-record-${i}.md`,
    text: `# ${i + 10}. Record ${i}\n\nDate: 2026-10-01\n\n## Status\n\nAccepted\n\n## Context\n\nWhy ${i}.\n\n## Decision\n\nWhat ${i}.\n\n## Consequences\n\nThen ${i}.\n`,
  }));
}

describe('an import that fails part-way', () => {
  it('leaves the decisions as before or with every record added, failing at each call in turn, and a second run completes', () => {
    const files = records(3);
    const titles = (addon: LoadedScript, id: string) =>
      decisionsOf(addon, id).map((d) => `${d.id} ${String(d.fields['title'])}`);
    const probe = acmeWithDecisions();
    probe.addon.call('importDecisions', { clientId: probe.acme.id, files, confirm: true });
    const total = Object.values(probe.rt.lastExecution?.calls ?? {}).reduce((a, b) => a + b, 0);
    const before = titles(probe.addon, probe.acme.id).slice(0, 3);
    const after = titles(probe.addon, probe.acme.id);
    expect(after).toHaveLength(6);
    let failures = 0;
    for (let at = 1; at <= total; at++) {
      const { rt, addon, acme } = acmeWithDecisions();
      rt.failAt(at, 'any');
      const first = attempt(() =>
        addon.call('importDecisions', { clientId: acme.id, files, confirm: true }),
      );
      if (!first.ok) failures++;
      const now = titles(addon, acme.id);
      expect([before, after], `failing at call ${at}: ${now.join('; ')}`).toContainEqual(now);
      expect(
        attempt(() => addon.call('importDecisions', { clientId: acme.id, files, confirm: true })),
      ).toEqual({ ok: true });
      expect(titles(addon, acme.id)).toEqual(after);
    }
    expect(failures).toBeGreaterThan(0);
  }, 120000);
});

describe('decision records budgets', () => {
  it('exports one client of 300 debt items and 50 decisions in at most 6 Spreadsheet calls and one Drive create (the Drive API under drive.file)', () => {
    const { rt, addon, ids } = seededRegistry(1, 300);
    const client = ids[0] as string;
    addon.call('importDecisions', { clientId: client, files: records(50), confirm: true });
    const result = addon.call('exportDecisions', { clientId: client, form: 'madr' }) as {
      decisions: number;
    };
    expect(result.decisions).toBe(50);
    expect(rt.lastExecution?.spreadsheetCalls).toBeLessThanOrEqual(6);
    expect(rt.lastExecution?.calls['Drive.Files.create']).toBe(1);
  });

  it('imports 50 records in at most 8 Spreadsheet calls, in one write', () => {
    const { rt, addon, acme } = acmeWithDecisions();
    const files = records(50);
    const result = addon.call('importDecisions', { clientId: acme.id, files, confirm: true }) as {
      rows: { id: string }[];
    };
    expect(result.rows).toHaveLength(50);
    expect(result.rows[0]?.id).toBe('ADR-10');
    expect(rt.lastExecution?.spreadsheetCalls).toBeLessThanOrEqual(8);
    expect(rt.lastExecution?.calls['Range.setValues']).toBe(1);
    expect(decisionsOf(addon, acme.id)).toHaveLength(53);
  });
});
