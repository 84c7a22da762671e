// One page of the staff UI: its path, menu label and who may open it.
import type { ReactNode } from 'react';
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
