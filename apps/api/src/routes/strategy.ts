// The organisation's strategy: priorities, and measures of success with the
// status their series' waves support (on track, not on track, too early to
// tell). Strategy authors change and remove what they entered.
import { PriorityInputSchema, SuccessMeasureInputSchema } from '@safer-voices/survey';
import { Hono } from 'hono';
import { z } from 'zod';
import type { StaffEnv } from '../auth/guards';
import { ApiError } from '../errors';
import { addPriority, addSuccessMeasure, findPriority, findSuccessMeasure, removePriority, removeSuccessMeasure, strategyOf, updatePriority, updateSuccessMeasure } from '../measures/strategy-store';
import { requirePolicy } from '../policies/guard';
import { reachable, reachableOrganisation } from '../policies/reachable';
import { validate } from '../validation';

const OrganisationQuery = z.object({ organisationId: z.string().min(1).max(100).optional() });
const IdParam = z.object({ id: z.string().min(1).max(100) });

const priorityNotFound = () => new ApiError(404, 'priority_not_found', 'There is no such priority');
const measureNotFound = () => new ApiError(404, 'measure_of_success_not_found', 'There is no such measure of success');

export const strategyRoute = new Hono<StaffEnv>()
  .get('/', requirePolicy('strategy', 'view'), validate('query', OrganisationQuery), async (c) => {
    const organisationId = await reachableOrganisation(c.var.db, c.var.staff, c.req.valid('query').organisationId);
    return c.json({ organisationId, priorities: await strategyOf(c.var.db, organisationId) });
  })
  .post('/priorities', requirePolicy('strategy', 'edit'), validate('query', OrganisationQuery), validate('json', PriorityInputSchema), async (c) => {
    const organisationId = await reachableOrganisation(c.var.db, c.var.staff, c.req.valid('query').organisationId);
    return c.json({ id: await addPriority(c.var.db, organisationId, c.req.valid('json')) }, 201);
  })
  .post('/measures', requirePolicy('strategy', 'edit'), validate('query', OrganisationQuery), validate('json', SuccessMeasureInputSchema), async (c) => {
    const organisationId = await reachableOrganisation(c.var.db, c.var.staff, c.req.valid('query').organisationId);
    return c.json({ id: await addSuccessMeasure(c.var.db, organisationId, c.req.valid('json')) }, 201);
  })
  .put('/priorities/:id', requirePolicy('strategy', 'edit'), validate('param', IdParam), validate('json', PriorityInputSchema), async (c) => {
    const found = await reachable(c.var.db, c.var.staff, await findPriority(c.var.db, c.req.valid('param').id), priorityNotFound);
    await updatePriority(c.var.db, found, c.req.valid('json'));
    return c.json({ id: found.id });
  })
  // 409, naming them, while the priority still has measures of success.
  .delete('/priorities/:id', requirePolicy('strategy', 'edit'), validate('param', IdParam), async (c) => {
    const found = await reachable(c.var.db, c.var.staff, await findPriority(c.var.db, c.req.valid('param').id), priorityNotFound);
    await removePriority(c.var.db, found);
    return c.json({ id: found.id });
  })
  .put('/measures/:id', requirePolicy('strategy', 'edit'), validate('param', IdParam), validate('json', SuccessMeasureInputSchema), async (c) => {
    const found = await reachable(c.var.db, c.var.staff, await findSuccessMeasure(c.var.db, c.req.valid('param').id), measureNotFound);
    await updateSuccessMeasure(c.var.db, found, c.req.valid('json'));
    return c.json({ id: found.id });
  })
  .delete('/measures/:id', requirePolicy('strategy', 'edit'), validate('param', IdParam), async (c) => {
    const found = await reachable(c.var.db, c.var.staff, await findSuccessMeasure(c.var.db, c.req.valid('param').id), measureNotFound);
    await removeSuccessMeasure(c.var.db, found);
    return c.json({ id: found.id });
  });
