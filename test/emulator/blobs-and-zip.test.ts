/**
 * Blobs, zips and files made from them, as Google's reference describes them: Class Blob
 * (https://developers.google.com/apps-script/reference/base/blob: getBytes is Byte[], Java's signed
 * bytes; getDataAsString is UTF-8), Class Utilities
 * (https://developers.google.com/apps-script/reference/utilities/utilities: newBlob, zip, unzip)
 * and DriveApp.createFile(blob)
 * (https://developers.google.com/apps-script/reference/drive/drive-app#createFile(BlobSource)),
 * and the Drive v3 advanced service's Files.create with a blob as its media
 * (https://developers.google.com/drive/api/reference/rest/v3/files/create), authorised by drive.file.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipBytes, zipBytes } from '../../emulator/blob.js';
import { runScript } from '../support/script.js';
import { tempDir } from '../support/temp.js';

const source = `
function zipTwo() {
  var a = Utilities.newBlob('# 1. Café', 'text/markdown', 'docs/adr/0001-cafe.md');
  var b = Utilities.newBlob('second', 'text/plain', 'notes.txt');
  var zip = Utilities.zip([a, b], 'records.zip');
  var file = DriveApp.createFile(zip);
  return [zip.getName(), zip.getContentType(), file.getName(), file.getMimeType(), file.getUrl(), file.getId()];
}
function roundTrip() {
  var zip = Utilities.zip([Utilities.newBlob('é', 'text/plain', 'x/é.md')], 'a.zip');
  return Utilities.unzip(zip).map(function (b) { return [b.getName(), b.getDataAsString()]; });
}
function upload() {
  var zip = Utilities.zip([Utilities.newBlob('# A', 'text/markdown', 'docs/adr/0001-a.md')], 'a.zip');
  return Drive.Files.create({ name: 'records.zip', mimeType: 'application/zip' }, zip, { fields: 'id,name,webViewLink' });
}
function bytes() { return Utilities.newBlob('é').getBytes(); }
function decoded() { return Utilities.newBlob(Utilities.base64Decode('w6k=')).getDataAsString(); }
`;

describe('Utilities.zip and DriveApp.createFile', () => {
  it('zips blobs under their names and creates the zip as a Drive file with a link', () => {
    const { rt, script } = runScript(source);
    const [zipName, type, fileName, mime, url, id] = script.call('zipTwo') as string[];
    expect([zipName, type, fileName, mime]).toEqual([
      'records.zip',
      'application/zip',
      'records.zip',
      'application/zip',
    ]);
    expect(url).toBe(`https://drive.google.com/file/d/${id}/view?usp=drivesdk`);
    const stored = rt.driveBlobFiles.get(id as string);
    expect(stored?.owner).toBe(rt.env.user);
    expect(unzipBytes(stored?.bytes as Buffer).map((e) => [e.name, e.bytes.toString()])).toEqual([
      ['docs/adr/0001-cafe.md', '# 1. Café'],
      ['notes.txt', 'second'],
    ]);
    expect(rt.lastExecution?.calls['DriveApp.createFile']).toBe(1);
  });

  it('uploads a zip with the Drive API under drive.file, answering the fields asked for', () => {
    const { rt, script } = runScript(source, {
      scopes: [
        'https://www.googleapis.com/auth/spreadsheets.currentonly',
        'https://www.googleapis.com/auth/drive.file',
      ],
    });
    const file = script.call('upload') as { id: string; name: string; webViewLink: string };
    expect(file).toEqual({
      id: file.id,
      name: 'records.zip',
      webViewLink: `https://drive.google.com/file/d/${file.id}/view?usp=drivesdk`,
    });
    expect(Object.keys(file)).toEqual(['id', 'name', 'webViewLink']);
    const stored = rt.driveBlobFiles.get(file.id);
    expect(stored?.mimeType).toBe('application/zip');
    expect(unzipBytes(stored?.bytes as Buffer).map((e) => e.name)).toEqual(['docs/adr/0001-a.md']);
  });

  it('refuses the Drive API upload without drive or drive.file', () => {
    const { script } = runScript(source, {
      scopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly'],
    });
    expect(() => script.call('upload')).toThrow(/drive\.files\.create|permission/i);
  });

  it('unzips what it zipped, names and UTF-8 text intact', () => {
    const { script } = runScript(source);
    expect(script.call('roundTrip')).toEqual([['x/é.md', 'é']]);
  });

  it('gives bytes as Java signed bytes, and makes a blob of decoded base64', () => {
    const { script } = runScript(source);
    expect(script.call('bytes')).toEqual([-61, -87]);
    expect(script.call('decoded')).toBe('é');
  });

  it('needs drive or drive.file to create a file', () => {
    const { script } = runScript(source, {
      scopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly'],
    });
    expect(() => script.call('zipTwo')).toThrow(
      /You do not have permission to call DriveApp.createFile/,
    );
  });

  it('writes a zip that the system unzip opens', () => {
    const dir = tempDir('zip-');
    const path = join(dir, 'a.zip');
    writeFileSync(path, zipBytes([{ name: 'docs/adr/0001-a.md', bytes: Buffer.from('# A\n') }]));
    try {
      execFileSync('unzip', ['-o', '-d', dir, path], { encoding: 'utf8' });
    } catch {
      // No unzip on this machine: Python's zipfile reads it instead.
      execFileSync(
        'python3',
        [
          '-c',
          `import zipfile; zipfile.ZipFile(${JSON.stringify(path)}).extractall(${JSON.stringify(dir)})`,
        ],
        { encoding: 'utf8' },
      );
    }
    expect(readFileSync(join(dir, 'docs/adr/0001-a.md'), 'utf8')).toBe('# A\n');
  });
});
