package org.tritondatacenter.origin.publish;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.tritondatacenter.origin.OperationInterruptedException;
import org.tritondatacenter.origin.TritonApiException;
import org.tritondatacenter.origin.TritonException;
import org.tritondatacenter.origin.TritonIoException;
import org.tritondatacenter.origin.events.Event;
import org.tritondatacenter.origin.events.EventListener;
import org.tritondatacenter.origin.flow.Cleanup;
import org.tritondatacenter.origin.flow.Task;
import org.tritondatacenter.origin.flow.TaskRunner;
import org.tritondatacenter.origin.imgapi.Image;
import org.tritondatacenter.origin.imgapi.ImageFile;
import org.tritondatacenter.origin.imgapi.ImageManifest;
import org.tritondatacenter.origin.imgapi.ImageState;
import org.tritondatacenter.origin.imgapi.ImgapiClient;
import org.tritondatacenter.origin.imgapi.ImgapiErrors;
import org.tritondatacenter.origin.publish.PublishRecord.ImageProgress;
import org.tritondatacenter.origin.publish.PublishRecord.Phase;
import org.tritondatacenter.origin.steps.PublishResult;
import org.tritondatacenter.origin.steps.PublishResult.Outcome;
import org.tritondatacenter.origin.wait.Clock;
import org.tritondatacenter.origin.wait.Waiter;

/**
 * Publishes one image as a task sequence: look it up, import, add the file, activate, add the
 * channel. Each task does nothing when the state found says it is done, so the same sequence
 * resumes any earlier attempt. When the run fails or is interrupted, {@link ImportCleanup} deletes
 * an image left unactivated, even one IMGAPI imports after the import's answer was lost.
 */
final class ImagePublisher {
  private static final Duration CLEANUP_BUDGET = Duration.ofMinutes(2);

  private final ImgapiClient imgapi;
  private final ImageLookup lookup;
  private final FileAdder files;
  private final PublishProgress progress;
  private final ImportCleanup importCleanup;
  private final Clock clock;
  private final EventListener listener;

  ImagePublisher(
      ImgapiClient imgapi,
      ImageLookup lookup,
      FileAdder files,
      PublishProgress progress,
      Clock clock,
      Waiter waiter,
      EventListener listener) {
    this.imgapi = imgapi;
    this.lookup = lookup;
    this.files = files;
    this.progress = progress;
    this.importCleanup = new ImportCleanup(imgapi, lookup, progress, waiter);
    this.clock = clock;
    this.listener = listener;
  }

  /** What one image's run knows; the tasks share it. */
  static final class State {
    final PublishItem item;
    final String channel;
    final ImageManifest manifest;
    Image image;
    boolean publishedHere;

    /** AdminImportImage was sent and got no answer: IMGAPI may still import the image. */
    boolean importUnanswered;

    State(PublishItem item, String channel, ImageManifest manifest) {
      this.item = item;
      this.channel = channel;
      this.manifest = manifest;
    }

    String uuid() {
      return manifest.uuid();
    }
  }

  /**
   * Publishes {@code item} into {@code channel} (null on a server without channels) with {@code
   * manifest}, the item's manifest prepared for the server.
   */
  PublishResult.Image publish(PublishItem item, String channel, ImageManifest manifest) {
    State state = new State(item, channel, manifest);
    // An image this run record already worked on counts as published by this run.
    state.publishedHere = progress.phase(state.uuid()).isPresent();
    List<Task<State>> tasks =
        List.of(new LookUp(), new Import(), new AddFile(), new Activate(), new AddChannel());
    new TaskRunner<State>("publish", item.describe(), clock::now, CLEANUP_BUDGET, listener)
        .run(tasks, state);
    Outcome outcome = state.publishedHere ? Outcome.PUBLISHED : Outcome.ALREADY_PUBLISHED;
    if (outcome == Outcome.ALREADY_PUBLISHED) {
      listener.on(new Event.Info(item.describe() + " is already published"));
    }
    return new PublishResult.Image(
        state.uuid(), manifest.name(), manifest.version(), channel, outcome);
  }

  private void advance(State state, Phase phase) {
    progress.save(
        state.uuid(),
        new ImageProgress(state.manifest.name(), state.manifest.version(), state.channel, phase));
  }

  private final class LookUp implements Task<State> {
    @Override
    public String name() {
      return "look up";
    }

