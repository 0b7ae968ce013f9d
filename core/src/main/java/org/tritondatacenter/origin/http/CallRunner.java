package org.tritondatacenter.origin.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Response;
import org.tritondatacenter.origin.OperationInterruptedException;

/**
 * Runs one OkHttp call so that interrupting the calling thread cancels it.
 *
 * <p>OkHttp ignores thread interrupts: a thread blocked in {@code execute()} stays blocked until
 * the read timeout, which is an hour for ExportImage. So the call runs on OkHttp's dispatcher and
 * the caller waits on a future, interruptibly, and cancels the call when interrupted.
 */
final class CallRunner {
  private CallRunner() {}

  static Response execute(Call call, String what) throws IOException {
    if (Thread.currentThread().isInterrupted()) {
      throw interrupted(what, null);
    }
    CompletableFuture<Response> future = new CompletableFuture<>();
    call.enqueue(
        new Callback() {
          @Override
          public void onFailure(Call c, IOException e) {
            future.completeExceptionally(e);
          }

          @Override
          public void onResponse(Call c, Response response) {
            if (!future.complete(response)) {
              response.close();
            }
          }
        });
    try {
      return future.get();
    } catch (InterruptedException e) {
      call.cancel();
      // A future already done holds either a late answer, whose connection must be released, or
      // the cancelled call's own failure, which getNow would throw; only the first needs closing.
      if (!future.cancel(false) && !future.isCompletedExceptionally()) {
        Response late = future.getNow(null);
        if (late != null) {
          late.close();
        }
      }
      throw interrupted(what, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IOException(cause);
    }
  }

  /** Re-asserts the interrupt flag and returns the exception to throw. */
  static OperationInterruptedException interrupted(String what, Throwable cause) {
    Thread.currentThread().interrupt();
    String message = what + " was interrupted; the call was cancelled";
    return cause == null
        ? new OperationInterruptedException(message)
        : new OperationInterruptedException(message, cause);
  }

  /** Wraps a response body so that a read on an interrupted thread cancels the call. */
  static InputStream interruptible(InputStream in, Call call, String what) {
    return new java.io.FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        check();
        try {
          return super.read();
        } catch (java.io.InterruptedIOException e) {
          throw translate(e);
        }
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        check();
        try {
          return super.read(buffer, offset, length);
        } catch (java.io.InterruptedIOException e) {
          throw translate(e);
        }
      }

      /**
       * Okio notices an interrupt inside a blocking read, clears the flag and throws a plain
       * InterruptedIOException; a read timeout is the subclass SocketTimeoutException and stays.
       */
      private IOException translate(java.io.InterruptedIOException e) {
        if (e instanceof java.net.SocketTimeoutException) {
          return e;
        }
        call.cancel();
        throw interrupted(what, e);
      }

      private void check() {
        if (Thread.currentThread().isInterrupted()) {
          call.cancel();
          throw interrupted(what, null);
        }
      }
    };
  }
}
