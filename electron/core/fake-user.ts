// A test double of the activity source: a user who types all the time unless told to stop. Shared by the scheduler's
// tests; it only reads the injected clock.
import type { Clock } from './clock.ts';
import type { ActivitySource } from './scheduler.ts';

export class FakeUser implements ActivitySource {
  idleFrom: number | null = null;
  locked = false;
  constructor(private readonly clock: Clock) {}
  idleSeconds(): number {
    return this.idleFrom === null ? 0 : (this.clock.now() - this.idleFrom) / 1000;
  }
  isLocked(): boolean {
    return this.locked;
  }
  stop(): void {
    this.idleFrom = this.clock.now();
  }
  type(): void {
    this.idleFrom = null;
  }
}
