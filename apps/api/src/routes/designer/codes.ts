// Access codes for a questionnaire: per-class codes (a school and class
// label, used by the whole class, its uses shown) and single-use codes made
// in batches of up to 1000, downloadable as CSV to print and hand out.
import { Hono } from 'hono';
import { z } from 'zod';
import type { StaffEnv } from '../../auth/guards';
import { requirePolicy } from '../../policies/guard';
import { createCodes, listCodes } from '../../store/access-codes';
import { designerAudit } from '../../store/designer';
import { validate } from '../../validation';
import { IdParam, reachableQuestionnaire } from './shared';

const Label = z.string().trim().min(1).max(120);
const Expiry = z.iso
  .datetime({ offset: true, message: 'Use a date and time like 2026-09-01T09:00:00Z' })
  .refine((d) => new Date(d) > new Date(), 'The expiry must be in the future')
  .optional();

const ClassCodeSchema = z.strictObject({
  school: Label,
  className: Label,
  /** No limit when left out: a class code is shared by the whole class. */
  maxUses: z.number().int().min(1).max(100_000).optional(),
  expiresAt: Expiry
});

const SingleCodesSchema = z.strictObject({
  count: z.number().int().min(1, 'Make at least one code').max(1000, 'Make at most 1000 codes at a time'),
  school: Label.optional(),
  className: Label.optional(),
  expiresAt: Expiry
});

/** A CSV field, quoted when it needs to be; a leading =, +, - or @ is defused so spreadsheets do not run it. */
function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const CODES_CSV_HEADER = ['code', 'kind', 'school', 'class', 'max_uses', 'uses', 'expires_at', 'batch'];

export const designerCodesRoute = new Hono<StaffEnv>()
  .post('/:id/codes/class', requirePolicy('questionnaire', 'design'), validate('param', IdParam), validate('json', ClassCodeSchema), async (c) => {
    const q = await reachableQuestionnaire(c, c.req.valid('param').id);
    const { school, className, maxUses, expiresAt } = c.req.valid('json');
    const { ids } = await createCodes(c.var.db, q.id, { kind: 'class', count: 1, schoolLabel: school, classLabel: className, maxUses, expiresAt: expiresAt ? new Date(expiresAt) : null });
    await designerAudit(c.var.db, c.var.staff, q.organisationId, q.id, 'access_codes.created', { kind: 'class', school, className });
    const [code] = (await listCodes(c.var.db, q.id)).filter((row) => row.id === ids[0]);
    return c.json({ code }, 201);
  })
  .post('/:id/codes/single', requirePolicy('questionnaire', 'design'), validate('param', IdParam), validate('json', SingleCodesSchema), async (c) => {
    const q = await reachableQuestionnaire(c, c.req.valid('param').id);
    const { count, school, className, expiresAt } = c.req.valid('json');
    const { batchId } = await createCodes(c.var.db, q.id, { kind: 'single', count, schoolLabel: school, classLabel: className, expiresAt: expiresAt ? new Date(expiresAt) : null });
    await designerAudit(c.var.db, c.var.staff, q.organisationId, q.id, 'access_codes.created', { kind: 'single', count, batchId });
    const codes = await listCodes(c.var.db, q.id, batchId ?? undefined);
    return c.json({ batchId, csvPath: `/api/designer/questionnaires/${q.id}/codes.csv?batch=${batchId}`, codes }, 201);
  })
  .get('/:id/codes', requirePolicy('questionnaire', 'design'), validate('param', IdParam), async (c) => {
    const q = await reachableQuestionnaire(c, c.req.valid('param').id);
    return c.json({ accessMode: q.accessMode, codes: await listCodes(c.var.db, q.id) });
  })
  .get('/:id/codes.csv', requirePolicy('questionnaire', 'design'), validate('param', IdParam), validate('query', z.object({ batch: z.uuid().optional() })), async (c) => {
    const q = await reachableQuestionnaire(c, c.req.valid('param').id);
    const batch = c.req.valid('query').batch;
    const codes = await listCodes(c.var.db, q.id, batch);
    const lines = [CODES_CSV_HEADER, ...codes.map((r) => [r.code, r.kind, r.school, r.className, r.maxUses, r.uses, r.expiresAt, r.batchId])];
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', `attachment; filename="${q.slug}-codes${batch ? `-${batch.slice(0, 8)}` : ''}.csv"`);
    return c.body(`${lines.map((line) => line.map(csvField).join(',')).join('\r\n')}\r\n`);
  });
