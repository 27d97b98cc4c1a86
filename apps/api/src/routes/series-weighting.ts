// A series' weighting: the population margins its waves are raked to, and
// what the series' questionnaires let it be weighted by. Analysts enter it;
// every figure of the series then says whether it is weighted.
import { WeightingInputSchema } from '@safer-voices/survey';
import { Hono } from 'hono';
import { z } from 'zod';
import type { StaffEnv } from '../auth/guards';
import { ApiError } from '../errors';
import { findSeries } from '../measures/series-store';
import { seriesWeightingVariables } from '../measures/waves-view';
import { saveWeighting, storedWeighting, weightingOf } from '../measures/weighting-store';
import { requirePolicy } from '../policies/guard';
import { reachable } from '../policies/reachable';
import { validate } from '../validation';

const IdParam = z.object({ id: z.string().min(1).max(100) });
const seriesNotFound = () => new ApiError(404, 'series_not_found', 'There is no such series');

export const seriesWeightingRoute = new Hono<StaffEnv>()
  .get('/:id/weighting', requirePolicy('series', 'view'), validate('param', IdParam), async (c) => {
    const found = await reachable(c.var.db, c.var.staff, await findSeries(c.var.db, c.req.valid('param').id), seriesNotFound);
    const [weighting, variables] = await Promise.all([weightingOf(c.var.db, found.id), seriesWeightingVariables(c.var.db, found)]);
    return c.json({ weighting, variables });
  })
  .put('/:id/weighting', requirePolicy('series', 'weight'), validate('param', IdParam), validate('json', WeightingInputSchema), async (c) => {
    const found = await reachable(c.var.db, c.var.staff, await findSeries(c.var.db, c.req.valid('param').id), seriesNotFound);
    const weighting = storedWeighting(c.req.valid('json'), await seriesWeightingVariables(c.var.db, found));
    await saveWeighting(c.var.db, found.id, weighting);
    return c.json({ weighting });
  })
  .delete('/:id/weighting', requirePolicy('series', 'weight'), validate('param', IdParam), async (c) => {
    const found = await reachable(c.var.db, c.var.staff, await findSeries(c.var.db, c.req.valid('param').id), seriesNotFound);
    await saveWeighting(c.var.db, found.id, null);
    return c.body(null, 204);
  });
