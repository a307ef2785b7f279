/**
 * Email addresses compared as Google compares accounts: case does not matter anywhere, and a
 * Gmail address is the same account with or without dots in its name and under googlemail.com.
 * Drive reports a person's permission under the account's own address, so a founder typed as
 * "Jane.Doe@GoogleMail.com" must be recognised as the "janedoe@gmail.com" Drive lists. A
 * `+tag` is left as typed: it is a distinct address to Drive's sharing.
 */
const GMAIL_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

export function accountKey(email: string): string {
  const trimmed = email.trim().toLowerCase();
  const at = trimmed.lastIndexOf('@');
  if (at < 0) return trimmed;
  const local = trimmed.slice(0, at);
  const domain = trimmed.slice(at + 1);
  if (!GMAIL_DOMAINS.has(domain)) return trimmed;
  return `${local.replace(/\./g, '')}@gmail.com`;
}

export function sameAccount(a: string, b: string): boolean {
  return accountKey(a) === accountKey(b);
}
