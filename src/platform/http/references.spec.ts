import { idsOf, References } from './references';

describe('References', () => {
  const refs = new References(new Map([['a', { id: 'a', name: 'Known' }]]), (id) => ({ id, name: 'Unknown' }));

  it('reads back what was found, and shows an id that names nothing as the fallback', () => {
    expect(refs.of('a')).toEqual({ id: 'a', name: 'Known' });
    expect(refs.of('b')).toEqual({ id: 'b', name: 'Unknown' });
    expect(refs.each(['b', 'a']).map((r) => r.name)).toEqual(['Unknown', 'Known']);
  });

  it('keeps a step nobody has taken yet as null', () => {
    expect(refs.ofOptional(null)).toBeNull();
    expect(refs.ofOptional(undefined)).toBeNull();
    expect(refs.ofOptional('a')).toEqual({ id: 'a', name: 'Known' });
  });
});

describe('idsOf', () => {
  it('gives each id once, from single ids and lists alike, leaving out nulls and empty strings (never sent to a uuid column)', () => {
    expect(idsOf('a', null, ['b', null, 'a', ''], undefined, '', ['c'])).toEqual(['a', 'b', 'c']);
    expect(idsOf()).toEqual([]);
  });
});
