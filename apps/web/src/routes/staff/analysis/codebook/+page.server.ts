import { error } from '@sveltejs/kit';
import { canEditCodebook, codebookVersion, currentCodebook, requireCodebookReader } from '#lib/components/codebook/codebook.server.ts';
import { failureOf } from '#lib/server/api.ts';
import { unexpected } from '#lib/server/designer-api.ts';
import { apiAs, requireStaff, type SignedInStaff } from '#lib/server/staff-api.ts';
import { textField } from '#lib/server/staff-forms.ts';
import { hasResponses, responsesText } from '#lib/shown-count.ts';
import type { Actions, PageServerLoad } from './$types';

type Event = Parameters<typeof requireStaff>[0];

/** The organisation's questionnaires that have answers to re-code. */
async function questionnairesWithResponses(event: Event, who: SignedInStaff) {
  const res = await apiAs(event, who).api.designer.questionnaires.$get({ query: {} });
  if (!res.ok) await unexpected(res, 'Listing questionnaires');
  const { questionnaires } = await res.json();
  return questionnaires.filter((q) => hasResponses(q.responses)).map((q) => ({ id: q.id, title: q.title, responses: q.responses }));
}

export const load: PageServerLoad = async (event) => {
  const who = await requireCodebookReader(event);
  const { codebook: current, versions } = await currentCodebook(event, who);
  const asked = event.url.searchParams.get('version');
  const askedVersion = asked !== null && /^\d{1,7}$/.test(asked) ? Number(asked) : current.version;
  const shown = askedVersion === current.version ? current : await codebookVersion(event, who, askedVersion);
  const canEdit = canEditCodebook(who.roles);
  // After a save (see afterSave): the version saved, and the questionnaires whose answers could be re-coded with it.
  const savedVersion = versions.find((v) => String(v.version) === event.url.searchParams.get('saved'));
  const saved = canEdit && savedVersion ? { version: savedVersion.version, note: savedVersion.note } : null;
  return {
    organisation: who.organisation.name,
    canEdit,
    currentVersion: current.version,
    shown,
    versions,
    saved,
    recodable: saved ? await questionnairesWithResponses(event, who) : []
  };
};

export const actions: Actions = {
  recode: async (event) => {
    const who = await requireStaff(event);
    const questionnaireId = textField(await event.request.formData(), 'questionnaireId');
    const res = await apiAs(event, who).api.coding.jobs.$post({ json: { questionnaireId } });
    if (!res.ok) {
      const failure = await failureOf(res);
      if (failure.status === 403) error(403, { message: failure.message });
      if (failure.status === 404 || failure.status === 400) error(404, { message: 'There is no such questionnaire.' });
      throw new Error(`Starting re-coding failed: ${failure.status} ${failure.message}`);
    }
    const { job } = await res.json();
    const questionnaire = (await questionnairesWithResponses(event, who)).find((q) => q.id === questionnaireId);
    const responses = responsesText(job.total === null ? { fewerThan: job.fewerThan ?? 0 } : { count: job.total }).toLowerCase();
    return { recoding: { questionnaireId, jobId: job.id, title: questionnaire?.title ?? 'the questionnaire', responses } };
  }
};
