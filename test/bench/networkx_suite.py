"""The metric suite of server/analysis/metrics.ts in networkx, timed per step, for `npm run bench`
(test/bench/metrics-bench.ts). Reads an edge list (header source,target[,weight]) and optionally the
actors' regions (header id,region) for the brokerage roles; prints one JSON object to stdout:
timings in ms per step (graph loading not included in the total), whole-network figures and the
per-node values that the benchmark compares with its own.

    python3 test/bench/networkx_suite.py EDGES.csv [--regions REGIONS.csv] [--seed 42] [--weighted]
                                         [--louvain-sweep 10]

Progress goes to stderr. Unweighted unless --weighted, like the suite: betweenness, closeness and
path lengths always count steps. --louvain-sweep K also records the Louvain modularity range over
seeds 0..K-1 (untimed), the spread the suite's own Louvain is judged against.
"""
import argparse
import csv
import json
import sys
import time

import networkx as nx


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('edges')
    ap.add_argument('--regions')
    ap.add_argument('--seed', type=int, default=42)
    ap.add_argument('--weighted', action='store_true')
    ap.add_argument('--louvain-sweep', type=int, default=0)
    args = ap.parse_args()
    weight = 'weight' if args.weighted else None

    timings = {}
    def step(name, f):
        t0 = time.perf_counter()
        out = f()
        ms = (time.perf_counter() - t0) * 1000
        timings[name] = timings.get(name, 0) + ms
        print(f'  networkx: {name} {ms / 1000:.2f} s', file=sys.stderr, flush=True)
        return out

    def load():
        G = nx.Graph()
        with open(args.edges, newline='') as f:
            for r in csv.DictReader(f):
                a, b = r['source'], r['target']
                G.add_node(a)
                G.add_node(b)
                if a == b:
                    continue
                w = float(r.get('weight') or 1)
                if G.has_edge(a, b):
                    G[a][b]['weight'] += w
                else:
                    G.add_edge(a, b, weight=w)
        region = {}
        if args.regions:
            with open(args.regions, newline='') as f:
                for r in csv.DictReader(f):
                    G.add_node(r['id'])
                    region[r['id']] = r['region']
        return G, region

    t_load = time.perf_counter()
    try:  # the solvers networkx loads lazily: imported here, so that no step pays for it
        import numpy  # noqa: F401
        import scipy.sparse  # noqa: F401
        import scipy.sparse.linalg  # noqa: F401
    except ImportError:
        pass
    G, region = load()
    load_ms = (time.perf_counter() - t_load) * 1000

    degree = step('degree', lambda: {v: (d, G.degree(v, weight='weight')) for v, d in G.degree()})
    betweenness = step('betweenness', lambda: nx.betweenness_centrality(G, normalized=True))
    closeness = step('closeness', lambda: nx.closeness_centrality(G))

    def path_lengths():
        # One BFS per node, as average_shortest_path_length and diameter per component would do.
        total = pairs = diameter = 0
        for v in G:
            dist = nx.single_source_shortest_path_length(G, v)
            total += sum(dist.values())
            pairs += len(dist) - 1
            diameter = max(diameter, max(dist.values()))
        return (total / pairs if pairs else None), diameter

    apl, diameter = step('path lengths', path_lengths)

    def eigen():
        # The numpy solver refuses disconnected graphs (AmbiguousSolution); there the power iteration
        # on A + I from the uniform start, to the suite's tolerance (server/analysis/eigenvector.ts).
        if len(G) > 0 and nx.is_connected(G):
            try:
                return nx.eigenvector_centrality_numpy(G, weight=weight)
            except ImportError:  # no scipy
                pass
        return nx.eigenvector_centrality(G, weight=weight, max_iter=100_000, tol=1e-12)

    eigenvector = step('eigenvector', eigen)
    pagerank = step('pagerank', lambda: nx.pagerank(G, weight=weight))

    def louvain():
        parts = nx.community.louvain_communities(G, weight=weight, seed=args.seed)
        return parts, nx.community.modularity(G, parts, weight=weight)

    communities, modularity = step('louvain', louvain)
    components = step('components', lambda: [len(c) for c in nx.connected_components(G)])
    articulation = step('cut points', lambda: set(nx.articulation_points(G)))
    bridges = step('cut points', lambda: list(nx.bridges(G)))
    constraint = step('burt', lambda: nx.constraint(G, weight=weight))
    effective_size = step('burt', lambda: nx.effective_size(G, weight=weight))

    def brokerage():
        # Gould–Fernandez on undirected open triads a–b–c, counted as server/analysis/brokerage.ts does.
        totals = {'coordinator': 0, 'gatekeeper': 0, 'representative': 0, 'itinerant': 0, 'liaison': 0}
        adj = {v: set(G[v]) for v in G}
        for b in G:
            gb = region.get(b)
            if gb is None:
                continue
            nbrs = [v for v in G[b] if region.get(v) is not None]
            for i, a in enumerate(nbrs):
                ga = region[a]
                na = adj[a]
                for c in nbrs[i + 1:]:
                    if c in na:
                        continue
                    gc = region[c]
                    if ga == gb and gc == gb:
                        totals['coordinator'] += 1
                    elif ga == gc:
                        totals['itinerant'] += 1
                    elif ga == gb or gc == gb:
                        totals['gatekeeper'] += 1
                        totals['representative'] += 1
                    else:
                        totals['liaison'] += 1
        return totals

    roles = step('brokerage', brokerage)

    sweep = None
    if args.louvain_sweep > 0:
        t0 = time.perf_counter()
        qs = [nx.community.modularity(G, nx.community.louvain_communities(G, weight=weight, seed=s), weight=weight) for s in range(args.louvain_sweep)]
        sweep = {'seeds': args.louvain_sweep, 'min': min(qs), 'max': max(qs), 'mean': sum(qs) / len(qs)}
        print(f'  networkx: louvain seeds 0..{args.louvain_sweep - 1} (untimed) {time.perf_counter() - t0:.2f} s', file=sys.stderr, flush=True)

    n = G.number_of_nodes()
    m = G.number_of_edges()
    nan_none = lambda d: {k: (None if v != v else v) for k, v in d.items()}
    out = {
        'networkx': nx.__version__,
        'python': sys.version.split()[0],
        'loadMs': load_ms,
        'timings': timings,
        'totalMs': sum(timings.values()),
        'stats': {
            'nodes': n,
            'edges': m,
            'density': nx.density(G),
            'components': len(components),
            'largestComponent': max(components, default=0),
            'averagePathLength': apl,
            'diameter': diameter,
            'communities': len(communities),
            'modularity': modularity,
            'modularitySweep': sweep,
            'articulationPoints': len(articulation),
            'bridges': len(bridges),
        },
        'brokerage': roles,
        'nodes': {
            'degree': {v: d for v, (d, _) in degree.items()},
            'weightedDegree': {v: s for v, (_, s) in degree.items()},
            'betweenness': betweenness,
            'closeness': closeness,
            'eigenvector': eigenvector,
            'pagerank': pagerank,
            'constraint': nan_none(constraint),
            'effectiveSize': nan_none(effective_size),
        },
    }
    json.dump(out, sys.stdout)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
