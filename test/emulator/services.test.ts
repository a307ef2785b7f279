import { describe, expect, it } from 'vitest';
import { MAIL_DAILY_QUOTA, TRIGGER_LIMIT, type RuntimeState } from '../../emulator/index.js';
import { runScript } from '../support/script.js';

describe('PropertiesService', () => {
  it('stores strings and refuses a value over 9 KB', () => {
    const { script } = runScript(
      "function main(n) { var p = PropertiesService.getDocumentProperties(); p.setProperty('a', 12); p.setProperty('big', new Array(n + 1).join('x')); return p.getProperty('a'); }",
    );
    expect(script.call('main', 9 * 1024)).toBe('12');
    expect(() => script.call('main', 9 * 1024 + 1)).toThrow('Argument too large: value');
  });

  it('refuses to store more than 500 KB in one store', () => {
    const { script } = runScript(
      "function main() { var p = PropertiesService.getScriptProperties(); var v = new Array(9001).join('x'); for (var i = 0; i < 60; i++) p.setProperty('k' + i, v); }",
    );
    expect(() => script.call('main')).toThrow(
      'You have exceeded the property storage quota. Please remove some properties and try again.',
    );
  });

  it('is out of reach in AuthMode.NONE', () => {
    const { script } = runScript(
      'function main() { return PropertiesService.getDocumentProperties().getKeys(); }',
    );
    expect(() => script.callWith({ authMode: 'NONE' }, 'main')).toThrow(
      /You do not have permission to call PropertiesService.getDocumentProperties/,
    );
    expect(script.call('main')).toEqual([]);
  });
});

describe('LockService', () => {
  const source =
    'function take(ms) { var l = LockService.getDocumentLock(); return l.tryLock(ms); }\nfunction wait(ms) { LockService.getDocumentLock().waitLock(ms); return true; }';

  it('gives the lock when free, and releases it when the execution ends', () => {
    const { script } = runScript(source);
    expect(script.call('take', 100)).toBe(true);
    expect(script.call('take', 100)).toBe(true);
  });

  it('times out while another process holds the lock, spending the wait', () => {
    const { rt, script } = runScript(source);
    rt.holdLock('document');
    expect(script.call('take', 5000)).toBe(false);
    expect(rt.lastExecution?.estimatedMs).toBeGreaterThanOrEqual(5000);
    expect(() => script.call('wait', 1000)).toThrow(
      'Lock timeout: another process was holding the lock for too long.',
    );
  });

  it('acquires once the other holder lets go within the timeout', () => {
    const { rt, script } = runScript(source);
    rt.holdLock('document', 800);
    expect(script.call('take', 1000)).toBe(true);
  });
});

