import { RANK_ALIASES, rankFromText, rankKey, rankShown } from './rank-aliases';
import { RANKS } from './ranks';

describe('RANK_ALIASES', () => {
  it('gives every rung of the ladder its spellings, and nothing off the ladder', () => {
    expect(Object.keys(RANK_ALIASES).sort()).toEqual([...RANKS].sort());
    for (const rank of RANKS)
      expect({ rank, n: RANK_ALIASES[rank].length > 0 }).toEqual({ rank, n: true });
  });

  it('never gives one spelling to two rungs, also once spaces and dots are dropped', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const rank of RANKS) {
      for (const text of [rank, ...RANK_ALIASES[rank]]) {
        for (const key of new Set([rankKey(text), rankKey(text).replace(/ /g, '')])) {
          const other = owner.get(key);
          if (other && other !== rank) clashes.push(`${text}: ${other} and ${rank}`);
          owner.set(key, rank);
        }
      }
    }
    expect(clashes).toEqual([]);
  });

  it('holds the older and Hindi names an MP roll uses', () => {
    expect(RANK_ALIASES.HEAD_CONSTABLE).toEqual(
      expect.arrayContaining(['Havaldar', 'हवलदार', 'Pradhan Aarakshak', 'प्रधान आरक्षक']),
    );
    expect(RANK_ALIASES.CONSTABLE).toEqual(
      expect.arrayContaining(['Sipahi', 'Sepoy', 'सिपाही', 'आरक्षक']),
    );
  });

  it('reads dots, dashes and case alike', () => {
    expect(rankKey(' h.c. ')).toBe('H C');
    expect(rankKey('स.उ.नि.')).toBe('स उ नि');
    expect(rankKey('Dy. S.P.')).toBe('DY S P');
  });
});

describe('rankShown', () => {
  it('gives the rung and its bilingual title for any spelling a roll or an account uses', () => {
    expect(rankShown('SI')).toEqual({ code: 'SI', en: 'Sub-Inspector', hi: 'उप निरीक्षक' });
    expect(rankShown('havaldar')).toEqual({ code: 'HEAD_CONSTABLE', en: 'Head Constable', hi: 'प्रधान आरक्षक' });
    expect(rankShown('स.उ.नि.')).toEqual({ code: 'ASI', en: 'Asst. Sub-Inspector', hi: 'सहायक उप निरीक्षक' });
    expect(rankShown('DYSP').code).toBe('DSP');
  });

  it('shows a rank off the ladder as written, in both languages, with no rung', () => {
    expect(rankShown(' ADMIN ')).toEqual({ code: null, en: 'ADMIN', hi: 'ADMIN' });
    expect(rankFromText('')).toBeNull();
  });
});
