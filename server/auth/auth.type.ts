import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum Role {
  VIEWER = 'viewer',
  EDITOR = 'editor',
  ADMIN = 'admin',
}
registerEnumType(Role, { name: 'Role', description: 'viewer reads, editor also changes the network, admin also manages access tokens.' });

@ObjectType({ description: 'Who is asking, and what they may do.' })
export class Me {
  @Field(() => Role, { nullable: true, description: 'null: no token (reading only, when the server allows it).' }) role!: Role | null;
  @Field(() => String, { nullable: true, description: 'The token’s name.' }) name!: string | null;
  @Field(() => Boolean) canEdit!: boolean;
  @Field(() => Boolean) canAdmin!: boolean;
  @Field(() => String, { description: 'open (anyone may read) or token (reading needs a token)' }) readAccess!: string;
  @Field(() => Boolean, { description: 'A pseudonymised share link: every answer names actors by kind and number ("Unternehmen 3") and leaves free text out.' })
  pseudonymous!: boolean;
}

@ObjectType({ description: 'A named access token (the secret itself is never stored).' })
export class AccessToken {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => Role) role!: Role;
  @Field(() => String) createdAt!: string;
  @Field(() => String, { nullable: true }) createdBy!: string | null;
  @Field(() => String, { nullable: true }) lastUsedAt!: string | null;
  @Field(() => String, { nullable: true }) revokedAt!: string | null;
  @Field(() => Boolean) active!: boolean;
  @Field(() => Boolean, { description: 'Answers for this token carry pseudonyms instead of actor names (viewer tokens only).' }) pseudonymous!: boolean;
}

@ObjectType({ description: 'A new token: the secret and the sign-in link are shown only now.' })
export class CreatedToken {
  @Field(() => AccessToken) token!: AccessToken;
  @Field(() => String) secret!: string;
  @Field(() => String, { description: 'Opens the explorer signed in with this token.' }) signInUrl!: string;
}
