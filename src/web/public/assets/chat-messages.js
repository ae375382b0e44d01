import { answerBadges, el } from './dom.js';

// How each kind of chat message looks. Pure DOM builders: chat.js decides when they appear.

export function userBubble(text) {
  return el(
    'li',
    { class: 'msg user' },
    el('span', { class: 'visually-hidden' }, 'You: '),
    el('div', { class: 'text' }, text),
  );
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

/** 1–5 buttons; onRate(value) sends the rating and rejects with a readable error. */
function ratingControls(onRate) {
  const status = el('span', { class: 'muted', role: 'status' });
  const rate = async (value) => {
    for (const button of buttons) button.disabled = true;
    try {
      await onRate(value);
      buttons.forEach((button, index) => {
        button.setAttribute('aria-pressed', String(index + 1 === value));
      });
      status.textContent = `Thanks — rated ${value} of 5.`;
    } catch (error) {
      status.textContent = `Rating not saved: ${error.message}`;
    } finally {
      for (const button of buttons) button.disabled = false;
    }
  };
  const buttons = [1, 2, 3, 4, 5].map((value) =>
    el(
      'button',
      {
        type: 'button',
        'aria-pressed': 'false',
        'aria-label': `Rate ${value} out of 5`,
        onclick: () => rate(value),
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

/** An answer from the assistant: badges, text, escalation notice, articles used, timing and rating. */
export function botBubble(result, onRate) {
  const processing = result.metadata?.processing_time;
  return el(
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
    ratingControls(onRate),
  );
}

/** A reply written by a person in HR (the resolution of an escalation). */
export function agentBubble(content) {
  return el(
    'li',
    { class: 'msg bot agent' },
    el('div', { class: 'badges' }, el('span', { class: 'badge ok' }, 'HR team')),
    el('span', { class: 'visually-hidden' }, 'Reply from the HR team: '),
    el('div', { class: 'text' }, content),
  );
}

export function noteBubble(text) {
  return el('li', { class: 'msg bot' }, el('div', { class: 'text muted' }, text));
}

/**
 * A stored assistant message in the shape of a live answer, so both render the same way. The classification
 * may be recorded on the question rather than on the answer, so the question fills the gaps.
 */
export function storedAnswer(conversationId, message, question) {
  return {
    conversation_id: conversationId,
    response: message.content,
    category: message.category ?? question?.category,
    sentiment: message.sentiment ?? question?.sentiment,
    priority: message.priority ?? question?.priority,
    metadata: {
      escalated: message.escalated || Boolean(question?.escalated),
      escalation_reason: message.escalation_reason ?? question?.escalation_reason,
      kb_results: message.kb_results,
    },
  };
}
