import { api, setCsrfToken } from '../api.js';
import { clear, el } from '../dom.js';
import { refreshStoppedBanner } from './stopped-webhooks.js';

const KEY_STORAGE = 'hr-admin-key';
const SECTIONS = {
  dashboard: { title: 'Dashboard', load: () => import('./dashboard.js') },
  escalations: { title: 'Cases', load: () => import('./escalations.js') },
  replies: { title: 'Canned replies', load: () => import('./canned-replies.js') },
  webhooks: { title: 'Webhooks', load: () => import('./webhooks.js') },
  kb: { title: 'Knowledge base', load: () => import('./kb.js') },
  employees: { title: 'Employees', load: () => import('./employees.js') },
};

const $ = (id) => document.getElementById(id);
const signin = $('signin');
const consoleRoot = $('console');
const signinForm = $('signin-form');
const keyInput = $('api-key');
const signinError = $('signin-error');
const signOutButton = $('sign-out');
const sectionTitle = $('section-title');
const sectionBody = $('section-body');
const announcer = $('announcer');
const stoppedBanner = $('stopped-webhooks');

let adminKey = readKey();
/** Signed in through the company's provider (oidc mode): the session cookie authenticates, no key is kept. */
let sessionSignedIn = false;
let cleanup = null;
let renderToken = 0;

function readKey() {
  try {
    return sessionStorage.getItem(KEY_STORAGE);
  } catch {
    return null;
  }
}

function storeKey(value) {
  try {
    if (value) sessionStorage.setItem(KEY_STORAGE, value);
    else sessionStorage.removeItem(KEY_STORAGE);
  } catch {}
}

function announce(message) {
  // Clearing first makes screen readers repeat an identical message.
  announcer.textContent = '';
  setTimeout(() => {
    announcer.textContent = message;
  }, 30);
}

/** What every section receives: an authenticated API caller and a way to announce results. */
const context = {
  announce,
  async api(path, options = {}) {
    try {
      return await api(path, { ...options, adminKey });
    } catch (error) {
      if (error.status === 401) signOut('Your session ended: the API key was refused. Sign in again.');
      throw error;
    }
  },
  go(section) {
    location.hash = section;
  },
};

function showSignin(message) {
  consoleRoot.hidden = true;
  signOutButton.hidden = true;
  signin.hidden = false;
  signinError.textContent = message || '';
  keyInput.focus();
}

function showWho(me) {
  const who = $('whoami');
  who.textContent = me
    ? `Signed in as ${me.email || me.user_id || me.name.replace(/^token:/, 'token ')}`
    : '';
  who.hidden = !me;
}

async function endSession() {
  try {
    const { redirect } = await api('/auth/logout', { method: 'POST', body: {} });
    location.assign(redirect);
  } catch {
    location.assign('/admin');
  }
}

function signOut(message) {
  if (sessionSignedIn) {
    sessionSignedIn = false;
    void endSession();
    return;
  }
  showWho(null);
  adminKey = null;
  storeKey(null);
  if (cleanup) cleanup();
  cleanup = null;
  clear(sectionBody);
  showSignin(message);
}

// Any valid token (the bootstrap key or a personal token) is accepted; what it may do is the server's business.
async function verifyKey(key) {
  try {
    const me = await api('/api/v1/me', { adminKey: key });
    if (!me.authenticated) return 'That API key was not accepted.';
    showWho(me);
    return null;
  } catch (error) {
    if (error.status === 401) return 'That API key was not accepted.';
    return error.message;
  }
}

signinForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const key = keyInput.value.trim();
  if (!key) {
    signinError.textContent = 'Enter the admin API key.';
    keyInput.focus();
    return;
  }
  const button = $('signin-button');
  button.disabled = true;
  signinError.textContent = '';
  const problem = await verifyKey(key);
  button.disabled = false;
  if (problem) {
    signinError.textContent = problem;
    keyInput.focus();
    return;
  }
  adminKey = key;
  storeKey(key);
  keyInput.value = '';
  // The sign-in form disappears; put keyboard and screen-reader focus on the section that replaced it.
  showConsole(true);
});

signOutButton.addEventListener('click', () => signOut('Signed out.'));

for (const button of document.querySelectorAll('nav.sections button')) {
  button.addEventListener('click', () => {
    const target = button.dataset.section;
    if (location.hash === `#${target}`) void renderSection(target, true);
    else location.hash = target;
  });
}

window.addEventListener('hashchange', () => {
  if (adminKey || sessionSignedIn) void renderSection(currentSection(), true);
});

function currentSection() {
  // "#escalations/<id>" is one case inside the escalations section.
  const name = location.hash.replace(/^#/, '').split('/')[0];
  return SECTIONS[name] ? name : 'dashboard';
}

function showConsole(moveFocus) {
  signin.hidden = true;
  consoleRoot.hidden = false;
  signOutButton.hidden = false;
  void renderSection(currentSection(), moveFocus);
}

async function renderSection(name, moveFocus) {
  const section = SECTIONS[name];
  const token = ++renderToken;
  for (const button of document.querySelectorAll('nav.sections button')) {
    if (button.dataset.section === name) button.setAttribute('aria-current', 'page');
    else button.removeAttribute('aria-current');
  }
  if (cleanup) cleanup();
  cleanup = null;
  sectionTitle.textContent = section.title;
  document.title = `${section.title} · HR Console`;
  clear(sectionBody, el('p', { class: 'muted' }, 'Loading…'));
  if (moveFocus) sectionTitle.focus();
  void refreshStoppedBanner(stoppedBanner, context.api);
  try {
    const module = await section.load();
    if (token !== renderToken) return;
    clear(sectionBody);
    cleanup = (await module.render(sectionBody, context)) || null;
  } catch (error) {
    if (token !== renderToken) return;
    clear(sectionBody, el('div', { class: 'error', role: 'alert' }, `Could not load: ${error.message}`));
  }
}

/** Who is here: a kept key, a provider session (oidc mode), or nobody yet. */
async function start() {
  if (adminKey) {
    if (!(await verifyKey(adminKey))) return showConsole(false);
    adminKey = null;
    storeKey(null);
  }
  try {
    const me = await api('/api/v1/me');
    if (me.auth_mode === 'oidc' && me.authenticated) {
      sessionSignedIn = true;
      setCsrfToken(me.csrf_token);
      showWho(me);
      if (me.permissions.length > 0) return showConsole(false);
      return showSignin('You are signed in, but your account has no HR role.');
    }
  } catch (error) {
    // 401: the oidc mode, nobody signed in yet; offer the company sign-in beside the API key.
    if (error.status === 401) $('sso').hidden = false;
  }
  showSignin();
}

void start();
