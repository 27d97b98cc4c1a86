// Series of repeated surveys: officers group questionnaires into a series and
// its waves; those who explore findings read each measure wave by wave, with
// the change between waves.
import { SeriesInputSchema, WaveInputSchema } from '@safer-voices/survey';
import { Hono } from 'hono';
import { z } from 'zod';
import type { StaffEnv } from '../auth/guards';
import { ApiError } from '../errors';
import { createSeries, addWave, findSeries, listSeries, removeWave, updateWave } from '../measures/series-store';
import { seriesMeasures } from '../measures/waves-view';
import { wavesWorkbook } from '../measures/waves-workbook';
import { workbookFileName, workbookResponse } from '../explore/workbook';
import { organisations } from '@safer-voices/db';
import { eq } from 'drizzle-orm';
import { requirePolicy } from '../policies/guard';
import { reachable, reachableOrganisation } from '../policies/reachable';
import { validate } from '../validation';

const OrganisationQuery = z.object({ organisationId: z.string().min(1).max(100).optional() });
const IdParam = z.object({ id: z.string().min(1).max(100) });
const WaveParam = IdParam.extend({ waveId: z.string().min(1).max(100) });

/** `expected`: respondents expected in the next wave, for the smallest change each measure could show. */
const MeasuresQuery = z.object({
  expected: z.coerce
    .number({ message: 'Enter how many people you expect to answer, like 400' })
    .int('Enter a whole number, like 400')
    .min(1, 'Enter a number from 1 to 1,000,000')
    .max(1_000_000, 'Enter a number from 1 to 1,000,000')
    .optional()
});

const seriesNotFound = () => new ApiError(404, 'series_not_found', 'There is no such series');

export const seriesRoute = new Hono<StaffEnv>()
  .get('/', requirePolicy('series', 'view'), validate('query', OrganisationQuery), async (c) => {
    const organisationId = await reachableOrganisation(c.var.db, c.var.staff, c.req.valid('query').organisationId);
    return c.json({ organisationId, series: await listSeries(c.var.db, organisationId) });
  })
  .post('/', requirePolicy('series', 'manage'), validate('query', OrganisationQuery), validate('json', SeriesInputSchema), async (c) => {
    const organisationId = await reachableOrganisation(c.var.db, c.var.staff, c.req.valid('query').organisationId);
    return c.json({ series: await createSeries(c.var.db, organisationId, c.req.valid('json')) }, 201);
  })
  .get('/:id', requirePolicy('series', 'view'), validate('param', IdParam), async (c) => {
    const found = await reachable(c.var.db, c.var.staff, await findSeries(c.var.db, c.req.valid('param').id), seriesNotFound);
    return c.json({ series: found });
  })
  .post('/:id/waves', requirePolicy('series', 'manage'), validate('param', IdParam), validate('json', WaveInputSchema), async (c) => {
    const found = await reachable(c.var.db, c.var.staff, await findSeries(c.var.db, c.req.valid('param').id), seriesNotFound);
    return c.json({ series: await addWave(c.var.db, found, c.req.valid('json')) }, 201);
  })
  .put('/:id/waves/:waveId', requirePolicy('series', 'manage'), validate('param', WaveParam), validate('json', WaveInputSchema), async (c) => {
    const { id, waveId } = c.req.valid('param');
    const found = await reachable(c.var.db, c.var.staff, await findSeries(c.var.db, id), seriesNotFound);
    return c.json({ series: await updateWave(c.var.db, found, waveId, c.req.valid('json')) });
  })
  // The grouping only: the wave's questionnaires and responses stay. 409 while a measure of success counts from it.
  .delete('/:id/waves/:waveId', requirePolicy('series', 'manage'), validate('param', WaveParam), async (c) => {
    const { id, waveId } = c.req.valid('param');
    const found = await reachable(c.var.db, c.var.staff, await findSeries(c.var.db, id), seriesNotFound);
    return c.json({ series: await removeWave(c.var.db, found, waveId) });
  })
  // The same figures as an Excel workbook.
  .get('/:id/workbook', requirePolicy('series', 'view'), validate('param', IdParam), async (c) => {
    const found = await reachable(c.var.db, c.var.staff, await findSeries(c.var.db, c.req.valid('param').id), seriesNotFound);
    const [organisation] = await c.var.db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, found.organisationId));
    const bytes = await wavesWorkbook(await seriesMeasures(c.var.db, found), organisation?.name ?? '');
    return workbookResponse(bytes, `${workbookFileName(found.name, 'series')}-measures`);
  })
  .get('/:id/measures', requirePolicy('series', 'view'), validate('param', IdParam), validate('query', MeasuresQuery), async (c) => {
    const found = await reachable(c.var.db, c.var.staff, await findSeries(c.var.db, c.req.valid('param').id), seriesNotFound);
    return c.json(await seriesMeasures(c.var.db, found, c.req.valid('query').expected ?? null));
  });
