/**
 * Editing single rows: create, update, delete, and merging two duplicate actors. Shared by both
 * adapters: each mutation reads what it changes, works out a ChangeSet, and the adapter writes it in
 * one transaction after checking that every row read still has the version it had (optimistic
 * locking: a stale version is a CONFLICT and nothing is written). Every change lands in the audit log.
 */
import {
  BATCH_SCHEMAS,
  emptyBatch,
  isRelationKey,
  relationKey,
  type Actor,
  type BatchKey,
  type Cooperation,
  type EntityKey,
  type EventParticipation,
  type Participation,
  type RelationKey,
} from '../domain/model.ts';
import { BadUserInputError, ConflictError, NotFoundError } from '../errors.ts';
import { BatchValidationError, checkBatch, fingerprint, formatPath } from './batch.ts';
import type { AuditRecord, ChangeSet, GraphBackend, Mutations, Who } from './graph-store.ts';

type Row = Record<string, unknown>;

/** Singular names for messages and the audit log's readers. */
export const SINGULAR: Record<BatchKey, string> = {
  sources: 'source',
  regions: 'region',
  actors: 'actor',
  projects: 'project',
  events: 'event',
  stories: 'story',
  participations: 'participation',
  eventParticipations: 'event participation',
  cooperations: 'cooperation',
  targets: 'target',
};

/** The fields that make up a relationship's natural key (in `relationKey` order). */
export const KEY_FIELDS: Record<RelationKey, readonly string[]> = {
  participations: ['actorId', 'projectId'],
  eventParticipations: ['actorId', 'eventId'],
  cooperations: ['actorId', 'partnerId', 'kind'],
  targets: ['subjectId', 'regionId'],
};

export function naturalKey(key: BatchKey, row: Row): string {
  return isRelationKey(key) ? (relationKey[key] as (r: Row) => string)(row) : String(row.id);
}

/** Entity ids a row refers to (both ends of a relationship), for the audit log's per-entity history. */
function refsOf(key: BatchKey, row: Row): string[] {
  if (!isRelationKey(key)) return [String(row.id)];
  return KEY_FIELDS[key].filter((f) => f !== 'kind').map((f) => String(row[f]));
}

/** A readable slug for a new id: "IHK Halle-Dessau" → "ihk-halle-dessau". */
export function slugId(name: string): string {
  const folded = name
    .toLowerCase()
    .replaceAll('ä', 'ae')
    .replaceAll('ö', 'oe')
    .replaceAll('ü', 'ue')
    .replaceAll('ß', 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  return folded
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

/** Shape-checks a row; problems become BAD_USER_INPUT naming `input.<field>`. */
function parseRow(key: BatchKey, row: Row): Row {
  const r = BATCH_SCHEMAS[key].safeParse(row);
  if (r.success) return r.data as Row;
  const issues = r.error.issues.map((i) => ({ path: formatPath(['input', ...i.path.map((p) => (typeof p === 'number' ? p : String(p)))]), message: i.message }));
  const first = issues[0] ?? { path: 'input', message: 'invalid' };
  throw new BadUserInputError(first.path, first.message, issues);
}

/** Merges a patch onto a row: absent (undefined) keeps a field, null clears it (lists become empty). */
function applyPatch(current: Row, patch: Row): Row {
  const out: Row = { ...current };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue;
    out[k] = v === null && Array.isArray(current[k]) ? [] : v;
  }
  return out;
}

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];

/** Two rows of the same relationship: keep `a`'s values, fill its gaps from `b`, join the provenance. */
function joinRelation<T extends { description: string | null; sourceIds: string[] }>(a: T, b: T): T {
  const out = { ...a, description: a.description ?? b.description, sourceIds: union(a.sourceIds, b.sourceIds) };
  for (const [k, v] of Object.entries(b)) if ((out as Row)[k] === null && v !== null) (out as Row)[k] = v;
  return out;
}

