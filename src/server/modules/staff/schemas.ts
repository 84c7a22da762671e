// Request and response schemas of staff accounts.
import { Type } from '@sinclair/typebox';
import { roles, type Role } from '../../../shared/roles.js';
import { DateTime } from '../../platform/http.js';

/** One staff role. */
export const RoleSchema = Type.Unsafe<Role>(Type.String({ enum: [...roles] }));
/** A staff member's roles: at least one, none twice. */
export const Roles = Type.Array(RoleSchema, { minItems: 1, uniqueItems: true });
/** A mobile or landline number. */
export const Phone = Type.String({ pattern: '^1\\d{10}$|^0\\d{2,3}-?\\d{7,8}$', description: '手机或固定电话' });
/** A new password as a staff account takes it. */
export const Password = Type.String({ minLength: 8, maxLength: 128 });

/** A staff member as the API returns it (phone masked). */
export const Staff = Type.Object({
  id: Type.String(),
  username: Type.String(),
  name: Type.String(),
  unitId: Type.Union([Type.String(), Type.Null()]),
  unitName: Type.Union([Type.String(), Type.Null()]),
  regionCode: Type.String(),
  scope: Type.String(),
  roles: Type.Array(Type.String()),
  phone: Type.Union([Type.String(), Type.Null()], { description: '已脱敏' }),
  disabled: Type.Boolean(),
  builtIn: Type.Boolean(),
  createdAt: DateTime,
});
