import { describe, expect, it } from 'vitest';
import { riskBand, riskScore } from '../../src/domain/risk.js';

describe('a risk score is likelihood × impact', () => {
  it('multiplies the two scales', () => {
    expect(riskScore(1, 1)).toBe(1);
    expect(riskScore(2, 3)).toBe(6);
    expect(riskScore(5, 5)).toBe(25);
  });

  it('has no score while likelihood or impact is missing', () => {
    expect(riskScore(null, 4)).toBeNull();
    expect(riskScore(4, null)).toBeNull();
    expect(riskScore(null, null)).toBeNull();
  });
});

describe('a risk band follows its score: 1–4 Low, 5–9 Medium, 10–15 High, 16–25 Critical', () => {
  it.each([
    [1, 'Low'],
    [4, 'Low'],
    [5, 'Medium'],
    [9, 'Medium'],
    [10, 'High'],
    [15, 'High'],
    [16, 'Critical'],
    [25, 'Critical'],
  ] as const)('score %i is %s', (score, band) => {
    expect(riskBand(score)).toBe(band);
  });

  it('a likelihood of 2 and impact of 2 is Low, 1 and 5 is Medium, 2 and 5 is High, 4 and 4 is Critical', () => {
    expect(riskBand(riskScore(2, 2))).toBe('Low');
    expect(riskBand(riskScore(1, 5))).toBe('Medium');
    expect(riskBand(riskScore(3, 3))).toBe('Medium');
    expect(riskBand(riskScore(2, 5))).toBe('High');
    expect(riskBand(riskScore(3, 5))).toBe('High');
    expect(riskBand(riskScore(4, 4))).toBe('Critical');
  });

  it('a risk without a score has no band', () => {
    expect(riskBand(null)).toBeNull();
  });
});
