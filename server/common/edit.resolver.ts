/**
 * The mutations every entity and relationship type has, written once: create, update (with the
 * version last seen) and delete. Each domain resolver extends one of these bases (type-graphql's
 * resolver inheritance) and names its own type; the work happens in the store (store/mutations.ts).
 */
import { Arg, Ctx, ID, Int, Mutation, Resolver, type ClassType } from 'type-graphql';
import { editor, patchOf } from '../auth/editing.ts';
import type { Context } from '../context.ts';
import type { EntityKey, RelationKey } from '../domain/model.ts';
import { NotFoundError } from '../errors.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { KEY_FIELDS, naturalKey, SINGULAR } from '../store/mutations.ts';
import { Deleted } from './common.type.ts';
import { Relation } from '../relation/relation.type.ts';

interface EntityOptions<TOut extends object> {
  key: EntityKey;
  /** The GraphQL type name: createActor, updateActor, deleteActor. */
  name: string;
  input: ClassType;
  output: ClassType<TOut>;
  /** Reads the entity back as the API shows it (with its version). */
  read: (store: GraphStore, id: string) => Promise<TOut | null>;
}

export function EntityMutations<TOut extends object>(o: EntityOptions<TOut>) {
  const readBack = async (store: GraphStore, id: string): Promise<TOut> => {
    const out = await o.read(store, id);
    if (out === null) throw new NotFoundError(SINGULAR[o.key], id);
    return out;
  };

  @Resolver()
  abstract class EntityMutationsBase {
    @Mutation(() => o.output, {
      name: `create${o.name}`,
      description: `Creates a ${SINGULAR[o.key]} (editor role). Without an id, one is derived from the ${o.key === 'sources' || o.key === 'stories' ? 'title' : 'name'}.`,
    })
    async create(@Arg('input', () => o.input) input: object, @Ctx() ctx: Context): Promise<TOut> {
      const { row } = await ctx.store.edit.create(o.key, patchOf(input), editor(ctx));
      return readBack(ctx.store, String(row.id));
    }

    @Mutation(() => o.output, {
      name: `update${o.name}`,
      description: `Changes a ${SINGULAR[o.key]} (editor role) if it still has \`version\`, else CONFLICT. Absent fields stay, null clears.`,
    })
    async update(
      @Arg('id', () => ID) id: string,
      @Arg('version', () => Int) version: number,
      @Arg('input', () => o.input) input: object,
      @Ctx() ctx: Context,
    ): Promise<TOut> {
      await ctx.store.edit.update(o.key, id, version, patchOf(input), editor(ctx));
      return readBack(ctx.store, id);
    }

    @Mutation(() => Deleted, {
      name: `delete${o.name}`,
      description: `Deletes a ${SINGULAR[o.key]}${o.key === 'stories' ? '' : ' and its relationships'} (editor role) if it still has \`version\`.`,
    })
    async remove(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Ctx() ctx: Context): Promise<Deleted> {
      const { cascaded } = await ctx.store.edit.remove(o.key, id, version, editor(ctx));
      return { type: o.key, id, cascaded };
    }
  }
  return EntityMutationsBase;
}

interface RelationOptions {
  key: RelationKey;
  name: string;
  input: ClassType;
}

const relation = (key: RelationKey, row: Record<string, unknown>, version: number): Relation => ({ type: key, key: naturalKey(key, row), version, row });

export function RelationMutations(o: RelationOptions) {
  const keyOf = (input: object) => naturalKey(o.key, input as Record<string, unknown>);
  const fields = KEY_FIELDS[o.key].join(', ');

  @Resolver()
  abstract class RelationMutationsBase {
    @Mutation(() => Relation, { name: `create${o.name}`, description: `Creates a ${SINGULAR[o.key]} (editor role).` })
    async create(@Arg('input', () => o.input) input: object, @Ctx() ctx: Context): Promise<Relation> {
      const { row, version } = await ctx.store.edit.create(o.key, patchOf(input), editor(ctx));
      return relation(o.key, row, version);
    }

    @Mutation(() => Relation, {
      name: `update${o.name}`,
      description: `Changes a ${SINGULAR[o.key]}, found by ${fields} in the input (editor role), if it still has \`version\`.`,
    })
    async update(@Arg('version', () => Int) version: number, @Arg('input', () => o.input) input: object, @Ctx() ctx: Context): Promise<Relation> {
      const r = await ctx.store.edit.update(o.key, keyOf(input), version, patchOf(input), editor(ctx));
      return relation(o.key, r.row, r.version);
    }

    @Mutation(() => Deleted, { name: `delete${o.name}`, description: `Deletes a ${SINGULAR[o.key]}, found by ${fields} in the input (editor role).` })
    async remove(@Arg('version', () => Int) version: number, @Arg('input', () => o.input) input: object, @Ctx() ctx: Context): Promise<Deleted> {
      const id = keyOf(input);
      await ctx.store.edit.remove(o.key, id, version, editor(ctx));
      return { type: o.key, id, cascaded: 0 };
    }
  }
  return RelationMutationsBase;
}
