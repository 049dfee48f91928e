/** The GraphQL schema, built by type-graphql from the resolvers of each domain folder. */
import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { ActorResolver } from './actor/actor.resolver.ts';
import { AuditResolver } from './audit/audit.resolver.ts';
import { AuthResolver } from './auth/auth.resolver.ts';
import { CaptureResolver } from './capture/capture.resolver.ts';
import { CooperationResolver, EventParticipationResolver, ParticipationResolver, TargetResolver } from './relation/relation.resolver.ts';
import { SourceResolver } from './source/source.resolver.ts';
import { EventResolver } from './event/event.resolver.ts';
import { MetricsResolver } from './metrics/metrics.resolver.ts';
import { NetworkResolver } from './network/network.resolver.ts';
import { ProjectResolver } from './project/project.resolver.ts';
import { RegionResolver } from './region/region.resolver.ts';
import { SearchResolver } from './search/search.resolver.ts';
import { StoryResolver } from './story/story.resolver.ts';

let built: Promise<GraphQLSchema> | null = null;

export function buildAppSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: [
      SearchResolver,
      ActorResolver,
      ProjectResolver,
      RegionResolver,
      EventResolver,
      SourceResolver,
      StoryResolver,
      ParticipationResolver,
      EventParticipationResolver,
      CooperationResolver,
      TargetResolver,
      NetworkResolver,
      MetricsResolver,
      AuditResolver,
      AuthResolver,
      CaptureResolver,
    ],
    validate: false,
  });
  return built;
}

/** The SDL committed as server/schema.graphql (sorted, so diffs are stable). */
export async function printAppSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await buildAppSchema()))}\n`;
}
