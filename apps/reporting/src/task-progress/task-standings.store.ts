import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A commune's tasks due in a period, counted by where they stand now. */
export interface CommuneTaskCounts {
  communeCode: string;
  tasks: number;
  done: number;
  atRisk: number;
  overdue: number;
}

/** The task standings of the read model (`task_commune_facts`), as the task progress report reads them. */
@Injectable()
export class TaskStandingsStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Per commune of the scope (one commune, or every one of the province when null), its tasks due between the two local dates, by code point. */
  countsByCommune(
    provinceCode: string,
    communeCode: string | null,
    firstDay: string,
    lastDay: string,
  ): Promise<CommuneTaskCounts[]> {
    return this.dataSource.query(
      `SELECT commune_code AS "communeCode", COUNT(*)::int AS tasks,
              COUNT(*) FILTER (WHERE status = 'done')::int AS done,
              COUNT(*) FILTER (WHERE status = 'at-risk')::int AS "atRisk",
              COUNT(*) FILTER (WHERE status = 'overdue')::int AS overdue
         FROM task_commune_facts
        WHERE province_code = $1 AND ($2::text IS NULL OR commune_code = $2) AND due_date BETWEEN $3::date AND $4::date
        GROUP BY commune_code ORDER BY commune_code COLLATE "C"`,
      [provinceCode, communeCode, firstDay, lastDay],
    );
  }
}
