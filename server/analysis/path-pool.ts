/**
 * The path searches of one metric run, split across threads: the calling thread (the analysis
 * worker, or the main thread in the CLI) runs its share of the jobs itself while `threads − 1`
 * helper threads (path.worker.ts) run theirs on the same adjacency in shared memory. Jobs come
 * pre-split by path-plan.ts (one piece per thread of each kind), handed out round-robin.
 * A helper that cannot start or fails leaves its jobs to the calling thread.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PathWorkerMessage, PathWorkerReply } from './path.worker.ts';
import { runPathJob, type Adjacency, type PathJob, type PathPart } from './paths.ts';
import { bootstrap } from './runner.ts';

export class PathPool {
  readonly threads: number;
  private helpers: (Worker | null)[] = [];
  private readonly pending = new Map<number, { resolve: (p: PathPart) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private nextAdjacency = 1;
  private readonly shared = new WeakMap<Adjacency, { id: number; adjacency: Adjacency }>();
  /** Which adjacency each helper holds (it keeps one). */
  private readonly held = new WeakMap<Worker, number>();

  constructor(threads = Math.min(2, availableParallelism())) {
    this.threads = Math.max(1, threads);
  }

  private helper(i: number): Worker | null {
    let w = this.helpers[i];
    if (w !== undefined) return w;
    try {
      w = new Worker(bootstrap(new URL('./path.worker.ts', import.meta.url).href), { eval: true });
      w.unref();
      w.on('message', (msg: PathWorkerReply) => {
        const p = this.pending.get(msg.id);
        if (!p) return;
        this.pending.delete(msg.id);
        if ('error' in msg) p.reject(new Error(msg.error));
        else p.resolve(msg.part);
      });
      const fail = (e: Error) => {
        this.helpers[i] = null;
        for (const p of this.pending.values()) p.reject(e);
        this.pending.clear();
      };
      w.on('error', fail);
      w.on('exit', (code) => fail(new Error(`path worker exited (${code})`)));
    } catch {
      w = null;
    }
    this.helpers[i] = w;
    return w;
  }

  /** The adjacency in shared memory (copied once per adjacency). */
  private share(adj: Adjacency) {
    let s = this.shared.get(adj);
    if (!s) {
      const copy = (a: Int32Array) => {
        const out = new Int32Array(new SharedArrayBuffer(a.byteLength));
        out.set(a);
        return out;
      };
      s = { id: this.nextAdjacency++, adjacency: { offsets: copy(adj.offsets), targets: copy(adj.targets) } };
      this.shared.set(adj, s);
    }
    return s;
  }

  async run(adj: Adjacency, jobs: PathJob[]): Promise<PathPart[]> {
    const out: (PathPart | Promise<PathPart>)[] = new Array(jobs.length);
    const local: number[] = [];
    const shared = this.threads > 1 && jobs.length > 1 ? this.share(adj) : null;
    jobs.forEach((job, i) => {
      const executor = i % this.threads;
      const w = executor === 0 || !shared ? null : this.helper(executor - 1);
      if (!w || !shared) return void local.push(i);
      const id = this.nextId++;
      const first = this.held.get(w) !== shared.id;
      this.held.set(w, shared.id);
      const msg: PathWorkerMessage = { adjacencyId: shared.id, id, job, ...(first ? { adjacency: shared.adjacency } : {}) };
      out[i] = new Promise<PathPart>((resolve, reject) => {
        this.pending.set(id, { resolve, reject });
        w.postMessage(msg);
      }).catch(() => runPathJob(adj, job));
    });
    for (const i of local) out[i] = runPathJob(adj, jobs[i] as PathJob);
    return Promise.all(out);
  }

  async close(): Promise<void> {
    const ws = this.helpers.filter((w): w is Worker => w !== null && w !== undefined);
    this.helpers = [];
    await Promise.all(ws.map((w) => w.terminate()));
  }
}
