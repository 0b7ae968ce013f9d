package org.tritondatacenter.origin.channel;

import java.util.List;
import java.util.Map;

/**
 * The {@code channelAdd} section of the run record: the request, the changes made so far and, once
 * finished, the step's result map. A re-run with the same request returns that result.
 *
 * @param request what was asked
 * @param changes each change made or found made, as result-map entries
 * @param result the finished step's result map, or null while running
 */
record ChannelAddRecord(
    ChannelAddRequest request, List<Map<String, Object>> changes, Map<String, Object> result) {
  ChannelAddRecord {
    changes = changes == null ? List.of() : List.copyOf(changes);
  }
}
