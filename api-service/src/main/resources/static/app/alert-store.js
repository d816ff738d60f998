// The signed-in user's fired alerts: listed once, then kept current from the live stream, each alert once.

import {api, isAbort} from './api.js';
import {openStream} from './sse.js';

const MIN_RETRY_MS = 1000;
const MAX_RETRY_MS = 30000;

const alerts = new Map();
const listeners = new Set();
const listedListeners = new Set();
// each start owns a generation: a list that answers after a stop (sign-out) or a newer start is dropped
let generation = 0;
let controller = null;
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

/** Calls `listener()` each time the stored alerts have been listed (allAlerts() changed as a whole). */
export function onListed(listener) {
  listedListeners.add(listener);
  return () => listedListeners.delete(listener);
}

/**
 * Lists the stored alerts, then follows the stream from the newest of them: after a reconnect the stream
 * resumes after the last alert it sent (Last-Event-ID), and an alert already known is dropped by alertId.
 * A failed list is tried again, waiting longer each time; onStatus('connecting'|'open'|'retrying'|'closed')
 * reports the state until stopAlerts().
 */
export function startAlerts(onStatus = () => {}) {
  stopAlerts();
  const mine = ++generation;
  const ownController = new AbortController();
  controller = ownController;
  const current = () => mine === generation;

  async function list(wait) {
    onStatus('connecting');
    let page;
    try {
      page = await api.firedAlerts({signal: ownController.signal});
    } catch (e) {
      if (!current() || isAbort(e) || e.status === 401) {
        return;
      }
      onStatus('retrying');
      setTimeout(() => current() && list(Math.min(wait * 2, MAX_RETRY_MS)), wait);
      return;
    }
    if (!current()) {
      return;
    }
    page.items.forEach((item) => alerts.set(item.alertId, item));
    listedListeners.forEach((listener) => listener());
    const newest = page.items[0];
    close = openStream(api.alertStreamPath(), {
      resumeFrom: () => (newest ? newest.cursor : null),
      onStatus: (status) => current() && onStatus(status),
      onEvent: (event) => {
        if (current() && event.event === 'alert') {
          add(fromEvent(event.id, JSON.parse(event.data)));
        }
      },
    });
  }

  list(MIN_RETRY_MS);
}

/** Stops following (a pending list is dropped) and forgets the alerts. */
export function stopAlerts() {
  generation += 1;
  if (controller) {
    controller.abort();
    controller = null;
  }
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
