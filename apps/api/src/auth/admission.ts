// Who may start a questionnaire: anyone with the link in `open` mode; in
// `codes` mode only someone who enters a class or single-use code that is
// known, in date and not used up. Each refusal says what to do next, and
// names the `code` field so the start page can show it beside the box.
import type { Database, ResponseContext } from '@safer-voices/db';
import { z } from 'zod';
import { ApiError } from '../errors';
import { redeemCode } from '../store/access-codes';
import type { PublishedVersion } from '../store/questionnaires';

export const AccessCodeInputSchema = z.string().trim().min(1, 'Enter your access code').max(40, 'Access codes are 8 letters and numbers');

const refuse = (error: string, message: string) => new ApiError(403, error, message, [{ field: 'code', message }]);

const refusals = {
  unknown: () => refuse('code_unknown', 'We do not recognise this code. Check it and try again, or ask the person who gave it to you.'),
  used_up: () => refuse('code_used_up', 'This code has already been used. Ask the person who gave it to you for a new one.'),
  expired: () => refuse('code_expired', 'This code has expired. Ask the person who gave it to you for a new one.')
};

/**
 * Lets the respondent in, counting one use of the code, and gives the context
 * (a class code's labels) their response will carry; throws the reason otherwise.
 */
export async function admit(db: Database, version: Pick<PublishedVersion, 'questionnaireId' | 'accessMode'>, code: string | undefined): Promise<ResponseContext | null> {
  if (version.accessMode === 'open') return null;
  if (!code) throw refuse('code_required', 'Enter the access code you were given to start this survey.');
  const result = await redeemCode(db, version.questionnaireId, code);
  if (result.outcome !== 'ok') throw refusals[result.outcome]();
  return result.context;
}
