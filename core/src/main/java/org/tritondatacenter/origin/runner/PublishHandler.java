package org.tritondatacenter.origin.runner;

import java.util.List;
import java.util.Map;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.TritonException;
import org.tritondatacenter.origin.http.HttpConfig;
import org.tritondatacenter.origin.imgapi.ImgapiClient;
import org.tritondatacenter.origin.manta.MantaClient;
import org.tritondatacenter.origin.publish.FileSourceMode;
import org.tritondatacenter.origin.publish.Publish;
import org.tritondatacenter.origin.publish.PublishItem;
import org.tritondatacenter.origin.publish.PublishSettings;
import org.tritondatacenter.origin.publish.PublishSources;
import org.tritondatacenter.origin.state.RecordKeeper;
import org.tritondatacenter.origin.steps.ExportResult;
import org.tritondatacenter.origin.steps.StepArguments;

/** Runs {@code imgadmPublish}: resolves the one source form given, then publishes. */
final class PublishHandler implements StepHandler {
  @Override
  public Map<String, Object> run(StepArguments arguments, StepEnvironment environment) {
    ResolvedEndpoint target =
        environment
            .endpoints()
            .resolve(Service.IMGAPI, arguments.optionalString("imgapi").orElse(null));
    boolean makePublic = arguments.bool("makePublic");
    if (makePublic && arguments.isSet("channel")) {
      throw new TritonException(
          "imgadmPublish: makePublic publishes to a public server, which has no channels; leave"
              + " out 'channel'");
    }
    String channel =
        makePublic ? null : arguments.optionalString("channel").orElse(target.defaultChannel());
    PublishSettings settings =
        new PublishSettings(
            channel, FileSourceMode.fromName(arguments.string("fileSource")), makePublic);
    ImgapiClient imgapi = Clients.imgapi(target, environment.httpConfig());
    List<PublishItem> items;
    try {
      items = items(arguments, environment);
    } catch (IllegalArgumentException e) {
      throw new TritonException("imgadmPublish: " + e.getMessage(), e);
    }
    RecordKeeper record = new RecordKeeper(environment.store(), environment.storeName());
    HttpConfig config = environment.httpConfig();
    return new Publish(imgapi, settings, config.clock(), config.sleeper(), environment.listener())
        .run(items, record)
        .toMap();
  }

  private static List<PublishItem> items(StepArguments arguments, StepEnvironment environment) {
    if (arguments.isSet("sourceImgapi")) {
      ResolvedEndpoint source =
          environment.endpoints().resolve(Service.IMGAPI, arguments.string("sourceImgapi"));
      return PublishSources.fromImgapi(
          Clients.imgapi(source, environment.httpConfig()), arguments.list("uuids"));
    }
    if (arguments.isSet("export")) {
      ExportResult export = ExportResult.fromMap(arguments.map("export"));
      if (export.images().isEmpty()) {
        return List.of();
      }
      ResolvedEndpoint manta = environment.endpoints().resolve(Service.MANTA, null);
      return PublishSources.fromExport(
          export, Clients.manta(manta, environment.httpConfig()), Clients.isHttps(manta));
    }
    if (arguments.isSet("from")) {
      ResolvedEndpoint manta = environment.endpoints().resolve(Service.MANTA, null);
      return PublishSources.fromMantaDirectory(
          Clients.manta(manta, environment.httpConfig()),
          arguments.string("from"),
          Clients.isHttps(manta));
    }
    String manifest = arguments.string("manifest");
    String file = arguments.string("file");
    boolean inManta = manifest.startsWith("/") || file.startsWith("/");
    MantaClient mantaClient = null;
    boolean https = false;
    if (inManta) {
      // Local paths are absolute too; only a path under the Manta account's stor or public goes
      // to Manta, so Manta is consulted only when one is configured.
      ResolvedEndpoint manta = mantaIfConfigured(environment);
      if (manta != null) {
        mantaClient = Clients.manta(manta, environment.httpConfig());
        https = Clients.isHttps(manta);
      }
    }
    return List.of(PublishSources.fromManifestAndFile(manifest, file, mantaClient, https));
  }

  private static ResolvedEndpoint mantaIfConfigured(StepEnvironment environment) {
    try {
      return environment.endpoints().resolve(Service.MANTA, null);
    } catch (TritonException e) {
      return null;
    }
  }
}
