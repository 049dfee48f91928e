import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'One change: who made it, when, and the row before and after.' })
export class AuditEntry {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'ISO timestamp.' }) at!: string;
  @Field(() => String, { description: 'The name of the access token (or CLI).' }) who!: string;
  @Field(() => String, { nullable: true }) role!: string | null;
  @Field(() => String, { description: 'create, update, delete, merge or import' }) action!: string;
  @Field(() => String, { description: 'actors, projects, …, stories, cooperations, or batch for an import' }) entityType!: string;
  @Field(() => String, { description: 'The id, a relationship’s natural key, or the imported file.' }) entityId!: string;
  @Field(() => [String], { description: 'Every entity the change touches.' }) refs!: string[];
  @Field(() => GraphQLJSON, { nullable: true }) before!: unknown;
  @Field(() => GraphQLJSON, { nullable: true }) after!: unknown;
  @Field(() => String, { nullable: true }) summary!: string | null;
}

@ObjectType({ description: 'A page of the audit log, newest first.' })
export class AuditPage {
  @Field(() => Int) total!: number;
  @Field(() => [AuditEntry]) entries!: AuditEntry[];
}
