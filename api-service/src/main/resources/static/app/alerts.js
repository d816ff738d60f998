// The alerts page: the fired-alerts timeline (live, each with its deliveries), the rules, the channels.

import {api, isAbort} from './api.js';
import {allAlerts, onAlert, onListed} from './alert-store.js';
import {errorBox, field, h, replace} from './dom.js';
import {formatPrice, formatTime} from './format.js';
import {describe} from './symbol.js';

const CHANNEL_TYPES = ['EMAIL', 'WEBHOOK', 'SLACK', 'DISCORD', 'TELEGRAM', 'NTFY'];

/** Shows the alerts page in `main`; returns the function that leaves it. */
export function showAlerts(main) {
  // aborted when the page is left: late answers are dropped
  const view = new AbortController();
  const {signal} = view;
  const timeline = h('ol', {class: 'timeline', id: 'timeline', 'aria-label': 'Fired alerts, newest first'});
  const rules = h('div', {class: 'table-wrap', id: 'rules'});
  const channels = h('ul', {class: 'channel-list', id: 'channels'});
  const error = errorBox();
  const shown = (e) => !signal.aborted && !isAbort(e) && error.show(e);
  replace(main,
    h('h1', {}, 'Alerts'),
    error,
    h('section', {'aria-labelledby': 'timeline-title'}, h('h2', {id: 'timeline-title'}, 'Fired alerts'), timeline),
    h('section', {'aria-labelledby': 'rules-title'}, h('h2', {id: 'rules-title', tabindex: '-1'}, 'Rules'), rules),
    h('section', {'aria-labelledby': 'channels-title'}, h('h2', {id: 'channels-title', tabindex: '-1'}, 'Channels'),
      channels, channelForm(() => loadChannels(), signal)));

  function renderTimeline() {
    const items = allAlerts();
    replace(timeline, items.length === 0
      ? h('li', {class: 'empty'}, 'No alert has fired yet.')
      : items.map((alert) => alertItem(alert, signal)));
  }

  /** A new alert goes on top: the items already shown (an open "Deliveries", the focus) stay as they are. */
  function prepend(alert) {
    timeline.querySelectorAll('li.empty').forEach((item) => item.remove());
    if (!timeline.querySelector(`li[data-alert-id="${CSS.escape(alert.alertId)}"]`)) {
      timeline.prepend(alertItem(alert, signal));
    }
  }

  async function loadRules(focusRuleId) {
    try {
      const page = await api.rules(undefined, {signal});
      if (signal.aborted) {
        return;
      }
      const focusedIndex = indexOfRow(rules, focusRuleId, 'ruleId');
      replace(rules, rulesTable(page.items, async (action, rule) => {
        try {
          await action(rule.id, {signal});
          await loadRules(rule.id);
        } catch (e) {
          shown(e);
        }
      }));
      if (focusRuleId) {
        refocus(rules, focusRuleId, 'ruleId', focusedIndex, 'rules-title');
      }
    } catch (e) {
      shown(e);
    }
  }

  async function loadChannels(focusChannelId) {
    try {
      const list = await api.channels({signal});
      if (signal.aborted) {
        return;
      }
      const focusedIndex = indexOfRow(channels, focusChannelId, 'channelId');
      replace(channels, list.length === 0
        ? h('li', {class: 'empty'}, 'Only in-app alerts: no channel yet.')
        : list.map((channel) => channelItem(channel, signal, shown, () => loadChannels(channel.id))));
      if (focusChannelId) {
        refocus(channels, focusChannelId, 'channelId', focusedIndex, 'channels-title');
      }
    } catch (e) {
      shown(e);
    }
  }

  renderTimeline();
  loadRules();
  loadChannels();
  const stopNew = onAlert(prepend);
  const stopListed = onListed(renderTimeline);
  return () => {
    view.abort();
    stopNew();
    stopListed();
  };
}

/** The position of the row keyed `id` among `container`'s rows, or -1. */
function indexOfRow(container, id, key) {
  return [...container.querySelectorAll(`[data-${kebab(key)}]`)].findIndex((row) => row.dataset[key] === id);
}

/**
 * After an action re-rendered `container`: the focus goes back to the first button of the row keyed `id`, or,
 * when that row is gone, of the row now at its place (the one before it at the end), or else to the heading.
 */
function refocus(container, id, key, index, headingId) {
  const rows = [...container.querySelectorAll(`[data-${kebab(key)}]`)];
  const row = rows.find((candidate) => candidate.dataset[key] === id) || rows[Math.min(index, rows.length - 1)];
  const target = (row && row.querySelector('button')) || document.getElementById(headingId);
  target.focus();
}

