/** The smaller services: MailApp, DriveApp files, HtmlService, Session, Utilities, Logger. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { SCOPE, isDate, type Env } from './env.js';
import { formatDatePattern } from './time.js';
import type { Workbook } from './workbook.js';
import {
  createDriveFile,
  newBlob,
  unzipBlob,
  zipBlobs,
  type DriveBlobFile,
  type EmuBlob,
  type EmuBlobFile,
} from './blob.js';

/** Recipients a consumer account may mail per day from Apps Script. */
export const MAIL_DAILY_QUOTA = 100;

export interface SentMail {
  /** The account the mail went out from: the user the execution ran as. */
  from: string;
  to: string;
  cc: string;
  bcc: string;
  subject: string;
  body: string;
  htmlBody: string;
  name: string;
  replyTo: string;
  at: string;
}

export interface MailState {
  outbox: SentMail[];
  /** Recipients mailed on each UTC day, keyed `yyyy-mm-dd`. */
  sentPerDay: Map<string, number>;
}

function recipients(list: string): string[] {
  return list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export class EmuMailApp {
  constructor(
    private readonly env: Env,
    private readonly state: MailState,
  ) {}

  private today(): string {
    return new Date(this.env.now).toISOString().slice(0, 10);
  }

  getRemainingDailyQuota(): number {
    this.env.record('MailApp.getRemainingDailyQuota');
    return MAIL_DAILY_QUOTA - (this.state.sentPerDay.get(this.today()) ?? 0);
  }

  sendEmail(...args: unknown[]): void {
    this.env.record('MailApp.sendEmail');
    this.env.requireAuth('MailApp.sendEmail');
    this.env.requireScope('MailApp.sendEmail', [SCOPE.mail]);
    let message: Record<string, unknown>;
    if (args.length === 1 && typeof args[0] === 'object' && args[0]) {
      message = args[0] as Record<string, unknown>;
    } else {
      const [to, subject, body, options] = args as [
        string,
        string,
        string,
        Record<string, unknown> | undefined,
      ];
      message = { ...(options ?? {}), to, subject, body };
    }
    const to = String(message['to'] ?? '');
    const cc = String(message['cc'] ?? '');
    const bcc = String(message['bcc'] ?? '');
    const all = [...recipients(to), ...recipients(cc), ...recipients(bcc)];
    if (all.length === 0) throw this.env.fail('Failed to send email: no recipient');
    for (const r of all) {
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(r)) throw this.env.fail(`Invalid email: ${r}`);
    }
    const day = this.today();
    const used = this.state.sentPerDay.get(day) ?? 0;
    if (used + all.length > MAIL_DAILY_QUOTA) {
      throw this.env.fail('Service invoked too many times for one day: email.');
    }
    this.state.sentPerDay.set(day, used + all.length);
    this.state.outbox.push({
      from: this.env.user,
      to,
      cc,
      bcc,
      subject: String(message['subject'] ?? ''),
      body: String(message['body'] ?? ''),
      htmlBody: String(message['htmlBody'] ?? ''),
      name: String(message['name'] ?? ''),
      replyTo: String(message['replyTo'] ?? ''),
      at: new Date(this.env.now).toISOString(),
    });
  }
}

type GUser = GoogleAppsScript.Drive.User;

function userOf(env: Env, email: string): GUser {
  return {
    getEmail: () => {
      env.record('User.getEmail');
      return email;
    },
  } as unknown as GUser;
}

/** A Drive file backed by an emulated spreadsheet: sharing is what the add-on uses. */
export class EmuFile {
  constructor(
    private readonly env: Env,
    readonly wb: Workbook,
  ) {}

  private chain(): GoogleAppsScript.Drive.File {
    return this as unknown as GoogleAppsScript.Drive.File;
  }

  private valid(email: string): string {
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
      throw this.env.fail(`Invalid argument: ${email}`);
    return email;
  }

  getId(): string {
    this.env.record('File.getId');
    return this.wb.id;
  }

  getName(): string {
    this.env.record('File.getName');
    return this.wb.name;
  }

  getUrl(): string {
    this.env.record('File.getUrl');
    return this.wb.url;
  }

  getOwner(): GUser {
    this.env.record('File.getOwner');
    return userOf(this.env, this.wb.owner);
  }

  private grant(set: Set<string>, emails: string[], method: string): GoogleAppsScript.Drive.File {
    this.env.record(`File.${method}`);
    for (const e of emails) {
      const email = this.valid(e);
      if (email !== this.wb.owner) set.add(email);
    }
    return this.chain();
  }

