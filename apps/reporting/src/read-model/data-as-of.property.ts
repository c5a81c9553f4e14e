/** How fresh an answer's numbers are, as every answer of the read model says it (an @ApiProperty). */
export const DATA_AS_OF = {
  type: String,
  format: 'date-time',
  nullable: true,
  description:
    'the time of the latest event the read model has projected: the numbers include everything up to it; null before any event',
  example: '2026-11-30T08:15:42.000Z',
};
