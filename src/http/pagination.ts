import { Type } from 'typebox';

/**
 * The paging parameters and reply fields every list shares (src/db/pagination.ts does the SQL). Each list keeps
 * the default page size it has always had.
 */
export const pageQuery = (defaultLimit: number) => ({
  skip: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
  limit: Type.Integer({ minimum: 1, maximum: 100, default: defaultLimit }),
});

/** What a paged reply says about the page. */
export const pageFields = {
  total: Type.Integer(),
  skip: Type.Integer(),
  limit: Type.Integer(),
};

/** Logs page by cursor too: pass `next_cursor` back as `cursor` (with no `skip`) for the next, older page. */
export const cursorQuery = {
  cursor: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 400,
      description: "The previous page's next_cursor; continues after its last entry (use instead of skip)",
    }),
  ),
};

export const cursorFields = {
  next_cursor: Type.Union([Type.String(), Type.Null()], {
    description: 'Pass as cursor for the next (older) page; null on the last page',
  }),
};
