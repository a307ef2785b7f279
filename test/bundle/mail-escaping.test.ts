/**
 * Every string a person typed is escaped in the HTML of the add-on's mails: the weekly plan and
 * the failure notice. Names, titles, notes and links with markup, ampersands and quotes arrive as
 * the text they are, never as markup; a link that is not http(s) is never a link.
 */
import { describe, expect, it } from 'vitest';
import { addClient, loadAddon, rowWith, tab } from '../support/bundle.js';
import { typeRows } from '../support/typed-rows.js';

const NAME = 'Acme & "Sons" <b>';
const TITLE = `<script>alert("x")</script> & 'co'`;
const NOTE = '<img src=x onerror=alert(1)>';
const LINK = 'https://tracker.example/?a=1&b="2"><script>';

describe('the mails escape what was typed', () => {
  it('the weekly plan mail shows names, titles, notes and links as text', () => {
    const { rt, addon } = loadAddon();
    const acme = addClient(addon, { name: NAME, hoursPerWeek: 2 });
    addon.call('addItem', {
      clientId: acme.id,
      kind: 'debt',
      fields: { title: TITLE, impact: 5, effort: 1, trackedIn: LINK, privateNote: NOTE },
    });
    // Typed by hand: the sidebar refuses a link that is not a web address, a cell does not.
    typeRows(rt, tab(rt, NAME), 'Decisions', [
      {
        ID: 'ADR-1',
        Title: 'Drop the <iframe> embed',
        Status: 'Proposed',
        Link: 'javascript:alert(1)',
      },
    ]);
    addon.call('generateWeeklyPlan');
    const { htmlBody, body } = rt.outbox.at(-1)!;

    expect(htmlBody).toContain('Acme &amp; &quot;Sons&quot; &lt;b&gt;: 2 h');
    expect(htmlBody).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;',
    );
    expect(htmlBody).toContain('<em>&lt;img src=x onerror=alert(1)&gt;</em>');
    expect(htmlBody).toContain(
      '<a href="https://tracker.example/?a=1&amp;b=&quot;2&quot;&gt;&lt;script&gt;">',
    );
    expect(htmlBody).toContain('Decision ADR-1 Drop the &lt;iframe&gt; embed');
    expect(htmlBody).not.toContain('javascript:');
    for (const markup of ['<script', '<img', '<b>', '<iframe', '"Sons"', "'co'"])
      expect(htmlBody, markup).not.toContain(markup);
    // The plain text part is the text as typed.
    expect(body).toContain(`${NAME}: 2 h`);
    expect(body).toContain(`Debt D-1 ${TITLE}: Do now`);
  });

  it('the failure mail shows the error, with what was typed in it, as text', () => {
    const { rt, addon } = loadAddon();
    addClient(addon, { name: 'Acme', hoursPerWeek: 2 });
    const settings = tab(rt, 'Settings');
    rt.spreadsheet.writeBlock(settings, rowWith(rt, settings, 'Summary email'), 2, [
      [{ kind: 'value', value: '<b>boss</b>@"example"' }],
    ]);
    addon.call('installWeeklyTrigger', { weekday: 'Thursday', hour: 9 });
    rt.advanceClockTo('2026-11-19T10:00:00Z');
    const { subject, htmlBody } = rt.outbox.at(-1)!;
    expect(subject).toBe('Weekly plan failed');
    expect(htmlBody).toContain(
      'Summary email in Settings must be an email address; found &quot;&lt;b&gt;boss&lt;/b&gt;@&quot;example&quot;&quot;.',
    );
    expect(htmlBody).not.toContain('<b>boss');
  });
});
