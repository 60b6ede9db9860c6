/** Deployed cloud function `session`: exports `main` for CloudBase. */
import { cloudMain } from '../core/edge/cloud.main';
import { session } from './session.handlers';

export const main = cloudMain(session);
