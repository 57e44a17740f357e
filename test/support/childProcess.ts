import { spawn, type SpawnOptions } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/paths';

export interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

const REGISTER_TS = path.join(PROJECT_ROOT, 'test', 'support', 'registerTs.js');

/** `node` running a TypeScript file of this project directly, as a separate process. */
export function runTs(file: string, args: string[], options: SpawnOptions = {}): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', REGISTER_TS, file, ...args], { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** The CLI as a real process (what `npx mentormail` runs), from the TypeScript sources. */
export const CLI_ENTRY = path.join(PROJECT_ROOT, 'test', 'support', 'cliEntry.ts');
