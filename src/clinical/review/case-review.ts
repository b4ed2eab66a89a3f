/**
 * The case review for the support team's meeting: one patient's record, section by section, every line taken
 * from the record with its date. Lines the panel computes (MME, dose history, statuses) say so in their note;
 * nothing is inferred without saying so, and what could not be read is listed at the end.
 * Pure: (summary, record, goals, review, asOf) → CaseReview.
 */
import type { Goal, Patient } from 'fhir/r4';
import { CATEGORY_LABEL } from '../conditions/rules.ts';
import { datePart } from '../dates.ts';
import { DISPENSED } from '../record/fills.ts';
import type { ClinicalRecord } from '../record/types.ts';
import type { IsoDate, MonitoringItemId, PanelSummary } from '../types.ts';
import { NEED_LABEL } from './codes.ts';
import type { QueueReason } from './queue.ts';
import type { Review } from './types.ts';

export interface CaseLine {
  /** The date of the fact; null when the record gives none (said in the text). */
  date: IsoDate | null;
  text: string;
  /** How the line was obtained when it is not a plain copy of the record ("computed by the panel…"), or context. */
  note?: string;
}

export interface CaseSection {
  id: string;
  title: string;
  lines: CaseLine[];
  /** Said when there are no lines. */
  empty: string;
  /** One line under the title: what the section is built from. */
  about?: string;
}

export interface CaseReview {
  asOf: IsoDate;
  patient: { name: string; birthDate: IsoDate | null };
  review: Review | null;
  sections: CaseSection[];
}

export interface CaseReviewInput {
  summary: PanelSummary;
  record: ClinicalRecord;
  patient: Patient | null;
  goals: readonly Goal[];
  /** The request being reviewed (null: the patient is on the queue by the clinic's rules). */
  review: Review | null;
  /** Why the rules list the patient (shown when there is no request). */
  listedFor?: readonly QueueReason[];
  /** Earlier reviews of this patient. */
  pastReviews?: readonly Review[];
  asOf: IsoDate;
}

const COMPUTED = 'computed by the panel from the orders and fills read';
const ITEM_LABEL: Record<MonitoringItemId, string> = {
  pdmp: 'PDMP check', udt: 'Urine drug test', agreement: 'Patient agreement', peg: 'PEG', phq9: 'PHQ-9', ort: 'Opioid Risk Tool', naloxone: 'Naloxone',
};
const STATUS: Record<string, string> = {
  overdue: 'overdue', 'due-soon': 'due soon', 'up-to-date': 'up to date', 'never-done': 'never done', 'not-applicable': 'not applicable', unavailable: 'could not check',
};
const KIND: Record<string, string> = { start: 'Started', increase: 'Increased', decrease: 'Decreased', switch: 'Switched', stop: 'Stopped' };

const n1 = (v: number) => String(Math.round(v * 10) / 10);
const mmeText = (v: number | null, complete = true) => (v === null ? 'could not compute' : v === 0 ? 'no opioid in the orders read' : `${complete ? '' : 'at least '}${n1(v)} MME/day`);
const upTo = (date: IsoDate | null, asOf: IsoDate) => date === null || date <= asOf;

function nameOf(p: Patient | null): string {
  const n = p?.name?.find((x) => x.use === 'official') ?? p?.name?.[0];
  if (!n) return 'Name not recorded';
  return n.text ?? ([...(n.given ?? []), n.family].filter(Boolean).join(' ') || 'Name not recorded');
}

function questionSection(review: Review | null, listedFor: readonly QueueReason[]): CaseSection {
  if (!review) {
    return {
      id: 'question', title: 'Why the patient is on the agenda', empty: 'No request and no rule lists this patient.',
      about: 'No clinician has asked about this patient; the clinic\'s review rules list them.',
      lines: listedFor.map((r) => ({ date: r.date, text: r.text, note: r.rule })),
    };
  }
  const lines: CaseLine[] = [
    { date: review.requestedOn, text: `${review.requester ?? 'A clinician'} asked for help with: ${review.needs.map((n) => NEED_LABEL[n]).join('; ') || 'not said'}` },
    { date: review.requestedOn, text: `Question: ${review.question || '(no question written)'}` },
  ];
  for (const r of listedFor.filter((x) => x.kind !== 'request')) lines.push({ date: r.date, text: `Also listed by the clinic's rules: ${r.text}`, note: r.rule });
  return { id: 'question', title: 'The question asked', empty: '', lines };
}

