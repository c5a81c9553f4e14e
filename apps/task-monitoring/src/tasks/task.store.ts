import { Injectable } from '@nestjs/common';
import { TaskStatus } from '@onestop/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { TaskEntity } from './task.entity';

/** Which communes' rows a read picks: one commune, one status, both or neither. */
export interface CommuneFilter {
  commune: string | null;
  status: TaskStatus | null;
}

/** The tasks the province gives its communes. */
@Injectable()
export class TaskStore {
  constructor(private readonly dataSource: DataSource) {}

  async insert(tx: EntityManager, task: TaskEntity): Promise<void> {
    await tx.getRepository(TaskEntity).insert(task);
  }

  /** A task of the province, given to `commune` when one is named; null otherwise. Read in `manager`'s transaction when given. */
  find(
    id: string,
    provinceCode: string,
    commune: string | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<TaskEntity | null> {
    const query = manager
      .getRepository(TaskEntity)
      .createQueryBuilder('t')
      .where('t.id = :id AND t.provinceCode = :provinceCode', { id, provinceCode });
    if (commune !== null)
      query.andWhere('EXISTS (SELECT 1 FROM task_communes tc WHERE tc.task_id = t.id AND tc.commune_code = :commune)', {
        commune,
      });
    return query.getOne();
  }

  /** Up to `limit` tasks of the province, newest first, older than the cursor, each with a commune the filter picks. */
  page(provinceCode: string, filter: CommuneFilter, before: string | null, limit: number): Promise<TaskEntity[]> {
    const query = this.dataSource
      .getRepository(TaskEntity)
      .createQueryBuilder('t')
      .where('t.provinceCode = :provinceCode', { provinceCode });
    if (before !== null) query.andWhere('t.id < :before', { before });
    query.andWhere(
      `EXISTS (SELECT 1 FROM task_communes tc
                WHERE tc.task_id = t.id AND (:commune::text IS NULL OR tc.commune_code = :commune) AND (:status::text IS NULL OR tc.status = :status))`,
      filter,
    );
    return query.orderBy('t.id', 'DESC').limit(limit).getMany();
  }
}
