// The differencing attack on the explorer, through the API: an attacker who
// walks the date limits over every day of six weeks and pairs of overlapping
// answer filters (schools, an answer, a version), reading every view the API
// shows as JSON and as the Excel workbook. The fixture (test/dated-pupils.ts)
// knows who every view describes, so every count shown is matched to its set
// of pupils; then no two counts of the same kind (in view; in view with a
// theme; with both of two themes; in a measure's base; counted by it) may
// describe nested sets that differ by 1 to 9 pupils, nor, for the same
// answer filters, may three periods be added and subtracted to leave 1 to 9:
// either would describe those few.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatedPupil, datedPupils } from '../test/dated-pupils';
import { jsonOf } from '../test/fresh-api';
import type { ExploreView, ShownFigure } from '../explore/types';

const THRESHOLD = 10;
const SAW = 'saw_violence_social_media';

let fixture: Awaited<ReturnType<typeof datedPupils>>;
let themesOf: Map<string, Set<string>>;
beforeAll(async () => {
  fixture = await datedPupils();
  const codes = await fixture.api.database.client.execute("SELECT response_id, theme_id FROM answer_codes WHERE decision = 'yes'");
  themesOf = new Map();
  for (const row of codes.rows) {
    const id = String(row.response_id);
    themesOf.set(id, (themesOf.get(id) ?? new Set()).add(String(row.theme_id)));
  }
}, 120_000);
afterAll(() => fixture.api.close());

async function view(query: string): Promise<ExploreView> {
  const res = await fixture.request(query);
  expect(res.status, `${query}: ${await res.clone().text()}`).toBe(200);
  return jsonOf(res);
}

/** The workbook's sheets as rows of values (header first), a withheld figure ("[c]" and its rule) as null. */
async function workbook(query: string): Promise<Map<string, (string | number | null)[][]>> {
  const res = await fixture.request(`/workbook${query}`);
  expect(res.status, query).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await res.arrayBuffer()) as ExcelJS.Buffer);
  const sheets = new Map<string, (string | number | null)[][]>();
  for (const sheet of book.worksheets) {
    const rows = (sheet.getSheetValues() ?? []).filter(Boolean).map((r) => (r as unknown[]).slice(1).map((v) => (typeof v === 'string' && v.startsWith('[c]') ? null : (v as string | number))));
    sheets.set(sheet.name, rows);
  }
  return sheets;
}

/** A set of pupils as bits, by their place in the fixture. */
const setOf = (pupils: readonly DatedPupil[], all: readonly DatedPupil[]) => pupils.reduce((bits, p) => bits | (1n << BigInt(all.indexOf(p))), 0n);
const sizeOf = (bits: bigint) => bits.toString(2).replaceAll('0', '').length;

/** Who a view describes, from the filters it says it applied. */
function describes(applied: ExploreView['applied'], pupils: readonly DatedPupil[]): DatedPupil[] {
  return pupils.filter(
    (p) =>
      (applied.versions.length === 0 || applied.versions.includes(1)) &&
      (applied.from === null || p.day >= applied.from) &&
      (applied.to === null || p.day <= applied.to) &&
      Object.entries(applied.filters).every(([key, values]) => values.includes(key === 'school' ? p.school : key === SAW ? p.saw : ''))
  );
}

interface Seen {
  /** The kind of count: in view, with a theme, … */
  kind: string;
  /** The answer filters and versions it is under (a cross-tab group's answer as a filter), without the dates. */
  filters: string;
  members: bigint;
  count: number;
  where: string;
}

/** The filters of a view (or of one group of it) but the dates, as a key. */
const filtersKey = (applied: ExploreView['applied'], group: string | null = null) =>
  JSON.stringify([applied.versions, Object.entries({ ...applied.filters, ...(group === null ? {} : { school: [group] }) }).sort()]);

/** A count as shown: its kind, its filters but the dates, who it counts, the figure. */
type Figure = [string, string, readonly DatedPupil[], ShownFigure];

/** Every count shown, matched to the pupils it counts. */
class Attacker {
  readonly seen: Seen[] = [];
  views = 0;
  shownViews = 0;

  constructor(readonly pupils: readonly DatedPupil[]) {}

  private see(kind: string, filters: string, members: readonly DatedPupil[], count: number | null, where: string) {
    if (count === null) return;
    expect(count, `${where}: ${kind}`).toBe(members.length);
    this.seen.push({ kind, filters, members: setOf(members, this.pupils), count, where });
  }

