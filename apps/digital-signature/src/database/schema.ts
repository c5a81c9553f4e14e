import { CreateMessagingTables1763800000000 } from '@onestop/messaging';
import { DatabaseSchema } from '@onestop/platform';
import { CreateAdministrativeUnits1763900000000 } from '@onestop/reference-data';
import { CertificateEntity } from '../certificates/certificate.entity';
import { DocumentEntity } from '../signing/document.entity';
import { PreparationEntity } from '../signing/preparation.entity';
import { SignatureRequestEntity } from '../signing/signature-request.entity';
import { SignatureEntity } from '../signing/signature.entity';
import { CreateSignatureTables1764000000000 } from './migrations/1764000000000-CreateSignatureTables';
import { IndexSignatureLookups1764500000000 } from './migrations/1764500000000-IndexSignatureLookups';
import { DocumentReaders1764600000000 } from './migrations/1764600000000-DocumentReaders';
import { PrivateKeySecretId1766100000000 } from './migrations/1766100000000-PrivateKeySecretId';

/** The digital-signature database: its entities and, in order, the migrations that build it. */
export const digitalSignatureSchema: DatabaseSchema = {
  entities: [CertificateEntity, DocumentEntity, SignatureEntity, SignatureRequestEntity, PreparationEntity],
  migrations: [
    CreateMessagingTables1763800000000,
    CreateAdministrativeUnits1763900000000,
    CreateSignatureTables1764000000000,
    IndexSignatureLookups1764500000000,
    DocumentReaders1764600000000,
    PrivateKeySecretId1766100000000,
  ],
};
