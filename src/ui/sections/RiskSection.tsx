/**
 * The risk tier with every reason and where the rule comes from. "Unknown" lists what is missing;
 * missing data never shows as low.
 */
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { Reason, RiskResult, RiskTier, UdtFinding } from '../../clinical/types.ts';
import { UdtFindings } from './UdtFindings.tsx';
import { TIER_LABEL } from '../labels.ts';
import { useEngineText } from '../engine-text.ts';
import { Citations } from '../shared/Citations.tsx';
import { DisclosureButton, DisclosurePanel, useDisclosure } from '../shared/Disclosure.tsx';
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

export function RiskSection({ risk, udtFindings = [] }: { risk: RiskResult; udtFindings?: UdtFinding[] }) {
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
            <ReasonItem key={reason.id} reason={reason} />
          ))}
        </Box>
      )}
      <UdtFindings findings={udtFindings} />
    </Box>
  );
}

/** One reason in words; its sources (titles and links) on demand. Rule ids are for programs, not shown. */
function ReasonItem({ reason }: { reason: Reason }) {
  const et = useEngineText();
  const sources = useDisclosure();
  return (
    <li>
      <Typography variant="body2" component="span">
        {et(reason.text)}
      </Typography>{' '}
      <DisclosureButton open={sources.open} onToggle={sources.toggle} controls={sources.id} label={`Sources: ${et(reason.text)}`}>
        Sources
      </DisclosureButton>
      <DisclosurePanel id={sources.id} open={sources.open}>
        <Citations citations={reason.citations} fallback={reason.source} />
      </DisclosurePanel>
    </li>
  );
}
