package org.tritondatacenter.origin.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tritondatacenter.origin.state.FileRunRecordStore;
import org.tritondatacenter.origin.state.RecordKeeper;
import org.tritondatacenter.origin.state.RunRecordStore;

/**
 * A command's view of the run record file: one section per operation ({@code build}, {@code
 * export}, {@code publish}, {@code channelAdd}), each holding a {@code result} once it finished.
 *
 * <p>Opening it decides what a run continues from. A section without a result is an unfinished
 * operation: it is continued only with {@code --resume} and discarded only with {@code --new}, and
 * otherwise the command stops and says so. Without {@code --resume}, the command's own section and
 * those after it are cleared, so a new build starts a new run while an export keeps the build it
 * exports. The file stays locked until closed, refusing a second process.
 */
final class StateFile implements AutoCloseable {
  /** The sections in run order. */
  static final List<String> SECTIONS = List.of("build", "export", "publish", "channelAdd");

  private static final Map<String, String> COMMANDS =
      Map.of(
          "build", "build", "export", "export", "publish", "publish", "channelAdd", "channel-add");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final FileRunRecordStore store;
  private final InterruptSafeStore safeStore;
  private final RecordKeeper keeper;

  private StateFile(FileRunRecordStore store, RecordKeeper keeper) {
    this.store = store;
    this.safeStore = new InterruptSafeStore(store);
    this.keeper = keeper;
  }

  /**
   * Opens the file for the operation that owns {@code section}.
   *
   * @throws UsageException when an unfinished operation is in the way, saying what to do
   */
  static StateFile open(Path file, String section, boolean resume, boolean fresh) {
    if (resume && fresh) {
      throw new UsageException("give --resume or --new, not both");
    }
    FileRunRecordStore store = FileRunRecordStore.open(file);
    try {
      RecordKeeper keeper = new RecordKeeper(store, file.toString());
      StateFile state = new StateFile(store, keeper);
      state.prepare(file, section, resume, fresh);
      return state;
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  private void prepare(Path file, String section, boolean resume, boolean fresh) {
    List<String> unfinished = unfinished();
    if (!unfinished.isEmpty() && !resume && !fresh) {
      String which = unfinished.get(0);
      throw new UsageException(
          "the state file "
              + file
              + " records an unfinished "
              + COMMANDS.get(which)
              + " (interrupted or failed). Continue it with 'triton-origin "
              + COMMANDS.get(which)
              + " --resume', or give --new to start afresh (then 'triton-origin gc' finds what"
              + " it left behind).");
    }
    if (resume) {
      for (String other : unfinished) {
        if (!other.equals(section)) {
          throw new UsageException(
              "the unfinished operation in "
                  + file
                  + " is a "
                  + COMMANDS.get(other)
                  + "; resume it with 'triton-origin "
                  + COMMANDS.get(other)
                  + " --resume' first");
        }
      }
      return;
    }
    int from = section.equals("build") ? 0 : SECTIONS.indexOf(section);
    for (String name : SECTIONS.subList(from, SECTIONS.size())) {
      if (has(name)) {
        keeper.remove(name);
      }
    }
  }

  /** Returns the store core keeps the record in; its saves survive Ctrl-C. */
  RunRecordStore store() {
    return safeStore;
  }

  /** Returns the file, for messages. */
  Path file() {
    return store.file();
  }

  /** Returns the result of a finished operation, if the record has one. */
  Optional<Map<String, Object>> result(String section) {
    JsonNode result = root().path(section).path("result");
    if (!result.isObject()) {
      return Optional.empty();
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = MAPPER.convertValue(result, Map.class);
    return Optional.of(map);
  }

  /** Returns the sections started but not finished, in run order. */
  List<String> unfinished() {
    JsonNode root = root();
    List<String> names = new ArrayList<>();
    for (String name : SECTIONS) {
      JsonNode node = root.get(name);
      if (node != null && node.isObject() && !node.has("result")) {
        names.add(name);
      }
    }
    return names;
  }

  private boolean has(String name) {
    return root().has(name);
  }

  private JsonNode root() {
    try {
      return MAPPER.readTree(keeper.json());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("core wrote a run record that is not JSON", e);
    }
  }

  @Override
  public void close() {
    safeStore.close();
    store.close();
  }
}
