package org.tritondatacenter.origin.prune;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tritondatacenter.origin.OperationInterruptedException;
import org.tritondatacenter.origin.events.Event;
import org.tritondatacenter.origin.events.EventListener;
import org.tritondatacenter.origin.imgapi.Image;
import org.tritondatacenter.origin.imgapi.ImageQuery;
import org.tritondatacenter.origin.imgapi.ImgapiClient;
import org.tritondatacenter.origin.prune.PruneReport.Action;
import org.tritondatacenter.origin.prune.PruneReport.Entry;

/** Prunes the images of one channel, per name. */
final class ImagePruner {
  private final ImgapiClient imgapi;
  private final EventListener listener;

  ImagePruner(ImgapiClient imgapi, EventListener listener) {
    this.imgapi = imgapi;
    this.listener = listener;
  }

  List<Entry> prune(String channel, String nameFilter, int keep, boolean delete) {
    List<Image> images =
        imgapi.listImages(ImageQuery.builder().channel(channel).name("~" + nameFilter).build());
    Map<String, List<Image>> byName = new LinkedHashMap<>();
    images.forEach(i -> byName.computeIfAbsent(i.name(), n -> new ArrayList<>()).add(i));
    List<Entry> report = new ArrayList<>();
    for (List<Image> named : byName.values()) {
      // Newest first; an image never published counts as oldest.
      named.sort(
          Comparator.comparing(
                  Image::publishedAt,
                  Comparator.nullsFirst(Comparator.<java.time.Instant>naturalOrder()))
              .reversed());
      for (int i = 0; i < named.size(); i++) {
        Image image = named.get(i);
        Entry entry =
            new Entry(
                image.uuid(),
                image.name(),
                image.publishedAt() == null ? null : image.publishedAt().toString(),
                Action.KEEP,
                null);
        if (i < keep) {
          report.add(entry.with(Action.KEEP, "among the newest " + keep));
        } else {
          report.add(
              delete
                  ? remove(entry, image, channel)
                  : entry.with(Action.REMOVE, others(image, channel)));
        }
      }
    }
    return report;
  }

  /**
   * Removes the image from {@code channel} only: IMGAPI DeleteImage without force keeps it in its
   * other channels, and deletes it for good only when this was its last one.
   */
  private Entry remove(Entry entry, Image image, String channel) {
    try {
      imgapi.deleteImage(image.uuid(), channel, false);
      listener.on(
          new Event.Cleanup(
              "remove image from channel " + channel,
              entry.id() + " (" + image.name() + ")",
              true,
              null));
      return entry.with(Action.REMOVED, others(image, channel));
    } catch (OperationInterruptedException e) {
      throw e;
    } catch (RuntimeException e) {
      listener.on(
          new Event.Cleanup(
              "remove image from channel " + channel,
              entry.id(),
              false,
              "updates-imgadm -C " + channel + " delete " + entry.id()));
      return entry.with(Action.FAILED, e.getMessage());
    }
  }

  private static String others(Image image, String channel) {
    List<String> rest = image.channels().stream().filter(c -> !c.equals(channel)).toList();
    return rest.isEmpty() ? "in no other channel" : "stays in " + String.join(", ", rest);
  }
}
