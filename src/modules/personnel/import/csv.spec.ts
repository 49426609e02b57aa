import { CsvError, parseCsv } from './csv';

describe('parseCsv', () => {
  it('reads quoted fields holding commas, quotes and line breaks', () => {
    expect(parseCsv('a,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n')).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\nlines'],
    ]);
  });

  it('drops the BOM Excel writes and keeps Hindi text intact', () => {
    expect(parseCsv('\uFEFFname_hi\nराम कुमार')).toEqual([['name_hi'], ['राम कुमार']]);
  });

  it('uses semicolons when the header line is separated by them', () => {
    expect(parseCsv('a;b\n1,5;2')).toEqual([
      ['a', 'b'],
      ['1,5', '2'],
    ]);
  });

  it('keeps empty trailing fields so columns stay aligned', () => {
    expect(parseCsv('a,b,c\n1,,\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '', ''],
    ]);
  });

  it('refuses a file that ends inside an open quote', () => {
    expect(() => parseCsv('a\n"open')).toThrow(CsvError);
  });
});
