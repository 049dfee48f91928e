/**
 * A read worker: opens its own connection to the store and answers read jobs (read-jobs.ts) one at
 * a time, with a fresh store view (empty caches) whenever the main store's data moved on.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../config.ts';
import { runReadJob, type ReadJob } from './read-jobs.ts';
import { storeViews } from './store-view.ts';
import { toThreadError, type ThreadError } from './thread-errors.ts';

export interface ReadRequest {
  id: number;
  revision: number;
  job: ReadJob;
}
export type ReadReply = { id: number; result: unknown } | ({ id: number } & ThreadError);

const storeAt = storeViews((workerData as { config: Config }).config);

parentPort?.on('message', (msg: ReadRequest) => {
  const reply = (r: ReadReply) => parentPort?.postMessage(r);
  storeAt(msg.revision)
    .then((store) => runReadJob(store, msg.job))
    .then(
      (result) => reply({ id: msg.id, result }),
      (e: unknown) => reply({ id: msg.id, ...toThreadError(e) }),
    );
});
