import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A source document with its version (for editing).' })
export class SourceRecord {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'Changes with every edit: send it back with an update or delete.' }) version!: number;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true }) url!: string | null;
  @Field(() => String, { nullable: true, description: 'Partial ISO date.' }) date!: string | null;
  @Field(() => String, { nullable: true }) publisher!: string | null;
}

@InputType({ description: 'Fields of a source. Create: title is required, a missing id is derived from it. Update: absent fields stay, null clears.' })
export class SourceInput {
  @Field(() => ID, { nullable: true }) id?: string | null;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => String, { nullable: true }) url?: string | null;
  @Field(() => String, { nullable: true, description: 'Partial ISO date.' }) date?: string | null;
  @Field(() => String, { nullable: true }) publisher?: string | null;
}
