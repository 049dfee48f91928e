/**
 * Validation of a batch before it is written: row shapes (zod), duplicate keys inside the batch,
 * references to entities in the batch or already in the store, and region hierarchy cycles.
 * All problems are collected and reported together, each with its path (`actors[3].regionId`).
 */
import { createHash } from 'node:crypto';
import {
  BATCH_KEYS,
  BATCH_SCHEMAS,
  emptyBatch,
  relationKey,
  type BatchKey,
  type GraphBatch,
  type GraphBatchInput,
} from '../domain/model.ts';
import type { AuditRecord, BatchResult, ExistingIds, WriteOptions } from './graph-store.ts';

export interface BatchIssue {
  /** e.g. ['actors', 3, 'regionId'] */
  path: (string | number)[];
  message: string;
}

export class BatchValidationError extends Error {
  constructor(readonly issues: BatchIssue[]) {
    const shown = issues.slice(0, 10).map((i) => `${formatPath(i.path)}: ${i.message}`);
    const more = issues.length > 10 ? ` (+${issues.length - 10} more)` : '';
    super(`Invalid batch: ${shown.join('; ')}${more}`);
    this.name = 'BatchValidationError';
  }
}

export function formatPath(path: readonly (string | number)[]): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
}

/** A batch whose rows passed the shape check, with the original index of each row. */
export interface ParsedBatch {
  batch: GraphBatch;
  /** Shape problems of the rows left out of `batch`. */
  issues: BatchIssue[];
  /** originalIndex[key][i] = index in the input of batch[key][i]. */
  originalIndex: Record<string, number[]>;
  /** Ids of the entity rows that failed the shape check (references to them are follow-on problems). */
  invalidIds?: ReadonlySet<string>;
}

/** Shape-validates every row; invalid rows are left out and their problems collected. */
export function parseBatch(input: GraphBatchInput | GraphBatch): ParsedBatch {
  const batch = emptyBatch();
  const issues: BatchIssue[] = [];
  const originalIndex: Record<string, number[]> = {};
  const invalidIds = new Set<string>();
  for (const key of Object.keys(input)) {
    if (!(BATCH_KEYS as string[]).includes(key)) issues.push({ path: [key], message: 'unknown kind of rows' });
  }
  for (const key of BATCH_KEYS) {
    const rows = (input as GraphBatchInput)[key] ?? [];
    const schema = BATCH_SCHEMAS[key];
    const idx: number[] = (originalIndex[key] = []);
    rows.forEach((row, i) => {
      const r = schema.safeParse(row);
      if (r.success) {
        (batch[key] as unknown[]).push(r.data);
        idx.push(i);
      } else {
        for (const iss of r.error.issues) issues.push({ path: [key, i, ...iss.path.map(pathPart)], message: iss.message });
        const id = (row as { id?: unknown } | null)?.id;
        if (typeof id === 'string') invalidIds.add(id.trim());
      }
    });
  }
  return { batch, issues, originalIndex, invalidIds };
}

