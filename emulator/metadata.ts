/** Developer metadata and its finder, at spreadsheet and sheet level. */
import { DEFAULT_PROJECT, type Env } from './env.js';
import type { MetadataEntry, SheetData, Workbook } from './workbook.js';

type GMeta = GoogleAppsScript.Spreadsheet.DeveloperMetadata;
type GFinder = GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder;
type GLocation = GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation;
type GSheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface MetadataHost {
  sheetFacade(sheet: SheetData): GSheet;
}

/** An Apps Script enum value: an object whose `toString()` and `name()` give its name. */
function enumValue(name: string): { name(): string; toString(): string; toJSON(): string } {
  return Object.freeze({ name: () => name, toString: () => name, toJSON: () => name });
}

/** `SpreadsheetApp.DeveloperMetadataVisibility`: objects, as in Apps Script, not strings. */
export const METADATA_VISIBILITY = {
  DOCUMENT: enumValue('DOCUMENT'),
  PROJECT: enumValue('PROJECT'),
};

/** Reads `addDeveloperMetadata(key, [value], [visibility])` as Apps Script's overloads do. */
export function metadataArguments(
  value: unknown,
  visibility: unknown,
): { value: string | null; visibility: 'DOCUMENT' | 'PROJECT' } {
  const isEnum = (x: unknown) => typeof x === 'object' && x !== null;
  if (isEnum(value)) return { value: null, visibility: String(value) as 'DOCUMENT' | 'PROJECT' };
  return {
    value: value === undefined || value === null ? null : String(value),
    visibility: (visibility ? String(visibility) : 'DOCUMENT') as 'DOCUMENT' | 'PROJECT',
  };
}

/**
 * DOCUMENT metadata is visible to every script project with access to the document; PROJECT
 * metadata only to the project that created it.
 */
export function visibleTo(env: Env): (m: MetadataEntry) => boolean {
  return (m) => m.visibility === 'DOCUMENT' || (m.project ?? DEFAULT_PROJECT) === env.project;
}

export const METADATA_KEY_LIMIT = 256;
/** Sheets allows 30,000 characters of metadata per sheet or spreadsheet. */
export const METADATA_CHARACTER_LIMIT = 30000;

export function checkMetadata(
  env: Env,
  wb: Workbook,
  key: string,
  value: string | null,
  sheetId?: number,
): void {
  if (!key || key.length > METADATA_KEY_LIMIT) {
    throw env.fail('Invalid argument: key');
  }
  const used = wb.metadata
    .filter((m) => m.sheetId === sheetId)
    .reduce((n, m) => n + m.key.length + (m.value?.length ?? 0), 0);
  if (used + key.length + (value?.length ?? 0) > METADATA_CHARACTER_LIMIT) {
    throw env.fail('Developer metadata storage quota exceeded for this location.');
  }
}

export class EmuDeveloperMetadata implements Pick<
  GMeta,
  'getId' | 'getKey' | 'getValue' | 'getVisibility' | 'setValue' | 'remove'
> {
  constructor(
    private readonly env: Env,
    private readonly wb: Workbook,
    private readonly host: MetadataHost,
    readonly entry: MetadataEntry,
  ) {}

  getId(): number {
    this.env.record('DeveloperMetadata.getId');
    return this.entry.id;
  }

  getKey(): string {
    this.env.record('DeveloperMetadata.getKey');
    return this.entry.key;
  }

  getValue(): string | null {
    this.env.record('DeveloperMetadata.getValue');
    return this.entry.value;
  }

  getVisibility(): GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility {
    this.env.record('DeveloperMetadata.getVisibility');
    return METADATA_VISIBILITY[
      this.entry.visibility
    ] as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility;
  }

  setValue(value: string): GMeta {
    this.env.record('DeveloperMetadata.setValue');
    this.entry.value = value;
    return this as unknown as GMeta;
  }

  remove(): void {
    this.env.record('DeveloperMetadata.remove');
    const i = this.wb.metadata.indexOf(this.entry);
    if (i >= 0) this.wb.metadata.splice(i, 1);
  }

  getLocation(): GLocation {
    this.env.record('DeveloperMetadata.getLocation');
    const sheet =
      this.entry.sheetId === undefined ? undefined : this.wb.sheetById(this.entry.sheetId);
    const env = this.env;
    const host = this.host;
    const location = {
      getLocationType: () => {
        env.record('DeveloperMetadataLocation.getLocationType');
        return sheet ? 'SHEET' : 'SPREADSHEET';
      },
      getSheet: () => {
        env.record('DeveloperMetadataLocation.getSheet');
        return sheet ? host.sheetFacade(sheet) : null;
      },
    };
    return location as unknown as GLocation;
  }
}

export class EmuDeveloperMetadataFinder implements Pick<
  GFinder,
  'withKey' | 'withValue' | 'withId' | 'find'
> {
  private filters: ((m: MetadataEntry) => boolean)[] = [];

  constructor(
    private readonly env: Env,
    private readonly wb: Workbook,
    private readonly host: MetadataHost,
    private readonly sheetId: number | undefined,
  ) {}

  private chain(): GFinder {
    return this as unknown as GFinder;
  }

  withKey(key: string): GFinder {
    this.env.record('DeveloperMetadataFinder.withKey');
    this.filters.push((m) => m.key === key);
    return this.chain();
  }

  withValue(value: string): GFinder {
    this.env.record('DeveloperMetadataFinder.withValue');
    this.filters.push((m) => m.value === value);
    return this.chain();
  }

  withId(id: number): GFinder {
    this.env.record('DeveloperMetadataFinder.withId');
    this.filters.push((m) => m.id === id);
    return this.chain();
  }

  find(): GMeta[] {
    this.env.record('DeveloperMetadataFinder.find');
    return this.wb.metadata
      .filter((m) => this.sheetId === undefined || m.sheetId === this.sheetId)
      .filter(visibleTo(this.env))
      .filter((m) => this.filters.every((f) => f(m)))
      .map((m) => new EmuDeveloperMetadata(this.env, this.wb, this.host, m) as unknown as GMeta);
  }
}
