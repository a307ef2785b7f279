import { describe, expect, it } from 'vitest';
import { accountKey, sameAccount } from '../../src/domain/google-account.js';

describe('email addresses compared as Google compares accounts', () => {
  it('ignores case and the spaces around an address', () => {
    expect(accountKey('  Jane@Acme.COM ')).toBe('jane@acme.com');
    expect(sameAccount('JANE@acme.com', 'jane@ACME.com')).toBe(true);
  });

  it('treats a Gmail address with or without dots as one account', () => {
    expect(accountKey('jane.doe@gmail.com')).toBe('janedoe@gmail.com');
    expect(sameAccount('j.a.n.e.doe@gmail.com', 'janedoe@gmail.com')).toBe(true);
  });

  it('treats googlemail.com as gmail.com', () => {
    expect(accountKey('Jane.Doe@GoogleMail.com')).toBe('janedoe@gmail.com');
    expect(sameAccount('Jane.Doe@GoogleMail.com', 'janedoe@gmail.com')).toBe(true);
  });

  it('keeps a +tag: it is another address to Drive sharing', () => {
    expect(accountKey('Jane.Doe+cto@gmail.com')).toBe('janedoe+cto@gmail.com');
    expect(sameAccount('jane+cto@gmail.com', 'jane@gmail.com')).toBe(false);
  });

  it('keeps the dots of an address outside Gmail', () => {
    expect(accountKey('jane.doe@acme.com')).toBe('jane.doe@acme.com');
    expect(sameAccount('jane.doe@acme.com', 'janedoe@acme.com')).toBe(false);
  });

  it('does not mistake a Gmail-looking subdomain for Gmail', () => {
    expect(accountKey('jane.doe@mail.gmail.com.evil.io')).toBe('jane.doe@mail.gmail.com.evil.io');
  });

  it('tells different people apart', () => {
    expect(sameAccount('jane@gmail.com', 'john@gmail.com')).toBe(false);
    expect(sameAccount('jane@acme.com', 'jane@acme.io')).toBe(false);
  });
});
