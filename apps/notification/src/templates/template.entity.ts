import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One version of a template. The table has no primary key since templates became province-scoped:
 * two partial unique indexes number the national series and each province's; TypeORM is told the
 * national one's columns, which it needs only to tell rows apart.
 */
@Entity({ name: 'templates' })
export class TemplateEntity {
  /** The province whose version it is; null for the national default. */
  @Column('text', { name: 'province_code', nullable: true })
  provinceCode: string | null;

  @PrimaryColumn('text')
  kind: string;

  @PrimaryColumn('text')
  channel: string;

  @PrimaryColumn('text')
  locale: string;

  @PrimaryColumn('integer')
  version: number;

  @Column('text', { nullable: true })
  subject: string | null;

  @Column('text')
  body: string;

  @Column('text', { name: 'created_by' })
  createdBy: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;
}
