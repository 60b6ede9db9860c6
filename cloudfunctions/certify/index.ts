/** Deployed cloud function `certify` (静默认证): exports `main` for CloudBase. */
import { cloudMain } from '../core/edge/cloud.main';
import { certify } from './certify.handlers';

export const main = cloudMain(certify);
