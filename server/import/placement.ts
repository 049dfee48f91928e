/**
 * Places the actors of an import in Germany's built-in districts (server/geo/placement.ts), before
 * the batch is validated: an actor row the file left without a region gets the district (or state)
 * its location hints name. The hints come from the readers: the CSV template's and XLSX's optional
 * location columns of `actors` (`ags`, `nuts`, `lat`, `lon`, `postcode`, `city`, `district`,
 * `country`), CORDIS `nutsCode` / `geolocation` / `city` / `postCode` / `country`, GEXF and GraphML
 * node attributes of those names. Hints are read, never stored. Built-in regions the store lacks
 * (and placed actors or the file's rows refer to) join the batch, with their states.
 */
import { BKG_SOURCE } from '../geo/germany.ts';
import { placer, PlacementTally, type LocationHint, type PlacementReport } from '../geo/placement.ts';
import { missingBuiltins } from '../geo/seed.ts';
import type { CsvBundle } from './csv-bundle.ts';

/** The field of a reader's actor row that holds its location hint (an object). */
export const LOCATION_FIELD = 'location';

/** Fields of the hint, also accepted as top-level fields of an actor row (the template's columns). */
export const LOCATION_KEYS = ['ags', 'nuts', 'lat', 'lon', 'postcode', 'city', 'district', 'country'] as const satisfies readonly (keyof LocationHint)[];

/** Takes the location hint off an actor row (the row keeps only actor fields). */
export function takeHint(row: Record<string, unknown>): LocationHint {
  const hint: Record<string, unknown> = {};
  const nested = row[LOCATION_FIELD];
  if (nested !== null && typeof nested === 'object') Object.assign(hint, nested);
  delete row[LOCATION_FIELD];
  for (const k of LOCATION_KEYS) {
    if (k in row) {
      if (row[k] !== null && row[k] !== undefined && row[k] !== '') hint[k] = row[k];
      delete row[k];
    }
  }
  return hint as LocationHint;
}

/** What the store already holds of the built-in rows. */
export interface Holdings {
  regions: ReadonlySet<string>;
  source: boolean;
}

const idsOf = (rows: readonly unknown[] | undefined) => new Set((rows ?? []).map((r) => String((r as { id?: unknown }).id ?? '')));

/** Places the bundle's unplaced actors (changing its rows) and reports how. */
export function placeBundle(bundle: CsvBundle, have: Holdings): PlacementReport {
  const tally = new PlacementTally();
  const actors = (bundle.batch.actors ?? []) as Record<string, unknown>[];
  const needed = new Set<string>();
  const p = placer();
  actors.forEach((row, i) => {
    if (row === null || typeof row !== 'object') return;
    const hint = takeHint(row);
    const given = typeof row.regionId === 'string' && row.regionId.trim() !== '';
    if (given) {
      tally.given();
      return;
    }
    const origin = bundle.origins.actors?.[i];
    const placement = p.place(hint);
    tally.add(placement, { file: origin?.file ?? 'actors', line: origin?.line ?? null, name: String(row.name ?? row.id ?? '') });
    if (placement.regionId !== null) {
      row.regionId = placement.regionId;
      needed.add(placement.regionId);
    }
  });
  // Built-in regions the file refers to (a `de-14612` as region_id, parent_id, place_id) count too.
  const geo = p.geo;
  const refer = (v: unknown) => {
    if (typeof v === 'string' && geo.isBuiltinId(v.trim())) needed.add(v.trim());
  };
  for (const r of actors) refer(r?.regionId);
  for (const r of (bundle.batch.regions ?? []) as Record<string, unknown>[]) refer(r?.parentId);
  for (const r of (bundle.batch.events ?? []) as Record<string, unknown>[]) refer(r?.placeId);
  for (const r of (bundle.batch.targets ?? []) as Record<string, unknown>[]) refer(r?.regionId);
  if (needed.size > 0) {
    const builtins = missingBuiltins(
      new Set([...have.regions, ...idsOf(bundle.batch.regions)]),
      have.source || idsOf(bundle.batch.sources).has(BKG_SOURCE.id),
      needed,
    );
    if (builtins.regions.length > 0) {
      const origin = { file: 'server/geo/germany.json', line: 0 };
      bundle.batch.regions = [...(bundle.batch.regions ?? []), ...builtins.regions];
      bundle.origins.regions = [...(bundle.origins.regions ?? []), ...builtins.regions.map(() => origin)];
      const sources = builtins.sources ?? [];
      bundle.batch.sources = [...(bundle.batch.sources ?? []), ...sources];
      bundle.origins.sources = [...(bundle.origins.sources ?? []), ...sources.map(() => origin)];
    }
    tally.regionsAdded(builtins.regions.length);
  }
  return tally.result();
}
