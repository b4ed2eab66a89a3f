/**
 * Runs the registry in a Web Worker and keeps what it reports: rows (as they arrive), listed
 * patients, measures, progress. Cancel terminates the job; the rows so far stay usable.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ListedPatient, RegistryReport } from '../../registry/accumulate.ts';
import type { RegistryRow } from '../../registry/types.ts';
import type { FromWorker, StartMessage, ToWorker } from '../../registry/worker-protocol.ts';

export interface WorkerLike {
  postMessage(m: ToWorker): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null;
}

export type RegistryStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface RegistryState {
  status: RegistryStatus;
  rows: RegistryRow[];
  listed: { kind: 'excluded' | 'moud-only'; patient: ListedPatient }[];
  report: RegistryReport | null;
  runChartFinal: boolean;
  progress: { text: string; done?: number; total?: number } | null;
  error: string | null;
  mode: 'bulk' | 'search' | null;
  ms: number | null;
  notes: string[];
}

const INITIAL: RegistryState = {
  status: 'idle', rows: [], listed: [], report: null, runChartFinal: false, progress: null, error: null, mode: null, ms: null, notes: [],
};

export function useRegistryWorker(start: StartMessage | null, createWorker: () => WorkerLike) {
  const [state, setState] = useState<RegistryState>(INITIAL);
  const worker = useRef<WorkerLike | null>(null);

  useEffect(() => {
    if (!start) return;
    const w = createWorker();
    worker.current = w;
    setState({ ...INITIAL, status: 'running' });
    w.onmessage = (e) => {
      const m = e.data;
      setState((s) => {
        switch (m.type) {
          case 'progress': return { ...s, progress: { text: m.text, done: m.done, total: m.total } };
          case 'rows': return { ...s, rows: s.rows.concat(m.rows), listed: s.listed.concat(m.listed) };
          case 'measures': return { ...s, report: m.report, runChartFinal: m.final };
          case 'done': return { ...s, status: 'done', progress: null, mode: m.mode, ms: m.ms, notes: m.notes };
          case 'error': return { ...s, status: m.cancelled ? 'cancelled' : 'error', error: m.cancelled ? null : m.message, progress: null };
        }
      });
    };
    w.postMessage(start);
    return () => {
      w.terminate();
      worker.current = null;
    };
  }, [start, createWorker]);

  const cancel = useCallback(() => {
    worker.current?.postMessage({ type: 'cancel' });
    worker.current?.terminate();
    worker.current = null;
    setState((s) => (s.status === 'running' ? { ...s, status: 'cancelled', progress: null } : s));
  }, []);

  return { state, cancel };
}
