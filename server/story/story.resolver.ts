import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { EntityMutations } from '../common/edit.resolver.ts';
import type { Context } from '../context.ts';
import type { Story } from '../domain/model.ts';
import { NotFoundError } from '../errors.ts';
import type { GraphStore, Versioned } from '../store/graph-store.ts';
import { StoryInput } from './story.input.ts';
import { StoryRecord, StorySummary } from './story.type.ts';

export function toStory({ row, version }: Versioned<Story>): StoryRecord {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    version,
    slides: row.slides.map((s) => ({ id: s.id, title: s.title, notes: s.notes, view: { ...s.view }, reveal: { ...s.reveal } })),
  };
}

const readStory = async (store: GraphStore, id: string): Promise<StoryRecord | null> => {
  const s = await store.story(id);
  return s ? toStory(s) : null;
};

/**
 * Stories: reads follow the same access rule as the network (open, or a viewer token with
 * READ_ACCESS=token), so `/?story=<id>&token=<viewer secret>` is a read-only link for participants;
 * creating, changing and deleting need the editor role (EntityMutations).
 */
@Resolver(() => StoryRecord)
export class StoryResolver extends EntityMutations({ key: 'stories', name: 'Story', input: StoryInput, output: StoryRecord, read: readStory }) {
  @Query(() => [StorySummary], { description: 'Every story (without its slides), sorted by title.' })
  stories(@Ctx() { store }: Context): Promise<StorySummary[]> {
    return store.stories();
  }

  @Query(() => StoryRecord, { description: 'A story with its slides; NOT_FOUND for an unknown id.' })
  async story(@Arg('id', () => ID) id: string, @Ctx() { store }: Context): Promise<StoryRecord> {
    const s = await readStory(store, id);
    if (!s) throw new NotFoundError('story', id);
    return s;
  }
}
