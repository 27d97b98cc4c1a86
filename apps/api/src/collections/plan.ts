// Turning a table and the analyst's choices into a collection: a questionnaire
// definition (a long-text question for the text, a single-choice question per
// grouping column) and one set of answers per row with text. Every problem is
// found before anything is written, so a refused import leaves nothing behind.
import { type Answers, type QuestionnaireDefinition, QuestionnaireDefinitionSchema } from '@safer-voices/survey';
import { ApiError, type Issue } from '../errors';
import { dateOf } from './dates';
import { cellText, MAX_GROUP_VALUES } from './preview';
import { type Cell, FORMULA_ONLY, isBlank, type Table } from './table';

export const MAX_TEXT_CHARS = 5000;
export const MAX_GROUP_COLUMNS = 3;
const MAX_GROUP_VALUE_CHARS = 200;
/** The question holding each row's imported text. */
export const TEXT_QUESTION_ID = 'text';

export interface ImportChoices {
  name: string;
  textColumn: string;
  dateColumn?: string | undefined;
  groupColumns: string[];
  fileName: string;
}

export interface PlannedRow {
  number: number;
  answers: Answers;
  submittedAt: Date | null;
}

export interface ImportPlan {
  definition: QuestionnaireDefinition;
  rows: PlannedRow[];
  /** Rows left out because their text cell was empty. */
  skipped: number;
}

const rawText = (cell: Cell) => (typeof cell === 'string' ? cell : cellText(cell));

const rowsOf = (n: number) => `${n.toLocaleString('en-GB')} row${n === 1 ? '' : 's'}`;

/** Up to five row numbers, then how many more. */
function rowList(numbers: number[]): string {
  const shown = numbers.slice(0, 5).join(', ');
  return numbers.length > 5 ? `${shown} and ${numbers.length - 5} more` : shown;
}

/** An id for the survey model: lower-case letters, digits and underscores, starting with a letter. */
function idFrom(text: string, prefix: string, taken: Set<string>): string {
  const base = `${prefix}${text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')}`.slice(0, 50);
  const id = (/^[a-z]/.test(base) ? base : `v_${base}`).replace(/_+$/, '');
  let candidate = id;
  for (let n = 2; taken.has(candidate); n++) candidate = `${id}_${n}`;
  taken.add(candidate);
  return candidate;
}

function columnIndex(table: Table, name: string, field: string, issues: Issue[]): number {
  const at = table.columns.indexOf(name);
  if (at < 0) issues.push({ field, message: `There is no column called “${name}” in the file` });
  return at;
}

