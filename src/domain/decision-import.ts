/**
 * Reading one Markdown file as a decision record, in any of the forms engineers keep in their
 * repos: MADR 3 and 4 (YAML front matter), MADR 2 and log4brains (`* Status:` / `- Status:`
 * bullets under the title), adr-tools/Nygard (`# N. Title`, `Date:`, `## Status`). Each section
 * maps to a Decisions column; a section no column holds is kept in the context with its heading,
 * so nothing read is dropped. A file that is not a record says why.
 */
import {
  MAX_RECORD_NUMBER,
  REGISTRY_LABELS,
  SUPERSEDED_BY_LINE,
  SUPERSEDES_LINE,
  headerOf,
  statusFromText,
  type ExportedDecisionKey,
} from './decision-records.js';
import { readFrontMatter, type FrontMatterValue } from './front-matter.js';
import { unescapeBlock, unescapeInline } from './markdown-text.js';
import { isRealDate } from './dates.js';

/** A link to another record: by its file name, or by its number. */
export interface RecordRef {
  file?: string;
  number?: number;
}

export interface ParsedRecord {
  file: string;
  /** The record's number, from its file name or adr-tools' `# N.` title; null when it has none. */
  number: number | null;
  /** Decision fields as text, keyed as the Decisions columns (tags a comma list). */
  fields: Partial<Record<ExportedDecisionKey, string>>;
  supersedes: RecordRef[];
  supersededBy: RecordRef[];
}

export type ParseOutcome = { record: ParsedRecord } | { file: string; skipped: string };

interface Section {
  title: string;
  body: string[];
}

/** The placeholder titles of MADR's, log4brains' and adr-tools' templates. */
const TEMPLATE_TITLE = /^[[{]\s*short title\b|^NUMBER\. TITLE$/i;
const ISO_DATE = /^(\d{4}-\d{2}-\d{2})/;

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function trimBlank(lines: readonly string[]): string[] {
  let a = 0;
  let b = lines.length;
  while (a < b && (lines[a] as string).trim() === '') a++;
  while (b > a && (lines[b - 1] as string).trim() === '') b--;
  return lines.slice(a, b);
}

function blockText(lines: readonly string[]): string {
  return unescapeBlock(trimBlank(lines).join('\n'));
}

function asText(v: FrontMatterValue | undefined): string {
  if (v === undefined) return '';
  return Array.isArray(v) ? v.join(', ') : v;
}

function isoDate(text: string): string {
  const m = ISO_DATE.exec(text.trim());
  return m && isRealDate(m[1] as string) ? (m[1] as string) : '';
}

/** `[3. Use X](0003-use-x.md)`, `[ADR-0005](0005-x.md)` or `ADR-0005`. */
export function recordRef(text: string): RecordRef | null {
  // The last `](target)`: a title in the link text may hold `](` itself.
  const link = [...text.matchAll(/\]\(([^()\s]+)\)/g)].at(-1);
  if (link) {
    const file = baseName(decodeURIComponent(link[1] as string));
    const n = /^(\d+)-/.exec(file);
    return { file, ...(n ? { number: Number(n[1]) } : {}) };
  }
  const n = /(?:ADR[-\s]?)?0*(\d+)/i.exec(text);
  return n ? { number: Number(n[1]) } : null;
}

/** The file's number: `0004-…` (up to four digits: a log4brains `20201028-…` is a date). */
function fileNumber(name: string): number | null {
  const m = /^(\d+)-/.exec(baseName(name));
  if (!m) return null;
  const n = Number(m[1]);
  return n >= 1 && n <= MAX_RECORD_NUMBER ? n : null;
}

/** log4brains names its records by date: `20201028-title.md`. */
function fileDate(name: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})-/.exec(baseName(name));
  const iso = m ? `${m[1]}-${m[2]}-${m[3]}` : '';
  return iso && isRealDate(iso) ? iso : '';
}

/** The labelled bullets MADR 2 and log4brains put under the title, and this add-on's own. */
const LABEL = /^\s*[*-]\s+([A-Za-z][A-Za-z -]*?)\s*:\s?(.*)$/;

function splitSections(lines: readonly string[]): { preamble: string[]; sections: Section[] } {
  const preamble: string[] = [];
  const sections: Section[] = [];
  let fence = false;
  for (const line of lines) {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    const h2 = fence ? null : /^##\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
    if (h2) sections.push({ title: (h2[1] as string).trim(), body: [] });
    else (sections.at(-1)?.body ?? preamble).push(line);
  }
  return { preamble, sections };
}