  addViewer(emailAddress: string): GoogleAppsScript.Drive.File {
    return this.grant(this.wb.viewers, [emailAddress], 'addViewer');
  }

  addViewers(emailAddresses: string[]): GoogleAppsScript.Drive.File {
    return this.grant(this.wb.viewers, emailAddresses, 'addViewers');
  }

  addCommenter(emailAddress: string): GoogleAppsScript.Drive.File {
    return this.grant(this.wb.commenters, [emailAddress], 'addCommenter');
  }

  addCommenters(emailAddresses: string[]): GoogleAppsScript.Drive.File {
    return this.grant(this.wb.commenters, emailAddresses, 'addCommenters');
  }

  addEditor(emailAddress: string): GoogleAppsScript.Drive.File {
    return this.grant(this.wb.editors, [emailAddress], 'addEditor');
  }

  removeViewer(emailAddress: string): GoogleAppsScript.Drive.File {
    this.env.record('File.removeViewer');
    // As in Drive, removing a viewer also removes a commenter of that address.
    this.wb.viewers.delete(emailAddress);
    this.wb.commenters.delete(emailAddress);
    return this.chain();
  }

  removeCommenter(emailAddress: string): GoogleAppsScript.Drive.File {
    this.env.record('File.removeCommenter');
    this.wb.commenters.delete(emailAddress);
    return this.chain();
  }

  removeEditor(emailAddress: string): GoogleAppsScript.Drive.File {
    this.env.record('File.removeEditor');
    this.wb.editors.delete(emailAddress);
    return this.chain();
  }

  getViewers(): GUser[] {
    this.env.record('File.getViewers');
    return [...this.wb.viewers, ...this.wb.commenters].map((e) => userOf(this.env, e));
  }

  getEditors(): GUser[] {
    this.env.record('File.getEditors');
    return [...this.wb.editors].map((e) => userOf(this.env, e));
  }

  setTrashed(trashed: boolean): GoogleAppsScript.Drive.File {
    this.env.record('File.setTrashed');
    this.wb.trashed = trashed;
    return this.chain();
  }

  isTrashed(): boolean {
    this.env.record('File.isTrashed');
    return this.wb.trashed;
  }
}

export class EmuDriveApp {
  constructor(
    private readonly env: Env,
    private readonly files: Map<string, Workbook>,
    /** Files made from blobs (a zip), kept apart from the spreadsheets. */
    private readonly blobFiles: Map<string, DriveBlobFile> = new Map(),
  ) {}

  createFile(blob: EmuBlob): EmuBlobFile {
    return createDriveFile(this.env, this.blobFiles, blob);
  }

  getFileById(id: string): GoogleAppsScript.Drive.File {
    this.env.record('DriveApp.getFileById');
    this.env.requireAuth('DriveApp.getFileById');
    this.env.requireScope('DriveApp.getFileById', [SCOPE.drive, SCOPE.driveFile]);
    const wb = this.files.get(id);
    const user = this.env.user;
    // With only drive.file, the app sees just the files it made or was given for this user.
    const onlyFileScope = !this.env.granted(SCOPE.drive);
    if (!wb || !wb.canRead(user) || (onlyFileScope && !wb.appAccess.has(user))) {
      throw this.env.fail(
        'No item with the given ID could be found, or you do not have permission to access it.',
      );
    }
    return new EmuFile(this.env, wb) as unknown as GoogleAppsScript.Drive.File;
  }
}

export class EmuHtmlOutput {
  private title = '';
  private width = 300;
  private height = 500;

  constructor(
    private readonly env: Env,
    private content: string,
  ) {}

  private chain(): GoogleAppsScript.HTML.HtmlOutput {
    return this as unknown as GoogleAppsScript.HTML.HtmlOutput;
  }

  setTitle(title: string): GoogleAppsScript.HTML.HtmlOutput {
    this.env.record('HtmlOutput.setTitle');
    this.title = title;
    return this.chain();
  }

  getTitle(): string {
    return this.title;
  }

  setWidth(width: number): GoogleAppsScript.HTML.HtmlOutput {
    this.env.record('HtmlOutput.setWidth');
    this.width = width;
    return this.chain();
  }

  getWidth(): number {
    return this.width;
  }

  setHeight(height: number): GoogleAppsScript.HTML.HtmlOutput {
    this.env.record('HtmlOutput.setHeight');
    this.height = height;
    return this.chain();
  }

  getHeight(): number {
    return this.height;
  }

  append(addedContent: string): GoogleAppsScript.HTML.HtmlOutput {
    this.env.record('HtmlOutput.append');
    this.content += addedContent;
    return this.chain();
  }

