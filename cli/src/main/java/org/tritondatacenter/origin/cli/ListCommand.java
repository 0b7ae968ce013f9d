package org.tritondatacenter.origin.cli;

import java.util.List;
import org.tritondatacenter.origin.imgapi.Image;
import org.tritondatacenter.origin.imgapi.ImageQuery;
import org.tritondatacenter.origin.imgapi.ImgapiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code triton-origin list}: the images on IMGAPI, as {@code updates-imgadm list --latest
 * name=~triton-origin-} shows them.
 */
@Command(
    name = "list",
    description = {
      "Lists the newest image of each name on IMGAPI whose name contains --name, in a channel;"
          + " --all lists every version."
    })
final class ListCommand extends ServiceCommand {
  @Option(
      names = "--channel",
      paramLabel = "CHANNEL",
      description = "Channel to list (default: UPDATES_IMGADM_CHANNEL, else the server's default).")
  String channel;

  @Option(
      names = "--name",
      paramLabel = "TEXT",
      defaultValue = ReleaseCommand.DEFAULT_NAME,
      description = "Text the image names contain. Default: ${DEFAULT-VALUE}.")
  String name;

  @Option(names = "--version", paramLabel = "VERSION", description = "Exact image version.")
  String version;

  @Option(names = "--all", description = "List every matching image, not only the newest per name.")
  boolean all;

  @Option(
      names = "--imgapi",
      paramLabel = "ENDPOINT",
      description = "IMGAPI endpoint: default, source or public. Default: default.")
  String imgapi;

  @Override
  public Integer call() {
    try (Session session = session(false)) {
      ImgapiClient client = session.imgapi(imgapi);
      List<Image> images =
          env()
              .interruption()
              .guard(
                  () -> {
                    if (channel != null) {
                      ChannelCheck.require(client, List.of(channel));
                    }
                    ImageQuery.Builder query = ImageQuery.builder().name("~" + name);
                    if (version != null) {
                      query.version(version);
                    }
                    if (channel != null) {
                      query.channel(channel);
                    }
                    return all
                        ? client.listImages(query.build())
                        : client.listLatestImages(query.build());
                  });
      if (json) {
        printJson(images);
      } else {
        print(images);
      }
    }
    return ExitCodes.OK;
  }

  private void print(List<Image> images) {
    Table table = new Table("UUID", "NAME", "VERSION", "STATE", "CHANNELS", "PUBLISHED");
    for (Image image : images) {
      table.row(
          image.uuid(),
          image.name(),
          image.version(),
          image.state().wireName(),
          image.channels().isEmpty() ? "-" : String.join(",", image.channels()),
          image.publishedAt() == null ? "-" : published(image));
    }
    table.print(env().out());
  }

  /** Formats the time as updates-imgadm does, to the minute. */
  private static String published(Image image) {
    return image.publishedAt().truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString();
  }
}
