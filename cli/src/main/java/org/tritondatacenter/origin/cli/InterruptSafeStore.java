package org.tritondatacenter.origin.cli;

import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.tritondatacenter.origin.state.RunRecordStore;

/**
 * Reads and writes the state file on a thread of its own. Ctrl-C interrupts the operation's thread,
 * and a file channel used from an interrupted thread closes at once ({@code
 * ClosedByInterruptException}): the record of where the operation stopped, written just then, would
 * be lost. The writer thread is never interrupted, and the caller waits for it, so every save
 * completes, atomically as the store makes it.
 */
final class InterruptSafeStore implements RunRecordStore, AutoCloseable {
  private final RunRecordStore delegate;
  private final ExecutorService writer =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "triton-origin-state-writer");
            t.setDaemon(true);
            return t;
          });

  InterruptSafeStore(RunRecordStore delegate) {
    this.delegate = delegate;
  }

  @Override
  public Optional<String> load() {
    return await(writer.submit(delegate::load));
  }

  @Override
  public void save(String json) {
    await(writer.submit(() -> delegate.save(json)));
  }

  /** Waits for the writer without giving up on an interrupt, which is restored afterwards. */
  private static <T> T await(Future<T> future) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return future.get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException runtime) {
            throw runtime;
          }
          throw new IllegalStateException(e.getCause());
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void close() {
    writer.shutdown();
  }
}
