/**
 * The graph primitives of the storage port (GraphPrimitives in ../graph-store.ts) as Cypher: one
 * statement each. Like queries.ts, every value is a `$parameter`; the statements are put together
 * from constant fragments when this module loads (never from request data), and the Cypher lint
 * test checks each exported statement against the graph model.
 *
 * The logical graph: every stored relationship, undirected, plus derived actor–actor ties between
 * actors sharing a project (both in roles outside `$nonCooperating`) or an event.
 *
 * The filter (TieFilter) is one map parameter `$f`: `regionIds`, `kinds`, `sectors`, `projectIds`
 * (lists) with `anyRegion`, `anyKind`, `anySector`, `anyProject` (true: no restriction), `from`, `to`
 * (years; far past and far future when open) with `openWindow`, `includeDirect`, `includeDerived`.
 * One map, because Neo4j caches a plan per statement and parameter types, list parameters by their
 * size (1, up to 10, up to 100, …) and null apart: planning these statements anew takes seconds, so
 * separate parameters would re-plan for every new combination of list sizes.
 * Dates are Neo4j DATE values (full dates) or partial ISO strings ('2024', '2024-03'): the year of
 * either is `toInteger(left(toString(d), 4))`.
 */

const yearOf = (v: string) => `toInteger(left(toString(${v}), 4))`;

/** A project's period overlaps the window (an unknown start or end is open), and it is one of `$f.projectIds`. */
const projectCounts = (p: string) => `(($f.anyProject OR ${p}.id IN $f.projectIds)
    AND (${p}.start IS NULL OR ${yearOf(`${p}.start`)} <= $f.to)
    AND (${p}.end IS NULL OR ${yearOf(`${p}.end`)} >= $f.from))`;

/** An event's [date, endDate ?? date] overlaps the window and, with `$f.projectIds`, it belongs to one of them. */
const eventCounts = (e: string, v: string) => `((${e}.date IS NULL OR ${yearOf(`${e}.date`)} <= $f.to)
    AND (coalesce(${e}.endDate, ${e}.date) IS NULL OR ${yearOf(`coalesce(${e}.endDate, ${e}.date)`)} >= $f.from)
    AND ($f.anyProject OR EXISTS { (${e})-[:BELONGS_TO]->(${v}p:Project) WHERE ${v}p.id IN $f.projectIds }))`;

/** A cooperation's [since, until] overlaps the window. */
const coopCounts = (c: string) => `((${c}.since IS NULL OR ${yearOf(`${c}.since`)} <= $f.to)
    AND (${c}.until IS NULL OR ${yearOf(`${c}.until`)} >= $f.from))`;

/** The actor passes the node filter: kinds, sectors, regions, chosen projects (any role). `v` names its subquery variables. */
const actorPasses = (x: string, v: string) => `(($f.anyKind OR ${x}.kind IN $f.kinds)
    AND ($f.anySector OR any(s IN coalesce(${x}.sectors, []) WHERE s IN $f.sectors))
    AND ($f.anyRegion OR EXISTS { (${x})-[:LOCATED_IN]->(${v}r:Region) WHERE ${v}r.id IN $f.regionIds })
    AND ($f.anyProject OR EXISTS { (${x})-[:PARTICIPATES_IN]->(${v}p:Project) WHERE ${v}p.id IN $f.projectIds }))`;

/** The actor takes part: it passes the filter and, in a closed window, has something that counts then. */
const takesPart = (x: string, v: string) => `(${actorPasses(x, v)}
    AND ($f.openWindow
      OR EXISTS { (${x})-[:PARTICIPATES_IN]->(${v}ap:Project) WHERE ${projectCounts(`${v}ap`)} }
      OR EXISTS { (${x})-[:TAKES_PART_IN]->(${v}ae:Event) WHERE ${eventCounts(`${v}ae`, `${v}ae`)} }
      OR ($f.includeDirect AND EXISTS { (${x})-[${v}c:COOPERATES_WITH]-(${v}y:Actor) WHERE ${coopCounts(`${v}c`)} AND ${actorPasses(`${v}y`, `${v}y`)} })))`;

/**
 * Rows (a, b, ra, rb, direct, shared, newman) of the projection, one per shared item or cooperation,
 * a.id < b.id; to be summed per pair. With `regions`, ra and rb are the actors' own regions (null when
 * none), read once per member of an item rather than once per pair; without, they are null.
 */
