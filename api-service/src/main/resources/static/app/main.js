// The dashboard's entry: signs in, then routes #/portfolio, #/symbol/<SYMBOL> and #/alerts to their views.

import {session} from './api.js';
import {startAlerts, stopAlerts, onAlert} from './alert-store.js';
import {showSignIn} from './auth.js';
import {announce} from './dom.js';
import {showPortfolio} from './portfolio.js';
import {showSymbol} from './symbol.js';
import {showAlerts} from './alerts.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const badge = document.getElementById('alert-badge');
let leaveView = () => {};
let unseen = 0;

document.getElementById('sign-out').addEventListener('click', signOut);
window.addEventListener('hashchange', route);
onAlert((alert) => {
  announce(`Alert: ${alert.message}`);
  if (!location.hash.startsWith('#/alerts')) {
    unseen += 1;
    badge.textContent = String(unseen);
    badge.hidden = false;
    badge.setAttribute('aria-label', `${unseen} new`);
  }
});

if (session.signedIn()) {
  signedIn();
} else {
  signIn();
}

function signIn() {
  nav.hidden = true;
  leave();
  showSignIn(main, signedIn);
}

function signedIn() {
  nav.hidden = false;
  startAlerts().catch(() => {});
  if (!location.hash || location.hash === '#/') {
    location.hash = '#/portfolio';
  } else {
    route();
  }
}

function signOut() {
  stopAlerts();
  session.forget();
  history.replaceState(null, '', '/');
  signIn();
}

function leave() {
  leaveView();
  leaveView = () => {};
}

function route() {
  if (!session.signedIn()) {
    return;
  }
  leave();
  const hash = location.hash;
  const symbol = /^#\/symbol\/([A-Za-z0-9.\-^]{1,20})$/.exec(hash);
  nav.querySelectorAll('a').forEach((link) => link.removeAttribute('aria-current'));
  if (symbol) {
    leaveView = showSymbol(main, symbol[1].toUpperCase());
  } else if (hash === '#/alerts') {
    unseen = 0;
    badge.hidden = true;
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
