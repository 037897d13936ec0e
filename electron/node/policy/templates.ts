// Admin templates generated from the one settings schema (DESIGN §1): ADMX + ADML for Group Policy, a configuration
// profile example and a ProfileManifests manifest for macOS, and a JSON Schema for the Linux policy files. Each
// setting's kind, range and default come from the schema (leafInfos); only the words below are written here, and a
// test fails when a setting has none.
import { toJsonSchema } from '@valibot/to-json-schema';
import * as v from 'valibot';
import { PolicyRulesSchema, leafInfos, type LeafInfo } from '../../core/policy.ts';
import { SettingsSchema } from '../../core/settings.ts';
import { words as ar } from '../../core/i18n/ar.ts';
import { words as de } from '../../core/i18n/de.ts';
import { messages as en } from '../../core/i18n/en.ts';
import { words as es } from '../../core/i18n/es.ts';
import { words as fr } from '../../core/i18n/fr.ts';
import { words as it } from '../../core/i18n/it.ts';
import { words as ja } from '../../core/i18n/ja.ts';
import { words as ko } from '../../core/i18n/ko.ts';
import type { LanguageCode } from '../../core/i18n/languages.ts';
import type { EnglishMessages, PlainMessageKey } from '../../core/i18n/locales.ts';
import { words as nl } from '../../core/i18n/nl.ts';
import { words as pl } from '../../core/i18n/pl.ts';
import { words as ptBR } from '../../core/i18n/pt-BR.ts';
import { words as ru } from '../../core/i18n/ru.ts';
import { words as tr } from '../../core/i18n/tr.ts';
import { createTranslator, type Translation } from '../../core/i18n/translate.ts';
import { words as uk } from '../../core/i18n/uk.ts';
import { words as zhCN } from '../../core/i18n/zh-CN.ts';
import { words as zhTW } from '../../core/i18n/zh-TW.ts';
import { PREFERENCE_DOMAIN, RECOMMENDED_KEY } from './macos-preferences.ts';
import { POLICY_KEY, RECOMMENDED_SUBKEY } from './windows-registry.ts';

/** What each setting does, for administrators (English; the ADMX explain text, the manifest, the JSON Schema). */
export const DESCRIPTIONS: Readonly<Record<string, string>> = {
  'microBreak.enabled': 'Movement breaks: about a minute of desk exercises after each stretch of work.',
  'microBreak.everyMinutes': 'Minutes of active work between movement breaks.',
  'microBreak.durationSeconds': 'How long a movement break lasts, in seconds.',
  'longBreak.enabled': 'Stretch sessions: a longer routine that takes the place of every few movement breaks.',
  'longBreak.everyNth': 'Which break is a stretch session: 4 makes every fourth break one.',
  'longBreak.durationMinutes': 'How long a stretch session lasts, in minutes.',
  headsUpSeconds: 'Seconds of warning before a break (a notification with Start now, Snooze and Skip); 0 turns it off.',
  snoozeMinutes: 'How long Snooze puts a break off, in minutes.',
  awayAfterMinutes: 'Minutes without input after which the user counts as away (a natural break).',
  'workHours.enabled': 'Remind only during work hours and on work days.',
  'workHours.days': 'Work days: 0 (Sunday) to 6 (Saturday).',
  'workHours.start': 'Start of work hours, local time, HH:MM.',
  'workHours.end': 'End of work hours, local time, HH:MM (later than the start).',
  positions: 'Positions routines may use: seated, standing, wall, floor.',
  excludedExercises: 'Exercise ids never used in routines (see `npm run catalog`).',
  sound: 'Soft sound cues during breaks.',
  shortcut: 'Global keyboard shortcut that starts a break (Electron accelerator, e.g. CommandOrControl+Alt+B).',
  startAtLogin: 'Start Limber when the user logs in.',
  holdDuring: 'What holds a break until it ends: call, screen-sharing, presentation, fullscreen, do-not-disturb.',
  holdLimitMinutes: 'Minutes a break may be held before one quiet notice says it is waiting.',
  language: 'Language of every window, the tray and notifications: system (the OS language) or a shipped language.',
  'sync.folder': 'A folder a sync service keeps in step across the user’s computers; empty: this computer alone.',
  'policy.allowSkip': 'Whether users may skip breaks (tray, notification, break window, command line). Managed only.',
  'policy.allowPause': 'Whether users may pause reminders. Managed only.',
  'policy.maxPauseMinutes': 'Longest pause users may take, in minutes; longer pauses, "until tomorrow" beyond it and "until resumed" are refused. Managed only.',
  'policy.allowTurnOffBreaks': 'Whether users may turn movement breaks and stretch sessions off. Managed only.',
  'policy.allowSync': 'Whether users may share breaks across computers through a sync folder. Managed only.',
};

