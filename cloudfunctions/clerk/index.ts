/** Deployed cloud function `clerk`: exports `main` for CloudBase. */
import { cloudMain } from '../core/edge/cloud.main';
import { clerk } from './clerk.handlers';

export const main = cloudMain(clerk);
