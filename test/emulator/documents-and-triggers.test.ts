/**
 * Several documents, several users, executions with no document, and triggers that belong to a
 * user and a document: the parts of Apps Script where a published add-on differs from a script
 * bound to one spreadsheet. Each test names the source of the behaviour it asserts.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createRuntime,
  type LoadedScript,
  type Runtime,
  type RuntimeOptions,
  type RuntimeStateV1,
} from '../../emulator/index.js';
import { tempDir } from '../support/temp.js';

const A = 'cto@example.com';
const B = 'partner@example.com';

const SOURCE = `
var kept = null;
function whoAndWhere() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  return { effective: Session.getEffectiveUser().getEmail(), active: Session.getActiveUser().getEmail(), doc: ss ? ss.getId() : null };
}
function remember(k, v) {
  PropertiesService.getDocumentProperties().setProperty(k, v);
  PropertiesService.getUserProperties().setProperty(k, v);
}
function recall(k) {
  var d = PropertiesService.getDocumentProperties();
  return { doc: d ? d.getProperty(k) : 'no store', user: PropertiesService.getUserProperties().getProperty(k) };
}
function contextServices() {
  return {
    spreadsheet: SpreadsheetApp.getActiveSpreadsheet(),
    documentLock: LockService.getDocumentLock(),
    documentProperties: PropertiesService.getDocumentProperties(),
    scriptLock: LockService.getScriptLock() !== null,
  };
}
function openName(id) { return SpreadsheetApp.openById(id).getName(); }
function ui() { SpreadsheetApp.getUi(); }
function mail(to) { MailApp.sendEmail(to, 'Hi', 'Body'); }
function installWeekly() {
  return ScriptApp.newTrigger('weekly').timeBased().everyWeeks(1).onWeekDay(ScriptApp.WeekDay.MONDAY).atHour(7).create().getUniqueId();
}
function installEdit() { return ScriptApp.newTrigger('edited').forSpreadsheet(SpreadsheetApp.getActiveSpreadsheet()).onEdit().create().getUniqueId(); }
function installEveryMinutes() { return ScriptApp.newTrigger('weekly').timeBased().everyMinutes(5).create().getUniqueId(); }
function installAfterAMinute() { return ScriptApp.newTrigger('weekly').timeBased().after(60000).create().getUniqueId(); }
function weekly(e) {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  PropertiesService.getScriptProperties().setProperty('run:' + e.triggerUid, JSON.stringify({
    user: Session.getEffectiveUser().getEmail(),
    doc: ss ? ss.getId() : null,
    documentLock: LockService.getDocumentLock() !== null,
    documentProperties: PropertiesService.getDocumentProperties() !== null,
  }));
}
function projectTriggers() {
  return ScriptApp.getProjectTriggers().map(function (t) { return t.getUniqueId(); }).sort();
}
function userTriggers(id) {
  return ScriptApp.getUserTriggers(SpreadsheetApp.openById(id)).map(function (t) { return t.getUniqueId(); }).sort();
}
function keepFirstTrigger() { kept = ScriptApp.getProjectTriggers()[0]; return kept.getUniqueId(); }
function deleteKept() { ScriptApp.deleteTrigger(kept); }
`;

/** Writes the script (and a manifest, when given) into a fresh folder, as `load` reads them. */
function scriptFile(source: string, manifest?: object): string {
  const dir = tempDir('gas-docs-');
  writeFileSync(join(dir, 'Code.js'), source);
  if (manifest) writeFileSync(join(dir, 'appsscript.json'), JSON.stringify(manifest));
  return join(dir, 'Code.js');
}

function runtime(
  options: RuntimeOptions = {},
  source = SOURCE,
  manifest?: object,
): { rt: Runtime; script: LoadedScript; path: string } {
  const path = scriptFile(source, manifest);
  const rt = createRuntime({ now: '2026-11-18T10:00:00Z', user: A, ...options });
  return { rt, script: rt.load(path), path };
}

const runOf = (rt: Runtime, uid: string) =>
  JSON.parse(rt.scriptProperties().get(`run:${uid}`) ?? 'null') as {
    user: string;
    doc: string | null;
    documentLock: boolean;
    documentProperties: boolean;
  } | null;

