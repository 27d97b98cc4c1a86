// The organisation's strategy: priorities, and measures of success with the
// status their series' waves support (on track, not on track, too early to
// tell).
import { PriorityInputSchema, SuccessMeasureInputSchema } from '@safer-voices/survey';
import { Hono } from 'hono';
import { z } from 'zod';
import type { StaffEnv } from '../auth/guards';
import { addPriority, addSuccessMeasure, strategyOf } from '../measures/strategy-store';
import { requirePolicy } from '../policies/guard';
import { reachableOrganisation } from '../policies/reachable';
import { validate } from '../validation';

const OrganisationQuery = z.object({ organisationId: z.string().min(1).max(100).optional() });

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
  });
