// Questionnaires as files, to move them between installations or keep them
// beside a strategy. The format, version 1:
//
//   {
//     "format": "safer-voices/questionnaire",
//     "version": 1,
//     "exportedAt": "2026-05-01T09:00:00.000Z",      (optional)
//     "questionnaire": { …a QuestionnaireDefinition: title, audience, pages… }
//   }
//
// A reader accepts version 1 and refuses later versions with a clear message
// (a newer installation made the file). Importing never throws: it returns
// every problem found, each with a JSON path from the top of the file.
import { z } from 'zod';
import { checkLogic, type LogicProblem } from './check-logic';
import { DraftSettingsSchema } from './inputs/draft-settings';
import { ReceivedPagesTextSchema } from './inputs/question-text';
import { type QuestionnaireDefinition, QuestionnaireDefinitionSchema } from './model';

export const EXCHANGE_FORMAT = 'safer-voices/questionnaire';
export const EXCHANGE_VERSION = 1;

/**
 * The definition's shape without its cross-question checks, for drafts that
 * are still being worked on; checkLogic reports what the full schema would
 * refuse, with more precise messages.
 */
export const DraftDefinitionSchema = z.object(QuestionnaireDefinitionSchema.shape);

export interface QuestionnaireExport {
  format: typeof EXCHANGE_FORMAT;
  version: typeof EXCHANGE_VERSION;
  exportedAt?: string;
  questionnaire: QuestionnaireDefinition;
}

export function exportQuestionnaire(definition: QuestionnaireDefinition, exportedAt = new Date()): QuestionnaireExport {
  return { format: EXCHANGE_FORMAT, version: EXCHANGE_VERSION, exportedAt: exportedAt.toISOString(), questionnaire: definition };
}

export type ImportResult = { ok: true; definition: QuestionnaireDefinition; problems: [] } | { ok: false; problems: LogicProblem[] };

const joinPath = (path: readonly PropertyKey[]) => path.map(String).join('.');

/** Problems of a zod parse, as paths under `prefix`. */
export function zodProblems(error: z.ZodError, prefix = ''): LogicProblem[] {
  return error.issues.map((issue) => {
    const path = joinPath([...(prefix ? [prefix] : []), ...issue.path]);
    const keys = issue.code === 'unrecognized_keys' ? `: ${issue.keys.map((k) => `“${k}”`).join(', ')}` : '';
    return { path: path || '(file)', message: `${issue.message}${keys}` };
  });
}

const EnvelopeSchema = z.strictObject({
  format: z.literal(EXCHANGE_FORMAT, `This is not a Safer Voices questionnaire file (format must be “${EXCHANGE_FORMAT}”)`),
  version: z.number().int().positive('The format version must be a whole number from 1'),
  exportedAt: z.iso.datetime({ offset: true }).optional(),
  questionnaire: z.unknown().optional()
});

/**
 * The settings' rules for text a definition received must meet (a title with
 * something visible in it and within its length, and so on): checked on the
 * way in, not when a stored definition is read, so one stored before a rule
 * still opens.
 */
const ReceivedSettingsSchema = DraftSettingsSchema.pick({ title: true, summary: true, intro: true, localContact: true });

/** Checks a draft definition, as received: its shape and the settings' rules, then its logic. */
export function checkDefinition(input: unknown, prefix = ''): { definition?: QuestionnaireDefinition; problems: LogicProblem[] } {
  const shaped = DraftDefinitionSchema.safeParse(input);
  // The pages' texts as a respondent reads them (question, options, rows, hints): something visible, within their lengths.
  // Read from the input too when its shape is off, so a blank option is worded as the form words it ("Enter the answer option").
  const pages = shaped.success ? shaped.data.pages : (input as { pages?: unknown } | null | undefined)?.pages;
  const texts = ReceivedPagesTextSchema.safeParse(pages);
  const textProblems = texts.success ? [] : zodProblems(texts.error, prefix ? `${prefix}.pages` : 'pages');
  const textWords = new Map(textProblems.map((p) => [p.path, p.message]));
  const shapeProblems = shaped.success ? [] : zodProblems(shaped.error, prefix).map((p) => ({ ...p, message: textWords.get(p.path) ?? p.message }));
  const settings = ReceivedSettingsSchema.safeParse(input);
  const seen = new Set(shapeProblems.map((p) => p.path));
  // Only problems at a field not already reported (the shape says the input is not an object, or the title is missing).
  const settingsProblems = settings.success || typeof input !== 'object' || input === null ? [] : zodProblems(settings.error, prefix).filter((p) => !seen.has(p.path) && Boolean(seen.add(p.path)));
  const moreTextProblems = textProblems.filter((p) => !seen.has(p.path) && Boolean(seen.add(p.path)));
  if (!shaped.success || !settings.success || settingsProblems.length > 0 || !texts.success) return { problems: [...shapeProblems, ...settingsProblems, ...moreTextProblems] };
  // The title, summary, start page, local service's name and pages' texts as the rules store them (trimmed, without bidi controls: see short-text.ts).
  const { title, summary, intro, localContact } = settings.data;
  const definition = {
    ...shaped.data,
    pages: texts.data as QuestionnaireDefinition['pages'],
    title,
    summary,
    intro,
    ...(shaped.data.localContact && localContact ? { localContact: { ...shaped.data.localContact, name: localContact.name } } : {})
  };
  const problems = checkLogic(definition).map((p) => ({ path: prefix ? `${prefix}.${p.path}` : p.path, message: p.message }));
  return { definition, problems };
}

/** Reads a questionnaire file (parsed JSON, or its text) and reports every problem in it. */
export function importQuestionnaire(input: unknown): ImportResult {
  let data = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input);
    } catch (error) {
      return { ok: false, problems: [{ path: '(file)', message: `The file is not valid JSON: ${(error as Error).message}` }] };
    }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, problems: [{ path: '(file)', message: 'The file must hold one JSON object with format, version and questionnaire' }] };
  }
  const envelope = EnvelopeSchema.safeParse(data);
  if (!envelope.success) {
    const problems = zodProblems(envelope.error);
    // Still check the questionnaire when only the wrapper is off, so every problem is reported at once.
    if ('questionnaire' in data) problems.push(...checkDefinition((data as { questionnaire: unknown }).questionnaire, 'questionnaire').problems);
    return { ok: false, problems };
  }
  if (envelope.data.version > EXCHANGE_VERSION) {
    return {
      ok: false,
      problems: [{ path: 'version', message: `This file uses format version ${envelope.data.version}; this installation reads version ${EXCHANGE_VERSION}. Update Safer Voices to import it.` }]
    };
  }
  if (envelope.data.questionnaire === undefined) return { ok: false, problems: [{ path: 'questionnaire', message: 'The file has no questionnaire' }] };
  const { definition, problems } = checkDefinition(envelope.data.questionnaire, 'questionnaire');
  if (!definition || problems.length > 0) return { ok: false, problems };
  // The full schema too, so nothing it would refuse is let in.
  const full = QuestionnaireDefinitionSchema.safeParse(definition);
  if (!full.success) return { ok: false, problems: zodProblems(full.error, 'questionnaire') };
  return { ok: true, definition: full.data, problems: [] };
}
