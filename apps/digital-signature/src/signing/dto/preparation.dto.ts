import { ApiProperty } from '@nestjs/swagger';

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
