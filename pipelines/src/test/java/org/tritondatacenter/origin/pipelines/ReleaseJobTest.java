package org.tritondatacenter.origin.pipelines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tritondatacenter.origin.steps.ChannelAddResult;

class ReleaseJobTest {
  private static final String SCRIPT = "jenkins/release.Jenkinsfile";
  private static final String UUID_A = "4dd8810e-10a8-49d1-b37b-1c4e32ed6c05";
  private static final String UUID_B = "502eeef2-8267-489f-b19c-a206906f57ef";

  private final PipelineHarness pipeline = new PipelineHarness();

  private static Map<String, Object> params(Map<String, Object> overrides) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("NAME", "triton-origin-");
    params.put("VERSION", "master-20260101T000000Z-gabcdef1");
    params.put("UUIDS", "");
    params.put("FROM_CHANNEL", "dev");
    params.put("CHANNELS", "staging,release,support");
    params.put("IMGAPI", "updates");
    params.put("DRY_RUN", false);
    params.put("PUBLISH_PUBLIC", false);
    params.put("PUBLIC_IMGAPI", "images");
    params.putAll(overrides);
    return params;
  }

  /** Answers a dry run with one change per image and channel, as core does. */
  private void listingOf(String... uuids) {
    pipeline.answer(
        "imgadmChannelAdd",
        args -> {
          if (!Boolean.TRUE.equals(args.get("dryRun"))) {
            return Map.of("changes", List.of());
          }
          List<ChannelAddResult.Change> changes = new java.util.ArrayList<>();
          for (String uuid : uuids) {
            for (String channel : List.of("staging", "release", "support")) {
              changes.add(
                  new ChannelAddResult.Change(
                      uuid,
                      "triton-origin-x86_64-24.4.1",
                      "master-20260101T000000Z-gabcdef1",
                      channel,
                      ChannelAddResult.Outcome.WOULD_ADD));
            }
          }
          return new ChannelAddResult(changes).toMap();
        });
  }

  @Test
  void release_listsWithADryRunThenPromotesExactlyTheListedUuids() throws Exception {
    pipeline.start("master", params(Map.of()));
    listingOf(UUID_A, UUID_B);

    pipeline.runScript(SCRIPT);

    assertThat(pipeline.status()).isEqualTo("SUCCESS");
    List<Map<String, Object>> calls = pipeline.calls("imgadmChannelAdd");
    assertThat(calls).hasSize(2);
    assertThat(calls.get(0))
        .isEqualTo(
            Map.of(
                "name", "triton-origin-",
                "version", "master-20260101T000000Z-gabcdef1",
                "imgapi", "updates",
                "fromChannel", "dev",
                "channels", "staging,release,support",
                "dryRun", true));
    assertThat(calls.get(1))
        .isEqualTo(
            Map.of(
                "imgapi", "updates",
                "fromChannel", "dev",
                "channels", "staging,release,support",
                "uuids", List.of(UUID_A, UUID_B)));
    assertThat(pipeline.callNames()).contains("writeFile", "archiveArtifacts");
    assertThat(pipeline.calls("imgadmPublish")).isEmpty();
  }

  @Test
  void dryRun_callsNothingThatWrites() throws Exception {
    pipeline.start("master", params(Map.of("DRY_RUN", true, "PUBLISH_PUBLIC", true)));
    listingOf(UUID_A);

    pipeline.runScript(SCRIPT);

    assertThat(pipeline.calls("imgadmChannelAdd"))
        .singleElement()
        .satisfies(args -> assertThat(args).containsEntry("dryRun", true));
    assertThat(pipeline.calls("imgadmPublish")).isEmpty();
    assertThat(pipeline.status()).isEqualTo("SUCCESS");
  }

  @Test
  void explicitUuids_replaceTheNameAndVersionFilter() throws Exception {
    pipeline.start("master", params(Map.of("UUIDS", UUID_B, "CHANNELS", "release")));
    listingOf(UUID_B);

    pipeline.runScript(SCRIPT);

    List<Map<String, Object>> calls = pipeline.calls("imgadmChannelAdd");
    assertThat(calls.get(0)).containsEntry("uuids", UUID_B).doesNotContainKeys("name", "version");
    assertThat(calls.get(1))
        .containsEntry("uuids", List.of(UUID_B))
        .containsEntry("channels", "release");
  }

  @Test
  void publishPublic_copiesTheReleasedImagesToThePublicServer() throws Exception {
    pipeline.start("master", params(Map.of("PUBLISH_PUBLIC", true)));
    listingOf(UUID_A);

    pipeline.runScript(SCRIPT);

    assertThat(pipeline.calls("imgadmPublish"))
        .singleElement()
        .isEqualTo(
            Map.of(
                "sourceImgapi",
                "updates",
                "uuids",
                List.of(UUID_A),
                "imgapi",
                "images",
                "makePublic",
                true));
  }

  @Test
  void emptyListing_failsWithoutPromoting() throws Exception {
    pipeline.start("master", params(Map.of()));
    listingOf();

    assertThatThrownBy(() -> pipeline.runScript(SCRIPT))
        .isInstanceOf(PipelineHarness.PipelineError.class)
        .hasMessageContaining("nothing to release");

    assertThat(pipeline.status()).isEqualTo("FAILURE");
    assertThat(pipeline.calls("imgadmChannelAdd")).hasSize(1);
  }

  @Test
  void failingPromotion_failsTheRunAndPublishesNothing() throws Exception {
    pipeline.start("master", params(Map.of("PUBLISH_PUBLIC", true)));
    listingOf(UUID_A);
    pipeline.answer(
        "imgadmChannelAdd",
        args -> {
          if (Boolean.TRUE.equals(args.get("dryRun"))) {
            return Map.of(
                "changes",
                List.of(
                    Map.of(
                        "uuid",
                        UUID_A,
                        "name",
                        "n",
                        "version",
                        "v",
                        "channel",
                        "staging",
                        "result",
                        "would-add")));
          }
          throw new IllegalStateException("IMGAPI ChannelAddImage failed: HTTP 503");
        });

    assertThatThrownBy(() -> pipeline.runScript(SCRIPT))
        .hasMessageContaining("ChannelAddImage failed");
    assertThat(pipeline.calls("imgadmPublish")).isEmpty();
  }
}
