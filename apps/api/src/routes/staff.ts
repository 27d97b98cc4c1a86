// Managing an organisation's staff: admins invite people and change roles.
// Everything is limited to the organisations the admin can reach (see
// auth/scope.ts); anything else is answered as if it did not exist.
import { STAFF_ROLES, type StaffRole, staffRoles } from '@safer-voices/db';
import { staffInviteInput, staffRolesInput } from '@safer-voices/survey';
import { and, eq, inArray } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { auditStatement } from '../auth/audit';
import { requirePolicy } from '../policies/guard';
import { reachable, reachableOrganisation } from '../policies/reachable';
import { canReach } from '../auth/scope';
import type { Env } from '../env';
import { ApiError } from '../errors';
import { createInvite, invitePath } from '../store/invites';
import { findStaffByEmail, findStaffById, listStaff, publicStaff } from '../store/staff';
import { validate } from '../validation';

const IdSchema = z.string().min(1).max(100);

// The e-mail address and roles are checked by the same schemas as the web's team forms.
const InviteSchema = z.strictObject({
  ...staffInviteInput(STAFF_ROLES).shape,
  /** A hub admin may invite into one of its partnerships; the admin's own organisation by default. */
  organisationId: IdSchema.optional()
});

const staffNotFound = () => new ApiError(404, 'staff_not_found', 'There is no such member of staff');
const lastAdmin = () =>
  new ApiError(409, 'last_admin', 'This is the only admin of the organisation. Make someone else an admin first.', [
    { field: 'roles', message: 'Keep the admin role: an organisation needs at least one admin' }
  ]);

export const staffRoute = new Hono<Env>()
  .get('/', requirePolicy('staff', 'manage'), validate('query', z.object({ organisationId: IdSchema.optional() })), async (c) => {
    const who = c.var.staff;
    const organisationId = await reachableOrganisation(c.var.db, who, c.req.valid('query').organisationId);
    const people = await listStaff(c.var.db, organisationId);
    return c.json({ organisationId, staff: people.map(publicStaff) });
  })
  .post('/invites', requirePolicy('staff', 'manage'), validate('json', InviteSchema), async (c) => {
    const who = c.var.staff;
    const { email, roles, organisationId: asked } = c.req.valid('json');
    const organisationId = await reachableOrganisation(c.var.db, who, asked);
    // Only staff who can already see that account are told it exists.
    const existing = await findStaffByEmail(c.var.db, email);
    if (existing && (await canReach(c.var.db, who, existing.organisationId))) {
      throw new ApiError(409, 'staff_exists', 'This person already has an account', [{ field: 'email', message: 'There is already an account for this e-mail address' }]);
    }
    const { token, expiresAt } = await createInvite(c.var.db, { organisationId, email, roles, createdBy: who.id });
    return c.json({ invite: { email, roles, organisationId, expiresAt: expiresAt.toISOString() }, path: invitePath(token) }, 201);
  })
  .put('/:id/roles', requirePolicy('staff', 'manage'), validate('param', z.object({ id: IdSchema })), validate('json', z.strictObject(staffRolesInput(STAFF_ROLES).shape)), async (c) => {
    const who = c.var.staff;
    const db = c.var.db;
    const target = await reachable(db, who, await findStaffById(db, c.req.valid('param').id), staffNotFound);
    const roles: StaffRole[] = c.req.valid('json').roles;
    const removed = target.roles.filter((role) => !roles.includes(role));
    const added = roles.filter((role) => !target.roles.includes(role));
    if (removed.includes('admin')) {
      const admins = (await listStaff(db, target.organisationId)).filter((s) => s.roles.includes('admin') && !s.disabledAt);
      if (admins.every((s) => s.id === target.id)) throw lastAdmin();
    }
    if (removed.length > 0 || added.length > 0) {
      const changes = [
        ...(removed.length > 0 ? [db.delete(staffRoles).where(and(eq(staffRoles.staffId, target.id), inArray(staffRoles.role, removed)))] : []),
        ...(added.length > 0
          ? [
              db
                .insert(staffRoles)
                .values(added.map((role) => ({ staffId: target.id, role })))
                .onConflictDoNothing()
            ]
          : [])
      ];
      const audit = auditStatement(db, {
        organisationId: target.organisationId,
        actorStaffId: who.id,
        action: 'staff.roles_changed',
        target: { type: 'staff', id: target.id },
        detail: { before: target.roles, after: roles }
      });
      // The database refuses to remove the last admin too (a trigger), should two admins demote each other at once.
      await db.batch([audit, ...changes]).catch((error: unknown) => {
        if (/at least one admin/.test(String((error as Error).message ?? error))) throw lastAdmin();
        throw error;
      });
    }
    const updated = await findStaffById(db, target.id);
    if (!updated) throw staffNotFound();
    return c.json({ staff: publicStaff(updated) });
  });
