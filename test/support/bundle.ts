/** Loads the built add-on into a fresh emulator, as every bundle test does. */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, resolve } from 'node:path';
import {
  createRuntime,
  snapshotOf,
  type LoadedScript,
  type Runtime,
  type RuntimeOptions,
  type RuntimeState,
  type SheetData,
  type Workbook,
} from '../../emulator/index.js';
import { wallClock } from '../../emulator/time.js';

export const BUNDLE = resolve(import.meta.dirname, '../../dist/Code.js');

export interface Loaded {
  rt: Runtime;
  addon: LoadedScript;
}

/**
 * Every option the emulator would otherwise choose, given here, so that no assertion of a bundle
 * test rests on an emulator default: Wednesday 18 November 2026, 10:00 UTC (10:00 in London, the
 * sheet's zone), the CTO's account, a published add-on whose time-driven runs see their document,
 * and a whole-tab read of an empty tab refused as a zero-row range is. A test that asserts one of
 * these also passes it itself, where the reader sees it.
 */
export const BUNDLE_DEFAULTS = {
  now: '2026-11-18T10:00:00Z',
  timeZone: 'Europe/London',
  user: 'cto@example.com',
  addonTitle: 'CTO Registry',
  spreadsheetName: 'Registry',
  deployment: 'addon',
  triggerSeesDocument: true,
  copyMetadata: 'document',
  emptySheetValues: 'throw',
} as const satisfies RuntimeOptions;

export function loadAddon(options: RuntimeOptions = {}): Loaded {
  const rt = createRuntime({ ...BUNDLE_DEFAULTS, ...options });
  const addon = rt.load(BUNDLE);
  return { rt, addon };
}

/**
 * A registry built once, on first use, and saved: each call gives its own runtime restored from
 * that save (with the add-on loaded), and its own copy of what the build returned besides. The
 * save is kept as parsed JSON, as a file would give it, and used again for every restore: a
 * runtime copies what it restores and keeps no part of the state it was given (an emulator test
 * holds that), so a restore costs no JSON parse of the whole registry. With `cacheAs`, the save is
 * also kept on disk for other test processes and later runs (`cachedOnDisk`).
 */
export function restorable<T extends object>(
  build: () => Loaded & T,
  { cacheAs }: { cacheAs?: string } = {},
): () => Loaded & T {
  let saved: Saved | undefined;
  // The file that made it: its whole text is part of the key, so that a helper or constant of
  // that file the build uses, changed, is never hidden by the save.
  const caller = cacheAs ? callerFile() : undefined;
  return () => {
    saved ??=
      cacheAs && caller
        ? cachedOnDisk(cacheAs, build.toString() + readFileSync(caller, 'utf8'), () =>
            save(build()),
          )
        : save(build());
    const rt = createRuntime({ state: saved.state });
    return { ...(JSON.parse(saved.extra) as T), rt, addon: rt.load(BUNDLE) };
  };
}

interface Saved {
  state: RuntimeState;
  extra: string;
}

function save<T extends object>(built: Partial<Loaded> & T): Saved {
  const state = JSON.parse(JSON.stringify(built.rt?.saveState())) as RuntimeState;
  delete built.rt;
  delete built.addon;
  return { state, extra: JSON.stringify(built) };
}

const CACHE = resolve(import.meta.dirname, '../../node_modules/.cache/cto-registry-tests');
let sourcesHash: string | undefined;

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * A hash of everything a saved registry can depend on besides the file that built it: the built
 * add-on, the emulator, the playground (its demo registry), every test helper and fixture, the add-on's sources (a test may hand a
 * build a constant of src/) and the locked package versions (HyperFormula's). Any change to one
 * of them is a new key, so a stale registry is never restored.
 */
function sources(): string {
  if (sourcesHash) return sourcesHash;
  const hash = createHash('sha256').update(readFileSync(BUNDLE));
  const files = ['emulator', 'src', 'playground', 'test/support', 'test/fixtures'].flatMap((dir) =>
    readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
      .map((f) => join(ROOT, dir, f))
      .filter((f) => statSync(f).isFile()),
  );
  for (const f of [...files.sort(), join(ROOT, 'package-lock.json')])
    hash.update(relative(ROOT, f)).update(readFileSync(f));
  return (sourcesHash = hash.digest('hex').slice(0, 16));
}

/** The source file whose code called `restorable`, from the stack; undefined if none is found. */
function callerFile(): string | undefined {
  for (const line of new Error().stack?.split('\n').slice(1) ?? []) {
    const m = /(?:file:\/\/)?(\/[^\s():]+\.[cm]?[jt]sx?)(?::\d+)+\)?$/.exec(line.trim());
    const file = m?.[1];
    if (file && resolve(file) !== import.meta.filename && existsSync(file)) return file;
  }
  return undefined;
}

/**
 * A registry saved once for every test process and every run, under node_modules/.cache, as long
 * as the add-on, the emulator, these helpers and the build's own text are unchanged. For
 * registries whose building costs seconds (50 clients of 300 items); `name` must say every value
 * the build reads from outside its text (a size, say).
 */
