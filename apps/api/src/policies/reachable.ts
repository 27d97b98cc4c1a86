// "Load it, check its organisation is one the person reaches, 404 otherwise",
// written once. Anything outside the organisations someone reaches (their
// own, and a hub admin's partnerships: see auth/scope.ts) is answered as if
// it did not exist, so an id from another organisation reveals nothing.
import { type Database, questionnaires } from '@safer-voices/db';
import { eq } from 'drizzle-orm';
import type { SignedInStaff } from '../auth/guards';
import { canReach } from '../auth/scope';
import { ApiError } from '../errors';

/** Who is asking: their organisation and roles are what decide what they reach. */
export type Reacher = Pick<SignedInStaff, 'organisationId' | 'roles'>;

export const questionnaireNotFound = () => new ApiError(404, 'questionnaire_not_found', 'There is no such questionnaire');
export const organisationNotFound = () => new ApiError(404, 'organisation_not_found', 'There is no such organisation');

/**
 * The thing found, if the person reaches the organisation it belongs to;
 * `notFound()` is thrown when nothing was found or it is out of reach.
 */
export async function reachable<T extends { organisationId: string }>(db: Database, who: Reacher, found: T | null | undefined, notFound: () => ApiError): Promise<T> {
  if (!found || !(await canReach(db, who, found.organisationId))) throw notFound();
  return found;
}

/** A questionnaire (survey or collection) the person reaches; 404 `questionnaire_not_found` otherwise. */
export async function reachableQuestionnaire(db: Database, who: Reacher, id: string) {
  const [found] = await db.select({ id: questionnaires.id, organisationId: questionnaires.organisationId, kind: questionnaires.kind }).from(questionnaires).where(eq(questionnaires.id, id));
  return reachable(db, who, found, questionnaireNotFound);
}

/**
 * The organisation a request names (the person's own when it names none), if
 * the person reaches it; 404 `organisation_not_found` otherwise.
 */
export async function reachableOrganisation(db: Database, who: Reacher, organisationId: string = who.organisationId): Promise<string> {
  if (!(await canReach(db, who, organisationId))) throw organisationNotFound();
  return organisationId;
}
