import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'Fields of a project. Create: name is required. Update: absent fields stay, null clears.' })
export class ProjectInput {
  @Field(() => ID, { nullable: true }) id?: string | null;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) programme?: string | null;
  @Field(() => String, { nullable: true, description: 'Partial ISO date: 2024, 2024-03 or 2024-03-15.' }) start?: string | null;
  @Field(() => String, { nullable: true, description: 'Partial ISO date.' }) end?: string | null;
  @Field(() => String, { nullable: true, description: 'planned, running, completed or unknown' }) status?: string | null;
  @Field(() => [String], { nullable: true }) goals?: string[] | null;
  @Field(() => [String], { nullable: true }) results?: string[] | null;
  @Field(() => ID, { nullable: true }) predecessorId?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => [String], { nullable: true }) tags?: string[] | null;
  @Field(() => [ID], { nullable: true }) sourceIds?: string[] | null;
}