describe('several documents in one runtime', () => {
  it('createSpreadsheet adds a document owned by its creator; activate opens it for the following calls', () => {
    const { rt, script } = runtime();
    const registry = rt.spreadsheet;
    const second = rt.createSpreadsheet('Second registry');
    const theirs = rt.createSpreadsheet('Their registry', B);
    expect([second.owner, theirs.owner]).toEqual([A, B]);
    expect(rt.drive.files.size).toBe(3);
    expect((script.call('whoAndWhere') as { doc: string }).doc).toBe(registry.id);
    rt.activate(second.id);
    expect(rt.spreadsheet).toBe(second);
    expect((script.call('whoAndWhere') as { doc: string }).doc).toBe(second.id);
    expect(
      (script.callWith({ documentId: registry.id }, 'whoAndWhere') as { doc: string }).doc,
    ).toBe(registry.id);
    expect(rt.spreadsheet).toBe(second);
  });

  it('keeps one document-properties store per document; properties.document is the active one', () => {
    // "Document properties ... all users can access within the open document ... Document
    // properties created by a script are not accessible outside that script":
    // https://developers.google.com/apps-script/reference/properties/properties-service
    const { rt, script } = runtime();
    const registry = rt.spreadsheet;
    script.call('remember', 'k', 'in the registry');
    const second = rt.createSpreadsheet('Second');
    rt.activate(second.id);
    expect(script.call('recall', 'k')).toEqual({ doc: null, user: 'in the registry' });
    script.call('remember', 'k', 'in the second');
    expect(rt.properties.document.get('k')).toBe('in the second');
    expect(rt.documentProperties(registry.id).get('k')).toBe('in the registry');
    rt.activate(registry.id);
    expect(rt.properties.document.get('k')).toBe('in the registry');
  });
});

describe('several users', () => {
  it('setUser changes the user, user properties and mail sender; callWith({ user }) one call only', () => {
    // Installable triggers and user properties belong to a user:
    // https://developers.google.com/apps-script/reference/properties/properties-service
    const { rt, script } = runtime();
    rt.share(rt.spreadsheet.id, B, 'editor');
    script.call('remember', 'k', 'A wrote this');
    rt.setUser(B);
    expect(rt.user).toBe(B);
    expect(script.call('whoAndWhere')).toMatchObject({ effective: B, active: B });
    expect(script.call('recall', 'k')).toEqual({ doc: 'A wrote this', user: null });
    script.call('mail', 'founder@acme.io');
    expect(rt.outbox.at(-1)).toMatchObject({ from: B, to: 'founder@acme.io' });
    expect(script.callWith({ user: A }, 'recall', 'k')).toEqual({
      doc: 'A wrote this',
      user: 'A wrote this',
    });
    expect(script.call('whoAndWhere')).toMatchObject({ effective: B });
    expect(rt.userProperties(A).get('k')).toBe('A wrote this');
    expect(rt.properties.user.size).toBe(0);
  });

  it('runs the add-on only for the owner and editors of the document', () => {
    // Choice (the docs say viewers never see add-on menus, since onOpen does not run read-only:
    // https://developers.google.com/workspace/add-ons/concepts/editor-triggers): a call for a
    // user without edit access never starts; the harness says why.
    const { rt, script } = runtime();
    expect(() => script.callWith({ user: B }, 'whoAndWhere')).toThrow(
      `${B} cannot run the add-on in "Registry": only its owner and editors can (rt.share it first).`,
    );
    rt.share(rt.spreadsheet.id, B, 'viewer');
    expect(() => script.callWith({ user: B }, 'whoAndWhere')).toThrow(/cannot run the add-on/);
    rt.share(rt.spreadsheet.id, B, 'editor');
    expect(script.callWith({ user: B }, 'whoAndWhere')).toMatchObject({ effective: B });
  });

  it("openById reaches only files the user may open, with Apps Script's message otherwise", () => {
    // "You do not have permission to access the requested document." is the message users report
    // for openById on a file not shared with them.
    const { rt, script } = runtime();
    const theirs = rt.createSpreadsheet('Their file', B);
    expect(() => script.call('openName', theirs.id)).toThrow(
      'You do not have permission to access the requested document.',
    );
    rt.share(theirs.id, A, 'viewer');
    expect(script.call('openName', theirs.id)).toBe('Their file');
  });
});

