import { describe, expect, it } from 'vitest';
import {
  authorizationMail,
  escapeHtml,
  failureMail,
  noDocumentMail,
  planMail,
  planSubject,
} from '../../src/domain/plan-mail.js';
import type { AgendaEntry, ClientPlan, WeeklyPlan } from '../../src/domain/weekly-plan.js';

const REGISTRY = 'https://docs.google.com/spreadsheets/d/reg';

const entry = (over: Partial<AgendaEntry>): AgendaEntry => ({
  kind: 'decision',
  key: 'decision:ADR-1',
  headline: '',
  reasons: [],
  label: '',
  minutes: 30,
  link: '',
  privateNote: '',
  carried: 0,
  done: false,
  ...over,
});

const clientPlan = (over: Partial<ClientPlan>): ClientPlan => ({
  clientId: '1',
  name: 'Acme',
  hours: 2,
  focus: 'weekly review',
  agenda: [],
  waits: [],
  waitsMore: 0,
  plannedMinutes: 0,
  budgetMinutes: 120,
  overMinutes: 0,
  overdue: 0,
  overbooked: false,
  drifting: '',
  actualHours: null,
  state: '',
  baseline: '',
  ...over,
});

const plan = (over: Partial<WeeklyPlan> = {}): WeeklyPlan => ({
  weekStart: '2026-11-16',
  weekEnd: '2026-11-22',
  today: '2026-11-18',
  clients: [],
  capacityList: ['Acme: weekly review (2 h)', 'Flex: 18 h'],
  capacityHours: 20,
  allocatedHours: 2,
  flexHours: 18,
  flexReserveHours: 2,
  overCommitted: false,
  warnings: [],
  sinceLastWeek: [],
  sinceNote: '',
  baselineDate: '',
  ...over,
});

