/**
 * Authorisation that lags the manifest: when an add-on's new version asks for a scope a user has
 * not granted, ScriptApp.getAuthorizationInfo says so, and a call needing that scope fails.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRuntime, type RuntimeOptions } from '../../emulator/index.js';
import { tempDir } from '../support/temp.js';

const A = 'cto@example.com';
const B = 'partner@example.com';
const SEND_MAIL = 'https://www.googleapis.com/auth/script.send_mail';
const SCOPES = [
  'https://www.googleapis.com/auth/spreadsheets.currentonly',
  'https://www.googleapis.com/auth/script.scriptapp',
  SEND_MAIL,
];

const SOURCE = `
function info(scopes) {
  var i = scopes
    ? ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL, scopes)
    : ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
  return {
    required: i.getAuthorizationStatus() === ScriptApp.AuthorizationStatus.REQUIRED,
    status: String(i.getAuthorizationStatus()),
    url: i.getAuthorizationUrl(),
    scopes: i.getAuthorizedScopes(),
  };
}
function enums() {
  return { modes: Object.keys(ScriptApp.AuthMode), statuses: Object.keys(ScriptApp.AuthorizationStatus) };
}
function mail() { MailApp.sendEmail('${A}', 'Hi', 'Body'); return 'sent'; }
function read() { return SpreadsheetApp.getActiveSpreadsheet().getName(); }
function install() { ScriptApp.newTrigger('nightly').timeBased().everyDays(1).atHour(2).create(); }
function nightly() {
  PropertiesService.getScriptProperties().setProperty('started', 'yes');
  MailApp.sendEmail('${A}', 'Nightly', 'Body');
}
function guarded() {
  var i = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
  if (i.getAuthorizationStatus() === ScriptApp.AuthorizationStatus.REQUIRED) return 'ask: ' + i.getAuthorizationUrl();
  return mail();
}
`;

function runtime(options: RuntimeOptions = {}) {
  const dir = tempDir('gas-auth-');
  writeFileSync(join(dir, 'Code.js'), SOURCE);
  writeFileSync(join(dir, 'appsscript.json'), JSON.stringify({ oauthScopes: SCOPES }));
  const rt = createRuntime({ now: '2026-11-18T10:00:00Z', user: A, ...options });
  return { rt, script: rt.load(join(dir, 'Code.js')) };
}

describe('ScriptApp.getAuthorizationInfo', () => {
  it('has AuthMode and AuthorizationStatus; NOT_REQUIRED with a null URL when all is granted', () => {
    // getAuthorizationUrl "returns null if no authorization is required":
    // https://developers.google.com/apps-script/reference/script/authorization-info
    const { script } = runtime();
    expect(script.call('enums')).toEqual({
      modes: ['NONE', 'LIMITED', 'FULL', 'CUSTOM_FUNCTION'],
      statuses: ['REQUIRED', 'NOT_REQUIRED'],
    });
    expect(script.call('info')).toEqual({
      required: false,
      status: 'NOT_REQUIRED',
      url: null,
      scopes: SCOPES,
    });
  });

  it('a user who must authorise again gets REQUIRED and a URL; a call needing the new scope fails', () => {
    // "Authorization is required to perform that action." as users report it from triggers:
    // https://github.com/webdigi/GmailScheduler/issues/43 ; the status and URL:
    // https://developers.google.com/workspace/add-ons/concepts/editor-triggers#authorize_installable_triggers
    const { rt, script } = runtime();
    rt.share(rt.spreadsheet.id, B, 'editor');
    rt.requireReauthorization(A, [SEND_MAIL]);
    expect(script.call('info')).toEqual({
      required: true,
      status: 'REQUIRED',
      url: 'https://script.google.com/macros/d/emulated-script-id/authorize',
      scopes: SCOPES.filter((s) => s !== SEND_MAIL),
    });
    expect(() => script.call('mail')).toThrow('Authorization is required to perform that action.');
    expect(script.call('read')).toBe('Registry');
    expect(script.call('guarded')).toBe(
      'ask: https://script.google.com/macros/d/emulated-script-id/authorize',
    );
    expect(script.call('info', [SCOPES[0]])).toMatchObject({ required: false, url: null });
    expect(script.callWith({ user: B }, 'info')).toMatchObject({ required: false });
    expect(script.callWith({ user: B }, 'mail')).toBe('sent');
    rt.authorize();
    expect(script.call('info')).toMatchObject({ required: false, url: null });
    expect(script.call('guarded')).toBe('sent');
  });

  it('without named scopes, every call that needs a scope waits for the new authorisation', () => {
    const { rt, script } = runtime();
    rt.requireReauthorization();
    expect(() => script.call('read')).toThrow('Authorization is required to perform that action.');
    expect(script.call('info')).toMatchObject({ required: true, scopes: [] });
    rt.authorize(A);
    expect(script.call('read')).toBe('Registry');
  });

  it("an add-on's trigger runs until it needs the missing scope; a bound script's does not start", () => {
    // "Unlike triggers in regular Apps Script projects, triggers in add-ons continue to fire even
    // if they need re-authorization. However, the script still fails if it hits a line of code
    // that requires authorization it does not have":
    // https://developers.google.com/workspace/add-ons/concepts/editor-triggers#authorize_installable_triggers
    for (const deployment of ['addon', 'bound'] as const) {
      const { rt, script } = runtime({ deployment });
      script.call('install');
      rt.requireReauthorization(A, [SEND_MAIL]);
      expect(rt.advanceClockTo('2026-11-19T03:00:00Z')).toEqual([
        {
          handler: 'nightly',
          at: '2026-11-19T02:00:00.000Z',
          error: 'Authorization is required to perform that action.',
        },
      ]);
      expect(rt.scriptProperties().get('started')).toBe(deployment === 'addon' ? 'yes' : undefined);
      expect(rt.outbox).toEqual([]);
    }
  });

  it('a pending authorisation round-trips through the saved state', () => {
    const { rt } = runtime();
    rt.requireReauthorization(B, [SEND_MAIL]);
    const again = createRuntime({ state: JSON.parse(JSON.stringify(rt.saveState())) });
    expect(again.saveState().reauthorization).toEqual([[B, [SEND_MAIL]]]);
    expect(again.env.granted(SEND_MAIL, B)).toBe(false);
    expect(again.env.granted(SEND_MAIL, A)).toBe(true);
  });
});
