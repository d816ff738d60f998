// Signing in through the OpenID Connect issuer, when the service names one (GET /dashboard/config.json): the
// authorization-code flow with PKCE (S256), state and nonce, in the browser only. The issuer's access token then
// goes out as the Bearer token, kept in sessionStorage like an API key.

const PENDING = 'stockalerts.oidc.pending';

/** The issuer sign-in the service offers ({issuer, clientId, scopes, name}), or null. */
export async function signInOffer() {
  try {
    const response = await fetch('/dashboard/config.json', {credentials: 'omit', cache: 'no-store'});
    return response.ok ? (await response.json()).oidc : null;
  } catch (e) {
    return null;
  }
}

/** Leaves for the issuer's authorization endpoint; the answer comes back to this page as ?code=…&state=…. */
export async function startSignIn(offer) {
  const discovery = await discover(offer.issuer);
  checkTokenEndpoint(discovery, offer);
  const verifier = randomText(32);
  const pending = {
    verifier,
    state: randomText(16),
    nonce: randomText(16),
    issuer: offer.issuer,
    clientId: offer.clientId,
    tokenEndpoint: discovery.token_endpoint,
    redirectUri: redirectUri(),
  };
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
  const url = new URL(discovery.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: offer.clientId,
    redirect_uri: pending.redirectUri,
    scope: offer.scopes,
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await challenge(verifier),
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
}

/** Whether this load is the issuer's answer to a sign-in (?code or ?error with state). */
export function isSignInAnswer() {
  const query = new URLSearchParams(location.search);
  return query.has('state') && (query.has('code') || query.has('error'));
}

/**
 * Completes a sign-in from the issuer's answer: checks the state, trades the code and the PKCE verifier for the
 * tokens, checks the ID token's issuer, audience and nonce, and resolves to the access token. The code leaves the
 * address bar first, whatever happens.
 */
export async function completeSignIn() {
  const query = new URLSearchParams(location.search);
  history.replaceState(null, '', '/');
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  if (!pending || query.get('state') !== pending.state) {
    throw {title: 'Sign-in refused', detail: 'the answer does not belong to a sign-in started in this tab'};
  }
  if (query.has('error')) {
    throw {title: 'Sign-in refused by the issuer', detail: query.get('error_description') || query.get('error')};
  }
  const response = await fetch(pending.tokenEndpoint, {
    method: 'POST',
    credentials: 'omit',
    cache: 'no-store',
    headers: {'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json'},
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: query.get('code'),
      redirect_uri: pending.redirectUri,
      client_id: pending.clientId,
      code_verifier: pending.verifier,
    }),
  });
  const tokens = await response.json().catch(() => ({}));
  if (!response.ok || !tokens.access_token) {
    throw {title: 'Sign-in failed', detail: tokens.error_description || tokens.error || `HTTP ${response.status}`};
  }
  // the ID token came straight from the token endpoint over TLS (OpenID Connect Core 3.1.3.7): its claims are
  // checked, the API checks the access token's signature
  const claims = tokens.id_token ? payload(tokens.id_token) : null;
  const audiences = claims ? [].concat(claims.aud) : [];
  if (!claims || claims.nonce !== pending.nonce || claims.iss !== pending.issuer
      || !audiences.includes(pending.clientId)) {
    throw {title: 'Sign-in refused', detail: 'the ID token does not answer this sign-in'};
  }
  return tokens.access_token;
}

async function discover(issuer) {
  const response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`,
    {credentials: 'omit', cache: 'no-store'});
  if (!response.ok) {
    throw {title: 'Sign-in unavailable', detail: `the issuer answered HTTP ${response.status}`};
  }
  const discovery = await response.json();
  if (discovery.issuer !== issuer || !discovery.authorization_endpoint || !discovery.token_endpoint
      || !(discovery.code_challenge_methods_supported || ['S256']).includes('S256')) {
    throw {title: 'Sign-in unavailable', detail: 'the issuer does not offer the code flow with PKCE (S256)'};
  }
  return discovery;
}

/** Refuses a token endpoint this page's policy would not let it reach: the exchange would fail after the login. */
function checkTokenEndpoint(discovery, offer) {
  const origin = new URL(discovery.token_endpoint).origin;
  if (origin !== offer.tokenOrigin) {
    throw {
      title: 'Sign-in unavailable',
      detail: `the issuer's token endpoint is on ${origin}, which this page may not reach: `
        + 'the operator sets STOCKALERTS_DASHBOARD_OIDC_TOKEN_ORIGIN to it',
    };
  }
}

function redirectUri() {
  return `${location.origin}/`;
}

async function challenge(verifier) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

function randomText(bytes) {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

function base64Url(bytes) {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function payload(jwt) {
  try {
    const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const text = new TextDecoder().decode(Uint8Array.from(atob(part), (c) => c.charCodeAt(0)));
    return JSON.parse(text);
  } catch (e) {
    return null;
  }
}
