package org.tritondatacenter.origin.reliability;

import java.time.Instant;
import org.tritondatacenter.origin.runner.EndpointResolver;
import org.tritondatacenter.origin.runner.ResolvedEndpoint;
import org.tritondatacenter.origin.runner.StepEnvironment;
import org.tritondatacenter.origin.state.MemoryRunRecordStore;
import org.tritondatacenter.origin.testkit.LocalTriton;

/**
 * The step environment an adapter gives the step runner, resolving every endpoint to the rig's
 * local Triton and signing with its key.
 */
final class Steps {
  private Steps() {}

  /** Returns the environment, with TLS verification off when {@code insecure}. */
  static StepEnvironment environment(Rig rig, boolean insecure) {
    LocalTriton t = rig.triton;
    EndpointResolver resolver =
        (service, name) -> {
          ResolvedEndpoint e =
              switch (service) {
                case CLOUDAPI ->
                    new ResolvedEndpoint(
                        service, "local", t.cloudApiUrl(), t.account(), null, rig.key, null, null);
                case MANTA ->
                    new ResolvedEndpoint(
                        service, "manta", t.mantaUrl(), t.account(), null, rig.key, null, null);
                case IMGAPI ->
                    new ResolvedEndpoint(
                        service,
                        "updates",
                        t.imgapiUrl("updates"),
                        t.account(),
                        null,
                        rig.key,
                        null,
                        "dev");
              };
          return insecure ? e.insecure() : e;
        };
    return StepEnvironment.builder()
        .endpoints(resolver)
        .store(new MemoryRunRecordStore(), "the test record")
        .listener(rig.events)
        .buildDefaults("master", Instant.parse("2026-01-01T12:00:00Z"), "0123456789abcdef")
        .httpConfig(rig.config())
        .build();
  }

  static StepEnvironment environment(Rig rig) {
    return environment(rig, false);
  }
}
