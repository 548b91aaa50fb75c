// GET /api/v1/events read with fetch() so that the token travels in a header (EventSource cannot send one).
// Reconnects with a growing pause; after every (re)connection the caller reloads what it shows.

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Follows the event stream until stop() is called.
 * handlers: { onEvent(name, data), onOpen(), onStatus(state) } with state 'live' | 'reconnecting' | 'refused'.
 */
export function follow(token, handlers) {
  let stopped = false;
  let controller = null;

  async function run() {
    let pause = 1000;
    while (!stopped) {
      controller = new AbortController();
      try {
        const response = await fetch('/api/v1/events', {
          headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' },
          cache: 'no-store',
          signal: controller.signal,
        });
        if (response.status === 401 || response.status === 403) {
          handlers.onStatus('refused');
          return;
        }
        if (!response.ok) {
          throw new Error(`HTTP ${response.status}`);
        }
        handlers.onStatus('live');
        pause = 1000;
        await handlers.onOpen();
        await read(response.body, handlers.onEvent);
      } catch (e) {
        if (stopped) {
          return;
        }
      }
      handlers.onStatus('reconnecting');
      await sleep(pause);
      pause = Math.min(pause * 2, 15000);
    }
  }

  run();
  return {
    stop() {
      stopped = true;
      if (controller) {
        controller.abort();
      }
    },
  };
}

async function read(body, onEvent) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    buffer += value;
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      dispatch(buffer.slice(0, end), onEvent);
      buffer = buffer.slice(end + 2);
      end = buffer.indexOf('\n\n');
    }
  }
}

function dispatch(frame, onEvent) {
  let name = null;
  const data = [];
  for (const line of frame.split('\n')) {
    if (line.startsWith('event: ')) {
      name = line.slice(7);
    } else if (line.startsWith('data: ')) {
      data.push(line.slice(6));
    }
  }
  if (name && data.length) {
    onEvent(name, JSON.parse(data.join('\n')));
  }
}
