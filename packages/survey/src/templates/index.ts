// Starter questionnaires: demos, and the templates officers copy and adapt.
import { type QuestionnaireDefinition, type QuestionnaireDefinitionInput, QuestionnaireDefinitionSchema } from '../model';
import { communitySafetyResidents } from './community-safety-residents';
import { feelingSafe8to11 } from './feeling-safe-8-11';
import { youthSafety11to19 } from './youth-safety-11-19';

export interface Template {
  /** Stable, URL-safe name of the template. */
  slug: string;
  /** Input to QuestionnaireDefinitionSchema (defaults not yet applied). */
  definition: QuestionnaireDefinitionInput;
}

export interface ParsedTemplate {
  slug: string;
  definition: QuestionnaireDefinition;
}

export const templates: Template[] = [
  { slug: 'feeling-safe-8-11', definition: feelingSafe8to11 },
  { slug: 'youth-safety-11-19', definition: youthSafety11to19 },
  { slug: 'community-safety-residents', definition: communitySafetyResidents }
];

/** Every template parsed, with defaults applied. Throws if one does not fit the schema. */
export function parsedTemplates(): ParsedTemplate[] {
  return templates.map(({ slug, definition }) => ({ slug, definition: QuestionnaireDefinitionSchema.parse(definition) }));
}

/** One template parsed, or undefined if there is none with this slug. */
export function parsedTemplate(slug: string): QuestionnaireDefinition | undefined {
  const template = templates.find((t) => t.slug === slug);
  return template && QuestionnaireDefinitionSchema.parse(template.definition);
}

export { communitySafetyResidents, feelingSafe8to11, youthSafety11to19 };
