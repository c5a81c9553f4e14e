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

/** The digest a device or remote service signs, named as in the CSC API's signatures/signHash. */
export class PreparationDto {
  @ApiProperty({ format: 'uuid', description: 'the preparation to complete' })
  id!: string;

  @ApiProperty({ format: 'uuid', description: 'the certificate' })
  credentialID!: string;

  @ApiProperty({ type: [String], description: 'base64 digests, one' })
  hashes!: string[];

  @ApiProperty({ example: '2.16.840.1.101.3.4.2.1' })
  hashAlgo!: string;

  @ApiProperty({ example: '1.2.840.113549.1.1.11' })
  signAlgo!: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;
}

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
