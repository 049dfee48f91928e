import { Field, Float, ID, InputType } from 'type-graphql';

@InputType({ description: 'Fields of a region. Create: name, kind, lat and lon are required. Update: absent fields stay, null clears.' })
export class RegionInput {
  @Field(() => ID, { nullable: true }) id?: string | null;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true, description: 'state, planning_region, district, city, …' }) kind?: string | null;
  @Field(() => String, { nullable: true, description: 'Official code: AGS or NUTS.' }) code?: string | null;
  @Field(() => Float, { nullable: true }) lat?: number | null;
  @Field(() => Float, { nullable: true }) lon?: number | null;
  @Field(() => ID, { nullable: true }) parentId?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => [String], { nullable: true }) tags?: string[] | null;
  @Field(() => [ID], { nullable: true }) sourceIds?: string[] | null;
}
