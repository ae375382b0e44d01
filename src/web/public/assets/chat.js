import { api } from './api.js';
import { answerBadges, el } from './dom.js';

const EMPLOYEE_KEY = 'hr-employee-id';
// The open conversation survives a reload, so an employee coming back sees HR's reply to an escalation.
const CONVERSATION_KEY = 'hr-conversation-id';

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

// The API's rule for user ids, checked here too so a typo is explained before anything is sent.
const EMPLOYEE_ID_PATTERN = /^[A-Za-z0-9._@+-]{1,128}$/;

let conversationId = null;
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

function employeeId() {
  return employeeInput.value.trim() || storedEmployeeId();
}

employeeInput.value = storedEmployeeId();
employeeInput.addEventListener('change', () => {
  const value = employeeInput.value.trim();
  if (!value) return;
  try {
    localStorage.setItem(EMPLOYEE_KEY, value);
  } catch {}
  // A different person starts their own conversation.
  startNewConversation();
});

function showError(message) {
  errorBox.textContent = message;
}

function announce(message) {
  statusBox.textContent = message;
}

function scrollToEnd(node) {
  node.scrollIntoView({ block: 'end', behavior: 'smooth' });
}

function setConversation(id) {
  conversationId = id;
  remember(CONVERSATION_KEY, id);
  resolveButton.disabled = !id;
  caseRef.textContent = id ? `Case ${id}` : '';
}

function startNewConversation() {
  setConversation(null);
  shownAgentMessages.clear();
  messages.replaceChildren();
  emptyState.hidden = false;
  showError('');
  announce('Started a new conversation.');
  input.focus();
}

function addUserMessage(text) {
  emptyState.hidden = true;
  const item = el(
    'li',
    { class: 'msg user' },
    el('span', { class: 'visually-hidden' }, 'You: '),
    el('div', { class: 'text' }, text),
  );
  messages.append(item);
  scrollToEnd(item);
  return item;
}

function articlesUsed(results) {
  if (!Array.isArray(results) || results.length === 0) return null;
  return el(
    'details',
    { class: 'kb' },
    el('summary', {}, `Knowledge-base articles used (${results.length})`),
    ...results.map((article) =>
      el(
        'details',
        { class: 'kb-article' },
        el(
          'summary',
          {},
          `${article.title}`,
          article.category ? ` · ${article.category}` : '',
          typeof article.score === 'number' ? ` · relevance ${article.score.toFixed(2)}` : '',
        ),
        el('div', { class: 'text' }, article.content || ''),
      ),
    ),
  );
}

function escalationNotice(result) {
  const meta = result.metadata || {};
  if (!meta.escalated) return null;
  return el(
    'div',
    { class: 'notice', role: 'note', 'aria-label': 'Escalated to HR' },
    el('strong', {}, 'Escalated to a person in HR. '),
    'Your case reference is ',
    el('code', { class: 'case-id' }, result.conversation_id),
    '.',
    meta.escalation_reason ? el('div', { class: 'muted' }, `Reason: ${meta.escalation_reason}`) : null,
  );
}

function ratingControls() {
  const status = el('span', { class: 'muted', role: 'status' });
  const buttons = [1, 2, 3, 4, 5].map((value) =>
    el(
      'button',
      {
        type: 'button',
        'aria-pressed': 'false',
        'aria-label': `Rate ${value} out of 5`,
        onclick: () => rate(value, buttons, status),
      },
      String(value),
    ),
  );
  return el(
    'div',
    { class: 'rating', role: 'group', 'aria-label': 'Rate this answer' },
    el('span', { class: 'muted', 'aria-hidden': 'true' }, 'Helpful? '),
    ...buttons,
    status,
  );
}

async function rate(value, buttons, status) {
  if (!conversationId) return;
  for (const button of buttons) button.disabled = true;
  try {
    await api('/api/v1/feedback', {
      method: 'POST',
      body: { conversation_id: conversationId, user_id: employeeId(), rating: value },
    });
    buttons.forEach((button, index) => {
      button.setAttribute('aria-pressed', String(index + 1 === value));
    });
    status.textContent = `Thanks — rated ${value} of 5.`;
  } catch (error) {
    status.textContent = `Rating not saved: ${error.message}`;
  } finally {
    for (const button of buttons) button.disabled = false;
  }
}

