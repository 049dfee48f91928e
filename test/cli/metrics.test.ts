/** `npm run metrics`: the CLI spawned as a process on small edge lists and on the karate club. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { hasSna, SNA_DIR, SNA_SKIP_NOTE } from '../support/sna.ts';

if (!hasSna) console.warn(SNA_SKIP_NOTE);

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'server/cli/metrics.ts');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(args: string[], input?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
    if (input !== undefined) child.stdin?.end(input);
    else child.stdin?.end();
  });
}

interface Output {
  nodes: Record<string, { degree: number; weightedDegree: number; betweenness: number; closeness: number; eigenvector: number; pagerank: number; community: number }>;
  modularity: number;
  stats: { nodes: number; edges: number; density: number; components: number };
}

const dir = mkdtempSync(join(tmpdir(), 'netzwerkatlas-metrics-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

// A path a–b–c–d plus an isolated pair e–f: two components, b and c are the brokers.
const PATH = 'source,target,weight\na,b,2\nb,c,1\nc,d,1\ne,f,3\n';

describe('metrics CLI', () => {
  it('prints the metric JSON for a comma-separated edge list', async () => {
    const r = await run([file('path.csv', PATH)]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Output;
    expect(Object.keys(out).sort()).toEqual(['estimates', 'modularity', 'nodes', 'stats']);
    expect((out as unknown as { estimates: unknown[] }).estimates).toEqual([]); // small: all exact
    expect(Object.keys(out.nodes).sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    for (const node of Object.values(out.nodes))
      for (const key of ['degree', 'betweenness', 'closeness', 'eigenvector', 'pagerank', 'community']) expect(node).toHaveProperty(key);
    expect(out.stats).toMatchObject({ nodes: 6, edges: 4, components: 2 });
    expect(out.stats.density).toBeCloseTo((2 * 4) / (6 * 5), 12);
    // b lies on the a–c and a–d paths: 2 pairs of (n-1)(n-2)/2 = 10.
    expect(out.nodes.b?.betweenness).toBeCloseTo(2 / 10, 12);
    expect(out.nodes.a?.betweenness).toBe(0);
    expect(out.nodes.b?.degree).toBe(2);
    expect(out.nodes.a?.weightedDegree).toBe(2);
    // Wasserman–Faust: a reaches 3 of 5 others at distances 1+2+3.
    expect(out.nodes.a?.closeness).toBeCloseTo((3 / 6) * (3 / 5), 12);
    expect(typeof out.modularity).toBe('number');
  });

  it('reads the semicolon form (with decimal commas) and uses weights only with --weighted', async () => {
    const path = file('semi.csv', 'source;target;weight\na;b;2,5\nb;c;1\nc;d;1\ne;f;3\n');
    const [plain, weighted] = await Promise.all([run([path]), run([path, '--weighted'])]);
    expect(plain.code).toBe(0);
    expect(weighted.code).toBe(0);
    const p = JSON.parse(plain.stdout) as Output;
    const w = JSON.parse(weighted.stdout) as Output;
    expect(p.stats).toMatchObject({ nodes: 6, edges: 4, components: 2 });
    expect(p.nodes.a?.weightedDegree).toBe(2.5);
    expect(w.nodes.b?.betweenness).toBe(p.nodes.b?.betweenness); // paths count steps either way
    expect(w.nodes.a?.pagerank).not.toBeCloseTo(p.nodes.a?.pagerank as number, 6);
    expect(w.nodes.a?.eigenvector).not.toBeCloseTo(p.nodes.a?.eigenvector as number, 6);
  });

  it('reads standard input for "-" and reports dropped self-loops on stderr', async () => {
    const r = await run(['-'], 'source,target\nx,x\nx,y\n');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/1 self-loop in stdin dropped/);
    expect((JSON.parse(r.stdout) as Output).stats).toMatchObject({ nodes: 2, edges: 1 });
  });

  it.skipIf(!hasSna)(hasSna ? 'matches networkx on the karate club' : `karate club: ${SNA_SKIP_NOTE}`, async () => {
    const r = await run([join(SNA_DIR, 'karate_edges.csv')]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Output;
    expect(out.stats).toMatchObject({ nodes: 34, edges: 78, components: 1 });
    expect(Math.abs(out.stats.density - 0.139037)).toBeLessThanOrEqual(1e-6);
    const zero = out.nodes['0'];
    expect(zero?.degree).toBe(16);
    expect(Math.abs((zero?.betweenness as number) - 0.437635)).toBeLessThanOrEqual(1e-6);
    expect(Math.abs((zero?.closeness as number) - 0.568966)).toBeLessThanOrEqual(1e-6);
    expect(Math.abs((zero?.eigenvector as number) - 0.355491)).toBeLessThanOrEqual(1e-6);
    expect(out.modularity).toBeGreaterThan(0.37);
    expect(out.modularity).toBeLessThan(0.43);
  });

  it('names the file and line of a bad row, on one stderr line, with exit code 1', async () => {
    const path = file('bad.csv', 'source,target,weight\na,b,1\nb,c,heavy\n');
    const r = await run([path]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const [first, usage] = r.stderr.trimEnd().split('\n');
    expect(first).toBe(`metrics: ${path}: line 3: weight must be a positive number, not "heavy"`);
    expect(usage).toMatch(/^Usage: npm run --silent metrics -- <edges\.csv/);
  });

  it('rejects a bad header, an empty end and a missing file with exit code 1', async () => {
    const [header, empty, missing] = await Promise.all([
      run([file('header.csv', 'from,to\na,b\n')]),
      run([file('empty.csv', 'source,target\na,b\nc,\n')]),
      run([join(dir, 'nope.csv')]),
    ]);
    expect(header.code).toBe(1);
    expect(header.stderr).toMatch(/header\.csv: line 1: the header must name the columns source and target/);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/empty\.csv: line 3: source and target must not be empty/);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot read .*nope\.csv: no such file/);
  });

  it('exits 2 on usage errors and prints the usage for --help', async () => {
    const [none, unknown, two, help] = await Promise.all([run([]), run(['--frob', join(dir, 'path.csv')]), run(['a.csv', 'b.csv']), run(['--help'])]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^metrics: no edge list given\nUsage: /);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^metrics: unknown option --frob\n/);
    expect(two.code).toBe(2);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run --silent metrics/);
    expect(help.stdout).toMatch(/Exit codes: 0 done; 1 .*; 2 usage error/s);
  });
});
