package org.tritondatacenter.origin.testkit.cloudapi.guest;

/** User-scripts shaped like the build's, for the guest tests. */
final class Scripts {
  private Scripts() {}

  /** A full build script: update, upgrade, install, audit, one custom command, done. */
  static final String BUILD =
      """
      #!/bin/bash
      set -o errexit -o pipefail

      report_failure() {
          mdata-put triton-origin:status failed
          mdata-put triton-origin:error "$(tail -c 4096 /tmp/step.log)"
          /opt/local/bin/pkgin -y in not-a-package
      }
      trap 'mdata-put triton-origin:status failed
      mdata-put triton-origin:error "$BASH_COMMAND"' ERR

      mdata-put triton-origin:status running
      mdata-put triton-origin:step update
      /opt/local/bin/pkgin -f -y update
      mdata-put triton-origin:step upgrade
      /opt/local/bin/pkgin -y full-upgrade 2>&1 | tee -a /tmp/step.log
      mdata-put triton-origin:step install
      /opt/local/bin/pkgin -y in coreutils curl gsed-4.9nb1
      mdata-put triton-origin:step audit
      pkg_admin fetch-pkg-vulnerabilities
      pkg_admin audit > /tmp/audit.txt 2>&1 || true
      mdata-put triton-origin:audit "$(tail -c 65536 /tmp/audit.txt)"
      mdata-put triton-origin:step custom
      echo 'hello' > /etc/motd
      mdata-put triton-origin:step done
      mdata-put triton-origin:pkgs "$(pkgin list | awk '{print $1}')"
      mdata-put triton-origin:status ok
      """;
}
