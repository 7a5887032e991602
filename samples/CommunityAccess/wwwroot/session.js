// Sign-in for both pages: the session cookie (HttpOnly, SameSite=Strict) is the server's; this script keeps the
// antiforgery token that every state-changing request sends in the X-CSRF-TOKEN header, and the sign-in form.
'use strict';

const gateSession = (() => {
  const $ = (id) => document.getElementById(id);
  let token = null;
  let current = { name: null, role: null };
  const listeners = [];

  // The token is bound to the signed-in user: fetched again after each sign-in and sign-out.
  async function refreshToken() {
    const response = await fetch('/api/antiforgery', { credentials: 'same-origin' });
    token = (await response.json()).token;
  }

  async function request(method, url, body, contentType) {
    const init = { method, headers: {}, credentials: 'same-origin' };
    if (method !== 'GET') {
      if (!token) await refreshToken();
      init.headers['X-CSRF-TOKEN'] = token;
    }
    if (body !== undefined) {
      if (contentType) {
        init.headers['Content-Type'] = contentType;
        init.body = body;
      } else {
        init.headers['Content-Type'] = 'application/json';
        init.body = JSON.stringify(body);
      }
    }
    const response = await fetch(url, init);
    const text = await response.text();
    let data = null;
    try { data = text ? JSON.parse(text) : null; } catch { data = { error: text }; }
    if (!response.ok) {
      const error = new Error((data && data.error) || `${response.status} ${response.statusText}`);
      error.kind = data && data.kind;
      error.status = response.status;
      throw error;
    }
    return data;
  }

  function render() {
    const status = $('signin-status');
    status.dataset.name = current.name ?? '';
    status.dataset.role = current.role ?? '';
    status.textContent = current.name ? `Signed in: ${current.name} (${current.role})` : 'Not signed in';
    $('signin-form').hidden = Boolean(current.name);
    $('signout-submit').hidden = !current.name;
  }

  async function load() {
    current = await request('GET', '/api/me');
    render();
    for (const listener of listeners) listener(current);
  }

  async function signIn(event) {
    event.preventDefault();
    const error = $('signin-error');
    error.textContent = '';
    try {
      await request('POST', '/api/signin', {
        name: $('signin-name').value,
        password: $('signin-password').value,
        asOperator: $('signin-operator').checked,
      });
      $('signin-password').value = '';
      await refreshToken();
      await load();
    } catch (e) {
      error.textContent = e.message;
    }
  }

  async function signOut() {
    await request('POST', '/api/signout');
    await refreshToken();
    await load();
  }

  document.addEventListener('DOMContentLoaded', async () => {
    $('signin-form').addEventListener('submit', signIn);
    $('signout-submit').addEventListener('click', signOut);
    await load();
    document.body.dataset.session = 'ready';
  });

  return {
    request,
    onChange: (listener) => listeners.push(listener),
    get current() { return current; },
  };
})();
