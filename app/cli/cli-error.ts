/** A problem the user can fix by changing the command line: one line on stderr, exit code 2. */
export class UsageError extends Error {
  readonly exitCode = 2;
}

/** A problem outside the command line (network, provider, files): exit code 1. */
export class RuntimeFailure extends Error {
  readonly exitCode = 1;
}
