// The admin templates generated from the settings schema: well-formed XML, every id they reference defined, every
// setting covered (a setting added without its words fails here), and the JSON Schema accepts the docs' examples.
import fs from 'node:fs';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { combineSources, leafInfos } from '../../core/policy.ts';
import { ADML_CULTURES, DESCRIPTIONS, SETTING_LABELS, EXAMPLE_MANAGED, EXAMPLE_RECOMMENDED, admxTemplates, mobileconfigExample, policyFileJsonSchema, policyTemplateFiles, profileManifest } from './templates.ts';
import { parseXmlPlist, preferenceSources } from './macos-preferences.ts';
import { LANGUAGE_CODES, type LanguageCode } from '../../core/i18n/languages.ts';
import { loadLocale, translator, type T } from '../../core/i18n/locales.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');

type El = { getAttribute(n: string): string | null; getElementsByTagName(n: string): { length: number; [i: number]: El }; textContent: string | null; tagName: string };

function parseXml(text: string): { documentElement: El } {
  const errors: string[] = [];
  const doc = new DOMParser({
    errorHandler: { warning: (m: string) => void errors.push(m), error: (m: string) => void errors.push(m), fatalError: (m: string) => void errors.push(m) },
  }).parseFromString(text, 'text/xml') as unknown as { documentElement: El };
  expect(errors).toEqual([]);
  return doc;
}

const all = (root: El, tag: string): El[] => {
  const list = root.getElementsByTagName(tag);
  return Array.from({ length: list.length }, (_, i) => list[i]!);
};

const admxName = (key: string) => key.replace(/[^A-Za-z0-9]/g, '_');

/** Each shipped language's words, loaded the way the windows load them. */
const WORDS = Object.fromEntries(await Promise.all(LANGUAGE_CODES.map(async (c) => [c, translator(await loadLocale(c))] as const))) as Record<LanguageCode, T>;

