import { Field, ID, InputType, Int } from 'type-graphql';
import type { NodeType as NodeTypeName } from '../domain/model.ts';
import { NodeType } from '../common/common.type.ts';

@InputType({ description: 'Which part of the network to show. All conditions combine (AND); lists within one condition are alternatives (OR).' })
export class NetworkFilter {
  @Field(() => [ID], { nullable: true, description: 'Actors located in these regions or their sub-regions, and the projects and events tied to them.' })
  regionIds?: string[] | null;
  @Field(() => [String], { nullable: true }) actorKinds?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Actors with at least one of these sectors.' }) sectors?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Only these projects and the actors taking part in them.' }) projectIds?: string[] | null;
  @Field(() => Int, { nullable: true, description: 'Year window start (inclusive). Open-ended projects and undated ties count as active.' })
  fromYear?: number | null;
  @Field(() => Int, { nullable: true, description: 'Year window end (inclusive).' }) toYear?: number | null;
  @Field(() => Boolean, { nullable: true, description: 'Direct ties stated in sources (default true).' }) includeDirect?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Ties derived from shared projects and events (default true).' })
  includeDerived?: boolean | null;
  @Field(() => [NodeType], { nullable: true, description: 'Node types to include (default all).' }) nodeTypes?: NodeTypeName[] | null;
  @Field(() => Int, { nullable: true, description: 'Maximum number of nodes (default 5,000, at most 100,000).' }) limit?: number | null;
}
