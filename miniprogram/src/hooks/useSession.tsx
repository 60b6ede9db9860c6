import { createContext, useCallback, useContext, useEffect, useState, type PropsWithChildren } from 'react';
import type { UserView } from '@shared/api.schema';
import { call, setToken } from '../services/api';
import { forgetBound } from '../services/bound.identity';

/** The caller: undefined while loading, null when not logged in. */
type Session = { user: UserView | null | undefined; refresh: () => Promise<void>; setUser: (u: UserView | null) => void; logout: () => void };
const SessionContext = createContext<Session>({ user: undefined, refresh: async () => undefined, setUser: () => undefined, logout: () => undefined });

/** Loads who the caller is once, and lets pages update it after a login or a binding. */
export function SessionProvider({ children }: PropsWithChildren) {
  const [user, setUser] = useState<UserView | null | undefined>(undefined);
  const refresh = useCallback(async () => {
    const a = await call('session', 'whoami', {}, { toast: false });
    setUser(a.ok ? a.data.user : null);
  }, []);
  const logout = useCallback(() => {
    setToken('');
    forgetBound();
    setUser(null);
  }, []);
  useEffect(() => void refresh(), [refresh]);
  return <SessionContext.Provider value={{ user, refresh, setUser, logout }}>{children}</SessionContext.Provider>;
}

/** The caller and the ways to change it. */
export const useSession = (): Session => useContext(SessionContext);
