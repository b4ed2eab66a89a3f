/**
 * Responsible prescriber = MedicationRequest.requester of the patient's most recent current opioid
 * analgesic order (6BB: each LTOT patient is assigned to one responsible prescriber).
 */
import type { MedicationRequest, Practitioner, Resource } from 'fhir/r4';
import type { PanelSummary } from '../clinical/types.ts';
import type { Prescriber } from './types.ts';

export const UNASSIGNED: Prescriber = { key: 'unassigned', display: 'No prescriber recorded' };

/** "Dr Ana Ruiz" from a Practitioner resource (text, else given + family), or null. */
export function practitionerName(p: Practitioner | undefined): string | null {
  const n = p?.name?.[0];
  if (!n) return null;
  if (n.text) return n.text;
  const parts = [...(n.prefix ?? []), ...(n.given ?? []), n.family ?? ''].filter(Boolean);
  return parts.length ? parts.join(' ') : null;
}

/** Looks up Practitioner resources by "Practitioner/<id>" reference (shared across patients). */
export type PractitionerLookup = (reference: string) => Practitioner | undefined;

export function prescriberOf(
  summary: PanelSummary,
  resources: readonly Resource[],
  lookup: PractitionerLookup = () => undefined,
): Prescriber {
  const currentOpioidIds = new Set(
    summary.medications.filter((m) => m.class === 'opioid' && m.current).map((m) => m.medicationRequestId),
  );
  const orders = resources.filter(
    (r): r is MedicationRequest => r.resourceType === 'MedicationRequest' && currentOpioidIds.has(r.id ?? ''),
  );
  orders.sort((a, b) => (b.authoredOn ?? '').localeCompare(a.authoredOn ?? ''));
  const requester = orders.find((o) => o.requester)?.requester;
  if (requester?.reference || requester?.display) {
    const key = requester.reference ?? `display:${requester.display}`;
    const local = resources.find(
      (r): r is Practitioner => r.resourceType === 'Practitioner' && `Practitioner/${r.id}` === key,
    );
    const display = requester.display ?? practitionerName(local ?? lookup(key)) ?? key;
    return { key, display };
  }
  // Fall back to what the MME engine recorded, when it carries the requester.
  const fromMme = summary.mme.orders.find((o) => currentOpioidIds.has(o.medicationRequestId) && o.requester);
  if (fromMme?.requester) return { key: fromMme.requester, display: fromMme.requester };
  return UNASSIGNED;
}
