/**
 * The client's modules import one another without cycles, type imports included, and the API layer
 * (client/api) knows nothing of the explorer state that uses it (the circle api/analysis.ts →
 * state/explorer.ts → state/network.ts → api/analysis.ts is gone and stays gone).
 * The page may import the pure modules in shared/ (the pseudonym numbering it shares with the server),
 * never server code. Uses TypeScript's own import scanner (`ts.preProcessFile`), so multi-line and type-only imports count.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const client = join(root, 'client');
const shared = join(root, 'shared');

function modules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return modules(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Module → the client modules it imports or re-exports (relative specifiers, `import type` included). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of [...modules(client), ...modules(shared)]) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, false);
    const deps = importedFiles.filter((i) => i.fileName.startsWith('.')).map((i) => relative(root, resolve(dirname(file), i.fileName)));
    graph.set(relative(root, file), deps);
  }
  return graph;
}

function cycles(graph: Map<string, string[]>): string[] {
  const found: string[] = [];
  const stack: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (n: string) => {
    state.set(n, 'open');
    stack.push(n);
    for (const m of graph.get(n) ?? []) {
      if (state.get(m) === 'open') found.push([...stack.slice(stack.indexOf(m)), m].join(' → '));
      else if (!state.has(m)) visit(m);
    }
    stack.pop();
    state.set(n, 'done');
  };
  for (const n of graph.keys()) if (!state.has(n)) visit(n);
  return found;
}

describe('client imports', () => {
  const graph = importGraph();

  it('reads every client module and resolves its imports to files that exist', () => {
    expect(graph.size).toBeGreaterThan(50);
    const targets = [...graph.values()].flat().filter((t) => /\.tsx?$/.test(t));
    expect(targets.length).toBeGreaterThan(100);
    for (const t of targets) expect(graph.has(t) || /\.(css)$/.test(t), t).toBe(true);
    expect(targets.filter((t) => t.startsWith('server/'))).toEqual([]);
    expect(targets).toContain('shared/pseudonyms.ts');
  });

  it('form no cycle', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    expect(cycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual(['a → b → c → a']);
  });

  it('keep the API layer free of the explorer state', () => {
    const upward = [...graph].filter(([from]) => from.startsWith('client/api/')).flatMap(([from, deps]) => deps.filter((d) => d.startsWith('client/state/')).map((d) => `${from} → ${d}`));
    expect(upward).toEqual([]);
  });
});
