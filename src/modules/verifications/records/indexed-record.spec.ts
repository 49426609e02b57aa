import { keyName, KEY_VERSION } from '../matching/name-key';
import { keyParticulars } from '../matching/score';
import { prefilterParams, PREFILTER_ROWS, searchKeyParts } from './criminal-records.index';
import {
  birthYearOf,
  bornKeysOf,
  keyedRow,
  kinKeysOf,
  rowOf,
  searchKeyOf,
  StoredRow,
} from './indexed-record';

describe('an index entry and its keys', () => {
  it('searches by the distinctive parts of a name, or all of them when it has no others', () => {
    expect(searchKeyOf(keyName('Rajesh Kumar Sharma'))).toBe('rajes sarma');
    expect(searchKeyOf(keyName('Mohd. Irfan'))).toBe('irfan');
    expect(searchKeyOf(keyName('R. K. Sharma'))).toBe('sarma');
    expect(searchKeyOf(keyName('Gurpreet Singh'))).toBe('gurprit');
    expect(searchKeyOf(keyName('Kumar'))).toBe('kumar');
    expect(searchKeyOf(keyName('Ramesh Yadav urf Pappu'))).toBe('rames yadav / papu yadav');
  });

  it('keys an entry as written: relation from its marker, age with its date, address words', () => {
    const row = rowOf({
      name: ' राजेश कुमार शर्मा ',
      relative: 'पुत्र रमेश चंद्र शर्मा',
      birth: { age: 35, on: '2019-06-01' },
      address: 'मकान नं. 12, अशोका गार्डन, भोपाल',
      firRef: ' 112/2019',
      policeStation: 'Ashoka Garden',
    });
    expect(row).toEqual({
      name: 'राजेश कुमार शर्मा',
      nameKey: 'rajes kumar sarma',
      searchKey: 'rajes sarma',
      relativeName: 'पुत्र रमेश चंद्र शर्मा',
      relativeKey: 'rames chandar sarma',
      kinKeys: ['rjes>rmes', 'rjes>cndr', 'srma>rmes', 'srma>cndr'],
      relation: 'FATHER',
      dob: null,
      ageYears: 35,
      ageOn: '2019-06-01',
      bornKeys: ['rjes srma@1982', 'rjes srma@1983', 'rjes srma@1984'],
      address: 'मकान नं. 12, अशोका गार्डन, भोपाल',
      addressKey: '12 asoka gardan',
      firRef: '112/2019',
      policeStation: 'Ashoka Garden',
      sections: null,
      keyVersion: KEY_VERSION,
    });
  });

  it('takes the year of birth an age most likely means', () => {
    // Aged 30 on 1 March 2015: born 2 March 1984 … 1 March 1985, mostly in 1984.
    expect(birthYearOf({ age: 30, on: '2015-03-01' })).toBe(1984);
    expect(birthYearOf({ age: 30, on: '2015-09-01' })).toBe(1985);
    expect(birthYearOf({ dob: '1985-03-12' })).toBe(1985);
    expect(birthYearOf(null)).toBeNull();
  });

  it('blocks by a name part and a relative part, and by the whole name in any order with the birth years', () => {
    expect(kinKeysOf('rajes sarma', ['rames'])).toEqual(['rjes>rmes', 'srma>rmes']);
    expect(kinKeysOf('manoj dhakad', ['binod'])).toEqual(kinKeysOf('manoj dhakad', ['vinod']));
    expect(kinKeysOf('rajes sarma', [])).toEqual([]);
    expect(bornKeysOf('sarma rajes', 1984, 1)).toEqual(bornKeysOf('rajes sarma', 1984, 1));
    expect(bornKeysOf('rajes', null, 1)).toEqual([]);
  });

  it('gives the prefilter the parts, pairs and blocking keys of an applicant', () => {
    expect(searchKeyParts('ram narayan sahu')).toEqual([
      'ram',
      'ram narayan',
      'narayan ram',
      'ram sahu',
      'sahu ram',
      'narayan',
      'narayan sahu',
      'sahu narayan',
      'sahu',
    ]);
    const p = prefilterParams(
      keyParticulars({
        name: 'Rajesh Kumar Sharma',
        relative: 'S/o Ramesh Sharma',
        birth: { dob: '1984-03-12' },
      }),
    );
    expect(p.named).toEqual([
      'rajes sarma',
      ['rajes', 'rajes sarma', 'sarma rajes', 'sarma'],
      PREFILTER_ROWS,
    ]);
    expect(p.kin).toEqual([['rjes>rmes', 'srma>rmes'], PREFILTER_ROWS]);
    // The applicant's ±2 years with the entry's ±1: born within three years of each other.
    expect(p.born![0]).toEqual([
      'rjes srma@1982',
      'rjes srma@1983',
      'rjes srma@1984',
      'rjes srma@1985',
      'rjes srma@1986',
    ]);
    expect(prefilterParams(keyParticulars({ name: 'Rajesh' })).born).toBeNull();
  });

  it('scores a row by its stored keys, and keys again a row keyed by another version', () => {
    const stored: StoredRow = {
      id: 'x',
      import_batch_id: 'b',
      name: 'Rajesh Kumar',
      name_key: 'stale key',
      relative_name: 'S/o Ramesh',
      relative_key: 'stale',
      relation: 'FATHER',
      dob: '1985-03-12',
      age_years: null,
      age_on: null,
      address: 'Jahangirabad, Bhopal',
      address_key: 'stale',
      fir_ref: '1/2020',
      police_station: 'Kotwali',
      sections: null,
      key_version: KEY_VERSION,
    };
    expect(keyedRow(stored).name.key).toBe('stale key');
    const old = keyedRow({ ...stored, key_version: KEY_VERSION - 1 });
    expect(old.name.key).toBe('rajes kumar');
    expect(old.relative!.key).toBe('rames');
    expect(old.address).toEqual(['jahangirabad']);
    expect(old.birth).toEqual({ dob: '1985-03-12' });
  });
});
