import { Type } from 'typebox';
import { pageFields, pageQuery } from '../../http/pagination.js';
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

export const StatusSchema = Type.Union([Type.Literal('draft'), Type.Literal('published')], {
  description: 'Drafts are kept and versioned but never used to answer',
});
const OwnerSchema = Type.Union([Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }), Type.Null()], {
  description: 'Who keeps the article up to date',
});

export const ArticleInput = Type.Object(
  {
    ...articleFields,
    tags: Type.Array(articleFields.tags.items, { maxItems: 30, default: [] }),
    status: Type.Optional(StatusSchema),
    owner: Type.Optional(OwnerSchema),
  },
  { additionalProperties: false },
);

/** The article file format of `npm run kb:import` and the shipped knowledge base. */
export const ArticleFileEntry = Type.Object(
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
    status: Type.Optional(StatusSchema),
    owner: Type.Optional(OwnerSchema),
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
  version: Type.Integer({ description: 'Bumped on every change; GET /api/v1/kb/{id}/versions lists them' }),
  status: StatusSchema,
  owner: Type.Union([Type.String(), Type.Null()]),
  reviewed_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  source: Type.Union([Type.String(), Type.Null()], { description: 'The file an import took it from' }),
});

export const ArticleVersionSchema = Type.Object({
  version: Type.Integer(),
  title: Type.String(),
  content: Type.String(),
  category: Type.String(),
  tags: Type.Array(Type.String()),
  status: StatusSchema,
  author: Type.String(),
  source: Type.Union([Type.String(), Type.Null()]),
  created_at: Type.String({ format: 'date-time' }),
});

export const ImportReportSchema = Type.Object({
  dry_run: Type.Boolean(),
  source: Type.String(),
  format: Type.String({ description: 'markdown, html, docx, pdf or json' }),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  articles: Type.Array(
    Type.Object({
      id: Type.Union([Type.String(), Type.Null()], {
        description: 'null for an article a dry run would create',
      }),
      title: Type.String(),
      category: Type.String(),
      suggested_category: Type.Union([Type.String(), Type.Null()]),
      action: Type.Union([Type.Literal('created'), Type.Literal('updated'), Type.Literal('unchanged')]),
      version: Type.Integer(),
    }),
  ),
  removed: Type.Array(
    Type.Object({
      id: Type.String(),
      title: Type.String(),
      status: StatusSchema,
      version: Type.Integer(),
      action: Type.Union([Type.Literal('kept'), Type.Literal('unpublished')], {
        description: 'kept as it was, or unpublished (a draft) because unpublish_removed=true',
      }),
    }),
    {
      description:
        'Articles an earlier import of the same file (by name) created whose section this file no longer has',
    },
  ),
  warnings: Type.Array(Type.String()),
});

export const ArticlePage = Type.Object({
  articles: Type.Array(Article),
  ...pageFields,
});

export const SearchHit = Type.Object({
  id: Type.String(),
  title: Type.String(),
  content: Type.String(),
  category: Type.String(),
  score: Type.Number(),
});

/** Shared by every paginated list: skip ≥ 0, limit 1..100. */
export const Pagination = pageQuery(20);

export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
