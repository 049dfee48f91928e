import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('StorySummary', { description: 'A story in the list of stories: enough to choose one.' })
export class StorySummary {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => Int, { description: 'How many slides it has.' }) slideCount!: number;
  @Field(() => Int, { description: 'Changes with every edit: send it back with an update or delete.' }) version!: number;
}

@ObjectType('Slide', { description: 'One step of a story: a saved view of the explorer with a title and speaker notes.' })
export class SlideRecord {
  @Field(() => ID, { description: 'Unique within its story.' }) id!: string;
  @Field(() => String, { description: 'May be empty.' }) title!: string;
  @Field(() => String, { nullable: true, description: 'Speaker notes.' }) notes!: string | null;
  @Field(() => GraphQLJSONObject, {
    description:
      '{ query, positions, zoom, pan, highlight }: `query` is the explorer\'s URL query string ("?focus=a-zarof&layout=geo": filters, layout, focus, selection, analysis tab, encoding); `positions` maps node ids to {x, y} (null: the layout places them); `zoom` and `pan` ({x, y}) null: fit the view; `highlight` lists node ids.',
  })
  view!: Record<string, unknown>;
  @Field(() => GraphQLJSONObject, { description: '{ by }: none, region (the network appears region by region) or year (it grows year by year).' })
  reveal!: Record<string, unknown>;
}

@ObjectType('Story', { description: 'An ordered list of slides to present the network with (workshop mode).' })
export class StoryRecord {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => Int, { description: 'Changes with every edit: send it back with an update or delete.' }) version!: number;
  @Field(() => [SlideRecord]) slides!: SlideRecord[];
}
