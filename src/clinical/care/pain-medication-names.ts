/**
 * Non-opioid pain medication groups by ingredient and US brand name (word-bounded, case-insensitive), for one
 * medication text. Used by classifyPainMedication (care/classify-medication.ts) and by scripts/gen-valuesets.ts
 * to give each RxNorm code of the non-opioid pain medication value sets its group from its display — one rule for
 * both. No imports of generated files (the generator imports this module).
 *
 * Groups follow AHRQ's Pain Management Summary sections ("Non-opioid medications", "Adjuvant analgesics") and the
 * CDC 2022 guideline's non-opioid options (Rec 2: NSAIDs, acetaminophen, SNRIs/TCAs, gabapentinoids for neuropathic
 * pain, topical NSAIDs/lidocaine/capsaicin):
 *  - gabapentinoids are also CNS depressants (CDC 2022 Rec 11): `alsoCnsDepressant` says so;
 *  - muscle relaxants are CNS depressants first (medications/classify.ts); as pain care they are "other adjuvant"
 *    with `alsoCnsDepressant`;
 *  - topical forms (gel, patch, cream, …) of an NSAID, lidocaine, capsaicin or a salicylate rub are "topical"; menthol
 *    or camphor alone is not counted (anti-itch powders, chest rubs), nor lidocaine in first-aid, anti-itch,
 *    haemorrhoid or procedural-numbing combinations;
 *  - products that contain an opioid are opioid therapy (the MME engine's), never non-opioid care;
 *  - cough-and-cold combinations (dextromethorphan, decongestants, sedating antihistamines other than
 *    diphenhydramine) are not pain care;
 *  - aspirin counts as an NSAID only at an analgesic strength (≥ 300 mg); low-dose aspirin is for the heart;
 *  - lidocaine only in a topical form (an injection is a procedure's anaesthetic).
 */
import { findOpioidNames } from '../drugs/opioid-ingredients.ts';

import type { PainMedicationGroup } from './types.ts';

export type { PainMedicationGroup };

export interface PainNameMatch {
  group: PainMedicationGroup;
  /** The ingredient or brand matched ("duloxetine", "Voltaren → diclofenac"). */
  name: string;
  /** e.g. "topical NSAID (diclofenac)", "muscle relaxant", "SNRI (duloxetine)". */
  detail: string;
  /** Gabapentinoids and muscle relaxants are also CNS depressants (CDC 2022 Rec 11). */
  alsoCnsDepressant?: 'gabapentinoid' | 'muscle relaxant';
}

