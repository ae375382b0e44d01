// Thin client for the platform's JSON API, shared by the chat and the admin console.

export class ApiError extends Error {
  constructor(message, status, code, body) {
    super(message);
    this.status = status;
    this.code = code;
    this.body = body;
  }
}

function describeValidation(body) {
  const message = body?.error?.message || body?.detail || body?.message;
  return typeof message === 'string' && message ? message : null;
}

let csrfToken = null;

/** Signed in through the pages' session, changes carry this token (from GET /api/v1/me) to prove they are ours. */
export function setCsrfToken(token) {
  csrfToken = token || null;
}

/**
 * fetch wrapper: JSON in and out, errors turned into readable ApiError messages (server down, validation,
 * auth) so callers can show them inline instead of failing silently.
 */
export async function api(path, { method = 'GET', body, adminKey, signal } = {}) {
  const headers = { accept: 'application/json' };
  // A FormData body (a file upload) sets its own multipart content type and boundary.
  const isForm = typeof FormData !== 'undefined' && body instanceof FormData;
  if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (adminKey) headers.authorization = `Bearer ${adminKey}`;
  else if (csrfToken && method !== 'GET') headers['x-csrf-token'] = csrfToken;
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (error?.name === 'AbortError') throw error;
    throw new ApiError('Cannot reach the server. Check your connection and try again.', 0, 'NETWORK');
  }
  if (response.status === 204) return null;
  const text = await response.text();
  let parsed = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }
  if (!response.ok) {
    const detail = describeValidation(parsed);
    const code = parsed?.error?.code || String(response.status);
    let message;
    if (response.status === 401) message = detail || 'Not signed in: the admin API key was refused.';
    else if (response.status === 403) message = detail || 'Your role does not allow this.';
    else if (response.status === 404) message = detail || 'Not found.';
    else if (response.status === 429) message = 'Too many requests. Wait a moment and try again.';
    else if (response.status >= 500)
      message = `The server had a problem (HTTP ${response.status}). Try again.`;
    else message = detail || `Request failed (HTTP ${response.status}).`;
    throw new ApiError(message, response.status, code, parsed);
  }
  return parsed;
}

/** Builds a query string, leaving out empty values. */
export function qs(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
