/**
 * QA: which products count as rescue naloxone for the naloxone item (issue 4; clinical-rules.md pitfall 1:
 * buprenorphine-naloxone and other combinations are never rescue naloxone). MME 60 makes naloxone indicated.
 */
import { ort } from '../risk/build.ts';
import { ago, item, json, morphineMgPerDay, rx, sig } from './qa-build.ts';

describe('QA naloxone: which products are rescue naloxone (pitfall 1: match by product, never combinations)', () => {
  it.each([
    ['Narcan 4 mg nasal spray (RxCUI)', '1725059', 'naloxone hydrochloride 4 MG/ACTUAT Nasal Spray', 'up-to-date'],
    ['Narcan by name, RxCUI unknown', '999', 'naloxone hydrochloride 4 MG/ACTUAT Nasal Spray [Narcan]', 'up-to-date'],
    ['naloxone 0.4 mg/mL injection', '1191212', 'naloxone hydrochloride 0.4 MG/ML Injectable Solution', 'up-to-date'],
    ['Kloxxado 8 mg nasal', '2483372', 'naloxone hydrochloride 8 MG/ACTUAT Nasal Spray [Kloxxado]', 'up-to-date'],
    ['Zubsolv (buprenorphine/naloxone)', '1431286', 'buprenorphine 5.7 MG / naloxone 1.4 MG Sublingual Tablet [Zubsolv]', 'never-done'],
    ['Targiniq (oxycodone/naloxone)', '1595730', '12 HR naloxone hydrochloride 5 MG / oxycodone hydrochloride 10 MG Extended Release Oral Tablet', 'never-done'],
  ])('MME 60 + %s ordered 10 days ago → %s', (_c, code, name, status) => {
    const out = json([morphineMgPerDay(60), ort(2), rx(code, name, [sig(1, 24)], { authoredOn: ago(10), status: 'completed' })]);
    expect(item(out, 'naloxone').status).toBe(status);
  });
});
