// The words of the "what holds a break" settings, apart from messages.ts so the settings split stays simple.
import type { HoldReason } from '../../../electron/core/holds.ts';

export const holdWords = {
  heading: 'Meetings and focus',
  intro: 'A break that comes due during any of these waits until 2 minutes after it ends. Time spent waiting still counts as work.',
  reasons: {
    call: 'In a call (microphone or camera in use)',
    'screen-sharing': 'Sharing my screen',
    presentation: 'Presenting or playing a video',
    fullscreen: 'A fullscreen app is in front',
    'do-not-disturb': 'Do not disturb is on',
  } satisfies Record<HoldReason, string>,
  limitLabel: 'Remind me quietly after',
  limitUnit: 'minutes of waiting',
  limitHint: 'One notification, no window; the break still waits.',
  limitRange: (min: number, max: number) => `Enter a whole number from ${min} to ${max}.`,
};
