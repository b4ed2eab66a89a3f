/**
 * Excluded populations (not-applicable tier) and source gaps. Exclusions (CDC 2022 scope, CDC CDS general
 * inclusion criteria, WA rule): age < policy.risk.minAge; sickle cell disease; active cancer treatment — a
 * malignancy that is clinically active, or recorded/resolved within policy.risk.exclusionLookbackDays, or any
 * malignancy with chemotherapy/radiotherapy (procedure or Z51.0/Z51.1x) in that window; hospice/end-of-life care.
 */
import { addDays } from '../dates.ts';
import { CITE, clinicPolicy, reason } from '../policy/citations.ts';
import type { Policy } from '../policy/types.ts';
import type { Reason, SourceKey } from '../types.ts';
import type { RiskFacts } from './facts.ts';

const r = reason;

/** A source that is not fully read (missing key = loaded; 'not-requested' only matters for optional ones). */
export function sourceGap(facts: Pick<RiskFacts, 'loadStatus'>, key: SourceKey): string | null {
  const s = facts.loadStatus[key];
  if (!s || s.state === 'loaded') return null;
  const why = s.reason ? ` (${s.reason})` : '';
  if (s.state === 'partial') return `only partly read${why}`;
  if (s.state === 'loading') return 'still loading';
  if (s.state === 'not-requested') return `not part of this launch${why}`;
  return `could not be read${why}`;
}

export function exclusionReasons(f: RiskFacts, policy: Policy): Reason[] {
  const out: Reason[] = [];
  // A patient who has died is outside monitoring altogether: nothing else applies.
  if (f.deceased) return [r('NA-deceased', `Patient deceased${f.deceased.date ? ` (${f.deceased.date})` : ''}: outside monitoring`, [CITE.patientRecord])];
  const lookback = policy.risk.exclusionLookbackDays.value;
  const from = addDays(f.asOf, -lookback);
  if (f.age !== null && f.age < policy.risk.minAge.value) {
    out.push(r('NA-age', `Age ${f.age} is under ${policy.risk.minAge.value}: outside adult LTOT monitoring`, [CITE.cdc2022Scope, clinicPolicy(`adults ${policy.risk.minAge.value} and older`)]));
  }
  const sickle = f.conditions.find((c) => c.kind === 'sickle-cell');
  if (sickle) out.push(r('NA-sickle-cell', `Sickle cell disease (${sickle.code}): excluded population`, [CITE.cdc2022Scope, CITE.waRule2025]));
  const malignant = f.conditions.filter((c) => c.kind === 'malignancy');
  const treatment = [
    ...f.procedures.filter((p) => p.kind === 'cancer-treatment' && p.date >= from).map((p) => `${p.display} ${p.date}`),
    ...f.conditions.filter((c) => c.kind === 'cancer-treatment' && (c.date ?? '') >= from).map((c) => `${c.code} ${c.date}`),
  ];
  const activeCancer = malignant.find(
    (c) => c.active || (c.date !== null && c.date >= from) || (c.abatement !== null && c.abatement >= from),
  );
  if (activeCancer || (malignant.length && treatment.length)) {
    const c = activeCancer ?? malignant[0];
    const why = activeCancer
      ? c.active ? 'active' : `recorded/resolved within ${lookback} days`
      : `treatment within ${lookback} days: ${treatment[0]}`;
    out.push(r('NA-cancer', `Active cancer treatment: ${c.display} (${c.code}), ${why}`, [CITE.cdc2022Scope, CITE.cdcCds, clinicPolicy(`treatment within ${lookback} days`)]));
  }
  const eol = f.conditions.find((c) => c.kind === 'end-of-life' && c.active);
  const hospice = f.procedures.find((p) => p.kind === 'end-of-life' && p.date >= from);
  if (eol || hospice) {
    const what = eol ? `${eol.display} (${eol.code})` : `${hospice!.display} on ${hospice!.date}`;
    out.push(r('NA-hospice', `Hospice/end-of-life care: ${what}`, [CITE.cdc2022Scope, CITE.waRules]));
  }
  return out;
}
