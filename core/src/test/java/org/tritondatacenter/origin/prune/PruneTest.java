package org.tritondatacenter.origin.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tritondatacenter.origin.http.ByteSource;
import org.tritondatacenter.origin.manta.MantaClient;
import org.tritondatacenter.origin.operations.LocalOps;
import org.tritondatacenter.origin.operations.RecordingListener;
import org.tritondatacenter.origin.prune.PruneReport.Action;
import org.tritondatacenter.origin.prune.PruneReport.Entry;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.imgapi.ImgapiSimulator;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.testkit.junit.SecretGuardExtension;
import org.tritondatacenter.origin.wait.ScaledClock;

class PruneTest {
  private static final ScaledClock CLOCK = ScaledClock.create(1000);

  @RegisterExtension
  static final LocalTritonExtension triton =
      LocalTritonExtension.withOptions(LocalOps.options(CLOCK).build());

  @RegisterExtension final SecretGuardExtension secrets = SecretGuardExtension.watching(triton);

  private static final String OLD = "11111111-1111-4111-8111-111111111111";
  private static final String MIDDLE = "22222222-2222-4222-8222-222222222222";
  private static final String NEW = "33333333-3333-4333-8333-333333333333";

  private LocalOps ops;
  private MantaClient manta;
  private ImgapiSimulator updates;
  private String project;

  @BeforeEach
  void setUp(LocalTriton t) {
    ops = new LocalOps(t, CLOCK);
    manta = ops.manta();
    updates = t.imgapi("updates");
    project = ops.projectDir();
    for (String build :
        List.of(
            "master-20260101T000000Z",
            "master-20260102T000000Z",
            "master-20260103T000000Z",
            "feature-x-20260101T000000Z-gabcdef0")) {
      manta.mkdirp(manta.path(project + "/" + build));
      put(project + "/" + build + "/md5sums.txt", "x");
    }
    put(project + "/master-latest", project + "/master-20260101T000000Z\n");
    seed(OLD, "2026-01-01T00:00:00Z", List.of("experimental", "dev"));
    seed(MIDDLE, "2026-01-02T00:00:00Z", List.of("experimental"));
    seed(NEW, "2026-01-03T00:00:00Z", List.of("experimental"));
  }

  private void put(String path, String text) {
    manta.putObject(
        manta.path(path), ByteSource.ofBytes(text.getBytes(StandardCharsets.UTF_8), path));
  }

  private void seed(String uuid, String publishedAt, List<String> channels) {
    updates.seedImage(
        Map.of(
            "uuid",
            uuid,
            "name",
            "triton-origin-x86_64-24.4.1",
            "version",
            publishedAt.substring(0, 10),
            "published_at",
            publishedAt),
        channels);
  }

  private PruneReport prune(boolean delete) {
    return new Prune(manta, ops.updates(), new RecordingListener())
        .run(new PruneRequest(project, 1, "experimental", "triton-origin-", 1, delete));
  }

  @Test
  void prune_listing_decidesButRemovesNothing() {
    ops.triton().requests().clear();

    PruneReport report = prune(false);

    assertThat(report.builds())
        .extracting(e -> e.id().substring(project.length() + 1), Entry::action)
        .containsExactlyInAnyOrder(
            tuple("master-20260103T000000Z", Action.KEEP),
            tuple("master-20260102T000000Z", Action.REMOVE),
            tuple("master-20260101T000000Z", Action.KEEP),
            tuple("feature-x-20260101T000000Z-gabcdef0", Action.KEEP));
    assertThat(report.builds())
        .filteredOn(e -> e.id().endsWith("master-20260101T000000Z"))
        .singleElement()
        .extracting(Entry::reason)
        .isEqualTo("named by a latest pointer");
    assertThat(report.images())
        .extracting(Entry::id, Entry::action)
        .containsExactly(
            tuple(NEW, Action.KEEP), tuple(MIDDLE, Action.REMOVE), tuple(OLD, Action.REMOVE));
    assertThat(report.images())
        .filteredOn(e -> e.id().equals(OLD))
        .singleElement()
        .extracting(Entry::reason)
        .isEqualTo("stays in dev");
    assertThat(ops.triton().requests().all())
        .allSatisfy(r -> assertThat(r.method()).isIn("GET", "HEAD"));
    assertThat(ops.triton().manta().exists(project + "/master-20260102T000000Z")).isTrue();
  }

  @Test
  @SuppressWarnings("unchecked")
  void prune_delete_removesOldBuildsAndImagesFromTheChannelOnly() {
    PruneReport report = prune(true);

    assertThat(report.hasFailures()).isFalse();
    assertThat(report.toMap()).containsEntry("deleted", true);
    assertThat(ops.triton().manta().list(project))
        .containsExactlyInAnyOrder(
            "master-20260101T000000Z",
            "master-20260103T000000Z",
            "feature-x-20260101T000000Z-gabcdef0",
            "master-latest");
    assertThat(updates.image(MIDDLE)).isEmpty();
    assertThat((List<String>) updates.image(OLD).orElseThrow().get("channels"))
        .containsExactly("dev");
    assertThat((List<String>) updates.image(NEW).orElseThrow().get("channels"))
        .containsExactly("experimental");
    assertThat(updates.image(LocalOps.ORIGIN_A).orElseThrow().get("channels"))
        .asList()
        .contains("experimental");
  }
}
