/** The MME engine options a clinic policy sets. */
import type { MmeOptions } from '../types.ts';
import type { Policy } from './types.ts';

/** The MME options the clinic policy sets (look-back, plausibility bounds). */
export function mmeOptionsOf(policy: Policy): Pick<MmeOptions, 'activeLookbackDays' | 'plausibility'> {
  const p = policy.plausibility;
  return {
    activeLookbackDays: policy.medications.currentLookbackDays.value,
    plausibility: { maxUnitsPerDose: p.maxUnitsPerDose.value, maxMlPerDose: p.maxMlPerDose.value, maxDosesPerDay: p.maxDosesPerDay.value, maxMmePerOrder: p.maxMmePerOrder.value },
  };
}

