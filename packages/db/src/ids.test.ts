import { describe, expect, it } from 'vitest';
import { firstIdAt, newId, timeOfId } from './ids';

describe('newId', () => {
  it('is a version 7 UUID that sorts by creation time', () => {
    const first = newId(1_700_000_000_000);
    const later = newId(1_700_000_000_001);
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(first < later).toBe(true);
    expect(newId()).not.toBe(newId());
  });

  it('tells when it was made, and sorts after the first id of that moment', () => {
    const id = newId(1_700_000_000_000);
    expect(timeOfId(id)).toBe(1_700_000_000_000);
    expect(firstIdAt(1_700_000_000_000) <= id).toBe(true);
    expect(firstIdAt(1_700_000_000_001) > id).toBe(true);
    expect(timeOfId('3b241101-e2bb-4255-8caf-4136c566a962')).toBeNull();
  });
});
