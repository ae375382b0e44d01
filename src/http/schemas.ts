import { Type } from 'typebox';

/**
 * Employee identifier, wherever one is accepted (body, path or query). `x-not-personal-number` (a keyword
 * registered in validation.ts) refuses ids shaped like a social security or payment card number: an id is
 * copied into every row, log line and webhook about the employee, where it could not be masked.
 */
/** The characters an employee id may use (also named in plain words by plain-validation.ts). */
export const USER_ID_PATTERN = '^[A-Za-z0-9._@+-]+$';

export const UserId = Type.String({
  minLength: 1,
  maxLength: 128,
  pattern: USER_ID_PATTERN,
  'x-not-personal-number': true,
  description:
    'Employee identifier (letters, digits and . _ @ + -); ids shaped like an SSN or a card number are refused',
});
