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

/** Headers of an authenticated call (`key` overrides the session's, for signing in). */
export function authHeaders(key = session.key()) {
  return key ? {Authorization: `Bearer ${key}`} : {};
}

/** Calls the API; resolves to the parsed JSON (or null for 204), rejects with an ApiError. */
export async function call(method, path, body, {key} = {}) {
  const headers = {Accept: 'application/json, application/problem+json', ...authHeaders(key)};
  const init = {method, headers, credentials: 'omit', cache: 'no-store'};
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, 'Network error', 'the API cannot be reached; check your connection');
  }
  const text = await response.text();
  const json = text ? parse(text) : null;
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

/** The routes the dashboard uses, named. */
export const api = {
  register: (name, email) => call('POST', '/users', email ? {name, email} : {name}),
  usersWithKey: (key) => call('GET', '/users', undefined, {key}),
  portfolio: () => call('POST', `/users/${user()}/portfolio`),
  addHolding: (portfolioId, holding) => call('POST', `/portfolio/${enc(portfolioId)}/stocks`, holding),
  putHolding: (portfolioId, symbol, holding) =>
    call('PUT', `/portfolio/${enc(portfolioId)}/stocks/${enc(symbol)}`, holding),
  removeHolding: (portfolioId, symbol) => call('DELETE', `/portfolio/${enc(portfolioId)}/stocks/${enc(symbol)}`),
  quote: (symbol) => call('GET', `/stocks/${enc(symbol)}`),
  history: (symbol, interval) => call('GET', `/stocks/${enc(symbol)}/history?interval=${enc(interval)}`),
  analytics: (symbol, interval) => call('GET', `/stocks/${enc(symbol)}/analytics?interval=${enc(interval)}`),
  rules: (symbol) => call('GET', `/alerts?size=100${symbol ? `&symbol=${enc(symbol)}` : ''}`),
  createRule: (rule) => call('POST', '/alerts', rule),
  pauseRule: (id) => call('POST', `/alerts/${enc(id)}/pause`),
  resumeRule: (id) => call('POST', `/alerts/${enc(id)}/resume`),
  deleteRule: (id) => call('DELETE', `/alerts/${enc(id)}`),
  firedAlerts: (symbol) => call('GET', `/users/${user()}/alerts?size=100${symbol ? `&symbol=${enc(symbol)}` : ''}`),
  deliveries: (alertId) => call('GET', `/alerts/${enc(alertId)}/deliveries`),
  channels: () => call('GET', `/users/${user()}/channels`),
  addChannel: (type, address) => call('POST', `/users/${user()}/channels`, {type, address}),
  testChannel: (id) => call('POST', `/users/${user()}/channels/${enc(id)}/test`),
  removeChannel: (id) => call('DELETE', `/users/${user()}/channels/${enc(id)}`),
  alertStreamPath: () => `/users/${user()}/alerts/stream`,
  tickStreamPath: (symbol) => `/stocks/${enc(symbol)}/stream`,
};
