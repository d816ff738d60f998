// The signed-in user's fired alerts: listed once, then kept current from the live stream, each alert once.

import {api} from './api.js';
import {openStream} from './sse.js';

const alerts = new Map();
const listeners = new Set();
let close = null;

/** The alerts known, newest first. */
export function allAlerts() {
  return [...alerts.values()].sort((a, b) => Date.parse(b.triggeredAt) - Date.parse(a.triggeredAt));
}

/** Calls `listener(alert)` for each new alert until the returned function is called. */
export function onAlert(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Lists the stored alerts, then follows the stream from the newest of them: after a reconnect the stream
 * resumes after the last alert it sent (Last-Event-ID), and an alert already known is dropped by alertId.
 */
export async function startAlerts(onStatus) {
  stopAlerts();
  const page = await api.firedAlerts();
  page.items.forEach((item) => alerts.set(item.alertId, item));
  const newest = page.items[0];
  close = openStream(api.alertStreamPath(), {
    resumeFrom: () => (newest ? newest.cursor : null),
    onStatus,
    onEvent: (event) => {
      if (event.event === 'alert') {
        add(fromEvent(event.id, JSON.parse(event.data)));
      }
    },
  });
}

export function stopAlerts() {
  if (close) {
    close();
    close = null;
  }
  alerts.clear();
}

function add(alert) {
  if (alerts.has(alert.alertId)) {
    return;
  }
  alerts.set(alert.alertId, alert);
  listeners.forEach((listener) => listener(alert));
}

/** The AlertTriggered event of the stream in the shape of GET /users/{id}/alerts. */
function fromEvent(cursor, event) {
  return {
    alertId: event.alertId,
    ruleId: event.rule && event.rule.ruleId,
    symbol: event.symbol,
    condition: event.rule && event.rule.condition,
    observedValue: event.observedValue,
    message: event.message,
    observedAt: event.observedAt,
    triggeredAt: event.occurredAt,
    cursor,
  };
}
