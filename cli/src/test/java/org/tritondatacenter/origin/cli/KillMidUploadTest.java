package org.tritondatacenter.origin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.http.Fault;
import org.tritondatacenter.origin.testkit.http.ServiceKind;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;

/**
 * R23: the command line killed with SIGKILL while it uploads an image file to IMGAPI, so that no
 * cleanup at all runs and an imported, unactivated image is left. {@code triton-origin gc --delete}
 * then finds and deletes it by its build tag; and {@code --resume}, with or without that gc,
 * finishes the publish with one image, activated once. (Killed mid-build, see {@link
 * InterruptAndResumeTest}.)
 */
class KillMidUploadTest {
  private static final String IMAGE = "triton-origin-x86_64-24.4.1";

  @RegisterExtension static final LocalTritonExtension triton = FlowFixture.triton();

  @TempDir Path dir;

  private Cli cli;
  private LocalTriton t;

  @BeforeEach
  void buildAndExport(LocalTriton t) throws IOException {
    this.t = t;
    cli = FlowFixture.cli(dir, t);
    Cli.Result built =
        cli.run(
            FlowTest.concat(
                new String[] {"build", "--only", IMAGE}, FlowFixture.stamp("20250401T000000Z")));
    assertThat(built.status()).as(built.toString()).isZero();
    Cli.Result exported = cli.run("export");
    assertThat(exported.status()).as(exported.toString()).isZero();
  }

  /** Starts {@code publish} in its own JVM and kills it with SIGKILL once its upload began. */
  private void killMidUpload() throws Exception {
    CountDownLatch uploading = new CountDownLatch(1);
    t.faults()
        .add(
            Fault.when(ServiceKind.IMGAPI, "AddImageFile")
                .matching(
                    e -> {
                      uploading.countDown();
                      return true;
                    })
                .stall(Duration.ofSeconds(2))
                .times(1));
    Process process = start("publish", "--channel", "dev");
    try {
      assertThat(uploading.await(60, TimeUnit.SECONDS)).as("the upload to start").isTrue();
    } finally {
      process.destroyForcibly();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(process.exitValue()).as("killed, not ended:\n%s", log()).isEqualTo(128 + 9);
    assertThat(t.leakReport().unactivatedImages())
        .as("the killed run could not clean up")
        .singleElement()
        .asString()
        .contains(IMAGE);
  }

  @Test
  void publish_killedMidUpload_gcDeletesTheUnactivatedImageAndResumeFinishes() throws Exception {
    killMidUpload();

    Cli.Result listed = cli.run("gc", "--older-than", "0s");
    Cli.Result deleted = cli.run("gc", "--older-than", "0s", "--delete", "--json");
    boolean leftAfterGc = t.leakReport().isEmpty();
    Cli.Result resumed = cli.run("publish", "--resume", "--channel", "dev", "--json");

    assertThat(listed.status()).as(listed.toString()).isZero();
    assertThat(listed.out()).contains(IMAGE);
    assertThat(deleted.status()).as(deleted.toString()).isZero();
    assertThat(leftAfterGc).as("gc removed the leftover").isTrue();
    assertThat(resumed.status()).as(resumed.toString()).isZero();
    assertOnePublishedImage();
  }

  @Test
  void publish_killedMidUpload_resumeAdoptsTheImportedImageAndFinishes() throws Exception {
    killMidUpload();

    Cli.Result resumed = cli.run("publish", "--resume", "--channel", "dev", "--json");

    assertThat(resumed.status()).as(resumed.toString()).isZero();
    assertThat(t.requests().count("AdminImportImage")).as("imported once").isEqualTo(1);
    assertOnePublishedImage();
  }

  private void assertOnePublishedImage() {
    List<String> ours =
        t.imgapi("updates").imageUuids().stream()
            .filter(
                uuid ->
                    t.imgapi("updates")
                        .image(uuid)
                        .map(m -> IMAGE.equals(m.get("name")))
                        .orElse(false))
            .toList();
    assertThat(ours).as("one image, no duplicate").hasSize(1);
    assertThat(t.imgapi("updates").image(ours.get(0)).orElseThrow())
        .containsEntry("state", "active");
    assertThat(t.requests().operation("ActivateImage"))
        .filteredOn(r -> r.status() == 200)
        .hasSize(1);
    assertThat(t.leakReport().isEmpty()).as(t.leakReport().toString()).isTrue();
  }

  /** Starts the command line as its own process, so it can be killed without any cleanup. */
  private Process start(String... command) throws IOException {
    return cli.spawn("killed.log", command);
  }

  /** Returns what the killed process printed, for failure messages. */
  private String log() throws IOException {
    return Files.readString(cli.work.resolve("killed.log"));
  }
}
