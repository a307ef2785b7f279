/**
 * The YAML front matter of a Markdown file (MADR 3 and 4 put an ADR's status, date and people
 * there), read and written in the small part of YAML those files use: `key: value` lines whose
 * value is plain, double-quoted, single-quoted or a `[flow, list]`, a block list of `- item`
 * lines, and `#` comments. Written values are double-quoted, in JSON's escapes, which YAML reads.
 */

export type FrontMatterValue = string | string[];

export interface FrontMatter {
  /** Keys in lower case. */
  values: Map<string, FrontMatterValue>;
  /** The text after the closing `---`. */
  body: string;
}

const FENCE = /^---\s*$/;

function unquote(raw: string): string {
  const v = raw.trim();
  if (v.startsWith('"') && v.endsWith('"') && v.length >= 2) {
    try {
      return JSON.parse(v) as string;
    } catch {
      return v.slice(1, -1);
    }
  }
  if (v.startsWith("'") && v.endsWith("'") && v.length >= 2)
    return v.slice(1, -1).replace(/''/g, "'");
  return v.replace(/\s+#.*$/, '');
}

function flowList(raw: string): string[] {
  const inner = raw.trim().slice(1, -1);
  const items: string[] = [];
  let current = '';
  let quote = '';
  for (const ch of inner) {
    if (quote) {
      current += ch;
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      current += ch;
    } else if (ch === ',') {
      items.push(current);
      current = '';
    } else current += ch;
  }
  items.push(current);
  return items.map(unquote).filter((s) => s !== '');
}

/** The front matter at the very start of `text`, or null when it has none. */
export function readFrontMatter(text: string): FrontMatter | null {
  const lines = text.split('\n');
  if (!FENCE.test(lines[0] ?? '')) return null;
  const end = lines.findIndex((l, i) => i > 0 && FENCE.test(l));
  if (end < 0) return null;
  const values = new Map<string, FrontMatterValue>();
  let listKey = '';
  for (const line of lines.slice(1, end)) {
    if (/^\s*(#.*)?$/.test(line)) continue;
    const item = /^\s+-\s+(.*)$/.exec(line) ?? /^-\s+(.*)$/.exec(line);
    if (item && listKey) {
      const list = values.get(listKey);
      values.set(listKey, [...(Array.isArray(list) ? list : []), unquote(item[1] as string)]);
      continue;
    }
    const pair = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!pair) continue;
    const key = (pair[1] as string).toLowerCase();
    const raw = (pair[2] as string).trim();
    listKey = raw === '' ? key : '';
    values.set(key, raw.startsWith('[') && raw.endsWith(']') ? flowList(raw) : unquote(raw));
  }
  return { values, body: lines.slice(end + 1).join('\n') };
}

/** Front matter of the given keys, in order, each value double-quoted; empty values left out. */
export function writeFrontMatter(entries: readonly [string, string][]): string {
  const lines = entries.filter(([, v]) => v !== '').map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
  return ['---', ...lines, '---'].join('\n');
}
