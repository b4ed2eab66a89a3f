/**
 * Urine drug tests by analyte, with opioid metabolism. Each row names the line it checks:
 *  - Smith 2009 (Mayo Clin Proc 84:613) / Milone 2012 (J Med Toxicol 8:408) metabolism charts;
 *  - Argoff 2018 (Pain Med 19:97) and CDC 2022 Rec 10: opiate immunoassays and oxycodone; results are prompts to
 *    talk with the patient, never labels (clinical-rules.md pitfall 13);
 *  - CDC CDS possible-unexpected-results: prescribed in the 30 days before the test.
 * The generated table rows (LOINC → class, analyte) are checked against the LOINC display they come from.
 */
import type { MedicationRequest, Observation, Resource } from 'fhir/r4';
import { UDT_LOINC } from '../../../src/clinical/codes/udt.generated.ts';
import { prescribedAround, substancesOf } from '../../../src/clinical/medications/prescribed.ts';
import { interpretUdtTests, readUdtTests, unexpectedFindings } from '../../../src/clinical/observations/udt.ts';
import { relationOf } from '../../../src/clinical/observations/udt-metabolism.ts';
import { resultedObservations } from '../../../src/clinical/observations/values.ts';
import { DEFAULT_POLICY } from '../../../src/clinical/policy/index.ts';
import * as b from '../risk/build.ts';

const AS_OF = '2026-06-01';
const TEST_DAY = '2026-05-20';
const RX_DAY = { authoredOn: '2026-05-01' };

const rx = {
  oxycodone: () => b.oxycodone5(4, RX_DAY),
  hydrocodone: () => b.order('857002', 'acetaminophen 325 MG / hydrocodone bitartrate 5 MG Oral Tablet', { perDay: 4, ...RX_DAY }),
  codeine: () => b.order('993781', 'acetaminophen 300 MG / codeine phosphate 30 MG Oral Tablet', { perDay: 4, ...RX_DAY }),
  morphine: () => b.order('892645', 'morphine sulfate 15 MG Oral Tablet', { perDay: 3, ...RX_DAY }),
  fentanylPatch: () => b.order('245134', '72 HR fentanyl 0.025 MG/HR Transdermal System', { perDay: 1, ...RX_DAY }),
  methadone: () => b.order('864706', 'methadone hydrochloride 10 MG Oral Tablet', { perDay: 2, ...RX_DAY }),
  buprenorphine: () => b.order('351265', 'buprenorphine 8 MG Sublingual Tablet', { perDay: 1, ...RX_DAY }),
  tramadol: () => b.order('835603', 'tramadol hydrochloride 50 MG Oral Tablet', { perDay: 4, ...RX_DAY }),
  alprazolam: () => b.alprazolam(RX_DAY),
};

const pos = (loinc: string, date = TEST_DAY) => b.obs(loinc, 'Positive', date);
const neg = (loinc: string, date = TEST_DAY) => b.obs(loinc, 'Negative', date);

function run(tests: Observation[], meds: MedicationRequest[]) {
  const rs: Resource[] = [b.patient(), ...meds, ...tests];
  const read = readUdtTests(resultedObservations(rs, AS_OF), DEFAULT_POLICY);
  const orders = substancesOf(rs);
  const at = (d: string) => prescribedAround(orders, d, 30, 730);
  return { findings: unexpectedFindings(read, at), all: interpretUdtTests(read, at) };
}

