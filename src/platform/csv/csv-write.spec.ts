import { readCsv } from './csv';
import { writeCsv } from './csv-write';

describe('writeCsv', () => {
  it('quotes every cell and never lets one be read as a formula', () => {
    const text = writeCsv(['a'], [['Sharma, "Raju"', '=HYPERLINK("x")', '-3', null, 12, '@SUM(A1)', '+91']]);
    expect(text).toBe('\uFEFF"a"\r\n"Sharma, ""Raju""","\'=HYPERLINK(""x"")","\'-3","","12","\'@SUM(A1)","\'+91"\r\n');
  });

  it('reads back as written through our own reader, Hindi included', () => {
    const rows = [['डाक/DAK/2026/000001', 'धरना-प्रदर्शन हेतु, "आवेदन"', 'line one\nline two']];
    const table = readCsv(Buffer.from(writeCsv(['क्रमांक / No.', 'विषय / Subject', 'Note'], rows), 'utf8'));
    expect(table.rows).toEqual([['क्रमांक / No.', 'विषय / Subject', 'Note'], ...rows]);
  });
});
