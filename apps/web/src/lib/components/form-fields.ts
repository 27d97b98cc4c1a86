// A form's text fields take their id, name, value and errors from the form's
// values and the errors sent back, by the field's name.
import type { FieldError } from '@safer-voices/survey';
import { errorsFor } from '#lib/fields.ts';

/** `field(name)`: the attributes of the field `name`, its id `idPrefix` + name. */
export function fieldsOf<V extends Record<string, string>>(values: V, errors: FieldError[], idPrefix = '') {
  return (name: keyof V & string) => ({ id: `${idPrefix}${name}`, name, value: values[name], errors: errorsFor(errors, name) });
}
