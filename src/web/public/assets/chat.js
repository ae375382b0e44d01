import { api, setCsrfToken } from './api.js';
import {
  agentBubble,
  botBubble,
  noteBubble,
  storedAnswer,
  typingBubble,
  userBubble,
} from './chat-messages.js';
import { clear, el } from './dom.js';
import { statusLabel } from './labels.js';

const EMPLOYEE_KEY = 'hr-employee-id';
// The open conversation survives a reload, so an employee coming back sees HR's reply to an escalation.
const CONVERSATION_KEY = 'hr-conversation-id';
// Every conversation this browser started: "My cases" when nobody is signed in.
const CONVERSATIONS_KEY = 'hr-conversation-ids';
const MAX_REMEMBERED = 50;
const MESSAGE_LIMIT = 4000;
// The counter appears this close to the limit, so nobody is surprised by it.
const COUNTER_FROM = 3500;
const REFRESH_MS = 30_000;
const TALK_TO_PERSON = 'I would like to talk to a person in HR about this, please.';

const $ = (id) => document.getElementById(id);
const form = $('composer');
const input = $('message');
const sendButton = $('send');
const messages = $('messages');
const errorBox = $('error');
const statusBox = $('status');
const emptyState = $('empty');
const resolveButton = $('resolve');
const caseRef = $('case-ref');
const employeeInput = $('employee-id');
const counter = $('message-counter');
const casesToggle = $('cases-toggle');
const casesPanel = $('cases-panel');
const caseList = $('case-list');
const casesEmpty = $('cases-empty');
const unreadCount = $('unread-count');

// The API's rule for user ids, checked here too so a typo is explained before anything is sent.
const EMPLOYEE_ID_PATTERN = /^[A-Za-z0-9._@+-]{1,128}$/;

let conversationId = null;
let current = null;
let busy = false;
/** Ids of agent (HR) messages already on screen, so a refresh only adds new replies. */
const shownAgentMessages = new Set();

function remember(key, value) {
  try {
    if (value) localStorage.setItem(key, value);
    else localStorage.removeItem(key);
  } catch {}
}

