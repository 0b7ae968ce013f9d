package org.tritondatacenter.origin.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tritondatacenter.origin.OperationInterruptedException;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.TritonException;
import org.tritondatacenter.origin.events.Event;
import org.tritondatacenter.origin.export.Export;
import org.tritondatacenter.origin.export.ExportSettings;
import org.tritondatacenter.origin.export.OriginPlatforms;
import org.tritondatacenter.origin.imgapi.ImgapiClient;
import org.tritondatacenter.origin.state.RecordKeeper;
import org.tritondatacenter.origin.steps.BuildResult;
import org.tritondatacenter.origin.steps.StepArguments;

/** Runs {@code mantaExport}. */
final class ExportHandler implements StepHandler {
  @Override
  public Map<String, Object> run(StepArguments arguments, StepEnvironment environment) {
    BuildResult build = BuildResult.fromMap(arguments.map("build"));
    ResolvedEndpoint cloudapi =
        environment
            .endpoints()
            .resolve(Service.CLOUDAPI, arguments.optionalString("cloudapi").orElse(null));
    ResolvedEndpoint manta =
        environment
            .endpoints()
            .resolve(Service.MANTA, arguments.optionalString("manta").orElse(null));
    boolean deleteImages = arguments.bool("deleteImages");
    ExportSettings settings =
        arguments.isSet("path")
            ? new ExportSettings(null, arguments.string("path"), deleteImages)
            : ExportSettings.ofProject(arguments.string("project"), deleteImages);
    Export export =
        new Export(
            Clients.cloudApi(cloudapi, environment.httpConfig()),
            Clients.manta(manta, environment.httpConfig()),
            origins(environment),
            environment.httpConfig().clock(),
            environment.listener());
    RecordKeeper record = new RecordKeeper(environment.store(), environment.storeName());
    try {
      return export.run(build, settings, record).toMap();
    } catch (IllegalArgumentException e) {
      throw new TritonException("mantaExport: " + e.getMessage(), e);
    }
  }

  /**
   * Returns where origins are looked up: the default IMGAPI, then a public one, each only if the
   * adapter has it.
   */
  private static OriginPlatforms origins(StepEnvironment environment) {
    List<ImgapiClient> sources = new ArrayList<>();
    for (String name : new String[] {null, EndpointResolver.PUBLIC_IMGAPI}) {
      try {
        ResolvedEndpoint e = environment.endpoints().resolve(Service.IMGAPI, name);
        sources.add(Clients.imgapi(e, environment.httpConfig()));
      } catch (OperationInterruptedException e) {
        throw e;
      } catch (RuntimeException e) {
        // Both are optional: an adapter may not have them, or may not hand them to this step.
        environment
            .listener()
            .on(
                new Event.Info(
                    "no "
                        + (name == null ? "default" : "'" + name + "'")
                        + " IMGAPI endpoint to read origin manifests from: "
                        + e.getMessage()));
      }
    }
    return new OriginPlatforms(sources);
  }
}
