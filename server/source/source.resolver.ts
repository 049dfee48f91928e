import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { EntityMutations } from '../common/edit.resolver.ts';
import type { Context } from '../context.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { SourceInput, SourceRecord } from './source.type.ts';

const readSource = async (store: GraphStore, id: string): Promise<SourceRecord | null> => {
  const s = await store.source(id);
  return s ? { ...s.row, version: s.version } : null;
};

@Resolver(() => SourceRecord)
export class SourceResolver extends EntityMutations({ key: 'sources', name: 'Source', input: SourceInput, output: SourceRecord, read: readSource }) {
  @Query(() => SourceRecord, { nullable: true, description: 'A source document by id, with its version.' })
  source(@Arg('id', () => ID) id: string, @Ctx() { store }: Context): Promise<SourceRecord | null> {
    return readSource(store, id);
  }
}
