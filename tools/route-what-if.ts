/**
 * What-if routing over the sample data: where would this item go for this applicant, and why?
 *   npm run --silent route -- <itemCode> <villageCenterId> [--near <lat>,<lng>]
 *   npm run --silent route -- <itemCode> --company <townshipCode|zone> [--near <lat>,<lng>]
 */
import { loadSampleCenters, loadSampleItems } from '../data/sample';
import { buildDirectory } from '../shared/directory';
import { runWhatIf } from './route-what-if.cli';

/** Loads the sample data, answers the case and exits with the outcome's code. */
async function main(): Promise<void> {
  const [centers, items] = await Promise.all([loadSampleCenters(), loadSampleItems()]);
  const outcome = runWhatIf(process.argv.slice(2), items, buildDirectory(centers));
  process.stdout.write(outcome.stdout);
  process.stderr.write(outcome.stderr);
  process.exitCode = outcome.exitCode;
}

void main();
