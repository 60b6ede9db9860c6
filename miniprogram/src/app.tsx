import { useEffect, type PropsWithChildren } from 'react';
import { ElderModeProvider } from './hooks/useElderMode';
import { SessionProvider } from './hooks/useSession';
import { platform } from './platform';
import { onUnauthenticated } from './services/api';
import { askPrivacy } from './services/privacy';
import { go } from './services/routes';
import './app.scss';

// Before any page asks the session who the caller is (on WeChat the cloud must be set up once).
platform.init();
// WeChat holds a private API until the person agrees; the popup on the visible page asks them
platform.onPrivacyNeeded?.(askPrivacy);

/** The app shell: 长辈模式 and the session wrap every page. */
function App({ children }: PropsWithChildren) {
  useEffect(() => {
    // Without a login the browser build offers the sample personas; WeChat logs in by itself.
    if (platform.hasDevLogin) return onUnauthenticated(() => go.devLogin());
    return undefined;
  }, []);
  return (
    <ElderModeProvider>
      <SessionProvider>{children}</SessionProvider>
    </ElderModeProvider>
  );
}

export default App;
