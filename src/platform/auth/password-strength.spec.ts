import { ownWords, passwordProblem } from './password-strength';

const sharma = { username: 'si.sharma', names: ['R. K. Sharma', 'आर. के. शर्मा', 'SI', 'TT_NAGAR', 'TT Nagar'] };

describe('password strength', () => {
  it.each(['password1234', 'qwertyuiop12', 'Bhopal@12345', 'BhopalPolice2026!', 'Mppolice#2026', 'thana-police-bhopal', 'Sharma@123456', 'rksharma19870'])(
    'refuses %s, saying why',
    (password) => {
      const problem = passwordProblem(password, sharma);
      expect(problem).toMatch(/^is too easy to guess: .+\./);
    },
  );

  it('names the borrowed words when a password rests on the organisation or the account', () => {
    expect(passwordProblem('BhopalPolice2026!', sharma)).toMatch(/about the police or Bhopal \("BhopalPolice"\)/);
    expect(passwordProblem('Police-Bhopal-2026!', sharma)).toMatch(/"Police", "Bhopal"/);
    expect(passwordProblem('Sharma@123456', sharma)).toMatch(/about you \(your name, username, rank or unit\) \("Sharma"\)/);
    expect(passwordProblem('qwertyuiop12', sharma)).toMatch(/Straight rows of keys|commonly used password/i);
  });

  it('keeps the plain rules first', () => {
    expect(passwordProblem('short', sharma)).toBe('must be at least 12 characters long');
    expect(passwordProblem('my-si.sharma-password', sharma)).toBe('must not contain your username');
    expect(passwordProblem('abababababab', sharma)).toBe('must use at least 6 different characters');
  });

  it.each(['a-much-better-passphrase-2026', 'kill-nine-survivor-2026', 'correct-horse-battery-staple', 'mahakal-jhulelal-ghoda-47', 'Bhopal-monsoon-lakes-ride-slow'])(
    'accepts %s',
    (password) => {
      expect(passwordProblem(password, sharma)).toBeNull();
    },
  );

  it('takes the account\'s own words from its names and their parts', () => {
    expect(ownWords(sharma)).toEqual(expect.arrayContaining(['si.sharma', 'sharma', 'r. k. sharma', 'tt_nagar', 'nagar', 'शर्मा']));
  });
});

describe('words borrowed from the organisation or the account', () => {
  it.each(['Thana-Police-2026', 'Bh0p@l-P0lice-2026', 'TTNagar-Sharma-99', 'kotwali-thanedar-112'])('sees through %s', (password) => {
    expect(passwordProblem(password, sharma)).toMatch(/it is built on words about/);
  });
});
