package org.tritondatacenter.origin.testkit.cloudapi.guest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tritondatacenter.origin.testkit.LocalTritonOptions;

class GuestRunTest {
  private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");
  private static final Duration STEP = Duration.ofSeconds(30);

  private final GuestControl control = new GuestControl(LocalTritonOptions.DEFAULT_CATALOGUE);
  private final Map<String, String> metadata = new LinkedHashMap<>();

  private GuestRun start(String script) {
    return control.start("m-1", "proto-1", script, STEP);
  }

  private void runUntil(GuestRun run, Duration elapsed) {
    run.advance(START, START.plus(elapsed), (k, v, at) -> metadata.put(k, v));
  }

  @Test
  void buildScript_succeeds_withEveryProtocolKey() {
    GuestRun run = start(Scripts.BUILD);

    runUntil(run, Duration.ofHours(1));

    assertThat(metadata)
        .containsEntry(GuestRun.STATUS, "ok")
        .containsEntry(GuestRun.STEP, "done")
        .containsEntry(GuestRun.PKGS, "coreutils-9.4\ncurl-8.6.0\ngsed-4.9nb1")
        .doesNotContainKey(GuestRun.ERROR);
    assertThat(metadata.get(GuestRun.AUDIT)).startsWith("Package coreutils-9.4 has a");
    assertThat(run.done()).isTrue();
    assertThat(control.modelErrors()).isEmpty();
  }

  @Test
  void buildScript_advancesOneStepDurationPerRecognisedCommand() {
    GuestRun run = start(Scripts.BUILD);

    runUntil(run, Duration.ZERO);
    assertThat(metadata)
        .containsEntry(GuestRun.STATUS, "running")
        .containsEntry(GuestRun.STEP, "update");
    runUntil(run, Duration.ofSeconds(30));
    assertThat(metadata).containsEntry(GuestRun.STEP, "upgrade");
    runUntil(run, Duration.ofSeconds(89));
    assertThat(metadata).containsEntry(GuestRun.STEP, "install");
    runUntil(run, Duration.ofSeconds(90));
    assertThat(metadata).containsEntry(GuestRun.STEP, "audit");
    runUntil(run, Duration.ofSeconds(120));
    assertThat(metadata).containsEntry(GuestRun.STEP, "custom").containsKey(GuestRun.AUDIT);
    assertThat(metadata).containsEntry(GuestRun.STATUS, "running");
    runUntil(run, Duration.ofSeconds(150));
    assertThat(metadata).containsEntry(GuestRun.STATUS, "ok");
  }

  @Test
  void missingPackage_failsTheInstallStepNamingIt() {
    GuestRun run =
        start(Scripts.BUILD.replace("in coreutils curl", "in coreutils no-such-pkg curl"));

    runUntil(run, Duration.ofHours(1));

    assertThat(metadata)
        .containsEntry(GuestRun.STATUS, "failed")
        .containsEntry(GuestRun.STEP, "install")
        .doesNotContainKeys(GuestRun.PKGS, GuestRun.AUDIT);
    assertThat(metadata.get(GuestRun.ERROR))
        .startsWith("/opt/local/bin/pkgin -y in coreutils no-such-pkg curl gsed-4.9nb1\n")
        .contains("no-such-pkg is not available in the repository");
    assertThat(run.installed()).isEmpty();
  }

  @Test
  void failAtUpgrade_runsTheErrorTrapWithTheCommand() {
    control.behave(GuestBehaviour.failAt("upgrade"));
    GuestRun run = start(Scripts.BUILD);

    runUntil(run, Duration.ofHours(1));

    assertThat(metadata)
        .containsEntry(GuestRun.STATUS, "failed")
        .containsEntry(GuestRun.STEP, "upgrade");
    assertThat(metadata.get(GuestRun.ERROR))
        .startsWith("/opt/local/bin/pkgin -y full-upgrade 2>&1 | tee -a /tmp/step.log\n")
        .contains("simulated failure");
  }

