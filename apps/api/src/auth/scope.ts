// Organisations keep their data apart. Every query for staff-facing data is
// filtered by the organisations the signed-in person can reach:
//
// - everyone reaches their own organisation;
// - an admin of a hub (an organisation other organisations name as parent_id)
//   also reaches the hub's local partnerships, one level down, to set them up
//   and manage their staff. Partnerships never reach their hub or each other.
//
// Anything outside that is answered as if it did not exist (404), so ids
// from another organisation reveal nothing.
import { type Database, organisations } from '@safer-voices/db';
import { eq } from 'drizzle-orm';
import type { SignedInStaff } from './guards';

export async function reachableOrganisationIds(db: Database, who: Pick<SignedInStaff, 'organisationId' | 'roles'>): Promise<string[]> {
  if (!who.roles.includes('admin')) return [who.organisationId];
  const partnerships = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.parentId, who.organisationId));
  return [who.organisationId, ...partnerships.map((p) => p.id)];
}

export async function canReach(db: Database, who: Pick<SignedInStaff, 'organisationId' | 'roles'>, organisationId: string): Promise<boolean> {
  return (await reachableOrganisationIds(db, who)).includes(organisationId);
}
