import fc from 'fast-check';
import {
  keyParticulars,
  MatchScore,
  Particulars,
  POSSIBLE_AT,
  scoreMatch,
  scoreParticulars,
  STRONG_AT,
} from './score';

const reason = (s: MatchScore, field: string) => s.why.find((w) => w.field === field)!;

describe('scoring an applicant against a record', () => {
  const applicant: Particulars = {
    name: 'राजेश कुमार',
    relative: 'पुत्र रमेश चंद्र',
    birth: { dob: '1985-03-12' },
    address: 'मकान नं. 14, जहांगीराबाद, भोपाल',
  };

  it('finds the same person written in the other script and spelling STRONG, and says why in both languages', () => {
    const s = scoreParticulars(applicant, {
      name: 'Rajesh Kumar',
      relative: 'S/o Ramesh Chandra',
      birth: { age: 30, on: '2015-08-01' },
      address: 'H.No. 14, Jahangirabad, Bhopal',
    });
    expect(s.band).toBe('STRONG');
    expect(s.score).toBeGreaterThanOrEqual(STRONG_AT);
    expect(reason(s, 'name')).toMatchObject({
      code: 'NAME_SAME_KEY',
      effect: 'RAISES',
      en: "name: same sound key 'rajes kumar'",
      hi: "नाम: ध्वनि-कुंजी एक ही 'rajes kumar'",
    });
    expect(reason(s, 'relative')).toMatchObject({
      code: 'RELATIVE_SAME_KEY',
      en: "father's name: same sound key 'rames chandar'",
    });
    expect(reason(s, 'birth')).toMatchObject({
      code: 'AGE_FITS',
      en: 'age: age 30 on 01-08-2015 and DOB 12-03-1985 fit',
    });
    expect(reason(s, 'address')).toMatchObject({
      code: 'ADDRESS_SHARES',
      en: "address: both mention '14 jahangirabad'",
    });
    for (const w of s.why) {
      expect(w.en).toMatch(/^[^\u0900-\u097f]*$/);
      expect(w.hi).toMatch(/[\u0900-\u097f]/);
    }
  });

  it('does not score a same-named person with another DOB and father STRONG', () => {
    const s = scoreParticulars(applicant, {
      name: 'Rajesh Kumar',
      relative: 'S/o Suresh Prasad',
      birth: { dob: '1992-07-01' },
    });
    expect(s.band).toBe('WEAK');
    expect(reason(s, 'name').effect).toBe('RAISES');
    expect(reason(s, 'relative')).toMatchObject({ code: 'RELATIVE_DIFFERS', effect: 'LOWERS' });
    expect(reason(s, 'birth')).toMatchObject({
      code: 'DOB_YEARS_APART',
      effect: 'LOWERS',
      en: 'DOB: 7 years apart (12-03-1985 ~ 01-07-1992)',
    });
  });

  it('needs enough besides the name to agree for STRONG: the exact DOB, or the father and an age or address', () => {
    const band = (r: Particulars) => scoreParticulars(applicant, r).band;
    expect(band({ name: 'Rajesh Kumar' })).toBe('POSSIBLE');
    expect(band({ name: 'Rajesh Kumar', birth: { age: 30, on: '2015-08-01' } })).toBe('POSSIBLE');
    // A common name and a common father's name meet often in a district's records.
    expect(band({ name: 'Rajesh Kumar', relative: 'Ramesh Chandra' })).toBe('POSSIBLE');
    expect(band({ name: 'Rajesh Kumar', birth: { dob: '1985-03-12' } })).toBe('STRONG');
    expect(
      band({
        name: 'Rajesh Kumar',
        relative: 'Ramesh Chandra',
        birth: { age: 30, on: '2015-08-01' },
      }),
    ).toBe('STRONG');
    expect(
      band({ name: 'Rajesh Kumar', relative: 'Ramesh Chandra', address: 'H.No. 14, Jahangirabad' }),
    ).toBe('STRONG');
    expect(
      band({ name: 'Rajesh Kumar', relative: 'Ramesh Chandra', address: 'Jahangirabad' }),
    ).toBe('POSSIBLE');
  });

  it('never calls a name that only resembles STRONG (a brother, a twin), whatever else agrees', () => {
    const twins = scoreParticulars(
      { name: 'Arif Ansari', relative: 'S/o Hanif Ansari', birth: { dob: '1986-10-01' } },
      { name: 'Asif Ansari', relative: 'S/o Hanif Ansari', birth: { dob: '1986-10-01' } },
    );
    expect(twins.band).toBe('POSSIBLE');
    expect(reason(twins, 'name').code).toBe('NAME_CLOSE');
  });

  it('does not compare a father on one side with a husband on the other', () => {
    const s = scoreParticulars(
      { name: 'Seema Yadav', relative: 'D/o Ramvilas Yadav', birth: { dob: '1990-10-10' } },
      { name: 'सीमा यादव', relative: 'पत्नी दिनेश यादव', birth: { dob: '1990-10-10' } },
    );
    expect(reason(s, 'relative')).toMatchObject({
      code: 'RELATIVE_NOT_COMPARABLE',
      effect: 'NEUTRAL',
      weight: 0,
    });
    expect(s.band).toBe('STRONG');
  });

  it('sets the family name aside when comparing fathers', () => {
    const s = scoreParticulars(
      { name: 'Rajesh Sharma', relative: 'Ramesh Sharma' },
      { name: 'Rajesh Sharma', relative: 'Suresh Sharma' },
    );
    expect(reason(s, 'relative')).toMatchObject({
      code: 'RELATIVE_DIFFERS',
      en: "father's/husband's name: differs (0%): 'rames' ~ 'sures'",
    });
  });

  it('lets the date of birth raise more the closer it agrees, and lower the further apart it is', () => {
    const withBirth = (dob: string) =>
      scoreParticulars(applicant, {
        name: 'Rajesh Kumar',
        relative: 'Ramesh Chandra',
        birth: { dob },
      }).score;
    const order = [
      '1985-03-12',
      '1985-03-21',
      '1985-09-01',
      '1986-11-01',
      '1988-03-01',
      '1996-03-01',
    ].map(withBirth);
    for (let i = 1; i < order.length; i++) expect(order[i]).toBeLessThanOrEqual(order[i - 1]!);
    expect(order[0]).toBeGreaterThan(order[order.length - 1]!);
  });

  it('lets a shared address raise a little and never lower', () => {
    const base = { name: 'Rajesh Kumar', relative: 'S/o Suresh Prasad' };
    const none = scoreParticulars(applicant, base).score;
    const elsewhere = scoreParticulars(applicant, { ...base, address: 'Kolar Road' });
    const same = scoreParticulars(applicant, { ...base, address: 'Jahangirabad, Bhopal' }).score;
    expect(elsewhere.score).toBe(none);
    expect(reason(elsewhere, 'address').code).toBe('ADDRESS_NOTHING_SHARED');
    expect(same).toBeGreaterThan(none);
  });

  it('can leave the reasons out when only ranking', () => {
    const q = keyParticulars(applicant);
    const r = keyParticulars({ name: 'Rajesh Kumar', relative: 'S/o Ramesh Chandra' });
    const quiet = scoreMatch(q, r, { explain: false });
    expect(quiet.why).toEqual([]);
    expect(quiet.score).toBe(scoreMatch(q, r).score);
  });

  const people = fc.record({
    name: fc.constantFrom(
      'Rajesh Kumar',
      'राजेश कुमार',
      'Rakesh Kumar',
      'R. K. Sharma',
      'Mohd. Irfan',
      'मोहम्मद इरफ़ान',
      'Kamla Bai',
      'Sunita',
      'Shyam',
    ),
    relative: fc.constantFrom(
      null,
      'S/o Ramesh',
      'पुत्र रमेश',
      'W/o Suresh',
      'Mohd. Salim',
      'Suresh Prasad',
    ),
    birth: fc.constantFrom(
      null,
      { dob: '1985-03-12' },
      { dob: '1985-12-03' },
      { dob: '1990-01-01' },
      { age: 30, on: '2015-08-01' },
      { age: 50, on: '2020-01-01' },
    ),
    address: fc.constantFrom(null, 'Jahangirabad, Bhopal', 'अशोका गार्डन', 'H.No. 12 Kolar Road'),
  });

  it('is symmetric, stays within 0–1, and bands by the thresholds', () => {
    fc.assert(
      fc.property(people, people, (a, b) => {
        const s = scoreParticulars(a, b);
        const t = scoreParticulars(b, a);
        const band = s.score >= STRONG_AT ? 'STRONG' : s.score >= POSSIBLE_AT ? 'POSSIBLE' : 'WEAK';
        return (
          s.score === t.score &&
          s.band === t.band &&
          s.score >= 0 &&
          s.score <= 1 &&
          s.band === band
        );
      }),
    );
  });

  it('scores anyone against themselves at least POSSIBLE, and STRONG when a second identifier is there', () => {
    fc.assert(
      fc.property(people, (p) => {
        const s = scoreParticulars(p, p);
        return (
          s.band === 'STRONG' ||
          (s.band === 'POSSIBLE' && (!p.relative || !p.birth || !('dob' in p.birth)))
        );
      }),
    );
  });
});