describe('ADMX and ADML', () => {
  const { admx, adml } = admxTemplates();
  const a = parseXml(admx).documentElement;
  const l = parseXml(adml).documentElement;

  it('parse as XML with the Group Policy roots', () => {
    expect(a.tagName).toBe('policyDefinitions');
    expect(l.tagName).toBe('policyDefinitionResources');
  });

  it('every string and presentation the ADMX references is defined in the ADML, and none is defined twice', () => {
    const strings = all(l, 'string').map((s) => s.getAttribute('id'));
    const presentations = all(l, 'presentation').map((p) => p.getAttribute('id'));
    expect(new Set(strings).size).toBe(strings.length);
    expect(new Set(presentations).size).toBe(presentations.length);
    const refs = [...admx.matchAll(/\$\((string|presentation)\.([^)]+)\)/g)];
    expect(refs.length).toBeGreaterThan(50);
    for (const [, kind, id] of refs) expect(kind === 'string' ? strings : presentations, `${kind}.${id}`).toContain(id);
    // Each presentation's controls name an element of its policy.
    const elementIds = new Set(['decimal', 'text', 'enum', 'multiText'].flatMap((t) => all(a, t).map((e) => e.getAttribute('id'))));
    for (const tag of ['decimalTextBox', 'textBox', 'dropdownList', 'multiTextBox']) for (const c of all(l, tag)) expect(elementIds).toContain(c.getAttribute('refId'));
    // Categories referenced exist.
    const categories = new Set(all(a, 'category').map((c) => c.getAttribute('name')));
    for (const p of all(a, 'parentCategory')) expect(categories).toContain(p.getAttribute('ref'));
  });

  it('cover every setting, managed and recommended (rules managed only), with its range', () => {
    const policies = new Map(all(a, 'policy').map((p) => [p.getAttribute('name')!, p]));
    for (const { key, info, managedOnly } of leafInfos()) {
      const managed = policies.get(admxName(key));
      expect(managed, key).toBeDefined();
      expect(managed!.getAttribute('key')).toBe(`Software\\Policies\\Limber${key.includes('.') ? `\\${key.split('.')[0]}` : ''}`);
      expect(policies.has(`${admxName(key)}_Recommended`), key).toBe(!managedOnly);
      if (info.kind === 'integer') {
        const d = all(managed!, 'decimal')[0]!;
        if (info.min !== null) expect(d.getAttribute('minValue')).toBe(String(info.min));
        if (info.max !== null) expect(d.getAttribute('maxValue')).toBe(String(info.max));
      }
    }
    const explain = all(l, 'string').find((s) => s.getAttribute('id') === 'microBreak_everyMinutes_Explain')!;
    expect(explain.textContent).toMatch(/from 5 to 240/);
  });

  it('an ADML for every shipped language, in its Windows culture folder', () => {
    expect(Object.keys(ADML_CULTURES).sort()).toEqual([...LANGUAGE_CODES].sort());
    expect(Object.keys(admxTemplates().admls).sort()).toEqual(
      ['en-US', 'de-DE', 'fr-FR', 'es-ES', 'it-IT', 'pt-BR', 'nl-NL', 'pl-PL', 'ru-RU', 'uk-UA', 'tr-TR', 'ar-SA', 'ja-JP', 'ko-KR', 'zh-CN', 'zh-TW'].sort(),
    );
  });

  describe.each(Object.entries(ADML_CULTURES))('%s: %s/Limber.adml', (code, culture) => {
    const text = admxTemplates().admls[culture]!;
    const doc = parseXml(text).documentElement;
    const strings = new Map(all(doc, 'string').map((s) => [s.getAttribute('id')!, s.textContent ?? '']));
    const presentations = all(doc, 'presentation').map((p) => p.getAttribute('id'));

    it('parses, and defines every string and presentation the ADMX references, each once', () => {
      expect(doc.tagName).toBe('policyDefinitionResources');
      expect(strings.size).toBe(all(doc, 'string').length);
      expect(new Set(presentations).size).toBe(presentations.length);
      for (const [, kind, id] of admx.matchAll(/\$\((string|presentation)\.([^)]+)\)/g)) {
        if (kind === 'string') expect([...strings.keys()], `string.${id}`).toContain(id);
        else expect(presentations, `presentation.${id}`).toContain(id);
      }
      const elementIds = new Set(['decimal', 'text', 'enum', 'multiText'].flatMap((t) => all(a, t).map((e) => e.getAttribute('id'))));
      for (const tag of ['decimalTextBox', 'textBox', 'dropdownList', 'multiTextBox']) for (const c of all(doc, tag)) expect(elementIds).toContain(c.getAttribute('refId'));
    });

    it('covers every setting: named in the language where the settings window words it, explained in English', () => {
      const t = WORDS[code as LanguageCode];
      for (const { key } of leafInfos()) {
        const name = strings.get(admxName(key));
        expect(name, key).toBeDefined();
        expect(name).toContain(key);
        for (const part of SETTING_LABELS[key] ?? []) expect(name, `${culture} ${key}`).toContain(t(part));
        expect(strings.get(`${admxName(key)}_Explain`), key).toContain(DESCRIPTIONS[key]);
      }
    });
  });

  it('names are the language’s own: German and Japanese ADMLs differ from English where the window is translated', () => {
    const { admls } = admxTemplates();
    const name = (c: string) => parseXml(admls[c]!).documentElement;
    const of = (c: string) => all(name(c), 'string').find((s) => s.getAttribute('id') === 'microBreak_everyMinutes')!.textContent;
    expect(of('en-US')).toBe('Movement breaks: Every (minutes of work) – microBreak.everyMinutes');
    expect(of('de-DE')).toBe('Bewegungspausen: Alle (Minuten Arbeit) – microBreak.everyMinutes');
    expect(of('ja-JP')).not.toBe(of('en-US'));
  });

  it('a setting without words fails to generate', () => {
    expect(Object.keys(DESCRIPTIONS)).toEqual(expect.arrayContaining(leafInfos().map((l) => l.key)));
  });
});

