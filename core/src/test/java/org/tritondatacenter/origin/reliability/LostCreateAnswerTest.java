package org.tritondatacenter.origin.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tritondatacenter.origin.operations.LocalOps;
import org.tritondatacenter.origin.publish.FileSourceMode;
import org.tritondatacenter.origin.state.MemoryRunRecordStore;
import org.tritondatacenter.origin.steps.BuildResult;
import org.tritondatacenter.origin.steps.ExportResult;
import org.tritondatacenter.origin.steps.PublishResult;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.http.Fault;
import org.tritondatacenter.origin.testkit.http.ServiceKind;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.wait.ScaledClock;

/**
 * R4: the answer to a call that creates something (CreateMachine, CreateImageFromMachine,
 * AdminImportImage) is lost after the server acted. The call is never sent blindly again: the
 * operation looks for what the build made, by its tags or its name, version and uuid, and adopts
 * it, so there is never a second machine or image for one build.
 */
class LostCreateAnswerTest {
  private static final ScaledClock CLOCK = ScaledClock.create(Builds.SPEED);

  @RegisterExtension
  static final LocalTritonExtension TRITON =
      LocalTritonExtension.withOptions(LocalOps.options(CLOCK).build());

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"CreateMachine", "CreateImageFromMachine"})
  void build_createAnswerLost_adoptsWhatTheServerMadeAndMakesNoSecond(String operation) {
    LocalTriton triton = TRITON.triton();
    Rig rig = Rig.on(triton, CLOCK, CLOCK);
    Fault lost =
        triton.faults().add(Fault.when(ServiceKind.CLOUDAPI, operation).dropResponse().times(1));

    BuildResult result =
        Builds.operation(rig, CLOCK, new MemoryRunRecordStore())
            .build()
            .run(Builds.request().build());

    assertThat(lost.fired()).isEqualTo(1);
    assertThat(triton.requests().count(operation)).as("never sent again").isEqualTo(1);
    assertThat(triton.cloud().machines()).hasSize(1);
    assertThat(triton.cloud().images())
        .filteredOn(i -> Seeds.IMAGE.equals(i.get("name")))
        .singleElement()
        .satisfies(i -> assertThat(i).containsEntry("uuid", result.images().get(0).uuid()));
    assertThat(rig.events.infos())
        .anySatisfy(m -> assertThat(m).contains("adopted", operation + "'s answer was lost"));
    assertThat(triton.cloud().undeletedMachines()).isEmpty();
  }

  @Test
  void publish_importAnswerLost_adoptsTheImportedImageAndImportsNothingTwice() {
    String operation = "AdminImportImage";
    Publishing publishing = new Publishing(TRITON.triton(), CLOCK);
    ExportResult exported = publishing.export();
    LocalTriton triton = publishing.triton();
    Fault lost =
        triton.faults().add(Fault.when(ServiceKind.IMGAPI, operation).dropResponse().times(1));

    PublishResult result =
        publishing.publish(publishing.items(exported), FileSourceMode.STREAM, Publishing.record());

    assertThat(lost.fired()).isEqualTo(1);
    assertThat(triton.requests().count(operation))
        .as("one import per image, the lost one included")
        .isEqualTo(2);
    assertThat(result.images())
        .extracting(PublishResult.Image::result)
        .containsOnly(PublishResult.Outcome.PUBLISHED);
    for (ExportResult.Image image : exported.images()) {
      assertThat(triton.imgapi("updates").image(image.uuid()).orElseThrow())
          .containsEntry("state", "active");
    }
    assertThat(publishing.events.infos())
        .anySatisfy(m -> assertThat(m).contains("already imported"));
  }
}
