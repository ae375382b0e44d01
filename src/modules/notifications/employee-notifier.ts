import { createRequire } from 'node:module';
import type NodemailerModule from 'nodemailer';
import type { Transporter } from 'nodemailer';
import type { AppContext } from '../../context.js';
import { QueriesRepository } from '../queries/queries.repository.js';

/** What HR did that the employee should hear about by e-mail. */
export interface CaseNotice {
  kind: 'replied' | 'resolved';
  userId: string;
  caseReference: string | null;
  /** HR's words to the employee (null when the employee closed the case themselves: nothing is sent then). */
  message: string | null;
}

/** Tells an employee that HR wrote to them. The real one sends e-mail; without SMTP_URL nothing is sent. */
export interface EmployeeNotifier {
  notify(notice: CaseNotice): void;
  /** Resolves when every notice handed over so far has been sent or has failed (shutdown and tests). */
  settled(): Promise<void>;
  close(): void;
}

// A plain address only: the id stands in for the address when sign-in uses e-mail addresses as employee ids.
const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;

export const isEmailAddress = (value: string): boolean => value.length <= 254 && EMAIL.test(value);

/**
 * Sends after the change has committed, never inside its transaction: a slow or absent mail server must not
 * hold a database lock or fail HR's reply. A failed send is logged and not retried; the reply itself is always
 * in the employee's chat, which is where the e-mail points them.
 */
export class SmtpEmployeeNotifier implements EmployeeNotifier {
  private readonly transport: Transporter;
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly ctx: AppContext,
    url: string,
  ) {
    // Loaded only when e-mail is configured: most deployments never send one, and start-up skips its code.
    const nodemailer = createRequire(import.meta.url)('nodemailer') as typeof NodemailerModule;
    this.transport = nodemailer.createTransport(url);
  }

  notify(notice: CaseNotice): void {
    if (notice.message === null) return;
    const sending = this.send(notice).catch((error: unknown) => {
      this.ctx.log.warn({ err: error, kind: notice.kind }, 'could not e-mail the employee about their case');
    });
    this.pending.add(sending);
    void sending.finally(() => this.pending.delete(sending));
  }

  async settled(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  close(): void {
    this.transport.close();
  }

  private async send(notice: CaseNotice): Promise<void> {
    const user = await new QueriesRepository(this.ctx.db.kysely).getUser(notice.userId);
    const address = user?.email ?? (isEmailAddress(notice.userId) ? notice.userId : null);
    if (address === null) return;
    const reference = notice.caseReference ? ` (${notice.caseReference})` : '';
    const subject =
      notice.kind === 'replied'
        ? `HR replied to your question${reference}`
        : `Your HR question was resolved${reference}`;
    const closing =
      notice.kind === 'replied'
        ? 'You can answer in the HR chat, under "My cases".'
        : 'If something is still open, write again in the HR chat and the case comes back to us.';
    await this.transport.sendMail({
      from: this.ctx.config.smtp.from,
      to: address,
      subject,
      text: `${notice.message}\n\n${closing}\n`,
    });
  }
}

export const silentNotifier: EmployeeNotifier = {
  notify: () => {},
  settled: async () => {},
  close: () => {},
};

export function createEmployeeNotifier(ctx: AppContext): EmployeeNotifier {
  const url = ctx.config.smtp.url;
  return url === undefined ? silentNotifier : new SmtpEmployeeNotifier(ctx, url);
}
