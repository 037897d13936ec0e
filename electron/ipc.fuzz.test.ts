// IPC fuzzing against a hand-written description of the contract. Whether a message is acceptable is decided by the
// description below (`judge`), never by the validator under test: valid messages are generated from it, invalid ones
// by perturbing each field of a valid one, and the app must accept exactly what the description accepts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEST_ORIGIN as ORIGIN, startTestApp as setup } from '../e2e/harness/test-app.ts';
import { EXERCISES } from './core/catalog.ts';
import { RequestSchema, isTrustedSender, parseRequest, } from './ipc.ts';

// ---- the contract, written out by hand ---------------------------------------------------------------------------

type Field = (
  | { kind: 'int'; min: number; max: number }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'ids'; maxItems: number }
  | { kind: 'string'; maxLength: number }
  | { kind: 'deviceId' }
  | { kind: 'object' }
) & {
  /** May be left out (or undefined). */
  optional?: boolean;
  /** May be null. */
  nullable?: boolean;
};

const CATALOG_IDS: readonly string[] = EXERCISES.map((e) => e.id);
const progress = { exercises: { kind: 'ids', maxItems: 32 }, seconds: { kind: 'int', min: 0, max: 3 * 3600 } } as const;

/** Every channel and the fields its message carries besides `type`; fields are required unless optional, no others allowed. */
const CONTRACT: Record<string, Record<string, Field>> = {
  hello: {},
  'break:start': {},
  'break:snooze': {},
  'break:skip': {},
  'break:finish': progress,
  'break:progress': progress,
  'settings:get': {},
  'settings:set': { patch: { kind: 'object' } },
  'settings:reset': {},
  'shortcut:try': { accelerator: { kind: 'string', maxLength: 64 } },
  'stats:get': { days: { kind: 'int', min: 1, max: 3660 }, device: { kind: 'deviceId', optional: true } },
  'data:open-folder': {},
  'notification:test': {},
  'locale:get': {},
  'history:export': { format: { kind: 'enum', values: ['csv', 'json'] } },
  'computers:get': {},
  'computers:pick-folder': {},
  'computers:set-folder': { folder: { kind: 'string', maxLength: 4096, nullable: true } },
  'computers:rename': { name: { kind: 'string', maxLength: 256 } },
};

const isPlainObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && (Object.getPrototypeOf(x) === Object.prototype || Object.getPrototypeOf(x) === null);

function fieldOk(f: Field, x: unknown): boolean {
  if (f.nullable && x === null) return true;
  switch (f.kind) {
    case 'deviceId':
      return typeof x === 'string' && /^[a-z0-9-]{1,64}$/.test(x);
    case 'int':
      return typeof x === 'number' && Number.isInteger(x) && x >= f.min && x <= f.max;
    case 'enum':
      return typeof x === 'string' && f.values.includes(x);
    case 'string':
      return typeof x === 'string' && x.length <= f.maxLength;
    case 'ids':
      return Array.isArray(x) && x.length <= f.maxItems && x.every((id) => typeof id === 'string' && CATALOG_IDS.includes(id));
    case 'object':
      return isPlainObject(x);
  }
}

/** What the description says about a message: acceptable or not. */
function judge(msg: unknown): boolean {
  if (!isPlainObject(msg) || typeof msg.type !== 'string' || !Object.hasOwn(CONTRACT, msg.type)) return false;
  const fields = CONTRACT[msg.type]!;
  const keys = Object.keys(msg).filter((k) => k !== 'type');
  if (keys.some((k) => !Object.hasOwn(fields, k))) return false;
  return Object.entries(fields).every(([name, f]) =>
    f.optional && msg[name] === undefined ? true : Object.hasOwn(msg, name) && fieldOk(f, msg[name]),
  );
}

// ---- generators from the description ------------------------------------------------------------------------------

function validField(f: Field): fc.Arbitrary<unknown> {
  if (f.nullable) return fc.oneof(fc.constant(null), validField({ ...f, nullable: false }));
  switch (f.kind) {
    case 'deviceId':
      return fc.stringMatching(/^[a-z0-9-]{1,64}$/);
    case 'int':
      return fc.oneof(fc.constantFrom(f.min, f.max), fc.integer({ min: f.min, max: f.max }));
    case 'enum':
      return fc.constantFrom(...f.values);
    case 'string':
      return fc.oneof(fc.string({ maxLength: f.maxLength }), fc.constant('x'.repeat(f.maxLength)));
    case 'ids':
      return fc.array(fc.constantFrom(...CATALOG_IDS), { maxLength: f.maxItems });
    case 'object':
      return fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 4 });
  }
}

