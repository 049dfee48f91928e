import { Field, InputType, Int } from 'type-graphql';

@InputType({ description: 'A category of the coverage profile: the actor kinds that count for it and how many a region should have.' })
export class ProfileCategoryInput {
  @Field(() => String) key!: string;
  @Field(() => [String], { description: 'Actor kinds: company, startup, university, …' }) kinds!: string[];
  @Field(() => Int, { defaultValue: 1 }) minimum!: number;
}
