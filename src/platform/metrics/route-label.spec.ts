import { routeLabel, UNMATCHED } from './route-label';

describe('routeLabel', () => {
  it('is the route template, never the path with its values', () => {
    expect(routeLabel('', '/api/v1/dak/:id')).toBe('/api/v1/dak/:id');
    expect(routeLabel(undefined, '/s/:token/pdf')).toBe('/s/:token/pdf');
  });

  it('joins a mounted router to its route', () => {
    expect(routeLabel('/admin/queues', '/api/queues/:queueName')).toBe(
      '/admin/queues/api/queues/:queueName',
    );
    expect(routeLabel('/admin/queues', 'api/queues')).toBe('/admin/queues/api/queues');
  });

  it('drops a trailing slash but keeps the root', () => {
    expect(routeLabel('', '/health/')).toBe('/health');
    expect(routeLabel('', '/')).toBe('/');
    expect(routeLabel('', '')).toBe('/');
  });

  it('calls a request no route answered unmatched', () => {
    expect(routeLabel('', undefined)).toBe(UNMATCHED);
    expect(routeLabel('', /^\/x/)).toBe(UNMATCHED);
    expect(routeLabel('', ['/a', '/b'])).toBe(UNMATCHED);
    // The app-wide middleware is an express route of its own; it matches every path.
    expect(routeLabel('', '/{*splat}')).toBe(UNMATCHED);
    expect(routeLabel('', '{*splat}')).toBe(UNMATCHED);
    expect(routeLabel('', '*')).toBe(UNMATCHED);
  });
});
