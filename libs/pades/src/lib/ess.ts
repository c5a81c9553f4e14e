import {
  AsnArray,
  AsnIntegerArrayBufferConverter,
  AsnProp,
  AsnPropTypes,
  AsnType,
  AsnTypeTypes,
  OctetString,
} from '@peculiar/asn1-schema';
import { AlgorithmIdentifier, GeneralNames } from '@peculiar/asn1-x509';

// RFC 5035 (ESS update): the signing-certificate-v2 attribute that binds a signature to its
// certificate, required by PAdES baseline signatures and by RFC 3161 time-stamp tokens.

export class IssuerSerial {
  @AsnProp({ type: GeneralNames })
  issuer = new GeneralNames();

  @AsnProp({ type: AsnPropTypes.Integer, converter: AsnIntegerArrayBufferConverter })
  serialNumber = new ArrayBuffer(0);

  constructor(params: Partial<IssuerSerial> = {}) {
    Object.assign(this, params);
  }
}

export class EssCertIdV2 {
  /** Absent means SHA-256, the DEFAULT, which DER leaves out. */
  @AsnProp({ type: AlgorithmIdentifier, optional: true })
  hashAlgorithm?: AlgorithmIdentifier;

  @AsnProp({ type: OctetString })
  certHash = new OctetString();

  @AsnProp({ type: IssuerSerial, optional: true })
  issuerSerial?: IssuerSerial;

  constructor(params: Partial<EssCertIdV2> = {}) {
    Object.assign(this, params);
  }
}

@AsnType({ type: AsnTypeTypes.Sequence, itemType: EssCertIdV2 })
export class EssCertIdV2List extends AsnArray<EssCertIdV2> {
  constructor(items?: EssCertIdV2[]) {
    super(items);
    Object.setPrototypeOf(this, EssCertIdV2List.prototype);
  }
}

export class SigningCertificateV2 {
  @AsnProp({ type: EssCertIdV2List })
  certs = new EssCertIdV2List();

  constructor(params: Partial<SigningCertificateV2> = {}) {
    Object.assign(this, params);
  }
}
