import { utf16beHex } from './actual-text';

describe('utf16beHex', () => {
  it('encodes text as a UTF-16BE hex string with a byte-order mark', () => {
    expect(utf16beHex('कि')).toBe('<FEFF0915093F>');
    expect(utf16beHex('(a)')).toBe('<FEFF002800610029>');
  });

  it('keeps surrogate pairs as two code units', () => {
    expect(utf16beHex('\u{1F600}')).toBe('<FEFFD83DDE00>');
  });
});
