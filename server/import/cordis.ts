/**
 * CORDIS exports (EU research projects and their participants, as published by the European
 * Commission): `organization.json` + `project.json`, or `organization.csv` + `project.csv`
 * (`;`-separated, quoted, with a header; the column names are the JSON keys).
 *
 * - Each organisation becomes one actor `cordis-org-<organisationID>` (it appears once per project
 *   it takes part in: the first row with a value wins for name, kind, website and place). Kind from
 *   the activity type. Where it is (nutsCode, geolocation, city, postCode, country) travels with the
 *   actor row as a location hint; the import places it in Germany's districts from that
 *   (server/import/placement.ts). Contact data (street, VAT number, contact form) is not imported.
 * - Each project becomes a project `cordis-<id>`: "ACRONYM – title", programme "H2020 / RIA",
 *   period, status from the period, the objective as description.
 * - Each organisation row becomes a participation with its role (coordinator → lead, …) and the
 *   EU contribution in euros. An organisation listed twice in one project (e.g. as participant
 *   and as third party) gives one participation: the stronger role, the contributions summed.
 * - Everything cites one source, `s-cordis`.
 *
 * Every batch row remembers the file and line of the record it came from. Records that cannot be
 * read (no id, a contribution that is not a number, an end before the start, …) reject the whole
 * import with their file and line, before anything reaches the store.
 *
 * Imports stream CSV tables (`streamCordis`): each record is mapped as it is parsed and the text is
 * never held whole. JSON tables are read whole, as is everything in `readCordis`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { BATCH_KEYS, type ActorKind, type BatchKey, type GraphBatchInput, type ParticipationRole } from '../domain/model.ts';
import { BatchValidationError, parseBatch } from '../store/batch.ts';
import { foldGerman } from '../search/fold.ts';
import type { LocationHint } from '../geo/placement.ts';
import { LOCATION_FIELD } from './placement.ts';
import { ImportError, toImportError, type CsvBundle, type ImportIssue, type RowOrigin } from './csv-bundle.ts';
import { csvIssue, eachCsvRecord, eachCsvRecordInFile, type CsvReading } from './csv-stream.ts';
import { ImportWarnings, isMissingToken } from './missing.ts';
import { ReadMeter, type ProgressListener } from './progress.ts';

export const CORDIS_SOURCE_ID = 's-cordis';
export const cordisActorId = (organisationId: string): string => `cordis-org-${organisationId}`;
export const cordisProjectId = (projectId: string): string => `cordis-${projectId}`;

export interface CordisOptions {
  /** ISO date the project status is judged against (default: today). */
  today?: string;
}

type Fields = Record<string, unknown>;
interface CordisRecord {
  /** Keys in lower case. */
  fields: Fields;
  line: number;
}

// ---------------------------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------------------------

/** The file of a CORDIS table in `dir` (JSON preferred over CSV; names matched case-insensitively). */
function tableFile(dir: string, table: 'organization' | 'project'): string | null {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return null;
  }
  const byLower = new Map(names.map((n) => [n.toLowerCase(), n]));
  return byLower.get(`${table}.json`) ?? byLower.get(`${table}.csv`) ?? null;
}

/** A folder holding a CORDIS export: organization and project tables, as JSON or CSV. */
export function isCordisFolder(dir: string): boolean {
  return existsSync(dir) && statSync(dir).isDirectory() && tableFile(dir, 'organization') !== null && tableFile(dir, 'project') !== null;
}

/** The line on which each element of the top-level array starts (`{` or `[`; JSON text). */
export function topLevelRecordLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      if (depth === 1) lines.push(line);
      depth++;
    } else if (c === '}' || c === ']') depth--;
  }
  return lines;
}