export function planImport(table: Table, choices: ImportChoices, now = new Date()): ImportPlan {
  const issues: Issue[] = [];
  const textAt = columnIndex(table, choices.textColumn, 'textColumn', issues);
  const dateAt = choices.dateColumn ? columnIndex(table, choices.dateColumn, 'dateColumn', issues) : -1;
  const groupAts = choices.groupColumns.map((g) => columnIndex(table, g, 'groupColumns', issues));
  if (choices.groupColumns.length > MAX_GROUP_COLUMNS) issues.push({ field: 'groupColumns', message: `Choose at most ${MAX_GROUP_COLUMNS} grouping columns` });
  if (new Set(choices.groupColumns).size !== choices.groupColumns.length) issues.push({ field: 'groupColumns', message: 'Choose each grouping column once' });
  if (choices.groupColumns.includes(choices.textColumn)) issues.push({ field: 'groupColumns', message: 'The text column cannot also be a grouping column' });
  if (issues.length > 0) throw new ApiError(422, 'invalid_choices', 'Some choices do not fit the file', issues);

  const withText = table.rows.filter((r) => !isBlank(r.cells[textAt]) && r.cells[textAt] !== FORMULA_ONLY);
  const problems = (field: string, what: (row: (typeof table.rows)[number]) => boolean, message: (rows: string) => string, among = withText) => {
    const numbers = among.filter(what).map((r) => r.number);
    if (numbers.length > 0) issues.push({ field, message: message(rowList(numbers)) });
  };
  const formulaMessage = (column: string) => (rows: string) =>
    `Rows ${rows} of “${column}” hold formulas without a saved value. Open the file in Excel, save it, and upload it again (or paste the values in).`;

  problems('textColumn', (r) => r.cells[textAt] === FORMULA_ONLY, formulaMessage(choices.textColumn), table.rows);
  problems(
    'textColumn',
    (r) => rawText(r.cells[textAt] ?? '').length > MAX_TEXT_CHARS,
    (rows) => `Rows ${rows} have text longer than ${MAX_TEXT_CHARS.toLocaleString('en-GB')} characters. Shorten or split them.`
  );
  // Files repeat the same dates many times over; each is read once.
  const dates = new Map<Cell, Date | null>();
  const dateIn = (cell: Cell = '') => {
    if (!dates.has(cell)) dates.set(cell, isBlank(cell) ? null : dateOf(cell, now.getTime()));
    return dates.get(cell) ?? null;
  };
  if (dateAt >= 0) {
    problems(
      'dateColumn',
      (r) => !dateIn(r.cells[dateAt]),
      (rows) => `Rows ${rows} have no date this can read in “${choices.dateColumn}”. Use dd/mm/yyyy or yyyy-mm-dd, or import without a date column.`
    );
  }

  const takenIds = new Set([TEXT_QUESTION_ID]);
  const groups = choices.groupColumns.map((column, g) => {
    const at = groupAts[g] ?? -1;
    problems('groupColumns', (r) => r.cells[at] === FORMULA_ONLY, formulaMessage(column));
    const values = [...new Set(withText.map((r) => cellText(r.cells[at] ?? '')).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'en-GB'));
    if (values.length > MAX_GROUP_VALUES) {
      issues.push({ field: 'groupColumns', message: `“${column}” has more than ${MAX_GROUP_VALUES} different values, too many to group by. Choose another column.` });
    } else if (values.length < 2) {
      issues.push({
        field: 'groupColumns',
        message: `“${column}” has ${values.length === 0 ? 'no values' : `only one value (“${values[0]}”)`} in the rows with text, so it does not divide them into groups`
      });
    } else if (values.some((v) => v.length > MAX_GROUP_VALUE_CHARS)) {
      issues.push({ field: 'groupColumns', message: `“${column}” has values longer than ${MAX_GROUP_VALUE_CHARS} characters: it looks like text, not groups` });
    }
    const optionIds = new Set<string>();
    const options = values.map((label) => ({ value: idFrom(label, '', optionIds), label }));
    return { at, id: idFrom(column, 'group_', takenIds), column, options, valueOf: new Map(options.map((o) => [o.label, o.value])) };
  });
  if (withText.length === 0) issues.push({ field: 'textColumn', message: `“${choices.textColumn}” has no text in any row` });
  if (issues.length > 0) throw new ApiError(422, 'invalid_rows', 'Some rows cannot be imported; nothing was imported', issues);

  const skipped = table.rows.length - withText.length;
  const definition = QuestionnaireDefinitionSchema.parse({
    title: choices.name,
    audience: 'adult',
    summary: `Imported from “${choices.fileName}”`,
    intro: [`${rowsOf(withText.length)} of text from the column “${choices.textColumn}”${skipped > 0 ? `; ${rowsOf(skipped)} with no text ${skipped === 1 ? 'was' : 'were'} skipped` : ''}.`],
    minutes: 1,
    quickExit: false,
    pages: [
      {
        id: 'imported',
        questions: [
          { id: TEXT_QUESTION_ID, type: 'longtext', label: choices.textColumn, maxLength: MAX_TEXT_CHARS },
          ...groups.map((g) => ({ id: g.id, type: 'single', label: g.column, options: g.options }))
        ]
      }
    ]
  });
  const rows = withText.map((r) => {
    // Stored as written, even text starting with = + - or @: whatever exports it later must neutralise formulas.
    const answers: Answers = { [TEXT_QUESTION_ID]: rawText(r.cells[textAt] ?? '') };
    for (const g of groups) {
      const value = g.valueOf.get(cellText(r.cells[g.at] ?? ''));
      if (value) answers[g.id] = value;
    }
    return { number: r.number, answers, submittedAt: dateAt >= 0 ? dateIn(r.cells[dateAt]) : null };
  });
  return { definition, rows, skipped };
}