describe('generated UDT table: analytes derived from the LOINC displays', () => {
  const row = (code: string) => UDT_LOINC.find((r) => r[0] === code);
  it.each<[string, string, string, string]>([
    ['19482-9', 'HYDROcodone [Presence] in Urine by Screen method', '', 'hydrocodone'],
    ['9834-3', 'HYDROmorphone [Presence] in Urine', '', 'hydromorphone'],
    ['61424-8', 'Noroxycodone [Presence] in Urine by Confirmatory method', '', 'noroxycodone'],
    ['11247-4', 'oxyMORphone [Presence] in Urine', '', 'oxymorphone'],
    ['58430-0', 'oxyCODONE+oxyMORphone Ur Ql Scn', 'oxycodone', 'oxycodone+oxymorphone'],
    ['19321-9', '6MAM Ur Ql Scn', 'heroin', '6-MAM'],
    ['43199-9', 'Norfentanyl [Presence] in Urine', 'fentanyl-type', 'norfentanyl'],
    ['58379-9', 'fentaNYL+Norfentanyl [Presence] in Urine by Screen method', 'fentanyl-type', 'fentanyl+norfentanyl'],
    ['93495-0', '2-Ethylidene-1,5-Dimethyl-3,3-Diphenylpyrrolidine (EDDP) [Presence] in Urine by Screen method', 'methadone', 'EDDP'],
    ['42251-9', 'Methadone+Metabolite [Presence] in Urine by Screen method', 'methadone', 'methadone+EDDP'],
    ['82371-6', 'Norbuprenorphine Ur Ql Scn', 'buprenorphine', 'norbuprenorphine'],
    ['58359-1', 'Buprenorphine+Nor Ur Ql Scn', 'buprenorphine', 'buprenorphine+norbuprenorphine'],
    ['18338-4', 'Nortramadol [Mass/volume] in Urine', '', 'N-desmethyltramadol'],
    ['61421-4', 'Norhydrocodone [Presence] in Urine by Confirmatory method', '', 'norhydrocodone'],
    ['19295-5', 'Opiates [Presence] in Urine by Screen method (class-level immunoassay)', 'general-opiate', ''],
    ['74810-3', 'Acetyl fentanyl [Presence] in Urine by Confirmatory method (illicit analogue: name kept)', 'fentanyl-type', 'acetyl fentanyl'],
    ['3725-9', 'LORazepam [Presence] in Urine (judged by class)', 'benzodiazepine', 'lorazepam'],
    ['14316-4', 'Benzodiazepines [Presence] in Urine by Screen method (class-level)', 'benzodiazepine', ''],
  ])('%s %s', (code, _display, cls, analyte) => {
    expect(row(code)?.slice(1)).toEqual([cls, analyte]);
  });
});

describe('metabolism table (Smith 2009; Milone 2012)', () => {
  it.each<[string, string, string | null]>([
    ['hydrocodone', 'hydromorphone', 'metabolite'],
    ['hydrocodone', 'norhydrocodone', 'metabolite'],
    ['hydrocodone', 'dihydrocodeine', 'minor metabolite'],
    ['codeine', 'morphine', 'metabolite'],
    ['codeine', 'hydrocodone', 'minor metabolite'], // Oyler 2000
    ['morphine', 'hydromorphone', 'minor metabolite'], // Cone 2006
    ['oxycodone', 'oxymorphone', 'metabolite'],
    ['oxycodone', 'noroxycodone', 'metabolite'],
    ['oxycodone', 'hydrocodone', null], // oxycodone is not metabolised to hydrocodone
    ['morphine', 'codeine', null], // morphine is not metabolised to codeine
    ['hydrocodone', 'morphine', null],
    ['fentanyl', 'norfentanyl', 'metabolite'],
    ['buprenorphine', 'norbuprenorphine', 'metabolite'],
    ['methadone', 'EDDP', 'metabolite'],
    ['tramadol', 'O-desmethyltramadol', 'metabolite'],
    ['heroin', '6-MAM', null], // heroin is never a prescription: its markers are never explained
  ])('%s → %s: %s', (drug, analyte, rel) => {
    expect(relationOf(drug, analyte)).toBe(rel);
  });
});

