// The self-service account of the public site (JOB-7): seekers and employers sign in with their
// own cookie (openpes_public), apart from staff sessions; the board's pages read it from here.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { get, post } from '../../api.js';
import type { PublicAccount } from './types.js';

interface PublicAccountState {
  /** undefined while the session is checked, null for a visitor without an account. */
  account: PublicAccount | null | undefined;
  /** After register, login or a profile change: the account as the API answered it. */
  setAccount(account: PublicAccount | null): void;
  logout(): Promise<void>;
}

const PublicAccountContext = createContext<PublicAccountState | null>(null);

/** Checks the public session once for the board's pages; a 401 means a visitor, nothing more. */
export function PublicAccountProvider({ children }: { children: ReactNode }) {
  const [account, setAccount] = useState<PublicAccount | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    get<PublicAccount>('/public/me')
      .then((a) => live && setAccount(a))
      // 401 is a visitor; any other failure also shows the board signed out, and the page's own
      // requests report the trouble.
      .catch(() => live && setAccount(null));
    return () => {
      live = false;
    };
  }, []);
  const logout = useCallback(async () => {
    try {
      await post('/public/accounts/logout');
    } finally {
      setAccount(null);
    }
  }, []);
  const value = useMemo(() => ({ account, setAccount, logout }), [account, logout]);
  return <PublicAccountContext.Provider value={value}>{children}</PublicAccountContext.Provider>;
}

/** The public account state; only inside PublicAccountProvider (PublicLayout). */
export function usePublicAccount(): PublicAccountState {
  const state = useContext(PublicAccountContext);
  if (!state) throw new Error('usePublicAccount outside PublicAccountProvider');
  return state;
}

/** The name the header shows: the seeker's or the employer's name, else the masked phone. */
export function accountName(account: PublicAccount): string {
  return account.seeker?.name ?? account.employer?.name ?? account.phone;
}

/** `/jobs/login?from=/jobs/…`: where a visitor signs in and comes back to. */
export function loginLink(from: string): string {
  return `/jobs/login?from=${encodeURIComponent(from)}`;
}
