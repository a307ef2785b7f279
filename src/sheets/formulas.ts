/**
 * Formulas the add-on writes, in the dialect Google Sheets and HyperFormula evaluate alike:
 * bounded references and named ranges, IF/AND/OR, no array functions, no bare TRUE/FALSE.
 */
import { QUADRANTS } from '../domain/debt.js';
import { THRESHOLDS, type Measure } from '../domain/dora.js';
import { DELIVERY_FORMULA_HEADERS } from '../domain/health-layout.js';
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

/**
 * The band of one DORA measure from its cell, by the thresholds the domain uses (dora.ts): blank
 * until the cell holds a number (COUNT of a text cell is 0, so "3h" shows no band), and blank
 * for a value outside the measure's range, as the domain reads it.
 */
export function doraBandFormula(measure: Measure, cell: string): Formula {
  const x = cell;
  const ladder = (() => {
    switch (measure) {
      case 'deploy': {
        const t = THRESHOLDS.deploy;
        return `IF(${x}>=${t.elite},"Elite",IF(${x}>=${t.high},"High","Low"))`;
      }
      case 'leadTime': {
        const t = THRESHOLDS.leadTime;
        return `IF(${x}<${t.elite},"Elite",IF(${x}<=${t.high},"High",IF(${x}<=${t.medium},"Medium","Low")))`;
      }
      case 'changeFailure': {
        const t = THRESHOLDS.changeFailure;
        return `IF(${x}<=${t.elite},"Elite",IF(${x}<=${t.high},"High",IF(${x}<=${t.medium},"Medium","Low")))`;
      }
      case 'restore': {
        const t = THRESHOLDS.restore;
        return `IF(${x}<${t.elite},"Elite",IF(${x}<${t.high},"High",IF(${x}<=${t.medium},"Medium","Low")))`;
      }
    }
  })();
  const outside = measure === 'changeFailure' ? `OR(${x}<0,${x}>1)` : `${x}<0`;
  return formula(`=IF(COUNT(${x})=0,"",IF(${outside},"",${ladder}))`);
}

/** Commitment reliability: shipped ÷ planned, blank until both are numbers and something was planned. */
export function reliabilityFormula(planned: string, shipped: string): Formula {
  return formula(
    `=IF(OR(COUNT(${planned})=0,COUNT(${shipped})=0),"",IF(OR(${planned}<=0,${shipped}<0),"",${shipped}/${planned}))`,
  );
}

const MEASURE_COLUMNS: readonly [Measure, string, string][] = [
  ['deploy', 'Deployments', DELIVERY_FORMULA_HEADERS.deployBand],
  ['leadTime', 'Lead time (hours)', DELIVERY_FORMULA_HEADERS.leadTimeBand],
  ['changeFailure', 'Change failure (%)', DELIVERY_FORMULA_HEADERS.changeFailureBand],
  ['restore', 'Time to restore (hours)', DELIVERY_FORMULA_HEADERS.restoreBand],
];

/** A Delivery row's live formulas, by header, from where its input columns are (1-based). */
export function deliveryRowFormulas(
  row: number,
  columnOf: (header: string) => number | undefined,
): Map<string, Formula> {
  const out = new Map<string, Formula>();
  const at = (header: string): string | null => {
    const c = columnOf(header);
    return c === undefined ? null : `${columnLetter(c)}${row}`;
  };
  for (const [measure, input, band] of MEASURE_COLUMNS) {
    const cell = at(input);
    if (cell) out.set(band, doraBandFormula(measure, cell));
  }
  const planned = at('Planned');
  const shipped = at('Shipped');
  if (planned && shipped)
    out.set(DELIVERY_FORMULA_HEADERS.reliability, reliabilityFormula(planned, shipped));
  return out;
}
