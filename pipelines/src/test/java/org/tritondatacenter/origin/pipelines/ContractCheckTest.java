package org.tritondatacenter.origin.pipelines;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tritondatacenter.origin.steps.StepArgumentException;

/** Proves that a Jenkinsfile drifting from the step contract fails its tests. */
class ContractCheckTest {
  private final PipelineHarness pipeline = new PipelineHarness();

  @Test
  void misspelledParameter_failsWithTheValidNames() throws Exception {
    Path script = Path.of("target", "drifted.Jenkinsfile");
    Files.createDirectories(script.getParent());
    Files.writeString(script, "node { imgadmChannelAdd(uuid: 'x', channels: 'staging') }\n");
    pipeline.start("master", Map.of());

    assertThatThrownBy(() -> pipeline.runScript("pipelines/" + script))
        .isInstanceOf(StepArgumentException.class)
        .hasMessageContaining("imgadmChannelAdd")
        .hasMessageContaining("'uuid'")
        .hasMessageContaining("uuids");
  }
}
