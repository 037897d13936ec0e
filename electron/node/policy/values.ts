// Registry values and property-list values carry their own types (a DWORD for a switch, a list of strings for
// weekdays); each is turned into the shape the setting takes before the one schema checks it.
import { defaultRules, flattenSettings } from '../../core/policy.ts';
import { defaultSettings } from '../../core/settings.ts';

type Shape = 'boolean' | 'number' | 'string' | 'number[]' | 'string[]' | 'unknown';

let shapes: Map<string, Shape> | undefined;

/** What each key's value is, from its default (`null` defaults: the pause limit is a number, the sync folder a path). */
export function shapeOf(key: string): Shape {
  if (!shapes) {
    shapes = new Map();
    const defaults = { ...flattenSettings(defaultSettings()), ...Object.fromEntries(Object.entries(defaultRules()).map(([k, v]) => [`policy.${k}`, v])) };
    for (const [k, v] of Object.entries(defaults)) {
      if (typeof v === 'boolean') shapes.set(k, 'boolean');
      else if (typeof v === 'number') shapes.set(k, 'number');
      else if (typeof v === 'string') shapes.set(k, 'string');
      else if (Array.isArray(v)) shapes.set(k, k === 'workHours.days' ? 'number[]' : 'string[]');
      else shapes.set(k, k === 'policy.maxPauseMinutes' ? 'number' : 'string');
    }
  }
  return shapes.get(key) ?? 'unknown';
}

/**
 * A number where a switch is expected (a DWORD 0 or 1) becomes false or true; list items that are digits become
 * numbers where the list holds numbers; a string holding a JSON list is taken as that list. Anything else is left as
 * it is, for the schema to name what is wrong.
 */
export function coerce(key: string, value: unknown): unknown {
  const shape = shapeOf(key);
  if (shape === 'boolean' && (value === 0 || value === 1)) return value === 1;
  if ((shape === 'number[]' || shape === 'string[]') && typeof value === 'string') {
    try {
      const parsed: unknown = JSON.parse(value);
      if (Array.isArray(parsed)) value = parsed;
    } catch {
      // Not JSON: left as a string, which the schema refuses with its own words.
    }
  }
  if (shape === 'number[]' && Array.isArray(value)) return value.map((x) => (typeof x === 'string' && /^\d+$/.test(x.trim()) ? Number(x) : x));
  return value;
}
