/**
 * Evidence events for the PDMP check and the patient agreement (clinical-rules.md §4.1, §6; pitfall 14).
 * - PDMP: resulted Observation with a policy.codes.pdmpObservation code (SNOMED 461651000124104 + local), or a
 *   completed Procedure with a policy.codes.pdmpProcedure code (SNOMED 461621000124108 + local), dated by
 *   effective/performed.
 * - Agreement: resulted Observation or DocumentReference with a policy.codes.agreement code (LOINC 94136-9 +
 *   local), dated by signature: a signature-date extension, else the attested date (DocumentReference.date, else
 *   the attachment's creation date). Not a signature: docStatus preliminary/entered-in-error, status
 *   entered-in-error, a "printed"/"unsigned" marker in the description or title, or an Observation valued
 *   false / "declined" / "printed".
 */
import type { DocumentReference, Extension, Observation, Procedure, Resource } from 'fhir/r4';
import { codeSet, findCoding } from '../codes/systems.ts';
import { ofType } from '../codes/resources.ts';
import { datePart } from '../dates.ts';
import type { Policy } from '../policy/types.ts';
import type { IsoDate } from '../types.ts';
import { observationDate } from './values.ts';

export interface EvidenceEvent {
  date: IsoDate;
  value: string;
  resource: string; // "Observation/id"
}

const byDateDesc = (a: EvidenceEvent, b: EvidenceEvent) => b.date.localeCompare(a.date);

export function pdmpEvents(resources: readonly Resource[], observations: readonly Observation[], policy: Policy, asOf: IsoDate): EvidenceEvent[] {
  const obsCodes = codeSet(policy.codes.pdmpObservation.codes);
  const procCodes = codeSet(policy.codes.pdmpProcedure.codes);
  const out: EvidenceEvent[] = [];
  for (const o of observations) {
    try {
      if (findCoding(o.code, obsCodes)) out.push({ date: observationDate(o) as IsoDate, value: 'PDMP reviewed', resource: `Observation/${o.id ?? ''}` });
    } catch {
      // malformed resource (a field of the wrong type): skipped, never fatal
    }
  }
  for (const p of ofType<Procedure>(resources, 'Procedure')) {
    try {
      if (p.status !== 'completed' || !findCoding(p.code, procCodes)) continue;
      const date = datePart(p.performedDateTime) ?? datePart(p.performedPeriod?.end) ?? datePart(p.performedPeriod?.start);
      if (date && date <= asOf) out.push({ date, value: 'PDMP reviewed', resource: `Procedure/${p.id ?? ''}` });
    } catch {
      // malformed resource (a field of the wrong type): skipped, never fatal
    }
  }
  return out.sort(byDateDesc);
}

const NOT_SIGNED_TEXT = /\bprint(ed|out)?\b|\bunsigned\b|\bnot signed\b|\bdeclined\b|\brefused\b/i;

function signatureExtension(exts: readonly Extension[] | undefined): IsoDate | null {
  for (const e of exts ?? []) {
    if (/sign|authenticat/i.test(e.url)) {
      const d = datePart(e.valueDateTime ?? e.valueDate ?? e.valueInstant);
      if (d) return d;
    }
  }
  return null;
}

export interface AgreementReading {
  events: EvidenceEvent[];
  /** Documents seen but not counted as signed (printed, preliminary…), for the data notes. */
  notSigned: string[];
}

export function agreementEvents(resources: readonly Resource[], observations: readonly Observation[], policy: Policy, asOf: IsoDate): AgreementReading {
  const codes = codeSet(policy.codes.agreement.codes);
  const events: EvidenceEvent[] = [];
  const notSigned: string[] = [];
  for (const o of observations) {
    try {
      if (!findCoding(o.code, codes)) continue;
      const text = o.valueString ?? o.valueCodeableConcept?.text ?? o.valueCodeableConcept?.coding?.[0]?.display ?? '';
      if (o.valueBoolean === false || NOT_SIGNED_TEXT.test(text)) {
        notSigned.push(`Observation/${o.id ?? ''}: agreement recorded as "${text || 'not signed'}" — not counted as signed`);
        continue;
      }
      events.push({ date: signatureExtension(o.extension) ?? (observationDate(o) as IsoDate), value: 'signed', resource: `Observation/${o.id ?? ''}` });
    } catch {
      // malformed resource (a field of the wrong type): skipped, never fatal
    }
  }
  for (const d of ofType<DocumentReference>(resources, 'DocumentReference')) {
    try {
      const typed = findCoding(d.type, codes) ?? (d.category ?? []).map((c) => findCoding(c, codes)).find((c) => c);
      if (!typed || d.status === 'entered-in-error') continue;
      const label = `DocumentReference/${d.id ?? ''}`;
      const texts = [d.description, ...(d.content ?? []).map((c) => c.attachment?.title)].filter((t): t is string => !!t);
      if (d.docStatus === 'preliminary' || d.docStatus === 'entered-in-error' || texts.some((t) => NOT_SIGNED_TEXT.test(t))) {
        notSigned.push(`${label}: ${d.docStatus === 'preliminary' ? 'preliminary document' : 'printed/unsigned'} — not counted as a signed agreement`);
        continue;
      }
      const date =
        signatureExtension(d.extension) ?? datePart(d.date) ?? datePart(d.content?.find((c) => c.attachment?.creation)?.attachment.creation);
      if (!date) {
        notSigned.push(`${label}: no signature date — not counted`);
        continue;
      }
      if (date <= asOf) events.push({ date, value: 'signed', resource: label });
    } catch {
      // malformed resource (a field of the wrong type): skipped, never fatal
    }
  }
  return { events: events.filter((e) => e.date && e.date <= asOf).sort(byDateDesc), notSigned };
}
