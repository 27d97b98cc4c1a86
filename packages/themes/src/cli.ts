import { DEFAULT_CODEBOOK } from './codebook/default-codebook';
import { parseArgs } from './cli/args';
import { codeCommand, evalCommand, HELP, trainCommand } from './cli/commands';

// Buffered output: writing tens of thousands of lines one by one is slow.
const buffer: string[] = [];
function print(line: string): void {
  buffer.push(line);
  if (buffer.length >= 1000) flush();
}
function flush(): void {
  if (buffer.length > 0) process.stdout.write(`${buffer.join('\n')}\n`);
  buffer.length = 0;
}

try {
  const { command, options } = parseArgs(process.argv.slice(2));
  if (command === 'code') codeCommand(options, print);
  else if (command === 'eval') evalCommand(options, print);
  else if (command === 'train') trainCommand(options, print);
  else if (command === 'codebook') print(JSON.stringify(DEFAULT_CODEBOOK, null, 2));
  else print(HELP);
  flush();
} catch (error) {
  flush();
  console.error(`themes: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
