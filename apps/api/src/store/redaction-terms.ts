// The words redacted from answers shown to staff other than safeguarding
// leads (the review queue, double coding, a collection's preview, the
// explorer's and reports' quotes): the organisation's own terms and the
// school labels of its questionnaires' class codes, so a pupil naming their
// own school names it as their class code does. One rule, used everywhere.
import { accessCodes, type Database, questionnaires } from '@safer-voices/db';
import { and, eq, isNotNull } from 'drizzle-orm';
import { settingsOf } from './organisation-settings';

/** A school label too short to be a name ("Y9", "A") is not redacted as a word. */
const MIN_SCHOOL_LABEL = 3;

/** The organisation's terms with the school labels added, each once. */
export function withSchoolLabels(terms: readonly string[], schools: readonly string[]): string[] {
  return [...new Set([...terms, ...schools.map((s) => s.trim()).filter((s) => s.length >= MIN_SCHOOL_LABEL)])];
}

/** The school labels of the organisation's class codes. */
export async function schoolLabelsOf(db: Database, organisationId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ school: accessCodes.schoolLabel })
    .from(accessCodes)
    .innerJoin(questionnaires, eq(questionnaires.id, accessCodes.questionnaireId))
    .where(and(eq(questionnaires.organisationId, organisationId), isNotNull(accessCodes.schoolLabel)));
  return rows.flatMap((r) => (r.school ? [r.school] : []));
}

/** What to redact from an answer shown to the organisation's staff: its terms and its class codes' school labels. */
export async function staffRedactionTerms(db: Database, organisationId: string): Promise<string[]> {
  const [settings, schools] = await Promise.all([settingsOf(db, organisationId), schoolLabelsOf(db, organisationId)]);
  return withSchoolLabels(settings.redactionTerms, schools);
}
