/**
 * Bucket files of the command-line registry: pass 1 appends "patientId<TAB>raw JSON" lines to the
 * bucket chosen by a hash of the patient id; pass 2 reads one bucket and groups it by patient.
 */
import { readFile, type FileHandle } from 'node:fs/promises';
import type { Resource } from 'fhir/r4';

export interface PatientGroup {
  patientId: string;
  resources: Resource[];
}

function hashKey(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Buffered appends to K bucket files (few large writes instead of one per line). */
export class Buckets {
  private readonly buffers: string[][];
  private readonly sizes: number[];
  constructor(private readonly handles: FileHandle[]) {
    this.buffers = handles.map(() => []);
    this.sizes = handles.map(() => 0);
  }
  async add(patientId: string, line: string): Promise<void> {
    const b = hashKey(patientId) % this.handles.length;
    this.buffers[b].push(`${patientId}\t${line}\n`);
    this.sizes[b] += line.length;
    if (this.sizes[b] > 1 << 20) await this.flush(b);
  }
  async flush(b: number): Promise<void> {
    if (!this.buffers[b].length) return;
    await this.handles[b].write(this.buffers[b].join(''));
    this.buffers[b] = [];
    this.sizes[b] = 0;
  }
  async close(): Promise<void> {
    for (let b = 0; b < this.handles.length; b++) await this.flush(b);
    await Promise.all(this.handles.map((h) => h.close()));
  }
}

/** Pass 2 for one bucket file: its lines grouped by patient, each resource once. */
export async function* readBucket(path: string): AsyncGenerator<PatientGroup> {
  const groups = new Map<string, Resource[]>();
  const seen = new Set<string>();
  const text = await readFile(path, 'utf8');
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end < 0 ? text.length : end);
    start = end < 0 ? text.length : end + 1;
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    const pid = line.slice(0, tab);
    const res = JSON.parse(line.slice(tab + 1)) as Resource;
    const dedupe = `${pid}|${res.resourceType}/${res.id}`;
    if (res.id && seen.has(dedupe)) continue; // the same resource in a Bundle and an NDJSON file
    seen.add(dedupe);
    let g = groups.get(pid);
    if (!g) groups.set(pid, (g = []));
    g.push(res);
  }
  for (const [patientId, resources] of groups) yield { patientId, resources };
}
