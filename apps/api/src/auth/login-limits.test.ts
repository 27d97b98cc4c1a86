import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FreshApi, freshApi } from '../test/fresh-api';
import { type AttemptKeys, attemptKeys, LIMITS, LONGEST_DELAY_MS, recordFailure, recordSuccess, secondsUntilAllowed, TRUSTED_FOR_MS } from './login-limits';

let api: FreshApi;
beforeAll(async () => {
  api = await freshApi();
});
afterAll(() => api.close());

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Each test has its own stretch of a clock that only moves when told to. */
let clock = Date.now();
const later = (ms: number) => {
  clock += ms;
  return clock;
};

const keysFor = (email: string, address: string | null) => attemptKeys(api.database.db, email, address);
const wait = (keys: AttemptKeys) => secondsUntilAllowed(api.database.db, keys, clock);
const fail = (keys: AttemptKeys) => recordFailure(api.database.db, keys, clock);
const succeed = (keys: AttemptKeys) => recordSuccess(api.database.db, keys, clock);

async function failTimes(keys: AttemptKeys, times: number) {
  for (let i = 0; i < times; i++) await fail(keys);
}

describe('sign-in limits by (account, network) pair', () => {
  it('let an account’s owner sign in at once from their network while an attacker elsewhere keeps failing', async () => {
    later(DAY);
    const attacker = await keysFor('lead@example.org', '198.51.100.66');
    const owner = await keysFor('lead@example.org', '203.0.113.10');
    for (let round = 0; round < 4; round++) {
      await failTimes(attacker, LIMITS.pair.free + 3);
      expect(await wait(attacker)).toBeGreaterThan(0);
      expect(await wait(owner)).toBe(0);
      later(15 * MINUTE);
    }
  });

  it('wait 1 minute after five failures, then longer after each further failure, up to 15 minutes', async () => {
    later(DAY);
    const keys = await keysFor('growing@example.org', '198.51.100.7');
    await failTimes(keys, LIMITS.pair.free - 1);
    expect(await wait(keys)).toBe(0);
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) {
      await fail(keys);
      const seconds = await wait(keys);
      waits.push(seconds);
      later(seconds * 1000);
      expect(await wait(keys)).toBe(0);
    }
    expect(waits).toEqual([60, 120, 240, 480, 900, 900, 900]);
  });

  it('forget the pair’s failures after a success', async () => {
    later(DAY);
    const owner = await keysFor('typist@example.org', '203.0.113.20');
    await failTimes(owner, LIMITS.pair.free - 1);
    await succeed(owner);
    await failTimes(owner, LIMITS.pair.free - 1);
    expect(await wait(owner)).toBe(0);
  });

  it('stop counting a failure after a day, and delete it', async () => {
    later(DAY);
    const keys = await keysFor('patient@example.org', '198.51.100.8');
    await failTimes(keys, LIMITS.pair.free);
    expect(await wait(keys)).toBe(60);
    later(LIMITS.pair.memoryMs + 1);
    expect(await wait(keys)).toBe(0);
    await fail(await keysFor('someone-else@example.org', '198.51.100.9'));
    const left = await api.database.client.execute({ sql: 'SELECT count(*) AS n FROM login_attempts WHERE key = ?', args: [keys.pair] });
    expect(Number(left.rows[0]?.n)).toBe(0);
  });

  it('count an unknown network as one network of its own, with no network count', async () => {
    later(DAY);
    const unknown = await keysFor('nowhere@example.org', null);
    expect(unknown.network).toBeNull();
    await failTimes(unknown, LIMITS.pair.free);
    expect(await wait(unknown)).toBe(60);
    expect(await wait(await keysFor('nowhere@example.org', '203.0.113.30'))).toBe(0);
  });
});

describe('sign-in limits by network', () => {
  it(`slow a network down after ${LIMITS.network.free} failures across accounts, with growing delays, leaving other networks alone`, async () => {
    later(DAY);
    const school = '203.0.113.40';
    for (let i = 0; i < LIMITS.network.free - 1; i++) await fail(await keysFor(`guess${i}@example.org`, school));
    const next = await keysFor('admin@example.org', school);
    expect(await wait(next)).toBe(0);
    await fail(await keysFor('one-more@example.org', school));
    expect(await wait(next)).toBe(60);
    later(60_000);
    await fail(await keysFor('and-another@example.org', school));
    expect(await wait(next)).toBe(120);
    expect(await wait(await keysFor('admin@example.org', '198.51.100.41'))).toBe(0);
  });

  it('do not hold back someone who signed in from that network recently', async () => {
    later(DAY);
    const office = '203.0.113.50';
    const regular = await keysFor('regular@example.org', office);
    await succeed(regular);
    for (let i = 0; i < LIMITS.network.free + 5; i++) await fail(await keysFor(`spray${i}@example.org`, office));
    expect(await wait(await keysFor('newcomer@example.org', office))).toBeGreaterThan(0);
    expect(await wait(regular)).toBe(0);
  });
});

describe('sign-in limits by account across networks', () => {
  it(`slow guessing from many networks past ${LIMITS.account.free} failures, except from a network the owner signed in from`, async () => {
    later(DAY);
    const email = 'target@example.org';
    const home = await keysFor(email, '203.0.113.60');
    await succeed(home);
    later(TRUSTED_FOR_MS - DAY);
    for (let i = 0; i < LIMITS.account.free; i++) await fail(await keysFor(email, `192.0.2.${i}`));
    expect(await wait(await keysFor(email, '198.51.100.61'))).toBe(60);
    expect(await wait(home)).toBe(0);
  });

  it('stop trusting a network 30 days after the last sign-in from it', async () => {
    later(DAY);
    const email = 'lapsed@example.org';
    const old = await keysFor(email, '203.0.113.70');
    await succeed(old);
    later(TRUSTED_FOR_MS + 1);
    for (let i = 0; i < LIMITS.account.free; i++) await fail(await keysFor(email, `192.0.2.${i}`));
    expect(await wait(old)).toBe(60);
  });

  it('never make anyone wait longer than the longest delay', async () => {
    later(DAY);
    const keys = await keysFor('flooded@example.org', '198.51.100.80');
    await failTimes(keys, 40);
    expect(await wait(keys)).toBe(LONGEST_DELAY_MS / 1000);
  });
});
