/**
 * Formulas the add-on writes, in the dialect Google Sheets and HyperFormula evaluate alike:
 * bounded references and named ranges, IF/AND/OR, no array functions, no bare TRUE/FALSE.
 */
import { QUADRANTS } from '../domain/debt.js';
import { columnLetter } from '../domain/section-items.js';
import { formula, type Formula } from './cell-text.js';

export { columnLetter };

export const IMPACT_THRESHOLD_NAME = 'CTOR_ImpactThreshold';
export const EFFORT_THRESHOLD_NAME = 'CTOR_EffortThreshold';

/** The debt quadrant of one row, from its Impact and Effort cells and the Settings thresholds. */
export function quadrantFormula(row: number, impactColumn: number, effortColumn: number): Formula {
  const i = `${columnLetter(impactColumn)}${row}`;
  const e = `${columnLetter(effortColumn)}${row}`;
  const [doNow, planInvest, quickWin, skip] = QUADRANTS;
  return formula(
    `=IF(OR(${i}="",${e}=""),"",` +
      `IF(${i}>=${IMPACT_THRESHOLD_NAME},IF(${e}>=${EFFORT_THRESHOLD_NAME},"${planInvest}","${doNow}"),` +
      `IF(${e}>=${EFFORT_THRESHOLD_NAME},"${skip}","${quickWin}")))`,
  );
}

/** A risk's score: likelihood × impact, blank until both are given. */
export function scoreFormula(row: number, likelihoodColumn: number, impactColumn: number): Formula {
  const l = `${columnLetter(likelihoodColumn)}${row}`;
  const i = `${columnLetter(impactColumn)}${row}`;
  return formula(`=IF(OR(${l}="",${i}=""),"",${l}*${i})`);
}

/** A risk's band from its score: 1–4 Low, 5–9 Medium, 10–15 High, 16–25 Critical. */
export function bandFormula(row: number, scoreColumn: number): Formula {
  const s = `${columnLetter(scoreColumn)}${row}`;
  return formula(
    `=IF(${s}="","",IF(${s}>=16,"Critical",IF(${s}>=10,"High",IF(${s}>=5,"Medium","Low"))))`,
  );
}
