package io.jenkins.plugins.tritonorigin;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Serializable;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tritondatacenter.origin.OperationInterruptedException;
import org.tritondatacenter.origin.TritonException;

/**
 * How an operation on an agent ended, in plain values. Exceptions do not cross the channel: their
 * causes may be library classes that Remoting's class filter refuses, so only messages travel.
 */
final class AgentOutcome implements Serializable {
  private static final long serialVersionUID = 1L;

  private enum Kind {
    SUCCEEDED,
    FAILED,
    INTERRUPTED,
    BROKE
  }

  private final Kind kind;
  private final LinkedHashMap<String, Object> result;
  private final String message;

  private AgentOutcome(Kind kind, LinkedHashMap<String, Object> result, String message) {
    this.kind = kind;
    this.result = result;
    this.message = message;
  }

  static AgentOutcome succeeded(Map<String, Object> result) {
    return new AgentOutcome(Kind.SUCCEEDED, PlainValues.copyMap(result), null);
  }

  /** An expected failure, with core's message. */
  static AgentOutcome failed(TritonException e) {
    return new AgentOutcome(Kind.FAILED, null, e.getMessage());
  }

  /** The operation was interrupted and has cleaned up. */
  static AgentOutcome interrupted(OperationInterruptedException e) {
    return new AgentOutcome(Kind.INTERRUPTED, null, e.getMessage());
  }

  /** An unexpected failure; the stack trace travels as text. */
  static AgentOutcome broke(RuntimeException e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    return new AgentOutcome(Kind.BROKE, null, trace.toString());
  }

  /**
   * Returns the result, or rethrows on the controller what happened on the agent.
   *
   * @throws TritonException for an expected failure or an interruption, with core's message
   * @throws IOException for an unexpected failure, with the agent's stack trace
   */
  Map<String, Object> result() throws IOException {
    return switch (kind) {
      case SUCCEEDED -> result;
      case FAILED -> throw new TritonException(message);
      case INTERRUPTED -> throw new OperationInterruptedException(message);
      case BROKE -> throw new IOException("the operation failed on the agent:\n" + message);
    };
  }
}
