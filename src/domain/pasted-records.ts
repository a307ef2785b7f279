/**
 * Records pasted into the Decision records dialog, one after another, cut into one record file
 * each, as `previewImport` takes them. A record begins at its title (`# Title`), with the front
 * matter just above it (MADR 3/4); a line of `---` between two records is only a separator.
 * Headings inside a fenced code block are code, not titles.
 */
import type { RecordText } from './decision-import-plan.js';

const TITLE = /^#\s+\S/;
const FENCE = /^\s*(```|~~~)/;
const RULE = /^\s*---\s*$/;
const FRONT_LINE = /^\s*(#.*|[A-Za-z][\w-]*\s*:.*|-\s+.*)?$/;

/** Where the front matter ending at the last non-blank line of `lines` opens; -1 when none. */
function frontMatterStart(lines: readonly string[]): number {
  let end = lines.length - 1;
  while (end >= 0 && (lines[end] as string).trim() === '') end--;
  if (end < 0 || !RULE.test(lines[end] as string)) return -1;
  for (let i = end - 1; i >= 0; i--) {
    const line = lines[i] as string;
    if (RULE.test(line)) {
      const inside = lines.slice(i + 1, end);
      return inside.some((l) => /^\s*[A-Za-z][\w-]*\s*:/.test(l)) ? i : -1;
    }
    if (!FRONT_LINE.test(line)) return -1;
  }
  return -1;
}

function titleAt(lines: readonly string[], from: number): number {
  for (let i = from; i < lines.length; i++) if (TITLE.test(lines[i] as string)) return i;
  return lines.length;
}

/** Blank lines and `---` separators at either end dropped (a record's own front matter kept). */
function trimmed(lines: readonly string[]): string {
  let a = 0;
  let b = lines.length;
  while (b > a && (RULE.test(lines[b - 1] as string) || (lines[b - 1] as string).trim() === ''))
    b--;
  for (;;) {
    while (a < b && (lines[a] as string).trim() === '') a++;
    // A leading `---` is a separator unless it opens the front matter just above the title.
    if (a >= b || !RULE.test(lines[a] as string)) break;
    if (frontMatterStart(lines.slice(a, titleAt(lines, a))) === 0) break;
    a++;
  }
  return lines.slice(a, b).join('\n');
}

/** The pasted text as record files `pasted-1.md`, `pasted-2.md`…; empty pieces left out. */
export function pastedRecords(text: string): RecordText[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const pieces: string[][] = [];
  let current: string[] = [];
  let titled = false;
  let fenced = false;
  for (const line of lines) {
    if (FENCE.test(line)) fenced = !fenced;
    if (!fenced && TITLE.test(line)) {
      if (titled) {
        // The front matter just above this title belongs to it, not to the record before.
        const at = frontMatterStart(current);
        pieces.push(at < 0 ? current : current.slice(0, at));
        current = at < 0 ? [] : current.slice(at);
      }
      titled = true;
    }
    current.push(line);
  }
  pieces.push(current);
  return pieces
    .map(trimmed)
    .filter((t) => t.trim() !== '' && !/^[\s-]*$/.test(t))
    .map((t, i) => ({ name: `pasted-${i + 1}.md`, text: `${t}\n` }));
}
