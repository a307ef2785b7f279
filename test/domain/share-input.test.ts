import { describe, expect, it } from 'vitest';
import { emailsSchema, shareInputSchema } from '../../src/domain/share-input.js';

function firstMessage(result: { success: boolean; error?: { issues: { message: string }[] } }) {
  return result.error?.issues[0]?.message;
}

describe('what Share with founder accepts', () => {
  it('takes a client id with emails and a role, both optional', () => {
    expect(shareInputSchema.parse({ clientId: '12' })).toEqual({ clientId: '12' });
    expect(
      shareInputSchema.parse({ clientId: '12', emails: 'jane@acme.com', role: 'commenter' }),
    ).toEqual({ clientId: '12', emails: 'jane@acme.com', role: 'commenter' });
  });

  it('asks for a client when none is given', () => {
    expect(firstMessage(shareInputSchema.safeParse({}))).toBe(
      'Client is required: choose a client.',
    );
  });

  it('refuses a client id that is not one of the registry ids', () => {
    expect(firstMessage(shareInputSchema.safeParse({ clientId: 'Acme' }))).toBe(
      "Client is not one of the registry's clients: choose a client from the list.",
    );
  });

  it('says what emails and role must be when they are not text', () => {
    expect(firstMessage(shareInputSchema.safeParse({ clientId: '1', emails: 3 }))).toBe(
      'Emails must be a comma-separated list of email addresses.',
    );
    expect(firstMessage(shareInputSchema.safeParse({ clientId: '1', role: true }))).toBe(
      'Role must be viewer or commenter.',
    );
  });
});

describe('the founder emails typed for sharing', () => {
  it('are split on commas and semicolons, trimmed, lower-cased and kept once', () => {
    expect(emailsSchema.parse('Jane@Acme.com; john@acme.com , jane@acme.com,')).toEqual([
      'jane@acme.com',
      'john@acme.com',
    ]);
  });

  it('are none when left out', () => {
    expect(emailsSchema.parse(undefined)).toEqual([]);
  });

  it('name the one that is not an address', () => {
    expect(firstMessage(emailsSchema.safeParse('jane@acme.com, john at acme'))).toBe(
      'Emails: "john at acme" is not an email address.',
    );
  });

  it('are at most ten', () => {
    const eleven = Array.from({ length: 11 }, (_, i) => `f${i}@acme.com`).join(',');
    expect(firstMessage(emailsSchema.safeParse(eleven))).toBe('Emails: at most 10 addresses.');
  });
});
