// The one rule for links that staff enter and the product shows or follows:
// a questionnaire's local contact, and (more narrowly, see the API's
// settings) the safeguarding webhook. Only schemes that open a page, a phone
// call or an e-mail are allowed, so that nothing stored can run script
// (javascript:), carry a page of its own (data:) or reach into the device
// (file:). Browsers ignore tabs and newlines inside a scheme and spaces
// around it, so a link holding any of them is refused outright.
import { z } from 'zod';

export const LINK_SCHEMES = ['https:', 'http:', 'tel:', 'mailto:'] as const;

export const LINK_MESSAGE = 'Enter a full web address like https://example.org, or a tel: or mailto: link';

/** Why `text` cannot be used as a link, or null when it can. */
export function linkProblem(text: string): string | null {
  if (/[\s\p{Cc}]/u.test(text)) return 'Take the spaces out of the link';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return LINK_MESSAGE;
  }
  if (!(LINK_SCHEMES as readonly string[]).includes(url.protocol)) return `A link must start https://, http://, tel: or mailto:, not ${url.protocol}`;
  const rest = text.slice(url.protocol.length);
  if (url.protocol.startsWith('http') ? !url.hostname || !rest.startsWith('//') : rest === '') return LINK_MESSAGE;
  return null;
}

export const isAllowedLink = (text: string): boolean => linkProblem(text) === null;

/** A link as entered: surrounding spaces are dropped, then the rule above applies. */
export const LinkSchema = z
  .string()
  .trim()
  .max(2000, 'A link must be 2,000 characters or fewer')
  .superRefine((text, ctx) => {
    const problem = linkProblem(text);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
