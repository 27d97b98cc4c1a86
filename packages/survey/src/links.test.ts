import { describe, expect, it } from 'vitest';
import { exportQuestionnaire, importQuestionnaire } from './exchange';
import { isAllowedLink, LinkSchema } from './links';
import { QuestionnaireDefinitionSchema } from './model';
import { parseStoredDefinition } from './stored-definition';
import { parsedTemplate } from './templates';

const REFUSED_LINKS = [
  'javascript:alert(1)',
  'JAVASCRIPT:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  '/help',
  'help.example.org',
  '//help.example.org',
  'https:help.example.org',
  'https://',
  'mailto:',
  'https://help.example.org/a page'
];
const ALLOWED_LINKS = ['https://help.example.org/young-people?from=survey', 'http://help.example.org', 'tel:+441632960000', 'mailto:help@example.org', 'HTTPS://HELP.EXAMPLE.ORG'];

const template = () => {
  const definition = parsedTemplate('youth-safety-11-19');
  if (!definition) throw new Error('template missing');
  return definition;
};
const withLink = (url: string) => ({ ...template(), localContact: { name: 'Youth hub', url } });

describe('the link rule', () => {
  it.each(REFUSED_LINKS)('refuses %j, with a message', (link) => {
    const result = LinkSchema.safeParse(link);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/link|address/i);
  });

  it.each(ALLOWED_LINKS)('accepts %j', (link) => {
    expect(LinkSchema.parse(link)).toBe(link);
    expect(isAllowedLink(link)).toBe(true);
  });

  it('drops spaces around a link as entered, but does not allow them when showing one', () => {
    expect(LinkSchema.parse('  https://help.example.org ')).toBe('https://help.example.org');
    expect(isAllowedLink(' https://help.example.org')).toBe(false);
  });

  it('names the scheme it refuses', () => {
    expect(LinkSchema.safeParse('JavaScript:alert(1)').error?.issues[0]?.message).toBe('A link must start https://, http://, tel: or mailto:, not javascript:');
  });
});

describe('a local contact’s link', () => {
  it.each(REFUSED_LINKS)('refuses %j in a questionnaire and in an imported file', (link) => {
    const parsed = QuestionnaireDefinitionSchema.safeParse(withLink(link));
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['localContact.url']);
    const imported = importQuestionnaire(exportQuestionnaire(withLink(link)));
    expect(imported.ok).toBe(false);
    expect(imported.problems.map((p) => p.path)).toEqual(['questionnaire.localContact.url']);
  });

  it.each(ALLOWED_LINKS)('accepts %j', (link) => {
    expect(QuestionnaireDefinitionSchema.parse(withLink(link)).localContact?.url).toBe(link);
  });

  it('is kept as it was when read back from storage, so a version saved before the rule still opens', () => {
    const stored = JSON.parse(JSON.stringify(withLink('javascript:alert(1)')));
    expect(() => QuestionnaireDefinitionSchema.parse(stored)).toThrow();
    expect(parseStoredDefinition(stored).localContact).toEqual({ name: 'Youth hub', url: 'javascript:alert(1)' });
    expect(parseStoredDefinition(withLink('https://help.example.org')).localContact?.url).toBe('https://help.example.org');
  });

  it('still makes a stored definition meet the rest of the schema', () => {
    expect(() => parseStoredDefinition({ ...withLink('javascript:alert(1)'), title: '' })).toThrow();
  });
});
