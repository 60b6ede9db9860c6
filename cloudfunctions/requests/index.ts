/** Deployed cloud function `requests`: exports `main` for CloudBase. */
import { cloudMain } from '../core/cloud.main';
import { requests } from './requests.handlers';

export const main = cloudMain(requests);
