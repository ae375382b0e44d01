import { Ajv, type Options, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance, FastifySchemaValidationError } from 'fastify';
import { isPersonalNumber } from '../modules/security/pii.js';

const common: Options = { allErrors: false, useDefaults: true, removeAdditional: false, strict: false };

const notPersonalNumber = Object.assign(
  (enabled: boolean, data: string) => {
    const ok = !enabled || !isPersonalNumber(data);
    notPersonalNumber.errors = ok
      ? []
      : [
          {
            keyword: 'x-not-personal-number',
            message: 'must not be a social security or payment card number',
            params: {},
          },
        ];
    return ok;
  },
  { errors: [] as Array<{ keyword: string; message: string; params: object }> },
);

function withFormats(options: Options): Ajv {
  const ajv = new Ajv(options);
  addFormats.default(ajv);
  ajv.addKeyword({
    keyword: 'x-not-personal-number',
    type: 'string',
    schemaType: 'boolean',
    errors: true,
    validate: notPersonalNumber,
  });
  return ajv;
}

/**
 * Two validators: query strings, path parameters and headers arrive as text and are coerced to the schema's
 * types ("?limit=5" → 5); JSON bodies are already typed, so they are checked strictly — `{"message": 42}` is an
 * error, not the string "42", as the original (pydantic) API answered.
 */
export function registerValidation(app: FastifyInstance): void {
  const strict = withFormats({ ...common, coerceTypes: false });
  const coercing = withFormats({ ...common, coerceTypes: 'array' });
  // Bodies are JSON only: Fastify's built-in text/plain parser would hand a route a string, which its object
  // schema then refuses with a misleading 422; without the parser the media type itself is refused (415).
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(({ schema, httpPart }) =>
    compiledOnFirstUse(() => (httpPart === 'body' ? strict : coercing).compile(schema)),
  );
}

type Validator = ((data: unknown, context?: Parameters<ValidateFunction>[1]) => boolean) & {
  errors?: FastifySchemaValidationError[] | null;
  schemaEnv?: unknown;
};

/**
 * A validator compiled when its route is first called rather than at start-up: compiling every route's schemas
 * was a large share of the time to healthy, for routes most processes never serve. It behaves as Ajv's own
 * function: Fastify reads `errors` after a failed call and passes the parent object when `schemaEnv` is set, so
 * coercion and defaults can replace a whole query string or header object.
 */
function compiledOnFirstUse(compile: () => ValidateFunction): Validator {
  let compiled: ValidateFunction | undefined;
  const validate: Validator = (data, context) => {
    compiled ??= compile();
    const ok = compiled(data, context);
    validate.errors = compiled.errors;
    return ok;
  };
  validate.schemaEnv = true;
  return validate;
}
