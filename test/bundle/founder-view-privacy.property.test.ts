/**
 * The founder view under hand edits, through the built bundle: random registries typed into the
 * client tabs of a registry whose views are shared, random edits a person makes in Sheets, then
 * `Sync shared views` and, every third run, the weekly run with its founder digests. No founder
 * file (its name, sheet names, cells, notes: the Summary and the detail tabs) and no mail to a
 * founder (the digest) holds a private token or anything of another client's.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snapshotOf, type Runtime, type SheetData } from '../../emulator/index.js';
import type { Content } from '../../emulator/workbook.js';
import {
  applyEdit,
  draftRegistry,
  editsShape,
  leakIn,
  registryShape,
  type TabDraft,
} from '../support/hand-edits.js';
import { addClient, loadAddon } from '../support/bundle.js';

const RUNS = 30;

/**
 * Three clients, each shared with its founder. One registry serves every run: a run types each
 * client tab over whole and removes the tabs the run before added, which is quicker than
 * restoring a saved registry.
 */
function sharedRegistry() {
  const { rt, addon } = loadAddon();
  const ids = [0, 1, 2].map((i) => {
    const { id } = addClient(addon, {
      name: `Client ${i}`,
      hoursPerWeek: 2,
      founderEmails: `founder${i}@example.com`,
    });
    addon.call('shareClientView', { clientId: id });
    return id;
  });
  const tabs = new Set(rt.spreadsheet.sheets);
  return {
    rt,
    addon,
    ids,
    reset: () => {
      for (const s of rt.spreadsheet.sheets.filter((x) => !tabs.has(x)))
        rt.spreadsheet.removeSheet(s);
      // Back to names no draft uses, so this run's names are free whatever the last run left.
      ids.forEach((id, i) => {
        const sheet = rt.spreadsheet.sheetById(Number(id));
        if (sheet) rt.spreadsheet.renameSheet(sheet, `Client tab ${i}`);
      });
    },
  };
}

/**
 * The draft's tab typed over a client tab, as a person would type it; the tab takes its name,
 * or, when another tab holds that name already (two tabs renamed after the same client), the
 * name with a number after it, as Sheets makes a person choose a name no other tab has.
 */
function typeTab(rt: Runtime, sheet: SheetData, tab: TabDraft): void {
  const wb = rt.spreadsheet;
  let name = tab.name;
  for (let n = 2; wb.sheets.some((s) => s !== sheet && s.name === name); n++)
    name = `${tab.name} ${n}`;
  if (sheet.name !== name) wb.renameSheet(sheet, name);
  let width = sheet.lastColumn();
  for (const r of tab.grid) width = Math.max(width, r.length);
  const height = Math.max(sheet.lastRow(), tab.grid.length);
  const rows: Content[][] = [];
  for (let r = 0; r < height; r++) {
    const row: Content[] = [];
    for (let c = 0; c < width; c++) {
      const formula = tab.formulas[r]?.[c];
      row.push(
        formula ? { kind: 'formula', formula } : wb.interpret(tab.grid[r]?.[c] ?? '', undefined),
      );
    }
    rows.push(row);
  }
  wb.writeBlock(sheet, 1, 1, rows);
}

describe('a founder view under hand edits, through the bundle (property)', () => {
  it(`no founder file or founder mail holds private text or another client's, over ${RUNS} runs`, () => {
    const seen = { files: 0, withheld: 0, digests: 0 };
    let run = 0;
    const started = performance.now();
    const { rt, addon, ids, reset } = sharedRegistry();
    fc.assert(
      fc.property(
        registryShape.filter((c) => c.length === 3),
        editsShape,
        (shape, edits) => {
          reset();
          const draft = draftRegistry(shape);
          for (const { tab, edit } of edits) applyEdit(draft, tab, edit);
          // The first three tabs are the clients' own; a duplicated tab is added after them.
          draft.tabs.forEach((tab, i) => {
            const sheet =
              i < ids.length
                ? rt.spreadsheet.sheetById(Number(ids[i]))
                : rt.spreadsheet.addSheet(`${tab.name} ${i}`);
            if (sheet) typeTab(rt, sheet, { ...tab, name: i < ids.length ? tab.name : sheet.name });
          });
          const mailsBefore = rt.outbox.length;
          const result = addon.call('syncSharedViews') as { withheld?: unknown[] };
          seen.withheld += result.withheld?.length ?? 0;
          // Every third run, a week later, the weekly run: it syncs again and mails each
          // founder the digest their profile asks for (Weekly), the Summary as text and HTML.
          if (run++ % 3 === 0) {
            rt.advanceClockTo(new Date(rt.now.getTime() + 7 * 86400000));
            addon.call('runWeeklyPlan', {});
          }
          ids.forEach((id, owner) => {
            const record = JSON.parse(rt.properties.document.get(`share.${id}`) ?? '{}') as {
              files?: string[];
              fileId: string;
            };
            for (const fileId of record.files ?? [record.fileId]) {
              const file = rt.drive.files.get(fileId);
              if (!file) continue;
              const text = JSON.stringify([
                file.name,
                snapshotOf(file).sheets.map((s) => [
                  s.name,
                  s.cells.map((c) => [c[2].v ?? '', c[2].note ?? '']),
                ]),
              ]);
              const leak = leakIn(text, owner);
              if (leak) throw new Error(`${leak} reached client ${owner}'s founders: ${text}`);
              seen.files++;
            }
          });
          for (const mail of rt.outbox.slice(mailsBefore)) {
            const owner = draft.clients.findIndex((c) => mail.to.includes(c.founder));
            if (owner < 0) continue;
            const leak = leakIn(JSON.stringify(mail), owner);
            if (leak) throw new Error(`${leak} was mailed to client ${owner}'s founders`);
            seen.digests++;
          }
        },
      ),
      { numRuns: RUNS },
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(`founder view bundle property: ${RUNS} runs in ${seconds.toFixed(1)} s`, seen);
    expect(seen.files).toBeGreaterThanOrEqual(RUNS * 3);
    expect(seen.withheld).toBeGreaterThan(0);
    expect(seen.digests).toBeGreaterThan(RUNS / 3);
  }, 120000);
});
