/**
 * Non-opioid pain care as of a date, for the panel, the note and the case review: the non-opioid pain medicines
 * (current, or ordered, filled or reported in the last year — "tried") and the non-drug therapies on record
 * (referrals and procedures on or before asOf), newest first, each with what it was matched by.
 */
import { addDays } from '../dates.ts';
import { assessCurrency } from '../mme/currency.ts';
import type { Policy } from '../policy/types.ts';
import { fillCovers, statementCovers } from '../record/fills.ts';
import type { ClinicalRecord } from '../record/types.ts';
import type { IsoDate, NonOpioidCare } from '../types.ts';

const TRIED_DAYS = 365;

export function nonOpioidCareAt(record: Pick<ClinicalRecord, 'orders' | 'dispenses' | 'statements' | 'therapies'>, policy: Policy, asOf: IsoDate): NonOpioidCare {
  const since = addDays(asOf, -TRIED_DAYS);
  const medications: NonOpioidCare['medications'] = [];
  const seen = new Set<string>();
  const add = (e: NonOpioidCare['medications'][number]) => {
    const key = `${e.display.toLowerCase()}|${e.current}`;
    if (seen.has(key)) return;
    seen.add(key);
    medications.push(e);
  };
  for (const o of record.orders) {
    if (!o.painCare || !o.orderDate || o.orderDate > asOf) continue;
    let current = false;
    try {
      current = assessCurrency(o.resource, asOf, policy.medications.currentLookbackDays.value, undefined, o.authored).current;
    } catch {
      current = false;
    }
    if (current || o.orderDate >= since) add({ id: o.resource.id ?? '', display: o.display, group: o.painCare.group, detail: o.painCare.detail, current, date: o.orderDate, source: 'order', matchedBy: o.painCare.matchedBy });
  }
  for (const d of record.dispenses) {
    if (!d.painCare || !d.date || d.date > asOf || d.date < since) continue;
    add({ id: d.resource.id ?? '', display: d.display, group: d.painCare.group, detail: d.painCare.detail, current: fillCovers(d, asOf), date: d.date, source: 'fill', matchedBy: d.painCare.matchedBy });
  }
  for (const s of record.statements) {
    const date = s.start ?? s.asserted;
    if (!s.painCare || (date && date > asOf)) continue;
    add({ id: s.resource.id ?? '', display: s.display, group: s.painCare.group, detail: s.painCare.detail, current: statementCovers(s, asOf), date, source: 'statement', matchedBy: s.painCare.matchedBy });
  }
  const therapies = record.therapies
    .filter((t) => !t.date || t.date <= asOf)
    .map(({ ref: _ref, ...t }) => t)
    .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
  medications.sort((a, b) => Number(b.current) - Number(a.current) || (b.date ?? '').localeCompare(a.date ?? ''));
  return { medications, therapies };
}
