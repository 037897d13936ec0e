// Messages for the user that are shown once (settings problems, a missing notification daemon, a shortcut held elsewhere).
export class Notices {
  /** Every notice so far, oldest first, each once. */
  readonly list: string[] = [];
  private readonly shown = new Set<string>();

  constructor(private readonly log: (message: string) => void) {}

  add(message: string): void {
    if (this.list.includes(message)) return;
    this.list.push(message);
    this.log(message);
  }

  /** Notices the settings window has not shown yet: each is shown there once. */
  unseen(): string | undefined {
    const fresh = this.list.filter((n) => !this.shown.has(n));
    for (const n of fresh) this.shown.add(n);
    return fresh.length ? fresh.join(' ') : undefined;
  }

  /** The window already said it in its own words, so it need not repeat it later. */
  markAllSeen(): void {
    for (const n of this.list) this.shown.add(n);
  }
}