function courseSection(s: PanelSummary): CaseSection {
  const c = s.course;
  const lines: CaseLine[] = [];
  if (c?.start) {
    lines.push({
      date: c.start,
      text: `Current opioid course began ${c.startKnown ? 'on' : 'on or before'} this date${c.days !== null ? ` (${c.days} days${c.longTerm ? ', long-term' : ''})` : ''}`,
      note: c.startKnown ? COMPUTED : 'the orders before this date were not read, so the course may be older',
    });
  }
  for (const seg of c?.history ?? []) {
    lines.push({ date: seg.from, text: `To ${seg.to}: ${mmeText(seg.mmePerDay, seg.complete)}${seg.products.length ? ` — ${seg.products.join(', ')}` : ''}`, note: COMPUTED });
  }
  for (const ch of c?.changes ?? []) {
    const pace = ch.pctPerMonth !== null ? ` (${n1(ch.pctPerMonth)}% a month)` : '';
    lines.push({ date: ch.date, text: `${KIND[ch.kind] ?? ch.kind}: ${mmeText(ch.fromMme)} → ${mmeText(ch.toMme)}${pace} — ${ch.detail}`, note: COMPUTED });
  }
  for (const f of c?.flags ?? []) lines.push({ date: f.date, text: `Flag: ${f.detail}`, note: 'course rule of the clinic policy' });
  if (c?.supplyEnds) {
    lines.push({ date: c.supplyEnds, text: `Current supply runs out${c.daysLeft !== null ? ` (${c.daysLeft >= 0 ? `${c.daysLeft} days left` : `${-c.daysLeft} days ago`})` : ''}`, note: 'from the last fill\'s days\' supply, else the order\'s supply duration' });
  }
  return { id: 'course', title: 'Opioid course and dose history', lines, empty: 'No opioid orders in the orders read.' };
}

function mmeSection(s: PanelSummary): CaseSection {
  const m = s.mme;
  const current = m.orders.filter((o) => !o.flags.includes('not-current'));
  const lines: CaseLine[] = [
    { date: s.asOf, text: `Total: ${m.complete ? mmeText(m.totalPerDay) : `${mmeText(m.atLeast, false)} (an order could not be converted)`} (${m.edition === 'cdc-2022' ? 'CDC 2022' : 'CDC 2016'} factors)`, note: 'as of the review date; computed by the panel' },
    ...current.map((o) => ({ date: o.authoredOn, text: `${o.medication}: ${o.status === 'counted' ? o.derivation : o.reason}`, note: o.status === 'counted' ? 'ordered on this date; arithmetic by the panel' : `not counted: ${o.reason}` })),
    { date: s.asOf, text: `Risk tier: ${s.risk.tier === 'not-applicable' ? 'not in scope' : s.risk.tier}`, note: 'as of the review date; the panel\'s rules' },
    ...s.risk.reasons.map((r) => ({ date: s.asOf, text: r.text, note: r.source })),
  ];
  return { id: 'mme', title: 'MME and risk tier with reasons', lines, empty: '' };
}

function monitoringSection(s: PanelSummary, record: ClinicalRecord, asOf: IsoDate): CaseSection {
  const lines: CaseLine[] = s.monitoring.map((m) => ({
    date: m.lastDate,
    text: `${ITEM_LABEL[m.item]}: ${STATUS[m.status] ?? m.status}${m.lastValue ? ` — last ${m.lastValue}` : ''}${m.dueDate ? `; due ${m.dueDate}` : ''}`,
    note: m.lastDate ? m.reason : `nothing on file — ${m.reason}`,
  }));
  for (const e of record.pdmp.filter((x) => upTo(x.date, asOf))) lines.push({ date: e.date, text: `PDMP check: ${e.value || 'recorded'}` });
  const findings = s.unexpectedUdt;
  for (const t of record.udt.filter((x) => upTo(x.date, asOf))) {
    const f = findings.find((u) => u.date === t.date && u.test === t.test);
    lines.push({ date: t.date, text: `Urine drug test — ${t.test}: ${t.shown}`, ...(f ? { note: f.text } : {}) });
  }
  for (const e of record.agreement.filter((x) => upTo(x.date, asOf))) lines.push({ date: e.date, text: `Patient agreement: ${e.value || 'signed'}` });
  for (const p of s.peg.entries) {
    const items = [p.pain, p.enjoyment, p.activity].every((x) => x !== null) ? ` (pain ${p.pain}, enjoyment ${p.enjoyment}, activity ${p.activity})` : '';
    const change = p.changeFromBaselinePct !== null ? `; ${p.changeFromBaselinePct <= 0 ? `${n1(-p.changeFromBaselinePct)}% better` : `${n1(p.changeFromBaselinePct)}% worse`} than the course baseline` : '';
    lines.push({ date: p.date, text: `PEG ${p.mean.toFixed(1)}${items}${change}`, ...(p === s.peg.baseline ? { note: `baseline: ${s.peg.baselineRule}` } : change ? { note: 'change computed by the panel' } : {}) });
  }
  for (const x of s.phq9) lines.push({ date: x.date, text: `PHQ-9 ${x.value}${x.band ? ` (${x.band})` : ''}` });
  for (const x of s.gad7) lines.push({ date: x.date, text: `GAD-7 ${x.value}${x.band ? ` (${x.band})` : ''}` });
  for (const x of s.ort) lines.push({ date: x.date, text: `Opioid Risk Tool ${x.value}${x.band ? ` (${x.band})` : ''}` });
  return { id: 'monitoring', title: 'Monitoring history', lines, empty: '', about: 'Status of each item, then every PDMP check, urine drug test (with results), agreement, PEG, PHQ-9, GAD-7 and ORT on file.' };
}

