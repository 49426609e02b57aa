import { nameInitials } from './character-certificate';

describe("a certificate's initials of the applicant", () => {
  it('takes the first letter of each word in either script', () => {
    expect(nameInitials('Rajesh Kumar Sharma')).toBe('R. K. S.');
    expect(nameInitials('mohd. irfan')).toBe('M. I.');
    expect(nameInitials('राजेश कुमार शर्मा')).toBe('रा. कु. श.');
    expect(nameInitials('क्षितिज')).toBe('क्षि.');
  });
});
