import { api } from './api.js';
import { agentBubble, botBubble, noteBubble, storedAnswer, userBubble } from './chat-messages.js';

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

const scrollPane = messages.parentElement;

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
const addBotMessage = (result) => show(botBubble(result, sendRating));
const addSystemNote = (text) => show(noteBubble(text));

function addAgentMessage(message) {
  shownAgentMessages.add(message.id);
  show(agentBubble(message.content));
}

/** Shows a stored conversation again (after a reload), or only HR replies that arrived since. */
async function loadConversation(id, onlyNewReplies) {
  const conversation = await api(`/api/v1/conversations/${encodeURIComponent(id)}`);
  if (conversation.user_id !== employeeId()) return false;
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
      addBotMessage(storedAnswer(conversation.id, message, question));
    }
  }
  return true;
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
