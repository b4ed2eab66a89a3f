/**
 * Upcoming appointments of a patient for pre-visit planning (6BB block 4: scrub tomorrow's schedule).
 * The day is the literal calendar date written in Appointment.start (the clinic's local date).
 */
import type { Appointment, Resource } from 'fhir/r4';
import { datePart } from '../clinical/dates.ts';
import type { IsoDate } from '../clinical/types.ts';

export interface AppointmentSlot {
  date: IsoDate;
  /** "09:30" as written in Appointment.start, or null for a date-only start. */
  time: string | null;
  type: string;
}

const NOT_HAPPENING = new Set(['cancelled', 'noshow', 'entered-in-error']);

export function upcomingAppointments(resources: readonly Resource[], from: IsoDate): AppointmentSlot[] {
  const out: AppointmentSlot[] = [];
  for (const r of resources) {
    if (r.resourceType !== 'Appointment') continue;
    const a = r as Appointment;
    const date = datePart(a.start);
    if (!date || date < from || NOT_HAPPENING.has(a.status)) continue;
    const time = /T(\d{2}:\d{2})/.exec(a.start ?? '')?.[1] ?? null;
    out.push({ date, time, type: a.serviceType?.[0]?.text ?? a.appointmentType?.text ?? a.description ?? 'Appointment' });
  }
  return out.sort((x, y) => `${x.date}${x.time}`.localeCompare(`${y.date}${y.time}`));
}
