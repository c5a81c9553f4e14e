import { IsOmittable } from '@onestop/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

export class ImportCertificateDto {
  @ApiProperty({ example: 'leader-kim-long', description: "the official's subject in the identity provider" })
  @IsString()
  @Length(1, 100)
  userId!: string;

  @ApiProperty({ example: '19774' })
  @Matches(/^[0-9A-Z][0-9A-Z.]{1,19}$/, { message: 'must be an administrative unit code' })
  unitCode!: string;

  @ApiProperty({ description: 'PEM: the certificate first, then its issuing CAs' })
  @IsString()
  @Length(100, 100_000)
  chainPem!: string;

  @ApiPropertyOptional({
    description: 'PEM PKCS#8 private key when the service holds the key; absent for a device or remote key',
  })
  @IsOmittable()
  @IsString()
  @Length(100, 20_000)
  privateKeyPem?: string;
}
