/**
 * WeChat's privacy consent as app state. The platform raises the question once a private API
 * (the location) needs consent; it waits here until the popup on the visible page answers it,
 * and every question raised meanwhile gets the same answer.
 */
import type { PrivacyReply } from '../platform';

let waiting: PrivacyReply[] = [];
const listeners = new Set<(asking: boolean) => void>();

const notify = () => listeners.forEach((l) => l(waiting.length > 0));

/** Takes the platform's question; the popup shows until someone answers. */
export const askPrivacy = (reply: PrivacyReply): void => {
  waiting = [...waiting, reply];
  notify();
};

/** Answers every waiting question. */
export const answerPrivacy = (agreed: boolean): void => {
  const replies = waiting;
  waiting = [];
  replies.forEach((reply) => reply(agreed));
  notify();
};

/** Follows whether a question is waiting; answers the unsubscribe. */
export const watchPrivacy = (listener: (asking: boolean) => void): (() => void) => {
  listeners.add(listener);
  listener(waiting.length > 0);
  return () => void listeners.delete(listener);
};
