import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** The serial numbers of the service's own TSA. */
@Injectable()
export class TimeStampStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Unique across the service's replicas (RFC 3161 §2.4.2); every B-T signature takes one. */
  async nextSerial(): Promise<bigint> {
    const [{ serial }]: { serial: string }[] = await this.dataSource.query(
      `SELECT nextval('tsa_serial_numbers')::text AS serial`,
    );
    return BigInt(serial);
  }
}
