/** The spreadsheet's UI as the add-on sees it: menus, sidebars, dialogs, alerts, toasts, recorded. */
import type { Env } from './env.js';
import { SCOPE } from './env.js';

export interface MenuItem {
  caption: string;
  functionName: string;
}
export type MenuEntry = MenuItem | { separator: true } | { subMenu: string; items: MenuEntry[] };

export interface UiLog {
  menus: { title: string; addon: boolean; items: MenuEntry[] }[];
  sidebars: { title: string; html: string; width: number }[];
  dialogs: { title: string; html: string }[];
  alerts: { title: string; prompt: string }[];
  toasts: { title: string; message: string }[];
  /** The answers the next alerts get; `OK` when empty. */
  alertResponses: string[];
}

export function newUiLog(): UiLog {
  return { menus: [], sidebars: [], dialogs: [], alerts: [], toasts: [], alertResponses: [] };
}

type GMenu = GoogleAppsScript.Base.Menu;
type GUi = GoogleAppsScript.Base.Ui;

export class EmuMenu implements Pick<GMenu, 'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi'> {
  readonly items: MenuEntry[] = [];

  constructor(
    private readonly env: Env,
    private readonly log: UiLog,
    readonly title: string,
    private readonly addon: boolean,
  ) {}

  private chain(): GMenu {
    return this as unknown as GMenu;
  }

  addItem(caption: string, functionName: string): GMenu {
    this.env.record('Menu.addItem');
    this.items.push({ caption, functionName });
    return this.chain();
  }

  addSeparator(): GMenu {
    this.env.record('Menu.addSeparator');
    this.items.push({ separator: true });
    return this.chain();
  }

  addSubMenu(menu: GMenu): GMenu {
    this.env.record('Menu.addSubMenu');
    const sub = menu as unknown as EmuMenu;
    this.items.push({ subMenu: sub.title, items: sub.items });
    return this.chain();
  }

  addToUi(): void {
    this.env.record('Menu.addToUi');
    const others = this.log.menus.filter((m) => m.title !== this.title);
    this.log.menus.length = 0;
    this.log.menus.push(...others, {
      title: this.title,
      addon: this.addon,
      items: [...this.items],
    });
  }
}

export interface HtmlLike {
  getContent(): string;
  getTitle(): string;
  getWidth(): number;
}

export class EmuUi implements Pick<
  GUi,
  'createAddonMenu' | 'createMenu' | 'showSidebar' | 'showModalDialog'
> {
  readonly ButtonSet = {
    OK: 'OK',
    OK_CANCEL: 'OK_CANCEL',
    YES_NO: 'YES_NO',
    YES_NO_CANCEL: 'YES_NO_CANCEL',
  };
  readonly Button = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' };

  constructor(
    private readonly env: Env,
    private readonly log: UiLog,
    private readonly addonTitle: string,
  ) {}

  createAddonMenu(): GMenu {
    this.env.record('Ui.createAddonMenu');
    return new EmuMenu(this.env, this.log, this.addonTitle, true) as unknown as GMenu;
  }

  createMenu(caption: string): GMenu {
    this.env.record('Ui.createMenu');
    return new EmuMenu(this.env, this.log, caption, false) as unknown as GMenu;
  }

  showSidebar(userInterface: GoogleAppsScript.HTML.HtmlOutput): void {
    this.env.record('Ui.showSidebar');
    this.env.requireAuth('Ui.showSidebar');
    this.env.requireScope('Ui.showSidebar', [SCOPE.ui]);
    const html = userInterface as unknown as HtmlLike;
    this.log.sidebars.push({ title: html.getTitle(), html: html.getContent(), width: 300 });
  }

  showModalDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.env.record('Ui.showModalDialog');
    this.env.requireScope('Ui.showModalDialog', [SCOPE.ui]);
    const html = userInterface as unknown as HtmlLike;
    this.log.dialogs.push({ title, html: html.getContent() });
  }

  alert(a: string, b?: unknown, c?: unknown): string {
    this.env.record('Ui.alert');
    const title = typeof b === 'string' ? a : '';
    const prompt = typeof b === 'string' ? b : a;
    void c;
    this.log.alerts.push({ title, prompt });
    return this.log.alertResponses.shift() ?? 'OK';
  }
}
