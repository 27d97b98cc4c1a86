// The depth rule for JSON bodies: it must agree with the plain definition of
// depth for any JSON value, and answer for any depth without overflowing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nestsDeeperThan } from './validation';

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
