import { Type } from 'typebox';
import { CATEGORIES } from './knowledge.types.js';

export const CategorySchema = Type.Union(
  CATEGORIES.map((c) => Type.Literal(c)),
  { description: 'One of the seven HR categories' },
);

const articleFields = {
  title: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
  content: Type.String({ minLength: 1, maxLength: 20_000, pattern: '\\S' }),
  category: CategorySchema,
  tags: Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 30 }),
};

export const ArticleInput = Type.Object(
  { ...articleFields, tags: Type.Array(articleFields.tags.items, { maxItems: 30, default: [] }) },
  { additionalProperties: false },
);

// No defaults here: a default would fill in a field the editor did not send and overwrite it.

export const ArticleUpdate = Type.Object(
  {
    title: Type.Optional(articleFields.title),
    content: Type.Optional(articleFields.content),
    category: Type.Optional(articleFields.category),
    tags: Type.Optional(articleFields.tags),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const Article = Type.Object({
  id: Type.String(),
  title: Type.String(),
  content: Type.String(),
  category: Type.String(),
  tags: Type.Array(Type.String()),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
});

export const ArticlePage = Type.Object({
  articles: Type.Array(Article),
  total: Type.Integer(),
  skip: Type.Integer(),
  limit: Type.Integer(),
});

export const SearchHit = Type.Object({
  id: Type.String(),
  title: Type.String(),
  content: Type.String(),
  category: Type.String(),
  score: Type.Number(),
});

/** Shared by every paginated list: skip ≥ 0, limit 1..100. */
export const Pagination = {
  skip: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
};

export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
