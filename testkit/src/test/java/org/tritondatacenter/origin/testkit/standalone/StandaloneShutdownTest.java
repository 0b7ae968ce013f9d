package org.tritondatacenter.origin.testkit.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM (what Ctrl-C and service managers send) stops the standalone mode cleanly. */
class StandaloneShutdownTest {
  /** The status a JVM exits with after SIGTERM: 128 + 15. */
  private static final int SIGTERM_STATUS = 143;

  @TempDir Path home;

  @Test
  void sigterm_closesTheServerAndExits() throws Exception {
    StandaloneProcess triton = StandaloneProcess.start("--home", home.toString());
    List<URI> urls =
        List.of(
            triton.url("TRITON_URL"),
            triton.url("MANTA_URL"),
            triton.url("UPDATES_IMGADM_URL"),
            triton.url("TRITON_ORIGIN_PUBLIC_IMGAPI_URL"));
    for (URI url : urls) {
      connect(url).close();
    }

    triton.terminate();
    int status = triton.waitFor(30);

    assertThat(status).isEqualTo(SIGTERM_STATUS);
    assertThat(triton.stderr()).contains("local Triton stopped").doesNotContain("\tat ");
    for (URI url : urls) {
      assertThatThrownBy(() -> connect(url)).as(url.toString()).isInstanceOf(IOException.class);
    }
  }

  private static Socket connect(URI url) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 5000);
    return socket;
  }
}
