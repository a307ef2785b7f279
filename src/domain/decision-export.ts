/**
 * A client's decisions as Markdown record files, in MADR 4 form (front matter, the MADR
 * sections) or in adr-tools' Nygard form (`# N. Title`, Date, Status, Context, Decision,
 * Consequences), with links between a decision and the one it supersedes both ways, and an
 * index. Only the allow-listed fields are read (decision-records.ts); every typed text is written
 * Markdown-safe (markdown-text.ts), so it reads back exactly.
 */
import {
  SUPERSEDED_BY_WORD,
  REGISTRY_LABELS,
  SUPERSEDES_WORD,
  adrNumber,
  exportedFields,
  fieldText,
  headerOf,
  recordFileName,
  recordSlug,
  statusWord,
  type DecisionRow,
  type ExportedDecisionKey,
} from './decision-records.js';
import { escapeBlock, escapeInline } from './markdown-text.js';
import { writeFrontMatter } from './front-matter.js';
import type { ItemFields } from './item-schemas.js';

export const RECORD_FORMS = ['madr', 'nygard'] as const;
export type RecordForm = (typeof RECORD_FORMS)[number];

export interface RecordFile {
  /** Path inside the zip, `/`-separated. */
  path: string;
  text: string;
}

/** Where a client's records go in the zip: `docs/adr`, as adr-tools and MADR suggest. */
export const RECORD_DIR = 'docs/adr';

interface Numbered {
  n: number;
  file: string;
  fields: ItemFields;
}

/**
 * Each decision's record number: its ADR number when it has one no other row claims, else the
 * next after every number in use, in row order.
 */
function numbered(rows: readonly DecisionRow[]): Numbered[] {
  const claimed = new Set<number>();
  const wanted = rows.map((r) => {
    const n = adrNumber(r.id);
    if (n === null || n < 1 || claimed.has(n)) return null;
    claimed.add(n);
    return n;
  });
  let next = Math.max(0, ...claimed);
  return rows.map((r, i) => {
    const fields = exportedFields(r.fields);
    const n = wanted[i] ?? ++next;
    return { n, file: recordFileName(n, fieldText(fields, 'title')), fields };
  });
}

/** The decision a row supersedes, and the ones superseding it, among the exported rows. */
function links(records: readonly Numbered[]) {
  const byId = new Map<string, Numbered>();
  for (const r of records) {
    const id = fieldText(r.fields, 'id');
    if (id && !byId.has(id)) byId.set(id, r);
  }
  const supersedes = new Map<Numbered, Numbered>();
  const supersededBy = new Map<Numbered, Numbered[]>();
  for (const r of records) {
    const target = byId.get(fieldText(r.fields, 'supersedes'));
    if (!target || target === r) continue;
    supersedes.set(r, target);
    supersededBy.set(target, [...(supersededBy.get(target) ?? []), r]);
  }
  return { supersedes, supersededBy };
}

const text = (r: Numbered, key: ExportedDecisionKey): string => fieldText(r.fields, key);

/** The date a record carries: when it was decided, else when it was proposed. */
function recordDate(r: Numbered): string {
  return text(r, 'decidedOn') || text(r, 'proposedOn');
}

function bullets(lines: readonly string[]): string {
  return lines.map((l) => `* ${l}`).join('\n');
}

function optionLines(r: Numbered): string[] {
  return text(r, 'optionsConsidered')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map(escapeInline);
}

/** The registry's fields no template has a place for, as labelled bullets. */
function registryBullets(r: Numbered, keys: readonly ExportedDecisionKey[]): string[] {
  const out: string[] = [];
  for (const key of keys) {
    const value = text(r, key);
    if (!value) continue;
    const shown = key === 'link' ? value : escapeInline(value);
    out.push(`${headerOf(key)}: ${shown}`);
  }
  return out;
}

function section(title: string, body: string, level = 2): string {
  return `${'#'.repeat(level)} ${title}\n\n${body}`.trimEnd();
}

function madrRecord(r: Numbered, l: ReturnType<typeof links>): string {
  const by = l.supersededBy.get(r) ?? [];
  const target = l.supersedes.get(r);
  const madrRef = (x: Numbered): string => `[ADR-${String(x.n).padStart(4, '0')}](${x.file})`;
  const status =
    text(r, 'status') === 'Superseded' && by[0]
      ? `superseded by ADR-${String(by[0].n).padStart(4, '0')}`
      : statusWord(text(r, 'status'));
  const parts = [
    writeFrontMatter([
      ['status', status],
      ['date', recordDate(r)],
      ['decision-makers', text(r, 'deciders')],
    ]),
    `# ${escapeInline(text(r, 'title'))}`,
    section('Context and Problem Statement', escapeBlock(text(r, 'context'))),
  ];
  const options = optionLines(r);
  if (options.length) parts.push(section('Considered Options', bullets(options)));
  parts.push(section('Decision Outcome', escapeBlock(text(r, 'decision'))));
  if (text(r, 'consequences'))
    parts.push(section('Consequences', escapeBlock(text(r, 'consequences')), 3));
  const more = [
    // The deciders are the front matter's decision-makers.
    ...registryBullets(
      r,
      REGISTRY_LABELS.filter((k) => k !== 'deciders'),
    ),
    ...(target ? [`${SUPERSEDES_WORD.madr} ${madrRef(target)}`] : []),
    ...by.map((x) => `${SUPERSEDED_BY_WORD.madr} ${madrRef(x)}`),
  ];
  if (more.length) parts.push(section('More Information', bullets(more)));
  return `${parts.join('\n\n')}\n`;
}

