// What the designer routes share: finding a questionnaire
// within the signed-in person's organisations, and the JSON shapes.
import { type ShownCount, shownCounts } from '@safer-voices/insights';
import { checkDefinition, checkLogic, type LogicProblem, type QuestionnaireDefinition, settingsWorded } from '@safer-voices/survey';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { StaffEnv } from '../../auth/guards';
import { ApiError, type Issue } from '../../errors';
import { type DesignerQuestionnaire, draftOf, findQuestionnaire, latestPublishedOf, listedOnHomePage, missingPrivacyDetails, statusOf, workingVersionOf } from '../../store/designer';
import { availability } from '../../store/questionnaires';
import { questionnairePolicy } from '../../policies/questionnaire';
import { questionnaireNotFound, reachable } from '../../policies/reachable';

/** Everyone who may see a questionnaire in the designer (see policies/questionnaire.ts). */
export const READERS = questionnairePolicy.view;

export const IdParam = z.object({ id: z.string().min(1).max(100) });

/** Questionnaire definitions are larger than responses, but not this large. */
export const DESIGN_BODY_LIMIT = 1024 * 1024;
export const limitDesignBody = bodyLimit({
  maxSize: DESIGN_BODY_LIMIT,
  onError: () => {
    throw new ApiError(413, 'body_too_large', `The request body is larger than ${DESIGN_BODY_LIMIT / 1024} KB`);
  }
});

/**
 * The revision a change was made from, if the client says (If-Match, as the
 * `revision` from reading the questionnaire; quotes and W/ are allowed).
 */
export function sentRevision(c: Context): string | undefined {
  const header = c.req.header('if-match')?.trim();
  if (!header || header === '*') return undefined;
  return header.replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
}

export const toIssues = (problems: LogicProblem[]): Issue[] => problems.map((p) => ({ field: p.path, message: p.message }));

/** A questionnaire in the designer with its versions, if the person reaches its organisation; 404 otherwise. */
export async function reachableQuestionnaire(c: Context<StaffEnv>, id: string): Promise<DesignerQuestionnaire> {
  return reachable(c.var.db, c.var.staff, await findQuestionnaire(c.var.db, id), questionnaireNotFound);
}

/**
 * A definition as received, checked for shape: 422 with every issue if it is
 * not one, the settings' issues in the settings form's words ("Enter a title").
 */
export function shapedDefinition(input: unknown, prefix = 'definition'): { definition: QuestionnaireDefinition; problems: LogicProblem[] } {
  const { definition, problems } = checkDefinition(input, prefix);
  if (!definition) throw new ApiError(422, 'invalid_definition', 'The questionnaire is not complete or has fields of the wrong kind', toIssues(settingsWorded(problems, input, prefix)));
  return { definition, problems: checkLogic(definition) };
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Responses in all and to each version, as staff may see them. */
const responseCountsOf = (q: DesignerQuestionnaire) =>
  shownCounts(
    q.versions.map((v) => v.responses),
    q.threshold
  );

export function summaryOf(q: DesignerQuestionnaire) {
  const working = workingVersionOf(q);
  const published = latestPublishedOf(q);
  const draft = draftOf(q);
  return {
    id: q.id,
    organisationId: q.organisationId,
    slug: q.slug,
    title: working?.definition.title ?? '',
    audience: working?.definition.audience ?? null,
    ageBand: working?.definition.ageBand ?? null,
    status: statusOf(q),
    /** For live questionnaires: open now, not open yet, or closed. */
    availability: published ? availability(q) : null,
    accessMode: q.accessMode,
    /** Whether it is in the public list on the home page (when open), and whether an officer chose that (null: it follows the access). */
    listed: listedOnHomePage(q),
    listedChoice: q.listed,
    opensAt: iso(q.opensAt),
    closesAt: iso(q.closesAt),
    publishedVersion: published?.version ?? null,
    draftVersion: draft?.version ?? null,
    /** { count }, or { fewerThan } from 1 up to the organisation's threshold: a small count could identify the few who answered. */
    responses: responseCountsOf(q).total,
    createdAt: q.createdAt.toISOString()
  };
}

export function detailsOf(q: DesignerQuestionnaire) {
  const working = workingVersionOf(q);
  const counts = responseCountsOf(q);
  return {
    questionnaire: summaryOf(q),
    /** Send it back as If-Match with a change: a change made from an older revision is refused with 409 stale_draft. */
    revision: q.revision,
    /** Told to respondents on the start page and the questionnaire's privacy notice; publishing needs all three (`missing` names those not given). */
    privacy: {
      responsibleOrganisation: q.responsibleOrganisation,
      privacyContact: q.privacyContact,
      retention: q.retention,
      missing: missingPrivacyDetails(q).map((m) => m.field)
    },
    /** The version being edited: the draft if there is one, else the newest published version. */
    working: working && { version: working.version, published: working.publishedAt !== null, definition: working.definition },
    problems: working ? toIssues(checkLogic(working.definition)) : [],
    versions: q.versions.map((v, i) => ({
      id: v.id,
      version: v.version,
      publishedAt: iso(v.publishedAt),
      createdAt: v.createdAt.toISOString(),
      responses: counts.parts[i] as ShownCount
    }))
  };
}
