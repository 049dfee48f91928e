/**
 * A batch as JSON: `{ "format": "netzwerkatlas", "version": 1, "exported": …, "batch": { sources: […], … } }`.
 * The rows are the domain model's (the same shapes the GraphQL API and applyBatch use).
 */
import type { GraphBatch } from '../domain/model.ts';

export const JSON_FORMAT = 'netzwerkatlas';
export const JSON_VERSION = 1;

export function writeJson(batch: GraphBatch, exported = new Date()): string {
  return `${JSON.stringify({ format: JSON_FORMAT, version: JSON_VERSION, exported: exported.toISOString(), batch }, null, 1)}\n`;
}