describe('an execution with no document', () => {
  it('has no active spreadsheet, document lock or document properties; openById still works', () => {
    // getActiveSpreadsheet "Returns the currently active spreadsheet, or null if there is none":
    // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#getActiveSpreadsheet()
    // getDocumentLock returns null "if called from a standalone script or webapp":
    // https://developers.google.com/apps-script/reference/lock/lock-service#getDocumentLock()
    // getDocumentProperties returns null "if the script is not an add-on or bound to a Google
    // Workspace file": https://developers.google.com/apps-script/reference/properties/properties-service
    const { rt, script } = runtime();
    expect(script.callWith({ documentId: null }, 'contextServices')).toEqual({
      spreadsheet: null,
      documentLock: null,
      documentProperties: null,
      scriptLock: true,
    });
    expect(script.callWith({ documentId: null }, 'openName', rt.spreadsheet.id)).toBe('Registry');
    expect(script.call('whoAndWhere')).toMatchObject({ doc: rt.spreadsheet.id });
  });

  it('cannot reach the UI, as in a time-driven run', () => {
    // "Exception: Cannot call SpreadsheetApp.getUi() from this context." from a time-based run:
    // https://github.com/davepar/gcalendarsync/issues/93
    const { script } = runtime();
    expect(() => script.callWith({ documentId: null }, 'ui')).toThrow(
      'Cannot call SpreadsheetApp.getUi() from this context.',
    );
    expect(script.call('ui')).toBeNull();
  });

  it('a time-driven run sees the document its trigger was made in by default; switchable', () => {
    // Google documents add-on time-driven triggers as belonging to a document ("a given user can
    // only have ... a time-driven trigger in the same spreadsheet",
    // https://developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions, and
    // the limit's error says "in this document", https://github.com/ljay79/jira-tools/issues/53),
    // so by default the run sees that document. Users also report runs with no document
    // ("A timed trigger will receive null when it calls SpreadsheetApp.getActiveSpreadsheet()",
    // https://github.com/mogsdad/SheetConverter/issues/2), so triggerSeesDocument switches it.
    const { rt, script } = runtime();
    expect(rt.triggerSeesDocument).toBe(true);
    const uid = script.call('installWeekly') as string;
    rt.advanceClockTo('2026-11-23T08:00:00Z');
    expect(runOf(rt, uid)).toEqual({
      user: A,
      doc: rt.spreadsheet.id,
      documentLock: true,
      documentProperties: true,
    });
    rt.triggerSeesDocument = false;
    rt.advanceClockTo('2026-11-30T08:00:00Z');
    expect(runOf(rt, uid)).toEqual({
      user: A,
      doc: null,
      documentLock: false,
      documentProperties: false,
    });
    const off = runtime({ triggerSeesDocument: false });
    expect(off.rt.triggerSeesDocument).toBe(false);
    expect(off.rt.saveState().triggerSeesDocument).toBe(false);
  });
});

