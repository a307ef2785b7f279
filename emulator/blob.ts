/**
 * Blobs, zip archives and the non-spreadsheet files DriveApp creates from them, for the add-on's
 * decision records export: `Utilities.newBlob`, `Utilities.zip`, `Utilities.unzip` and
 * `DriveApp.createFile(blob)`.
 *
 * Google's reference: Class Blob (https://developers.google.com/apps-script/reference/base/blob)
 * gives `getBytes` as `Byte[]`, Java's signed bytes (-128 to 127), `getDataAsString` as UTF-8;
 * Class Utilities (https://developers.google.com/apps-script/reference/utilities/utilities):
 * `newBlob(data, contentType, name)`, `zip(blobs, name)` "creates a new Blob object that is a zip
 * file containing the data from the Blobs passed in", `unzip(blob)` gives the entries back as
 * blobs. Class DriveApp `createFile(blob)` "creates a file in the root of the user's Drive from a
 * given Blob"; it needs drive or drive.file, and under drive.file the app may open the file it
 * made. The zip is a real one (deflated entries, CRC-32), so a test can open it as a person would.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { SCOPE, type Env } from './env.js';

/** A file in the emulated Drive that is not a spreadsheet: a zip the add-on made, for one. */
export interface DriveBlobFile {
  id: string;
  name: string;
  mimeType: string;
  bytes: Buffer;
  owner: string;
  url: string;
}

function toBuffer(data: string | readonly number[] | Buffer): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (Buffer.isBuffer(data)) return Buffer.from(data);
  return Buffer.from(data.map((b) => b & 0xff));
}

export class EmuBlob {
  constructor(
    private readonly env: Env,
    private bytes: Buffer,
    private contentType: string | null,
    private name: string | null,
  ) {}

  /** The bytes, for the emulator's own use (not an Apps Script method, so not counted). */
  buffer(): Buffer {
    return this.bytes;
  }

  /** The name and type, for the emulator's own use. */
  meta(): { name: string | null; contentType: string | null } {
    return { name: this.name, contentType: this.contentType };
  }

  getBytes(): number[] {
    this.env.record('Blob.getBytes');
    return [...this.bytes].map((b) => (b > 127 ? b - 256 : b));
  }

  getDataAsString(): string {
    this.env.record('Blob.getDataAsString');
    return this.bytes.toString('utf8');
  }

  getName(): string | null {
    this.env.record('Blob.getName');
    return this.name;
  }

  setName(name: string): EmuBlob {
    this.env.record('Blob.setName');
    this.name = name;
    return this;
  }

  getContentType(): string | null {
    this.env.record('Blob.getContentType');
    return this.contentType;
  }

  setContentType(contentType: string): EmuBlob {
    this.env.record('Blob.setContentType');
    this.contentType = contentType;
    return this;
  }

  copyBlob(): EmuBlob {
    this.env.record('Blob.copyBlob');
    return new EmuBlob(this.env, Buffer.from(this.bytes), this.contentType, this.name);
  }

