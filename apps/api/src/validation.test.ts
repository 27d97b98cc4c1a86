// The depth rule for JSON bodies: it must agree with the plain definition of
// depth for any JSON value, and answer for any depth without overflowing.
import fc from 'fast-check';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { onError } from './errors';
import { nestsDeeperThan, validate } from './validation';

const depthOf = (value: unknown): number => (typeof value !== 'object' || value === null ? 0 : 1 + Math.max(0, ...(Array.isArray(value) ? value : Object.values(value)).map(depthOf)));

describe('nestsDeeperThan', () => {
  it('agrees with the depth of any JSON value, for any limit', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.nat(10), (value, max) => {
        expect(nestsDeeperThan(value, max)).toBe(depthOf(value) > max);
      })
    );
  });

  it('answers for a value nested 100,000 levels deep', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(nestsDeeperThan(deep, 64)).toBe(true);
  });
});

describe('a request that does not fit its schema', () => {
  it('is told in words which part of it has how many problems, each with its field', async () => {
    const app = new Hono().post(
      '/things/:id',
      validate('param', z.object({ id: z.string().max(3) })),
      validate('json', z.object({ title: z.string().min(1, 'Enter a title'), size: z.number() })),
      (c) => c.json({})
    );
    app.onError(onError);
    const body = (res: Response) => res.json() as Promise<{ message: string; issues: { field: string }[] }>;
    const bad = await body(await app.request('/things/1', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":""}' }));
    expect(bad.message).toMatch(/^The request body has 2 problems \(title: Enter a title; size: /);
    expect(bad.issues.map((i) => i.field)).toEqual(['title', 'size']);
    const address = await body(await app.request('/things/toolong', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }));
    expect(address.message).toMatch(/^The address has a problem \(id: /);
  });
});
