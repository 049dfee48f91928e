/**
 * The edit forms as plain data: which fields a node or relationship has, its form values (the text
 * the inputs hold) from the details, and back: a create input, or a patch with only what changed
 * (absent = keep, null = clear). Parsing accepts what people type (German dates and decimal commas,
 * a website without https://) and names each problem by field.
 */
import type { ApiError } from '../api/client.ts';
import { ACTOR_KINDS, COOPERATION_KINDS, EVENT_KINDS, EVENT_ROLES, PARTICIPATION_ROLES, PROJECT_STATUSES, REGION_KINDS, TARGET_ROLES } from '../api/domain.ts';
import type { RelationType } from '../api/edit.ts';
import type { Details, NodeRef, NodeType } from '../api/types.ts';

export type FieldKind = 'text' | 'textarea' | 'select' | 'list' | 'lines' | 'date' | 'number' | 'url' | 'ref';

export interface FieldSpec {
  /** The input field (`regionId`, `sectors`, …). */
  key: string;
  kind: FieldKind;
  /** Translation key of the label. */
  label: string;
  /** Required on create (and may not be emptied on update). */
  required?: boolean;
  /** select: the allowed values, and the translation prefix of their labels. */
  options?: readonly string[];
  optionLabels?: string;
  /** ref: the type of node it points to (chosen via search). */
  refType?: NodeType;
  /** number: the allowed range. */
  min?: number;
  max?: number;
  /** number: amounts, where 12.000 and 1.234,50 are thousands (not 12 or an error). */
  amount?: boolean;
  /** The value of an empty create form. */
  initial?: string;
}

/** The text each input holds, by field. */
export type FormValues = Record<string, string>;
/** Translation keys of the problems, by field. */
export type FormErrors = Record<string, string>;

const name: FieldSpec = { key: 'name', kind: 'text', label: 'form.field.name', required: true };
const description: FieldSpec = { key: 'description', kind: 'textarea', label: 'form.field.description' };
const tags: FieldSpec = { key: 'tags', kind: 'list', label: 'form.field.tags' };

export const ENTITY_FIELDS: Record<NodeType, readonly FieldSpec[]> = {
  ACTOR: [
    name,
    { key: 'kind', kind: 'select', label: 'form.field.actorKind', required: true, options: ACTOR_KINDS, optionLabels: 'actorKind' },
    { key: 'regionId', kind: 'ref', label: 'form.field.region', refType: 'REGION' },
    { key: 'sectors', kind: 'list', label: 'form.field.sectors' },
    { key: 'website', kind: 'url', label: 'form.field.website' },
    description,
    tags,
  ],
  PROJECT: [
    name,
    { key: 'status', kind: 'select', label: 'form.field.status', options: PROJECT_STATUSES, optionLabels: 'projectStatus', initial: 'unknown' },
    { key: 'programme', kind: 'text', label: 'form.field.programme' },
    { key: 'start', kind: 'date', label: 'form.field.start' },
    { key: 'end', kind: 'date', label: 'form.field.end' },
    { key: 'predecessorId', kind: 'ref', label: 'form.field.predecessor', refType: 'PROJECT' },
    { key: 'goals', kind: 'lines', label: 'form.field.goals' },
    { key: 'results', kind: 'lines', label: 'form.field.results' },
    description,
    tags,
  ],
  REGION: [
    name,
    { key: 'kind', kind: 'select', label: 'form.field.regionKind', required: true, options: REGION_KINDS, optionLabels: 'regionKind' },
    { key: 'code', kind: 'text', label: 'form.field.code' },
    { key: 'lat', kind: 'number', label: 'form.field.lat', required: true, min: -90, max: 90 },
    { key: 'lon', kind: 'number', label: 'form.field.lon', required: true, min: -180, max: 180 },
    { key: 'parentId', kind: 'ref', label: 'form.field.parent', refType: 'REGION' },
    description,
    tags,
  ],
  EVENT: [
    name,
    { key: 'kind', kind: 'select', label: 'form.field.eventKind', required: true, options: EVENT_KINDS, optionLabels: 'eventKind' },
    { key: 'date', kind: 'date', label: 'form.field.date' },
    { key: 'endDate', kind: 'date', label: 'form.field.endDate' },
    { key: 'placeId', kind: 'ref', label: 'form.field.place', refType: 'REGION' },
    { key: 'venue', kind: 'text', label: 'form.field.venue' },
    { key: 'projectId', kind: 'ref', label: 'form.field.project', refType: 'PROJECT' },
    description,
    tags,
  ],
};

const relDescription: FieldSpec = { key: 'description', kind: 'textarea', label: 'form.field.description' };

