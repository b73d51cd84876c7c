import type { SourceDefinition } from '../sources/source-definition.ts';

/** What a command needs from the outside world, passed in so tests run commands in-process. */
export interface CommandContext {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly now: () => Date;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The sources to offer; every source Spendbar knows unless a test adds its own. */
  readonly registry?: readonly SourceDefinition[];
}
