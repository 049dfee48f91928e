import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'A slide of a story. `view` and `reveal` have the shapes of Slide.view and Slide.reveal; absent or null: the defaults (an empty view, no reveal).' })
export class SlideInput {
  @Field(() => ID, { description: 'Unique within the story.' }) id!: string;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => String, { nullable: true, description: 'Speaker notes.' }) notes?: string | null;
  @Field(() => GraphQLJSONObject, { nullable: true }) view?: Record<string, unknown> | null;
  @Field(() => GraphQLJSONObject, { nullable: true }) reveal?: Record<string, unknown> | null;
}

@InputType({
  description:
    'Fields of a story. Create: title is required, a missing id is derived from it. Update: absent fields stay (absent `slides` keeps the slides; a list replaces them all, in its order), null clears.',
})
export class StoryInput {
  @Field(() => ID, { nullable: true }) id?: string | null;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => [SlideInput], { nullable: true, description: 'At most 100; the whole story at most 2 MB of JSON.' }) slides?: SlideInput[] | null;
}
