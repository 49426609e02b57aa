import { HttpException } from '@nestjs/common';
import {
  dakSearchSql,
  LIKENESS_BANDS,
  lexemesQuery,
  mayBeMisspelt,
  MAX_SEARCH_WORDS,
  searchWords,
  wordQuery,
} from './dak-search';

const paramsOf = (s: ReturnType<typeof dakSearchSql>) =>
  Object.assign({}, ...s.where.map((w) => w.params));
const fieldOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    if (e instanceof HttpException)
      return (e.getResponse() as { fields: Array<{ field: string }> }).fields[0]!.field;
    throw e;
  }
  return undefined;
};

describe('searchWords', () => {
  it('splits at spaces and punctuation but keeps a letter number whole', () => {
    expect(searchWords('धरना-प्रदर्शन, Neelam Park')).toEqual(['धरना-प्रदर्शन', 'Neelam', 'Park']);
    expect(searchWords('letter 1234/Reader/2026.')).toEqual(['letter', '1234/Reader/2026']);
    expect(searchWords('क्र.45/संघ')).toEqual(['क्र.45/संघ']);
  });

  it('keeps vowel signs and virama inside a Hindi word', () => {
    expect(searchWords('सुरक्षा व्यवस्था')).toEqual(['सुरक्षा', 'व्यवस्था']);
  });

  it("leaves nothing of tsquery's syntax: quotes, backslashes, operators", () => {
    const words = searchWords(`dharna' | !park & \\x:* <-> (rally)`);
    expect(words).toEqual(['dharna', 'park', 'x', 'rally']);
    expect(words.join('')).not.toMatch(/['\\|!&:*<>()]/);
  });

  it('drops repeats, whatever their case, and what has no letter or digit', () => {
    expect(searchWords('Dharna dharna -- / DHARNA park')).toEqual(['Dharna', 'park']);
    expect(searchWords('-- //')).toEqual([]);
  });

  it(`takes at most ${MAX_SEARCH_WORDS} words`, () => {
    expect(searchWords('a1 b2 c3 d4 e5 f6 g7 h8 i9 j10')).toHaveLength(MAX_SEARCH_WORDS);
  });
});

describe('dakSearchSql', () => {
  it('orders by newest without words', () => {
    const s = dakSearchSql({});
    expect(s.where).toEqual([]);
    expect(s.orderBy).toEqual([
      { sql: 'd.received_at', order: 'DESC' },
      { sql: 'd.ref', order: 'DESC' },
    ]);
  });

  it('asks for every word begun, and ranks whole words, then beginnings, then the newest', () => {
    const s = dakSearchSql({ q: 'धरना Neel' }, [], 'r');
    expect(s.where.map((w) => w.sql)).toEqual([
      "r.search_vector @@ (to_tsquery('simple', :dakSearchBegun0))",
      "r.search_vector @@ (to_tsquery('simple', :dakSearchBegun1))",
    ]);
    expect(paramsOf(s)).toEqual({
      dakSearchBegun0: "'धरना':*",
      dakSearchBegun1: "'Neel':*",
      dakSearchWhole0: "'धरना'",
      dakSearchWhole1: "'Neel'",
    });
    expect(s.orderBy.map((o) => `${o.sql} ${o.order}`)).toEqual(['r.received_at DESC', 'r.ref DESC']);
    const whole = "r.search_vector @@ ((to_tsquery('simple', :dakSearchWhole0)) && (to_tsquery('simple', :dakSearchWhole1)))";
    const begun = "r.search_vector @@ ((to_tsquery('simple', :dakSearchBegun0)) && (to_tsquery('simple', :dakSearchBegun1)))";
    // Without near spellings, every word begun is all the words find.
    expect(s.bands).toEqual([whole, `(${begun}) AND NOT (${whole})`]);
    expect(s.filters).toEqual([]);
  });

  it("takes a word's near spellings for it, and ranks them by bands of likeness", () => {
    const near = [
      [
        { lexeme: 'धरना', similarity: 0.86 },
        { lexeme: 'dharna', similarity: 0.57 },
      ],
      [],
    ];
    const s = dakSearchSql({ q: 'dharan Neel' }, near);
    expect(s.where.map((w) => w.sql)).toEqual([
      "d.search_vector @@ (to_tsquery('simple', :dakSearchBegun0) || CAST(:dakSearchNear0 AS tsquery))",
      "d.search_vector @@ (to_tsquery('simple', :dakSearchBegun1))",
    ]);
    expect(paramsOf(s)).toMatchObject({
      dakSearchNear0: "'धरना' | 'dharna'",
      dakSearchBand0_0: "'धरना'",
      dakSearchBand1_0: "'धरना'",
    });
    // Whole, begun, a band per likeness, and the rest.
    expect(s.bands).toHaveLength(LIKENESS_BANDS.length + 3);
    const band0 = "d.search_vector @@ ((to_tsquery('simple', :dakSearchBegun0) || CAST(:dakSearchBand0_0 AS tsquery)) && (to_tsquery('simple', :dakSearchBegun1)))";
    expect(s.bands[2]).toBe(
      `(${band0}) AND NOT (d.search_vector @@ ((to_tsquery('simple', :dakSearchBegun0)) && (to_tsquery('simple', :dakSearchBegun1))))`,
    );
    expect(s.bands[3]).toMatch(new RegExp(`AND NOT \\(${band0.replace(/[()|:.*]/g, '\\$&')}\\)$`));
    // The rest: what every word's near spellings find, less the last band.
    expect(s.bands[4]).toBe(`${s.where.map((w) => w.sql).join(' AND ')} AND NOT (${s.bands[3]!.split(') AND NOT (')[0]!.slice(1)})`);
  });

  it('looks for near spellings of words of three letters or more without a digit', () => {
    expect(mayBeMisspelt('धरन')).toBe(true);
    expect(mayBeMisspelt('dharan')).toBe(true);
    // की is one letter and a vowel sign; 45 and a letter number are numbers.
    expect(mayBeMisspelt('की')).toBe(false);
    expect(mayBeMisspelt('ab')).toBe(false);
    expect(mayBeMisspelt('1234/Reader/2026')).toBe(false);
  });

  it('finds a letter number or a hyphenated word whole or by its parts one after another', () => {
    expect(wordQuery('1234/Reader/2026', false)).toBe(
      "'1234/Reader/2026' | '1234' <-> 'Reader' <-> '2026'",
    );
    expect(wordQuery('Reader/2026', true)).toBe("'Reader/2026':* | 'Reader' <-> '2026':*");
    expect(wordQuery('धरना-प्रदर्शन', true)).toBe("'धरना-प्रदर्शन':* | 'धरना' <-> 'प्रदर्शन':*");
    expect(wordQuery('dharna', true)).toBe("'dharna':*");
  });

  it("quotes the register's words for tsquery, a quote doubled and a backslash escaped", () => {
    expect(lexemesQuery(['dharna', "o'neil", 'a\\b'])).toBe("'dharna' | 'o''neil' | 'a\\\\b'");
  });

  it('filters by channel, grading, e-Office state and the date received, IST without an offset', () => {
    const s = dakSearchSql({
      intakeChannel: 'EMAIL',
      grading: 'SECRET',
      eofficeStatus: 'PENDING_SYNC',
      from: '2026-11-22T00:00',
      to: '2026-11-24T00:00+05:30',
    });
    expect(s.where.map((w) => w.sql)).toEqual([
      'd.received_at >= :dakSearchFrom',
      'd.received_at < :dakSearchTo',
      'd.intake_channel = :dakSearchChannel',
      'd.grading = :dakSearchGrading',
      expect.stringMatching(/d\.id::text.* = :dakSearchSync$/s),
    ]);
    expect(paramsOf(s)).toMatchObject({
      dakSearchFrom: new Date('2026-11-21T18:30:00Z'),
      dakSearchTo: new Date('2026-11-23T18:30:00Z'),
      dakSearchChannel: 'EMAIL',
      dakSearchGrading: 'SECRET',
      dakSearchSource: 'dak_receipt',
      dakSearchSync: 'PENDING_SYNC',
    });
  });

  it('filters by status, priority, language, holder, age and overdue, at the moment given', () => {
    const now = new Date('2026-11-26T06:30:00Z');
    const s = dakSearchSql(
      {
        status: 'MARKED',
        priority: 'URGENT',
        language: 'hi',
        holder: 'TT_NAGAR',
        holderUser: '6f1c1a52-5a6b-4f3e-9d4e-1c2b3a4d5e6f',
        olderThanDays: 4,
        overdue: 'false',
      },
      [],
      'd',
      { now, holderUnitId: 'unit-1' },
    );
    expect(s.where.map((w) => w.sql)).toEqual([
      'd.status = :dakSearchStatus',
      'd.priority = :dakSearchPriority',
      'd.language = :dakSearchLanguage',
      'd.holder_user_id = :dakSearchHolderUser',
      'd.holder_unit_id = :dakSearchHolderUnit',
      'd.received_at < :dakSearchOlderThan',
      "NOT (d.status IN ('MARKED', 'RECEIVED') AND d.due_at IS NOT NULL AND d.due_at <= :dakSearchNow)",
    ]);
    expect(paramsOf(s)).toMatchObject({
      dakSearchHolderUnit: 'unit-1',
      dakSearchOlderThan: new Date('2026-11-22T06:30:00Z'),
      dakSearchNow: now,
    });
    expect(
      fieldOf(() => dakSearchSql({ holder: 'NOWHERE' }, [], 'd', { holderUnitId: null })),
    ).toBe('holder');
  });

  it('refuses, naming the field, a range that ends before it starts and a query of punctuation', () => {
    expect(fieldOf(() => dakSearchSql({ from: '2026-11-24T00:00', to: '2026-11-22T00:00' }))).toBe(
      'to',
    );
    expect(fieldOf(() => dakSearchSql({ from: '2026-11-24T00:00', to: '2026-11-24T00:00' }))).toBe(
      'to',
    );
    expect(fieldOf(() => dakSearchSql({ q: '-- //' }))).toBe('q');
    expect(
      fieldOf(() =>
        dakSearchSql({ q: 'dharna', from: '2026-11-22T00:00', to: '2026-11-24T00:00' }),
      ),
    ).toBeUndefined();
  });
});
