package org.tritondatacenter.origin.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tritondatacenter.origin.TritonException;
import org.tritondatacenter.origin.TritonIoException;
import org.tritondatacenter.origin.cloudapi.MachineFilter;
import org.tritondatacenter.origin.http.TlsSettings;
import org.tritondatacenter.origin.preflight.Plan;
import org.tritondatacenter.origin.runner.BuildTools;
import org.tritondatacenter.origin.runner.StepEnvironment;
import org.tritondatacenter.origin.testkit.LocalTriton;
import org.tritondatacenter.origin.testkit.junit.LocalTritonExtension;
import org.tritondatacenter.origin.wait.ManualClock;

/**
 * TLS verification is on by default: the local Triton's self-signed certificate is refused, at once
 * and without a retry (R27), until the user turns verification off with the insecure switch, which
 * then works and warns. The same holds through the step runner the adapters call.
 */
class TlsByDefaultTest {
  private static final ManualClock CLOCK = new ManualClock();

  @RegisterExtension
  static final LocalTritonExtension TRITON =
      LocalTritonExtension.withOptions(Seeds.options(CLOCK).tls(true).build());

  @Test
  void anyCall_selfSignedCertificate_isRefusedAtOnceWithoutARetry() {
    LocalTriton triton = TRITON.triton();
    Rig rig = Rig.on(triton, CLOCK, CLOCK);

    TritonIoException e =
        catchThrowableOfType(
            TritonIoException.class, () -> rig.cloudApi().listMachines(MachineFilter.none()));

    assertThat(triton.cloudApiUrl().getScheme()).isEqualTo("https");
    assertThat(e.getMessage()).contains("certificate is not trusted", "insecure switch");
    assertThat(triton.requests().all()).as("nothing reached the server").isEmpty();
    assertThat(rig.sleeps()).as("never retried").isEmpty();
  }

  @Test
  void anyCall_insecureSwitch_worksAndWarns() {
    LocalTriton triton = TRITON.triton();
    Rig rig = Rig.on(triton, CLOCK, CLOCK).withTls(TlsSettings.insecureSkipVerify());

    assertThat(rig.cloudApi().listMachines(MachineFilter.none())).isEmpty();
    assertThat(rig.updates().listChannels()).isNotEmpty();

    assertThat(rig.events.warnings())
        .anySatisfy(w -> assertThat(w).contains("TLS certificate verification is OFF", "CloudAPI"))
        .anySatisfy(w -> assertThat(w).contains("TLS certificate verification is OFF", "IMGAPI"));
  }

  @Test
  void plan_throughTheStepRunner_refusesTheCertificateUnlessTheEndpointIsInsecure() {
    LocalTriton triton = TRITON.triton();
    Rig rig = Rig.on(triton, CLOCK, CLOCK);
    Map<String, Object> args = Map.of("imagesJson", Seeds.IMAGES_JSON, "channel", "dev");

    Throwable refused = catchThrowable(() -> BuildTools.plan(args, environment(rig, false)));
    Plan plan = BuildTools.plan(args, environment(rig, true));

    assertThat(refused).isInstanceOf(TritonException.class);
    assertThat(refused.getMessage()).contains("certificate is not trusted");
    assertThat(plan.images()).singleElement();
    assertThat(rig.events.warnings()).anyMatch(w -> w.contains("verification is OFF"));
  }

  private static StepEnvironment environment(Rig rig, boolean insecure) {
    return Steps.environment(rig, insecure);
  }
}
