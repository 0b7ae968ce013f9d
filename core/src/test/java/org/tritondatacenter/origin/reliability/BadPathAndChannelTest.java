package org.tritondatacenter.origin.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tritondatacenter.origin.TritonException;
import org.tritondatacenter.origin.operations.LocalOps;
import org.tritondatacenter.origin.runner.StepRunner;
import org.tritondatacenter.origin.state.MemoryRunRecordStore;
import org.tritondatacenter.origin.steps.BuildResult;
import org.tritondatacenter.origin.steps.Step;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.http.RequestRecord;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.wait.ScaledClock;

/**
 * Manta paths that climb ({@code ..}) or lead into another account, and channel names with spaces
 * or slashes, given to the steps as the adapters give them: each is refused naming the parameter
 * and the value, and nothing is written anywhere.
 */
class BadPathAndChannelTest {
  private static final ScaledClock CLOCK = ScaledClock.create(Builds.SPEED);

  /** Every operation that changes something on one of the services. */
  private static final Set<String> WRITES =
      Set.of(
          "PutDirectory",
          "PutObject",
          "PutSnapLink",
          "DeleteObject",
          "ExportImage",
          "DeleteImage",
          "AdminImportImage",
          "AddImageFile",
          "AddImageFileFromUrl",
          "ActivateImage",
          "ChannelAddImage",
          "UpdateImage");

  @RegisterExtension
  static final LocalTritonExtension TRITON =
      LocalTritonExtension.withOptions(LocalOps.options(CLOCK).build());

  static Stream<Arguments> badInput() {
    return Stream.of(
        Arguments.of(Step.MANTA_EXPORT, "path", "/alice/public/builds/../../bob/x", "'..'"),
        Arguments.of(Step.MANTA_EXPORT, "path", "/bob/public/builds/x", "bob"),
        Arguments.of(Step.MANTA_EXPORT, "path", "builds/x", "absolute Manta path"),
        Arguments.of(Step.MANTA_EXPORT, "project", "../x", "project"),
        Arguments.of(Step.IMGADM_PUBLISH, "from", "/bob/stor/builds/x", "bob"),
        Arguments.of(Step.IMGADM_PUBLISH, "from", "/alice/stor/../bob/x", "'..'"),
        Arguments.of(Step.IMGADM_PUBLISH, "channel", "re lease", "re lease"),
        Arguments.of(Step.IMGADM_PUBLISH, "channel", "dev/x", "dev/x"),
        Arguments.of(Step.IMGADM_CHANNEL_ADD, "channels", "staging,re lease", "re lease"),
        Arguments.of(Step.IMGADM_CHANNEL_ADD, "fromChannel", "dev/../x", "dev/../x"));
  }

  @ParameterizedTest(name = "{0} {1}={2}")
  @MethodSource("badInput")
  void step_badPathOrChannel_isRefusedNamingItAndWritesNothing(
      Step step, String parameter, String value, String named) {
    LocalTriton triton = TRITON.triton();
    LocalOps ops = new LocalOps(triton, CLOCK);
    Map<String, Object> args = new java.util.HashMap<>();
    args.put(parameter, value);
    switch (step) {
      case MANTA_EXPORT -> args.put("build", build(ops).toMap());
      case IMGADM_PUBLISH -> args.putIfAbsent("from", "/alice/stor/builds/x");
      case IMGADM_CHANNEL_ADD -> {
        args.putIfAbsent("channels", "staging");
        args.put("uuids", LocalOps.ORIGIN_B);
      }
      default -> throw new IllegalArgumentException(step.toString());
    }
    int before = triton.requests().all().size();

    Throwable e =
        catchThrowable(
            () ->
                StepRunner.run(
                    step, args, ops.environment(new MemoryRunRecordStore(), new Events()).build()));

    assertThat(e).isInstanceOf(TritonException.class);
    assertThat(e.getMessage()).contains(named).doesNotContain("\tat ");
    assertThat(triton.requests().all().subList(before, triton.requests().all().size()))
        .extracting(RequestRecord::operation)
        .as("nothing written")
        .doesNotContainAnyElementsOf(WRITES);
  }

  private BuildResult built;

  private BuildResult build(LocalOps ops) {
    if (built == null) {
      built = ops.build();
    }
    return built;
  }
}
