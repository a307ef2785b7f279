import { describe, expect, it } from 'vitest';
import { readMark, tabNameOfMark } from '../../src/sheets/client-marks.js';

describe("a client mark's formula text, as FORMULATEXT shows it (ADR 32)", () => {
  it('names the tab its references read, quoted or not, an apostrophe undoubled', () => {
    expect(tabNameOfMark(`="7|"&'Joe''s Pizza'!$B$1&CHAR(30)&'Joe''s Pizza'!$B$3`)).toEqual({
      id: '7',
      tabName: "Joe's Pizza",
    });
    expect(tabNameOfMark('="12|"&Acme!$B$1&CHAR(30)&Acme!$B$3')).toEqual({
      id: '12',
      tabName: 'Acme',
    });
  });

  it('names no tab for a mark over named ranges (before ADR 32), an error or a typed value', () => {
    expect(tabNameOfMark('="7|"&CTOR_7_name&CHAR(30)&CTOR_7_status')).toBeNull();
    expect(tabNameOfMark('#REF!')).toBeNull();
    expect(tabNameOfMark(42)).toBeNull();
    expect(tabNameOfMark('')).toBeNull();
  });

  it("reads a mark's value as id, client name and status", () => {
    expect(readMark('7|Acme\u001eActive')).toEqual({ id: '7', name: 'Acme', status: 'Active' });
    expect(readMark('#REF!')).toBeNull();
  });
});