describe('ScriptApp triggers and the emulated clock', () => {
  const source = [
    "function install() { ScriptApp.newTrigger('weekly').timeBased().everyWeeks(1).onWeekDay(ScriptApp.WeekDay.MONDAY).atHour(7).inTimezone('Europe/London').create(); }",
    "function weekly(e) { var p = PropertiesService.getScriptProperties(); p.setProperty('runs', String(Number(p.getProperty('runs') || 0) + 1)); p.setProperty('last', new Date().toISOString()); }",
    "function many(n) { for (var i = 0; i < n; i++) ScriptApp.newTrigger('weekly').timeBased().everyHours(1).create(); return ScriptApp.getProjectTriggers().length; }",
    'function clear() { ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); }); return ScriptApp.getProjectTriggers().length; }',
  ].join('\n');

  it('fires a weekly trigger at Monday 07:00 in its time zone, once a week', () => {
    // Wednesday 18 November 2026.
    const { rt, script } = runScript(source);
    script.call('install');
    expect(rt.advanceClockTo('2026-11-23T06:59:00Z')).toEqual([]);
    const fired = rt.advanceClockTo('2026-11-23T07:30:00Z');
    expect(fired).toEqual([{ handler: 'weekly', at: '2026-11-23T07:00:00.000Z' }]);
    expect(rt.properties.script.get('last')).toBe('2026-11-23T07:00:00.000Z');
    rt.advanceClockTo('2026-12-08T00:00:00Z');
    expect(rt.properties.script.get('runs')).toBe('3');
  });

  it('follows summer time: 07:00 in London is 06:00 UTC in June', () => {
    const { rt, script } = runScript(source, { now: '2026-06-02T00:00:00Z' });
    script.call('install');
    expect(rt.advanceClockTo('2026-06-09T00:00:00Z').map((r) => r.at)).toEqual([
      '2026-06-08T06:00:00.000Z',
    ]);
  });

  it(`refuses the trigger past ${TRIGGER_LIMIT} per user per script in a bound script`, () => {
    // An add-on may have only one time-based trigger per user per document: the 20-trigger limit
    // is what a script bound to the spreadsheet meets (documents-and-triggers.test.ts has both).
    const { script } = runScript(source, { deployment: 'bound' });
    expect(script.call('many', TRIGGER_LIMIT)).toBe(TRIGGER_LIMIT);
    expect(() => script.call('many', 1)).toThrow(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
    expect(script.call('clear')).toBe(0);
  });

  it('records a failing trigger run without stopping the clock', () => {
    const { rt, script } = runScript(
      "function install() { ScriptApp.newTrigger('boom').timeBased().after(60000).create(); }\nfunction boom() { throw new Error('kaput'); }",
    );
    script.call('install');
    expect(rt.advanceClockTo('2026-11-18T11:00:00Z')).toEqual([
      { handler: 'boom', at: '2026-11-18T10:01:00.000Z', error: 'kaput' },
    ]);
    expect(rt.triggerRuns).toEqual([
      { handler: 'boom', at: '2026-11-18T10:01:00.000Z', error: 'kaput' },
    ]);
    expect(rt.now.toISOString()).toBe('2026-11-18T11:00:00.000Z');
    expect(rt.triggers).toEqual([]);
  });
});

describe('MailApp', () => {
  const source =
    "function send(to, n) { for (var i = 0; i < n; i++) MailApp.sendEmail({ to: to, subject: 'Plan ' + i, body: 'text', htmlBody: '<b>html</b>' }); return MailApp.getRemainingDailyQuota(); }";

  it('puts mail in the outbox and counts the daily quota', () => {
    const { rt, script } = runScript(source);
    expect(script.call('send', 'cto@example.com', 2)).toBe(MAIL_DAILY_QUOTA - 2);
    expect(rt.outbox[1]).toMatchObject({
      to: 'cto@example.com',
      subject: 'Plan 1',
      htmlBody: '<b>html</b>',
    });
  });

  it('refuses mail past the daily quota, and allows it again the next day', () => {
    const { rt, script } = runScript(source);
    script.call('send', 'a@example.com', MAIL_DAILY_QUOTA);
    expect(() => script.call('send', 'a@example.com', 1)).toThrow(
      'Service invoked too many times for one day: email.',
    );
    rt.advanceClockTo('2026-11-19T10:00:00Z');
    expect(script.call('send', 'a@example.com', 1)).toBe(MAIL_DAILY_QUOTA - 1);
  });

  it('needs the send_mail scope the manifest declares', () => {
    const { script } = runScript(source, {
      scopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly'],
    });
    expect(() => script.call('send', 'a@example.com', 1)).toThrow(
      'You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
    );
  });
});

describe('new spreadsheets and Drive sharing', () => {
  it('creates a file whose viewers and editors are recorded and removable', () => {
    const { rt, script } = runScript(
      "function main() { var s = SpreadsheetApp.create('Acme — technical registry'); var f = DriveApp.getFileById(s.getId()); f.addViewer('ann@acme.io'); f.addCommenter('bo@acme.io'); f.addViewer('ann@acme.io'); f.addEditor('cy@acme.io'); var emails = function (users) { return users.map(function (u) { return u.getEmail(); }); }; var before = [emails(f.getViewers()), emails(f.getEditors())]; f.removeViewer('bo@acme.io'); f.removeEditor('cy@acme.io'); return [s.getId(), before, [emails(f.getViewers()), emails(f.getEditors())], s.getUrl()]; }",
    );
    const [id, before, after, url] = script.call('main') as [
      string,
      string[][],
      string[][],
      string,
    ];
    expect(before).toEqual([['ann@acme.io', 'bo@acme.io'], ['cy@acme.io']]);
    expect(after).toEqual([['ann@acme.io'], []]);
    expect(rt.drive.files.get(id)?.name).toBe('Acme — technical registry');
    expect(url).toBe(`https://docs.google.com/spreadsheets/d/${id}/edit`);
  });

  it('cannot find a file that does not exist', () => {
    const { script } = runScript("function main() { DriveApp.getFileById('nope'); }");
    expect(() => script.call('main')).toThrow(
      'No item with the given ID could be found, or you do not have permission to access it.',
    );
  });
});

describe('Session, Utilities, Logger and the execution', () => {
  it('formats dates with Java patterns in any time zone', () => {
    const { script } = runScript(
      "function main() { var d = new Date(Date.UTC(2026, 6, 4, 21, 5, 9)); return [Utilities.formatDate(d, 'Europe/London', \"yyyy-MM-dd'T'HH:mm:ss XXX\"), Utilities.formatDate(d, 'America/New_York', 'EEE, d MMM yyyy h:mm a'), Utilities.formatDate(d, 'UTC', 'EEEE MMMM dd yy')]; }",
    );
    expect(script.call('main')).toEqual([
      '2026-07-04T22:05:09 +01:00',
      'Sat, 4 Jul 2026 5:05 PM',
      'Saturday July 04 26',
    ]);
  });

  it('knows the user and the time zone, and logs', () => {
    const { rt, script } = runScript(
      "function main() { Logger.log('hello %s', 'world'); return [Session.getActiveUser().getEmail(), Session.getScriptTimeZone()]; }",
      {
        user: 'fractional@cto.dev',
        timeZone: 'America/New_York',
      },
    );
    expect(script.call('main')).toEqual(['fractional@cto.dev', 'America/New_York']);
    expect(rt.env.logs).toEqual(['hello world']);
  });

  it('counts every service call by Class.method, with an estimated run time', () => {
    const { rt, script } = runScript(
      "function main() { var s = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]; s.getRange('A1:B2').getValues(); s.getRange('A1:B2').setValues([[1,2],[3,4]]); }",
    );
    script.call('main');
    expect(rt.lastExecution?.calls).toEqual({
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'Spreadsheet.getSheets': 1,
      'Sheet.getRange': 2,
      'Range.getValues': 1,
      'Range.setValues': 1,
    });
    expect(rt.lastExecution?.spreadsheetCalls).toBe(6);
    expect(rt.lastExecution?.estimatedMs).toBeGreaterThan(250);
    expect(rt.calls['Range.getValues']).toBe(1);
  });

  it("ends an execution past six minutes with Apps Script's error", () => {
    const { script } = runScript(
      'function main() { var s = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]; for (var i = 0; i < 100000; i++) s.getRange(1, 1).getValue(); }',
    );
    expect(() => script.call('main')).toThrow('Exceeded maximum execution time');
  });

  it('refuses to pass a Date or a function out of a call, as google.script.run does', () => {
    const { script } = runScript(
      'function d() { return { when: new Date() }; }\nfunction f() { return [function () {}]; }\nfunction ok() { return { n: 1, s: "x", a: [true, null] }; }',
    );
    expect(() => script.call('d')).toThrow('The value returned by d holds a Date at result.when');
    expect(() => script.call('f')).toThrow('holds a function at result[0]');
    expect(script.call('ok')).toEqual({ n: 1, s: 'x', a: [true, null] });
  });

  it('reports an unknown function as Apps Script does', () => {
    const { script } = runScript('function a() {}');
    expect(() => script.call('b')).toThrow('Script function not found: b');
  });
});

describe('saved state', () => {
  it('restores files, formulas, metadata, properties, mail, triggers and the clock exactly', async () => {
    const { createRuntime, snapshotOf } = await import('../../emulator/index.js');
    const { rt, script } = runScript(
      [
        'function main() {',
        "  var ss = SpreadsheetApp.getActiveSpreadsheet(); var s = ss.insertSheet('Data');",
        "  s.getRange('A1:B2').setValues([[1, '=A1*3'], ['2026-02-03', \"'=text\"]]);",
        "  s.getRange('A1').setNote('n').setBackground('#abcdef');",
        "  ss.setNamedRange('Total', s.getRange('A1:A2')); s.addDeveloperMetadata('role', 'client');",
        "  PropertiesService.getDocumentProperties().setProperty('k', 'v');",
        "  MailApp.sendEmail('a@example.com', 'Hi', 'Body');",
        "  ScriptApp.newTrigger('main').timeBased().everyDays(1).atHour(7).create();",
        "  SpreadsheetApp.create('Other');",
        '}',
      ].join('\n'),
    );
    script.call('main');
    const state = JSON.parse(JSON.stringify(rt.saveState()));
    const again = createRuntime({ state });
    expect(snapshotOf(again.spreadsheet)).toEqual(snapshotOf(rt.spreadsheet));
    expect(again.drive.files.size).toBe(2);
    const data = again.spreadsheet.sheetByName('Data')!;
    expect(again.spreadsheet.read(data, 1, 2)).toBe(3);
    expect(again.spreadsheet.read(data, 2, 2)).toBe('=text');
    expect(again.properties.document.get('k')).toBe('v');
    expect(again.outbox).toHaveLength(1);
    expect(again.triggers).toHaveLength(1);
    expect(again.now.toISOString()).toBe(rt.now.toISOString());
  });

  it('restores any number of runtimes from one state, none changing the state or another', async () => {
    const { createRuntime, snapshotOf } = await import('../../emulator/index.js');
    const { rt, script, path } = runScript(
      [
        'function setUp() {',
        "  var ss = SpreadsheetApp.getActiveSpreadsheet(); var s = ss.insertSheet('Data');",
        "  s.getRange('A1:B3').setValues([[1, '=A1*3'], [2, 'x'], [3, 'y']]);",
        "  s.getRange('A1').setNote('n').setBackground('#abcdef');",
        "  ss.setNamedRange('Total', s.getRange('A2:A3')); s.getRange('A2:B3').protect();",
        "  MailApp.sendEmail('a@example.com', 'Hi', 'Body');",
        "  ScriptApp.newTrigger('setUp').timeBased().everyDays(1).atHour(7).create();",
        '}',
        'function change() {',
        "  var ss = SpreadsheetApp.getActiveSpreadsheet(); var s = ss.getSheetByName('Data');",
        "  s.insertRowsBefore(1, 2); s.getRange('A3').setValue(10).setNote('changed').setBackground('#000000');",
        "  MailApp.sendEmail('b@example.com', 'Again', 'Body');",
        '  ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); });',
        '}',
      ].join('\n'),
    );
    script.call('setUp');
    const state = JSON.parse(JSON.stringify(rt.saveState())) as RuntimeState;
    const before = JSON.stringify(state);
    const first = createRuntime({ state });
    first.load(path).call('change');
    expect(JSON.stringify(state)).toBe(before);
    const second = createRuntime({ state });
    expect(snapshotOf(second.spreadsheet)).toEqual(snapshotOf(rt.spreadsheet));
    const data = second.spreadsheet.sheetByName('Data')!;
    expect(second.spreadsheet.read(data, 1, 2)).toBe(3);
    expect(second.spreadsheet.namedRanges.get('Total')).toMatchObject({ row: 2, numRows: 2 });
    expect(second.spreadsheet.protections[0]?.box).toEqual({
      row: 2,
      column: 1,
      numRows: 2,
      numColumns: 2,
    });
    expect(second.outbox.map((m) => m.subject)).toEqual(['Hi']);
    expect(second.triggers).toHaveLength(1);
    // The first runtime did change: its rows moved, its mail went out, its trigger went.
    expect(first.spreadsheet.namedRanges.get('Total')).toMatchObject({ row: 4 });
    expect(first.outbox).toHaveLength(2);
    expect(first.triggers).toHaveLength(0);
  });
});
