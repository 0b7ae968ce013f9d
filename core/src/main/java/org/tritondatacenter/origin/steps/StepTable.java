package org.tritondatacenter.origin.steps;

import static org.tritondatacenter.origin.steps.StepParameter.of;

import java.util.List;

/**
 * The parameter table of the four steps. The names here are the contract: Jenkinsfiles, the CLI and
 * the Jenkinsfile checker all use them, so renaming one is a breaking change.
 */
final class StepTable {
  private StepTable() {}

  static final List<StepParameter> BUILD =
      List.of(
          of("images", ParamType.PATH, "Workspace path of the images file; the adapter reads it.")
              .defaultsTo("images.json")
              .alternativeTo("imagesJson"),
          of("imagesJson", ParamType.JSON_TEXT, "The images file's content, instead of a path.")
              .alternativeTo("images"),
          of("only", ParamType.NAME_LIST, "Image names to build, as a list or comma-separated.")
              .defaultText("all images"),
          of("force", ParamType.BOOLEAN, "Build even if the same spec is already published.")
              .defaultsTo(false),
          of(
                  "allowKnownBrokenOrigin",
                  ParamType.BOOLEAN,
                  "Build from an origin known to be broken, such as 16.4.x (DATASET-1297).")
              .defaultsTo(false),
          of("version", ParamType.VERSION, "Image version for every image built.")
              .defaultText("the stamp <branch>-<YYYYMMDDTHHMMSSZ>-g<shortsha>"),
          of("branch", ParamType.STRING, "Branch for the version, tags and Manta path.")
              .defaultText("from the environment or git"),
          of("timestamp", ParamType.TIMESTAMP, "Build time as YYYYMMDDTHHMMSSZ (UTC).")
              .defaultText("from the environment or git"),
          of("gitCommit", ParamType.GIT_COMMIT, "Commit hash, 7 to 40 hex digits.")
              .defaultText("from the environment or git"),
          of("cloudapi", ParamType.ENDPOINT, "CloudAPI endpoint that builds the images.")
              .defaultText("the default CloudAPI"),
          of(
                  "imgapi",
                  ParamType.ENDPOINT,
                  "IMGAPI endpoint holding the origin chain and published specs.")
              .defaultText("none; the default IMGAPI when only 'channel' is given"),
          of("channel", ParamType.CHANNEL, "Channel on imgapi that preflight checks.")
              .defaultText("none; the imgapi endpoint's default channel"),
          of("concurrency", ParamType.INTEGER, "Images built at the same time.")
              .defaultText("the number of images, at most 4")
              .range(1, 16),
          of("keepOnFailure", ParamType.BOOLEAN, "Keep a failed build's machine for debugging.")
              .defaultsTo(false),
          of("timeoutMinutes", ParamType.INTEGER, "Deadline for each image's build, in minutes.")
              .defaultsTo(60)
              .range(1, 1440));

  static final List<StepParameter> EXPORT =
      List.of(
          of("build", ParamType.MAP, "What tritonOriginBuild returned.").mandatory(),
          of("manta", ParamType.ENDPOINT, "Manta endpoint to export to.")
              .defaultText("the default Manta"),
          of("cloudapi", ParamType.ENDPOINT, "CloudAPI endpoint that holds the built images.")
              .defaultText("the default CloudAPI"),
          of("project", ParamType.WORD, "Project directory under /<account>/public/builds/.")
              .defaultsTo("triton-origin-image")
              .alternativeTo("path"),
          of("path", ParamType.MANTA_PATH, "Manta directory to export into.")
              .defaultText("/<account>/public/builds/<project>/<branch>-<timestamp>/")
              .alternativeTo("project"),
          of("deleteImages", ParamType.BOOLEAN, "Delete the datacenter images once exported.")
              .defaultsTo(true));

  static final List<StepParameter> PUBLISH =
      List.of(
          of("export", ParamType.MAP, "What mantaExport returned; one source form is required.")
              .defaultText("none"),
          of("from", ParamType.MANTA_PATH, "A Manta build directory to publish, instead."),
          of("manifest", ParamType.PATH, "One image manifest, on disk or in Manta, with file."),
          of("file", ParamType.PATH, "The image file for manifest."),
          of("sourceImgapi", ParamType.ENDPOINT, "Another IMGAPI to copy images from, with uuids."),
          of("uuids", ParamType.UUID_LIST, "Images to copy from sourceImgapi."),
          of("imgapi", ParamType.ENDPOINT, "IMGAPI endpoint to publish to.")
              .defaultText("the default IMGAPI"),
          of("channel", ParamType.CHANNEL, "Channel to publish into.")
              .defaultText("the endpoint's default channel, else the server's"),
          of("fileSource", ParamType.CHOICE, "How the file reaches IMGAPI: streamed or by URL.")
              .choices("auto", "stream", "url")
              .defaultsTo("auto"),
          of("makePublic", ParamType.BOOLEAN, "Publish with public: true, for a public server.")
              .defaultsTo(false));

  static final List<StepParameter> CHANNEL_ADD =
      List.of(
          of("imgapi", ParamType.ENDPOINT, "IMGAPI endpoint to change.")
              .defaultText("the default IMGAPI"),
          of("fromChannel", ParamType.CHANNEL, "Channel the images are selected from.")
              .defaultsTo("dev"),
          of("channels", ParamType.CHANNEL_LIST, "Channels to add the images to.").mandatory(),
          of("uuids", ParamType.UUID_LIST, "Images to add, instead of name and version."),
          of("name", ParamType.STRING, "Image name filter (substring), with version."),
          of("version", ParamType.VERSION, "Exact image version, with name."),
          of("latest", ParamType.BOOLEAN, "Keep only the newest selected image per name.")
              .defaultsTo(true),
          of("dryRun", ParamType.BOOLEAN, "List what would change without changing it.")
              .defaultsTo(false));
}
