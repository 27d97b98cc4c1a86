import { describe, expect, it } from 'vitest';
import { shownLink } from './contact-link.ts';

describe('shownLink (a local contact on the confirmation page)', () => {
  it.each(['javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', '/help'])(
    'shows %j, stored before the link rule, as text with no link',
    (url) => {
      expect(shownLink(url)).toEqual({ href: null, text: url });
    }
  );

  it('links web addresses, phone numbers and e-mail addresses, shown without their scheme', () => {
    expect(shownLink('https://help.example.org/young')).toEqual({ href: 'https://help.example.org/young', text: 'help.example.org/young' });
    expect(shownLink('http://help.example.org')).toEqual({ href: 'http://help.example.org', text: 'help.example.org' });
    expect(shownLink('tel:+441632960000')).toEqual({ href: 'tel:+441632960000', text: '+441632960000' });
    expect(shownLink('mailto:help@example.org')).toEqual({ href: 'mailto:help@example.org', text: 'help@example.org' });
  });
});
