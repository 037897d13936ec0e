// Shared by both Vite configs: a build a newcomer runs prints no warnings. Any warning Rolldown raises (an
// ineffective dynamic import, a circular chunk, an unresolved import) fails the build with its message; the
// bundler's own timing report says how loaded the machine is, not anything about the code, so it is off.
import type { BuildOptions } from 'vite';

type Rolldown = NonNullable<BuildOptions['rolldownOptions']>;

export const strictBuild = {
  checks: { bundlerTimings: false },
  onwarn(warning) {
    throw new Error(`build warning (${warning.code ?? 'no code'}): ${warning.message}`);
  },
} satisfies Pick<Rolldown, 'checks' | 'onwarn'>;
