/**
 * How an item's status is said to people (panel, note, huddle sheet, registry table and CSV alike): the engine's
 * statuses, with nothing on file said as "never done" (the engine calls a missing item overdue, due today) and a
 * due-soon item whose due date has come said as "due today" (it is done at this visit).
 */
import type { IsoDate, MonitoringStatus } from '../types.ts';

export type DisplayStatus = MonitoringStatus | 'due-today';

export function displayStatus(item: { status: MonitoringStatus; lastDate: IsoDate | null; dueDate: IsoDate | null }, asOf: IsoDate): DisplayStatus {
  if (item.status === 'overdue' && item.lastDate === null && item.dueDate === asOf) return 'never-done';
  if (item.status === 'due-soon' && item.dueDate !== null && item.dueDate <= asOf) return 'due-today';
  return item.status;
}
