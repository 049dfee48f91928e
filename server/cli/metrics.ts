/**
 * `npm run --silent metrics -- <edges.csv> [--weighted] [--seed N]`: the metric suite
 * (server/analysis/metrics.ts) on any edge list, as JSON on stdout. See USAGE.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { EdgeListError, parseEdgeList } from '../analysis/edge-list.ts';
import { edgeListGraph } from '../analysis/graph.ts';
import { computeMetrics } from '../analysis/metrics.ts';

const USAGE = `Usage: npm run --silent metrics -- <edges.csv | -> [--weighted] [--seed N]

Reads an undirected edge list (CSV with the header source,target[,weight]; comma or semicolon
separated; '-' reads standard input; repeated pairs add their weights, self-loops are dropped)
and prints JSON to stdout:
  { "nodes": { "<id>": { degree, weightedDegree, betweenness, closeness, eigenvector, pagerank,
                         community, component, constraint, effectiveSize, articulationPoint } },
    "modularity": …,
    "stats": { nodes, edges, density, components, largestComponent, isolates, averagePathLength,
               diameter, degreeCentralization, communities, modularity, articulationPoints, bridges,
               estimates },
    "estimates": [ { metric, method, epsilon, confidence, samples } ] }
Betweenness is normalised by (n-1)(n-2), closeness is Wasserman–Faust's (as networkx computes both).
Both are exact while the graph is small enough (nodes × ties up to 3·10⁸); above that they are
estimated, and "estimates" states each estimate's bound: |estimate − exact| ≤ epsilon with
probability confidence (stats.estimates: the same for average path length and diameter).

Options:
  --weighted  use tie weights for eigenvector, PageRank, Louvain communities and Burt's constraint
              and effective size; betweenness, closeness and path lengths always count steps
              (weights are strengths, not distances); weightedDegree is the sum of tie weights
              either way (missing weights count 1)
  --seed N    Louvain's seed (default 42)
  -h, --help  this text

Exit codes: 0 done; 1 the input could not be read or parsed (missing file, bad header, bad weight:
the message names the file and line) or the metrics could not be computed on it; 2 usage error (no
file, unknown option, bad --seed).`;

class UsageError extends Error {}

const SYNOPSIS = USAGE.split('\n', 1)[0] as string;

/** One line saying what is wrong, one with the usage; then exit. */
function fail(message: string, code: 1 | 2): never {
  process.stderr.write(`metrics: ${message}\n${SYNOPSIS}  (--help for details)\n`);
  process.exit(code);
}

function options(argv: string[]): { file: string; weighted: boolean; seed: number } | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { weighted: { type: 'boolean' }, seed: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: true,
    });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const unknown = /^Unknown option '([^']+)'/.exec(message);
    throw new UsageError(unknown ? `unknown option ${unknown[1]}` : message);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length === 0) throw new UsageError('no edge list given');
  if (positionals.length > 1) throw new UsageError(`one edge list at a time (got ${positionals.length}: ${positionals.join(', ')})`);
  const seed = values.seed === undefined ? 42 : Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0) throw new UsageError(`--seed must be a non-negative integer (got "${values.seed}")`);
  return { file: positionals[0] as string, weighted: values.weighted === true, seed };
}

function readInput(file: string): string {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new EdgeListError(`cannot read ${file}: ${why}`);
  }
}

/** The input's name for messages ('input' until the arguments are read). */
let name = 'input';

function main(argv: string[]): void {
  const opts = options(argv);
  if (opts === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  name = opts.file === '-' ? 'stdin' : opts.file;
  const rows = parseEdgeList(readInput(opts.file), name);
  const { graph, selfLoops } = edgeListGraph(rows);
  if (selfLoops > 0) process.stderr.write(`metrics: note: ${selfLoops} self-loop${selfLoops === 1 ? '' : 's'} in ${name} dropped\n`);
  const result = computeMetrics(graph, { weighted: opts.weighted, seed: opts.seed });
  const nodes: Record<string, unknown> = {};
  for (const x of result.nodes) {
    nodes[x.id] = {
      degree: x.degree,
      weightedDegree: x.weightedDegree,
      betweenness: x.betweenness,
      closeness: x.closeness,
      eigenvector: x.eigenvector,
      pagerank: x.pagerank,
      community: x.community,
      component: x.component,
      constraint: x.constraint,
      effectiveSize: x.effectiveSize,
      articulationPoint: x.articulationPoint,
    };
  }
  process.stdout.write(`${JSON.stringify({ nodes, modularity: result.modularity, stats: result.stats, estimates: result.estimates }, null, 2)}\n`);
}

try {
  main(process.argv.slice(2));
} catch (e) {
  if (e instanceof UsageError) fail(e.message, 2);
  if (e instanceof EdgeListError) fail(e.message, 1);
  // csv-parse's own errors (unclosed quote, …) carry the line.
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('CSV_')) fail(`${name}: ${(e as Error).message}`, 1);
  // Anything else is the suite failing on this input (e.g. a library that does not converge).
  fail(`${name}: the metrics could not be computed: ${e instanceof Error ? e.message : String(e)}`, 1);
}
