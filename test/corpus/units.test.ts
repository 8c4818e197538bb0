import { describe, expect, it } from 'vitest';
import { findUnits, unit, unitLines } from '../../src/corpus/parsers/units.js';

const VOCABULARY = [unit('KUL', 'KUL', true), unit('NAV', 'NAV', true), unit('Helse og mestring'), unit('Familiehuset')];

describe('unitLines', () => {
  it('reads a unit that runs over a line break and keeps the plan’s spelling', () => {
    expect(unitLines(['NAV, Helse og', 'mestring og KUL'], VOCABULARY)).toEqual({ lines: [0, 1], units: ['NAV', 'Helse og mestring', 'KUL'] });
  });

  it('leaves out lines of another column mixed into the cell', () => {
    expect(unitLines(['KUL,', 'Familiehuset,', 'bekymret for små barn og', 'deres omsorgspersoner.'], VOCABULARY)).toEqual({
      lines: [0, 1],
      units: ['KUL', 'Familiehuset'],
    });
    expect(unitLines(['Familiehuset hver ukedag.'], VOCABULARY).units).toEqual([]);
  });
});

describe('findUnits', () => {
  it('finds units in running text in order, once, matching case where the vocabulary says so', () => {
    expect(findUnits('KUL og Nav; deretter helse og mestring, så KUL igjen', VOCABULARY)).toEqual(['KUL', 'Helse og mestring']);
  });
});
