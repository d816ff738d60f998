// The form that confirms a rule picked on the chart: its level, condition, trigger mode and channels.

import {api, isAbort} from './api.js';
import {errorBox, field, h, replace} from './dom.js';

const CONDITIONS = [
  ['PRICE_ABOVE', 'Price at or above'],
  ['PRICE_BELOW', 'Price at or below'],
  ['CROSSES_UP', 'Crosses up through'],
  ['CROSSES_DOWN', 'Crosses down through'],
];
const MODES = [
  ['ONCE', 'Once'],
  ['COOLDOWN', 'Again after a cooldown'],
  ['REARM', 'Again once re-armed'],
];

/** The (hidden) rule form of `symbol`; form.open(price) shows it with that level. */
export function ruleForm(symbol, {created, signal}) {
  const threshold = h('input', {type: 'number', name: 'threshold', id: 'rule-threshold', required: true, min: '0', step: 'any'});
  const condition = select('rule-condition', CONDITIONS);
  const mode = select('rule-mode', MODES);
  const cooldown = h('input', {type: 'number', name: 'cooldownSeconds', id: 'rule-cooldown', min: '1', step: '1', value: '300'});
  const cooldownField = field('Cooldown (seconds)', cooldown);
  const rearmMargin = h('input', {type: 'number', name: 'rearmMargin', id: 'rule-rearm-margin', min: '0', step: 'any',
    inputmode: 'decimal', value: '1'});
  const rearmField = field('Re-arm margin', rearmMargin,
    'How far the price must go back past the level before the rule can fire again.');
  const channels = h('fieldset', {class: 'channels'}, h('legend', {}, 'Channels'));
  const error = errorBox();
  const result = h('p', {class: 'notice', role: 'status'});
  cooldownField.hidden = true;
  rearmField.hidden = true;
  mode.addEventListener('change', () => {
    cooldownField.hidden = mode.value !== 'COOLDOWN';
    rearmField.hidden = mode.value !== 'REARM';
    rearmMargin.required = mode.value === 'REARM';
  });

  const form = h('form', {class: 'card', id: 'rule-form', hidden: true, 'aria-labelledby': 'rule-form-title',
    onsubmit: async (event) => {
      event.preventDefault();
      error.show(null);
      const rule = {
        symbol,
        condition: condition.value,
        threshold: Number(threshold.value),
        triggerMode: mode.value,
        channels: [...channels.querySelectorAll('input:checked')].map((box) => box.value),
      };
      if (mode.value === 'COOLDOWN') {
        rule.cooldownSeconds = Number(cooldown.value);
      }
      if (mode.value === 'REARM') {
        rule.rearmMargin = Number(rearmMargin.value);
      }
      try {
        const saved = await api.createRule(rule, {signal});
        form.hidden = true;
        const warned = (saved.warnings || []).map((warning) => warning.message || warning.code).join(' ');
        result.textContent = `Rule created: ${condition.selectedOptions[0].textContent} ${threshold.value}. ${warned}`;
        created(saved);
      } catch (e) {
        if (!isAbort(e)) {
          error.show(e);
        }
      }
    }},
  h('h2', {id: 'rule-form-title'}, 'New rule on ', symbol),
  h('div', {class: 'form-grid'}, field('Price', threshold), field('Condition', condition), field('Mode', mode), cooldownField,
    rearmField),
  channels,
  error,
  h('div', {class: 'actions'},
    h('button', {type: 'submit', id: 'create-rule'}, 'Create rule'),
    h('button', {type: 'button', class: 'secondary', onclick: () => (form.hidden = true)}, 'Cancel')));

  const wrapper = h('div', {}, result, form);
  wrapper.open = async (price, lastPrice) => {
    result.textContent = '';
    threshold.value = price === null || price === undefined ? '' : Number(price).toFixed(2);
    condition.value = lastPrice !== undefined && price < lastPrice ? 'PRICE_BELOW' : 'PRICE_ABOVE';
    form.hidden = false;
    await loadChannels(channels, signal);
    threshold.focus();
  };
  return wrapper;
}

function select(id, options) {
  return h('select', {id, name: id}, options.map(([value, label]) => h('option', {value}, label)));
}

/** IN_APP always, and each type of channel the user has. */
async function loadChannels(fieldset, signal) {
  let types = [];
  try {
    types = [...new Set((await api.channels({signal})).map((channel) => channel.type))];
  } catch (e) {
    types = [];
  }
  if (signal && signal.aborted) {
    return;
  }
  const legend = fieldset.querySelector('legend');
  replace(fieldset, legend, ['IN_APP', ...types.filter((type) => type !== 'IN_APP')].map((type) =>
    h('label', {class: 'check'},
      h('input', {type: 'checkbox', name: 'channel', value: type, checked: type === 'IN_APP'}),
      ` ${type.replace('_', '-').toLowerCase()}`)));
}
