/**
 * parsePolicy: validates a clinic policy JSON value against the shape of DEFAULT_POLICY and returns either the
 * policy or every error, each naming the bad field path ("intervals.udt.high: expected a positive integer").
 * The whole file is required (no silent defaults for a misspelt key: unknown keys are errors too).
 * Every `source` is a list of citations `[{label, url?}]` (url: an http(s) address). A plain-text `source` (the
 * format before citations) is still accepted and read as one citation without a link.
 */
import { DEFAULT_POLICY } from './defaults.ts';
import type { ParseResult, Policy } from './types.ts';

type Json = unknown;

const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isThreshold = (v: Json) => isObject(v) && 'value' in v && Object.keys(v).length === 2;
const isIntervals = (v: Json) => isObject(v) && 'low' in v && 'moderate' in v && 'high' in v;
const isCodeList = (v: Json) => isObject(v) && Array.isArray(v.codes);

/** Day counts and intervals must be whole days; scores/MME/age may be any non-negative number. */
function isDaysKey(path: string): boolean {
  return /Days$/.test(path.split('.').slice(-1)[0]) || path.startsWith('intervals.') || path === 'dueSoonDays';
}

const WEB_ADDRESS = /^https?:\/\/[^\s"'<>]+$/;

function checkSource(v: Record<string, Json>, path: string, errors: string[]) {
  const at = `${path ? `${path}.` : ''}source`;
  const s = v.source;
  if (typeof s === 'string') {
    if (s.trim() === '') errors.push(`${at}: expected a non-empty list of citations [{label, url}]`);
    return;
  }
  if (!Array.isArray(s) || s.length === 0) {
    errors.push(`${at}: expected a non-empty list of citations [{label, url}]`);
    return;
  }
  s.forEach((c: Json, i: number) => {
    if (!isObject(c)) return errors.push(`${at}[${i}]: expected an object {label, url}`);
    for (const key of Object.keys(c)) if (key !== 'label' && key !== 'url') errors.push(`${at}[${i}].${key}: unknown field`);
    if (typeof c.label !== 'string' || c.label.trim() === '') errors.push(`${at}[${i}].label: expected a non-empty string`);
    if (c.url !== undefined && (typeof c.url !== 'string' || !WEB_ADDRESS.test(c.url))) errors.push(`${at}[${i}].url: expected an http or https address`);
  });
}

/** A copy with every plain-text `source` turned into one citation (the format before citations). */
function normalizeSources(v: Json): Json {
  if (Array.isArray(v)) return v.map(normalizeSources);
  if (!isObject(v)) return v;
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(v)) {
    out[key] = key === 'source' && typeof value === 'string' ? [{ label: value.trim() }] : key === 'source' ? value : normalizeSources(value);
  }
  return out;
}

function checkNumber(v: Json, path: string, days: boolean, errors: string[]) {
  if (days) {
    if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0) errors.push(`${path}: expected a positive integer`);
  } else if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
    errors.push(`${path}: expected a non-negative number`);
  }
}

function checkCodes(v: Json, path: string, errors: string[]) {
  if (!Array.isArray(v)) return errors.push(`${path}: expected an array of {system, code}`);
  v.forEach((c, i) => {
    if (!isObject(c)) return errors.push(`${path}[${i}]: expected an object {system, code}`);
    if (typeof c.system !== 'string' || !c.system) errors.push(`${path}[${i}].system: expected a non-empty string`);
    if (typeof c.code !== 'string' || !c.code) errors.push(`${path}[${i}].code: expected a non-empty string`);
    if (c.display !== undefined && typeof c.display !== 'string') errors.push(`${path}[${i}].display: expected a string`);
  });
}

function checkUnknown(value: Record<string, Json>, shape: Record<string, Json>, path: string, errors: string[]) {
  for (const key of Object.keys(value)) {
    if (!(key in shape)) errors.push(`${path ? `${path}.` : ''}${key}: unknown field`);
  }
}

/** Walks `value` alongside the default's `shape`. */
function walk(value: Json, shape: Json, path: string, errors: string[]) {
  if (value === undefined) return errors.push(`${path}: missing`);
  if (isThreshold(shape)) {
    if (!isObject(value)) return errors.push(`${path}: expected an object {value, source}`);
    checkUnknown(value, shape as Record<string, Json>, path, errors);
    checkNumber(value.value, `${path}.value`, isDaysKey(path), errors);
    return checkSource(value, path, errors);
  }
  if (isIntervals(shape)) {
    if (!isObject(value)) return errors.push(`${path}: expected an object {low, moderate, high, source}`);
    checkUnknown(value, shape as Record<string, Json>, path, errors);
    for (const tier of ['low', 'moderate', 'high']) checkNumber(value[tier], `${path}.${tier}`, true, errors);
    return checkSource(value, path, errors);
  }
  if (isCodeList(shape)) {
    if (!isObject(value)) return errors.push(`${path}: expected an object {codes, source}`);
    checkUnknown(value, shape as Record<string, Json>, path, errors);
    checkCodes(value.codes, `${path}.codes`, errors);
    return checkSource(value, path, errors);
  }
  if (isObject(shape)) {
    if (!isObject(value)) return errors.push(`${path || 'policy'}: expected an object`);
    checkUnknown(value, shape, path, errors);
    for (const key of Object.keys(shape)) {
      if (key === 'source') checkSource(value, path, errors);
      else walk(value[key], shape[key], path ? `${path}.${key}` : key, errors);
    }
    return;
  }
  if (typeof shape === 'string' && typeof value !== 'string') errors.push(`${path}: expected a string`);
  if (typeof shape === 'number' && value !== shape) errors.push(`${path}: expected ${shape}`);
}

/** Cross-field rules that the shape alone cannot express. */
function checkConsistency(p: Policy, errors: string[]) {
  if (p.risk.moderateMme.value >= p.risk.highMme.value) {
    errors.push('risk.moderateMme.value: must be below risk.highMme.value');
  }
  if (p.risk.ortModerate.value >= p.risk.ortHigh.value) errors.push('risk.ortModerate.value: must be below risk.ortHigh.value');
  if (p.peg.improvementPct.value > 100) errors.push('peg.improvementPct.value: expected a percentage 0–100');
}

export function parsePolicy(json: unknown): ParseResult {
  const errors: string[] = [];
  walk(json, DEFAULT_POLICY, '', errors);
  if (errors.length) return { ok: false, errors };
  const policy = normalizeSources(json) as Policy;
  checkConsistency(policy, errors);
  return errors.length ? { ok: false, errors } : { ok: true, policy };
}

/** Parse policy text (a file's content); JSON syntax errors are reported as one error. */
export function parsePolicyText(text: string): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`policy: not valid JSON (${(e as Error).message})`] };
  }
  return parsePolicy(json);
}
