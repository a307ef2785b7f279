/**
 * Text typed in the registry, written into Markdown so that it shows as typed and reads back
 * exactly. CommonMark lets a backslash escape any ASCII punctuation character, so the characters
 * that would turn text into markup (emphasis, code, links, HTML, tables, headings) are escaped
 * wherever they stand, and a line that would open a list, a quote or a heading is escaped at its
 * start. A line break inside a one-line element (a title, a list item) is written `<br>`, which no
 * escaped text can contain, since `<` is always escaped.
 */

/** Markup characters escaped wherever they stand. */
const INLINE = /[\\`*_[\]<>|~#&]/g;
/** A line opening a bullet list, a setext underline or a thematic break. */
const LINE_MARK = /^(\s*)([-+=])/;
/** A line opening an ordered list: digits, then `.` or `)`. */
const ORDERED = /^(\s*\d+)([.)])/;
const BREAK = '<br>';

/** One line of text, as Markdown that shows it as typed. */
export function escapeLine(line: string): string {
  return line.replace(INLINE, '\\$&').replace(LINE_MARK, '$1\\$2').replace(ORDERED, '$1\\$2');
}

/** A line written by `escapeLine` (or any CommonMark escapes), as the text it shows. */
export function unescapeLine(line: string): string {
  return line.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** Text of several lines as Markdown lines, each escaped; blank lines stay blank. */
export function escapeBlock(text: string): string {
  return text.split('\n').map(escapeLine).join('\n');
}

export function unescapeBlock(markdown: string): string {
  return markdown.split('\n').map(unescapeLine).join('\n');
}

/** Text for a one-line element: every line escaped, line breaks as `<br>`. */
export function escapeInline(text: string): string {
  return text.split('\n').map(escapeLine).join(BREAK);
}

export function unescapeInline(markdown: string): string {
  return markdown
    .split(/<br\s*\/?>/i)
    .map(unescapeLine)
    .join('\n');
}
