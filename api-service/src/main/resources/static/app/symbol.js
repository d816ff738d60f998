// A symbol's page: candles of its bars with SMA5/SMA20 and the signal, the live price appended as ticks
// arrive, the user's rules on it as lines; a click on the chart starts a rule at that price.

import {api, isAbort} from './api.js';
import {allAlerts, onAlert} from './alert-store.js';
import {candleChart} from './chart.js';
import {errorBox, h, replace} from './dom.js';
import {formatPrice, formatTime} from './format.js';
import {ruleForm} from './rule-form.js';
import {openStream} from './sse.js';

const INTERVALS = {'1m': 60, '5m': 300, '1h': 3600, '1d': 86400};

/** Shows `symbol`'s page in `main`; returns the function that leaves it. */
export function showSymbol(main, symbol) {
  const state = {interval: '1m', bars: [], rules: [], lastPrice: null};
  // aborted when the page is left: a late answer must not draw on the destroyed chart
  const view = new AbortController();
  const {signal} = view;
  // the interval last asked for: bars of an earlier choice that answer late are dropped
  let barsAsked = 0;
  const error = errorBox();
  const last = h('output', {id: 'symbol-last-price', 'aria-live': 'off'}, '—');
  const signalLine = h('p', {class: 'signal', id: 'symbol-signal'});
  const chartBox = h('div', {class: 'chart', id: 'chart', role: 'img',
    'aria-label': `${symbol} price chart; click a price to create a rule there`});
  const ruleList = h('ul', {class: 'rule-list', 'aria-label': `Your rules on ${symbol}`});
  const form = ruleForm(symbol, {created: () => loadRules(), signal});
  const intervals = h('div', {class: 'segmented', role: 'group', 'aria-label': 'Bar interval'},
    Object.keys(INTERVALS).map((interval) => h('button', {type: 'button', dataset: {interval},
      'aria-pressed': String(interval === state.interval), onclick: () => choose(interval)}, interval)));

  replace(main,
    h('h1', {}, symbol, ' ', h('span', {class: 'price-now'}, 'Last price ', last)),
    error,
    h('div', {class: 'toolbar'}, intervals,
      h('button', {type: 'button', id: 'rule-at-last', onclick: () => form.open(state.lastPrice, state.lastPrice)}, 'New rule at last price')),
    signalLine,
    chartBox,
    h('p', {class: 'hint'}, 'Click a price on the chart to create a rule at it. Lines: your rules (dashed when paused);'
      + ' diamonds: where one fired.'),
    form,
    h('h2', {}, 'Your rules on ', symbol),
    ruleList);

  const chart = candleChart(chartBox, (picked) => form.open(picked, state.lastPrice));
  const closeTicks = openStream(api.tickStreamPath(symbol), {
    onEvent: (event) => event.event === 'tick' && ticked(JSON.parse(event.data)),
  });
  const stopAlerts = onAlert((alert) => alert.symbol === symbol && draw());

  async function choose(interval) {
    state.interval = interval;
    intervals.querySelectorAll('button').forEach((button) =>
      button.setAttribute('aria-pressed', String(button.dataset.interval === interval)));
    await loadBars();
  }

  async function loadBars() {
    const asked = ++barsAsked;
    const stale = () => signal.aborted || asked !== barsAsked;
    try {
      const history = await api.history(symbol, state.interval, {signal});
      if (stale()) {
        return;
      }
      state.bars = history.bars.map((bar) => ({
        time: Date.parse(bar.start) / 1000,
        open: Number(bar.open), high: Number(bar.high), low: Number(bar.low), close: Number(bar.close),
      }));
      if (state.bars.length > 0 && state.lastPrice === null) {
        showPrice(state.bars[state.bars.length - 1].close);
      }
      error.show(null);
    } catch (e) {
      if (stale() || isAbort(e)) {
        return;
      }
      state.bars = [];
      error.show(e);
    }
    draw();
    loadSignal(stale);
  }

  async function loadSignal(stale) {
    try {
      const analytics = await api.analytics(symbol, state.interval, {signal});
      if (stale()) {
        return;
      }
      signalLine.textContent = `Signal (${analytics.interval}): ${analytics.signal}`
        + ` · SMA5 ${formatPrice(analytics.sma5)} · SMA20 ${formatPrice(analytics.sma20)}`;
      signalLine.dataset.signal = analytics.signal;
    } catch (e) {
      if (!stale()) {
        signalLine.textContent = '';
      }
    }
  }

  async function loadRules() {
    try {
      const rules = (await api.rules(symbol, {signal})).items;
      if (signal.aborted) {
        return;
      }
      state.rules = rules;
    } catch (e) {
      if (signal.aborted || isAbort(e)) {
        return;
      }
      error.show(e);
    }
    replace(ruleList, state.rules.length === 0
      ? h('li', {class: 'empty'}, 'No rule on this symbol yet.')
      : state.rules.map((rule) => h('li', {dataset: {ruleId: rule.id, status: rule.status}},
        `${describe(rule)} · ${rule.triggerMode} · ${rule.status}`)));
    draw();
  }

  function ticked(tick) {
    const price = Number(tick.price);
    const seconds = INTERVALS[state.interval];
    const time = Math.floor(Date.parse(tick.observedAt) / 1000 / seconds) * seconds;
    const bar = state.bars[state.bars.length - 1];
    if (bar && bar.time === time) {
      bar.high = Math.max(bar.high, price);
      bar.low = Math.min(bar.low, price);
      bar.close = price;
    } else if (!bar || time > bar.time) {
      state.bars.push({time, open: price, high: price, low: price, close: price});
    }
    showPrice(price);
    draw();
  }

  function showPrice(price) {
    state.lastPrice = price;
    last.textContent = formatPrice(price);
  }

  function draw() {
    if (signal.aborted) {
      return;
    }
    const fired = allAlerts().filter((alert) => alert.symbol === symbol && alert.observedValue !== null);
    chart.update(state.bars, {
      rules: state.rules.filter((rule) => rule.threshold !== null).map((rule) => ({
        threshold: Number(rule.threshold),
        paused: rule.status === 'PAUSED',
        label: describe(rule),
      })),
      fired: fired.map((alert) => ({time: Date.parse(alert.triggeredAt) / 1000, value: Number(alert.observedValue)})),
    }, INTERVALS[state.interval]);
    chartBox.title = fired.length === 0 ? '' : `Last fired ${formatTime(fired[0].triggeredAt)}`;
  }

  loadBars();
  loadRules();
  return () => {
    view.abort();
    closeTicks();
    stopAlerts();
    chart.destroy();
  };
}

/** A rule in words: its condition and level. */
export function describe(rule) {
  const words = {PRICE_ABOVE: 'above', PRICE_BELOW: 'below', CROSSES_UP: 'crosses up', CROSSES_DOWN: 'crosses down'};
  if (rule.threshold !== null && rule.threshold !== undefined) {
    return `${words[rule.condition] || rule.condition} ${formatPrice(rule.threshold)}`;
  }
  if (rule.percent !== null && rule.percent !== undefined) {
    return `${rule.condition} ${rule.percent} %`;
  }
  return rule.condition;
}
