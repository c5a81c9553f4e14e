import { ApiProperty } from '@nestjs/swagger';

class SignerDto {
  @ApiProperty()
  userId!: string;

  @ApiProperty()
  commonName!: string;

  @ApiProperty()
  serialNumber!: string;
}

/** A signature made: the signed revision is kept here as a new document. */
export class SignatureResultDto {
  @ApiProperty({ format: 'uuid' })
  signatureId!: string;

  @ApiProperty({ format: 'uuid', description: 'the signed PDF, at GET /api/v1/documents/{id}' })
  documentId!: string;

  @ApiProperty()
  sha256!: string;

  @ApiProperty({ enum: ['B-B', 'B-T'] })
  level!: string;

  @ApiProperty({ type: SignerDto })
  signer!: SignerDto;

  @ApiProperty({ format: 'date-time' })
  claimedSigningTime!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  timeStampTime!: string | null;
}
