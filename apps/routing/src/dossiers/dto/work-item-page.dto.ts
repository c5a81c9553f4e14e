import { ApiProperty } from '@nestjs/swagger';
import { WorkItemDto } from './work-item.dto';

/** One page of a work queue. */
export class WorkItemPageDto {
  @ApiProperty({ type: [WorkItemDto] })
  items!: WorkItemDto[];

  @ApiProperty({ type: String, nullable: true, description: 'the cursor of the next page; null on the last' })
  nextCursor!: string | null;
}
