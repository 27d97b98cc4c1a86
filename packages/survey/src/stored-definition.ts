// Reading a definition back from the database. A local contact's link saved
// before the link rule (links.ts) may use any scheme, and published versions
// never change: such a link is kept as it is, for pages to show as text
// (isAllowedLink), rather than making the whole version unreadable. Saving,
// importing and publishing still refuse it.
import { isAllowedLink } from './links';
import { type QuestionnaireDefinition, QuestionnaireDefinitionSchema } from './model';

/** The full schema, or a draft's looser one. */
type DefinitionSchema = { parse(input: unknown): QuestionnaireDefinition };

export function parseStoredDefinition(stored: unknown, schema: DefinitionSchema = QuestionnaireDefinitionSchema): QuestionnaireDefinition {
  const contact = (stored as { localContact?: { url?: unknown } } | null)?.localContact;
  const url = contact?.url;
  if (typeof url !== 'string' || isAllowedLink(url.trim())) return schema.parse(stored);
  const { url: _unsafe, ...withoutUrl } = contact as { url: string };
  const definition = schema.parse({ ...(stored as object), localContact: withoutUrl });
  return definition.localContact ? { ...definition, localContact: { ...definition.localContact, url } } : definition;
}
