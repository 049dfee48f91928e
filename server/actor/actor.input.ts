import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'Fields of an actor. Create: name and kind are required, a missing id is derived from the name. Update: absent fields stay, null clears.' })
export class ActorInput {
  @Field(() => ID, { nullable: true }) id?: string | null;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true, description: 'company, startup, university, … (see the schema docs)' }) kind?: string | null;
  @Field(() => [String], { nullable: true }) sectors?: string[] | null;
  @Field(() => ID, { nullable: true }) regionId?: string | null;
  @Field(() => String, { nullable: true }) website?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => [String], { nullable: true }) tags?: string[] | null;
  @Field(() => [ID], { nullable: true }) sourceIds?: string[] | null;
}
