import { Type } from 'typebox';
import { PERMISSIONS, ROLES } from './roles.js';

export const RoleSchema = Type.Union(
  ROLES.map((role) => Type.Literal(role)),
  { description: 'hr_agent, hr_confidential, hr_admin or auditor' },
);

export const CreateTokenBody = Type.Object(
  {
    name: Type.String({
      minLength: 1,
      maxLength: 100,
      pattern: '^[A-Za-z0-9][A-Za-z0-9 ._@+-]*$',
      description: 'Who or what uses the token; the audit log names it',
    }),
    role: RoleSchema,
    expires_at: Type.Optional(
      Type.String({ format: 'date-time', maxLength: 40, description: 'When it stops working' }),
    ),
  },
  { additionalProperties: false },
);

const TokenFields = {
  id: Type.String(),
  name: Type.String(),
  role: Type.String(),
  prefix: Type.String({ description: 'The first characters of the token, to tell tokens apart' }),
  status: Type.Union([Type.Literal('active'), Type.Literal('expired'), Type.Literal('revoked')]),
  created_at: Type.String({ format: 'date-time' }),
  created_by: Type.String(),
  expires_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  revoked_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
};

export const Token = Type.Object(TokenFields);
export const CreatedToken = Type.Object({
  ...TokenFields,
  token: Type.String({ description: 'The secret (hrt_…), shown this once; only its hash is kept' }),
});
export const TokenList = Type.Object({ tokens: Type.Array(Token) });
export const TokenParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const Me = Type.Object({
  auth_mode: Type.Union([Type.Literal('open'), Type.Literal('oidc')]),
  authenticated: Type.Boolean(),
  name: Type.String({ description: 'token:<name>, oidc:<subject> <email>, or anonymous' }),
  user_id: Type.Union([Type.String(), Type.Null()], {
    description: 'The employee id questions are asked as',
  }),
  email: Type.Union([Type.String(), Type.Null()]),
  roles: Type.Array(Type.String()),
  permissions: Type.Array(Type.String(), { description: `Granted, out of: ${PERMISSIONS.join(', ')}` }),
  csrf_token: Type.Optional(
    Type.String({ description: 'Send as X-CSRF-Token on changes made with the session cookie' }),
  ),
});