  getContent(): string {
    return this.content;
  }
}

export class EmuHtmlService {
  readonly SandboxMode = { IFRAME: 'IFRAME', NATIVE: 'NATIVE', EMULATED: 'EMULATED' };
  readonly XFrameOptionsMode = { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' };

  constructor(
    private readonly env: Env,
    private readonly directory: () => string,
  ) {}

  createHtmlOutput(html = ''): GoogleAppsScript.HTML.HtmlOutput {
    this.env.record('HtmlService.createHtmlOutput');
    return new EmuHtmlOutput(this.env, html) as unknown as GoogleAppsScript.HTML.HtmlOutput;
  }

  createHtmlOutputFromFile(filename: string): GoogleAppsScript.HTML.HtmlOutput {
    this.env.record('HtmlService.createHtmlOutputFromFile');
    const name = filename.endsWith('.html') ? filename : `${filename}.html`;
    let html: string;
    try {
      html = readFileSync(join(this.directory(), name), 'utf8');
    } catch {
      throw this.env.fail(`No HTML file named ${filename} was found.`);
    }
    return new EmuHtmlOutput(this.env, html) as unknown as GoogleAppsScript.HTML.HtmlOutput;
  }
}

export class EmuSession {
  constructor(
    private readonly env: Env,
    private readonly effectiveUser: () => string,
  ) {}

  getActiveUser(): { getEmail(): string } {
    this.env.record('Session.getActiveUser');
    const env = this.env;
    return {
      getEmail: () => {
        env.record('User.getEmail');
        // Without the userinfo.email scope Apps Script answers with an empty string.
        if (env.scopes && !env.scopes.includes(SCOPE.email)) return '';
        return env.user;
      },
    };
  }

  getEffectiveUser(): { getEmail(): string } {
    this.env.record('Session.getEffectiveUser');
    const email = this.effectiveUser();
    return { getEmail: () => email };
  }

  getScriptTimeZone(): string {
    this.env.record('Session.getScriptTimeZone');
    return this.env.timeZone;
  }

  getActiveUserLocale(): string {
    this.env.record('Session.getActiveUserLocale');
    return 'en';
  }

  getTemporaryActiveUserKey(): string {
    this.env.record('Session.getTemporaryActiveUserKey');
    return Buffer.from(this.env.user).toString('base64');
  }
}

export class EmuUtilities {
  constructor(private readonly env: Env) {}

  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    this.env.record('Utilities.formatDate');
    if (!isDate(date)) {
      throw this.env.fail(
        `The parameters (${typeof date},String,String) don't match the method signature for Utilities.formatDate.`,
      );
    }
    if (!isTimeZone(timeZone)) throw this.env.fail(`Invalid argument: timeZone`);
    return formatDatePattern(date.getTime(), timeZone, format);
  }

  sleep(milliseconds: number): void {
    this.env.record('Utilities.sleep');
    this.env.spend(milliseconds);
  }

  getUuid(): string {
    this.env.record('Utilities.getUuid');
    return randomUUID();
  }

  base64Encode(data: string): string {
    this.env.record('Utilities.base64Encode');
    return Buffer.from(data, 'utf8').toString('base64');
  }

  /** Byte[]: Java's signed bytes, as Blob.getBytes gives them. */
  base64Decode(encoded: string): number[] {
    this.env.record('Utilities.base64Decode');
    return [...Buffer.from(encoded, 'base64')].map((b) => (b > 127 ? b - 256 : b));
  }

  newBlob(data: string | number[], contentType?: string, name?: string): EmuBlob {
    return newBlob(this.env, data, contentType, name);
  }

  zip(blobs: EmuBlob[], name?: string): EmuBlob {
    return zipBlobs(this.env, blobs, name);
  }

  unzip(blob: EmuBlob): EmuBlob[] {
    return unzipBlob(this.env, blob);
  }
}

/** Zones Intl has accepted: building a formatter to ask again costs more than the formatting. */
const knownTimeZones = new Set<string>();

function isTimeZone(timeZone: string): boolean {
  if (knownTimeZones.has(timeZone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    return false;
  }
  knownTimeZones.add(timeZone);
  return true;
}

export class EmuLogger {
  constructor(private readonly env: Env) {}

  log(format: unknown, ...values: unknown[]): EmuLogger {
    this.env.record('Logger.log');
    let text = String(format);
    for (const v of values) text = text.replace(/%s/, String(v));
    this.env.logs.push(text);
    return this;
  }

  getLog(): string {
    return this.env.logs.join('\n');
  }

  clear(): void {
    this.env.logs.length = 0;
  }
}
