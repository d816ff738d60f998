// Server-Sent Events over fetch(): EventSource cannot send the Authorization header. Reconnects with
// Last-Event-ID after the stream ends or fails, waiting longer after each failure in a row.

import {authHeaders, keyRefused} from './api.js';

const MIN_RETRY_MS = 1000;
const MAX_RETRY_MS = 30000;
/** A stream that lasted this long (or delivered an event) was healthy: the next wait starts short again. */
const HEALTHY_MS = 15000;
/** The longest Retry-After honoured: a wrong header must not stop the stream for hours. */
const MAX_RETRY_AFTER_MS = 10 * 60 * 1000;

/**
 * Opens `path` and calls onEvent({id, event, data}) for each event; the id of the last one is sent as
 * Last-Event-ID on the next connection. Before any id, resumeFrom() gives it (e.g. the newest item the
 * page listed). onStatus('open'|'retrying'|'closed') reports the connection's state: 'closed' when the
 * server refused it for good (403; a 401 also signs out). Returns a function that closes the stream for good.
 */
export function openStream(path, {onEvent, onStatus = () => {}, resumeFrom = () => null}) {
  let controller = null;
  let closed = false;
  let lastId = null;
  let baseRetry = MIN_RETRY_MS;
  let failures = 0;
  let timer = null;

  async function connect() {
    controller = new AbortController();
    const headers = {Accept: 'text/event-stream', ...authHeaders()};
    const resumeId = lastId !== null ? lastId : resumeFrom();
    if (resumeId) {
      headers['Last-Event-ID'] = resumeId;
    }
    const started = Date.now();
    let delivered = false;
    let retryAfter = 0;
    try {
      const response = await fetch(path, {headers, signal: controller.signal, credentials: 'omit', cache: 'no-store'});
      if (response.status === 401 || response.status === 403) {
        stop();
        onStatus('closed');
        if (response.status === 401) {
          keyRefused();
        }
        return;
      }
      if (!response.ok || !response.body) {
        retryAfter = retryAfterMs(response.headers.get('Retry-After'));
        throw new Error(`HTTP ${response.status}`);
      }
      onStatus('open');
      await read(response.body, {
        initialId: lastId,
        dispatch: (event) => {
          delivered = true;
          onEvent(event);
        },
        lastEventId: (id) => (lastId = id),
        retry: (ms) => (baseRetry = ms),
      });
    } catch (e) {
      if (closed) {
        return;
      }
    }
    if (closed) {
      return;
    }
    // a server that answers 200 and ends the stream at once is failing too: only a stream that
    // delivered or lasted resets the wait
    failures = delivered || Date.now() - started >= HEALTHY_MS ? 0 : failures + 1;
    const backoff = Math.min(baseRetry * 2 ** failures, Math.max(MAX_RETRY_MS, baseRetry));
    onStatus('retrying');
    timer = setTimeout(connect, Math.max(backoff, retryAfter));
  }

  function stop() {
    closed = true;
    clearTimeout(timer);
    if (controller) {
      controller.abort();
    }
  }

  connect();
  return stop;
}

/** Retry-After as delay-seconds or an HTTP date, in milliseconds (0 when absent or unreadable). */
function retryAfterMs(header) {
  if (!header) {
    return 0;
  }
  const ms = /^\d+$/.test(header.trim()) ? Number(header.trim()) * 1000 : Date.parse(header) - Date.now();
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS) : 0;
}

/**
 * Parses the text/event-stream `body` by the WHATWG rules: fields, comments, a blank line ends an event, the
 * last event ID persists from event to event (an empty `id:` resets it), `retry:` sets the reconnection time.
 */
export async function read(body, handlers) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  const parser = eventParser(handlers);
  for (;;) {
    const {value, done} = await reader.read();
    if (done) {
      return;
    }
    parser.push(value);
  }
}

/**
 * The line and field parser of read(), fed chunks of text as they arrive. `initialId` is the last event ID of
 * the previous connection (null: none yet); lastEventId(id) is called when an event sets a new one.
 */
export function eventParser({dispatch, lastEventId = () => {}, retry = () => {}, initialId = null}) {
  let buffer = '';
  // a chunk that ended with \r: a \n that starts the next one belongs to the same line ending
  let afterCr = false;
  let idBuffer = initialId;
  let event = blank();

  function line(text) {
    if (text === '') {
      if (idBuffer !== null) {
        lastEventId(idBuffer);
      }
      if (event.data.length > 0) {
        dispatch({id: idBuffer, event: event.event || 'message', data: event.data.join('\n')});
      }
      event = blank();
      return;
    }
    if (text.startsWith(':')) {
      return;
    }
    const colon = text.indexOf(':');
    const name = colon < 0 ? text : text.slice(0, colon);
    const raw = colon < 0 ? '' : text.slice(colon + 1);
    const fieldValue = raw.startsWith(' ') ? raw.slice(1) : raw;
    if (name === 'data') {
      event.data.push(fieldValue);
    } else if (name === 'event') {
      event.event = fieldValue;
    } else if (name === 'id' && !fieldValue.includes('\0')) {
      idBuffer = fieldValue;
    } else if (name === 'retry' && /^\d+$/.test(fieldValue)) {
      retry(Number(fieldValue));
    }
  }

  return {
    push(chunk) {
      buffer += afterCr && chunk.startsWith('\n') ? chunk.slice(1) : chunk;
      afterCr = false;
      let newline;
      while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
        const text = buffer.slice(0, newline);
        const crlf = buffer.startsWith('\r\n', newline);
        afterCr = !crlf && buffer[newline] === '\r' && newline === buffer.length - 1;
        buffer = buffer.slice(newline + (crlf ? 2 : 1));
        line(text);
      }
    },
  };
}

function blank() {
  return {event: null, data: []};
}
