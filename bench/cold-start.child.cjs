/**
 * Run by bundles.bench.ts in a fresh `node` process: requires one bundled cloud function and
 * calls its `main` once, then a second time, and prints one JSON line of timestamps in ms
 * since the process started (performance.timeOrigin), so node's own boot is included, and the CPU
 * time the require took.
 * Plain CommonJS on purpose: it must run the bundle exactly as the platform would, without tsx.
 */
// performance is a Node global

const started = performance.now();
const cpuAtStart = process.cpuUsage();
const [bundle, eventJson] = process.argv.slice(2);
const event = JSON.parse(eventJson);
const invoke = (main) => (event === null ? main() : main(event));

const report = (line, code) => {
  process.stdout.write(`${JSON.stringify(line)}\n`);
  process.exit(code);
};

const { main } = require(bundle);
const loaded = performance.now();
// CPU time (all threads) of the require in ms: what the require costs when other work on the machine delays it
const cpu = process.cpuUsage(cpuAtStart);
const requireCpu = (cpu.user + cpu.system) / 1000;
Promise.resolve(invoke(main))
  .then(async (first) => {
    const firstDone = performance.now();
    await invoke(main);
    const answer = first && typeof first === 'object' && 'ok' in first ? (first.ok ? 'OK' : first.error.code) : 'answered';
    report({ started, loaded, requireCpu, firstDone, secondDone: performance.now(), answer }, 0);
  })
  .catch((e) => report({ started, loaded, error: String((e && e.stack) || e).slice(0, 500) }, 1));
