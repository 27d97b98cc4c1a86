// A report definition resolved into the ReportDocument every output is drawn
// from: figures worked out and withheld where too few people stand behind
// them, quotes redacted and only when cleared, the methodology filled in.
// Quotes that cannot be shown (flagged and not cleared, or no longer in what
// the report covers) are left out and listed in `omitted` for the author.
import type { Database } from '@safer-voices/db';
import type { Block, ReportDocument, ReportSection, SectionKind, YouSaidWeDid } from './model';
import type { ReportDefinition } from '@safer-voices/survey';
import { type ResolveContext, resolveContext } from './context';
import { isoDay, paragraphsOf } from './format';
import { generatedEasyRead } from './resolve-easy-read';
import { methodologyBlocks } from './resolve-methodology';
import { loadQuotes, QUOTE_PROBLEMS, type QuoteRef, quoteKey } from './resolve-quotes';
import { safetyBlocks } from './resolve-safety';
import { commonThemes, type ThemeFinding, themeBlocks } from './resolve-themes';
import { youSaidWeDidRows } from './resolve-you-said';

export const DEFAULT_HEADINGS: Record<SectionKind, string> = {
  summary: 'Summary',
  methodology: 'How we did this',
  safety: 'How safe people feel',
  themes: 'What people told us',
  'you-said-we-did': 'You said, we did'
};

const EMPTY: Block = { type: 'paragraph', text: 'Nothing has been added to this section yet.' };

export interface OmittedQuote extends QuoteRef {
  themeId: string;
  reason: string;
}

export interface Resolved {
  document: ReportDocument;
  omitted: OmittedQuote[];
}

/**
 * The easy-read version from what the author chose; when they chose no
 * measures or no themes, from the biggest findings the data supports: every
 * measure of the series and the most common themes.
 */
async function generatedFrom(db: Database, context: ResolveContext, definition: ReportDefinition, shownThemes: ThemeFinding[], rows: YouSaidWeDid[]) {
  const chosenMeasures = definition.sections.flatMap((s) => (s.kind === 'safety' ? s.measureKeys : []));
  const all = context.measures?.measures ?? [];
  const measures = chosenMeasures.length > 0 ? all.filter((m) => chosenMeasures.includes(m.key)) : all;
  const chosenThemes = definition.sections.some((s) => s.kind === 'themes' && s.themes.length > 0);
  const themes = chosenThemes ? shownThemes : await commonThemes(db, context);
  return generatedEasyRead({ title: definition.title, measures, themes: [...themes].sort((a, b) => b.percent - a.percent), rows, threshold: context.threshold });
}

export async function resolveReport(db: Database, organisationId: string, definition: ReportDefinition, meta: { version: number; status: ReportDocument['status']; at: Date }): Promise<Resolved> {
  const context = await resolveContext(db, organisationId, definition);
  return resolveWith(db, context, definition, meta);
}

export async function resolveWith(db: Database, context: ResolveContext, definition: ReportDefinition, meta: { version: number; status: ReportDocument['status']; at: Date }): Promise<Resolved> {
  const chosen = definition.sections.flatMap((s) => (s.kind === 'themes' ? s.themes.flatMap((t) => t.quotes.map((q) => ({ ...q, themeId: t.themeId }))) : []));
  const quotes = await loadQuotes(db, context, chosen);
  const omitted = chosen.flatMap((q): OmittedQuote[] => {
    const found = quotes.get(quoteKey(q));
    return found && !found.ok ? [{ ...q, reason: QUOTE_PROBLEMS[found.problem] }] : [];
  });

  const themes: ThemeFinding[] = [];
  const rows: YouSaidWeDid[] = [];
  const sections: ReportSection[] = [];
  for (const section of definition.sections) {
    let blocks: Block[];
    switch (section.kind) {
      case 'summary':
        blocks = paragraphsOf(section.text).map((text) => ({ type: 'paragraph', text }));
        break;
      case 'methodology':
        blocks = await methodologyBlocks(db, context, section.notes);
        break;
      case 'safety':
        blocks = safetyBlocks(context, section);
        break;
      case 'themes': {
        const resolved = await themeBlocks(db, context, section, quotes);
        themes.push(...resolved.shown);
        blocks = resolved.blocks;
        break;
      }
      case 'you-said-we-did': {
        const own = youSaidWeDidRows(context, section.rows);
        rows.push(...own);
        blocks = own.length > 0 ? [{ type: 'youSaidWeDid', rows: own }] : [];
        break;
      }
    }
    sections.push({ id: section.id, kind: section.kind, heading: section.heading || DEFAULT_HEADINGS[section.kind], blocks: blocks.length > 0 ? blocks : [EMPTY] });
  }

  const easyRead = definition.easyRead
    ? { title: `${definition.title}: easy read`, intro: definition.easyRead.intro, findings: [...definition.easyRead.findings], next: definition.easyRead.next }
    : await generatedFrom(db, context, definition, themes, rows);

  return {
    document: {
      title: definition.title,
      organisation: context.organisationName,
      language: 'en-GB',
      status: meta.status,
      asOf: isoDay(meta.at),
      version: meta.version,
      sections,
      easyRead
    },
    omitted
  };
}
