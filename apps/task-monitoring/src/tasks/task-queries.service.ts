import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TaskMonitoringProblems } from '../problems';
import { TasksQueryDto } from './dto/task-queries.dto';
import { CommuneStandingRow, TaskCommuneStore } from './task-commune.store';
import { TaskJurisdiction, TaskViewer } from './task-jurisdiction';
import { communeProgressView, taskView } from './task-view';
import { TaskEntity } from './task.entity';
import { CommuneFilter, TaskStore } from './task.store';

/** The one commune a commune's officer is limited to; null for the province. */
function communeOf(viewer: TaskViewer): string | null {
  return viewer.level === 'commune' ? viewer.communeCode : null;
}

/**
 * Reads tasks within the caller's jurisdiction. A task outside it answers 404, exactly as one that
 * does not exist, and a commune's officers see only their own commune's progress.
 */
@Injectable()
export class TaskQueries {
  constructor(
    private readonly tasks: TaskStore,
    private readonly standings: TaskCommuneStore,
    private readonly jurisdiction: TaskJurisdiction,
  ) {}

  /** The task if the viewer may see it, read in `tx` when given; else the 404 of a task that does not exist. */
  async visibleTask(id: string, viewer: TaskViewer, tx?: EntityManager): Promise<TaskEntity> {
    const task = await this.tasks.find(id, viewer.provinceCode, communeOf(viewer), tx);
    if (!task) throw TaskMonitoringProblems.noSuchTask(id);
    return task;
  }

  async get(id: string, viewer: TaskViewer) {
    const task = await this.visibleTask(id, viewer);
    const rows = await this.standings.standings([id], { commune: communeOf(viewer), status: null });
    return taskView(task, await this.communeViews(task, rows));
  }

  /** One commune's progress on a task the caller already may see. */
  async communeProgress(task: TaskEntity, communeCode: string) {
    const [row] = await this.standings.standings([task.id], { commune: communeCode, status: null });
    const [view] = await this.communeViews(task, [row]);
    return { taskId: task.id, ...view };
  }

  /** Newest first, by cursor; `status` and `commune` pick the tasks and the progress rows shown with them. */
  async list(viewer: TaskViewer, query: TasksQueryDto) {
    const own = communeOf(viewer);
    if (own !== null && query.commune !== undefined && query.commune !== own) return { items: [], nextCursor: null };
    const filter: CommuneFilter = { commune: own ?? query.commune ?? null, status: query.status ?? null };
    const limit = query.limit ?? 50;
    const tasks = await this.tasks.page(viewer.provinceCode, filter, query.cursor ?? null, limit + 1);
    const page = tasks.slice(0, limit);
    const rows = await this.standings.standings(
      page.map((task) => task.id),
      filter,
    );
    const items = await Promise.all(
      page.map(async (task) =>
        taskView(
          task,
          await this.communeViews(
            task,
            rows.filter((row) => row.taskId === task.id),
          ),
        ),
      ),
    );
    return { items, nextCursor: tasks.length > limit ? page[page.length - 1].id : null };
  }

  private async communeViews(task: TaskEntity, rows: CommuneStandingRow[]) {
    return Promise.all(
      rows.map(async (row) => communeProgressView(task, row, await this.jurisdiction.communeName(row.communeCode))),
    );
  }
}