describe('triggers belong to a user, a document and a script project', () => {
  it('record their owner, document and project, run as their owner and carry their uid', () => {
    // "Installable triggers always run under the account of the person who created them":
    // https://developers.google.com/apps-script/guides/triggers/installable#restrictions
    const { rt, script } = runtime();
    rt.share(rt.spreadsheet.id, B, 'editor');
    const uid = script.call('installWeekly') as string;
    expect(rt.triggers).toMatchObject([
      {
        id: uid,
        owner: A,
        documentId: rt.spreadsheet.id,
        project: 'emulated-script-id',
        eventType: 'CLOCK',
      },
    ]);
    rt.setUser(B);
    rt.advanceClockTo('2026-11-23T08:00:00Z');
    expect(runOf(rt, uid)?.user).toBe(A);
  });

  it("getProjectTriggers shows the current user's triggers in every document; getUserTriggers one document's", () => {
    // "A given account cannot see triggers installed from a second account":
    // https://developers.google.com/apps-script/guides/triggers/installable#restrictions
    // getUserTriggers(spreadsheet): "all installable triggers owned by this user in the given
    // spreadsheet, for this script or add-on only":
    // https://developers.google.com/apps-script/reference/script/script-app#getUserTriggers(Spreadsheet)
    const { rt, script } = runtime();
    const registry = rt.spreadsheet;
    const second = rt.createSpreadsheet('Second');
    rt.share(registry.id, B, 'editor');
    const inRegistry = script.call('installWeekly') as string;
    const editInRegistry = script.call('installEdit') as string;
    const inSecond = script.callWith({ documentId: second.id }, 'installWeekly') as string;
    const theirs = script.callWith({ user: B }, 'installWeekly') as string;
    expect(script.call('projectTriggers')).toEqual([inRegistry, editInRegistry, inSecond].sort());
    expect(script.call('userTriggers', registry.id)).toEqual([inRegistry, editInRegistry].sort());
    expect(script.call('userTriggers', second.id)).toEqual([inSecond]);
    expect(script.callWith({ user: B }, 'projectTriggers')).toEqual([theirs]);
  });

  it("deleteTrigger leaves another user's trigger in place", () => {
    // Choice: the docs are silent; another user's trigger is out of the script's sight, so
    // deleting it does nothing (as deleting one already gone does). The script keeps the Trigger
    // in a global, which only the emulator keeps from one execution to the next.
    const { rt, script } = runtime();
    rt.share(rt.spreadsheet.id, B, 'editor');
    const uid = script.call('installWeekly') as string;
    expect(script.call('keepFirstTrigger')).toBe(uid);
    script.callWith({ user: B }, 'deleteKept');
    expect(rt.triggers.map((t) => t.id)).toEqual([uid]);
    script.call('deleteKept');
    expect(rt.triggers).toEqual([]);
  });

  it('an add-on has one trigger of each type per user per document, with the error users report', () => {
    // "Each add-on can only have one trigger of each type, per user, per document":
    // https://developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions
    // Wording for time-based triggers as reported: https://github.com/ljay79/jira-tools/issues/53
    // Not documented for edit and open triggers: chosen by analogy.
    const { rt, script } = runtime();
    expect(rt.deployment).toBe('addon');
    rt.share(rt.spreadsheet.id, B, 'editor');
    script.call('installWeekly');
    expect(() => script.call('installWeekly')).toThrow(
      'This add-on has created too many time-based triggers in this document for this Google user account.',
    );
    script.call('installEdit');
    expect(() => script.call('installEdit')).toThrow(
      'This add-on has created too many edit triggers in this document for this Google user account.',
    );
    const second = rt.createSpreadsheet('Second');
    expect(script.callWith({ documentId: second.id }, 'installWeekly')).toMatch(/^\d+$/);
    expect(script.callWith({ user: B }, 'installWeekly')).toMatch(/^\d+$/);
    expect(rt.triggers).toHaveLength(4);
  });

  it('an add-on time-driven trigger recurs at most hourly; a one-off after() is allowed', () => {
    // "Time-driven triggers cannot run more frequently than once per hour":
    // https://developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions
    // The exception as reported: https://github.com/ttsukagoshi/mail-merge-for-gmail/issues/165
    const { script } = runtime();
    expect(() => script.call('installEveryMinutes')).toThrow(
      'The recurrence interval for an Add-on trigger must be at least one hour.',
    );
    expect(script.call('installAfterAMinute')).toMatch(/^\d+$/);
  });

  it('a bound script may have several time-driven triggers in its spreadsheet, every 5 minutes too', () => {
    // A container-bound script only meets the 20 triggers per user per script quota:
    // https://developers.google.com/apps-script/guides/services/quotas
    const { rt, script } = runtime({ deployment: 'bound' });
    script.call('installWeekly');
    script.call('installWeekly');
    const uid = script.call('installEveryMinutes') as string;
    expect(rt.triggers).toHaveLength(3);
    rt.advanceClockTo('2026-11-18T10:12:00Z');
    expect(runOf(rt, uid)?.doc).toBe(rt.spreadsheet.id);
    expect(rt.triggerRuns).toHaveLength(2);
  });

  it('a trigger whose owner lost edit access to its document does not run', () => {
    // Choice (the docs are silent): the run is recorded as failing with the message openById gives.
    const { rt, script } = runtime();
    const theirs = rt.createSpreadsheet('Theirs', B);
    rt.share(theirs.id, A, 'editor');
    rt.activate(theirs.id);
    script.call('installWeekly');
    theirs.editors.delete(A);
    expect(rt.advanceClockTo('2026-11-23T08:00:00Z')).toEqual([
      {
        handler: 'weekly',
        at: '2026-11-23T07:00:00.000Z',
        error: 'You do not have permission to access the requested document.',
      },
    ]);
  });
});

