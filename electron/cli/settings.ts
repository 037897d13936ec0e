// `limber settings [--json]`: the settings in force and where each value comes from (DESIGN §4), from the data folder
// and the organisation's policy, without the app.
import { ownLeaves, policyView, resolveSettings, settingKeys, flattenSettings, type Origin, type Policy } from '../core/policy.ts';
import type { Settings } from '../core/settings.ts';
import { peekSettings } from '../node/settings-file.ts';

export interface SettingsReport {
  settings: Settings;
  /** Every leaf setting by dotted key. */
  origin: Record<string, Origin>;
  /** The `policy` group in force (allowSkip, allowPause, maxPauseMinutes, allowTurnOffBreaks, allowSync), with what is managed and recommended and where each was read. */
  policy: Record<string, unknown>;
  problems: string[];
}

export function settingsReport(dataDir: string, policy: Policy): SettingsReport {
  const file = peekSettings(dataDir);
  const resolved = resolveSettings(ownLeaves(file.settings, file.changed), policy);
  const view = policyView(policy);
  return {
    settings: resolved.settings,
    origin: resolved.origin,
    policy: { ...view.rules, locked: view.locked, managed: view.managed, recommended: view.recommended, sources: view.sources },
    problems: [...file.problems, ...policy.problems, ...resolved.problems],
  };
}

const ORIGIN_WORDS: Record<Origin, string> = {
  default: 'default',
  recommended: 'recommended by your organisation',
  user: 'set by you',
  managed: 'set by your organisation (locked)',
};

function ruleLines(r: SettingsReport['policy']): string[] {
  const out: string[] = [];
  if (r['allowSkip'] === false) out.push('skipping breaks is not allowed');
  if (r['allowPause'] === false) out.push('pausing is not allowed');
  else if (typeof r['maxPauseMinutes'] === 'number') out.push(`pauses of at most ${r['maxPauseMinutes']} minutes`);
  if (r['allowTurnOffBreaks'] === false) out.push('breaks cannot be turned off');
  if (r['allowSync'] === false) out.push('syncing across computers is not allowed');
  return out;
}

export function formatSettingsReport(r: SettingsReport, locations: readonly string[]): string {
  const values = flattenSettings(r.settings);
  const width = Math.max(...settingKeys().map((k) => k.length));
  const lines = ['Settings in force:'];
  for (const k of settingKeys()) {
    const src = r.origin[k] === 'managed' || r.origin[k] === 'recommended' ? (r.policy['sources'] as Record<string, string>)[k] : undefined;
    lines.push(`  ${k.padEnd(width)}  ${JSON.stringify(values[k])}  (${ORIGIN_WORDS[r.origin[k]!]}${src ? `: ${src}` : ''})`);
  }
  const rules = ruleLines(r.policy);
  lines.push('', rules.length ? `Your organisation's rules: ${rules.join('; ')}.` : 'No rules from your organisation limit what you may do.');
  lines.push(`Policies are read from: ${locations.join(', ')}`);
  if (r.problems.length) lines.push('', 'Problems (each value named was ignored):', ...r.problems.map((p) => `  - ${p}`));
  return lines.join('\n') + '\n';
}

/** `doctor`'s lines about the organisation's policy: what is in force, from where, and its problems. */
export function formatPolicySummary(r: SettingsReport, locations: readonly string[]): string {
  const sources = [...new Set(Object.values(r.policy['sources'] as Record<string, string>))];
  const managed = Object.entries(r.origin).filter(([, o]) => o === 'managed').map(([k]) => k);
  const recommended = Object.entries(r.origin).filter(([, o]) => o === 'recommended').map(([k]) => k);
  const lines = ['Organisation policy:'];
  if (!sources.length && !r.problems.length) lines.push(`  none (looked in ${locations.join(', ')})`);
  else {
    lines.push(`  read from: ${sources.length ? sources.join(', ') : 'nothing usable'}`);
    lines.push(`  managed (locked): ${managed.length ? managed.join(', ') : 'none'}`);
    lines.push(`  recommended: ${recommended.length ? recommended.join(', ') : 'none'}`);
    const rules = ruleLines(r.policy);
    if (rules.length) lines.push(`  rules: ${rules.join('; ')}`);
    for (const p of r.problems) lines.push(`  problem: ${p}`);
  }
  return lines.join('\n') + '\n';
}
