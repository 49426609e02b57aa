import { verhoeffValid } from '../../../platform/http';
import { checkRecordRow, readIndexDate, recordSheetLayout } from './record-import-rows';

const HEADER = ["Name", "Father's name", 'DOB', 'Age', 'Age on', 'Address', 'FIR ref', 'Police station', 'Sections', 'Remarks'];
const layout = recordSheetLayout(HEADER);
const TODAY = '2026-12-01';
const row = (over: Partial<Record<string, string>>) => {
  const base: Record<string, string> = {
    Name: 'राजेश कुमार शर्मा',
    "Father's name": 'पुत्र रमेश चंद्र शर्मा',
    DOB: '',
    Age: '35',
    'Age on': '01-06-2019',
    Address: 'मकान नं. 12, अशोका गार्डन, भोपाल',
    'FIR ref': '112/2019',
    'Police station': 'Ashoka Garden',
    Sections: 'IPC 379',
    Remarks: '',
  };
  return HEADER.map((h) => over[h] ?? base[h]!);
};
const errorsOf = (cells: string[]) => checkRecordRow(layout, 7, cells, TODAY).errors?.map((e) => `${e.column}: ${e.message}`) ?? [];

describe('a row of a criminal-records index file', () => {
  it('reads the headings police stations write, in English or Hindi', () => {
    expect(layout).toMatchObject({ missing: [], ignored: ['Remarks'], duplicated: [] });
    expect(recordSheetLayout(['नाम', 'पिता का नाम', 'आयु', 'थाना', 'अपराध क्रमांक']).missing).toEqual([]);
    expect(recordSheetLayout(['name', 'address']).missing).toEqual(['fir_ref', 'police_station', 'dob or age']);
  });

  it('enters a good row keyed as the index keys it, its age dated', () => {
    const checked = checkRecordRow(layout, 2, row({}), TODAY);
    expect(checked.errors).toBeNull();
    expect(checked.row).toMatchObject({ nameKey: 'rajes kumar sarma', relation: 'FATHER', ageYears: 35, ageOn: '2019-06-01' });
  });

  it('dates an age without its date by the FIR year, and refuses one it cannot date', () => {
    expect(checkRecordRow(layout, 2, row({ 'Age on': '' }), TODAY).row).toMatchObject({ ageYears: 35, ageOn: '2019-07-01' });
    expect(errorsOf(row({ 'Age on': '', 'FIR ref': 'CR-77' }))).toEqual([
      'Age on: is needed with an age: the date the age was recorded (or an FIR reference ending in its year, "112/2019")',
    ]);
  });

  it('names each bad cell by its heading', () => {
    expect(errorsOf(row({ DOB: '31-02-1990' }))).toEqual(['DOB: is not a date; write it as dd-mm-yyyy (or yyyy-mm-dd)']);
    expect(errorsOf(row({ DOB: '02-12-2026' }))).toEqual(['DOB: is in the future']);
    expect(errorsOf(row({ Age: '150' }))).toEqual(['Age: is not an age in whole years from 0 to 120']);
    expect(errorsOf(row({ Name: 'Ram\u0007 Lal' }))).toEqual(['Name: holds a control character (U+0007); retype the cell']);
    expect(errorsOf(row({ Sections: 'IPC 379, '.repeat(40) }))).toEqual(['Sections: is 360 characters long; at most 300']);
    expect(errorsOf(row({ 'FIR ref': ' ', 'Police station': '' }))).toEqual([
      'FIR ref: is empty; every entry needs its FIR or case reference',
      'Police station: is empty; every entry needs its police station',
    ]);
    expect(errorsOf(row({ Name: '???? ????' }))).toHaveLength(1);
    expect(errorsOf(row({ Name: '12/34' }))).toEqual(['Name: has no letters to match on']);
  });

  it('lets an address keep its line breaks, and nothing else its control characters', () => {
    expect(errorsOf(row({ Address: 'मकान नं. 12\nअशोका गार्डन' }))).toEqual([]);
    expect(errorsOf(row({ Address: 'मकान\u0000 12' }))).toHaveLength(1);
  });

  it('refuses a 12-digit number shaped like an Aadhaar number in any cell, its check digit valid or not', () => {
    const invalid = '2345 6789 0123';
    expect(verhoeffValid(invalid.replace(/ /g, ''))).toBe(false);
    for (const [column, value] of [
      ['Address', `मकान नं. 12, ${invalid}`],
      ['Remarks', `aadhaar ${invalid.replace(/ /g, '-')}`],
      ['Sections', invalid.replace(/ /g, '')],
    ] as const)
      expect(errorsOf(row({ [column]: value }))).toEqual([
        `${column}: holds a 12-digit number shaped like an Aadhaar number; the index must not keep one (only its last 4 digits may be kept)`,
      ]);
    // A mobile number and an FIR reference are not.
    expect(errorsOf(row({ Remarks: '+91 98765 43210', 'FIR ref': '1234/2019' }))).toEqual([]);
  });

  it('reads dates as Indian registers write them', () => {
    expect(['12-03-1985', '12/03/1985', '12.3.1985', '1985-03-12'].map(readIndexDate)).toEqual(Array(4).fill('1985-03-12'));
    expect(readIndexDate('1985-13-01')).toBeNull();
    expect(readIndexDate('March 1985')).toBeNull();
  });
});
