// Request and response schemas of administrative divisions (NET-2).
import { Type } from '@sinclair/typebox';

/** An administrative division: its 12-digit code, name and level. */
export const Region = Type.Object({ code: Type.String(), name: Type.String(), level: Type.Integer() });
