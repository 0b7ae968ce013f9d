package org.tritondatacenter.origin.build;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.tritondatacenter.origin.images.ImageSpec;

/**
 * Writes the {@code user-script} a temporary machine runs: strict bash that installs the image's
 * packages and reports through customer metadata (the guest status protocol).
 *
 * <p>Every command the build recognises ({@code pkgin update}, {@code full-upgrade}, {@code
 * install}, {@code pkg_admin audit}) and every {@code mdata-put} stands on a top-level line of its
 * own, and package names are written literally: the script is meant to be read by people checking a
 * kept machine, and by tools that follow its progress line by line.
 */
final class UserScript {
  /** The status key: {@code running}, then {@code ok} or {@code failed}. */
  static final String STATUS = "triton-origin:status";

  /** The step key: {@code update}, {@code upgrade}, {@code install}, {@code audit}, ... */
  static final String STEP = "triton-origin:step";

  /** The failing command, a newline, then the last 4 KiB of output. */
  static final String ERROR = "triton-origin:error";

  /** The installed packages, one {@code name-version} a line. */
  static final String PKGS = "triton-origin:pkgs";

  /** The {@code pkg_admin audit} report, at most 64 KiB. */
  static final String AUDIT = "triton-origin:audit";

  /** Where the script keeps all of its output, on the machine. */
  static final String LOG_FILE = "/var/tmp/triton-origin-build.log";

  /** Where the audit report is written, on the machine. */
  static final String AUDIT_FILE = "/var/tmp/triton-origin-audit.txt";

  // Words that need no quoting in bash; images.json package names already keep to these.
  private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+@%:,=-]*");

  private UserScript() {}

  /**
   * Returns the script for one image.
   *
   * @param spec the images.json entry
   * @param buildId the build id, named in the header comment
   * @throws IllegalArgumentException when a package name would need shell quoting
   */
  static String forImage(ImageSpec spec, String buildId) {
    for (String pkg : spec.pkgsrc()) {
      if (!PLAIN_WORD.matcher(pkg).matches()) {
        throw new IllegalArgumentException(
            "pkgsrc package " + pkg + " of " + spec.imageName() + " is not a plain package name");
      }
    }
    List<String> s = new ArrayList<>();
    header(s, spec, buildId);
    prologue(s);
    s.add("mdata-put " + STATUS + " running");
    s.add("");
    s.add("# The origin's package catalogue is as old as the origin: refresh it first.");
    step(s, "update");
    s.add("pkgin -y update");
    if (spec.upgrade()) {
      s.add("");
      s.add("# images.json asks for \"upgrade\": bring the origin's own packages up to date.");
      step(s, "upgrade");
      s.add("pkgin -y full-upgrade");
    }
    s.add("");
    step(s, "install");
    s.add("pkgin -y in " + String.join(" ", spec.pkgsrc()));
    if (spec.audit()) {
      audit(s);
    }
    if (!spec.script().isEmpty()) {
      s.add("");
      s.add(
          "# images.json \"script\": the image's own commands, as written, under the same rules.");
      step(s, "custom");
      s.addAll(spec.script());
    }
    s.add("");
    s.add("# Report what is installed, one name-version a line.");
    s.add("mdata-put " + PKGS + " \"$(pkg_info | awk '{print $1}' | sort)\"");
    step(s, "done");
    s.add("mdata-put " + STATUS + " ok");
    return String.join("\n", s) + "\n";
  }

  private static void header(List<String> s, ImageSpec spec, String buildId) {
    s.add("#!/bin/bash");
    s.add("#");
    s.add("# triton-origin build of " + spec.imageName() + " (build " + buildId + "),");
    s.add("# in a temporary machine made from " + spec.origin() + ".");
    s.add("#");
    s.add("# It reports through customer metadata, which triton-origin polls:");
    s.add("#   " + STATUS + "  running, then ok or failed");
    s.add("#   " + STEP + "    update, upgrade, install, audit, custom, done");
    s.add("#   " + ERROR + "   the failing command, then the last 4 KiB of output");
    s.add("#   " + PKGS + "    the installed packages, one name-version a line");
    s.add("#   " + AUDIT + "   the pkg_admin audit report, at most 64 KiB");
    s.add("# It never powers the machine off: triton-origin stops it through CloudAPI, then");
    s.add("# makes the image. All output goes to " + LOG_FILE + ".");
    s.add("");
  }

  private static void prologue(List<String> s) {
    s.add("# Stop at the first failing command, including one inside a pipeline.");
    s.add("set -o errexit -o pipefail");
    s.add("");
    s.add("export PATH=/opt/local/sbin:/opt/local/bin:/usr/sbin:/usr/bin:/sbin");
    s.add("");
    s.add("# A user-script runs at every boot: once the build has ended, do not run it again.");
    s.add("previous_status=$(mdata-get " + STATUS + " 2>/dev/null || true)");
    s.add("if [[ $previous_status == ok || $previous_status == failed ]]; then exit 0; fi");
    s.add("");
    s.add("LOG=" + LOG_FILE);
    s.add("AUDIT=" + AUDIT_FILE);
    s.add("exec >>\"$LOG\" 2>&1");
    s.add("");
    s.add("# Reports a failure through metadata and ends the script with the failing status:");
    s.add("# the command ($1), then the end of the output, which holds that command's own.");
    s.add("report_failure() {");
    s.add("    trap - ERR");
    s.add(
        "    mdata-put " + ERROR + " \"$(printf '%s\\n' \"$1\"; tail -c 4096 \"$LOG\")\" || true");
    s.add("    mdata-put " + STATUS + " failed || true");
    s.add("    exit \"$2\"");
    s.add("}");
    s.add("trap 'report_failure \"$BASH_COMMAND\" \"$?\"' ERR");
    s.add("");
  }

  private static void audit(List<String> s) {
    s.add("");
    s.add("# images.json asks for \"audit\": report known vulnerabilities of what is installed.");
    step(s, "audit");
    s.add("pkg_admin fetch-pkg-vulnerabilities");
    s.add("# pkg_admin audit exits 1 when it found vulnerable packages: that is its report.");
    s.add("audit_status=0");
    s.add("pkg_admin audit >\"$AUDIT\" 2>&1 || audit_status=$?");
    s.add("cat \"$AUDIT\"");
    s.add(
        "if (( audit_status > 1 )); then report_failure \"pkg_admin audit\" \"$audit_status\"; fi");
    s.add("mdata-put " + AUDIT + " \"$(head -c 65536 \"$AUDIT\")\"");
  }

  private static void step(List<String> s, String step) {
    s.add("mdata-put " + STEP + " " + step);
  }
}