describe('saved state', () => {
  it('round-trips documents, users, per-project stores, trigger owners and the switches', () => {
    const { rt, script, path } = runtime({ deployment: 'bound', copyMetadata: 'all' });
    const second = rt.createSpreadsheet('Second');
    rt.share(rt.spreadsheet.id, B, 'editor');
    script.call('remember', 'k', 'A');
    script.callWith({ user: B }, 'remember', 'k', 'B');
    script.callWith({ documentId: second.id }, 'installWeekly');
    rt.requireReauthorization(B, ['https://www.googleapis.com/auth/script.send_mail']);
    rt.setUser(B);
    const again = createRuntime({ state: JSON.parse(JSON.stringify(rt.saveState())) });
    expect(again.saveState()).toEqual(rt.saveState());
    expect(again.user).toBe(B);
    expect(again.deployment).toBe('bound');
    expect(again.copyMetadata).toBe('all');
    expect(again.userProperties(A).get('k')).toBe('A');
    expect(again.userProperties(B).get('k')).toBe('B');
    expect(again.documentProperties(rt.spreadsheet.id).get('k')).toBe('B');
    expect(again.triggers[0]).toMatchObject({ owner: A, documentId: second.id });
    const reloaded = again.load(path);
    expect(reloaded.callWith({ user: A }, 'projectTriggers')).toEqual([again.triggers[0]?.id]);
  });

  it('still reads a version-1 save: its stores were the default project’s, its triggers in its document', () => {
    const { rt } = runtime();
    const v2 = rt.saveState();
    const v1: RuntimeStateV1 = {
      version: 1,
      now: v2.now,
      timeZone: v2.timeZone,
      user: A,
      activeFileId: v2.activeFileId,
      files: v2.files,
      properties: { document: [['doc', '1']], user: [['user', '2']], script: [['script', '3']] },
      outbox: [
        {
          to: 'x@example.com',
          cc: '',
          bcc: '',
          subject: 'Old',
          body: '',
          htmlBody: '',
          name: '',
          replyTo: '',
          at: '2026-11-01T00:00:00.000Z',
        },
      ],
      sentPerDay: [],
      triggers: [
        {
          id: '4000001',
          handler: 'weekly',
          eventType: 'CLOCK',
          sourceId: null,
          owner: A,
          schedule: { type: 'once', at: Date.parse('2026-11-19T00:00:00Z') },
          nextRun: Date.parse('2026-11-19T00:00:00Z'),
        },
      ],
      triggerRuns: [],
    };
    const old = createRuntime({ state: v1 });
    const script = old.load(scriptFile(SOURCE));
    expect(old.properties.document.get('doc')).toBe('1');
    expect(old.properties.user.get('user')).toBe('2');
    expect(old.properties.script.get('script')).toBe('3');
    expect(old.outbox[0]?.from).toBe(A);
    expect(old.deployment).toBe('addon');
    old.advanceClockTo('2026-11-20T00:00:00Z');
    expect(runOf(old, '4000001')?.doc).toBe(v2.activeFileId);
    expect(script.call('recall', 'doc')).toEqual({ doc: '1', user: null });
  });
});
