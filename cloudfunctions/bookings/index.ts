/** Deployed cloud function `bookings`: exports `main` for CloudBase. */
import { cloudMain } from '../core/edge/cloud.main';
import { bookings } from './bookings.handlers';

export const main = cloudMain(bookings);