/** adr-tools' title line, `N. Title`, which its links show (src/_adr_title). */
function nygardTitle(r: Numbered): string {
  return `${r.n}. ${escapeInline(text(r, 'title'))}`;
}

function nygardRecord(r: Numbered, l: ReturnType<typeof links>): string {
  const by = l.supersededBy.get(r) ?? [];
  const target = l.supersedes.get(r);
  const ref = (x: Numbered): string => `[${nygardTitle(x)}](${x.file})`;
  // adr-tools replaces a superseded record's status with the link to its successor.
  const superseded = text(r, 'status') === 'Superseded' && by.length > 0;
  const status = [
    ...(superseded ? [] : [text(r, 'status')].filter(Boolean)),
    ...(target ? [`${SUPERSEDES_WORD.nygard} ${ref(target)}`] : []),
    ...(superseded ? by.map((x) => `${SUPERSEDED_BY_WORD.nygard} ${ref(x)}`) : []),
  ];
  const date = recordDate(r);
  const parts = [`# ${nygardTitle(r)}`, ...(date ? [`Date: ${date}`] : [])];
  parts.push(section('Status', status.join('\n\n')));
  parts.push(section('Context', escapeBlock(text(r, 'context'))));
  const options = optionLines(r);
  if (options.length) parts.push(section('Considered Options', bullets(options)));
  parts.push(section('Decision', escapeBlock(text(r, 'decision'))));
  parts.push(section('Consequences', escapeBlock(text(r, 'consequences'))));
  const more = [
    ...registryBullets(r, REGISTRY_LABELS),
    ...(superseded ? [] : by.map((x) => `${SUPERSEDED_BY_WORD.nygard} ${ref(x)}`)),
  ];
  if (more.length) parts.push(section('More Information', bullets(more)));
  return `${parts.join('\n\n')}\n`;
}

/**
 * adr-tools' `generate toc` title, without the client's name: a client's records go to that
 * client's repo, where its name adds nothing, and a name can be anyone's text.
 */
function indexFile(records: readonly Numbered[], form: RecordForm): string {
  const title = '# Architecture Decision Records';
  if (form === 'nygard') {
    // adr-tools' `adr generate toc` list.
    return `${title}\n\n${bullets(records.map((r) => `[${nygardTitle(r)}](${r.file})`))}\n`;
  }
  const rows = records.map(
    (r) =>
      `| [ADR-${String(r.n).padStart(4, '0')}](${r.file}) | ${escapeInline(text(r, 'title'))} | ${text(r, 'status')} | ${recordDate(r)} |`,
  );
  return `${title}\n\n| Record | Title | Status | Date |\n| --- | --- | --- | --- |\n${rows.join('\n')}\n`;
}

export const INDEX_FILE = 'index.md';

/** One client's decisions as record files under `dir`, with an index. */
export function clientRecordFiles(
  rows: readonly DecisionRow[],
  form: RecordForm,
  dir: string = RECORD_DIR,
): RecordFile[] {
  const records = numbered(rows).sort((a, b) => a.n - b.n);
  const l = links(records);
  const files = records.map((r) => ({
    path: `${dir}/${r.file}`,
    text: form === 'madr' ? madrRecord(r, l) : nygardRecord(r, l),
  }));
  files.push({ path: `${dir}/${INDEX_FILE}`, text: indexFile(records, form) });
  return files;
}

export interface ClientDecisionRows {
  /** Names the client's folder when several clients are exported; written nowhere else. */
  name: string;
  decisions: readonly DecisionRow[];
}

/**
 * Every given client's records: one client's at `docs/adr/`, several clients' each in a folder of
 * its own name. The Nygard form adds adr-tools' `.adr-dir`, so `adr list` finds the records.
 */
export function decisionRecordFiles(
  clients: readonly ClientDecisionRows[],
  form: RecordForm,
): RecordFile[] {
  const files: RecordFile[] = [];
  const taken = new Set<string>();
  for (const c of clients) {
    let folder = '';
    if (clients.length > 1) {
      folder = recordSlug(c.name);
      for (let i = 2; taken.has(folder); i++) folder = `${recordSlug(c.name)}-${i}`;
      taken.add(folder);
    }
    const root = folder ? `${folder}/` : '';
    files.push(...clientRecordFiles(c.decisions, form, `${root}${RECORD_DIR}`));
    if (form === 'nygard') files.push({ path: `${root}.adr-dir`, text: `${RECORD_DIR}\n` });
  }
  return files;
}
