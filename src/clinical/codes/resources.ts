/** Typed selection of resources by resourceType (fhir/r4's Resource is not a discriminated union). */
import type { Resource } from 'fhir/r4';

export function ofType<T extends Resource>(resources: readonly Resource[], type: T['resourceType']): T[] {
  return resources.filter((r): r is T => !!r && r.resourceType === type);
}

/**
 * Runs `fn` on each item, skipping (and reporting through `onError`) any item whose malformed fields make it
 * throw: one bad resource must never take the whole summary down.
 */
export function eachSafely<T>(items: readonly T[], fn: (item: T) => void, onError?: (item: T, e: unknown) => void): void {
  for (const item of items) {
    try {
      fn(item);
    } catch (e) {
      onError?.(item, e);
    }
  }
}