function cnsSection(s: PanelSummary): CaseSection {
  const lines = s.medications
    .filter((m) => m.class === 'benzodiazepine' || m.class === 'cns-depressant')
    .map((m) => ({ date: m.filled ?? m.authoredOn, text: `${m.display}${m.detail ? ` — ${m.detail}` : ''}${m.current ? ' (current)' : ''}`, ...(m.why ? { note: m.why } : {}) }));
  return { id: 'cns', title: 'Benzodiazepines and other sedating medicines (CNS depressants)', lines, empty: 'None in the orders, fills and medication lists read.' };
}

const MH_CATEGORIES: ReadonlySet<string> = new Set([CATEGORY_LABEL.oud, CATEGORY_LABEL.overdose, CATEGORY_LABEL['other-sud'], CATEGORY_LABEL.depression, CATEGORY_LABEL['anxiety-ptsd']]);

function conditionSection(s: PanelSummary): CaseSection {
  const lines: CaseLine[] = s.conditions
    .filter((c) => MH_CATEGORIES.has(c.category))
    .map((c) => ({
      date: c.onsetOrRecorded,
      text: `${c.category[0].toUpperCase()}${c.category.slice(1)}: ${c.display} (${c.code})`,
      note: [c.inRemission ? 'in remission' : null, c.clinicalStatus ? `status ${c.clinicalStatus}` : 'no status recorded (counted as active)'].filter(Boolean).join('; '),
    }));
  for (const m of s.medications.filter((x) => x.class === 'moud')) {
    lines.push({ date: m.filled ?? m.authoredOn, text: `Medication for opioid use disorder: ${m.display}${m.current ? ' (current)' : ''}` });
  }
  return { id: 'conditions', title: 'Opioid use disorder, other substance use and mental health', lines, empty: 'None recorded in the conditions read.' };
}

function careSection(s: PanelSummary): CaseSection {
  const care = s.nonOpioidCare;
  const lines: CaseLine[] = [
    ...(care?.medications ?? []).map((m) => ({ date: m.date, text: `${m.display} — ${m.group}${m.current ? ' (current)' : ''}`, note: `from ${m.source === 'order' ? 'an order' : m.source === 'fill' ? 'a pharmacy fill' : 'a reported medication'}` })),
    ...(care?.therapies ?? []).map((t) => ({ date: t.date, text: `${t.therapy}: ${t.display}`, note: `${t.from === 'referral' ? 'referral' : 'procedure'}, status ${t.status}` })),
  ];
  return {
    id: 'non-opioid', title: 'Non-opioid medicines and non-drug treatments tried', lines,
    empty: care ? 'None recorded.' : 'Not read in this launch.',
    about: 'Non-opioid pain medicines current or tried in the last year, and non-drug therapies on record (referrals and procedures).',
  };
}

function naloxoneSection(s: PanelSummary): CaseSection {
  const item = s.monitoring.find((m) => m.item === 'naloxone');
  const lines: CaseLine[] = s.medications
    .filter((m) => m.class === 'naloxone')
    .map((m) => ({ date: m.filled ?? m.authoredOn, text: `${m.display}${m.detail ? ` — ${m.detail}` : ''}` }));
  if (item) lines.unshift({ date: item.lastDate, text: `Naloxone: ${STATUS[item.status] ?? item.status}`, note: item.reason });
  return { id: 'naloxone', title: 'Naloxone', lines, empty: 'No naloxone on file.' };
}

