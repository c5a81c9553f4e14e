import { User, UserManager } from 'oidc-client-ts';
import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { Principal, principalOf } from './session';

export type SessionState = 'loading' | 'signed-out' | 'signed-in' | 'expired';

interface AuthContextValue {
  state: SessionState;
  principal: Principal | null;
  userManager: UserManager;
  /** The access token for an API call, or null when the session has ended. */
  accessToken(): Promise<string | null>;
  signIn(returnTo?: string): Promise<void>;
  signOut(): Promise<void>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ userManager, children }: { userManager: UserManager; children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [state, setState] = useState<SessionState>('loading');

  useEffect(() => {
    const loaded = (next: User) => {
      setUser(next);
      setState('signed-in');
    };
    // A renewal that fails (provider down, session ended there) leaves the token to expire: the page says so, and nothing is lost on screen.
    const expired = () => setState((current) => (current === 'signed-in' ? 'expired' : current));
    const unloaded = () => {
      setUser(null);
      setState('signed-out');
    };
    userManager.events.addUserLoaded(loaded);
    userManager.events.addAccessTokenExpired(expired);
    userManager.events.addUserUnloaded(unloaded);
    userManager.events.addUserSignedOut(unloaded);
    void userManager.getUser().then((stored) => {
      if (stored && !stored.expired) loaded(stored);
      else setState('signed-out');
    });
    return () => {
      userManager.events.removeUserLoaded(loaded);
      userManager.events.removeAccessTokenExpired(expired);
      userManager.events.removeUserUnloaded(unloaded);
      userManager.events.removeUserSignedOut(unloaded);
    };
  }, [userManager]);

  const accessToken = useCallback(async () => {
    const current = await userManager.getUser();
    return current && !current.expired ? current.access_token : null;
  }, [userManager]);

  const signIn = useCallback(
    (returnTo?: string) =>
      userManager.signinRedirect({
        state: { returnTo: returnTo ?? window.location.pathname + window.location.search },
      }),
    [userManager],
  );
  const signOut = useCallback(() => userManager.signoutRedirect(), [userManager]);

  const value = useMemo<AuthContextValue>(
    () => ({ state, principal: user ? principalOf(user) : null, userManager, accessToken, signIn, signOut }),
    [state, user, userManager, accessToken, signIn, signOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}
