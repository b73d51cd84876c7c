/** Shared argument parsing: strict flags, integers that are really integers, dates that are dates. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './cli-error.ts';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export const COMMON_OPTIONS = {
  json: { type: 'boolean' },
  tz: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies OptionSpec;

export function parseCommandArgs<T extends OptionSpec>(argv: string[], options: T, command: string) {
  // "--input -1" would read as a flag named 1; join it so the value check can name the problem.
  const joined: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const next = argv[i + 1];
    if (arg.startsWith('--') && !arg.includes('=') && next !== undefined && /^-[\d.]/.test(next)) {
      joined.push(`${arg}=${next}`);
      i++;
    } else joined.push(arg);
  }
  try {
    return parseArgs({ args: joined, options: { ...COMMON_OPTIONS, ...options }, strict: true, allowPositionals: false });
  } catch (error) {
    const message = (error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)).replace(/\.$/, '');
    throw new UsageError(`${command}: ${message}. Run "spendbar ${command} --help" for the flags.`);
  }
}

/** A whole, non-negative token or request count. */
export function countArg(value: string | undefined, flag: string): number {
  if (value === undefined) return 0;
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`--${flag} must be a whole number of tokens, at least 0 (got "${value}")`);
  }
  return Number(value);
}

export function dayArg(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(`${value}T00:00:00Z`) : undefined;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new UsageError(`--${flag} must be a date as YYYY-MM-DD (got "${value}")`);
  }
  return value;
}

export function timeZoneArg(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return value;
  } catch {
    throw new UsageError(`--tz must be an IANA time zone such as UTC or Europe/Paris (got "${value}")`);
  }
}
