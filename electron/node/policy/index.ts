// The organisation's policy source for this OS (DESIGN §1). Locations are fixed: nothing the user can pass (an
// environment variable, a flag) moves them.
import type { PolicySourcePort } from '../../core/policy.ts';
import { LinuxPolicyFiles } from './linux-files.ts';
import { MacManagedPreferences } from './macos-preferences.ts';
import { WindowsRegistryPolicy } from './windows-registry.ts';

/** The source for `platform`, read and ready to use (Windows and macOS read through a child process first). */
export async function policySourceFor(platform: NodeJS.Platform): Promise<PolicySourcePort> {
  if (platform === 'win32') return new WindowsRegistryPolicy().ready();
  if (platform === 'darwin') return new MacManagedPreferences().ready();
  return new LinuxPolicyFiles();
}
