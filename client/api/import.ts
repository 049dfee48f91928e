/**
 * `POST /import`: files as base64 in one JSON body, with the access token; a dry run reports what
 * would change, a rejected import lists every problem with file, line and field. Sent with
 * XMLHttpRequest for its upload progress. The report's types are written here by hand: they are the
 * client's reading of a REST body (not part of server/schema.graphql), checked value by value below.
 */
import { importUrl } from '../config.ts';
import { ApiError, apiErrorOf, apiErrorOfStatus, refusedToken } from './client.ts';
import { authHeaders, getToken } from './token.ts';

/** Counts per kind (actors, projects, participations, …). */
export type KindCounts = Record<string, number>;

export interface ImportReport {
  dryRun: boolean;
  result: { created: KindCounts; updated: KindCounts; unchanged: KindCounts };
  files: string[];
  format: string;
  /** Cells read as missing (`NA`, `k. A.`, …): the first ones with file, line and field, and how many in all. */
  warnings: ImportIssue[];
  warningCount: number;
  /** Where the import placed its actors in Germany's districts (server/geo/placement.ts); null from an older server. */
  placement: PlacementReport | null;
}

export interface PlacementExample {
  file: string | null;
  line: number | null;
  name: string;
  detail: string;
}

/** Actors placed per method (ags, nuts3, nuts_state, coordinates, name), abroad, and not placed per reason. */
export interface PlacementReport {
  actors: number;
  given: number;
  placed: number;
  byMethod: { method: string; count: number; examples: PlacementExample[] }[];
  foreign: number;
  notPlaced: number;
  byReason: { reason: string; count: number; examples: PlacementExample[] }[];
  regionsAdded: number;
}

export interface ImportIssue {
  file: string | null;
  line: number | null;
  field: string | null;
  message: string;
}

export type ImportOutcome = { ok: true; report: ImportReport } | { ok: false; error: ApiError; issues: ImportIssue[] };

export interface UploadFile {
  name: string;
  /** base64 */
  content: string;
}

const counts = (v: unknown): KindCounts =>
  Object.fromEntries(Object.entries(v && typeof v === 'object' ? v : {}).filter((e): e is [string, number] => typeof e[1] === 'number'));

/** The server's answer (status and body text) as a report, or the error with its issues. */
export function parseImportResponse(status: number, text: string): ImportOutcome {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, error: apiErrorOfStatus(status), issues: [] };
  }
  const b = (body ?? {}) as { errors?: { message: string; extensions?: Record<string, unknown> }[]; result?: Record<string, unknown>; dryRun?: unknown; files?: unknown; format?: unknown };
  const first = b.errors?.[0];
  if (first || status >= 400 || !b.result) {
    const error = first ? apiErrorOf(first, status) : apiErrorOfStatus(status);
    const raw = first?.extensions?.issues;
      return { ok: false, error, issues: issuesOf(raw) };
  }
  return {
    ok: true,
    report: {
      dryRun: b.dryRun === true,
      result: { created: counts(b.result.created), updated: counts(b.result.updated), unchanged: counts(b.result.unchanged) },
      files: Array.isArray(b.files) ? b.files.filter((f): f is string => typeof f === 'string') : [],
      format: typeof b.format === 'string' ? b.format : '',
      warnings: issuesOf(b.result.warnings),
      warningCount: typeof b.result.warningCount === 'number' ? b.result.warningCount : 0,
      placement: placementOf(b.result.placement),
    },
  };
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

function examplesOf(raw: unknown): PlacementExample[] {
  return Array.isArray(raw)
    ? raw.map((e: Record<string, unknown>) => ({
        file: typeof e.file === 'string' ? e.file : null,
        line: typeof e.line === 'number' ? e.line : null,
        name: typeof e.name === 'string' ? e.name : '',
        detail: typeof e.detail === 'string' ? e.detail : '',
      }))
    : [];
}

/** The placement report as the server sends it; null when there is none. */
export function placementOf(raw: unknown): PlacementReport | null {
  if (raw === null || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  const groups = (v: unknown, key: 'method' | 'reason') =>
    (Array.isArray(v) ? v : []).map((g: Record<string, unknown>) => ({ [key]: String(g[key] ?? ''), count: num(g.count), examples: examplesOf(g.examples) }));
  return {
    actors: num(r.actors),
    given: num(r.given),
    placed: num(r.placed),
    byMethod: groups(r.byMethod, 'method') as PlacementReport['byMethod'],
    foreign: num(r.foreign),
    notPlaced: num(r.notPlaced),
    byReason: groups(r.byReason, 'reason') as PlacementReport['byReason'],
    regionsAdded: num(r.regionsAdded),
  };
}

/** Issues (problems or warnings) as the server sends them; anything else: none. */
function issuesOf(raw: unknown): ImportIssue[] {
  return Array.isArray(raw)
    ? raw.map((i: Record<string, unknown>) => ({
        file: typeof i.file === 'string' ? i.file : null,
        line: typeof i.line === 'number' ? i.line : null,
        field: typeof i.field === 'string' ? i.field : typeof i.path === 'string' ? i.path : null,
        message: typeof i.message === 'string' ? i.message : '',
      }))
    : [];
}

/** Standard base64 of bytes (in chunks: spreading a large array into one call would overflow the stack). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

export async function encodeFiles(files: readonly File[]): Promise<UploadFile[]> {
  return Promise.all(files.map(async (f) => ({ name: f.name, content: bytesToBase64(new Uint8Array(await f.arrayBuffer())) })));
}

export interface Upload {
  done: Promise<ImportOutcome>;
  abort(): void;
}

/** Sends the files; `onProgress(sent, total)` follows the upload (total 0 when unknown). */
export function uploadImport(files: readonly UploadFile[], dryRun: boolean, onProgress: (sent: number, total: number) => void): Upload {
  const xhr = new XMLHttpRequest();
  const token = getToken();
  const done = new Promise<ImportOutcome>((resolve, reject) => {
    xhr.open('POST', importUrl(dryRun));
    xhr.setRequestHeader('content-type', 'application/json');
    for (const [k, v] of Object.entries(authHeaders(token))) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : 0);
    xhr.onload = () => {
      const outcome = parseImportResponse(xhr.status, xhr.responseText);
      if (!outcome.ok) refusedToken(token, outcome.error);
      resolve(outcome);
    };
    xhr.onerror = () => resolve({ ok: false, error: new ApiError('NETWORK', 'upload failed'), issues: [] });
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    xhr.send(JSON.stringify({ files }));
  });
  return { done, abort: () => xhr.abort() };
}
