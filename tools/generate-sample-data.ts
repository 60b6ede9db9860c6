/**
 * Writes the deterministic sample dataset to data/sample/ (`npm run generate:sample`).
 * Running it twice gives byte-identical files; tests check the shipped files are current.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderSampleFiles } from './sample-data/sample-data.generator';

const outDir = join(__dirname, '..', 'data', 'sample');
for (const [name, text] of Object.entries(renderSampleFiles())) {
  writeFileSync(join(outDir, name), text, 'utf8');
  console.log(`wrote data/sample/${name} (${Buffer.byteLength(text, 'utf8')} bytes)`);
}
