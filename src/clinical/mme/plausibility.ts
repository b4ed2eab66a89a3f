/**
 * Plausibility bounds: an order beyond them is a data-entry error until a person says otherwise ("1e9 tablets",
 * "every 0.000000001 hours"), so it is shown "implausible — verify" and not counted, never as a confident MME.
 * The clinic sets the values (policy `plausibility`); these defaults match public/policy.json.
 */
import type { PlausibilityBounds } from '../types.ts';
import type { DoseAmount } from './quantity.ts';
import { fmt } from './format.ts';

export const PLAUSIBILITY: PlausibilityBounds = { maxUnitsPerDose: 10, maxMlPerDose: 60, maxDosesPerDay: 24, maxMmePerOrder: 5000 };

/** Why one dose is implausible, or null. */
export function implausibleDose(dose: DoseAmount | undefined, bounds: PlausibilityBounds): string | null {
  if (!dose) return null;
  if (dose.kind === 'count' && !dose.unitless && dose.value > bounds.maxUnitsPerDose) return `${fmt(dose.value)} ${dose.label || 'units'} per dose (more than ${fmt(bounds.maxUnitsPerDose)})`;
  if (dose.kind === 'count' && dose.unitless && dose.value > bounds.maxUnitsPerDose) return `${fmt(dose.value)} units per dose (more than ${fmt(bounds.maxUnitsPerDose)})`;
  if (dose.kind === 'volume' && dose.mL > bounds.maxMlPerDose) return `${fmt(dose.mL)} mL per dose (more than ${fmt(bounds.maxMlPerDose)} mL)`;
  return null;
}

export function implausibleFrequency(perDay: number, bounds: PlausibilityBounds): string | null {
  return perDay > bounds.maxDosesPerDay ? `${fmt(perDay)} doses a day (more than ${fmt(bounds.maxDosesPerDay)})` : null;
}

export const IMPLAUSIBLE = 'implausible — verify';
