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
    },
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