/** A section's subsections (`### Consequences` under Decision Outcome). */
function splitSubsections(lines: readonly string[]): { lead: string[]; subs: Section[] } {
  const lead: string[] = [];
  const subs: Section[] = [];
  for (const line of lines) {
    const h3 = /^###\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
    if (h3) subs.push({ title: (h3[1] as string).trim(), body: [] });
    else (subs.at(-1)?.body ?? lead).push(line);
  }
  return { lead, subs };
}

function sectionKey(title: string): string {
  return title
    .replace(/<!--.*?-->/g, '')
    .replace(/\(optional\)/i, '')
    .trim()
    .toLowerCase();
}

function optionsText(lines: readonly string[]): string {
  const kept = trimBlank(lines);
  const items = kept.filter((l) => l.trim() !== '');
  if (items.length && items.every((l) => /^[*+-]\s+/.test(l)))
    return items.map((l) => unescapeInline(l.replace(/^[*+-]\s+/, ''))).join('\n');
  return blockText(kept);
}

/** log4brains' tags are a "space and/or comma separated list" (its template). */
function metaTags(text: string): string {
  return text
    .split(/[\s,]+/)
    .filter(Boolean)
    .join(', ');
}

function labelled(title: string, text: string): string {
  return text ? `${title}:\n${text}` : '';
}

function joined(...parts: string[]): string {
  return parts.filter(Boolean).join('\n\n');
}

const FIELD_LABELS: Partial<Record<string, ExportedDecisionKey>> = {
  status: 'status',
  date: 'decidedOn',
  deciders: 'deciders',
  'decision-makers': 'deciders',
  'decision makers': 'deciders',
  tags: 'tags',
};

interface Collected {
  meta: Map<string, string>;
  registry: Map<ExportedDecisionKey, string>;
  supersedes: RecordRef[];
  supersededBy: RecordRef[];
  /** Lines of a links list that are not supersede links, or labels no column holds. */
  other: string[];
}

/** A link or labelled line: a supersede link, a registry field, or a line kept as text. */
function collectLine(line: string, into: Collected): void {
  const item = line.replace(/^\s*[*-]\s+/, '');
  if (SUPERSEDES_LINE.test(item)) {
    const ref = recordRef(item);
    if (ref) into.supersedes.push(ref);
    return;
  }
  if (SUPERSEDED_BY_LINE.test(item)) {
    const ref = recordRef(item);
    if (ref) into.supersededBy.push(ref);
    return;
  }
  const label = LABEL.exec(line);
  const key = label
    ? REGISTRY_LABELS.find((k) => headerOf(k).toLowerCase() === (label[1] as string).toLowerCase())
    : undefined;
  if (label && key) {
    const value = label[2] as string;
    into.registry.set(key, key === 'link' ? value.trim() : unescapeInline(value));
    return;
  }
  if (line.trim()) into.other.push(line);
}

