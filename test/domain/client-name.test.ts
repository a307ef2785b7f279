import { describe, expect, it } from 'vitest';
import { checkNewClientName, looksAlike, nameSkeleton } from '../../src/domain/client-name.js';
import type { InputError } from '../../src/domain/input-error.js';
import { discoverClients, type TabContent } from '../../src/domain/discover-clients.js';
import { invisibleCharacters } from '../../src/domain/invisible-characters.js';

describe('when two client names are one name to a reader', () => {
  it('a Cyrillic, Greek or full-width look-alike, another case, spaces or a zero-width space make the same name', () => {
    const acme = nameSkeleton('Acme');
    for (const name of [
      '\u0410cme', // Cyrillic capital A
      'Acm\u0435', // Cyrillic small ie
      '\u0391cme', // Greek capital alpha
      '\uFF21\uFF43\uFF4D\uFF45', // full-width
      ' ACME ',
      'Ac\u200Bme',
      'Acme\u2060',
      '\u202EAcme',
      'Acrne', // r + n reads as m
    ])
      expect([name, nameSkeleton(name)]).toEqual([name, acme]);
  });

  it('digits and letters that read alike meet: 1, I and l; 0 and O', () => {
    expect(nameSkeleton('Acme1')).toBe(nameSkeleton('AcmeI'));
    expect(nameSkeleton('Acme1')).toBe(nameSkeleton('Acmel'));
    expect(nameSkeleton('Acme0')).toBe(nameSkeleton('AcmeO'));
  });

  it('names that really differ stay apart, accents included', () => {
    expect(nameSkeleton('Acme')).not.toBe(nameSkeleton('Acne'));
    expect(nameSkeleton('Beacon')).not.toBe(nameSkeleton('Beacon Labs'));
    expect(nameSkeleton('Café')).not.toBe(nameSkeleton('Cafe'));
    expect(nameSkeleton('Café')).toBe(nameSkeleton('Cafe\u0301'));
  });

  it('a look-alike is told from a mere difference of case or spaces', () => {
    expect(looksAlike('\u0410cme', 'Acme')).toBe(true);
    expect(looksAlike('Acrne', 'Acme')).toBe(true);
    expect(looksAlike(' ACME ', 'Acme')).toBe(false);
    expect(looksAlike('Beacon', 'Acme')).toBe(false);
  });
});

describe('invisible characters', () => {
  it('are named by code point, each once', () => {
    expect(invisibleCharacters('A\u200Bc\u200Bm\u202Ee\u00AD')).toEqual([
      'U+200B',
      'U+202E',
      'U+00AD',
    ]);
    expect(invisibleCharacters('Acme Labs, Café')).toEqual([]);
  });

  it('a new client name holding one is refused, naming the field and the character', () => {
    const refused = (() => {
      try {
        checkNewClientName('Ac\u200Bme', []);
      } catch (e) {
        return e as InputError;
      }
      return null;
    })();
    expect(refused?.message).toBe(
      'Client name contains characters a reader cannot see (U+200B): type the name again with visible letters only.',
    );
    expect(refused?.field).toBe('name');
    expect(() => checkNewClientName('Acme Labs', ['Acme'])).not.toThrow();
  });

  it('a new client name that reads as an existing one is refused, naming it', () => {
    expect(() => checkNewClientName('\u0410cme', ['Beacon', 'Acme'])).toThrow(
      'Client name "\u0410cme" reads as Acme, an existing client (look-alike letters): choose a name a reader cannot mistake for it.',
    );
    expect(() => checkNewClientName(' acme', ['Acme'])).toThrow(
      'A client named Acme already exists. Choose another name.',
    );
  });
});

describe('discovering clients with look-alike names', () => {
  const tab = (name: string, id: string): TabContent => ({
    grid: [
      ['Client', name],
      ['Stage', ''],
      ['Status', 'Active'],
      ['Founder emails', ''],
    ],
    markedId: () => null,
    id: () => id,
    tabName: () => `Tab ${id}`,
  });

  it('a tab renamed by hand to a look-alike of another client is reported and not read as a client', () => {
    const found = discoverClients([tab('Acme', '1'), tab('\u0410cme', '2')]);
    expect(found.clients.map((c) => c.id)).toEqual(['1']);
    expect(found.copies.map((c) => c.id)).toEqual(['2']);
    expect(found.problems).toEqual([
      {
        tab: 'Tab 2',
        cell: 'A1',
        reason:
          'Client "\u0410cme" reads as client Acme\'s name (look-alike or invisible characters): it is not read or shared, so no founder mistakes one for the other. Rename it with plain letters.',
      },
    ]);
  });
});
