/** Deployed cloud function `company`: exports `main` for CloudBase. */
import { cloudMain } from '../core/edge/cloud.main';
import { company } from './company.handlers';

export const main = cloudMain(company);
