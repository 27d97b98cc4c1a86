// Podcast votes in the staff console: set a vote up, add the pupils'
// podcasts (audio, transcript, consent), publish it, take an entry down,
// make voting codes, review held votes and, once closed, publish results.
import { CodeBatchInputSchema, HeldDecisionInputSchema, TakedownInputSchema, VoteInputSchema } from '@safer-voices/survey';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { StaffEnv } from '../auth/guards';
import { ApiError } from '../errors';
import { requirePolicy } from '../policies/guard';
import { reachable, reachableOrganisation } from '../policies/reachable';
import { validate } from '../validation';
import { audioResponse } from '../votes/audio/range';
import { findAudio, MAX_AUDIO_BYTES } from '../votes/audio/store';
import { forgetCachedEntries } from '../votes/cast';
import { codeBatchesOf, codesOf, createCodeBatch } from '../votes/codes';
import { readEntryForm } from '../votes/entry-form';
import { publishResults } from '../votes/publish-results';
import { heldCount, resultsOf } from '../votes/results';
import { decideHeldGroup, reviewOf } from '../votes/review';
import {
  addEntry,
  createVote,
  ballotsCast,
  entriesOf,
  entryNotFound,
  entryView,
  findEntry,
  findVote,
  listVotes,
  publishProblems,
  publishVote,
  stateOf,
  summaryOf,
  takeDownEntry,
  updateEntry,
  updateVote,
  voteNotFound
} from '../votes/vote-store';

const OrganisationQuery = z.object({ organisationId: z.string().min(1).max(100).optional() });
const IdParam = z.object({ id: z.string().min(1).max(100) });
const EntryParam = IdParam.extend({ entryId: z.string().min(1).max(100) });
const GroupParam = IdParam.extend({ group: z.string().min(1).max(100) });

/** The audio, the transcript and captions together; anything bigger is refused unread. */
const uploadLimit = bodyLimit({
  maxSize: MAX_AUDIO_BYTES + 1024 * 1024,
  onError: () => {
    throw new ApiError(413, 'audio_too_large', 'The audio file is larger than 25 MB', [{ field: 'audio', message: 'Choose an audio file of 25 MB or less' }]);
  }
});

async function reachableVote(c: { var: StaffEnv['Variables'] }, id: string) {
  return reachable(c.var.db, c.var.staff, await findVote(c.var.db, id), voteNotFound);
}

async function voteDetail(c: { var: StaffEnv['Variables'] }, id: string) {
  const vote = await reachableVote(c, id);
  const entries = await entriesOf(c.var.db, vote.id);
  const state = stateOf(vote);
  return {
    vote: {
      ...summaryOf(vote),
      entries: entries.map(entryView),
      problems: vote.publishedAt ? [] : publishProblems(entries),
      // While open, only the number cast: no running totals per podcast, for anyone.
      ballotsCast: await ballotsCast(c.var.db, vote.id),
      heldVotes: await heldCount(c.var.db, vote.id),
      codes: await codesOf(c.var.db, vote.id),
      resultsReady: state === 'closed'
    }
  };
}

