import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('gives the same text for the same answers sent in any key order', () => {
    const a = { worry: 'yes', places: { park: 'safe', centre: 'unsafe' }, seen: ['tiktok', 'snapchat'], age: 14 };
    const b = { age: 14, seen: ['tiktok', 'snapchat'], places: { centre: 'unsafe', park: 'safe' }, worry: 'yes' };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(JSON.parse(canonicalJson(a))).toEqual(a);
  });

  it('keeps list order, which is part of the answer', () => {
    expect(canonicalJson({ seen: ['a', 'b'] })).not.toBe(canonicalJson({ seen: ['b', 'a'] }));
  });
});