function addBotMessage(result) {
  const processing = result.metadata?.processing_time;
  const item = el(
    'li',
    { class: 'msg bot' },
    el('span', { class: 'visually-hidden' }, 'HR Assistant: '),
    answerBadges(result),
    el('div', { class: 'text answer' }, result.response),
    escalationNotice(result),
    articlesUsed(result.metadata?.kb_results),
    el(
      'div',
      { class: 'meta' },
      typeof processing === 'number' ? `Answered in ${(processing * 1000).toFixed(1)} ms` : '',
    ),
    ratingControls(),
  );
  messages.append(item);
  scrollToEnd(item);
}

function addAgentMessage(message) {
  shownAgentMessages.add(message.id);
  emptyState.hidden = true;
  const item = el(
    'li',
    { class: 'msg bot agent' },
    el('div', { class: 'badges' }, el('span', { class: 'badge ok' }, 'HR team')),
    el('span', { class: 'visually-hidden' }, 'Reply from the HR team: '),
    el('div', { class: 'text' }, message.content),
  );
  messages.append(item);
  scrollToEnd(item);
}

/** Shows a stored conversation again (after a reload), or only HR replies that arrived since. */
async function loadConversation(id, onlyNewReplies) {
  const conversation = await api(`/api/v1/conversations/${encodeURIComponent(id)}`);
  if (conversation.user_id !== employeeId()) return false;
  for (const message of conversation.messages || []) {
    if (message.role === 'agent') {
      if (!shownAgentMessages.has(message.id)) {
        addAgentMessage(message);
        if (onlyNewReplies) announce('New reply from the HR team.');
      }
    } else if (!onlyNewReplies && message.role === 'user') {
      addUserMessage(message.content);
    } else if (!onlyNewReplies) {
      addBotMessage({
        conversation_id: conversation.id,
        response: message.content,
        category: message.category,
        sentiment: message.sentiment,
        priority: message.priority,
        metadata: {
          escalated: message.escalated,
          escalation_reason: message.escalation_reason,
          kb_results: message.kb_results,
        },
      });
    }
  }
  return true;
}

function addSystemNote(text) {
  const item = el('li', { class: 'msg bot' }, el('div', { class: 'text muted' }, text));
  messages.append(item);
  scrollToEnd(item);
}

async function send() {
  if (busy) return;
  const text = input.value.trim();
  if (!text) {
    showError('Type a question first.');
    input.focus();
    return;
  }
  showError('');
  if (!EMPLOYEE_ID_PATTERN.test(employeeId())) {
    showError('Employee ID can only use letters, digits and . _ @ + - (up to 128 characters).');
    employeeInput.focus();
    return;
  }
  busy = true;
  sendButton.disabled = true;
  sendButton.textContent = 'Sending…';
  const bubble = addUserMessage(text);
  input.value = '';
  try {
    const body = { message: text, user_id: employeeId() };
    if (conversationId) body.conversation_id = conversationId;
    const result = await api('/api/v1/query', { method: 'POST', body });
    setConversation(result.conversation_id);
    addBotMessage(result);
    announce(result.metadata?.escalated ? 'Answer received. Your question was escalated to HR.' : '');
  } catch (error) {
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
    input.value = text;
  } finally {
    busy = false;
    sendButton.disabled = false;
    sendButton.textContent = 'Send';
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
    addSystemNote('You marked this conversation as resolved. Ask again any time to reopen it.');
    announce('Conversation marked resolved.');
  } catch (error) {
    if (error.status === 409) showError('This conversation is already resolved.');
    else showError(`Could not mark resolved: ${error.message}`);
  } finally {
    resolveButton.disabled = !conversationId;
  }
});

$('new-conversation').addEventListener('click', startNewConversation);

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

document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible' && conversationId && !busy) {
    loadConversation(conversationId, true).catch(() => {});
  }
});

void restore();
