import { compareBirths } from './birth';

const dob = (d: string) => ({ dob: d });
const age = (years: number, on: string) => ({ age: years, on });

describe('births compared', () => {
  it.each([
    [dob('1985-03-12'), dob('1985-03-12'), 'SAME_DATE', 0],
    [dob('1985-03-05'), dob('1985-05-03'), 'DAY_MONTH_SWAPPED', 0],
    [dob('1985-03-12'), dob('1985-03-21'), 'SAME_MONTH', 0],
    [dob('1985-03-12'), dob('1986-03-12'), 'YEAR_TYPO', 1],
    [dob('1985-01-01'), dob('1985-09-17'), 'SAME_YEAR_PLACEHOLDER', 0],
    [dob('1985-03-12'), dob('1985-09-17'), 'SAME_YEAR', 0],
    [dob('1985-11-12'), dob('1986-06-17'), 'ONE_YEAR', 1],
    [dob('1985-03-12'), dob('1987-05-17'), 'TWO_YEARS', 2],
    [dob('1985-03-12'), dob('1992-07-01'), 'YEARS_APART', 7],
    [dob('1962-02-02'), dob('1990-05-05'), 'DECADE_APART', 28],
  ])('%j ~ %j: %s', (a, b, agreement, years) => {
    expect(compareBirths(a, b)).toEqual({ agreement, yearsApart: years });
    expect(compareBirths(b, a)?.agreement).toBe(agreement);
  });

  it('fits an age stated on a date to a date of birth', () => {
    // Aged 30 on 1 Aug 2015: born 2 Aug 1984 … 1 Aug 1985.
    expect(compareBirths(dob('1985-03-12'), age(30, '2015-08-01'))?.agreement).toBe('AGE_FITS');
    expect(compareBirths(dob('1985-08-01'), age(30, '2015-08-01'))?.agreement).toBe('AGE_FITS');
    expect(compareBirths(dob('1985-08-02'), age(30, '2015-08-01'))).toEqual({
      agreement: 'AGE_NEAR',
      yearsApart: 1,
    });
    expect(compareBirths(dob('1984-08-02'), age(30, '2015-08-01'))?.agreement).toBe('AGE_FITS');
    expect(compareBirths(dob('1984-08-01'), age(30, '2015-08-01'))).toEqual({
      agreement: 'AGE_NEAR',
      yearsApart: 1,
    });
    expect(compareBirths(dob('1988-06-10'), age(35, '2020-01-01'))).toEqual({
      agreement: 'AGE_OFF',
      yearsApart: 4,
    });
    expect(compareBirths(dob('1970-07-07'), age(22, '2019-01-01'))).toEqual({
      agreement: 'AGE_DECADE',
      yearsApart: 26,
    });
    expect(compareBirths(age(40, '2018-01-01'), age(45, '2023-06-01'))?.agreement).toBe('AGE_FITS');
  });

  it('handles 29 February and refuses dates that do not exist', () => {
    expect(compareBirths(dob('1996-02-29'), age(22, '2018-12-01'))?.agreement).toBe('AGE_FITS');
    expect(compareBirths(dob('1985-02-30'), dob('1985-02-28'))).toBeNull();
    expect(compareBirths(dob('12-03-1985'), dob('1985-03-12'))).toBeNull();
    expect(compareBirths(age(-1, '2018-01-01'), dob('1985-03-12'))).toBeNull();
  });
});
