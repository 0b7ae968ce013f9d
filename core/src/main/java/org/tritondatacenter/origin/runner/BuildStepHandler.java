package org.tritondatacenter.origin.runner;

import java.util.Map;
import org.tritondatacenter.origin.build.BuildOperation;
import org.tritondatacenter.origin.state.RecordKeeper;
import org.tritondatacenter.origin.steps.StepArguments;

/** Runs {@code tritonOriginBuild}: the build operation with the adapter's record and time. */
final class BuildStepHandler implements StepHandler {
  @Override
  public Map<String, Object> run(StepArguments arguments, StepEnvironment environment) {
    BuildSetup setup = BuildSetup.from(arguments, environment);
    RecordKeeper keeper = new RecordKeeper(environment.store(), environment.storeName());
    BuildOperation.Builder operation =
        BuildOperation.builder(setup.cloudApi(), keeper)
            .time(environment.httpConfig().clock(), environment.httpConfig().sleeper())
            .listener(environment.listener());
    if (setup.imgapi() != null) {
      operation.publishTarget(setup.imgapi(), setup.channel());
    }
    return operation.build().run(setup.request()).toMap();
  }
}
