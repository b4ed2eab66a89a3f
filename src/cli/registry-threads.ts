/**
 * Pass 2 of the command-line registry on several threads: each thread asks for the next bucket
 * file (whole patients), returns its CSV text, and at the end its counts, which are merged.
 * Memory: one bucket per thread at a time.
 */
import { Worker } from 'node:worker_threads';
import type { Policy } from '../clinical/policy/index.ts';
import type { RegistryReport } from '../registry/accumulate.ts';
import { mergeReports } from '../registry/merge.ts';
import type { Partitioned } from './registry-partition.ts';
import type { ThreadData, ThreadIn, ThreadOut } from './registry-thread.ts';

/** Worker threads do not inherit `--import tsx`: a tiny ESM bootstrap registers tsx, then loads the thread. */
function bootstrapUrl(): URL {
  const tsx = import.meta.resolve('tsx/esm/api');
  const thread = new URL('./registry-thread.ts', import.meta.url).href;
  const code = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(thread)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

export async function runThreads(
  input: Partitioned,
  o: { asOf: string; months: number; policy: Policy; threads: number },
  writeCsv: (text: string) => Promise<void>,
): Promise<RegistryReport> {
  const queue = [...input.bucketPaths];
  const data: ThreadData = { asOf: o.asOf, months: o.months, policy: o.policy, shared: [...input.shared] };
  let writes = Promise.resolve();
  let writeError: unknown = null; // the first failed CSV write, thrown once the threads are done
  const one = () => new Promise<RegistryReport>((resolve, reject) => {
    const w = new Worker(bootstrapUrl(), { workerData: data });
    const send = (m: ThreadIn) => w.postMessage(m);
    w.on('message', (m: ThreadOut) => {
      if (m.type === 'csv') writes = writes.then(() => (writeError ? undefined : writeCsv(m.text))).catch((e: unknown) => { writeError ??= e; });
      else if (m.type === 'ready') {
        const next = queue.shift();
        send(next ? { type: 'bucket', path: next } : { type: 'finish' });
      } else {
        resolve(m.report);
        void w.terminate();
      }
    });
    w.on('error', reject);
    w.on('exit', (code) => code !== 0 && code !== 1 && reject(new Error(`registry thread exited with ${code}`)));
  });
  const reports = await Promise.all(Array.from({ length: Math.min(o.threads, input.bucketPaths.length) }, one));
  await writes;
  if (writeError) throw writeError;
  return reports.reduce(mergeReports);
}
