/**
 * Every document the explorer's editing and access parts send is valid against the server's
 * emitted schema (`server/schema.graphql`): a renamed argument or field fails here, not in the page.
 */
import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ME_QUERY, tokenDocs } from './access.ts';
import { RELATIONS, entityDocs, relationDocs, type RelationType } from './edit.ts';
import { detailsQuery } from './queries.ts';
import { storyDocs } from './stories.ts';
import { NODE_TYPES } from './types.ts';

const schema = buildSchema(readFileSync(new URL('../../server/schema.graphql', import.meta.url), 'utf8'));
const errorsOf = (doc: string) => validate(schema, parse(doc)).map((e) => e.message);

describe('client documents against server/schema.graphql', () => {
  it.each(NODE_TYPES)('details of %s, read-only and for editing', (type) => {
    expect(errorsOf(detailsQuery(type, false))).toEqual([]);
    expect(errorsOf(detailsQuery(type, true))).toEqual([]);
  });

  it.each(NODE_TYPES)('create, update, delete and version of %s', (type) => {
    for (const doc of [entityDocs.create(type), entityDocs.update(type), entityDocs.delete(type), entityDocs.version(type)]) expect(errorsOf(doc), doc).toEqual([]);
  });

  it('merge', () => {
    expect(errorsOf(entityDocs.merge)).toEqual([]);
  });

  it.each(Object.keys(RELATIONS) as RelationType[])('create, update and delete of %s rows', (type) => {
    for (const doc of [relationDocs.create(type), relationDocs.update(type), relationDocs.delete(type)]) expect(errorsOf(doc), doc).toEqual([]);
  });

  it('me and the access tokens', () => {
    for (const doc of [ME_QUERY, tokenDocs.list, tokenDocs.create, tokenDocs.revoke]) expect(errorsOf(doc), doc).toEqual([]);
  });

  it('stories: list, one story, create, update, delete', () => {
    for (const doc of Object.values(storyDocs)) expect(errorsOf(doc), doc).toEqual([]);
  });
});
