package org.tritondatacenter.origin.bench;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The {@code curl} context figures: the kernel-copy floor for a loopback upload to the same server,
 * through its unauthenticated listener. The known MD5 goes along as {@code Content-MD5} so that the
 * bench-mode server hashes nothing for curl either.
 */
final class Curl {
  private static final String WRITE_OUT = "CURL %{time_total} %{size_upload} %{http_code}\\n";

  private final BenchEnvironment env;

  Curl(BenchEnvironment env) {
    this.env = env;
  }

  private URI url(String path) {
    return env.triton().unauthenticatedMantaUrl().resolve(path);
  }

  /** Uploads {@code file} with {@code curl -T} and returns MB/s as curl timed it. */
  double upload(DataFile file, String path) {
    List<String> command =
        List.of(
            "curl",
            "-sS",
            "-o",
            "/dev/null",
            "-w",
            WRITE_OUT,
            "-H",
            "Content-MD5: " + file.md5Base64(),
            "-T",
            file.path().toString(),
            url(path).toString());
    return rate(env.launcher().runChecked(command, Map.of(), BenchEnvironment.TRANSFER_TIMEOUT));
  }

  /**
   * Streams the object at {@code from} into a new object at {@code to} with {@code curl | curl},
   * the plain-tools version of the streaming publish, and returns MB/s over the whole pipe.
   */
  double pipe(DataFile object, String from, String to) {
    String script =
        "set -o pipefail; curl -sS "
            + url(from)
            + " | curl -sS -o /dev/null -w '"
            + WRITE_OUT
            + "' -H 'Content-MD5: "
            + object.md5Base64()
            + "' -T - "
            + url(to);
    ProcessResult result =
        env.launcher()
            .runChecked(List.of("bash", "-c", script), Map.of(), BenchEnvironment.TRANSFER_TIMEOUT);
    double mbps = rate(result);
    // The PUT's own clock starts with the pipe; the process's wall time covers both ends.
    return Math.min(mbps, object.size() / result.wallSeconds() / 1e6);
  }

  private static double rate(ProcessResult result) {
    for (String line : result.output()) {
      if (line.startsWith("CURL ")) {
        String[] f = line.split(" ");
        double seconds = Double.parseDouble(f[1]);
        double bytes = Double.parseDouble(f[2]);
        if (!f[3].startsWith("2")) {
          throw new IllegalStateException("curl's upload was answered HTTP " + f[3]);
        }
        return bytes / seconds / 1e6;
      }
    }
    throw new IllegalStateException("curl printed no timing:\n" + result.tail());
  }
}
