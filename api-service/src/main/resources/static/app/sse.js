// Server-Sent Events over fetch(): EventSource cannot send the Authorization header. Reconnects with
// Last-Event-ID after the stream ends or fails, waiting longer after each failure in a row.

import {authHeaders} from './api.js';

const MIN_RETRY_MS = 1000;
const MAX_RETRY_MS = 30000;

/**
 * Opens `path` and calls onEvent({id, event, data}) for each event; the id of the last one is sent as
 * Last-Event-ID on the next connection. Before any event, resumeFrom() gives it (e.g. the newest item the
 * page listed). onStatus('open'|'retrying') reports the connection's state. Returns a function that closes
 * the stream for good.
 */
export function openStream(path, {onEvent, onStatus = () => {}, resumeFrom = () => null}) {
  let controller = null;
  let closed = false;
  let lastId = null;
  let retry = MIN_RETRY_MS;
  let timer = null;

  async function connect() {
    controller = new AbortController();
    const headers = {Accept: 'text/event-stream', ...authHeaders()};
    const resumeId = lastId || resumeFrom();
    if (resumeId) {
      headers['Last-Event-ID'] = resumeId;
    }
    try {
      const response = await fetch(path, {headers, signal: controller.signal, credentials: 'omit', cache: 'no-store'});
      if (!response.ok || !response.body) {
        throw new Error(`HTTP ${response.status}`);
      }
      onStatus('open');
      retry = MIN_RETRY_MS;
      await read(response.body, (event) => {
        if (event.id) {
          lastId = event.id;
        }
        onEvent(event);
      });
    } catch (e) {
      if (closed) {
        return;
      }
      retry = Math.min(retry * 2, MAX_RETRY_MS);
    }
    if (!closed) {
      onStatus('retrying');
      timer = setTimeout(connect, retry);
    }
  }

  connect();
  return () => {
    closed = true;
    clearTimeout(timer);
    if (controller) {
      controller.abort();
    }
  };
}

/** Parses the text/event-stream `body` (the WHATWG rules: fields, comments, blank line ends an event). */
async function read(body, dispatch) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let event = blank();
  for (;;) {
    const {value, done} = await reader.read();
    if (done) {
      return;
    }
    buffer += value;
    let newline;
    while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
      if (line === '') {
        if (event.data.length > 0) {
          dispatch({id: event.id, event: event.event || 'message', data: event.data.join('\n')});
        }
        event = blank();
      } else if (!line.startsWith(':')) {
        const colon = line.indexOf(':');
        const name = colon < 0 ? line : line.slice(0, colon);
        const raw = colon < 0 ? '' : line.slice(colon + 1);
        const fieldValue = raw.startsWith(' ') ? raw.slice(1) : raw;
        if (name === 'data') {
          event.data.push(fieldValue);
        } else if (name === 'event') {
          event.event = fieldValue;
        } else if (name === 'id' && !fieldValue.includes('\0')) {
          event.id = fieldValue;
        }
      }
    }
  }
}

function blank() {
  return {id: null, event: null, data: []};
}
