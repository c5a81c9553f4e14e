import { Injectable } from '@nestjs/common';
import { Principal } from '@onestop/platform';
import { CitizenIdCipher } from '../applicants/citizen-id.cipher';
import { ownFilingsAccount, searchReach, worklistReach } from './dossier-access';
import { DossierListStore } from './dossier-list.store';
import { decodeFilingCursor, encodeFilingCursor } from './dossiers-cursor';
import { officerView } from './dossier-views';
import { DossiersQueryDto } from './dto/dossiers-query.dto';

const DEFAULT_PAGE = 50;

/**
 * Dossiers a page at a time, ordered by filing time then id: an officer's own list oldest first
 * (the online filings that have waited longest come first); a citizen's dossiers found by ID
 * number, and a signed-in citizen's own filings, newest first.
 */
@Injectable()
export class DossierListService {
  constructor(
    private readonly store: DossierListStore,
    private readonly cipher: CitizenIdCipher,
  ) {}

  async list(principal: Principal, query: DossiersQueryDto) {
    const after = decodeFilingCursor(query.cursor);
    const limit = query.limit ?? DEFAULT_PAGE;
    const citizenId = query.citizenId;
    const account = citizenId === undefined ? ownFilingsAccount(principal) : null;
    const reach = account !== null ? null : citizenId === undefined ? worklistReach(principal) : searchReach(principal);
    if (account === null && !reach) return { items: [], nextCursor: null };

    // One more than the page: whether there is a next page, without counting.
    const rows = await this.store.page({
      within: reach ? { reach } : { accountSubject: account! },
      citizenIdIndexes: citizenId !== undefined ? this.cipher.blindIndexCandidates(citizenId) : undefined,
      status: query.status,
      after,
      newestFirst: citizenId !== undefined || account !== null,
      limit: limit + 1,
    });

    const page = rows.slice(0, limit);
    const items = page.map((dossier) =>
      officerView(dossier, citizenId ?? this.cipher.decrypt(dossier.citizenIdCiphertext)),
    );
    const last = page.at(-1);
    return {
      items,
      nextCursor:
        rows.length > limit && last ? encodeFilingCursor({ filedAt: last.filedAt.toISOString(), id: last.id }) : null,
    };
  }
}