  getBlob(): EmuBlob {
    return this;
  }
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip archive of the entries, deflated, names in UTF-8 (general purpose flag bit 11). */
export function zipBytes(entries: readonly { name: string; bytes: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const data = deflateRawSync(e.bytes);
    const crc = crc32(e.bytes);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(e.bytes.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(e.bytes.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The entries of a zip archive (stored or deflated), read from its central directory. */
export function unzipBytes(zip: Buffer): { name: string; bytes: Buffer }[] {
  const endAt = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endAt < 0) throw new Error('Not a zip archive.');
  const count = zip.readUInt16LE(endAt + 10);
  let at = zip.readUInt32LE(endAt + 16);
  const out: { name: string; bytes: Buffer }[] = [];
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(dataAt, dataAt + size);
    if (!name.endsWith('/'))
      out.push({ name, bytes: method === 8 ? inflateRawSync(raw) : Buffer.from(raw) });
    at += 46 + nameLength + extra + comment;
  }
  return out;
}

export function isEmuBlob(value: unknown): value is EmuBlob {
  return value instanceof EmuBlob;
}

/** The Utilities methods for blobs; `EmuUtilities` hands its calls here. */
export function newBlob(env: Env, data: unknown, contentType?: string, name?: string): EmuBlob {
  env.record('Utilities.newBlob');
  if (typeof data !== 'string' && !Array.isArray(data))
    throw env.fail(
      `The parameters (${typeof data}) don't match the method signature for Utilities.newBlob.`,
    );
  return new EmuBlob(env, toBuffer(data as string | number[]), contentType ?? null, name ?? null);
}

export function zipBlobs(env: Env, blobs: unknown, name?: string): EmuBlob {
  env.record('Utilities.zip');
  if (!Array.isArray(blobs) || !blobs.every(isEmuBlob))
    throw env.fail("The parameters (object) don't match the method signature for Utilities.zip.");
  const entries = blobs.map((b, i) => ({ name: b.meta().name ?? `file${i}`, bytes: b.buffer() }));
  return new EmuBlob(env, zipBytes(entries), 'application/zip', name ?? 'archive.zip');
}

export function unzipBlob(env: Env, blob: unknown): EmuBlob[] {
  env.record('Utilities.unzip');
  if (!isEmuBlob(blob))
    throw env.fail("The parameters (object) don't match the method signature for Utilities.unzip.");
  let entries: { name: string; bytes: Buffer }[];
  try {
    entries = unzipBytes(blob.buffer());
  } catch {
    throw env.fail('Could not unzip: the blob is not a zip file.');
  }
  return entries.map((e) => new EmuBlob(env, e.bytes, null, e.name));
}

/** A Drive file made from a blob, as `DriveApp.createFile` answers it. */
export class EmuBlobFile {
  constructor(
    private readonly env: Env,
    readonly file: DriveBlobFile,
  ) {}

  getId(): string {
    this.env.record('File.getId');
    return this.file.id;
  }

  getName(): string {
    this.env.record('File.getName');
    return this.file.name;
  }

  getUrl(): string {
    this.env.record('File.getUrl');
    return this.file.url;
  }

  getMimeType(): string {
    this.env.record('File.getMimeType');
    return this.file.mimeType;
  }

  getSize(): number {
    this.env.record('File.getSize');
    return this.file.bytes.length;
  }

  getBlob(): EmuBlob {
    this.env.record('File.getBlob');
    return new EmuBlob(this.env, Buffer.from(this.file.bytes), this.file.mimeType, this.file.name);
  }
}

let counter = 0;

/** Keeps a blob as a file of the emulated Drive, owned by the user the execution runs as. */
export function storeBlobFile(
  env: Env,
  store: Map<string, DriveBlobFile>,
  blob: EmuBlob,
  name?: string,
  mimeType?: string,
): DriveBlobFile {
  const id = `blob${String(++counter).padStart(6, '0')}${Math.random().toString(36).slice(2, 10)}`;
  const file: DriveBlobFile = {
    id,
    name: name ?? blob.meta().name ?? 'Untitled',
    mimeType: mimeType ?? blob.meta().contentType ?? 'application/octet-stream',
    bytes: Buffer.from(blob.buffer()),
    owner: env.user,
    url: `https://drive.google.com/file/d/${id}/view?usp=drivesdk`,
  };
  store.set(id, file);
  return file;
}

export function createDriveFile(
  env: Env,
  store: Map<string, DriveBlobFile>,
  blob: unknown,
): EmuBlobFile {
  env.record('DriveApp.createFile');
  env.requireAuth('DriveApp.createFile');
  env.requireScope('DriveApp.createFile', [SCOPE.drive, SCOPE.driveFile]);
  if (!isEmuBlob(blob))
    throw env.fail(
      "The parameters (object) don't match the method signature for DriveApp.createFile.",
    );
  return new EmuBlobFile(env, storeBlobFile(env, store, blob));
}
