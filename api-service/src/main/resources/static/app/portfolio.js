// The portfolio: holdings and watch entries valued at the latest price, kept live from the tick streams.

import {api, isAbort} from './api.js';
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
  // aborted when the view is left: a late answer must not render, nor open streams nobody closes
  const view = new AbortController();
  const {signal} = view;
  const error = errorBox();
  const table = h('div', {class: 'table-wrap'});
  const totals = h('dl', {class: 'totals', 'aria-label': 'Totals'});
  const form = holdingForm(state, error, () => load(), signal);
  replace(main,
    h('h1', {}, 'Portfolio'),
    error,
    totals,
    table,
    form);

  async function load() {
    try {
      const portfolio = await api.portfolio({signal});
      if (signal.aborted) {
        return;
      }
      state.portfolio = portfolio;
      error.show(null);
      render();
      follow();
    } catch (e) {
      if (!signal.aborted && !isAbort(e)) {
        error.show(e);
      }
    }
  }

  const holdingOf = (symbol) => state.portfolio.holdings.find((holding) => holding.symbol === symbol);

  function render() {
    renderHoldings(table, state.portfolio.holdings, {
      edit: (symbol) => form.edit(holdingOf(symbol)),
      remove: async (symbol) => {
        try {
          await api.removeHolding(state.portfolio.id, symbol, {signal});
          await load();
          focusAfterRemoval(table, form);
        } catch (e) {
          if (!isAbort(e)) {
            error.show(e);
          }
        }
      },
    });
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
    const holding = holdingOf(tick.symbol);
    if (!holding) {
      return;
    }
    Object.assign(holding, revalue(holding, tick));
    const row = table.querySelector(`tr[data-symbol="${CSS.escape(holding.symbol)}"]`);
    if (row) {
      updateLiveCells(row, holding);
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
    view.abort();
    clearInterval(state.timer);
    state.streams.forEach((close) => close());
    state.streams.clear();
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

const HEADER = ['Symbol', 'Quantity', 'Avg cost', 'Last price', 'Day change', 'Value', 'Cost', 'P&L', ''];

/**
 * Shows `holdings` in `wrap`, updating the rows that are there in place (keyed by data-symbol): rebuilding
 * the table would take the keyboard focus away from its buttons.
 */
function renderHoldings(wrap, holdings, actions) {
  if (holdings.length === 0) {
    replace(wrap, h('p', {class: 'empty'}, 'No holdings yet: add one below.'));
    return;
  }
  let body = wrap.querySelector('table.holdings > tbody');
  if (!body) {
    body = h('tbody', {});
    replace(wrap, h('table', {class: 'holdings'},
      h('caption', {class: 'visually-hidden'}, 'Holdings and watch entries'),
      h('thead', {}, h('tr', {}, HEADER.map((title) => h('th', {scope: 'col'}, title)))),
      body));
  }
  const rows = new Map([...body.rows].map((row) => [row.dataset.symbol, row]));
  holdings.forEach((holding, index) => {
    let row = rows.get(holding.symbol);
    rows.delete(holding.symbol);
    if (row && row.dataset.watched !== String(Boolean(holding.watched))) {
      row.remove();
      row = null;
    }
    if (!row) {
      row = holdingRow(holding, actions);
    }
    updateRow(row, holding);
    // moved only when out of place: moving a row would blur a focused button in it
    if (body.rows[index] !== row) {
      body.insertBefore(row, body.rows[index] || null);
    }
  });
  rows.forEach((row) => row.remove());
}

function holdingRow(holding, actions) {
  const symbol = holding.symbol;
  return h('tr', {dataset: {symbol, watched: String(Boolean(holding.watched))}},
    h('th', {scope: 'row'}, h('a', {href: `#/symbol/${encodeURIComponent(symbol)}`}, symbol),
      holding.watched ? h('span', {class: 'tag'}, 'watch') : null),
    h('td', {'data-label': 'Quantity', 'data-column': 'Quantity'}),
    h('td', {'data-label': 'Avg cost', 'data-column': 'Avg cost'}),
    liveCells(holding).map(([column]) => h('td', {'data-label': column, 'data-column': column})),
    h('td', {class: 'row-actions'},
      h('button', {type: 'button', class: 'small', 'aria-label': `Edit ${symbol}`, onclick: () => actions.edit(symbol)}, 'Edit'),
      h('button', {type: 'button', class: 'small danger', 'aria-label': `Remove ${symbol}`,
        onclick: () => actions.remove(symbol)}, 'Remove')));
}

function updateRow(row, holding) {
  row.querySelector('td[data-column="Quantity"]').textContent = holding.watched ? '—' : formatPrice(holding.quantity);
  row.querySelector('td[data-column="Avg cost"]').textContent = holding.watched ? '—' : formatMoney(holding.averageCost);
  updateLiveCells(row, holding);
}

function updateLiveCells(row, holding) {
  for (const [column, text, className] of liveCells(holding)) {
    const target = row.querySelector(`td[data-column="${column}"]`);
    target.textContent = text;
    target.className = className;
    if (holding.reason) {
      target.title = holding.reason;
    } else {
      target.removeAttribute('title');
    }
  }
}

/** After a removal the removed row's button is gone: the focus goes to the next row's, or to the form. */
function focusAfterRemoval(table, form) {
  if (document.activeElement && document.activeElement !== document.body) {
    return;
  }
  const next = table.querySelector('tbody button') || form.querySelector('input[name=symbol]');
  next.focus();
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
function holdingForm(state, pageError, saved, signal) {
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
        await api.putHolding(state.portfolio.id, editing, body, {signal});
      } else {
        await api.addHolding(state.portfolio.id, body, {signal});
      }
      reset();
      saved();
    } catch (e) {
      if (!isAbort(e)) {
        error.show(e);
      }
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
