/**
 * The registry table: filter chips, search, sortable columns (the same columns as the CSV export),
 * paged so a large cohort stays fast; a row's "Open" button opens that patient's panel.
 */
import { memo, useMemo, useState } from 'react';
import {
  Box, Button, Chip, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TablePagination, TableRow,
  TableSortLabel, TextField, Typography,
} from '@mui/material';
import { REGISTRY_COLUMNS } from '../../registry/columns.ts';
import { filterRows, REGISTRY_FILTERS, sortRows } from '../../registry/filters.ts';
import type { RegistryRow } from '../../registry/types.ts';
import { downloadCsv } from './download.ts';

// Every CSV column is shown, so the export matches the table.
const SHOWN = REGISTRY_COLUMNS;

// Memo: progress messages re-render the view while rows are unchanged; the table (up to 250 rows) need not follow.
export const RegistryTable = memo(function RegistryTable({ rows, onOpenPatient }: { rows: RegistryRow[]; onOpenPatient?: (id: string) => void }) {
  const [filters, setFilters] = useState<string[]>([]);
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<{ column: string; direction: 'asc' | 'desc' }>({ column: 'tier', direction: 'asc' });
  const [page, setPage] = useState(0);
  const [perPage, setPerPage] = useState(50);
  const visible = useMemo(
    () => sortRows(filterRows(rows, filters, search), sort.column, sort.direction),
    [rows, filters, search, sort],
  );
  const toggle = (id: string) => {
    setPage(0);
    setFilters((f) => (f.includes(id) ? f.filter((x) => x !== id) : [...f, id]));
  };
  return (
    <Box>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: "wrap", mb: 1 }} role="group" aria-label="Filters">
        {REGISTRY_FILTERS.map((f) => (
          <Chip key={f.id} label={f.label} clickable aria-pressed={filters.includes(f.id)}
            color={filters.includes(f.id) ? 'primary' : 'default'} onClick={() => toggle(f.id)} />
        ))}
      </Stack>
      <Stack direction="row" spacing={2} sx={{ alignItems: "center", mb: 1 }}>
        <TextField size="small" label="Search patient or prescriber" value={search}
          onChange={(e) => { setSearch(e.target.value); setPage(0); }} />
        <Typography variant="body2" aria-live="polite">{visible.length} of {rows.length} patients</Typography>
        <Button variant="outlined" onClick={() => downloadCsv(visible, 'clinic-registry.csv')}>Export CSV</Button>
      </Stack>
      <TableContainer sx={{ maxHeight: 640 }}>
        <Table size="small" stickyHeader aria-label="Clinic registry">
          <TableHead>
            <TableRow>
              {SHOWN.map((c) => (
                <TableCell key={c.id} sortDirection={sort.column === c.id ? sort.direction : false}>
                  <TableSortLabel active={sort.column === c.id} direction={sort.column === c.id ? sort.direction : 'asc'}
                    onClick={() => setSort((s) => ({ column: c.id, direction: s.column === c.id && s.direction === 'asc' ? 'desc' : 'asc' }))}>
                    {c.header}
                  </TableSortLabel>
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {visible.slice(page * perPage, (page + 1) * perPage).map((r) => (
              <TableRow key={r.patientId} hover data-patient-id={r.patientId}>
                {SHOWN.map((c) => (
                  <TableCell key={c.id} sx={c.id === 'topReason' ? { minWidth: 220, maxWidth: 320 } : undefined}>
                    {c.id === 'name' && onOpenPatient ? (
                      <Button size="small" onClick={() => onOpenPatient(r.patientId)} aria-label={`Open panel of ${r.name}`}>{r.name}</Button>
                    ) : c.value(r)}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <TablePagination component="div" count={visible.length} page={Math.min(page, Math.max(0, Math.ceil(visible.length / perPage) - 1))}
        rowsPerPage={perPage} rowsPerPageOptions={[25, 50, 100, 250]} onPageChange={(_e, p) => setPage(p)}
        onRowsPerPageChange={(e) => { setPerPage(Number(e.target.value)); setPage(0); }} />
    </Box>
  );
});