function tieRows(regions: boolean): string {
  const own = (x: string, r: string) => (regions ? `OPTIONAL MATCH (${x})-[:LOCATED_IN]->(${r}:Region)` : `WITH ${x}, null AS ${r}`);
  const item = (match: string, counts: string) => `MATCH (item:${match})
  WHERE $f.includeDerived AND ${counts}
  CALL (item) {
    ${match === 'Project' ? 'MATCH (item)<-[r:PARTICIPATES_IN]-(x:Actor)\n    WHERE NOT r.role IN $nonCooperating' : 'MATCH (item)<-[:TAKES_PART_IN]-(x:Actor)'}
    ${own('x', 'own')}
    WITH collect({x: x, r: own}) AS members
    UNWIND members AS m
    WITH size(members) AS n, m.x AS x, m.r AS own
    WHERE ${takesPart('x', 'm')}
    RETURN n, collect({x: x, r: own}) AS kept
  }
  UNWIND kept AS ma
  UNWIND kept AS mb
  WITH ma, mb, n WHERE ma.x.id < mb.x.id
  RETURN ma.x AS a, mb.x AS b, ma.r AS ra, mb.r AS rb, 0 AS direct, 1 AS shared, 1.0 / (n - 1) AS newman`;
  return `CALL () {
  ${item('Project', projectCounts('item'))}
  UNION ALL
  ${item('Event', eventCounts('item', 'ev'))}
  UNION ALL
  MATCH (a:Actor)-[c:COOPERATES_WITH]-(b:Actor)
  WHERE $f.includeDirect AND a.id < b.id AND ${coopCounts('c')} AND ${takesPart('a', 'ta')} AND ${takesPart('b', 'tb')}
  ${regions ? 'OPTIONAL MATCH (a)-[:LOCATED_IN]->(ra:Region)\n  OPTIONAL MATCH (b)-[:LOCATED_IN]->(rb:Region)' : 'WITH a, b, null AS ra, null AS rb'}
  RETURN a, b, ra, rb, 1 AS direct, 0 AS shared, 0.0 AS newman
}
WITH a, b, ra, rb, sum(direct) AS direct, sum(shared) AS shared, sum(newman) AS newman`;
}

/** The actor–actor projection under a filter: one row per tie, sorted by (a, b). */
export const TIES = `${tieRows(false)}
RETURN a.id AS a, b.id AS b, direct, shared, newman
ORDER BY a, b`;

/** The region itself or its nearest ancestor of kind `$level` (none: the row is dropped). */
const lift = (own: string, g: string) => `CALL (${own}) {
    MATCH path = (${own})-[:PART_OF*0..64]->(${g}:Region)
    WHERE ${g}.kind = $level
    RETURN ${g} ORDER BY length(path) LIMIT 1
  }`;

/**
 * Region × region tie counts at `$level`: `regionIds`, the regions of the level holding a taking-part
 * actor, and `pairs`, the non-empty cells (a <= b).
 */
export const REGION_TIES = `CALL () {
  MATCH (x:Actor)-[:LOCATED_IN]->(own:Region)
  WHERE ${takesPart('x', 'rx')}
  WITH DISTINCT own
  ${lift('own', 'g')}
  RETURN collect(DISTINCT g.id) AS regionIds
}
CALL () {
  ${tieRows(true).split('\n').join('\n  ')}
  WHERE ra IS NOT NULL AND rb IS NOT NULL
  WITH ra, rb, sum(CASE WHEN direct > 0 THEN 1 ELSE 0 END) AS d, sum(CASE WHEN shared > 0 THEN 1 ELSE 0 END) AS s, sum(shared) AS w, sum(newman) AS nw
  ${lift('ra', 'ga')}
  ${lift('rb', 'gb')}
  WITH CASE WHEN ga.id <= gb.id THEN ga.id ELSE gb.id END AS x, CASE WHEN ga.id <= gb.id THEN gb.id ELSE ga.id END AS y, d, s, w, nw
  WITH x, y, sum(d) AS directTies, sum(s) AS derivedTies, sum(w) AS derivedWeight, sum(nw) AS derivedNewman
  ORDER BY x, y
  RETURN collect({a: x, b: y, directTies: directTies, derivedTies: derivedTies, derivedWeight: derivedWeight, derivedNewman: derivedNewman}) AS pairs
}
RETURN regionIds, pairs`;

/** The actor neighbours of `$ids` (cooperations and derived ties, no filter), each list sorted. */
export const ACTOR_NEIGHBOURS = `UNWIND $ids AS id
MATCH (a:Actor {id: id})
CALL (a) {
  MATCH (a)-[:COOPERATES_WITH]-(m:Actor)
  RETURN m
  UNION
  MATCH (a)-[p:PARTICIPATES_IN]->(:Project)<-[q:PARTICIPATES_IN]-(m:Actor)
  WHERE m <> a AND NOT p.role IN $nonCooperating AND NOT q.role IN $nonCooperating
  RETURN m
  UNION
  MATCH (a)-[:TAKES_PART_IN]->(:Event)<-[:TAKES_PART_IN]-(m:Actor)
  WHERE m <> a
  RETURN m
}
WITH a.id AS id, m.id AS neighbour
ORDER BY id, neighbour
RETURN id, collect(neighbour) AS neighbours`;

