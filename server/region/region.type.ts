import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { NodeRef, SourceType } from '../common/common.type.ts';
import { EventSummary } from '../project/project.type.ts';

@ObjectType({ description: 'A project or event aimed at this region.' })
export class RegionTargeting {
  @Field(() => Int, { description: 'The row version, for updates and deletes.' }) version!: number;
  @Field(() => String, { description: 'target or partner' }) role!: string;
  @Field(() => NodeRef) subject!: NodeRef;
  @Field(() => [SourceType]) sources!: SourceType[];
}

@ObjectType({ description: 'A region: state, planning region, district, city, municipality, metropolitan or cooperation region.' })
export class Region {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'Changes with every edit: send it back with an update or delete (optimistic locking).' }) version!: number;
  @Field(() => String) name!: string;
  @Field(() => String) kind!: string;
  @Field(() => String, { nullable: true, description: 'Official code: AGS or NUTS.' }) code!: string | null;
  @Field(() => Float) lat!: number;
  @Field(() => Float) lon!: number;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => [String]) tags!: string[];
  @Field(() => NodeRef, { nullable: true }) parent!: NodeRef | null;
  @Field(() => [NodeRef], { description: 'Parent, grand-parent, … (nearest first).' }) ancestors!: NodeRef[];
  @Field(() => [NodeRef]) children!: NodeRef[];
  @Field(() => [NodeRef], { description: 'Actors located directly in this region (not in sub-regions), at most 500.' }) actors!: NodeRef[];
  @Field(() => Int) actorCount!: number;
  @Field(() => [EventSummary]) events!: EventSummary[];
  @Field(() => [RegionTargeting]) targetedBy!: RegionTargeting[];
  @Field(() => [SourceType]) sources!: SourceType[];
}

@ObjectType({ description: 'A region in the list of all regions (for filters and maps).' })
export class RegionSummary {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) kind!: string;
  @Field(() => String, { nullable: true }) code!: string | null;
  @Field(() => ID, { nullable: true }) parentId!: string | null;
  @Field(() => Float) lat!: number;
  @Field(() => Float) lon!: number;
}
