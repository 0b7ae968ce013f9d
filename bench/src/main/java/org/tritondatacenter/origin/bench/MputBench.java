package org.tritondatacenter.origin.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * B4: the B1 upload against node-manta's {@code mput} of the same file to the same endpoint, signed
 * with the same key. {@code mput -m} reads the file twice (MD5 first, then the upload), which is
 * how it gets the integrity check this client gets in one pass; plain {@code mput} sends no MD5 at
 * all and is reported beside it. Both sides are timed as whole processes, start to exit, as a user
 * would time them, and their peak RSS comes from {@code time -v}.
 */
final class MputBench {

  /** JVM options a launcher script could use for a lean client: small heap, simple collector. */
  static final List<String> LEAN_JVM = List.of("-XX:+UseSerialGC", "-Xmx64m");

  private final BenchEnvironment env;
  private final Path mput;

  MputBench(BenchEnvironment env) {
    this.env = env;
    this.mput =
        env.options().workDir().resolve("node/node_modules/manta/bin/mput").toAbsolutePath();
  }

  Row run(DataFile file) {
    if (!Files.isRegularFile(mput)) {
      return Row.notRun(
          "B4",
          Row.target("B4"),
          "node-manta is not installed at "
              + mput
              + "; bench/run.sh installs manta@5.4.2 there with npm");
    }
    Samples load = new Samples("");
    String account = env.triton().account();
    Samples ours = new Samples("MB/s");
    Samples oursRss = new Samples("MiB");
    Samples md5 = new Samples("MB/s");
    Samples md5Rss = new Samples("MiB");
    Samples plain = new Samples("MB/s");
    Samples plainRss = new Samples("MiB");
    Samples startup = new Samples("s");
    Samples oursCpu = new Samples("s");
    Samples md5Cpu = new Samples("s");
    Samples lean = new Samples("MB/s");
    Samples leanRss = new Samples("MiB");
    List<String> args =
        List.of(
            "manta=" + env.triton().mantaUrl(),
            "file=" + file.path(),
            "md5=" + file.md5Base64(),
            "path=/" + account + "/stor/bench/b4-ours");
    for (int i = 0; i < env.options().runs(); i++) {
      load.add(Facts.load1Value());
      ProcessResult p = env.client(List.of(), "put", args);
      ours.add(file.size() / p.wallSeconds() / 1e6);
      oursRss.add(p.peakRssMib());
      startup.add(p.wallSeconds() - p.number("seconds"));
      oursCpu.add(p.cpuSeconds());
      ProcessResult l = env.client(LEAN_JVM, "put", args);
      lean.add(file.size() / l.wallSeconds() / 1e6);
      leanRss.add(l.peakRssMib());
      ProcessResult m = mput(file, "/" + account + "/stor/bench/b4-mput-md5", true);
      md5.add(file.size() / m.wallSeconds() / 1e6);
      md5Rss.add(m.peakRssMib());
      md5Cpu.add(m.cpuSeconds());
      ProcessResult n = mput(file, "/" + account + "/stor/bench/b4-mput", false);
      plain.add(file.size() / n.wallSeconds() / 1e6);
      plainRss.add(n.peakRssMib());
    }
    double ratio = ours.median() / md5.median();
    boolean rssOk = oursRss.median() <= md5Rss.median();
    String verdict = Row.atLeast(ratio, 1.5);
    if (!rssOk) {
      verdict +=
          "; RSS missed by "
              + Samples.format((oursRss.median() / md5Rss.median() - 1) * 100)
              + " %";
    } else {
      verdict += "; RSS met";
    }
    List<String> notes = new ArrayList<>();
    notes.add(
        "times whole processes (JVM or node start to exit), so both sides pay their start-up;"
            + " the JVM's start, key loading and client set-up took "
            + startup
            + " of each run; CPU time of the whole process (user + system): ours "
            + oursCpu
            + ", mput -m "
            + md5Cpu
            + ".");
    notes.add(
        "the same upload in a JVM started with "
            + String.join(" ", LEAN_JVM)
            + ", as a launcher could start it: "
            + lean
            + ", peak RSS "
            + leanRss
            + " ("
            + Row.times(lean.median() / md5.median())
            + " mput -m).");
    return new Row(
        "B4",
        "the B1 upload as a process, "
            + TransferBench.gib(file.size())
            + ": "
            + ours
            + ", peak RSS "
            + oursRss,
        "node-manta mput -m "
            + md5
            + ", peak RSS "
            + md5Rss
            + "; plain mput (no MD5 sent, so the server hashes) "
            + plain
            + ", peak RSS "
            + plainRss,
        ratio,
        Row.target("B4"),
        verdict,
        load.describe(),
        notes);
  }

  private ProcessResult mput(DataFile file, String path, boolean md5) {
    List<String> command =
        new ArrayList<>(List.of("node", mput.toString(), "-f", file.path().toString()));
    if (md5) {
      command.add("-m");
    }
    command.add(path);
    // node-manta signs with the key file under $HOME/.ssh that MANTA_KEY_ID names; no agent.
    Map<String, String> environment =
        Map.of(
            "HOME", env.home().toString(),
            "MANTA_URL", env.triton().mantaUrl().toString(),
            "MANTA_USER", env.triton().account(),
            "MANTA_KEY_ID", env.key().md5Fingerprint(),
            "SSH_AUTH_SOCK", "");
    return env.launcher().runChecked(command, environment, BenchEnvironment.TRANSFER_TIMEOUT);
  }
}
