import { Injectable } from '@nestjs/common';
import { TaskStatus } from '@onestop/contracts';
import { ProblemException } from '@onestop/platform';
import { DataSource, EntityManager } from 'typeorm';
import { TasksQueryDto } from './dto/task-queries.dto';
import { TaskJurisdiction, TaskViewer } from './task-jurisdiction';
import { COMMUNE_TASK_COLUMNS, COMMUNE_TASK_FROM, CommuneTaskRecord, communeProgressView, TASK_COLUMNS, TaskRecord, taskView } from './task.record';

/** The one commune a commune's officer is limited to; null for the province. */
function communeOf(viewer: TaskViewer): string | null {
  return viewer.level === 'commune' ? viewer.communeCode : null;
}

interface CommuneFilter {
  commune: string | null;
  status: TaskStatus | null;
}

/**
 * Reads tasks within the caller's jurisdiction. A task outside it answers 404, exactly as one that
 * does not exist, and a commune's officers see only their own commune's progress.
 */
@Injectable()
export class TaskQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jurisdiction: TaskJurisdiction,
  ) {}

  async visibleTask(manager: EntityManager, id: string, viewer: TaskViewer): Promise<TaskRecord> {
    const rows: TaskRecord[] = await manager.query(
      `SELECT ${TASK_COLUMNS} FROM tasks t
        WHERE t.id = $1 AND t.province_code = $2
          AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM task_communes tc WHERE tc.task_id = t.id AND tc.commune_code = $3))`,
      [id, viewer.provinceCode, communeOf(viewer)],
    );
    if (!rows[0]) throw new ProblemException(404, 'No such task', { detail: `no task ${id} that you may see` });
    return rows[0];
  }

  async get(id: string, viewer: TaskViewer) {
    const task = await this.visibleTask(this.dataSource.manager, id, viewer);
    const rows = await this.communeRows([id], { commune: communeOf(viewer), status: null });
    return taskView(task, await this.communeViews(task, rows));
  }

  /** One commune's progress on a task the caller already may see. */
  async communeProgress(task: TaskRecord, communeCode: string) {
    const [row] = await this.communeRows([task.id], { commune: communeCode, status: null });
    const [view] = await this.communeViews(task, [row]);
    return { taskId: task.id, ...view };
  }

  /** Newest first, by cursor; `status` and `commune` pick the tasks and the progress rows shown with them. */
  async list(viewer: TaskViewer, query: TasksQueryDto) {
    const own = communeOf(viewer);
    if (own !== null && query.commune !== undefined && query.commune !== own) return { items: [], nextCursor: null };
    const filter: CommuneFilter = { commune: own ?? query.commune ?? null, status: query.status ?? null };
    const limit = query.limit ?? 50;
    const tasks: TaskRecord[] = await this.dataSource.query(
      `SELECT ${TASK_COLUMNS} FROM tasks t
        WHERE t.province_code = $1 AND ($2::uuid IS NULL OR t.id < $2)
          AND EXISTS (SELECT 1 FROM task_communes tc
                       WHERE tc.task_id = t.id AND ($3::text IS NULL OR tc.commune_code = $3) AND ($4::text IS NULL OR tc.status = $4))
        ORDER BY t.id DESC LIMIT $5`,
      [viewer.provinceCode, query.cursor ?? null, filter.commune, filter.status, limit + 1],
    );
    const page = tasks.slice(0, limit);
    const rows = await this.communeRows(page.map((task) => task.id), filter);
    const items = await Promise.all(page.map(async (task) => taskView(task, await this.communeViews(task, rows.filter((row) => row.taskId === task.id)))));
    return { items, nextCursor: tasks.length > limit ? page[page.length - 1].id : null };
  }

  private async communeRows(taskIds: string[], filter: CommuneFilter): Promise<CommuneTaskRecord[]> {
    if (taskIds.length === 0) return [];
    return this.dataSource.query(
      `SELECT ${COMMUNE_TASK_COLUMNS} FROM ${COMMUNE_TASK_FROM}
        WHERE tc.task_id = ANY($1::uuid[]) AND ($2::text IS NULL OR tc.commune_code = $2) AND ($3::text IS NULL OR tc.status = $3)
        ORDER BY tc.task_id, tc.commune_code`,
      [taskIds, filter.commune, filter.status],
    );
  }

  private async communeViews(task: TaskRecord, rows: CommuneTaskRecord[]) {
    return Promise.all(rows.map(async (row) => communeProgressView(task, row, await this.jurisdiction.communeName(row.communeCode))));
  }
}
