package org.tritondatacenter.origin.testkit.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Collects the messages of the exceptions made in this JVM while a test runs, whether the code or
 * the test caught them or not, through JDK Flight Recorder's {@code jdk.JavaExceptionThrow} event
 * (the message given to the constructor; a {@code getMessage()} computed later is not seen).
 *
 * <p>Exceptions of the local Triton itself (classes of {@code org.tritondatacenter.origin.testkit})
 * are left out: they are the simulated services' answers, which quote what clients sent them as the
 * real services do (IMGAPI names the pre-signed URL it failed to download). What a client makes of
 * such an answer is its own exception, and is checked.
 *
 * <p>Captures nest: a test that runs a test engine itself starts a capture inside its own. Each
 * exception is checked by the innermost capture that saw it, so the outer one leaves out what an
 * inner one handed up.
 */
final class ThrownMessages {
  private static final String EVENT = "jdk.JavaExceptionThrow";
  private static final String SIMULATOR = "org.tritondatacenter.origin.testkit.";
  private static final Deque<ThrownMessages> RUNNING = new ConcurrentLinkedDeque<>();

  private final Recording recording;
  private final Set<String> checkedInside = ConcurrentHashMap.newKeySet();

  /** Exceptions of {@code className} whose message starts with {@code messagePrefix}. */
  record Exemption(String className, String messagePrefix) {
    boolean covers(String name, String message) {
      return className.equals(name) && message.startsWith(messagePrefix);
    }
  }

  private ThrownMessages(Recording recording) {
    this.recording = recording;
  }

  /** Starts a capture; where the JVM has no Flight Recorder, the capture sees nothing. */
  static ThrownMessages start() {
    Recording recording = null;
    if (FlightRecorder.isAvailable()) {
      recording = new Recording();
      recording.setName("triton-origin secret guard");
      recording.enable(EVENT).withoutStackTrace();
      recording.setToDisk(true);
      recording.start();
    }
    ThrownMessages capture = new ThrownMessages(recording);
    RUNNING.addFirst(capture);
    return capture;
  }

  /** Stops the capture and returns one text per distinct exception class and message. */
  List<OutputCapture.Captured> stop(List<Exemption> exemptions) {
    RUNNING.remove(this);
    if (recording == null) {
      return List.of();
    }
    Set<String> seen = new LinkedHashSet<>();
    List<OutputCapture.Captured> texts = new ArrayList<>();
    Path file = null;
    try {
      recording.stop();
      file = Files.createTempFile("secret-guard", ".jfr");
      recording.dump(file);
      for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
        String message = event.getString("message");
        RecordedClass type = event.getClass("thrownClass");
        String name = type == null ? "Throwable" : type.getName();
        String key = name + ": " + message;
        if (message == null
            || name.startsWith(SIMULATOR)
            || exemptions.stream().anyMatch(x -> x.covers(name, message))) {
          continue;
        }
        if (!checkedInside.contains(key) && seen.add(key)) {
          texts.add(
              new OutputCapture.Captured(
                  "the message of a " + name + " made during the test", message));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the exceptions the test made back from JFR", e);
    } finally {
      recording.close();
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          // A temporary file left behind; the recording itself is closed.
        }
      }
    }
    ThrownMessages outer = RUNNING.peekFirst();
    if (outer != null) {
      outer.checkedInside.addAll(seen);
      outer.checkedInside.addAll(checkedInside);
    }
    return texts;
  }
}
