export type { Policy, Threshold, TierIntervals, CodeList, IntervalItem, ParseResult } from './types.ts';
export { DEFAULT_POLICY } from './defaults.ts';
export { parsePolicy, parsePolicyText } from './parse.ts';
