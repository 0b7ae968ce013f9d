package org.tritondatacenter.origin.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tritondatacenter.origin.http.Json;
import org.tritondatacenter.origin.operations.LocalOps;
import org.tritondatacenter.origin.publish.FileSourceMode;
import org.tritondatacenter.origin.state.MemoryRunRecordStore;
import org.tritondatacenter.origin.state.RecordKeeper;
import org.tritondatacenter.origin.state.RunRecordStore;
import org.tritondatacenter.origin.steps.ExportResult;
import org.tritondatacenter.origin.steps.PublishResult;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.http.Fault;
import org.tritondatacenter.origin.testkit.http.RequestRecord;
import org.tritondatacenter.origin.testkit.http.ServiceKind;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.wait.ScaledClock;

/**
 * R16: ActivateImage is not repeatable. When its answer is lost, or a second activation meets 422
 * {@code ImageAlreadyActivated}, publish asks the server, and an image found active with the
 * expected sha1 and size counts as activated.
 */
class LostActivateTest {
  private static final ScaledClock CLOCK = ScaledClock.create(Builds.SPEED);

  @RegisterExtension
  static final LocalTritonExtension TRITON =
      LocalTritonExtension.withOptions(LocalOps.options(CLOCK).build());

  @Test
  void publish_activateAnswerLost_findsTheImageActiveAndCarriesOn() {
    Publishing publishing = new Publishing(TRITON.triton(), CLOCK);
    ExportResult exported = publishing.export();
    LocalTriton triton = publishing.triton();
    Fault lost =
        triton
            .faults()
            .add(Fault.when(ServiceKind.IMGAPI, "ActivateImage").dropResponse().times(1));

    PublishResult result =
        publishing.publish(publishing.items(exported), FileSourceMode.STREAM, Publishing.record());

    assertThat(lost.fired()).isEqualTo(1);
    assertThat(triton.requests().count("ActivateImage")).as("not sent again").isEqualTo(2);
    assertThat(result.images())
        .extracting(PublishResult.Image::result)
        .containsOnly(PublishResult.Outcome.PUBLISHED);
    for (ExportResult.Image image : exported.images()) {
      assertThat(triton.imgapi("updates").image(image.uuid()).orElseThrow())
          .containsEntry("state", "active");
    }
  }

  @Test
  void publish_activateMeetsImageAlreadyActivated_checksTheFileAndCountsItDone() {
    Publishing publishing = new Publishing(TRITON.triton(), CLOCK);
    ExportResult exported = publishing.export();
    LocalTriton triton = publishing.triton();
    String first = exported.images().get(0).uuid();
    // Once the file is added, the image gets activated behind publish's back (an earlier attempt
    // whose answer was lost): publish's own ActivateImage then meets 422 ImageAlreadyActivated.
    AtomicBoolean activated = new AtomicBoolean();
    MemoryRunRecordStore memory = new MemoryRunRecordStore();
    RunRecordStore store =
        new RunRecordStore() {
          @Override
          public java.util.Optional<String> load() {
            return memory.load();
          }

          @Override
          public void save(String json) {
            memory.save(json);
            if (phaseOf(json, first).equals("file-added") && activated.compareAndSet(false, true)) {
              publishing.ops.updates().activateImage(first, "dev");
            }
          }
        };

    PublishResult result =
        publishing.publish(
            publishing.items(exported), FileSourceMode.STREAM, new RecordKeeper(store, "test"));

    assertThat(result.images())
        .extracting(PublishResult.Image::result)
        .containsOnly(PublishResult.Outcome.PUBLISHED);
    assertThat(triton.requests().operation("ActivateImage"))
        .extracting(RequestRecord::status)
        .contains(422);
    assertThat(triton.imgapi("updates").image(first).orElseThrow())
        .containsEntry("state", "active");
    assertThat(triton.imgapi("updates").fileSha1(first))
        .isEqualTo(publishing.items(exported).get(0).manifest().file().sha1());
  }

  private static String phaseOf(String json, String uuid) {
    try {
      JsonNode image = Json.mapper().readTree(json).findValue(uuid);
      return image == null ? "" : image.path("phase").asText();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
