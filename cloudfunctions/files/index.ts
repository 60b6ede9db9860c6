/** Deployed cloud function `files`: exports `main` for CloudBase (temporary links to private photos). */
import { cloudMain } from '../core/edge/cloud.main';
import { files } from './files.handlers';

export const main = cloudMain(files);
