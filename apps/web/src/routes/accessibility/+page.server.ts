import { webConfig } from '#lib/server/config.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ contact: webConfig().SITE_CONTACT });
