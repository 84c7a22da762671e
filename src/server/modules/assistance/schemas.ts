// Request and response schemas of hard-to-employ recognitions (AID-1).
import { Type } from '@sinclair/typebox';
import { DateTime, Name, Nullable, OneOf } from '../../platform/http.js';
import { categories, categoryCodes, type CategoryCode } from './categories.js';

const categoryDescription = categories.map((c) => `${c.code} ${c.name}`).join('，');

/** A category code (API.md "Assistance"). */
export const CategoryCodeSchema = Type.Unsafe<CategoryCode>(Type.String({ enum: [...categoryCodes], description: categoryDescription }));

/** Why a rule is or is not met: the stable rule code, the clause, and what was found. */
export const ReasonSchema = Type.Object({ rule: Type.String(), source: Type.String(), detail: Type.String() });

/** A recognition: active, past its validity, or revoked (kept for the history). */
export const Recognition = Type.Object({
  id: Type.String(),
  personId: Type.String(),
  category: OneOf(categoryCodes, categoryDescription),
  recognisedOn: Type.String(),
  validUntil: Nullable(Type.String()),
  evidence: Type.String(),
  overrideReason: Nullable(Type.String({ description: '不符合规则时的破格认定理由' })),
  recognisedByName: Type.String(),
  revokedOn: Nullable(Type.String()),
  revokedReason: Nullable(Type.String()),
  status: OneOf(['active', 'expired', 'revoked'], 'active 有效，expired 已过有效期，revoked 已撤销'),
  createdAt: DateTime,
});

/** A person's categories: proposals from the rules, active recognitions, and beside the contract the history and every rule's assessment. */
export const PersonCategories = Type.Object({
  proposed: Type.Array(Type.Object({ category: OneOf(categoryCodes), reasons: Type.Array(ReasonSchema) })),
  recognised: Type.Array(Recognition),
  history: Type.Array(Recognition, { description: '已撤销或已过有效期的认定' }),
  assessed: Type.Array(
    Type.Object({
      category: OneOf(categoryCodes),
      name: Type.String(),
      basis: OneOf(['rule', 'evidence'], 'rule 按登记信息规则认定，evidence 凭证明材料认定（规则读取人员信息中的记载）'),
      source: Type.String(),
      met: Type.Boolean(),
      reasons: Type.Array(ReasonSchema),
    }),
  ),
});

/** The body of a recognition. */
export const RecogniseBody = Type.Object({
  category: CategoryCodeSchema,
  evidence: Name({ minLength: 2, maxLength: 500, description: '核验的证明材料' }),
  validUntil: Type.Optional(Type.String({ format: 'date' })),
  overrideReason: Type.Optional(Name({ minLength: 2, maxLength: 500, description: '不符合规则仍予认定的理由（记入审计）' })),
  recognisedOn: Type.Optional(Type.String({ format: 'date', description: '补录：认定日期（规则按该日适用），缺省为今天' })),
});

/** A row of the recognitions overview. */
export const RecognitionListItem = Type.Object({
  id: Type.String(),
  personId: Type.String(),
  personName: Type.String(),
  idNumber: Type.String({ description: '已脱敏' }),
  regionCode: Type.String(),
  regionName: Nullable(Type.String()),
  category: OneOf(categoryCodes),
  recognisedOn: Type.String(),
  validUntil: Nullable(Type.String()),
  evidence: Type.String(),
  overrideReason: Nullable(Type.String()),
  recognisedByName: Type.String(),
  revokedOn: Nullable(Type.String()),
  revokedReason: Nullable(Type.String()),
  status: OneOf(['active', 'expired', 'revoked']),
});
