// The alerts page: the fired-alerts timeline (live, each with its deliveries), the rules, the channels.

import {api} from './api.js';
import {allAlerts, onAlert} from './alert-store.js';
import {errorBox, field, h, replace} from './dom.js';
import {formatPrice, formatTime} from './format.js';
import {describe} from './symbol.js';

const CHANNEL_TYPES = ['EMAIL', 'WEBHOOK', 'SLACK', 'DISCORD', 'TELEGRAM', 'NTFY'];

/** Shows the alerts page in `main`; returns the function that leaves it. */
export function showAlerts(main) {
  const timeline = h('ol', {class: 'timeline', id: 'timeline', 'aria-label': 'Fired alerts, newest first'});
  const rules = h('div', {class: 'table-wrap', id: 'rules'});
  const channels = h('ul', {class: 'channel-list', id: 'channels'});
  const error = errorBox();
  replace(main,
    h('h1', {}, 'Alerts'),
    error,
    h('section', {'aria-labelledby': 'timeline-title'}, h('h2', {id: 'timeline-title'}, 'Fired alerts'), timeline),
    h('section', {'aria-labelledby': 'rules-title'}, h('h2', {id: 'rules-title'}, 'Rules'), rules),
    h('section', {'aria-labelledby': 'channels-title'}, h('h2', {id: 'channels-title'}, 'Channels'), channels,
      channelForm(() => loadChannels())));

  function renderTimeline() {
    const items = allAlerts();
    replace(timeline, items.length === 0 ? h('li', {class: 'empty'}, 'No alert has fired yet.') : items.map(alertItem));
  }

  async function loadRules() {
    try {
      const page = await api.rules();
      replace(rules, rulesTable(page.items, async (action, rule) => {
        try {
          await action(rule.id);
          await loadRules();
        } catch (e) {
          error.show(e);
        }
      }));
    } catch (e) {
      error.show(e);
    }
  }

  async function loadChannels() {
    try {
      const list = await api.channels();
      replace(channels, list.length === 0
        ? h('li', {class: 'empty'}, 'Only in-app alerts: no channel yet.')
        : list.map((channel) => channelItem(channel, error, () => loadChannels())));
    } catch (e) {
      error.show(e);
    }
  }

  renderTimeline();
  loadRules();
  loadChannels();
  return onAlert(() => renderTimeline());
}

function alertItem(alert) {
  const deliveries = h('div', {class: 'deliveries'});
  const details = h('details', {}, h('summary', {}, 'Deliveries'), deliveries);
  details.addEventListener('toggle', async () => {
    if (!details.open) {
      return;
    }
    replace(deliveries, 'Loading…');
    try {
      const targets = await api.deliveries(alert.alertId);
      replace(deliveries, targets.length === 0
        ? h('p', {}, 'In-app only: no delivery to a channel.')
        : h('ul', {}, targets.map((target) => h('li', {},
          `${target.channel}: ${target.state}`,
          h('ol', {}, target.attempts.map((attempt) => h('li', {},
            `#${attempt.attempt} ${formatTime(attempt.attemptedAt)} ${attempt.outcome}`
            + `${attempt.statusCode ? ` (HTTP ${attempt.statusCode})` : ''}${attempt.error ? ` — ${attempt.error}` : ''}`)))))));
    } catch (e) {
      replace(deliveries, h('p', {class: 'error'}, e.title ? `${e.title}: ${e.detail}` : String(e)));
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

function channelItem(channel, error, changed) {
  const outcome = h('span', {class: 'outcome', role: 'status'});
  return h('li', {dataset: {channelId: channel.id}},
    h('span', {class: 'tag'}, channel.type),
    h('span', {class: 'address'}, channel.address),
    h('span', {class: 'status'}, channel.enabled ? channel.status : 'OFF'),
    h('button', {type: 'button', class: 'small', onclick: async () => {
      outcome.textContent = 'Sending…';
      try {
        const result = await api.testChannel(channel.id);
        outcome.textContent = `${result.outcome}${result.statusCode ? ` (HTTP ${result.statusCode})` : ''}`
          + `${result.error ? `: ${result.error}` : ''}`;
      } catch (e) {
        outcome.textContent = e.title ? `${e.title}: ${e.detail}` : String(e);
      }
    }}, 'Send a test'),
    h('button', {type: 'button', class: 'small danger', onclick: async () => {
      try {
        await api.removeChannel(channel.id);
        changed();
      } catch (e) {
        error.show(e);
      }
    }}, 'Remove'),
    outcome);
}

function channelForm(added) {
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
      const channel = await api.addChannel(type.value, address.value.trim());
      if (channel.secret) {
        secret.textContent = `Signing secret (shown only this once): ${channel.secret}`;
      }
      event.target.reset();
      added();
    } catch (e) {
      error.show(e);
    }
  }},
  h('h3', {id: 'channel-form-title'}, 'Add a channel'),
  h('div', {class: 'form-grid'}, field('Type', type), field('Address', address, 'An e-mail address, or the URL the service gave.')),
  error,
  secret,
  h('button', {type: 'submit', id: 'add-channel'}, 'Add channel'));
}
