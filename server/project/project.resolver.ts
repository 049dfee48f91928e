import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { EntityMutations } from '../common/edit.resolver.ts';
import { ProjectInput } from './project.input.ts';
import { DETAIL_LIST_LIMIT, ref, sourcesOf } from '../common/common.type.ts';
import type { Context } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import type { GraphStore, HasVersion, ProjectDetails } from '../store/graph-store.ts';
import type { Region as RegionRow, Source, Target } from '../domain/model.ts';
import { Project, type Targeting } from './project.type.ts';

const ROLE_ORDER = ['lead', 'partner', 'associated', 'advisory', 'service_provider', 'funder'];

/** A target or partner region of a project or event, with its provenance. */
export function toTargeting(t: Target & { region: RegionRow } & HasVersion, all: readonly Source[]): Targeting {
  return { version: t.version, role: t.role, region: ref('REGION', t.region), description: t.description, sources: sourcesOf(t.sourceIds, all) };
}

export function toProject(d: ProjectDetails): Project {
  const src = (ids: string[]) => sourcesOf(ids, d.sources);
  const parts = [...d.participations].sort(
    (a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || a.actor.name.localeCompare(b.actor.name, 'de'),
  );
  return {
    ...d.project,
    version: d.version,
    participants: parts.slice(0, DETAIL_LIST_LIMIT).map((p) => ({
      version: p.version,
      role: p.role,
      actor: ref('ACTOR', p.actor),
      contribution: p.contribution,
      description: p.description,
      sources: src(p.sourceIds),
    })),
    participantCount: parts.length,
    funders: parts.filter((p) => p.role === 'funder').map((p) => ref('ACTOR', p.actor)),
    events: d.events
      .slice(0, DETAIL_LIST_LIMIT)
      .map((e) => ({ id: e.id, name: e.name, kind: e.kind, date: e.date, place: e.place ? ref('REGION', e.place) : null })),
    targets: d.targets.map((t) => toTargeting(t, d.sources)),
    predecessor: d.predecessor ? ref('PROJECT', d.predecessor) : null,
    successors: d.successors.map((s) => ref('PROJECT', s)),
    sources: src(d.project.sourceIds),
  };
}

const readProject = async (store: GraphStore, id: string) => {
  const d = await store.projectDetails(id);
  return d ? toProject(d) : null;
};

@Resolver(() => Project)
export class ProjectResolver extends EntityMutations({ key: 'projects', name: 'Project', input: ProjectInput, output: Project, read: readProject }) {
  @Query(() => Project, { description: 'A project with its participants and their roles, events, target regions and predecessor.' })
  async project(@Arg('id', () => ID) id: string, @Ctx() { store }: Context): Promise<Project> {
    const d = await store.projectDetails(id);
    if (!d) throw new NotFoundError('project', id);
    return toProject(d);
  }
}
