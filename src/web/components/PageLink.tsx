// Links that only show when the user may follow them: a page closed to the role would answer
// 无权访问, so the name stays plain text instead (issue 12).
import { useCallback, useContext, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useAuth } from '../auth.js';
import { mayOpen, PagesContext } from '../pageEntry.js';

/** `(to) => true` when the signed-in user may open the page at `to`. */
export function useCanOpen(): (to: string) => boolean {
  const pages = useContext(PagesContext);
  const { user } = useAuth();
  return useCallback((to: string) => !!user && mayOpen(pages, user.roles, to), [pages, user]);
}

/**
 * Where a person opens for the user: the one-stop person page for those who work with the ledger,
 * the seeker page for job officers, nowhere for others.
 */
export function usePersonPath(): (personId: string) => string | undefined {
  const canOpen = useCanOpen();
  return useCallback((personId: string) => [`/persons/${personId}`, `/seekers/${personId}`].find((path) => canOpen(path)), [canOpen]);
}

/** A router link when the user may open `to`, else its children as they are. */
export function PageLink({ to, children }: { to: string; children: ReactNode }) {
  const canOpen = useCanOpen();
  return canOpen(to) ? <Link to={to}>{children}</Link> : <>{children}</>;
}

/** The person's name, linked to where the user may open them. */
export function PersonLink({ personId, children }: { personId: string; children: ReactNode }) {
  const to = usePersonPath()(personId);
  return to ? <Link to={to}>{children}</Link> : <>{children}</>;
}
