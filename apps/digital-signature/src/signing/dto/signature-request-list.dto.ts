import { ApiProperty } from '@nestjs/swagger';

class SignatureRequestDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  dossierId!: string;

  @ApiProperty()
  dossierCode!: string;

  @ApiProperty({ format: 'uuid' })
  resultDocumentId!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class SignatureRequestListDto {
  @ApiProperty({ type: [SignatureRequestDto] })
  items!: SignatureRequestDto[];
}
