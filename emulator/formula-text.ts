/**
 * The text of a formula, cut where references can be: what is inside a string literal (`"..."`)
 * or a quoted sheet name (`'My tab'`) is never a reference, so only the rest is handed on.
 */

/** `formula` with `change` applied to every stretch outside string literals and quoted names. */
export function outsideQuotes(formula: string, change: (code: string) => string): string {
  let out = '';
  let code = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i] as string;
    if (ch !== '"' && ch !== "'") {
      code += ch;
      i++;
      continue;
    }
    out += change(code);
    code = '';
    // A quote inside is written twice (`""`, `''`); an unclosed one runs to the end.
    let j = i + 1;
    while (j < formula.length) {
      if (formula[j] === ch && formula[j + 1] === ch) j += 2;
      else if (formula[j] === ch) break;
      else j++;
    }
    out += formula.slice(i, j + 1);
    i = j + 1;
  }
  return out + change(code);
}
