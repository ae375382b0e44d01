import { qs } from '../api.js';
import { clear, el, field } from '../dom.js';
import { caseCard } from './case-card.js';

/** The escalation queue: open, assigned or resolved cases, highest priority and longest waiting first. */
export async function render(root, ctx) {
  const statusSelect = el(
    'select',
    {},
    ['open', 'assigned', 'resolved'].map((value) =>
      el('option', { value }, value[0].toUpperCase() + value.slice(1)),
    ),
  );
  const filter = field('Show', statusSelect);
  const list = el('div');
  const message = el('div', { class: 'success', role: 'status' });
  root.append(
    el(
      'div',
      { class: 'field-row' },
      filter.wrap,
      el('button', { type: 'button', class: 'secondary', onclick: () => load() }, 'Refresh'),
    ),
    message,
    list,
  );
  statusSelect.addEventListener('change', () => load());

  const done = async (text) => {
    message.textContent = text;
    ctx.announce(text);
    await load();
  };

  function card(item) {
    const id = item.conversation_id;
    return caseCard(item, {
      assign: async (agent) => {
        await ctx.api(`/api/v1/conversations/${id}/assign`, { method: 'POST', body: { agent } });
        await done(`Case ${id} assigned to ${agent}.`);
      },
      resolve: async (response, resolvedBy) => {
        await ctx.api(`/api/v1/conversations/${id}/resolve`, {
          method: 'POST',
          body: { response, resolved_by: resolvedBy },
        });
        await done(`Case ${id} resolved.`);
      },
    });
  }

  async function load() {
    clear(list, el('p', { class: 'muted' }, 'Loading…'));
    try {
      const page = await ctx.api(`/api/v1/escalations${qs({ status: statusSelect.value, limit: 50 })}`);
      const items = page.escalations ?? [];
      if (!items.length) {
        clear(list, el('p', { class: 'muted' }, `No ${statusSelect.value} escalations.`));
        return;
      }
      clear(
        list,
        el('p', { class: 'muted' }, `${page.total} case(s), highest priority first.`),
        items.map(card),
      );
    } catch (err) {
      clear(list, el('div', { class: 'error', role: 'alert' }, `Could not load the queue: ${err.message}`));
    }
  }

  await load();
}