function recall(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function rememberedConversations() {
  try {
    const list = JSON.parse(recall(CONVERSATIONS_KEY) || '[]');
    return Array.isArray(list) ? list.filter((id) => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

function rememberConversation(id) {
  const list = [id, ...rememberedConversations().filter((known) => known !== id)].slice(0, MAX_REMEMBERED);
  remember(CONVERSATIONS_KEY, JSON.stringify(list));
}

function storedEmployeeId() {
  try {
    const existing = localStorage.getItem(EMPLOYEE_KEY);
    if (existing) return existing;
    const generated = `emp-${crypto.randomUUID().slice(0, 8)}`;
    localStorage.setItem(EMPLOYEE_KEY, generated);
    return generated;
  } catch {
    // Storage can be disabled (private mode); the id then lasts for this page only.
    return `emp-${Math.random().toString(36).slice(2, 10)}`;
  }
}

/** Set when the person signed in through the company's provider: then they are who their sign-in says. */
let signedInUser = null;

function employeeId() {
  return signedInUser || employeeInput.value.trim() || storedEmployeeId();
}

employeeInput.value = storedEmployeeId();
// On a wide screen the id stays in view; on a phone it folds away so the conversation keeps the screen.
if (window.matchMedia('(min-width: 601px)').matches) employeeInput.closest('details').open = true;
employeeInput.addEventListener('change', () => {
  const value = employeeInput.value.trim();
  if (!value) return;
  remember(EMPLOYEE_KEY, value);
  // A different person starts their own conversation.
  startNewConversation();
  void refreshCases();
});

const showError = (message) => {
  errorBox.textContent = message;
};
const announce = (message) => {
  statusBox.textContent = message;
};

/** The case reference and the state of "Mark resolved" follow the conversation on screen. */
function showState(conversation) {
  current = conversation;
  const resolved = conversation?.status === 'Resolved';
  resolveButton.disabled = !conversationId || resolved;
  resolveButton.textContent = resolved ? 'Resolved' : 'Mark resolved';
  caseRef.textContent = conversation?.case_reference ? `Case ${conversation.case_reference}` : '';
}

function setConversation(id) {
  conversationId = id;
  remember(CONVERSATION_KEY, id);
  if (id) rememberConversation(id);
  showState(id ? current : null);
}

function startNewConversation() {
  current = null;
  setConversation(null);
  shownAgentMessages.clear();
  messages.replaceChildren();
  emptyState.hidden = false;
  showError('');
  announce('Started a new conversation.');
  input.focus();
}

const scrollPane = messages.closest('.chat-scroll');

function show(item) {
  emptyState.hidden = true;
  messages.append(item);
  // Scroll only the conversation pane, never the page, so the header and the message box stay put.
  scrollPane.scrollTop = scrollPane.scrollHeight;
  return item;
}

function sendRating(value) {
  if (!conversationId) return Promise.resolve();
  return api('/api/v1/feedback', {
    method: 'POST',
    body: { conversation_id: conversationId, user_id: employeeId(), rating: value },
  });
}

const addUserMessage = (text) => show(userBubble(text));
const addBotMessage = (result) =>
  show(
    botBubble(result, {
      onRate: sendRating,
      onTalkToPerson: () => void send(TALK_TO_PERSON),
      caseReference: current?.case_reference ?? null,
    }),
  );
const addSystemNote = (text) => show(noteBubble(text));

function addAgentMessage(message) {
  shownAgentMessages.add(message.id);
  show(agentBubble(message));
}

/** Shows a stored conversation (after a reload or from My cases), or only HR replies that arrived since. */
async function loadConversation(id, onlyNewReplies) {
  const conversation = await api(`/api/v1/conversations/${encodeURIComponent(id)}`);
  if (conversation.user_id !== employeeId()) return false;
  if (!onlyNewReplies) {
    messages.replaceChildren();
    shownAgentMessages.clear();
  }
  current = conversation;
  let question = null;
  for (const message of conversation.messages || []) {
    if (message.role === 'agent') {
      if (!shownAgentMessages.has(message.id)) {
        addAgentMessage(message);
        if (onlyNewReplies) announce('New reply from the HR team.');
      }
    } else if (message.role === 'user') {
      question = message;
      if (!onlyNewReplies) addUserMessage(message.content);
    } else if (!onlyNewReplies) {
      addBotMessage(storedAnswer(conversation.id, message, question, conversation.confidential));
    }
  }
  emptyState.hidden = messages.children.length > 0;
  showState(conversation);
  if (conversation.unread) await markSeen(conversation.id);
  return true;
}

async function markSeen(id) {
  try {
    await api(`/api/v1/conversations/${encodeURIComponent(id)}/seen`, {
      method: 'POST',
      body: { user_id: employeeId() },
    });
    void refreshCases();
  } catch {}
}

function updateCounter() {
  const length = input.value.length;
  const over = length > MESSAGE_LIMIT;
  counter.textContent =
    length >= COUNTER_FROM ? `${length.toLocaleString()} / ${MESSAGE_LIMIT.toLocaleString()}` : '';
  counter.classList.toggle('over', over);
  input.setAttribute('aria-invalid', String(over));
}
input.addEventListener('input', updateCounter);

async function send(preset) {
  if (busy) return;
  const text = (preset ?? input.value).trim();
  if (!text) {
    showError('Type a question first.');
    input.focus();
    return;
  }
  if (text.length > MESSAGE_LIMIT) {
    showError(
      `Your message is ${text.length.toLocaleString()} characters; the limit is ${MESSAGE_LIMIT.toLocaleString()}. Shorten it or send it in parts.`,
    );
    input.focus();
    return;
  }
  showError('');
  if (!EMPLOYEE_ID_PATTERN.test(employeeId())) {
    showError('Employee ID can only use letters, digits and . _ @ + - (up to 128 characters).');
    employeeInput.closest('details').open = true;
    employeeInput.focus();
    return;
  }
  busy = true;
  sendButton.disabled = true;
  const bubble = addUserMessage(text);
  const typing = show(typingBubble());
  if (preset === undefined) input.value = '';
  updateCounter();
  try {
    const body = { message: text, user_id: employeeId() };
    if (conversationId) body.conversation_id = conversationId;
    const result = await api('/api/v1/query', { method: 'POST', body });
    setConversation(result.conversation_id);
    // The case reference exists once the conversation is escalated; read it before showing the answer.
    if (result.metadata?.escalated || current) {
      try {
        current = await api(`/api/v1/conversations/${encodeURIComponent(result.conversation_id)}`);
      } catch {}
    }
    typing.remove();
    addBotMessage(result);
    showState(current);
    announce(
      result.metadata?.escalated
        ? 'Answer received. A person in HR will take it from here.'
        : 'Answer received.',
    );
    void refreshCases();
  } catch (error) {
    typing.remove();
    if (error.status === 404 && conversationId) {
      // The conversation no longer exists (e.g. a reset database): keep the question, start over.
      setConversation(null);
      showError('That conversation was not found. Press Send again to start a new one.');
    } else {
      showError(`Your message was not sent: ${error.message}`);
    }
    // The question goes back into the box to be sent again, so it leaves the transcript.
    bubble.remove();
    emptyState.hidden = messages.children.length > 0;
    if (preset === undefined) input.value = text;
    updateCounter();
  } finally {
    busy = false;
    sendButton.disabled = false;
    input.focus();
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void send();
});

input.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    void send();
  }
});

resolveButton.addEventListener('click', async () => {
  if (!conversationId) return;
  showError('');
  resolveButton.disabled = true;
  try {
    await api(`/api/v1/conversations/${encodeURIComponent(conversationId)}/resolve`, {
      method: 'POST',
      body: { user_id: employeeId() },
    });
    addSystemNote('You marked this conversation as resolved. Write again any time to reopen it.');
    announce('Conversation marked resolved.');
    showState({
      ...(current ?? {}),
      status: 'Resolved',
      case_status: current?.case_status ? 'resolved' : null,
    });
    void refreshCases();
  } catch (error) {
    if (error.status === 409) showState({ ...(current ?? {}), status: 'Resolved' });
    else {
      showError(`Could not mark resolved: ${error.message}`);
      resolveButton.disabled = false;
    }
  }
});

$('new-conversation').addEventListener('click', startNewConversation);

/** This employee's conversations: from the server when signed in, else the ids this browser kept. */
async function fetchCases() {
  try {
    const page = await api('/api/v1/me/conversations?limit=50');
    return page.conversations ?? [];
  } catch (error) {
    if (error.status !== 401 && error.status !== 403) throw error;
  }
  const ids = rememberedConversations();
  if (ids.length === 0) return [];
  const found = await api('/api/v1/conversations/lookup', {
    method: 'POST',
    body: { conversation_ids: ids, user_id: employeeId() },
  });
  return found.conversations ?? [];
}

function caseItem(conversation) {
  const selected = conversation.id === conversationId;
  return el(
    'li',
    {},
    el(
      'button',
      {
        type: 'button',
        class: `case-item${conversation.unread ? ' unread' : ''}`,
        'aria-current': selected ? 'true' : null,
        onclick: async () => {
          showError('');
          try {
            if (await loadConversation(conversation.id, false)) setConversation(conversation.id);
            casesPanel.hidden = true;
            casesToggle.setAttribute('aria-expanded', 'false');
            input.focus();
          } catch (error) {
            showError(`Could not open that conversation: ${error.message}`);
          }
        },
      },
      el('span', { class: 'case-title' }, conversation.title || 'Conversation'),
      el(
        'span',
        { class: 'case-meta' },
        conversation.unread ? el('span', { class: 'badge unread-badge' }, 'New reply') : null,
        el('span', {}, statusLabel(conversation)),
        conversation.case_reference ? el('span', {}, ` · ${conversation.case_reference}`) : null,
      ),
    ),
  );
}

async function refreshCases() {
  try {
    const list = await fetchCases();
    clear(caseList, list.map(caseItem));
    casesEmpty.hidden = list.length > 0;
    const unread = list.filter((c) => c.unread).length;
    unreadCount.hidden = unread === 0;
    unreadCount.textContent = unread ? `${unread} new` : '';
  } catch {}
}

casesToggle.addEventListener('click', () => {
  const open = casesPanel.hidden;
  casesPanel.hidden = !open;
  casesToggle.setAttribute('aria-expanded', String(open));
  if (open) void refreshCases();
});

async function restore() {
  const id = recall(CONVERSATION_KEY);
  if (!id) return;
  try {
    if (await loadConversation(id, false)) setConversation(id);
    else setConversation(null);
  } catch {
    // Gone (or the server is unreachable): start fresh rather than show a broken page.
    setConversation(null);
  }
}

function refreshOpenConversation() {
  if (document.visibilityState !== 'visible' || busy) return;
  if (conversationId) loadConversation(conversationId, true).catch(() => {});
  void refreshCases();
}

document.addEventListener('visibilitychange', refreshOpenConversation);
setInterval(refreshOpenConversation, REFRESH_MS);

async function signOutOfChat() {
  try {
    const { redirect } = await api('/auth/logout', { method: 'POST', body: {} });
    remember(CONVERSATION_KEY, null);
    location.assign(redirect);
  } catch (error) {
    showError(error.message);
  }
}

/**
 * In the oidc mode the chat belongs to the signed-in person: their name replaces the Employee ID field, and a
 * visitor who is not signed in is sent to the company's sign-in page first.
 */
async function identify() {
  let me;
  try {
    me = await api('/api/v1/me');
  } catch (error) {
    if (error.status === 401) {
      location.assign(`/auth/login?return_to=${encodeURIComponent(location.pathname)}`);
      return false;
    }
    return true;
  }
  if (me.auth_mode !== 'oidc' || !me.user_id) return true;
  signedInUser = me.user_id;
  setCsrfToken(me.csrf_token);
  $('employee-field').hidden = true;
  const badge = $('signed-in');
  badge.textContent = `Signed in as ${me.email || me.user_id}`;
  badge.hidden = false;
  const signOutButton = $('chat-sign-out');
  signOutButton.hidden = false;
  signOutButton.addEventListener('click', signOutOfChat);
  return true;
}

identify().then((ready) => {
  if (!ready) return;
  updateCounter();
  void restore().then(refreshCases);
});