function cachedOnDisk(name: string, text: string, build: () => Saved): Saved {
  const key = createHash('sha256').update(sources()).update(text).digest('hex').slice(0, 16);
  const file = join(CACHE, `${name}-${key}.json`);
  const lock = `${file}.lock`;
  mkdirSync(CACHE, { recursive: true });
  for (;;) {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as Saved;
    } catch {
      // Not saved yet: this process builds it, unless another is building it already (the two
      // workers of a run often want the same registry at once), in which case this one waits.
    }
    if (!claim(lock)) {
      Atomics.wait(PAUSE, 0, 0, 100);
      continue;
    }
    try {
      const saved = build();
      // Written whole, then renamed: a process reading it at the same time never sees half of it.
      const partial = `${file}.${process.pid}.tmp`;
      writeFileSync(partial, JSON.stringify(saved));
      renameSync(partial, file);
      return saved;
    } finally {
      rmSync(lock, { force: true });
    }
  }
}

const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/**
 * Takes the lock file for this process; false while a live process holds it. A lock left by a
 * process that ended (killed mid-build) is taken over.
 */
function claim(lock: string): boolean {
  try {
    writeFileSync(lock, String(process.pid), { flag: 'wx' });
    return true;
  } catch {
    let holder: number;
    try {
      holder = Number(readFileSync(lock, 'utf8'));
      // Taken a moment ago, its holder not yet written down: wait for it.
      if (!holder && Date.now() - statSync(lock).mtimeMs < 5000) return false;
    } catch {
      return false; // released meanwhile: try again
    }
    if (holder && holder !== process.pid && alive(holder)) return false;
    rmSync(lock, { force: true });
    return false;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function tab(rt: Runtime, name: string): SheetData {
  const sheet = rt.spreadsheet.sheetByName(name);
  if (!sheet)
    throw new Error(
      `no tab named ${name}; tabs: ${rt.spreadsheet.sheets.map((s) => s.name).join(', ')}`,
    );
  return sheet;
}

/** The file a tab belongs to: the active registry, or another file of the emulated Drive. */
function fileOf(rt: Runtime, sheet: SheetData): Workbook {
  if (rt.spreadsheet.sheets.includes(sheet)) return rt.spreadsheet;
  const file = [...rt.drive.files.values()].find((wb) => wb.sheets.includes(sheet));
  if (!file) throw new Error(`tab ${sheet.name} is in no file of the emulated Drive`);
  return file;
}

/**
 * A date cell's value as a person reads it in the file's time zone: `yyyy-MM-dd` for a date (a
 * date format, or local midnight with none), else the local date-time `yyyy-MM-ddTHH:mm:ss`.
 */
export function isoInZone(date: Date, timeZone: string, numberFormat = ''): string {
  const w = wallClock(date.getTime(), timeZone);
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  const day = `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
  const time = `${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
  const format = numberFormat.replace(/"[^"]*"/g, '');
  const dateFormat = /[dy]/i.test(format) && !/[hs]/i.test(format);
  const showsTime = /[hs]/i.test(format);
  if (dateFormat || (!showsTime && time === '00:00:00')) return day;
  return `${day}T${time}`;
}

/** The values of a tab as getValues would give them, Dates as ISO dates in the file's zone. */
export function values(rt: Runtime, sheet: SheetData): unknown[][] {
  const file = fileOf(rt, sheet);
  const rows: unknown[][] = [];
  const last = sheet.lastRow();
  const cols = sheet.lastColumn();
  for (let r = 1; r <= last; r++) {
    const line: unknown[] = [];
    for (let c = 1; c <= cols; c++) {
      const v = file.read(sheet, r, c);
      line.push(
        v instanceof Date ? isoInZone(v, file.timeZone, sheet.cell(r, c)?.format?.numberFormat) : v,
      );
    }
    rows.push(line);
  }
  return rows;
}

export function rowWith(rt: Runtime, sheet: SheetData, firstCell: string): number {
  const rows = values(rt, sheet);
  const i = rows.findIndex((r) => r[0] === firstCell);
  if (i < 0) throw new Error(`no row starting ${firstCell} on ${sheet.name}`);
  return i + 1;
}

export function addClient(
  addon: LoadedScript,
  fields: Record<string, unknown>,
): { id: string; name: string } {
  return addon.call('addClient', fields) as { id: string; name: string };
}

export interface AddedItem {
  id: string;
  clientId: string;
  clientName: string;
  kind: string;
  row: number;
}

export function addDebt(
  addon: LoadedScript,
  clientId: string,
  fields: Record<string, unknown>,
): AddedItem {
  return addon.call('addItem', { clientId, kind: 'debt', fields }) as AddedItem;
}

/** Every file the add-on made: the founder views (the registry itself left out). */
export function sharedFiles(rt: Runtime): Workbook[] {
  return [...rt.drive.files.values()].filter((f) => f !== rt.spreadsheet);
}

/** Every text a person with access to a file could read: its name, tab names, cells and notes. */
export function fileText(wb: Workbook): string {
  return JSON.stringify([
    wb.name,
    snapshotOf(wb).sheets.map((s) => [s.name, s.cells.map((c) => [c[2].v ?? '', c[2].note ?? ''])]),
  ]);
}
