import { TemplateStore } from '../../../platform/documents';
import { parseConditionItems, StandardConditions } from './standard-conditions';

describe('standard conditions', () => {
  const conditions = new StandardConditions(new TemplateStore());

  it('reads the same keys from the Hindi and the English file', () => {
    const all = conditions.all();
    expect(all.length).toBeGreaterThanOrEqual(10);
    expect(all.map((c) => c.key)).toContain('carry-permit');
    for (const c of all) expect(c.hi).toMatch(/[\u0900-\u097F]/);
  });

  it('picks conditions by key and adds free text after them', () => {
    const picked = conditions.pick(['traffic-volunteers'], ['No procession beyond Roshanpura Square.']);
    expect(picked).toHaveLength(2);
    expect(picked[0]).toMatchObject({ key: 'traffic-volunteers', en: expect.stringContaining('10 volunteers') });
    expect(picked[1]).toEqual({ key: null, hi: 'No procession beyond Roshanpura Square.', en: 'No procession beyond Roshanpura Square.' });
  });

  it('names the position of an unknown key', () => {
    expect(() => conditions.pick(['carry-permit', 'no-such-thing'])).toThrow(/conditionKeys\[1\]/);
  });

  it('refuses an item without a key, naming the file', () => {
    expect(() => parseConditionItems(['carry the permit'], 'templates/x.hi.txt')).toThrow(/templates\/x\.hi\.txt/);
  });
});
