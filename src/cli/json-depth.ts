/**
 * Nesting depth of parsed JSON. FHIR data nests a few dozen levels at most (Bundle › entry › resource ›
 * extension ...); far deeper input is refused with "nesting too deep" before any recursive code (the engine,
 * JSON.stringify) meets it. The walk is iterative, so it cannot overflow the stack itself.
 */
export const MAX_JSON_DEPTH = 100;

/** True when `value` nests objects/arrays more than `max` levels deep (the value itself is level 1). */
export function nestedTooDeep(value: unknown, max = MAX_JSON_DEPTH): boolean {
  if (value === null || typeof value !== 'object') return false;
  const stack: [object, number][] = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (depth > max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}
