// The signed-in user for the whole app; any 401 from the API sends the browser to the login page,
// except on the public job board, where a visitor without a session is simply signed out.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import type { Role } from '../shared/roles.js';
import { ApiError, get, onUnauthenticated, post } from './api.js';
import type { User } from './types.js';

interface AuthState {
  /** undefined while the session is being checked, null when signed out. */
  user: User | null | undefined;
  signedIn(user: User): void;
  logout(): Promise<void>;
  /** Forgets the user and goes to the login page (after a password change, say). */
  signedOut(): void;
}

const AuthContext = createContext<AuthState | null>(null);

/** The public job board (/jobs, /jobs/...): open to anyone, so a 401 there is no reason to leave. */
function isPublicPath(pathname: string): boolean {
  return pathname === '/jobs' || pathname.startsWith('/jobs/');
}

/** Loads the current user once and keeps the login redirect wired up. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const navigate = useNavigate();
  const location = useLocation();

  const toLogin = useCallback(() => {
    setUser(null);
    if (window.location.pathname !== '/login' && !isPublicPath(window.location.pathname)) {
      const from = window.location.pathname + window.location.search;
      navigate(`/login?from=${encodeURIComponent(from)}`, { replace: true });
    }
  }, [navigate]);

  useEffect(() => {
    onUnauthenticated(toLogin);
    return () => onUnauthenticated(null);
  }, [toLogin]);

  useEffect(() => {
    if (user !== undefined || location.pathname === '/login') {
      if (user === undefined) setUser(null);
      return;
    }
    get<User>('/auth/me')
      .then(setUser)
      .catch((err: unknown) => {
        if (!(err instanceof ApiError && err.status === 401)) setUser(null);
      });
  }, [user, location.pathname]);

  const value = useMemo<AuthState>(
    () => ({
      user,
      signedIn: setUser,
      signedOut: () => {
        setUser(null);
        navigate('/login', { replace: true });
      },
      logout: async () => {
        try {
          await post('/auth/logout');
        } finally {
          setUser(null);
          navigate('/login', { replace: true });
        }
      },
    }),
    [user, navigate, toLogin],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

/** The auth state; only inside AuthProvider. */
export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}

/** The signed-in user; only on pages behind the layout, which waits for the user. */
export function useUser(): User {
  const { user } = useAuth();
  if (!user) throw new Error('useUser without a signed-in user');
  return user;
}

/** True when the user holds one of the roles. */
export function hasRole(user: User | null | undefined, ...roles: Role[]): boolean {
  return !!user && user.roles.some((r) => roles.includes(r));
}