/** The editable fields of a relationship row (its key fields are not edited here). */
export const RELATION_FIELDS: Record<RelationType, readonly FieldSpec[]> = {
  participation: [
    { key: 'role', kind: 'select', label: 'form.field.role', required: true, options: PARTICIPATION_ROLES, optionLabels: 'role', initial: 'partner' },
    { key: 'contribution', kind: 'number', label: 'form.field.contribution', min: 0, amount: true },
    relDescription,
  ],
  eventParticipation: [
    { key: 'role', kind: 'select', label: 'form.field.role', required: true, options: EVENT_ROLES, optionLabels: 'role', initial: 'attendee' },
    relDescription,
  ],
  cooperation: [
    { key: 'kind', kind: 'select', label: 'form.field.cooperationKind', required: true, options: COOPERATION_KINDS, optionLabels: 'cooperationKind', initial: 'cooperation' },
    { key: 'since', kind: 'date', label: 'form.field.since' },
    { key: 'until', kind: 'date', label: 'form.field.until' },
    relDescription,
  ],
  target: [
    { key: 'role', kind: 'select', label: 'form.field.role', required: true, options: TARGET_ROLES, optionLabels: 'role', initial: 'target' },
    relDescription,
  ],
};

/** Field pairs whose second may not lie before the first. */
const PERIODS: readonly [string, string][] = [
  ['start', 'end'],
  ['date', 'endDate'],
  ['since', 'until'],
];

/** An empty create form (with the defaults). */
export function emptyForm(specs: readonly FieldSpec[]): FormValues {
  return Object.fromEntries(specs.map((s) => [s.key, s.initial ?? '']));
}

/** Form values and the labels of the nodes the ref fields point at, from a node's details. */
export function formOfDetails(d: Details): { values: FormValues; refs: Record<string, NodeRef> } {
  const text = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));
  const refs: Record<string, NodeRef> = {};
  const ref = (key: string, r: NodeRef | null) => {
    if (r) refs[key] = r;
    return r?.id ?? '';
  };
  const common = { name: d.name, description: text(d.description), tags: d.tags.join(', ') };
  switch (d.__typename) {
    case 'Actor':
      return { values: { ...common, kind: d.kind, regionId: ref('regionId', d.region), sectors: d.sectors.join(', '), website: text(d.website) }, refs };
    case 'Project':
      return {
        values: {
          ...common,
          status: d.status,
          programme: text(d.programme),
          start: text(d.start),
          end: text(d.end),
          predecessorId: ref('predecessorId', d.predecessor),
          goals: d.goals.join('\n'),
          results: d.results.join('\n'),
        },
        refs,
      };
    case 'Region':
      return { values: { ...common, kind: d.kind, code: text(d.code), lat: text(d.lat), lon: text(d.lon), parentId: ref('parentId', d.parent) }, refs };
    case 'Event':
      return {
        values: {
          ...common,
          kind: d.kind,
          date: text(d.date),
          endDate: text(d.endDate),
          placeId: ref('placeId', d.place),
          venue: text(d.venue),
          projectId: ref('projectId', d.project),
        },
        refs,
      };
  }
}

/** Form values of a relationship row (the fields of RELATION_FIELDS). */
export function formOfRelation(row: Record<string, unknown>, specs: readonly FieldSpec[]): FormValues {
  return Object.fromEntries(specs.map((s) => [s.key, row[s.key] === null || row[s.key] === undefined ? '' : String(row[s.key])]));
}

type Parsed = { value: unknown } | { error: string };

const DATE_ISO = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** 2024, 2024-03, 2024-03-15, and the German 15.03.2024, 15.3.2024, 03.2024 → partial ISO dates. */
export function parseDate(text: string): string | null {
  const t = text.trim();
  if (DATE_ISO.test(t)) return t;
  const pad = (n: string) => n.padStart(2, '0');
  const dmy = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  const my = /^(\d{1,2})\.(\d{4})$/.exec(t);
  const iso = dmy ? `${dmy[3]}-${pad(dmy[2] ?? '')}-${pad(dmy[1] ?? '')}` : my ? `${my[2]}-${pad(my[1] ?? '')}` : null;
  return iso && DATE_ISO.test(iso) ? iso : null;
}

/**
 * 51.34 or 51,34 (German decimal comma). Amounts may also group thousands: 12.000, 1.234,50,
 * 1,234.50, 12 000 (a dot followed by exactly three digits is then a thousands separator).
 */
export function parseNumber(text: string, amount = false): number | null {
  let t = text.trim();
  if (amount) {
    t = t.replace(/[\s\u00a0\u202f]/g, '');
    if (/^[-+]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) t = t.replace(/\./g, '');
    else if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
  }
  t = t.replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** https://… as given; a bare host (www.example.org/x) gets https://. */
export function parseUrl(text: string): string | null {
  const t = text.trim();
  if (/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(t) || /^https?:\/\/localhost(:\d+)?(\/\S*)?$/i.test(t)) return t;
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?(\/\S*)?$/i.test(t)) return `https://${t}`;
  return null;
}