export function describeSetting(key: string): string {
  const d = DESCRIPTIONS[key];
  if (d === undefined) throw new Error(`no description for ${key}: add it to DESCRIPTIONS in electron/node/policy/templates.ts`);
  return d;
}

function rangeText(info: LeafInfo): string {
  switch (info.kind) {
    case 'boolean':
      return `Enabled or disabled (default: ${info.default ? 'enabled' : 'disabled'}).`;
    case 'integer':
      return `A whole number${info.min !== null ? ` from ${info.min}` : ''}${info.max !== null ? ` to ${info.max}` : ''}${info.nullable ? '; not set: no limit' : ''} (default: ${info.default ?? 'none'}).`;
    case 'enum':
      return `One of: ${info.options.join(', ')} (default: ${info.default}).`;
    case 'string':
      return `Text${info.pattern ? ` matching ${info.pattern}` : ''}${info.maxLength ? `, at most ${info.maxLength} characters` : ''} (default: ${info.default ?? 'none'}).`;
    case 'list':
      return `A list, one item a line${info.options ? `, of: ${info.options.join(', ')}` : ''}${info.min !== null ? ` (whole numbers ${info.min} to ${info.max})` : ''} (default: ${info.default.length ? info.default.join(', ') : 'empty'}).`;
  }
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** ADMX names: letters, digits and underscores. */
const admxName = (key: string) => key.replace(/[^A-Za-z0-9]/g, '_');
const groupOf = (key: string) => (key.includes('.') ? key.split('.')[0]! : null);
const leafOf = (key: string) => (key.includes('.') ? key.split('.').slice(1).join('.') : key);

const NS = 'http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions';

/** The Windows culture name of each shipped language: the folder its ADML goes in (PolicyDefinitions\<culture>). */
export const ADML_CULTURES: Readonly<Record<LanguageCode, string>> = {
  en: 'en-US',
  de: 'de-DE',
  fr: 'fr-FR',
  es: 'es-ES',
  it: 'it-IT',
  'pt-BR': 'pt-BR',
  nl: 'nl-NL',
  pl: 'pl-PL',
  ru: 'ru-RU',
  uk: 'uk-UA',
  tr: 'tr-TR',
  ar: 'ar-SA',
  ja: 'ja-JP',
  ko: 'ko-KR',
  'zh-CN': 'zh-CN',
  'zh-TW': 'zh-TW',
};

const MESSAGES: Readonly<Record<LanguageCode, Translation<EnglishMessages>>> = {
  en,
  de: de.messages,
  fr: fr.messages,
  es: es.messages,
  it: it.messages,
  'pt-BR': ptBR.messages,
  nl: nl.messages,
  pl: pl.messages,
  ru: ru.messages,
  uk: uk.messages,
  tr: tr.messages,
  ar: ar.messages,
  ja: ja.messages,
  ko: ko.messages,
  'zh-CN': zhCN.messages,
  'zh-TW': zhTW.messages,
};

/**
 * Each setting's name in the settings window, as message keys: the group it sits under, its label, its unit. The
 * ADMLs name policies with these words in each language; a setting without them (the policy rules, the sync folder)
 * keeps its key. The explanations stay English: they have no translation yet.
 */
export const SETTING_LABELS: Readonly<Record<string, readonly PlainMessageKey[]>> = {
  'microBreak.enabled': ['settings.microEnabled'],
  'microBreak.everyMinutes': ['settings.microEnabled', 'settings.field.microBreak.everyMinutes', 'settings.unit.microBreak.everyMinutes'],
  'microBreak.durationSeconds': ['settings.microEnabled', 'settings.field.microBreak.durationSeconds', 'settings.unit.microBreak.durationSeconds'],
  'longBreak.enabled': ['settings.longEnabled'],
  'longBreak.everyNth': ['settings.longEnabled', 'settings.field.longBreak.everyNth', 'settings.unit.longBreak.everyNth'],
  'longBreak.durationMinutes': ['settings.longEnabled', 'settings.field.longBreak.durationMinutes', 'settings.unit.longBreak.durationMinutes'],
  headsUpSeconds: ['settings.section.reminders', 'settings.field.headsUpSeconds', 'settings.unit.headsUpSeconds'],
  snoozeMinutes: ['settings.section.reminders', 'settings.field.snoozeMinutes', 'settings.unit.snoozeMinutes'],
  awayAfterMinutes: ['settings.section.reminders', 'settings.field.awayAfterMinutes', 'settings.unit.awayAfterMinutes'],
  'workHours.enabled': ['settings.workHoursEnabled'],
  'workHours.days': ['settings.section.workHours', 'settings.workHours.days'],
  'workHours.start': ['settings.section.workHours', 'settings.workHours.start'],
  'workHours.end': ['settings.section.workHours', 'settings.workHours.end'],
  positions: ['settings.section.exercises', 'settings.exercises.positions'],
  excludedExercises: ['settings.section.exercises', 'settings.exercises.list'],
  sound: ['settings.sound'],
  shortcut: ['settings.shortcut.label'],
  startAtLogin: ['settings.startAtLogin'],
  holdDuring: ['settings.section.holds'],
  holdLimitMinutes: ['settings.section.holds', 'settings.holds.limitLabel', 'settings.holds.limitUnit'],
  language: ['settings.language.label'],
};

/** The group names of the settings, as the settings window words them (the rest keep their key). */
const GROUP_LABELS: Readonly<Record<string, PlainMessageKey>> = {
  microBreak: 'settings.microEnabled',
  longBreak: 'settings.longEnabled',
  workHours: 'settings.section.workHours',
};

/** A setting's name in a language: "group: label (unit)", then its key, which administrators search for. */
function settingName(key: string, t: (k: PlainMessageKey) => string): string {
  const parts = SETTING_LABELS[key];
  if (!parts) return key;
  const [first, second, third] = parts.map(t);
  const label = second === undefined ? first! : `${first}: ${second}${third === undefined ? '' : ` (${third})`}`;
  return `${label} – ${key}`;
}

/** The field's own words beside its box: "label (unit)", without the group the policy's name already gives. */
function fieldLabel(key: string, t: (k: PlainMessageKey) => string): string {
  const parts = (SETTING_LABELS[key] ?? []).map(t);
  if (parts.length === 0) return key;
  if (parts.length === 1) return parts[0]!;
  return parts.length === 2 ? parts[1]! : `${parts[1]} (${parts[2]})`;
}

export interface AdmxFiles {
  admx: string;
  /** en-US/Limber.adml. */
  adml: string;
  /** Every shipped language's Limber.adml by Windows culture name (en-US included). */
  admls: Record<string, string>;
}

/** Limber.admx and an ADML per shipped language: every setting twice (managed, and recommended under …\Recommended); rules managed only. */
export function admxTemplates(): AdmxFiles {
  const admls: Record<string, string> = {};
  let admx = '';
  for (const [code, culture] of Object.entries(ADML_CULTURES) as Array<[LanguageCode, string]>) {
    const t = createTranslator<EnglishMessages>(code, MESSAGES[code], en);
    const files = admxFor((k) => t(k));
    admls[culture] = files.adml;
    if (code === 'en') admx = files.admx;
  }
  return { admx, adml: admls['en-US']!, admls };
}

function admxFor(t: (k: PlainMessageKey) => string): { admx: string; adml: string } {
  const leaves = leafInfos();
  const groups = [...new Set(leaves.map((l) => groupOf(l.key)).filter((g): g is string => g !== null && g !== 'policy'))];
  const strings = new Map<string, string>();
  const presentations: string[] = [];
  const policies: string[] = [];
  const categories: string[] = [
    `    <category name="Limber" displayName="$(string.Cat_Limber)" />`,
    `    <category name="Limber_Recommended" displayName="$(string.Cat_Limber_Recommended)" />`,
    `    <category name="Limber_policy" displayName="$(string.Cat_policy)"><parentCategory ref="Limber" /></category>`,
  ];
  strings.set('Cat_Limber', 'Limber');
  strings.set('Cat_Limber_Recommended', 'Limber – Recommended (users may change)');
  strings.set('Cat_policy', 'What users may do');
  strings.set('SUPPORTED_Limber', 'Limber 0.1 and later');
  for (const g of groups) {
    categories.push(`    <category name="Limber_${g}" displayName="$(string.Cat_${g})"><parentCategory ref="Limber" /></category>`);
    categories.push(`    <category name="Limber_Recommended_${g}" displayName="$(string.Cat_${g})"><parentCategory ref="Limber_Recommended" /></category>`);
    strings.set(`Cat_${g}`, GROUP_LABELS[g] ? `${t(GROUP_LABELS[g])} – ${g}` : g);
  }
  for (const { key, info, managedOnly } of leaves) {
    const base = admxName(key);
    strings.set(base, settingName(key, t));
    strings.set(`${base}_Explain`, `${describeSetting(key)}\n\n${rangeText(info)}\n\nSetting: ${key}`);
    const kinds: Array<'managed' | 'recommended'> = managedOnly ? ['managed'] : ['managed', 'recommended'];
    for (const kind of kinds) {
      const name = kind === 'managed' ? base : `${base}_Recommended`;
      const group = groupOf(key);
      const regKey = ['Software\\Policies\\Limber', ...(kind === 'recommended' ? [RECOMMENDED_SUBKEY] : []), ...(group ? [group] : [])].join('\\');
      const parent = group ? (kind === 'managed' ? `Limber_${group}` : `Limber_Recommended_${group}`) : kind === 'managed' ? 'Limber' : 'Limber_Recommended';
      const valueName = leafOf(key);
      const head = `    <policy name="${name}" class="Both" displayName="$(string.${base})" explainText="$(string.${base}_Explain)" key="${xml(regKey)}"`;
      const tail = `      <parentCategory ref="${parent}" />\n      <supportedOn ref="SUPPORTED_Limber" />`;
      if (info.kind === 'boolean') {
        policies.push(
          `${head} valueName="${valueName}">\n${tail}\n      <enabledValue><decimal value="1" /></enabledValue>\n      <disabledValue><decimal value="0" /></disabledValue>\n    </policy>`,
        );
        continue;
      }
      let element: string;
      let shown: string;
      const label = xml(`${fieldLabel(key, t)}:`);
      if (info.kind === 'integer') {
        element = `<decimal id="${name}" valueName="${valueName}"${info.min !== null ? ` minValue="${info.min}"` : ''}${info.max !== null ? ` maxValue="${info.max}"` : ''} />`;
        shown = `<decimalTextBox refId="${name}"${info.default !== null ? ` defaultValue="${info.default}"` : ''} spinStep="1">${label}</decimalTextBox>`;
      } else if (info.kind === 'enum') {
        const items = info.options.map((o) => {
          strings.set(`${base}_${admxName(o)}`, o);
          return `<item displayName="$(string.${base}_${admxName(o)})"><value><string>${xml(o)}</string></value></item>`;
        });
        element = `<enum id="${name}" valueName="${valueName}">${items.join('')}</enum>`;
        shown = `<dropdownList refId="${name}" noSort="true" defaultItem="${Math.max(0, info.options.indexOf(info.default))}">${label}</dropdownList>`;
      } else if (info.kind === 'list') {
        element = `<multiText id="${name}" valueName="${valueName}" />`;
        shown = `<multiTextBox refId="${name}">${label}</multiTextBox>`;
      } else {
        element = `<text id="${name}" valueName="${valueName}"${info.maxLength ? ` maxLength="${info.maxLength}"` : ''} />`;
        shown = `<textBox refId="${name}"><label>${label}</label>${info.default ? `<defaultValue>${xml(info.default)}</defaultValue>` : ''}</textBox>`;
      }
      presentations.push(`      <presentation id="${name}">${shown}</presentation>`);
      policies.push(`${head} presentation="$(presentation.${name})">\n${tail}\n      <elements>${element}</elements>\n    </policy>`);
    }
  }
  const admx = `<?xml version="1.0" encoding="utf-8"?>
<!-- Generated by npm run policy-templates from Limber's settings schema. Do not edit. -->
<policyDefinitions xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="${NS}">
  <policyNamespaces>
    <target prefix="limber" namespace="Limber.Policies.Limber" />
  </policyNamespaces>
  <resources minRequiredRevision="1.0" />
  <supportedOn>
    <definitions>
      <definition name="SUPPORTED_Limber" displayName="$(string.SUPPORTED_Limber)" />
    </definitions>
  </supportedOn>
  <categories>
${categories.join('\n')}
  </categories>
  <policies>
${policies.join('\n')}
  </policies>
</policyDefinitions>
`;
  const adml = `<?xml version="1.0" encoding="utf-8"?>
<!-- Generated by npm run policy-templates from Limber's settings schema. Do not edit. -->
<policyDefinitionResources xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="${NS}">
  <displayName>Limber</displayName>
  <description>Limber's break settings for everyone: managed values are locked, recommended values are defaults users may change.</description>
  <resources>
    <stringTable>
${[...strings].map(([id, text]) => `      <string id="${id}">${xml(text)}</string>`).join('\n')}
    </stringTable>
    <presentationTable>
${presentations.join('\n')}
    </presentationTable>
  </resources>
</policyDefinitionResources>
`;
  return { admx, adml };
}

// --- macOS: a property-list writer, the configuration profile example, the ProfileManifests manifest. ---

type Plist = string | number | boolean | Plist[] | { [k: string]: Plist };

function plistXml(value: Plist, indent = ''): string {
  const i2 = indent + '\t';
  if (typeof value === 'string') return `${indent}<string>${xml(value)}</string>`;
  if (typeof value === 'boolean') return `${indent}<${value}/>`;
  if (typeof value === 'number') return Number.isInteger(value) ? `${indent}<integer>${value}</integer>` : `${indent}<real>${value}</real>`;
  if (Array.isArray(value)) return value.length ? `${indent}<array>\n${value.map((x) => plistXml(x, i2)).join('\n')}\n${indent}</array>` : `${indent}<array/>`;
  const entries = Object.entries(value);
  if (!entries.length) return `${indent}<dict/>`;
  return `${indent}<dict>\n${entries.map(([k, x]) => `${i2}<key>${xml(k)}</key>\n${plistXml(x, i2)}`).join('\n')}\n${indent}</dict>`;
}

export function plistDocument(value: Plist): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
${plistXml(value)}
</plist>
`;
}

/** The example policy the docs use: a company rhythm, a few locks, a rule or two. */
export const EXAMPLE_MANAGED = { microBreak: { everyMinutes: 45 }, longBreak: { enabled: true }, policy: { allowSkip: false, maxPauseMinutes: 120 } };
export const EXAMPLE_RECOMMENDED = { workHours: { enabled: true, days: [1, 2, 3, 4, 5], start: '08:30', end: '17:30' }, snoozeMinutes: 10 };

/** A configuration profile with a custom-settings payload for app.limber.Limber (forced values; Recommended inside). */
export function mobileconfigExample(): string {
  return plistDocument({
    PayloadContent: [
      {
        PayloadType: PREFERENCE_DOMAIN,
        PayloadIdentifier: `${PREFERENCE_DOMAIN}.policy`,
        PayloadUUID: '6F1B7E52-3C1D-4F7A-9B7E-2A4C7D9E0B11',
        PayloadVersion: 1,
        PayloadDisplayName: 'Limber break settings',
        ...EXAMPLE_MANAGED,
        [RECOMMENDED_KEY]: EXAMPLE_RECOMMENDED,
      },
    ],
    PayloadDisplayName: 'Limber',
    PayloadDescription: 'Break settings for Limber, set by your organisation.',
    PayloadIdentifier: 'com.example.limber',
    PayloadOrganization: 'Example Ltd',
    PayloadScope: 'System',
    PayloadType: 'Configuration',
    PayloadUUID: 'C0A8B6E1-7D2F-4E3A-8F5B-1D9C2E4A6B77',
    PayloadVersion: 1,
  });
}

function manifestSubkey(key: string, info: LeafInfo): Plist {
  const base: Record<string, Plist> = { pfm_name: leafOf(key), pfm_description: `${describeSetting(key)} ${rangeText(info)}`, pfm_title: key };
  switch (info.kind) {
    case 'boolean':
      return { ...base, pfm_type: 'boolean', pfm_default: info.default };
    case 'integer':
      return { ...base, pfm_type: 'integer', ...(info.min !== null ? { pfm_range_min: info.min } : {}), ...(info.max !== null ? { pfm_range_max: info.max } : {}), ...(info.default !== null ? { pfm_default: info.default } : {}) };
    case 'enum':
      return { ...base, pfm_type: 'string', pfm_range_list: info.options, pfm_default: info.default };
    case 'string':
      return { ...base, pfm_type: 'string', ...(info.pattern ? { pfm_format: info.pattern } : {}), ...(info.default !== null ? { pfm_default: info.default } : {}) };
    case 'list':
      return {
        ...base,
        pfm_type: 'array',
        pfm_default: info.default as Plist[],
        pfm_subkeys: [{ pfm_type: info.item, ...(info.options ? { pfm_range_list: info.options } : {}), ...(info.min !== null ? { pfm_range_min: info.min, pfm_range_max: info.max ?? info.min } : {}) }],
      };
  }
}

/** A ProfileManifests manifest (as iMazing Profile Editor and ProfileCreator read them) for app.limber.Limber. */
export function profileManifest(): string {
  const leaves = leafInfos();
  const groups = new Map<string | null, Plist[]>();
  for (const { key, info } of leaves) {
    const g = groupOf(key);
    groups.set(g, [...(groups.get(g) ?? []), manifestSubkey(key, info)]);
  }
  const settings: Plist[] = [];
  for (const [g, subs] of groups) {
    if (g === null) settings.push(...subs);
    else settings.push({ pfm_name: g, pfm_type: 'dictionary', pfm_title: g, pfm_description: g === 'policy' ? 'What users may do (forced values only).' : `The ${g} settings.`, pfm_subkeys: subs });
  }
  const recommendable = settings.filter((s) => (s as Record<string, Plist>)['pfm_name'] !== 'policy');
  return plistDocument({
    pfm_domain: PREFERENCE_DOMAIN,
    pfm_format_version: 1,
    pfm_title: 'Limber',
    pfm_description: 'Limber break settings. Values are forced (locked); those inside Recommended are defaults users may change.',
    pfm_platforms: ['macOS'],
    pfm_version: 1,
    pfm_last_modified: '2026-12-08T00:00:00Z',
    pfm_subkeys: [
      ...settings,
      { pfm_name: RECOMMENDED_KEY, pfm_type: 'dictionary', pfm_title: 'Recommended', pfm_description: 'Recommended values: defaults the user may change.', pfm_subkeys: recommendable },
    ],
  });
}

// --- Linux: a JSON Schema for the files in /etc/limber/policies/{managed,recommended}/. ---

/** Managed files: any subset of the settings plus the `policy` group; recommended files: the settings only. */
export function policyFileJsonSchema(kind: 'managed' | 'recommended'): Record<string, unknown> {
  const entries: v.ObjectEntries = { ...SettingsSchema.entries, ...(kind === 'managed' ? { policy: v.optional(PolicyRulesSchema) } : {}) };
  const schema = toJsonSchema(v.strictObject(entries), { errorMode: 'ignore' }) as Record<string, unknown>;
  // Every key is optional in a policy file, and a group may name any subset of its settings.
  delete schema['required'];
  for (const p of Object.values((schema['properties'] ?? {}) as Record<string, Record<string, unknown>>)) {
    delete p['required'];
    delete p['default'];
  }
  const props = schema['properties'] as Record<string, Record<string, unknown>>;
  for (const { key } of leafInfos()) {
    const [g, sub] = key.split('.') as [string, string | undefined];
    const target = sub === undefined ? props[g] : (props[g]?.['properties'] as Record<string, Record<string, unknown>> | undefined)?.[sub];
    if (target) target['description'] = describeSetting(key);
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `https://limber.invalid/schemas/policy-${kind}.json`,
    title: `Limber ${kind} policy file (/etc/limber/policies/${kind}/*.json)`,
    ...schema,
  };
}

