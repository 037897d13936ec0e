// A call on Linux: a microphone capture stream in PulseAudio or PipeWire (through pipewire-pulse), read with
// `pactl -f json`. Monitor sources (recording what is played), level meters and Limber's own process are ignored.
import type { Cancel } from '../../core/clock.ts';
import type { HoldSource, HoldVerdict } from '../../core/holds.ts';
import { execTool, spawnLines, type Exec, type SpawnLines } from './tool.ts';

interface PulseSource {
  index: number;
  name: string;
  properties?: Record<string, string>;
}
interface PulseSourceOutput {
  source: number;
  properties?: Record<string, string>;
}

/** Level meters (pavucontrol, the desktops' volume sliders) open a capture stream without being a call. */
const METER = /peak detect/i;

export function micVerdict(sourcesJson: string, outputsJson: string, ownPids: readonly number[]): HoldVerdict {
  let sources: PulseSource[];
  let outputs: PulseSourceOutput[];
  try {
    sources = JSON.parse(sourcesJson) as PulseSource[];
    outputs = JSON.parse(outputsJson) as PulseSourceOutput[];
  } catch {
    return { state: 'unknown', why: 'pactl did not print JSON (pactl 16 or later is needed)' };
  }
  if (!Array.isArray(sources) || !Array.isArray(outputs)) return { state: 'unknown', why: 'pactl printed something unexpected' };
  const monitors = new Set(sources.filter((s) => s.name.endsWith('.monitor') || s.properties?.['device.class'] === 'monitor').map((s) => s.index));
  const own = new Set(ownPids.map(String));
  const capturing = outputs.filter((o) => {
    const p = o.properties ?? {};
    return !monitors.has(o.source) && !own.has(p['application.process.id'] ?? '') && !METER.test(p['media.name'] ?? '');
  });
  const first = capturing[0]?.properties;
  if (!first) return { state: 'free' };
  const who = first['application.name'] ?? first['application.process.binary'] ?? 'an app';
  return { state: 'held', reason: 'call', detail: `${who} is using the microphone` };
}

export function pulseMic(ownPids: readonly number[], exec: Exec = execTool, spawn: SpawnLines = spawnLines): HoldSource {
  return {
    id: 'pulse-mic',
    reasons: ['call'],
    async check() {
      const [sources, outputs] = await Promise.all([exec('pactl', ['-f', 'json', 'list', 'sources']), exec('pactl', ['-f', 'json', 'list', 'source-outputs'])]);
      if (!sources.ok) return { state: 'unknown', why: sources.why };
      if (!outputs.ok) return { state: 'unknown', why: outputs.why };
      return micVerdict(sources.stdout, outputs.stdout, ownPids);
    },
    watch(onChange): Cancel {
      return spawn('pactl', ['subscribe'], (line) => {
        if (/on source-output #/.test(line)) onChange();
      });
    },
  };
}
