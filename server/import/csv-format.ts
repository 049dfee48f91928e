/**
 * The CSV template: one file per entity kind and relationship kind, the columns of each, and how a
 * cell becomes a field. The demo network in server/demo/ is written in exactly this format.
 * Stories (`stories.csv`) hold their slides as JSON in one cell; a folder may carry them as
 * `stories.json` (a JSON array of stories) instead, which people can read.
 */
import type { BatchKey } from '../domain/model.ts';

/** `json`: the cell holds a JSON value (a story's slides). */
export type CellType = 'text' | 'list' | 'number' | 'date' | 'json';

export interface Column {
  /** Header in the file (snake_case). */
  header: string;
  /** Field of the row in the batch. */
  field: string;
  type: CellType;
}

const col = (header: string, type: CellType = 'text', field?: string): Column => ({
  header,
  type,
  field: field ?? header.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase()),
});
const common = [col('description'), col('tags', 'list'), col('sources', 'list', 'sourceIds')];
const relation = [col('description'), col('sources', 'list', 'sourceIds')];

export const CSV_FILES: Record<BatchKey, { file: string; columns: Column[] }> = {
  sources: { file: 'sources.csv', columns: [col('id'), col('title'), col('url'), col('date', 'date'), col('publisher')] },
  regions: {
    file: 'regions.csv',
    columns: [col('id'), col('name'), col('kind'), col('code'), col('lat', 'number'), col('lon', 'number'), col('parent_id'), ...common],
  },
  actors: {
    file: 'actors.csv',
    columns: [col('id'), col('name'), col('kind'), col('sectors', 'list'), col('region_id'), col('website'), ...common],
  },
  projects: {
    file: 'projects.csv',
    columns: [
      col('id'),
      col('name'),
      col('programme'),
      col('start', 'date'),
      col('end', 'date'),
      col('status'),
      col('goals', 'list'),
      col('results', 'list'),
      col('predecessor_id'),
      ...common,
    ],
  },
  events: {
    file: 'events.csv',
    columns: [
      col('id'),
      col('name'),
      col('kind'),
      col('date', 'date'),
      col('end_date', 'date'),
      col('place_id'),
      col('venue'),
      col('project_id'),
      ...common,
    ],
  },
  stories: { file: 'stories.csv', columns: [col('id'), col('title'), col('description'), col('slides', 'json')] },
  participations: {
    file: 'participations.csv',
    columns: [col('actor_id'), col('project_id'), col('role'), col('contribution', 'number'), ...relation],
  },
  eventParticipations: { file: 'event_participations.csv', columns: [col('actor_id'), col('event_id'), col('role'), ...relation] },
  cooperations: {
    file: 'cooperations.csv',
    columns: [col('actor_id'), col('partner_id'), col('kind'), col('since', 'date'), col('until', 'date'), ...relation],
  },
  targets: { file: 'targets.csv', columns: [col('subject_id'), col('region_id'), col('role'), ...relation] },
};

/**
 * Columns an actors file may carry so that its actors are placed in Germany's districts (when
 * `region_id` is empty): AGS, NUTS code, coordinates, postcode, town, district name, country. Read on
 * import only (server/import/placement.ts); not stored, not exported.
 */
export const ACTOR_LOCATION_COLUMNS: Column[] = [
  col('ags'),
  col('nuts'),
  col('lat', 'number'),
  col('lon', 'number'),
  col('postcode'),
  col('city'),
  col('district'),
  col('country'),
];

/** The columns a file of this kind may have on import: the template's, and for actors the location columns. */
export const importColumns = (key: BatchKey): Column[] => (key === 'actors' ? [...CSV_FILES.actors.columns, ...ACTOR_LOCATION_COLUMNS] : CSV_FILES[key].columns);

export const LIST_SEPARATOR = '|';

/**
 * CSV injection (OWASP): a spreadsheet runs a cell starting with `=`, `+`, `-`, `@`, tab or carriage
 * return as a formula. Our CSV export writes such a text cell with a `'` in front (what spreadsheets
 * take as "text, not formula"); a number cell (`-5`) stays as it is. So that the quote is only ever
 * the one the export added, a cell that already starts with quotes before such a character gets one
 * more (`'=x` → `''=x`), and the CSV import takes exactly one quote off every cell of that shape —
 * export → import gives back the value it started with. XLSX cells are typed text and need none of this.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?(?:e[+-]?\d+)?$/i;

/** A cell text as written to CSV: neutralised with a leading `'` when a spreadsheet would run it. */
export function neutraliseCell(text: string, type: CellType): string {
  if (type === 'number' && PLAIN_NUMBER.test(text)) return text;
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A CSV cell text as read: the one `'` that `neutraliseCell` added taken off again. */
export function unneutraliseCell(text: string): string {
  const start = text.length - text.trimStart().length;
  return NEUTRALISED.test(text.slice(start)) ? text.slice(0, start) + text.slice(start + 1) : text;
}

/** The stories of a template folder in readable form: a JSON array of stories (instead of stories.csv). */
export const STORIES_JSON = 'stories.json';

/** A cell that should hold JSON and does not: the reader names the file, line and column. */
export class CellError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CellError';
  }
}

/**
 * A cell as a field value: '' → null ([] for lists and JSON); German decimal commas and dates
 * accepted. A JSON cell that is not valid JSON throws CellError.
 */
export function parseCell(raw: string, type: CellType): unknown {
  const v = raw.trim();
  switch (type) {
    case 'json': {
      if (v === '') return [];
      try {
        return JSON.parse(v) as unknown;
      } catch (e) {
        throw new CellError(`not valid JSON (${(e as Error).message})`);
      }
    }
    case 'list':
      return v === '' ? [] : v.split(LIST_SEPARATOR).map((s) => s.trim()).filter((s) => s !== '');
    case 'number': {
      if (v === '') return null;
      const normal = /^-?\d+,\d+$/.test(v) ? v.replace(',', '.') : v;
      const n = Number(normal);
      return Number.isFinite(n) && normal !== '' ? n : v; // leave invalid text for the validator to name
    }
    case 'date': {
      if (v === '') return null;
      const de = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(v);
      if (de) return `${de[3]}-${(de[2] as string).padStart(2, '0')}-${(de[1] as string).padStart(2, '0')}`;
      const deMonth = /^(\d{1,2})\.(\d{4})$/.exec(v);
      if (deMonth) return `${deMonth[2]}-${(deMonth[1] as string).padStart(2, '0')}`;
      return v;
    }
    default:
      return v === '' ? null : v;
  }
}
