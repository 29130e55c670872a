// Registers Heapwise's service worker (sw.js, offline support) once the app
// has started, so it never competes with the first render for bandwidth,
// and tells the reader when a new version of Heapwise has taken over.
// A same-origin file (Trunk gives it a content-hashed name), so the page's
// Content-Security-Policy needs no inline script for it.
(() => {
  const sw = navigator.serviceWorker;
  if (!sw || !window.isSecureContext) return;

  // sw.js sits beside index.html: resolved against <base href>, which Trunk
  // sets to the public URL, its default scope is the app's root, wherever
  // the bundle is served from.
  const swUrl = new URL('sw.js', document.baseURI);

  let registered = false;
  const register = () => {
    if (registered) return;
    registered = true;
    sw.register(swUrl).catch((error) => console.warn('Heapwise: offline support unavailable:', error));
  };
  // After the app has rendered (Trunk fires TrunkApplicationStarted once the
  // wasm is running), when the main thread is idle; `load` is a fallback if
  // the app never starts.
  const soon = () => (window.requestIdleCallback ? requestIdleCallback(register, { timeout: 2000 }) : setTimeout(register, 200));
  if (window.wasmBindings) soon();
  else addEventListener('TrunkApplicationStarted', soon, { once: true });
  addEventListener('load', () => setTimeout(register, 5000), { once: true });

  // A page that was already controlled and sees the controller change is
  // now served by a newer version (the first visit's takeover is not news).
  let controlled = sw.controller !== null;
  sw.addEventListener('controllerchange', () => {
    if (controlled) announce();
    controlled = true;
  });

  /** Does the page itself come from the build the new worker serves? */
  const pageIsCurrent = () =>
    new Promise((resolve) => {
      const controller = sw.controller;
      if (!controller) return resolve(true);
      const channel = new MessageChannel();
      const timer = setTimeout(() => resolve(true), 2000);
      channel.port1.onmessage = ({ data }) => {
        clearTimeout(timer);
        const files = new Set(data?.files ?? []);
        // The page's own modules (Trunk's content-hashed app-<hash>.js first)
        // name its build; the worker lists files relative to the bundle root.
        const root = new URL('./', document.baseURI).href;
        const modules = [...document.querySelectorAll('link[rel="modulepreload"][href]')]
          .map((link) => link.href)
          .filter((href) => href.startsWith(root))
          .map((href) => href.slice(root.length));
        resolve(modules.length === 0 || modules.every((file) => files.has(file)));
      };
      controller.postMessage({ type: 'heapwise-version' }, [channel.port2]);
    });

  async function announce() {
    const current = await pageIsCurrent();
    let notice = document.querySelector('[data-testid="update-notice"]');
    if (!notice) {
      notice = document.createElement('div');
      notice.setAttribute('data-testid', 'update-notice');
      notice.setAttribute('role', 'status');
      notice.className = 'update-notice';
      // Styled through the CSSOM (allowed by the page's CSP, unlike a style
      // attribute): a small box in the bottom corner, above the content.
      Object.assign(notice.style, {
        position: 'fixed', right: '1rem', bottom: '1rem', zIndex: '1000', maxWidth: '24rem',
        padding: '0.75rem 1rem', background: '#1d232b', color: '#ffffff', borderRadius: '6px',
        boxShadow: '0 2px 8px rgba(0, 0, 0, 0.3)', fontSize: '0.9rem', lineHeight: '1.4',
      });
      document.body.append(notice);
    }
    const text = document.createElement('span');
    text.textContent = current
      ? 'Heapwise was updated to a new version; this page already uses it. '
      : 'A new version of Heapwise is ready: reload to use it. ';
    const actions = [];
    if (!current) actions.push(button('Reload', 'update-reload', () => location.reload()));
    actions.push(button('Dismiss', 'update-dismiss', () => notice.remove()));
    // Filled in a task after the (empty) live region is in the document, so
    // screen readers announce it.
    setTimeout(() => notice.replaceChildren(text, ...actions), 50);
  }

  function button(label, testId, onClick) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.setAttribute('data-testid', testId);
    Object.assign(b.style, { marginLeft: '0.5rem', font: 'inherit', cursor: 'pointer' });
    b.addEventListener('click', onClick);
    return b;
  }
})();
