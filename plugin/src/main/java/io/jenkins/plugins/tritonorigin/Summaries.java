package io.jenkins.plugins.tritonorigin;

import io.jenkins.plugins.tritonorigin.TritonOriginAction.Line;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.steps.BuildResult;
import org.tritondatacenter.origin.steps.ChannelAddResult;
import org.tritondatacenter.origin.steps.ExportResult;
import org.tritondatacenter.origin.steps.PublishResult;
import org.tritondatacenter.origin.steps.Step;

/** Turns a step's result map into the summary lines of {@link TritonOriginAction}. */
final class Summaries {
  private Summaries() {}

  static List<Line> lines(
      Step operation,
      Map<String, Object> arguments,
      Map<String, Object> result,
      TritonOriginConfiguration config) {
    List<Line> lines = new ArrayList<>();
    switch (operation) {
      case TRITON_ORIGIN_BUILD -> {
        for (BuildResult.Image image : BuildResult.fromMap(result).images()) {
          lines.add(
              new Line(
                  image.skipped()
                      ? "Skipped " + label(image.name(), image.version()) + ": already published"
                      : "Built "
                          + label(image.name(), image.version())
                          + " as image "
                          + image.uuid(),
                  null));
        }
      }
      case MANTA_EXPORT -> {
        ExportResult export = ExportResult.fromMap(result);
        Optional<String> manta = link(config, Service.MANTA, name(arguments, "manta"));
        lines.add(
            new Line(
                "Exported " + export.images().size() + " image(s) to Manta " + export.dir(),
                manta.map(base -> join(base, export.dir()) + "/").orElse(null)));
      }
      case IMGADM_PUBLISH -> {
        Optional<String> imgapi = link(config, Service.IMGAPI, name(arguments, "imgapi"));
        for (PublishResult.Image image : PublishResult.fromMap(result).images()) {
          String verb =
              image.result() == PublishResult.Outcome.PUBLISHED
                  ? "Published "
                  : "Already published ";
          lines.add(
              new Line(
                  verb + label(image.name(), image.version()) + inChannel(image.channel()),
                  imageLink(imgapi, image.uuid(), image.channel())));
        }
      }
      case IMGADM_CHANNEL_ADD -> {
        Optional<String> imgapi = link(config, Service.IMGAPI, name(arguments, "imgapi"));
        for (ChannelAddResult.Change change : ChannelAddResult.fromMap(result).changes()) {
          String image = label(change.name(), change.version());
          String text =
              switch (change.result()) {
                case ADDED -> "Added " + image + " to channel " + change.channel();
                case ALREADY_PRESENT -> image + " was already in channel " + change.channel();
                case WOULD_ADD -> "Would add " + image + " to channel " + change.channel();
              };
          lines.add(new Line(text, imageLink(imgapi, change.uuid(), change.channel())));
        }
      }
    }
    return lines;
  }

  private static String label(String name, String version) {
    return name + " " + version;
  }

  private static String inChannel(String channel) {
    return channel == null ? "" : " in channel " + channel;
  }

  private static String name(Map<String, Object> arguments, String parameter) {
    Object value = arguments.get(parameter);
    return value == null ? null : value.toString();
  }

  private static String imageLink(Optional<String> imgapi, String uuid, String channel) {
    return imgapi
        .map(
            base ->
                join(base, "/images/" + uuid)
                    + (channel == null
                        ? ""
                        : "?channel=" + URLEncoder.encode(channel, StandardCharsets.UTF_8)))
        .orElse(null);
  }

  /** Returns the endpoint's base URL when it is a plain http or https URL, safe to link to. */
  private static Optional<String> link(
      TritonOriginConfiguration config, Service service, String name) {
    return config.url(service, name).filter(url -> TritonEndpoint.urlProblem(url) == null);
  }

  private static String join(String base, String path) {
    String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    return trimmed + (path.startsWith("/") ? path : "/" + path);
  }
}
