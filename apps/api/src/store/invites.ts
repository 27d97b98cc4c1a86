// Invitations to join an organisation. The link carries a random token; only
// its hash is stored. No e-mail is sent: the admin copies the link.
import { randomBytes } from 'node:crypto';
import { type Database, type StaffRole, staff, staffInvites } from '@safer-voices/db';
import { eq } from 'drizzle-orm';
import { auditStatement } from '../auth/audit';
import { newSession } from '../auth/sessions';
import { sha256 } from './canonical-json';
import { newStaffStatements } from './staff';

export const INVITE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/** Where the web app shows the invitation; the API returns it for the admin to copy. */
export const invitePath = (token: string) => `/staff/invite/${token}`;

export async function createInvite(db: Database, invite: { organisationId: string; email: string; roles: StaffRole[]; createdBy: string }): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const id = sha256(token);
  const expiresAt = new Date(Date.now() + INVITE_LIFETIME_MS);
  await db.batch([
    db.insert(staffInvites).values({ id, ...invite, expiresAt }),
    auditStatement(db, {
      organisationId: invite.organisationId,
      actorStaffId: invite.createdBy,
      action: 'staff.invite',
      target: { type: 'invite', id },
      detail: { email: invite.email, roles: invite.roles }
    })
  ]);
  return { token, expiresAt };
}

export type InviteProblem = 'not_found' | 'used' | 'expired' | 'account_exists';

export async function checkInvite(db: Database, token: string) {
  const [invite] = await db
    .select()
    .from(staffInvites)
    .where(eq(staffInvites.id, sha256(token)))
    .limit(1);
  if (!invite) return { problem: 'not_found' as const };
  if (invite.usedAt) return { problem: 'used' as const };
  if (invite.expiresAt.getTime() <= Date.now()) return { problem: 'expired' as const };
  const [existing] = await db.select({ id: staff.id }).from(staff).where(eq(staff.email, invite.email)).limit(1);
  if (existing) return { problem: 'account_exists' as const };
  return { invite };
}

/**
 * Turn an invitation into an account and a signed-in session, in one batch.
 * Two people racing with the same link cannot both succeed: the second
 * account would repeat the invited e-mail, which is unique, and its whole
 * batch rolls back.
 */
export async function acceptInvite(db: Database, invite: typeof staffInvites.$inferSelect, name: string, passwordHash: string) {
  const account = newStaffStatements(db, { organisationId: invite.organisationId, email: invite.email, name, passwordHash, roles: invite.roles });
  const { token, session, insert } = newSession(db, account.id);
  await db.batch([
    ...account.statements,
    db.update(staffInvites).set({ usedAt: new Date() }).where(eq(staffInvites.id, invite.id)),
    insert,
    auditStatement(db, {
      organisationId: invite.organisationId,
      actorStaffId: account.id,
      action: 'staff.invite_accepted',
      target: { type: 'invite', id: invite.id },
      detail: { roles: invite.roles }
    })
  ]);
  return { staffId: account.id, token, session };
}
