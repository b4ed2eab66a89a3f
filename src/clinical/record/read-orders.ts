/** Every MedicationRequest of a resource list read once (with the Medications it references). */
import type { MedicationRequest, Resource } from 'fhir/r4';
import { indexMedications } from '../mme/resolve-medication.ts';
import { isUnreadable, readOrder } from './orders.ts';
import type { OrderFact, UnreadableRecord } from './types.ts';

export function readOrders(resources: readonly Resource[]): { orders: OrderFact[]; unreadable: UnreadableRecord[] } {
  const index = indexMedications(resources);
  const orders: OrderFact[] = [];
  const unreadable: UnreadableRecord[] = [];
  for (const r of resources) {
    if (!r || r.resourceType !== 'MedicationRequest') continue;
    const fact = readOrder(r as MedicationRequest, index);
    if (isUnreadable(fact)) unreadable.push(fact);
    else orders.push(fact);
  }
  return { orders, unreadable };
}
