// The signed-in person's organisation, and the partnerships a hub admin can reach.
import { type Database, organisations } from '@safer-voices/db';
import { asc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { requireStaff } from '../auth/guards';
import type { Env } from '../env';
import { ApiError } from '../errors';
import { findOrganisation, publicOrganisation } from '../store/staff';

const partnershipsOf = (db: Database, hubId: string) => db.select().from(organisations).where(eq(organisations.parentId, hubId)).orderBy(asc(organisations.name));

export const organisationsRoute = new Hono<Env>().get('/current', requireStaff, async (c) => {
  const who = c.var.staff;
  const organisation = await findOrganisation(c.var.db, who.organisationId);
  if (!organisation) throw new ApiError(404, 'organisation_not_found', 'Your organisation no longer exists');
  const parent = organisation.parentId ? await findOrganisation(c.var.db, organisation.parentId) : null;
  const partnerships = await partnershipsOf(c.var.db, organisation.id);
  return c.json({
    organisation: publicOrganisation(organisation),
    // A partnership sees its hub's name, nothing more of it.
    hub: parent ? { id: parent.id, name: parent.name } : null,
    partnerships: partnerships.map(publicOrganisation)
  });
});
