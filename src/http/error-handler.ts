import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorCode, errorBody, errorStatus } from '../errors.js';
import { plainValidationMessage } from './plain-validation.js';

/** Maps Fastify's own 4xx error codes onto ours so every failure leaves in the same shape. */
const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_VALIDATION: 'VALIDATION_ERROR',
};

const codeForStatus = new Map<number, ErrorCode>(
  Object.entries(errorStatus).map(([code, status]) => [status, code as ErrorCode]),
);

function classify(error: FastifyError): {
  code: ErrorCode;
  message: string;
  headers: Record<string, string>;
} {
  if (error instanceof AppError) return { code: error.code, message: error.message, headers: error.headers };
  if (error.validation) {
    const message = plainValidationMessage(error.validation, error.validationContext ?? 'body');
    return { code: 'VALIDATION_ERROR', message, headers: {} };
  }
  const mapped = error.code ? fastifyCodes[error.code] : undefined;
  if (mapped) return { code: mapped, message: error.message, headers: {} };
  if (error instanceof SyntaxError)
    return { code: 'BAD_REQUEST', message: `Invalid JSON body: ${error.message}`, headers: {} };
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    return { code: codeForStatus.get(status) ?? 'BAD_REQUEST', message: error.message, headers: {} };
  }
  // 5xx: the cause goes to the log, never to the client.
  return { code: 'INTERNAL_ERROR', message: 'Internal server error', headers: {} };
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const { code, message, headers } = classify(error);
    const status = errorStatus[code];
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code, message }, 'request rejected');
    return reply
      .code(status)
      .headers(headers)
      .send(errorBody(code, message, request.id));
  });

  app.setNotFoundHandler((request, reply) => {
    return reply
      .code(404)
      .send(
        errorBody('NOT_FOUND', `Route ${request.method} ${request.url.split('?')[0]} not found`, request.id),
      );
  });
}
