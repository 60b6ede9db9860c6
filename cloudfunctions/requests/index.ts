/** Deployed cloud function `requests`: exports `main` for CloudBase. */
import { cloudMain } from '../core/edge/cloud.main';
import { requests } from './requests.handlers';

export const main = cloudMain(requests);
