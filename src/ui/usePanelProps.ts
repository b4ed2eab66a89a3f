/**
 * The one place the panel reads the store: raw state + derived summary in, section props out.
 * Sections stay presentational; swapping the store touches only this file and the two chart-write forms'
 * hook (src/ui/shared/useDurableSave.ts: the writes slice owns their drafts and request ids).
 */
import { useMemo } from 'react';
import { usePanelStore } from '../store/index.ts';
import { useDataNotes, usePanelSummary } from '../store/derived.ts';
import type { SourceKey } from '../clinical/types.ts';
import { effectiveLoadStatus, panelStatuses } from './panel-status.ts';
import { SOURCE_LABEL } from './labels.ts';
import type { PanelProps } from './panel-props.ts';
import type { DataNoteLine } from './sections/DataNotesSection.tsx';
import { DEFAULT_THRESHOLDS } from './thresholds.ts';

export function usePanelProps(): PanelProps {
  const summary = usePanelSummary();
  const rawLoad = usePanelStore((s) => s.loadStatus);
  const loadedAt = usePanelStore((s) => s.loadedAt);
  const resources = usePanelStore((s) => s.resources);
  const asOf = usePanelStore((s) => s.asOf);
  const policy = usePanelStore((s) => s.policy);
  const policyErrors = usePanelStore((s) => s.policyErrors);
  const sessionError = usePanelStore((s) => s.sessionError);
  const canWrite = usePanelStore((s) => s.permissions.canWriteObservation);
  const dataNotes = useDataNotes();
  const since = usePanelStore((s) => s.loadStatus.medications?.since);
  const older = usePanelStore((s) => s.olderOrders);
  const orders = useMemo(() => ({ since, older, onShowOlder: () => void import('../store/launch.ts').then((m) => m.loadOlderOrdersIntoStore()) }), [since, older]);

  const load = useMemo(() => effectiveLoadStatus(rawLoad, loadedAt !== null), [rawLoad, loadedAt]);
  const blocked = policyErrors ? 'the clinic policy could not be used' : (sessionError?.message ?? null);
  const statuses = useMemo(() => panelStatuses(load, summary !== null, blocked), [load, summary, blocked]);
  const notes = useMemo<DataNoteLine[]>(
    () => [
      ...(summary?.notes ?? []).map((text) => ({ level: 'warning' as const, text })),
      ...dataNotes.map((n) => ({ level: n.level, text: n.source === 'session' ? n.text : `${SOURCE_LABEL[n.source]}: ${n.text}` })),
    ],
    [summary, dataNotes],
  );
  const counts = useMemo(
    () => Object.fromEntries(Object.entries(resources).map(([k, list]) => [k, list?.length ?? 0])) as Partial<Record<SourceKey, number>>,
    [resources],
  );

  return {
    summary,
    asOf,
    load,
    loadedAt,
    statuses,
    notes,
    counts,
    canWrite,
    policyErrors,
    sessionError,
    thresholds: policy ? { caution: policy.risk.moderateMme.value, high: policy.risk.highMme.value } : DEFAULT_THRESHOLDS,
    improvementPct: policy?.peg.improvementPct.value ?? 30,
    orders,
    policy,
  };
}
