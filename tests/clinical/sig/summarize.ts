/**
 * The compact notation of the sig corpus (see corpus.ts): a Dosage's dose, timing, PRN, maximum and route.
 * @example summarize(parseSig('1 tab po q6h prn').reading.dosage) // { dose: '1 {tbl}', timing: '1/6h', prn: true, route: 'oral' }
 */
import type { Dosage } from 'fhir/r4';
import type { ExpectedReading } from './corpus.ts';

/** The Dosage in the corpus's compact notation (see the corpus header). */
export function summarize(d: Dosage): ExpectedReading {
  const dr = d.doseAndRate?.[0];
  const q = dr?.doseQuantity;
  const range = dr?.doseRange;
  const dose = q ? `${q.value} ${q.unit}` : `${range?.low?.value}-${range?.high?.value} ${range?.high?.unit}`;
  const r = d.timing?.repeat ?? {};
  const timing =
    `${r.frequency}${r.frequencyMax !== undefined ? `-${r.frequencyMax}` : ''}/${r.period}` +
    `${r.periodMax !== undefined ? `-${r.periodMax}` : ''}${r.periodUnit}${r.when ? ` ${r.when.join(',')}` : ''}`;
  const out: ExpectedReading = { dose, timing };
  if (d.asNeededBoolean === true) out.prn = true;
  const m = d.maxDosePerPeriod;
  if (m) out.max = `${m.numerator?.value} ${m.numerator?.unit}/${m.denominator?.value}${m.denominator?.unit}`;
  if (d.route?.text) out.route = d.route.text;
  return out;
}

