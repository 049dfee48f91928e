import { Field, InputType, Int, registerEnumType } from 'type-graphql';

@InputType({ description: 'A category of the coverage profile: the actor kinds that count for it and how many a region should have.' })
export class ProfileCategoryInput {
  @Field(() => String) key!: string;
  @Field(() => [String], { description: 'Actor kinds: company, startup, university, …' }) kinds!: string[];
  @Field(() => Int, { defaultValue: 1 }) minimum!: number;
}

/** The tie weight of the weighted measures. */
export enum TieWeighting {
  COUNT = 'count',
  NEWMAN = 'newman',
}
registerEnumType(TieWeighting, {
  name: 'TieWeighting',
  description: "The tie weight of the weighted measures: COUNT — cooperations plus shared projects and events; NEWMAN — cooperations plus Newman's collaboration weight 1/(n − 1) per shared project or event of n partners.",
});
