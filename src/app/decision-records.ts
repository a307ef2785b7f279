/**
 * Decision records: a client's decisions (or every client's) exported as one zip of Markdown
 * records in the CTO's Drive, and records from a repo read into a client's Decisions, shown first
 * as a preview and written only when confirmed, all rows in one write or none. The forms and rules
 * are the domain's (decision-export.ts, decision-import-plan.ts); see docs/adr/0025.
 */
import { decisionRecordFiles, type ClientDecisionRows } from '../domain/decision-export.js';
import { planImport, type ImportPlan, type RecordText } from '../domain/decision-import-plan.js';
import { ADR_PREFIX, adrNumber, recordSlug } from '../domain/decision-records.js';
import {
  exportDecisionsSchema,
  importDecisionsSchema,
  importFilesSchema,
  MAX_IMPORT_FILES,
  type ExportDecisionsInput,
  type ImportDecisionsInput,
  type ImportFilesInput,
} from '../domain/decision-records-input.js';
import { InputError } from '../domain/input-error.js';
import { SHOWN_TEXT_LIMIT } from '../domain/long-text.js';
import { parseInput } from '../domain/validation.js';
import { withDocumentLock } from '../services/document-lock.js';
import { issuedCount, recordIssued } from '../services/id-counters.js';
import { saveZip } from '../services/record-zip.js';
import { spreadsheetTimeZone, todayIn } from '../services/time-zone.js';
import {
  appendDecisionRows,
  readClientDecisions,
  readExportableDecisions,
} from '../sheets/client-decisions.js';
import { clientTabById } from '../sheets/client-tab.js';
import { readWholeTab } from '../sheets/sheet-rows.js';
import { readWorkbook } from '../sheets/workbook-read.js';
import { activeSpreadsheet } from './active-spreadsheet.js';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface ExportResult {
  url: string;
  fileName: string;
  clients: number;
  decisions: number;
  files: number;
  /** What was left out, and why: a client whose Decisions are in doubt, or one row. */
  withheld: { client: string; row: number | null; reason: string }[];
}

/** A cell the cross-client read cut to its shown length: the tab is read again, whole. */
function wasCut(grid: unknown[][]): boolean {
  return grid.some((row) =>
    row.some((v) => typeof v === 'string' && v.length === SHOWN_TEXT_LIMIT && v.endsWith('…')),
  );
}

type Exportable = ReturnType<typeof readExportableDecisions>;

function everyClient(ss: Spreadsheet, timeZone: string): Exportable[] {
  return readWorkbook(ss).clients.map((c) =>
    readExportableDecisions(
      c.sheet,
      c.id,
      timeZone,
      c.name,
      wasCut(c.grid) ? readWholeTab(c.sheet) : c.grid,
    ),
  );
}

/** Writes the records as one zip in the CTO's Drive (Drive API, drive.file) and answers its link. */
export function exportDecisionRecords(input: ExportDecisionsInput): ExportResult {
  const request = parseInput(exportDecisionsSchema, input, 'Export');
  const ss = activeSpreadsheet();
  const timeZone = spreadsheetTimeZone(ss);
  const read =
    request.clientId === undefined
      ? everyClient(ss, timeZone)
      : [
          readExportableDecisions(
            clientTabById(ss, request.clientId),
            request.clientId,
            timeZone,
            `client ${request.clientId}`,
          ),
        ];
  const withheld: ExportResult['withheld'] = [];
  const clients: ClientDecisionRows[] = [];
  for (const c of read) {
    if ('doubt' in c) withheld.push({ client: c.name, row: null, reason: c.doubt });
    else {
      clients.push({ name: c.name, decisions: c.decisions });
      for (const w of c.withheld) withheld.push({ client: c.name, row: w.row, reason: w.reason });
    }
  }
  const only = read.length === 1 ? read[0] : undefined;
  if (only && 'doubt' in only)
    throw new InputError(
      `Nothing was exported: ${only.doubt}. Put it right in the client's tab, then export again.`,
    );
  const decisions = clients.reduce((n, c) => n + c.decisions.length, 0);
  if (decisions === 0)
    throw new InputError(
      request.clientId === undefined
        ? 'There are no decisions to export yet: add one to a client first.'
        : `${clients[0]?.name ?? 'This client'} has no decisions to export yet.`,
    );
  const files = decisionRecordFiles(clients, request.form);
  const who = request.clientId === undefined ? 'all-clients' : recordSlug(clients[0]?.name ?? '');
  const fileName = `${who}-decision-records-${request.form}-${todayIn(timeZone)}.zip`;
  const blobs = files.map((f) => Utilities.newBlob(f.text, 'text/markdown', f.path));
  const file = saveZip(Utilities.zip(blobs, fileName), fileName);
  return {
    url: file.url,
    fileName,
    clients: clients.length,
    decisions,
    files: files.length,
    withheld,
  };
}

export interface ImportPreview extends ImportPlan {
  clientName: string;
}

/** The Markdown files of the request, a zip's among them (its other files are not records). */
function recordTexts(files: ImportFilesInput['files']): RecordText[] {
  const out: RecordText[] = [];
  for (const f of files) {
    if (f.base64 === undefined) {
      out.push({ name: f.name, text: f.text ?? '' });
      continue;
    }
    let entries: GoogleAppsScript.Base.Blob[];
    try {
      const zip = Utilities.newBlob(Utilities.base64Decode(f.base64), 'application/zip', f.name);
      entries = Utilities.unzip(zip);
    } catch {
      throw new InputError(
        `${f.name} could not be opened as a zip: choose the .zip again.`,
        'files',
      );
    }
    for (const e of entries) {
      const name = e.getName() ?? '';
      if (/\.(md|markdown)$/i.test(name)) out.push({ name, text: e.getDataAsString() });
    }
  }
  if (out.length > MAX_IMPORT_FILES)
    throw new InputError(
      `Files: at most ${MAX_IMPORT_FILES} records at a time; this import holds ${out.length}.`,
      'files',
    );
  return out;
}

function planFor(ss: Spreadsheet, request: ImportFilesInput) {
  const sheet = clientTabById(ss, request.clientId);
  const client = readClientDecisions(sheet, request.clientId, null);
  const plan = planImport(
    recordTexts(request.files),
    client.decisions,
    issuedCount(request.clientId, ADR_PREFIX),
  );
  return { sheet, client, plan };
}

/** What an import would add, flag and skip; writes nothing. */
export function previewDecisionImport(input: ImportFilesInput): ImportPreview {
  const request = parseInput(importFilesSchema, input, 'Import');
  const { client, plan } = planFor(activeSpreadsheet(), request);
  return { clientName: client.name, ...plan };
}

export interface ImportResult extends ImportPreview {
  /** The row of the first decision written, 0 when none was. */
  firstRow: number;
}

/** Writes every row the preview showed, in one block, or none. */
export function importDecisionRecords(input: ImportDecisionsInput): ImportResult {
  const request = parseInput(importDecisionsSchema, input, 'Import');
  return withDocumentLock(() => {
    const { sheet, client, plan } = planFor(activeSpreadsheet(), request);
    if (plan.rows.length === 0) return { clientName: client.name, ...plan, firstRow: 0 };
    const { firstRow } = appendDecisionRows(sheet, client.section, plan.rows);
    const highest = Math.max(...plan.rows.map((r) => adrNumber(r.id) ?? 0));
    recordIssued(request.clientId, ADR_PREFIX, `${ADR_PREFIX}-${highest}`);
    return { clientName: client.name, ...plan, firstRow };
  });
}
