/** Deployed cloud function `admin`: exports `main` for CloudBase. */
import { cloudMain } from '../core/edge/cloud.main';
import { admin } from './admin.handlers';

export const main = cloudMain(admin);