describe('interpretation by analyte — "review with the clinician", never a label', () => {
  type Row = [string, Observation[], MedicationRequest[], string[], RegExp | string | null];
  const rows: Row[] = [
    // [what and the line it checks, tests, prescriptions, finding kinds, text of the first finding]
    ['hydrocodone positive, only oxycodone prescribed → unexpected (oxycodone does not produce hydrocodone; Smith 2009)',
      [pos('19482-9')], [rx.oxycodone()], ['unexpected-positive'],
      'Unexpected result — review with the clinician: positive for hydrocodone, not prescribed in the 30 days before the test'],
    ['hydromorphone positive on hydrocodone → expected metabolite (CYP2D6; Smith 2009)', [pos('9834-3')], [rx.hydrocodone()], [], null],
    ['oxymorphone alone on oxycodone → explained (CYP2D6 metabolite; Smith 2009)', [pos('11247-4'), neg('19642-8')], [rx.oxycodone()], [], null],
    ['noroxycodone positive, oxycodone negative, on oxycodone → the drug was found as its metabolite: nothing unexpected',
      [pos('61424-8'), neg('19642-8')], [rx.oxycodone()], [], null],
    ['6-MAM positive → heroin marker, unexpected (Milone 2012: 6-MAM is specific to heroin)',
      [pos('19321-9')], [rx.oxycodone()], ['unexpected-positive'], /positive for 6-MAM \(6-monoacetylmorphine, a marker specific to heroin\), no prescription explains it$/],
    ['norfentanyl positive on a fentanyl patch → expected metabolite', [pos('43199-9'), pos('59673-4')], [rx.fentanylPatch()], [], null],
    ['norfentanyl positive with no fentanyl prescribed → unexpected, names the parent',
      [pos('43199-9')], [rx.oxycodone()], ['unexpected-positive'], /positive for norfentanyl \(a fentanyl metabolite\), fentanyl not prescribed in the 30 days before the test$/],
    ['oxycodone-specific test negative on oxycodone → unexpected negative (CDC CDS)', [neg('19642-8')], [rx.oxycodone()], ['unexpected-negative'],
      'Unexpected result — review with the clinician: negative for prescribed oxycodone'],
    ['opiate immunoassay positive, only oxycodone prescribed → review, not unexpected (oxycodone cross-reacts poorly; Argoff 2018)',
      [pos('19295-5')], [rx.oxycodone()], ['review-positive'],
      'Review with the clinician: positive opiates (screen); this screen does not reliably detect the prescribed oxycodone, so it cannot show which drug was found'],
    ['opiate immunoassay positive on hydrocodone → expected (cross-reacts; Milone 2012)', [pos('19295-5')], [rx.hydrocodone()], [], null],
    ['opiate immunoassay positive, no opioid prescribed → unexpected (class level)', [pos('19295-5')], [], ['unexpected-positive'],
      'Unexpected result — review with the clinician: positive for opiates (screen), not prescribed in the 30 days before the test'],
    ['opiate immunoassay negative on oxycodone → not unexpected (the screen does not target oxycodone)', [neg('19295-5')], [rx.oxycodone()], [], null],
    ['opiate immunoassay negative on morphine → unexpected negative (the screen targets morphine)', [neg('19295-5')], [rx.morphine()], ['unexpected-negative'], /negative for prescribed morphine$/],
    ['morphine positive on codeine → expected metabolite (CYP2D6)', [pos('19597-4')], [rx.codeine()], [], null],
    ['hydrocodone positive on codeine → expected minor metabolite (Oyler 2000)', [pos('19482-9')], [rx.codeine()], [], null],
    ['hydromorphone positive on morphine → expected minor metabolite (Cone 2006)', [pos('9834-3')], [rx.morphine()], [], null],
    ['codeine positive on morphine → unexpected (morphine is not metabolised to codeine); poppy-seed note',
      [pos('19411-8')], [rx.morphine()], ['unexpected-positive'], /positive for codeine, not prescribed/],
    ['hydromorphone-only test negative on hydrocodone → not unexpected (a metabolite-only negative is never enough)', [neg('9834-3')], [rx.hydrocodone()], [], null],
    ['hydrocodone negative but hydromorphone positive on hydrocodone → found as its metabolite', [neg('19482-9'), pos('9834-3')], [rx.hydrocodone()], [], null],
    ['hydrocodone and its metabolites all negative on hydrocodone → unexpected negative', [neg('19482-9'), neg('9834-3')], [rx.hydrocodone()], ['unexpected-negative'], /negative for prescribed hydrocodone$/],
    ['EDDP positive, methadone screen negative, on methadone → found as EDDP', [pos('93495-0'), neg('19550-3')], [rx.methadone()], [], null],
    ['norbuprenorphine positive on buprenorphine → expected', [pos('82371-6')], [rx.buprenorphine()], [], null],
    ['nortramadol positive on tramadol → expected', [pos('18338-4')], [rx.tramadol()], [], null],
    ['acetyl fentanyl (illicit analogue) positive on a fentanyl patch → review (same class, not a metabolite)', [pos('74810-3')], [rx.fentanylPatch()], ['review-positive'], /positive for acetyl fentanyl \(fentanyl\); the prescribed fentanyl is of the same class but does not produce acetyl fentanyl/],
    ['acetyl fentanyl positive, nothing of the class prescribed → unexpected', [pos('74810-3')], [rx.oxycodone()], ['unexpected-positive'], /positive for acetyl fentanyl \(fentanyl\), not prescribed/],
    ['lorazepam confirmation positive, alprazolam prescribed → expected by class (benzodiazepines judged by class)', [pos('3725-9')], [rx.oxycodone(), rx.alprazolam()], [], null],
    ['lorazepam confirmation positive, no benzodiazepine → unexpected', [pos('3725-9')], [rx.oxycodone()], ['unexpected-positive'], /positive for lorazepam \(benzodiazepines\), not prescribed/],
    ['naloxone positive → antagonist, not interpreted', [pos('42618-9')], [], [], null],
    // adversarial rows
    ['unknown LOINC code → not a UDT at all', [pos('99999-9')], [rx.oxycodone()], [], null],
    ['unreadable result value → not judged', [b.obs('19482-9', 'see report', TEST_DAY)], [rx.oxycodone()], [], null],
    ['fentanyl prescribed 3 months before the test only → positive is unexpected (30-day look-back)',
      [pos('59673-4', '2026-05-20')], [b.order('245134', '72 HR fentanyl 0.025 MG/HR Transdermal System', { authoredOn: '2026-01-02', status: 'completed' })], ['unexpected-positive'], /positive for fentanyl/],
  ];
  it.each(rows)('%s', (_name, tests, meds, kinds, text) => {
    const { findings } = run(tests, meds);
    expect(findings.map((f) => f.kind)).toEqual(kinds);
    if (typeof text === 'string') expect(findings[0].text).toBe(text);
    else if (text) expect(findings[0].text).toMatch(text);
    for (const f of findings) {
      expect(f.text).toMatch(/^(Unexpected result — review with the clinician|Review with the clinician): /);
      expect(`${f.text} ${f.explanation ?? ''}`).not.toMatch(/fail|dirty|abuse|violation|non-?complian|divert|cheat|lying/i);
    }
  });

  it('each expected positive carries its explanation ("hydromorphone is a metabolite of the prescribed hydrocodone")', () => {
    const { all } = run([pos('9834-3'), pos('19482-9'), pos('61421-4')], [rx.hydrocodone()]);
    expect(all.map((i) => [i.verdict, i.text])).toEqual([
      ['expected', 'Expected: hydromorphone is a metabolite of the prescribed hydrocodone'],
      ['expected', 'Expected: hydrocodone is prescribed'],
      ['expected', 'Expected: norhydrocodone is a metabolite of the prescribed hydrocodone'],
    ]);
  });

  it('a finding names its analyte and says what helps', () => {
    const [f] = run([pos('19597-4')], [rx.oxycodone()]).findings;
    expect(f).toMatchObject({ kind: 'unexpected-positive', analyte: 'morphine' });
    expect(f.explanation).toMatch(/Poppy seed/);
    const [n] = run([neg('19642-8'), neg('61424-8')], [rx.oxycodone()]).findings;
    expect(n.explanation).toMatch(/also negative: noroxycodone/);
  });

  it('one unexpected negative per prescribed drug and date, on the first test that targets it', () => {
    const { findings } = run([neg('19642-8'), neg('16249-5')], [rx.oxycodone()]);
    expect(findings).toHaveLength(1);
  });
});