/** One Markdown file as a decision record, or the reason it is not one. */
export function parseDecisionRecord(name: string, raw: string): ParseOutcome {
  const file = baseName(name);
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!/\.(md|markdown)$/i.test(file))
    return { file, skipped: 'Not a Markdown file: decision records end in .md.' };
  if (!text.trim()) return { file, skipped: 'The file is empty.' };
  const front = readFrontMatter(text);
  const body = (front ? front.body : text).replace(/<!--[\s\S]*?-->/g, '');
  const lines = body.split('\n');
  const titleAt = lines.findIndex((l) => /^#\s+\S/.test(l));
  if (titleAt < 0)
    return { file, skipped: 'Not a decision record: it has no title line ("# Title").' };
  let title = (/^#\s+(.*?)(?:\s+#+)?\s*$/.exec(lines[titleAt] as string)?.[1] ?? '').trim();
  let number = fileNumber(file);
  const nygard = /^(\d+)\.\s+(.*)$/.exec(title);
  if (nygard) {
    number ??= Number(nygard[1]) <= MAX_RECORD_NUMBER ? Number(nygard[1]) : null;
    title = nygard[2] as string;
  }
  if (TEMPLATE_TITLE.test(title))
    return { file, skipped: 'A template, not a decision: its title is the placeholder.' };
  const { preamble, sections } = splitSections(lines.slice(titleAt + 1));

  const c: Collected = {
    meta: new Map(),
    registry: new Map(),
    supersedes: [],
    supersededBy: [],
    other: [],
  };
  for (const [k, v] of front?.values ?? []) c.meta.set(k, asText(v));
  const intro: string[] = [];
  for (const line of preamble) {
    const label = LABEL.exec(line) ?? /^()(Date)\s*:\s*(.*)$/.exec(line);
    const key = label ? (label[1] || label[2] || '').toLowerCase() : '';
    if (label && (FIELD_LABELS[key] || key === 'consulted' || key === 'informed'))
      c.meta.set(key, (label[label.length - 1] as string).trim());
    else intro.push(line);
  }

  let context = blockText(intro);
  let options = '';
  let decision = '';
  let consequences = '';
  let statusText = c.meta.get('status') ?? '';
  let known = false;
  const extra: string[] = [];
  for (const s of sections) {
    const key = sectionKey(s.title);
    if (key === 'context and problem statement' || key === 'context') {
      context = joined(context, blockText(s.body));
      known = true;
    } else if (key === 'considered options' || key === 'options') {
      options = joined(options, optionsText(s.body));
      known = true;
    } else if (key === 'decision outcome' || key === 'decision') {
      const { lead, subs } = splitSubsections(s.body);
      decision = joined(decision, blockText(lead));
      for (const sub of subs) {
        const subKey = sectionKey(sub.title);
        if (subKey === 'consequences') consequences = joined(consequences, blockText(sub.body));
        else if (subKey.endsWith('consequences'))
          consequences = joined(consequences, labelled(sub.title, blockText(sub.body)));
        else decision = joined(decision, labelled(sub.title, blockText(sub.body)));
      }
      known = true;
    } else if (key === 'consequences') {
      consequences = joined(consequences, blockText(s.body));
      known = true;
    } else if (key === 'status') {
      const lines = trimBlank(s.body);
      // adr-tools leaves a superseded record's section with links only ("Supercedes …" first
      // when it superseded another): the status is the first line that names one.
      const first =
        lines.find((l) => statusFromText(l) !== '') ?? lines.find((l) => l.trim() !== '') ?? '';
      statusText = statusText || first;
      for (const l of lines) if (l !== first) collectLine(l, c);
      known = true;
    } else if (key === 'more information' || key === 'links') {
      const rest: Collected = { ...c, other: [] };
      for (const l of s.body) collectLine(l, rest);
      extra.push(labelled(s.title, blockText(rest.other)));
    } else {
      extra.push(labelled(s.title, blockText(s.body)));
    }
  }
  if (!known && !statusText)
    return {
      file,
      skipped:
        'Not a decision record: it has no Status and none of the sections Context, Considered Options, Decision or Decision Outcome.',
    };
  for (const l of c.other) extra.push(l);
  const people = ['consulted', 'informed']
    .map((k) => (c.meta.get(k) ? `${k[0]?.toUpperCase()}${k.slice(1)}: ${c.meta.get(k)}` : ''))
    .filter(Boolean)
    .join('\n');
  context = joined(context, ...extra, people);

  const status = statusFromText(statusText);
  if (SUPERSEDED_BY_LINE.test(statusText.trim()) && !/\]\(/.test(statusText)) {
    const ref = recordRef(statusText.replace(SUPERSEDED_BY_LINE, ''));
    if (ref) c.supersededBy.push(ref);
  } else if (SUPERSEDED_BY_LINE.test(statusText.trim())) collectLine(statusText, c);

  const date = isoDate(c.meta.get('date') ?? '') || fileDate(file);
  const explicit = c.registry.has('proposedOn') || c.registry.has('decidedOn');
  const decided = status !== '' && status !== 'Proposed';
  const fields: Partial<Record<ExportedDecisionKey, string>> = {
    title: unescapeInline(title),
    status: status || 'Proposed',
    proposedOn: explicit ? (c.registry.get('proposedOn') ?? '') : date,
    decidedOn: explicit ? (c.registry.get('decidedOn') ?? '') : decided ? date : '',
    due: c.registry.get('due') ?? '',
    deciders:
      c.registry.get('deciders') ?? c.meta.get('decision-makers') ?? c.meta.get('deciders') ?? '',
    context,
    optionsConsidered: options,
    decision,
    consequences,
    tags: c.registry.get('tags') ?? metaTags(c.meta.get('tags') ?? ''),
    exception: c.registry.get('exception') ?? '',
    link: c.registry.get('link') ?? '',
  };
  return {
    record: { file, number, fields, supersedes: c.supersedes, supersededBy: c.supersededBy },
  };
}
