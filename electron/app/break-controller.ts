// The break window and what it shows: the routine for each break (varied against recent ones), the view pushed to the
// window, what the player reports doing, and the history record when the break ends.
import { getExercise, positionFor } from '../core/catalog.ts';
import type { HistoryRecord } from '../core/history.ts';
import { buildRoutine } from '../core/routine.ts';
import type { BreakKind, SchedulerAction, SchedulerEvent, SchedulerPhase } from '../core/scheduler.ts';
import type { Settings } from '../core/settings.ts';
import type { BreakView, RoutineView } from '../ipc.ts';
import type { Ports, WindowHandle } from '../ports.ts';
import { noticeText } from './messages.ts';
import type { Notices } from './notices.ts';

/** How many past routines a new one is varied against. */
const RECENT_ROUTINES = 8;

export interface BreakControllerDeps {
  ports: Pick<Ports, 'windows' | 'history'>;
  notices: Notices;
  settings: () => Settings;
  phase: () => SchedulerPhase;
  /** Closing the window by hand is a scheduler action like any other. */
  act: (action: SchedulerAction) => void;
  /** Tells the user something once (a break that could not be written yet); a notice when not given. */
  tell?: (message: string) => void;
  /** False where the organisation does not allow skipping: the prompt and the player then have no Skip. */
  canSkip?: () => boolean;
}

export class BreakController {
  private window: WindowHandle | null = null;
  private breakView: BreakView = { screen: 'idle' };
  private recent: string[][];
  private routine: RoutineView | null = null;
  /** When the running break started, on main's clock. */
  private runningSince: number | null = null;
  /** What the window last reported: exercises done and seconds moved (its pauses excluded); `final` once it ended. */
  private reported: { exercises: string[]; seconds: number; final: boolean } | null = null;

  constructor(private readonly deps: BreakControllerDeps) {
    this.recent = deps.ports.history
      .readAll()
      .filter((r) => r.exercises.length > 0)
      .slice(-RECENT_ROUTINES)
      .map((r) => r.exercises);
  }

  /** What the break window shows now. */
  get view(): BreakView {
    return this.breakView;
  }

  /** The kind of break on offer, if one is. */
  get offeredKind(): BreakKind | undefined {
    return this.routine?.kind;
  }

  /** The window's account of the running break; `final` when the player ended (its end, or Finish). */
  progress(exercises: string[], seconds: number, final = false): void {
    this.reported = { exercises, seconds, final };
  }

  /** Follows the scheduler: a routine for each break, the window for prompts and breaks, a record for each end. */
  onSchedulerEvent(e: SchedulerEvent): void {
    switch (e.type) {
      case 'break-prompt':
        this.routine = this.makeRoutine(e.kind);
        this.setView({ screen: 'prompt', routine: this.routine, sound: this.deps.settings().sound, canSkip: this.deps.canSkip?.() ?? true });
        this.show(false);
        break;
      case 'break-start':
        this.runningSince = e.at;
        this.reported = null;
        if (!this.routine || this.routine.kind !== e.kind) this.routine = this.makeRoutine(e.kind);
        this.setView({ screen: 'player', routine: this.routine, sound: this.deps.settings().sound, canSkip: this.deps.canSkip?.() ?? true });
        this.show(e.manual);
        break;
      case 'break-end':
        this.record({ at: new Date(e.at).toISOString(), kind: e.kind, ...this.moved(e), ...(e.heldSeconds === undefined ? {} : { heldSeconds: e.heldSeconds }) });
        this.runningSince = null;
        this.reported = null;
        this.routine = null;
        this.setView({ screen: 'idle' });
        break;
      case 'withdrawn':
        // A hold began (a call, a presentation…): the prompt on screen is taken back; it comes again after the hold.
        if (e.what === 'prompt') {
          this.setView({ screen: 'idle' });
          this.close();
        }
        break;
      case 'natural-break':
        this.record({ at: new Date(e.at).toISOString(), kind: e.kind, outcome: 'natural', seconds: e.seconds, exercises: [] });
        break;
      default:
        break;
    }
  }

  show(focus: boolean): void {
    if (this.window?.isOpen()) {
      this.window.send({ type: 'break', view: this.breakView });
      return;
    }
    this.window = this.deps.ports.windows.open('break', { focus, onClosed: () => this.onWindowClosed() });
  }

  /** Closed by us, so `onWindowClosed` takes it for no decision of the user's. */
  close(): void {
    const w = this.window;
    this.window = null;
    w?.close();
  }

  /** On quit the handle stays, so the window's closing still ends a running break the way a user's close would. */
  stop(): void {
    this.window?.close();
  }

  private setView(view: BreakView): void {
    this.breakView = view;
    this.window?.send({ type: 'break', view });
  }

  /** Closing the window by hand ends the break: finished if it was running, skipped if it was only offered. */
  private onWindowClosed(): void {
    if (this.window === null) return;
    this.window = null;
    const phase = this.deps.phase();
    if (phase === 'on-break') this.deps.act({ do: 'finish' });
    else if (phase === 'prompt') this.deps.act({ do: 'skip' });
  }

  /**
   * What the record says was done. Seconds moved are the window's count (its pauses excluded), cross-checked against
   * main's own clock: never more than the time the break really ran, nor than the routine. Completed only when the
   * window says the routine played to its end; any other end of a running break (Finish early, the window closed,
   * sleep, lock, a window that never reported) is partial, with what was reported until then.
   */
  private moved(e: Extract<SchedulerEvent, { type: 'break-end' }>): Pick<HistoryRecord, 'outcome' | 'seconds' | 'exercises'> {
    if (this.runningSince === null) return { outcome: e.outcome, seconds: 0, exercises: [] };
    const ran = Math.max(0, Math.floor((e.at - this.runningSince) / 1000));
    const total = this.routine?.totalSeconds ?? ran;
    const r = this.reported;
    const seconds = Math.min(ran, total, r?.seconds ?? 0);
    const exercises = r?.exercises ?? [];
    if (e.outcome !== 'completed' && e.outcome !== 'partial') return { outcome: e.outcome, seconds, exercises };
    // One second of slack: the player rounds its milliseconds.
    const toTheEnd = r !== null && r.final && r.seconds >= total - 1 && ran >= total - 1;
    return { outcome: toTheEnd ? 'completed' : 'partial', seconds, exercises };
  }

  private record(r: HistoryRecord): void {
    try {
      this.deps.ports.history.append(r);
    } catch (err) {
      const message = noticeText.historyNotWritten((err as Error).message);
      if (this.deps.tell) this.deps.tell(message);
      else this.deps.notices.add(message);
    }
    if (r.exercises.length) this.recent = [...this.recent, r.exercises].slice(-RECENT_ROUTINES);
  }

  private makeRoutine(kind: BreakKind): RoutineView {
    const { positions } = this.deps.settings();
    const routine = buildRoutine(kind, this.deps.settings(), this.recent);
    const positionOf = (id: string) => {
      const e = getExercise(id);
      return e ? positionFor(e, positions) : 'standing';
    };
    return { ...routine, exercises: routine.exercises.map((x) => ({ ...x, position: positionOf(x.id) })) };
  }
}
