import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
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
    httpPart === 'body' ? strict.compile(schema) : coercing.compile(schema),
  );
}