  @Test
  void failAtAudit_withOutput_keepsTheLast4KiB() {
    String output = "x".repeat(10_000) + "END";
    control.behave(GuestBehaviour.failAt("audit", output));
    GuestRun run = start(Scripts.BUILD);

    runUntil(run, Duration.ofHours(1));

    String error = metadata.get(GuestRun.ERROR);
    assertThat(error).startsWith("pkg_admin audit > /tmp/audit.txt 2>&1 || true\n").endsWith("END");
    assertThat(error.length())
        .isEqualTo("pkg_admin audit > /tmp/audit.txt 2>&1 || true\n".length() + 4096);
    assertThat(metadata).doesNotContainKey(GuestRun.AUDIT);
  }

  @Test
  void failAtCustom_failsTheFirstCustomCommand() {
    control.behave(GuestBehaviour.failAt("custom"));
    GuestRun run = start(Scripts.BUILD);

    runUntil(run, Duration.ofHours(1));

    assertThat(metadata)
        .containsEntry(GuestRun.STEP, "custom")
        .containsEntry(GuestRun.STATUS, "failed");
    assertThat(metadata.get(GuestRun.ERROR)).startsWith("echo 'hello' > /etc/motd\n");
    assertThat(metadata).containsKey(GuestRun.AUDIT);
  }

  @Test
  void functionBodiesAndTraps_areDefinitionsNotRun() {
    GuestRun run = start(Scripts.BUILD);

    runUntil(run, Duration.ofHours(1));

    // The function installs a missing package and the trap sets "failed": neither ran.
    assertThat(metadata).containsEntry(GuestRun.STATUS, "ok").doesNotContainKey(GuestRun.ERROR);
  }

  @Test
  void hereDocuments_areData() {
    String script =
        """
        cat > /etc/motd <<'EOF'
        mdata-put triton-origin:status failed
        EOF
        mdata-put triton-origin:status ok
        """;

    runUntil(start(script), Duration.ofMinutes(1));

    assertThat(metadata).containsEntry(GuestRun.STATUS, "ok");
  }

  @Test
  void mdataPut_literalValues_areStoredAsWritten() {
    String script =
        """
        mdata-put plain value
        mdata-put "quoted key" "two words"
        mdata-put single '$(not run) $HOME'
        mdata-put variable "$HOME/x"
        """;

    runUntil(start(script), Duration.ZERO);

    assertThat(metadata)
        .containsEntry("plain", "value")
        .containsEntry("quoted key", "two words")
        .containsEntry("single", "$(not run) $HOME")
        .containsEntry("variable", "$HOME/x");
  }

  @Test
  void mdataPut_substitutionForAnotherKey_isAModelErrorAndNotStored() {
    String script =
        """
        mdata-put triton-origin:status running
        mdata-put triton-origin:error "$(cat /tmp/log)"
        mdata-put triton-origin:status ok
        """;

    runUntil(start(script), Duration.ZERO);

    assertThat(metadata).containsEntry(GuestRun.STATUS, "ok").doesNotContainKey(GuestRun.ERROR);
    assertThat(control.modelErrors())
        .singleElement()
        .asString()
        .contains("line 2", "triton-origin:error", "m-1");
  }

  @Test
  void auditReport_isConfigurableAndCappedAt64KiB() {
    control.auditReport("A".repeat(100 * 1024));

    runUntil(start(Scripts.BUILD), Duration.ofHours(1));

    assertThat(metadata.get(GuestRun.AUDIT)).hasSize(64 * 1024);
  }

  @Test
  void hang_keepsStatusRunningForever() {
    control.behave(GuestBehaviour.hang());
    GuestRun run = start(Scripts.BUILD);

    runUntil(run, Duration.ofDays(1));

    assertThat(metadata)
        .containsEntry(GuestRun.STATUS, "running")
        .containsEntry(GuestRun.STEP, "update");
    assertThat(run.crashedAt()).isNull();
  }

