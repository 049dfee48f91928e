"""Reference figures for `npm run bench -- --cordis-like`: the same edge list in networkx or igraph.

Usage: python3 cordis_reference.py networkx|igraph EDGES.tsv OUT.json [--betweenness]

EDGES.tsv: one tie per line, "a<TAB>b" (node numbers 0..n-1), first line "n<TAB>m". Writes, per
step, the seconds it took and the values the bench compares with its own: PageRank (alpha 0.85),
eigenvector centrality, components, articulation points, bridges, Louvain modularity, and with
--betweenness (igraph only) the exact normalised betweenness, the yardstick for the estimate.
"""
import json
import sys
import time


def main():
    lib, edges_file, out_file = sys.argv[1:4]
    want_betweenness = '--betweenness' in sys.argv[4:]
    with open(edges_file) as f:
        n, m = (int(x) for x in f.readline().split())
        edges = [tuple(int(x) for x in line.split()) for line in f]
    assert len(edges) == m, (len(edges), m)
    out = {'library': lib, 'seconds': {}, 'values': {}}

    def step(name, fn):
        t0 = time.perf_counter()
        value = fn()
        out['seconds'][name] = time.perf_counter() - t0
        return value

    if lib == 'networkx':
        import networkx as nx
        out['version'] = nx.__version__
        g = step('build', lambda: _nx_graph(nx, n, edges))
        pr = step('pagerank', lambda: nx.pagerank(g, alpha=0.85, tol=1e-15, max_iter=100000))
        # Power iteration (on A + I, as ours): the numpy variant refuses disconnected graphs.
        ev = step('eigenvector', lambda: nx.eigenvector_centrality(g, max_iter=100000, tol=1e-13))
        comps = step('components', lambda: nx.number_connected_components(g))
        cuts = step('articulation points', lambda: sum(1 for _ in nx.articulation_points(g)))
        bridges = step('bridges', lambda: sum(1 for _ in nx.bridges(g)))
        parts = step('louvain', lambda: nx.community.louvain_communities(g, seed=42))
        out['values']['modularity'] = nx.community.modularity(g, parts)
        out['values']['pagerank'] = [pr[i] for i in range(n)]
        # The sign of an eigenvector is arbitrary: report it positive.
        sign = 1 if sum(ev.values()) >= 0 else -1
        out['values']['eigenvector'] = [sign * ev[i] for i in range(n)]
    else:
        import igraph as ig
        out['version'] = ig.__version__
        g = step('build', lambda: ig.Graph(n=n, edges=edges))
        pr = step('pagerank', lambda: g.pagerank(damping=0.85))
        ev = step('eigenvector', lambda: g.eigenvector_centrality(scale=False))
        comps = step('components', lambda: len(g.connected_components()))
        cuts = step('articulation points', lambda: len(g.articulation_points()))
        bridges = step('bridges', lambda: len(g.bridges()))
        parts = step('louvain', lambda: g.community_multilevel())
        out['values']['modularity'] = parts.modularity
        out['values']['pagerank'] = pr
        norm = sum(x * x for x in ev) ** 0.5 or 1
        out['values']['eigenvector'] = [x / norm for x in ev]
        if want_betweenness:
            scale = 2 / ((n - 1) * (n - 2)) if n > 2 else 1
            b = step('betweenness (exact)', lambda: g.betweenness(directed=False))
            out['values']['betweenness'] = [x * scale for x in b]
    out['values']['components'] = comps
    out['values']['articulationPoints'] = cuts
    out['values']['bridges'] = bridges
    with open(out_file, 'w') as f:
        json.dump(out, f)


def _nx_graph(nx, n, edges):
    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from(edges)
    return g


if __name__ == '__main__':
    main()
