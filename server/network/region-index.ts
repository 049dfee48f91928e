/** The region hierarchy in memory: lookups, sub-trees, ancestors and the ancestor of a given kind. */
import type { Region } from '../domain/model.ts';

export class RegionIndex {
  readonly byId: ReadonlyMap<string, Region>;
  private readonly children = new Map<string, string[]>();

  constructor(regions: readonly Region[]) {
    this.byId = new Map(regions.map((r) => [r.id, r]));
    for (const r of regions) {
      if (r.parentId === null) continue;
      const list = this.children.get(r.parentId);
      if (list) list.push(r.id);
      else this.children.set(r.parentId, [r.id]);
    }
  }

  get(id: string): Region | undefined {
    return this.byId.get(id);
  }

  childrenOf(id: string): Region[] {
    return (this.children.get(id) ?? []).map((c) => this.byId.get(c)).filter((r): r is Region => r !== undefined);
  }

  /** The regions and all their descendants. */
  subtree(ids: Iterable<string>): Set<string> {
    const out = new Set<string>();
    const stack = [...ids];
    while (stack.length > 0) {
      const id = stack.pop() as string;
      if (out.has(id)) continue;
      out.add(id);
      for (const c of this.children.get(id) ?? []) stack.push(c);
    }
    return out;
  }

  /** Parent, grand-parent, … (nearest first). */
  ancestors(id: string): Region[] {
    const out: Region[] = [];
    const seen = new Set<string>([id]);
    let cur = this.byId.get(id)?.parentId ?? null;
    while (cur !== null && !seen.has(cur)) {
      const r = this.byId.get(cur);
      if (!r) break;
      out.push(r);
      seen.add(cur);
      cur = r.parentId;
    }
    return out;
  }

  /** The region itself or its nearest ancestor of the given kind. */
  levelOf(id: string, kind: string): string | null {
    const self = this.byId.get(id);
    if (!self) return null;
    if (self.kind === kind) return self.id;
    return this.ancestors(id).find((r) => r.kind === kind)?.id ?? null;
  }
}
