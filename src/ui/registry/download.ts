/**
 * Saves the registry rows as CSV (the same columns as the table) through a temporary link.
 */
import { registryCsv } from '../../registry/columns.ts';
import type { RegistryRow } from '../../registry/types.ts';

export function downloadCsv(rows: readonly RegistryRow[], fileName: string): void {
  // BOM so Excel reads UTF-8 (≥, names with accents).
  const blob = new Blob(['\uFEFF', registryCsv(rows)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
