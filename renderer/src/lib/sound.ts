// Soft cue sounds made with WebAudio: no files, nothing loud. A short sine "ding" with a gentle fade.
let ctx: AudioContext | null = null;

export type Chime = 'step' | 'exercise' | 'done';

const NOTES: Record<Chime, number[]> = {
  step: [660],
  exercise: [523.25, 783.99],
  done: [523.25, 659.25, 783.99],
};

export function chime(kind: Chime, volume = 0.08): void {
  try {
    ctx ??= new AudioContext();
    void ctx.resume();
    const t0 = ctx.currentTime;
    NOTES[kind].forEach((freq, i) => {
      const osc = ctx!.createOscillator();
      const gain = ctx!.createGain();
      osc.type = 'sine';
      osc.frequency.value = freq;
      const start = t0 + i * 0.14;
      gain.gain.setValueAtTime(0, start);
      gain.gain.linearRampToValueAtTime(volume, start + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.6);
      osc.connect(gain).connect(ctx!.destination);
      osc.start(start);
      osc.stop(start + 0.65);
    });
  } catch {
    // No audio device: cues stay visual.
  }
}
