/** Deployed cloud function `demands`: exports `main` for CloudBase. */
import { cloudMain } from '../core/edge/cloud.main';
import { demands } from './demands.handlers';

export const main = cloudMain(demands);