function kebab(key) {
  return key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

function alertItem(alert, signal) {
  const deliveries = h('div', {class: 'deliveries'});
  const details = h('details', {}, h('summary', {}, 'Deliveries'), deliveries);
  details.addEventListener('toggle', async () => {
    if (!details.open) {
      return;
    }
    replace(deliveries, 'Loading…');
    try {
      const targets = await api.deliveries(alert.alertId, {signal});
      replace(deliveries, targets.length === 0
        ? h('p', {}, 'In-app only: no delivery to a channel.')
        : h('ul', {}, targets.map((target) => h('li', {},
          `${target.channel}: ${target.state}`,
          h('ol', {}, target.attempts.map((attempt) => h('li', {},
            `#${attempt.attempt} ${formatTime(attempt.attemptedAt)} ${attempt.outcome}`
            + `${attempt.statusCode ? ` (HTTP ${attempt.statusCode})` : ''}${attempt.error ? ` — ${attempt.error}` : ''}`)))))));
    } catch (e) {
      if (!isAbort(e)) {
        replace(deliveries, h('p', {class: 'error'}, e.title ? `${e.title}: ${e.detail}` : String(e)));
      }
    }
  });
  return h('li', {class: 'alert-item', dataset: {alertId: alert.alertId}},
    h('div', {class: 'alert-head'},
      h('a', {href: `#/symbol/${encodeURIComponent(alert.symbol)}`, class: 'symbol'}, alert.symbol),
      h('time', {datetime: alert.triggeredAt}, formatTime(alert.triggeredAt))),
    h('p', {class: 'message'}, alert.message),
    h('p', {class: 'observed'}, `Observed ${formatPrice(alert.observedValue)}`,
      alert.condition ? ` · ${alert.condition}` : ''),
    details);
}

function rulesTable(items, act) {
  if (items.length === 0) {
    return h('p', {class: 'empty'}, 'No rule yet: create one from a symbol\'s chart.');
  }
  return h('table', {class: 'rules'},
    h('caption', {class: 'visually-hidden'}, 'Your alert rules'),
    h('thead', {}, h('tr', {}, ['Symbol', 'Rule', 'Mode', 'Channels', 'Status', ''].map((title) => h('th', {scope: 'col'}, title)))),
    h('tbody', {}, items.map((rule) => h('tr', {dataset: {ruleId: rule.id}},
      h('th', {scope: 'row'}, rule.symbol || 'portfolio'),
      h('td', {'data-label': 'Rule'}, describe(rule)),
      h('td', {'data-label': 'Mode'}, rule.triggerMode),
      h('td', {'data-label': 'Channels'}, (rule.channels || []).join(', ')),
      h('td', {'data-label': 'Status', class: 'status'}, rule.status),
      h('td', {class: 'row-actions'},
        rule.status === 'PAUSED' || rule.status === 'TRIGGERED'
          ? h('button', {type: 'button', class: 'small', onclick: () => act(api.resumeRule, rule)}, 'Resume')
          : h('button', {type: 'button', class: 'small', onclick: () => act(api.pauseRule, rule)}, 'Pause'),
        h('button', {type: 'button', class: 'small danger', 'aria-label': `Delete rule ${describe(rule)}`,
          onclick: () => act(api.deleteRule, rule)}, 'Delete'))))));
}

function channelItem(channel, signal, shown, changed) {
  const outcome = h('span', {class: 'outcome', role: 'status'});
  return h('li', {dataset: {channelId: channel.id}},
    h('span', {class: 'tag'}, channel.type),
    h('span', {class: 'address'}, channel.address),
    h('span', {class: 'status'}, channel.enabled ? channel.status : 'OFF'),
    h('button', {type: 'button', class: 'small', onclick: async () => {
      outcome.textContent = 'Sending…';
      try {
        const result = await api.testChannel(channel.id, {signal});
        outcome.textContent = `${result.outcome}${result.statusCode ? ` (HTTP ${result.statusCode})` : ''}`
          + `${result.error ? `: ${result.error}` : ''}`;
      } catch (e) {
        outcome.textContent = e.title ? `${e.title}: ${e.detail}` : String(e);
      }
    }}, 'Send a test'),
    h('button', {type: 'button', class: 'small danger', onclick: async () => {
      try {
        await api.removeChannel(channel.id, {signal});
        changed();
      } catch (e) {
        shown(e);
      }
    }}, 'Remove'),
    outcome);
}

function channelForm(added, signal) {
  const type = h('select', {id: 'channel-type', name: 'type'}, CHANNEL_TYPES.map((value) => h('option', {value}, value)));
  const address = h('input', {type: 'text', id: 'channel-address', name: 'address', required: true, maxlength: 2048,
    spellcheck: 'false'});
  const error = errorBox();
  const secret = h('p', {class: 'notice', role: 'status'});
  return h('form', {class: 'card', 'aria-labelledby': 'channel-form-title', onsubmit: async (event) => {
    event.preventDefault();
    error.show(null);
    secret.textContent = '';
    try {
      const channel = await api.addChannel(type.value, address.value.trim(), {signal});
      if (channel.secret) {
        secret.textContent = `Signing secret (shown only this once): ${channel.secret}`;
      }
      event.target.reset();
      added();
    } catch (e) {
      if (!isAbort(e)) {
        error.show(e);
      }
    }
  }},
  h('h3', {id: 'channel-form-title'}, 'Add a channel'),
  h('div', {class: 'form-grid'}, field('Type', type), field('Address', address, 'An e-mail address, or the URL the service gave.')),
  error,
  secret,
  h('button', {type: 'submit', id: 'add-channel'}, 'Add channel'));
}
