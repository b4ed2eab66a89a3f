/**
 * One whole Bulk Data export: kick-off at the chosen level, poll, download every output file
 * (streamed), hand each resource to `onResource`. Cancelling the signal sends DELETE to the server.
 */
import { cancelExport, downloadNdjson, kickOff, pollStatus, type FetchLike, type PollOptions } from './client.ts';
import type { ExportLevel } from './capability.ts';
import { BulkError } from './errors.ts';

export interface ExportRequest {
  fhirBase: string;
  level: ExportLevel;
  groupId?: string;
  types?: readonly string[];
  signal?: AbortSignal;
  onProgress?: (text: string) => void;
  onResource: (r: { resourceType: string }) => void;
  poll?: Omit<PollOptions, 'signal' | 'onProgress'>;
}

export function exportUrl(base: string, level: ExportLevel, groupId?: string, types?: readonly string[]): string {
  const b = base.replace(/\/$/, '');
  const path = level === 'group' ? `/Group/${encodeURIComponent(groupId ?? '')}/$export` : level === 'patient' ? '/Patient/$export' : '/$export';
  const q = new URLSearchParams({ _outputFormat: 'application/fhir+ndjson' });
  if (types?.length) q.set('_type', types.join(','));
  return `${b}${path}?${q}`;
}

export async function runBulkExport(fetchFn: FetchLike, req: ExportRequest): Promise<{ resources: number; files: number }> {
  // The kick-off runs to its answer even when cancelled meanwhile: only with the job's status URL can a cancel
  // delete the job the server may already have started.
  const statusUrl = await kickOff(fetchFn, exportUrl(req.fhirBase, req.level, req.groupId, req.types));
  if (req.signal?.aborted) {
    await cancelExport(fetchFn, statusUrl);
    throw new BulkError('cancelled', 'export cancelled');
  }
  const onAbort = () => void cancelExport(fetchFn, statusUrl);
  req.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const manifest = await pollStatus(fetchFn, statusUrl, { ...req.poll, signal: req.signal, onProgress: req.onProgress });
    let resources = 0;
    for (const [i, out] of manifest.output.entries()) {
      req.onProgress?.(`downloading ${out.type} (file ${i + 1} of ${manifest.output.length})`);
      resources += await downloadNdjson(fetchFn, out.url, req.onResource, req.signal);
    }
    return { resources, files: manifest.output.length };
  } catch (e) {
    // A cancel that lands while a status poll or a download is in flight rejects that fetch with the platform's
    // AbortError: it is the same cancel as one that lands during a sleep, and is said the same way.
    if (req.signal?.aborted && !(e instanceof BulkError)) throw new BulkError('cancelled', 'export cancelled');
    throw e;
  } finally {
    req.signal?.removeEventListener('abort', onAbort);
  }
}
