// The rules of a round, without a database: who is handed an answer, when a
// label may be stored or changed, and who sees the results.
import { describe, expect, it } from 'vitest';
import { labelRefusal, mayCode, resultsRefusal, summariseRound } from './double-coding-rounds';

const round = { id: 'r1', organisationId: 'o1', questionnaireId: 'q1', name: 'Round', createdBy: 's1', createdAt: new Date('2026-01-01T00:00:00Z'), closedAt: null };
const SIZE = 3;
const progress = (done: Record<string, number>) => Object.entries(done).map(([staffId, n]) => ({ staffId, name: staffId, done: n }));
const as = (who: string, done: Record<string, number>, closedAt: Date | null = null) => summariseRound({ ...round, closedAt }, 'Title', SIZE, progress(done), who);

describe('a double-coding round', () => {
  it('shows progress, never labels, and is open while fewer than two have finished', () => {
    const summary = as('ana', { ana: 3, ben: 1 });
    expect(summary.coders).toEqual([
      { name: 'ana', done: 3, finished: true, you: true },
      { name: 'ben', done: 1, finished: false, you: false }
    ]);
    expect(summary).toMatchObject({ you: { done: 3, finished: true }, resultsReady: false, closed: false, canSeeResults: false });
    expect(mayCode(summary)).toBe(false);
    expect(mayCode(as('ben', { ana: 3, ben: 1 }))).toBe(true);
    expect(mayCode(as('dee', { ana: 3, ben: 1 }))).toBe(true);
    expect(labelRefusal(as('ana', { ana: 3, ben: 1 }), true)).toBeNull();
    expect(resultsRefusal(summary)?.code).toBe('results_not_ready');
  });

  it('once two have finished: results for them and for anyone who never started; closed to newcomers; labels final', () => {
    const done = { ana: 3, ben: 3, cy: 1 };
    expect(as('ana', done)).toMatchObject({ resultsReady: true, closed: true, canSeeResults: true });
    expect(resultsRefusal(as('ana', done))).toBeNull();
    expect(resultsRefusal(as('dee', done))).toBeNull();
    // Still coding: results stay hidden until they finish, and they may carry on.
    expect(resultsRefusal(as('cy', done))?.code).toBe('finish_coding_first');
    expect(mayCode(as('cy', done))).toBe(true);
    expect(labelRefusal(as('cy', done), false)).toBeNull();
    expect(labelRefusal(as('cy', done), true)?.code).toBe('label_final');
    // Nobody new may join.
    expect(mayCode(as('dee', done))).toBe(false);
    expect(labelRefusal(as('dee', done), false)?.code).toBe('round_closed');
  });

  it('stays closed once closed, even if its progress were to fall back', () => {
    expect(as('dee', { ana: 3 }, new Date())).toMatchObject({ closed: true, resultsReady: false });
    expect(labelRefusal(as('dee', { ana: 3 }, new Date()), false)?.code).toBe('round_closed');
  });
});
