// One line on what a section of a report holds, for the builder's list.
import type { ReportSectionDefinition } from '@safer-voices/survey';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function sectionSummary(section: ReportSectionDefinition): string {
  switch (section.kind) {
    case 'summary': {
      const text = section.text.trim();
      return text === '' ? 'No text yet.' : text.length > 160 ? `${text.slice(0, 157).trimEnd()}…` : text;
    }
    case 'methodology':
      return `Filled in from the figures${section.notes.trim() ? ', with your notes' : ''}.`;
    case 'safety':
      return section.measureKeys.length + section.successMeasureIds.length === 0
        ? 'No measures chosen yet.'
        : `${count(section.measureKeys.length, 'measure', 'measures')}, ${count(section.successMeasureIds.length, 'measure of success', 'measures of success')}.`;
    case 'themes':
      return section.themes.length === 0
        ? 'No themes chosen yet.'
        : `${count(section.themes.length, 'theme', 'themes')}, ${count(
            section.themes.reduce((n, t) => n + t.quotes.length, 0),
            'quote',
            'quotes'
          )}.`;
    case 'you-said-we-did':
      return section.rows.length === 0 ? 'No rows yet.' : `${count(section.rows.length, 'row', 'rows')}.`;
  }
}
