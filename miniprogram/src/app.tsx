import { useEffect, type PropsWithChildren } from 'react';
import Taro from '@tarojs/taro';
import { ElderModeProvider } from './hooks/useElderMode';
import { SessionProvider } from './hooks/useSession';
import { onUnauthenticated } from './services/api';
import { go } from './services/routes';
import './app.scss';

/** On WeChat the cloud must be set up once; the browser build talks to the gateway instead. */
const initCloud = (): void => {
  if (process.env.TARO_ENV === 'weapp') Taro.cloud.init({ env: (Taro.cloud as unknown as { DYNAMIC_CURRENT_ENV: string }).DYNAMIC_CURRENT_ENV, traceUser: true });
};

// Before any page asks the session who the caller is.
initCloud();

/** The app shell: 长辈模式 and the session wrap every page. */
function App({ children }: PropsWithChildren) {
  useEffect(() => {
    // Without a login the browser build offers the sample personas; WeChat logs in by itself.
    if (process.env.TARO_ENV === 'h5') return onUnauthenticated(() => go.devLogin());
    return undefined;
  }, []);
  return (
    <ElderModeProvider>
      <SessionProvider>{children}</SessionProvider>
    </ElderModeProvider>
  );
}

export default App;