/** Shape check, then reference check against what exists; throws all problems together, in input order. */
export function validateParsed(parsed: ParsedBatch, existing: ExistingIds): void {
  const issues = [...parsed.issues];
  try {
    checkBatch(parsed.batch, existing);
  } catch (e) {
    if (!(e instanceof BatchValidationError)) throw e;
    for (const i of e.issues) {
      const [key, index, ...rest] = i.path;
      const orig = typeof index === 'number' ? parsed.originalIndex[String(key)]?.[index] : undefined;
      // A reference to a row of this batch that is itself invalid: say so (fixing that row fixes this one).
      const id = /^unknown [^"]*"(.*)"$/.exec(i.message)?.[1];
      const message = id !== undefined && parsed.invalidIds?.has(id) ? `${i.message}: its own row in this import is invalid` : i.message;
      issues.push({ ...i, message, path: orig === undefined ? i.path : [key as string, orig, ...rest] });
    }
  }
  if (issues.length > 0) {
    const order = (p: (string | number)[]) => [BATCH_KEYS.indexOf(p[0] as never), typeof p[1] === 'number' ? p[1] : -1] as const;
    issues.sort((a, b) => {
      const [ka, ia] = order(a.path);
      const [kb, ib] = order(b.path);
      return ka - kb || ia - ib;
    });
    throw new BatchValidationError(issues);
  }
}

const pathPart = (p: PropertyKey): string | number => (typeof p === 'number' ? p : String(p));

type EntityKind = 'sources' | 'regions' | 'actors' | 'projects' | 'events';

/** Checks duplicates, references and cycles against the batch itself and what the store holds. */
export function checkBatch(batch: GraphBatch, existing: ExistingIds): void {
  const issues: BatchIssue[] = [];
  const ids: Record<EntityKind, Set<string>> = {
    sources: new Set(),
    regions: new Set(),
    actors: new Set(),
    projects: new Set(),
    events: new Set(),
  };
  const kindOfId = new Map<string, EntityKind>();
  for (const kind of Object.keys(ids) as EntityKind[]) {
    batch[kind].forEach((row, i) => {
      const other = kindOfId.get(row.id);
      if (ids[kind].has(row.id)) issues.push({ path: [kind, i, 'id'], message: `duplicate id "${row.id}" in this batch` });
      else if (other !== undefined)
        issues.push({ path: [kind, i, 'id'], message: `id "${row.id}" is already used by ${other} in this batch` });
      ids[kind].add(row.id);
      kindOfId.set(row.id, kind);
    });
  }
  // Stories have their own ids (a story may share an id with a node; they never meet).
  const storyIds = new Set<string>();
  batch.stories.forEach((row, i) => {
    if (storyIds.has(row.id)) issues.push({ path: ['stories', i, 'id'], message: `duplicate id "${row.id}" in this batch` });
    storyIds.add(row.id);
  });
  for (const kind of ['participations', 'eventParticipations', 'cooperations', 'targets'] as const) {
    const seen = new Set<string>();
    const keyOf = relationKey[kind] as (r: unknown) => string;
    batch[kind].forEach((row, i) => {
      const k = keyOf(row);
      if (seen.has(k)) issues.push({ path: [kind, i], message: `duplicate row (${k.replaceAll('|', ', ')}) in this batch` });
      seen.add(k);
    });
  }

  const exists = (kind: EntityKind, id: string) => ids[kind].has(id) || existing.has(kind, id);
  const ref = (path: (string | number)[], kind: EntityKind, id: string | null, what: string) => {
    if (id !== null && !exists(kind, id)) issues.push({ path, message: `unknown ${what} "${id}"` });
  };
  const singular: Record<EntityKind, string> = {
    sources: 'source',
    regions: 'region',
    actors: 'actor',
    projects: 'project',
    events: 'event',
  };

  for (const key of BATCH_KEYS) {
    if (key === 'sources' || key === 'stories') continue;
    (batch[key] as { sourceIds: string[] }[]).forEach((row, i) =>
      row.sourceIds.forEach((s, j) => ref([key, i, 'sourceIds', j], 'sources', s, 'source')),
    );
  }
  batch.regions.forEach((r, i) => {
    if (r.parentId === r.id) issues.push({ path: ['regions', i, 'parentId'], message: 'a region cannot be part of itself' });
    else ref(['regions', i, 'parentId'], 'regions', r.parentId, 'region');
  });
  batch.actors.forEach((a, i) => ref(['actors', i, 'regionId'], 'regions', a.regionId, 'region'));
  batch.projects.forEach((p, i) => {
    if (p.predecessorId === p.id)
      issues.push({ path: ['projects', i, 'predecessorId'], message: 'a project cannot continue itself' });
    else ref(['projects', i, 'predecessorId'], 'projects', p.predecessorId, 'project');
  });
  batch.events.forEach((e, i) => {
    ref(['events', i, 'placeId'], 'regions', e.placeId, 'region');
    ref(['events', i, 'projectId'], 'projects', e.projectId, 'project');
  });
  batch.participations.forEach((p, i) => {
    ref(['participations', i, 'actorId'], 'actors', p.actorId, 'actor');
    ref(['participations', i, 'projectId'], 'projects', p.projectId, 'project');
  });
  batch.eventParticipations.forEach((p, i) => {
    ref(['eventParticipations', i, 'actorId'], 'actors', p.actorId, 'actor');
    ref(['eventParticipations', i, 'eventId'], 'events', p.eventId, 'event');
  });
  batch.cooperations.forEach((c, i) => {
    ref(['cooperations', i, 'actorId'], 'actors', c.actorId, 'actor');
    ref(['cooperations', i, 'partnerId'], 'actors', c.partnerId, 'actor');
  });
  batch.targets.forEach((t, i) => {
    if (!exists('projects', t.subjectId) && !exists('events', t.subjectId))
      issues.push({ path: ['targets', i, 'subjectId'], message: `unknown project or event "${t.subjectId}"` });
    ref(['targets', i, 'regionId'], 'regions', t.regionId, 'region');
  });
  // Stored entities of another kind with the same id.
  for (const kind of Object.keys(ids) as EntityKind[]) {
    batch[kind].forEach((row, i) => {
      for (const other of Object.keys(ids) as EntityKind[]) {
        if (other !== kind && existing.has(other, row.id))
          issues.push({ path: [kind, i, 'id'], message: `id "${row.id}" is already used by a stored ${singular[other]}` });
      }
    });
  }

  // Region hierarchy must stay a tree: follow parents through batch and store.
  const parentInBatch = new Map(batch.regions.map((r) => [r.id, r.parentId]));
  batch.regions.forEach((r, i) => {
    const seen = new Set<string>([r.id]);
    let cur: string | null | undefined = r.parentId;
    while (cur !== null && cur !== undefined) {
      if (seen.has(cur)) {
        issues.push({ path: ['regions', i, 'parentId'], message: `region hierarchy would form a cycle through "${cur}"` });
        break;
      }
      seen.add(cur);
      cur = parentInBatch.has(cur) ? (parentInBatch.get(cur) ?? null) : existing.parentOf(cur);
    }
  });

  if (issues.length > 0) throw new BatchValidationError(issues);
}

/** Every id a batch refers to or defines, by kind (what an adapter must look up for `ExistingIds`); stories refer to nothing. */
export function referencedIds(batch: GraphBatch): string[] {
  const out = new Set<string>();
  for (const key of BATCH_KEYS) {
    if (key === 'sources' || key === 'stories') continue;
    for (const row of batch[key] as { sourceIds: string[] }[]) row.sourceIds.forEach((s) => out.add(s));
  }
  for (const kind of ['sources', 'regions', 'actors', 'projects', 'events'] as const) batch[kind].forEach((r) => out.add(r.id));
  batch.regions.forEach((r) => r.parentId && out.add(r.parentId));
  batch.actors.forEach((a) => a.regionId && out.add(a.regionId));
  batch.projects.forEach((p) => p.predecessorId && out.add(p.predecessorId));
  batch.events.forEach((e) => {
    if (e.placeId) out.add(e.placeId);
    if (e.projectId) out.add(e.projectId);
  });
  batch.participations.forEach((p) => out.add(p.actorId).add(p.projectId));
  batch.eventParticipations.forEach((p) => out.add(p.actorId).add(p.eventId));
  batch.cooperations.forEach((c) => out.add(c.actorId).add(c.partnerId));
  batch.targets.forEach((t) => out.add(t.subjectId).add(t.regionId));
  return [...out];
}

/** Canonical JSON (sorted keys): equal rows give equal strings. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** A short fingerprint of a row, stored beside it to tell "unchanged" from "updated". */
export function fingerprint(row: unknown): string {
  return createHash('sha1').update(canonicalJson(row)).digest('base64url');
}

/** Rows between two progress reports of a batch write. */
export const PROGRESS_EVERY = 5000;

/** The audit entry of a batch write (an import): one entry with the counts; none when nothing changed. */
export function batchAudit(result: BatchResult, audit: WriteOptions['audit']): AuditRecord | null {
  if (!audit) return null;
  const changed = BATCH_KEYS.reduce((n, k) => n + result.created[k] + result.updated[k], 0);
  if (changed === 0) return null;
  const counts = (r: Record<BatchKey, number>) => Object.fromEntries(BATCH_KEYS.filter((k) => r[k] > 0).map((k) => [k, r[k]]));
  return {
    who: audit.who.name,
    role: audit.who.role,
    action: 'import',
    entityType: 'batch',
    entityId: audit.summary,
    refs: [],
    before: null,
    after: { created: counts(result.created), updated: counts(result.updated) },
    summary: audit.summary,
  };
}
