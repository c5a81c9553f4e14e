import { Injectable } from '@nestjs/common';
import { ExpiringSnapshot } from '@onestop/platform';
import { ProcedureDefinition } from '@onestop/reference-data';
import { ProceduresStore } from './procedures.store';

/** A new procedure version is a migration or an administrator's change: re-read this often. */
const SNAPSHOT_MS = 60_000;

/** The versioned procedure catalogue. New filings use the version in force; old dossiers keep theirs. */
@Injectable()
export class ProceduresService {
  /** Every version, newest first within a code: a few dozen rows read on every filing. */
  private readonly snapshot = new ExpiringSnapshot(() => this.store.allVersions(), SNAPSHOT_MS);

  constructor(private readonly store: ProceduresStore) {}

  /** The version of each procedure in force on `date` (YYYY-MM-DD). */
  async listInForce(date: string): Promise<ProcedureDefinition[]> {
    const inForce = new Map<string, ProcedureDefinition>();
    for (const stored of await this.snapshot.get()) {
      if (stored.effectiveFrom <= date && !inForce.has(stored.code)) inForce.set(stored.code, stored.definition);
    }
    return [...inForce.values()];
  }

  async inForce(code: string, date: string): Promise<ProcedureDefinition | null> {
    const versions = await this.snapshot.get();
    return versions.find((stored) => stored.code === code && stored.effectiveFrom <= date)?.definition ?? null;
  }

  async version(code: string, version: number): Promise<ProcedureDefinition | null> {
    const versions = await this.snapshot.get();
    return versions.find((stored) => stored.code === code && stored.version === version)?.definition ?? null;
  }
}
