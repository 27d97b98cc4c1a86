// Helpers for coding tests: submit a response to a demo survey with chosen
// free-text answers, a coder that counts its calls and says which version
// it is, and one that fails on a chosen answer.
import { randomUUID } from 'node:crypto';
import { type QuestionnaireDefinition, sampleAnswers } from '@safer-voices/survey';
import { type Coder, createCoder } from '@safer-voices/themes';
import { type FreshApi, jsonOf } from './fresh-api';

export async function demoSurvey(api: FreshApi, slug = 'youth-safety-11-19') {
  const body = await jsonOf(await api.app.request(`/api/questionnaires/${slug}`));
  const row = await api.database.client.execute({ sql: 'SELECT id FROM questionnaires WHERE slug = ?', args: [slug] });
  return { versionId: String(body.versionId), definition: body.definition as QuestionnaireDefinition, questionnaireId: String(row.rows[0]?.id) };
}

export async function submitWith(api: FreshApi, survey: Awaited<ReturnType<typeof demoSurvey>>, text: Record<string, string | number>, seed = 0) {
  const answers = { ...sampleAnswers(survey.definition, seed), ...text };
  return api.json('/api/responses', { versionId: survey.versionId, answers, idempotencyKey: randomUUID() });
}

/** The real coder under another model version, counting every answer it codes. */
export function countingCoder(modelVersion: string) {
  const real = createCoder();
  const calls: string[] = [];
  const coder: Coder = {
    codebookVersion: real.codebookVersion,
    modelVersion,
    code(text, context) {
      calls.push(text);
      return { ...real.code(text, context), modelVersion };
    }
  };
  return { coder, calls };
}

/** The real coder, except that it throws on one answer, as the tokenizer once did on "-". */
export function coderThrowingOn(poison: string): Coder {
  const real = createCoder();
  return {
    codebookVersion: real.codebookVersion,
    modelVersion: real.modelVersion,
    code(text, context) {
      if (text === poison) throw new TypeError('tokenizer.tokenize is not a function or its return value is not iterable');
      return real.code(text, context);
    }
  };
}