export const votesRoute = new Hono<StaffEnv>()
  .get('/', requirePolicy('vote', 'view'), validate('query', OrganisationQuery), async (c) => {
    const organisationId = await reachableOrganisation(c.var.db, c.var.staff, c.req.valid('query').organisationId);
    return c.json({ votes: await listVotes(c.var.db, organisationId) });
  })
  .post('/', requirePolicy('vote', 'edit'), validate('query', OrganisationQuery), validate('json', VoteInputSchema), async (c) => {
    const organisationId = await reachableOrganisation(c.var.db, c.var.staff, c.req.valid('query').organisationId);
    const vote = await createVote(c.var.db, organisationId, c.var.staff.id, c.req.valid('json'));
    return c.json({ vote: summaryOf(vote) }, 201);
  })
  .get('/:id', requirePolicy('vote', 'view'), validate('param', IdParam), async (c) => c.json(await voteDetail(c, c.req.valid('param').id)))
  .put('/:id', requirePolicy('vote', 'edit'), validate('param', IdParam), validate('json', VoteInputSchema), async (c) => {
    const vote = await reachableVote(c, c.req.valid('param').id);
    await updateVote(c.var.db, vote, c.var.staff.id, c.req.valid('json'));
    return c.json(await voteDetail(c, vote.id));
  })
  .post('/:id/publish', requirePolicy('vote', 'publish'), validate('param', IdParam), async (c) => {
    const vote = await reachableVote(c, c.req.valid('param').id);
    await publishVote(c.var.db, vote, c.var.staff.id);
    return c.json(await voteDetail(c, vote.id));
  })
  .post('/:id/entries', requirePolicy('vote', 'edit'), validate('param', IdParam), uploadLimit, async (c) => {
    const vote = await reachableVote(c, c.req.valid('param').id);
    if (vote.publishedAt) throw new ApiError(409, 'vote_published', 'The vote is published: podcasts cannot be added now');
    const change = await readEntryForm(c, c.var.db, vote.organisationId);
    const id = await addEntry(c.var.db, vote, c.var.staff.id, change);
    const found = await findEntry(c.var.db, vote.id, id);
    if (!found) throw new Error('An entry just added could not be read back');
    return c.json({ entry: entryView(found) }, 201);
  })
  .put('/:id/entries/:entryId', requirePolicy('vote', 'edit'), validate('param', EntryParam), uploadLimit, async (c) => {
    const { id, entryId } = c.req.valid('param');
    const vote = await reachableVote(c, id);
    const found = await findEntry(c.var.db, vote.id, entryId);
    if (!found) throw entryNotFound();
    if (vote.publishedAt) throw new ApiError(409, 'vote_published', 'The vote is published: its podcasts cannot be changed now, only taken down');
    await updateEntry(c.var.db, vote, found, c.var.staff.id, await readEntryForm(c, c.var.db, vote.organisationId));
    const changed = await findEntry(c.var.db, vote.id, entryId);
    return c.json({ entry: changed ? entryView(changed) : null });
  })
  .post('/:id/entries/:entryId/takedown', requirePolicy('vote', 'edit'), validate('param', EntryParam), validate('json', TakedownInputSchema), async (c) => {
    const { id, entryId } = c.req.valid('param');
    const vote = await reachableVote(c, id);
    const found = await findEntry(c.var.db, vote.id, entryId);
    if (!found) throw entryNotFound();
    await takeDownEntry(c.var.db, vote, found, c.var.staff.id, c.req.valid('json').reason);
    forgetCachedEntries(vote.id);
    const changed = await findEntry(c.var.db, vote.id, entryId);
    return c.json({ entry: changed ? entryView(changed) : null });
  })
  // Staff listen before publishing (and after a takedown); the same ranges as the public player.
  .get('/:id/entries/:entryId/audio', requirePolicy('vote', 'view'), validate('param', EntryParam), async (c) => {
    const { id, entryId } = c.req.valid('param');
    const vote = await reachableVote(c, id);
    const found = await findEntry(c.var.db, vote.id, entryId);
    const audio = found?.audio?.id ? await findAudio(c.var.db, found.audio.id) : null;
    if (!found || !audio) throw new ApiError(404, 'audio_not_found', 'This podcast has no audio');
    const res = await audioResponse(c.var.db, c.req.raw, audio, found.entry.title);
    // A draft's podcast, or one taken down: never kept by a proxy.
    res.headers.set('cache-control', 'private, no-store');
    return res;
  })
  .get('/:id/code-batches', requirePolicy('vote', 'view'), validate('param', IdParam), async (c) => {
    const vote = await reachableVote(c, c.req.valid('param').id);
    return c.json({ batches: await codeBatchesOf(c.var.db, vote.id) });
  })
  .post('/:id/code-batches', requirePolicy('vote', 'edit'), validate('param', IdParam), validate('json', CodeBatchInputSchema), async (c) => {
    const vote = await reachableVote(c, c.req.valid('param').id);
    if (!vote.requireCode) throw new ApiError(409, 'codes_not_used', 'This vote does not use voting codes: turn them on before making any');
    if (stateOf(vote) === 'closed') throw new ApiError(409, 'vote_closed', 'This vote has closed');
    const { label, count } = c.req.valid('json');
    const batchId = await createCodeBatch(c.var.db, vote, c.var.staff.id, label, count);
    const batch = (await codeBatchesOf(c.var.db, vote.id)).find((b) => b.id === batchId);
    return c.json({ batch }, 201);
  })
  .get('/:id/review', requirePolicy('vote', 'review'), validate('param', IdParam), async (c) => {
    const vote = await reachableVote(c, c.req.valid('param').id);
    return c.json({ review: await reviewOf(c.var.db, vote) });
  })
  .post('/:id/held/:group', requirePolicy('vote', 'review'), validate('param', GroupParam), validate('json', HeldDecisionInputSchema), async (c) => {
    const { id, group } = c.req.valid('param');
    const vote = await reachableVote(c, id);
    if (vote.resultsPublishedAt) throw new ApiError(409, 'results_published', 'The results are published: held votes can no longer be decided');
    const { decision, reason } = c.req.valid('json');
    const decided = await decideHeldGroup(c.var.db, vote, group, decision, reason, c.var.staff.id);
    return c.json({ decided, review: await reviewOf(c.var.db, vote) });
  })
  // The results, for the officer, only once the vote has closed.
  .get('/:id/results', requirePolicy('vote', 'review'), validate('param', IdParam), async (c) => {
    const vote = await reachableVote(c, c.req.valid('param').id);
    if (stateOf(vote) !== 'closed') throw new ApiError(409, 'vote_not_closed', 'Results can be seen once the vote has closed: nobody sees running totals');
    return c.json({ results: await resultsOf(c.var.db, vote, await entriesOf(c.var.db, vote.id)), publishedAt: vote.resultsPublishedAt?.toISOString() ?? null });
  })
  .post('/:id/results/publish', requirePolicy('vote', 'publish'), validate('param', IdParam), async (c) => {
    const vote = await reachableVote(c, c.req.valid('param').id);
    await publishResults(c.var.db, vote, c.var.staff.id);
    return c.json(await voteDetail(c, vote.id));
  });