const validMessage: fc.Arbitrary<Record<string, unknown>> = fc.constantFrom(...Object.keys(CONTRACT)).chain((type) => {
  const fields = CONTRACT[type]!;
  const names = Object.keys(fields);
  const field = (f: Field) => (f.optional ? fc.option(validField(f), { nil: undefined }) : validField(f));
  return fc
    .tuple(...names.map((n) => field(fields[n]!)))
    .map((values) => ({ type, ...Object.fromEntries(names.map((n, i) => [n, values[i]]).filter(([, x]) => x !== undefined)) }));
});

/** Values that break a field: each of wrong type, out of range, overlong, not in the catalog, a near miss. */
function badValues(f: Field): unknown[] {
  const wrongTypes = [null, undefined, true, 'text', 7, 1.5, [], {}, Number.NaN];
  if (f.nullable) return badValues({ ...f, nullable: false }).filter((x) => x !== null);
  switch (f.kind) {
    case 'deviceId':
      return [null, true, 7, [], {}, '', 'A', 'a b', '../x', 'x'.repeat(65), ['a']];
    case 'int':
      return [...wrongTypes, f.min - 1, f.max + 1, f.min + 0.5, Number.POSITIVE_INFINITY, String(f.min), -Number.MAX_VALUE];
    case 'enum':
      return [...wrongTypes, '', f.values[0]!.toUpperCase(), `${f.values[0]} `, 'xml'];
    case 'string':
      return [null, undefined, true, 7, [], {}, 'x'.repeat(f.maxLength + 1), ['CommandOrControl+K']];
    case 'ids':
      return [
        ...wrongTypes.filter((w) => !Array.isArray(w)),
        ['not-an-exercise'],
        [CATALOG_IDS[0]!, 'neck-roll-x'],
        [CATALOG_IDS[0]!.toUpperCase()],
        [7],
        [null],
        Array.from({ length: f.maxItems + 1 }, (_, i) => CATALOG_IDS[i % CATALOG_IDS.length]!),
        ['a'.repeat(5000)],
      ];
    case 'object':
      return [null, undefined, 'patch', 7, true, [], [{ sound: false }], new Date(0), new Map([['sound', false]])];
  }
}

/** Every single-field perturbation of one valid message of each channel, plus wrong, missing and extra keys. */
function perturbations(): unknown[] {
  const out: unknown[] = [null, undefined, 'hello', 42, [], [{ type: 'hello' }], {}, { type: 'nope' }, { type: 'HELLO' }, { type: 7 }];
  for (const [type, fields] of Object.entries(CONTRACT)) {
    const base: Record<string, unknown> = { type };
    for (const [name, f] of Object.entries(fields)) base[name] = fc.sample(validField(f), { numRuns: 1, seed: 1 })[0];
    out.push({ ...base, extra: 1 }, { ...JSON.parse('{"__proto__": {}}'), ...base }, { ...base, type: `${type} ` });
    for (const [name, f] of Object.entries(fields)) {
      const { [name]: _dropped, ...missing } = base;
      out.push(missing);
      for (const bad of badValues(f)) out.push({ ...base, [name]: bad });
    }
  }
  return out;
}

