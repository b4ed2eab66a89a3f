/**
 * Risk tier from (resources, loadStatus, policy, asOf). The MME is computed by the MME engine unless the
 * caller passes one (the panel summary computes it once; tests pass hand-built MmeResults).
 */
import type { Resource } from 'fhir/r4';
import { mmeFromExposures } from '../mme/index.ts';
import { mmeOptionsOf } from '../policy/mme-options.ts';
import type { Policy } from '../policy/types.ts';
import { withUnreadable } from '../record/load-status.ts';
import { normalizeRecord } from '../record/normalize.ts';
import type { IsoDate, LoadStatus, MmeResult, RiskResult } from '../types.ts';
import { gatherFacts } from './facts.ts';
import { evaluateRisk } from './rules.ts';

/** Risk tier of a resource list (normalised here; the panel summary normalises once and calls evaluateRisk). */
export function computeRiskTier(resources: readonly Resource[], loadStatus: LoadStatus, policy: Policy, asOf: IsoDate, mme?: MmeResult): RiskResult {
  const record = normalizeRecord(resources, policy);
  const total = mme ?? mmeFromExposures(record, { asOf, ...mmeOptionsOf(policy) });
  return evaluateRisk(gatherFacts(record, withUnreadable(loadStatus, record.unreadable), policy, asOf, total), policy);
}

export { evaluateRisk, exclusionReasons, highReasons, moderateReasons, missingPieces, sourceGap } from './rules.ts';
export { gatherFacts, currentAnalgesics, currentMoud, ageAt, type RiskFacts } from './facts.ts';
