/**
 * Stories through the API: the list, one story with its slides, and for editors create, update
 * (the whole ordered slide list, with the version the edit started from) and delete. Views and
 * reveals arrive as JSON and are checked on the way in (story.ts).
 */
import { parseReveal, parseView, storyInput, type Story, type StorySummary } from '../story/story.ts';
import { gql } from './client.ts';
import { graphql } from './generated/gql.ts';
import type { StoryFieldsFragment } from './generated/graphql.ts';

export const StoryFields = graphql(`
  fragment StoryFields on Story { id title description version slides { id title notes view reveal } }
`);

export const storyDocs = {
  list: graphql(`
    query Stories { stories { id title description slideCount version } }
  `),
  get: graphql(`
    query Story($id: ID!) { story(id: $id) { ...StoryFields } }
  `),
  create: graphql(`
    mutation CreateStory($input: StoryInput!) { result: createStory(input: $input) { ...StoryFields } }
  `),
  update: graphql(`
    mutation UpdateStory($id: ID!, $version: Int!, $input: StoryInput!) { result: updateStory(id: $id, version: $version, input: $input) { ...StoryFields } }
  `),
  delete: graphql(`
    mutation DeleteStory($id: ID!, $version: Int!) { result: deleteStory(id: $id, version: $version) { type id cascaded } }
  `),
};

/** A story as the API sends it; views and reveals are parsed on the way in (`storyOf`). */
type RawStory = StoryFieldsFragment;

export function storyOf(raw: RawStory): Story {
  return {
    id: raw.id,
    title: raw.title,
    description: raw.description ?? null,
    version: raw.version,
    slides: raw.slides.map((s) => ({ id: s.id, title: s.title ?? null, notes: s.notes ?? null, view: parseView(s.view), reveal: parseReveal(s.reveal) })),
  };
}

export async function fetchStories(signal?: AbortSignal): Promise<StorySummary[]> {
  return (await gql(storyDocs.list, {}, signal)).stories;
}

export async function fetchStory(id: string, signal?: AbortSignal): Promise<Story> {
  return storyOf((await gql(storyDocs.get, { id }, signal)).story);
}

export async function createStory(story: Pick<Story, 'title' | 'description' | 'slides'>): Promise<Story> {
  return storyOf((await gql(storyDocs.create, { input: storyInput(story) })).result);
}

export async function updateStory(id: string, version: number, story: Pick<Story, 'title' | 'description' | 'slides'>): Promise<Story> {
  return storyOf((await gql(storyDocs.update, { id, version, input: storyInput(story) })).result);
}

export async function deleteStory(id: string, version: number): Promise<void> {
  await gql(storyDocs.delete, { id, version });
}
