// macOS managed preferences, from XML property lists as `plutil -convert xml1 -o - FILE` prints them. Not run on a
// real Mac here: the samples stand for the files a configuration profile leaves in /Library/Managed Preferences.
import { describe, expect, it } from 'vitest';
import { managedPreferenceFiles, parseXmlPlist, readManagedPreferences, type PlistReader } from './macos-preferences.ts';

const plist = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
${body}
</plist>
`;

const COMPUTER = plist(`<dict>
	<key>PayloadUUID</key>
	<string>5A1B2C3D-0000-4000-8000-000000000001</string>
	<key>microBreak</key>
	<dict>
		<key>everyMinutes</key>
		<integer>45</integer>
		<key>enabled</key>
		<true/>
	</dict>
	<key>sound</key>
	<false/>
	<key>positions</key>
	<array>
		<string>seated</string>
	</array>
	<key>policy</key>
	<dict>
		<key>allowPause</key>
		<false/>
	</dict>
	<key>Recommended</key>
	<dict>
		<key>snoozeMinutes</key>
		<integer>10</integer>
		<key>workHours</key>
		<dict>
			<key>days</key>
			<array>
				<integer>1</integer>
				<integer>2</integer>
			</array>
		</dict>
	</dict>
</dict>`);

const USER = plist(`<dict>
	<key>microBreak</key>
	<dict>
		<key>everyMinutes</key>
		<integer>20</integer>
	</dict>
	<key>holdLimitMinutes</key>
	<real>500</real>
</dict>`);

const [userFile, computerFile] = managedPreferenceFiles('pat');

const reader =
  (files: Record<string, string>): PlistReader =>
  async (file) =>
    files[file] === undefined ? { ok: false, missing: true, error: 'No such file' } : { ok: true, xml: files[file]! };

describe('XML property lists', () => {
  it('parses dictionaries, arrays, numbers and switches', () => {
    expect(parseXmlPlist(plist('<dict><key>a</key><integer>3</integer><key>b</key><array><true/><real>1.5</real><string>x</string></array></dict>'))).toEqual({ a: 3, b: [true, 1.5, 'x'] });
  });

  it('names what is wrong with a file that is not one', () => {
    expect(() => parseXmlPlist('<plist><dict><key>a</key>')).toThrow(/not well-formed XML|ends with a key/);
    expect(() => parseXmlPlist('<html></html>')).toThrow('not a property list (no <plist>)');
    expect(() => parseXmlPlist(plist('<dict><integer>1</integer><integer>2</integer></dict>'))).toThrow(/holds <integer> where a <key> belongs/);
  });
});

describe('managed preferences of app.limber.Limber', () => {
  it('the files: the user’s first, the computer’s last (it wins)', () => {
    expect(managedPreferenceFiles('pat')).toEqual(['/Library/Managed Preferences/pat/app.limber.Limber.plist', '/Library/Managed Preferences/app.limber.Limber.plist']);
  });

  it('forced values are managed, the Recommended dictionary recommended; the computer wins; bad values named', async () => {
    const p = await readManagedPreferences([userFile!, computerFile!], reader({ [userFile!]: USER, [computerFile!]: COMPUTER }));
    expect(p.managed.values).toEqual({ 'microBreak.everyMinutes': 45, 'microBreak.enabled': true, sound: false, positions: ['seated'] });
    expect(p.managed.sources['microBreak.everyMinutes']).toBe(computerFile);
    expect(p.recommended.values).toEqual({ snoozeMinutes: 10, 'workHours.days': [1, 2] });
    expect(p.rules.allowPause).toBe(false);
    expect(p.problems).toEqual([`${userFile}: holdLimitMinutes must be a whole number from 15 to 240 minutes; ignored`]);
  });

  it('a damaged file is one message; missing files are no policy', async () => {
    const p = await readManagedPreferences([userFile!, computerFile!], reader({ [computerFile!]: '<plist><dict>' }));
    expect(p.problems).toHaveLength(1);
    expect(p.problems[0]).toMatch(new RegExp(`^${computerFile}: not well-formed XML`));
    expect((await readManagedPreferences([userFile!], reader({}))).problems).toEqual([]);
  });
});
