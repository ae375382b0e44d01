import { el } from './dom.js';
import { categoryLabel } from './labels.js';

// How each kind of chat message looks. Pure DOM builders: chat.js decides when they appear.

export function userBubble(text) {
  return el(
    'li',
    { class: 'msg user' },
    el('span', { class: 'visually-hidden' }, 'You: '),
    el('div', { class: 'text' }, text),
  );
}

/** The articles an answer drew on, by title only (scores are for the HR team, not the employee). */
function sources(results) {
  if (!Array.isArray(results) || results.length === 0) return null;
  return el(
    'details',
    { class: 'kb' },
    el(
      'summary',
      {},
      results.length === 1 ? 'Based on 1 policy article' : `Based on ${results.length} policy articles`,
    ),
    el(
      'ul',
      {},
      results.map((article) =>
        el(
          'li',
          {},
          el(
            'details',
            { class: 'kb-article' },
            el('summary', {}, article.title),
            el('div', { class: 'text' }, article.content || ''),
          ),
        ),
      ),
    ),
  );
}

/** A calm note that a person has the question, with the case reference when the case has one. */
function escalationNotice(reference) {
  return el(
    'div',
    { class: 'notice calm', role: 'note' },
    reference ? el('strong', {}, `Case ${reference}. `) : null,
    'Your question is with the HR team. Their reply will appear here and under My cases.',
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
      status.textContent = `Thanks, rated ${value} of 5.`;
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
    { class: 'rating', role: 'group', 'aria-label': 'Was this helpful? Rate 1 to 5' },
    el('span', { class: 'muted', 'aria-hidden': 'true' }, 'Helpful? '),
    ...buttons,
    status,
  );
}

/**
 * An answer from the assistant. Escalated answers carry only the calm notice: no rating (a report of
 * harassment is not something to score) and no articles. Every other answer offers a person.
 */
export function botBubble(result, { onRate, onTalkToPerson, caseReference }) {
  const escalated = Boolean(result.metadata?.escalated);
  const label = categoryLabel(result.category);
  return el(
    'li',
    { class: 'msg bot' },
    el('span', { class: 'visually-hidden' }, 'HR Assistant: '),
    label ? el('div', { class: 'badges' }, el('span', { class: 'badge cat' }, label)) : null,
    el('div', { class: 'text answer' }, result.response),
    escalated ? escalationNotice(caseReference) : null,
    escalated ? null : sources(result.metadata?.kb_results),
    escalated
      ? null
      : el(
          'div',
          { class: 'answer-actions' },
          el(
            'button',
            { type: 'button', class: 'secondary talk', onclick: onTalkToPerson },
            'Talk to a person',
          ),
          // A confidential case (harassment, crisis…) is not something to rate like an answer.
          result.metadata?.confidential ? null : ratingControls(onRate),
        ),
  );
}

/** A message written by a person in HR. */
export function agentBubble(message) {
  return el(
    'li',
    { class: 'msg bot agent' },
    el('div', { class: 'badges' }, el('span', { class: 'badge ok' }, 'HR team')),
    el('span', { class: 'visually-hidden' }, 'Reply from the HR team: '),
    el('div', { class: 'text' }, message.content),
  );
}

export function noteBubble(text) {
  return el('li', { class: 'msg bot' }, el('div', { class: 'text muted' }, text));
}

/** Shown while the assistant works on an answer. */
export function typingBubble() {
  return el(
    'li',
    { class: 'msg bot typing', 'aria-label': 'The assistant is writing' },
    el('span', { class: 'dots', 'aria-hidden': 'true' }, el('span'), el('span'), el('span')),
    el('span', { class: 'visually-hidden' }, 'The assistant is writing…'),
  );
}

/**
 * A stored assistant message in the shape of a live answer, so both render the same way. The classification
 * may be recorded on the question rather than on the answer, so the question fills the gaps.
 */
export function storedAnswer(conversationId, message, question, confidential = false) {
  return {
    conversation_id: conversationId,
    response: message.content,
    category: message.category ?? question?.category,
    metadata: {
      escalated: message.escalated || Boolean(question?.escalated),
      kb_results: message.kb_results,
      confidential,
    },
  };
}
