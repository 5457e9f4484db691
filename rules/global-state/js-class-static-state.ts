import { Injectable } from '@nestjs/common';

@Injectable()
export class DomainMap {
  static domains: Record<string, number> = {};
  static readonly ROOT = 'root';
  private readonly seen: string[] = [];

  static async refresh(rows: Array<{ domain: string; id: number }>) {
    for (const row of rows) {
      DomainMap.domains[row.domain] = row.id;
    //^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ global-state/js-class-static-state
    }
  }

  lookup(domain: string) {
    // ok: a read of the static map and an instance field write
    this.seen.push(domain);
    return DomainMap.domains[domain] ?? DomainMap.ROOT;
  }
}
