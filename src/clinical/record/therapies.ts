/**
 * Non-drug pain therapies (physical therapy, CBT, chiropractic, acupuncture…) from referrals (ServiceRequest) and
 * procedures, classified by care/classify-therapy.ts. A referral counts while not revoked or entered in error; a
 * procedure when completed or in progress.
 */
import type { Procedure, ServiceRequest } from 'fhir/r4';
import { classifyTherapy } from '../care/index.ts';
import { conceptText } from '../codes/systems.ts';
import { datePart } from '../dates.ts';
import { refOf } from './naming.ts';
import type { TherapyFact } from './types.ts';

const REFERRED = new Set(['active', 'completed', 'on-hold', 'unknown']);
const DONE = new Set(['completed', 'in-progress']);

export function therapyFacts(referrals: readonly ServiceRequest[], procedures: readonly Procedure[]): TherapyFact[] {
  const out: TherapyFact[] = [];
  for (const r of referrals) {
    if (!REFERRED.has(r.status) || r.intent === 'proposal' || r.intent === 'plan') continue;
    const c = r.code ? classifyTherapy(r.code) : null;
    if (!c) continue;
    const date = datePart(r.occurrenceDateTime) ?? datePart(r.occurrencePeriod?.start) ?? datePart(r.authoredOn);
    out.push({ ref: refOf(r), therapy: c.therapy, display: conceptText(r.code) || c.therapy, date, status: r.status, from: 'referral', matchedBy: c.matchedBy });
  }
  for (const p of procedures) {
    if (!DONE.has(p.status)) continue;
    const c = classifyTherapy(p.code);
    if (!c) continue;
    const date = datePart(p.performedDateTime) ?? datePart(p.performedPeriod?.end) ?? datePart(p.performedPeriod?.start);
    out.push({ ref: refOf(p), therapy: c.therapy, display: conceptText(p.code) || c.therapy, date, status: p.status, from: 'procedure', matchedBy: c.matchedBy });
  }
  return out;
}