describe('IPC contract, judged by its description', () => {
  it('describes every channel of the schema, and no other', () => {
    expect(RequestSchema.options.map((o) => o.entries.type.literal).sort()).toEqual(Object.keys(CONTRACT).sort());
  });

  it('the description itself tells valid from invalid (a check on the oracle)', () => {
    expect(judge({ type: 'stats:get', days: 1 })).toBe(true);
    expect(judge({ type: 'stats:get', days: 0 })).toBe(false);
    expect(judge({ type: 'break:finish', exercises: [CATALOG_IDS[0]], seconds: 60 })).toBe(true);
    expect(judge({ type: 'break:finish', exercises: ['not-an-exercise'], seconds: 60 })).toBe(false);
    expect(judge({ type: 'hello', extra: 1 })).toBe(false);
  });

  it('every valid message generated from the description is accepted', () => {
    fc.assert(
      fc.property(validMessage, (msg) => {
        expect(judge(msg)).toBe(true);
        expect(parseRequest(msg)).toMatchObject({ ok: true });
      }),
      { numRuns: 1000, seed: 12 },
    );
  });

  it('every perturbed field is judged and refused exactly as the description says', () => {
    const cases = perturbations();
    expect(cases.length).toBeGreaterThan(150);
    const wrong = cases.filter((msg) => parseRequest(msg).ok !== judge(msg));
    expect(wrong).toEqual([]);
    // The perturbations are nearly all invalid; the few that are not (a valid key order, say) must still agree.
    expect(cases.filter((msg) => !judge(msg)).length).toBeGreaterThan(140);
  });

  it('random messages near the contract: the validator agrees with the description', () => {
    const near = fc.oneof(
      fc.anything(),
      validMessage,
      validMessage.chain((m) => fc.record({ key: fc.constantFrom(...Object.keys(m), 'extra'), value: fc.anything() }).map(({ key, value }) => ({ ...m, [key]: value }))),
      validMessage.chain((m) => fc.constantFrom(...Object.keys(m)).map((key) => Object.fromEntries(Object.entries(m).filter(([k]) => k !== key)))),
    );
    fc.assert(
      fc.property(near, (msg) => {
        expect(parseRequest(msg).ok).toBe(judge(msg));
      }),
      { numRuns: 3000, seed: 99 },
    );
  });

  it('the app refuses, logs and ignores what the description refuses, and takes what it accepts', async () => {
    const invalid = perturbations().filter((m) => !judge(m));
    const { app, history, settings, windows, logs } = setup();
    app.run({ name: 'break', kind: 'micro' });
    const status = JSON.stringify(app.status());
    const current = JSON.stringify(app.currentSettings());
    for (const msg of invalid) {
      const reply = await app.handleRequest({ window: 'break', url: `${ORIGIN}break.html` }, msg);
      expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^invalid request: /) });
    }
    expect(logs.filter((l) => l.startsWith('refused')).length).toBe(invalid.length);
    expect(JSON.stringify(app.status())).toBe(status);
    expect(JSON.stringify(app.currentSettings())).toBe(current);
    expect(history.records).toEqual([]);
    expect(settings.saved).toEqual([]);
    expect(windows.opened).toEqual(['break']);

    await fc.assert(
      fc.asyncProperty(validMessage, async (msg) => {
        const reply = await setup().app.handleRequest({ window: 'settings', url: `${ORIGIN}settings.html` }, msg);
        if (!reply.ok) expect(reply.error).not.toMatch(/^invalid request/);
      }),
      { numRuns: 200, seed: 5 },
    );
  });
});

describe('sender check', () => {
  const RENDERER = 'file:///opt/Limber/resources/app.asar/out/renderer/';

  it('accepts our own pages', () => {
    for (const page of ['break.html', 'settings.html', 'stats.html?days=30', 'welcome.html#top']) expect(isTrustedSender(RENDERER + page, RENDERER)).toBe(true);
    expect(isTrustedSender(`${ORIGIN}break.html`, ORIGIN)).toBe(true);
  });

  it('refuses other places, `..` and its encodings, and what does not parse', () => {
    const refused = [
      'https://example.com/',
      // Only the prefix exactly as written: a URL that merely resolves to it is not ours either.
      'FILE:///opt/Limber/resources/app.asar/out/renderer/break.html',
      'file:///opt/Limber/resources/app.asar/out/renderer-evil/break.html',
      'file:///opt/Limber/resources/app.asar/out/rendererbreak.html',
      `${RENDERER}../../../../tmp/evil.html`,
      `${RENDERER}%2e%2e/%2e%2e/evil.html`,
      `${RENDERER}%2E%2E/evil.html`,
      `${RENDERER}.%2e/evil.html`,
      `${RENDERER}sub/%2e%2e%2f%2e%2e%2fevil.html`,
      `${RENDERER}%2e%2e%5cevil.html`,
      `${RENDERER}%E0%A4%A.html`,
      '',
      'not a url',
    ];
    for (const url of refused) expect([url, isTrustedSender(url, RENDERER)]).toEqual([url, false]);
  });

  it('the app uses it: a message from an encoded path outside the renderer is refused before it is read', async () => {
    const { app, logs } = setup();
    const reply = await app.handleRequest({ window: 'break', url: `${ORIGIN}%2e%2e/x.html` }, { type: 'break:start' });
    expect(reply).toEqual({ ok: false, error: 'untrusted sender' });
    expect(app.status().phase).toBe('working');
    expect(logs.some((l) => l.includes('untrusted'))).toBe(true);
  });
});
