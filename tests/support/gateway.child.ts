/**
 * A gateway in a process of its own, for tests that must kill it: starts on a free port over
 * the data folder given as the first argument, and prints one line `{"url": ...}` once it listens.
 */
import { startGateway } from '../../gateway/server';

void startGateway({ port: 0, checkOutput: true, dataDir: process.argv[2], schedulerIntervalMs: 0, log: () => undefined }).then((gw) => {
  process.stdout.write(`${JSON.stringify({ url: gw.url })}\n`);
});
