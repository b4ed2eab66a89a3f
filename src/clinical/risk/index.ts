/**
 * Risk tier from (resources, loadStatus, policy, asOf). The MME is computed by the MME engine unless the
 * caller passes one (the panel summary computes it once; tests pass hand-built MmeResults).
 */
import type { Resource } from 'fhir/r4';
import { computeMme } from '../mme/index.ts';
import type { Policy } from '../policy/types.ts';
import type { IsoDate, LoadStatus, MmeResult, RiskResult } from '../types.ts';
import { gatherFacts } from './facts.ts';
import { evaluateRisk } from './rules.ts';

export function computeRiskTier(
  resources: readonly Resource[],
  loadStatus: LoadStatus,
  policy: Policy,
  asOf: IsoDate,
  mme: MmeResult = computeMme(resources, { asOf, activeLookbackDays: policy.medications.currentLookbackDays.value }),
): RiskResult {
  return evaluateRisk(gatherFacts(resources, loadStatus, policy, asOf, mme), policy);
}

export { evaluateRisk, exclusionReasons, highReasons, moderateReasons, missingPieces, sourceGap } from './rules.ts';
export { gatherFacts, currentAnalgesics, currentMoud, ageAt, type RiskFacts } from './facts.ts';