const NSAID = [
  'ibuprofen', 'naproxen', 'meloxicam', 'celecoxib', 'diclofenac', 'etodolac', 'nabumetone', 'indomethacin', 'ketorolac',
  'ketoprofen', 'flurbiprofen', 'piroxicam', 'oxaprozin', 'sulindac', 'diflunisal', 'salsalate', 'fenoprofen',
  'mefenamic acid', 'meclofenamate', 'tolmetin', 'choline magnesium trisalicylate', 'magnesium salicylate',
];
const NSAID_BRANDS: Record<string, string> = {
  advil: 'ibuprofen', motrin: 'ibuprofen', aleve: 'naproxen', naprosyn: 'naproxen', anaprox: 'naproxen', naprelan: 'naproxen',
  mobic: 'meloxicam', vivlodex: 'meloxicam', celebrex: 'celecoxib', elyxyb: 'celecoxib', cambia: 'diclofenac', zorvolex: 'diclofenac',
  arthrotec: 'diclofenac', toradol: 'ketorolac', sprix: 'ketorolac', indocin: 'indomethacin', tivorbex: 'indomethacin',
  relafen: 'nabumetone', daypro: 'oxaprozin', feldene: 'piroxicam', lodine: 'etodolac', dolobid: 'diflunisal',
};
const TOPICAL_NSAID_BRANDS: Record<string, string> = { voltaren: 'diclofenac', pennsaid: 'diclofenac', flector: 'diclofenac', licart: 'diclofenac' };
const ACETAMINOPHEN = ['acetaminophen', 'paracetamol', 'tylenol', 'ofirmev'];
const SNRI: Record<string, string> = {
  duloxetine: 'duloxetine', cymbalta: 'duloxetine', drizalma: 'duloxetine', milnacipran: 'milnacipran', savella: 'milnacipran',
  venlafaxine: 'venlafaxine', effexor: 'venlafaxine', desvenlafaxine: 'desvenlafaxine', pristiq: 'desvenlafaxine',
  levomilnacipran: 'levomilnacipran', fetzima: 'levomilnacipran',
};
const TCA: Record<string, string> = {
  amitriptyline: 'amitriptyline', elavil: 'amitriptyline', nortriptyline: 'nortriptyline', pamelor: 'nortriptyline',
  desipramine: 'desipramine', norpramin: 'desipramine', imipramine: 'imipramine', tofranil: 'imipramine', doxepin: 'doxepin',
  clomipramine: 'clomipramine', protriptyline: 'protriptyline', trimipramine: 'trimipramine', amoxapine: 'amoxapine',
};
const GABAPENTINOID: Record<string, string> = {
  gabapentin: 'gabapentin', pregabalin: 'pregabalin', neurontin: 'gabapentin', gralise: 'gabapentin', horizant: 'gabapentin',
  lyrica: 'pregabalin', mirogabalin: 'mirogabalin',
};
const TOPICAL_ONLY: Record<string, string> = {
  lidocaine: 'lidocaine', lidoderm: 'lidocaine', ztlido: 'lidocaine', capsaicin: 'capsaicin', qutenza: 'capsaicin', zostrix: 'capsaicin',
  'methyl salicylate': 'methyl salicylate', 'trolamine salicylate': 'trolamine salicylate',
  salonpas: 'methyl salicylate/menthol', bengay: 'methyl salicylate/menthol', aspercreme: 'trolamine salicylate/lidocaine',
};
const MUSCLE_RELAXANT: Record<string, string> = {
  cyclobenzaprine: 'cyclobenzaprine', flexeril: 'cyclobenzaprine', amrix: 'cyclobenzaprine', methocarbamol: 'methocarbamol',
  robaxin: 'methocarbamol', tizanidine: 'tizanidine', zanaflex: 'tizanidine', baclofen: 'baclofen', lioresal: 'baclofen',
  metaxalone: 'metaxalone', skelaxin: 'metaxalone', orphenadrine: 'orphenadrine', chlorzoxazone: 'chlorzoxazone',
  dantrolene: 'dantrolene', carisoprodol: 'carisoprodol', soma: 'carisoprodol',
};
const OTHER_ADJUVANT: Record<string, string> = { carbamazepine: 'carbamazepine', tegretol: 'carbamazepine', oxcarbazepine: 'oxcarbazepine', trileptal: 'oxcarbazepine' };

const COLD_REMEDY = /\b(dextromethorphan|guaifenesin|phenylephrine|pseudoephedrine|chlorpheniramine|brompheniramine|dexbrompheniramine|doxylamine|carbinoxamine|triprolidine|codeine)\b/i;
const TOPICAL_FORM = /\b(topical|transdermal|patch|plaster|gel|cream|ointment|lotion|foam|medicated pad|roll-on|liniment|dermal)\b/i;
// Topical lidocaine in first-aid, anti-itch, haemorrhoid or procedural-numbing products is not pain care.
const NOT_PAIN_TOPICAL = /\b(hydrocortisone|benzalkonium|benzethonium|neomycin|bacitracin|polymyxin|prilocaine|pramoxine|zinc|tetracaine|epinephrine|phenylephrine)\b/i;
const NOT_TOPICAL = /\b(ophthalmic|otic|injection|injectable|prefilled syringe|cartridge|rectal|oral|mucosal|mucous membrane|dental|buccal)\b/i;

const words = (keys: readonly string[]) => new RegExp(`\\b(${keys.map((k) => k.replace(/ /g, '\\s+')).join('|')})\\b`, 'i');
const RE = {
  nsaid: words(NSAID),
  nsaidBrand: words(Object.keys(NSAID_BRANDS)),
  topicalNsaidBrand: words(Object.keys(TOPICAL_NSAID_BRANDS)),
  acetaminophen: words(ACETAMINOPHEN),
  aspirin: /\b(aspirin|acetylsalicylic acid)\b(?:\s+(\d+(?:\.\d+)?)\s*mg)?/i,
  snri: words(Object.keys(SNRI)),
  tca: words(Object.keys(TCA)),
  gabapentinoid: words(Object.keys(GABAPENTINOID)),
  topicalOnly: words(Object.keys(TOPICAL_ONLY)),
  muscleRelaxant: words(Object.keys(MUSCLE_RELAXANT)),
  otherAdjuvant: words(Object.keys(OTHER_ADJUVANT)),
  butalbital: /\bbutalbital\b|\bfioricet\b|\bfiorinal\b/i,
};

