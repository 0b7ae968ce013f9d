package org.tritondatacenter.origin.channel;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tritondatacenter.origin.OperationInterruptedException;
import org.tritondatacenter.origin.TritonException;
import org.tritondatacenter.origin.events.Event;
import org.tritondatacenter.origin.events.EventListener;
import org.tritondatacenter.origin.imgapi.Image;
import org.tritondatacenter.origin.imgapi.ImgapiClient;
import org.tritondatacenter.origin.state.RecordKeeper;
import org.tritondatacenter.origin.steps.ChannelAddResult;
import org.tritondatacenter.origin.steps.ChannelAddResult.Change;
import org.tritondatacenter.origin.steps.ChannelAddResult.Outcome;
import org.tritondatacenter.origin.wait.Clock;

/**
 * Adds published images to more channels of one IMGAPI server: {@code imgadmChannelAdd}.
 *
 * <pre>{@code
 * ChannelAddResult result = new ChannelAdd(imgapi, clock, listener)
 *     .run(ChannelAddRequest.byName("dev", "triton-origin-", version, true,
 *         List.of("staging", "release"), false), record);
 * }</pre>
 *
 * <p>Every channel named is checked to exist and every image to be active before the first change.
 * An image already in a target channel is reported {@code already-present} and not touched; in a
 * dry run the other pairs are {@code would-add} and nothing is written to the server or the record.
 */
public final class ChannelAdd {
  /** The name of this operation's section in the run record. */
  public static final String SECTION = "channelAdd";

  private static final String PHASE = "channel-add";

  private final ImgapiClient imgapi;
  private final Clock clock;
  private final EventListener listener;

  /** Creates the operation for the server {@code imgapi} talks to; it needs a signed client. */
  public ChannelAdd(ImgapiClient imgapi, Clock clock, EventListener listener) {
    this.imgapi = Objects.requireNonNull(imgapi, "imgapi == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.listener = Objects.requireNonNull(listener, "listener == null");
  }

  /**
   * Selects the images and adds each to every target channel, calling IMGAPI ListChannels, then
   * GetImage or ListImages, then ChannelAddImage for each pair not yet present.
   *
   * @param record where progress is kept; a finished record for the same request returns its result
   *     without calling the server
   * @throws TritonException naming the channel or image that is missing or not active, or the pair
   *     whose addition failed together with what was added before it
   * @throws OperationInterruptedException when the thread is interrupted; during a ChannelAddImage,
   *     naming that pair and what was added before it (which the record holds too)
   */
  public ChannelAddResult run(ChannelAddRequest request, RecordKeeper record) {
    Objects.requireNonNull(request, "request == null");
    Objects.requireNonNull(record, "record == null");
    Optional<ChannelAddRecord> saved = record.section(SECTION, ChannelAddRecord.class);
    if (!request.dryRun()
        && saved.isPresent()
        && saved.get().result() != null
        && saved.get().request().equals(request)) {
      listener.on(new Event.Info("channel-add already finished according to " + record.source()));
      return ChannelAddResult.fromMap(saved.get().result());
    }
    Instant start = clock.now();
    listener.on(new Event.PhaseStarted(PHASE, request.describeSelection()));
    boolean ok = false;
    try {
      ChannelAddResult result = addAll(request, record);
      ok = true;
      return result;
    } finally {
      listener.on(
          new Event.PhaseFinished(
              PHASE, request.describeSelection(), ok, Duration.between(start, clock.now())));
    }
  }

  private ChannelAddResult addAll(ChannelAddRequest request, RecordKeeper record) {
    ImageSelector selector = new ImageSelector(imgapi);
    selector.checkChannels(request);
    List<Image> images = selector.select(request);
    listener.on(
        new Event.Info(
            "selected "
                + images.size()
                + " image(s) from channel '"
                + request.fromChannel()
                + "': "
                + ImageSelector.describeAll(images)));
    List<Change> changes = new ArrayList<>();
    for (Image image : images) {
      for (String channel : request.channels()) {
        checkInterrupted(changes);
        Change change = change(image, channel, request, changes);
        changes.add(change);
        if (!request.dryRun()) {
          record.save(SECTION, new ChannelAddRecord(request, maps(changes), null));
        }
      }
    }
    ChannelAddResult result = new ChannelAddResult(changes);
    if (!request.dryRun()) {
      record.save(SECTION, new ChannelAddRecord(request, maps(changes), result.toMap()));
    }
    return result;
  }

  private Change change(Image image, String channel, ChannelAddRequest request, List<Change> done) {
    if (image.isInChannel(channel)) {
      return change(image, channel, Outcome.ALREADY_PRESENT);
    }
    if (request.dryRun()) {
      listener.on(
          new Event.Info("would add " + ImageSelector.describe(image) + " to '" + channel + "'"));
      return change(image, channel, Outcome.WOULD_ADD);
    }
    Image updated;
    try {
      updated = imgapi.channelAddImage(image.uuid(), request.fromChannel(), channel);
    } catch (OperationInterruptedException e) {
      // The flag is already re-asserted; the message adds which pair was cut short and what the
      // run had added by then, as a failure's does.
      throw new OperationInterruptedException(
          "channel-add of image "
              + ImageSelector.describe(image)
              + " to channel '"
              + channel
              + "' was interrupted"
              + addedSoFar(done),
          e);
    } catch (RuntimeException e) {
      throw new TritonException(
          "channel-add of image "
              + ImageSelector.describe(image)
              + " to channel '"
              + channel
              + "' failed: "
              + e.getMessage()
              + addedSoFar(done),
          e);
    }
    if (!updated.isInChannel(channel)) {
      throw new TritonException(
          "IMGAPI answered ChannelAddImage of image "
              + ImageSelector.describe(image)
              + " without '"
              + channel
              + "' among its channels ("
              + String.join(", ", updated.channels())
              + ")"
              + addedSoFar(done));
    }
    listener.on(new Event.Info("added " + ImageSelector.describe(image) + " to '" + channel + "'"));
    return change(image, channel, Outcome.ADDED);
  }

  private static Change change(Image image, String channel, Outcome outcome) {
    return new Change(image.uuid(), image.name(), image.version(), channel, outcome);
  }

  private static void checkInterrupted(List<Change> done) {
    if (Thread.currentThread().isInterrupted()) {
      throw new OperationInterruptedException("channel-add was interrupted" + addedSoFar(done));
    }
  }

  private static String addedSoFar(List<Change> done) {
    List<String> added =
        done.stream()
            .filter(c -> c.result() == Outcome.ADDED)
            .map(c -> c.uuid() + " to '" + c.channel() + "'")
            .toList();
    return added.isEmpty() ? "; nothing was added" : "; added before: " + String.join(", ", added);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> maps(List<Change> changes) {
    return (List<Map<String, Object>>) new ChannelAddResult(changes).toMap().get("changes");
  }
}
