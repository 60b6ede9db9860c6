import { useEffect, useState } from 'react';
import { answerPrivacy, watchPrivacy } from '../services/privacy';

/** Whether WeChat is waiting for the person's privacy consent, and the two answers. */
export const usePrivacyConsent = () => {
  const [asking, setAsking] = useState(false);
  useEffect(() => watchPrivacy(setAsking), []);
  return { asking, agree: () => answerPrivacy(true), refuse: () => answerPrivacy(false) };
};
