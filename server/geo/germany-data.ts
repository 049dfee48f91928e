/**
 * Germany's built-in regions as shipped in `germany.json` (written by `npm run geo:generate` from
 * BKG VG5000 2021): the shapes of that file, our ids for its regions, and the district names we show.
 *
 * Ids: a state is `de-<2-digit AGS>` (`de-14` Sachsen), a district `de-<5-digit AGS>`
 * (`de-14627` Landkreis Meißen). AGS lengths differ, so the two never collide, and an id says
 * its official key.
 */

/** A polygon: outer ring first, then holes; points as [lon, lat]. */
export type Polygon = [number, number][][];

export interface GeoState {
  id: string;
  /** Two-digit key (Länderschlüssel). */
  ags: string;
  name: string;
  /** The state's NUTS-1 code (DE1 … DEG). */
  nuts1: string;
  /** Sum of its districts, Destatis 31.12.2018. */
  population: number;
  areaKm2: number;
  lat: number;
  lon: number;
  /** Berlin, Hamburg, Bremen. */
  cityState: boolean;
}

export interface GeoDistrict {
  id: string;
  /** Five-digit Kreisschlüssel. */
  ags: string;
  /** The name we show: "Landkreis Leipzig", "Leipzig", "Rhein-Sieg-Kreis". */
  name: string;
  /** BKG's GEN: "Leipzig" for the city and for the Landkreis. */
  shortName: string;
  /** Kreisfreie Stadt, Landkreis, Kreis, Stadtkreis. */
  bez: string;
  /** Two-digit key of its state. */
  state: string;
  /** NUTS-3 code, version 2021. */
  nuts3: string;
  /** Other codes files use for it (the Destatis 2018 code where it differs). */
  nuts3Aliases: string[];
  population: number;
  areaKm2: number;
  lat: number;
  lon: number;
  /** Simplified boundary (VG5000, 4 decimals). */
  polygons: Polygon[];
}

export interface GermanyData {
  version: string;
  credit: string;
  states: GeoState[];
  districts: GeoDistrict[];
}

export const stateId = (ags2: string): string => `de-${ags2}`;
export const districtId = (ags5: string): string => `de-${ags5}`;

/**
 * The name a district is shown by: a city as itself ("Leipzig"), a Landkreis or Kreis with its type
 * ("Landkreis Leipzig", "Kreis Kleve") unless its name says so already ("Rhein-Sieg-Kreis",
 * "Region Hannover", "Städteregion Aachen"). Names are then unique (a city and a Landkreis may share
 * BKG's short name).
 */
export function districtDisplayName(gen: string, bez: string): string {
  if (bez !== 'Landkreis' && bez !== 'Kreis') return gen;
  if (/kreis/i.test(gen) || /^(Region|Regionalverband|Städteregion)\b/.test(gen)) return gen;
  return `${bez} ${gen}`;
}