describe('macOS', () => {
  it('the configuration profile example parses, and its payload is read as the policy it means, without problems', () => {
    const profile = parseXmlPlist(mobileconfigExample()) as { PayloadContent: Array<Record<string, unknown>> };
    const found = preferenceSources(profile.PayloadContent[0], 'profile');
    expect(found.problems).toEqual([]);
    const p = combineSources(found.sources);
    expect(p.problems).toEqual([]);
    expect(p.managed.values['microBreak.everyMinutes']).toBe(EXAMPLE_MANAGED.microBreak.everyMinutes);
    expect(p.recommended.values['snoozeMinutes']).toBe(EXAMPLE_RECOMMENDED.snoozeMinutes);
    expect(p.rules.allowSkip).toBe(false);
  });

  it('the manifest names every setting with its range', () => {
    type Sub = { pfm_name: string; pfm_type: string; pfm_subkeys?: Sub[]; pfm_range_min?: number; pfm_range_max?: number };
    const m = parseXmlPlist(profileManifest()) as { pfm_domain: string; pfm_subkeys: Sub[] };
    expect(m.pfm_domain).toBe('app.limber.Limber');
    const names = m.pfm_subkeys.flatMap((s) =>
      s.pfm_type === 'dictionary' && s.pfm_name !== 'Recommended' ? (s.pfm_subkeys ?? []).map((x) => `${s.pfm_name}.${x.pfm_name}`) : [s.pfm_name],
    );
    for (const { key } of leafInfos()) expect(names, key).toContain(key);
    const micro = m.pfm_subkeys.find((s) => s.pfm_name === 'microBreak')!.pfm_subkeys!.find((s) => s.pfm_name === 'everyMinutes')!;
    expect([micro.pfm_range_min, micro.pfm_range_max]).toEqual([5, 240]);
  });
});

describe('Linux JSON Schema', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const managed = ajv.compile(policyFileJsonSchema('managed'));
  const recommended = ajv.compile(policyFileJsonSchema('recommended'));

  it('accepts the policy file examples in docs/deploying.md, and the shipped examples', () => {
    const doc = fs.readFileSync(path.join(ROOT, 'docs/deploying.md'), 'utf8');
    const blocks = [...doc.matchAll(/\/etc\/limber\/policies\/(managed|recommended)\/[\w.-]+\.json[^\n]*\n+```json\n([\s\S]*?)```/g)];
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    for (const [, kind, text] of blocks) {
      const data: unknown = JSON.parse(text!);
      const check = kind === 'managed' ? managed : recommended;
      expect(check(data), JSON.stringify(check.errors)).toBe(true);
      // And Limber itself reads it without a problem.
      expect(combineSources([{ kind: kind as 'managed' | 'recommended', source: 'docs', data }]).problems).toEqual([]);
    }
    expect(managed(EXAMPLE_MANAGED)).toBe(true);
    expect(recommended(EXAMPLE_RECOMMENDED)).toBe(true);
  });

  it('refuses what Limber refuses: out of range, wrong type, unknown key, the policy group in a recommended file', () => {
    expect(managed({ microBreak: { everyMinutes: 2 } })).toBe(false);
    expect(managed({ sound: 'yes' })).toBe(false);
    expect(managed({ nope: 1 })).toBe(false);
    expect(recommended({ policy: { allowSkip: false } })).toBe(false);
    expect(managed({ policy: { allowSkip: false, maxPauseMinutes: null } })).toBe(true);
  });
});

it('npm run policy-templates writes every file', () => {
  expect(Object.keys(policyTemplateFiles()).sort()).toEqual([
    'README.txt',
    'linux/managed/50-example.json',
    'linux/policy-managed.schema.json',
    'linux/policy-recommended.schema.json',
    'linux/recommended/50-example.json',
    'macos/app.limber.Limber.mobileconfig',
    'macos/app.limber.Limber.plist',
    'windows/Limber.admx',
    ...Object.values(ADML_CULTURES).map((c) => `windows/${c}/Limber.adml`),
  ].sort());
});
