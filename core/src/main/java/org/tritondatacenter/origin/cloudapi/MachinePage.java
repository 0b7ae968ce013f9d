package org.tritondatacenter.origin.cloudapi;

import java.util.List;

/**
 * One page of ListMachines.
 *
 * @param machines the machines on this page, in the server's order
 * @param offset the offset the page was asked for
 * @param limit the page size asked for
 * @param resourceCount the {@code x-resource-count} header, or -1 when absent
 */
public record MachinePage(List<Machine> machines, int offset, int limit, long resourceCount) {

  /** Copies the list. */
  public MachinePage {
    machines = Copies.list(machines);
  }

  /**
   * Returns true when another page may follow. CloudAPI reports the size of this page in {@code
   * x-resource-count}; a page shorter than the limit is the last one.
   */
  public boolean hasMore() {
    long count = resourceCount >= 0 ? Math.min(resourceCount, machines.size()) : machines.size();
    return !machines.isEmpty() && count >= limit;
  }

  /** Returns the offset of the next page. */
  public int nextOffset() {
    return offset + machines.size();
  }
}
