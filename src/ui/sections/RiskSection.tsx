/**
 * The risk tier with every reason and where the rule comes from. "Unknown" lists what is missing;
 * missing data never shows as low.
 */
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { RiskResult, RiskTier } from '../../clinical/types.ts';
import { TIER_LABEL } from '../labels.ts';
import { usDates } from '../format.ts';
import { ToneChip, TONES, type Tone } from '../shared/StatusChip.tsx';
import { CheckIcon, DashIcon, OverdueIcon, QuestionIcon, WarningIcon } from '../shared/icons.tsx';

const TIER_LOOK: Record<RiskTier, { tone: Tone; Icon: typeof CheckIcon }> = {
  high: { tone: TONES.danger, Icon: OverdueIcon },
  moderate: { tone: TONES.warning, Icon: WarningIcon },
  low: { tone: TONES.ok, Icon: CheckIcon },
  unknown: { tone: TONES.unknown, Icon: QuestionIcon },
  'not-applicable': { tone: TONES.neutral, Icon: DashIcon },
};

const REASONS_HEADING: Record<RiskTier, string> = {
  high: 'Why high',
  moderate: 'Why moderate',
  low: 'Why low',
  unknown: 'What is missing',
  'not-applicable': 'Why not in scope',
};

export function RiskSection({ risk }: { risk: RiskResult }) {
  const look = TIER_LOOK[risk.tier];
  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }} data-testid="risk-tier">
        <Typography component="span" sx={{ fontWeight: 700 }}>
          Risk tier:
        </Typography>
        <ToneChip label={TIER_LABEL[risk.tier]} tone={look.tone} Icon={look.Icon} />
      </Box>
      <Typography component="h3" variant="subtitle2" sx={{ mt: 1.5 }}>
        {REASONS_HEADING[risk.tier]}
      </Typography>
      {risk.reasons.length === 0 ? (
        <Typography variant="body2">
          {risk.tier === 'unknown'
            ? 'The engine did not say what is missing; treat the tier as not determined.'
            : 'No reasons were given for this tier.'}
        </Typography>
      ) : (
        <Box component="ul" sx={{ m: 0, pl: 3 }}>
          {risk.reasons.map((reason) => (
            <li key={reason.id}>
              <Typography variant="body2">{usDates(reason.text)}</Typography>
              <Typography variant="caption" color="text.secondary" component="p">
                Source: {reason.source} · rule {reason.id}
              </Typography>
            </li>
          ))}
        </Box>
      )}
    </Box>
  );
}
