/**
 * A status said three ways: words, an icon and a color. Colors are dark text on a pale fill (contrast
 * ≥ 4.5:1), and nothing that needs action uses green: overdue, never done and "could not check" never
 * read as fine.
 */
import Box from '@mui/material/Box';
import type { ComponentType } from 'react';
import type { SvgIconProps } from '@mui/material/SvgIcon';
import { STATUS_LABEL, type DisplayStatus } from '../labels.ts';
import { CheckIcon, ClockIcon, DashIcon, EmptyCircleIcon, OverdueIcon, QuestionIcon, TodayIcon } from './icons.tsx';

export interface Tone {
  fg: string;
  bg: string;
  border: string;
}

export const TONES = {
  danger: { fg: '#8c1d18', bg: '#fdecea', border: '#d32f2f' },
  warning: { fg: '#6d3a00', bg: '#fff4e5', border: '#ed6c02' },
  ok: { fg: '#1b5e20', bg: '#edf7ed', border: '#2e7d32' },
  neutral: { fg: '#37474f', bg: '#eceff1', border: '#78909c' },
  unknown: { fg: '#4a148c', bg: '#f3e5f5', border: '#7b1fa2' },
} satisfies Record<string, Tone>;

export const STATUS_LOOK: Record<DisplayStatus, { tone: Tone; Icon: ComponentType<SvgIconProps> }> = {
  overdue: { tone: TONES.danger, Icon: OverdueIcon },
  'never-done': { tone: TONES.danger, Icon: EmptyCircleIcon },
  'due-today': { tone: TONES.warning, Icon: TodayIcon },
  'due-soon': { tone: TONES.warning, Icon: ClockIcon },
  unavailable: { tone: TONES.unknown, Icon: QuestionIcon },
  'up-to-date': { tone: TONES.ok, Icon: CheckIcon },
  'not-applicable': { tone: TONES.neutral, Icon: DashIcon },
};

/** A small outlined label with its icon (MUI's Chip look, without its button machinery: it is not clickable). */
export function ToneChip(props: { label: string; tone: Tone; Icon: ComponentType<SvgIconProps> }) {
  const { label, tone, Icon } = props;
  return (
    <Box
      component="span"
      className="tone-chip"
      sx={{
        display: 'inline-flex',
        alignItems: 'center',
        gap: 0.5,
        height: 24,
        px: 1,
        boxSizing: 'border-box',
        border: 1,
        borderRadius: 12,
        color: tone.fg,
        bgcolor: tone.bg,
        borderColor: tone.border,
        fontSize: '0.8125rem',
        fontWeight: 600,
        lineHeight: 1,
        whiteSpace: 'nowrap',
        verticalAlign: 'middle',
        '& svg': { fontSize: 18, color: tone.fg, ml: -0.25 },
      }}
    >
      <Icon />
      {label}
    </Box>
  );
}

export function StatusChip({ status }: { status: DisplayStatus }) {
  const look = STATUS_LOOK[status];
  return <ToneChip label={STATUS_LABEL[status]} tone={look.tone} Icon={look.Icon} />;
}
