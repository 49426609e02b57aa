import { RANK_ALIASES, RANKS } from '../../platform/ranks';
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

  it('reads the older, armed-force and Hindi names an MP roll uses, mapping each to the ladder', () => {
    const cases: Array<[string, string]> = [
      ['Havaldar', 'HEAD_CONSTABLE'],
      ['HAWALDAR', 'HEAD_CONSTABLE'],
      ['हवलदार', 'HEAD_CONSTABLE'],
      ['प्र.आर.', 'HEAD_CONSTABLE'],
      ['Pradhan Aarakshak', 'HEAD_CONSTABLE'],
      ['Sipahi', 'CONSTABLE'],
      ['sepoy', 'CONSTABLE'],
      ['आर.', 'CONSTABLE'],
      ['महिला आरक्षक', 'CONSTABLE'],
      ['A.S.I.', 'ASI'],
      ['Asstt. Sub-Inspector', 'ASI'],
      ['स.उ.नि.', 'ASI'],
      ['सहायक उपनिरीक्षक', 'ASI'],
      ['उ.नि.', 'SI'],
      ['Sub-Inspector', 'SI'],
      ['Subedar', 'SI'],
      ['T.I.', 'INSPECTOR'],
      ['Inspr.', 'INSPECTOR'],
      ['नि.', 'INSPECTOR'],
      ['Dy.S.P.', 'DSP'],
      ['SDOP', 'DSP'],
      ['CSP', 'DSP'],
      ['नगर पुलिस अधीक्षक', 'DSP'],
      ['Addl. S.P.', 'ASP'],
      ['अतिरिक्त पुलिस अधीक्षक', 'ASP'],
      ['S.P.', 'SP'],
      ['पुलिस अधीक्षक', 'SP'],
      ['HEAD_CONSTABLE', 'HEAD_CONSTABLE'],
    ];
    for (const [text, rank] of cases)
      expect({ text, parsed: parseRank(text) }).toEqual({ text, parsed: { rank } });
  });

  it('reads every alias of the ladder as its own rung', () => {
    const wrong = RANKS.flatMap((rank) =>
      RANK_ALIASES[rank]
        .map((text) => ({ text, rank, parsed: parseRank(text) }))
        .filter((c) => !('rank' in c.parsed) || c.parsed.rank !== rank),
    );
    expect(wrong).toEqual([]);
  });

  it('suggests the alias nearest a misspelt one', () => {
    expect(parseRank('Havaldr')).toEqual({
      error: 'unknown rank "Havaldr" (did you mean "HAVALDAR"?)',
    });
  });
});
