/** Deployed cloud function `directory`: exports `main` for CloudBase. */
import { cloudMain } from '../core/edge/cloud.main';
import { directory } from './directory.handlers';

export const main = cloudMain(directory);