export function createMutations(b: GraphBackend, changed: () => void): Mutations {
  /** The stored row with natural key `id`, or null. */
  async function load(key: BatchKey, id: string): Promise<Row | null> {
    const parts = id.split('|');
    const [a = '', c = ''] = parts;
    let rows: Row[];
    switch (key) {
      case 'sources':
        rows = await b.loadSources([id]);
        break;
      case 'regions':
        rows = (await b.loadRegions()).filter((r) => r.id === id);
        break;
      case 'actors':
        rows = await b.loadActors({ ids: [id] });
        break;
      case 'projects':
        rows = await b.loadProjects({ ids: [id] });
        break;
      case 'events':
        rows = await b.loadEvents({ ids: [id] });
        break;
      case 'stories':
        rows = await b.loadStories([id]);
        break;
      case 'participations':
        rows = await b.loadParticipations({ actorIds: [a], projectIds: [c] });
        break;
      case 'eventParticipations':
        rows = await b.loadEventParticipations({ actorIds: [a], eventIds: [c] });
        break;
      case 'cooperations':
        rows = await b.loadCooperations({ actorIds: [a] });
        break;
      case 'targets':
        rows = await b.loadTargets({ subjectIds: [a], regionIds: [c] });
        break;
    }
    return rows.find((r) => naturalKey(key, r) === id) ?? null;
  }

  async function version(key: BatchKey, id: string): Promise<number> {
    return (await b.versions(key, [id])).get(id) ?? 0;
  }

  /** Writes a change set; reference problems become BAD_USER_INPUT on `input.<field>`. */
  async function write(changes: ChangeSet): Promise<void> {
    try {
      await b.writeChanges(changes, (existing) => checkBatch(changes.put, existing));
    } catch (e) {
      if (e instanceof BatchValidationError) {
        const issues = e.issues.map((i) => ({ path: formatPath(['input', ...i.path.slice(2)]), message: i.message }));
        const first = issues[0] ?? { path: 'input', message: e.message };
        throw new BadUserInputError(first.path, first.message, issues);
      }
      throw e;
    } finally {
      changed();
    }
  }

  function changeSet(): ChangeSet {
    return { put: emptyBatch(), del: {}, expect: [], audit: [] };
  }
  const put = (c: ChangeSet, key: BatchKey, row: Row) => (c.put[key] as Row[]).push(row);
  const del = (c: ChangeSet, key: BatchKey, id: string) => (c.del[key] ??= []).push(id);
  const entry = (who: Who, action: AuditRecord['action'], key: BatchKey, id: string, before: Row | null, after: Row | null, summary: string | null = null, refs?: string[]): AuditRecord => ({
    who: who.name,
    role: who.role,
    action,
    entityType: key,
    entityId: id,
    refs: refs ?? refsOf(key, (after ?? before ?? {}) as Row),
    before,
    after,
    summary,
  });

  /** A free id for a new entity, derived from its name: used by no node, source or story. */
  async function freeId(key: EntityKey, name: string): Promise<string> {
    const base = slugId(name) || SINGULAR[key];
    for (let start = 1; ; start += 20) {
      const candidates = Array.from({ length: 20 }, (_, i) => (start + i === 1 ? base : `${base}-${start + i}`));
      const taken = new Set([
        ...(await b.nodeTypes(candidates)).keys(),
        ...(await b.loadSources(candidates)).map((s) => s.id),
        ...(await b.versions('stories', candidates)).keys(),
      ]);
      const free = candidates.find((c) => !taken.has(c));
      if (free !== undefined) return free;
    }
  }

  /** What still points at an entity (other than relationship rows, which go with it). */
  async function dependants(key: EntityKey, id: string): Promise<string[]> {
    const names = (rows: { id: string }[], what: string) => (rows.length === 0 ? [] : [`${rows.length} ${what} (${rows.slice(0, 5).map((r) => r.id).join(', ')}${rows.length > 5 ? ', …' : ''})`]);
    switch (key) {
      case 'regions': {
        const [actors, events, regions] = await Promise.all([b.loadActors({ regionIds: [id] }), b.loadEvents({ placeIds: [id] }), b.loadRegions()]);
        return [
          ...names(regions.filter((r) => r.parentId === id), 'sub-regions'),
          ...names(actors, 'actors located there'),
          ...names(events, 'events held there'),
        ];
      }
      case 'projects': {
        const [events, successors] = await Promise.all([b.loadEvents({ projectIds: [id] }), b.loadProjects({ predecessorIds: [id] })]);
        return [...names(events, 'events of the project'), ...names(successors, 'follow-up projects')];
      }
      case 'sources': {
        const all = await Promise.all([b.loadRegions(), b.loadActors({}), b.loadProjects({}), b.loadEvents({})]);
        const using = all.flat().filter((r) => r.sourceIds.includes(id));
        const rels = await Promise.all([b.loadParticipations({}), b.loadEventParticipations({}), b.loadCooperations({}), b.loadTargets({})]);
        const relCount = rels.flat().filter((r) => r.sourceIds.includes(id)).length;
        return [...names(using, 'entities citing it'), ...(relCount > 0 ? [`${relCount} relationships citing it`] : [])];
      }
      default:
        return [];
    }
  }

  /** Relationship rows that go when an entity is deleted. */
  async function cascade(key: EntityKey, id: string): Promise<[RelationKey, Row][]> {
    const tag = <K extends RelationKey>(k: K, rows: Row[]) => rows.map((r) => [k, r] as [RelationKey, Row]);
    switch (key) {
      case 'actors':
        return [
          ...tag('participations', await b.loadParticipations({ actorIds: [id] })),
          ...tag('eventParticipations', await b.loadEventParticipations({ actorIds: [id] })),
          ...tag('cooperations', await b.loadCooperations({ actorIds: [id] })),
        ];
      case 'projects':
        return [...tag('participations', await b.loadParticipations({ projectIds: [id] })), ...tag('targets', await b.loadTargets({ subjectIds: [id] }))];
      case 'events':
        return [...tag('eventParticipations', await b.loadEventParticipations({ eventIds: [id] })), ...tag('targets', await b.loadTargets({ subjectIds: [id] }))];
      case 'regions':
        return tag('targets', await b.loadTargets({ regionIds: [id] }));
      case 'sources':
      case 'stories':
        return [];
    }
  }

  /** Adds version expectations for rows read (so a concurrent change to any of them is a conflict). */
  async function expectCurrent(c: ChangeSet, rows: [BatchKey, Row][]): Promise<void> {
    const byKey = new Map<BatchKey, string[]>();
    for (const [k, r] of rows) {
      const list = byKey.get(k) ?? [];
      list.push(naturalKey(k, r));
      byKey.set(k, list);
    }
    for (const [k, ids] of byKey) {
      const versions = await b.versions(k, ids);
      for (const id of new Set(ids)) c.expect.push({ key: k, id, version: versions.get(id) ?? 0 });
    }
  }

  return {
    async create(key, input, who) {
      const raw: Row = { ...input };
      if (!isRelationKey(key) && (raw.id === undefined || raw.id === null || raw.id === '')) {
        const field = key === 'sources' || key === 'stories' ? 'title' : 'name';
        const name = raw[field];
        if (typeof name !== 'string' || name.trim() === '') throw new BadUserInputError(`input.${field}`, 'must not be empty');
        raw.id = await freeId(key, name);
      }
      const row = parseRow(key, raw);
      const id = naturalKey(key, row);
      if ((await version(key, id)) > 0) {
        throw new BadUserInputError(isRelationKey(key) ? 'input' : 'input.id', `${SINGULAR[key]} "${id}" exists already`);
      }
      const c = changeSet();
      put(c, key, row);
      c.expect.push({ key, id, version: 0 });
      c.audit.push(entry(who, 'create', key, id, null, row));
      await write(c);
      return { row, version: 1 };
    },

    async update(key, id, expected, patch, who) {
      const current = await load(key, id);
      if (!current) throw new NotFoundError(SINGULAR[key], id);
      const row = parseRow(key, applyPatch(current, patch));
      if (naturalKey(key, row) !== id) {
        const fields = isRelationKey(key) ? KEY_FIELDS[key] : ['id'];
        const moved = fields.find((f) => row[f] !== current[f]) ?? fields[0];
        throw new BadUserInputError(`input.${moved}`, 'cannot be changed (it identifies the row); delete it and create a new one');
      }
      const now = await version(key, id);
      if (fingerprint(row) === fingerprint(current)) {
        if (now !== expected) throw new ConflictError(key, id, expected, now);
        return { row, version: now };
      }
      const c = changeSet();
      put(c, key, row);
      c.expect.push({ key, id, version: expected });
      c.audit.push(entry(who, 'update', key, id, current, row));
      await write(c);
      return { row, version: expected + 1 };
    },

    async remove(key, id, expected, who) {
      const current = await load(key, id);
      if (!current) throw new NotFoundError(SINGULAR[key], id);
      const c = changeSet();
      c.expect.push({ key, id, version: expected });
      let cascaded = 0;
      if (!isRelationKey(key)) {
        const blockers = await dependants(key, id);
        if (blockers.length > 0) throw new BadUserInputError('id', `${SINGULAR[key]} "${id}" is still referenced by ${blockers.join(' and ')}; change or delete those first`);
        const rows = await cascade(key, id);
        await expectCurrent(c, rows);
        for (const [k, r] of rows) {
          del(c, k, naturalKey(k, r));
          c.audit.push(entry(who, 'delete', k, naturalKey(k, r), r, null, `with ${SINGULAR[key]} "${id}"`));
        }
        cascaded = rows.length;
      }
      del(c, key, id);
      c.audit.push(entry(who, 'delete', key, id, current, null, cascaded > 0 ? `with ${cascaded} relationships` : null));
      await write(c);
      return { cascaded };
    },

    async mergeActors(keep, merge, who) {
      if (keep.id === merge.id) throw new BadUserInputError('mergeId', 'cannot merge an actor into itself');
      const [a, m] = await Promise.all([load('actors', keep.id), load('actors', merge.id)]);
      if (!a) throw new NotFoundError('actor', keep.id);
      if (!m) throw new NotFoundError('actor', merge.id);
      const kept = a as Actor;
      const gone = m as Actor;
      const merged: Actor = {
        ...kept,
        description: kept.description ?? gone.description,
        regionId: kept.regionId ?? gone.regionId,
        website: kept.website ?? gone.website,
        sectors: union(kept.sectors, gone.sectors),
        tags: union(kept.tags, gone.tags),
        sourceIds: union(kept.sourceIds, gone.sourceIds),
      };

      const readRelations = () =>
        Promise.all([
          b.loadParticipations({ actorIds: [keep.id] }),
          b.loadParticipations({ actorIds: [merge.id] }),
          b.loadEventParticipations({ actorIds: [keep.id] }),
          b.loadEventParticipations({ actorIds: [merge.id] }),
          b.loadCooperations({ actorIds: [keep.id] }),
          b.loadCooperations({ actorIds: [merge.id] }),
        ]);
      const [pk, pm, ek, em, ck, cm] = await readRelations();
      const c = changeSet();
      c.expect.push({ key: 'actors', id: keep.id, version: keep.version }, { key: 'actors', id: merge.id, version: merge.version });
      const read: [BatchKey, Row][] = [
        ...pk.map((r) => ['participations', r] as [BatchKey, Row]),
        ...pm.map((r) => ['participations', r] as [BatchKey, Row]),
        ...ek.map((r) => ['eventParticipations', r] as [BatchKey, Row]),
        ...em.map((r) => ['eventParticipations', r] as [BatchKey, Row]),
        ...ck.map((r) => ['cooperations', r] as [BatchKey, Row]),
        ...cm.filter((r) => r.actorId !== keep.id && r.partnerId !== keep.id).map((r) => ['cooperations', r] as [BatchKey, Row]),
      ];
      await expectCurrent(c, read);
      // The versions were read after the rows: rows changed in between would be expected at their new
      // version but written with their old content. Read again; any difference is a conflict.
      if (fingerprint([pk, pm, ek, em, ck, cm]) !== fingerprint(await readRelations()))
        throw new ConflictError('actors', keep.id, keep.version, keep.version, 'relationships of the two actors changed while merging; try again');

      // Each relationship of the merged actor moves to the kept one; where the kept one has it already, the two are joined.
      let moved = 0;
      const created = new Set<string>();
      function move<K extends 'participations' | 'eventParticipations' | 'cooperations', T extends Participation | EventParticipation | Cooperation>(
        k: K,
        keptRows: T[],
        mergedRows: T[],
        rewrite: (r: T) => T | null,
      ) {
        const target = new Map(keptRows.map((r) => [naturalKey(k, r as Row), r]));
        const out = new Map<string, T>();
        const notes: [T, string | null][] = [];
        for (const r of mergedRows) {
          del(c, k, naturalKey(k, r as Row));
          const next = rewrite(r);
          if (next === null) {
            // A tie between the two actors disappears.
            notes.push([r, null]);
            continue;
          }
          const nk = naturalKey(k, next as Row);
          const existing = out.get(nk) ?? target.get(nk);
          out.set(nk, existing ? joinRelation(existing, next) : next);
          // A row new at the kept actor must not have appeared meanwhile (it would be overwritten).
          if (!target.has(nk) && !created.has(`${k}:${nk}`)) {
            created.add(`${k}:${nk}`);
            c.expect.push({ key: k, id: nk, version: 0 });
          }
          notes.push([r, nk]);
          moved++;
        }
        for (const r of out.values()) put(c, k, r as Row);
        // One audit entry per relationship row of the merged actor: where it went, before and after.
        for (const [r, nk] of notes) {
          const oldKey = naturalKey(k, r as Row);
          const after = nk === null ? null : (out.get(nk) as Row);
          const summary = nk === null ? `dropped: a tie between "${merge.id}" and "${keep.id}"` : target.has(nk) ? `joined into ${nk}` : `moved to ${nk}`;
          c.audit.push(entry(who, 'merge', k, oldKey, r as Row, after, summary, [...refsOf(k, r as Row), ...(after ? refsOf(k, after) : [])]));
        }
      }
      move('participations', pk, pm, (r) => ({ ...r, actorId: keep.id }));
      move('eventParticipations', ek, em, (r) => ({ ...r, actorId: keep.id }));
      move('cooperations', ck, cm, (r) => {
        const actorId = r.actorId === merge.id ? keep.id : r.actorId;
        const partnerId = r.partnerId === merge.id ? keep.id : r.partnerId;
        return actorId === partnerId ? null : { ...r, actorId, partnerId };
      });
      del(c, 'actors', merge.id);
      put(c, 'actors', merged);
      c.audit.push(
        entry(who, 'merge', 'actors', keep.id, { kept, merged: gone }, merged, `merged "${gone.name}" (${merge.id}) into "${kept.name}": ${moved} relationship${moved === 1 ? '' : 's'} moved`, [keep.id, merge.id]),
      );
      await write(c);
      return { row: merged as Row, version: keep.version + 1 };
    },
  };
}
