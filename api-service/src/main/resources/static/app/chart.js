// A candlestick chart on uPlot (which has no candlestick series: the candles are drawn in a draw hook, as
// uPlot's own candlestick demo does), with SMA5/SMA20 lines, the user's rules as horizontal lines (dashed
// when paused) and a marker where each fired.

import uPlot from '/webjars/uplot/dist/uPlot.esm.js';

const UP = '#0a7d38';
const DOWN = '#c0262d';
const RULE = '#5b3cc4';
const PAUSED = '#6b6b6b';
const FIRED = '#d97706';

/**
 * Creates the chart in `container`. onPick(price) is called with the price under a click. Returns
 * {update(bars, overlays, barSeconds), destroy()}: bars are {time (seconds), open, high, low, close}; overlays
 * {rules: [{threshold, paused, label}], fired: [{time, value}]}.
 */
export function candleChart(container, onPick) {
  let overlays = {rules: [], fired: []};
  let step = 60;
  const options = {
    width: widthOf(container),
    height: heightOf(container),
    cursor: {drag: {x: false, y: false}},
    legend: {live: true},
    scales: {
      // half a bar of room on the left; the empty slot after the last bar (see update) on the right
      x: {time: true, range: (u, min, max) => (min === null ? [0, 1] : [min - step / 2, max])},
      y: {range: (u, min, max) => range(min, max, overlays.rules.map((rule) => rule.threshold))}},
    series: [
      {label: 'Time'},
      ohlc('Open'), ohlc('High'), ohlc('Low'), ohlc('Close'),
      {label: 'SMA5', stroke: '#1f6fd1', width: 1.5, points: {show: false}, value: price},
      {label: 'SMA20', stroke: '#b35c00', width: 1.5, points: {show: false}, value: price},
    ],
    axes: [{stroke: '#333', grid: {stroke: '#e4e4e4'}}, {stroke: '#333', grid: {stroke: '#e4e4e4'}, size: 64}],
    hooks: {draw: [(u) => {
      drawCandles(u);
      drawRules(u, overlays.rules);
      drawFired(u, overlays.fired);
    }]},
  };
  const plot = new uPlot(options, [[], [], [], [], [], [], []], container);
  plot.over.addEventListener('click', (event) => {
    const rect = plot.over.getBoundingClientRect();
    const value = plot.posToVal(event.clientY - rect.top, 'y');
    if (Number.isFinite(value)) {
      onPick(value);
    }
  });
  const resize = new ResizeObserver(() => plot.setSize({width: widthOf(container), height: heightOf(container)}));
  resize.observe(container);

  return {
    update(bars, nextOverlays, barSeconds) {
      overlays = nextOverlays;
      step = barSeconds;
      const closes = bars.map((bar) => bar.close);
      // an empty slot one bar after the last: room for the live bar's markers, and never a lone x value,
      // which uPlot would widen to years
      const end = bars.length === 0 ? [] : [bars[bars.length - 1].time + barSeconds];
      const column = (values) => (bars.length === 0 ? [] : [...values, null]);
      plot.setData([
        [...bars.map((bar) => bar.time), ...end],
        column(bars.map((bar) => bar.open)),
        column(bars.map((bar) => bar.high)),
        column(bars.map((bar) => bar.low)),
        column(closes),
        column(movingAverage(closes, 5)),
        column(movingAverage(closes, 20)),
      ]);
    },
    destroy() {
      resize.disconnect();
      plot.destroy();
    },
  };
}

/** The simple moving average of the last `n` values at each point; null until there are n. */
export function movingAverage(values, n) {
  let sum = 0;
  return values.map((value, i) => {
    sum += value;
    if (i >= n) {
      sum -= values[i - n];
    }
    return i >= n - 1 ? sum / n : null;
  });
}

function ohlc(label) {
  return {label, paths: () => null, points: {show: false}, value: price};
}

function price(u, value) {
  return value === null || value === undefined ? '—' : value.toFixed(2);
}

function range(min, max, thresholds) {
  const values = [min, max, ...thresholds].filter((value) => value !== null && Number.isFinite(value));
  if (values.length === 0) {
    return [0, 1];
  }
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = Math.max((high - low) * 0.08, high * 0.005, 0.01);
  return [low - pad, high + pad];
}

function widthOf(container) {
  return Math.max(280, container.clientWidth);
}

function heightOf(container) {
  return container.clientWidth < 500 ? 260 : 360;
}

function clipped(u, draw) {
  const {ctx, bbox} = u;
  ctx.save();
  ctx.beginPath();
  ctx.rect(bbox.left, bbox.top, bbox.width, bbox.height);
  ctx.clip();
  draw(ctx, bbox);
  ctx.restore();
}

function drawCandles(u) {
  const [times, opens, highs, lows, closes] = u.data;
  if (times.length === 0) {
    return;
  }
  const [from, to] = [u.scales.x.min, u.scales.x.max];
  const visible = Math.max(2, times.filter((time) => time >= from && time <= to).length);
  const body = Math.max(1, Math.min(24, (u.bbox.width / visible) * 0.6));
  clipped(u, (ctx) => {
    for (let i = 0; i < times.length; i++) {
      if (opens[i] === null) {
        continue;
      }
      const x = Math.round(u.valToPos(times[i], 'x', true));
      const open = u.valToPos(opens[i], 'y', true);
      const close = u.valToPos(closes[i], 'y', true);
      ctx.strokeStyle = ctx.fillStyle = closes[i] >= opens[i] ? UP : DOWN;
      ctx.lineWidth = Math.max(1, devicePixelRatio);
      ctx.beginPath();
      ctx.moveTo(x, u.valToPos(highs[i], 'y', true));
      ctx.lineTo(x, u.valToPos(lows[i], 'y', true));
      ctx.stroke();
      ctx.fillRect(x - body / 2, Math.min(open, close), body, Math.max(1, Math.abs(close - open)));
    }
  });
}

function drawRules(u, rules) {
  clipped(u, (ctx, bbox) => {
    ctx.font = `${12 * devicePixelRatio}px system-ui, sans-serif`;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'bottom';
    for (const rule of rules) {
      const y = Math.round(u.valToPos(rule.threshold, 'y', true));
      ctx.strokeStyle = ctx.fillStyle = rule.paused ? PAUSED : RULE;
      ctx.lineWidth = 1.5 * devicePixelRatio;
      ctx.setLineDash(rule.paused ? [6 * devicePixelRatio, 4 * devicePixelRatio] : []);
      ctx.beginPath();
      ctx.moveTo(bbox.left, y);
      ctx.lineTo(bbox.left + bbox.width, y);
      ctx.stroke();
      // canvas text: never parsed as HTML
      ctx.fillText(rule.label, bbox.left + 4 * devicePixelRatio, y - 4 * devicePixelRatio);
    }
    ctx.setLineDash([]);
  });
}

function drawFired(u, fired) {
  clipped(u, (ctx) => {
    ctx.fillStyle = FIRED;
    ctx.strokeStyle = '#fff';
    const r = 5 * devicePixelRatio;
    for (const marker of fired) {
      const x = u.valToPos(marker.time, 'x', true);
      const y = u.valToPos(marker.value, 'y', true);
      ctx.beginPath();
      ctx.moveTo(x, y - r);
      ctx.lineTo(x + r, y);
      ctx.lineTo(x, y + r);
      ctx.lineTo(x - r, y);
      ctx.closePath();
      ctx.fill();
      ctx.stroke();
    }
  });
}
