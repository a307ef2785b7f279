/** Characters a reader cannot see, which let one name pass for another. */

/**
 * Characters that show nothing, or only move text around: zero-width spaces and joiners, the
 * word joiner, the byte order mark, the soft hyphen, and the bidirectional controls.
 */
const INVISIBLE_RANGES: readonly (readonly [number, number])[] = [
  [0x00ad, 0x00ad],
  [0x034f, 0x034f],
  [0x061c, 0x061c],
  [0x115f, 0x1160],
  [0x17b4, 0x17b5],
  [0x180b, 0x180f],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x206f],
  [0x3164, 0x3164],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xffa0, 0xffa0],
];

export function isInvisible(c: string): boolean {
  const cp = c.codePointAt(0) ?? 0;
  return INVISIBLE_RANGES.some(([from, to]) => cp >= from && cp <= to);
}

/** The invisible characters in `text`, as `U+200B` names, each once. */
export function invisibleCharacters(text: string): string[] {
  const found = [...text].filter(isInvisible);
  return [...new Set(found)].map(
    (c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}
