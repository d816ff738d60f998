// The portfolio: holdings and watch entries valued at the latest price, kept live from the tick streams.

import {api} from './api.js';
import {errorBox, field, h, replace} from './dom.js';
import {direction, formatMoney, formatPercent, formatPrice, formatSigned} from './format.js';
import {openStream} from './sse.js';

/** Tick streams one page opens at most: a user may hold 5 streams, and the alerts stream is one of them. */
const MAX_TICK_STREAMS = 3;
/** How often the holdings beyond those streams are valued again. */
const REFRESH_MS = 15000;

/** Shows the portfolio in `main`; returns the function that leaves the view (closing its streams). */
export function showPortfolio(main) {
  const state = {portfolio: null, streams: new Map(), timer: null};
  const error = errorBox();
  const table = h('div', {class: 'table-wrap'});
  const totals = h('dl', {class: 'totals', 'aria-label': 'Totals'});
  const form = holdingForm(state, error, () => load());
  replace(main,
    h('h1', {}, 'Portfolio'),
    error,
    totals,
    table,
    form);

  async function load() {
    try {
      state.portfolio = await api.portfolio();
      error.show(null);
      render();
      follow();
    } catch (e) {
      error.show(e);
    }
  }

  function render() {
    replace(table, holdingsTable(state, {
      edit: (holding) => form.edit(holding),
      remove: async (holding) => {
        try {
          await api.removeHolding(state.portfolio.id, holding.symbol);
          await load();
        } catch (e) {
          error.show(e);
        }
      },
    }));
    renderTotals(totals, state.portfolio.holdings);
  }

  function follow() {
    const wanted = state.portfolio.holdings.slice(0, MAX_TICK_STREAMS).map((holding) => holding.symbol);
    for (const [symbol, close] of state.streams) {
      if (!wanted.includes(symbol)) {
        close();
        state.streams.delete(symbol);
      }
    }
    for (const symbol of wanted) {
      if (!state.streams.has(symbol)) {
        state.streams.set(symbol, openStream(api.tickStreamPath(symbol), {
          onEvent: (event) => event.event === 'tick' && ticked(JSON.parse(event.data)),
        }));
      }
    }
  }

  function ticked(tick) {
    const holding = state.portfolio.holdings.find((candidate) => candidate.symbol === tick.symbol);
    if (!holding) {
      return;
    }
    Object.assign(holding, revalue(holding, tick));
    // only the changed cells: rebuilding the table would take the keyboard focus away from its buttons
    const row = table.querySelector(`tr[data-symbol="${CSS.escape(holding.symbol)}"]`);
    if (row) {
      for (const [column, text, className] of liveCells(holding)) {
        const target = row.querySelector(`td[data-column="${column}"]`);
        target.textContent = text;
        target.className = className;
      }
    }
    renderTotals(totals, state.portfolio.holdings);
  }

  load();
  state.timer = setInterval(() => {
    if (state.portfolio && state.portfolio.holdings.length > MAX_TICK_STREAMS) {
      load();
    }
  }, REFRESH_MS);
  return () => {
    clearInterval(state.timer);
    state.streams.forEach((close) => close());
  };
}

/** A holding's value at a new tick's price, as the API values it. */
function revalue(holding, tick) {
  const price = Number(tick.price);
  const previousClose = tick.previousClose === null || tick.previousClose === undefined ? null : Number(tick.previousClose);
  const perShare = previousClose === null ? null : price - previousClose;
  const next = {lastPrice: price, priceTime: tick.observedAt, reason: null};
  next.dayChangePercent = perShare === null || previousClose === 0 ? null : (perShare / previousClose) * 100;
  if (holding.watched) {
    next.dayChange = perShare;
    return next;
  }
  const quantity = Number(holding.quantity);
  next.marketValue = quantity * price;
  next.dayChange = perShare === null ? null : perShare * quantity;
  next.unrealizedPnl = next.marketValue - Number(holding.costBasis);
  next.unrealizedPnlPercent = Number(holding.costBasis) === 0 ? null : (next.unrealizedPnl / Number(holding.costBasis)) * 100;
  return next;
}

function holdingsTable(state, actions) {
  const holdings = state.portfolio.holdings;
  if (holdings.length === 0) {
    return h('p', {class: 'empty'}, 'No holdings yet: add one below.');
  }
  const header = ['Symbol', 'Quantity', 'Avg cost', 'Last price', 'Day change', 'Value', 'Cost', 'P&L', ''];
  return h('table', {class: 'holdings'},
    h('caption', {class: 'visually-hidden'}, 'Holdings and watch entries'),
    h('thead', {}, h('tr', {}, header.map((title) => h('th', {scope: 'col'}, title)))),
    h('tbody', {}, holdings.map((holding) => h('tr', {dataset: {symbol: holding.symbol}},
      h('th', {scope: 'row'}, h('a', {href: `#/symbol/${encodeURIComponent(holding.symbol)}`}, holding.symbol),
        holding.watched ? h('span', {class: 'tag'}, 'watch') : null),
      cell('Quantity', holding.watched ? '—' : formatPrice(holding.quantity)),
      cell('Avg cost', holding.watched ? '—' : formatMoney(holding.averageCost)),
      liveCells(holding).map(([column, text, className]) =>
        h('td', {'data-label': column, 'data-column': column, class: className, title: holding.reason}, text)),
      h('td', {class: 'row-actions'},
        h('button', {type: 'button', class: 'small', 'aria-label': `Edit ${holding.symbol}`, onclick: () => actions.edit(holding)}, 'Edit'),
        h('button', {type: 'button', class: 'small danger', 'aria-label': `Remove ${holding.symbol}`,
          onclick: () => actions.remove(holding)}, 'Remove'))))));
}

