// DESIGN §1 "Set up by the organisation": the merge, per-key validation and what the `policy` group forbids.
import { describe, expect, it } from 'vitest';
import {
  allowedActions,
  changedLeaves,
  combineSources,
  emptyPolicy,
  flattenSettings,
  lockedKeys,
  readPolicyLayer,
  refusal,
  resolveSettings,
  settingKeys,
  type Policy,
} from './policy.ts';
import { defaultSettings } from './settings.ts';
import { localToEpoch } from './work-hours.ts';

const ZONE = 'Europe/Berlin';
const MON_10 = localToEpoch(2026, 11, 23, 10, 0, ZONE);

function policy(managed: unknown, recommended: unknown = {}): Policy {
  return combineSources([
    { kind: 'recommended', source: 'rec.json', data: recommended },
    { kind: 'managed', source: 'man.json', data: managed },
  ]);
}

const ctx = (settings = defaultSettings(), now = MON_10) => ({ now, settings, timeZone: ZONE });

describe('one merge: default ← recommended ← user ← managed, per leaf', () => {
  it('a managed value wins over the user’s own and is reported as managed', () => {
    const r = resolveSettings({ 'microBreak.everyMinutes': 20 }, policy({ microBreak: { everyMinutes: 50 } }));
    expect(r.settings.microBreak.everyMinutes).toBe(50);
    expect(r.origin['microBreak.everyMinutes']).toBe('managed');
  });

  it('a recommended value replaces the default; the user’s own change wins over it', () => {
    const p = policy({}, { microBreak: { everyMinutes: 45 }, snoozeMinutes: 10 });
    const r = resolveSettings({ snoozeMinutes: 3 }, p);
    expect(r.settings.microBreak.everyMinutes).toBe(45);
    expect(r.origin['microBreak.everyMinutes']).toBe('recommended');
    expect(r.settings.snoozeMinutes).toBe(3);
    expect(r.origin['snoozeMinutes']).toBe('user');
    expect(r.origin['headsUpSeconds']).toBe('default');
  });

  it('a setting the user has not changed follows a changed recommendation', () => {
    const user = {};
    expect(resolveSettings(user, policy({}, { headsUpSeconds: 120 })).settings.headsUpSeconds).toBe(120);
    expect(resolveSettings(user, policy({}, { headsUpSeconds: 30 })).settings.headsUpSeconds).toBe(30);
  });

  it('names every leaf setting in origin', () => {
    const r = resolveSettings({}, emptyPolicy());
    expect(Object.keys(r.origin).sort()).toEqual(settingKeys().sort());
    expect(Object.keys(r.origin)).toContain('microBreak.everyMinutes');
    expect(Object.keys(r.origin)).toContain('workHours.days');
  });

  it('a cross-field clash drops the lower layer’s value, never the managed one', () => {
    const r = resolveSettings({ 'workHours.start': '16:00' }, policy({ workHours: { end: '15:00' } }));
    expect(r.settings.workHours.end).toBe('15:00');
    expect(r.settings.workHours.start).toBe('09:00');
    expect(r.problems.join()).toMatch(/workHours\.start from your settings/);
  });

  it('only the changed leaves of a whole group become the user’s', () => {
    const inForce = resolveSettings({}, policy({}, { microBreak: { everyMinutes: 45 } })).settings;
    const patch = { microBreak: { ...inForce.microBreak, durationSeconds: 90 } };
    expect(changedLeaves(patch, inForce, {})).toEqual({ 'microBreak.durationSeconds': 90 });
    expect(changedLeaves({ snoozeMinutes: 5 }, inForce, { snoozeMinutes: 7 })).toEqual({ snoozeMinutes: 5 });
  });
});

