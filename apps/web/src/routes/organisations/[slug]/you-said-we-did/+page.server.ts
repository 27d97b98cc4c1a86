import { publishedYouSaidWeDid } from '#lib/server/reports-public.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => publishedYouSaidWeDid(event, event.params.slug);
