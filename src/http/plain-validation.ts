import type { FastifySchemaValidationError } from 'fastify/types/schema.js';
import { USER_ID_PATTERN } from './schemas.js';

/**
 * Turns the schema validator's first complaint into one sentence a person can act on, naming the field in words
 * and, in brackets, as the API spells it: "Employee ID (user_id) may only contain letters, digits and . _ @ + -."
 * instead of `params/user_id must match pattern "^[A-Za-z0-9._@+-]+$"`. The pages show this text as it is.
 */

/** Field names as people say them; a field not listed is spelled out from its API name ("max_attempts" → "Max attempts"). */
const FIELD_LABELS: Record<string, string> = {
  user_id: 'Employee ID',
  message: 'Message',
  conversation_id: 'Conversation',
  id: 'ID',
  q: 'Search',
  skip: 'Start',
  limit: 'Page size',
  url: 'URL',
  events: 'Events',
  rating: 'Rating',
  comment: 'Comment',
  agent: 'Agent',
  email: 'E-mail address',
  is_vip: 'VIP',
  title: 'Title',
  body: 'Text',
  content: 'Text',
  category: 'Category',
  tags: 'Tags',
  secret: 'Signing secret',
  description: 'Description',
  resolution: 'Resolution',
  since: 'From',
  until: 'To',
};

/** What a pattern asks for, for the patterns the schemas use; any other pattern gets a general sentence. */
const PATTERN_RULES: Record<string, string> = {
  [USER_ID_PATTERN]: 'may only contain letters, digits and . _ @ + -',
  '\\S': 'must not be blank',
};

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

const FORMAT_RULES: Record<string, string> = {
  uuid: 'must look like 3f2b8c1e-5d4a-4e7b-9c2d-1a2b3c4d5e6f',
  email: 'is not a valid e-mail address',
  uri: 'is not a valid web address',
  url: 'is not a valid web address',
  'date-time': 'must be a date and time such as 2026-12-07T09:00:00Z',
  date: 'must be a date such as 2026-12-07',
};

const PART_NAMES: Record<string, string> = {
  body: 'The request body',
  querystring: 'The query string',
  params: 'The address',
  headers: 'The headers',
};

function spelledOut(name: string): string {
  const words = name.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "Employee ID (user_id)", "Events (user_id, item 2)" for a list entry; the request part when there is no field. */
function fieldLabel(path: string[], part: string): string {
  const names = path.filter((segment) => !/^\d+$/.test(segment));
  const name = names.at(-1);
  if (!name) return PART_NAMES[part] ?? 'The request';
  const human = FIELD_LABELS[name] ?? spelledOut(name);
  const apiName = path.map((s) => (/^\d+$/.test(s) ? `[${Number(s) + 1}]` : s)).join('.');
  const shown = apiName.replace(/\.\[/g, '[');
  return human.toLowerCase() === shown.toLowerCase() ? human : `${human} (${shown})`;
}

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

function rule(error: FastifySchemaValidationError): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return 'is required';
    case 'type':
      return `must be ${TYPE_WORDS[String(params.type)] ?? String(params.type)}`;
    case 'minLength':
      return Number(params.limit) === 1
        ? 'must not be empty'
        : `must be at least ${plural(Number(params.limit), 'character')} long`;
    case 'maxLength':
      return `is too long: at most ${plural(Number(params.limit), 'character')}`;
    case 'pattern':
      return PATTERN_RULES[String(params.pattern)] ?? 'is not in the expected form';
    case 'format':
      return FORMAT_RULES[String(params.format)] ?? `is not a valid ${String(params.format)}`;
    case 'minimum':
      return `must be at least ${String(params.limit)}`;
    case 'maximum':
      return `must be at most ${String(params.limit)}`;
    case 'exclusiveMinimum':
      return `must be more than ${String(params.limit)}`;
    case 'exclusiveMaximum':
      return `must be less than ${String(params.limit)}`;
    case 'enum':
      return `must be one of: ${(params.allowedValues as unknown[]).map(String).join(', ')}`;
    case 'const':
      return `must be ${String(params.allowedValue)}`;
    case 'minItems':
      return `needs at least ${plural(Number(params.limit), 'item')}`;
    case 'maxItems':
      return `can have at most ${plural(Number(params.limit), 'item')}`;
    case 'uniqueItems':
      return 'must not list the same value twice';
    default:
      // Custom keywords (x-not-personal-number) already speak plainly.
      return error.message ?? 'is not valid';
  }
}

export function plainValidationMessage(errors: FastifySchemaValidationError[], part: string): string {
  // A nullable field fails its "null" branch first; the branch that names a real rule says more.
  const useful = errors.filter(
    (e) => !['anyOf', 'oneOf'].includes(e.keyword) && !(e.keyword === 'type' && e.params?.type === 'null'),
  );
  const error = useful[0] ?? errors[0];
  if (!error) return 'The request is not valid.';
  const path = error.instancePath.split('/').filter(Boolean).map(decodePointer);
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') {
    const where = path.length ? ` inside ${fieldLabel(path, part)}` : '';
    return `"${String(params.additionalProperty)}" is not a field this request accepts${where}: remove it.`;
  }
  if (error.keyword === 'minProperties') {
    return Number(params.limit) === 1
      ? 'Send at least one field to change.'
      : `${fieldLabel(path, part)} must contain at least ${plural(Number(params.limit), 'field')}.`;
  }
  // A choice written as anyOf of constants (an event name, say): list the choices, not the first one.
  const choices = errors.filter((e) => e.keyword === 'const' && e.instancePath === error.instancePath);
  if (choices.length > 1) {
    const allowed = choices.map((e) => String((e.params as Record<string, unknown>).allowedValue));
    return `${fieldLabel(path, part)} must be one of: ${allowed.join(', ')}.`;
  }
  if (error.keyword === 'required') path.push(String(params.missingProperty));
  if (!path.length && error.keyword === 'type')
    return `${PART_NAMES[part] ?? 'The request'} must be a JSON object.`;
  if (!useful.length && errors.some((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf')) {
    return `${fieldLabel(path, part)} is not valid.`;
  }
  return `${fieldLabel(path, part)} ${rule(error)}.`;
}

/** JSON pointer escapes (~1 is "/", ~0 is "~"). */
const decodePointer = (segment: string) => segment.replace(/~1/g, '/').replace(/~0/g, '~');