function cell(label, text) {
  return h('td', {'data-label': label}, text);
}

/** The cells a tick changes: [column, text, class name]. */
function liveCells(holding) {
  const held = !holding.watched;
  return [
    ['Last price', formatPrice(holding.lastPrice), 'last-price'],
    ['Day change', `${formatSigned(holding.dayChange)} (${formatPercent(holding.dayChangePercent)})`, direction(holding.dayChange)],
    ['Value', held ? formatMoney(holding.marketValue) : '—', 'value'],
    ['Cost', held ? formatMoney(holding.costBasis) : '—', ''],
    ['P&L', held ? `${formatSigned(holding.unrealizedPnl)} (${formatPercent(holding.unrealizedPnlPercent)})` : '—',
      direction(holding.unrealizedPnl)],
  ];
}

function renderTotals(totals, holdings) {
  const held = holdings.filter((holding) => !holding.watched);
  const sum = (name) => held.reduce((total, holding) => (holding[name] === null || total === null ? null : total + Number(holding[name])), 0);
  const value = sum('marketValue');
  const cost = sum('costBasis');
  const pnl = value === null || cost === null ? null : value - cost;
  const entry = (term, text, className) => [h('dt', {}, term), h('dd', {class: className}, text)];
  replace(totals,
    entry('Value', formatMoney(value), 'total-value'),
    entry('Cost', formatMoney(cost)),
    entry('P&L', `${formatSigned(pnl)} (${formatPercent(cost ? (pnl / cost) * 100 : null)})`, direction(pnl)),
    entry('Day change', formatSigned(sum('dayChange')), direction(sum('dayChange'))));
}

/** The add/edit form: a position (quantity and average cost) or a watch entry (a threshold only). */
function holdingForm(state, pageError, saved) {
  const symbol = h('input', {type: 'text', name: 'symbol', required: true, maxlength: 20, autocapitalize: 'characters', spellcheck: 'false'});
  const quantity = h('input', {type: 'number', name: 'quantity', min: '0', step: 'any', inputmode: 'decimal'});
  const averageCost = h('input', {type: 'number', name: 'averageCost', min: '0', step: 'any', inputmode: 'decimal'});
  const threshold = h('input', {type: 'number', name: 'thresholdPrice', min: '0', step: 'any', inputmode: 'decimal'});
  const title = h('h2', {id: 'holding-form-title'}, 'Add a holding');
  const submit = h('button', {type: 'submit', id: 'save-holding'}, 'Add');
  const cancel = h('button', {type: 'button', class: 'secondary', hidden: true, onclick: () => reset()}, 'Cancel');
  const error = errorBox();
  let editing = null;

  const form = h('form', {class: 'card', 'aria-labelledby': 'holding-form-title', onsubmit: async (event) => {
    event.preventDefault();
    error.show(null);
    const body = {
      symbol: symbol.value.trim().toUpperCase(),
      quantity: number(quantity),
      averageCost: number(averageCost),
      thresholdPrice: number(threshold),
    };
    try {
      if (editing) {
        await api.putHolding(state.portfolio.id, editing, body);
      } else {
        await api.addHolding(state.portfolio.id, body);
      }
      reset();
      saved();
    } catch (e) {
      error.show(e);
    }
  }},
  title,
  h('div', {class: 'form-grid'},
    field('Symbol', symbol),
    field('Quantity', quantity),
    field('Average cost', averageCost),
    field('Threshold price (optional)', threshold, 'Alone, without quantity and cost: a watch entry.')),
  error,
  h('div', {class: 'actions'}, submit, cancel));

  function reset() {
    editing = null;
    form.reset();
    symbol.readOnly = false;
    title.textContent = 'Add a holding';
    submit.textContent = 'Add';
    cancel.hidden = true;
  }

  form.edit = (holding) => {
    editing = holding.symbol;
    symbol.value = holding.symbol;
    symbol.readOnly = true;
    quantity.value = holding.quantity ?? '';
    averageCost.value = holding.averageCost ?? '';
    threshold.value = holding.thresholdPrice ?? '';
    title.textContent = `Edit ${holding.symbol}`;
    submit.textContent = 'Save';
    cancel.hidden = false;
    quantity.focus();
  };
  pageError.show(null);
  return form;
}

function number(input) {
  return input.value === '' ? undefined : Number(input.value);
}
