package org.tritondatacenter.origin.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tritondatacenter.origin.BuildFailedException;
import org.tritondatacenter.origin.http.ByteSource;
import org.tritondatacenter.origin.imgapi.Compression;
import org.tritondatacenter.origin.imgapi.ImageManifest;
import org.tritondatacenter.origin.imgapi.ImgapiClient;
import org.tritondatacenter.origin.operations.LocalOps;
import org.tritondatacenter.origin.publish.FileSourceMode;
import org.tritondatacenter.origin.publish.PublishItem;
import org.tritondatacenter.origin.steps.ExportResult;
import org.tritondatacenter.origin.steps.PublishResult;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.http.Fault;
import org.tritondatacenter.origin.testkit.http.ServiceKind;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.wait.ScaledClock;

/**
 * R15: publishing an image whose uuid the server already has converges instead of failing on 409
 * {@code ImageUuidAlreadyExists}: active with the same file is a no-op, unactivated gets its file
 * (again) and is activated, and anything else (another file, another image under that uuid) fails
 * with a clear conflict message and changes nothing.
 */
class RepublishTest {
  private static final ScaledClock CLOCK = ScaledClock.create(Builds.SPEED);

  @RegisterExtension
  static final LocalTritonExtension TRITON =
      LocalTritonExtension.withOptions(LocalOps.options(CLOCK).build());

  private Publishing publishing;
  private List<PublishItem> items;

  private void exportBoth() {
    publishing = new Publishing(TRITON.triton(), CLOCK);
    ExportResult exported = publishing.export();
    items = publishing.items(exported);
  }

  private PublishResult publish() {
    return publishing.publish(items, FileSourceMode.STREAM, Publishing.record());
  }

  private static int writes(LocalTriton triton) {
    return triton.requests().count("AdminImportImage")
        + triton.requests().count("AddImageFile")
        + triton.requests().count("ActivateImage");
  }

  /** Returns the item's manifest as AdminImportImage takes it. */
  private static ImageManifest importable(PublishItem item) {
    return item.manifest().withPublic(false).withoutExtraFields();
  }

  @Test
  void publish_againAfterSuccess_isANoOpThatWritesNothing() {
    exportBoth();
    publish();
    int before = writes(publishing.triton());

    PublishResult again = publish();

    assertThat(again.images())
        .extracting(PublishResult.Image::result)
        .containsOnly(PublishResult.Outcome.ALREADY_PUBLISHED);
    assertThat(writes(publishing.triton())).isEqualTo(before);
  }

  @Test
  void publish_lookupMissesAnActiveImage_409IsTakenAsTheSameImageAndNothingIsRewritten() {
    exportBoth();
    publish();
    LocalTriton triton = publishing.triton();
    String first = items.get(0).manifest().uuid();
    // A stale read: the lookup says "no such image", so the import runs into 409.
    triton
        .faults()
        .add(
            Fault.when(ServiceKind.IMGAPI, "GetImage")
                .matching(e -> e.decodedPath().endsWith(first))
                .status(404, "ResourceNotFound", "stale")
                .times(1));

    PublishResult again = publish();

    assertThat(triton.requests().operation("AdminImportImage"))
        .last()
        .satisfies(r -> assertThat(r.status()).isEqualTo(409));
    assertThat(again.images()).hasSize(2);
    assertThat(triton.requests().count("AddImageFile")).isEqualTo(2);
    assertThat(triton.requests().count("ActivateImage")).isEqualTo(2);
    assertThat(triton.imgapi("updates").image(first).orElseThrow())
        .containsEntry("state", "active");
  }

  @Test
  void publish_unactivatedWithoutFile_addsTheFileAndActivatesWithoutAnotherImport() {
    exportBoth();
    LocalTriton triton = publishing.triton();
    ImgapiClient imgapi = publishing.ops.updates();
    // What a publish that died right after its import leaves.
    imgapi.adminImportImage(importable(items.get(0)), "dev");

    PublishResult result = publish();

    assertThat(result.images())
        .extracting(PublishResult.Image::result)
        .containsOnly(PublishResult.Outcome.PUBLISHED);
    assertThat(triton.requests().count("AdminImportImage")).as("only the other image").isEqualTo(2);
    for (PublishItem item : items) {
      assertThat(triton.imgapi("updates").image(item.manifest().uuid()).orElseThrow())
          .containsEntry("state", "active");
    }
  }

  @Test
  void publish_uuidActiveWithAnotherFile_failsAsAConflictAndChangesNothing() {
    exportBoth();
    LocalTriton triton = publishing.triton();
    ImgapiClient imgapi = publishing.ops.updates();
    String first = items.get(0).manifest().uuid();
    imgapi.adminImportImage(importable(items.get(0)), "dev");
    byte[] other = Payloads.bytes(4096, 15);
    imgapi.addImageFile(
        first, ByteSource.ofBytes(other, "another file"), Compression.GZIP, null, null, "dev");
    imgapi.activateImage(first, "dev");
    int before = writes(triton);

    BuildFailedException e = catchThrowableOfType(BuildFailedException.class, this::publish);

    assertThat(e.getMessage())
        .contains(first, "already active on the server with a different file")
        .contains(Payloads.sha1Hex(other), "cannot be replaced");
    assertThat(writes(triton)).isEqualTo(before);
    assertThat(triton.imgapi("updates").fileSha1(first)).isEqualTo(Payloads.sha1Hex(other));
  }

  @Test
  void publish_uuidTakenByAnotherImage_failsNamingBoth() {
    exportBoth();
    LocalTriton triton = publishing.triton();
    PublishItem item = items.get(0);
    String first = item.manifest().uuid();
    ImageManifest impostor =
        ImageManifest.fromTree(
            ((com.fasterxml.jackson.databind.node.ObjectNode) importable(item).toTree())
                .put("name", "someone-else"));
    publishing.ops.updates().adminImportImage(impostor, "dev");

    BuildFailedException e = catchThrowableOfType(BuildFailedException.class, this::publish);

    assertThat(e.getMessage())
        .contains(first, "someone-else@", item.manifest().name(), "the uuid is taken");
    assertThat(triton.requests().count("AddImageFile")).isZero();
    publishing.ops.updates().deleteImage(first, "dev", true);
  }
}
