// Request and response schemas of service units (NET-1).
import { Type } from '@sinclair/typebox';
import { unitTypes, type UnitType } from '../../../shared/roles.js';
import { DateTime } from '../../platform/http.js';

/** A unit's type, one of the keys of `unitTypes`. */
export const UnitTypeSchema = Type.Unsafe<UnitType>(Type.String({ enum: Object.keys(unitTypes), description: '机构类型' }));
/** A service unit as the API returns it. */
export const Unit = Type.Object({
  id: Type.String(),
  name: Type.String(),
  type: Type.String(),
  regionCode: Type.String(),
  regionName: Type.Union([Type.String(), Type.Null()]),
  scope: Type.String(),
  address: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  disabled: Type.Boolean(),
  createdAt: DateTime,
});
