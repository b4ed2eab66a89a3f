/**
 * Monitoring schedule from (resources, loadStatus, policy, asOf): PDMP, UDT, agreement, PEG, PHQ-9, ORT,
 * naloxone, in that order. Intervals follow the risk tier (unknown → moderate). When the tier is not-applicable
 * every item is not-applicable with the tier's reason, except naloxone for a patient on MOUD: it is evaluated as
 * usual (due unless a rescue kit was ordered; buprenorphine-naloxone is not one, pitfall 1): the LTOT schedule
 * does not apply to them, but their overdose risk does.
 */
import type { Resource } from 'fhir/r4';
import { addDays } from '../dates.ts';
import { mmeFromExposures } from '../mme/index.ts';
import { prescribedAround, prescribedExposures } from '../medications/prescribed.ts';
import { unexpectedFindings } from '../observations/udt.ts';
import { mmeOptionsOf } from '../policy/mme-options.ts';
import type { Policy } from '../policy/types.ts';
import { withUnreadable } from '../record/load-status.ts';
import { normalizeRecord } from '../record/normalize.ts';
import type { ClinicalRecord } from '../record/types.ts';
import { gatherFacts, upTo, type RiskFacts } from '../risk/facts.ts';
import { evaluateRisk } from '../risk/rules.ts';
import type { IsoDate, LoadStatus, MmeResult, MonitoringItem, RiskResult } from '../types.ts';
import { agreementItem, notApplicable, ortItem, pdmpItem, pegItem, phq9Item, udtItem, type MonitoringContext } from './items.ts';
import { naloxoneItem } from './naloxone.ts';

export interface Derived {
  context: MonitoringContext;
  facts: RiskFacts;
}

/** Facts and monitoring context as of a date, from the normalised record. `loadStatus` already counts unreadable records. */
export function deriveContext(record: ClinicalRecord, loadStatus: LoadStatus, policy: Policy, asOf: IsoDate, mme: MmeResult, risk?: RiskResult, findings = true): Derived {
  const facts = gatherFacts(record, loadStatus, policy, asOf, mme);
  const udt = upTo(record.udt, asOf);
  const prescribed = prescribedExposures(record);
  const lookback = policy.udt.prescribedLookbackDays.value;
  const current = policy.medications.currentLookbackDays.value;
  const ordersSince = loadStatus.medications?.since ?? null;
  const context: MonitoringContext = {
    asOf,
    policy,
    loadStatus,
    risk: risk ?? evaluateRisk(facts, policy),
    pdmp: upTo(record.pdmp, asOf),
    agreement: upTo(record.agreement, asOf),
    udt,
    // A test is judged only when the orders read reach back to its look-back (an older test's orders were not read).
    unexpectedUdt: !findings ? [] : unexpectedFindings(udt.filter((t) => !ordersSince || addDays(t.date, -lookback) >= ordersSince), (date) => prescribedAround(prescribed, date, lookback, current)),
    peg: upTo(record.peg, asOf),
    phq9: facts.phq9,
    phq2: upTo(record.phq2, asOf),
    ort: facts.ort,
  };
  return { context, facts };
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

/** Monitoring schedule of a resource list (normalised here; the panel summary normalises once). */
export function computeMonitoring(resources: readonly Resource[], loadStatus: LoadStatus, policy: Policy, asOf: IsoDate, mme?: MmeResult, risk?: RiskResult): MonitoringItem[] {
  const record = normalizeRecord(resources, policy);
  const total = mme ?? mmeFromExposures(record, { asOf, ...mmeOptionsOf(policy) });
  const { context, facts } = deriveContext(record, withUnreadable(loadStatus, record.unreadable), policy, asOf, total, risk);
  return monitoringItems(context, facts);
}
