/** Deployed cloud function `messages`: exports `main` for CloudBase. */
import { cloudMain } from '../core/edge/cloud.main';
import { messages } from './messages.handlers';

export const main = cloudMain(messages);
