import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { toIso } from '../../clock.js';
import { AppError } from '../../errors.js';
import { adminSecurity } from '../../http/admin-auth.js';
import { presentArticle } from './knowledge.routes.js';
import { Article, ArticleVersionSchema, IdParams, ImportReportSchema } from './knowledge.schemas.js';
import type { KnowledgeService } from './knowledge.service.js';
import type { KnowledgeImportService } from './knowledge-import.service.js';

const tags = ['knowledge base'];

/** Editorial work on the knowledge base: importing handbooks, versions, review and publishing drafts. */
export const knowledgeAdminRoutes: FastifyPluginAsyncTypebox<{
  knowledge: KnowledgeService;
  importer: KnowledgeImportService;
  maxImportBytes: number;
}> = async (app, { knowledge, importer, maxImportBytes }) => {
  // Registered here only, so no other route accepts multipart bodies.
  await app.register(multipart, { limits: { fileSize: maxImportBytes, files: 1, fields: 5, parts: 6 } });

  app.post(
    '/api/v1/kb/import',
    {
      config: { access: 'kb:write' },
      schema: {
        tags,
        summary: 'Import a handbook (Markdown, HTML, DOCX, PDF) or an article JSON file',
        description:
          'multipart/form-data with the file in the field `file`. The document is split at its headings into ' +
          'articles, each new one filed under the category the categorizer suggests; an article whose title ' +
          'exists is updated only when its text changed (a new version). One import is one transaction. ' +
          '`dry_run=true` returns the same report without writing anything. Articles an earlier import of a ' +
          'file with the same name created, whose section the new file no longer has, are listed in `removed` ' +
          'and kept (with a warning) unless `unpublish_removed=true`, which turns them into drafts.',
        security: adminSecurity,
        querystring: Type.Object({
          dry_run: Type.Boolean({ default: false }),
          unpublish_removed: Type.Boolean({ default: false }),
        }),
        consumes: ['multipart/form-data'],
        response: { 200: ImportReportSchema },
      },
    },
    async (request) => {
      if (!request.isMultipart())
        throw new AppError(
          'UNSUPPORTED_MEDIA_TYPE',
          'Send the file as multipart/form-data in the field "file"',
        );
      let upload: Awaited<ReturnType<typeof request.file>>;
      let content: Buffer;
      try {
        upload = await request.file();
        if (!upload)
          throw new AppError('VALIDATION_ERROR', 'No file in the request: send it in the field "file"');
        if (upload.fieldname !== 'file')
          throw new AppError(
            'VALIDATION_ERROR',
            `Send the file in the field "file", not "${upload.fieldname}"`,
          );
        content = await upload.toBuffer();
      } catch (error) {
        if (error instanceof AppError) throw error;
        const code = (error as { code?: string }).code;
        if (code === 'FST_REQ_FILE_TOO_LARGE')
          throw new AppError(
            'PAYLOAD_TOO_LARGE',
            `The file is larger than KB_IMPORT_MAX_BYTES (${maxImportBytes} bytes)`,
          );
        throw new AppError('BAD_REQUEST', 'The multipart body could not be read');
      }
      return importer.importFile(upload.filename || 'upload', content, {
        dryRun: request.query.dry_run,
        unpublishRemoved: request.query.unpublish_removed,
      });
    },
  );

  app.get(
    '/api/v1/kb/:id/versions',
    {
      config: { access: 'kb:write' },
      schema: {
        tags,
        summary:
          "An article's versions, newest first: the exact wording at each, who changed it, from which file",
        security: adminSecurity,
        params: IdParams,
        response: { 200: Type.Object({ versions: Type.Array(ArticleVersionSchema) }) },
      },
    },
    async (request) => ({
      versions: (await knowledge.versions(request.params.id)).map(({ article_id: _, ...v }) => ({
        ...v,
        created_at: toIso(v.created_at),
      })),
    }),
  );

  app.post(
    '/api/v1/kb/:id/publish',
    {
      config: { access: 'kb:write' },
      schema: {
        tags,
        summary: 'Publish a draft: it is answered from at once',
        security: adminSecurity,
        params: IdParams,
        response: { 200: Article },
      },
    },
    async (request) => presentArticle(await knowledge.publish(request.params.id)),
  );

  app.post(
    '/api/v1/kb/:id/review',
    {
      config: { access: 'kb:write' },
      schema: {
        tags,
        summary: 'Mark an article reviewed (still correct), optionally naming its owner',
        security: adminSecurity,
        params: IdParams,
        body: Type.Optional(
          Type.Object(
            {
              owner: Type.Optional(
                Type.Union([Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }), Type.Null()]),
              ),
            },
            { additionalProperties: false },
          ),
        ),
        response: { 200: Article },
      },
    },
    async (request) => presentArticle(await knowledge.review(request.params.id, request.body?.owner)),
  );
};