export function splitList(text: string, separator: RegExp): string[] {
  return [...new Set(text.split(separator).map((s) => s.trim()).filter((s) => s !== ''))];
}

/** The value a field's text means for the API (null = empty), or the translation key of its problem. */
export function parseField(spec: FieldSpec, text: string): Parsed {
  const t = text.trim();
  switch (spec.kind) {
    case 'list':
      return { value: splitList(t, /[,;]/) };
    case 'lines':
      return { value: splitList(t, /\r?\n/) };
    default:
      if (t === '') return { value: null };
  }
  switch (spec.kind) {
    case 'date': {
      const d = parseDate(t);
      return d === null ? { error: 'form.error.date' } : { value: d };
    }
    case 'number': {
      const n = parseNumber(t, spec.amount);
      if (n === null) return { error: 'form.error.number' };
      if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) return { error: 'form.error.range' };
      return { value: n };
    }
    case 'url': {
      const u = parseUrl(t);
      return u === null ? { error: 'form.error.url' } : { value: u };
    }
    case 'select':
      return spec.options && !spec.options.includes(t) ? { error: 'form.error.option' } : { value: t };
    default:
      return { value: t };
  }
}

const isEmpty = (v: unknown) => v === null || (Array.isArray(v) && v.length === 0);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function parseAll(specs: readonly FieldSpec[], values: FormValues): { parsed: Record<string, unknown>; errors: FormErrors } {
  const parsed: Record<string, unknown> = {};
  const errors: FormErrors = {};
  for (const spec of specs) {
    const r = parseField(spec, values[spec.key] ?? '');
    if ('error' in r) errors[spec.key] = r.error;
    else if (spec.required && isEmpty(r.value)) errors[spec.key] = 'form.error.required';
    else parsed[spec.key] = r.value;
  }
  for (const [from, to] of PERIODS) {
    const a = parsed[from];
    const b = parsed[to];
    // Partial dates compare by what both give (2024 vs 2024-05: same year, fine).
    if (typeof a === 'string' && typeof b === 'string' && b.slice(0, Math.min(a.length, b.length)) < a.slice(0, Math.min(a.length, b.length))) errors[to] = 'form.error.beforeStart';
  }
  return { parsed, errors };
}

/** A create input: every filled field; required ones must be filled. */
export function createInput(specs: readonly FieldSpec[], values: FormValues): { input: Record<string, unknown>; errors: FormErrors } {
  const { parsed, errors } = parseAll(specs, values);
  const input: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(parsed)) if (!isEmpty(v)) input[k] = v;
  return { input, errors };
}

/**
 * An update input with only the fields that changed against `before` (the form as loaded): a field
 * emptied becomes null (a list: []), one left alone is absent (kept as it is on the server).
 */
export function patchInput(specs: readonly FieldSpec[], before: FormValues, after: FormValues): { input: Record<string, unknown>; errors: FormErrors } {
  const { parsed, errors } = parseAll(specs, after);
  const was = parseAll(specs, before).parsed;
  const input: Record<string, unknown> = {};
  for (const spec of specs) {
    if (!(spec.key in parsed)) continue;
    const v = parsed[spec.key];
    const old = spec.key in was ? was[spec.key] : undefined;
    if ((before[spec.key] ?? '') === (after[spec.key] ?? '') || same(v, old)) continue;
    input[spec.key] = v;
  }
  return { input, errors };
}

/** The form field a server-side path names: `input.name` → name, `input.sectors.2` → sectors. */
export function fieldOfPath(path: string, specs: readonly FieldSpec[]): string | null {
  const parts = path.split('.').filter((p) => p !== '');
  const rest = parts[0] === 'input' ? parts.slice(1) : parts;
  const key = rest[0];
  return key !== undefined && specs.some((s) => s.key === key) ? key : null;
}

/**
 * A BAD_USER_INPUT from the server by form field (its message shown beside the input), and what
 * belongs to no field (shown above the buttons).
 */
export function serverErrors(error: ApiError, specs: readonly FieldSpec[]): { fields: Record<string, string>; other: string[] } {
  const fields: Record<string, string> = {};
  const other: string[] = [];
  for (const issue of error.issues) {
    const key = fieldOfPath(issue.path, specs);
    if (key) fields[key] = fields[key] ? `${fields[key]}; ${issue.message}` : issue.message;
    else other.push(issue.path ? `${issue.path}: ${issue.message}` : issue.message);
  }
  if (Object.keys(fields).length === 0 && other.length === 0) other.push(error.message);
  return { fields, other };
}

