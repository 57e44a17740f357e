import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The compiled bench lives in .bench-out/bench/support; these are its siblings. */
export const CLI_ENTRY = path.join(__dirname, 'cliEntry.js');
export const PROBE = path.join(__dirname, 'probe.js');

export interface Finished {
  code: number;
  stdout: string;
  stderr: string;
  wallMs: number;
  /** From the probe, when the run asked for it. */
  probe?: { maxRssBytes: number; moduleLoadMs: number; moduleLoadCpuMs: number; packages: string[] };
}

/** Runs `node [-r probe] script args` and times it from spawn to exit. */
export function runNode(
  script: string | ['-e', string],
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; probe?: boolean } = {},
): Promise<Finished> {
  const probeFile = options.probe
    ? path.join(options.cwd ?? process.cwd(), `.probe-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.json`)
    : undefined;
  const nodeArgs = [...(probeFile ? ['-r', PROBE] : []), ...(Array.isArray(script) ? script : [script]), ...args];
  const env = { ...(options.env ?? { PATH: process.env.PATH }), ...(probeFile ? { BENCH_PROBE_FILE: probeFile } : {}) };
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, nodeArgs, { env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => stdout.push(d));
    child.stderr.on('data', (d: Buffer) => stderr.push(d));
    child.once('error', reject);
    child.once('close', (code) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      let probe: Finished['probe'];
      if (probeFile && fs.existsSync(probeFile)) {
        probe = JSON.parse(fs.readFileSync(probeFile, 'utf8')) as Finished['probe'];
        fs.rmSync(probeFile, { force: true });
      }
      resolve({ code: code ?? 1, stdout: Buffer.concat(stdout).toString(), stderr: Buffer.concat(stderr).toString(), wallMs, probe });
    });
  });
}

/** `mentormail ...args` in a child process, as cron would run it. */
export async function mentormail(args: string[], env: NodeJS.ProcessEnv, cwd: string, probe = false): Promise<Finished> {
  const result = await runNode(CLI_ENTRY, args, { env, cwd, probe });
  if (result.code !== 0) {
    throw new Error(`mentormail ${args.join(' ')} exited ${result.code}:\n${result.stdout}\n${result.stderr.slice(-2000)}`);
  }
  return result;
}