/** Every generated file by its path under dist/policy/. */
export function policyTemplateFiles(): Record<string, string> {
  const { admx, admls } = admxTemplates();
  return {
    'windows/Limber.admx': admx,
    ...Object.fromEntries(Object.entries(admls).map(([culture, text]) => [`windows/${culture}/Limber.adml`, text])),
    'macos/app.limber.Limber.mobileconfig': mobileconfigExample(),
    'macos/app.limber.Limber.plist': profileManifest(),
    'linux/policy-managed.schema.json': JSON.stringify(policyFileJsonSchema('managed'), null, 2) + '\n',
    'linux/policy-recommended.schema.json': JSON.stringify(policyFileJsonSchema('recommended'), null, 2) + '\n',
    'linux/managed/50-example.json': JSON.stringify(EXAMPLE_MANAGED, null, 2) + '\n',
    'linux/recommended/50-example.json': JSON.stringify(EXAMPLE_RECOMMENDED, null, 2) + '\n',
    'README.txt': `Limber admin templates, generated from the settings schema (docs/deploying.md explains each).\n\nwindows/  Limber.admx and <culture>/Limber.adml (en-US and each shipped language): copy to C:\\Windows\\PolicyDefinitions (or the central store).\nmacos/    a configuration profile example and a ProfileManifests manifest for ${PREFERENCE_DOMAIN}.\nlinux/    JSON Schemas for /etc/limber/policies/{managed,recommended}/*.json, and examples.\n\nRegistry: HKLM or HKCU\\${POLICY_KEY} (managed) and …\\${RECOMMENDED_SUBKEY} (recommended).\n`,
  };
}
