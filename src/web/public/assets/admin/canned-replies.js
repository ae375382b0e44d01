import { clear, confirmDialog, el, field } from '../dom.js';

const TITLE_MAX = 120;
const BODY_MAX = 4000;

/**
 * Saved replies HR inserts when writing to an employee (the case page's "Canned reply" menu): add, change and
 * delete them. One form serves both adding and changing, so the keyboard path is the same for both.
 */
export async function render(root, ctx) {
  const title = field(
    'Title',
    el('input', { type: 'text', maxlength: String(TITLE_MAX), autocomplete: 'off', required: true }),
    'What HR picks from the menu, e.g. "Payslip re-issued". Titles are unique.',
  );
  const body = field(
    'Text',
    el('textarea', { rows: 5, maxlength: String(BODY_MAX), required: true }),
    'Exactly what the employee will read; HR can still edit it before sending.',
  );
  const formTitle = el('h3', { id: 'canned-form-title' }, 'Add a canned reply');
  const save = el('button', { type: 'submit' }, 'Add');
  const cancel = el('button', { type: 'button', class: 'secondary', hidden: true }, 'Cancel change');
  const formError = el('div', { class: 'error', role: 'alert' });
  const form = el(
    'form',
    { class: 'panel', 'aria-labelledby': 'canned-form-title', novalidate: true },
    formTitle,
    title.wrap,
    body.wrap,
    formError,
    el('div', { class: 'actions' }, save, cancel),
  );
  const list = el('div', { 'aria-live': 'polite' });
  root.append(
    el(
      'p',
      { class: 'muted' },
      'Canned replies appear on every case page under "Canned reply", ready to insert into a message.',
    ),
    form,
    el(
      'section',
      { 'aria-labelledby': 'canned-list-title' },
      el('h3', { id: 'canned-list-title' }, 'Saved replies'),
      list,
    ),
  );

  /** The reply being changed, or null while the form adds a new one. */
  let editing = null;

  function resetForm() {
    editing = null;
    title.input.value = '';
    body.input.value = '';
    formTitle.textContent = 'Add a canned reply';
    save.textContent = 'Add';
    cancel.hidden = true;
    formError.textContent = '';
  }

  function startEditing(reply) {
    editing = reply;
    title.input.value = reply.title;
    body.input.value = reply.body;
    formTitle.textContent = `Change "${reply.title}"`;
    save.textContent = 'Save changes';
    cancel.hidden = false;
    formError.textContent = '';
    title.input.focus();
  }

  cancel.addEventListener('click', () => {
    resetForm();
    title.input.focus();
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const values = { title: title.input.value.trim(), body: body.input.value.trim() };
    // Checked here first so the message names the field in plain words before any request is made.
    if (!values.title) return refuse('Give the reply a title.', title.input);
    if (!values.body) return refuse('Write the text of the reply.', body.input);
    save.disabled = true;
    formError.textContent = '';
    try {
      const saved = editing
        ? await ctx.api(`/api/v1/canned-replies/${editing.id}`, { method: 'PATCH', body: values })
        : await ctx.api('/api/v1/canned-replies', { method: 'POST', body: values });
      ctx.announce(editing ? `Saved "${saved.title}".` : `Added "${saved.title}".`);
      resetForm();
      await load();
      title.input.focus();
    } catch (err) {
      refuse(err.message, title.input);
    } finally {
      save.disabled = false;
    }
  });

  function refuse(message, control) {
    formError.textContent = message;
    control.focus();
  }

  async function remove(reply) {
    if (
      !(await confirmDialog(
        `Delete the canned reply "${reply.title}"? Messages already sent keep their text.`,
      ))
    )
      return;
    try {
      await ctx.api(`/api/v1/canned-replies/${reply.id}`, { method: 'DELETE' });
      if (editing?.id === reply.id) resetForm();
      ctx.announce(`Deleted "${reply.title}".`);
      await load();
    } catch (err) {
      clear(list, el('div', { class: 'error', role: 'alert' }, `Not deleted: ${err.message}`));
    }
  }

  function item(reply) {
    return el(
      'li',
      { class: 'item canned-reply' },
      el('div', { class: 'item-head' }, el('strong', {}, reply.title)),
      el('p', { class: 'canned-body' }, reply.body),
      el(
        'div',
        { class: 'actions' },
        el(
          'button',
          {
            type: 'button',
            class: 'secondary',
            'aria-label': `Change "${reply.title}"`,
            onclick: () => startEditing(reply),
          },
          'Change',
        ),
        el(
          'button',
          {
            type: 'button',
            class: 'danger',
            'aria-label': `Delete "${reply.title}"`,
            onclick: () => remove(reply),
          },
          'Delete',
        ),
      ),
    );
  }

  async function load() {
    try {
      const { canned_replies: replies } = await ctx.api('/api/v1/canned-replies');
      clear(
        list,
        replies.length
          ? el('ul', { class: 'canned-list' }, replies.map(item))
          : el('p', { class: 'muted' }, 'No canned replies yet. Add the answers HR gives most often.'),
      );
    } catch (err) {
      clear(
        list,
        el('div', { class: 'error', role: 'alert' }, `Could not load the canned replies: ${err.message}`),
      );
    }
  }

  await load();
}
