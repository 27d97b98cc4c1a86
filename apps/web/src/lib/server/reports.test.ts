// The version a report page's forms change, pinned in its address: whatever
// `at` says, the page's forms change a version the report has, and a page
// without one is sent to the same page with the newest.
import { isRedirect } from '@sveltejs/kit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pinnedVersion } from './reports.ts';

const event = (query: string, method = 'GET') => ({ url: new URL(`http://x.test/staff/reports/r1?done=added${query}`), request: new Request('http://x.test/', { method }) });

/** Where pinnedVersion sends the page, or the version it gives. */
function outcome(query: string, latest: number, method = 'GET'): number | string {
  try {
    return pinnedVersion(event(query, method), latest);
  } catch (e) {
    if (isRedirect(e)) return e.location;
    throw e;
  }
}

describe('pinnedVersion', () => {
  it('keeps a version the report has, and pins the newest when there is none', () => {
    expect(outcome('&at=3', 5)).toBe(3);
    expect(outcome('', 5)).toBe('/staff/reports/r1?done=added&at=5');
    expect(outcome('&at=6', 5)).toBe('/staff/reports/r1?done=added&at=5');
    expect(outcome('&at=1e400', 5)).toBe('/staff/reports/r1?done=added&at=5');
    expect(outcome('&at=0', 5)).toBe('/staff/reports/r1?done=added&at=5');
  });

  it('uses the newest after a refused form (a POST), never redirecting it', () => {
    expect(outcome('', 5, 'POST')).toBe(5);
    expect(outcome('&at=2', 5, 'POST')).toBe(5);
  });

  it('gives a version from 1 to the newest, or the same page with at=newest, for any text', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 1_000_000 }), (at, latest) => {
        const got = outcome(`&at=${encodeURIComponent(at)}`, latest);
        if (typeof got === 'number') {
          expect(Number.isInteger(got) && got >= 1 && got <= latest).toBe(true);
          expect(String(got)).toBe(at.replace(/^0+/, ''));
        } else expect(got).toBe(`/staff/reports/r1?done=added&at=${latest}`);
      })
    );
  });
});
