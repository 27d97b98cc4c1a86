import { describe, expect, it } from 'vitest';
import { newId } from './ids';
import { pooledRandomBytes } from './random-pool';

describe('pooledRandomBytes', () => {
  it('never hands out the same bytes twice, across many refills of the pool', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 5000; i += 1) seen.add(pooledRandomBytes(16).toString('hex'));
    expect(seen.size).toBe(5000);
  });

  it('leaves bytes already handed out unchanged when the pool is replaced', () => {
    const kept = pooledRandomBytes(32);
    const copy = Buffer.from(kept);
    for (let i = 0; i < 1000; i += 1) pooledRandomBytes(64);
    expect(kept.equals(copy)).toBe(true);
  });

  it('gives exactly the size asked for, larger than the pool too', () => {
    expect(pooledRandomBytes(0)).toHaveLength(0);
    expect(pooledRandomBytes(10)).toHaveLength(10);
    expect(pooledRandomBytes(10_000)).toHaveLength(10_000);
  });

  it('makes distinct ids for votes stored in the same millisecond', () => {
    const ids = new Set(Array.from({ length: 2000 }, () => newId(1_700_000_000_000)));
    expect(ids.size).toBe(2000);
  });
});
