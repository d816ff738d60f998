// The API client: the key lives in sessionStorage only (never in a URL or a cookie) and goes out as a Bearer token.

const KEY = 'stockalerts.apiKey';
const USER = 'stockalerts.userId';

/** An answer other than 2xx, with the problem detail's title and detail. */
export class ApiError extends Error {
  constructor(status, title, detail) {
    super(detail ? `${title}: ${detail}` : title);
    this.status = status;
    this.title = title;
    this.detail = detail;
  }
}

export const session = {
  key: () => sessionStorage.getItem(KEY),
  userId: () => sessionStorage.getItem(USER),
  signedIn: () => Boolean(sessionStorage.getItem(KEY) && sessionStorage.getItem(USER)),
  remember(key, userId) {
    sessionStorage.setItem(KEY, key);
    sessionStorage.setItem(USER, userId);
  },
  forget() {
    sessionStorage.removeItem(KEY);
    sessionStorage.removeItem(USER);
  },
};

/** Whether `error` is the rejection of a call whose signal was aborted (a view left, a sign-out). */
export function isAbort(error) {
  return Boolean(error) && error.name === 'AbortError';
}

let unauthorized = () => {};

/** Sets what happens when the session's key is refused (401): the dashboard stops and asks to sign in. */
export function onUnauthorized(handler) {
  unauthorized = handler;
}

/** Reports a 401 to the key of the session (not to a key being tried at sign-in). */
export function keyRefused() {
  unauthorized();
}

/** Headers of an authenticated call (`key` overrides the session's, for signing in). */
export function authHeaders(key = session.key()) {
  return key ? {Authorization: `Bearer ${key}`} : {};
}

/**
 * Calls the API; resolves to the parsed JSON (or null for 204), rejects with an ApiError, or with an AbortError
 * once `signal` is aborted (see isAbort).
 */
export async function call(method, path, body, {key, signal} = {}) {
  const headers = {Accept: 'application/json, application/problem+json', ...authHeaders(key)};
  const init = {method, headers, credentials: 'omit', cache: 'no-store', signal};
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    if (isAbort(e)) {
      throw e;
    }
    throw new ApiError(0, 'Network error', 'the API cannot be reached; check your connection');
  }
  const text = await response.text();
  const json = text ? parse(text) : null;
  if (response.status === 401 && key === undefined) {
    keyRefused();
  }
  if (!response.ok) {
    throw new ApiError(
      response.status,
      (json && json.title) || `HTTP ${response.status}`,
      (json && json.detail) || response.statusText,
    );
  }
  return json;
}

function parse(text) {
  try {
    return JSON.parse(text);
  } catch (e) {
    return null;
  }
}

const enc = encodeURIComponent;
const user = () => enc(session.userId());

/** The user's portfolio: read with GET (no lock); created with POST only when the user has none yet. */
async function portfolio(options) {
  try {
    return await call('GET', `/users/${user()}/portfolio`, undefined, options);
  } catch (e) {
    if (e.status === 404) {
      return call('POST', `/users/${user()}/portfolio`, undefined, options);
    }
    throw e;
  }
}

const bySymbol = (symbol) => (symbol ? `&symbol=${enc(symbol)}` : '');

/** The routes the dashboard uses, named; the last argument, `{signal}`, is optional and aborts the call. */
export const api = {
  register: (name, email) => call('POST', '/users', email ? {name, email} : {name}),
  usersWithKey: (key) => call('GET', '/users', undefined, {key}),
  portfolio,
  addHolding: (portfolioId, holding, options) =>
    call('POST', `/portfolio/${enc(portfolioId)}/stocks`, holding, options),
  putHolding: (portfolioId, symbol, holding, options) =>
    call('PUT', `/portfolio/${enc(portfolioId)}/stocks/${enc(symbol)}`, holding, options),
  removeHolding: (portfolioId, symbol, options) =>
    call('DELETE', `/portfolio/${enc(portfolioId)}/stocks/${enc(symbol)}`, undefined, options),
  history: (symbol, interval, options) =>
    call('GET', `/stocks/${enc(symbol)}/history?interval=${enc(interval)}`, undefined, options),
  analytics: (symbol, interval, options) =>
    call('GET', `/stocks/${enc(symbol)}/analytics?interval=${enc(interval)}`, undefined, options),
  rules: (symbol, options) => call('GET', `/alerts?size=100${bySymbol(symbol)}`, undefined, options),
  createRule: (rule, options) => call('POST', '/alerts', rule, options),
  pauseRule: (id, options) => call('POST', `/alerts/${enc(id)}/pause`, undefined, options),
  resumeRule: (id, options) => call('POST', `/alerts/${enc(id)}/resume`, undefined, options),
  deleteRule: (id, options) => call('DELETE', `/alerts/${enc(id)}`, undefined, options),
  firedAlerts: (options) => call('GET', `/users/${user()}/alerts?size=100`, undefined, options),
  deliveries: (alertId, options) => call('GET', `/alerts/${enc(alertId)}/deliveries`, undefined, options),
  channels: (options) => call('GET', `/users/${user()}/channels`, undefined, options),
  addChannel: (type, address, options) => call('POST', `/users/${user()}/channels`, {type, address}, options),
  testChannel: (id, options) => call('POST', `/users/${user()}/channels/${enc(id)}/test`, undefined, options),
  removeChannel: (id, options) => call('DELETE', `/users/${user()}/channels/${enc(id)}`, undefined, options),
  alertStreamPath: () => `/users/${user()}/alerts/stream`,
  tickStreamPath: (symbol) => `/stocks/${enc(symbol)}/stream`,
};
