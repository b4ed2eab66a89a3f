import { Alert, AlertTitle, Box, Typography } from '@mui/material';
import type { LaunchFailure } from '../fhir/smart.ts';

/** What went wrong with the launch and how to relaunch — never a blank screen or a stack trace. */
export function LaunchErrorPage({ failure }: { failure: LaunchFailure }) {
  return (
    <Box component="main" sx={{ p: 3, maxWidth: 720 }}>
      <Alert severity="error" role="alert">
        <AlertTitle component="h1" sx={{ fontSize: '1.2rem' }}>{failure.title}</AlertTitle>
        <Typography>{failure.message}</Typography>
        {failure.detail ? <Typography variant="body2" sx={{ mt: 1 }}>Details: {failure.detail}</Typography> : null}
      </Alert>
    </Box>
  );
}
