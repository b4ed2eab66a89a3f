/**
 * Bulk Data client errors, in words the registry view can show ("could not export: ...").
 */
import type { OperationOutcome } from 'fhir/r4';

export type BulkErrorKind = 'kick-off' | 'status' | 'expired' | 'download' | 'cancelled' | 'timeout';

export class BulkError extends Error {
  constructor(
    readonly kind: BulkErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'BulkError';
  }
}

/** The diagnostics of an OperationOutcome body, or the HTTP status text. */
export async function describeFailure(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as OperationOutcome;
    const texts = (body.issue ?? []).map((i) => i.diagnostics ?? i.details?.text ?? i.code).filter(Boolean);
    if (texts.length) return `${res.status}: ${texts.join('; ')}`;
  } catch {
    // not JSON: fall through to the status line
  }
  return `${res.status} ${res.statusText}`.trim();
}