  @Test
  void hangAtInstall_stopsBeforeTheInstall() {
    control.behave(GuestBehaviour.hangAt("install"));
    GuestRun run = start(Scripts.BUILD);

    runUntil(run, Duration.ofDays(1));

    assertThat(metadata)
        .containsEntry(GuestRun.STATUS, "running")
        .containsEntry(GuestRun.STEP, "install");
    assertThat(run.installed()).isEmpty();
  }

  @Test
  void crash_atBootOrAtAStep_recordsWhen() {
    control.behaveForNext(1, GuestBehaviour.crash());
    control.behaveForNext(1, GuestBehaviour.crashAt("upgrade"));
    GuestRun atBoot = start(Scripts.BUILD);
    GuestRun atUpgrade = start(Scripts.BUILD);

    atBoot.advance(START, START.plus(Duration.ofHours(1)), (k, v, at) -> {});
    runUntil(atUpgrade, Duration.ofHours(1));

    assertThat(atBoot.crashedAt()).isEqualTo(START);
    assertThat(atUpgrade.crashedAt()).isEqualTo(START.plus(STEP));
    assertThat(metadata)
        .containsEntry(GuestRun.STATUS, "running")
        .containsEntry(GuestRun.STEP, "upgrade");
  }

  @Test
  void behaviourRules_idThenNameAndNextInOrderThenDefault() {
    control.behave(GuestBehaviour.hang());
    control.behaveForName("proto", GuestBehaviour.failAt("update"));
    control.behaveForNext(1, GuestBehaviour.crash());
    Map<String, String> byName = new LinkedHashMap<>();
    Map<String, String> next = new LinkedHashMap<>();
    Map<String, String> fallback = new LinkedHashMap<>();

    GuestRun named = control.start("a", "proto-a", Scripts.BUILD, STEP);
    GuestRun firstOther = control.start("b", "other", Scripts.BUILD, STEP);
    GuestRun secondOther = control.start("c", "other", Scripts.BUILD, STEP);
    control.behaveForMachine("c", GuestBehaviour.succeed());
    named.advance(START, START.plus(Duration.ofHours(1)), (k, v, at) -> byName.put(k, v));
    firstOther.advance(START, START.plus(Duration.ofHours(1)), (k, v, at) -> next.put(k, v));
    secondOther.advance(START, START.plus(Duration.ofHours(1)), (k, v, at) -> fallback.put(k, v));

    assertThat(byName).containsEntry(GuestRun.STATUS, "failed");
    assertThat(firstOther.crashedAt()).isEqualTo(START);
    assertThat(fallback).containsEntry(GuestRun.STATUS, "ok");
  }

  @Test
  void catalogue_bareNameMatchesAnyVersion_exactVersionMustExist() {
    control.addToCatalogue("curl-8.10.1");
    String script =
        """
        pkgin -y in curl 'sudo>=1.9' gsed-4.9nb1
        mdata-put triton-origin:pkgs "$(pkgin list)"
        pkgin -y in curl-7.0.0
        """;

    runUntil(start(script), Duration.ofHours(1));

    assertThat(metadata.get(GuestRun.PKGS)).isEqualTo("curl-8.10.1\ngsed-4.9nb1\nsudo-1.9.15p5");
    assertThat(metadata.get(GuestRun.ERROR)).contains("curl-7.0.0 is not available");
  }

  @Test
  void badConfiguration_isRefusedWithAClearMessage() {
    assertThatThrownBy(() -> GuestBehaviour.failAt("compile"))
        .hasMessageContaining("compile")
        .hasMessageContaining("update, upgrade, install, audit, custom");
    assertThatThrownBy(() -> control.addToCatalogue("curl")).hasMessageContaining("name-version");
    assertThatThrownBy(() -> control.behaveForNext(0, GuestBehaviour.hang()))
        .hasMessageContaining("count");
  }
}
