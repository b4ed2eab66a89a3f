/**
 * Fault injection for tests (loopback only). POST /sandbox/faults with JSON
 *   { method?: 'GET'|'POST', resourceType?: string, status: number, times?: number (default 1),
 *     retryAfterSeconds?: number, delayMs?: number, afterPages?: number }
 * makes the next `times` matching FHIR requests answer `status` (an OperationOutcome; 429 carries Retry-After,
 * 401 carries WWW-Authenticate). `afterPages: N` lets the first N pages of a search through and fails the later
 * pages (a page is identified by its `_offset`). `delayMs` delays the answer (status 0 with delayMs = only a delay,
 * for timeouts). DELETE /sandbox/faults clears them; POST /sandbox/revoke revokes every token.
 */
export interface Fault {
  method?: string;
  resourceType?: string;
  status: number;
  times?: number;
  retryAfterSeconds?: number;
  delayMs?: number;
  afterPages?: number;
}

export class Faults {
  private list: Fault[] = [];

  add(f: Fault): void {
    if (typeof f.status !== 'number') throw new Error('fault.status must be a number');
    this.list.push({ ...f, times: f.times ?? 1 });
  }

  clear(): void {
    this.list = [];
  }

  /** The fault to apply to this request, consuming one of its `times`. */
  take(method: string, resourceType: string | null, url: URL): Fault | null {
    for (const f of this.list) {
      if (f.method && f.method !== method) continue;
      if (f.resourceType && f.resourceType !== resourceType) continue;
      if (f.afterPages !== undefined) {
        const count = Number(url.searchParams.get('_count') ?? 50) || 50;
        const page = Math.floor(Number(url.searchParams.get('_offset') ?? 0) / count);
        if (page < f.afterPages) continue;
      }
      f.times = (f.times ?? 1) - 1;
      if (f.times <= 0) this.list = this.list.filter((x) => x !== f);
      return f;
    }
    return null;
  }
}
