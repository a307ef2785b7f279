/** Protections: recorded with their editors so tests can see what the add-on protects. */
import type { Env } from './env.js';
import type { ProtectionData, Workbook } from './workbook.js';

type GProtection = GoogleAppsScript.Spreadsheet.Protection;

export class EmuProtection implements Pick<
  GProtection,
  'setDescription' | 'getDescription' | 'setWarningOnly' | 'isWarningOnly' | 'remove' | 'canEdit'
> {
  constructor(
    private readonly env: Env,
    private readonly wb: Workbook,
    readonly data: ProtectionData,
  ) {}

  private chain(): GProtection {
    return this as unknown as GProtection;
  }

  setDescription(description: string): GProtection {
    this.env.record('Protection.setDescription');
    this.data.description = description;
    return this.chain();
  }

  getDescription(): string {
    this.env.record('Protection.getDescription');
    return this.data.description;
  }

  setWarningOnly(warningOnly: boolean): GProtection {
    this.env.record('Protection.setWarningOnly');
    this.data.warningOnly = warningOnly;
    return this.chain();
  }

  isWarningOnly(): boolean {
    this.env.record('Protection.isWarningOnly');
    return this.data.warningOnly;
  }

  getEditorEmails(): string[] {
    this.env.record('Protection.getEditors');
    return [...this.data.editors];
  }

  removeEditor(email: string): GProtection {
    this.env.record('Protection.removeEditor');
    if (email !== this.wb.owner) this.data.editors = this.data.editors.filter((e) => e !== email);
    return this.chain();
  }

  addEditor(email: string): GProtection {
    this.env.record('Protection.addEditor');
    if (!this.data.editors.includes(email)) this.data.editors.push(email);
    return this.chain();
  }

  remove(): void {
    this.env.record('Protection.remove');
    const i = this.wb.protections.indexOf(this.data);
    if (i >= 0) this.wb.protections.splice(i, 1);
  }

  canEdit(): boolean {
    this.env.record('Protection.canEdit');
    return this.data.editors.includes(this.env.user) || this.data.warningOnly;
  }
}