const isTopical = (text: string) => TOPICAL_FORM.test(text) && !NOT_TOPICAL.test(text) && !NOT_PAIN_TOPICAL.test(text);
const key = (m: RegExpExecArray) => m[1].toLowerCase().replace(/\s+/g, ' ');

/**
 * The pain medication group one medication text names, or null. Order: opioid products out, cough-and-cold
 * products out; topical forms; gabapentinoids; SNRIs; TCAs; NSAIDs; acetaminophen; muscle relaxants; other adjuvants.
 */
export function painGroupOfText(text: string): PainNameMatch | null {
  if (!text || findOpioidNames(text).length) return null;
  if (COLD_REMEDY.test(text)) return null;
  const topical = isTopical(text);
  let m: RegExpExecArray | null;
  if (topical) {
    if ((m = RE.nsaid.exec(text))) return { group: 'topical', name: key(m), detail: `topical NSAID (${key(m)})` };
    if ((m = RE.topicalNsaidBrand.exec(text))) return { group: 'topical', name: `${key(m)} → ${TOPICAL_NSAID_BRANDS[key(m)]}`, detail: `topical NSAID (${TOPICAL_NSAID_BRANDS[key(m)]})` };
    if ((m = RE.topicalOnly.exec(text))) return { group: 'topical', name: key(m), detail: `topical ${TOPICAL_ONLY[key(m)]}` };
  } else if ((m = RE.topicalNsaidBrand.exec(text))) {
    // "Voltaren" without a form is most often the gel (the oral brand is discontinued in the US).
    return { group: 'topical', name: `${key(m)} → ${TOPICAL_NSAID_BRANDS[key(m)]}`, detail: `topical NSAID (${TOPICAL_NSAID_BRANDS[key(m)]})` };
  } else if (/\b(lidoderm|ztlido|qutenza)\b/i.test(text)) {
    m = RE.topicalOnly.exec(text) as RegExpExecArray;
    return { group: 'topical', name: key(m), detail: `topical ${TOPICAL_ONLY[key(m)]}` };
  }
  if ((m = RE.gabapentinoid.exec(text))) return { group: 'gabapentinoid', name: key(m), detail: `gabapentinoid (${GABAPENTINOID[key(m)]}); also a CNS depressant`, alsoCnsDepressant: 'gabapentinoid' };
  if ((m = RE.snri.exec(text))) return { group: 'SNRI', name: key(m), detail: `SNRI (${SNRI[key(m)]})` };
  if ((m = RE.tca.exec(text))) return { group: 'TCA', name: key(m), detail: `tricyclic antidepressant (${TCA[key(m)]})` };
  if ((m = RE.nsaid.exec(text))) return { group: 'NSAID', name: key(m), detail: `NSAID (${key(m)})` };
  if ((m = RE.nsaidBrand.exec(text))) return { group: 'NSAID', name: `${key(m)} → ${NSAID_BRANDS[key(m)]}`, detail: `NSAID (${NSAID_BRANDS[key(m)]})` };
  const asp = RE.aspirin.exec(text);
  const aspirinAnalgesic = asp && asp[2] !== undefined && Number(asp[2]) >= 300;
  if ((m = RE.acetaminophen.exec(text))) {
    const extra = RE.butalbital.test(text) ? '; contains butalbital (a barbiturate: CNS depressant)' : '';
    return { group: 'acetaminophen', name: key(m), detail: `acetaminophen${aspirinAnalgesic ? ' with aspirin' : ''}${extra}` };
  }
  if (aspirinAnalgesic && !RE.muscleRelaxant.test(text)) return { group: 'NSAID', name: 'aspirin', detail: `NSAID (aspirin ${asp[2]} mg)` };
  if ((m = RE.muscleRelaxant.exec(text))) return { group: 'other adjuvant', name: key(m), detail: `muscle relaxant (${MUSCLE_RELAXANT[key(m)]}); also a CNS depressant`, alsoCnsDepressant: 'muscle relaxant' };
  if ((m = RE.otherAdjuvant.exec(text))) return { group: 'other adjuvant', name: key(m), detail: `anticonvulsant for neuropathic pain (${OTHER_ADJUVANT[key(m)]})` };
  return null;
}
