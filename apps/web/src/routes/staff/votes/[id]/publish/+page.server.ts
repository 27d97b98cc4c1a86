import { fail, redirect } from '@sveltejs/kit';
import { failureOf } from '#lib/server/api.ts';
import { webConfig } from '#lib/server/config.ts';
import { refusedPage, requireVotePolicy, voteAddress, voteFor, votesApi } from '#lib/server/votes-staff.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const who = await requireVotePolicy(event, 'publish');
  const vote = await voteFor(event, who, event.params.id);
  if (vote.state !== 'draft') redirect(303, `/staff/votes/${vote.id}`);
  return {
    vote: {
      id: vote.id,
      title: vote.title,
      introduction: vote.introduction,
      opensAt: vote.opensAt,
      closesAt: vote.closesAt,
      requireCode: vote.requireCode,
      browserToken: vote.browserToken,
      entries: vote.entries.filter((e) => !e.takenDown).map((e) => ({ id: e.id, title: e.title, groupName: e.groupName, firstNames: e.firstNames, hasCaptions: e.hasCaptions }))
    },
    address: voteAddress(webConfig().PUBLIC_URL, vote.slug),
    problems: vote.problems.map((p) => p.message)
  };
};

export const actions: Actions = {
  default: async (event) => {
    const who = await requireVotePolicy(event, 'publish');
    const res = await votesApi(event, who)[':id'].publish.$post({ param: { id: event.params.id } });
    if (!res.ok) {
      const failure = await failureOf(res);
      // Not ready (what is missing), closing time passed, or published already: said on this page.
      if (failure.status === 409) return fail(409, { problems: failure.issues?.length ? failure.issues.map((i) => i.message) : [failure.message] });
      refusedPage(failure);
    }
    redirect(303, `/staff/votes/${event.params.id}?done=published`);
  }
};