/** The logical neighbours `m` of node `n`: every stored relationship, and derived actor–actor ties. */
const neighbours = (n: string) => `CALL (${n}) {
    MATCH (${n})-[:PARTICIPATES_IN|TAKES_PART_IN|COOPERATES_WITH|LOCATED_IN|HELD_IN|TARGETS|PART_OF|BELONGS_TO|CONTINUES]-(m)
    RETURN m
    UNION
    MATCH (${n}:Actor)-[p:PARTICIPATES_IN]->(:Project)<-[q:PARTICIPATES_IN]-(m:Actor)
    WHERE m <> ${n} AND NOT p.role IN $nonCooperating AND NOT q.role IN $nonCooperating
    RETURN m
    UNION
    MATCH (${n}:Actor)-[:TAKES_PART_IN]->(:Event)<-[:TAKES_PART_IN]-(m:Actor)
    WHERE m <> ${n}
    RETURN m
  }`;

/**
 * One more breadth-first level: the neighbours of the nodes of `prev`, expanded only while fewer than
 * `$limit + 1` nodes are known (beyond that the answer is truncated whatever lies further).
 */
const level = (prev: string, next: string, known: string) => `CALL (${prev}, ${known}) {
  UNWIND CASE WHEN ${known} <= $limit THEN ${prev} ELSE [] END AS x
  ${neighbours('x')}
  RETURN collect(DISTINCT m) AS ${next}
}`;

const START = `CALL () {
  MATCH (s:Actor {id: $id}) RETURN s
  UNION
  MATCH (s:Project {id: $id}) RETURN s
  UNION
  MATCH (s:Region {id: $id}) RETURN s
  UNION
  MATCH (s:Event {id: $id}) RETURN s
}`;

const NODE_TYPE = `CASE WHEN n:Actor THEN 'ACTOR' WHEN n:Project THEN 'PROJECT' WHEN n:Region THEN 'REGION' ELSE 'EVENT' END`;

/**
 * Nodes within `depth` steps of `$id` at their shortest distance, sorted by (depth, id): the first
 * `$limit`, whether more were in reach, and the ids of all of them: null beyond `$cap`, or when a
 * level was not expanded because the limit was already passed (then the reach is not known).
 */
function neighbourhood(depth: 1 | 2 | 3): string {
  const lines = [START, `WITH s, [s] AS l0, 1 AS k0`];
  const tagged = ['[{n: s, d: 0}]'];
  for (let d = 1; d <= depth; d++) {
    lines.push(level(`l${d - 1}`, `l${d}`, `k${d - 1}`));
    if (d < depth) {
      const all = Array.from({ length: d + 1 }, (_, i) => `l${i}`);
      lines.push(`CALL (${all.join(', ')}) {\n  UNWIND ${all.join(' + ')} AS x\n  RETURN count(DISTINCT x) AS k${d}\n}`);
    }
    tagged.push(`[x IN l${d} | {n: x, d: ${d}}]`);
  }
  lines.push(
    `UNWIND ${tagged.join(' + ')} AS r`,
    // Every level was expanded (none skipped for the limit): the reach is complete.
    `WITH r.n AS n, min(r.d) AS depth, k${depth - 1} <= $limit AS complete`,
    `ORDER BY depth, n.id`,
    `WITH complete, collect({id: n.id, type: ${NODE_TYPE}, depth: depth}) AS reached`,
    `RETURN reached[0..$limit] AS nodes, size(reached) > $limit AS truncated, CASE WHEN complete AND size(reached) <= $cap THEN [x IN reached | x.id] END AS reach`,
  );
  return lines.join('\n');
}

export const NEIGHBOURHOOD_1 = neighbourhood(1);
export const NEIGHBOURHOOD_2 = neighbourhood(2);
export const NEIGHBOURHOOD_3 = neighbourhood(3);

/** Actor kinds and sectors with their counts, and the span of the years of dated projects and events. */
export const FACETS = `CALL () {
  MATCH (a:Actor)
  WITH a.kind AS value, count(*) AS count
  RETURN collect({value: value, count: count}) AS actorKinds
}
CALL () {
  MATCH (a:Actor)
  UNWIND coalesce(a.sectors, []) AS value
  WITH value, count(*) AS count
  RETURN collect({value: value, count: count}) AS sectors
}
CALL () {
  CALL () {
    MATCH (p:Project)
    UNWIND [p.start, p.end] AS d
    RETURN d
    UNION ALL
    MATCH (e:Event)
    UNWIND [e.date, e.endDate] AS d
    RETURN d
  }
  WITH d WHERE d IS NOT NULL
  WITH ${yearOf('d')} AS y
  RETURN min(y) AS minYear, max(y) AS maxYear
}
RETURN actorKinds, sectors, minYear, maxYear`;
