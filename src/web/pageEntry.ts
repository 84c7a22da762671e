// One page of the staff UI: its path, menu label and who may open it.
import { createContext, type ReactNode } from 'react';
import { matchPath } from 'react-router-dom';
import type { Role } from '../shared/roles.js';

export interface PageEntry {
  /** A react-router path pattern ("/persons/:id"). */
  path: string;
  label: string;
  icon?: ReactNode;
  /** Roles that may open the page; undefined = everyone signed in. */
  roles?: Role[];
  element: ReactNode;
  /** For pages outside the menu: the menu entry to highlight while on them. */
  menuKey?: string;
}

/** 账号安全 (two-factor sign-in, own sessions): open to every signed-in member, and the only page while their role requires a second factor they have not set up. */
export const securityPath = '/account/security';

/** The pages of the app, provided by the layout, so a link can ask whether its target opens for the user. */
export const PagesContext = createContext<PageEntry[]>([]);

/** The page whose path pattern matches; static paths win over parameters as in the router. */
export function pageAt(pages: PageEntry[], pathname: string): PageEntry | undefined {
  const matching = pages.filter((p) => matchPath({ path: p.path, end: false }, pathname));
  return (
    matching.find((p) => !p.path.includes(':') && matchPath(p.path, pathname)) ??
    matching.find((p) => matchPath(p.path, pathname)) ??
    matching[0]
  );
}

/** True when the page at `to` (a path, query allowed) exists and a user with these roles may open it. */
export function mayOpen(pages: PageEntry[], roles: readonly Role[], to: string): boolean {
  const pathname = to.split(/[?#]/)[0]!;
  const page = pages.find((p) => matchPath(p.path, pathname) && !p.path.includes(':')) ?? pages.find((p) => matchPath(p.path, pathname));
  return !!page && (!page.roles || page.roles.some((r) => roles.includes(r)));
}