    @Override
    public void run(State state) {
      state.image = lookup.find(state.uuid()).orElse(null);
      if (state.image != null) {
        ImageLookup.checkSame(state.image, state.item);
        if (state.image.state() != ImageState.ACTIVE
            && state.image.state() != ImageState.UNACTIVATED) {
          throw new TritonException(
              "image "
                  + state.item.describe()
                  + " is "
                  + state.image.state().wireName()
                  + " on the server; enable it or delete it, then publish again");
        }
      }
    }
  }

  private final class Import implements Task<State> {
    @Override
    public String name() {
      return "import";
    }

    @Override
    public void run(State state) {
      if (state.image != null) {
        return;
      }
      try {
        state.image = imgapi.adminImportImage(state.manifest, state.channel);
      } catch (TritonApiException e) {
        if (!e.hasCode(ImgapiErrors.IMAGE_UUID_ALREADY_EXISTS)) {
          throw e;
        }
        state.image = adopt(state, e);
      } catch (TritonIoException e) {
        // The answer was lost: the image may exist. Look before doing anything else.
        state.importUnanswered = true;
        state.image = adopt(state, e);
      } catch (OperationInterruptedException e) {
        // The call was cancelled in flight; IMGAPI may still act on it.
        state.importUnanswered = true;
        throw e;
      }
      state.publishedHere = true;
      advance(state, Phase.IMPORTED);
    }

    private Image adopt(State state, RuntimeException cause) {
      Optional<Image> now;
      try {
        now = lookup.find(state.uuid());
      } catch (TritonException e) {
        e.addSuppressed(cause);
        throw e;
      }
      Image found = now.orElseThrow(() -> cause);
      ImageLookup.checkSame(found, state.item);
      listener.on(new Event.Info("found image " + state.item.describe() + " already imported"));
      return found;
    }

    @Override
    public void cleanup(State state, Cleanup cleanup) {
      importCleanup.cleanUp(state, cleanup);
    }
  }

  private final class AddFile implements Task<State> {
    @Override
    public String name() {
      return "add file";
    }

    @Override
    public void run(State state) {
      if (state.image.state() != ImageState.UNACTIVATED || hasFile(state)) {
        return;
      }
      state.image = files.add(state.item, writeChannel(state));
      advance(state, Phase.FILE_ADDED);
    }

    private boolean hasFile(State state) {
      ImageFile have = state.image.file();
      ImageFile want = state.manifest.file();
      return have != null
          && have.isVerifiable()
          && have.sha1().equalsIgnoreCase(want.sha1())
          && have.size().equals(want.size());
    }
  }

  private final class Activate implements Task<State> {
    @Override
    public String name() {
      return "activate";
    }

    @Override
    public void run(State state) {
      if (state.image.state() != ImageState.UNACTIVATED) {
        return;
      }
      try {
        state.image = imgapi.activateImage(state.uuid(), writeChannel(state));
      } catch (TritonApiException e) {
        if (!e.hasCode(ImgapiErrors.IMAGE_ALREADY_ACTIVATED)) {
          throw e;
        }
        state.image = activated(state, e);
      } catch (TritonIoException e) {
        // ActivateImage is not repeatable; after a lost answer, the server says what happened.
        state.image = activated(state, e);
      }
      FileAdder.check(state.image.file(), state.manifest.file(), state.item);
      state.publishedHere = true;
      advance(state, Phase.ACTIVATED);
      listener.on(new Event.Info("activated image " + state.item.describe()));
    }

    private Image activated(State state, RuntimeException cause) {
      Image found = lookup.find(state.uuid()).orElseThrow(() -> cause);
      if (found.state() != ImageState.ACTIVE) {
        throw cause;
      }
      return found;
    }
  }

  private final class AddChannel implements Task<State> {
    @Override
    public String name() {
      return "add channel";
    }

    @Override
    public void run(State state) {
      if (state.channel == null || state.image.isInChannel(state.channel)) {
        return;
      }
      String from = state.image.channels().isEmpty() ? null : state.image.channels().get(0);
      state.image = imgapi.channelAddImage(state.uuid(), from, state.channel);
      advance(state, Phase.CHANNEL_ADDED);
      listener.on(
          new Event.Info(
              "added image " + state.item.describe() + " to channel '" + state.channel + "'"));
    }
  }

  /** Returns the channel to address the image in: the one it is in, which writes must name. */
  private static String writeChannel(State state) {
    if (state.channel == null
        || state.image.channels().isEmpty()
        || state.image.isInChannel(state.channel)) {
      return state.channel;
    }
    return state.image.channels().get(0);
  }
}
