/**
 * Monitoring schedule from (resources, loadStatus, policy, asOf): PDMP, UDT, agreement, PEG, PHQ-9, ORT,
 * naloxone, in that order. Intervals follow the risk tier (unknown → moderate). When the tier is not-applicable
 * every item is not-applicable with the tier's reason, except naloxone for a patient on MOUD: it is evaluated as
 * usual (due unless a rescue kit was ordered; buprenorphine-naloxone is not one, pitfall 1): the LTOT schedule
 * does not apply to them, but their overdose risk does.
 */
import type { Resource } from 'fhir/r4';
import { computeMme } from '../mme/index.ts';
import { substancesOf, prescribedAround } from '../medications/prescribed.ts';
import { agreementEvents, pdmpEvents } from '../observations/evidence.ts';
import { readPeg } from '../observations/peg.ts';
import { readPhq2 } from '../observations/scores.ts';
import { readUdtTests, unexpectedFindings } from '../observations/udt.ts';
import { resultedObservations } from '../observations/values.ts';
import type { Policy } from '../policy/types.ts';
import { gatherFacts, type RiskFacts } from '../risk/facts.ts';
import { evaluateRisk } from '../risk/rules.ts';
import type { IsoDate, LoadStatus, MmeResult, MonitoringItem, RiskResult } from '../types.ts';
import { agreementItem, notApplicable, ortItem, pdmpItem, pegItem, phq9Item, udtItem, type MonitoringContext } from './items.ts';
import { naloxoneItem } from './naloxone.ts';

export interface Derived {
  context: MonitoringContext;
  facts: RiskFacts;
  /** Agreement documents seen but not counted (printed, preliminary…). */
  agreementNotes: string[];
}

export function deriveContext(resources: readonly Resource[], loadStatus: LoadStatus, policy: Policy, asOf: IsoDate, mme: MmeResult, risk?: RiskResult): Derived {
  const facts = gatherFacts(resources, loadStatus, policy, asOf, mme);
  const observations = resultedObservations(resources, asOf);
  const udt = readUdtTests(observations, policy);
  const orders = substancesOf(resources);
  const lookback = policy.udt.prescribedLookbackDays.value;
  const current = policy.medications.currentLookbackDays.value;
  const agreement = agreementEvents(resources, observations, policy, asOf);
  const context: MonitoringContext = {
    asOf,
    policy,
    loadStatus,
    risk: risk ?? evaluateRisk(facts, policy),
    pdmp: pdmpEvents(resources, observations, policy, asOf),
    agreement: agreement.events,
    udt,
    unexpectedUdt: unexpectedFindings(udt, (date) => prescribedAround(orders, date, lookback, current)),
    peg: readPeg(observations, policy),
    phq9: facts.phq9 as MonitoringContext['phq9'],
    phq2: readPhq2(observations, policy),
    ort: facts.ort,
  };
  return { context, facts, agreementNotes: agreement.notSigned };
}

export function monitoringItems(ctx: MonitoringContext, facts: RiskFacts): MonitoringItem[] {
  if (ctx.risk.tier === 'not-applicable') {
    const why = ctx.risk.reasons.map((r) => r.text).join('; ');
    const items = (['pdmp', 'udt', 'agreement', 'peg', 'phq9', 'ort'] as const).map((id) => notApplicable(id, why));
    const onMoud = ctx.risk.reasons.every((r) => r.id === 'NA-no-opioid') && /MOUD/.test(why);
    // A patient on MOUD is outside the long-term opioid therapy schedule but at high overdose risk: naloxone is
    // still evaluated (CDC 2022 Rec 8; a buprenorphine-naloxone order is not a rescue kit — pitfall 1).
    return [...items, onMoud ? naloxoneItem(ctx, facts) : notApplicable('naloxone', why)];
  }
  return [pdmpItem(ctx), udtItem(ctx), agreementItem(ctx), pegItem(ctx), phq9Item(ctx), ortItem(ctx), naloxoneItem(ctx, facts)];
}

export function computeMonitoring(
  resources: readonly Resource[],
  loadStatus: LoadStatus,
  policy: Policy,
  asOf: IsoDate,
  mme: MmeResult = computeMme(resources, { asOf, activeLookbackDays: policy.medications.currentLookbackDays.value }),
  risk?: RiskResult,
): MonitoringItem[] {
  const { context, facts } = deriveContext(resources, loadStatus, policy, asOf, mme, risk);
  return monitoringItems(context, facts);
}
