// The settings section "Your computers": the sync folder (picked, validated, saved), this computer's name, and the
// computers seen in the folder. A change of folder applies at the next start (the sync port is made at start).
import type { ComputersView, FolderProblem, ReplyTo } from '../ipc.ts';
import type { ComputersPort, WindowsPort } from '../ports.ts';

export interface ComputersDeps {
  computers?: ComputersPort;
  windows: Pick<WindowsPort, 'pickFolder'>;
  /** The folder the running sync port follows (null: this computer alone). */
  inUse: string | null;
  folder(): string | null;
  saveFolder(folder: string | null): ReplyTo<'settings:set'>;
  /** This computer's new name reaches the others (the running sync node). */
  renamed(name: string): void;
}

export class ComputersRequests {
  constructor(private readonly d: ComputersDeps) {}

  view(): ComputersView {
    const c = this.d.computers;
    const folder = this.d.folder();
    return {
      folder,
      inUse: this.d.inUse,
      thisComputer: c ? c.thisComputer() : { id: '', name: '' },
      list: c && folder ? c.list(folder) : null,
    };
  }

  pickFolder(): Promise<string | null> {
    return this.d.windows.pickFolder();
  }

  /** Refused with a problem (nothing saved) unless the folder is absolute, exists, is a folder and is writable. */
  setFolder(folder: string | null): { problem: FolderProblem | null; error?: string } {
    const c = this.d.computers;
    if (!c) return { problem: 'unusable' };
    if (folder !== null) {
      const problem = c.checkFolder(folder);
      if (problem) return { problem };
    }
    const r = this.d.saveFolder(folder);
    return r.ok ? { problem: null } : { problem: 'unusable', error: r.error };
  }

  rename(name: string): { ok: true } | { ok: false; error: string } {
    const c = this.d.computers;
    if (!c) return { ok: false, error: 'no data folder' };
    const r = c.rename(name);
    if (!r.ok) return { ok: false, error: r.message };
    this.d.renamed(r.name);
    return { ok: true };
  }
}