function lineAt(text: string, position: number): number {
  let line = 1;
  for (let i = 0; i < position && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}

const lowerKeys = (o: Record<string, unknown>): Fields => Object.fromEntries(Object.entries(o).map(([k, v]) => [k.trim().toLowerCase(), v]));

function readJsonRecords(text: string, file: string): CordisRecord[] {
  const body = text.replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (e) {
    const message = (e as Error).message;
    const pos = /position (\d+)/.exec(message)?.[1];
    const line = /line (\d+)/.exec(message)?.[1];
    throw new ImportError([
      { file, line: pos !== undefined ? lineAt(body, Number(pos)) : line !== undefined ? Number(line) : null, field: null, message: `not valid JSON: ${message}` },
    ]);
  }
  if (!Array.isArray(data)) throw new ImportError([{ file, line: 1, field: null, message: 'expected a JSON array of records' }]);
  const lines = topLevelRecordLines(body);
  const bad = data.findIndex((d) => d === null || typeof d !== 'object' || Array.isArray(d));
  if (bad !== -1) throw new ImportError([{ file, line: null, field: null, message: `record ${bad + 1} is not an object` }]);
  return (data as Record<string, unknown>[]).map((d, i) => ({ fields: lowerKeys(d), line: lines[i] ?? 1 }));
}

/** Columns without which a table is not a CORDIS table. */
const REQUIRED = { organization: ['projectID', 'organisationID', 'name', 'role'], project: ['id', 'acronym', 'title'] } as const;

/**
 * A CSV table record by record: `;` unless the header has more commas; keys in lower case; each
 * record's line is the one it starts on (a quoted objective may span lines). Without the required
 * columns no record is passed on and `finish` names each missing one.
 */
function csvTable(file: string, required: readonly string[], onRecord: (r: CordisRecord) => void): { reading: CsvReading; finish: () => void } {
  let columns: string[] = [];
  let missing: string[] | null = null;
  const check = () => (missing ??= required.filter((c) => !columns.includes(c.toLowerCase())));
  return {
    reading: {
      delimiter: (header) => ((header.match(/;/g)?.length ?? 0) >= (header.match(/,/g)?.length ?? 0) ? ';' : ','),
      columns: (h) => (columns = h.map((x) => x.trim().toLowerCase())),
      relaxQuotes: true,
      raw: true,
      onRecord: (record, info) => {
        if (check().length > 0) return;
        // info.lines is the line a record ends on; a multi-line record (a quoted objective) started earlier.
        onRecord({ fields: record, line: info.lines - ((info.raw ?? '').replace(/^[\r\n]+|[\r\n]+$/g, '').match(/\n/g)?.length ?? 0) });
      },
    },
    finish: () => {
      if (check().length > 0)
        throw new ImportError(check().map((c) => ({ file, line: 1, field: c, message: `missing column "${c}" (is this a CORDIS export?)` })));
    },
  };
}

function asImportError(e: unknown, file: string): ImportError {
  if (e instanceof ImportError) return e;
  const issue = csvIssue(e, file);
  if (issue === null) throw e;
  return new ImportError([issue]);
}

/** A table read whole (JSON, or CSV for `readCordis`), record by record. */
function readTable(path: string, file: string, required: readonly string[], onRecord: (r: CordisRecord) => void): void {
  const text = readFileSync(path, 'utf8');
  if (file.toLowerCase().endsWith('.json')) {
    readJsonRecords(text, file).forEach(onRecord);
    return;
  }
  const table = csvTable(file, required, onRecord);
  try {
    eachCsvRecord(text, table.reading);
  } catch (e) {
    throw asImportError(e, file);
  }
  table.finish();
}

/** A table streamed (CSV: the text is never held whole) or read whole (JSON), record by record. */
async function streamTable(path: string, file: string, required: readonly string[], onRecord: (r: CordisRecord) => void, meter: ReadMeter): Promise<void> {
  if (file.toLowerCase().endsWith('.json')) {
    meter.at(file, 0);
    readTable(path, file, required, onRecord);
    meter.fileDone(file, statSync(path).size);
    return;
  }
  const table = csvTable(file, required, onRecord);
  let bytes = 0;
  try {
    await eachCsvRecordInFile(path, table.reading, (b) => meter.at(file, (bytes = b)));
  } catch (e) {
    throw asImportError(e, file);
  }
  meter.fileDone(file, bytes);
  table.finish();
}

// ---------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------

/** A cell as trimmed text ('' when absent). */
function str(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return '';
}

/** The first of `;`-joined values (CORDIS merges some records: "PRC;PRC", "FI;FI"). */
const firstOf = (v: unknown): string => str(v).split(';').map((s) => s.trim()).find((s) => s !== '') ?? '';

const flag = (v: unknown): boolean => v === true || str(v).toLowerCase() === 'true';

/** A CORDIS id as part of ours (lower case); null when missing or unusable. */
function cordisKey(v: unknown): string | null {
  const s = str(v).toLowerCase();
  return /^[a-z0-9][a-z0-9._-]{0,99}$/.test(s) ? s : null;
}

/** Euros: a number, or text with a decimal point or comma; null when empty, undefined when not a number. */
export function parseAmount(v: unknown): number | null | undefined {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  const s = str(v).replace(/[\s\u00a0]/g, '');
  if (s === '') return null;
  if (!/^-?\d+([.,]\d+)?$/.test(s)) return undefined;
  return Number(s.replace(',', '.'));
}

/** ISO date from "2015-06-01", "2015-06-01 00:00:00" or "01/06/2015"; '' → null; anything else as is (the validator names it). */
export function parseCordisDate(v: unknown): string | null {
  const s = str(v);
  if (s === '') return null;
  const iso = /^(\d{4}-\d{2}-\d{2})([ T].*)?$/.exec(s);
  if (iso) return iso[1] as string;
  const dmy = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(s);
  if (dmy) return `${dmy[3]}-${(dmy[2] as string).padStart(2, '0')}-${(dmy[1] as string).padStart(2, '0')}`;
  return s;
}

const isFullDate = (d: string | null): d is string => d !== null && /^\d{4}-\d{2}-\d{2}$/.test(d);

/** Text cut to `max` characters at a word boundary, with an ellipsis. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1);
  const space = head.search(/\s\S*$/);
  return `${(space > max - 200 ? head.slice(0, space) : head).trimEnd()}…`;
}

const url = z.string().url();

/** organizationURL as an http(s) URL: "www.example.com" → "https://www.example.com"; null when unusable. */
export function normaliseWebsite(v: unknown): string | null {
  let s = str(v);
  if (s === '' || /\s/.test(s)) return null;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) s = `https://${s.replace(/^\/+/, '')}`;
  if (!/^https?:\/\//i.test(s) || !url.safeParse(s).success) return null;
  try {
    if (!new URL(s).hostname.includes('.')) return null;
  } catch {
    return null;
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Mapping
// ---------------------------------------------------------------------------------------------

const ACTIVITY_KINDS: Record<string, ActorKind> = {
  HES: 'university', // higher or secondary education establishment
  REC: 'research_institute', // research organisation
  PRC: 'company', // private for-profit entity
  OTH: 'other',
};

const MUNICIPAL =
  /(^| )(stadt|landeshauptstadt|hansestadt|stadtverwaltung|gemeinde|ayuntamiento|ajuntament|concello|gemeente|commune|ville|comune|citta|municipality|municipal|municipio|municipiul|kommune|kommun|kaupunki|miasto|gmina|dimos|city of|city council)( |$)/;
const SUPRA_MUNICIPAL =
  /(^| )(landkreis|kreis|landratsamt|kreisverwaltung|county|provincie|provincia|province|departement|diputacion|metropole|metropolitan|agglomeration|communaute)( |$)/;

/** A public body (PUB): a municipality, a district-level administration, or another public body. */
export function publicBodyKind(name: string): ActorKind {
  const n = foldGerman(name);
  if (MUNICIPAL.test(n)) return 'municipality';
  if (SUPRA_MUNICIPAL.test(n) || /kreis( |$)/.test(n)) return 'district_administration';
  return 'other';
}

/** Actor kind from the activity type; unknown or missing types are `other`. */
export function actorKind(activityType: unknown, name: string): ActorKind {
  const t = firstOf(activityType).toUpperCase();
  if (t === 'PUB') return publicBodyKind(name);
  return ACTIVITY_KINDS[t] ?? 'other';
}

const ROLES: Record<string, ParticipationRole> = {
  coordinator: 'lead',
  participant: 'partner',
  beneficiary: 'partner',
  partner: 'partner',
  internationalpartner: 'partner',
  hostinstitution: 'partner',
  thirdparty: 'associated',
  associatedpartner: 'associated',
};
/** Roles whose mapping is one to one; others keep the CORDIS role in the description. */
const PLAIN_ROLES = new Set(['coordinator', 'participant']);
const ROLE_RANK: Record<ParticipationRole, number> = { lead: 0, partner: 1, associated: 2, advisory: 3, service_provider: 4, funder: 5 };

/** A German postcode ("01069", 1069 from JSON, "D-01069"); null when there is none or it is not one. */
export function germanPostcode(v: unknown): string | null {
  const s = str(v).replace(/^(d|de)\s*-?\s*/i, '').replace(/\s/g, '');
  if (!/^\d{3,5}$/.test(s)) return null;
  const plz = s.padStart(5, '0');
  return plz.startsWith('00') ? null : plz;
}

/** "51.05,13.73" → [51.05, 13.73]; null when it is not a pair of numbers. */
export function parseGeolocation(v: unknown): [number, number] | null {
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/.exec(str(v));
  if (!m) return null;
  const lat = Number(m[1]);
  const lon = Number(m[2]);
  return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? [lat, lon] : null;
}

/**
 * Where an organisation is, as CORDIS says it: NUTS code, geolocation, town, postcode, country. The
 * import places it from these (server/import/placement.ts); they are not stored.
 */
export function locationOf(f: Fields): LocationHint {
  const geo = parseGeolocation(f.geolocation);
  const postcode = firstOf(f.country).toUpperCase() === 'DE' ? germanPostcode(f.postcode) : str(f.postcode) || null;
  return {
    country: firstOf(f.country) || null,
    nuts: firstOf(f.nutscode) || null,
    lat: geo?.[0] ?? null,
    lon: geo?.[1] ?? null,
    city: str(f.city) || null,
    postcode,
  };
}

/** The hint of a later row fills what the first left empty. */
function mergeLocation(into: LocationHint, more: LocationHint): void {
  for (const [k, v] of Object.entries(more) as [keyof LocationHint, LocationHint[keyof LocationHint]][]) {
    if ((into[k] === null || into[k] === undefined) && v !== null && v !== undefined) (into as Record<string, unknown>)[k] = v;
  }
}

/** planned / running / completed from the period (CORDIS "CLOSED"/"TERMINATED" are completed). */
export function projectStatus(start: string | null, end: string | null, cordisStatus: string, today: string): 'planned' | 'running' | 'completed' | 'unknown' {
  const s = cordisStatus.toUpperCase();
  if (s === 'CLOSED' || s === 'TERMINATED') return 'completed';
  if (isFullDate(end) && end < today) return 'completed';
  if (isFullDate(start) && start > today) return 'planned';
  if (isFullDate(start) || s === 'ONG') return 'running';
  return 'unknown';
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

/** The folder's organisation and project tables (their file names), or an ImportError. */
function cordisTables(dir: string): { projFile: string; orgFile: string } {
  const orgFile = tableFile(dir, 'organization');
  const projFile = tableFile(dir, 'project');
  if (orgFile === null || projFile === null)
    throw new ImportError([
      { file: dir, line: null, field: null, message: 'not a CORDIS export (expected organization.json and project.json, or organization.csv and project.csv)' },
    ]);
  return { projFile, orgFile };
}

/**
 * Maps records to batch rows as they come, projects first, then organisations. Records that cannot
 * be read are noted and left out; `finish` gives the batch, or every problem found.
 */
function cordisMapper(projFile: string, orgFile: string, options: CordisOptions): { project: (r: CordisRecord) => void; organisation: (r: CordisRecord) => void; finish: () => CsvBundle } {
  const issues: ImportIssue[] = [];
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const issue = (file: string, line: number, field: string | null, message: string) => issues.push({ file, line, field, message });
  const origins = Object.fromEntries(BATCH_KEYS.map((k) => [k, [] as RowOrigin[]])) as Record<BatchKey, RowOrigin[]>;
  let latest = '';
  const noteDate = (v: unknown) => {
    const d = str(v).slice(0, 10);
    if (/^\d{4}-\d{2}-\d{2}$/.test(d) && d > latest) latest = d;
  };

  // Projects.
  const projects: Record<string, unknown>[] = [];
  const project = ({ fields: f, line }: CordisRecord): void => {
    noteDate(f.contentupdatedate);
    const before = issues.length;
    const key = cordisKey(f.id);
    if (key === null) issue(projFile, line, 'id', str(f.id) === '' ? 'missing project id' : `unusable project id "${str(f.id)}"`);
    const start = parseCordisDate(f.startdate);
    const end = parseCordisDate(f.enddate);
    if (isFullDate(start) && isFullDate(end) && end < start) issue(projFile, line, 'endDate', `ends (${end}) before it starts (${start})`);
    if (issues.length > before || key === null) return;
    const acronym = str(f.acronym);
    const title = str(f.title);
    const objective = str(f.objective);
    projects.push({
      id: cordisProjectId(key),
      name: cut(acronym !== '' && title !== '' ? `${acronym} – ${title}` : acronym || title, 300),
      description: objective === '' ? null : cut(objective, 5000),
      programme: [firstOf(f.frameworkprogramme), firstOf(f.fundingscheme)].filter((s) => s !== '').join(' / ') || null,
      start,
      end,
      status: projectStatus(start, end, str(f.status), today),
      sourceIds: [CORDIS_SOURCE_ID],
    });
    origins.projects.push({ file: projFile, line });
  };

  // Organisations (one actor each) and their participations (one per organisation and project).
  const actors = new Map<string, Record<string, unknown>>();
  const participations = new Map<string, { actorId: string; projectId: string; role: ParticipationRole; contribution: number | null; notes: string[] }>();
  const participationOrigins = new Map<string, RowOrigin>();
  const organisation = ({ fields: f, line }: CordisRecord): void => {
    noteDate(f.contentupdatedate);
    const before = issues.length;
    const orgKey = cordisKey(f.organisationid);
    if (orgKey === null)
      issue(orgFile, line, 'organisationID', str(f.organisationid) === '' ? 'missing organisation id' : `unusable organisation id "${str(f.organisationid)}"`);
    const projKey = cordisKey(f.projectid);
    if (projKey === null) issue(orgFile, line, 'projectID', str(f.projectid) === '' ? 'missing project id' : `unusable project id "${str(f.projectid)}"`);
    const contribution = parseAmount(f.eccontribution);
    if (contribution === undefined) issue(orgFile, line, 'ecContribution', `not a number: "${str(f.eccontribution)}"`);
    else if (contribution !== null && contribution < 0) issue(orgFile, line, 'ecContribution', `must not be negative: ${contribution}`);
    if (issues.length > before || orgKey === null || projKey === null || contribution === undefined) return;

    const actorId = cordisActorId(orgKey);
    let name = cut(str(f.name) || str(f.shortname), 300);
    if (name === '') {
      // No name nor short name: the organisation is named by its CORDIS id, and the import says so.
      name = `CORDIS-Organisation ${str(f.organisationid)}`;
      warnings.add(orgFile, line, 'name', `no name or short name: named "${name}" after its id`);
    }
    const actor = actors.get(actorId);
    if (actor === undefined) {
      actors.set(actorId, {
        id: actorId,
        name,
        kind: actorKind(f.activitytype, name),
        website: normaliseWebsite(f.organizationurl),
        regionId: null,
        [LOCATION_FIELD]: locationOf(f),
        description: [str(f.city), firstOf(f.country)].filter((s) => s !== '').join(', ') || null,
        sourceIds: [CORDIS_SOURCE_ID],
      });
      origins.actors.push({ file: orgFile, line });
    } else {
      // Later rows of the same organisation only fill what the first left empty.
      if (actor.name === '') actor.name = name;
      if (actor.website === null) actor.website = normaliseWebsite(f.organizationurl);
      mergeLocation(actor[LOCATION_FIELD] as LocationHint, locationOf(f));
    }

    const projectId = cordisProjectId(projKey);
    const rawRole = str(f.role);
    const role = ROLES[rawRole.toLowerCase()] ?? 'partner';
    const notes = [
      ...(PLAIN_ROLES.has(rawRole.toLowerCase()) ? [] : [`CORDIS role: ${rawRole || 'none'}`]),
      ...(flag(f.endofparticipation) ? ['participation ended early'] : []),
    ];
    const key = `${actorId}|${projectId}`;
    const prev = participations.get(key);
    if (prev === undefined) {
      participations.set(key, { actorId, projectId, role, contribution, notes });
      participationOrigins.set(key, { file: orgFile, line });
    } else {
      // Listed twice in one project (e.g. participant and third party): one tie, the stronger role, the sum.
      if (ROLE_RANK[role] < ROLE_RANK[prev.role]) prev.role = role;
      prev.contribution = prev.contribution === null ? contribution : contribution === null ? prev.contribution : prev.contribution + contribution;
      for (const n of notes) if (!prev.notes.includes(n)) prev.notes.push(n);
    }
  };

  const finish = (): CsvBundle => {
    const batch: GraphBatchInput = {
      sources: [
        {
          id: CORDIS_SOURCE_ID,
          title: 'CORDIS – EU research projects and participants',
          url: 'https://cordis.europa.eu/',
          date: latest || null,
          publisher: 'European Commission',
        },
      ],
      actors: [...actors.values()],
      projects,
      participations: [...participations.values()].map(({ notes, contribution, ...p }) => ({
        ...p,
        contribution: contribution === null ? null : Math.round(contribution * 100) / 100,
        description: notes.length > 0 ? notes.join('; ') : null,
        sourceIds: [CORDIS_SOURCE_ID],
      })),
    };
    origins.sources.push({ file: orgFile, line: 1 });
    origins.participations.push(...participationOrigins.values());

    if (issues.length > 0) {
      // Rows with problems of their own were left out; name the shape problems of the rest too, so
      // that one report lists everything that can be checked without the store.
      const shape = parseBatch(batch).issues;
      if (shape.length > 0) issues.push(...toImportError(new BatchValidationError(shape), origins).issues);
      issues.sort((a, b) => (a.file === b.file ? (a.line ?? 0) - (b.line ?? 0) : a.file < b.file ? -1 : 1));
      throw new ImportError(issues);
    }
    return { batch, origins, warnings };
  };

  // CORDIS writes `NA` for values it lacks (EU contributions, NUTS codes, …): read as missing, with a
  // warning naming file, line and field. A required one left missing (an id, a name) stays an error.
  const warnings = new ImportWarnings();
  const cleaned = (file: string, r: CordisRecord): CordisRecord => {
    let fields = r.fields;
    for (const [k, v] of Object.entries(r.fields)) {
      if (typeof v !== 'string' || !isMissingToken(v)) continue;
      if (fields === r.fields) fields = { ...r.fields };
      fields[k] = '';
      warnings.missing(file, r.line, k, v);
    }
    return fields === r.fields ? r : { ...r, fields };
  };

  return {
    project: (r: CordisRecord) => project(cleaned(projFile, r)),
    organisation: (r: CordisRecord) => organisation(cleaned(orgFile, r)),
    finish,
  };
}

/** Reads a CORDIS export folder into a batch with the file and line of every row (each table read whole). */
export function readCordis(dir: string, options: CordisOptions = {}): CsvBundle {
  const { projFile, orgFile } = cordisTables(dir);
  const map = cordisMapper(projFile, orgFile, options);
  const issues: ImportIssue[] = [];
  for (const [file, required, add] of [
    [projFile, REQUIRED.project, map.project],
    [orgFile, REQUIRED.organization, map.organisation],
  ] as const) {
    try {
      readTable(join(dir, file), file, required, add);
    } catch (e) {
      if (!(e instanceof ImportError)) throw e;
      issues.push(...e.issues);
    }
  }
  if (issues.length > 0) throw new ImportError(issues);
  return map.finish();
}

/**
 * Reads a CORDIS export folder like `readCordis`, streaming CSV tables: their text is never held
 * whole, each record is mapped as it is parsed. `onProgress` hears the bytes read of both tables.
 */
export async function streamCordis(dir: string, options: CordisOptions & { onProgress?: ProgressListener } = {}): Promise<CsvBundle> {
  const { projFile, orgFile } = cordisTables(dir);
  const map = cordisMapper(projFile, orgFile, options);
  const meter = ReadMeter.forFiles([join(dir, projFile), join(dir, orgFile)], options.onProgress);
  const issues: ImportIssue[] = [];
  for (const [file, required, add] of [
    [projFile, REQUIRED.project, map.project],
    [orgFile, REQUIRED.organization, map.organisation],
  ] as const) {
    try {
      await streamTable(join(dir, file), file, required, add, meter);
    } catch (e) {
      if (!(e instanceof ImportError)) throw e;
      issues.push(...e.issues);
    }
  }
  if (issues.length > 0) throw new ImportError(issues);
  return map.finish();
}
