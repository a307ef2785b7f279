/**
 * Script projects and copies of a spreadsheet. Moving from a script bound to the registry to the
 * published add-on is a change of script project: the add-on is another project, with its own
 * script, user and document properties, and it cannot see the PROJECT-visible developer metadata
 * the bound script wrote (nor can a bound script see the add-on's). File ▸ Make a copy likewise
 * gives the copy's bound script a new project, and the copy a new id, so document properties
 * (kept by id) never follow a copy.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRuntime, snapshotOf, type RuntimeOptions } from '../../emulator/index.js';
import { tempDir } from '../support/temp.js';

const SOURCE = `
function mark() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var sheet = ss.getSheets()[0];
  var V = SpreadsheetApp.DeveloperMetadataVisibility;
  sheet.addDeveloperMetadata('role', 'client', V.PROJECT);
  sheet.addDeveloperMetadata('shared', 'yes', V.DOCUMENT);
  ss.addDeveloperMetadata('schema', V.PROJECT);
  ss.addDeveloperMetadata('version', '3');
}
function seen() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var sheet = ss.getSheets()[0];
  var keys = function (list) {
    return list.map(function (m) { return m.getKey() + '=' + m.getValue() + ':' + m.getVisibility(); }).sort();
  };
  return {
    finder: keys(ss.createDeveloperMetadataFinder().find()),
    spreadsheet: keys(ss.getDeveloperMetadata()),
    sheet: keys(sheet.getDeveloperMetadata()),
    sheetFinder: keys(sheet.createDeveloperMetadataFinder().withKey('role').find()),
  };
}
function store(v) {
  PropertiesService.getDocumentProperties().setProperty('k', v);
  PropertiesService.getUserProperties().setProperty('k', v);
  PropertiesService.getScriptProperties().setProperty('k', v);
}
function stored() {
  return [
    PropertiesService.getDocumentProperties().getProperty('k'),
    PropertiesService.getUserProperties().getProperty('k'),
    PropertiesService.getScriptProperties().getProperty('k'),
  ];
}
function scriptId() { return ScriptApp.getScriptId(); }
function build() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var s = ss.insertSheet('Data');
  s.getRange('A1:B2').setValues([[2, '=A1*3'], ['text', 'x']]);
  s.getRange('A1').setNote('a note').setBackground('#abcdef');
  s.getRange('B2').setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(['x', 'y']).build());
  ss.setNamedRange('Total', s.getRange('A1:A2'));
  var V = SpreadsheetApp.DeveloperMetadataVisibility;
  s.addDeveloperMetadata('role', 'client', V.PROJECT);
  s.addDeveloperMetadata('shared', 'yes', V.DOCUMENT);
  PropertiesService.getDocumentProperties().setProperty('k', 'v');
}
`;

function files(options: RuntimeOptions = {}) {
  const dir = tempDir('gas-projects-');
  const path = join(dir, 'Code.js');
  writeFileSync(path, SOURCE);
  const rt = createRuntime({ now: '2026-11-18T10:00:00Z', ...options });
  return { rt, path };
}

describe('script projects', () => {
  it('PROJECT metadata is seen only by the project that wrote it; DOCUMENT metadata by every project', () => {
    // DOCUMENT: "accessible from any developer project with access to the document"; PROJECT:
    // "only visible to and accessible by the developer project that created the metadata":
    // https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata-visibility
    const { rt, path } = files();
    const bound = rt.load(path, { project: 'bound-script' });
    const addon = rt.load(path);
    expect([bound.project, addon.project]).toEqual(['bound-script', 'emulated-script-id']);
    bound.call('mark');
    expect(bound.call('seen')).toEqual({
      finder: [
        'role=client:PROJECT',
        'schema=null:PROJECT',
        'shared=yes:DOCUMENT',
        'version=3:DOCUMENT',
      ],
      spreadsheet: ['schema=null:PROJECT', 'version=3:DOCUMENT'],
      sheet: ['role=client:PROJECT', 'shared=yes:DOCUMENT'],
      sheetFinder: ['role=client:PROJECT'],
    });
    expect(addon.call('seen')).toEqual({
      finder: ['shared=yes:DOCUMENT', 'version=3:DOCUMENT'],
      spreadsheet: ['version=3:DOCUMENT'],
      sheet: ['shared=yes:DOCUMENT'],
      sheetFinder: [],
    });
    expect(rt.spreadsheet.metadata.map((m) => [m.key, m.project])).toEqual([
      ['role', 'bound-script'],
      ['shared', 'bound-script'],
      ['schema', 'bound-script'],
      ['version', 'bound-script'],
    ]);
  });

  it('each project has its own script, user and document properties, and its own script id', () => {
    // "Properties cannot be shared between scripts":
    // https://developers.google.com/apps-script/reference/properties/properties-service
    const { rt, path } = files();
    const bound = rt.load(path, { project: 'bound-script' });
    const addon = rt.load(path);
    bound.call('store', 'from the bound script');
    expect(addon.call('stored')).toEqual([null, null, null]);
    expect(bound.call('stored')).toEqual([
      'from the bound script',
      'from the bound script',
      'from the bound script',
    ]);
    expect(rt.documentProperties(rt.spreadsheet.id, 'bound-script').get('k')).toBe(
      'from the bound script',
    );
    expect(rt.properties.document.size).toBe(0);
    expect([bound.call('scriptId'), addon.call('scriptId')]).toEqual([
      'bound-script',
      'emulated-script-id',
    ]);
  });
});

describe('File ▸ Make a copy', () => {
  it('copies tabs, values, formulas, formats, notes, validation and named ranges; not document properties', () => {
    // Document properties belong to the document (its id), and a copy is a new document:
    // https://developers.google.com/apps-script/reference/properties/properties-service
    const { rt, path } = files();
    const addon = rt.load(path);
    addon.call('build');
    rt.share(rt.spreadsheet.id, 'partner@example.com', 'editor');
    const copy = rt.copySpreadsheet();
    expect(copy.id).not.toBe(rt.spreadsheet.id);
    expect(copy.name).toBe('Copy of Registry');
    expect(copy.owner).toBe('cto@example.com');
    expect([...copy.editors]).toEqual([]);
    const data = copy.sheetByName('Data')!;
    expect(copy.read(data, 1, 2)).toBe(6);
    expect(copy.formula(data, 1, 2)).toBe('=A1*3');
    expect(data.cell(1, 1)).toMatchObject({ note: 'a note', format: { background: '#abcdef' } });
    expect(data.cell(2, 2)?.validation?.args).toEqual([['x', 'y'], true]);
    expect(copy.namedRanges.get('Total')).toMatchObject({ row: 1, numRows: 2, sheetId: data.id });
    expect(rt.documentProperties(rt.spreadsheet.id).get('k')).toBe('v');
    expect(rt.documentProperties(copy.id).size).toBe(0);
    rt.activate(copy.id);
    expect((addon.call('stored') as (string | null)[])[0]).toBeNull();
    const named = rt.copySpreadsheet(copy.id, 'Acme 2027');
    expect(named.name).toBe('Acme 2027');
  });

  it('keeps DOCUMENT developer metadata by default; copyMetadata switches to all or none', () => {
    // Choice: Google does not say whether Make a copy keeps developer metadata. A user reports
    // that a duplicated spreadsheet's metadata could no longer be changed by their app
    // (https://github.com/TylerMoser/BudgetApp/issues/39), so the default keeps only
    // DOCUMENT-visible metadata and `copyMetadata` tests the add-on against the other outcomes.
    const { rt, path } = files();
    rt.load(path).call('build');
    const keys = (id: string) =>
      rt.drive.files
        .get(id)!
        .metadata.map((m) => `${m.key}:${m.visibility}`)
        .sort();
    expect(rt.copyMetadata).toBe('document');
    expect(keys(rt.copySpreadsheet().id)).toEqual(['shared:DOCUMENT']);
    rt.copyMetadata = 'all';
    expect(keys(rt.copySpreadsheet().id)).toEqual(['role:PROJECT', 'shared:DOCUMENT']);
    rt.copyMetadata = 'none';
    expect(keys(rt.copySpreadsheet().id)).toEqual([]);
    const none = files({ copyMetadata: 'none' }).rt;
    expect(none.copyMetadata).toBe('none');
  });

  it('a copy round-trips through the saved state', () => {
    const { rt, path } = files();
    rt.load(path).call('build');
    const copy = rt.copySpreadsheet();
    const again = createRuntime({ state: JSON.parse(JSON.stringify(rt.saveState())) });
    expect(snapshotOf(again.drive.files.get(copy.id)!)).toEqual(snapshotOf(copy));
  });
});
