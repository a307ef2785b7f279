/** Data validation rules and their builder (`SpreadsheetApp.newDataValidation()`). */
import { isDate } from './env.js';
import type { Env } from './env.js';
import type { Scalar, ValidationRule } from './workbook.js';

type GRule = GoogleAppsScript.Spreadsheet.DataValidation;
type GBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;

export class EmuDataValidation implements Pick<
  GRule,
  'getCriteriaValues' | 'getAllowInvalid' | 'getHelpText'
> {
  constructor(readonly rule: ValidationRule) {}

  getCriteriaType(): string {
    return this.rule.criteria;
  }

  getCriteriaValues(): any[] {
    return [...this.rule.args];
  }

  getAllowInvalid(): boolean {
    return this.rule.allowInvalid;
  }

  getHelpText(): string {
    return this.rule.helpText;
  }

  accepts(value: Scalar): boolean {
    const [a, b] = this.rule.args;
    switch (this.rule.criteria) {
      case 'VALUE_IN_LIST':
        return value === '' || (a as unknown[]).map(String).includes(String(value));
      case 'NUMBER_BETWEEN':
        return (
          value === '' || (typeof value === 'number' && value >= Number(a) && value <= Number(b))
        );
      case 'DATE_IS_VALID_DATE':
        return value === '' || isDate(value);
      case 'CHECKBOX': {
        if (value === '') return true;
        const { checked, unchecked } = checkboxValues(this.rule);
        return sameValue(value, checked) || sameValue(value, unchecked);
      }
      default:
        return true;
    }
  }
}

export class EmuDataValidationBuilder implements Pick<
  GBuilder,
  | 'requireValueInList'
  | 'requireNumberBetween'
  | 'requireDate'
  | 'requireCheckbox'
  | 'setAllowInvalid'
  | 'setHelpText'
  | 'build'
> {
  private rule: ValidationRule = { criteria: 'ANY', args: [], allowInvalid: true, helpText: '' };

  constructor(private readonly env: Env) {}

  private chain(): GBuilder {
    return this as unknown as GBuilder;
  }

  /** Sheets keeps the values as text: `[9, false, 'z']` reads back `['9', 'false', 'z']`. */
  requireValueInList(values: string[], showDropdown = true): GBuilder {
    this.env.record('DataValidationBuilder.requireValueInList');
    this.rule = {
      ...this.rule,
      criteria: 'VALUE_IN_LIST',
      args: [Array.from(values, (v) => String(v)), showDropdown],
    };
    return this.chain();
  }

  requireNumberBetween(start: number, end: number): GBuilder {
    this.env.record('DataValidationBuilder.requireNumberBetween');
    this.rule = { ...this.rule, criteria: 'NUMBER_BETWEEN', args: [start, end] };
    return this.chain();
  }

  requireDate(): GBuilder {
    this.env.record('DataValidationBuilder.requireDate');
    this.rule = { ...this.rule, criteria: 'DATE_IS_VALID_DATE', args: [] };
    return this.chain();
  }

  /** With values, the checkbox is ticked by `checkedValue` and unticked by `uncheckedValue` or blank. */
  requireCheckbox(checkedValue?: any, uncheckedValue?: any): GBuilder {
    this.env.record('DataValidationBuilder.requireCheckbox');
    const args = [checkedValue, uncheckedValue].filter((v) => v !== undefined);
    this.rule = { ...this.rule, criteria: 'CHECKBOX', args };
    return this.chain();
  }

  setAllowInvalid(allowInvalidData: boolean): GBuilder {
    this.env.record('DataValidationBuilder.setAllowInvalid');
    this.rule = { ...this.rule, allowInvalid: allowInvalidData };
    return this.chain();
  }

  setHelpText(helpText: string): GBuilder {
    this.env.record('DataValidationBuilder.setHelpText');
    this.rule = { ...this.rule, helpText };
    return this.chain();
  }

  build(): GRule {
    this.env.record('DataValidationBuilder.build');
    if (this.rule.criteria === 'ANY') {
      throw this.env.fail('You must specify a data validation criteria before building.');
    }
    return new EmuDataValidation({ ...this.rule }) as unknown as GRule;
  }
}

/**
 * What a checkbox holds ticked and unticked: TRUE and FALSE, or the rule's own values
 * (`requireCheckbox(checked)` is unticked when blank; developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#requirecheckboxcheckedvalue).
 */
export function checkboxValues(rule: ValidationRule): { checked: Scalar; unchecked: Scalar } {
  const [checked, unchecked] = rule.args as Scalar[];
  if (checked === undefined) return { checked: true, unchecked: false };
  return { checked, unchecked: unchecked ?? '' };
}

/** Whether a cell's value is a checkbox state: a typed `1` is the state `'1'`. */
export function sameValue(value: Scalar, state: Scalar): boolean {
  return typeof state === 'boolean' ? value === state : String(value) === String(state);
}

/** Whether the checkbox in a cell is ticked; undefined when its value is neither state. */
export function isTicked(rule: ValidationRule, value: Scalar): boolean | undefined {
  const { checked, unchecked } = checkboxValues(rule);
  if (sameValue(value, checked)) return true;
  if (sameValue(value, unchecked)) return false;
  return undefined;
}