describe('escaping typed text for HTML', () => {
  it('turns the five HTML characters into entities and leaves the rest', () => {
    expect(escapeHtml(`<a href="x">O'Neil & co</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;O&#39;Neil &amp; co&lt;/a&gt;',
    );
    expect(escapeHtml('Plain text, 90 min')).toBe('Plain text, 90 min');
  });
});

describe('the weekly plan mail', () => {
  const typed = clientPlan({
    name: 'Acme <b>& Sons</b>',
    plannedMinutes: 110,
    agenda: [
      entry({
        kind: 'review',
        label: 'Review the Linear board',
        minutes: 20,
        link: 'https://linear.app/acme?a=1&b=2',
      }),
      entry({
        label: 'Decide ADR-2: <script>alert("x")</script>',
        minutes: 30,
        link: 'javascript:alert(1)',
      }),
      entry({
        label: 'Do now D-1: Flaky CI',
        minutes: 60,
        link: 'HTTP://ci.acme.io',
        privateNote: 'Sam is <slow>',
      }),
    ],
  });
  const mail = planMail(plan({ clients: [typed] }), REGISTRY);

  it('carries the capacity list in its subject and opens with it', () => {
    expect(mail.subject).toBe(
      'Weekly plan, week of 2026-11-16: Acme: weekly review (2 h); Flex: 18 h',
    );
    expect(mail.body.split('\n').slice(0, 5)).toEqual([
      'Weekly plan, week of 2026-11-16 to 2026-11-22',
      '',
      'Acme: weekly review (2 h)',
      'Flex: 18 h',
      '2 h allocated of 20 h; 18 h flex.',
    ]);
    expect(mail.htmlBody).toContain(
      '<ul><li>Acme: weekly review (2 h)</li><li>Flex: 18 h</li></ul>',
    );
  });

  it('keeps its subject within 250 characters, counting the clients left out and naming flex', () => {
    const many = Array.from(
      { length: 20 },
      (_, i) => `Client ${i + 1}: a long focus for this week (1 h)`,
    );
    const subject = planSubject(plan({ capacityList: [...many, 'Flex: 0 h'] }));
    expect(subject.length).toBeLessThanOrEqual(250);
    expect(subject).toMatch(
      /^Weekly plan, week of 2026-11-16: Client 1: .*; \+\d+ more; Flex: 0 h$/,
    );
  });

  it('escapes typed markup in the capacity list, since last week and what waits', () => {
    const marked = planMail(
      plan({
        capacityList: ['Acme: <img src=x> (2 h)', 'Flex: 18 h'],
        sinceLastWeek: ['Acme: accepted ADR-4 <b>Mongo</b> (2026-11-18)'],
        clients: [
          clientPlan({
            waits: [entry({ label: 'Debt D-9 <i>Old ORM</i>: Do now' })],
            waitsMore: 2,
          }),
        ],
      }),
      REGISTRY,
    );
    expect(marked.subject).toBe(
      'Weekly plan, week of 2026-11-16: Acme: <img src=x> (2 h); Flex: 18 h',
    );
    expect(marked.htmlBody).toContain('<li>Acme: &lt;img src=x&gt; (2 h)</li>');
    expect(marked.htmlBody).toContain(
      '<li>Acme: accepted ADR-4 &lt;b&gt;Mongo&lt;/b&gt; (2026-11-18)</li>',
    );
    expect(marked.htmlBody).toContain(
      '<li><small>Debt D-9 &lt;i&gt;Old ORM&lt;/i&gt;: Do now (30 min)</small></li>',
    );
    expect(marked.htmlBody).toContain('<li><small>and 2 more: see Priorities</small></li>');
    expect(marked.htmlBody).not.toMatch(/<(img|b|i)[ >]/);
    expect(marked.body).toContain('    - Debt D-9 <i>Old ORM</i>: Do now (30 min)');
  });

  it('escapes everything typed in the HTML, the client name and agenda lines included', () => {
    expect(mail.htmlBody).toContain(
      '<h3>Acme &lt;b&gt;&amp; Sons&lt;/b&gt;: 2 h (planned 1 h 50 min)</h3>',
    );
    expect(mail.htmlBody).toContain(
      'Decide ADR-2: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;',
    );
    expect(mail.htmlBody).toContain('<em>Sam is &lt;slow&gt;</em>');
    expect(mail.htmlBody).not.toContain('<script>');
    expect(mail.htmlBody).not.toContain('<b>');
  });

  it('keeps the plain-text body as typed', () => {
    expect(mail.body).toContain('Acme <b>& Sons</b>: 2 h (planned 1 h 50 min)');
    expect(mail.body).toContain(
      '  [ ] Do now D-1: Flaky CI (1 h) HTTP://ci.acme.io (note: Sam is <slow>)',
    );
  });

  it('links only http and https addresses', () => {
    expect(mail.htmlBody).toContain(
      '<a href="https://linear.app/acme?a=1&amp;b=2">Review the Linear board</a>',
    );
    expect(mail.htmlBody).toContain('<a href="HTTP://ci.acme.io">Do now D-1: Flaky CI</a>');
    expect(mail.htmlBody).not.toContain('javascript:');
  });

  it('gives every planned entry a box to tick', () => {
    expect(mail.body).toContain(
      '  [ ] Review the Linear board (20 min) https://linear.app/acme?a=1&b=2',
    );
    expect(mail.htmlBody).toContain('<li>&#9744; <a href=');
  });

  it('ends with a link to the registry', () => {
    expect(mail.body.endsWith(`Registry: ${REGISTRY}`)).toBe(true);
    expect(mail.htmlBody.endsWith(`<p><a href="${REGISTRY}">Open the registry</a></p>`)).toBe(true);
  });

  it('shows each warning, escaped', () => {
    const warned = planMail(plan({ warnings: ['Over-committed: <20 h>'] }), REGISTRY);
    expect(warned.body).toContain('! Over-committed: <20 h>');
    expect(warned.htmlBody).toContain('<p style="color:#b31412">Over-committed: &lt;20 h&gt;</p>');
  });

  it('says so when there is no active client', () => {
    const empty = planMail(plan({ allocatedHours: 0, flexHours: 20 }), REGISTRY);
    expect(empty.body).toContain('No active clients.');
    expect(empty.htmlBody).toContain('<p>No active clients.</p>');
  });

  it('reports what a partial run left undone, never as the previous plan', () => {
    const partial = planMail(plan(), REGISTRY, 'Plan History not updated: <quota>');
    expect(partial.body).toContain('! Not done this run: Plan History not updated: <quota>');
    expect(partial.htmlBody).toContain(
      'Not done this run: Plan History not updated: &lt;quota&gt;',
    );
    expect(partial.body).not.toContain('previous plan');
    expect(planMail(plan(), REGISTRY).body).not.toContain('Not done this run');
  });
});

describe('the mail of a failed run', () => {
  it('says the new plan was written when the run failed after writing it', () => {
    const mail = failureMail('Mail quota exceeded', '2026-11-16 07:00', REGISTRY, true);
    expect(mail.subject).toBe('Weekly plan written, but the run failed');
    expect(mail.body).toBe(
      `The weekly plan was written at 2026-11-16 07:00, then the run failed: Mail quota exceeded\nThe new plan is in the Weekly Plan tab; it was not mailed.\nRegistry: ${REGISTRY}`,
    );
    expect(mail.body).not.toContain('previous plan');
  });

  it('says the previous plan is still there when nothing was written', () => {
    const mail = failureMail('Lock timeout', '2026-11-16 07:00', REGISTRY);
    expect(mail.subject).toBe('Weekly plan failed');
    expect(mail.body).toContain('The previous plan is still in the Weekly Plan tab.');
  });

  it('escapes the error in HTML', () => {
    expect(failureMail('<img src=x>', 'now', REGISTRY).htmlBody).toContain(
      '<strong>&lt;img src=x&gt;</strong>',
    );
  });
});

describe('the mail asking to authorise again', () => {
  it('links to an https authorisation page and names the registry, escaped', () => {
    const mail = authorizationMail('https://script.google.com/auth?x=1&y=2', 'R&D <registry>');
    expect(mail.subject).toBe('CTO Registry needs your authorisation');
    expect(mail.htmlBody).toContain('<a href="https://script.google.com/auth?x=1&amp;y=2">');
    expect(mail.htmlBody).toContain('R&amp;D &lt;registry&gt;');
  });

  it('links nowhere when the address is not http or https', () => {
    expect(authorizationMail('javascript:alert(1)', 'Registry').htmlBody).toContain('<a href="">');
  });
});

describe('the mail when the trigger could not open the registry', () => {
  it('names the registry and links to it', () => {
    const mail = noDocumentMail({ url: REGISTRY, name: 'Acme registry' });
    expect(mail.subject).toBe('Weekly plan did not run');
    expect(mail.body).toContain('The weekly plan for Acme registry did not run');
    expect(mail.body).toContain(`Registry: ${REGISTRY}`);
  });

  it('says "your registry" and gives no link when the registry is unknown or its address is not a web address', () => {
    expect(noDocumentMail(null).body).toContain('The weekly plan for your registry did not run');
    expect(noDocumentMail(null).htmlBody).not.toContain('<a ');
    expect(noDocumentMail({ url: 'javascript:x', name: 'R' }).htmlBody).not.toContain('<a ');
  });
});
