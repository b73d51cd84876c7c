/**
 * The scan state file under the Spendbar home: loaded once at start (a damaged or newer one is
 * set aside for a cold scan, with a notice), saved after refreshes that changed something — at
 * most once per interval, since the logs stay the truth and a start re-reads only what followed.
 */
import { join } from 'node:path';
import { readState, STATE_FILE, StateError, writeState, type ScanState } from './scan-state.ts';
import { errnoOf } from './log-listing.ts';
import { shownPath } from './unreadable-report.ts';

export class ScanStateFile {
  readonly path: string;
  private lastSaveAt = -Infinity;
  /** A save was due but held back by the interval. */
  pending = false;
  /** Bytes written by the last save and how long it took (the bench prints them). */
  lastSaveBytes = 0;
  lastSaveMs = 0;

  constructor(
    dir: string,
    private readonly now: () => number,
  ) {
    this.path = join(dir, STATE_FILE);
  }

  load(): { state?: ScanState; notices: string[] } {
    try {
      const state = readState(this.path);
      return state ? { state, notices: [] } : { notices: [] };
    } catch (error) {
      const why = error instanceof StateError ? error.message : `unusable (${errnoOf(error)})`;
      return {
        notices: [
          `The saved Claude Code scan state (${shownPath(this.path)}) is ${why}: the logs were read again from the start`,
        ],
      };
    }
  }

  /** Saves now if the interval allows; returns a notice if the save failed. */
  saveIfDue(state: () => ScanState, minIntervalMs: number): string | undefined {
    if (this.now() - this.lastSaveAt < minIntervalMs) {
      this.pending = true;
      return undefined;
    }
    try {
      const t0 = performance.now();
      this.lastSaveBytes = writeState(this.path, state());
      this.lastSaveMs = performance.now() - t0;
      this.lastSaveAt = this.now();
      this.pending = false;
      return undefined;
    } catch (error) {
      this.pending = true;
      return `The Claude Code scan state could not be saved to ${shownPath(this.path)} (${errnoOf(error)}): the next start reads every log again`;
    }
  }
}
