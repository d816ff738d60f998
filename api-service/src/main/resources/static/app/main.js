// The dashboard's entry: signs in, then routes #/portfolio, #/symbol/<SYMBOL> and #/alerts to their views.

import {onUnauthorized, session} from './api.js';
import {startAlerts, stopAlerts, onAlert} from './alert-store.js';
import {showSignIn, signInWith} from './auth.js';
import {completeSignIn, isSignInAnswer} from './oidc.js';
import {announce} from './dom.js';
import {showPortfolio} from './portfolio.js';
import {showSymbol} from './symbol.js';
import {showAlerts} from './alerts.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const badge = document.getElementById('alert-badge');
const liveStatus = document.getElementById('live-status');
const LIVE_STATUS = {open: 'Live updates: connected', retrying: 'Live updates: reconnecting…',
  connecting: 'Live updates: connecting…', closed: 'Live updates: off'};
let leaveView = () => {};
let unseen = 0;

document.getElementById('sign-out').addEventListener('click', () => signOut());
// the skip link moves the focus itself: its #main would otherwise be a route change
document.querySelector('a.skip').addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});
window.addEventListener('hashchange', route);
onUnauthorized(() => signOut('Your API key or sign-in was refused (revoked or expired?): sign in again.'));
onAlert((alert) => {
  announce(`Alert: ${alert.message}`);
  if (!location.hash.startsWith('#/alerts')) {
    unseen += 1;
    badge.textContent = String(unseen);
    badge.hidden = false;
    badge.setAttribute('aria-label', `${unseen} new`);
  }
});

if (isSignInAnswer()) {
  finishIssuerSignIn();
} else if (session.signedIn()) {
  signedIn();
} else {
  signIn();
}

/** Back from the issuer: its access token becomes the session's credential once it names one user. */
async function finishIssuerSignIn() {
  try {
    await signInWith(await completeSignIn());
    signedIn();
  } catch (error) {
    signIn(error.detail ? `${error.title}: ${error.detail}` : error.title);
  }
}

function signIn(notice) {
  nav.hidden = true;
  leave();
  showSignIn(main, signedIn, notice);
}

function signedIn() {
  nav.hidden = false;
  startAlerts(showLiveStatus);
  if (!location.hash.startsWith('#/') || location.hash === '#/') {
    location.hash = '#/portfolio';
  } else {
    route();
  }
}

function signOut(notice) {
  if (!session.signedIn()) {
    return;
  }
  stopAlerts();
  resetBadge();
  showLiveStatus(null);
  session.forget();
  history.replaceState(null, '', '/');
  signIn(notice);
}

function showLiveStatus(status) {
  liveStatus.textContent = status ? LIVE_STATUS[status] : '';
  liveStatus.dataset.state = status || '';
}

function resetBadge() {
  unseen = 0;
  badge.hidden = true;
  badge.textContent = '';
  badge.removeAttribute('aria-label');
}

function leave() {
  leaveView();
  leaveView = () => {};
}

function route() {
  const hash = location.hash;
  // only #/… is a route: any other fragment (an in-page link) leaves the view as it is
  if (!session.signedIn() || (hash && !hash.startsWith('#/'))) {
    return;
  }
  leave();
  const symbol = /^#\/symbol\/([A-Za-z0-9.\-^]{1,20})$/.exec(hash);
  nav.querySelectorAll('a').forEach((link) => link.removeAttribute('aria-current'));
  if (symbol) {
    leaveView = showSymbol(main, symbol[1].toUpperCase());
  } else if (hash === '#/alerts') {
    resetBadge();
    current('alerts');
    leaveView = showAlerts(main);
  } else {
    current('portfolio');
    leaveView = showPortfolio(main);
  }
  main.focus({preventScroll: true});
}

function current(view) {
  nav.querySelector(`a[data-view="${view}"]`).setAttribute('aria-current', 'page');
}
