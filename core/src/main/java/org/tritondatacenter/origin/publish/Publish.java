package org.tritondatacenter.origin.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tritondatacenter.origin.OperationInterruptedException;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.TritonException;
import org.tritondatacenter.origin.events.Event;
import org.tritondatacenter.origin.events.EventListener;
import org.tritondatacenter.origin.imgapi.Channel;
import org.tritondatacenter.origin.imgapi.ImageFile;
import org.tritondatacenter.origin.imgapi.ImageManifest;
import org.tritondatacenter.origin.imgapi.ImgapiClient;
import org.tritondatacenter.origin.state.RecordKeeper;
import org.tritondatacenter.origin.steps.PublishResult;
import org.tritondatacenter.origin.wait.Clock;
import org.tritondatacenter.origin.wait.Sleeper;
import org.tritondatacenter.origin.wait.Waiter;

/**
 * Publishes images to one IMGAPI server: {@code imgadmPublish}.
 *
 * <pre>{@code
 * PublishResult result = new Publish(updates, new PublishSettings("dev", FileSourceMode.AUTO,
 *     false), clock, sleeper, listener).run(PublishSources.fromExport(export, manta), record);
 * }</pre>
 *
 * <p>Before anything is written, every manifest is checked and every origin is looked for, active,
 * in the target channel. Then each image in turn is looked up in every channel and taken on from
 * the state found: imported (AdminImportImage), given its file (AddImageFile or
 * AddImageFileFromUrl), activated (ActivateImage) and, if it was found elsewhere, added to the
 * channel (ChannelAddImage). Progress is saved to the record after every phase, so a crash resumes
 * where it stopped; a failure or interrupt deletes the image it left unactivated, looking again for
 * a short while when AdminImportImage got no answer, since IMGAPI may still import it.
 */
public final class Publish {
  /** The name of this operation's section in the run record. */
  public static final String SECTION = "publish";

  private final ImgapiClient imgapi;
  private final PublishSettings settings;
  private final Clock clock;
  private final Sleeper sleeper;
  private final EventListener listener;

  /**
   * Creates the operation.
   *
   * @param imgapi a signed client of the target server
   * @param clock measures the cleanup deadline and the look for an image imported late
   * @param sleeper pauses between those looks, on the same time as {@code clock}
   */
  public Publish(
      ImgapiClient imgapi,
      PublishSettings settings,
      Clock clock,
      Sleeper sleeper,
      EventListener listener) {
    this.imgapi = Objects.requireNonNull(imgapi, "imgapi == null");
    this.settings = Objects.requireNonNull(settings, "settings == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
    this.listener = Objects.requireNonNull(listener, "listener == null");
  }

  /**
   * Publishes {@code items} in order and returns what happened to each.
   *
   * @param items the images; empty means nothing to publish (every image was skipped)
   * @throws TritonException before any change when a manifest, a file source or an origin is not
   *     usable, naming the image and what to do
   * @throws org.tritondatacenter.origin.BuildFailedException when an image fails, naming it and the
   *     phase; images published before it stay published
   * @throws OperationInterruptedException when the thread is interrupted; cleanup has run
   */
  public PublishResult run(List<PublishItem> items, RecordKeeper record) {
    Objects.requireNonNull(items, "items == null");
    Objects.requireNonNull(record, "record == null");
    PublishProgress progress = new PublishProgress(record);
    if (items.isEmpty()) {
      listener.on(new Event.Info("nothing to publish: every image was skipped"));
      PublishResult empty = new PublishResult(List.of());
      progress.finish(empty.toMap());
      return empty;
    }
    String channel = targetChannel();
    ImageLookup lookup = new ImageLookup(imgapi, !settings.makePublic());
    FileAdder files = new FileAdder(imgapi, settings.fileSource(), listener);
    List<ImageManifest> manifests = new ArrayList<>();
    for (PublishItem item : items) {
      manifests.add(prepare(item, files));
      lookup.checkOrigin(item, channel);
    }
    ImagePublisher publisher =
        new ImagePublisher(
            imgapi,
            lookup,
            files,
            progress,
            clock,
            Waiter.create(clock, sleeper, listener),
            listener);
    List<PublishResult.Image> published = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      published.add(publisher.publish(items.get(i), channel, manifests.get(i)));
    }
    PublishResult result = new PublishResult(published);
    progress.finish(result.toMap());
    return result;
  }

  /**
   * Returns the channel to publish into: the one asked for, else the server's default; null on a
   * public server.
   */
  private String targetChannel() {
    if (settings.makePublic()) {
      return null;
    }
    if (settings.channel() != null) {
      return settings.channel();
    }
    List<Channel> channels;
    try {
      channels = imgapi.listChannels();
    } catch (TritonApiException e) {
      if (e.isNotFound()) {
        return null;
      }
      throw e;
    }
    return channels.stream()
        .filter(Channel::isDefault)
        .map(Channel::name)
        .findFirst()
        .orElseThrow(
            () ->
                new TritonException(
                    "IMGAPI "
                        + imgapi.endpoint().baseUrl()
                        + " has no default channel; give the channel to publish into"));
  }

  /** Checks what the server would refuse later, and sets {@code public} for the server's mode. */
  private ImageManifest prepare(PublishItem item, FileAdder files) {
    ImageManifest m = item.manifest();
    List<String> missing = new ArrayList<>();
    for (String[] field :
        new String[][] {
          {"uuid", m.uuid()},
          {"name", m.name()},
          {"version", m.version()},
          {"type", m.type()},
          {"os", m.os()}
        }) {
      if (field[1] == null) {
        missing.add(field[0]);
      }
    }
    if (m.v() == null) {
      missing.add("v");
    }
    ImageFile file;
    try {
      file = m.file();
    } catch (IllegalArgumentException e) {
      throw new TritonException("the manifest " + item.source() + ": " + e.getMessage(), e);
    }
    if (file == null || !file.isVerifiable()) {
      missing.add("files[0].sha1 and files[0].size");
    }
    if (!missing.isEmpty()) {
      throw new TritonException(
          "the manifest "
              + item.source()
              + " lacks "
              + String.join(", ", missing)
              + "; publish needs a complete image manifest, such as CloudAPI ExportImage writes");
    }
    if (file.size() <= 0 || file.size() > ImgapiClient.MAX_FILE_BYTES) {
      // IMGAPI would refuse it only after the import and the whole upload.
      throw new TritonException(
          "the manifest "
              + item.source()
              + " gives the file a size of "
              + file.size()
              + " bytes; IMGAPI accepts no empty file and none over 20 GiB ("
              + ImgapiClient.MAX_FILE_BYTES
              + " bytes)");
    }
    if (files.usesUrl(item) && !item.file().hasUrl()) {
      throw new TritonException(
          "fileSource 'url' needs the image file in Manta, but the file of "
              + item.describe()
              + " is "
              + item.file().describe()
              + "; use fileSource 'stream' or 'auto'");
    }
    try {
      FileAdder.compression(item, file);
    } catch (IllegalArgumentException e) {
      throw new TritonException("the manifest " + item.source() + ": " + e.getMessage(), e);
    }
    ImageManifest prepared = m.withPublic(settings.makePublic());
    if (!prepared.extraFields().isEmpty()) {
      listener.on(
          new Event.Warning(
              "the manifest "
                  + item.source()
                  + " has fields IMGAPI does not accept, left out: "
                  + String.join(", ", prepared.extraFields().keySet())));
      prepared = prepared.withoutExtraFields();
    }
    return prepared;
  }
}
