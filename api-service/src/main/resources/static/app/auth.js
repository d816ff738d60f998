// Signing in with an API key or through the OpenID Connect issuer (oidc.js), or registering (the key is shown
// once, with a copy button and a warning).

import {api, session} from './api.js';
import {errorBox, field, h, replace} from './dom.js';
import {signInOffer, startSignIn} from './oidc.js';

/**
 * Shows the sign-in and registration forms in `main`, with `notice` (why the last session ended) when given;
 * calls onSignedIn() once the session holds a key.
 */
export function showSignIn(main, onSignedIn, notice) {
  // a text field masked by CSS, not type=password: the browser must not offer to keep the key in its password
  // manager, outside this tab's sessionStorage
  const keyInput = h('input', {type: 'text', name: 'apiKey', class: 'secret', autocomplete: 'off',
    autocapitalize: 'off', autocorrect: 'off', spellcheck: 'false', required: true});
  const signInError = errorBox();
  signInError.show(notice ? {title: notice} : null);
  const signIn = h('form', {class: 'card', 'aria-labelledby': 'sign-in-title', onsubmit: async (event) => {
    event.preventDefault();
    signInError.show(null);
    try {
      await signInWith(keyInput.value.trim());
      onSignedIn();
    } catch (error) {
      signInError.show(error);
    }
  }},
  h('h2', {id: 'sign-in-title'}, 'Sign in'),
  field('API key', keyInput, 'Kept in this tab only (sessionStorage); signing out forgets it.'),
  signInError,
  h('button', {type: 'submit', id: 'sign-in'}, 'Sign in'));

  const nameInput = h('input', {type: 'text', name: 'name', autocomplete: 'name', required: true, maxlength: 200});
  const emailInput = h('input', {type: 'email', name: 'email', autocomplete: 'email', maxlength: 320});
  const registerError = errorBox();
  const register = h('form', {class: 'card', 'aria-labelledby': 'register-title', onsubmit: async (event) => {
    event.preventDefault();
    registerError.show(null);
    try {
      const user = await api.register(nameInput.value.trim(), emailInput.value.trim());
      session.remember(user.apiKey, user.id);
      showKeyOnce(main, user.apiKey, onSignedIn);
    } catch (error) {
      registerError.show(error);
    }
  }},
  h('h2', {id: 'register-title'}, 'Register'),
  field('Name', nameInput),
  field('E-mail (optional)', emailInput),
  registerError,
  h('button', {type: 'submit', id: 'register'}, 'Register'));

  replace(main, h('h1', {}, 'Stock Alerts'), h('div', {class: 'columns'}, signIn, register));
  keyInput.focus();
  offerIssuerSignIn(signIn, signInError);
}

/** Adds "Sign in with <issuer>" to the sign-in form when the service offers it. */
async function offerIssuerSignIn(form, signInError) {
  const offer = await signInOffer();
  if (!offer || !form.isConnected) {
    return;
  }
  form.append(h('p', {class: 'hint'}, 'or'), h('button', {type: 'button', id: 'sign-in-oidc', onclick: async () => {
    signInError.show(null);
    try {
      await startSignIn(offer);
    } catch (error) {
      signInError.show(error);
    }
  }}, `Sign in with ${offer.name}`));
}

/** Signs in with an API key, or with the issuer's access token; rejects when it is not one user's. */
export async function signInWith(key) {
  if (!key) {
    throw {title: 'API key missing', detail: 'paste the key you were given at registration'};
  }
  // a user key lists exactly its own user
  const page = await api.usersWithKey(key);
  if (!page.items || page.items.length !== 1) {
    throw {title: 'Not a user key', detail: 'sign in with the key of one user'};
  }
  session.remember(key, page.items[0].id);
}

function showKeyOnce(main, key, onDone) {
  const output = h('input', {type: 'text', id: 'new-api-key', readonly: true, value: key, spellcheck: 'false'});
  const copied = h('span', {class: 'hint', 'aria-live': 'polite'});
  replace(main, h('section', {class: 'card', 'aria-labelledby': 'key-title'},
    h('h1', {id: 'key-title'}, 'Your API key'),
    h('p', {class: 'warning', role: 'note'},
      'This key is shown only this once. Copy it and keep it somewhere safe: it cannot be shown again, '
      + 'and whoever has it can act as you.'),
    field('API key', output),
    h('div', {class: 'actions'},
      h('button', {type: 'button', id: 'copy-key', onclick: async () => {
        output.select();
        try {
          await navigator.clipboard.writeText(key);
          copied.textContent = 'Copied.';
        } catch (e) {
          copied.textContent = 'Select the key and copy it (Ctrl+C).';
        }
      }}, 'Copy'),
      copied,
      h('button', {type: 'button', id: 'key-saved', onclick: onDone}, 'I have saved it, continue'))));
  output.focus();
}
