// The test tone: the same soft kind of cue the break window plays, made with WebAudio (no audio file to load).
let ctx: AudioContext | null = null;

/** A soft two-note chime, quiet and short. Returns false where audio cannot play. */
export function playTestTone(): boolean {
  try {
    ctx ??= new AudioContext();
    void ctx.resume();
    const t0 = ctx.currentTime + 0.02;
    [
      { freq: 659.25, at: 0 },
      { freq: 880, at: 0.18 },
    ].forEach(({ freq, at }) => {
      const osc = ctx!.createOscillator();
      const gain = ctx!.createGain();
      osc.type = 'sine';
      osc.frequency.value = freq;
      // A gentle attack and a long exponential fade: no click, nothing startling.
      gain.gain.setValueAtTime(0.0001, t0 + at);
      gain.gain.exponentialRampToValueAtTime(0.12, t0 + at + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.0001, t0 + at + 0.7);
      osc.connect(gain).connect(ctx!.destination);
      osc.start(t0 + at);
      osc.stop(t0 + at + 0.75);
    });
    return true;
  } catch {
    return false;
  }
}