function goalText(g: Goal): string {
  const d = g.description;
  return d?.text ?? d?.coding?.map((c) => c.display).find(Boolean) ?? 'goal without a description';
}

function goalsSection(goals: readonly Goal[], asOf: IsoDate): CaseSection {
  const lines = goals
    .filter((g) => g.lifecycleStatus !== 'entered-in-error')
    .map((g) => {
      const due = g.target?.map((t) => t.dueDate).find(Boolean);
      const achievement = g.achievementStatus?.text ?? g.achievementStatus?.coding?.map((c) => c.display ?? c.code).find(Boolean);
      const byPatient = g.expressedBy?.reference?.startsWith('Patient/') ? 'in the patient\'s words' : null;
      return {
        date: datePart(g.startDate) ?? datePart(g.statusDate),
        text: goalText(g),
        note: [byPatient, `status ${g.lifecycleStatus}`, achievement ? `progress: ${achievement}` : null, due ? `target ${due}` : null, ...(g.note ?? []).map((n) => n.text)].filter(Boolean).join('; '),
      };
    })
    .filter((l) => upTo(l.date, asOf))
    .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
  return {
    id: 'goals', title: 'The patient\'s own goals', lines,
    empty: 'No goals recorded. Ask what the patient would like to be able to do again — function, values and goals.',
  };
}

function prescriberSection(s: PanelSummary, record: ClinicalRecord, asOf: IsoDate): CaseSection {
  const c = s.course;
  const lines: CaseLine[] = [];
  if (c?.responsible) lines.push({ date: null, text: `Prescriber of the newest current opioid order: ${c.responsible}` });
  if (c && c.prescribers.count > 0) {
    lines.push({ date: asOf, text: `${c.prescribers.count} opioid prescriber${c.prescribers.count === 1 ? '' : 's'} in the last ${c.prescribers.windowDays} days: ${c.prescribers.names.join(', ')}`, note: 'from the orders and fills read' });
  }
  const pharmacies = new Map<string, IsoDate | null>();
  for (const d of record.dispenses) {
    if (!d.opioid || !DISPENSED.has(d.status) || !upTo(d.date, asOf)) continue;
    const name = d.resource.performer?.[0]?.actor?.display ?? d.resource.location?.display ?? 'Pharmacy name not recorded';
    const last = pharmacies.get(name);
    if (last === undefined || (d.date ?? '') > (last ?? '')) pharmacies.set(name, d.date);
  }
  for (const [name, date] of pharmacies) lines.push({ date, text: `Pharmacy: ${name}`, note: 'last opioid fill on this date' });
  return { id: 'prescribers', title: 'Prescribers and pharmacies', lines, empty: 'No prescriber or pharmacy recorded.' };
}

function pastSection(past: readonly Review[]): CaseSection {
  const lines = past
    .filter((r) => r.recommendation)
    .map((r) => ({ date: r.recommendation!.date, text: `Recommendation (help with ${r.needs.map((n) => NEED_LABEL[n]).join('; ') || 'not said'}): ${r.recommendation!.summary.split('\n')[0]}`, ...(r.acknowledged ? { note: `read by ${r.acknowledged.by ?? 'the clinician'}${r.acknowledged.on ? ` on ${r.acknowledged.on}` : ''}` } : {}) }));
  return { id: 'past', title: 'Earlier support team reviews', lines, empty: 'None.' };
}

export function assembleCaseReview(input: CaseReviewInput): CaseReview {
  const { summary: s, record, asOf } = input;
  const sections = [
    questionSection(input.review, input.listedFor ?? []),
    courseSection(s),
    mmeSection(s),
    monitoringSection(s, record, asOf),
    cnsSection(s),
    conditionSection(s),
    careSection(s),
    naloxoneSection(s),
    goalsSection(input.goals, asOf),
    prescriberSection(s, record, asOf),
    pastSection(input.pastReviews ?? []),
    { id: 'not-read', title: 'What could not be read', lines: s.notes.map((text) => ({ date: null, text })), empty: 'Everything searched was read.' },
  ];
  return { asOf, patient: { name: nameOf(input.patient), birthDate: input.patient?.birthDate ?? null }, review: input.review, sections };
}
