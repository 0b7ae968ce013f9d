package org.tritondatacenter.origin.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tritondatacenter.origin.BuildFailedException;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.operations.LocalOps;
import org.tritondatacenter.origin.publish.FileSourceMode;
import org.tritondatacenter.origin.steps.ExportResult;
import org.tritondatacenter.origin.steps.PublishResult;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.http.Exchange;
import org.tritondatacenter.origin.testkit.http.Fault;
import org.tritondatacenter.origin.testkit.http.RequestRecord;
import org.tritondatacenter.origin.testkit.http.ServiceKind;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.wait.ScaledClock;

/**
 * R14: when IMGAPI cannot fetch the file by its Manta signed URL (expired by the time the download
 * started: Manta answers 403), IMGAPI's 400 {@code Download} is surfaced with its message, never
 * with the URL's signature; publish signs a fresh URL and tries once more, and only once.
 */
class ExpiredSignedUrlTest {
  private static final ScaledClock CLOCK = ScaledClock.create(Builds.SPEED);

  @RegisterExtension
  static final LocalTritonExtension TRITON =
      LocalTritonExtension.withOptions(LocalOps.options(CLOCK).build());

  private static boolean signedFetch(Exchange exchange) {
    return exchange.rawQuery() != null && exchange.rawQuery().contains("signature=");
  }

  private static Fault expired() {
    return Fault.when(ServiceKind.MANTA, "GetObject")
        .matching(ExpiredSignedUrlTest::signedFetch)
        .status(403, "InvalidQueryStringAuthentication", "the signed URL has expired");
  }

  @Test
  void publish_urlExpiredOnce_signsAFreshUrlAndPublishes() {
    Publishing publishing = new Publishing(TRITON.triton(), CLOCK);
    ExportResult exported = publishing.export();
    LocalTriton triton = publishing.triton();
    triton.faults().add(expired().times(1));

    PublishResult result =
        publishing.publish(publishing.items(exported), FileSourceMode.URL, Publishing.record());

    assertThat(result.images())
        .extracting(PublishResult.Image::result)
        .containsOnly(PublishResult.Outcome.PUBLISHED);
    List<RequestRecord> fromUrl = triton.requests().operation("AddImageFileFromUrl");
    assertThat(fromUrl).extracting(RequestRecord::status).containsExactly(400, 200, 200);
    assertThat(triton.requests().count("AddImageFile")).as("never streamed").isZero();
    assertThat(publishing.events.warnings())
        .singleElement()
        .asString()
        .contains("freshly signed URL", "Download")
        .doesNotContain("signature=");
  }

  @Test
  void publish_urlRefusedEveryTime_failsWithImgapisDownloadErrorAfterOneFreshTry() {
    Publishing publishing = new Publishing(TRITON.triton(), CLOCK);
    ExportResult exported = publishing.export();
    LocalTriton triton = publishing.triton();
    triton.faults().add(expired());
    String first = exported.images().get(0).uuid();

    BuildFailedException e =
        catchThrowableOfType(
            BuildFailedException.class,
            () ->
                publishing.publish(
                    publishing.items(exported), FileSourceMode.URL, Publishing.record()));

    TritonApiException download = (TritonApiException) e.getCause();
    assertThat(download.httpStatus()).isEqualTo(400);
    assertThat(download.errorCode()).isEqualTo("Download");
    assertThat(download.getMessage()).doesNotContain("signature=");
    assertThat(e.getMessage()).contains(first, "failed at 'add file'");
    assertThat(triton.requests().count("AddImageFileFromUrl")).isEqualTo(2);
    assertThat(triton.imgapi("updates").image(first)).as("rolled back").isEmpty();
  }
}
