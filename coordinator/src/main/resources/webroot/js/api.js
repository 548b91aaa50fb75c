// The API as the pages use it: the token from this tab's session, sent in the Authorization header only.

const TOKEN_KEY = 'winterwatch.token';

export function savedToken() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function saveToken(token) {
  sessionStorage.setItem(TOKEN_KEY, token);
}

export function forgetToken() {
  sessionStorage.removeItem(TOKEN_KEY);
}

/** An answer other than 2xx, with the API's own words ({"error": ...}). */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** Calls the API under /api/v1 with the token; resolves with the parsed JSON (or text for other types). */
export async function call(token, method, path, body, accept = 'application/json') {
  const headers = { Authorization: `Bearer ${token}`, Accept: accept };
  const init = { method, headers, cache: 'no-store' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(`/api/v1${path}`, init);
  const text = await response.text();
  if (!response.ok) {
    throw new ApiError(response.status, errorText(response.status, text));
  }
  if (!accept.includes('json')) {
    return text;
  }
  return text ? JSON.parse(text) : null;
}

function errorText(status, text) {
  try {
    const body = JSON.parse(text);
    if (body && body.error) {
      return body.error;
    }
  } catch (e) {
    // not JSON: the status says enough
  }
  return `HTTP ${status}`;
}

/** The calls bound to one token. */
export function client(token) {
  return {
    token,
    get: (path) => call(token, 'GET', path),
    post: (path, body = {}) => call(token, 'POST', path, body),
    put: (path, body) => call(token, 'PUT', path, body),
    text: (path, accept) => call(token, 'GET', path, undefined, accept),
  };
}
