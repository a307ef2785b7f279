/**
 * Named ranges as the formula engine is told them. Sheets takes a name of letters then digits
 * (`Budget2026`): it is no cell, since no column has four letters. HyperFormula refuses any name
 * of letters then digits, taking it for a cell reference. Such a name is handed to the engine as
 * `_.Budget2026` (a dot, which Sheets never allows in a name, so no name of the user's can meet
 * it), in its named expressions and in the formulas that use it, and given back in the user's
 * spelling when a formula is read; the script never sees the engine's form.
 */
import { outsideQuotes } from './formula-text.js';

const LETTERS_THEN_DIGITS = /^[A-Za-z]{4,}\d+$/;
const PREFIX = '_.';

/** The name the engine knows a named range by. */
export function engineName(name: string): string {
  return LETTERS_THEN_DIGITS.test(name) ? `${PREFIX}${name}` : name;
}

/** Such a name standing alone in a formula: not part of a longer name, a function or a sheet. */
const IN_FORMULA = /(?<![A-Za-z0-9_.$!])([A-Za-z]{4,}\d+)(?![A-Za-z0-9_.(!])/g;
const ENGINE_FORM = /(?<![A-Za-z0-9_.$!])_\.([A-Za-z]{4,}\d+)(?![A-Za-z0-9_.(!])/g;

/** A formula as written, with such names in the engine's form. */
export function toEngine(formula: string): string {
  return outsideQuotes(formula, (code) => code.replace(IN_FORMULA, `${PREFIX}$1`));
}

/** A formula as the engine gives it back, with such names as the user wrote them. */
export function fromEngine(formula: string): string {
  return outsideQuotes(formula, (code) => code.replace(ENGINE_FORM, '$1'));
}
