package org.tritondatacenter.origin.testkit.cloudapi.guest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptLinesTest {

  private static List<String> topLevel(String script) {
    return ScriptLines.topLevel(script).stream().map(ScriptLines.Line::text).toList();
  }

  @Test
  void functions_inEveryForm_areSkipped() {
    String script =
        """
        a() { echo one-line; }
        b()
        {
          echo brace-on-next-line
          if true; then echo "${HOME}"; fi
        }
        function c {
          echo keyword
        }
        function d() {
          nested() {
            echo inner
          }
        }
        echo top
        """;

    assertThat(topLevel(script)).containsExactly("echo top");
  }

  @Test
  void continuationsAndOpenQuotes_joinIntoOneLine() {
    String script =
        """
        pkgin -y in \\
          curl
        mdata-put key "first
        second"
        """;

    List<ScriptLines.Line> lines = ScriptLines.topLevel(script);

    assertThat(lines).extracting(ScriptLines.Line::number).containsExactly(1, 3);
    assertThat(Command.parse(lines.get(0).words()).packages()).containsExactly("curl");
    assertThat(Command.parse(lines.get(1).words()).value()).isEqualTo("first\nsecond");
  }

  @Test
  void commentsBlankLinesAndTraps_areSkipped() {
    String script =
        """
        #!/bin/bash
        # a comment

        trap 'echo trapped' ERR
        trap "mdata-put triton-origin:status failed" EXIT
        echo run  # trailing comment
        """;

    assertThat(topLevel(script)).containsExactly("echo run  # trailing comment");
  }

  @Test
  void commands_areRecognisedThroughWrappersAndPaths() {
    assertThat(parse("sudo /opt/local/bin/pkgin -fy up").type()).isEqualTo(Command.Type.UPDATE);
    assertThat(parse("PKG_PATH=x pkgin fug").type()).isEqualTo(Command.Type.UPGRADE);
    assertThat(parse("pkgin install -y a b >/dev/null 2>&1").packages()).containsExactly("a", "b");
    assertThat(parse("pkg_admin -K /var/db audit").type()).isEqualTo(Command.Type.AUDIT);
    assertThat(parse("pkg_admin fetch-pkg-vulnerabilities").type()).isEqualTo(Command.Type.OTHER);
    assertThat(parse("pkgin list").type()).isEqualTo(Command.Type.OTHER);
    assertThat(parse("echo pkgin update").type()).isEqualTo(Command.Type.OTHER);
    Command put = parse("mdata-put k \"$(date)\" || true");
    assertThat(put.key()).isEqualTo("k");
    assertThat(put.substitution()).isTrue();
    assertThat(parse("mdata-put k").value()).isNull();
  }

  private static Command parse(String line) {
    return Command.parse(ShellWords.split(line));
  }
}
