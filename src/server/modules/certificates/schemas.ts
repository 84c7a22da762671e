// Request and response schemas of the 就业失业登记证 (REG-3).
import { Type } from '@sinclair/typebox';
import { DateTime, Nullable } from '../../platform/http.js';

/** A person's certificate: current number and status, and its issue, withdrawal and reissue history. */
export const Certificate = Type.Object({
  certificateNo: Nullable(Type.String()),
  status: Nullable(Type.String({ description: 'valid 有效，withdrawn 已收回' })),
  history: Type.Array(
    Type.Object({
      id: Type.String(),
      certificateNo: Type.String(),
      action: Type.String(),
      date: Type.String(),
      reason: Nullable(Type.String()),
      createdBy: Type.String(),
      createdByName: Type.Optional(Type.String({ description: '经办人姓名' })),
      unitId: Nullable(Type.String()),
      createdAt: DateTime,
    }),
  ),
});
