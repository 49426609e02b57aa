import { ConflictException } from '@nestjs/common';
import { CHART_STATUSES, nextStatus } from './chart-states';

describe('chart version transitions', () => {
  it('lets a draft be solved, edited and published', () => {
    expect(nextStatus('DRAFT', 'solve')).toBe('SOLVING');
    expect(nextStatus('SOLVING', 'solved')).toBe('DRAFT');
    expect(nextStatus('DRAFT', 'publish')).toBe('PUBLISHING');
    expect(nextStatus('PUBLISHING', 'published')).toBe('PUBLISHED');
  });

  it('refuses to edit a published chart and names what is allowed', () => {
    try {
      nextStatus('PUBLISHED', 'edit');
      throw new Error('expected a conflict');
    } catch (e) {
      expect(e).toBeInstanceOf(ConflictException);
      expect((e as ConflictException).getResponse()).toMatchObject({ allowed: ['supersede'] });
    }
  });

  it('leaves superseded and discarded versions with no way forward', () => {
    for (const s of CHART_STATUSES.filter((x) => x === 'SUPERSEDED' || x === 'DISCARDED')) {
      expect(() => nextStatus(s, 'solve')).toThrow(ConflictException);
    }
  });
});
