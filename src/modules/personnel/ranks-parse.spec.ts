import { parseRank } from './ranks-parse';

describe('parseRank', () => {
  it('reads the ranks as thana sheets write them, in English and Hindi', () => {
    const cases: Array<[string, string]> = [
      ['Constable', 'CONSTABLE'],
      ['head constable', 'HEAD_CONSTABLE'],
      ['H.C.', 'HEAD_CONSTABLE'],
      ['प्रधान आरक्षक', 'HEAD_CONSTABLE'],
      ['आरक्षक', 'CONSTABLE'],
      ['S.I.', 'SI'],
      ['TI', 'INSPECTOR'],
      ['ACP', 'DSP'],
      ['ADCP', 'ASP'],
      ['DCP', 'SP'],
    ];
    for (const [text, rank] of cases)
      expect({ text, parsed: parseRank(text) }).toEqual({ text, parsed: { rank } });
  });

  it('refuses an unknown rank and suggests the nearest spelling', () => {
    expect(parseRank('CONSTABEL')).toEqual({
      error: 'unknown rank "CONSTABEL" (did you mean "CONSTABLE"?)',
    });
    expect(parseRank('Havaldar Major')).toEqual({ error: 'unknown rank "Havaldar Major"' });
    expect(parseRank('  ')).toEqual({ error: 'rank is required' });
  });
});
