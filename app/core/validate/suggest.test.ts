// The closest name or label: case, spelling, and abbreviations in both directions, without guessing.

import { describe, expect, test } from 'vitest';
import { closest, isAbbreviation } from './suggest';

const NER = ['PER', 'ORG', 'LOC', 'MISC'];

describe('abbreviations', () => {
  test.each([
    ['Location', 'LOC'],
    ['Person', 'PER'],
    ['Organization', 'ORG'],
    ['Organisation', 'ORG'],
    ['Miscellaneous', 'MISC'],
    ['location', 'LOC'],
  ])('"%s" against CoNLL labels: did you mean "%s"', (wanted, label) => {
    expect(closest(wanted, NER)).toBe(label);
  });

  test('and the other way: LOC against spelled-out labels', () => {
    const long = ['Person', 'Organization', 'Location', 'Miscellaneous'];
    expect(closest('LOC', long)).toBe('Location');
    expect(closest('PER', long)).toBe('Person');
    expect(closest('MISC', long)).toBe('Miscellaneous');
  });

  test('initials: GPE for Geo-Political Entity, NORP for Nationalities Or Religious Political, and back', () => {
    expect(closest('Geo-Political Entity', ['GPE', 'PERSON', 'ORG'])).toBe('GPE');
    expect(closest('GPE', ['Geo-Political Entity', 'Person'])).toBe('Geo-Political Entity');
    expect(closest('WorkOfArt', ['WOA', 'LAW'])).toBe('WOA');
    expect(isAbbreviation('NORP', 'Nationalities Or Religious Political')).toBe(true);
  });

  test('no nonsense: a prefix that is not written as an abbreviation, two candidates, one letter, no relation', () => {
    expect(closest('Car', ['Carrot'])).toBeUndefined();
    expect(closest('Carrot', ['Car'])).toBeUndefined();
    expect(closest('PER', ['Person', 'Percentage'])).toBeUndefined();
    expect(closest('ORG', ['Organism', 'Organization'])).toBeUndefined();
    expect(closest('P', ['Person'])).toBeUndefined();
    expect(closest('Location', ['PER', 'ORG', 'MISC'])).toBeUndefined();
    expect(closest('Date', ['DT'])).toBeUndefined();
    expect(closest('Dog', ['DOGS'])).toBe('DOGS'); // a spelling match (edit distance 1), as before
    expect(isAbbreviation('LOC', 'LOCK')).toBe(false); // a word one letter longer is not spelled out
    expect(isAbbreviation('AB', 'Apple Banana Cherry')).toBe(false);
  });

  test('a spelling match still comes first, and a single preferred candidate is not overruled by another abbreviation', () => {
    expect(closest('LOCC', ['LOC', 'Location'])).toBe('LOC');
    expect(closest('Location', ['LOC', 'label'], ['label'])).toBe('label');
    expect(closest('Location', ['LOC', 'label'], ['LOC'])).toBe('LOC');
  });
});
