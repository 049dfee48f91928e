import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'Fields of an event. Create: name and kind are required. Update: absent fields stay, null clears.' })
export class EventInput {
  @Field(() => ID, { nullable: true }) id?: string | null;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true, description: 'kick_off, workshop, fair, conference, …' }) kind?: string | null;
  @Field(() => String, { nullable: true, description: 'Partial ISO date.' }) date?: string | null;
  @Field(() => String, { nullable: true, description: 'Partial ISO date.' }) endDate?: string | null;
  @Field(() => ID, { nullable: true }) placeId?: string | null;
  @Field(() => String, { nullable: true }) venue?: string | null;
  @Field(() => ID, { nullable: true }) projectId?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => [String], { nullable: true }) tags?: string[] | null;
  @Field(() => [ID], { nullable: true }) sourceIds?: string[] | null;
}
