package org.tritondatacenter.origin.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tritondatacenter.origin.TritonException;
import org.tritondatacenter.origin.images.ImageSpec;
import org.tritondatacenter.origin.preflight.Plan;
import org.tritondatacenter.origin.preflight.PlannedImage;
import org.tritondatacenter.origin.state.RunRecord;

class BuildRecordTest {
  private static final String MACHINE = "9b2f6c1e-1d2a-4b3c-8d4e-5f6a7b8c9d0e";

  private static PlannedImage planned(ImageSpec spec, String publishedUuid) {
    return new PlannedImage(
        spec,
        spec.imageName(),
        "1.0.0",
        spec.specHash(),
        "00000000-0000-0000-0000-000000000001",
        "sample-1G",
        1024L,
        List.of(),
        List.of(),
        publishedUuid,
        publishedUuid == null ? null : "0.9.0");
  }

  private static BuildRecord fresh(Plan plan) {
    return BuildRecords.merge(null, plan, Specs.BUILD_ID, LocalBuild.STAMP, "1.0.0");
  }

  @Test
  void merge_noSavedRecord_startsEveryImageOrSkipsThePublishedOnes() {
    ImageSpec built = Specs.plain();
    ImageSpec skipped = Specs.spec("other", true, false, List.of());
    Plan plan =
        new Plan(
            List.of(planned(built, null), planned(skipped, "5d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6")),
            null,
            null);

    BuildRecord record = fresh(plan);

    assertThat(record.buildId()).isEqualTo(Specs.BUILD_ID);
    assertThat(record.branch()).isEqualTo("master");
    assertThat(record.images()).hasSize(2);
    assertThat(record.images().get(0).phase()).isEqualTo(ImagePhase.CREATE_MACHINE);
    assertThat(record.images().get(0).attempt()).isEqualTo(1);
    assertThat(record.images().get(1).phase()).isEqualTo(ImagePhase.SKIPPED);
    assertThat(record.images().get(1).version()).isEqualTo("0.9.0");
    assertThat(record.images().get(1).finished()).isTrue();
  }

  @Test
  void merge_savedRecordWithAnotherSpec_isRefused() {
    ImageSpec before = Specs.plain();
    BuildRecord saved = fresh(new Plan(List.of(planned(before, null)), null, null));
    ImageSpec changed = Specs.spec(true, false, List.of());
    // Same image name, another entry: the user edited images.json between the runs.
    PlannedImage edited =
        new PlannedImage(
            changed,
            before.imageName(),
            "1.0.0",
            changed.specHash(),
            null,
            null,
            null,
            null,
            null,
            null,
            null);

    assertThatThrownBy(
            () ->
                BuildRecords.merge(
                    saved, new Plan(List.of(edited), null, null), "x", LocalBuild.STAMP, "1.0.0"))
        .isInstanceOf(TritonException.class)
        .hasMessageContaining("images.json changed since build " + Specs.BUILD_ID)
        .hasMessageContaining(before.imageName());
  }

  @Test
  void record_savedAndRead_keepsPhasesUnderTheirRecordNames() {
    BuildRecord record =
        fresh(new Plan(List.of(planned(Specs.plain(), null)), null, null))
            .withStatus(BuildRecord.Status.RUNNING);
    ImageRecord image =
        record
            .images()
            .get(0)
            .withMachine(MACHINE, "triton-origin-x-1")
            .withPhase(ImagePhase.WAIT_GUEST);
    record = record.withImage(image);
    RunRecord run = RunRecord.empty();
    run.put(BuildRecord.SECTION, record);

    String json = run.toJson();
    BuildRecord read =
        RunRecord.parse(json, "test").section(BuildRecord.SECTION, BuildRecord.class).orElseThrow();

    assertThat(json)
        .contains("\"phase\" : \"wait-guest\"")
        .contains("\"status\" : \"running\"")
        .contains("\"skipped\" : false");
    assertThat(json).doesNotContain("user-script").doesNotContain("null");
    assertThat(read).isEqualTo(record);
  }

  @Test
  void record_phaseFromANewerVersion_readsAsUnknown() {
    String json =
        """
        {"schema": 1, "build": {"buildId": "%s", "status": "paused",
          "images": [{"name": "x", "phase": "teleport"}]}}
        """
            .formatted(Specs.BUILD_ID);

    BuildRecord read =
        RunRecord.parse(json, "test").section(BuildRecord.SECTION, BuildRecord.class).orElseThrow();

    assertThat(read.status()).isEqualTo(BuildRecord.Status.UNKNOWN);
    assertThat(read.images().get(0).phase()).isEqualTo(ImagePhase.UNKNOWN);
  }

  @Test
  void image_nextAttempt_forgetsTheMachineButKeepsTheKeptOnes() {
    ImageRecord failed =
        ImageRecord.pending("x", "1.0.0", "s", Specs.ORIGIN)
            .withMachine(MACHINE, "m")
            .withoutMachine(true)
            .failed("boom");

    ImageRecord next = failed.nextAttempt();

    assertThat(next.phase()).isEqualTo(ImagePhase.CREATE_MACHINE);
    assertThat(next.attempt()).isEqualTo(2);
    assertThat(next.machineId()).isNull();
    assertThat(next.error()).isNull();
    assertThat(next.keptMachines()).containsExactly(MACHINE);
  }
}
