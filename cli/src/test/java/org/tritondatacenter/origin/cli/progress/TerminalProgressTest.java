package org.tritondatacenter.origin.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tritondatacenter.origin.events.Event;

/** Bars on a terminal: a transfer's rate and a wait's states, drawn by the progressbar library. */
class TerminalProgressTest {
  @Test
  void transferAndWait_drawBarsWithTheirDetails() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TerminalProgress progress =
        new TerminalProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), 120)) {
      progress.on(new Event.PhaseStarted("export", "triton-origin-x86_64-24.4.1"));
      progress.on(
          new Event.Waiting(
              "image",
              "5e4c3f98-aca4-11ee-9db8-00151714048c",
              Set.of("active"),
              "creating",
              Duration.ofSeconds(42)));
      progress.on(new Event.Transfer("image.zfs.gz", 3L << 20, 8L << 20));
      progress.on(new Event.Transfer("image.zfs.gz", 8L << 20, 8L << 20));
    }
    String drawn = bytes.toString(StandardCharsets.UTF_8);

    assertThat(drawn).contains("export: started triton-origin-x86_64-24.4.1");
    assertThat(drawn).contains("image 5e4c3f98", "want active, now creating, 42s");
    assertThat(drawn).contains("image.zfs.gz", "MiB", "100%");
  }
}
