/**
 * When two client names are the same name to a reader. A founder view carries its client's name,
 * so a name that reads as another client's (`Аcme` with a Cyrillic А, `Acme` with a zero-width
 * space, `ACME `) must never pass as a second client. Names are compared by their confusable
 * skeleton (Unicode TR39, section 4): NFKC, case folded, invisible characters removed, white
 * space collapsed, then each character mapped to the one it is confusable with, by Unicode's
 * confusables.txt (13.0, as the `unhomoglyph` package carries it).
 */
import confusables from 'unhomoglyph/data.json';
import { invisibleCharacters, isInvisible } from './invisible-characters.js';
import { InputError } from './input-error.js';

/** Each key is one code point; its value the characters it is confusable with. */
const MAP = confusables as Record<string, string>;

function mapConfusables(text: string): string {
  let out = '';
  for (const c of text) out += MAP[c] ?? c;
  return out;
}

/** A name as a reader sees it: NFKC, no invisible characters, one space between words. */
function visible(name: string): string {
  return [...name.normalize('NFKC')]
    .filter((c) => !isInvisible(c))
    .join('')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Two names are the same client's when their skeletons are equal. */
export function nameSkeleton(name: string): string {
  // TR39's skeleton first (`I`, `1` and `l` meet), then case folded and mapped once more, so
  // that names differing in case alone (`а` and `А`) meet too.
  const skeleton = mapConfusables(visible(name).normalize('NFD')).normalize('NFD');
  return mapConfusables(skeleton.toLowerCase()).normalize('NFD');
}

/** Whether two names differ only as look-alikes (not merely in case and spaces). */
export function looksAlike(a: string, b: string): boolean {
  return (
    nameSkeleton(a) === nameSkeleton(b) && visible(a).toLowerCase() !== visible(b).toLowerCase()
  );
}

/**
 * Refuses a new client's name that holds characters a reader cannot see, or that reads as an
 * existing client's name. (Checked by the server only: the confusables table stays out of the
 * sidebar.)
 */
export function checkNewClientName(name: string, existing: readonly string[]): void {
  const hidden = invisibleCharacters(name);
  if (hidden.length)
    throw new InputError(
      `Client name contains characters a reader cannot see (${hidden.join(', ')}): type the name again with visible letters only.`,
      'name',
    );
  const wanted = nameSkeleton(name);
  const same = existing.find((n) => nameSkeleton(n) === wanted);
  if (same === undefined) return;
  throw new InputError(
    looksAlike(name, same)
      ? `Client name "${name}" reads as ${same}, an existing client (look-alike letters): choose a name a reader cannot mistake for it.`
      : `A client named ${same} already exists. Choose another name.`,
    'name',
  );
}
