import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createDb, type Db } from '../../src/db/create-db.js';
import { GroupCommitter } from '../../src/db/group-commit.js';
import { migrateToLatest } from '../../src/db/migrator.js';
import {
  createTestDatabase,
  describeEachDatabase,
  type TestDatabase,
  tempDir,
} from '../helpers/databases.js';

describeEachDatabase('group commit', (kind) => {
  let database: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = createDb(loadConfig({ DATABASE_URL: database.url, DATA_DIR: tempDir() }).database, 4);
    await migrateToLatest(db);
  });
  afterAll(async () => {
    await db.destroy();
    await database.cleanup();
  });

  const addUser = (id: string) => async (trx: Parameters<Parameters<GroupCommitter['run']>[0]>[0]) => {
    await trx.insertInto('users').values({ id, is_vip: 0, created_at: 1, updated_at: 1 }).execute();
  };
  const userIds = async (prefix: string) =>
    (
      await db.kysely
        .selectFrom('users')
        .select('id')
        .where('id', 'like', `${prefix}%`)
        .orderBy('id')
        .execute()
    ).map((row) => row.id);

  it('commits concurrent bodies together and answers each caller once its body is committed', async () => {
    const committer = new GroupCommitter(db.kysely, db.dialect);
    const transactions = new Set<unknown>();
    const ids = Array.from({ length: 20 }, (_, i) => `batch-${String(i).padStart(2, '0')}`);
    await Promise.all(
      ids.map((id) =>
        committer.run(async (trx) => {
          transactions.add(trx);
          await addUser(id)(trx);
        }),
      ),
    );
    expect(await userIds('batch-')).toEqual(ids);
    // Handed over in the same turn of the event loop, all twenty share one transaction.
    expect(transactions.size).toBe(1);
  });

  it('a body handed over while a commit is in flight goes into a later transaction', async () => {
    const committer = new GroupCommitter(db.kysely, db.dialect);
    const transactions: unknown[] = [];
    let late: Promise<void> | undefined;
    await committer.run(async (trx) => {
      transactions.push(trx);
      await addUser('late-0')(trx);
      late = committer.run(async (next) => {
        transactions.push(next);
        await addUser('late-1')(next);
      });
    });
    await late;
    expect(await userIds('late-')).toEqual(['late-0', 'late-1']);
    expect(transactions).toHaveLength(2);
    expect(transactions[0]).not.toBe(transactions[1]);
  });

  it('a lone body is committed without waiting for company', async () => {
    const committer = new GroupCommitter(db.kysely, db.dialect);
    const started = performance.now();
    await committer.run(addUser('alone'));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(await userIds('alone')).toEqual(['alone']);
  });

  it('a failing body fails only its own caller and leaves none of its writes; the others commit', async () => {
    const committer = new GroupCommitter(db.kysely, db.dialect);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        committer.run(async (trx) => {
          await addUser(`mixed-${i}`)(trx);
          if (i === 5) throw new Error('this body fails after writing');
        }),
      ),
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    expect(await userIds('mixed-')).toEqual([
      'mixed-0',
      'mixed-1',
      'mixed-2',
      'mixed-3',
      'mixed-4',
      'mixed-6',
      'mixed-7',
    ]);
    // A constraint violation inside a shared transaction is isolated the same way.
    const duplicate = await Promise.allSettled([
      committer.run(addUser('dup-a')),
      committer.run(addUser('dup-b')),
      committer.run(addUser('mixed-0')),
      committer.run(addUser('dup-c')),
    ]);
    expect(duplicate.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect(await userIds('dup-')).toEqual(['dup-a', 'dup-b', 'dup-c']);
  });
});
