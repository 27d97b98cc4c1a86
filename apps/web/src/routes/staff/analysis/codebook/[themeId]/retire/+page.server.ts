import { statusChange } from '#lib/components/codebook/status-change.server.ts';
import type { Actions, PageServerLoad } from './$types';

const page = statusChange('retire');
export const load: PageServerLoad = (event) => page.load(event);
export const actions: Actions = { default: (event) => page.save(event) };