  private hasTheme = (theme: string) => (p: DatedPupil) => themesOf.get(p.id)?.has(theme) === true;

  async read(query: string, withWorkbook: boolean) {
    const v = await view(query);
    this.views++;
    if (v.base.count !== null) this.shownViews++;
    const inView = describes(v.applied, this.pupils);
    const coded = inView.filter((p) => p.coded);
    const bySchool = (school: string) => (p: DatedPupil) => p.school === school;
    const saw = v.measures.find((m) => m.key === SAW);
    const whole = filtersKey(v.applied);
    const figures: Figure[] = [['in view', whole, coded, v.base]];
    for (const t of v.prevalence) figures.push([`with ${t.themeId}`, whole, coded.filter(this.hasTheme(t.themeId)), t]);
    if (saw) figures.push(['answered', whole, inView, saw.base], ['saw violence', whole, inView.filter((p) => p.saw === 'yes'), saw.figure]);
    v.crosstab?.groups.forEach((g, j) => {
      const inGroup = coded.filter(bySchool(g.value));
      const group = filtersKey(v.applied, g.value);
      figures.push(['in view', group, inGroup, g.base]);
      for (const row of v.crosstab?.rows ?? []) figures.push([`with ${row.themeId}`, group, inGroup.filter(this.hasTheme(row.themeId)), row.cells[j] as ShownFigure]);
    });
    v.measuresBy?.groups.forEach((g, j) => {
      const inGroup = inView.filter(bySchool(g.value));
      const byGroup = saw?.byGroup?.[j];
      const group = filtersKey(v.applied, g.value);
      if (byGroup) figures.push(['answered', group, inGroup, byGroup.base], ['saw violence', group, inGroup.filter((p) => p.saw === 'yes'), byGroup.figure]);
    });
    for (const [kind, filters, members, figure] of figures) this.see(kind, filters, members, figure.count, query);
    const { themeIds, counts } = v.cooccurrence;
    themeIds.forEach((a, i) => {
      themeIds.forEach((b, j) => {
        if (a < b) this.see(`with ${a} and ${b}`, whole, coded.filter(this.hasTheme(a)).filter(this.hasTheme(b)), counts[i]?.[j] ?? null, query);
      });
    });
    if (withWorkbook) await this.readWorkbook(query, v, figures);
  }

  /** The workbook shows the same figures as the view, and nothing it withholds. */
  private async readWorkbook(query: string, v: ExploreView, figures: Figure[]) {
    const sheets = await workbook(query);
    const shownInBook: (number | null)[] = [];
    const rows = (name: string) => (sheets.get(name) ?? []).slice(1);
    for (const row of rows('Themes')) shownInBook.push(row[1] as number | null, row[5] as number | null);
    const sawRow = rows('Measures').find((r) => r[0] === 'Saw violence on social media');
    if (sawRow) shownInBook.push(sawRow[6] as number | null, sawRow[7] as number | null);
    for (const row of rows('Themes by group')) shownInBook.push(row[2] as number | null, row[6] as number | null);
    for (const row of rows('Measures by group')) if (row[0] === 'Saw violence on social media') shownInBook.push(row[5] as number | null, row[6] as number | null);
    const onPage: (number | null)[] = [];
    for (const t of v.prevalence) onPage.push(t.count, v.base.count);
    const saw = v.measures.find((m) => m.key === SAW);
    if (saw) onPage.push(saw.figure.count, saw.base.count);
    for (const row of v.crosstab?.rows ?? []) {
      row.cells.forEach((cell, j) => {
        onPage.push(cell.count, v.crosstab?.groups[j]?.base.count ?? null);
      });
    }
    for (const g of saw?.byGroup ?? []) onPage.push(g.figure.count, g.base.count);
    expect(shownInBook, `workbook ${query}`).toEqual(onPage);
    // The same counts as the page, so the same pupils.
    for (const [kind, filters, members, figure] of figures) this.see(kind, filters, members, figure.count, `workbook ${query}`);
  }

  /** Pairs of counts of one kind describing nested sets 1 to 9 apart. */
  nestedAFew(): string[] {
    const found: string[] = [];
    for (const [kind, sets] of this.byKind()) {
      for (const [a, wa] of sets) {
        for (const [b, wb] of sets) {
          if (a === b || (a & ~b) !== 0n) continue;
          const apart = sizeOf(b & ~a);
          if (apart < THRESHOLD) found.push(`${kind}: ${sizeOf(a)} (${wa}) and ${sizeOf(b)} (${wb})`);
        }
      }
    }
    return found;
  }

