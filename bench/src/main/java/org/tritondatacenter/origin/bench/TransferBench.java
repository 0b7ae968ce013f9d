package org.tritondatacenter.origin.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * B1-B3: the client's uploads and the streaming publish against the limits measured in the same
 * run: R (the same upload with digests off), M and S (one core's MD5 and SHA-1), and curl for
 * context. Each round runs every variant once, a digest baseline included, so that a burst of load
 * from other work falls on the measurement and its baselines alike.
 */
final class TransferBench {

  /** The digest baselines hash this much; a rate needs no more, and each run costs seconds. */
  private static final long DIGEST_BYTES = BenchOptions.GIB;

  private final BenchEnvironment env;
  private final BenchOptions options;
  private final Curl curl;
  private final String account;

  private final Samples md5 = new Samples("MB/s");
  private final Samples sha1 = new Samples("MB/s");
  private final Samples curlUpload = new Samples("MB/s");
  private final Samples addRaw = new Samples("MB/s");

  TransferBench(BenchEnvironment env) {
    this.env = env;
    this.options = env.options();
    this.curl = new Curl(env);
    this.account = env.triton().account();
  }

  /** Runs the rows of B1-B3 that the options select, uploading {@code file}. */
  List<Row> run(DataFile file) {
    List<Row> rows = new ArrayList<>();
    boolean b3 = options.runs("B3");
    if (options.runs("B1") || b3) {
      rows.add(b1(file));
    }
    if (options.runs("B2") || b3) {
      rows.add(b2(file));
    }
    if (b3) {
      rows.add(b3());
    }
    return rows.stream().filter(r -> options.runs(r.id())).toList();
  }

  private Row b1(DataFile file) {
    Samples load = new Samples("");
    Samples put = new Samples("MB/s");
    Samples putRaw = new Samples("MB/s");
    Samples putRss = new Samples("MiB");
    CpuBudget putCpu = new CpuBudget();
    CpuBudget rawCpu = new CpuBudget();
    for (int i = 0; i < options.runs(); i++) {
      BenchMain.progress("B1 run " + (i + 1) + ": MD5, putObject, raw PUT, curl -T");
      load.add(Facts.load1Value());
      md5.add(digest("MD5"));
      ProcessResult p = env.client(List.of(), "put", putArgs(file, "b1-put"));
      put.add(p.number("mbps"));
      putRss.add(p.peakRssMib());
      putCpu.add(p);
      ProcessResult raw = env.client(List.of(), "put-raw", putArgs(file, "b1-raw"));
      putRaw.add(raw.number("mbps"));
      rawCpu.add(raw);
      curlUpload.add(curl.upload(file, "/" + account + "/stor/bench/b1-curl"));
    }
    double ratio = put.median() / Math.min(putRaw.median(), md5.median());
    return new Row(
        "B1",
        "MantaClient.putObject, generated "
            + gib(file.size())
            + " file, MD5 on the fly: "
            + put
            + "; client peak RSS "
            + putRss,
        "R (same PUT, digests off) " + putRaw + "; M " + md5 + "; curl -T (context) " + curlUpload,
        ratio,
        Row.target("B1"),
        Row.atLeast(ratio, 0.85),
        load.describe(),
        cpuNotes(putCpu, rawCpu));
  }

  private static List<String> cpuNotes(CpuBudget measured, CpuBudget raw) {
    int cores = Facts.cores();
    return List.of(
        "CPU of the measured transfer: "
            + measured.describe(cores)
            + "; of R: "
            + raw.describe(cores)
            + ".");
  }

  private Row b2(DataFile file) {
    Samples load = new Samples("");
    Samples add = new Samples("MB/s");
    CpuBudget addCpu = new CpuBudget();
    CpuBudget rawCpu = new CpuBudget();
    for (int i = 0; i < options.runs(); i++) {
      BenchMain.progress("B2 run " + (i + 1) + ": SHA-1, addImageFile, raw PUT");
      load.add(Facts.load1Value());
      sha1.add(digest("SHA-1"));
      ProcessResult a = env.client(List.of(), "add-file", imgapiArgs(file));
      add.add(a.number("mbps"));
      addCpu.add(a);
      ProcessResult raw = env.client(List.of(), "add-file-raw", imgapiArgs(file));
      addRaw.add(raw.number("mbps"));
      rawCpu.add(raw);
    }
    double ratio = add.median() / Math.min(addRaw.median(), sha1.median());
    return new Row(
        "B2",
        "ImgapiClient.addImageFile, " + gib(file.size()) + " file, SHA-1 on the fly: " + add,
        "R (same PUT, digests off) "
            + addRaw
            + "; S "
            + sha1
            + "; curl -T (context, B1's) "
            + curlUpload,
        ratio,
        Row.target("B2"),
        Row.atLeast(ratio, 0.85),
        load.describe(),
        cpuNotes(addCpu, rawCpu));
  }

  /** Needs the baselines B1 and B2 measured: M, S and the IMGAPI endpoint's R. */
  private Row b3() {
    Samples load = new Samples("");
    String source = "/" + account + "/stor/bench/b3-synthetic";
    DataFile object = env.synthetic(source, options.transferBytes(), 3);
    Samples publish = new Samples("MB/s");
    Samples pipe = new Samples("MB/s");
    CpuBudget publishCpu = new CpuBudget();
    for (int i = 0; i < options.runs(); i++) {
      BenchMain.progress("B3 run " + (i + 1) + ": streaming publish, curl | curl");
      load.add(Facts.load1Value());
      ProcessResult p = env.client(List.of(), "publish", publishArgs(object, source));
      publish.add(p.number("mbps"));
      publishCpu.add(p);
      pipe.add(curl.pipe(object, source, "/" + account + "/stor/bench/b3-curl"));
    }
    double limit = Math.min(addRaw.median(), Math.min(md5.median(), sha1.median()));
    double ratio = publish.median() / limit;
    return new Row(
        "B3",
        "Manta → IMGAPI streaming publish of a "
            + gib(object.size())
            + " synthetic object (MD5 out, SHA-1 in): "
            + publish,
        "R (IMGAPI PUT, digests off, B2's) "
            + addRaw
            + "; M "
            + md5
            + "; S "
            + sha1
            + " (B1's and B2's); curl GET | curl PUT (context) "
            + pipe,
        ratio,
        Row.target("B3"),
        Row.atLeast(ratio, 0.6),
        load.describe(),
        List.of("CPU of the publish: " + publishCpu.describe(Facts.cores()) + "."));
  }

  /** Measures one core's digest rate in a child JVM, once: baseline M or S. */
  private double digest(String algorithm) {
    List<String> args = List.of("digest", "alg=" + algorithm, "bytes=" + DIGEST_BYTES);
    return env.launcher()
        .runChecked(
            Launcher.java(List.of(), ClientMain.class.getName(), args),
            Map.of(),
            BenchEnvironment.TRANSFER_TIMEOUT)
        .number("mbps");
  }

  private List<String> putArgs(DataFile file, String name) {
    return List.of(
        "manta=" + env.triton().mantaUrl(),
        "file=" + file.path(),
        "md5=" + file.md5Base64(),
        "path=/" + account + "/stor/bench/" + name);
  }

  private List<String> imgapiArgs(DataFile file) {
    return List.of(
        "imgapi=" + env.triton().imgapiUrl(), "file=" + file.path(), "sha1=" + file.sha1Hex());
  }

  private List<String> publishArgs(DataFile object, String path) {
    return List.of(
        "manta=" + env.triton().mantaUrl(),
        "imgapi=" + env.triton().imgapiUrl(),
        "path=" + path,
        "size=" + object.size(),
        "sha1=" + object.sha1Hex());
  }

  static String gib(long bytes) {
    double gib = bytes / (double) BenchOptions.GIB;
    if (gib >= 1 && gib == Math.rint(gib)) {
      return (long) gib + " GiB";
    }
    return bytes % 1_000_000 == 0
        ? bytes / 1_000_000 + " MB"
        : Samples.format(bytes / 1048576.0) + " MiB";
  }
}
