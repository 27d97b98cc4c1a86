// The safeguarding queue, for safeguarding leads only. Anyone else signed in
// gets 403 (role_required), as for every other role-limited endpoint; a flag
// of another organisation is answered as if it did not exist (404). Every
// list, every single flag read and every change is written to the audit log.
import { SAFEGUARDING_STATUSES } from '@safer-voices/db';
import { Hono } from 'hono';
import { z } from 'zod';
import { requirePolicy } from '../policies/guard';
import { auditStatement } from '../auth/audit';
import type { Env } from '../env';
import { ApiError } from '../errors';
import { deliveriesOf } from '../notify/deliveries';
import { findFlag, listFlags, updateFlagStatement } from '../store/safeguarding-flags';
import { validate } from '../validation';

const StatusSchema = z.enum(SAFEGUARDING_STATUSES);
const IdParam = z.object({ id: z.string().min(1).max(100) });
const UpdateSchema = z.strictObject({ status: StatusSchema, note: z.string().max(4000).nullable().optional() });

const flagNotFound = () => new ApiError(404, 'flag_not_found', 'There is no such safeguarding flag');

const safeguardingLead = requirePolicy('flag', 'handle');

export const safeguardingRoute = new Hono<Env>()
  .get('/flags', safeguardingLead, validate('query', z.object({ status: StatusSchema.optional() })), async (c) => {
    const who = c.var.staff;
    const { status } = c.req.valid('query');
    const flags = await listFlags(c.var.db, who.organisationId, status);
    await auditStatement(c.var.db, {
      organisationId: who.organisationId,
      actorStaffId: who.id,
      action: 'safeguarding.flags_listed',
      detail: { status: status ?? null, flagIds: flags.map((f) => f.id) }
    });
    return c.json({ flags });
  })
  .get('/flags/:id', safeguardingLead, validate('param', IdParam), async (c) => {
    const who = c.var.staff;
    const flag = await findFlag(c.var.db, who.organisationId, c.req.valid('param').id);
    if (!flag) throw flagNotFound();
    await auditStatement(c.var.db, { organisationId: who.organisationId, actorStaffId: who.id, action: 'safeguarding.flag_viewed', target: { type: 'safeguarding_flag', id: flag.id } });
    // How the webhook and e-mail announcing it went (see notify/).
    return c.json({ flag: { ...flag, deliveries: await deliveriesOf(c.var.db, flag.id) } });
  })
  .put('/flags/:id', safeguardingLead, validate('param', IdParam), validate('json', UpdateSchema), async (c) => {
    const who = c.var.staff;
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const before = await findFlag(c.var.db, who.organisationId, id);
    if (!before) throw flagNotFound();
    const note = body.note === undefined ? before.note : body.note;
    await c.var.db.batch([
      updateFlagStatement(c.var.db, { id, status: body.status, note, staffId: who.id }),
      // The note itself stays out of the log: it may say more about the child than the log should hold.
      auditStatement(c.var.db, {
        organisationId: who.organisationId,
        actorStaffId: who.id,
        action: 'safeguarding.flag_updated',
        target: { type: 'safeguarding_flag', id },
        detail: { from: before.status, to: body.status, noteChanged: note !== before.note }
      })
    ]);
    const flag = await findFlag(c.var.db, who.organisationId, id);
    return c.json({ flag });
  });
