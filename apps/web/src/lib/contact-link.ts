// How a local contact's link is shown to respondents. A questionnaire
// published before the link rule may hold any scheme (javascript:, data:…),
// and published versions never change, so a link the rule refuses is shown
// as plain text, never as something to follow.
import { isAllowedLink } from '@safer-voices/survey';

export interface ShownLink {
  /** null when the link must not be followed: show `text` alone. */
  href: string | null;
  text: string;
}

export function shownLink(url: string): ShownLink {
  if (!isAllowedLink(url)) return { href: null, text: url };
  return { href: url, text: url.replace(/^(https?:\/\/|mailto:|tel:)/i, '') };
}
