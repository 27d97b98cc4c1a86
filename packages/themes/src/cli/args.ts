import { isAbsolute, resolve } from 'node:path';

/** `--name value` and `--flag` pairs after the command word. */
export function parseArgs(argv: string[]): { command: string; options: Map<string, string> } {
  const [command = 'help', ...rest] = argv;
  const options = new Map<string, string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument "${arg}"`);
    const next = rest[i + 1];
    if (next === undefined || next.startsWith('--')) options.set(arg.slice(2), 'true');
    else {
      options.set(arg.slice(2), next);
      i++;
    }
  }
  return { command, options };
}

/**
 * Paths are relative to where the user ran the command. pnpm runs package
 * scripts inside the package folder but keeps the caller's directory in
 * INIT_CWD, so `npm run themes -- code --in data.jsonl` works from the root.
 */
export function userPath(path: string): string {
  return isAbsolute(path) ? path : resolve(process.env.INIT_CWD ?? process.cwd(), path);
}