  /** Counts of one kind under the same answer filters where one set holds two disjoint others and 1 to 9 more: periods added and subtracted. */
  periodsSumAFew(): string[] {
    const found: string[] = [];
    for (const [key, sets] of this.byKind((s) => `${s.kind} ${s.filters}`)) {
      const all = [...sets.keys()];
      for (const c of all) {
        const inside = all.filter((a) => a !== c && (a & ~c) === 0n);
        for (let i = 0; i < inside.length; i++) {
          for (let j = i + 1; j < inside.length; j++) {
            const a = inside[i] as bigint;
            const b = inside[j] as bigint;
            if ((a & b) !== 0n) continue;
            const apart = sizeOf(c & ~(a | b));
            if (apart > 0 && apart < THRESHOLD) found.push(`${key}: ${sizeOf(c)} (${sets.get(c)}) = ${sizeOf(a)} (${sets.get(a)}) + ${sizeOf(b)} (${sets.get(b)}) + ${apart}`);
          }
        }
      }
    }
    return found;
  }

  /** Distinct sets shown, by kind (or another key), each with a query that showed it. */
  private byKind(keyOf: (s: Seen) => string = (s) => s.kind): Map<string, Map<bigint, string>> {
    const kinds = new Map<string, Map<bigint, string>>();
    for (const s of this.seen) {
      const sets = kinds.get(keyOf(s)) ?? new Map<bigint, string>();
      if (!sets.has(s.members)) sets.set(s.members, s.where);
      kinds.set(keyOf(s), sets);
    }
    return kinds;
  }
}

/** Every day from `first` to `last`, as YYYY-MM-DD. */
function days(first: string, last: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** Every pair of limits over the days, either or both open. */
function limits(all: string[]): string[] {
  const out = [''];
  for (const from of all) out.push(`&from=${from}`);
  for (const to of all) out.push(`&to=${to}`);
  all.forEach((from, i) => {
    for (const to of all.slice(i)) out.push(`&from=${from}&to=${to}`);
  });
  return out;
}

describe('the differencing attack', () => {
  it('cannot tell one pupil’s answers from two views of a school a day apart', async () => {
    const before = await view('?f.school=Birch&from=2026-10-01&to=2026-10-22');
    const after = await view('?f.school=Birch&from=2026-10-01&to=2026-10-23');
    const [a, b] = [before.base.count, after.base.count];
    expect(a !== null && b !== null && Math.abs(a - b) > 0 && Math.abs(a - b) < THRESHOLD, `${a} and ${b}`).toBe(false);
    // The period used is whole weeks, and the view says so.
    expect(before.applied).toMatchObject({ from: '2026-09-28', to: '2026-10-25' });
    // Those weeks end with the lone pupil's: withheld. Three whole weeks before it are shown.
    expect(before.base).toMatchObject({ count: null, suppressed: 'differencing' });
    expect((await view('?f.school=Birch&from=2026-10-05&to=2026-10-11')).base.count).toBe(12);
  });

  it('never sees two counts of nested groups 1 to 9 apart, walking every pair of date limits and overlapping filters', async () => {
    const attacker = new Attacker(fixture.pupils);
    for (const dates of limits(days('2026-09-26', '2026-11-08'))) {
      await attacker.read(`?f.school=Birch${dates}`, true);
      await attacker.read(`?by=school${dates}`, false);
    }
    const schools = [[], ['Birch'], ['Cedar'], ['Ash'], ['Birch', 'Cedar'], ['Birch', 'Ash'], ['Cedar', 'Ash'], ['Birch', 'Cedar', 'Ash']];
    const answers = [[], ['yes'], ['no'], ['yes', 'no']];
    for (const school of schools) {
      for (const saw of answers) {
        for (const extra of ['', '&version=1', '&from=2026-10-01&to=2026-10-22', '&from=2026-10-05&to=2026-11-08', '&from=2026-10-12&to=2026-10-25', '&by=school']) {
          const filters = [...school.map((s) => `f.school=${s}`), ...saw.map((s) => `f.${SAW}=${s}`)].join('&');
          await attacker.read(`?${filters}${extra}`, true);
        }
      }
    }
    // Enough is shown for the walk to mean something.
    expect(attacker.views).toBeGreaterThan(2000);
    expect(attacker.shownViews).toBeGreaterThan(300);
    expect(attacker.nestedAFew().slice(0, 20)).toEqual([]);
    expect(attacker.periodsSumAFew().slice(0, 20)).toEqual([]);
  }, 600_000);
});
