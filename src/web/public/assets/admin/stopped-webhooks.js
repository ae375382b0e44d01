import { el } from '../dom.js';

/**
 * The console-wide banner for webhooks the system stopped (410 Gone or the automatic pause): they deliver
 * nothing until someone resumes them, so HR sees it whatever section is open, with a way to the webhooks list.
 */
export async function refreshStoppedBanner(banner, api) {
  let stopped = [];
  try {
    const { webhooks } = await api('/api/v1/webhooks?is_active=false&limit=100');
    stopped = webhooks.filter((hook) => hook.paused_reason);
  } catch {
    stopped = [];
  }
  banner.replaceChildren();
  banner.hidden = stopped.length === 0;
  if (!stopped.length) return;
  const heading =
    stopped.length === 1 ? '1 webhook stopped delivering' : `${stopped.length} webhooks stopped delivering`;
  banner.append(
    el('strong', {}, heading),
    el(
      'ul',
      {},
      ...stopped
        .slice(0, 5)
        .map((hook) => el('li', {}, el('code', {}, hook.url), ` — ${hook.paused_reason}`)),
    ),
    el('a', { href: '#webhooks' }, 'Review webhooks'),
  );
}
