/**
 * Public sources behind the rules, as a clinician would look them up: a title and a link. The risk tier, the
 * monitoring schedule and the clinic policy cite these; nothing here names an internal file, issue, rule id or
 * policy path. `CLINIC` marks a value the clinic chose (shown as "your clinic's policy" with the value).
 */
import type { Citation } from '../types.ts';

export type { Citation };

const CDC_2022_URL = 'https://www.cdc.gov/mmwr/volumes/71/rr/rr7103a1.htm';
const CDC_2016_URL = 'https://www.cdc.gov/mmwr/volumes/65/rr/rr6501e1.htm';
const cdc2022 = (what: string): Citation => ({ label: `CDC 2022 opioid prescribing guideline, ${what}`, url: CDC_2022_URL });

export const CITE = {
  cdc2022: { label: 'CDC Clinical Practice Guideline for Prescribing Opioids for Pain, 2022', url: CDC_2022_URL },
  cdc2022Scope: cdc2022('scope (adults; not sickle cell disease, cancer-related pain, palliative or end-of-life care)'),
  cdc2022Rec3: cdc2022('Recommendation 3 (immediate-release rather than extended-release/long-acting opioids)'),
  cdc2022Rec4: cdc2022('Recommendation 4 (lowest effective dose; reassess at 50 MME/day or more)'),
  cdc2022Rec5: cdc2022('Recommendation 5 (changing the dose of long-term opioids; taper gradually, never abruptly)'),
  cdc2022Rec7: cdc2022('Recommendation 7 (re-evaluate benefits and risks regularly)'),
  cdc2022Rec8: cdc2022('Recommendation 8 (risk of harm; offer naloxone)'),
  cdc2022Rec9: cdc2022('Recommendation 9 (review the PDMP)'),
  cdc2022Rec10: cdc2022('Recommendation 10 (toxicology testing)'),
  cdc2022Rec11: cdc2022('Recommendation 11 (opioids with benzodiazepines or other sedatives)'),
  cdc2022Rec12: cdc2022('Recommendation 12 (treatment for opioid use disorder)'),
  cdc2022Factors: cdc2022('MME conversion factors'),
  cdc2016Dose: { label: 'CDC 2016 opioid prescribing guideline, Recommendation 5 (avoid or justify 90 MME/day or more)', url: CDC_2016_URL },
  cdcPdmp: { label: 'CDC: Prescription drug monitoring programs — check at least every 3 months', url: 'https://www.cdc.gov/opioids/healthcare-professionals/pdmps.html' },
  cdcCds: { label: 'CDC opioid prescribing clinical decision support (look-backs: PDMP 90 days, urine test 12 months, naloxone 2 years)', url: 'https://github.com/cqframework/opioid-cds-r4' },
  waRule: { label: 'Washington rule WAC 246-919-920: periodic review by risk (high quarterly, moderate twice a year, low yearly)', url: 'https://app.leg.wa.gov/wac/default.aspx?cite=246-919-920' },
  waRule2025: { label: 'Washington Medical Commission rule amendments, 2025 (WSR 25-05-091: sickle cell disease excluded)', url: 'https://app.leg.wa.gov/documents/Laws/WSR/2025/05/25-05-091.htm' },
  waRules: { label: 'Washington opioid prescribing rules for physicians (chapter 246-919 WAC)', url: 'https://app.leg.wa.gov/wac/default.aspx?cite=246-919' },
  sixBB: { label: 'Six Building Blocks for managing long-term opioid therapy (Parchman et al., J Am Board Fam Med 2017)', url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC5228596/' },
  sixBBAssessments: { label: 'Six Building Blocks: recommended assessments (PEG at every opioid visit; ORT at the first chronic-pain visit)', url: 'https://www.improvingopioidcare.org/' },
  sixBBComplex: { label: 'Six Building Blocks, block 5: resources for patients with complex needs', url: 'https://www.improvingopioidcare.org/' },
  sixBBMilestones: { label: 'Six Building Blocks: Tips for Achieving the Milestones (University of Washington and Kaiser Permanente Washington, 2021) — patient agreement, PEG, ORT and PHQ at planned visits', url: 'https://comagine.org/program/six-building-blocks/resources' },
  hhsTaper: { label: 'HHS Guide for Clinicians on the Appropriate Dosage Reduction or Discontinuation of Long-Term Opioid Analgesics, 2019 (summary: Dowell et al., JAMA 2019)', url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC7145754/' },
  fdaTaper2019: { label: 'FDA Drug Safety Communication, April 2019: harm from sudden discontinuation of opioid pain medicines; gradual, individualized tapering', url: 'https://www.fda.gov/drugs/drug-safety-and-availability/fda-identifies-harm-reported-sudden-discontinuation-opioid-pain-medicines-and-requires-label-changes' },
  pqaMultipleProviders: { label: 'PQA opioid measures: Use of Opioids from Multiple Providers (4 or more prescribers and 4 or more pharmacies within 180 days)', url: 'https://www.pqaalliance.org/opioid-measures' },
  riskScheme: { label: 'Risk stratification in an academic primary care clinic (J Opioid Manag 2019)', url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC7787190/' },
  argoff: { label: 'Argoff et al., Rational urine drug monitoring in patients receiving opioids (Pain Med 2018)', url: 'https://pubmed.ncbi.nlm.nih.gov/29206984/' },
  krebsPeg: { label: 'Krebs et al., the PEG three-item pain scale (J Gen Intern Med 2009)', url: 'https://link.springer.com/article/10.1007/s11606-009-0981-1' },
  webster: { label: 'Webster & Webster, Opioid Risk Tool (Pain Med 2005): 0–3 low, 4–7 moderate, 8 or more high', url: 'https://lynnwebstermd.com/opioid-risk-tool/' },
  kroenkePhq9: { label: 'Kroenke et al., the PHQ-9 (J Gen Intern Med 2001): 10–14 moderate depression', url: 'https://doi.org/10.1046/j.1525-1497.2001.016009606.x' },
  kroenkePhq2: { label: 'Kroenke et al., the PHQ-2 (Med Care 2003): 3 or more is a positive screen', url: 'https://pubmed.ncbi.nlm.nih.gov/14583691/' },
  spitzerGad7: { label: 'Spitzer et al., the GAD-7 (Arch Intern Med 2006): 10–14 moderate anxiety', url: 'https://doi.org/10.1001/archinte.166.10.1092' },
  storm: { label: 'VA Stratification Tool for Opioid Risk Mitigation (STORM): prior overdose events', url: 'https://psnet.ahrq.gov/issue/development-and-applications-veterans-health-administrations-stratification-tool-opioid-risk' },
  cosri: { label: 'COSRI pain management summary (UW Medicine): yearly controlled-substance agreement', url: 'https://github.com/uwcirg/cosri-pain-management-summary' },
  cdcCpgPdmpObs: { label: 'HL7 CDC opioid guideline FHIR guide: PDMP review (Observation)', url: 'https://build.fhir.org/ig/HL7/cdc-opioid-cpg/StructureDefinition-PDMPReviewObservation.html' },
  cdcCpgPdmpProc: { label: 'HL7 CDC opioid guideline FHIR guide: PDMP review (Procedure)', url: 'https://build.fhir.org/ig/HL7/cdc-opioid-cpg/StructureDefinition-PDMPReviewProcedure.html' },
  ismp: { label: 'ISMP list of error-prone abbreviations, symbols and dose designations', url: 'https://www.ismp.org/recommendations/error-prone-abbreviations-list' },
  vsac: { label: 'NLM Value Set Authority Center (urine drug test value set 2.16.840.1.113762.1.4.1032.28)', url: 'https://vsac.nlm.nih.gov/' },
  snomedCancer: { label: 'SNOMED CT chemotherapy and radiotherapy procedures', url: 'https://browser.ihtsdotools.org/' },
  /** Design rules of this panel (not a published source): stated so, with no link. */
  panelMissingData: { label: 'Pain Care Panel safety rule: missing data never reads as low risk' },
  patientRecord: { label: "The patient's record (date of death)" },
} satisfies Record<string, Citation>;

export const loinc = (code: string, what: string): Citation => ({ label: `LOINC ${code} ${what}`, url: `https://loinc.org/${code}/` });

/** The label of a clinic-chosen value: "Your clinic's policy: 90 MME/day". */
export const clinicPolicy = (value: string): Citation => ({ label: `Your clinic's policy: ${value}` });

/** Citations as one plain-text line ("A; B; C"), the `source` string of the JSON output. Duplicates dropped. */
export function citationText(citations: readonly Citation[]): string {
  return [...new Set(citations.map((c) => c.label))].join('; ');
}

/** Unique by label, first occurrence kept. */
export function uniqueCitations(citations: readonly Citation[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((c) => (seen.has(c.label) ? false : (seen.add(c.label), true)));
}

/** A risk reason with its sources: `source` is the plain-text line of the citations (the JSON contract). */
export function reason(id: string, text: string, citations: readonly Citation[]): { id: string; text: string; source: string; citations: Citation[] } {
  const list = uniqueCitations(citations);
  return { id, text, source: citationText(list), citations: list };
}