describe('per-key validation: a bad value is ignored for that key alone', () => {
  it('names the source and the key, and keeps the rest', () => {
    const r = readPolicyLayer(
      { microBreak: { everyMinutes: 2, durationSeconds: 90 }, sound: 'yes', nope: 1, positions: ['seated'] },
      '/etc/limber/policies/managed/10.json',
      { rules: true },
    );
    expect(r.values).toEqual({ 'microBreak.durationSeconds': 90, positions: ['seated'] });
    expect(r.problems).toEqual([
      '/etc/limber/policies/managed/10.json: microBreak.everyMinutes must be a whole number from 5 to 240 minutes; ignored',
      '/etc/limber/policies/managed/10.json: sound must be true or false; ignored',
      '/etc/limber/policies/managed/10.json: nope is not a known setting; ignored',
    ]);
  });

  it('takes dotted keys as well as nested groups, and a group that is not an object is one message', () => {
    const r = readPolicyLayer({ 'longBreak.everyNth': 3, workHours: 5 }, 'src', { rules: true });
    expect(r.values).toEqual({ 'longBreak.everyNth': 3 });
    expect(r.problems).toEqual(['src: workHours must be a group of settings (an object), not a number; ignored']);
  });

  it('the policy group is managed only', () => {
    const r = readPolicyLayer({ policy: { allowSkip: false } }, 'rec', { rules: false });
    expect(r.rules).toEqual({});
    expect(r.problems[0]).toMatch(/^rec: policy\.allowSkip can only be managed/);
    expect(readPolicyLayer({ policy: { allowSkip: false, maxPauseMinutes: 0 } }, 'man', { rules: true })).toMatchObject({
      rules: { allowSkip: false },
      problems: ['man: policy.maxPauseMinutes must be a whole number from 1 to 10080 minutes, or null for no limit; ignored'],
    });
  });

  it('a later source wins per key; the machine’s sources come last', () => {
    const p = combineSources([
      { kind: 'managed', source: 'a.json', data: { snoozeMinutes: 3, sound: false } },
      { kind: 'managed', source: 'b.json', data: { snoozeMinutes: 9 } },
    ]);
    expect(p.managed.values).toEqual({ snoozeMinutes: 9, sound: false });
    expect(p.managed.sources).toEqual({ snoozeMinutes: 'b.json', sound: 'a.json' });
  });
});

describe('what the policy group forbids', () => {
  it('allows everything by default', () => {
    const rules = emptyPolicy().rules;
    expect(refusal({ do: 'skip' }, rules, ctx())).toBeNull();
    expect(refusal({ do: 'pause' }, rules, ctx())).toBeNull();
    expect(refusal({ do: 'pause', until: 'tomorrow' }, rules, ctx())).toBeNull();
  });

  it('refuses skipping and pausing when they are not allowed', () => {
    const p = policy({ policy: { allowSkip: false, allowPause: false } });
    expect(refusal({ do: 'skip' }, p.rules, ctx())?.message).toMatch(/skipping/);
    expect(refusal({ do: 'pause', minutes: 5 }, p.rules, ctx())?.message).toMatch(/pausing/);
    expect(refusal({ do: 'snooze' }, p.rules, ctx())).toBeNull();
    expect(refusal({ do: 'resume' }, p.rules, ctx())).toBeNull();
  });

  it('refuses a pause longer than maxPauseMinutes, naming the limit', () => {
    const { rules } = policy({ policy: { maxPauseMinutes: 60 } });
    expect(refusal({ do: 'pause', minutes: 60 }, rules, ctx())).toBeNull();
    expect(refusal({ do: 'pause', minutes: 61 }, rules, ctx())?.message).toMatch(/at most 1 hour \(maxPauseMinutes 60\)/);
    expect(refusal({ do: 'pause' }, rules, ctx())?.message).toMatch(/until resumed/);
  });

  it('"until tomorrow" is refused only when it lasts longer than the limit', () => {
    const { rules } = policy({ policy: { maxPauseMinutes: 360 } });
    // Tomorrow's work starts at 08:00: at 02:30 (still last night) that is 330 minutes away, at 10:00 22 hours.
    expect(refusal({ do: 'pause', until: 'tomorrow' }, rules, ctx(defaultSettings(), localToEpoch(2026, 11, 24, 2, 30, ZONE)))).toBeNull();
    expect(refusal({ do: 'pause', until: 'tomorrow' }, rules, ctx())?.message).toMatch(/maxPauseMinutes 360\); until tomorrow/);
  });

  it('offers only what it allows', () => {
    const { rules } = policy({ policy: { allowSkip: false, maxPauseMinutes: 60 } });
    const a = allowedActions(rules, ctx());
    expect(a.skip).toBe(false);
    expect([30, 60, 120, 'tomorrow' as const, null].map((m) => a.pause(m))).toEqual([true, true, false, false, false]);
  });

  it('breaks that may not be turned off stay on, locked', () => {
    const p = policy({ policy: { allowTurnOffBreaks: false } });
    const r = resolveSettings({ 'microBreak.enabled': false, 'longBreak.enabled': false }, p);
    expect(r.settings.microBreak.enabled).toBe(true);
    expect(r.settings.longBreak.enabled).toBe(true);
    expect(lockedKeys(p)).toEqual(['microBreak.enabled', 'longBreak.enabled']);
    expect(r.origin['microBreak.enabled']).toBe('managed');
  });

  it('flattens every leaf of the defaults', () => {
    expect(Object.keys(flattenSettings(defaultSettings()))).toEqual(settingKeys());
  });
});
