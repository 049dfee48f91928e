/**
 * One source of truth for the API's shapes: the client's documents (`graphql(`…`)` in client/api) and
 * their result types are generated from the server's emitted schema (`server/schema.graphql`) by
 * `npm run codegen`. This fails when a document does not validate against the schema (a renamed
 * argument or field fails here, not in the page) and when the committed output under
 * client/api/generated/ is not what the generator makes of today's schema and documents.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { executeCodegen } from '@graphql-codegen/cli';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import codegenConfig from '../../codegen.ts';
import * as generated from './generated/graphql.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const schema = buildSchema(readFileSync(join(root, 'server/schema.graphql'), 'utf8'));

/** The generated operations (queries and mutations), each with the fragments it spreads. */
const operations = Object.entries(generated).filter(([name, value]) => name.endsWith('Document') && value instanceof generated.TypedDocumentString);

describe('client documents against server/schema.graphql', () => {
  it('the client sends the operations of every part (explorer, details, analysis, editing, access, stories)', () => {
    const names = operations.map(([name]) => name.replace(/Document$/, ''));
    for (const name of ['Network', 'Neighborhood', 'Paths', 'Catalog', 'Search', 'ActorDetails', 'RegionDetails', 'Metrics', 'Gaps', 'Coverage', 'WhatIf', 'Insights', 'CreateActor', 'UpdateEvent', 'DeleteTarget', 'MergeActors', 'Me', 'CreateToken', 'Stories', 'UpdateStory'])
      expect(names).toContain(name);
    expect(operations.length).toBeGreaterThanOrEqual(50);
  });

  it.each(operations)('%s validates', (_name, doc) => {
    expect(validate(schema, parse(String(doc))).map((e) => e.message)).toEqual([]);
  });
});

describe('client/api/generated', () => {
  it('is what `npm run codegen` generates from the schema and the documents (run it when this fails)', async () => {
    const { result, error } = await executeCodegen({ ...codegenConfig, cwd: root, silent: true, errorsOnly: true });
    expect(error?.message ?? null).toBeNull();
    const expected = new Map(result.map((f) => [relative(root, resolve(root, f.filename)), f.content]));
    const dir = join(root, 'client/api/generated');
    const committed = readdirSync(dir).map((f) => relative(root, join(dir, f)));
    expect(committed.sort()).toEqual([...expected.keys()].sort());
    for (const [file, content] of expected) expect(readFileSync(join(root, file), 'utf8'), `${file} is stale: run npm run codegen`).toBe(content);
  });
});
