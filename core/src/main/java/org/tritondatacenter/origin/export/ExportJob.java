package org.tritondatacenter.origin.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.TritonException;
import org.tritondatacenter.origin.cloudapi.CloudApiClient;
import org.tritondatacenter.origin.events.EventListener;
import org.tritondatacenter.origin.http.ByteSource;
import org.tritondatacenter.origin.manta.MantaClient;
import org.tritondatacenter.origin.manta.MantaInputStream;
import org.tritondatacenter.origin.manta.MantaPath;
import org.tritondatacenter.origin.manta.PutObjectResult;
import org.tritondatacenter.origin.manta.PutOptions;
import org.tritondatacenter.origin.steps.BuildResult;

/** One export run: its clients, what it exports, where, and how far it got. The tasks share it. */
final class ExportJob {
  /** Manifests, pointers and package lists are small; anything larger is not what we wrote. */
  static final int MAX_SMALL_OBJECT = 1024 * 1024;

  final CloudApiClient cloudapi;
  final MantaClient manta;
  final OriginPlatforms origins;
  final BuildResult build;
  final List<BuildResult.Image> images;
  final ExportLayout layout;
  final ExportProgress progress;
  final EventListener listener;

  ExportJob(
      CloudApiClient cloudapi,
      MantaClient manta,
      OriginPlatforms origins,
      BuildResult build,
      List<BuildResult.Image> images,
      ExportLayout layout,
      ExportProgress progress,
      EventListener listener) {
    this.cloudapi = cloudapi;
    this.manta = manta;
    this.origins = origins;
    this.build = build;
    this.images = images;
    this.layout = layout;
    this.progress = progress;
    this.listener = listener;
  }

  /** Stores {@code text} at {@code path}, checked against Manta's computed MD5. */
  PutObjectResult put(MantaPath path, String text, String contentType) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return manta.putObject(
        path,
        ByteSource.ofBytes(bytes, path.toString()),
        PutOptions.builder().contentType(contentType).build());
  }

  /** Reads a small object as text, or empty when there is none. */
  Optional<String> read(MantaPath path) {
    try (MantaInputStream in = manta.getObject(path)) {
      byte[] bytes = in.readNBytes(MAX_SMALL_OBJECT + 1);
      if (bytes.length > MAX_SMALL_OBJECT) {
        throw new TritonException(
            path + " is larger than " + MAX_SMALL_OBJECT + " bytes; it is not what export writes");
      }
      return Optional.of(new String(bytes, StandardCharsets.UTF_8));
    } catch (TritonApiException e) {
      if (e.isNotFound()) {
        return Optional.empty();
      }
      throw e;
    } catch (IOException e) {
      throw new TritonException("cannot read " + path + " from Manta: " + e.getMessage(), e);
    }
  }
}
