// "Exit this page": forget the answers in progress and leave for a neutral
// site. A plain link reaches here, so it works without JavaScript.
import { redirect } from '@sveltejs/kit';
import { client } from '#lib/server/api.ts';
import { webConfig } from '#lib/server/config.ts';
import { endSession, forgetSent, sessionToken } from '#lib/server/session.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ cookies, url }) => {
  const token = sessionToken(cookies);
  if (token) await client.api.drafts[':token'].$delete({ param: { token } });
  endSession(cookies, url);
  forgetSent(cookies, url);
  redirect(303, webConfig().EXIT_URL, { external: true });
};
