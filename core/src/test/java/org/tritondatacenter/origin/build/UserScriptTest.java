package org.tritondatacenter.origin.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tritondatacenter.origin.images.ImageSpec;

class UserScriptTest {

  /** Returns the lines a shell runs when it reads them: no comments, blanks or function bodies. */
  private static List<String> commands(String script) {
    List<String> lines = Arrays.stream(script.split("\n")).map(String::strip).toList();
    int bodyStart = lines.indexOf("report_failure() {");
    int bodyEnd = lines.subList(bodyStart, lines.size()).indexOf("}") + bodyStart;
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if ((i >= bodyStart && i <= bodyEnd) || line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      out.add(line);
    }
    return out;
  }

  private static List<String> mdataPuts(String script) {
    return commands(script).stream().filter(l -> l.startsWith("mdata-put ")).toList();
  }

  @Test
  void forImage_plainEntry_runsStrictWithErrorTrapBeforeAnyStep() {
    String script = UserScript.forImage(Specs.plain(), Specs.BUILD_ID);
    List<String> commands = commands(script);

    assertThat(script).startsWith("#!/bin/bash\n");
    assertThat(commands).contains("set -o errexit -o pipefail");
    assertThat(commands).contains("trap 'report_failure \"$BASH_COMMAND\" \"$?\"' ERR");
    assertThat(commands.indexOf("trap 'report_failure \"$BASH_COMMAND\" \"$?\"' ERR"))
        .isLessThan(commands.indexOf("mdata-put triton-origin:status running"));
    assertThat(script)
        .contains(
            "report_failure() {\n"
                + "    trap - ERR\n"
                + "    mdata-put triton-origin:error \"$(printf '%s\\n' \"$1\"; tail -c 4096"
                + " \"$LOG\")\" || true\n"
                + "    mdata-put triton-origin:status failed || true\n"
                + "    exit \"$2\"\n"
                + "}\n");
  }

  @Test
  void forImage_plainEntry_reportsEveryStepOnItsOwnLineInOrder() {
    String script = UserScript.forImage(Specs.plain(), Specs.BUILD_ID);

    assertThat(mdataPuts(script))
        .containsExactly(
            "mdata-put triton-origin:status running",
            "mdata-put triton-origin:step update",
            "mdata-put triton-origin:step install",
            "mdata-put triton-origin:pkgs \"$(pkg_info | awk '{print $1}' | sort)\"",
            "mdata-put triton-origin:step done",
            "mdata-put triton-origin:status ok");
    List<String> commands = commands(script);
    assertThat(commands.indexOf("pkgin -y update"))
        .isEqualTo(commands.indexOf("mdata-put triton-origin:step update") + 1);
    assertThat(commands.indexOf("pkgin -y in coreutils curl-8.11.1"))
        .isEqualTo(commands.indexOf("mdata-put triton-origin:step install") + 1);
    assertThat(commands).last().isEqualTo("mdata-put triton-origin:status ok");
    assertThat(commands).noneMatch(l -> l.contains("full-upgrade") || l.contains("pkg_admin"));
    assertThat(script).doesNotContain("step custom").doesNotContain("poweroff");
  }

  @Test
  void forImage_upgradeAuditAndScript_addsTheirStepsBetweenInstallAndPkgs() {
    ImageSpec spec = Specs.spec(true, true, List.of("echo built > /etc/motd", "svcadm refresh x"));
    String script = UserScript.forImage(spec, Specs.BUILD_ID);
    List<String> commands = commands(script);

    assertThat(mdataPuts(script))
        .containsSubsequence(
            "mdata-put triton-origin:step update",
            "mdata-put triton-origin:step upgrade",
            "mdata-put triton-origin:step install",
            "mdata-put triton-origin:step audit",
            "mdata-put triton-origin:audit \"$(head -c 65536 \"$AUDIT\")\"",
            "mdata-put triton-origin:step custom",
            "mdata-put triton-origin:pkgs \"$(pkg_info | awk '{print $1}' | sort)\"",
            "mdata-put triton-origin:step done",
            "mdata-put triton-origin:status ok");
    assertThat(commands)
        .containsSubsequence(
            "mdata-put triton-origin:step upgrade",
            "pkgin -y full-upgrade",
            "mdata-put triton-origin:step install",
            "pkgin -y in coreutils curl-8.11.1",
            "mdata-put triton-origin:step audit",
            "pkg_admin fetch-pkg-vulnerabilities",
            "pkg_admin audit >\"$AUDIT\" 2>&1 || audit_status=$?",
            "mdata-put triton-origin:step custom",
            "echo built > /etc/motd",
            "svcadm refresh x",
            "mdata-put triton-origin:pkgs \"$(pkg_info | awk '{print $1}' | sort)\"");
  }

  @Test
  void forImage_audit_toleratesExitOneAndReportsWorse() {
    String script = UserScript.forImage(Specs.spec(false, true, List.of()), Specs.BUILD_ID);

    // Exit 1 means "vulnerable packages found": a report, so it must not reach the error trap.
    assertThat(commands(script))
        .containsSubsequence(
            "audit_status=0",
            "pkg_admin audit >\"$AUDIT\" 2>&1 || audit_status=$?",
            "if (( audit_status > 1 )); then report_failure \"pkg_admin audit\""
                + " \"$audit_status\"; fi");
  }

  @Test
  void forImage_reboot_exitsWhenTheBuildAlreadyEnded() {
    List<String> commands = commands(UserScript.forImage(Specs.plain(), Specs.BUILD_ID));

    assertThat(commands)
        .contains(
            "previous_status=$(mdata-get triton-origin:status 2>/dev/null || true)",
            "if [[ $previous_status == ok || $previous_status == failed ]]; then exit 0; fi");
    assertThat(commands.indexOf("mdata-put triton-origin:status running"))
        .isGreaterThan(
            commands.indexOf(
                "previous_status=$(mdata-get triton-origin:status" + " 2>/dev/null || true)"));
  }

  @Test
  void forImage_header_namesImageOriginAndBuildInComments() {
    String script = UserScript.forImage(Specs.plain(), Specs.BUILD_ID);

    assertThat(script)
        .contains("# triton-origin build of triton-origin-x86_64-24.4.1 (build " + Specs.BUILD_ID)
        .contains("minimal-64-lts@24.4.1 (" + Specs.ORIGIN + ")")
        .contains("# It never powers the machine off");
  }

  @Test
  void forImage_packageNeedingQuotes_isRefused() {
    ImageSpec spec =
        new ImageSpec(
            "p",
            "d",
            new ImageSpec.Origin(Specs.ORIGIN, "minimal-64-lts", "24.4.1"),
            List.of("curl; rm -rf /"),
            1024,
            null,
            List.of(),
            false,
            false,
            List.of(),
            Map.of(),
            Map.of(),
            null);

    assertThatThrownBy(() -> UserScript.forImage(spec, Specs.BUILD_ID))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("curl; rm -rf /");
  }
}
