/**
 * Preloaded (`node -r`) into a measured process: on exit it writes the peak resident memory and
 * the time spent loading modules to the file named by BENCH_PROBE_FILE. Loading time is the
 * time inside top-level `require` calls (with everything they load in turn), except the main
 * script's own body, which runs the command itself: as wall time, and as CPU time, which other
 * processes on a busy machine disturb far less. `packages` are the npm packages our own code
 * required.
 */
import fs from 'node:fs';
import Module from 'node:module';

interface Loader {
  _load(request: string, parent: { filename?: string } | null, isMain: boolean): unknown;
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const out = process.env.BENCH_PROBE_FILE;
if (out) {
  const loader = Module as unknown as Loader;
  const load = loader._load.bind(Module);
  let depth = 0;
  let loadingNs = 0n;
  let loadingCpuMs = 0;
  const packages = new Set<string>();
  const builtins = new Set(Module.builtinModules);
  loader._load = (request, parent, isMain) => {
    if (isMain) return load(request, parent, isMain);
    const ours = !(parent?.filename ?? '').includes('node_modules');
    if (ours && !request.startsWith('.') && !request.startsWith('node:') && !builtins.has(request)) packages.add(request);
    const started = depth === 0 ? process.hrtime.bigint() : 0n;
    const startedCpu = depth === 0 ? cpuMs() : 0;
    depth++;
    try {
      return load(request, parent, isMain);
    } finally {
      depth--;
      if (depth === 0) {
        loadingNs += process.hrtime.bigint() - started;
        loadingCpuMs += cpuMs() - startedCpu;
      }
    }
  };
  process.on('exit', () => {
    const report = {
      maxRssBytes: process.resourceUsage().maxRSS * 1024,
      moduleLoadMs: Number(loadingNs) / 1e6,
      moduleLoadCpuMs: loadingCpuMs,
      packages: [...packages].sort(),
    };
    fs.writeFileSync(out, JSON.stringify(report));
  });
}
